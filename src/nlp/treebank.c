/*
 * treebank.c - port of NLTKWordTokenizer.tokenize and nltk.word_tokenize.
 *
 * The specification is nltk/tokenize/destructive.py (NLTK 3.8; 3.9.2 adds
 * one rule, TB_WS). tokenize() applies ~30 re.sub steps in a fixed order and
 * then str.split(). Two levels here (docs/TOKENIZERS.md):
 *
 *  - tb_words: most words (maximal non-whitespace runs) are tokenized
 *    directly by a lexer, because the steps touch their characters only in
 *    local ways (see "words without the chain");
 *  - tb_chain: the other words, in maximal runs with their whitespace
 *    context, go through the steps themselves. Each step is one scanner with
 *    re.sub's semantics: matches are found left to right in the step's
 *    input, do not overlap, and lookarounds see that input. A step that
 *    finds no match leaves the buffer as is (no copy), and a step whose
 *    trigger characters do not occur is skipped outright: a substitution
 *    only ever adds spaces, backquotes and apostrophes, so a bitmap of the
 *    characters present, updated with those three, is a safe superset.
 *
 * tools/treebank_diff.c checks the two levels against an older chain-only
 * copy of this file.
 */
#include "treebank.h"

#include <string.h>

#include "nlp_chars.h"
#include "punkt.h"

#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64)
#include <emmintrin.h>
#define TB_SSE2 1
#else
#define TB_SSE2 0
#endif

#define TB_SAME SIZE_MAX

/* MARK: work buffers ------------------------------------------------------ */

typedef struct tb_ctx {
    ifr__arena *ar;
    uint32_t *buf[2];
    size_t cap[2];
    int cur;            /* buf[cur] holds the text */
    size_t n;
    unsigned char seen[129]; /* ASCII characters that may occur; [128]: any non-ASCII */
    bool dotdot;        /* ".." occurs (no step creates one) */
    bool c2;            /* a CONTRACTIONS2 word (X+Y at a word start) occurs */
} tb_ctx;

static int tb_reserve(tb_ctx *c, int which, size_t need)
{
    if (c->cap[which] >= need)
        return IFR_OK;
    size_t cap = c->cap[which] * 2;
    if (cap < need)
        cap = need;
    if (cap < 256)
        cap = 256;
    if (cap > SIZE_MAX / sizeof(uint32_t))
        return IFR_E_NOMEM;
    uint32_t *p = ifr__arena_alloc(c->ar, cap * sizeof *p);
    if (!p)
        return IFR_E_NOMEM;
    if (which == c->cur && c->n)
        memcpy(p, c->buf[which], c->n * sizeof *p);
    c->buf[which] = p;
    c->cap[which] = cap;
    return IFR_OK;
}

static inline bool tb_has(const tb_ctx *c, uint32_t ch)
{
    return c->seen[ch];
}

static inline void tb_mark(tb_ctx *c, uint32_t ch)
{
    c->seen[ch] = 1;
}

/* Copy-on-first-match output: `last` is the first source index not yet
 * copied; the destination is only written once a match is found. */
typedef struct tb_out {
    const uint32_t *s;
    uint32_t *d;
    size_t dn, last;
    bool changed;
} tb_out;

static inline void tb_flush(tb_out *o, size_t upto)
{
    size_t k = upto - o->last;
    if (k)
        memcpy(o->d + o->dn, o->s + o->last, k * sizeof *o->d);
    o->dn += k;
    o->last = upto;
    o->changed = true;
}

static inline void tb_put(tb_out *o, uint32_t ch)
{
    o->d[o->dn++] = ch;
}

static inline void tb_putn(tb_out *o, const uint32_t *p, size_t k)
{
    memcpy(o->d + o->dn, p, k * sizeof *p);
    o->dn += k;
}

static size_t tb_done(tb_out *o, size_t n)
{
    if (!o->changed)
        return TB_SAME;
    tb_flush(o, n);
    return o->dn;
}

/* replace s[i..j) by " " s[i..j) " " */
static inline void tb_pad(tb_out *o, size_t i, size_t j)
{
    tb_flush(o, i);
    tb_put(o, ' ');
    tb_putn(o, o->s + i, j - i);
    tb_put(o, ' ');
    o->last = j;
}

/* MARK: character sets ---------------------------------------------------- */

/* (?i) on str patterns: which code points match an ASCII letter (probed
 * from /usr/bin/python3: re.fullmatch("(?i)" + L, chr(c)) over all c). */
static inline bool tb_ci(uint32_t c, char lit)
{
    uint32_t l = (uint32_t)(unsigned char)lit;
    if (l < 'a' || l > 'z')
        return c == l;
    if (c == l || c == l - 32)
        return true;
    if (l == 'i')
        return c == 0x130 || c == 0x131;
    if (l == 's')
        return c == 0x17f;
    return false;
}

/* ASCII classes of the padding steps, one bit per step */
enum { TB_K_P5 = 1, TB_K_P7 = 2, TB_K_P9 = 4, TB_K_PB = 8 };
static const unsigned char tb_kind[128] = {
    [';'] = TB_K_P5, ['@'] = TB_K_P5, ['#'] = TB_K_P5, ['$'] = TB_K_P5, ['%'] = TB_K_P5,
    ['&'] = TB_K_P5, ['?'] = TB_K_P7, ['!'] = TB_K_P7, ['*'] = TB_K_P9, [']'] = TB_K_PB,
    ['['] = TB_K_PB, ['('] = TB_K_PB, [')'] = TB_K_PB, ['{'] = TB_K_PB, ['}'] = TB_K_PB,
    ['<'] = TB_K_PB, ['>'] = TB_K_PB,
};

/* MARK: the substitution steps -------------------------------------------- */

