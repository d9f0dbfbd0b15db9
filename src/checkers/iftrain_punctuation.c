/*
 * iftrain_punctuation.c - IFEvalG's punctuation:punctuation_dot and
 * punctuation:punctuation_exclamation, open-instruct e6c3044.
 */
#include "../ifreward_internal.h"
#include "precise.h"

static int check_none_of(ifr__text *t, uint32_t c, ifr__check_ctx *cx)
{
    size_t count = 0;
    /* precise: look-alikes count too (fullwidth, ideographic, small forms, ellipsis,
     * leaders; double and interrobang exclamation marks, heavy marks) */
    static const uint32_t dots[] = {0xFF0E, 0x3002, 0xFF61, 0xFE52, 0x2024, 0x2025, 0x2026, 0};
    static const uint32_t bangs[] = {0xFF01, 0xFE57, 0x203C, 0x2049, 0x203D, 0x2757, 0x2755,
                                     0x01C3, 0};
    const uint32_t *like = c == '.' ? dots : bangs;
    bool precise = ifr__pr_on(cx);
    for (size_t i = 0; i < t->ncp; i++) {
        count += t->cp[i] == c;
        for (size_t k = 0; precise && like[k]; k++)
            count += t->cp[i] == like[k];
    }
    cx->followed = count == 0;
    ifr__detail(cx, "%zu '%c' characters; needs none", count, (int)c);
    return IFR_OK;
}

static int check_dot(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    return check_none_of(t, '.', cx);
}

static int check_exclamation(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    return check_none_of(t, '!', cx);
}

#define IT .suite = IFR__SUITE_IFTRAIN

const ifr__checker ifr__family_iftrain_punctuation[] = {
    {.id = "punctuation:punctuation_dot", IT, .flags = IFR_CHECKER_HACKABLE, .summary = "No '.' anywhere in the response.",
     .check = check_dot, .rule = "Followed iff `not re.search(r\"\\.\", value)`.",
     .quirks = "ASCII '.' only: '…' and '。' pass; decimals and URLs fail.",
     .precise = "Full-stop look-alikes count too: fullwidth and ideographic full stops, small and halfwidth forms, the one-dot, two-dot and ellipsis leaders (U+FF0E, U+3002, U+FF61, U+FE52, U+2024, U+2025, U+2026). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "punctuation:punctuation_exclamation", IT, .flags = IFR_CHECKER_HACKABLE, .summary = "No '!' anywhere in the response.",
     .check = check_exclamation, .rule = "Followed iff `not re.search(r\"\\!\", value)`.",
     .quirks = "ASCII '!' only: '！' and '‽' pass.",
     .precise = "Exclamation look-alikes count too: fullwidth and small forms, '‼', '⁉', '‽', heavy marks and the click letter U+01C3. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
