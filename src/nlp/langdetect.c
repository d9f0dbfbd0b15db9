/*
 * langdetect.c - an exact port of langdetect 1.0.9 (seed 0); see langdetect.h.
 *
 * The comments name the Python code each step reproduces (detector.py,
 * utils/ngram.py). Floating-point expressions keep Python's operand order and
 * this file is compiled with -ffp-contract=off (cmake/modules/langdetect.cmake).
 */
#include "nlp/langdetect.h"

#include "nlp/pyrandom.h"
#include "spec_internal.h"
#include "text/pycompat.h"

#include <string.h>

_Static_assert(sizeof(double) == sizeof(uint64_t), "IEEE-754 binary64 doubles expected");

#define MAX_TEXT_LENGTH 10000 /* Detector.max_text_length */
#define N_TRIAL 7
#define ALPHA_DEFAULT 0.5
#define ALPHA_WIDTH 0.05
#define ITERATION_LIMIT 1000
#define PROB_THRESHOLD 0.1
#define CONV_THRESHOLD 0.99999
#define BASE_FREQ 10000
/* DetectorFactory.seed = 0: ifr__ld_mt_seed0 is random.Random(0)'s state */

/*
 * Probability vectors carry one extra language that is always exactly 0.0:
 * 0.0 * w == 0.0, x + 0.0 == x and 0.0 / s == 0.0, so it changes no value
 * and no comparison, and an even length lets the compiler vectorise the
 * loops below without an epilogue.
 */
#define NP IFR__LD_NPROB
_Static_assert(NP % 8 == 0 && NP - IFR__LD_NLANG < 8, "whole 8-lane vectors, one partly padded");
_Static_assert(IFR__LD_NLANG <= 64, "a sparse row's languages are a 64-bit mask");

/* MARK: Detector.append: URL and e-mail removal -------------------------- */

/* URL_RE = https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076} */
static bool is_url_char(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '-' || c == '_' || c == '.' || c == '?' || c == '&' || c == '~' ||
           c == ';' || c == '+' || c == '=' || c == '/' || c == '#';
}

/* MAIL_RE's classes: A = [-_.0-9A-Za-z], B = [-_0-9A-Za-z] */
static bool is_mail_b(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '-' || c == '_';
}
static bool is_mail_a(uint32_t c)
{
    return is_mail_b(c) || c == '.';
}

static bool has_lit(const uint32_t *s, size_t n, size_t i, const char *lit)
{
    for (; *lit; lit++, i++)
        if (i >= n || s[i] != (unsigned char)*lit)
            return false;
    return true;
}

/* End of a URL_RE match starting at i, or 0 when none starts there. */
static size_t url_match(const uint32_t *s, size_t n, size_t i)
{
    if (!has_lit(s, n, i, "http"))
        return 0;
    size_t j = i + 4, k;
    /* s? is greedy: "https://" first, then "http://" */
    for (int with_s = 1; with_s >= 0; with_s--) {
        if (with_s) {
            if (!has_lit(s, n, j, "s://"))
                continue;
            k = j + 4;
        } else {
            if (!has_lit(s, n, j, "://"))
                continue;
            k = j + 3;
        }
        size_t e = k;
        while (e < n && e - k < 2076 && is_url_char(s[e]))
            e++;
        if (e > k)
            return e;
    }
    return 0;
}

/*
 * The part of MAIL_RE after the '@' at p - 1: [-_0-9A-Za-z]{1,255} then
 * [-_.0-9A-Za-z]{1,255}, both greedy, with the backtracking the re module
 * does. Returns the match end, or 0 when it fails.
 */
static size_t mail_tail(const uint32_t *s, size_t n, size_t p)
{
    size_t b = 0;
    while (p + b < n && b < 255 && is_mail_b(s[p + b]))
        b++;
    if (b == 0)
        return 0;
    size_t c = 0;
    while (p + b + c < n && c < 255 && is_mail_a(s[p + b + c]))
        c++;
    if (c > 0)
        return p + b + c;
    /* give one character back to the second class (it is in both classes) */
    return b >= 2 ? p + b : 0;
}

/* re.sub(URL_RE, ' ', src) into dst (dst may equal src); returns the length. */
static size_t remove_urls(const uint32_t *src, size_t n, uint32_t *dst)
{
    size_t r = 0, w = 0;
    while (r < n) {
        size_t e = src[r] == 'h' ? url_match(src, n, r) : 0;
        if (e) {
            dst[w++] = ' ';
            r = e;
        } else {
            dst[w++] = src[r++];
        }
    }
    return w;
}

/*
 * re.sub(MAIL_RE, ' ', s) into dst (dst may equal s: it never gets ahead of
 * the reading position). A match starting at r needs the run of class-A
 * characters from r to end at an '@' within 64 characters (the '@' is not in
 * the class, so no backtracking can help otherwise).
 */