/* ([«“‘„]|[`]+) -> " \1 " */
static size_t tb_s1(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i < n;) {
        uint32_t c = s[i];
        if (c == 0xAB || c == 0x201C || c == 0x2018 || c == 0x201E) {
            tb_pad(&o, i, i + 1);
            i++;
        } else if (c == '`') {
            size_t j = i + 1;
            while (j < n && s[j] == '`')
                j++;
            tb_pad(&o, i, j);
            i = j;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* ^\" -> `` */
static size_t tb_s2(const uint32_t *s, size_t n, uint32_t *d)
{
    if (n == 0 || s[0] != '"')
        return TB_SAME;
    d[0] = '`';
    d[1] = '`';
    memcpy(d + 2, s + 1, (n - 1) * sizeof *d);
    return n + 1;
}

/* (``) -> " \1 " */
static size_t tb_s3(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 1 < n;) {
        if (s[i] == '`' && s[i + 1] == '`') {
            tb_pad(&o, i, i + 2);
            i += 2;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* ([ \(\[{<])(\"|\'{2}) -> "\1 `` " */
static size_t tb_s4(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 1 < n;) {
        uint32_t c = s[i];
        size_t len = 0;
        if (c == ' ' || c == '(' || c == '[' || c == '{' || c == '<') {
            if (s[i + 1] == '"')
                len = 2;
            else if (s[i + 1] == '\'' && i + 2 < n && s[i + 2] == '\'')
                len = 3;
        }
        if (len) {
            tb_flush(&o, i);
            tb_put(&o, c);
            tb_put(&o, ' ');
            tb_put(&o, '`');
            tb_put(&o, '`');
            tb_put(&o, ' ');
            o.last = i + len;
            i += len;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* (?i)(\')(?!re|ve|ll|m|t|s|d|n)(\w)\b -> "\1 \2" */
static size_t tb_s5(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\'')
            continue;
        uint32_t a = s[i + 1], b = i + 2 < n ? s[i + 2] : 0;
        bool two = i + 2 < n;
        if (tb_ci(a, 'm') || tb_ci(a, 't') || tb_ci(a, 's') || tb_ci(a, 'd') || tb_ci(a, 'n'))
            continue;
        if (two && ((tb_ci(a, 'r') && tb_ci(b, 'e')) || (tb_ci(a, 'v') && tb_ci(b, 'e')) ||
                    (tb_ci(a, 'l') && tb_ci(b, 'l'))))
            continue;
        if (!ifr__nlp_word(a))
            continue;
        if (two && ifr__nlp_word(b))
            continue; /* no \b after the one word character */
        tb_flush(&o, i);
        tb_put(&o, '\'');
        tb_put(&o, ' ');
        tb_put(&o, a);
        o.last = i + 2;
        i++;
    }
    return tb_done(&o, n);
}

/*
 * ([^\.])(\.)(C*)\s*$ with C = [\]\)}>"\'»”’ ] (P1, with_space) or
 * [\]\)}>"\'] (P6). The tail after "." must be C* then whitespace, and
 * "$" is the end (\s* also eats a final "\n"), so the only candidate is the
 * "." just before the C-run that ends where the trailing whitespace starts.
 * Group 3 is the greedy C-run (which, for P1, may take trailing spaces).
 * P1 -> "\1 \2 \3 ", P6 -> "\1 \2\3 ".
 */
static inline bool tb_c1(uint32_t c)
{
    return c == ']' || c == ')' || c == '}' || c == '>' || c == '"' || c == '\'' ||
           c == 0xBB || c == 0x201D || c == 0x2019 || c == ' ';
}

static inline bool tb_c2(uint32_t c)
{
    return c == ']' || c == ')' || c == '}' || c == '>' || c == '"' || c == '\'';
}

/* In place: only the tail changes, so no copy of the text (the buffer must
 * hold n + 3 code points). */
static size_t tb_final_period(uint32_t *s, size_t n, bool p1)
{
    size_t w = n;
    while (w > 0 && ifr__nlp_space(s[w - 1]))
        w--;
    size_t c0 = w;
    while (c0 > 0 && (p1 ? tb_c1(s[c0 - 1]) : tb_c2(s[c0 - 1])))
        c0--;
    if (c0 < 2 || s[c0 - 1] != '.' || s[c0 - 2] == '.')
        return TB_SAME;
    size_t ae = c0;
    while (ae < n && (p1 ? tb_c1(s[ae]) : tb_c2(s[ae])))
        ae++;
    size_t i = c0 - 2, at = i + 3 + (p1 ? 1 : 0);
    memmove(s + at, s + c0, (ae - c0) * sizeof *s); /* group 3 moves right */
    s[i + 1] = ' ';
    s[i + 2] = '.';
    if (p1)
        s[i + 3] = ' ';
    size_t k = at + (ae - c0);
    s[k++] = ' ';
    return k;
}

/* ([:,])([^\d]) -> " \1 \2" */
static size_t tb_p2(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 1 < n;) {
        if ((s[i] == ':' || s[i] == ',') && !ifr__nlp_decimal(s[i + 1])) {
            tb_flush(&o, i);
            tb_put(&o, ' ');
            tb_put(&o, s[i]);
            tb_put(&o, ' ');
            tb_put(&o, s[i + 1]);
            o.last = i + 2;
            i += 2;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* ([:,])$ -> " \1 "  ("$": the end, or before a final "\n") */
static size_t tb_p3(const uint32_t *s, size_t n, uint32_t *d)
{
    size_t i;
    if (n >= 1 && (s[n - 1] == ':' || s[n - 1] == ','))
        i = n - 1;
    else if (n >= 2 && s[n - 1] == '\n' && (s[n - 2] == ':' || s[n - 2] == ','))
        i = n - 2;
    else
        return TB_SAME;
    tb_out o = {s, d, 0, 0, false};
    tb_pad(&o, i, i + 1);
    return tb_done(&o, n);
}

/* \.{2,} -> " \g<0> " */
static size_t tb_p4(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 1 < n;) {
        if (s[i] == '.' && s[i + 1] == '.') {
            size_t j = i + 2;
            while (j < n && s[j] == '.')
                j++;
            tb_pad(&o, i, j);
            i = j;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* [set] -> " \g<0> " for one of the ASCII sets of tb_kind */
static size_t tb_pad_set(const uint32_t *s, size_t n, uint32_t *d, unsigned kind)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i < n; i++)
        if (s[i] < 0x80 && (tb_kind[s[i]] & kind))
            tb_pad(&o, i, i + 1);
    return tb_done(&o, n);
}

/* ([^'])' -> "\1 ' " */
static size_t tb_p8(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 2 < n;) {
        if (s[i] != '\'' && s[i + 1] == '\'' && s[i + 2] == ' ') {
            tb_flush(&o, i);
            tb_put(&o, s[i]);
            tb_put(&o, ' ');
            tb_put(&o, '\'');
            tb_put(&o, ' ');
            o.last = i + 3;
            i += 3;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* -- -> " -- " */
static size_t tb_dd(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i + 1 < n;) {
        if (s[i] == '-' && s[i + 1] == '-') {
            tb_pad(&o, i, i + 2);
            i += 2;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* ([»”’]) -> " \1 " */
static size_t tb_e1(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i < n; i++)
        if (s[i] == 0xBB || s[i] == 0x201D || s[i] == 0x2019)
            tb_pad(&o, i, i + 1);
    return tb_done(&o, n);
}

/* '' -> " '' "   and   " -> " '' " */
static size_t tb_e23(const uint32_t *s, size_t n, uint32_t *d, bool dq)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i < n;) {
        size_t len = 0;
        if (dq ? s[i] == '"' : (s[i] == '\'' && i + 1 < n && s[i + 1] == '\''))
            len = dq ? 1 : 2;
        if (len) {
            tb_flush(&o, i);
            tb_put(&o, ' ');
            tb_put(&o, '\'');
            tb_put(&o, '\'');
            tb_put(&o, ' ');
            o.last = i + len;
            i += len;
        } else {
            i++;
        }
    }
    return tb_done(&o, n);
}

/* \s+ -> " " (NLTK 3.9.2) */
static size_t tb_ws(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i < n;) {
        if (!ifr__nlp_space(s[i])) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && ifr__nlp_space(s[j]))
            j++;
        if (j - i > 1 || s[i] != ' ') {
            tb_flush(&o, i);
            tb_put(&o, ' ');
            o.last = j;
        }
        i = j;
    }
    return tb_done(&o, n);
}

/* ([^' ])('[sS]|'[mM]|'[dD]|') -> "\1 \2 "   (E4), and
 * ([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) -> "\1 \2 "   (E5) */
static size_t tb_e45(const uint32_t *s, size_t n, uint32_t *d, bool e5)
{
    /* Every match has its apostrophe at i + 1, or (n't, N'T) at i + 2, so
     * only positions next to an apostrophe are tried, in increasing order;
     * `next` keeps the matches non-overlapping as re.sub does. */
    tb_out o = {s, d, 0, 0, false};
    size_t next = 0;
    for (size_t q = 1; q + 1 < n; q++) {
        if (s[q] != '\'')
            continue;
        for (int k = 0; k < 2; k++) {
            size_t i, glen = 0;
            if (k == 0) {
                if (!e5 || q < 2)
                    continue;
                i = q - 2;
                if (q + 2 < n && s[q + 2] == ' ' &&
                    ((s[i + 1] == 'n' && s[q + 1] == 't') || (s[i + 1] == 'N' && s[q + 1] == 'T')))
                    glen = 3;
            } else {
                i = q - 1;
                uint32_t x = s[q + 1];
                if (!e5) {
                    if ((x == 's' || x == 'S' || x == 'm' || x == 'M' || x == 'd' || x == 'D') &&
                        q + 2 < n && s[q + 2] == ' ')
                        glen = 2;
                    else if (x == ' ')
                        glen = 1;
                } else if (q + 3 < n && s[q + 3] == ' ') {
                    uint32_t y = s[q + 2];
                    if ((x == 'l' && y == 'l') || (x == 'L' && y == 'L') || (x == 'r' && y == 'e') ||
                        (x == 'R' && y == 'E') || (x == 'v' && y == 'e') || (x == 'V' && y == 'E'))
                        glen = 3;
                }
            }
            if (!glen || i < next || s[i] == '\'' || s[i] == ' ')
                continue;
            tb_flush(&o, i);
            tb_put(&o, s[i]);
            tb_put(&o, ' ');
            tb_putn(&o, s + i + 1, glen);
            tb_put(&o, ' ');
            o.last = next = i + 1 + glen + 1;
            break;
        }
    }
    return tb_done(&o, n);
}

/* CONTRACTIONS2: (?i)\b(X)(Y)\b -> " \1 \2 "  (wanna: (?i)\b(wan)(na)(?=\s)) */
typedef struct tb_contr {
    const char *x, *y;
    bool ahead_space;
} tb_contr;

static const tb_contr tb_contractions2[] = {
    {"can", "not", false}, {"d", "'ye", false},  {"gim", "me", false},
    {"gon", "na", false},  {"got", "ta", false},  {"lem", "me", false},
    {"more", "'n", false}, {"wan", "na", true},
};

static bool tb_ci_at(const uint32_t *s, size_t n, size_t i, const char *lit)
{
    for (; *lit; lit++, i++)
        if (i >= n || !tb_ci(s[i], *lit))
            return false;
    return true;
}

/* Does X+Y of some CONTRACTIONS2 pattern start at word start i (the end
 * condition aside)? No earlier step can create such a place: steps insert
 * a space between two word characters only before the "n" of n't, never
 * join characters, and never change letters. */
static bool tb_c2_candidate(const uint32_t *s, size_t n, size_t i)
{
    uint32_t c = s[i] | 0x20u;
    if (s[i] >= 0x80 || !(c == 'c' || c == 'd' || c == 'g' || c == 'l' || c == 'm' || c == 'w'))
        return false;
    for (size_t k = 0; k < sizeof tb_contractions2 / sizeof *tb_contractions2; k++) {
        const tb_contr *p = &tb_contractions2[k];
        if ((uint32_t)p->x[0] == c && tb_ci_at(s, n, i, p->x) &&
            tb_ci_at(s, n, i + strlen(p->x), p->y))
            return true;
    }
    return false;
}

/*
 * All eight CONTRACTIONS2 steps in one scan. This is equivalent to running
 * them one after the other: each pattern matches a whole word region with a
 * boundary on both sides, no two patterns match the same region, and the
 * spaces a substitution inserts (before X, between X and Y, after Y) can
 * neither create nor destroy a match of another pattern (no Y starts, and
 * no X alone ends, a pattern; regions cannot overlap).
 */
static size_t tb_c2all(const uint32_t *s, size_t n, uint32_t *d)
{
    tb_out o = {s, d, 0, 0, false};
    for (size_t i = 0; i < n;) {
        if (!ifr__nlp_word(s[i])) {
            i++;
            continue;
        }
        /* i starts a run of \w: the only place a match (\b + letter) can start */
        uint32_t c = s[i] | 0x20u;
        if (s[i] >= 0x80 || !(c == 'c' || c == 'd' || c == 'g' || c == 'l' || c == 'm' ||
                              c == 'w')) {
            while (i < n && ifr__nlp_word(s[i]))
                i++;
            continue;
        }
        size_t e = 0, lx = 0;
        for (size_t k = 0; k < sizeof tb_contractions2 / sizeof *tb_contractions2; k++) {
            const tb_contr *p = &tb_contractions2[k];
            if ((uint32_t)p->x[0] != c)
                continue;
            size_t px = strlen(p->x), py = strlen(p->y);
            if (!tb_ci_at(s, n, i, p->x) || !tb_ci_at(s, n, i + px, p->y))
                continue;
            size_t end = i + px + py;
            bool ok = p->ahead_space ? (end < n && ifr__nlp_space(s[end]))
                                     : (end == n || !ifr__nlp_word(s[end]));
            if (ok) {
                e = end;
                lx = px;
                break;
            }
        }
        if (!e) {
            while (i < n && ifr__nlp_word(s[i]))
                i++;
            continue;
        }
        tb_flush(&o, i);
        tb_put(&o, ' ');
        tb_putn(&o, s + i, lx);
        tb_put(&o, ' ');
        tb_putn(&o, s + i + lx, e - i - lx);
        tb_put(&o, ' ');
        o.last = e;
        i = e;
    }
    return tb_done(&o, n);
}

/* CONTRACTIONS3: (?i) ('t)(is)\b and then (?i) ('t)(was)\b -> " \1 \2 ".
 * Two separate steps: the first one's trailing space can create the
 * leading space the second one needs (" 'tis'twas"). */
static size_t tb_c3pass(const uint32_t *s, size_t n, uint32_t *d, const char *word)
{
    size_t lw = strlen(word);
    tb_out o = {s, d, 0, 0, false};
    /* the apostrophe is at i + 1; matches cannot overlap (each starts with
     * a space and contains no other one) */
    for (size_t q = 1; q + 2 + lw <= n; q++) {
        if (s[q] != '\'')
            continue;
        size_t i = q - 1, e = i + 3 + lw;
        if (s[i] == ' ' && tb_ci(s[q + 1], 't') && tb_ci_at(s, n, q + 2, word) &&
            (e == n || !ifr__nlp_word(s[e]))) {
            tb_flush(&o, i);
            tb_put(&o, ' ');
            tb_putn(&o, s + i + 1, 2);
            tb_put(&o, ' ');
            tb_putn(&o, s + i + 3, lw);
            tb_put(&o, ' ');
            o.last = e;
            q = e - 1;
        }
    }
    return tb_done(&o, n);
}

/* MARK: the chain ---------------------------------------------------------- */

enum {
    TB_S1, TB_S2, TB_S3, TB_S4, TB_S5, TB_P1, TB_P2, TB_P3, TB_P4, TB_P5, TB_P6, TB_P7,
    TB_P8, TB_P9, TB_PB, TB_DD, TB_WRAP, TB_E1, TB_E2, TB_E3, TB_WS, TB_E4, TB_E5,
    TB_C2, TB_C3A, TB_C3B, TB_NSTEPS
};

static bool tb_has_any(const tb_ctx *c, const char *set)
{
    for (; *set; set++)
        if (tb_has(c, (uint32_t)(unsigned char)*set))
            return true;
    return false;
}

/* Would step `st` possibly match? (a conservative test on the bitmap) */
static bool tb_wanted(const tb_ctx *c, int st, ifr__nltk_version v)
{
    switch (st) {
    case TB_S1: return c->seen[128] || tb_has(c, '`');
    case TB_S3: return tb_has(c, '`');
    case TB_S4: return tb_has(c, '"') || tb_has(c, '\'');
    case TB_S5: case TB_P8: case TB_E2: case TB_E4: case TB_E5: case TB_C3A: case TB_C3B:
        return tb_has(c, '\'');
    case TB_P2: return tb_has(c, ':') || tb_has(c, ',');
    case TB_P4: return c->dotdot;
    case TB_P5: return tb_has_any(c, ";@#$%&");
    case TB_P7: return tb_has_any(c, "?!");
    case TB_P9: return tb_has(c, '*');
    case TB_PB: return tb_has_any(c, "][(){}<>");
    case TB_DD: return tb_has(c, '-');
    case TB_E1: return c->seen[128];
    case TB_E3: return tb_has(c, '"');
    case TB_WS: return v == IFR__NLTK_392;
    case TB_C2: return c->c2;
    default:
        return true; /* S2, P1, P3, P6, WRAP: O(1) or tail-only tests */
    }
}

static size_t tb_step(int st, const uint32_t *s, size_t n, uint32_t *d)
{
    switch (st) {
    case TB_S1: return tb_s1(s, n, d);
    case TB_S2: return tb_s2(s, n, d);
    case TB_S3: return tb_s3(s, n, d);
    case TB_S4: return tb_s4(s, n, d);
    case TB_S5: return tb_s5(s, n, d);
    case TB_P2: return tb_p2(s, n, d);
    case TB_P3: return tb_p3(s, n, d);
    case TB_P4: return tb_p4(s, n, d);
    case TB_P5: return tb_pad_set(s, n, d, TB_K_P5);
    case TB_P7: return tb_pad_set(s, n, d, TB_K_P7);
    case TB_P8: return tb_p8(s, n, d);
    case TB_P9: return tb_pad_set(s, n, d, TB_K_P9);
    case TB_PB: return tb_pad_set(s, n, d, TB_K_PB);
    case TB_DD: return tb_dd(s, n, d);
    case TB_WRAP:
        d[0] = ' ';
        memcpy(d + 1, s, n * sizeof *d);
        d[n + 1] = ' ';
        return n + 2;
    case TB_E1: return tb_e1(s, n, d);
    case TB_E2: return tb_e23(s, n, d, false);
    case TB_E3: return tb_e23(s, n, d, true);
    case TB_WS: return tb_ws(s, n, d);
    case TB_E4: return tb_e45(s, n, d, false);
    case TB_E5: return tb_e45(s, n, d, true);
    case TB_C2: return tb_c2all(s, n, d);
    case TB_C3A: return tb_c3pass(s, n, d, "is");
    case TB_C3B: return tb_c3pass(s, n, d, "was");
    default: return TB_SAME;
    }
}

/* MARK: tokens ---------------------------------------------------------------- */

/* the token array being filled (it grows in the arena) */
typedef struct tb_toks {
    ifr__ustr *v;
    size_t n, cap;
} tb_toks;

static int tb_grow(tb_ctx *c, tb_toks *t, size_t need)
{
    if (t->cap - t->n >= need)
        return IFR_OK;
    if (need > SIZE_MAX / (2 * sizeof *t->v) - t->n)
        return IFR_E_NOMEM;
    size_t nc = t->cap ? t->cap * 2 : 64;
    if (nc < t->n + need)
        nc = t->n + need;
    ifr__ustr *nv = ifr__arena_alloc(c->ar, nc * sizeof *nv);
    if (!nv)
        return IFR_E_NOMEM;
    if (t->n)
        memcpy(nv, t->v, t->n * sizeof *nv);
    t->v = nv;
    t->cap = nc;
    return IFR_OK;
}

static inline int tb_emit(tb_ctx *c, tb_toks *t, const uint32_t *p, size_t n)
{
    if (t->n == t->cap) {
        int rc = tb_grow(c, t, 1);
        if (rc != IFR_OK)
            return rc;
    }
    t->v[t->n].p = p;
    t->v[t->n].n = n;
    t->n++;
    return IFR_OK;
}

/* MARK: the chain on one piece ---------------------------------------------- */

/*
 * The substitution chain on s[0..n), then text.split(), appending the tokens.
 * With `tail` false, the steps anchored at the end of the sentence (P1, P3,
 * P6) are left out: the piece is not the end of the sentence (tb_run).
 */
static int tb_chain(tb_ctx *c, const uint32_t *s, size_t n, ifr__nltk_version v, bool tail,
                    tb_toks *out)
{
    c->cur = 0;
    c->n = 0;
    int rc = tb_reserve(c, 0, n + 8);
    if (rc != IFR_OK)
        return rc;
    uint32_t *b0 = c->buf[0];
    memset(c->seen, 0, sizeof c->seen);
    bool dd = false, c2 = false, prev_word = false;
    uint32_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t ch = s[i];
        b0[i] = ch;
        c->seen[ch < 0x80 ? ch : 0x80] = 1;
        dd |= (ch == '.') & (prev == '.');
        bool w = ifr__nlp_word(ch);
        if (w && !prev_word && !c2)
            c2 = tb_c2_candidate(s, n, i);
        prev_word = w;
        prev = ch;
    }
    c->n = n;
    c->dotdot = dd;
    c->c2 = c2;
    tb_mark(c, ' ');

    for (int st = 0; st < TB_NSTEPS; st++) {
        if (!tb_wanted(c, st, v))
            continue;
        if (c->n > (SIZE_MAX / sizeof(uint32_t) - 16) / 4)
            return IFR_E_NOMEM;
        if (st == TB_P1 || st == TB_P6) {
            if (!tail)
                continue;
            rc = tb_reserve(c, c->cur, c->n + 4);
            if (rc != IFR_OK)
                return rc;
            size_t m = tb_final_period(c->buf[c->cur], c->n, st == TB_P1);
            if (m != TB_SAME)
                c->n = m;
            continue;
        }
        if (st == TB_P3 && !tail)
            continue;
        int dst = 1 - c->cur;
        /* every step at most triples its input (plus a constant), except
         * '"' -> " '' " which quadruples it */
        rc = tb_reserve(c, dst, (st == TB_E3 ? 4 : 3) * c->n + 8);
        if (rc != IFR_OK)
            return rc;
        size_t m = tb_step(st, c->buf[c->cur], c->n, c->buf[dst]);
        if (m == TB_SAME)
            continue;
        c->cur = dst;
        c->n = m;
        if (st == TB_S2 || st == TB_S4)
            tb_mark(c, '`');
        if (st == TB_E2 || st == TB_E3)
            tb_mark(c, '\'');
    }

    /* text.split(); the final text is copied out of the work buffers once */
    const uint32_t *t = c->buf[c->cur];
    size_t tn = c->n;
    uint32_t *store = ifr__arena_alloc(c->ar, (tn ? tn : 1) * sizeof *store);
    if (!store)
        return IFR_E_NOMEM;
    memcpy(store, t, tn * sizeof *store);
    for (size_t i = 0; i < tn;) {
        if (ifr__nlp_space(store[i])) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < tn && !ifr__nlp_space(store[j]))
            j++;
        rc = tb_emit(c, out, store + i, j - i);
        if (rc != IFR_OK)
            return rc;
        i = j;
    }
    return IFR_OK;
}

/* MARK: words without the chain --------------------------------------------- */

/*
 * Most words are tokenized directly. A word here is a maximal run of
 * non-whitespace in the sentence. No pattern of the chain looks further than
 * one character beyond a word (the whitespace next to it), except the
 * end-anchored final-period steps, so a word whose characters no step can
 * touch except in the ways listed below gets the same tokens in isolation as
 * in the sentence, and the chain can be run on the other words alone, piece
 * by piece (tb_run). The classes:
 *
 *  - TB_L_W (\w) and TB_L_OTHER: no step touches them, except CONTRACTIONS2
 *    at the start of a \w run (tb_c2_lex).
 *  - TB_L_PAD: padded wherever they are: [;@#$%&] (P5), [?!] (P7), [*]
 *    (P9), brackets (the bracket step), [«“‘„] (S1), [»”’] (E1). The
 *    spaces they get matter to S4 (which needs a quote) and to E4/E5 (see
 *    tb_space_after).
 *  - TB_L_DOT: a run of two or more dots is padded by P4; a single dot is
 *    left alone, except as the last character of the sentence's last word
 *    (P1).
 *  - TB_L_DASH: "--" pairs, left to right (the double-dash step).
 *  - TB_L_CM: [:,] is padded by P2 when a non-decimal follows (a space,
 *    the next word's first character or anything else), by P3 at the very
 *    end. P2 consumes that next character, which matters only if it is
 *    [:,] too: such a word goes to the chain.
 *  - TB_L_CX: `"` becomes `` (S2 at the start of the sentence; S4 after a
 *    space, [([{<] or what S1 pads) or else '' (E3), a token of its own
 *    either way. An apostrophe after a \w character that ends the \w run or
 *    starts one of the clitics s S m M d D ll LL re RE ve VE (or the t of
 *    n't, N'T) ending it is split off by P8/E4/E5 if a space follows then
 *    (tb_space_after), and is left alone otherwise (S5's lookahead excludes
 *    these clitics, C3 needs a space before the apostrophe). Every other
 *    apostrophe and the backquote send the word to the chain.
 */
enum { TB_L_OTHER, TB_L_W, TB_L_PAD, TB_L_DOT, TB_L_DASH, TB_L_CM, TB_L_CX, TB_L_SP };

#define TB_R10(a, v) [a] = v, [a + 1] = v, [a + 2] = v, [a + 3] = v, [a + 4] = v, \
                     [a + 5] = v, [a + 6] = v, [a + 7] = v, [a + 8] = v, [a + 9] = v
static const unsigned char tb_lexc[128] = {
    ['\t'] = TB_L_SP, ['\n'] = TB_L_SP, [0x0b] = TB_L_SP, [0x0c] = TB_L_SP, ['\r'] = TB_L_SP,
    [0x1c] = TB_L_SP, [0x1d] = TB_L_SP, [0x1e] = TB_L_SP, [0x1f] = TB_L_SP, [' '] = TB_L_SP,
    TB_R10('0', TB_L_W), TB_R10('A', TB_L_W), TB_R10('K', TB_L_W), ['U'] = TB_L_W,
    ['V'] = TB_L_W, ['W'] = TB_L_W, ['X'] = TB_L_W, ['Y'] = TB_L_W, ['Z'] = TB_L_W,
    TB_R10('a', TB_L_W), TB_R10('k', TB_L_W), ['u'] = TB_L_W, ['v'] = TB_L_W, ['w'] = TB_L_W,
    ['x'] = TB_L_W, ['y'] = TB_L_W, ['z'] = TB_L_W, ['_'] = TB_L_W,
    [';'] = TB_L_PAD, ['@'] = TB_L_PAD, ['#'] = TB_L_PAD, ['$'] = TB_L_PAD, ['%'] = TB_L_PAD,
    ['&'] = TB_L_PAD, ['?'] = TB_L_PAD, ['!'] = TB_L_PAD, ['*'] = TB_L_PAD, ['['] = TB_L_PAD,
    [']'] = TB_L_PAD, ['('] = TB_L_PAD, [')'] = TB_L_PAD, ['{'] = TB_L_PAD, ['}'] = TB_L_PAD,
    ['<'] = TB_L_PAD, ['>'] = TB_L_PAD,
    ['.'] = TB_L_DOT, ['-'] = TB_L_DASH, [':'] = TB_L_CM, [','] = TB_L_CM,
    ['\''] = TB_L_CX, ['"'] = TB_L_CX, ['`'] = TB_L_CX,
};
#undef TB_R10

static unsigned tb_lex_class_u(uint32_t c)
{
    if (c == 0xAB || c == 0xBB || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
        c == 0x201E)
        return TB_L_PAD;
    if (ifr__py_isspace(c))
        return TB_L_SP;
    return ifr__py_isword(c) ? TB_L_W : TB_L_OTHER;
}

static inline unsigned tb_lex_class(uint32_t c)
{
    return c < 0x80 ? tb_lexc[c] : tb_lex_class_u(c);
}

/* index of the lowest set bit of m != 0 */
static inline unsigned tb_ctz(unsigned m)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctz(m);
#else
    unsigned i = 0;
    while (!(m & 1u)) {
        m >>= 1;
        i++;
    }
    return i;
#endif
}

/* The first index >= k that is not an ASCII \w character (or n). Eight at
 * a time without a branch per character (with SSE2, four per instruction):
 * the end of a word costs one mispredicted branch at most, not one per
 * letter. */
static inline size_t tb_skip_w(const uint32_t *s, size_t n, size_t k)
{
#if TB_SSE2
    const __m128i c20 = _mm_set1_epi32(0x20), a0 = _mm_set1_epi32('a' - 1),
                  z1 = _mm_set1_epi32('z' + 1), d0 = _mm_set1_epi32('0' - 1),
                  d9 = _mm_set1_epi32('9' + 1), us = _mm_set1_epi32('_');
    for (; k + 8 <= n; k += 8) {
        unsigned m = 0;
        for (unsigned h = 0; h < 2; h++) {
            /* code points are below 2^31, so signed compares are fine */
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + k + 4 * h));
            __m128i l = _mm_or_si128(x, c20);
            __m128i w = _mm_and_si128(_mm_cmpgt_epi32(l, a0), _mm_cmplt_epi32(l, z1));
            w = _mm_or_si128(w, _mm_and_si128(_mm_cmpgt_epi32(x, d0), _mm_cmplt_epi32(x, d9)));
            w = _mm_or_si128(w, _mm_cmpeq_epi32(x, us));
            m |= (unsigned)_mm_movemask_ps(_mm_castsi128_ps(w)) << (4 * h);
        }
        m ^= 0xffu;
        if (m)
            return k + tb_ctz(m);
    }
#else
    for (; k + 8 <= n; k += 8) {
        unsigned m = 0;
        for (unsigned j = 0; j < 8; j++) {
            uint32_t ch = s[k + j];
            m |= (unsigned)((ch >> 7) != 0 || tb_lexc[ch & 0x7f] != TB_L_W) << j;
        }
        if (m)
            return k + tb_ctz(m);
    }
#endif
    while (k < n && s[k] < 0x80 && tb_lexc[s[k]] == TB_L_W)
        k++;
    return k;
}

/* Does a CONTRACTIONS2 word without an apostrophe (cannot, gimme, gonna,
 * gotta, lemme, wanna) start at s[k]? (The other two have an apostrophe
 * that sends the word to the chain anyway.) */
static inline bool tb_c2_lex(const uint32_t *s, size_t n, size_t k)
{
    if (k + 4 >= n || s[k] >= 0x80)
        return false; /* all six have five or six letters */
    uint32_t a = s[k] | 0x20u, b = s[k + 1];
    if (b >= 0x80) {
        if (a != 'g' || (b != 0x130 && b != 0x131)) /* gimme: (?i) i is also İ, ı */
            return false;
    } else {
        b |= 0x20u;
        if (!((a == 'c' && b == 'a') || (a == 'g' && (b == 'i' || b == 'o')) ||
              (a == 'l' && b == 'e') || (a == 'w' && b == 'a')))
            return false;
    }
    switch (a) {
    case 'c': return tb_ci_at(s, n, k, "cannot");
    case 'g':
        return tb_ci_at(s, n, k, "gimme") || tb_ci_at(s, n, k, "gonna") ||
               tb_ci_at(s, n, k, "gotta");
    case 'l': return tb_ci_at(s, n, k, "lemme");
    default: return tb_ci_at(s, n, k, "wanna");
    }
}

/*
 * Is s[k] (k <= n, not \w) a space by the time E4/E5 run, for a lexed word?
 * The end of the sentence gets one from the wrap step; whitespace is a
 * space in 3.9.2 (\s+ -> " " before E4) and only " " itself in 3.8; the
 * padding steps before E4 put one before what they pad. -1: the word goes
 * to the chain.
 */
static int tb_space_after(const uint32_t *s, size_t n, size_t e, size_t k, ifr__nltk_version v)
{
    if (k == n)
        return 1;
    uint32_t x = s[k];
    size_t r;
    switch (tb_lex_class(x)) {
    case TB_L_SP: return v == IFR__NLTK_392 || x == ' ';
    case TB_L_PAD: return 1;
    case TB_L_DOT:
        r = k + 1;
        while (r < n && s[r] == '.')
            r++;
        return r - k >= 2 || r == e;
    case TB_L_DASH: return k + 1 < n && s[k + 1] == '-';
    case TB_L_CM:
        if (k + 1 == n)
            return 1;
        if (s[k + 1] == ':' || s[k + 1] == ',')
            return -1;
        return !ifr__nlp_decimal(s[k + 1]);
    case TB_L_CX: return x == '"' ? 1 : -1;
    default: return 0; /* TB_L_OTHER (TB_L_W cannot follow) */
    }
}

static const uint32_t tb_tok_open[2] = {'`', '`'}, tb_tok_close[2] = {'\'', '\''};

/* NLTKWordTokenizer.tokenize(s) (convert_parentheses=False) on the sentence
 * s[0..n), with s[0..f) and s[e..n) its leading and trailing whitespace
 * (e > f); see tb_run. */
static int tb_words(tb_ctx *c, const uint32_t *s, size_t n, size_t f, size_t e, size_t forced,
                    ifr__nltk_version v, tb_toks *out)
{
    size_t pb = SIZE_MAX, pe = 0; /* the pending piece: its first word's start, last word's end */
    size_t k = f;
    int rc;
    while (k < e) {
        /* s[k] starts a word */
        size_t ws = k, ts = k, n0 = out->n;
        bool pw = false; /* s[k - 1] is \w (a space before the word is not) */
        if (k >= forced)
            goto chain;
        while (k < n) {
            uint32_t ch = s[k];
            unsigned cl = tb_lex_class(ch);
            size_t r;
            const uint32_t *tp;
            if (cl == TB_L_W) {
                size_t k0 = k;
                k = tb_skip_w(s, n, k + 1);
                if (!pw) {
                    /* a CONTRACTIONS2 word is a \w run of 5 or 6 letters
                     * starting with c, g, l or w, or one more when E5 splits
                     * off the n of n't (cannotn't); the ASCII run stops
                     * short at a non-ASCII \w (gİmme) */
                    uint32_t l = (s[k0] | 0x20u) - 'a';
                    bool cand = ((k - k0 - 5 <= 2) & ((0x400844u >> (l & 31)) & 1)) |
                                (k < n && s[k] >= 0x80);
                    if (cand && tb_c2_lex(s, n, k0))
                        goto chain;
                }
                pw = true;
                if (k < n && s[k] == ' ')
                    break; /* the usual end of a word */
                continue;
            }
            bool wb = pw;
            pw = false;
            if (cl == TB_L_OTHER) {
                k++;
                continue;
            }
            if (cl == TB_L_SP)
                break;
            tp = s + k;
            if (cl == TB_L_PAD) {
                r = k + 1;
            } else if (cl == TB_L_DOT) {
                r = k + 1;
                while (r < n && s[r] == '.')
                    r++;
                if (r - k < 2 && r != e) {
                    k = r;
                    continue;
                }
            } else if (cl == TB_L_DASH) {
                if (k + 1 >= n || s[k + 1] != '-') {
                    k++;
                    continue;
                }
                r = k + 2;
            } else if (cl == TB_L_CM) {
                if (k + 1 < n) {
                    uint32_t x = s[k + 1];
                    if (x == ':' || x == ',')
                        goto chain;
                    if (ifr__nlp_decimal(x)) {
                        k++;
                        continue;
                    }
                }
                r = k + 1;
            } else if (ch == '"') {
                uint32_t p = k ? s[k - 1] : 0;
                bool open = k == 0 || p == ' ' || p == '(' || p == '[' || p == '{' ||
                            p == '<' || p == 0xAB || p == 0x201C || p == 0x2018 ||
                            p == 0x201E || (k == 1 && p == '"');
                tp = open ? tb_tok_open : tb_tok_close;
                r = k + 1;
            } else if (ch == '\'' && wb) {
                /* the clitic after the apostrophe, and where the split would be */
                uint32_t y = k + 1 < n ? s[k + 1] : 0, z = k + 2 < n ? s[k + 2] : 0;
                size_t ce, cs = k;
                if (y == 's' || y == 'S' || y == 'm' || y == 'M' || y == 'd' || y == 'D') {
                    ce = k + 2;
                } else if ((y == 'l' && z == 'l') || (y == 'L' && z == 'L') ||
                           (y == 'r' && z == 'e') || (y == 'R' && z == 'E') ||
                           (y == 'v' && z == 'e') || (y == 'V' && z == 'E')) {
                    ce = k + 3;
                } else if (((y == 't' && s[k - 1] == 'n') || (y == 'T' && s[k - 1] == 'N')) &&
                           k >= ws + 2) {
                    ce = k + 2;
                    cs = k - 1;
                } else if (k + 1 == n || tb_lex_class(y) != TB_L_W) {
                    ce = k + 1; /* a bare apostrophe */
                } else {
                    goto chain;
                }
                if (ce < n && tb_lex_class(s[ce]) == TB_L_W)
                    goto chain;
                int sp = tb_space_after(s, n, e, ce, v);
                if (sp < 0)
                    goto chain;
                pw = ce > k + 1; /* the clitic ends with a \w character */
                if (!sp) {
                    k = ce;
                    continue;
                }
                if (cs > ts && (rc = tb_emit(c, out, s + ts, cs - ts)) != IFR_OK)
                    return rc;
                if ((rc = tb_emit(c, out, s + cs, ce - cs)) != IFR_OK)
                    return rc;
                ts = k = ce;
                continue;
            } else {
                goto chain;
            }
            /* s[k..r) is a token of its own (tp: its text) */
            if (k > ts && (rc = tb_emit(c, out, s + ts, k - ts)) != IFR_OK)
                return rc;
            if ((rc = tb_emit(c, out, tp, tp == s + k ? r - k : 2)) != IFR_OK)
                return rc;
            ts = k = r;
        }
        /* the word s[ws..k) is tokenized */
        if (pb != SIZE_MAX) {
            /* but the piece before comes first: run it, then this word again */
            out->n = n0;
            size_t a = pb == f ? 0 : pb - 1;
            if ((rc = tb_chain(c, s + a, pe + 1 - a, v, false, out)) != IFR_OK)
                return rc;
            pb = SIZE_MAX;
            k = ws;
            continue;
        }
        if (k > ts && (rc = tb_emit(c, out, s + ts, k - ts)) != IFR_OK)
            return rc;
        goto next;
    chain:
        out->n = n0;
        while (k < n && !ifr__nlp_space(s[k]))
            k++;
        if (pb == SIZE_MAX)
            pb = ws;
        pe = k;
    next:
        while (k < e && ifr__nlp_space(s[k]))
            k++;
    }
    if (pb != SIZE_MAX) {
        size_t a = pb == f ? 0 : pb - 1;
        return tb_chain(c, s + a, n - a, v, true, out);
    }
    return IFR_OK;
}

/*
 * NLTKWordTokenizer.tokenize(s) (convert_parentheses=False). Words that
 * the lexer above accepts are tokenized directly; each maximal run of the
 * other words (a piece) goes through the chain together with the whitespace
 * character on each side of it (the context the patterns can see), or with
 * everything up to the start or the end of the sentence for the first and
 * the last piece. Only the last piece runs the end-anchored steps.
 *
 * The final-period steps are the only ones reaching further than one
 * character past a word: ([^\.])(\.)([\]\)}>"\'»”’ ]*)\s*$ can take a run
 * of closing brackets, quotes and spaces that spans several words. The
 * candidate "." is the character just before the longest suffix of such
 * characters and whitespace (t below; no step creates a "."), so when it is
 * a ".", the words from the one holding it to the end all go to the chain.
 */
static int tb_run(tb_ctx *c, const uint32_t *s, size_t n, ifr__nltk_version v, bool copy,
                  tb_toks *out)
{
    size_t e = n;
    while (e > 0 && ifr__nlp_space(s[e - 1]))
        e--;
    if (e == 0)
        return IFR_OK;
    size_t f = 0;
    while (ifr__nlp_space(s[f]))
        f++;
    size_t forced = n; /* words starting at or after this go to the chain */
    if (tb_c1(s[e - 1])) {
        size_t t = e;
        while (t > 0 && (tb_c1(s[t - 1]) || ifr__nlp_space(s[t - 1])))
            t--;
        if (t > 0 && s[t - 1] == '.') {
            forced = t - 1;
            while (forced > 0 && !ifr__nlp_space(s[forced - 1]))
                forced--;
        }
    }
    if (copy) {
        /* the tokens point into s: make it a copy in the arena */
        uint32_t *cp = ifr__arena_alloc(c->ar, n * sizeof *cp);
        if (!cp)
            return IFR_E_NOMEM;
        memcpy(cp, s, n * sizeof *cp);
        s = cp;
    }
    return tb_words(c, s, n, f, e, forced, v, out);
}

int ifr__treebank_tokenize(const uint32_t *s, size_t n, ifr__nltk_version v, ifr__arena *ar,
                           ifr__ustr **toks, size_t *ntoks, size_t *cap)
{
    tb_ctx c;
    memset(&c, 0, sizeof c);
    c.ar = ar;
    tb_toks t = {*toks, *ntoks, *cap};
    int rc = tb_run(&c, s, n, v, true, &t);
    *toks = t.v;
    *ntoks = t.n;
    *cap = t.cap;
    return rc;
}

int ifr__word_tokenize(const uint32_t *cp, size_t n, ifr__nltk_version v, ifr__arena *ar,
                       ifr__ustr **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    ifr__span *sents;
    size_t ns;
    int rc = ifr__punkt_tokenize(cp, n, v, ar, &sents, &ns);
    if (rc != IFR_OK)
        return rc;
    tb_ctx c;
    memset(&c, 0, sizeof c);
    c.ar = ar;
    /* lexed tokens point into the text: a copy in the arena */
    uint32_t *own = ifr__arena_alloc(ar, (n ? n : 1) * sizeof *own);
    if (!own)
        return IFR_E_NOMEM;
    memcpy(own, cp, n * sizeof *own);
    tb_toks t = {NULL, 0, 0};
    for (size_t i = 0; i < ns; i++) {
        rc = tb_run(&c, own + sents[i].b, sents[i].e - sents[i].b, v, false, &t);
        if (rc != IFR_OK)
            return rc;
    }
    *out = t.v;
    *nout = t.n;
    return IFR_OK;
}

/* MARK: cached accessor (ifreward_internal.h) ----------------------------- */

int ifr__text_tokens(ifr__text *t, ifr__nltk_version v, const ifr__ustr **out, size_t *n)
{
    if ((unsigned)v >= IFR__NLTK_NVERSIONS)
        return IFR_E_INVALID;
    if (!(t->have_toks & (1u << v))) {
        /* word_tokenize = Punkt sentences (cached too), then each sentence */
        const ifr__span *sp;
        size_t ns;
        int rc = ifr__text_sentences(t, v, &sp, &ns);
        if (rc != IFR_OK)
            return rc;
        tb_ctx c;
        memset(&c, 0, sizeof c);
        c.ar = t->arena;
        tb_toks tk = {NULL, 0, 0};
        for (size_t i = 0; i < ns; i++) {
            /* lexed tokens point into t->cp, which lives as long as t */
            rc = tb_run(&c, t->cp + sp[i].b, sp[i].e - sp[i].b, v, false, &tk);
            if (rc != IFR_OK)
                return rc;
        }
        t->toks[v] = tk.v;
        t->ntoks[v] = tk.n;
        t->have_toks |= 1u << v;
    }
    *out = t->toks[v];
    *n = t->ntoks[v];
    return IFR_OK;
}
