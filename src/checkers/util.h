/*
 * util.h - small helpers shared by the checker family files (parse-time
 * string conversion with Python semantics, and quoting for details).
 */
#ifndef IFR_CHECKERS_UTIL_H
#define IFR_CHECKERS_UTIL_H

#include "../text/pycompat.h"

#include <string.h>

/* A kwarg string converted at parse time; lives as long as the spec. */
typedef struct ifr__ck_str {
    const uint32_t *cp;  /* code points */
    size_t ncp;
    const char *s;       /* UTF-8, NUL-terminated (may contain NUL) */
    size_t n;
} ifr__ck_str;

#define IFR__CK_STRIP 0x1u  /* str.strip() */
#define IFR__CK_LOWER 0x2u  /* then str.lower() (full mapping, final sigma) */

/*
 * Decode the UTF-8 kwarg s[0..n) and apply `ops` in Python's order
 * (strip, then lower). Memory from the spec (ifr__parse_alloc).
 * IFR_OK or IFR_E_NOMEM (reported at `key`).
 */
int ifr__ck_pystr(ifr__parse_ctx *pc, const char *key, const char *s, size_t n, unsigned ops,
                  ifr__ck_str *out);

/*
 * Copy at most `max` bytes of UTF-8 s[0..n) into buf (cap bytes), cutting at
 * a character boundary and at any NUL or line break, and appending "..." when
 * cut. For quoting user strings in details.
 */
const char *ifr__ck_quote(char *buf, size_t cap, const char *s, size_t n, size_t max);

/* Same for a code-point range. */
const char *ifr__ck_quote_cp(char *buf, size_t cap, const uint32_t *s, size_t n, size_t max);

/* Bytes search (memmem is not POSIX). */
const char *ifr__ck_memmem(const char *h, size_t hn, const char *nd, size_t nn);

/* Number of bytes of s[0..n) equal to a or to b (SSE2, 16 bytes per step). */
size_t ifr__ck_count_byte2(const char *s, size_t n, char a, char b);

/* Index of the first code point equal to the ASCII character c at or after
 * `from` in cp[0..n), or n. `ascii` is ifr__text_ascii() of the text (then
 * memchr), or NULL. */
static inline size_t ifr__ck_find(const uint32_t *cp, const char *ascii, size_t n, size_t from,
                                  char c)
{
    if (from >= n)
        return n;
    if (ascii) {
        const char *p = memchr(ascii + from, c, n - from);
        return p ? (size_t)(p - ascii) : n;
    }
    while (from < n && cp[from] != (uint32_t)(unsigned char)c)
        from++;
    return from;
}

#endif /* IFR_CHECKERS_UTIL_H */
