/*
 * ifbench_format.c - IFBench "format:*" constraints (allenai/IFBench db69a6f),
 * compat semantics.
 */
#include "ifbench_util.h"

#include <string.h>

/* MARK: format:parentheses ------------------------------------------------- */

static int check_parentheses(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *stack = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *stack);
    if (!stack)
        return IFR_E_NOMEM;
    size_t depth = 0, max_depth = 0;
    for (size_t i = 0; i < t->ncp; i++) {
        uint32_t c = t->cp[i];
        if (c == '(' || c == '[' || c == '{') {
            stack[depth++] = c;
            if (depth > max_depth)
                max_depth = depth;
        } else if (c == ')' || c == ']' || c == '}') {
            uint32_t open = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (depth && stack[depth - 1] == open) {
                depth--;
                if (max_depth >= 5 && depth < max_depth) {
                    cx->followed = true;
                    ifr__detail(cx, "brackets nested %zu deep", max_depth);
                    return IFR_OK;
                }
            } else {
                depth = 0; /* a mismatch resets everything */
                max_depth = 0;
            }
        }
    }
    cx->followed = false;
    ifr__detail(cx, "no closed bracket group nested 5 deep");
    return IFR_OK;
}

/* MARK: format:quotes ------------------------------------------------------ */

static int check_quotes(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *stack = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *stack);
    if (!stack)
        return IFR_E_NOMEM;
    size_t n = 0;
    long reached = 0, cur = 0;
    for (size_t i = 0; i < t->ncp; i++) {
        uint32_t c = t->cp[i];
        if (n && c == stack[n - 1]) {
            n--;
            cur--;
            if (reached - cur >= 3) {
                cx->followed = true;
                ifr__detail(cx, "quotes nested 3 levels deep");
                return IFR_OK;
            }
        } else if (c == '"' || c == '\'') {
            stack[n++] = c;
            cur++;
            if (cur > reached)
                reached = cur;
        }
    }
    cx->followed = false;
    ifr__detail(cx, "no quotes nested 3 levels deep");
    return IFR_OK;
}

/* MARK: format:options ----------------------------------------------------- */

typedef struct opt_args {
    bool strict;
    size_t nopt;
    const uint32_t **opt;
    size_t *nlen;
} opt_args;

static bool matches_abc(const uint32_t *s, size_t n)
{
    /* re.match(r"\W*[aA]\W*[bB]\W*[cC]\W*", options) */
    static const char want[3] = {'a', 'b', 'c'};
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        while (i < n && !ifr__py_isword(s[i]))
            i++;
        if (i >= n || (s[i] | 0x20u) != (uint32_t)want[k] || s[i] > 'z')
            return false;
        i++;
    }
    return true;
}

static int parse_options(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    opt_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "options",
                                "options is required (the reference would draw random "
                                "options)");
    uint32_t *s;
    size_t n;
    int rc = ifr__ifb_kw_decode(pc, vals[0].s, vals[0].slen, &s, &n);
    if (rc)
        return rc;
    a->strict = matches_abc(s, n);
    uint32_t sep[2];
    size_t nsep;
    static const uint32_t or_[2] = {'o', 'r'};
    if (ifr__ifb_find(s, n, (const uint32_t[]){'/'}, 1, 0) != SIZE_MAX) {
        sep[0] = '/';
        nsep = 1;
    } else if (ifr__ifb_find(s, n, or_, 2, 0) != SIZE_MAX) {
        sep[0] = 'o';
        sep[1] = 'r';
        nsep = 2;
    } else {
        sep[0] = ',';
        nsep = 1;
    }
    size_t cnt = ifr__ifb_count(s, n, sep, nsep) + 1;
    a->opt = ifr__parse_alloc(pc, cnt * sizeof *a->opt);
    a->nlen = ifr__parse_alloc(pc, cnt * sizeof *a->nlen);
    if (!a->opt || !a->nlen)
        return IFR_E_NOMEM;
    size_t from = 0, k = 0;
    for (;;) {
        size_t at = ifr__ifb_find(s, n, sep, nsep, from);
        size_t end = at == SIZE_MAX ? n : at;
        size_t b, e;
        ifr__py_strip(s + from, end - from, &b, &e);
        a->opt[k] = s + from + b;
        a->nlen[k] = e - b;
        k++;
        if (at == SIZE_MAX)
            break;
        from = at + nsep;
    }
    a->nopt = k;
    *args = a;
    return IFR_OK;
}

