/*
 * langdetect.c - an exact port of langdetect 1.0.9 (seed 0); see langdetect.h.
 *
 * The comments name the Python code each step reproduces (detector.py,
 * utils/ngram.py). Floating-point expressions keep Python's operand order and
 * this file is compiled with -ffp-contract=off (cmake/modules/langdetect.cmake).
 */
#include "nlp/langdetect.h"

#include "nlp/pyrandom.h"
#include "text/pycompat.h"

#include <string.h>

#define MAX_TEXT_LENGTH 10000 /* Detector.max_text_length */
#define N_TRIAL 7
#define ALPHA_DEFAULT 0.5
#define ALPHA_WIDTH 0.05
#define ITERATION_LIMIT 1000
#define PROB_THRESHOLD 0.1
#define CONV_THRESHOLD 0.99999
#define BASE_FREQ 10000
#define SEED 0 /* DetectorFactory.seed */

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
 * re.sub(MAIL_RE, ' ', s) in place. A match starting at r needs the run of
 * class-A characters from r to end at an '@' within 64 characters (the '@'
 * is not in the class, so no backtracking can help otherwise).
 */
static size_t remove_mails(uint32_t *s, size_t n)
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
                    s[w++] = ' ';
                    r = e;
                    runend = 0;
                    continue;
                }
            }
        }
        s[w++] = s[r++];
    }
    return w;
}

/*
 * NGram.normalize_vi (re.sub of ([alpha])([dmark]) by the precomposed
 * letter), then Detector.append's loop over the first 10,000 characters that
 * drops a ' ' following a ' '. In place; returns the new length.
 */
static int vi_index(const uint32_t *set, size_t n, uint32_t c)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == c)
            return (int)i;
    return -1;
}

static size_t normalize_vi_and_cut(uint32_t *s, size_t n)
{
    size_t r = 0, w = 0, k = 0; /* k: index in the normalised text */
    uint32_t pre = 0;           /* `pre = 0` in append(): no character yet */
    while (r < n && k < MAX_TEXT_LENGTH) {
        uint32_t ch = s[r];
        int a;
        if (r + 1 < n && s[r + 1] >= 0x300 && s[r + 1] <= 0x323 &&
            (a = vi_index(ifr__ld_vi_alpha, IFR__LD_VI_NALPHA, ch)) >= 0) {
            int d = vi_index(ifr__ld_vi_dmark, IFR__LD_VI_NDMARK, s[r + 1]);
            if (d >= 0) {
                ch = ifr__ld_vi_norm[d][a];
                r++;
            }
        }
        r++;
        k++;
        if (ch != ' ' || pre != ' ')
            s[w++] = ch;
        pre = ch;
    }
    return w;
}

/* MARK: Detector.cleaning_text ------------------------------------------ */

static size_t cleaning_text(uint32_t *s, size_t n)
{
    size_t latin = 0, nonlatin = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'z')
            latin++;
        /* `unicode_block(ch) != 'Latin Extended Additional'` compares an int
         * with a str, so it is always true: every ch >= U+0300 counts. */
        else if (s[i] >= 0x300)
            nonlatin++;
    }
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

/* Row of an n-gram in the profile table, or -1. */
static int32_t lookup(const uint32_t *g, size_t n)
{
    uint64_t key = ifr__ld_key(g, n);
    if (key == 0)
        return -1;
    uint32_t h = ifr__ld_hash(key);
    for (;;) {
        uint64_t k = ifr__ld_slot_key[h];
        if (k == key)
            return (int32_t)ifr__ld_slot_row[h];
        if (k == 0)
            return -1;
        h = (h + 1) & (IFR__LD_SLOTS - 1);
    }
}

/* Detector._extract_ngrams with NGram.add_char; rows appended to out. */
static size_t extract_ngrams(const uint32_t *s, size_t n, uint32_t *out)
{
    uint32_t grams[3] = {' ', 0, 0};
    size_t glen = 1, nout = 0;
    bool capitalword = false;
    for (size_t i = 0; i < n; i++) {
        /* NGram.add_char */
        uint32_t ch = normalize(s[i]);
        uint32_t last_char = grams[glen - 1];
        if (last_char == ' ') {
            grams[0] = ' ';
            glen = 1;
            capitalword = false;
            if (ch == ' ')
                continue; /* add_char returns; no n-gram but ' ' */
        } else if (glen >= 3) {
            grams[0] = grams[1];
            grams[1] = grams[2];
            glen = 2;
        }
        grams[glen++] = ch;
        if (ifr__py_isupper(ch)) {
            if (ifr__py_isupper(last_char))
                capitalword = true;
        } else {
            capitalword = false;
        }
        if (capitalword)
            continue;
        for (size_t k = 1; k <= 3 && k <= glen; k++) {
            const uint32_t *w = grams + glen - k;
            if (k == 1 && w[0] == ' ')
                continue;
            int32_t row = lookup(w, k);
            if (row >= 0)
                out[nout++] = (uint32_t)row;
        }
    }
    return nout;
}

