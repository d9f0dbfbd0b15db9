/*
 * detectable_format.c - IFEval's detectable_format:* checkers (Google's
 * reference: instruction_following_eval/instructions.py, BulletListChecker,
 * ConstrainedResponseChecker, HighlightSectionChecker, SectionChecker,
 * JsonFormat, TitleChecker).
 *
 * The reference's fixed regexes are hand-coded here; each scanner says which
 * regex it reproduces and why the hand-coded search finds the same matches
 * (Python `re` semantics: `\s` is str.isspace() and crosses newlines, `.`
 * excludes only '\n', `[^\*]` matches '\n', MULTILINE `^` is after '\n').
 */
#include "precise.h"
#include "../text/pyjson.h"

#include <string.h>

typedef struct count_args {
    int64_t n;
} count_args;

static int parse_count(ifr__parse_ctx *pc, const ifr__kwval *v, const char *key,
                       const void **out)
{
    if (!v->present)
        return ifr__parse_error(pc, IFR_E_KWARGS, key, "missing (required)");
    if (v->i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, key, "must be >= 0, not %lld",
                                (long long)v->i);
    count_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, key, "out of memory");
    a->n = v->i;
    *out = a;
    return IFR_OK;
}

/* MARK: detectable_format:number_bullet_lists ----------------------------- */

static const ifr__kwspec bullets_kwargs[] = {
    {"num_bullets", IFR__KW_INT, IFR__KW_REQUIRED, "exact number of bullet points (>= 0)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int bullets_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    return parse_count(pc, &vals[0], "num_bullets", out);
}

/* First MULTILINE `^` position >= from: 0 or just after a '\n'. */
static size_t next_line_start(const uint32_t *cp, const char *ascii, size_t n, size_t from)
{
    if (from == 0)
        return 0;
    size_t i = ifr__ck_find(cp, ascii, n, from - 1, '\n');
    return i < n ? i + 1 : n + 1; /* n + 1: none */
}

/*
 * len(re.findall(r"^\s*\*[^\*].*$", text, re.M)) (star) or
 * len(re.findall(r"^\s*-.*$", text, re.M)). At a line start p, `\s*` runs to
 * the first non-whitespace q (possibly on a later line; backtracking cannot
 * help, since the characters it gives back are whitespace, never '*' or '-');
 * then '*' plus one non-'*' character (which may be '\n'), or '-'; then `.*$`
 * always succeeds and ends at the next '\n' or the end. The next search starts
 * there. A failed line start p fails for every line start up to q too.
 */
static size_t count_bullets(const uint32_t *cp, const char *ascii, size_t n, bool star)
{
    size_t count = 0;
    size_t p = 0;
    while (p <= n) {
        size_t q = p;
        while (q < n && ifr__py_isspace(cp[q]))
            q++;
        size_t rest;
        bool ok;
        if (star) {
            ok = q + 1 < n && cp[q] == '*' && cp[q + 1] != '*';
            rest = q + 2;
        } else {
            ok = q < n && cp[q] == '-';
            rest = q + 1;
        }
        if (ok) {
            size_t e = rest < n ? ifr__ck_find(cp, ascii, n, rest, '\n') : rest;
            count++;
            p = next_line_start(cp, ascii, n, e);
        } else {
            p = next_line_start(cp, ascii, n, q + 1 > p + 1 ? q + 1 : p + 1);
        }
    }
    return count;
}

static int bullets_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const count_args *a = args;
    if (ifr__pr_on(cx)) {
        size_t total = ifr__pr_count_bullets(t->cp, t->ncp);
        cx->followed = (int64_t)total == a->n;
        ifr__detail(cx, "%zu bullet point%s ('* ', '- ' or '+ ' with text); needs exactly %lld",
                    total, total == 1 ? "" : "s", (long long)a->n);
        return IFR_OK;
    }
    size_t stars = count_bullets(t->cp, ifr__text_ascii(t), t->ncp, true);
    size_t dashes = count_bullets(t->cp, ifr__text_ascii(t), t->ncp, false);
    size_t total = stars + dashes;
    cx->followed = (int64_t)total == a->n;
    ifr__detail(cx, "%zu bullet point%s (%zu '*', %zu '-'); needs exactly %lld", total,
                total == 1 ? "" : "s", stars, dashes, (long long)a->n);
    return IFR_OK;
}