static int check_options(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const opt_args *a = args;
    if (a->strict) {
        for (size_t i = 0; i < a->nopt; i++)
            if (ifr__ifb_eq(a->opt[i], a->nlen[i], t->cp, t->ncp)) {
                cx->followed = true;
                ifr__detail(cx, "answer is option %zu", i + 1);
                return IFR_OK;
            }
        cx->followed = false;
        ifr__detail(cx, "answer is not exactly one of the options");
        return IFR_OK;
    }
    size_t b, e;
    uint32_t *v;
    size_t nv;
    ifr__ifb_strip_ps(t->cp, t->ncp, true, true, &b, &e);
    int rc = ifr__ifb_lower(t->arena, t->cp + b, e - b, &v, &nv);
    if (rc)
        return rc;
    for (size_t i = 0; i < a->nopt; i++) {
        size_t ob, oe;
        uint32_t *o;
        size_t no;
        ifr__ifb_strip_ps(a->opt[i], a->nlen[i], true, true, &ob, &oe);
        rc = ifr__ifb_lower(t->arena, a->opt[i] + ob, oe - ob, &o, &no);
        if (rc)
            return rc;
        if (ifr__ifb_eq(o, no, v, nv)) {
            cx->followed = true;
            ifr__detail(cx, "answer is option %zu", i + 1);
            return IFR_OK;
        }
    }
    cx->followed = false;
    ifr__detail(cx, "answer is not one of the options");
    return IFR_OK;
}

/* MARK: format:newline ----------------------------------------------------- */

static int check_newline(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *s;
    size_t n, b, e;
    int rc = ifr__ifb_remove_punct(t->arena, t->cp, t->ncp, &s, &n);
    if (rc)
        return rc;
    ifr__py_strip(s, n, &b, &e);
    size_t lines = 0, start = b;
    for (size_t i = b; i <= e; i++) {
        if (i == e || s[i] == '\n') {
            lines += i > start; /* '' lines are removed */
            start = i + 1;
        }
    }
    size_t pos = 0, wb, we, words = 0;
    while (ifr__py_split_next(s + b, e - b, &pos, &wb, &we))
        words++;
    cx->followed = lines == words;
    ifr__detail(cx, "%zu non-empty lines for %zu words; needs one word per line", lines, words);
    return IFR_OK;
}

/* MARK: format:emoji ------------------------------------------------------- */

/* sentence.translate(remove P).strip() */
static int clean_sentence(ifr__text *t, const ifr__span *s, uint32_t **out, size_t *n)
{
    uint32_t *np;
    size_t nnp, b, e;
    int rc = ifr__ifb_remove_punct(t->arena, t->cp + s->b, s->e - s->b, &np, &nnp);
    if (rc)
        return rc;
    ifr__py_strip(np, nnp, &b, &e);
    *out = np + b;
    *n = e - b;
    return IFR_OK;
}

static int check_emoji(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__span *sent;
    size_t ns;
    int rc = ifr__ifb_sentences(t, &sent, &ns);
    if (rc)
        return rc;
    for (size_t i = 0; i < ns; i++) {
        uint32_t *s;
        size_t n;
        rc = clean_sentence(t, &sent[i], &s, &n);
        if (rc)
            return rc;
        if (n == 0) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu is only punctuation", i + 1);
            return IFR_OK;
        }
        uint32_t last = s[n - 1], second = n > 1 ? s[n - 2] : s[n - 1];
        if (ifr__ifb_is_emoji(last) || ifr__ifb_is_emoji(second))
            continue;
        if (i + 1 < ns) {
            uint32_t *nx;
            size_t nn;
            rc = clean_sentence(t, &sent[i + 1], &nx, &nn);
            if (rc)
                return rc;
            if (nn && ifr__ifb_is_emoji(nx[0]))
                continue;
        }
        cx->followed = false;
        ifr__detail(cx, "sentence %zu does not end with an emoji", i + 1);
        return IFR_OK;
    }
    cx->followed = true;
    ifr__detail(cx, "all %zu sentences end with an emoji", ns);
    return IFR_OK;
}

