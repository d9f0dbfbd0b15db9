/*
 * iftrain_count.c - IFEvalG's count:* constraints (lowercase_counting,
 * counting_composition, count_unique, count_increment_word), open-instruct e6c3044.
 */
#include "../ifreward_internal.h"
#include "precise.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"

#include <string.h>

typedef struct count_args {
    int64_t n, n_sent, n_words;
    ifr__ustr w1, w2; /* precise: the keywords as literal text */
    const ifr__regex *rx1, *rx2;
} count_args;

/* MARK: lowercase_counting ------------------------------------------------------- */

static int parse_lowercase(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    count_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    return ifr__ift_kwarg_nonzero(pc, &vals[0], "N", &a->n);
}

/* len(re.findall(r"\b[a-z]+\b", value)) <= N */
static int check_lowercase(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const count_args *a = args;
    const uint32_t *s = t->cp;
    size_t n = t->ncp;
    int64_t count = 0;
    for (size_t i = 0; i < n;) {
        if (!(s[i] >= 'a' && s[i] <= 'z')) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && s[i] >= 'a' && s[i] <= 'z')
            i++;
        bool left = b == 0 || !ifr__py_isword(s[b - 1]);
        bool right = i == n || !ifr__py_isword(s[i]);
        count += left && right;
    }
    cx->followed = count <= a->n;
    ifr__detail(cx, "%lld all-lowercase words in total; needs at most %lld", (long long)count,
                (long long)a->n);
    return IFR_OK;
}

/* MARK: counting_composition ------------------------------------------------------- */

static int parse_composition(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    count_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    int rc = ifr__ift_kwarg_nonzero(pc, &vals[0], "n_sent", &a->n_sent);
    if (rc == IFR_OK)
        rc = ifr__ift_kwarg_nonzero(pc, &vals[1], "n_words", &a->n_words);
    return rc;
}

static int check_composition(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const count_args *a = args;
    size_t total = 0, pos = 0, b, e;
    bool done = false;
    while (ifr__ift_stars_split_next(t->cp, t->ncp, &pos, &done, &b, &e))
        total++;
    size_t num = total, idx = 0;
    pos = 0;
    done = false;
    cx->followed = false;
    while (ifr__ift_stars_split_next(t->cp, t->ncp, &pos, &done, &b, &e)) {
        if (ifr__py_isblank(t->cp + b, e - b)) {
            if (idx == 0 || idx == total - 1) {
                num--;
            } else {
                ifr__detail(cx, "paragraph %zu is empty", idx + 1);
                return IFR_OK;
            }
        }
        ifr__ustr *s = NULL;
        size_t ns = 0;
        int rc = ifr__rsent_split(t->arena, t->cp + b, e - b, &s, &ns);
        if (rc != IFR_OK)
            return rc;
        if ((int64_t)ns != a->n_sent) {
            ifr__detail(cx, "paragraph %zu has %zu sentences; needs exactly %lld", idx + 1, ns,
                        (long long)a->n_sent);
            return IFR_OK;
        }
        for (size_t k = 0; k < ns; k++) {
            ifr__text sub;
            if ((rc = ifr__text_init_cp(&sub, t->arena, s[k].p, s[k].n)) != IFR_OK)
                return rc;
            const ifr__ustr *toks = NULL;
            size_t nt = 0;
            if ((rc = ifr__text_tokens(&sub, IFR__NLTK_392, &toks, &nt)) != IFR_OK)
                return rc;
            if ((int64_t)nt != a->n_words) {
                ifr__detail(cx, "paragraph %zu, sentence %zu has %zu tokens (punctuation "
                                "included); needs exactly %lld",
                            idx + 1, k + 1, nt, (long long)a->n_words);
                return IFR_OK;
            }
        }
        idx++;
    }
    cx->followed = num == 3;
    ifr__detail(cx, "%zu paragraphs separated by ***; needs exactly 3", num);
    return IFR_OK;
}

