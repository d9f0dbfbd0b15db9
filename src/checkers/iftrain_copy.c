/*
 * iftrain_copy.c - IFEvalG's copy constraints (copy:*, new:copy_span_idx),
 * open-instruct e6c3044 open_instruct/IFEvalG/instructions.py.
 */
#include "../ifreward_internal.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"

#include <string.h>

typedef struct copy_args {
    ifr__ustr target;   /* what value.strip().lower() must equal */
    int64_t n;          /* copying_multiple: N; repeat_phrase: small_n */
    ifr__ustr phrase;   /* repeat_phrase: the stripped phrase */
    const ifr__regex *rx;
} copy_args;

/* value.strip().lower() into the arena */
static int strip_lower(const uint32_t *s, size_t n, ifr__arena *ar, ifr__ustr *out)
{
    size_t b = 0, e = 0;
    ifr__py_strip(s, n, &b, &e);
    uint32_t *lo = NULL;
    size_t nlo = 0;
    int rc = ifr__py_lower(s + b, e - b, ar, &lo, &nlo);
    out->p = lo;
    out->n = nlo;
    return rc;
}

/* prompt.strip().lower() owned by the spec */
static int kw_strip_lower(ifr__parse_ctx *pc, const ifr__ustr *in, ifr__ustr *out)
{
    ifr__ustr st;
    ifr__cps_strip(in, &st);
    return ifr__cps_lower_kwarg(pc, &st, out);
}

static int need_prompt(ifr__parse_ctx *pc, const ifr__kwval *v, ifr__ustr *out)
{
    if (!v->present || v->slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "prompt_to_repeat",
                                "prompt_to_repeat must be set (the reference raises ValueError)");
    return ifr__cps_from_kwarg(pc, v->s, v->slen, out);
}

/* MARK: copy:copy, copy:copying_simple ------------------------------------- */

static int parse_copy(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    copy_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    ifr__ustr prompt;
    int rc = need_prompt(pc, &vals[0], &prompt);
    if (rc != IFR_OK)
        return rc;
    return kw_strip_lower(pc, &prompt, &a->target);
}

static int check_copy(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const copy_args *a = args;
    ifr__ustr v;
    int rc = strip_lower(t->cp, t->ncp, t->arena, &v);
    if (rc != IFR_OK)
        return rc;
    cx->followed = ifr__cps_eq(v.p, v.n, a->target.p, a->target.n);
    ifr__detail(cx, cx->followed ? "the response is the prompt (case-insensitive)"
                                 : "the stripped response differs from the prompt");
    return IFR_OK;
}

/* MARK: new:copy_span_idx ----------------------------------------------------- */

static int parse_span(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    copy_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    ifr__ustr prompt;
    int rc = need_prompt(pc, &vals[0], &prompt);
    if (rc != IFR_OK)
        return rc;
    if (!vals[1].present || vals[1].i == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "n_start",
                                "n_start must be a non-zero integer (the reference treats 0 as "
                                "missing and draws a random start)");
    if (!vals[2].present || vals[2].i == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "n_end",
                                "n_end must be a non-zero integer (the reference treats 0 as "
                                "missing and draws a random end)");
    size_t b, e;
    ifr__py_slice(vals[1].i, vals[2].i, prompt.n, &b, &e);
    ifr__ustr span = {prompt.p + b, e - b};
    return kw_strip_lower(pc, &span, &a->target);
}

/* MARK: copy:copying_multiple -------------------------------------------------- */

static int parse_multiple(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    copy_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    ifr__ustr prompt;
    int rc = need_prompt(pc, &vals[0], &prompt);
    if (rc != IFR_OK)
        return rc;
    rc = ifr__ift_kwarg_nonzero(pc, &vals[1], "N", &a->n);
    if (rc != IFR_OK)
        return rc;
    return kw_strip_lower(pc, &prompt, &a->target);
}

static int check_multiple(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const copy_args *a = args;
    static const uint32_t sep[] = {'*', '*', '*', '*', '*', '*'};
    size_t pieces = ifr__cps_count(t->cp, t->ncp, sep, 6) + 1;
    if ((int64_t)pieces != a->n) {
        cx->followed = false;
        ifr__detail(cx, "%zu pieces separated by '******'; needs exactly %lld", pieces,
                    (long long)a->n);
        return IFR_OK;
    }
    size_t pos = 0, b, e, k = 0;
    bool done = false;
    cx->followed = true;
    while (ifr__cps_split_next(t->cp, t->ncp, sep, 6, &pos, &done, &b, &e)) {
        k++;
        ifr__ustr v;
        int rc = strip_lower(t->cp + b, e - b, t->arena, &v);
        if (rc != IFR_OK)
            return rc;
        if (!ifr__cps_eq(v.p, v.n, a->target.p, a->target.n)) {
            cx->followed = false;
            ifr__detail(cx, "copy %zu differs from the prompt", k);
            return IFR_OK;
        }
    }
    ifr__detail(cx, "%zu exact copies", pieces);
    return IFR_OK;
}