static size_t remove_mails(const uint32_t *s, size_t n, uint32_t *dst)
{
    size_t r = 0, w = 0, runend = 0;
    while (r < n) {
        if (is_mail_a(s[r])) {
            if (runend <= r) {
                runend = r;
                while (runend < n && is_mail_a(s[runend]))
                    runend++;
            }
            if (runend - r <= 64 && runend < n && s[runend] == '@') {
                size_t e = mail_tail(s, n, runend + 1);
                if (e) {
                    dst[w++] = ' ';
                    r = e;
                    runend = 0;
                    continue;
                }
            }
        }
        dst[w++] = s[r++];
    }
    return w;
}

/*
 * NGram.normalize_vi (re.sub of ([alpha])([dmark]) by the precomposed
 * letter), then Detector.append's loop over the first 10,000 characters that
 * drops a ' ' following a ' '. From s into dst (dst may equal s); reads only
 * what the first 10,000 characters need. Returns the new length.
 */
static int vi_index(const uint32_t *set, size_t n, uint32_t c)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == c)
            return (int)i;
    return -1;
}

/* Also counts, over the characters kept, what cleaning_text counts. */
static size_t normalize_vi_and_cut(const uint32_t *s, size_t n, bool has_mark, uint32_t *dst,
                                   size_t *latin, size_t *nonlatin)
{
    size_t nl = 0, nn = 0;
    size_t r = 0, w = 0, k = 0; /* k: index in the normalised text */
    uint32_t pre = 0;           /* `pre = 0` in append(): no character yet */
    while (r < n && k < MAX_TEXT_LENGTH) {
        uint32_t ch = s[r];
        int a;
        if (has_mark && r + 1 < n && s[r + 1] >= 0x300 && s[r + 1] <= 0x323 &&
            (a = vi_index(ifr__ld_vi_alpha, IFR__LD_VI_NALPHA, ch)) >= 0) {
            int d = vi_index(ifr__ld_vi_dmark, IFR__LD_VI_NDMARK, s[r + 1]);
            if (d >= 0) {
                ch = ifr__ld_vi_norm[d][a];
                r++;
            }
        }
        r++;
        k++;
        if (ch != ' ' || pre != ' ') {
            dst[w++] = ch;
            nl += ch >= 'A' && ch <= 'z';
            nn += ch >= 0x300;
        }
        pre = ch;
    }
    *latin = nl;
    *nonlatin = nn;
    return w;
}

/*
 * One pass over the text before anything else: whether each optional pass
 * has a trigger ("http" for URL_RE, '@' for MAIL_RE, a combining mark in
 * U+0300-0323 for normalize_vi), and cleaning_text's two counts over the
 * first 10,000 characters (what they are when no optional pass runs).
 * Blocks of 16 characters keep the loops free of branches and vectorisable.
 */
typedef struct scan_info {
    bool has_http, has_at, has_mark;
    size_t latin, nonlatin;
} scan_info;

static inline unsigned scan_flags(const uint32_t *s, size_t i)
{
    uint32_t c = s[i];
    return (unsigned)(c == '@') | (unsigned)(c - 0x300u <= 0x23u) << 1 |
           (unsigned)((c == 'h') & (s[i + 1] == 't') & (s[i + 2] == 't') & (s[i + 3] == 'p'))
               << 2;
}

static void scan_text(const uint32_t *s, size_t n, scan_info *out)
{
    enum { B = 16 };
    size_t m = n < MAX_TEXT_LENGTH ? n : MAX_TEXT_LENGTH;
    size_t nl = 0, nn = 0, i = 0;
    unsigned f = 0;
    for (; i + B <= m; i += B) {
        unsigned bl = 0, bn = 0;
        for (size_t j = 0; j < B; j++) {
            uint32_t c = s[i + j];
            bl += c - 'A' <= (uint32_t)('z' - 'A');
            bn += c >= 0x300;
        }
        nl += bl;
        nn += bn;
    }
    for (; i < m; i++) {
        uint32_t c = s[i];
        nl += c - 'A' <= (uint32_t)('z' - 'A');
        nn += c >= 0x300;
    }
    /* the triggers anywhere in the text ("http" needs 3 characters after the h) */
    i = 0;
    for (; i + B + 3 <= n; i += B) {
        unsigned bf = 0;
        for (size_t j = 0; j < B; j++)
            bf |= scan_flags(s, i + j);
        f |= bf;
    }
    for (; i < n; i++) {
        uint32_t c = s[i];
        f |= (unsigned)(c == '@') | (unsigned)(c - 0x300u <= 0x23u) << 1 |
             (unsigned)(c == 'h' && i + 3 < n && s[i + 1] == 't' && s[i + 2] == 't' &&
                        s[i + 3] == 'p') << 2;
    }
    out->has_at = f & 1u;
    out->has_mark = f & 2u;
    out->has_http = f & 4u;
    out->latin = nl;
    out->nonlatin = nn;
}

/* MARK: Detector.cleaning_text ------------------------------------------ */

/* latin: characters in 'A'..'z'; nonlatin: characters >= U+0300 (counted
 * by normalize_vi_and_cut over s). `unicode_block(ch) != 'Latin Extended
 * Additional'` compares an int with a str, so it is always true: every
 * ch >= U+0300 counts. */
static size_t cleaning_text(uint32_t *s, size_t n, size_t latin, size_t nonlatin)
{
    if (latin * 2 >= nonlatin)
        return n;
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'z')
            s[w++] = s[i];
    return w;
}

