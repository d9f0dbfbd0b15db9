/*
 * punctuation.c - IFEval's punctuation:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, CommaChecker).
 */
#include "util.h"

#include <string.h>

/* MARK: punctuation:no_comma ---------------------------------------------- */

static int no_comma_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    /* re.search(r"\,", text): only U+002C. In valid UTF-8 the byte 0x2C is
     * always that character. */
    size_t count = 0;
    const char *p = t->s, *end = t->s + t->n;
    while (p < end && (p = memchr(p, ',', (size_t)(end - p))) != NULL) {
        count++;
        p++;
    }
    cx->followed = count == 0;
    if (count)
        ifr__detail(cx, "contains %zu comma%s; needs none", count, count == 1 ? "" : "s");
    else
        ifr__detail(cx, "no commas");
    return IFR_OK;
}

const ifr__checker ifr__family_punctuation[] = {
    {
        .id = "punctuation:no_comma",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response contains no comma (ASCII ',').",
        .kwargs = NULL,
        .parse = NULL,
        .check = no_comma_check,
        .flags = 0,
        .rule = "Followed iff `re.search(r\"\\,\", response)` finds nothing, i.e. the text has "
                "no U+002C.",
        .quirks = "Only the ASCII comma counts: the full-width '\xef\xbc\x8c' (U+FF0C), the "
                  "Arabic '\xd8\x8c' (U+060C) and other comma-like characters pass. Like "
                  "every IFEval checker, a blank response fails in strict mode (scoring "
                  "layer), but a response of only U+200B passes.",
        .precise = NULL,
    },
    {0},
};
