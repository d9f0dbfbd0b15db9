/*
 * ifbench_sentence.c - IFBench "sentence:*" constraints (allenai/IFBench db69a6f),
 * compat semantics. Sentences are nltk.sent_tokenize (Punkt, NLTK 3.9.2).
 */
#include "ifbench_util.h"

#include <string.h>

/* MARK: sentence:alliteration_increment ------------------------------------ */

static int check_alliteration(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__span *sent;
    size_t ns;
    int rc = ifr__ifb_sentences(t, &sent, &ns);
    if (rc)
        return rc;
    long prev = -1;
    for (size_t i = 0; i < ns; i++) {
        uint32_t *low;
        size_t nlow;
        ifr__ifb_spans w;
        rc = ifr__ifb_lower(t->arena, t->cp + sent[i].b, sent[i].e - sent[i].b, &low, &nlow);
        if (!rc)
            rc = ifr__ifb_split_ws(t->arena, low, nlow, &w);
        if (rc)
            return rc;
        /* first characters of the tokens after lstrip(P + ' '), empty ones dropped */
        uint32_t *first = ifr__arena_alloc(t->arena, (w.n + 1) * sizeof *first);
        if (!first)
            return IFR_E_NOMEM;
        size_t nf = 0;
        for (size_t k = 0; k < w.n; k++) {
            size_t b, e;
            ifr__ifb_strip_ps(low + w.v[k].b, w.v[k].e - w.v[k].b, true, false, &b, &e);
            if (b < e)
                first[nf++] = low[w.v[k].b + b];
        }
        long score = 0;
        bool run = false;
        for (size_t k = 0; k + 1 < nf; k++) {
            if (first[k] == first[k + 1]) {
                score += run ? 1 : 2;
                run = true;
            } else {
                run = false;
            }
        }
        if (score <= prev) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu scores %ld alliteration, not more than %ld", i + 1,
                        score, prev);
            return IFR_OK;
        }
        prev = score;
    }
    cx->followed = true;
    ifr__detail(cx, "alliteration increases over %zu sentences", ns);
    return IFR_OK;
}

/* MARK: sentence:keyword --------------------------------------------------- */

typedef struct kw_args {
    uint32_t *word;
    size_t nword;
    int64_t n;
} kw_args;

