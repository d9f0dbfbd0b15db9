/*
 * text.c - building an analysed text (ifr__text) and its cheap, cached
 * analyses. Sentences, tokens and language live in src/nlp/.
 *
 * Invalid UTF-8 in a response is repaired exactly as Python's
 * bytes.decode("utf-8", "replace") would (one U+FFFD per maximal invalid
 * subpart), so t->s is always valid UTF-8 and t->cp its decoding.
 */
#include "pycompat.h"
#include "utf8.h"

#include <string.h>

static void text_zero(ifr__text *t, ifr__arena *ar)
{
    memset(t, 0, sizeof *t);
    t->arena = ar;
}

int ifr__text_init(ifr__text *t, ifr__arena *ar, const char *s, size_t n)
{
    text_zero(t, ar);
    if (!s) {
        s = "";
        n = 0;
    }
    uint32_t *cp;
    size_t ncp;
    bool valid;
    int rc = ifr__utf8_decode_check(s, n, ar, &cp, &ncp, &valid);
    if (rc != IFR_OK)
        return rc;
    t->cp = cp;
    t->ncp = ncp;
    if (valid) { /* the common case: the bytes are the UTF-8 */
        char *copy = ifr__arena_alloc(ar, n + 1);
        if (!copy)
            return IFR_E_NOMEM;
        memcpy(copy, s, n);
        copy[n] = '\0';
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

int ifr__text_init_owned(ifr__text *t, ifr__arena *ar, uint32_t *cp, size_t ncp, size_t nbytes)
{
    text_zero(t, ar);
    if (nbytes >= SIZE_MAX - 1)
        return IFR_E_NOMEM;
    char *o = ifr__arena_alloc(ar, nbytes + 1);
    if (!o)
        return IFR_E_NOMEM;
    cp[ncp] = 0;
    size_t k = 0;
    if (nbytes == ncp) { /* all ASCII */
        for (size_t i = 0; i < ncp; i++)
            o[i] = (char)cp[i];
        k = ncp;
    } else {
        for (size_t i = 0; i < ncp; i++) {
            if (cp[i] < 0x80)
                o[k++] = (char)cp[i];
            else
                k += ifr__utf8_put(cp[i], &o[k]);
        }
    }
    o[k] = '\0';
    t->cp = cp;
    t->ncp = ncp;
    t->s = o;
    t->n = k;
    return IFR_OK;
}

void ifr__text_init_pair(ifr__text *t, ifr__arena *ar, uint32_t *cp, size_t ncp, char *s,
                         size_t n)
{
    text_zero(t, ar);
    t->cp = cp;
    t->ncp = ncp;
    t->s = s;
    t->n = n;
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
        t->nwords = ifr__text_ascii(t) ? ifr__py_count_words_ascii(t->s, t->n)
                                   : ifr__py_count_words(t->cp, t->ncp);
        t->have |= IFR__HAVE_WORDS;
    }
    return t->nwords;
}