/* MARK: NGram ------------------------------------------------------------ */

/* NGram.normalize: unicode_block() only matters for the blocks tested here;
 * every other block (and code points in no block) leaves ch unchanged. */
static uint32_t normalize(uint32_t ch)
{
    if (ch <= 0x7F) { /* Basic Latin */
        if (ch < 'A' || (ch > 'Z' && ch < 'a') || ch > 'z')
            return ' ';
        return ch;
    }
    if (ch <= 0xFF) { /* Latin-1 Supplement */
        for (size_t i = 0; i < ifr__ld_latin1_excluded_len; i++)
            if (ifr__ld_latin1_excluded[i] == ch)
                return ' ';
        return ch;
    }
    if (ch >= 0x180 && ch <= 0x24F) { /* Latin Extended-B (Romanian) */
        if (ch == 0x219)
            return 0x15F;
        if (ch == 0x21B)
            return 0x163;
        return ch;
    }
    if (ch >= 0x2000 && ch <= 0x206F) /* General Punctuation */
        return ' ';
    if (ch >= 0x600 && ch <= 0x6FF) /* Arabic: Farsi yeh -> Arabic yeh */
        return ch == 0x6CC ? 0x64A : ch;
    if (ch >= 0x1E00 && ch <= 0x1EFF) /* Latin Extended Additional */
        return ch >= 0x1EA0 ? 0x1EC3 : ch;
    if (ch >= 0x3040 && ch <= 0x309F) /* Hiragana */
        return 0x3042;
    if (ch >= 0x30A0 && ch <= 0x30FF) /* Katakana */
        return 0x30A2;
    if ((ch >= 0x3100 && ch <= 0x312F) || (ch >= 0x31A0 && ch <= 0x31BF)) /* Bopomofo */
        return 0x3105;
    if (ch >= IFR__LD_CJK_FIRST && ch <= IFR__LD_CJK_LAST) /* CJK Unified Ideographs */
        return ifr__ld_cjk_map[ch - IFR__LD_CJK_FIRST];
    if (ch >= 0xAC00 && ch <= 0xD7AF) /* Hangul Syllables */
        return 0xAC00;
    return ch;
}

/* Index of a normalised character in the ASCII direct tables, or -1. */
static inline int ascii_index(uint32_t c)
{
    if (c == ' ')
        return 0;
    if (c >= 'A' && c <= 'Z')
        return (int)(c - 'A') + 1;
    if (c >= 'a' && c <= 'z')
        return (int)(c - 'a') + 27;
    return -1;
}

/* Probe the table for a packed key: true and *val when present. */
static inline bool probe(uint64_t key, uint32_t *val)
{
    uint32_t h = ifr__ld_hash(key);
    for (;;) {
        const ifr__ld_slot *sl = &ifr__ld_slots[h];
        if (sl->key == key) {
            *val = sl->val;
            return true;
        }
        if (sl->key == 0)
            return false;
        h = (h + 1) & (IFR__LD_SLOTS - 1);
    }
}

/*
 * Detector._extract_ngrams with NGram.add_char; row locators appended to out
 * (at most 3 per character: out has room for 3 * n).
 *
 * NGram.grams is either ' ' (the start, and after a ' ': add_char resets it
 * and a second ' ' leaves it so), or ' ' + ch right after that reset, or it
 * ends in three characters (a non-space last character means it held at
 * least two, and it is cut to the last three). So the state is its last
 * three characters pa, pb, pc (pc the last; pa only when `three`), with
 * their indices xa-xc in the ASCII direct tables (ascii_index: ' ' is 0,
 * letters 1-52, -1 for every other character). The keys of the 1-, 2- and
 * 3-character suffixes are built from them (ifr__ld_key's packing; a
 * character outside the BMP is in no profile n-gram). An ASCII n-gram found
 * in a direct table is stored unconditionally and counted only when
 * present, which keeps that path free of unpredictable branches.
 */