static int parse_keyword(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kw_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    if (!vals[0].present || vals[0].slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "word",
                                "word is required (the reference would draw a random word)");
    int rc = ifr__ifb_kw_decode(pc, vals[0].s, vals[0].slen, &a->word, &a->nword);
    if (!rc)
        rc = ifr__ifb_kw_nonneg(pc, "N", &vals[1], &a->n);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

/* Simple lower-case of one code point, as sre's IGNORECASE compares. */
static uint32_t fold1(uint32_t c)
{
    uint32_t b[3];
    size_t m = ifr__py_lower1(c, b);
    return m >= 1 ? b[0] : c;
}

static bool word_at(const uint32_t *s, size_t n, size_t i)
{
    return i < n && ifr__py_isword(s[i]);
}

/* re.search(r'\b' + re.escape(w) + r'\b', s, re.IGNORECASE) */
static bool search_word_ci(const uint32_t *s, size_t n, const uint32_t *w, size_t nw)
{
    if (nw > n)
        return false;
    for (size_t i = 0; i + nw <= n; i++) {
        bool before = i > 0 && ifr__py_isword(s[i - 1]);
        if (before == word_at(s, n, i))
            continue; /* no \b at the start */
        size_t k = 0;
        while (k < nw && fold1(s[i + k]) == fold1(w[k]))
            k++;
        if (k < nw)
            continue;
        size_t e = i + nw;
        bool last = nw > 0 ? ifr__py_isword(s[e - 1]) : before;
        if (last != word_at(s, n, e))
            return true;
    }
    return false;
}

static int check_keyword(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
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
    int64_t idx = a->n - 1;
    if (idx < 0)
        idx += (int64_t)ns; /* N = 0 reads sentences[-1] */
    if (idx < 0 || idx >= (int64_t)ns)
        return IFR_E_UNSUPPORTED;
    const ifr__span *s = &sent[idx];
    cx->followed = search_word_ci(t->cp + s->b, s->e - s->b, a->word, a->nword);
    ifr__detail(cx, cx->followed ? "sentence %lld contains the keyword"
                                 : "sentence %lld does not contain the keyword",
                (long long)idx + 1);
    return IFR_OK;
}

/* MARK: sentence:increment ------------------------------------------------- */

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

static int sentence_words(ifr__text *t, const ifr__span *s, size_t *out)
{
    uint32_t *np;
    size_t nnp;
    int rc = ifr__ifb_remove_punct(t->arena, t->cp + s->b, s->e - s->b, &np, &nnp);
    if (rc)
        return rc;
    size_t pos = 0, b, e, c = 0;
    while (ifr__py_split_next(np, nnp, &pos, &b, &e))
        c++;
    *out = c;
    return IFR_OK;
}

static int check_increment(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    const ifr__span *sent;
    size_t ns;
    int rc = ifr__ifb_sentences(t, &sent, &ns);
    if (rc)
        return rc;
    if (ns == 0)
        return IFR_E_UNSUPPORTED; /* sentences[0] raises IndexError */
    size_t prev;
    rc = sentence_words(t, &sent[0], &prev);
    if (rc)
        return rc;
    for (size_t i = 1; i < ns; i++) {
        size_t c;
        rc = sentence_words(t, &sent[i], &c);
        if (rc)
            return rc;
        if ((int64_t)c != (int64_t)prev + a->n) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu has %zu words; needs %lld", i + 1, c,
                        (long long)((int64_t)prev + a->n));
            return IFR_OK;
        }
        prev = c;
    }
    cx->followed = true;
    ifr__detail(cx, "%zu sentences each grow by %lld words", ns, (long long)a->n);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

static const ifr__kwspec kw_keyword[] = {
    {.name = "word", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "the keyword"},
    {.name = "N", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "1-based sentence number"},
    {0}};
static const ifr__kwspec kw_small_n[] = {
    {.name = "small_n", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "word increment per sentence"},
    {0}};

const ifr__checker ifr__family_ifbench_sentence[] = {
    {.id = "sentence:alliteration_increment", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each sentence alliterates more than the previous one",
     .check = check_alliteration, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Per sentence of `nltk.sent_tokenize(value)`: tokens of `s.lower().split()`, "
             "each `lstrip(P + ' ')`, empty ones dropped; each adjacent pair with the "
             "same first character adds 2 when a run starts and 1 when it continues. "
             "Followed iff the scores strictly increase (the first must exceed -1).",
     .quirks = "One sentence always passes (its score only has to beat -1); digits and "
               "symbols alliterate too."},
    {.id = "sentence:keyword", .suite = IFR__SUITE_IFBENCH,
     .summary = "Sentence N contains word", .kwargs = kw_keyword, .parse = parse_keyword,
     .flags = IFR_CHECKER_RANDOM, .check = check_keyword,
     .rule = "With `s = nltk.sent_tokenize(value)`: followed iff `len(s) >= N and "
             "re.search(r\"\\b\" + re.escape(word) + r\"\\b\", s[N - 1], re.IGNORECASE)`.",
     .quirks = "Plurals do not match; the word may also appear elsewhere; N = 0 reads the "
               "last sentence."},
    {.id = "sentence:increment", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each sentence has exactly small_n more words than the previous",
     .kwargs = kw_small_n, .parse = parse_small_n, .flags = IFR_CHECKER_RANDOM, .check = check_increment,
     .rule = "With words per sentence = `len(s.translate(remove P).split())` over "
             "`nltk.sent_tokenize(value)`: followed iff each sentence has exactly small_n "
             "more words than the one before.",
     .quirks = "One sentence passes; a '-' token disappears with the punctuation."},
    {0}};
