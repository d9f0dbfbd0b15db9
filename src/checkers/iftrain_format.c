/*
 * iftrain_format.c - IFEvalG's extra detectable_format constraints
 * (sentence_hyphens, square_brackets, bigram_wrapping), open-instruct e6c3044.
 */
#include "../ifreward_internal.h"
#include "precise.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"

#include <string.h>

/* gold = split_into_sentences(value.replace('-', ' ')); parts = value.split('-');
 * for part, g in zip(parts, gold): part == part.strip() and part == g */
static int check_sentence_hyphens(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *sp = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *sp);
    if (!sp)
        return IFR_E_NOMEM;
    for (size_t i = 0; i < t->ncp; i++)
        sp[i] = t->cp[i] == '-' ? ' ' : t->cp[i];
    ifr__ustr *gold = NULL;
    size_t ngold = 0;
    int rc = ifr__rsent_split(t->arena, sp, t->ncp, &gold, &ngold);
    if (rc != IFR_OK)
        return rc;
    static const uint32_t hy[] = {'-'};
    size_t pos = 0, b, e, k = 0;
    bool done = false;
    while (k < ngold && ifr__cps_split_next(t->cp, t->ncp, hy, 1, &pos, &done, &b, &e)) {
        size_t sb = 0, se = 0;
        ifr__py_strip(t->cp + b, e - b, &sb, &se);
        if (sb != 0 || se != e - b) {
            cx->followed = false;
            ifr__detail(cx, "part %zu has spaces around a hyphen", k + 1);
            return IFR_OK;
        }
        if (!ifr__cps_eq(t->cp + b, e - b, gold[k].p, gold[k].n)) {
            cx->followed = false;
            ifr__detail(cx, "part %zu is not exactly one sentence", k + 1);
            return IFR_OK;
        }
        k++;
    }
    cx->followed = true;
    ifr__detail(cx, "%zu hyphen-joined sentences", k);
    return IFR_OK;
}

static int check_square_brackets(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t pos = 0, b, e, k = 0;
    while (ifr__py_split_next(t->cp, t->ncp, &pos, &b, &e)) {
        k++;
        /* precise: the inside needs a visible character ('[]' and '[ ]' are not words) */
        if (t->cp[b] != '[' || t->cp[e - 1] != ']' ||
            (ifr__pr_on(cx) && (e - b < 3 || ifr__pr_blank(t->cp + b + 1, e - b - 2)))) {
            cx->followed = false;
            ifr__detail(cx, "token %zu is not wrapped in [ ]", k);
            return IFR_OK;
        }
    }
    cx->followed = !ifr__pr_on(cx) || k > 0;
    ifr__detail(cx, "all %zu tokens wrapped in [ ]", k);
    return IFR_OK;
}

/* w = value.split(); for i in 0, 2, 4, ... < len(w) - 1:
 * w[i].startswith('<<') and w[i + 1].endswith('>>') */
static int check_bigram_wrapping(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t pos = 0, b1, e1, b2, e2, k = 0;
    cx->followed = true;
    while (ifr__py_split_next(t->cp, t->ncp, &pos, &b1, &e1)) {
        bool open = e1 - b1 >= 2 && t->cp[b1] == '<' && t->cp[b1 + 1] == '<';
        if (!ifr__py_split_next(t->cp, t->ncp, &pos, &b2, &e2)) {
            /* an odd final token is not checked; precise: it is wrapped on its own */
            if (ifr__pr_on(cx) && !(open && e1 - b1 >= 5 && t->cp[e1 - 1] == '>' &&
                                    t->cp[e1 - 2] == '>')) {
                cx->followed = false;
                ifr__detail(cx, "the last (odd) word is not wrapped as <<word>>");
                return IFR_OK;
            }
            break;
        }
        k++;
        bool close = e2 - b2 >= 2 && t->cp[e2 - 1] == '>' && t->cp[e2 - 2] == '>';
        if (ifr__pr_on(cx)) {
            /* precise: a pair, not two words each wrapped on its own */
            bool open2 = e2 - b2 >= 2 && t->cp[b2] == '<' && t->cp[b2 + 1] == '<';
            bool close1 = e1 - b1 >= 2 && t->cp[e1 - 1] == '>' && t->cp[e1 - 2] == '>';
            if (open2 || close1)
                close = false;
        }
        if (!open || !close) {
            cx->followed = false;
            ifr__detail(cx, "token pair %zu is not wrapped as <<a b>>", k);
            return IFR_OK;
        }
    }
    ifr__detail(cx, "%zu token pairs wrapped in << >>", k);
    return IFR_OK;
}

#define IT .suite = IFR__SUITE_IFTRAIN

const ifr__checker ifr__family_iftrain_format[] = {
    {.id = "detectable_format:sentence_hyphens", IT,
     .summary = "Sentences joined by single hyphens with no spaces.", .check = check_sentence_hyphens,
     .rule = "With `gold = split_into_sentences(value.replace(\"-\", \" \"))` (IFEvalG's regex "
             "splitter) and `parts = value.split(\"-\")`, followed iff every pair of "
             "`zip(parts, gold)` has `part == part.strip() == g`.",
     .quirks = "zip() truncates to the shorter list: a trailing '-' is ignored and one sentence "
               "without a hyphen passes. A hyphenated word splits a sentence and fails. A final "
               "newline fails unless the open-instruct preprocessing strips it.",
     .precise = "Same as compat (known gap: zip() truncation lets one sentence without any hyphen pass). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "detectable_format:square_brackets", IT,
     .summary = "Every whitespace-separated token is wrapped in [ ].", .check = check_square_brackets,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff every `value.split()` token starts with '[' and ends with ']'.",
     .quirks = "'[a b]' fails (two tokens); '[a][b]' and '[]' pass; a trailing '.' token fails.",
     .precise = "Every token's inside needs a visible character ('[]' is not a wrapped word), and there must be at least one token. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "detectable_format:bigram_wrapping", IT,
     .summary = "Every word bigram is wrapped in << >>.", .check = check_bigram_wrapping,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "With `w = value.split()`, followed iff for i = 0, 2, 4, ... with i + 1 < len(w), "
             "`w[i]` starts with '<<' and `w[i + 1]` ends with '>>'.",
     .quirks = "An odd final token is not checked (one bare word passes); each word wrapped on "
               "its own ('<<a>> <<b>>') passes; '<<a b>>.' fails.",
     .precise = "Each pair must be one bigram '<<a b>>' (not two words each wrapped on its own, '<<a>> <<b>>'), and an odd final word must be wrapped on its own ('<<c>>'). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