static size_t extract_ngrams(const uint32_t *s, size_t n, uint32_t *out)
{
    uint32_t pa = 0, pb = 0, pc = ' ';
    int xa = -1, xb = -1, xc = 0;
    bool three = false, capitalword = false;
    size_t nout = 0;
    for (size_t i = 0; i < n; i++) {
        /* NGram.add_char */
        uint32_t c = s[i], ch;
        int x;
        if (c < 0x80) { /* Basic Latin: a letter, or ' ' */
            bool letter = (c | 0x20u) - 'a' < 26u;
            ch = letter ? c : ' ';
            x = !letter ? 0 : c <= 'Z' ? (int)(c - 'A') + 1 : (int)(c - 'a') + 27;
        } else {
            ch = normalize(c);
            x = ascii_index(ch);
        }
        if (pc == ' ') { /* last_char == ' ': grams = ' ', then + ch */
            capitalword = false;
            if (ch == ' ')
                continue; /* add_char returns; no n-gram but ' ' */
            pb = ' ';
            xb = 0;
            three = false;
        } else {
            pa = pb;
            xa = xb;
            pb = pc;
            xb = xc;
            three = true;
        }
        pc = ch;
        xc = x;
        /* str.isupper() of ch and of last_char (now pb): the ASCII table's
         * 1-26; a character without an index is outside ASCII (normalize maps
         * none into it but ' ') */
        if (x >= 0 ? x >= 1 && x <= 26 : ifr__py_isupper(ch)) {
            if (xb >= 0 ? xb >= 1 && xb <= 26 : ifr__py_isupper(pb))
                capitalword = true;
        } else {
            capitalword = false;
        }
        if (capitalword)
            continue;
        uint32_t val;
        if ((x | xb) >= 0) { /* ASCII n-grams: direct tables */
            val = x > 0 ? ifr__ld_ascii1[x] : IFR__LD_NONE;
            out[nout] = val;
            nout += val != IFR__LD_NONE;
            val = ifr__ld_ascii2[xb * IFR__LD_NASCII + x];
            out[nout] = val;
            nout += val != IFR__LD_NONE;
            if (!three)
                continue;
            if (xa >= 0) {
                val = ifr__ld_ascii3[(xa * IFR__LD_NASCII + xb) * IFR__LD_NASCII + x];
                out[nout] = val;
                nout += val != IFR__LD_NONE;
                continue;
            }
        } else {
            /* n = 1 (never ' ': ch == ' ' only after a non-space, as a suffix) */
            if (ch > 0xFFFF)
                continue; /* no n-gram ending here is in a profile */
            if (ch != ' ' && probe(ch, &val))
                out[nout++] = val;
            if (pb > 0xFFFF)
                continue;
            if (probe((uint64_t)pb << 16 | ch, &val))
                out[nout++] = val;
        }
        if (three && pa <= 0xFFFF && pb <= 0xFFFF && ch <= 0xFFFF &&
            probe((uint64_t)pa << 32 | (uint64_t)pb << 16 | ch, &val))
            out[nout++] = val;
    }
    return nout;
}

/* MARK: Detector._detect_block ------------------------------------------ */

/*
 * The trials are compiled once per instruction set and chosen at run time
 * (x86 with GCC or Clang): AVX-512F (intrinsics, below), AVX2 and the
 * baseline (the same portable C, compiled twice). Elementwise IEEE
 * multiplication, addition and division are correctly rounded in every
 * vector width, and this file is compiled with -ffp-contract=off, so no
 * variant contracts a*b+c into an FMA: all three give the same bits. The
 * choice reads only the compiler runtime's CPU description
 * (__builtin_cpu_supports); elsewhere only the portable C is built.
 * IFR_LD_NO_DISPATCH forces the portable C.
 */
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(IFR_LD_NO_DISPATCH)
#define LD_DISPATCH 1
#include <immintrin.h>
#define LD_TARGET(isa) __attribute__((target(isa)))
#else
#define LD_DISPATCH 0
#endif

#if defined(__GNUC__) || defined(__clang__)
#define LD_INLINE static inline __attribute__((always_inline))
#else
#define LD_INLINE static inline
#endif
/* Unroll the next loop completely (its trip count is a small constant). */
#if defined(__clang__)
#define LD_UNROLL _Pragma("clang loop unroll(full)")
#elif defined(__GNUC__)
#define LD_UNROLL _Pragma("GCC unroll 64")
#else
#define LD_UNROLL
#endif

/*
 * _update_lang_prob: prob[i] *= weight + lang_prob_map[i]. A dense row is
 * exactly that loop. In a sparse row, a language without an entry is
 * multiplied by weight + 0.0 == weight: the languages with an entry are
 * computed first from the old values, then every language is multiplied by
 * weight (a loop the compiler vectorises), then the entries are written
 * back, so each prob[i] still gets exactly one product.
 */
static inline unsigned ctz64(uint64_t m) /* m != 0 */
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(m);
#else
    unsigned k = 0;
    for (; !(m & 1u); m >>= 1)
        k++;
    return k;
#endif
}

LD_INLINE void update_lang_prob(double *prob, uint32_t val, double alpha)
{
    double weight = alpha / BASE_FREQ;
    uint32_t c = IFR__LD_ROW_COUNT(val);
    if (c == IFR__LD_DENSE) {
        const double *lp = ifr__ld_dense + (size_t)IFR__LD_ROW_OFF(val) * NP;
        for (size_t i = 0; i < NP; i++)
            prob[i] *= weight + lp[i];
        return;
    }
    const uint64_t *row = ifr__ld_words + IFR__LD_ROW_OFF(val);
    uint64_t mask = row[0];
    double keep[IFR__LD_NLANG];
    uint32_t j = 0;
    for (uint64_t m = mask; m; m &= m - 1, j++) {
        double p;
        memcpy(&p, &row[1 + j], sizeof p);
        keep[j] = prob[ctz64(m)] * (weight + p);
    }
    for (size_t i = 0; i < NP; i++)
        prob[i] *= weight;
    j = 0;
    for (uint64_t m = mask; m; m &= m - 1, j++)
        prob[ctz64(m)] = keep[j];
}

/*
 * _normalize_prob: divide by the sum and return the maximum. sum() adds left
 * to right (Python 3.11, no compensation), so the sum stays one sequential
 * chain (the padding 0.0 is left out: s + 0.0 == s). The maximum is exact in
 * any order, so it is taken in eight independent lanes, off the sum's chain.
 * The maximum of prob[i] / sump is the maximum of prob[i] divided by sump: a
 * correctly rounded division by a positive number is monotonic.
 */