/* MARK: detectable_format:constrained_response ---------------------------- */

static const char *const constrained_opts[] = {"My answer is yes.", "My answer is no.",
                                              "My answer is maybe."};

/* cp[b..e) without whitespace, quotes and markdown emphasis at either end */
static void trim_decor(const uint32_t *cp, size_t *b, size_t *e)
{
    for (;;) {
        size_t ob = *b, oe = *e;
        while (*b < *e && (ifr__pr_invisible(cp[*b]) || cp[*b] == '"' || cp[*b] == '\'' ||
                           cp[*b] == '*' || cp[*b] == '_' || cp[*b] == '`' || cp[*b] == '>' ||
                           cp[*b] == 0x201C || cp[*b] == 0x2018))
            (*b)++;
        while (*e > *b && (ifr__pr_invisible(cp[*e - 1]) || cp[*e - 1] == '"' ||
                           cp[*e - 1] == '\'' || cp[*e - 1] == '*' || cp[*e - 1] == '_' ||
                           cp[*e - 1] == '`' || cp[*e - 1] == 0x201D || cp[*e - 1] == 0x2019))
            (*e)--;
        if (ob == *b && oe == *e)
            return;
    }
}

static bool cp_starts(const uint32_t *cp, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (k > n)
        return false;
    for (size_t i = 0; i < k; i++)
        if (cp[i] != (unsigned char)lit[i])
            return false;
    return true;
}

/*
 * Precise: exactly one of the three options is given, and it is the answer,
 * not a phrase buried in the text: the response (without whitespace, quotes
 * and emphasis around it) starts with it, or its last non-blank line is
 * exactly it. "My answer is yes. Because ..." and "...\n\nMy answer is no."
 * pass; "I think that, as they say, My answer is yes. is wrong" does not.
 */
static int constrained_check_precise(ifr__text *t, ifr__check_ctx *cx)
{
    int which = -1, kinds = 0;
    for (int i = 0; i < 3; i++)
        if (ifr__ck_memmem(t->s, t->n, constrained_opts[i], strlen(constrained_opts[i]))) {
            which = i;
            kinds++;
        }
    cx->followed = false;
    if (kinds == 0) {
        ifr__detail(cx, "contains none of \"My answer is yes.\", \"My answer is no.\", "
                        "\"My answer is maybe.\" (case and final period matter)");
        return IFR_OK;
    }
    if (kinds > 1) {
        ifr__detail(cx, "gives %d of the options; needs exactly one", kinds);
        return IFR_OK;
    }
    const char *opt = constrained_opts[which];
    const uint32_t *cp = t->cp;
    size_t b = 0, e = t->ncp;
    trim_decor(cp, &b, &e);
    bool ok = cp_starts(cp + b, e - b, opt);
    if (!ok) {
        /* the last non-blank line */
        size_t pos = 0, lb, le, lastb = 0, laste = 0;
        while (ifr__pr_next_line(cp, t->ncp, &pos, &lb, &le))
            if (!ifr__pr_blank(cp + lb, le - lb))
                lastb = lb, laste = le;
        trim_decor(cp, &lastb, &laste);
        ok = laste - lastb == strlen(opt) && cp_starts(cp + lastb, laste - lastb, opt);
    }
    cx->followed = ok;
    if (ok)
        ifr__detail(cx, "answers \"%s\"", opt);
    else
        ifr__detail(cx, "\"%s\" is buried in the text; it must open the response or be "
                        "its last line", opt);
    return IFR_OK;
}

static int constrained_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    if (ifr__pr_on(cx))
        return constrained_check_precise(t, cx);
    const char *const *opts = constrained_opts;
    /* `option in text.strip()`: the options neither start nor end with
     * whitespace, so searching the unstripped text is the same. */
    for (size_t i = 0; i < 3; i++) {
        if (ifr__ck_memmem(t->s, t->n, opts[i], strlen(opts[i]))) {
            cx->followed = true;
            ifr__detail(cx, "contains \"%s\"", opts[i]);
            return IFR_OK;
        }
    }
    cx->followed = false;
    ifr__detail(cx, "contains none of \"My answer is yes.\", \"My answer is no.\", "
                    "\"My answer is maybe.\" (case and final period matter)");
    return IFR_OK;
}