/* MARK: copy:repeat_phrase ------------------------------------------------------ */

static int parse_repeat_phrase(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    copy_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    if (!vals[0].present || vals[0].slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "phrase",
                                "phrase must be set (the reference draws a random one)");
    int rc = ifr__ift_kwarg_nonzero(pc, &vals[1], "small_n", &a->n);
    if (rc != IFR_OK)
        return rc;
    ifr__ustr raw;
    rc = ifr__cps_from_kwarg(pc, vals[0].s, vals[0].slen, &raw);
    if (rc != IFR_OK)
        return rc;
    ifr__cps_strip(&raw, &a->phrase);
    /* first_word = phrase.split()[0], last_word = phrase.split()[-1] */
    size_t pos = 0, b, e, fb = 0, fe = 0, lb = 0, le = 0, nw = 0;
    while (ifr__py_split_next(a->phrase.p, a->phrase.n, &pos, &b, &e)) {
        if (nw++ == 0) {
            fb = b;
            fe = e;
        }
        lb = b;
        le = e;
    }
    if (nw == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "phrase",
                                "phrase has no words (the reference raises IndexError)");
    /* rf"{first_word} .*? {last_word}", unescaped */
    size_t pn = (fe - fb) + 5 + (le - lb);
    uint32_t *pat = ifr__parse_alloc(pc, (pn + 1) * sizeof *pat);
    if (!pat)
        return IFR_E_NOMEM;
    size_t k = 0;
    memcpy(pat, a->phrase.p + fb, (fe - fb) * sizeof *pat);
    k += fe - fb;
    static const uint32_t mid[] = {' ', '.', '*', '?', ' '};
    memcpy(pat + k, mid, sizeof mid);
    k += 5;
    memcpy(pat + k, a->phrase.p + lb, (le - lb) * sizeof *pat);
    ifr__ustr p = {pat, pn};
    return ifr__ift_kwarg_regex(pc, "phrase", &p, 0, &a->rx);
}

