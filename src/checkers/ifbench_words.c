/*
 * ifbench_words.c - IFBench "words:*" constraints (allenai/IFBench db69a6f),
 * compat semantics.
 */
#include "ifbench_util.h"
#include "ifbench_tagger.h"

#include <string.h>

/* Most word games start from text.translate(remove P) [.lower()] .split(). */
static int words_of(ifr__text *t, bool lower, bool nopunct, const uint32_t **s, size_t *n,
                    ifr__ifb_spans *w)
{
    uint32_t *a = (uint32_t *)t->cp, *b;
    size_t na = t->ncp, nb;
    int rc;
    if (lower) {
        rc = ifr__ifb_lower(t->arena, a, na, &b, &nb);
        if (rc)
            return rc;
        a = b;
        na = nb;
    }
    if (nopunct) {
        rc = ifr__ifb_remove_punct(t->arena, a, na, &b, &nb);
        if (rc)
            return rc;
        a = b;
        na = nb;
    }
    *s = a;
    *n = na;
    return ifr__ifb_split_ws(t->arena, a, na, w);
}

/* MARK: words:alphabet ----------------------------------------------------- */

static int check_alphabet(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    int rc = words_of(t, false, true, &s, &n, &w);
    if (rc)
        return rc;
    if (w.n == 0) {
        cx->followed = false;
        ifr__detail(cx, "no words");
        return IFR_OK;
    }
    uint32_t first[3];
    size_t nf = ifr__py_lower1(s[w.v[0].b], first);
    if (nf != 1 || first[0] < 'a' || first[0] > 'z') {
        cx->followed = false;
        ifr__detail(cx, "the first word does not start with a letter a-z");
        return IFR_OK;
    }
    uint32_t letter = first[0];
    for (size_t i = 1; i < w.n; i++) {
        uint32_t *low;
        size_t nlow;
        rc = ifr__ifb_lower(t->arena, s + w.v[i].b, w.v[i].e - w.v[i].b, &low, &nlow);
        if (rc)
            return rc;
        if (nlow == 0)
            continue;
        letter = letter == 'z' ? 'a' : letter + 1;
        if (low[0] != letter) {
            cx->followed = false;
            ifr__detail(cx, "word %zu should start with '%c'", i + 1, (char)letter);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "%zu words follow the alphabet", w.n);
    return IFR_OK;
}

/* MARK: words:vowel -------------------------------------------------------- */

static int check_vowel(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t b, e;
    ifr__py_strip(t->cp, t->ncp, &b, &e);
    for (size_t i = b; i < e; i++)
        if (t->cp[i] == '\n') {
            cx->followed = false;
            ifr__detail(cx, "more than one paragraph (line)");
            return IFR_OK;
        }
    uint32_t *low;
    size_t nlow;
    int rc = ifr__ifb_lower(t->arena, t->cp + b, e - b, &low, &nlow);
    if (rc)
        return rc;
    unsigned seen = 0;
    static const char vowels[] = "aeiou";
    for (size_t i = 0; i < nlow; i++)
        for (int k = 0; k < 5; k++)
            if (low[i] == (uint32_t)vowels[k])
                seen |= 1u << k;
    int nv = 0;
    for (int k = 0; k < 5; k++)
        nv += (seen >> k) & 1u;
    cx->followed = nv <= 3;
    ifr__detail(cx, "%d different vowels; needs at most 3", nv);
    return IFR_OK;
}

/* MARK: words:consonants --------------------------------------------------- */

static bool is_consonant(uint32_t c)
{
    return c >= 'b' && c <= 'z' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
}

static int check_consonants(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    int rc = words_of(t, true, false, &s, &n, &w);
    if (rc)
        return rc;
    for (size_t i = 0; i < w.n; i++) {
        bool cluster = false;
        for (size_t k = w.v[i].b; k + 1 < w.v[i].e && !cluster; k++)
            cluster = is_consonant(s[k]) && is_consonant(s[k + 1]);
        if (!cluster) {
            cx->followed = false;
            ifr__detail(cx, "word %zu has no consonant cluster", i + 1);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "all %zu words have a consonant cluster", w.n);
    return IFR_OK;
}

/* MARK: words:palindrome --------------------------------------------------- */

static int check_palindrome(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    /* translate first, then lower: same as lower then translate (P is ASCII, and lower()
     * never produces ASCII punctuation) */
    int rc = words_of(t, true, true, &s, &n, &w);
    if (rc)
        return rc;
    size_t pal = 0;
    for (size_t i = 0; i < w.n; i++) {
        size_t b = w.v[i].b, e = w.v[i].e;
        if (e - b < 5)
            continue;
        bool ok = true;
        for (size_t k = 0; k < (e - b) / 2 && ok; k++)
            ok = s[b + k] == s[e - 1 - k];
        pal += ok;
    }
    cx->followed = pal >= 10;
    ifr__detail(cx, "%zu palindromes of 5+ characters; needs at least 10", pal);
    return IFR_OK;
}

/* MARK: words:prime_lengths ------------------------------------------------ */

static bool is_small_prime(size_t n)
{
    if (n < 2 || n > 97)
        return false;
    for (size_t d = 2; d * d <= n; d++)
        if (n % d == 0)
            return false;
    return true;
}

static int check_prime(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    int rc = words_of(t, false, true, &s, &n, &w);
    if (rc)
        return rc;
    for (size_t i = 0; i < w.n; i++) {
        size_t len = w.v[i].e - w.v[i].b;
        if (!is_small_prime(len)) {
            cx->followed = false;
            ifr__detail(cx, "word %zu has %zu characters (not a prime up to 97)", i + 1, len);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "all %zu word lengths are prime", w.n);
    return IFR_OK;
}

/* MARK: words:repeats ------------------------------------------------------ */

typedef struct int_args {
    int64_t n;
} int_args;

static int parse_small_n(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    int_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    int rc = ifr__ifb_kw_nonneg(pc, "small_n", &vals[0], &a->n);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int check_repeats(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    ifr__ifb_set set;
    int rc = words_of(t, true, true, &s, &n, &w);
    if (!rc)
        rc = ifr__ifb_set_init(&set, t->arena, w.n);
    if (rc)
        return rc;
    size_t *cnt = ifr__arena_calloc(t->arena, set.cap, sizeof *cnt);
    if (!cnt)
        return IFR_E_NOMEM;
    for (size_t i = 0; i < w.n; i++) {
        size_t slot = ifr__ifb_set_slot(&set, s + w.v[i].b, w.v[i].e - w.v[i].b);
        if ((int64_t)++cnt[slot] > a->n) {
            cx->followed = false;
            ifr__detail(cx, "word %zu is repeated more than %lld times", i + 1,
                        (long long)a->n);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "no word repeated more than %lld times", (long long)a->n);
    return IFR_OK;
}

/* MARK: words:odd_even_syllables ------------------------------------------- */

static int check_syllables(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    int rc = words_of(t, true, true, &s, &n, &w);
    if (rc)
        return rc;
    int prev = -1;
    for (size_t i = 0; i < w.n; i++) {
        int par = ifr__ifb_syllables(s + w.v[i].b, w.v[i].e - w.v[i].b) % 2;
        if (par == prev) {
            cx->followed = false;
            ifr__detail(cx, "words %zu and %zu both have %s syllable counts", i, i + 1,
                        par ? "odd" : "even");
            return IFR_OK;
        }
        prev = par;
    }
    cx->followed = true;
    ifr__detail(cx, "%zu words alternate odd/even syllables", w.n);
    return IFR_OK;
}

/* MARK: words:paragraph_last_first ----------------------------------------- */

static int check_par_last_first(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    ifr__ifb_spans lines;
    int rc = ifr__ifb_split_cp(t->arena, t->cp, t->ncp, '\n', &lines);
    if (rc)
        return rc;
    for (size_t i = 0; i < lines.n; i++) {
        size_t b, e, b2, e2;
        ifr__py_strip(t->cp + lines.v[i].b, lines.v[i].e - lines.v[i].b, &b, &e);
        if (b == e)
            continue;
        uint32_t *low;
        size_t nlow;
        rc = ifr__ifb_lower(t->arena, t->cp + lines.v[i].b + b, e - b, &low, &nlow);
        if (rc)
            return rc;
        ifr__ifb_strip_ps(low, nlow, true, true, &b2, &e2);
        ifr__ifb_spans w;
        rc = ifr__ifb_split_ws(t->arena, low + b2, e2 - b2, &w);
        if (rc)
            return rc;
        if (w.n == 0)
            continue;
        const uint32_t *base = low + b2;
        if (!ifr__ifb_eq(base + w.v[0].b, w.v[0].e - w.v[0].b, base + w.v[w.n - 1].b,
                         w.v[w.n - 1].e - w.v[w.n - 1].b)) {
            cx->followed = false;
            ifr__detail(cx, "line %zu does not end with the word it starts with", i + 1);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "every paragraph ends with its first word");
    return IFR_OK;
}

/* MARK: words:no_consecutive ----------------------------------------------- */

static int check_no_consecutive(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s;
    size_t n;
    ifr__ifb_spans w;
    int rc = words_of(t, true, true, &s, &n, &w);
    if (rc)
        return rc;
    for (size_t i = 0; i + 1 < w.n; i++) {
        if (s[w.v[i].b] == s[w.v[i + 1].b]) {
            cx->followed = false;
            ifr__detail(cx, "words %zu and %zu start with the same character", i + 1, i + 2);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "no two consecutive words share a first character");
    return IFR_OK;
}

/* MARK: words:last_first --------------------------------------------------- */

static int check_last_first(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__span *sent;
    size_t ns;
    int rc = ifr__ifb_sentences(t, &sent, &ns);
    if (rc)
        return rc;
    for (size_t i = 0; i + 1 < ns; i++) {
        const uint32_t *a = t->cp + sent[i].b, *b = t->cp + sent[i + 1].b;
        size_t ab, ae, bb, be;
        ifr__ifb_strip_ps(a, sent[i].e - sent[i].b, false, true, &ab, &ae);
        ifr__ifb_strip_ps(b, sent[i + 1].e - sent[i + 1].b, true, false, &bb, &be);
        ifr__ifb_spans wa, wb;
        rc = ifr__ifb_split_ws(t->arena, a, ae, &wa);
        if (!rc)
            rc = ifr__ifb_split_ws(t->arena, b + bb, be - bb, &wb);
        if (rc)
            return rc;
        if (wa.n == 0 || wb.n == 0) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu or %zu has no word", i + 1, i + 2);
            return IFR_OK;
        }
        bool eq;
        const ifr__span *la = &wa.v[wa.n - 1], *fb = &wb.v[0];
        rc = ifr__ifb_eq_lower(t->arena, a + la->b, la->e - la->b, b + bb + fb->b,
                               fb->e - fb->b, &eq);
        if (rc)
            return rc;
        if (!eq) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu does not start with the last word of sentence %zu",
                        i + 2, i + 1);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "%zu sentences chain last word to first word", ns);
    return IFR_OK;
}

/* MARK: words:keywords_specific_position ----------------------------------- */

typedef struct kwpos_args {
    uint32_t *kw;
    size_t nkw;
    int64_t n, m;
} kwpos_args;

static int parse_kwpos(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kwpos_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    if (!vals[0].present || vals[0].slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "keyword",
                                "keyword is required (the reference would draw a random word)");
    int rc = ifr__ifb_kw_decode_strip(pc, vals[0].s, vals[0].slen, &a->kw, &a->nkw);
    if (rc)
        return rc;
    static const char *const names[2] = {"n", "m"};
    for (int k = 1; k <= 2; k++) {
        if (!vals[k].present || vals[k].i == 0)
            return ifr__parse_error(pc, IFR_E_KWARGS, names[k - 1],
                                    "%s is required and non-zero (the reference would draw "
                                    "a random value)",
                                    names[k - 1]);
    }
    a->n = vals[1].i;
    a->m = vals[2].i;
    *args = a;
    return IFR_OK;
}

static bool any_alnum(const ifr__ustr *u)
{
    for (size_t i = 0; i < u->n; i++)
        if (ifr__py_isalnum(u->p[i]))
            return true;
    return false;
}

static int check_kwpos(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kwpos_args *a = args;
    const ifr__span *sent;
    size_t ns;
    int rc = ifr__ifb_sentences(t, &sent, &ns);
    if (rc)
        return rc;
    if ((int64_t)ns < a->n) {
        cx->followed = false;
        ifr__detail(cx, "%zu sentences; needs at least %lld", ns, (long long)a->n);
        return IFR_OK;
    }
    int64_t si = a->n - 1;
    if (si < 0)
        si += (int64_t)ns; /* Python negative index */
    if (si < 0 || si >= (int64_t)ns)
        return IFR_E_UNSUPPORTED; /* IndexError */
    ifr__text sub;
    const ifr__ustr *tok;
    size_t ntok;
    rc = ifr__ifb_subtext(t->arena, t->cp + sent[si].b, sent[si].e - sent[si].b, &sub);
    if (!rc)
        rc = ifr__ifb_tokens(&sub, &tok, &ntok);
    if (rc)
        return rc;
    ifr__ustr *words = ifr__arena_alloc(t->arena, (ntok + 1) * sizeof *words);
    if (!words)
        return IFR_E_NOMEM;
    size_t nw = 0;
    for (size_t i = 0; i < ntok; i++)
        if (any_alnum(&tok[i]))
            words[nw++] = tok[i];
    if ((int64_t)nw < a->m) {
        cx->followed = false;
        ifr__detail(cx, "sentence %lld has %zu words; needs at least %lld", (long long)a->n,
                    nw, (long long)a->m);
        return IFR_OK;
    }
    int64_t wi = a->m - 1;
    if (wi < 0)
        wi += (int64_t)nw;
    if (wi < 0 || wi >= (int64_t)nw)
        return IFR_E_UNSUPPORTED;
    bool eq;
    rc = ifr__ifb_eq_lower(t->arena, words[wi].p, words[wi].n, a->kw, a->nkw, &eq);
    if (rc)
        return rc;
    cx->followed = eq;
    ifr__detail(cx, eq ? "word %lld of sentence %lld is the keyword"
                       : "word %lld of sentence %lld is not the keyword",
                (long long)a->m, (long long)a->n);
    return IFR_OK;
}

/* MARK: words:words_position ----------------------------------------------- */

typedef struct kw_args {
    uint32_t *kw;
    size_t nkw;
} kw_args;

static int parse_kw_strip(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kw_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "keyword",
                                "keyword is required (the reference would draw a random word)");
    int rc = ifr__ifb_kw_decode_strip(pc, vals[0].s, vals[0].slen, &a->kw, &a->nkw);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

/* tok in string.punctuation: a substring test on the 32-character string. */
static bool in_punct_string(const ifr__ustr *u)
{
    static const char P[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    uint32_t buf[32];
    for (int i = 0; i < 32; i++)
        buf[i] = (unsigned char)P[i];
    return ifr__ifb_find(buf, 32, u->p, u->n, 0) != SIZE_MAX;
}

static int check_words_position(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
    const ifr__ustr *tok;
    size_t n;
    int rc = ifr__ifb_tokens(t, &tok, &n);
    if (rc)
        return rc;
    if (n < 2) {
        cx->followed = false;
        ifr__detail(cx, "fewer than 2 tokens");
        return IFR_OK;
    }
    size_t back = 2;
    if (in_punct_string(&tok[n - 1])) {
        if (n < 3) {
            cx->followed = false;
            ifr__detail(cx, "fewer than 3 tokens");
            return IFR_OK;
        }
        back = 3;
    }
    bool e1, e2;
    rc = ifr__ifb_eq_lower(t->arena, tok[1].p, tok[1].n, a->kw, a->nkw, &e1);
    if (!rc)
        rc = ifr__ifb_eq_lower(t->arena, tok[n - back].p, tok[n - back].n, a->kw, a->nkw,
                               &e2);
    if (rc)
        return rc;
    cx->followed = e1 && e2;
    ifr__detail(cx, "second word %s the keyword; second-to-last word %s",
                e1 ? "is" : "is not", e2 ? "is" : "is not");
    return IFR_OK;
}

/* MARK: words:start_verb -------------------------------------------------- */

static int check_start_verb(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__ustr *tok;
    size_t n;
    int rc = ifr__ifb_tokens(t, &tok, &n);
    if (rc)
        return rc;
    if (n == 0) {
        cx->followed = false;
        ifr__detail(cx, "no tokens");
        return IFR_OK;
    }
    char tag[8];
    rc = ifr__ifb_first_tag(t->arena, tok, n, tag);
    if (rc)
        return rc;
    cx->followed = strstr(tag, "VB") != NULL;
    ifr__detail(cx, "the first token is tagged %s; needs a VB* tag", tag);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

static const ifr__kwspec kw_small_n[] = {
    {.name = "small_n", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "maximum repetitions of any word"},
    {0}};
static const ifr__kwspec kw_kwpos[] = {
    {.name = "keyword", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "the word"},
    {.name = "n", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED, .doc = "sentence number (1-based)"},
    {.name = "m", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED, .doc = "word number (1-based)"},
    {0}};
static const ifr__kwspec kw_keyword[] = {
    {.name = "keyword", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "the word"},
    {0}};

const ifr__checker ifr__family_ifbench_words[] = {
    {.id = "words:alphabet", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each word starts with the next letter of the alphabet",
     .check = check_alphabet,
     .rule = "With `w = value` minus string.punctuation, `.split()`: followed iff w is "
             "non-empty, `w[0][0].lower()` is in a-z, and each following non-empty word, "
             "lower-cased, starts with the next letter (z wraps to a).",
     .quirks = "A single word passes; non-ASCII initials fail."},
    {.id = "words:vowel", .suite = IFR__SUITE_IFBENCH,
     .summary = "One paragraph using at most three different vowels", .check = check_vowel,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff `value.strip()` contains no '\\n' and `len({c for c in "
             "value.strip().lower() if c in 'aeiou'}) <= 3`.",
     .quirks = "Only ASCII vowels count and y is not a vowel; a lone \\r does not split lines."},
    {.id = "words:consonants", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every word has a consonant cluster", .check = check_consonants,
     .rule = "Followed iff every token of `value.lower().split()` has two adjacent "
             "characters in `bcdfghjklmnpqrstvwxyz`.",
     .quirks = "Punctuation and digits break adjacency; a, I, it and 42 fail."},
    {.id = "words:palindrome", .suite = IFR__SUITE_IFBENCH,
     .summary = "At least 10 palindromes of 5+ characters", .check = check_palindrome,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff at least 10 tokens of `value` minus string.punctuation, "
             "`.lower().split()`, satisfy `w == w[::-1] and len(w) >= 5`.",
     .quirks = "Repeats count (level ten times passes); race-car becomes racecar."},
    {.id = "words:prime_lengths", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every word length is a prime", .check = check_prime,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff every token of `value` minus string.punctuation, `.split()`, "
             "has a length (code points) that is a prime <= 97.",
     .quirks = "Zero tokens pass (a punctuation-only text)."},
    {.id = "words:repeats", .suite = IFR__SUITE_IFBENCH,
     .summary = "No word repeated more than small_n times", .kwargs = kw_small_n,
     .parse = parse_small_n, .flags = IFR_CHECKER_RANDOM, .check = check_repeats,
     .rule = "Followed iff no token of `value.lower()` minus string.punctuation, "
             "`.split()`, occurs more than small_n times.",
     .quirks = "Case variants merge; don't becomes dont; stop words count too."},
    {.id = "words:odd_even_syllables", .suite = IFR__SUITE_IFBENCH,
     .summary = "Words alternate odd and even syllable counts", .check = check_syllables,
     .rule = "For the tokens of `value` minus string.punctuation, `.lower().split()`: "
             "followed iff `syllapy.count(w) % 2` (syllapy 0.7.2: its 6,392-word table, "
             "else the vowel-group rule; 0 for words with a digit) differs between "
             "neighbours.",
     .quirks = "One word passes; words containing a digit count 0 syllables (even)."},
    {.id = "words:paragraph_last_first", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each paragraph ends with the word it starts with",
     .check = check_par_last_first,
     .rule = "Followed iff for every line of `value.split('\\n')` that is non-blank, "
             "`line.strip().lower().strip(string.punctuation + ' ').split()` is empty or "
             "starts and ends with the same token.",
     .quirks = "One-word lines pass; inner punctuation stays attached to tokens."},
    {.id = "words:no_consecutive", .suite = IFR__SUITE_IFBENCH,
     .summary = "No two consecutive words share a first letter",
     .check = check_no_consecutive,
     .rule = "Followed iff no two adjacent tokens of `value.lower()` minus "
             "string.punctuation, `.split()`, start with the same character.",
     .quirks = "Digits and symbols count as first characters."},
    {.id = "words:last_first", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each sentence starts with the previous sentence's last word",
     .check = check_last_first,
     .rule = "For consecutive sentences a, b of `nltk.sent_tokenize(value)`: followed iff "
             "`a.rstrip(P + ' ').split()[-1].lower() == b.lstrip(P + ' "
             "').split()[0].lower()` (an empty side fails).",
     .quirks = "One sentence passes; inner punctuation stays attached (Dog's)."},
    {.id = "words:keywords_specific_position", .suite = IFR__SUITE_IFBENCH,
     .summary = "keyword is word m of sentence n", .kwargs = kw_kwpos, .parse = parse_kwpos,
     .flags = IFR_CHECKER_RANDOM, .check = check_kwpos,
     .rule = "With `s = nltk.sent_tokenize(value)`: followed iff `len(s) >= n` and, among "
             "the tokens of `nltk.word_tokenize(s[n - 1])` that contain an alphanumeric "
             "character, token m exists and equals `keyword.strip()` case-insensitively.",
     .quirks = "keyword's tokenizes as keyword + 's and passes."},
    {.id = "words:words_position", .suite = IFR__SUITE_IFBENCH,
     .summary = "keyword is the second and the second-to-last word", .kwargs = kw_keyword,
     .parse = parse_kw_strip, .flags = IFR_CHECKER_RANDOM, .check = check_words_position,
     .rule = "With `t = nltk.word_tokenize(value)`, len(t) >= 2: if `t[-1] in "
             "string.punctuation` (substring test), followed iff len(t) >= 3 and t[1] and "
             "t[-3] equal `keyword.strip()` case-insensitively; otherwise iff t[1] and "
             "t[-2] do.",
     .quirks = "A final '...' is not 'in' string.punctuation, so t[-2] is compared; a "
               "two-token text compares t[1] with t[0]."},
    {.id = "words:start_verb", .suite = IFR__SUITE_IFBENCH,
     .summary = "The response starts with a verb", .check = check_start_verb,
     .rule = "Followed iff `'VB' in nltk.pos_tag(nltk.word_tokenize(value))[0][1]` (NLTK "
             "3.9.2 averaged perceptron, English).",
     .quirks = "Decided by the tagger: a capitalised imperative at the start is often not a "
               "verb (Write -> IN, Keep -> NNP) while Go, Imagine and Let are; markdown or a "
               "quote first fails."},
    {0}};
