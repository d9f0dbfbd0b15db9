/*
 * ifbench_sentence.c - IFBench "sentence:*" constraints (allenai/IFBench db69a6f),
 * compat semantics. Sentences are nltk.sent_tokenize (Punkt, NLTK 3.9.2).
 */
#include "ifbench_util.h"
#include "precise.h"

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
    if (ifr__pr_on(cx) && ns < 2) {
        cx->followed = false; /* precise: one sentence is no increase */
        ifr__detail(cx, "a single sentence; needs sentences with increasing alliteration");
        return IFR_OK;
    }
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
    const ifr__regex *rx; /* r'\b' + re.escape(word) + r'\b', re.IGNORECASE */
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
    int rc = ifr__ifb_kw_nonneg(pc, "N", &vals[1], &a->n);
    if (rc)
        return rc;
    /* re.escape (Python 3.7+): a backslash before each of ()[]{}?*+-|^$\.&~# \t\n\r\v\f */
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    size_t len = vals[0].slen;
    char *pat = ifr__parse_alloc(pc, 2 * len + 8);
    if (!pat)
        return IFR_E_NOMEM;
    size_t k = 0;
    pat[k++] = '\\';
    pat[k++] = 'b';
    for (size_t i = 0; i < len; i++) {
        char c = vals[0].s[i];
        if (c != 0 && memchr(special, c, sizeof special - 1))
            pat[k++] = '\\';
        pat[k++] = c;
    }
    pat[k++] = '\\';
    pat[k++] = 'b';
    rc = ifr__parse_regex(pc, "word", pat, k, IFR__RX_IGNORECASE, &a->rx);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int check_keyword(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
    const ifr__span *s;
    size_t idx; /* N = 0 reads sentences[-1] */
    int rc = ifr__ifb_nth_sentence(t, a->n, cx, &s, &idx);
    if (rc || !s)
        return rc;
    ifr__text sub;
    rc = ifr__ifb_subtext(t->arena, t->cp + s->b, s->e - s->b, &sub);
    if (rc)
        return rc;
    size_t ms, me;
    rc = ifr__regex_search(a->rx, cx->rx, sub.s, sub.n, 0, &ms, &me);
    if (rc < 0)
        return rc;
    cx->followed = rc == 1;
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
    if (ns == 0) {
        ifr__detail(cx, "no sentence: the reference raises IndexError on sentences[0]");
        return IFR_E_UNSUPPORTED;
    }
    if (ifr__pr_on(cx) && ns < 2) {
        cx->followed = false; /* precise: one sentence cannot grow */
        ifr__detail(cx, "a single sentence; needs sentences that grow");
        return IFR_OK;
    }
    size_t prev;
    rc = sentence_words(t, &sent[0], &prev);
    if (rc)
        return rc;
    for (size_t i = 1; i < ns; i++) {
        size_t c;
        rc = sentence_words(t, &sent[i], &c);
        if (rc)
            return rc;
        uint64_t want = (uint64_t)prev + (uint64_t)a->n; /* n >= 0: no wrap-around */
        if ((uint64_t)c != want) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu has %zu words; needs %llu", i + 1, c,
                        (unsigned long long)want);
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
               "symbols alliterate too.",
     .precise = "At least two sentences are needed (a single sentence is no increase). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "sentence:keyword", .suite = IFR__SUITE_IFBENCH,
     .summary = "Sentence N contains word", .kwargs = kw_keyword, .parse = parse_keyword,
     .flags = IFR_CHECKER_RANDOM, .check = check_keyword,
     .rule = "With `s = nltk.sent_tokenize(value)`: followed iff `len(s) >= N and "
             "re.search(r\"\\b\" + re.escape(word) + r\"\\b\", s[N - 1], re.IGNORECASE)`.",
     .quirks = "Plurals do not match; the word may also appear elsewhere; N = 0 reads the "
               "last sentence.",
     .precise = "Same as compat: a whole-word, case-insensitive search in sentence N. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "sentence:increment", .suite = IFR__SUITE_IFBENCH,
     .summary = "Each sentence has exactly small_n more words than the previous",
     .kwargs = kw_small_n, .parse = parse_small_n, .flags = IFR_CHECKER_RANDOM, .check = check_increment,
     .rule = "With words per sentence = `len(s.translate(remove P).split())` over "
             "`nltk.sent_tokenize(value)`: followed iff each sentence has exactly small_n "
             "more words than the one before.",
     .quirks = "One sentence passes; a '-' token disappears with the punctuation.",
     .precise = "At least two sentences are needed (a single sentence cannot grow). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0}};