/* MARK: detectable_format:number_highlighted_sections --------------------- */

static const ifr__kwspec highlights_kwargs[] = {
    {"num_highlights", IFR__KW_INT, IFR__KW_REQUIRED,
     "minimum number of *highlighted* sections (>= 0)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int highlights_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    return parse_count(pc, &vals[0], "num_highlights", out);
}

/*
 * re.findall(r"\*[^\n\*]*\*") matches whose inside is non-blank, plus
 * re.findall(r"\*\*[^\n\*]*\*\*") matches whose inside is non-blank. The
 * inner class excludes '*', so from a start the match (if any) ends at the
 * first '*' (single) or must be "**" there (double): no backtracking choice.
 */
static size_t count_single(const uint32_t *cp, const char *ascii, size_t n)
{
    size_t count = 0, i = 0;
    while (i < n) {
        if (cp[i] != '*') {
            i = ifr__ck_find(cp, ascii, n, i, '*');
            continue;
        }
        size_t j = i + 1;
        while (j < n && cp[j] != '\n' && cp[j] != '*')
            j++;
        if (j < n && cp[j] == '*') {
            count += !ifr__py_isblank(cp + i + 1, j - i - 1);
            i = j + 1;
        } else {
            i = j; /* no '*' before j: no match can start in (i, j) */
        }
    }
    return count;
}

static size_t count_double(const uint32_t *cp, const char *ascii, size_t n)
{
    size_t count = 0, i = 0;
    while (i + 1 < n) {
        if (cp[i] != '*') {
            i = ifr__ck_find(cp, ascii, n, i, '*');
            continue;
        }
        if (cp[i + 1] != '*') {
            i++;
            continue;
        }
        size_t j = i + 2;
        while (j < n && cp[j] != '\n' && cp[j] != '*')
            j++;
        if (j + 1 < n && cp[j] == '*' && cp[j + 1] == '*') {
            count += !ifr__py_isblank(cp + i + 2, j - i - 2);
            i = j + 2;
        } else {
            i++;
        }
    }
    return count;
}

static int highlights_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const count_args *a = args;
    if (ifr__pr_on(cx)) {
        size_t total;
        int rc = ifr__pr_count_highlights(t->cp, t->ncp, t->arena, &total);
        if (rc != IFR_OK)
            return rc;
        cx->followed = (int64_t)total >= a->n;
        ifr__detail(cx, "%zu distinct highlighted section%s (*text* or **text** with a word "
                        "inside); needs at least %lld", total, total == 1 ? "" : "s",
                    (long long)a->n);
        return IFR_OK;
    }
    const char *ascii = ifr__text_ascii(t);
    size_t s1 = count_single(t->cp, ascii, t->ncp);
    size_t s2 = count_double(t->cp, ascii, t->ncp);
    size_t total = s1 + s2;
    cx->followed = (int64_t)total >= a->n;
    ifr__detail(cx, "%zu highlighted section%s (*text*: %zu, **text**: %zu); needs at least "
                    "%lld", total, total == 1 ? "" : "s", s1, s2, (long long)a->n);
    return IFR_OK;
}

/* MARK: detectable_format:multiple_sections ------------------------------- */

typedef struct sections_args {
    const ifr__regex *rx;  /* r"\s?" + spliter + r"\s?\d+\s?" */
    size_t groups;         /* capturing groups in spliter */
    ifr__ck_str spliter;   /* stripped */
    int64_t n;
} sections_args;

static const ifr__kwspec sections_kwargs[] = {
    {"section_spliter", IFR__KW_STR, IFR__KW_REQUIRED,
     "section marker such as \"Section\" (a Python regex, case-sensitive)"},
    {"num_sections", IFR__KW_INT, IFR__KW_REQUIRED, "minimum number of sections (>= 0)"},
    {NULL, IFR__KW_END, 0, NULL},
};

/*
 * Capturing groups of a Python pattern (it compiled, so it is well formed):
 * '(' not followed by '?', or "(?P<name>". Escapes and character classes are
 * skipped, as are (?#...) comments and the condition of (?(...)...).
 * re.split() returns the groups of every match too, which the reference's
 * len(sections) - 1 counts as sections.
 */
