/*
 * ifbench_ratio.c - IFBench "ratio:*" constraints (allenai/IFBench db69a6f),
 * compat semantics.
 */
#include "ifbench_util.h"

#include <string.h>

/* MARK: ratio:stop_words --------------------------------------------------- */

typedef struct pct_args {
    double pct;
    const uint32_t *ref;
    size_t nref;
} pct_args;

static int parse_pct_common(ifr__parse_ctx *pc, const ifr__kwval *v, pct_args *a)
{
    if (!v->present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "percentage",
                                "percentage is required (the reference would draw a random "
                                "value)");
    if (v->d < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "percentage",
                                "percentage must be >= 0 (the reference would draw a random "
                                "value)");
    a->pct = v->d;
    return IFR_OK;
}

static int parse_stop(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    pct_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    int rc = parse_pct_common(pc, &vals[0], a);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int check_stop(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const pct_args *a = args;
    size_t words = 0, stop = 0;
    for (size_t i = 0; i < t->ncp;) {
        if (!ifr__py_isword(t->cp[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < t->ncp && ifr__py_isword(t->cp[j]))
            j++;
        words++;
        if (j - i <= 16) { /* no stopword is longer */
            uint32_t *low;
            size_t nlow;
            int rc = ifr__ifb_lower(t->arena, t->cp + i, j - i, &low, &nlow);
            if (rc)
                return rc;
            stop += ifr__ifb_is_stopword(low, nlow);
        }
        i = j;
    }
    if (words == 0) {
        cx->followed = false;
        ifr__detail(cx, "no words");
        return IFR_OK;
    }
    double p = ((double)stop / (double)words) * 100.0;
    cx->followed = p <= a->pct;
    ifr__detail(cx, "%.1f%% stop words (%zu of %zu); needs at most %g%%", p, stop, words,
                a->pct);
    return IFR_OK;
}

/* MARK: ratio:overlap ------------------------------------------------------ */

static int parse_overlap(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    pct_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "reference_text",
                                "reference_text is required");
    uint32_t *cp;
    size_t n;
    int rc = ifr__ifb_kw_decode(pc, vals[0].s, vals[0].slen, &cp, &n);
    if (!rc)
        rc = parse_pct_common(pc, &vals[1], a);
    if (rc)
        return rc;
    a->ref = cp;
    a->nref = n;
    *args = a;
    return IFR_OK;
}

static int check_overlap(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const pct_args *a = args;
    if (t->ncp < 3) {
        cx->followed = false;
        ifr__detail(cx, "no character trigrams");
        return IFR_OK;
    }
    ifr__ifb_set mine, ref;
    size_t nref = a->nref >= 3 ? a->nref - 2 : 0;
    int rc = ifr__ifb_set_init(&mine, t->arena, t->ncp - 2);
    if (!rc)
        rc = ifr__ifb_set_init(&ref, t->arena, nref);
    if (rc)
        return rc;
    for (size_t i = 0; i < nref; i++)
        ifr__ifb_set_add(&ref, a->ref + i, 3);
    size_t shared = 0;
    for (size_t i = 0; i + 2 < t->ncp; i++)
        if (ifr__ifb_set_add(&mine, t->cp + i, 3) && ifr__ifb_set_has(&ref, t->cp + i, 3))
            shared++;
    double ov = (double)shared / (double)mine.n;
    cx->followed = a->pct - 2 <= ov * 100 && ov * 100 <= a->pct + 2;
    ifr__detail(cx, "%.2f%% trigram overlap; needs %g%% +/- 2", ov * 100, a->pct);
    return IFR_OK;
}

/* MARK: sentence-ending ratios --------------------------------------------- */

typedef struct ends {
    size_t dot, q, ex, n;
} ends;

static int count_ends(ifr__text *t, ends *e)
{
    const ifr__span *s;
    size_t n;
    int rc = ifr__ifb_sentences(t, &s, &n);
    if (rc)
        return rc;
    memset(e, 0, sizeof *e);
    e->n = n;
    for (size_t i = 0; i < n; i++) {
        if (s[i].e <= s[i].b)
            continue;
        uint32_t c = t->cp[s[i].e - 1];
        e->dot += c == '.';
        e->q += c == '?';
        e->ex += c == '!';
    }
    return IFR_OK;
}

static int check_type(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    ends e;
    int rc = count_ends(t, &e);
    if (rc)
        return rc;
    cx->followed = e.dot == 2 * e.q;
    ifr__detail(cx, "%zu sentences end with '.', %zu with '?'; needs exactly 2:1", e.dot, e.q);
    return IFR_OK;
}

static int check_balance(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    ends e;
    int rc = count_ends(t, &e);
    if (rc)
        return rc;
    cx->followed = e.dot == e.q && e.q == e.ex;
    ifr__detail(cx, "%zu '.', %zu '?', %zu '!' sentence endings; needs equal counts", e.dot,
                e.q, e.ex);
    return IFR_OK;
}

static int check_sentence_words(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__span *s;
    size_t n;
    int rc = ifr__ifb_sentences(t, &s, &n);
    if (rc)
        return rc;
    if (n != 3) {
        cx->followed = false;
        ifr__detail(cx, "%zu sentences; needs exactly 3", n);
        return IFR_OK;
    }
    size_t len[3];
    for (size_t i = 0; i < 3; i++) {
        size_t b, e;
        ifr__py_strip(t->cp + s[i].b, s[i].e - s[i].b, &b, &e);
        len[i] = e - b;
    }
    cx->followed = len[0] == len[1] && len[1] == len[2];
    ifr__detail(cx, "sentence lengths %zu, %zu, %zu characters; needs all equal", len[0],
                len[1], len[2]);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

static const ifr__kwspec kw_stop[] = {
    {.name = "percentage", .kind = IFR__KW_NUM, .flags = IFR__KW_REQUIRED,
     .doc = "maximum share of stop words, in percent"},
    {0}};
static const ifr__kwspec kw_overlap[] = {
    {.name = "reference_text", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED,
     .doc = "text whose character trigrams are compared"},
    {.name = "percentage", .kind = IFR__KW_NUM, .flags = IFR__KW_REQUIRED,
     .doc = "target overlap in percent (+/- 2)"},
    {0}};

const ifr__checker ifr__family_ifbench_ratio[] = {
    {.id = "ratio:stop_words", .suite = IFR__SUITE_IFBENCH,
     .summary = "Stop words are at most percentage% of the words", .kwargs = kw_stop,
     .parse = parse_stop, .check = check_stop, .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "With `w = len(re.findall(r\"\\w+\", value))` and s = those tokens whose "
             "`lower()` is an NLTK English stopword: followed iff w > 0 and `s / w * 100 "
             "<= percentage` (float comparison).",
     .quirks = "Stopwords containing an apostrophe can never match a \\w+ token; don't "
               "splits into the stop words don and t."},
    {.id = "ratio:overlap", .suite = IFR__SUITE_IFBENCH,
     .summary = "Character-trigram overlap with reference_text within percentage +/- 2",
     .kwargs = kw_overlap, .parse = parse_overlap, .check = check_overlap,
     .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "With R and F the sets of character trigrams of value and reference_text: "
             "followed iff R is non-empty and `percentage - 2 <= len(R & F) / len(R) * "
             "100 <= percentage + 2`.",
     .quirks = "Character (not word) trigrams, case-sensitive; mixing a copy of the reference "
               "with noise reaches any target."},
    {.id = "ratio:sentence_type", .suite = IFR__SUITE_IFBENCH,
     .summary = "Twice as many sentences ending in '.' as in '?'",
     .check = check_type, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Over the sentences of `nltk.sent_tokenize(value)` (NLTK 3.9.2): followed "
             "iff the number ending with '.' == 2 * the number ending with '?'.",
     .quirks = "0 == 0 passes (no '.' or '?' endings at all); endings like .\" or .) are "
               "neither type."},
    {.id = "ratio:sentence_balance", .suite = IFR__SUITE_IFBENCH,
     .summary = "Equal numbers of sentences ending in '.', '?' and '!'",
     .check = check_balance, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Over the sentences of `nltk.sent_tokenize(value)`: followed iff the numbers "
             "ending with '.', '?' and '!' are all equal.",
     .quirks = "0/0/0 passes; '?!' ends with '!'."},
    {.id = "ratio:sentence_words", .suite = IFR__SUITE_IFBENCH,
     .summary = "Exactly three sentences of equal length", .check = check_sentence_words,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff `nltk.sent_tokenize(value)` gives exactly 3 sentences with "
             "equal `len(s.strip())`.",
     .quirks = "'All different words' is not checked: three copies of one sentence pass."},
    {0}};
