/*
 * text.c - building an analysed text (ifr__text) and its cheap, cached
 * analyses. Sentences, tokens and language live in src/nlp/.
 *
 * Invalid UTF-8 in a response is repaired exactly as Python's
 * bytes.decode("utf-8", "replace") would (one U+FFFD per maximal invalid
 * subpart), so t->s is always valid UTF-8 and t->cp its decoding.
 */
#include "pycompat.h"

#include <string.h>

static void text_zero(ifr__text *t, ifr__arena *ar)
{
    memset(t, 0, sizeof *t);
    t->arena = ar;
}

int ifr__text_init(ifr__text *t, ifr__arena *ar, const char *s, size_t n)
{
    text_zero(t, ar);
    if (!s)
        n = 0;
    uint32_t *cp;
    size_t ncp;
    int rc = ifr__utf8_decode(s ? s : "", n, ar, &cp, &ncp);
    if (rc != IFR_OK)
        return rc;
    t->cp = cp;
    t->ncp = ncp;
    if (ifr__utf8_valid(s ? s : "", n)) {
        char *copy = ifr__arena_strndup(ar, s ? s : "", n);
        if (!copy)
            return IFR_E_NOMEM;
        t->s = copy;
        t->n = n;
        return IFR_OK;
    }
    char *enc;
    size_t nenc;
    rc = ifr__utf8_encode(cp, ncp, ar, &enc, &nenc);
    if (rc != IFR_OK)
        return rc;
    t->s = enc;
    t->n = nenc;
    return IFR_OK;
}

int ifr__text_init_cp(ifr__text *t, ifr__arena *ar, const uint32_t *cp, size_t ncp)
{
    text_zero(t, ar);
    if (!cp)
        ncp = 0;
    if (ncp >= SIZE_MAX / sizeof(uint32_t) - 1)
        return IFR_E_NOMEM;
    uint32_t *copy = ifr__arena_alloc(ar, (ncp + 1) * sizeof(uint32_t));
    if (!copy)
        return IFR_E_NOMEM;
    for (size_t i = 0; i < ncp; i++) {
        uint32_t c = cp[i];
        /* surrogates and values beyond U+10FFFF have no UTF-8 form */
        copy[i] = (c > 0x10FFFFu || (c >= 0xD800u && c <= 0xDFFFu)) ? 0xFFFDu : c;
    }
    copy[ncp] = 0;
    char *enc;
    size_t nenc;
    int rc = ifr__utf8_encode(copy, ncp, ar, &enc, &nenc);
    if (rc != IFR_OK)
        return rc;
    t->cp = copy;
    t->ncp = ncp;
    t->s = enc;
    t->n = nenc;
    return IFR_OK;
}

size_t ifr__text_word_count(ifr__text *t)
{
    if (!(t->have & IFR__HAVE_WORDS)) {
        t->nwords = ifr__py_count_words(t->cp, t->ncp);
        t->have |= IFR__HAVE_WORDS;
    }
    return t->nwords;
}