static size_t count_groups(const char *p, size_t n)
{
    size_t g = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\\') {
            i++;
        } else if (c == '[') {
            i++;
            if (i < n && p[i] == '^')
                i++;
            if (i < n && p[i] == ']')
                i++;
            while (i < n && p[i] != ']') {
                if (p[i] == '\\')
                    i++;
                i++;
            }
        } else if (c == '(') {
            if (i + 1 < n && p[i + 1] == '?') {
                if (i + 3 < n && p[i + 2] == 'P' && p[i + 3] == '<') {
                    g++;
                } else if (i + 2 < n && (p[i + 2] == '#' || p[i + 2] == '(')) {
                    i += 3;
                    while (i < n && p[i] != ')')
                        i++;
                }
            } else {
                g++;
            }
        }
    }
    return g;
}

static int sections_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "section_spliter", "missing (required)");
    if (!vals[1].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_sections", "missing (required)");
    if (vals[1].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_sections", "must be >= 0, not %lld",
                                (long long)vals[1].i);
    sections_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "section_spliter", "out of memory");
    int rc = ifr__ck_pystr(pc, "section_spliter", vals[0].s, vals[0].slen, IFR__CK_STRIP,
                           &a->spliter);
    if (rc != IFR_OK)
        return rc;
    static const char pre[] = "\\s?", post[] = "\\s?\\d+\\s?";
    size_t plen = 3 + a->spliter.n + 9;
    char *pat = ifr__parse_alloc(pc, plen + 1);
    if (!pat)
        return ifr__parse_error(pc, IFR_E_NOMEM, "section_spliter", "out of memory");
    memcpy(pat, pre, 3);
    memcpy(pat + 3, a->spliter.s, a->spliter.n);
    memcpy(pat + 3 + a->spliter.n, post, 9);
    pat[plen] = '\0';
    rc = ifr__parse_regex(pc, "section_spliter", pat, plen, 0, &a->rx);
    if (rc != IFR_OK)
        return rc;
    a->groups = count_groups(a->spliter.s, a->spliter.n);
    a->n = vals[1].i;
    *out = a;
    return IFR_OK;
}

/*
 * Precise: a section header is a line that starts (after indentation and
 * markdown '#', '*', '_') with the spliter as literal text (case-sensitive),
 * optional spaces, and a number not followed by a word character ("Section
 * 2:", "**SECTION 2**", "Day 3 - Rest"). The numbers must run 1, 2, ... N and every
 * section must have a word after its number; the count must be exactly N
 * (the instruction says "must have N sections"), or k complete runs 1..N
 * (k responses each with its N sections, as with combination:two_responses).
 */
static int sections_check_precise(const sections_args *a, ifr__text *t, ifr__check_ctx *cx)
{
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    const ifr__ck_str *sp = &a->spliter;
    size_t count = 0, pos = 0, b, e, content_from = 0;
    long long last_num = 0;
    size_t runs = 1;
    bool order_ok = true, empty = false;
    while (ifr__pr_next_line(cp, n, &pos, &b, &e)) {
        size_t i = b;
        while (i < e && (ifr__py_isspace(cp[i]) || cp[i] == '#' || cp[i] == '*' || cp[i] == '_' ||
                         cp[i] == '"' || cp[i] == '\'' || cp[i] == 0x201C || cp[i] == '>'))
            i++;
        if (sp->ncp == 0 || e - i < sp->ncp || memcmp(cp + i, sp->cp, sp->ncp * sizeof *cp) != 0)
            continue;
        size_t j = i + sp->ncp;
        while (j < e && (cp[j] == ' ' || cp[j] == '\t' || cp[j] == 0xA0))
            j++;
        size_t d = j;
        long long num = 0;
        while (d < e && cp[d] >= '0' && cp[d] <= '9' && d - j < 9)
            num = num * 10 + (cp[d++] - '0');
        if (d == j || (d < e && ifr__pr_wordch(cp[d])))
            continue;
        if (count > 0 && !ifr__pr_has_word(cp + content_from, b - content_from))
            empty = true;
        /* numbered 1..N; the numbering may restart at 1 after a complete run (two
         * responses, each with its N sections) */
        if (num == 1 && count > 0 && a->n > 0 && last_num == a->n)
            runs++;
        else if (num != (count == 0 ? 1 : last_num + 1))
            order_ok = false;
        last_num = num;
        count++;
        content_from = d;
    }
    if (count > 0 && !ifr__pr_has_word(cp + content_from, n - content_from))
        empty = true;
    char q[80];
    ifr__ck_quote(q, sizeof q, sp->s, sp->n, 40);
    cx->followed = a->n > 0 ? (int64_t)count == a->n * (int64_t)runs && order_ok && !empty
                            : count == 0;
    if (!order_ok)
        ifr__detail(cx, "sections after \"%s\" are not numbered 1, 2, 3, ...", q);
    else if (empty)
        ifr__detail(cx, "a section marked \"%s N\" is empty", q);
    else
        ifr__detail(cx, "%zu section%s with a line starting \"%s N\"; needs exactly %lld",
                    count, count == 1 ? "" : "s", q, (long long)a->n);
    return IFR_OK;
}