/* MARK: format:line_indent ------------------------------------------------- */

static int check_line_indent(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    ifr__ifb_spans l;
    int rc = ifr__ifb_split_cp(t->arena, t->cp, t->ncp, '\n', &l);
    if (rc)
        return rc;
    /* for line in lines: if not line.strip(): lines.remove(line)  -- while iterating */
    size_t n = l.n;
    ifr__span *v = l.v;
    for (size_t i = 0; i < n; i++) {
        const uint32_t *s = t->cp + v[i].b;
        size_t len = v[i].e - v[i].b;
        if (!ifr__py_isblank(s, len))
            continue;
        size_t j = 0; /* list.remove: the first element equal to this line */
        while (!ifr__ifb_eq(t->cp + v[j].b, v[j].e - v[j].b, s, len))
            j++;
        memmove(v + j, v + j + 1, (n - j - 1) * sizeof *v);
        n--;
        /* the iterator index still advances: the element after the removed one is skipped */
    }
    size_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (v[i].b + k < v[i].e && t->cp[v[i].b + k] == ' ')
            k++;
        if (i > 0 && k <= prev) {
            cx->followed = false;
            ifr__detail(cx, "line %zu is not indented more than the line before", i + 1);
            return IFR_OK;
        }
        prev = k;
    }
    cx->followed = true;
    ifr__detail(cx, "%zu lines indented in steps", n);
    return IFR_OK;
}

/* MARK: format:quote_unquote ----------------------------------------------- */

static int check_quote_unquote(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *v = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *v);
    if (!v)
        return IFR_E_NOMEM;
    /* value.replace("'\"'", '') */
    size_t k = 0;
    uint32_t *tmp = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *tmp);
    if (!tmp)
        return IFR_E_NOMEM;
    size_t m = 0;
    for (size_t i = 0; i < t->ncp;) {
        if (i + 2 < t->ncp && t->cp[i] == '\'' && t->cp[i + 1] == '"' && t->cp[i + 2] == '\'') {
            i += 3;
            continue;
        }
        tmp[m++] = t->cp[i++];
    }
    /* ''.join(value.split()) */
    for (size_t i = 0; i < m; i++)
        if (!ifr__py_isspace(tmp[i]))
            v[k++] = tmp[i];
    for (size_t i = 0; i + 1 < k; i++)
        if (v[i] == '"' && v[i + 1] == '"') {
            cx->followed = false;
            ifr__detail(cx, "two quoted phrases with nothing between them");
            return IFR_OK;
        }
    /* strip(string.digits + string.punctuation without '"') */
    size_t b = 0, e = k;
#define QU_STRIP(c) (((c) >= '0' && (c) <= '9') || (ifr__ifb_is_punct(c) && (c) != '"'))
    while (b < e && QU_STRIP(v[b]))
        b++;
    while (e > b && QU_STRIP(v[e - 1]))
        e--;
#undef QU_STRIP
    cx->followed = !(e > b && v[e - 1] == '"');
    ifr__detail(cx, cx->followed ? "every quote is followed by an explanation"
                                 : "the text ends with a quote");
    return IFR_OK;
}

/* MARK: format:list -------------------------------------------------------- */

typedef struct sep_args {
    uint32_t *sep;
    size_t nsep;
} sep_args;

static int parse_sep(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    sep_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "sep",
                                "sep is required (the reference would draw a random one)");
    int rc = ifr__ifb_kw_decode(pc, vals[0].s, vals[0].slen, &a->sep, &a->nsep);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int check_list(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const sep_args *a = args;
    size_t c = ifr__ifb_count(t->cp, t->ncp, a->sep, a->nsep);
    cx->followed = c >= 2;
    ifr__detail(cx, "separator found %zu times; needs at least 2", c);
    return IFR_OK;
}

/* MARK: format:thesis ------------------------------------------------------ */

