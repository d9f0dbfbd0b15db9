/*
 * pycompat.c - CPython 3.11 (Unicode 14.0) string semantics on code points.
 *
 * All character properties and case mappings come from one generated table
 * (pycompat_tables.h, made by tools/gen_pycompat.py by probing /usr/bin/python3),
 * laid out like CPython's own unicodetype_db.h: a two-stage index from code
 * point to a record {flags, lower, upper}. A predicate is two loads and a
 * mask; nothing allocates. utf8proc is not consulted here: its Unicode 15
 * data, its lack of Numeric_Type, Lowercase/Uppercase and Case_Ignorable
 * would each need patching, so the table probed from CPython is both the
 * smaller and the exact solution (docs/ARCHITECTURE-pycompat.md).
 *
 * The string algorithms (strip, split, splitlines, lower with final sigma,
 * isupper/islower, the UTF-8 decoder's errors="replace") follow
 * Objects/unicodeobject.c and Objects/stringlib/codecs.h of CPython 3.11.
 */
#include "pycompat.h"
#include "utf8.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pycompat_tables.h"

/* MARK: table lookup ------------------------------------------------------ */

static inline const pyc_record *rec(uint32_t c)
{
    if (c >= PYC_MAXCP)
        return &pyc_records[0];
    unsigned blk = pyc_stage1[c >> PYC_SHIFT];
    return &pyc_records[pyc_stage2[((size_t)blk << PYC_SHIFT) | (c & ((1u << PYC_SHIFT) - 1))]];
}

static inline unsigned flags(uint32_t c)
{
    if (c < 0x80)
        return pyc_ascii[c];
    return rec(c)->flags;
}

/* The generated table's ASCII rows, for the inline tests in pycompat.h. */
_Static_assert(PYC_SPACE == IFR__PY_ASCII_SPACE && PYC_WORD == IFR__PY_ASCII_WORD,
               "pycompat.h mirrors the generated flag bits");
const uint16_t *const ifr__py_ascii_flags = pyc_ascii;

bool ifr__py_isspace_tab(uint32_t c) { return (flags(c) & PYC_SPACE) != 0; }
bool ifr__py_isalpha(uint32_t c) { return (flags(c) & PYC_ALPHA) != 0; }
bool ifr__py_isdecimal(uint32_t c) { return (flags(c) & PYC_DECIMAL) != 0; }
bool ifr__py_isdigit(uint32_t c) { return (flags(c) & PYC_DIGIT) != 0; }
bool ifr__py_isnumeric(uint32_t c) { return (flags(c) & PYC_NUMERIC) != 0; }
bool ifr__py_isalnum(uint32_t c) { return (flags(c) & PYC_ALNUM) != 0; }
bool ifr__py_isword_tab(uint32_t c) { return (flags(c) & PYC_WORD) != 0; }
bool ifr__py_islower(uint32_t c) { return (flags(c) & PYC_LOWER) != 0; }
bool ifr__py_isupper(uint32_t c) { return (flags(c) & PYC_UPPER) != 0; }
bool ifr__py_istitle(uint32_t c) { return (flags(c) & PYC_TITLE) != 0; }
bool ifr__py_iscased(uint32_t c) { return (flags(c) & PYC_CASED) != 0; }
bool ifr__py_islinebreak(uint32_t c) { return (flags(c) & PYC_LINEBREAK) != 0; }

/* unicode_isupper_impl: no lowercase or titlecase char, at least one uppercase. */
bool ifr__py_str_isupper(const uint32_t *s, size_t n)
{
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned f = flags(s[i]);
        if (f & (PYC_LOWER | PYC_TITLE))
            return false;
        if (f & PYC_UPPER)
            cased = true;
    }
    return cased;
}

/* unicode_islower_impl: no uppercase or titlecase char, at least one lowercase. */
bool ifr__py_str_islower(const uint32_t *s, size_t n)
{
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned f = flags(s[i]);
        if (f & (PYC_UPPER | PYC_TITLE))
            return false;
        if (f & PYC_LOWER)
            cased = true;
    }
    return cased;
}

/* MARK: case mapping ------------------------------------------------------ */

static size_t map1(uint32_t c, int32_t v, bool ext, uint32_t out[3])
{
    if (!ext) {
        out[0] = (uint32_t)((int64_t)c + v);
        return 1;
    }
    const uint32_t *e = &pyc_ext[v];
    size_t len = e[0];
    for (size_t i = 0; i < len; i++)
        out[i] = e[1 + i];
    return len;
}

size_t ifr__py_lower1(uint32_t c, uint32_t out[3])
{
    const pyc_record *r = rec(c);
    return map1(c, r->lower, (r->flags & PYC_LOWER_EXT) != 0, out);
}

