/* util.c - helpers shared by the checker family files. */
#include "util.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int ifr__ck_pystr(ifr__parse_ctx *pc, const char *key, const char *s, size_t n, unsigned ops,
                  ifr__ck_str *out)
{
    ifr__arena tmp;
    ifr__arena_init(&tmp, ifr__parse_allocator(pc));
    uint32_t *cp = NULL;
    size_t ncp = 0;
    int rc = ifr__utf8_decode(s ? s : "", s ? n : 0, &tmp, &cp, &ncp);
    size_t b = 0, e = ncp;
    if (rc == IFR_OK && (ops & IFR__CK_STRIP))
        ifr__py_strip(cp, ncp, &b, &e);
    const uint32_t *src = cp + b;
    size_t nsrc = e - b;
    if (rc == IFR_OK && (ops & IFR__CK_LOWER)) {
        uint32_t *lo;
        size_t nlo;
        rc = ifr__py_lower(src, nsrc, &tmp, &lo, &nlo);
        src = lo;
        nsrc = nlo;
    }
    char *enc = NULL;
    size_t nenc = 0;
    if (rc == IFR_OK)
        rc = ifr__utf8_encode(src, nsrc, &tmp, &enc, &nenc);
    uint32_t *cpo = NULL;
    char *so = NULL;
    if (rc == IFR_OK) {
        cpo = ifr__parse_alloc(pc, (nsrc + 1) * sizeof *cpo);
        so = ifr__parse_alloc(pc, nenc + 1);
        if (!cpo || !so)
            rc = IFR_E_NOMEM;
    }
    if (rc == IFR_OK) {
        if (nsrc)
            memcpy(cpo, src, nsrc * sizeof *cpo);
        cpo[nsrc] = 0;
        memcpy(so, enc, nenc);
        so[nenc] = '\0';
        out->cp = cpo;
        out->ncp = nsrc;
        out->s = so;
        out->n = nenc;
    }
    ifr__arena_release(&tmp);
    if (rc != IFR_OK)
        return ifr__parse_error(pc, rc, key, "out of memory");
    return IFR_OK;
}

const char *ifr__ck_quote(char *buf, size_t cap, const char *s, size_t n, size_t max)
{
    if (cap == 0)
        return buf;
    size_t lim = max < cap - 4 ? max : cap - 4;
    size_t i = 0;
    bool cut = false;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c == 0 || c == '\n' || c == '\r' || i + len > n || i + len > lim) {
            cut = true;
            break;
        }
        i += len;
    }
    memcpy(buf, s, i);
    if (cut)
        memcpy(buf + i, "...", 3), i += 3;
    buf[i] = '\0';
    return buf;
}

const char *ifr__ck_quote_cp(char *buf, size_t cap, const uint32_t *s, size_t n, size_t max)
{
    if (cap == 0)
        return buf;
    size_t lim = max < cap - 4 ? max : cap - 4;
    size_t o = 0;
    bool cut = false;
    for (size_t i = 0; i < n; i++) {
        char tmp[4];
        if (s[i] == 0 || s[i] == '\n' || s[i] == '\r') {
            cut = true;
            break;
        }
        size_t k = ifr__utf8_put(s[i], tmp);
        if (o + k > lim) {
            cut = true;
            break;
        }
        memcpy(buf + o, tmp, k);
        o += k;
    }
    if (cut)
        memcpy(buf + o, "...", 3), o += 3;
    buf[o] = '\0';
    return buf;
}

const char *ifr__ck_memmem(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn == 0)
        return h;
    if (nn > hn)
        return NULL;
    const char *end = h + (hn - nn) + 1;
    for (const char *p = h; p < end; p++) {
        p = memchr(p, nd[0], (size_t)(end - p));
        if (!p)
            return NULL;
        if (memcmp(p, nd, nn) == 0)
            return p;
    }
    return NULL;
}

size_t ifr__ck_count_byte2(const char *s, size_t n, char a, char b)
{
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i eq = _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb));
        count += ifr__popcount16((unsigned)_mm_movemask_epi8(eq));
        i += 16;
    }
#endif
    for (; i < n; i++)
        count += s[i] == a || s[i] == b;
    return count;
}
