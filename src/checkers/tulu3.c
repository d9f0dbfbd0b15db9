/*
 * tulu3.c - the 25 `func_name` verifiers of open-instruct's if_functions.py
 * (allenai/open-instruct e6c3044), the Tulu 3 RLVR constraint format.
 *
 * Each row is one Python function; its kwargs are exactly the function's
 * parameters (the spec layer rejects other non-null keys, as the **kwargs call
 * would raise TypeError). The check sees the text the scoring layer hands it:
 * the raw response, or the open-instruct preprocessed answer. There is no
 * blank-response gate in this suite: an empty text is checked like any other.
 * Where the reference raises (ValueError, IndexError, LangDetectException),
 * the check returns IFR_E_UNSUPPORTED.
 */
#include "../ifreward_internal.h"
#include "../text/pycompat.h"
#include "../text/pyjson.h"
#include "iftrain_util.h"
#include "precise.h"

#include <math.h>
#include <string.h>

/* MARK: args --------------------------------------------------------------- */

enum { Q_AT_LEAST = 0, Q_AT_MOST = 1, Q_AROUND = 2, Q_OTHER = 3 };

typedef struct t3_args {
    int64_t n;          /* N */
    int64_t i;          /* i (validate_paragraphs) */
    int quant;          /* quantifier, Q_* */
    ifr__ustr s;        /* the string kwarg, as given */
    ifr__ustr s_lower;  /* its str.lower() where the function lowers it */
    ifr__ustr *list;    /* list kwarg items (a string kwarg: its characters) */
    ifr__ustr *list_lower;
    size_t nlist;
    char lang[16];      /* validate_response_language */
    bool lang_ok;
} t3_args;

static t3_args *args_new(ifr__parse_ctx *pc)
{
    return ifr__parse_alloc(pc, sizeof(t3_args));
}

static int parse_quant(ifr__parse_ctx *pc, const ifr__kwval *v, t3_args *a)
{
    (void)pc;
    if (v->slen == 8 && memcmp(v->s, "at least", 8) == 0)
        a->quant = Q_AT_LEAST;
    else if (v->slen == 7 && memcmp(v->s, "at most", 7) == 0)
        a->quant = Q_AT_MOST;
    else if (v->slen == 6 && memcmp(v->s, "around", 6) == 0)
        a->quant = Q_AROUND;
    else
        a->quant = Q_OTHER; /* the reference returns False, it does not raise */
    return IFR_OK;
}

/* A STR_OR_LIST (or STRLIST) kwarg: Python iterates a list's items, or a string's
 * characters. `lower`: also keep item.lower() for each. */
static int parse_items(ifr__parse_ctx *pc, const ifr__kwval *v, bool lower, t3_args *a)
{
    int rc;
    if (v->is_list || v->list) {
        a->nlist = v->nlist;
        a->list = ifr__parse_alloc(pc, (v->nlist + 1) * sizeof *a->list);
        a->list_lower = ifr__parse_alloc(pc, (v->nlist + 1) * sizeof *a->list_lower);
        if (!a->list || !a->list_lower)
            return IFR_E_NOMEM;
        for (size_t k = 0; k < v->nlist; k++) {
            if ((rc = ifr__cps_from_kwarg(pc, v->list[k], v->lens[k], &a->list[k])) != IFR_OK)
                return rc;
            if (lower && (rc = ifr__cps_lower_kwarg(pc, &a->list[k], &a->list_lower[k])) != IFR_OK)
                return rc;
        }
        return IFR_OK;
    }
    ifr__ustr whole;
    if ((rc = ifr__cps_from_kwarg(pc, v->s, v->slen, &whole)) != IFR_OK)
        return rc;
    a->nlist = whole.n;
    a->list = ifr__parse_alloc(pc, (whole.n + 1) * sizeof *a->list);
    a->list_lower = ifr__parse_alloc(pc, (whole.n + 1) * sizeof *a->list_lower);
    if (!a->list || !a->list_lower)
        return IFR_E_NOMEM;
    for (size_t k = 0; k < whole.n; k++) {
        a->list[k].p = whole.p + k;
        a->list[k].n = 1;
        if (lower && (rc = ifr__cps_lower_kwarg(pc, &a->list[k], &a->list_lower[k])) != IFR_OK)
            return rc;
    }
    return IFR_OK;
}

static int parse_str(ifr__parse_ctx *pc, const ifr__kwval *v, bool lower, t3_args *a)
{
    int rc = ifr__cps_from_kwarg(pc, v->s, v->slen, &a->s);
    if (rc == IFR_OK && lower)
        rc = ifr__cps_lower_kwarg(pc, &a->s, &a->s_lower);
    return rc;
}

/* MARK: parse functions, one per kwargs shape ------------------------------- */

/* (keyword_list) / (forbidden_words) */
static int parse_list_lower(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    return parse_items(pc, &vals[0], true, a);
}

/* (options) */
static int parse_options(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    return parse_items(pc, &vals[0], false, a);
}

/* (word, N) */
static int parse_word_n(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    a->n = vals[1].i;
    return parse_str(pc, &vals[0], true, a);
}

/* (letter, N) */
static int parse_letter_n(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    a->n = vals[1].i;
    return parse_str(pc, &vals[0], false, a);
}

/* (language) */
static int parse_language(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    /* langdetect codes are short ASCII; anything else can never be detected. */
    a->lang_ok = vals[0].slen < sizeof a->lang && memchr(vals[0].s, 0, vals[0].slen) == NULL;
    if (a->lang_ok)
        memcpy(a->lang, vals[0].s, vals[0].slen);
    return IFR_OK;
}

/* (N) */
static int parse_n(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    a->n = vals[0].i;
    return IFR_OK;
}

/* (N, quantifier) */
static int parse_n_quant(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    a->n = vals[0].i;
    return parse_quant(pc, &vals[1], a);
}

/* (N, first_word, i) */
static int parse_paragraphs(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    a->n = vals[0].i;
    a->i = vals[2].i;
    return parse_str(pc, &vals[1], false, a);
}

/* (N, section_splitter) */
static int parse_sections(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    a->n = vals[0].i;
    return parse_str(pc, &vals[1], false, a);
}

/* (one string: postscript_marker / original_prompt / end_phrase) */
static int parse_one_str(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    t3_args *a = args_new(pc);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    return parse_str(pc, &vals[0], false, a);
}

/* MARK: helpers -------------------------------------------------------------- */

static int lowered(ifr__text *t, ifr__ustr *out)
{
    uint32_t *lo = NULL;
    size_t n = 0;
    int rc = ifr__py_lower(t->cp, t->ncp, t->arena, &lo, &n);
    out->p = lo;
    out->n = n;
    return rc;
}

