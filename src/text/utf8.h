/*
 * utf8.h - single-pass UTF-8 set-up for ifr__text (src/text/pycompat.c,
 * src/text/text.c). Additions beside pycompat.h's ifr__utf8_* functions,
 * which keep their contracts.
 */
#ifndef IFR_TEXT_UTF8_H
#define IFR_TEXT_UTF8_H

#include "../ifreward_internal.h"

/*
 * ifr__utf8_decode, and in the same pass *valid: true when the bytes were
 * valid UTF-8 (no U+FFFD was substituted), so the input can be copied as is.
 */
int ifr__utf8_decode_check(const char *s, size_t n, ifr__arena *ar, uint32_t **cp,
                           size_t *ncp, bool *valid);

/* UTF-8 bytes of one code point as ifr__utf8_put writes it. */
static inline size_t ifr__utf8_len1(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : (c < 0x10000 || c > 0x10FFFFu) ? 3 : 4;
}

/*
 * Build a text over code points the caller already placed in `ar`: cp holds
 * ncp scalar values (no surrogate, nothing above U+10FFFF; e.g. a slice of
 * another text's cp) and has room for ncp + 1, the text takes it over
 * (cp[ncp] is set to 0) and only the UTF-8 is encoded, into exactly `nbytes`
 * (the sum of ifr__utf8_len1 over cp) + 1 bytes. Same result as
 * ifr__text_init_cp on that input, without its copy and length pass.
 */
int ifr__text_init_owned(ifr__text *t, ifr__arena *ar, uint32_t *cp, size_t ncp, size_t nbytes);

/*
 * Build a text over code points and their UTF-8 that the caller already
 * placed in `ar` (both terminated: cp[ncp] == 0, s[n] == '\0'); the text takes
 * both over. For slices of an ASCII text, where copying beats encoding.
 */
void ifr__text_init_pair(ifr__text *t, ifr__arena *ar, uint32_t *cp, size_t ncp, char *s,
                         size_t n);

#endif /* IFR_TEXT_UTF8_H */
