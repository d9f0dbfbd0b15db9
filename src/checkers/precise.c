/* precise.c - helpers for precise semantics (see precise.h). */
#include "precise.h"

#include <string.h>
#include <utf8proc.h>

bool ifr__pr_format(uint32_t c)
{
    if (c < 0xAD)
        return false;
    return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_CF;
}

bool ifr__pr_invisible(uint32_t c)
{
    if (ifr__py_isspace(c))
        return true;
    if (c >= 0x21 && c < 0x7F)
        return false;
    switch (c) {
    case 0x115F: case 0x1160: case 0x3164: case 0xFFA0: case 0x2800: case 0x180E:
        return true;
    default: break;
    }
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return true;
    default:
        return false;
    }
}

bool ifr__pr_blank(const uint32_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ifr__pr_invisible(s[i]))
            return false;
    return true;
}

bool ifr__pr_wordch(uint32_t c)
{
    if (ifr__py_isword(c))
        return true;
    if (c < 0x300)
        return false;
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return true;
    default:
        return false;
    }
}

bool ifr__pr_has_word(const uint32_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ifr__py_isword(s[i]))
            return true;
    return false;
}

uint32_t ifr__pr_cp_at(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &c);
    return k > 0 && c >= 0 ? (uint32_t)c : 0xFFFD;
}

uint32_t ifr__pr_cp_before(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    if (j > 0)
        j--;
    return ifr__pr_cp_at(s, i, j);
}

int ifr__pr_word_search(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                        size_t from, bool wb_start, bool wb_end, size_t *ms, size_t *me)
{
    size_t pos = from;
    while (pos <= n) {
        int rc = ifr__regex_search(rx, sc, s, n, pos, ms, me);
        if (rc <= 0)
            return rc;
        bool ok = true;
        if (wb_start && *ms > 0 && ifr__pr_wordch(ifr__pr_cp_before(s, *ms)))
            ok = false;
        if (ok && wb_end && *me < n && ifr__pr_wordch(ifr__pr_cp_at(s, n, *me)))
            ok = false;
        if (ok)
            return 1;
        /* retry one character after the failed start */
        size_t k = *ms + 1;
        while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        pos = k;
    }
    return 0;
}

int ifr__pr_strip_format(const ifr__text *t, const char **s, size_t *n)
{
    uint32_t *o = ifr__arena_alloc(t->arena, (t->ncp + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    size_t m = 0;
    for (size_t i = 0; i < t->ncp; i++)
        if (!ifr__pr_format(t->cp[i]))
            o[m++] = t->cp[i];
    char *enc;
    size_t nenc;
    int rc = ifr__utf8_encode(o, m, t->arena, &enc, &nenc);
    if (rc != IFR_OK)
        return rc;
    *s = enc;
    *n = nenc;
    return IFR_OK;
}

bool ifr__pr_next_line(const uint32_t *cp, size_t n, size_t *pos, size_t *b, size_t *e)
{
    if (*pos > n)
        return false;
    size_t i = *pos;
    *b = i;
    while (i < n && cp[i] != '\n' && cp[i] != '\r')
        i++;
    *e = i;
    if (i < n && cp[i] == '\r' && i + 1 < n && cp[i + 1] == '\n')
        i++;
    *pos = i + 1;
    return true;
}