static bool quant_holds(int q, int64_t count, int64_t n, int64_t tol)
{
    switch (q) {
    case Q_AT_LEAST:
        return count >= n;
    case Q_AT_MOST:
        return count <= n;
    case Q_AROUND: {
        /* |count - N| without overflow (count >= 0, N any int64) */
        uint64_t d = count > n ? (uint64_t)count - (uint64_t)n : (uint64_t)n - (uint64_t)count;
        return d <= (uint64_t)tol;
    }
    default:
        return false;
    }
}

static const char *quant_name(int q)
{
    static const char *const names[] = {"at least", "at most", "around", "(unknown quantifier)"};
    return names[q];
}

/* max(round(N * 0.1), 1), Python's round half to even on the double N * 0.1 */
static int64_t tenth_tolerance(int64_t n)
{
    double r = nearbyint((double)n * 0.1);
    int64_t tol = (int64_t)r;
    return tol > 1 ? tol : 1;
}

/* MARK: checks ------------------------------------------------------------------ */

static int check_keywords(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    ifr__ustr lo;
    int rc = lowered(t, &lo);
    if (rc != IFR_OK)
        return rc;
    size_t missing = 0, first = 0;
    for (size_t k = 0; k < a->nlist; k++) {
        size_t at = ifr__pr_on(cx) ? ifr__pr_find_word(lo.p, lo.n, 0, a->list_lower[k].p,
                                                       a->list_lower[k].n)
                                   : ifr__cps_find(lo.p, lo.n, 0, a->list_lower[k].p,
                                                   a->list_lower[k].n);
        if (at == IFR__NPOS || (ifr__pr_on(cx) && at == (size_t)-1)) {
            if (missing++ == 0)
                first = k;
        }
    }
    cx->followed = missing == 0;
    if (missing)
        ifr__detail(cx, "%zu of %zu keywords missing (first: #%zu)", missing, a->nlist, first + 1);
    else
        ifr__detail(cx, "all %zu keywords present", a->nlist);
    return IFR_OK;
}

static int check_forbidden(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    ifr__ustr lo;
    int rc = lowered(t, &lo);
    if (rc != IFR_OK)
        return rc;
    size_t found = 0, first = 0;
    bool precise = ifr__pr_on(cx);
    if (precise) {
        uint32_t *o = ifr__arena_alloc(t->arena, (lo.n + 1) * sizeof *o);
        if (!o)
            return IFR_E_NOMEM;
        size_t m = 0;
        for (size_t i = 0; i < lo.n; i++)
            if (!ifr__pr_format(lo.p[i]))
                o[m++] = lo.p[i];
        lo.p = o;
        lo.n = m;
    }
    for (size_t k = 0; k < a->nlist; k++) {
        if (precise ? ifr__pr_find_word(lo.p, lo.n, 0, a->list_lower[k].p, a->list_lower[k].n) !=
                          (size_t)-1
                    : ifr__cps_find(lo.p, lo.n, 0, a->list_lower[k].p, a->list_lower[k].n) !=
                          IFR__NPOS) {
            if (found++ == 0)
                first = k;
        }
    }
    cx->followed = found == 0;
    if (found)
        ifr__detail(cx, "%zu forbidden words found as %s (first: #%zu)", found,
                    precise ? "words" : "substrings", first + 1);
    else
        ifr__detail(cx, "no forbidden word found");
    return IFR_OK;
}