static int sections_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const sections_args *a = args;
    if (ifr__pr_on(cx))
        return sections_check_precise(a, t, cx);
    size_t matches = 0;
    int rc = ifr__regex_count(a->rx, cx->rx, t->s, t->n, &matches);
    if (rc < 0)
        return rc;
    size_t sections = matches * (1 + a->groups);
    cx->followed = (int64_t)sections >= a->n;
    char q[80];
    ifr__ck_quote(q, sizeof q, a->spliter.s, a->spliter.n, 40);
    ifr__detail(cx, "%zu section%s marked \"%s N\"; needs at least %lld", sections,
                sections == 1 ? "" : "s", q, (long long)a->n);
    return IFR_OK;
}

/* MARK: detectable_format:json_format ------------------------------------- */

static bool has_prefix(const uint32_t *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (k > n)
        return false;
    for (size_t i = 0; i < k; i++)
        if (s[i] != (unsigned char)lit[i])
            return false;
    return true;
}

static int json_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s = t->cp;
    size_t b, e;
    ifr__py_strip(s, t->ncp, &b, &e);
    /* .removeprefix("```json").removeprefix("```Json").removeprefix("```JSON")
     * .removeprefix("```").removesuffix("```").strip(), in that order */
    static const char *const prefixes[] = {"```json", "```Json", "```JSON", "```"};
    for (size_t i = 0; i < 4; i++)
        if (has_prefix(s + b, e - b, prefixes[i]))
            b += strlen(prefixes[i]);
    if (e - b >= 3 && s[e - 1] == '`' && s[e - 2] == '`' && s[e - 3] == '`')
        e -= 3;
    size_t b2, e2;
    ifr__py_strip(s + b, e - b, &b2, &e2);
    bool ok;
    ifr__pyjson_error err = {0, NULL};
    int rc = ifr__pyjson_validate(s + b + b2, e2 - b2, t->arena, &ok, &err);
    if (rc != IFR_OK)
        return rc;
    if (ok && cx->semantics == IFR_SEMANTICS_PRECISE) {
        /* precise: an object or array with something in it, no NaN/Infinity */
        const uint32_t *j = s + b + b2;
        size_t jn = e2 - b2;
        size_t k = 1;
        while (k < jn && (j[k] == ' ' || j[k] == '\t' || j[k] == '\n' || j[k] == '\r'))
            k++;
        bool container = jn > 0 && (j[0] == '{' || j[0] == '[');
        bool empty = container && k == jn - 1;
        bool nonfinite = false, in_str = false;
        for (size_t q = 0; q < jn && !nonfinite; q++) {
            if (in_str) {
                if (j[q] == '\\')
                    q++;
                else if (j[q] == '"')
                    in_str = false;
            } else if (j[q] == '"') {
                in_str = true;
            } else if (j[q] == 'N' || j[q] == 'I') {
                nonfinite = true; /* NaN, Infinity: no other bare word has capitals */
            }
        }
        if (!container || empty || nonfinite) {
            cx->followed = false;
            ifr__detail(cx, "%s", !container ? "a bare JSON scalar; needs an object or array"
                                  : empty    ? "an empty JSON object or array"
                                             : "JSON with NaN or Infinity (not standard JSON)");
            return IFR_OK;
        }
    }
    cx->followed = ok;
    if (ok)
        ifr__detail(cx, "valid JSON (Python json.loads)");
    else
        ifr__detail(cx, "not valid JSON after removing the ``` fence: %s at character %zu",
                    err.msg, err.pos);
    return IFR_OK;
}

