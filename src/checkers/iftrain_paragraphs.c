/*
 * iftrain_paragraphs.c - IFEvalG's paragraphs:paragraphs and
 * paragraphs:paragraphs2 (exactly two paragraphs), open-instruct e6c3044.
 */
#include "../ifreward_internal.h"
#include "precise.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"

/*
 * IFEvalG's paragraph rule on the pieces of a split: a blank first or last
 * piece is dropped, a blank middle piece fails, and 2 pieces must remain.
 */
static int check_two(ifr__text *t, bool stars, ifr__check_ctx *cx)
{
    static const uint32_t nn[] = {'\n', '\n'};
    size_t total = stars ? 0 : ifr__cps_count(t->cp, t->ncp, nn, 2) + 1;
    if (stars) {
        size_t pos = 0, b, e;
        bool done = false;
        while (ifr__ift_stars_split_next(t->cp, t->ncp, &pos, &done, &b, &e))
            total++;
    }
    size_t pos = 0, b, e, idx = 0, num = total;
    bool done = false;
    for (;;) {
        bool more = stars ? ifr__ift_stars_split_next(t->cp, t->ncp, &pos, &done, &b, &e)
                          : ifr__cps_split_next(t->cp, t->ncp, nn, 2, &pos, &done, &b, &e);
        if (!more)
            break;
        if (cx->semantics == IFR_SEMANTICS_PRECISE ? !ifr__pr_has_word(t->cp + b, e - b)
                                                   : ifr__py_isblank(t->cp + b, e - b)) {
            if (idx == 0 || idx == total - 1) {
                num--;
            } else {
                cx->followed = false;
                ifr__detail(cx, "paragraph %zu is empty", idx + 1);
                return IFR_OK;
            }
        }
        idx++;
    }
    cx->followed = num == 2;
    ifr__detail(cx, "%zu paragraphs; needs exactly 2", num);
    return IFR_OK;
}

static int check_paragraphs(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    return check_two(t, true, cx);
}

static int check_paragraphs2(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    return check_two(t, false, cx);
}

#define IT .suite = IFR__SUITE_IFTRAIN

const ifr__checker ifr__family_iftrain_paragraphs[] = {
    {.id = "paragraphs:paragraphs", IT, .flags = IFR_CHECKER_HACKABLE,
     .summary = "Exactly 2 paragraphs separated by the markdown divider ***.",
     .check = check_paragraphs,
     .rule = "With `p = re.split(r\"\\s?\\*\\*\\*\\s?\", value)`: a blank first or last piece is "
             "not counted, a blank middle piece fails; followed iff 2 pieces are counted.",
     .quirks = "'* * *' does not split; '****' splits (the extra '*' sticks to a piece).",
     .precise = "A piece counts as a paragraph only if it has a word character ('One.\\n***\\n\\u200b' is one paragraph). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "paragraphs:paragraphs2", IT, .flags = IFR_CHECKER_HACKABLE,
     .summary = "Exactly 2 paragraphs separated by two line breaks.", .check = check_paragraphs2,
     .rule = "With `p = value.split(\"\\n\\n\")`: a blank first or last piece is not counted, a "
             "blank middle piece fails; followed iff 2 pieces are counted.",
     .quirks = "'a\\n\\n\\nb' gives 'a', '\\nb' (passes); four newlines leave an empty middle "
               "piece (fails); CRLF and '\\n \\n' do not split.",
     .precise = "A piece counts as a paragraph only if it has a word character ('One.\\n\\n---' is one paragraph). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