/* re.findall(r"\b\w+\b", text.lower()) tokens equal to word.lower(), == N */
static int check_keyword_frequency(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    ifr__ustr lo;
    int rc = lowered(t, &lo);
    if (rc != IFR_OK)
        return rc;
    int64_t count = 0;
    for (size_t i = 0; i < lo.n;) {
        if (!ifr__py_isword(lo.p[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < lo.n && ifr__py_isword(lo.p[i]))
            i++;
        if (ifr__cps_eq(lo.p + b, i - b, a->s_lower.p, a->s_lower.n))
            count++;
    }
    cx->followed = count == a->n;
    ifr__detail(cx, "word found %lld times; needs exactly %lld", (long long)count,
                (long long)a->n);
    return IFR_OK;
}

static int check_letter_frequency(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    if (a->s.n != 1) {
        ifr__detail(cx, "letter must be a single character (the reference raises ValueError)");
        return IFR_E_UNSUPPORTED;
    }
    int64_t count = 0;
    for (size_t i = 0; i < t->ncp; i++)
        count += t->cp[i] == a->s.p[0];
    cx->followed = count == a->n;
    ifr__detail(cx, "letter found %lld times (case-sensitive); needs exactly %lld",
                (long long)count, (long long)a->n);
    return IFR_OK;
}

static int check_language(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    const ifr__lang *lang = NULL;
    int rc = ifr__text_language(t, &lang);
    if (rc != IFR_OK)
        return rc;
    if (lang->status != IFR_OK) {
        ifr__detail(cx, "no features to detect a language from (the reference raises)");
        return IFR_E_UNSUPPORTED;
    }
    cx->followed = a->lang_ok && strcmp(lang->code, a->lang) == 0;
    ifr__detail(cx, "detected language '%s'", lang->code);
    return IFR_OK;
}

/* clean = "\n".join(l.strip() for l in text.splitlines()).strip();
 * parts = clean.split("* * *"): all non-blank and len(parts) == N */
static int check_paragraph_count(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    uint32_t *clean = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *clean);
    if (!clean)
        return IFR_E_NOMEM;
    size_t cn = 0, pos = 0, lb, le;
    bool first = true;
    while (ifr__py_splitlines_next(t->cp, t->ncp, &pos, &lb, &le)) {
        size_t sb = 0, se = 0;
        ifr__py_strip(t->cp + lb, le - lb, &sb, &se);
        if (!first)
            clean[cn++] = '\n';
        first = false;
        memcpy(clean + cn, t->cp + lb + sb, (se - sb) * sizeof *clean);
        cn += se - sb;
    }
    size_t cb = 0, ce = 0;
    ifr__py_strip(clean, cn, &cb, &ce);
    static const uint32_t div[] = {'*', ' ', '*', ' ', '*'};
    size_t parts = 0, blank = 0, b, e;
    bool done = false;
    pos = 0;
    while (ifr__cps_split_next(clean + cb, ce - cb, div, 5, &pos, &done, &b, &e)) {
        parts++;
        if (ifr__pr_on(cx) ? !ifr__pr_has_word(clean + cb + b, e - b)
                           : ifr__py_isblank(clean + cb + b, e - b))
            blank++;
    }
    cx->followed = blank == 0 && (int64_t)parts == a->n;
    if (blank)
        ifr__detail(cx, "%zu of %zu '* * *'-separated paragraphs are empty", blank, parts);
    else
        ifr__detail(cx, "%zu paragraphs separated by '* * *'; needs exactly %lld", parts,
                    (long long)a->n);
    return IFR_OK;
}

static int check_word_constraint(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    int64_t count = 0;
    size_t pos = 0, b, e;
    while (ifr__py_split_next(t->cp, t->ncp, &pos, &b, &e))
        count += !ifr__pr_on(cx) || ifr__pr_has_word(t->cp + b, e - b);
    cx->followed = quant_holds(a->quant, count, a->n, tenth_tolerance(a->n));
    ifr__detail(cx, "%lld whitespace-separated words; needs %s %lld", (long long)count,
                quant_name(a->quant), (long long)a->n);
    return IFR_OK;
}

/* len(re.split(r"(?<!\w\.\w.)(?<![A-Z][a-z]\.)(?<=\.|\?|!)\s", text)) */
static int check_sentence_constraint(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    const uint32_t *s = t->cp;
    int64_t count = 1;
    bool precise = ifr__pr_on(cx) && a->quant != Q_AT_MOST;
    size_t piece = 0; /* precise: start of the current piece */
    if (precise)
        count = 0;
    for (size_t p = 1; p < t->ncp; p++) {
        if (!ifr__py_isspace(s[p]))
            continue;
        uint32_t prev = s[p - 1];
        if (prev != '.' && prev != '?' && prev != '!')
            continue;
        if (p >= 3 && s[p - 3] >= 'A' && s[p - 3] <= 'Z' && s[p - 2] >= 'a' && s[p - 2] <= 'z'
            && s[p - 1] == '.')
            continue;
        if (p >= 4 && ifr__py_isword(s[p - 4]) && s[p - 3] == '.' && ifr__py_isword(s[p - 2])
            && s[p - 1] != '\n')
            continue;
        if (precise) {
            /* precise ("at least", "around"): a sentence needs a letter */
            bool letter = false;
            for (size_t k = piece; k < p && !letter; k++)
                letter = ifr__py_isalpha(s[k]);
            count += letter;
            piece = p + 1;
            continue;
        }
        count++;
    }
    if (precise) {
        bool letter = false;
        for (size_t k = piece; k < t->ncp && !letter; k++)
            letter = ifr__py_isalpha(s[k]);
        count += letter;
    }
    cx->followed = quant_holds(a->quant, count, a->n, 1);
    ifr__detail(cx, "%lld sentences; needs %s %lld", (long long)count, quant_name(a->quant),
                (long long)a->n);
    return IFR_OK;
}

/* paragraphs = text.split("\n\n"); len == N and paragraphs[i-1].strip().startswith(w) */
static int check_paragraphs(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    static const uint32_t sep[] = {'\n', '\n'};
    size_t count = ifr__cps_count(t->cp, t->ncp, sep, 2) + 1;
    if ((int64_t)count != a->n) {
        cx->followed = false;
        ifr__detail(cx, "%zu paragraphs separated by a blank line; needs exactly %lld", count,
                    (long long)a->n);
        return IFR_OK;
    }
    /* Python indexing of paragraphs[i - 1], negative indices included */
    size_t idx = a->i == INT64_MIN ? IFR__NPOS : ifr__py_index(a->i - 1, count);
    if (idx == IFR__NPOS) {
        ifr__detail(cx, "paragraph index %lld out of range (the reference raises IndexError)",
                    (long long)a->i);
        return IFR_E_UNSUPPORTED;
    }
    size_t pos = 0, b = 0, e = 0;
    bool done = false;
    for (size_t k = 0; k <= idx; k++)
        ifr__cps_split_next(t->cp, t->ncp, sep, 2, &pos, &done, &b, &e);
    size_t sb = 0, se = 0;
    ifr__py_strip(t->cp + b, e - b, &sb, &se);
    cx->followed = ifr__cps_startswith(t->cp + b + sb, se - sb, a->s.p, a->s.n);
    if (cx->followed && ifr__pr_on(cx) && a->s.n && ifr__pr_wordch(a->s.p[a->s.n - 1]) &&
        se - sb > a->s.n && ifr__pr_wordch(t->cp[b + sb + a->s.n]))
        cx->followed = false; /* precise: 'Firstly' does not start with the word 'First' */
    ifr__detail(cx, cx->followed ? "paragraph %lld starts with the word"
                                 : "paragraph %lld does not start with the word",
                (long long)a->i);
    return IFR_OK;
}

/* precise: the marker starts a line after some body text, and a word follows it */
static int postscript_precise(const t3_args *a, ifr__text *t, ifr__check_ctx *cx)
{
    const uint32_t *cp = t->cp;
    size_t n = t->ncp, pos = 0, b, e;
    bool body = false;
    cx->followed = false;
    while (a->s.n && ifr__pr_next_line(cp, n, &pos, &b, &e)) {
        size_t i = b;
        while (i < e && (ifr__py_isspace(cp[i]) || cp[i] == '*' || cp[i] == '_' || cp[i] == '>'))
            i++;
        if (body && ifr__cps_startswith(cp + i, e - i, a->s.p, a->s.n) &&
            ifr__pr_has_word(cp + i + a->s.n, n - i - a->s.n)) {
            cx->followed = true;
            break;
        }
        if (ifr__pr_has_word(cp + b, e - b))
            body = true;
    }
    ifr__detail(cx, cx->followed ? "postscript found"
                                 : "no line starting with the marker after the body, with text "
                                   "after it");
    return IFR_OK;
}

static int check_postscript(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    if (ifr__pr_on(cx))
        return postscript_precise(a, t, cx);
    size_t at = ifr__cps_find(t->cp, t->ncp, 0, a->s.p, a->s.n);
    if (at == IFR__NPOS) {
        cx->followed = false;
        ifr__detail(cx, "postscript marker not found");
        return IFR_OK;
    }
    size_t sb = 0, se = 0;
    ifr__py_strip(t->cp + at, t->ncp - at, &sb, &se);
    cx->followed = se - sb > a->s.n;
    ifr__detail(cx, cx->followed ? "postscript found" : "postscript marker with no text after it");
    return IFR_OK;
}

/*
 * len(re.findall(open + "(.*?)" + close, text)) where `.` excludes '\n'.
 * When no close follows an open on its line, no later open on that line can
 * match either, so the scan resumes at the newline (linear time, where the
 * regex engine is quadratic).
 */
static size_t count_lazy_pairs(const uint32_t *s, size_t n, const uint32_t *open, size_t on,
                               const uint32_t *close, size_t cn, bool first_only)
{
    size_t count = 0;
    for (size_t i = 0; i + on <= n;) {
        if (!ifr__cps_startswith(s + i, n - i, open, on)) {
            i++;
            continue;
        }
        size_t j = i + on;
        bool found = false;
        for (; j < n; j++) {
            if (ifr__cps_startswith(s + j, n - j, close, cn)) {
                found = true;
                break;
            }
            if (s[j] == '\n')
                break;
        }
        if (!found) {
            i = j > i ? j : i + 1;
            continue;
        }
        count++;
        if (first_only)
            return count;
        i = j + cn;
    }
    return count;
}

static int check_placeholders(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    static const uint32_t o[] = {'['}, c[] = {']'};
    size_t count = ifr__pr_on(cx) ? ifr__pr_count_placeholders(t->cp, t->ncp)
                                  : count_lazy_pairs(t->cp, t->ncp, o, 1, c, 1, false);
    cx->followed = (int64_t)count >= a->n;
    ifr__detail(cx, "%zu [placeholders]; needs at least %lld", count, (long long)a->n);
    return IFR_OK;
}

static int check_bullets(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    static const uint32_t nl[] = {'\n'};
    size_t pos = 0, b, e, count = 0;
    bool done = ifr__pr_on(cx);
    if (done)
        count = ifr__pr_count_bullets(t->cp, t->ncp);
    while (!ifr__pr_on(cx) && ifr__cps_split_next(t->cp, t->ncp, nl, 1, &pos, &done, &b, &e)) {
        size_t sb = 0, se = 0;
        ifr__py_strip(t->cp + b, e - b, &sb, &se);
        if (se > sb && (t->cp[b + sb] == '*' || t->cp[b + sb] == '-'))
            count++;
    }
    cx->followed = (int64_t)count == a->n;
    ifr__detail(cx, "%zu lines starting with '*' or '-'; needs exactly %lld", count,
                (long long)a->n);
    return IFR_OK;
}

static int check_title(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const uint32_t o[] = {'<', '<'}, c[] = {'>', '>'};
    if (ifr__pr_on(cx)) {
        /* precise: some <<...>> on one line with a word inside */
        cx->followed = false;
        for (size_t i = 0; i + 1 < t->ncp && !cx->followed; i++) {
            if (t->cp[i] != '<' || t->cp[i + 1] != '<')
                continue;
            size_t j = i + 2;
            while (j + 1 < t->ncp && t->cp[j] != '\n' && !(t->cp[j] == '>' && t->cp[j + 1] == '>'))
                j++;
            if (j + 1 < t->ncp && t->cp[j] == '>' && t->cp[j + 1] == '>')
                cx->followed = ifr__pr_has_word(t->cp + i + 2, j - i - 2);
        }
    } else {
        cx->followed = count_lazy_pairs(t->cp, t->ncp, o, 2, c, 2, true) > 0;
    }
    ifr__detail(cx, cx->followed ? "title <<...>> found" : "no <<title>> on one line");
    return IFR_OK;
}

static int check_choice(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    cx->followed = false;
    if (ifr__pr_on(cx)) {
        /* precise: exactly one option occurs, and the response (without whitespace,
         * quotes and emphasis) starts with it or its last line is exactly it */
        size_t b = 0, e = t->ncp, hits = 0, which = 0;
        for (size_t k = 0; k < a->nlist; k++)
            if (a->list[k].n && ifr__cps_find(t->cp, t->ncp, 0, a->list[k].p, a->list[k].n) !=
                                    IFR__NPOS)
                hits++, which = k;
        if (hits == 1) {
            const ifr__ustr *op = &a->list[which];
            while (b < e && (ifr__pr_invisible(t->cp[b]) || t->cp[b] == '"' || t->cp[b] == '*' ||
                             t->cp[b] == '\'' || t->cp[b] == '_'))
                b++;
            cx->followed = ifr__cps_startswith(t->cp + b, e - b, op->p, op->n);
            size_t pos = 0, lb, le, lastb = 0, laste = 0;
            while (!cx->followed && ifr__pr_next_line(t->cp, t->ncp, &pos, &lb, &le))
                if (!ifr__pr_blank(t->cp + lb, le - lb))
                    lastb = lb, laste = le;
            while (lastb < laste && (ifr__pr_invisible(t->cp[lastb]) || t->cp[lastb] == '"' ||
                                     t->cp[lastb] == '*' || t->cp[lastb] == '_'))
                lastb++;
            while (laste > lastb && (ifr__pr_invisible(t->cp[laste - 1]) ||
                                     t->cp[laste - 1] == '"' || t->cp[laste - 1] == '*' ||
                                     t->cp[laste - 1] == '_'))
                laste--;
            if (!cx->followed)
                cx->followed = ifr__cps_eq(t->cp + lastb, laste - lastb, op->p, op->n);
        }
        ifr__detail(cx, cx->followed ? "answers with one of the options"
                        : hits > 1  ? "several options occur; needs exactly one"
                                    : "no option opens the response or forms its last line");
        return IFR_OK;
    }
    for (size_t k = 0; k < a->nlist && !cx->followed; k++)
        cx->followed = ifr__cps_find(t->cp, t->ncp, 0, a->list[k].p, a->list[k].n) != IFR__NPOS;
    ifr__detail(cx, cx->followed ? "an option occurs in the response"
                                 : "none of the options occurs in the response");
    return IFR_OK;
}

static int check_highlights(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    static const uint32_t st[] = {'*'};
    size_t count;
    if (ifr__pr_on(cx)) {
        int rc = ifr__pr_count_highlights(t->cp, t->ncp, t->arena, &count);
        if (rc != IFR_OK)
            return rc;
    } else {
        count = count_lazy_pairs(t->cp, t->ncp, st, 1, st, 1, false);
    }
    cx->followed = (int64_t)count >= a->n;
    ifr__detail(cx, "%zu *highlighted* sections; needs at least %lld", count, (long long)a->n);
    return IFR_OK;
}

/* sections = text.split(splitter); drop sections[0] if == ""; len == N */
static int check_sections(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    if (a->s.n == 0) {
        ifr__detail(cx, "empty section splitter (the reference raises ValueError)");
        return IFR_E_UNSUPPORTED;
    }
    if (ifr__pr_on(cx)) {
        /* precise: a section starts at a line beginning with the splitter (after
         * markdown); text before the first one is not a section; each needs a word */
        size_t count = 0, pos = 0, b, e, from = 0;
        bool empty = false;
        while (ifr__pr_next_line(t->cp, t->ncp, &pos, &b, &e)) {
            size_t i = b;
            while (i < e && (ifr__py_isspace(t->cp[i]) || t->cp[i] == '#' || t->cp[i] == '*' ||
                             t->cp[i] == '_'))
                i++;
            if (!ifr__cps_startswith(t->cp + i, e - i, a->s.p, a->s.n))
                continue;
            if (count && !ifr__pr_has_word(t->cp + from, b - from))
                empty = true;
            count++;
            from = i + a->s.n;
        }
        if (count && !ifr__pr_has_word(t->cp + from, t->ncp - from))
            empty = true;
        cx->followed = !empty && (int64_t)count == a->n;
        ifr__detail(cx, empty ? "a section is empty" : "%zu sections (lines starting with the "
                                                       "splitter); needs exactly %lld",
                    count, (long long)a->n);
        return IFR_OK;
    }
    size_t count = ifr__cps_count(t->cp, t->ncp, a->s.p, a->s.n) + 1;
    if (t->ncp == 0 || ifr__cps_startswith(t->cp, t->ncp, a->s.p, a->s.n))
        count--;
    cx->followed = (int64_t)count == a->n;
    ifr__detail(cx, "%zu sections; needs exactly %lld", count, (long long)a->n);
    return IFR_OK;
}

static int check_json(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    bool ok = false;
    ifr__pyjson_error je = {0, NULL};
    int rc = ifr__pyjson_validate(t->cp, t->ncp, t->arena, &ok, &je);
    if (rc != IFR_OK)
        return rc;
    if (ok && ifr__pr_on(cx)) {
        /* precise: a non-empty object or array, no NaN/Infinity */
        size_t b = 0, e = t->ncp;
        while (b < e && ifr__py_isspace(t->cp[b]))
            b++;
        while (e > b && ifr__py_isspace(t->cp[e - 1]))
            e--;
        bool container = e > b && (t->cp[b] == '{' || t->cp[b] == '[');
        size_t k = b + 1;
        while (k < e && ifr__py_isspace(t->cp[k]))
            k++;
        bool bad = !container || k == e - 1;
        bool in_str = false;
        for (size_t q = b; q < e && !bad; q++) {
            if (in_str) {
                if (t->cp[q] == '\\')
                    q++;
                else if (t->cp[q] == '"')
                    in_str = false;
            } else if (t->cp[q] == '"') {
                in_str = true;
            } else if (t->cp[q] == 'N' || t->cp[q] == 'I') {
                bad = true;
            }
        }
        if (bad) {
            cx->followed = false;
            ifr__detail(cx, "valid for json.loads but a bare scalar, an empty container or "
                            "NaN/Infinity");
            return IFR_OK;
        }
    }
    cx->followed = ok;
    if (ok)
        ifr__detail(cx, "the response is valid JSON");
    else
        ifr__detail(cx, "json.loads fails: %s at character %zu", je.msg ? je.msg : "error",
                    je.pos);
    return IFR_OK;
}

static int check_repeat_prompt(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    cx->followed = ifr__cps_startswith(t->cp, t->ncp, a->s.p, a->s.n);
    if (cx->followed && ifr__pr_on(cx) &&
        ((a->s.n && t->ncp > a->s.n && ifr__pr_wordch(a->s.p[a->s.n - 1]) &&
          ifr__pr_wordch(t->cp[a->s.n])) ||
         !ifr__pr_has_word(t->cp + a->s.n, t->ncp - a->s.n))) {
        cx->followed = false;
        ifr__detail(cx, "repeats the prompt but gives no answer after it");
        return IFR_OK;
    }
    ifr__detail(cx, cx->followed ? "the response starts with the prompt"
                                 : "the response does not start with the exact prompt");
    return IFR_OK;
}

static int check_two_responses(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const uint32_t sep[] = {'*', '*', '*', '*', '*', '*'};
    size_t count = ifr__cps_count(t->cp, t->ncp, sep, 6);
    if (count != 1) {
        cx->followed = false;
        ifr__detail(cx, "'******' occurs %zu times; needs exactly once", count);
        return IFR_OK;
    }
    size_t at = ifr__cps_find(t->cp, t->ncp, 0, sep, 6);
    size_t ab = 0, ae = 0, bb = 0, be = 0;
    ifr__py_strip(t->cp, at, &ab, &ae);
    ifr__py_strip(t->cp + at + 6, t->ncp - at - 6, &bb, &be);
    cx->followed = !ifr__cps_eq(t->cp + ab, ae - ab, t->cp + at + 6 + bb, be - bb);
    if (ifr__pr_on(cx)) {
        size_t n0, n1, common;
        int rc = ifr__pr_compare_words(t, (ifr__span){0, at}, (ifr__span){at + 6, t->ncp}, &n0,
                                       &n1, &common);
        if (rc != IFR_OK)
            return rc;
        cx->followed = n0 && n1 && !ifr__pr_near_same(n0, n1, common);
        ifr__detail(cx, cx->followed ? "two different responses"
                        : n0 && n1   ? "the two responses have (nearly) the same words"
                                     : "one of the two responses has no words");
        return IFR_OK;
    }
    ifr__detail(cx, cx->followed ? "two different responses" : "the two responses are identical");
    return IFR_OK;
}

static int check_uppercase(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t m[3];
    cx->followed = true;
    for (size_t i = 0; i < t->ncp && cx->followed; i++) {
        size_t k = ifr__py_upper1(t->cp[i], m);
        cx->followed = k == 1 && m[0] == t->cp[i];
    }
    if (cx->followed && ifr__pr_on(cx) && !ifr__py_str_isupper(t->cp, t->ncp)) {
        cx->followed = false;
        ifr__detail(cx, "no upper-case letter at all");
        return IFR_OK;
    }
    ifr__detail(cx, cx->followed ? "text == text.upper()" : "the text changes under upper()");
    return IFR_OK;
}

static int check_lowercase(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    /* Character-wise is exact: the only context-dependent mapping (final sigma)
     * applies to U+03A3, which never lowers to itself. */
    uint32_t m[3];
    cx->followed = true;
    for (size_t i = 0; i < t->ncp && cx->followed; i++) {
        size_t k = ifr__py_lower1(t->cp[i], m);
        cx->followed = k == 1 && m[0] == t->cp[i];
    }
    if (cx->followed && ifr__pr_on(cx) && !ifr__py_str_islower(t->cp, t->ncp)) {
        cx->followed = false;
        ifr__detail(cx, "no lower-case letter at all");
        return IFR_OK;
    }
    ifr__detail(cx, cx->followed ? "text == text.lower()" : "the text changes under lower()");
    return IFR_OK;
}

/* len(re.findall(r"\b[A-Z]+\b", text)) */
static int check_capital_words(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    const uint32_t *s = t->cp;
    size_t n = t->ncp;
    int64_t count = 0;
    for (size_t i = 0; i < n;) {
        if (!(s[i] >= 'A' && s[i] <= 'Z')) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && s[i] >= 'A' && s[i] <= 'Z')
            i++;
        bool left = b == 0 || !ifr__py_isword(s[b - 1]);
        bool right = i == n || !ifr__py_isword(s[i]);
        bool two = !ifr__pr_on(cx) || a->quant == Q_AT_MOST || i - b >= 2;
        count += left && right && two;
    }
    cx->followed = quant_holds(a->quant, count, a->n, tenth_tolerance(a->n));
    ifr__detail(cx, "%lld all-capital words; needs %s %lld", (long long)count,
                quant_name(a->quant), (long long)a->n);
    return IFR_OK;
}

