/*
 * punctuation.c - IFEval's punctuation:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, CommaChecker).
 */
#include "precise.h"

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
    if (ifr__pr_on(cx)) {
        /* precise: comma look-alikes count too (fullwidth, ideographic, Arabic,
         * small and halfwidth forms, the low-9 quotation mark, Armenian...) */
        static const uint32_t commas[] = {0xFF0C, 0x3001, 0x060C, 0xFE50, 0xFE51, 0xFF64,
                                          0x201A, 0x055D, 0x07F8, 0x1802, 0x1808, 0x2E41,
                                          0xA4FE, 0xA60D, 0x1363, 0x02CF, 0x0326};
        for (size_t i = 0; i < t->ncp; i++)
            for (size_t k = 0; k < sizeof commas / sizeof commas[0]; k++)
                count += t->cp[i] == commas[k];
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
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `re.search(r\"\\,\", response)` finds nothing, i.e. the text has "
                "no U+002C.",
        .quirks = "Only the ASCII comma counts: the full-width '\xef\xbc\x8c' (U+FF0C), the "
                  "Arabic '\xd8\x8c' (U+060C) and other comma-like characters pass. Like "
                  "every IFEval checker, a blank response fails in strict mode (scoring "
                  "layer), but a response of only U+200B passes.",
        .precise = "Comma look-alikes count as commas too: fullwidth '，' (U+FF0C), ideographic '、' (U+3001), Arabic '،' (U+060C), small and halfwidth forms (U+FE50, U+FE51, U+FF64), the low-9 quotation mark (U+201A) and the Armenian, NKo, Mongolian, Ethiopic, Lisu, Vai and reversed commas. Invisible-only text fails (scoring layer).",
    },
    {0},
};