static int check_thesis(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s = t->cp;
    size_t n = t->ncp;
    size_t idx = ifr__ifb_find_ascii(s, n, "<i>", 0);
    if (idx == SIZE_MAX)
        idx = ifr__ifb_find_ascii(s, n, "<em>", 0);
    if (idx == SIZE_MAX) {
        cx->followed = false;
        ifr__detail(cx, "no <i> or <em>");
        return IFR_OK;
    }
    s += idx;
    n -= idx;
    size_t end = ifr__ifb_find_ascii(s, n, "</i>", 0);
    if (end == SIZE_MAX)
        end = ifr__ifb_find_ascii(s, n, "</em>", 0);
    if (end == SIZE_MAX) {
        cx->followed = false;
        ifr__detail(cx, "italics are not closed");
        return IFR_OK;
    }
    /* thesis = value[3:end] (the 3/4 offsets assume <i>...</i>) */
    size_t tb = 3 < n ? 3 : n, te = end < tb ? tb : end;
    if (ifr__py_isblank(s + tb, te - tb)) {
        cx->followed = false;
        ifr__detail(cx, "the italic thesis is empty");
        return IFR_OK;
    }
    size_t rb = end + 4 < n ? end + 4 : n;
    cx->followed = !ifr__py_isblank(s + rb, n - rb);
    ifr__detail(cx, cx->followed ? "italic thesis followed by text"
                                 : "nothing follows the italic thesis");
    return IFR_OK;
}

/* MARK: format:sub-bullets ------------------------------------------------- */

static int check_sub_bullets(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    /* value.split('*')[1:]: every piece must contain '-' */
    size_t i = 0;
    while (i < t->ncp && t->cp[i] != '*')
        i++;
    size_t piece = 0;
    while (i < t->ncp) {
        size_t j = i + 1;
        bool dash = false;
        while (j < t->ncp && t->cp[j] != '*') {
            dash = dash || t->cp[j] == '-';
            j++;
        }
        piece++;
        if (!dash) {
            cx->followed = false;
            ifr__detail(cx, "bullet %zu has no '-' sub-bullet", piece);
            return IFR_OK;
        }
        i = j;
    }
    cx->followed = true;
    ifr__detail(cx, "%zu bullets, each with a '-'", piece);
    return IFR_OK;
}

/* MARK: format:no_bullets_bullets ------------------------------------------ */

static int check_no_bullets_bullets(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    ifr__ifb_spans l;
    int rc = ifr__ifb_split_cp(t->arena, t->cp, t->ncp, '\n', &l);
    if (rc)
        return rc;
    bool in_sentences = true; /* the reference's `sentences`, truthy while in the prose */
    size_t nsent = 0, nbul = 0;
    for (size_t i = 0; i < l.n; i++) {
        size_t b, e;
        const uint32_t *s = t->cp + l.v[i].b;
        ifr__py_strip(s, l.v[i].e - l.v[i].b, &b, &e);
        if (e > b && s[b] == '*') {
            in_sentences = false;
            if (nsent < 2) {
                cx->followed = false;
                ifr__detail(cx, "%zu sentences before the first bullet; needs at least 2",
                            nsent);
                return IFR_OK;
            }
            nbul++;
        } else if (in_sentences) {
            ifr__text sub;
            const ifr__span *sp;
            size_t nsp;
            rc = ifr__ifb_subtext(t->arena, s + b, e - b, &sub);
            if (!rc)
                rc = ifr__ifb_sentences(&sub, &sp, &nsp);
            if (rc)
                return rc;
            nsent += nsp;
            in_sentences = nsp > 0; /* an empty sentence list is falsy */
        } else {
            cx->followed = false;
            ifr__detail(cx, "line %zu is not a bullet after the bullets started", i + 1);
            return IFR_OK;
        }
    }
    cx->followed = nbul >= 2;
    ifr__detail(cx, "%zu bullets after %zu sentences; needs at least 2 bullets", nbul, nsent);
    return IFR_OK;
}

/* MARK: format:title_case -------------------------------------------------- */