/* MARK: detectable_format:title ------------------------------------------- */

/*
 * Any re.findall(r"<<[^\n]+>>") match with non-blank
 * `title.lstrip("<").rstrip(">").strip()`. Within a line, the greedy
 * `[^\n]+` makes a match starting at p end at the rightmost ">>" r with
 * r >= p + 3; nothing matches after it on that line, so each line has at
 * most one match, starting at its first "<<" (if that "<<" is too close to
 * r, so is every later one).
 */
static int title_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    size_t matches = 0;
    for (size_t ls = 0; ls <= n;) {
        size_t le = ls;
        while (le < n && cp[le] != '\n')
            le++;
        size_t r = le;
        bool have_r = false;
        while (r >= ls + 2) {
            if (cp[r - 1] == '>' && cp[r - 2] == '>') {
                have_r = true;
                r -= 2;
                break;
            }
            r--;
        }
        if (have_r) {
            for (size_t p = ls; p + 1 < le; p++) {
                if (cp[p] != '<' || cp[p + 1] != '<')
                    continue;
                if (r < p + 3)
                    break;
                matches++;
                size_t tb = p, te = r + 2;
                while (tb < te && cp[tb] == '<')
                    tb++;
                while (te > tb && cp[te - 1] == '>')
                    te--;
                if (cx->semantics == IFR_SEMANTICS_PRECISE
                        ? ifr__pr_has_word(cp + tb, te - tb)
                        : !ifr__py_isblank(cp + tb, te - tb)) {
                    char q[96];
                    cx->followed = true;
                    ifr__detail(cx, "title <<%s>> found",
                                ifr__ck_quote_cp(q, sizeof q, cp + tb, te - tb, 60));
                    return IFR_OK;
                }
                break;
            }
        }
        ls = le + 1;
    }
    cx->followed = false;
    if (matches)
        ifr__detail(cx, "only empty titles like << >>; needs a title such as <<poem of joy>>");
    else
        ifr__detail(cx, "no title wrapped in double angular brackets, such as <<poem of joy>>");
    return IFR_OK;
}

