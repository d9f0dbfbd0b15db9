/*
 * iftrain_punctuation.c - IFEvalG's punctuation:punctuation_dot and
 * punctuation:punctuation_exclamation, open-instruct e6c3044.
 */
#include "../ifreward_internal.h"

static int check_none_of(ifr__text *t, uint32_t c, ifr__check_ctx *cx)
{
    size_t count = 0;
    for (size_t i = 0; i < t->ncp; i++)
        count += t->cp[i] == c;
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
    {.id = "punctuation:punctuation_dot", IT, .summary = "No '.' anywhere in the response.",
     .check = check_dot, .rule = "Followed iff `not re.search(r\"\\.\", value)`.",
     .quirks = "ASCII '.' only: '…' and '。' pass; decimals and URLs fail."},
    {.id = "punctuation:punctuation_exclamation", IT, .summary = "No '!' anywhere in the response.",
     .check = check_exclamation, .rule = "Followed iff `not re.search(r\"\\!\", value)`.",
     .quirks = "ASCII '!' only: '！' and '‽' pass."},
    {0},
};