LD_INLINE double normalize_prob(double *prob)
{
    double sump = 0.0;
    for (size_t i = 0; i < IFR__LD_NLANG; i++)
        sump += prob[i];
    double lane[8] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    LD_UNROLL
    for (size_t i = 0; i < NP; i += 8) {
        LD_UNROLL
        for (size_t j = 0; j < 8; j++)
            lane[j] = prob[i + j] > lane[j] ? prob[i + j] : lane[j];
    }
    double top = 0.0;
    LD_UNROLL
    for (size_t j = 0; j < 8; j++)
        top = lane[j] > top ? lane[j] : top;
    for (size_t i = 0; i < NP; i++)
        prob[i] = prob[i] / sump;
    return top / sump;
}

/*
 * Early exit (IFR__LD_EARLY_EXIT): detect() needs only the language with the
 * highest langprob, if above 0.1. After k trials, with L the partial sum of
 * the leader a and S the highest partial sum of any other language, the
 * answer is decided when L - S > (7 - k) / 7 + 1e-12. Proof, with m = 7 - k
 * trials to go, each adding fl(prob[j] / 7) to every language j:
 *
 * 1. A trial ends only right after _normalize_prob, so prob[j] =
 *    fl(p_j / sump) where sump is a sum of non-negative terms including
 *    p_j; such a sum is >= p_j (every partial sum is, rounding being
 *    monotonic), so prob[j] <= 1 and each addend is 0 <= fl(prob[j] / 7)
 *    <= fl(1 / 7) < 1/7.
 * 2. The leader's final value is >= L: x + d >= x for d >= 0, and rounding
 *    to nearest is monotonic with fl(x) = x.
 * 3. Any other language j ends below S + m/7 + m * 2^-53: every partial
 *    sum is below 1.01 (at most 7 addends < 1/7, plus roundings), so each
 *    of the m <= 6 additions rounds up by at most half an ulp, <= 2^-53.
 * 4. The test itself is computed in doubles: fl(L - S), fl(m / 7) and the
 *    sum with 1e-12 each round by at most 2^-53 (all values below 1.01), so
 *    passing it means L - S > m/7 + 1e-12 - 3 * 2^-53.
 * Hence final(a) - final(j) > 1e-12 - 3 * 2^-53 - 6 * 2^-53 > 0 for every
 * j != a: a is the unique maximum (no tie for list.sort's stability to
 * break), and final(a) >= L > m/7 >= 1/7 > 0.1, so a is above the
 * threshold. detect() returns a, whatever the remaining trials draw.
 * Since L <= k fl(1/7) < k/7 and S >= 0, the test can pass only from
 * k = 4 on, and it is not even computed before (EARLY_EXIT_CAN_PASS). Any
 * value outside [0, 1] (none is expected) leaves the test failing.
 */
/* Trials after which decided() can be true: 2k > 7 (L <= k/7 must exceed
 * (7 - k)/7), and before the last. */
#define EARLY_EXIT_CAN_PASS(k) (2 * (k) > N_TRIAL && (k) < N_TRIAL)

static bool decided(const double *langprob, int k)
{
    double lead = -1.0, other = -1.0;
    for (size_t j = 0; j < IFR__LD_NLANG; j++) {
        double v = langprob[j];
        if (!(v >= 0.0 && v <= 1.0))
            return false;
        if (v > lead) {
            other = lead;
            lead = v;
        } else if (v > other) {
            other = v;
        }
    }
    return lead - other > (double)(N_TRIAL - k) / N_TRIAL + 1e-12;
}

/*
 * The 7 trials of _detect_block, adding prob[j] / 7 of each into
 * langprob[0..NP) (zeroed by the caller; the padding stays 0.0).
 * random.seed(0) is restored from the precomputed state. With
 * IFR__LD_EARLY_EXIT in flags, stops once decided(); returns the number of
 * trials run.
 */
LD_INLINE int trials_portable(const uint32_t *ngrams, uint32_t nngrams, unsigned flags,
                              double *langprob)
{
    ifr__pyrandom rnd;
    ifr__pyrandom_borrow_state(&rnd, ifr__ld_mt_seed0, 0); /* random.seed(0) */
    unsigned k = ifr__bit_length(nngrams); /* choice(): _randbelow(len(ngrams)) */
    for (int t = 0; t < N_TRIAL; t++) {
        double prob[NP];
        for (size_t i = 0; i < IFR__LD_NLANG; i++)
            prob[i] = 1.0 / IFR__LD_NLANG; /* _init_probability */
        for (size_t i = IFR__LD_NLANG; i < NP; i++)
            prob[i] = 0.0;
        double alpha = ALPHA_DEFAULT + ifr__pyrandom_gauss(&rnd, 0.0, 1.0) * ALPHA_WIDTH;
        for (int i = 0;; i++) {
            /* random.choice(ngrams) */
            uint32_t val = ngrams[ifr__pyrandom_below32(&rnd, nngrams, k)];
            update_lang_prob(prob, val, alpha);
            if (i % 5 == 0) {
                if (normalize_prob(prob) > CONV_THRESHOLD || i >= ITERATION_LIMIT)
                    break;
            }
        }
        for (size_t j = 0; j < NP; j++)
            langprob[j] += prob[j] / N_TRIAL;
        if ((flags & IFR__LD_EARLY_EXIT) && EARLY_EXIT_CAN_PASS(t + 1) &&
            decided(langprob, t + 1))
            return t + 1;
    }
    return N_TRIAL;
}