static int check_repeat_phrase(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const copy_args *a = args;
    size_t count = 0;
    int rc = ifr__regex_count(a->rx, cx->rx, t->s, t->n, &count);
    if (rc != IFR_OK)
        return rc;
    if ((int64_t)count != a->n) {
        cx->followed = false;
        ifr__detail(cx, "%zu occurrences of the phrase frame; needs exactly %lld", count,
                    (long long)a->n);
        return IFR_OK;
    }
    ifr__rx_iter it = {0};
    size_t ms, me, one_diff = 0;
    while ((rc = ifr__regex_next(a->rx, cx->rx, t->s, t->n, &it, &ms, &me)) == 1) {
        uint32_t *m = NULL;
        size_t mn = 0;
        if ((rc = ifr__utf8_decode(t->s + ms, me - ms, t->arena, &m, &mn)) != IFR_OK)
            return rc;
        /* compare m.split() with phrase.split() position by position */
        size_t p1 = 0, p2 = 0, b1, e1, b2, e2, diff = 0;
        for (;;) {
            bool h1 = ifr__py_split_next(m, mn, &p1, &b1, &e1);
            bool h2 = ifr__py_split_next(a->phrase.p, a->phrase.n, &p2, &b2, &e2);
            if (h1 != h2) {
                cx->followed = false;
                ifr__detail(cx, "an occurrence has a different number of words");
                return IFR_OK;
            }
            if (!h1)
                break;
            if (!ifr__cps_eq(m + b1, e1 - b1, a->phrase.p + b2, e2 - b2) && ++diff > 1) {
                cx->followed = false;
                ifr__detail(cx, "an occurrence differs in more than one word");
                return IFR_OK;
            }
        }
        one_diff += diff == 1;
    }
    if (rc < 0)
        return rc;
    cx->followed = (int64_t)one_diff == a->n;
    ifr__detail(cx, "%zu of %zu occurrences change exactly one word; needs %lld", one_diff,
                count, (long long)a->n);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------------- */

#define REQ IFR__KW_REQUIRED
#define END {NULL, IFR__KW_END, 0, NULL}
static const ifr__kwspec kw_prompt[] = {
    {"prompt_to_repeat", IFR__KW_STR, REQ, "the text to copy"}, END};
static const ifr__kwspec kw_span[] = {
    {"prompt_to_repeat", IFR__KW_STR, REQ, "the source text"},
    {"n_start", IFR__KW_INT, REQ, "start character index (0 is not accepted: the reference "
                                  "draws a random start)"},
    {"n_end", IFR__KW_INT, REQ, "end character index, exclusive"}, END};
static const ifr__kwspec kw_multiple[] = {
    {"prompt_to_repeat", IFR__KW_STR, REQ, "the text to copy"},
    {"N", IFR__KW_INT, REQ, "number of copies"}, END};
static const ifr__kwspec kw_phrase[] = {
    {"phrase", IFR__KW_STR, REQ, "the phrase to repeat"},
    {"small_n", IFR__KW_INT, REQ, "number of repetitions"}, END};

#define IT .suite = IFR__SUITE_IFTRAIN
#define R IFR_CHECKER_RANDOM

const ifr__checker ifr__family_iftrain_copy[] = {
    {.id = "copy:copy", IT, .summary = "Copy the given text verbatim and output only it.",
     .kwargs = kw_prompt, .parse = parse_copy, .check = check_copy,
     .rule = "Followed iff `value.strip().lower() == prompt_to_repeat.strip().lower()`.",
     .quirks = "Case is ignored; inner whitespace must match exactly. An empty prompt is an "
               "error (the reference raises ValueError).",
     .precise = "Same as compat: the rule is exact (the whole stripped response equals the text). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "copy:copying_simple", IT,
     .summary = "Repeat the request without change and do not answer it.",
     .kwargs = kw_prompt, .parse = parse_copy, .check = check_copy,
     .rule = "Followed iff `value.strip().lower() == prompt_to_repeat.strip().lower()`.",
     .quirks = "Case is ignored; inner whitespace must match exactly. An empty prompt is an "
               "error (the reference raises ValueError).",
     .precise = "Same as compat: the rule is exact (the whole stripped response equals the request). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "copy:copying_multiple", IT,
     .summary = "Repeat the request N times, separated by ******.",
     .kwargs = kw_multiple, .parse = parse_multiple, .check = check_multiple, .flags = R,
     .rule = "With `p = value.split(\"******\")`, followed iff `len(p) == N` and every "
             "`p_i.strip().lower() == prompt_to_repeat.strip().lower()`.",
     .quirks = "Seven asterisks leave a '*' in a piece (fails); a trailing divider gives an "
               "empty piece (fails). N = 0 makes the reference draw at random: an error here.",
     .precise = "Same as compat: the rule is exact (N pieces, each equal to the request). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "new:copy_span_idx", IT, .summary = "Copy the character span [n_start, n_end) of the text.",
     .kwargs = kw_span, .parse = parse_span, .check = check_copy, .flags = R,
     .rule = "Followed iff `value.strip().lower() == "
             "prompt_to_repeat[n_start:n_end].strip().lower()`.",
     .quirks = "The end is exclusive although the instruction says inclusive (IFBench's "
               "repeat:repeat_span is inclusive). Python slice rules for negative or "
               "out-of-range indices. n_start = 0 or n_end = 0 makes the reference draw at "
               "random (`if not n_start`): an error here.",
     .precise = "Same as compat: the rule is exact (the stripped response equals the span). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "copy:repeat_phrase", IT,
     .summary = "Repeat the phrase N times, changing exactly one word each time.",
     .kwargs = kw_phrase, .parse = parse_repeat_phrase, .check = check_repeat_phrase, .flags = R,
     .rule = "With first/last = the phrase's first and last words, `m = "
             "re.findall(rf\"{first} .*? {last}\", value)`; followed iff `len(m) == small_n`, "
             "every match has the phrase's word count and at most one differing word, and "
             "exactly small_n matches differ in one word.",
     .quirks = "The words are unescaped regex; case-sensitive; '.' does not cross a newline; "
               "matches do not overlap. An unchanged copy is a match but not a changed one, "
               "so it fails the count (PR #1044, April 2026).",
     .precise = "Same as compat: the matches must have the phrase's word count and exactly one changed word each, which degenerate text cannot meet. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