const ifr__checker ifr__family_detectable_format[] = {
    {
        .id = "detectable_format:number_bullet_lists",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Exactly N markdown bullet points ('* ' or '- ').",
        .kwargs = bullets_kwargs,
        .parse = bullets_parse,
        .check = bullets_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE | IFR_CHECKER_MARKUP,
        .rule = "Followed iff `len(re.findall(r\"^\\s*\\*[^\\*].*$\", response, re.M)) + "
                "len(re.findall(r\"^\\s*-.*$\", response, re.M)) == num_bullets`.",
        .quirks = "Exact equality. Any line starting with '-' counts ('---' rules, '-5 "
                  "degrees'), and so does a line starting with '*italic*'; '**Bold**' lines "
                  "and numbered lists do not. `\\s*` crosses blank lines, and '[^\\*]' can be "
                  "the line break itself, so a lone '*' at a line end absorbs the next line.",
        .precise = "A bullet is a line (\\n, \\r\\n or \\r) starting, after spaces or tabs, with '*', '-' or '+' then a space or tab, with a word character on the line. Horizontal rules ('---', '* * *'), negative numbers ('-5'), '*italic*' and '**bold**' lines, empty bullets and lines inside ``` fences do not count. Exactly N, as in compat.",
    },
    {
        .id = "detectable_format:constrained_response",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Answers with one of \"My answer is yes./no./maybe.\".",
        .kwargs = NULL,
        .parse = NULL,
        .check = constrained_check,
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `response.strip()` contains \"My answer is yes.\", \"My answer "
                "is no.\" or \"My answer is maybe.\" as a substring (case-sensitive).",
        .quirks = "Anything may surround the phrase, so it can be buried in a long answer "
                  "(or all three can be given); 'My answer is Yes.' and 'My answer is yes' "
                  "(no period) fail.",
        .precise = "Exactly one of the three options appears, and it is the answer: the response (without surrounding whitespace, quotes and markdown emphasis) starts with it ('My answer is yes. Because ...'), or its last non-blank line is exactly it. An option buried in a paragraph, or several options, fail.",
    },
    {
        .id = "detectable_format:number_highlighted_sections",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "At least N sections highlighted with markdown, such as *highlighted*.",
        .kwargs = highlights_kwargs,
        .parse = highlights_parse,
        .check = highlights_check,
        .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
        .rule = "Count the `re.findall(r\"\\*[^\\n\\*]*\\*\")` matches whose inside is "
                "non-blank plus the `re.findall(r\"\\*\\*[^\\n\\*]*\\*\\*\")` matches whose "
                "inside is non-blank; followed iff the sum >= num_highlights.",
        .quirks = "'**b**' counts once (through the second pattern only), '***x***' counts "
                  "twice, '* *' counts 0. A highlight cannot span a line break. Any "
                  "'*x*' counts, so N short highlights are an easy pass.",
        .precise = "Markdown emphasis spans on one line: a run of 1-3 '*' opens when the next character is not whitespace and closes at the next run of the same length not preceded by whitespace; the inside needs two word characters. '***xy***' counts once, '*a*' does not, '* *', '*...*' and '*\\u200b*' count 0, a '* ' bullet is not a highlight, and the same highlighted text repeated counts once (distinct texts).",
    },
    {
        .id = "detectable_format:multiple_sections",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "At least N sections marked \"<spliter> 1\", \"<spliter> 2\", ...",
        .kwargs = sections_kwargs,
        .parse = sections_parse,
        .check = sections_check,
        .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
        .rule = "`len(re.split(r\"\\s?\" + spliter + r\"\\s?\\d+\\s?\", response)) - 1 >= "
                "num_sections`, with spliter = section_spliter.strip() (case-sensitive).",
        .quirks = "At least, although the instruction says 'must have N'. The marker counts "
                  "anywhere in running text ('see Section 2'), 'Section1' counts, numbers "
                  "need not be in order. The spliter is a Python regex used unescaped; "
                  "capturing groups in it add to the count (re.split returns them).",
        .precise = "A section header is a line starting (after indentation, markdown '#', '*', '_', '>' and an opening quote) with the splitter as literal, case-sensitive text, optional spaces and a number not followed by a word character ('Section 2:', '**SECTION 2**', 'Day 3 - Rest'). Headers must be numbered 1, 2, ..., N in order, every section needs a word after its number, and the count must be exactly N (the instruction says 'must have N sections'), or k complete runs 1..N (two responses, each with its N sections). Markers in running prose do not count.",
    },
    {
        .id = "detectable_format:json_format",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The entire output is JSON (optionally in a ``` fence).",
        .kwargs = NULL,
        .parse = NULL,
        .check = json_check,
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "`response.strip()`, then removeprefix of \"```json\", \"```Json\", "
                "\"```JSON\" and \"```\" in turn, removesuffix(\"```\"), strip(); followed "
                "iff Python's json.loads accepts the rest.",
        .quirks = "json.loads accepts bare scalars ('42', 'null', '\"s\"'), NaN, Infinity, "
                  "-Infinity and duplicate keys; JSON whitespace is only space, tab, CR, LF; "
                  "an integer of more than 4300 digits fails (Python's int limit). '``` "
                  "json' and '```jsonc' fences fail, as does any prose outside the fence. "
                  "Nesting deeper than ~1000 levels crashes the reference (RecursionError); "
                  "here it gets the grammar's answer.",
        .precise = "After json.loads accepts it, the value must be a non-empty object or array (no bare scalars such as '42', 'null', '\"s\"'; no '{}' or '[]'), and NaN, Infinity and -Infinity (not JSON) are rejected.",
    },
    {
        .id = "detectable_format:title",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response contains a title in double angular brackets, <<title>>.",
        .kwargs = NULL,
        .parse = NULL,
        .check = title_check,
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "Followed iff some `re.findall(r\"<<[^\\n]+>>\")` match is non-blank after "
                "`lstrip(\"<\").rstrip(\">\").strip()`.",
        .quirks = "A title anywhere in the text counts (not only on the first line); the "
                  "match is greedy within a line, so '<<a>> and <<b>>' is one match; '<< >>' "
                  "fails, '<<<T>>>' and '<<a>b>>' pass.",
        .precise = "The title inside << >> needs a word character: '<<\\u200b>>' and '<<...>>' fail.",
    },
    {0},
};