static int trials_baseline(const uint32_t *ngrams, uint32_t nngrams, unsigned flags,
                           double *langprob)
{
    return trials_portable(ngrams, nngrams, flags, langprob);
}

#if LD_DISPATCH
LD_TARGET("avx2")
static int trials_avx2(const uint32_t *ngrams, uint32_t nngrams, unsigned flags,
                       double *langprob)
{
    return trials_portable(ngrams, nngrams, flags, langprob);
}

/*
 * The same trials with the probability vector in seven 8-lane registers.
 * A sparse row is expanded into its lanes with a masked expand-load (absent
 * languages read 0.0, and weight + 0.0 == weight), so a sparse update is the
 * dense update: prob[i] * (weight + p[i]) for every i, one product each.
 */
#define NV (NP / 8)

/* decided() on the accumulators in registers (the same decision: all 55
 * values in [0, 1], the maximum, the largest value below it or the maximum
 * itself if it occurs twice; the padding lane takes no part). */
LD_TARGET("avx512f,popcnt")
static inline bool decided_avx512(const __m512d acc[NV], int k)
{
    const __m512d zero = _mm512_setzero_pd(), one = _mm512_set1_pd(1.0);
    __m512d mx = zero;
    bool ok = true;
    LD_UNROLL
    for (int q = 0; q < NV; q++) {
        __mmask8 lanes = q < NV - 1 ? 0xFF : (__mmask8)((1u << (IFR__LD_NLANG - 8 * q)) - 1);
        __mmask8 in = _mm512_cmp_pd_mask(acc[q], zero, _CMP_GE_OQ) &
                      _mm512_cmp_pd_mask(acc[q], one, _CMP_LE_OQ);
        ok &= (in & lanes) == lanes;
        mx = _mm512_mask_max_pd(mx, lanes, mx, acc[q]);
    }
    double lead = _mm512_reduce_max_pd(mx);
    const __m512d lv = _mm512_set1_pd(lead);
    __m512d below = zero;
    unsigned ties = 0;
    LD_UNROLL
    for (int q = 0; q < NV; q++) {
        __mmask8 lanes = q < NV - 1 ? 0xFF : (__mmask8)((1u << (IFR__LD_NLANG - 8 * q)) - 1);
        ties += (unsigned)__builtin_popcount(_mm512_cmp_pd_mask(acc[q], lv, _CMP_EQ_OQ) & lanes);
        below = _mm512_mask_max_pd(below, _mm512_cmp_pd_mask(acc[q], lv, _CMP_LT_OQ) & lanes,
                                   below, acc[q]);
    }
    double other = ties > 1 ? lead : _mm512_reduce_max_pd(below);
    return ok && lead - other > (double)(N_TRIAL - k) / N_TRIAL + 1e-12;
}