static int check_end(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const t3_args *a = args;
    if (ifr__pr_on(cx)) {
        size_t e = t->ncp, pe = a->s.n;
        while (e > 0 && (ifr__pr_invisible(t->cp[e - 1]) || t->cp[e - 1] == '"' ||
                         t->cp[e - 1] == '*' || t->cp[e - 1] == '_' || t->cp[e - 1] == 0x201D))
            e--;
        while (pe > 0 && (ifr__pr_invisible(a->s.p[pe - 1]) || a->s.p[pe - 1] == '"'))
            pe--;
        cx->followed = pe > 0 && ifr__cps_endswith(t->cp, e, a->s.p, pe) &&
                       !(e > pe && ifr__pr_wordch(a->s.p[0]) && ifr__pr_wordch(t->cp[e - pe - 1]));
    } else {
        cx->followed = ifr__cps_endswith(t->cp, t->ncp, a->s.p, a->s.n);
    }
    ifr__detail(cx, cx->followed ? "ends with the phrase" : "does not end with the exact phrase");
    return IFR_OK;
}

static int check_quotation(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    cx->followed = t->ncp > 0 && t->cp[0] == '"' && t->cp[t->ncp - 1] == '"';
    if (ifr__pr_on(cx)) {
        size_t b = 0, e = t->ncp;
        while (b < e && ifr__pr_invisible(t->cp[b]))
            b++;
        while (e > b && ifr__pr_invisible(t->cp[e - 1]))
            e--;
        cx->followed = e > b + 1 && (t->cp[b] == '"' || t->cp[b] == 0x201C) &&
                       (t->cp[e - 1] == '"' || t->cp[e - 1] == 0x201D) &&
                       ifr__pr_has_word(t->cp + b + 1, e - b - 2);
    }
    ifr__detail(cx, cx->followed ? "starts and ends with '\"'"
                                 : "does not start and end with '\"'");
    return IFR_OK;
}