static int check_title_case(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__ustr *tok;
    size_t n;
    int rc = ifr__ifb_tokens(t, &tok, &n);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++) {
        const uint32_t *w = tok[i].p;
        size_t len = tok[i].n;
        if (len == 0 || !ifr__py_isalpha(w[0]))
            continue;
        bool first_lower = ifr__py_str_islower(w, 1);
        if (len == 1) {
            if (first_lower)
                goto fail;
            continue;
        }
        bool first_upper = ifr__py_str_isupper(w, 1);
        bool rest_lower = ifr__py_str_islower(w + 1, len - 1);
        bool rest_upper = ifr__py_str_isupper(w + 1, len - 1);
        if (first_upper && rest_lower)
            continue;
        if (first_lower && (rest_upper || rest_lower))
            goto fail;
        continue;
    fail:
        cx->followed = false;
        ifr__detail(cx, "word %zu is not capitalised", i + 1);
        return IFR_OK;
    }
    cx->followed = true;
    ifr__detail(cx, "every word is capitalised");
    return IFR_OK;
}

/* MARK: format:output_template / format:no_whitespace ---------------------- */

static int check_template(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const char *const labels[3] = {"My Answer:", "My Conclusion:", "Future Outlook:"};
    for (int i = 0; i < 3; i++)
        if (ifr__ifb_find_ascii(t->cp, t->ncp, labels[i], 0) == SIZE_MAX) {
            cx->followed = false;
            ifr__detail(cx, "missing '%s'", labels[i]);
            return IFR_OK;
        }
    cx->followed = true;
    ifr__detail(cx, "all three template labels present");
    return IFR_OK;
}

