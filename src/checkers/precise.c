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

static bool ascii_letter(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Length of a plural suffix ("s" or "es", any case) of the match [ms, me) of s when
 * the keyword has 3+ characters ending in an ASCII letter and the suffix ends the
 * word; 0 otherwise. */
static size_t plural_len(const char *s, size_t n, size_t ms, size_t me)
{
    if (me - ms < 3 || !ascii_letter((unsigned char)s[me - 1]))
        return 0;
    size_t k = 0;
    if (me < n && (s[me] | 0x20) == 's')
        k = 1;
    else if (me + 1 < n && (s[me] | 0x20) == 'e' && (s[me + 1] | 0x20) == 's')
        k = 2;
    if (k && me + k < n && ifr__pr_wordch(ifr__pr_cp_at(s, n, me + k)))
        k = 0;
    return k;
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
        if (ok && wb_end && *me < n && ifr__pr_wordch(ifr__pr_cp_at(s, n, *me))) {
            /* an English plural of a keyword of 3+ letters is the same word */
            size_t k = plural_len(s, n, *ms, *me);
            if (k)
                *me += k;
            else
                ok = false;
        }
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

/* MARK: shared precise counters ------------------------------------------ */

/*
 * Precise: a placeholder is "[...]" on one line whose inside has a letter
 * ("[name]", "[your address]"), and which is not a markdown link "[x](y)".
 * "[]", "[ ]", "[1]" and "[...]" do not count.
 */
size_t ifr__pr_count_placeholders(const uint32_t *cp, size_t n)
{
    size_t count = 0, i = 0;
    while (i < n) {
        if (cp[i] != '[') {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && cp[j] != ']' && cp[j] != '\n' && cp[j] != '[')
            j++;
        if (j < n && cp[j] == '[') {
            i = j; /* innermost bracket pair */
            continue;
        }
        if (j < n && cp[j] == ']') {
            bool letter = false;
            for (size_t k = i + 1; k < j && !letter; k++)
                letter = ifr__py_isalpha(cp[k]);
            bool link = j + 1 < n && cp[j + 1] == '(';
            count += letter && !link;
            i = j + 1;
        } else {
            i = j;
        }
    }
    return count;
}

/*
 * Precise: a bullet is a line (\n, \r\n or \r) that starts, after spaces or
 * tabs, with '*', '-' or '+' followed by a space or tab and then a word
 * character somewhere on the line. Rules ('---', '* * *'), negative numbers
 * ('-5'), '*italic*' / '**bold**' lines and empty bullets do not count, nor
 * do lines inside ``` fenced code blocks.
 */
size_t ifr__pr_count_bullets(const uint32_t *cp, size_t n)
{
    size_t count = 0, pos = 0, b, e;
    bool fence = false;
    while (ifr__pr_next_line(cp, n, &pos, &b, &e)) {
        size_t i = b;
        while (i < e && (cp[i] == ' ' || cp[i] == '\t'))
            i++;
        if (e - i >= 3 && cp[i] == '`' && cp[i + 1] == '`' && cp[i + 2] == '`') {
            fence = !fence;
            continue;
        }
        if (fence || i + 1 >= e)
            continue;
        if ((cp[i] == '*' || cp[i] == '-' || cp[i] == '+') &&
            (cp[i + 1] == ' ' || cp[i + 1] == '\t') && ifr__pr_has_word(cp + i + 2, e - i - 2))
            count++;
    }
    return count;
}

/*
 * Precise: markdown emphasis spans on one line. A run of 1-3 '*' opens a span
 * when the next character is not whitespace; it closes at the next run of
 * the same length whose previous character is not whitespace. The inside
 * must have a word character. '***x***' and '**x**' count once, '* *' and
 * '**  **' not at all, a '* ' bullet is not a highlight. Repeating the same
 * highlighted text counts it once (distinct texts, compared exactly).
 */
int ifr__pr_count_highlights(const uint32_t *cp, size_t n, ifr__arena *ar, size_t *out)
{
    size_t cap = 16, nseen = 0, count = 0;
    ifr__span *seen = ifr__arena_alloc(ar, cap * sizeof *seen);
    *out = 0;
    if (!seen)
        return IFR_E_NOMEM;
    size_t pos = 0, b, e;
    while (ifr__pr_next_line(cp, n, &pos, &b, &e)) {
        size_t i = b;
        while (i < e) {
            if (cp[i] != '*') {
                i++;
                continue;
            }
            size_t r = i;
            while (r < e && cp[r] == '*')
                r++;
            size_t k = r - i;
            if (k > 3 || r >= e || ifr__py_isspace(cp[r])) {
                i = r;
                continue;
            }
            /* find the closing run of exactly k stars */
            size_t j = r, close = 0;
            bool found = false;
            while (j < e) {
                if (cp[j] != '*') {
                    j++;
                    continue;
                }
                size_t q = j;
                while (q < e && cp[q] == '*')
                    q++;
                if (q - j == k && !ifr__py_isspace(cp[j - 1])) {
                    close = j;
                    found = true;
                    break;
                }
                j = q;
            }
            if (!found) {
                i = r;
                continue;
            }
            size_t nword = 0;
            for (size_t q = r; q < close && nword < 2; q++)
                nword += ifr__py_isword(cp[q]);
            if (nword >= 2) { /* '*a*' is not a highlighted section */
                bool dup = false;
                for (size_t s2 = 0; s2 < nseen && !dup; s2++)
                    dup = seen[s2].e - seen[s2].b == close - r &&
                          memcmp(cp + seen[s2].b, cp + r, (close - r) * sizeof *cp) == 0;
                if (!dup) {
                    if (nseen == cap) {
                        ifr__span *bigger = ifr__arena_alloc(ar, 2 * cap * sizeof *bigger);
                        if (!bigger)
                            return IFR_E_NOMEM;
                        memcpy(bigger, seen, cap * sizeof *seen);
                        seen = bigger;
                        cap *= 2;
                    }
                    seen[nseen++] = (ifr__span){r, close};
                    count++;
                }
            }
            i = close + k;
        }
    }
    *out = count;
    return IFR_OK;
}

/* Sorted hashes of the case-folded words (runs of word characters) of a span. */
int ifr__pr_word_hashes(const ifr__text *t, ifr__span sp, uint64_t **out, size_t *nout)
{
    const uint32_t *cp = t->cp;
    size_t nw = 0;
    for (size_t i = sp.b; i < sp.e;) {
        if (!ifr__pr_wordch(cp[i])) {
            i++;
            continue;
        }
        while (i < sp.e && ifr__pr_wordch(cp[i]))
            i++;
        nw++;
    }
    uint64_t *h = ifr__arena_alloc(t->arena, (nw + 1) * sizeof *h);
    if (!h)
        return IFR_E_NOMEM;
    size_t w = 0;
    for (size_t i = sp.b; i < sp.e;) {
        if (!ifr__pr_wordch(cp[i])) {
            i++;
            continue;
        }
        uint64_t x = 1469598103934665603ULL;
        while (i < sp.e && ifr__pr_wordch(cp[i])) {
            uint32_t lo[3];
            size_t m = ifr__py_lower1(cp[i++], lo);
            for (size_t k = 0; k < m; k++)
                x = (x ^ lo[k]) * 1099511628211ULL;
        }
        h[w++] = x;
    }
    /* insertion sort is fine for answer-sized texts; shell sort for safety */
    for (size_t gap = w / 2; gap > 0; gap /= 2)
        for (size_t i = gap; i < w; i++)
            for (size_t j = i; j >= gap && h[j - gap] > h[j]; j -= gap) {
                uint64_t tmp = h[j];
                h[j] = h[j - gap];
                h[j - gap] = tmp;
            }
    *out = h;
    *nout = w;
    return IFR_OK;
}


int ifr__pr_compare_words(const ifr__text *t, ifr__span a, ifr__span b, size_t *na, size_t *nb,
                          size_t *common)
{
    uint64_t *h0, *h1;
    size_t n0, n1;
    int rc = ifr__pr_word_hashes(t, a, &h0, &n0);
    if (rc == IFR_OK)
        rc = ifr__pr_word_hashes(t, b, &h1, &n1);
    if (rc != IFR_OK)
        return rc;
    size_t c = 0;
    for (size_t i = 0, j = 0; i < n0 && j < n1;) {
        if (h0[i] == h1[j])
            c++, i++, j++;
        else if (h0[i] < h1[j])
            i++;
        else
            j++;
    }
    *na = n0;
    *nb = n1;
    *common = c;
    return IFR_OK;
}

bool ifr__pr_near_same(size_t na, size_t nb, size_t common)
{
    size_t mx = na > nb ? na : nb;
    if (na == nb && common == na)
        return true;
    return mx >= 10 && common * 10 >= mx * 9;
}

size_t ifr__pr_find_word(const uint32_t *h, size_t hn, size_t from, const uint32_t *nd,
                         size_t nn)
{
    if (nn == 0 || nn > hn)
        return (size_t)-1;
    bool ws = ifr__pr_wordch(nd[0]), we = ifr__pr_wordch(nd[nn - 1]);
    for (size_t i = from; i + nn <= hn; i++) {
        if (h[i] != nd[0] || memcmp(h + i, nd, nn * sizeof *h) != 0)
            continue;
        if (ws && i > 0 && ifr__pr_wordch(h[i - 1]))
            continue;
        if (we && i + nn < hn && ifr__pr_wordch(h[i + nn])) {
            /* plural of a keyword of 3+ characters ending in an ASCII letter */
            size_t e = i + nn, k = 0;
            if (nn >= 3 && nd[nn - 1] < 0x80 && ascii_letter(nd[nn - 1])) {
                if ((h[e] | 0x20) == 's')
                    k = 1;
                else if (e + 1 < hn && (h[e] | 0x20) == 'e' && (h[e + 1] | 0x20) == 's')
                    k = 2;
            }
            if (!k || (e + k < hn && ifr__pr_wordch(h[e + k])))
                continue;
        }
        return i;
    }
    return (size_t)-1;
}

int ifr__pr_count_word_ci(ifr__text *t, const uint32_t *kw, size_t kn, size_t *count)
{
    *count = 0;
    size_t b = 0, e = kn;
    ifr__py_strip(kw, kn, &b, &e);
    if (b == e)
        return IFR_OK;
    uint32_t *lk, *lt;
    size_t nlk, nlt;
    int rc = ifr__py_lower(kw + b, e - b, t->arena, &lk, &nlk);
    if (rc == IFR_OK)
        rc = ifr__py_lower(t->cp, t->ncp, t->arena, &lt, &nlt);
    if (rc != IFR_OK)
        return rc;
    size_t m = 0;
    for (size_t i = 0; i < nlt; i++)
        if (!ifr__pr_format(lt[i]))
            lt[m++] = lt[i];
    for (size_t at = 0;;) {
        at = ifr__pr_find_word(lt, m, at, lk, nlk);
        if (at == (size_t)-1)
            break;
        (*count)++;
        at += nlk;
    }
    return IFR_OK;
}

/* Cyrillic and Greek letters that look like a Latin one (lower case). */
static uint32_t homoglyph(uint32_t c)
{
    static const uint32_t tab[][2] = {
        {0x0430, 'a'}, {0x0410, 'a'}, {0x0435, 'e'}, {0x0415, 'e'}, {0x043E, 'o'},
        {0x041E, 'o'}, {0x0440, 'p'}, {0x0420, 'p'}, {0x0441, 'c'}, {0x0421, 'c'},
        {0x0443, 'y'}, {0x0445, 'x'}, {0x0425, 'x'}, {0x0456, 'i'}, {0x0406, 'i'},
        {0x0458, 'j'}, {0x0408, 'j'}, {0x0455, 's'}, {0x0405, 's'}, {0x0501, 'd'},
        {0x0412, 'b'}, {0x041D, 'h'}, {0x041A, 'k'}, {0x041C, 'm'}, {0x0422, 't'},
        {0x03BF, 'o'}, {0x039F, 'o'}, {0x03B1, 'a'}, {0x0391, 'a'}, {0x0392, 'b'},
        {0x0395, 'e'}, {0x0397, 'h'}, {0x0399, 'i'}, {0x039A, 'k'}, {0x039C, 'm'},
        {0x039D, 'n'}, {0x03A1, 'p'}, {0x03A4, 't'}, {0x03A7, 'x'}, {0x03A5, 'y'},
        {0x0396, 'z'}, {0x03BD, 'v'},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (tab[i][0] == c)
            return tab[i][1];
    return 0;
}

static bool is_ascii_letter(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * Precise count: a character counts when its compatibility decomposition
 * starts with the letter ('é', 'ｅ' and '𝐞' are an 'e'), and a Cyrillic or
 * Greek look-alike counts inside a word that also has Latin letters (the
 * signature of a homoglyph substitution, never of honest Russian or Greek).
 */
size_t ifr__pr_letter_count(const ifr__text *t, uint32_t letter)
{
    size_t count = 0;
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    for (size_t i = 0; i < n;) {
        if (!ifr__pr_wordch(cp[i])) {
            i++;
            continue;
        }
        size_t j = i;
        bool latin = false;
        while (j < n && ifr__pr_wordch(cp[j]))
            latin |= is_ascii_letter(cp[j++]);
        for (size_t k = i; k < j; k++) {
            uint32_t c = cp[k];
            if (c < 0x80) {
                count += (c | 0x20) == letter && is_ascii_letter(c);
                continue;
            }
            utf8proc_int32_t d[8];
            int last = 0;
            utf8proc_ssize_t nd = utf8proc_decompose_char(
                (utf8proc_int32_t)c, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
            uint32_t base = nd > 0 && nd <= 8 ? (uint32_t)d[0] : c;
            if (base < 0x80 && is_ascii_letter(base) && (base | 0x20) == letter)
                count++;
            else if (latin && homoglyph(c) == letter)
                count++;
            else {
                uint32_t lo[3];
                size_t m = ifr__py_lower1(c, lo);
                for (size_t q = 0; q < m; q++)
                    count += lo[q] == letter && base >= 0x80;
            }
        }
        i = j;
    }
    return count;
}

