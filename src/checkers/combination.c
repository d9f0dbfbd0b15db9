/*
 * combination.c - IFEval's combination:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, TwoResponsesChecker,
 * RepeatPromptThenAnswer).
 */
#include "precise.h"

#include <string.h>

/* MARK: combination:two_responses ----------------------------------------- */

/* Next occurrence of "******" in cp[from..n), or n. */
static size_t find_sep(const uint32_t *cp, size_t n, size_t from)
{
    size_t run = 0;
    for (size_t i = from; i < n; i++) {
        run = cp[i] == '*' ? run + 1 : 0;
        if (run == 6)
            return i - 5;
    }
    return n;
}

/*
 * Precise: both responses need a word, and they must differ in their words,
 * not just in case, spacing, punctuation or markdown; two copies sharing 90%
 * or more of their words (as multisets, with 10 words or more) are the same
 * response with a small edit.
 */
static int two_precise(ifr__text *t, const ifr__span valid[2], ifr__check_ctx *cx)
{
    size_t n0, n1, common;
    int rc = ifr__pr_compare_words(t, valid[0], valid[1], &n0, &n1, &common);
    if (rc != IFR_OK)
        return rc;
    cx->followed = false;
    if (n0 == 0 || n1 == 0) {
        ifr__detail(cx, "response %d has no words", n0 == 0 ? 1 : 2);
        return IFR_OK;
    }
    size_t mx = n0 > n1 ? n0 : n1;
    if (ifr__pr_near_same(n0, n1, common)) {
        ifr__detail(cx, "the two responses have the same words (%zu of %zu shared); they must "
                        "differ", common, mx);
        return IFR_OK;
    }
    cx->followed = true;
    ifr__detail(cx, "2 different responses separated by ****** (%zu of %zu words shared)",
                common, mx);
    return IFR_OK;
}

static int two_responses_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    /* value.split("******"): pieces, blank ones only allowed first or last. */
    size_t npieces = 0, nvalid = 0;
    ifr__span valid[2] = {{0, 0}, {0, 0}};
    size_t pos = 0;
    for (;;) {
        size_t sep = find_sep(cp, n, pos);
        bool last = sep == n;
        bool blank = ifr__pr_on(cx) ? ifr__pr_blank(cp + pos, sep - pos)
                                    : ifr__py_isblank(cp + pos, sep - pos);
        if (blank) {
            if (npieces != 0 && !last) {
                cx->followed = false;
                ifr__detail(cx, "empty response between ****** separators (part %zu)",
                            npieces + 1);
                return IFR_OK;
            }
        } else {
            if (nvalid < 2)
                valid[nvalid] = (ifr__span){pos, sep};
            nvalid++;
        }
        npieces++;
        if (last)
            break;
        pos = sep + 6;
    }
    if (nvalid != 2) {
        cx->followed = false;
        ifr__detail(cx, "%zu response%s separated by ******; needs exactly 2", nvalid,
                    nvalid == 1 ? "" : "s");
        return IFR_OK;
    }
    if (ifr__pr_on(cx))
        return two_precise(t, valid, cx);
    size_t b0, e0, b1, e1;
    ifr__py_strip(cp + valid[0].b, valid[0].e - valid[0].b, &b0, &e0);
    ifr__py_strip(cp + valid[1].b, valid[1].e - valid[1].b, &b1, &e1);
    bool same = e0 - b0 == e1 - b1 &&
                memcmp(cp + valid[0].b + b0, cp + valid[1].b + b1, (e0 - b0) * sizeof *cp) == 0;
    cx->followed = !same;
    if (same)
        ifr__detail(cx, "the two responses are identical; they must differ");
    else
        ifr__detail(cx, "2 different responses separated by ******");
    return IFR_OK;
}

/* MARK: combination:repeat_prompt ----------------------------------------- */

typedef struct repeat_args {
    ifr__ck_str prompt; /* prompt_to_repeat.strip().lower() */
} repeat_args;

static const ifr__kwspec repeat_kwargs[] = {
    {"prompt_to_repeat", IFR__KW_STR, IFR__KW_REQUIRED,
     "the request the response must start by repeating"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int repeat_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    /* The reference raises ValueError("prompt_to_repeat must be set.") when falsy. */
    if (!vals[0].present || vals[0].slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "prompt_to_repeat",
                                "must be a non-empty string");
    repeat_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "prompt_to_repeat", "out of memory");
    int rc = ifr__ck_pystr(pc, "prompt_to_repeat", vals[0].s, vals[0].slen,
                           IFR__CK_STRIP | IFR__CK_LOWER, &a->prompt);
    if (rc != IFR_OK)
        return rc;
    *out = a;
    return IFR_OK;
}