LD_TARGET("avx512f,popcnt")
static int trials_avx512(const uint32_t *ngrams, uint32_t nngrams, unsigned flags,
                         double *langprob)
{
    ifr__pyrandom rnd;
    ifr__pyrandom_borrow_state(&rnd, ifr__ld_mt_seed0, 0); /* random.seed(0) */
    unsigned k = ifr__bit_length(nngrams);
    __m512d acc[NV], p[NV];
    LD_UNROLL
    for (int q = 0; q < NV; q++)
        acc[q] = _mm512_loadu_pd(langprob + 8 * q);
    const __m512d init = _mm512_set1_pd(1.0 / IFR__LD_NLANG);
    const __mmask8 last = (__mmask8)((1u << (IFR__LD_NLANG - 8 * (NV - 1))) - 1);
    for (int t = 0; t < N_TRIAL; t++) {
        LD_UNROLL
        for (int q = 0; q < NV - 1; q++)
            p[q] = init;
        p[NV - 1] = _mm512_maskz_mov_pd(last, init); /* the padding is 0.0 */
        double alpha = ALPHA_DEFAULT + ifr__pyrandom_gauss(&rnd, 0.0, 1.0) * ALPHA_WIDTH;
        const __m512d w = _mm512_set1_pd(alpha / BASE_FREQ);
        for (int i = 0;; i++) {
            uint32_t val = ngrams[ifr__pyrandom_below32(&rnd, nngrams, k)];
            uint32_t c = IFR__LD_ROW_COUNT(val);
            if (c == IFR__LD_DENSE) {
                const double *lp = ifr__ld_dense + (size_t)IFR__LD_ROW_OFF(val) * NP;
                LD_UNROLL
                for (int q = 0; q < NV; q++)
                    p[q] = _mm512_mul_pd(p[q], _mm512_add_pd(w, _mm512_loadu_pd(lp + 8 * q)));
            } else {
                const uint64_t *row = ifr__ld_words + IFR__LD_ROW_OFF(val);
                const uint64_t mask = row[0], *bits = row + 1;
                LD_UNROLL
                for (int q = 0; q < NV; q++) {
                    __mmask8 m = (__mmask8)(mask >> (8 * q));
                    __m512d lp = _mm512_maskz_expandloadu_pd(m, bits);
                    p[q] = _mm512_mul_pd(p[q], _mm512_add_pd(w, lp));
                    bits += __builtin_popcount(m);
                }
            }
            if (i % 5 == 0) { /* _normalize_prob, as normalize_prob above */
                double v[NP];
                LD_UNROLL
                for (int q = 0; q < NV; q++)
                    _mm512_storeu_pd(v + 8 * q, p[q]);
                double sump = 0.0;
                LD_UNROLL
                for (size_t j = 0; j < IFR__LD_NLANG; j++)
                    sump += v[j];
                __m512d mx = p[0];
                LD_UNROLL
                for (int q = 1; q < NV; q++)
                    mx = _mm512_max_pd(mx, p[q]);
                double top = _mm512_reduce_max_pd(mx);
                const __m512d s = _mm512_set1_pd(sump);
                LD_UNROLL
                for (int q = 0; q < NV; q++)
                    p[q] = _mm512_div_pd(p[q], s);
                if (top / sump > CONV_THRESHOLD || i >= ITERATION_LIMIT)
                    break;
            }
        }
        const __m512d nt = _mm512_set1_pd((double)N_TRIAL);
        LD_UNROLL
        for (int q = 0; q < NV; q++)
            acc[q] = _mm512_add_pd(acc[q], _mm512_div_pd(p[q], nt));
        if ((flags & IFR__LD_EARLY_EXIT) && EARLY_EXIT_CAN_PASS(t + 1) &&
            decided_avx512(acc, t + 1)) {
            LD_UNROLL
            for (int q = 0; q < NV; q++)
                _mm512_storeu_pd(langprob + 8 * q, acc[q]);
            return t + 1;
        }
    }
    LD_UNROLL
    for (int q = 0; q < NV; q++)
        _mm512_storeu_pd(langprob + 8 * q, acc[q]);
    return N_TRIAL;
}
#endif

/* The fastest implementation of the trials this build and CPU can run. */
static unsigned best_isa(void)
{
#if LD_DISPATCH
    __builtin_cpu_init(); /* idempotent; needed only before constructors ran */
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("popcnt"))
        return IFR__LD_ISA_AVX512;
    if (__builtin_cpu_supports("avx2"))
        return IFR__LD_ISA_AVX2;
#endif
    return IFR__LD_ISA_BASELINE;
}

bool ifr__langdetect_has_isa(unsigned isa)
{
    switch (isa) {
    case IFR__LD_ISA_BASELINE:
        return true;
    case IFR__LD_ISA_AVX2:
        return best_isa() >= IFR__LD_ISA_AVX2;
    case IFR__LD_ISA_AVX512:
        return best_isa() == IFR__LD_ISA_AVX512;
    default:
        return false;
    }
}

static int run_trials(const uint32_t *ngrams, uint32_t nngrams, unsigned flags,
                      double *langprob)
{
    unsigned isa = flags & IFR__LD_ISA_MASK;
    if (!isa || !ifr__langdetect_has_isa(isa))
        isa = best_isa();
#if LD_DISPATCH
    if (isa == IFR__LD_ISA_AVX512)
        return trials_avx512(ngrams, nngrams, flags, langprob);
    if (isa == IFR__LD_ISA_AVX2)
        return trials_avx2(ngrams, nngrams, flags, langprob);
#endif
    return trials_baseline(ngrams, nngrams, flags, langprob);
}

/* ifr__langdetect_probs with the early exit allowed: *trials is the number
 * of trials run (0 without features). */