/* MARK: Detector._detect_block ------------------------------------------ */

/* _update_lang_prob: prob[i] *= weight + lang_prob_map[i] */
static void update_lang_prob(double *prob, uint32_t row, double alpha)
{
    double weight = alpha / BASE_FREQ;
    double f[IFR__LD_NLANG];
    for (size_t i = 0; i < IFR__LD_NLANG; i++)
        f[i] = weight; /* weight + 0.0 == weight */
    for (uint32_t e = ifr__ld_row_off[row]; e < ifr__ld_row_off[row + 1]; e++)
        f[ifr__ld_ent_lang[e]] = weight + ifr__ld_ent_prob[e];
    for (size_t i = 0; i < IFR__LD_NLANG; i++)
        prob[i] *= f[i];
}

/* _normalize_prob: returns the maximum probability */
static double normalize_prob(double *prob)
{
    double maxp = 0.0, sump = 0.0; /* sum() adds left to right (Python 3.11) */
    for (size_t i = 0; i < IFR__LD_NLANG; i++)
        sump += prob[i];
    for (size_t i = 0; i < IFR__LD_NLANG; i++) {
        double p = prob[i] / sump;
        if (maxp < p)
            maxp = p;
        prob[i] = p;
    }
    return maxp;
}

int ifr__langdetect_probs(const uint32_t *cp, size_t n, ifr__arena *ar,
                          double langprob[IFR__LD_NLANG], bool *nofeatures)
{
    for (size_t i = 0; i < IFR__LD_NLANG; i++)
        langprob[i] = 0.0;
    *nofeatures = true;
    if (n == 0)
        return IFR_OK;
    uint32_t *buf = ifr__arena_alloc(ar, n * sizeof *buf);
    if (!buf)
        return IFR_E_NOMEM;
    size_t len = remove_urls(cp, n, buf);
    len = remove_mails(buf, len);
    len = normalize_vi_and_cut(buf, len);
    len = cleaning_text(buf, len);

    uint32_t *ngrams = ifr__arena_alloc(ar, (3 * len + 1) * sizeof *ngrams);
    if (!ngrams)
        return IFR_E_NOMEM;
    size_t nngrams = extract_ngrams(buf, len, ngrams);
    if (nngrams == 0)
        return IFR_OK; /* LangDetectException: No features in text */
    *nofeatures = false;

    ifr__pyrandom rnd;
    ifr__pyrandom_seed(&rnd, SEED);
    for (int t = 0; t < N_TRIAL; t++) {
        double prob[IFR__LD_NLANG];
        for (size_t i = 0; i < IFR__LD_NLANG; i++)
            prob[i] = 1.0 / IFR__LD_NLANG; /* _init_probability */
        double alpha = ALPHA_DEFAULT + ifr__pyrandom_gauss(&rnd, 0.0, 1.0) * ALPHA_WIDTH;
        for (int i = 0;; i++) {
            uint32_t row = ngrams[ifr__pyrandom_randbelow(&rnd, nngrams)]; /* choice() */
            update_lang_prob(prob, row, alpha);
            if (i % 5 == 0) {
                if (normalize_prob(prob) > CONV_THRESHOLD || i >= ITERATION_LIMIT)
                    break;
            }
        }
        for (size_t j = 0; j < IFR__LD_NLANG; j++)
            langprob[j] += prob[j] / N_TRIAL;
    }
    return IFR_OK;
}

int ifr__langdetect(const uint32_t *cp, size_t n, ifr__arena *ar, ifr__lang *out)
{
    double langprob[IFR__LD_NLANG];
    bool nofeatures;
    memset(out, 0, sizeof *out);
    int rc = ifr__langdetect_probs(cp, n, ar, langprob, &nofeatures);
    if (rc != IFR_OK)
        return rc;
    if (nofeatures) {
        out->status = IFR_E_NOFEATURES;
        return IFR_OK;
    }
    /* _sort_probability: languages above 0.1, sorted by probability in
     * descending order; list.sort is stable, so the first of equals wins. */
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
        int rc = ifr__langdetect(t->cp, t->ncp, t->arena, &t->lang);
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
    (void)opts; /* TODO(main): take the allocator from opts once options.c lands */
    if ((!text && len) || !code)
        return IFR_E_INVALID;
    ifr_allocator alloc;
    ifr__alloc_default(&alloc);
    ifr__arena ar;
    ifr__arena_init(&ar, &alloc);
    uint32_t *cp = NULL;
    size_t ncp = 0;
    int rc = ifr__utf8_decode(text ? text : "", len, &ar, &cp, &ncp);
    ifr__lang lang;
    if (rc == IFR_OK)
        rc = ifr__langdetect(cp, ncp, &ar, &lang);
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