static int check_no_commas(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t count = 0;
    static const uint32_t like[] = {0xFF0C, 0x3001, 0x060C, 0xFE50, 0xFE51, 0xFF64, 0x201A,
                                    0x055D, 0x07F8, 0x1802, 0x1808, 0x2E41, 0xA4FE, 0xA60D, 0x1363};
    for (size_t i = 0; i < t->ncp; i++) {
        count += t->cp[i] == ',';
        for (size_t k = 0; ifr__pr_on(cx) && k < sizeof like / sizeof like[0]; k++)
            count += t->cp[i] == like[k];
    }
    cx->followed = count == 0;
    ifr__detail(cx, "%zu commas", count);
    return IFR_OK;
}

/* MARK: kwargs schemas -------------------------------------------------------- */

#define REQ IFR__KW_REQUIRED
#define KW_N {"N", IFR__KW_INT, REQ, "the number N"}
#define KW_QUANT {"quantifier", IFR__KW_STR, REQ, "\"at least\", \"at most\" or \"around\""}

static const ifr__kwspec kw_keyword_list[] = {
    {"keyword_list", IFR__KW_STR_OR_LIST, REQ, "keywords that must all occur (a string: its characters)"},
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_word_n[] = {
    {"word", IFR__KW_STR, REQ, "the word to count"}, KW_N, {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_forbidden[] = {
    {"forbidden_words", IFR__KW_STR_OR_LIST, REQ, "substrings that must not occur (a string: its characters)"},
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_letter_n[] = {
    {"letter", IFR__KW_STR, REQ, "the character to count (exactly one)"}, KW_N,
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_language[] = {
    {"language", IFR__KW_STR, REQ, "langdetect language code, e.g. \"en\""},
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_n[] = {KW_N, {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_n_quant[] = {KW_N, KW_QUANT, {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_paragraphs[] = {
    KW_N, {"first_word", IFR__KW_STR, REQ, "prefix of the i-th paragraph"},
    {"i", IFR__KW_INT, REQ, "1-based paragraph index"}, {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_postscript[] = {
    {"postscript_marker", IFR__KW_STR, REQ, "e.g. \"P.S.\""}, {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_options[] = {
    {"options", IFR__KW_STR_OR_LIST, REQ, "options; a string is iterated character by character"},
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_sections[] = {
    KW_N, {"section_splitter", IFR__KW_STR, REQ, "e.g. \"Section\""},
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_prompt[] = {
    {"original_prompt", IFR__KW_STR, REQ, "the prompt the response must start with"},
    {NULL, IFR__KW_END, 0, NULL}};
static const ifr__kwspec kw_end[] = {
    {"end_phrase", IFR__KW_STR, REQ, "the exact ending"}, {NULL, IFR__KW_END, 0, NULL}};

/* MARK: the table --------------------------------------------------------------- */

#define H IFR_CHECKER_HACKABLE
#define T3 .suite = IFR__SUITE_TULU3

const ifr__checker ifr__family_tulu3[] = {
    {.id = "verify_keywords", T3, .summary = "Every keyword occurs in the response (case-insensitive).",
     .kwargs = kw_keyword_list, .parse = parse_list_lower, .check = check_keywords, .flags = H,
     .rule = "Followed iff `kw.lower() in text.lower()` for every kw in keyword_list.",
     .quirks = "Substring match: 'flight' is found in 'flights'. A string keyword_list is "
               "iterated character by character, as Python does.",
     .precise = "Keywords match as whole words (case-insensitive): 'art' is not found in 'party'. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "verify_keyword_frequency", T3, .summary = "The word occurs exactly N times.",
     .kwargs = kw_word_n, .parse = parse_word_n, .check = check_keyword_frequency,
     .rule = "Followed iff the number of `re.findall(r\"\\b\\w+\\b\", text.lower())` tokens "
             "equal to `word.lower()` is exactly N.",
     .quirks = "Exact count. Whole \\w tokens only: 'door_x' is one token, 'door-x' two. A "
               "multi-word or punctuated word never matches (only N = 0 passes).",
     .precise = "Same as compat: the rule is exact (whole \\w tokens, exact count). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_forbidden_words", T3, .flags = H, .summary = "None of the forbidden words occurs.",
     .kwargs = kw_forbidden, .parse = parse_list_lower, .check = check_forbidden,
     .rule = "Followed iff no `w.lower()` is a substring of `text.lower()`.",
     .quirks = "Substring match with no word boundary: 'art' is found in 'party'. A string "
               "forbidden_words is iterated character by character.",
     .precise = "Forbidden words match as whole words (case-insensitive) after removing format characters (ZWSP, soft hyphen, joiners) from the response: 'party' no longer fails for 'art', and 'a\\u200brt' is the word 'art'. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "verify_letter_frequency", T3, .summary = "The letter occurs exactly N times.",
     .kwargs = kw_letter_n, .parse = parse_letter_n, .check = check_letter_frequency,
     .rule = "Followed iff `text.count(letter) == N` (case-sensitive).",
     .quirks = "Case-sensitive exact count. A letter that is not exactly one character gives "
               "IFR_E_UNSUPPORTED for the instruction (the reference raises ValueError).",
     .precise = "Same as compat: the rule is exact (case-sensitive exact count). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_response_language", T3, .summary = "The response is in the given language.",
     .kwargs = kw_language, .parse = parse_language, .check = check_language,
     .flags = IFR_CHECKER_LANGDETECT | IFR_CHECKER_RANDOM,
     .rule = "Followed iff `langdetect.detect(text) == language` (langdetect 1.0.9, seed 0).",
     .quirks = "A text without letters gives IFR_E_UNSUPPORTED (the reference raises "
               "LangDetectException); the Tulu 3 data has no `language` key.",
     .precise = "Same as compat: a text without language features already gets no verdict (IFR_E_UNSUPPORTED, not followed). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "verify_paragraph_count", T3, .flags = H, .summary = "Exactly N paragraphs separated by '* * *'.",
     .kwargs = kw_n, .parse = parse_n, .check = check_paragraph_count,
     .rule = "With `clean = \"\\n\".join(l.strip() for l in text.splitlines()).strip()` and "
             "`parts = clean.split(\"* * *\")`, followed iff every part is non-blank and "
             "`len(parts) == N`.",
     .quirks = "'***' does not split. A trailing divider leaves an empty part, which fails. "
               "splitlines() also breaks on \\r, \\v, \\f, \\x1c-\\x1e, \\x85, U+2028, U+2029.",
     .precise = "A part counts as non-empty only if it has a word character (a ZWSP or '---' part is empty). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_word_constraint", T3, .flags = H, .summary = "At least / at most / around N words.",
     .kwargs = kw_n_quant, .parse = parse_n_quant, .check = check_word_constraint,
     .rule = "With `count = len(text.strip().split())`: 'at least' is count >= N, 'at most' is "
             "count <= N, 'around' is `abs(count - N) <= max(round(N * 0.1), 1)`; any other "
             "quantifier fails.",
     .quirks = "Whitespace tokens, not \\w words. round() is banker's rounding (N = 25 gives "
               "a tolerance of 2, N = 15 also 2).",
     .precise = "Only whitespace tokens with a word character count ('-' and '...' tokens do not pad 'at least'). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "verify_sentence_constraint", T3, .flags = H, .summary = "At least / at most / around N sentences.",
     .kwargs = kw_n_quant, .parse = parse_n_quant, .check = check_sentence_constraint,
     .rule = "With `count = len(re.split(r\"(?<!\\w\\.\\w.)(?<![A-Z][a-z]\\.)(?<=\\.|\\?|!)\\s\", "
             "text))`: 'at least' is >= N, 'at most' is <= N, 'around' is within 1; any other "
             "quantifier fails.",
     .quirks = "A text without a terminator is 1 sentence; a trailing '. ' adds an empty piece. "
               "'e.g.' and 'Mr.'-style abbreviations do not split. '!' is a terminator since "
               "PR #1612 (April 2026); Tulu 3 was trained without it.",
     .precise = "For 'at least' and 'around', only pieces with a letter count as sentences ('. . .' does not pad the count); 'at most' keeps every piece. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_paragraphs", T3, .summary = "N paragraphs; the i-th starts with first_word.",
     .kwargs = kw_paragraphs, .parse = parse_paragraphs, .check = check_paragraphs, .flags = H,
     .rule = "With `p = text.split(\"\\n\\n\")`, followed iff `len(p) == N` and "
             "`p[i - 1].strip().startswith(first_word)`.",
     .quirks = "Case-sensitive prefix test ('Firstly' passes for 'First'); empty pieces count; "
               "i = 0 checks the last piece (Python indexing); an index out of range gives "
               "IFR_E_UNSUPPORTED (the reference raises IndexError).",
     .precise = "The first word must be the whole word: 'Firstly' does not start with 'First' ('First,' does). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "verify_postscript", T3, .summary = "A postscript starting with the marker.",
     .kwargs = kw_postscript, .parse = parse_one_str, .check = check_postscript, .flags = H,
     .rule = "Followed iff the marker occurs (case-sensitive) and "
             "`len(text[text.find(marker):].strip()) > len(marker)`.",
     .quirks = "The marker may be anywhere, even at the start; only the marker alone at the "
               "end fails.",
     .precise = "The marker must start a line (after indentation and markdown emphasis), after some body text, with a word after it: a marker mid-sentence or at the very start fails. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_placeholders", T3, .summary = "At least N placeholders in square brackets.",
     .kwargs = kw_n, .parse = parse_n, .check = check_placeholders, .flags = H,
     .rule = "Followed iff `len(re.findall(r\"\\[(.*?)\\]\", text)) >= N`.",
     .quirks = "'[]' counts. A placeholder cannot span a newline.",
     .precise = "A placeholder needs a letter inside and is not a markdown link: '[]', '[ ]', '[1]' and '[x](y)' do not count (as in IFEval precise). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "verify_bullet_points", T3, .summary = "Exactly N lines starting with '*' or '-'.",
     .kwargs = kw_n, .parse = parse_n, .check = check_bullets, .flags = H,
     .rule = "Followed iff exactly N lines of `text.split(\"\\n\")` have a `strip()` that starts "
             "with '*' or '-'.",
     .quirks = "'---' rules, '**bold**' lines and '-5' lines count as bullets; '1.' lines do "
               "not.",
     .precise = "A bullet is a line starting with '* ', '- ' or '+ ' and a word (outside ``` fences): '---' rules, '-5' and '**bold**' lines do not count (as in IFEval precise). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_title", T3, .summary = "A title in double angular brackets, <<title>>.",
     .check = check_title, .flags = H,
     .rule = "Followed iff `re.findall(r\"<<(.*?)>>\", text)` is not empty.",
     .quirks = "'<<>>' passes. A title cannot span a line.",
     .precise = "The title inside << >> needs a word character: '<<>>' and '<< ... >>' fail. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_choice", T3, .summary = "One of the options occurs in the response.",
     .kwargs = kw_options, .parse = parse_options, .check = check_choice, .flags = H,
     .rule = "Followed iff `any(option in text for option in options)`.",
     .quirks = "Substring test, case-sensitive (direction since PR #1683; Tulu 3 was trained "
               "with `text in option`). Options given as a string, as in RLVR-IFeval, are "
               "iterated character by character, so any text sharing one character passes.",
     .precise = "Exactly one option occurs, and it is the answer: the response (without whitespace, quotes and emphasis) starts with it or its last non-blank line is exactly it. Several options, or one buried in the text, fail. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_highlighted_sections", T3, .summary = "At least N *highlighted* sections.",
     .kwargs = kw_n, .parse = parse_n, .check = check_highlights, .flags = H,
     .rule = "Followed iff `len(re.findall(r\"\\*(.*?)\\*\", text)) >= N`.",
     .quirks = "Empty highlights count: '**' is one match and '**bold**' two. A highlight "
               "cannot span a line.",
     .precise = "Distinct markdown emphasis spans with a word inside (as in IFEval precise): '**', '* *' and repeated copies do not count. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_sections", T3, .flags = H, .summary = "Exactly N sections marked by the splitter.",
     .kwargs = kw_sections, .parse = parse_sections, .check = check_sections,
     .rule = "With `s = text.split(section_splitter)`, drop `s[0]` if it is \"\"; followed iff "
             "`len(s) == N`.",
     .quirks = "Text before the first marker counts as a section (even one space); the marker "
               "is a case-sensitive substring ('Sections' splits) and needs no number. An empty "
               "splitter gives IFR_E_UNSUPPORTED (the reference raises ValueError).",
     .precise = "A section starts at a line beginning with the splitter (after indentation and markdown); text before the first one is not a section, every section needs a word, and the count is exactly N. Splitters in running prose do not count. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_json_format", T3, .flags = H, .summary = "The response parses with json.loads.",
     .check = check_json,
     .rule = "Followed iff `json.loads(text)` does not raise ValueError.",
     .quirks = "No code-fence stripping (unlike IFEval). Scalars, NaN, Infinity and "
               "surrounding JSON whitespace pass; an integer of more than 4300 digits fails.",
     .precise = "After json.loads accepts it, the value must be a non-empty object or array; bare scalars, '{}', '[]', NaN and Infinity fail. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_repeat_prompt", T3, .flags = H, .summary = "The response starts with the prompt.",
     .kwargs = kw_prompt, .parse = parse_one_str, .check = check_repeat_prompt,
     .rule = "Followed iff `text.startswith(original_prompt)`.",
     .quirks = "Case-sensitive and no stripping: leading spaces fail unless the open-instruct "
               "preprocessing strips them.",
     .precise = "An answer must follow the repeated prompt (a word after it), and the prompt's last word must end there. Pasting the prompt alone fails. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_two_responses", T3, .summary = "Two different responses separated by ******.",
     .check = check_two_responses, .flags = H,
     .rule = "Followed iff `text.count(\"******\") == 1` and the two stripped halves differ.",
     .quirks = "An empty first half passes. Seven asterisks count once (the extra '*' goes to "
               "a half); twelve count twice and fail.",
     .precise = "Both halves need a word, and they must differ in their words (case-folded word multisets; identical ones or 10+ words sharing 90% fail), as in IFEval precise. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_uppercase", T3, .summary = "The response is all upper case.",
     .check = check_uppercase, .flags = H, .rule = "Followed iff `text == text.upper()`.",
     .quirks = "No language check: text without letters, including the empty text, passes. "
               "Full case mapping: 'STRAßE' fails.",
     .precise = "The text must contain an upper-case letter (str.isupper()): digits-only or empty text fails. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_lowercase", T3, .summary = "The response is all lower case.",
     .check = check_lowercase, .flags = H, .rule = "Followed iff `text == text.lower()`.",
     .quirks = "No language check: text without letters, including the empty text, passes. "
               "Full case mapping: 'İ' fails.",
     .precise = "The text must contain a lower-case letter (str.islower()): digits-only or empty text fails. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_frequency_capital_words", T3, .flags = H,
     .summary = "At least / at most / around N all-capital words.",
     .kwargs = kw_n_quant, .parse = parse_n_quant, .check = check_capital_words,
     .rule = "With `count = len(re.findall(r\"\\b[A-Z]+\\b\", text))`: 'at least' is >= N, 'at "
             "most' is <= N, 'around' is `abs(count - N) <= max(round(N * 0.1), 1)`; any other "
             "quantifier fails.",
     .quirks = "ASCII capitals only: 'ÉCOLE' does not count ('É' is \\w and blocks \\b). 'I' "
               "and 'A' count. The 'around' tolerance dates from PR #1683 (before: exact).",
     .precise = "For 'at least' and 'around', a capital word needs two or more letters ('I', 'A' do not count); 'at most' counts them all. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_end", T3, .summary = "The response ends with the phrase.",
     .kwargs = kw_end, .parse = parse_one_str, .check = check_end,
     .rule = "Followed iff `text.endswith(end_phrase)`.",
     .quirks = "Case-sensitive, no stripping: a trailing newline fails unless the open-instruct "
               "preprocessing strips it.",
     .precise = "Trailing whitespace, quotes and markdown emphasis after the phrase are tolerated, and the phrase must start at a word boundary. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_quotation", T3, .summary = "The response is wrapped in double quotes.",
     .check = check_quotation, .flags = H,
     .rule = "Followed iff `text.startswith('\"') and text.endswith('\"')`.",
     .quirks = "The one-character text '\"' passes. Curly quotes fail.",
     .precise = "Straight or curly double quotes around text with a word character: '\"' alone and '\"\"' fail. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {.id = "validate_no_commas", T3, .summary = "The response contains no ASCII comma.",
     .check = check_no_commas, .flags = H, .rule = "Followed iff `\",\" not in text`.",
     .quirks = "'，' and '،' pass, and so does the empty text.",
     .precise = "Comma look-alikes count too (fullwidth, ideographic, Arabic, small/halfwidth forms, low-9 quotation mark...), as in IFEval precise; the empty text fails. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring gates blank text in every suite, Tulu 3 included)."},
    {0},
};