/* MARK: count_unique ---------------------------------------------------------------- */

static uint64_t hash_cps(const ifr__ustr *u)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < u->n; i++) {
        h ^= u->p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int check_unique(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__ustr *toks = NULL;
    size_t nt = 0;
    int rc = ifr__text_tokens(t, IFR__NLTK_392, &toks, &nt);
    if (rc != IFR_OK)
        return rc;
    size_t cap = 16;
    while (cap < 2 * nt)
        cap *= 2;
    const ifr__ustr **slot = ifr__arena_calloc(t->arena, cap, sizeof *slot);
    if (!slot)
        return IFR_E_NOMEM;
    bool precise = ifr__pr_on(cx);
    ifr__ustr *low = NULL;
    if (precise) {
        /* precise: words compared case-insensitively, punctuation tokens ignored */
        low = ifr__arena_alloc(t->arena, (nt + 1) * sizeof *low);
        if (!low)
            return IFR_E_NOMEM;
        size_t m = 0;
        for (size_t k = 0; k < nt; k++) {
            if (!ifr__pr_has_word(toks[k].p, toks[k].n))
                continue;
            uint32_t *lp;
            size_t ln;
            if ((rc = ifr__py_lower(toks[k].p, toks[k].n, t->arena, &lp, &ln)) != IFR_OK)
                return rc;
            low[m].p = lp;
            low[m].n = ln;
            m++;
        }
        toks = low;
        nt = m;
    }
    for (size_t k = 0; k < nt; k++) {
        size_t h = (size_t)hash_cps(&toks[k]) & (cap - 1);
        while (slot[h]) {
            if (ifr__cps_eq(slot[h]->p, slot[h]->n, toks[k].p, toks[k].n)) {
                cx->followed = false;
                ifr__detail(cx, "token %zu repeats an earlier token", k + 1);
                return IFR_OK;
            }
            h = (h + 1) & (cap - 1);
        }
        slot[h] = &toks[k];
    }
    cx->followed = true;
    ifr__detail(cx, "all %zu tokens are distinct", nt);
    return IFR_OK;
}

/* MARK: count_increment_word ----------------------------------------------------------- */

static int regex_kwarg(ifr__parse_ctx *pc, const ifr__kwval *v, const char *key,
                       const ifr__regex **rx, ifr__ustr *word)
{
    ifr__ustr w;
    bool empty = false;
    int rc = ifr__ift_kwarg_word(pc, v, &w, &empty);
    if (rc != IFR_OK)
        return rc;
    if (empty)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "%s must be a non-empty string (the reference raises "
                                "TypeError)", key);
    *word = w;
    return ifr__ift_kwarg_regex(pc, key, &w, IFR__RX_IGNORECASE, rx);
}

static int parse_increment(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    count_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    int rc = regex_kwarg(pc, &vals[0], "keyword1", &a->rx1, &a->w1);
    if (rc == IFR_OK)
        rc = regex_kwarg(pc, &vals[1], "keyword2", &a->rx2, &a->w2);
    return rc;
}

static int check_increment(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const count_args *a = args;
    size_t c1 = 0, c2 = 0;
    int rc;
    if (ifr__pr_on(cx)) {
        /* precise: literal keywords, case-insensitive whole words */
        rc = ifr__pr_count_word_ci(t, a->w1.p, a->w1.n, &c1);
        if (rc == IFR_OK)
            rc = ifr__pr_count_word_ci(t, a->w2.p, a->w2.n, &c2);
    } else {
        rc = ifr__regex_count(a->rx1, cx->rx, t->s, t->n, &c1);
        if (rc == IFR_OK)
            rc = ifr__regex_count(a->rx2, cx->rx, t->s, t->n, &c2);
    }
    if (rc != IFR_OK)
        return rc;
    cx->followed = c1 == 1 && c2 == 2;
    ifr__detail(cx, "keyword1 matched %zu times (needs 1), keyword2 %zu times (needs 2)", c1,
                c2);
    return IFR_OK;
}

