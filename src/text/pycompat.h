/*
 * pycompat.h - CPython 3.11 (Unicode 14.0) string semantics on code points.
 *
 * Every checker decides character classes, case and whitespace through this
 * module, never through <ctype.h>: the references are Python programs, and a
 * verdict depends on exactly what `str.isalnum()`, `str.lower()`, `re`'s `\w`
 * and friends say. Backed by one table probed out of CPython 3.11.2 itself
 * (tools/gen_pycompat.py -> pycompat_tables.h; utf8proc's Unicode 15 data
 * would need patching on thousands of code points, see
 * docs/ARCHITECTURE-pycompat.md). Tested exhaustively against tables
 * generated independently from CPython (tests/unit/test_pycompat.c).
 */
#ifndef IFR_TEXT_PYCOMPAT_H
#define IFR_TEXT_PYCOMPAT_H

#include "../ifreward_internal.h"

/* MARK: UTF-8 ------------------------------------------------------------ */

/* True if s[0..n) is valid UTF-8 (no surrogates, no overlongs, <= U+10FFFF). */
bool ifr__utf8_valid(const char *s, size_t n);
/*
 * Decode with Python's errors="replace" policy (each maximal invalid subpart
 * becomes one U+FFFD). *cp is allocated from `ar` (n + 1 entries at most).
 */
int ifr__utf8_decode(const char *s, size_t n, ifr__arena *ar, uint32_t **cp, size_t *ncp);
/* Encode code points as UTF-8 into `ar`, NUL-terminated. */
int ifr__utf8_encode(const uint32_t *cp, size_t ncp, ifr__arena *ar, char **s, size_t *n);
/* Encode one code point into buf (4 bytes max); returns the byte count. */
size_t ifr__utf8_put(uint32_t c, char buf[4]);

/* Bits set in a 16-bit mask (a movemask): inline, where __builtin_popcount
 * without -mpopcnt is a libgcc call. */
static inline unsigned ifr__popcount16(unsigned x)
{
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

/* MARK: character classes (str.isX on a one-character string) ------------ */

bool ifr__py_isspace_tab(uint32_t c); /* the table lookups behind the two inline tests */
/* The CPython-probed flags of the 128 ASCII code points (pycompat_tables.h),
 * with the two bits the inline tests read */
extern const uint16_t *const ifr__py_ascii_flags;
#define IFR__PY_ASCII_SPACE 0x0001u
#define IFR__PY_ASCII_WORD 0x0040u
bool ifr__py_isword_tab(uint32_t c);
/* str.isspace / str.split() / str.strip(); ASCII answered inline
 * (\t-\r, 0x1C-0x1F, ' '); test_pycompat checks it against the table for all 128 */
static inline bool ifr__py_isspace(uint32_t c)
{
    if (c < 0x80)
        return (ifr__py_ascii_flags[c] & IFR__PY_ASCII_SPACE) != 0;
    return ifr__py_isspace_tab(c);
}
bool ifr__py_isalpha(uint32_t c);
bool ifr__py_isdecimal(uint32_t c);
bool ifr__py_isdigit(uint32_t c);
bool ifr__py_isnumeric(uint32_t c);
bool ifr__py_isalnum(uint32_t c);
/* re's \w for str patterns: isalnum() or '_' (ASCII inline, as above) */
static inline bool ifr__py_isword(uint32_t c)
{
    if (c < 0x80)
        return (ifr__py_ascii_flags[c] & IFR__PY_ASCII_WORD) != 0;
    return ifr__py_isword_tab(c);
}
bool ifr__py_islower(uint32_t c);    /* Lowercase property (char-level) */
bool ifr__py_isupper(uint32_t c);    /* Uppercase property (char-level) */
bool ifr__py_istitle(uint32_t c);    /* category Lt */
bool ifr__py_iscased(uint32_t c);    /* Cased property */
bool ifr__py_islinebreak(uint32_t c); /* str.splitlines boundaries */

/* str.isupper() / str.islower() on a whole string. */
bool ifr__py_str_isupper(const uint32_t *s, size_t n);
bool ifr__py_str_islower(const uint32_t *s, size_t n);

/* MARK: case mapping ------------------------------------------------------ */

/* Full mapping of one code point (no context): up to 3 code points. */
size_t ifr__py_lower1(uint32_t c, uint32_t out[3]);
size_t ifr__py_upper1(uint32_t c, uint32_t out[3]);
/* str.lower() / str.upper() with CPython's final-sigma rule; result in `ar`. */
int ifr__py_lower(const uint32_t *s, size_t n, ifr__arena *ar, uint32_t **out, size_t *nout);
int ifr__py_upper(const uint32_t *s, size_t n, ifr__arena *ar, uint32_t **out, size_t *nout);

/* MARK: strip / split ----------------------------------------------------- */

/* str.strip() (whitespace): the kept range [*b, *e) of s[0..n). */
void ifr__py_strip(const uint32_t *s, size_t n, size_t *b, size_t *e);
void ifr__py_lstrip(const uint32_t *s, size_t n, size_t *b);
void ifr__py_rstrip(const uint32_t *s, size_t n, size_t *e);
/* str.strip(chars): strip any of chars[0..nchars) from both / one side. */
void ifr__py_strip_chars(const uint32_t *s, size_t n, const uint32_t *chars, size_t nchars,
                         bool left, bool right, size_t *b, size_t *e);
/* True if str.strip() would leave nothing. */
bool ifr__py_isblank(const uint32_t *s, size_t n);

/*
 * str.split() (no argument) as an iterator: start with *pos = 0; each call
 * returns true with the next field [*b, *e), false at the end.
 */
bool ifr__py_split_next(const uint32_t *s, size_t n, size_t *pos, size_t *b, size_t *e);
/* str.splitlines() (keepends=False) as an iterator, same protocol. */
bool ifr__py_splitlines_next(const uint32_t *s, size_t n, size_t *pos, size_t *b, size_t *e);

/* Count of re.findall(r"\w+") runs in s. */
size_t ifr__py_count_words(const uint32_t *s, size_t n);
/* ifr__py_count_words of an all-ASCII text, from its bytes (vectorised). */
size_t ifr__py_count_words_ascii(const char *s, size_t n);

/* Compare code points with an ASCII/UTF-8 literal. */
bool ifr__ustr_eq_utf8(const uint32_t *s, size_t n, const char *lit, size_t litlen);

#endif /* IFR_TEXT_PYCOMPAT_H */