size_t ifr__py_upper1(uint32_t c, uint32_t out[3])
{
    const pyc_record *r = rec(c);
    return map1(c, r->upper, (r->flags & PYC_UPPER_EXT) != 0, out);
}

/* handle_capital_sigma(): U+03A3 is final when preceded by cased (skipping
 * case-ignorables) and not followed by cased (skipping case-ignorables). */
static uint32_t capital_sigma(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i;
    unsigned f = 0;
    while (j > 0) {
        f = flags(s[j - 1]);
        if (!(f & PYC_CASE_IGNORABLE))
            break;
        j--;
    }
    bool final_sigma = j > 0 && (f & PYC_CASED);
    if (final_sigma && i + 1 < n) {
        for (j = i + 1; j < n; j++) {
            f = flags(s[j]);
            if (!(f & PYC_CASE_IGNORABLE))
                break;
        }
        final_sigma = j == n || !(f & PYC_CASED);
    }
    return final_sigma ? 0x3C2u : 0x3C3u;
}

static int map_str(const uint32_t *s, size_t n, ifr__arena *ar, uint32_t **out, size_t *nout,
                   bool lower)
{
    if (n > (SIZE_MAX / sizeof(uint32_t) - 1) / 3)
        return IFR_E_NOMEM;
    uint32_t *o = ifr__arena_alloc(ar, (3 * n + 1) * sizeof(uint32_t));
    if (!o)
        return IFR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 0x80) {
            /* a run of ASCII: only the 26 letters change, by 0x20 (the
             * output offset k - i is constant over the run, and no mapping
             * shortens a string, so k >= i) */
            uint32_t *d = o + (k - i);
#if defined(__SSE2__)
            /* four code points per step while all four are ASCII */
            const __m128i lim = _mm_set1_epi32(0x7F), lo = _mm_set1_epi32(lower ? 'A' : 'a');
            const __m128i m25 = _mm_set1_epi32(25), neg = _mm_set1_epi32(-1);
            const __m128i dx = _mm_set1_epi32(lower ? 0x20 : -0x20);
            while (i + 4 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                if (_mm_movemask_epi8(_mm_cmpgt_epi32(v, lim)))
                    break; /* a non-ASCII code point among the four */
                __m128i t = _mm_sub_epi32(v, lo);
                __m128i in = _mm_andnot_si128(_mm_cmpgt_epi32(t, m25), _mm_cmpgt_epi32(t, neg));
                _mm_storeu_si128((__m128i *)(void *)(d + i),
                                 _mm_add_epi32(v, _mm_and_si128(in, dx)));
                i += 4;
                k += 4;
            }
#endif
            /* the rest of the run (empty when the SIMD steps reached its end) */
            size_t j = i;
            while (j < n && s[j] < 0x80)
                j++;
            if (lower) {
                for (size_t m = i; m < j; m++)
                    d[m] = s[m] - 'A' < 26u ? s[m] + 0x20 : s[m];
            } else {
                for (size_t m = i; m < j; m++)
                    d[m] = s[m] - 'a' < 26u ? s[m] - 0x20 : s[m];
            }
            k += j - i;
            i = j - 1;
            continue;
        }
        uint32_t c = s[i];
        if (lower && c == 0x3A3u) {
            o[k++] = capital_sigma(s, n, i);
            continue;
        }
        const pyc_record *r = rec(c);
        if (lower)
            k += map1(c, r->lower, (r->flags & PYC_LOWER_EXT) != 0, &o[k]);
        else
            k += map1(c, r->upper, (r->flags & PYC_UPPER_EXT) != 0, &o[k]);
    }
    o[k] = 0;
    *out = o;
    *nout = k;
    return IFR_OK;
}

int ifr__py_lower(const uint32_t *s, size_t n, ifr__arena *ar, uint32_t **out, size_t *nout)
{
    return map_str(s, n, ar, out, nout, true);
}

int ifr__py_upper(const uint32_t *s, size_t n, ifr__arena *ar, uint32_t **out, size_t *nout)
{
    return map_str(s, n, ar, out, nout, false);
}

/* MARK: strip / split ----------------------------------------------------- */

void ifr__py_lstrip(const uint32_t *s, size_t n, size_t *b)
{
    size_t i = 0;
    while (i < n && ifr__py_isspace(s[i]))
        i++;
    *b = i;
}

void ifr__py_rstrip(const uint32_t *s, size_t n, size_t *e)
{
    size_t j = n;
    while (j > 0 && ifr__py_isspace(s[j - 1]))
        j--;
    *e = j;
}

void ifr__py_strip(const uint32_t *s, size_t n, size_t *b, size_t *e)
{
    ifr__py_lstrip(s, n, b);
    size_t j = n;
    while (j > *b && ifr__py_isspace(s[j - 1]))
        j--;
    *e = j;
}