static int detect_block(const uint32_t *cp, size_t n, ifr__arena *ar, unsigned flags,
                        double langprob[IFR__LD_NLANG], bool *nofeatures, int *trials)
{
    *trials = 0;
    for (size_t i = 0; i < IFR__LD_NLANG; i++)
        langprob[i] = 0.0;
    *nofeatures = true;
    if (n == 0)
        return IFR_OK;
    scan_info si;
    scan_text(cp, n, &si);
    const uint32_t *text;
    size_t len;
    if (!si.has_http && !si.has_at && !si.has_mark) {
        /* Nothing to remove or recompose: the text is the first 10,000
         * characters, read in place. append() also drops a ' ' after a ' ',
         * which n-gram extraction cannot see (a ' ' after a ' ' resets
         * NGram to the state the first one left and yields no n-gram), and
         * which cleaning_text's counts do not include. */
        len = n < MAX_TEXT_LENGTH ? n : MAX_TEXT_LENGTH;
        text = cp;
        if (si.latin * 2 < si.nonlatin) { /* cleaning_text drops the Latin letters */
            uint32_t *buf = ifr__arena_alloc(ar, len * sizeof *buf);
            if (!buf)
                return IFR_E_NOMEM;
            memcpy(buf, cp, len * sizeof *buf);
            len = cleaning_text(buf, len, si.latin, si.nonlatin);
            text = buf;
        }
    } else {
        /* the removals need the whole text; otherwise 10,000 characters suffice */
        size_t cap = si.has_http || si.has_at || n < MAX_TEXT_LENGTH ? n : MAX_TEXT_LENGTH;
        uint32_t *buf = ifr__arena_alloc(ar, cap * sizeof *buf);
        if (!buf)
            return IFR_E_NOMEM;
        const uint32_t *src = cp;
        len = n;
        if (si.has_http) {
            len = remove_urls(src, len, buf);
            src = buf;
        }
        if (si.has_at) {
            len = remove_mails(src, len, buf);
            src = buf;
        }
        size_t latin, nonlatin;
        len = normalize_vi_and_cut(src, len, si.has_mark, buf, &latin, &nonlatin);
        len = cleaning_text(buf, len, latin, nonlatin);
        text = buf;
    }

    uint32_t *ngrams = ifr__arena_alloc(ar, (3 * len + 1) * sizeof *ngrams);
    if (!ngrams)
        return IFR_E_NOMEM;
    size_t nngrams = extract_ngrams(text, len, ngrams);
    if (nngrams == 0)
        return IFR_OK; /* LangDetectException: No features in text */
    *nofeatures = false;

    double acc[NP] = {0.0};
    *trials = run_trials(ngrams, (uint32_t)nngrams, flags, acc);
    memcpy(langprob, acc, IFR__LD_NLANG * sizeof *langprob);
    return IFR_OK;
}

int ifr__langdetect_probs(const uint32_t *cp, size_t n, ifr__arena *ar, unsigned flags,
                          double langprob[IFR__LD_NLANG], bool *nofeatures)
{
    int trials;
    return detect_block(cp, n, ar, flags & ~IFR__LD_EARLY_EXIT, langprob, nofeatures, &trials);
}

int ifr__langdetect(const uint32_t *cp, size_t n, ifr__arena *ar, unsigned flags,
                    ifr__lang *out)
{
    double langprob[IFR__LD_NLANG];
    bool nofeatures;
    memset(out, 0, sizeof *out);
    int rc = detect_block(cp, n, ar, flags, langprob, &nofeatures, &out->trials);
    if (rc != IFR_OK)
        return rc;
    if (nofeatures) {
        out->status = IFR_E_NOFEATURES;
        return IFR_OK;
    }
    /* _sort_probability: languages above 0.1, sorted by probability in
     * descending order; list.sort is stable, so the first of equals wins.
     * After an early exit the partial sums give the same answer (see
     * decided()), and out->prob is the leader's partial sum. */
    int best = -1;
    for (int i = 0; i < IFR__LD_NLANG; i++)
        if (langprob[i] > PROB_THRESHOLD && (best < 0 || langprob[i] > langprob[best]))
            best = i;
    out->status = IFR_OK;
    if (best < 0) {
        memcpy(out->code, "unknown", 8);
        out->prob = 0.0;
    } else {
        memcpy(out->code, ifr__ld_lang_codes[best], sizeof out->code);
        out->prob = langprob[best];
    }
    return IFR_OK;
}

const char *ifr__langdetect_code(size_t i)
{
    return i < IFR__LD_NLANG ? ifr__ld_lang_codes[i] : NULL;
}

int ifr__langdetect_find(const char *code, size_t len)
{
    for (int i = 0; i < IFR__LD_NLANG; i++)
        if (strlen(ifr__ld_lang_codes[i]) == len && memcmp(ifr__ld_lang_codes[i], code, len) == 0)
            return i;
    return -1;
}

/* MARK: cached accessor and the public entry point ---------------------- */

int ifr__text_language(ifr__text *t, const ifr__lang **out)
{
    if (!(t->have & IFR__HAVE_LANG)) {
        int rc = ifr__langdetect(t->cp, t->ncp, t->arena, IFR__LD_EARLY_EXIT, &t->lang);
        if (rc != IFR_OK)
            return rc;
        t->have |= IFR__HAVE_LANG;
    }
    *out = &t->lang;
    return IFR_OK;
}

IFR_API int ifr_detect_language(const char *text, size_t len, char code[8], double *prob,
                                const ifr_options *opts)
{
    if ((!text && len) || !code)
        return IFR_E_INVALID;
    ifr_allocator alloc;
    ifr__opts_allocator(opts, &alloc); /* the options' hooks, or libc */
    ifr__arena ar;
    ifr__arena_init(&ar, &alloc);
    uint32_t *cp = NULL;
    size_t ncp = 0;
    int rc = ifr__utf8_decode(text ? text : "", len, &ar, &cp, &ncp);
    ifr__lang lang;
    if (rc == IFR_OK)
        rc = ifr__langdetect(cp, ncp, &ar, 0, &lang);
    ifr__arena_release(&ar);
    memset(code, 0, 8);
    if (prob)
        *prob = 0.0;
    if (rc != IFR_OK)
        return rc;
    if (lang.status != IFR_OK)
        return lang.status;
    memcpy(code, lang.code, 8);
    if (prob)
        *prob = lang.prob;
    return IFR_OK;
}