/*
 * Precise: the (lowered) response starts with the prompt, comparing runs of
 * whitespace as one space (a re-wrapped prompt is still the prompt); the
 * repeated prompt ends at a word boundary; and an answer follows: some word
 * after it. Pasting the prompt alone fails.
 */
static int repeat_precise(const ifr__ck_str *p, const uint32_t *lo, size_t nlo,
                          ifr__check_ctx *cx)
{
    size_t i = 0, k = 0;
    while (k < p->ncp && i < nlo) {
        if (ifr__py_isspace(p->cp[k]) && ifr__py_isspace(lo[i])) {
            while (k < p->ncp && ifr__py_isspace(p->cp[k]))
                k++;
            while (i < nlo && ifr__py_isspace(lo[i]))
                i++;
            continue;
        }
        if (p->cp[k] != lo[i])
            break;
        k++, i++;
    }
    cx->followed = false;
    if (k < p->ncp) {
        ifr__detail(cx, "differs from the prompt at character %zu of %zu; must start with the "
                        "prompt repeated word for word", k + 1, p->ncp);
        return IFR_OK;
    }
    if (i < nlo && p->ncp && ifr__pr_wordch(p->cp[p->ncp - 1]) && ifr__pr_wordch(lo[i])) {
        ifr__detail(cx, "the prompt's last word continues in the response; the repeat must end "
                        "where the prompt ends");
        return IFR_OK;
    }
    if (!ifr__pr_has_word(lo + i, nlo - i)) {
        ifr__detail(cx, "repeats the prompt but gives no answer after it");
        return IFR_OK;
    }
    cx->followed = true;
    ifr__detail(cx, "starts with the prompt (%zu characters), then answers", p->ncp);
    return IFR_OK;
}

static int repeat_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const repeat_args *a = args;
    size_t b, e;
    ifr__py_strip(t->cp, t->ncp, &b, &e);
    uint32_t *lo;
    size_t nlo;
    /* the whole stripped text is lowered: the final-sigma rule looks ahead */
    int rc = ifr__py_lower(t->cp + b, e - b, t->arena, &lo, &nlo);
    if (rc != IFR_OK)
        return rc;
    const ifr__ck_str *p = &a->prompt;
    if (ifr__pr_on(cx))
        return repeat_precise(p, lo, nlo, cx);
    size_t k = 0;
    while (k < p->ncp && k < nlo && lo[k] == p->cp[k])
        k++;
    cx->followed = k == p->ncp;
    if (cx->followed)
        ifr__detail(cx, "starts with the prompt (%zu characters)", p->ncp);
    else if (k == nlo)
        ifr__detail(cx, "ends after %zu of the prompt's %zu characters; must start with the "
                        "whole prompt", k, p->ncp);
    else
        ifr__detail(cx, "differs from the prompt at character %zu of %zu; must start with the "
                        "prompt repeated word for word", k + 1, p->ncp);
    return IFR_OK;
}

const ifr__checker ifr__family_combination[] = {
    {
        .id = "combination:two_responses",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Two different responses separated by six asterisks (******).",
        .kwargs = NULL,
        .parse = NULL,
        .check = two_responses_check,
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "Split with `response.split(\"******\")`; a blank piece other than the first "
                "or last fails at once; the non-blank pieces are kept. Followed iff exactly 2 "
                "are kept and they differ after `strip()`.",
        .quirks = "Seven or more asterisks still split (the leftover '*' sticks to the next "
                  "part, so '*******' between two copies makes them differ); leading and "
                  "trailing separators are allowed; 12 asterisks in a row make an empty "
                  "middle piece and fail.",
        .precise = "Blankness is visible blankness (a ZWSP part is empty), each response needs a word, and the two must differ in their words: compared as case-folded word multisets, identical ones (differing only in case, spacing, punctuation or markdown) fail, and so do ones of 10 or more words sharing 90% or more (one copy with a small edit).",
    },
    {
        .id = "combination:repeat_prompt",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response starts by repeating the request word for word.",
        .kwargs = repeat_kwargs,
        .parse = repeat_parse,
        .check = repeat_check,
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `response.strip().lower().startswith("
                "prompt_to_repeat.strip().lower())` (Python str methods).",
        .quirks = "Case-insensitive prefix test: anything may follow the repeated prompt, "
                  "with no separator, so pasting the prompt alone passes. An empty "
                  "prompt_to_repeat makes the reference raise; here it is an IFR_E_KWARGS "
                  "error.",
        .precise = "The response starts with the prompt (case-insensitive, runs of whitespace compared as one), the repeat ends where the prompt ends (no word continuing it: 'the sea' is not repeated by 'the seagulls'), and an answer follows: some word after the prompt. Pasting the prompt alone fails.",
    },
    {0},
};