static bool in_set(uint32_t c, const uint32_t *chars, size_t nchars)
{
    for (size_t k = 0; k < nchars; k++)
        if (chars[k] == c)
            return true;
    return false;
}

void ifr__py_strip_chars(const uint32_t *s, size_t n, const uint32_t *chars, size_t nchars,
                         bool left, bool right, size_t *b, size_t *e)
{
    size_t i = 0, j = n;
    if (left)
        while (i < n && in_set(s[i], chars, nchars))
            i++;
    if (right)
        while (j > i && in_set(s[j - 1], chars, nchars))
            j--;
    *b = i;
    *e = j;
}

bool ifr__py_isblank(const uint32_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ifr__py_isspace(s[i]))
            return false;
    return true;
}

bool ifr__py_split_next(const uint32_t *s, size_t n, size_t *pos, size_t *b, size_t *e)
{
    size_t i = *pos;
    while (i < n && ifr__py_isspace(s[i]))
        i++;
    if (i >= n) {
        *pos = n;
        return false;
    }
    size_t j = i;
    while (j < n && !ifr__py_isspace(s[j]))
        j++;
    *b = i;
    *e = j;
    *pos = j;
    return true;
}

/* stringlib splitlines(): \r\n is one break; a final break adds no empty line. */
bool ifr__py_splitlines_next(const uint32_t *s, size_t n, size_t *pos, size_t *b, size_t *e)
{
    size_t i = *pos;
    if (i >= n)
        return false;
    size_t j = i;
    while (i < n && !ifr__py_islinebreak(s[i]))
        i++;
    size_t eol = i;
    if (i < n) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            i += 2;
        else
            i++;
    }
    *b = j;
    *e = eol;
    *pos = i;
    return true;
}

size_t ifr__py_count_words(const uint32_t *s, size_t n)
{
    /* branch-free: a word starts where a \w follows a non-\w */
    size_t count = 0;
    unsigned in = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        unsigned w = ifr__py_isword(c);
        count += w & (in ^ 1u);
        in = w;
    }
    return count;
}

/* The same count over ASCII bytes (every byte < 0x80), 16 at a time with SSE2:
 * a mask of \w bytes, word starts = mask & ~(mask << 1 | previous byte's bit). */
size_t ifr__py_count_words_ascii(const char *p, size_t n)
{
    size_t count = 0, i = 0;
    unsigned in = 0;
#if defined(__SSE2__)
    const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
    const __m128i la = _mm_set1_epi8('a' - 1), lz = _mm_set1_epi8('z' + 1);
    const __m128i us = _mm_set1_epi8('_'), x20 = _mm_set1_epi8(0x20);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i dig = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9));
        __m128i f = _mm_or_si128(v, x20); /* letters fold to 'a'..'z', nothing else does */
        __m128i let = _mm_and_si128(_mm_cmpgt_epi8(f, la), _mm_cmplt_epi8(f, lz));
        __m128i w = _mm_or_si128(_mm_or_si128(dig, let), _mm_cmpeq_epi8(v, us));
        unsigned m = (unsigned)_mm_movemask_epi8(w);
        unsigned starts = m & ~((m << 1) | in);
        count += ifr__popcount16(starts);
        in = (m >> 15) & 1u;
        i += 16;
    }
#endif
    for (; i < n; i++) {
        unsigned w = ifr__py_isword((unsigned char)p[i] & 0x7Fu);
        count += w & (in ^ 1u);
        in = w;
    }
    return count;
}

/* MARK: UTF-8 -------------------------------------------------------------- */

/*
 * Decode one code point at s[0..n) (n >= 1). Returns the byte count consumed
 * and sets *c; on an invalid sequence *c = U+FFFD and the count is the length
 * of the maximal invalid subpart (at least 1), as CPython's decoder with
 * errors="replace" (Unicode's "U+FFFD substitution of maximal subparts").
 */
static size_t decode1(const unsigned char *s, size_t n, uint32_t *c)
{
    unsigned b0 = s[0];
    if (b0 < 0x80) {
        *c = b0;
        return 1;
    }
    size_t need;
    unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
    uint32_t v;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        v = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        v = b0 & 0x0Fu;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        v = b0 & 0x07u;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        *c = 0xFFFDu;
        return 1;
    }
    size_t k = 1;
    for (; k <= need; k++) {
        if (k >= n)
            break;
        unsigned b = s[k];
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h)
            break;
        v = (v << 6) | (b & 0x3Fu);
    }
    if (k <= need) {
        *c = 0xFFFDu;
        return k;
    }
    *c = v;
    return need + 1;
}

/* true if the 8 bytes at p are all ASCII */
static inline bool ascii8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return (w & UINT64_C(0x8080808080808080)) == 0;
}