static int check_no_whitespace(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    for (size_t i = 0; i < t->ncp; i++)
        if (ifr__py_isspace(t->cp[i])) {
            cx->followed = false;
            ifr__detail(cx, "whitespace at character %zu", i);
            return IFR_OK;
        }
    cx->followed = true;
    ifr__detail(cx, "no whitespace");
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

static const ifr__kwspec kw_options[] = {
    {.name = "options", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED,
     .doc = "the options, separated by '/', 'or' or ','"},
    {0}};
static const ifr__kwspec kw_sep[] = {
    {.name = "sep", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED,
     .doc = "the list-item marker"},
    {0}};

const ifr__checker ifr__family_ifbench_format[] = {
    {.id = "format:parentheses", .suite = IFR__SUITE_IFBENCH,
     .summary = "Brackets nested at least 5 deep", .check = check_parentheses,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Scan for ( [ {: a matching close pops, a mismatched close resets the stack "
             "and the maximum depth. Followed iff some pop happens after the maximum "
             "depth reached 5.",
     .quirks = "(((((x) passes: one close is enough; full-width brackets do not count."},
    {.id = "format:quotes", .suite = IFR__SUITE_IFBENCH,
     .summary = "Quotes nested at least 3 levels deep", .check = check_quotes,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Scan \" and ': a character equal to the top of the stack pops, any other "
             "quote pushes. Followed iff after some pop `reached_depth - current_depth >= "
             "3`.",
     .quirks = "Apostrophes (don't) push and break nesting; curly quotes are ignored."},
    {.id = "format:options", .suite = IFR__SUITE_IFBENCH,
     .summary = "Answer with exactly one of the options", .kwargs = kw_options,
     .parse = parse_options, .flags = IFR_CHECKER_RANDOM, .check = check_options,
     .rule = "options is split on '/' if present, else on 'or' if present, else on ','; "
             "each piece stripped. If `re.match(r\"\\W*[aA]\\W*[bB]\\W*[cC]\\W*\", options)`, "
             "followed iff `value` equals a piece exactly; otherwise iff `value.strip(P + "
             "' ').lower()` equals a piece stripped and lowered the same way.",
     .quirks = "strip(P + ' ') does not strip newlines or tabs: '\\nyes\\n' fails strict; "
               "splitting on 'or' also cuts words such as 'for'."},
    {.id = "format:newline", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each word on its own line", .check = check_newline,
     .rule = "With `v = value` minus string.punctuation: followed iff the number of "
             "non-empty lines of `v.strip().split('\\n')` == `len(v.strip().split())`.",
     .quirks = "Lines of spaces are not removed; a punctuation-only line is fine."},
    {.id = "format:emoji", .suite = IFR__SUITE_IFBENCH,
     .summary = "An emoji at the end of every sentence", .check = check_emoji,
     .rule = "For each sentence of `nltk.sent_tokenize(value)`, `c = s.translate(remove "
             "P).strip()`: followed iff every c is non-empty and has an emoji as its last "
             "or second-to-last character, or the next sentence's c starts with one "
             "(`emoji.is_emoji` on single code points, emoji 2.14.1).",
     .quirks = "Because of the second-to-last rule, an emoji plus VS16 passes; regional "
               "indicators (flags) fail; (c) and (r) signs count."},
    {.id = "format:line_indent", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each line indented more than the previous one", .check = check_line_indent,
     .rule = "Lines of `value.split('\\n')`, blank ones removed with `list.remove` while "
             "iterating. Followed iff each line has more leading ASCII spaces than the "
             "line before.",
     .quirks = "The element after each removed blank line is skipped, so of two consecutive "
               "blank lines one stays and takes part; tabs and NBSP count 0; one line passes."},
    {.id = "format:quote_unquote", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every quoted phrase is followed by an explanation",
     .check = check_quote_unquote,
     .rule = "Remove the sequence '\"', then all whitespace. Followed iff '\"\"' does not "
             "occur and the result, stripped of digits and of punctuation other than '\"', "
             "does not end with '\"'.",
     .quirks = "Curly quotes are invisible (the normalisation is a no-op); text without "
               "quotes passes."},
    {.id = "format:list", .suite = IFR__SUITE_IFBENCH,
     .summary = "The separator sep appears at least twice", .kwargs = kw_sep,
     .parse = parse_sep, .check = check_list, .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "Followed iff `len(re.findall(re.escape(sep), value)) >= 2`.",
     .quirks = "Anywhere in the text, not at line starts: any two hyphens pass for '-'."},
    {.id = "format:thesis", .suite = IFR__SUITE_IFBENCH,
     .summary = "An italic (HTML) thesis followed by text", .check = check_thesis,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "From the first '<i>' (else '<em>'), find the first '</i>' (else '</em>') at "
             "end. Followed iff `value[3:end].strip()` and `value[end + 4:].strip()` are "
             "both non-empty.",
     .quirks = "The 3/4 offsets assume <i>: with <em> the thesis keeps a '>' and with </em> "
               "the tail keeps a '>', so <em></em> passes; tags may be mismatched."},
    {.id = "format:sub-bullets", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every * bullet has a - sub-bullet", .check = check_sub_bullets,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff every piece of `value.split('*')[1:]` contains '-'.",
     .quirks = "Text without '*' passes; loose mode removes every '*' and so always passes."},
    {.id = "format:no_bullets_bullets", .suite = IFR__SUITE_IFBENCH,
     .summary = "Two or more sentences, then two or more * bullets",
     .check = check_no_bullets_bullets,
     .rule = "Over `value.split('\\n')`: a line whose `strip()` starts with '*' is a "
             "bullet and fails unless >= 2 sentences came before; before the first bullet "
             "each line adds `len(nltk.sent_tokenize(line.strip()))` sentences; after it "
             "any other line fails. Followed iff there are >= 2 bullets.",
     .quirks = "A blank line before the bullets ends the prose part (the reference keeps the "
               "last sentence list as its flag), so later prose lines fail; '- x' is not a "
               "bullet."},
    {.id = "format:title_case", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every word capitalised", .check = check_title_case,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff no token w of `nltk.word_tokenize(value)` starting with a "
             "letter is a lower-case single letter, or a longer token with "
             "`w[0].islower()` and `w[1:]` all lower- or all upper-case.",
     .quirks = "ALL CAPS passes; minor words must be capitalised too."},
    {.id = "format:output_template", .suite = IFR__SUITE_IFBENCH,
     .summary = "Use the My Answer / My Conclusion / Future Outlook template",
     .check = check_template, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff 'My Answer:', 'My Conclusion:' and 'Future Outlook:' all occur "
             "in value.",
     .quirks = "Substring test only: order and content are not checked."},
    {.id = "format:no_whitespace", .suite = IFR__SUITE_IFBENCH,
     .summary = "No whitespace at all", .check = check_no_whitespace,
     .rule = "Followed iff `not any(c.isspace() for c in value)`.",
     .quirks = "ZWSP and BOM are not whitespace."},
    {0}};