/* MARK: table ---------------------------------------------------------------------------- */

#define REQ IFR__KW_REQUIRED
#define END {NULL, IFR__KW_END, 0, NULL}
static const ifr__kwspec kw_lowercase[] = {
    {"N", IFR__KW_INT, REQ, "maximum number of all-lowercase words"}, END};
static const ifr__kwspec kw_composition[] = {
    {"n_sent", IFR__KW_INT, REQ, "sentences per paragraph"},
    {"n_words", IFR__KW_INT, REQ, "tokens per sentence (punctuation included)"}, END};
static const ifr__kwspec kw_increment[] = {
    {"keyword1", IFR__KW_STR, REQ, "keyword to include once (unescaped Python regex)"},
    {"keyword2", IFR__KW_STR, REQ, "keyword to include twice (unescaped Python regex)"}, END};

#define IT .suite = IFR__SUITE_IFTRAIN
#define R IFR_CHECKER_RANDOM

const ifr__checker ifr__family_iftrain_count[] = {
    {.id = "count:lowercase_counting", IT,
     .summary = "At most N all-lowercase words in total.",
     .kwargs = kw_lowercase, .parse = parse_lowercase, .check = check_lowercase,
     .flags = IFR_CHECKER_HACKABLE | R,
     .rule = "Followed iff `len(re.findall(r\"\\b[a-z]+\\b\", value)) <= N`.",
     .quirks = "The total number of lowercase ASCII words, not each word's repetitions, although "
               "the instruction says 'each lowercase word at most N times'. \"don't\" gives 2; "
               "'café' does not count; capitalised text passes.",
     .precise = "Same as compat (the reference's reading of the instruction, total lowercase ASCII words, is kept). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "count:counting_composition", IT,
     .summary = "3 paragraphs of n_sent sentences of n_words words each.",
     .kwargs = kw_composition, .parse = parse_composition, .check = check_composition,
     .flags = R,
     .rule = "With `p = re.split(r\"\\s?\\*\\*\\*\\s?\", value)`: a blank first or last piece is "
             "not counted but still checked, a blank middle piece fails; every piece must have "
             "exactly n_sent `split_into_sentences` sentences of exactly n_words "
             "`word_tokenize` tokens (NLTK 3.9.2); followed iff 3 pieces are counted.",
     .quirks = "Needs '***' although the instruction shows '* * *'. Punctuation tokens count "
               "as words ('Hi there.' is 3). A leading or trailing '***' fails (the blank piece "
               "has 0 sentences).",
     .precise = "Same as compat: the rule is exact (3 paragraphs, exact sentence and token counts). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "count:count_unique", IT, .summary = "No word is repeated.", .check = check_unique,
     .flags = IFR_CHECKER_HACKABLE,
     .rule = "With `w = word_tokenize(value)` (NLTK 3.9.2), followed iff `len(w) == len(set(w))`.",
     .quirks = "Punctuation tokens count (two periods fail); case-sensitive ('Word' differs "
               "from 'word').",
     .precise = "Words are compared case-insensitively ('The' repeats 'the'), and punctuation tokens are ignored (two periods are not a repeated word). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "count:count_increment_word", IT, .flags = IFR_CHECKER_HACKABLE,
     .summary = "keyword1 exactly once and keyword2 exactly twice.",
     .kwargs = kw_increment, .parse = parse_increment, .check = check_increment,
     .rule = "Followed iff `len(re.findall(keyword1.strip(), value, re.IGNORECASE)) == 1` and "
             "the same count for keyword2 is 2.",
     .quirks = "Unescaped regex keywords matching substrings ('signals' and 'signaling' count 2 "
               "for 'signal'). A missing keyword is an error (the reference raises TypeError).",
     .precise = "The keywords are literal text counted as case-insensitive whole words: 'signal' is not an occurrence of 'sign'. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