bool ifr__utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            while (i + 8 <= n && ascii8(p + i))
                i += 8;
            while (i < n && p[i] < 0x80)
                i++;
            continue;
        }
        uint32_t c;
        size_t k = decode1(p + i, n - i, &c);
        if (c == 0xFFFDu && !(k == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
            return false;
        i += k;
    }
    return true;
}

/*
 * Widen an ASCII run into o: returns how many bytes from p (at most n) were
 * ASCII and copied. 16 bytes at a time with SSE2 (x86-64 baseline), else 8.
 */
static size_t widen_ascii(const unsigned char *p, size_t n, uint32_t *o)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i z = _mm_setzero_si128();
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        if (_mm_movemask_epi8(v))
            break;
        __m128i lo = _mm_unpacklo_epi8(v, z), hi = _mm_unpackhi_epi8(v, z);
        _mm_storeu_si128((__m128i *)(void *)(o + i), _mm_unpacklo_epi16(lo, z));
        _mm_storeu_si128((__m128i *)(void *)(o + i + 4), _mm_unpackhi_epi16(lo, z));
        _mm_storeu_si128((__m128i *)(void *)(o + i + 8), _mm_unpacklo_epi16(hi, z));
        _mm_storeu_si128((__m128i *)(void *)(o + i + 12), _mm_unpackhi_epi16(hi, z));
        i += 16;
    }
#endif
    while (i + 8 <= n && ascii8(p + i)) {
        for (size_t j = 0; j < 8; j++)
            o[i + j] = p[i + j];
        i += 8;
    }
    while (i < n && p[i] < 0x80) {
        o[i] = p[i];
        i++;
    }
    return i;
}

int ifr__utf8_decode_check(const char *s, size_t n, ifr__arena *ar, uint32_t **cp,
                           size_t *ncp, bool *valid)
{
    if (n >= SIZE_MAX / sizeof(uint32_t) - 1)
        return IFR_E_NOMEM;
    uint32_t *o = ifr__arena_alloc(ar, (n + 1) * sizeof(uint32_t));
    if (!o)
        return IFR_E_NOMEM;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k = 0;
    bool ok = true;
    while (i < n) {
        if (p[i] < 0x80) {
            size_t m = widen_ascii(p + i, n - i, o + k);
            i += m;
            k += m;
            continue;
        }
        size_t m = decode1(p + i, n - i, &o[k]);
        /* a U+FFFD that is not the literal EF BF BD replaced invalid bytes */
        if (o[k] == 0xFFFDu && !(m == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
            ok = false;
        i += m;
        k++;
    }
    o[k] = 0;
    *cp = o;
    *ncp = k;
    *valid = ok;
    return IFR_OK;
}

int ifr__utf8_decode(const char *s, size_t n, ifr__arena *ar, uint32_t **cp, size_t *ncp)
{
    bool valid;
    return ifr__utf8_decode_check(s, n, ar, cp, ncp, &valid);
}

size_t ifr__utf8_put(uint32_t c, char buf[4])
{
    unsigned char *b = (unsigned char *)buf;
    if (c >= 0xD800u && c <= 0xDFFFu)
        c = 0xFFFDu; /* never emit surrogates: the output must stay valid */
    if (c < 0x80) {
        b[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        b[0] = (unsigned char)(0xC0 | (c >> 6));
        b[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (c >> 12));
        b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    if (c > 0x10FFFFu) {
        b[0] = 0xEF;
        b[1] = 0xBF;
        b[2] = 0xBD;
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (c >> 18));
    b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

int ifr__utf8_encode(const uint32_t *cp, size_t ncp, ifr__arena *ar, char **s, size_t *n)
{
    if (ncp >= (SIZE_MAX - 1) / 4)
        return IFR_E_NOMEM;
    size_t len = 0;
    for (size_t i = 0; i < ncp; i++) {
        uint32_t c = cp[i];
        len += c < 0x80 ? 1 : c < 0x800 ? 2 : (c < 0x10000 || c > 0x10FFFFu) ? 3 : 4;
    }
    char *o = ifr__arena_alloc(ar, len + 1);
    if (!o)
        return IFR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < ncp; i++) {
        if (cp[i] < 0x80)
            o[k++] = (char)cp[i];
        else
            k += ifr__utf8_put(cp[i], &o[k]);
    }
    o[k] = '\0';
    *s = o;
    *n = k;
    return IFR_OK;
}

bool ifr__ustr_eq_utf8(const uint32_t *s, size_t n, const char *lit, size_t litlen)
{
    const unsigned char *p = (const unsigned char *)lit;
    size_t i = 0, k = 0;
    while (i < litlen) {
        uint32_t c;
        if (p[i] < 0x80) {
            c = p[i++];
        } else {
            i += decode1(p + i, litlen - i, &c);
        }
        if (k >= n || s[k] != c)
            return false;
        k++;
    }
    return k == n;
}
