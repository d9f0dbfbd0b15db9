/*
 * iftrain_keywords.c - IFEvalG's extra keywords:* constraints, open-instruct
 * e6c3044 (no_adjacent_consecutive, word_once, word_count_different_numbers,
 * exclude_word_harder, palindrome, keyword_specific_position, start_end).
 */
#include "../ifreward_internal.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"
#include "precise.h"

#include <string.h>

typedef struct kw_args {
    ifr__ustr word;        /* keyword.strip() */
    const ifr__regex *rx;  /* keyword as an unescaped regex, re.IGNORECASE */
    int64_t freq;
    ifr__relation rel;
    int64_t n, m;          /* keyword_specific_position */
} kw_args;

static int need_keyword(ifr__parse_ctx *pc, const ifr__kwval *v, const char *key,
                        ifr__ustr *out)
{
    bool empty = false;
    int rc = ifr__ift_kwarg_word(pc, v, out, &empty);
    if (rc == IFR_OK && empty)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "%s must be a non-empty string (the reference draws a random "
                                "one)", key);
    return rc;
}

/* MARK: no_adjacent_consecutive --------------------------------------------------- */

static int check_no_adjacent(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t pos = 0, b, e, k = 0;
    uint32_t prev[3];
    size_t nprev = 0;
    cx->followed = true;
    while (ifr__py_split_next(t->cp, t->ncp, &pos, &b, &e)) {
        uint32_t cur[3];
        size_t ncur = ifr__py_lower1(t->cp[b], cur);
        if (k > 0) {
            if (nprev != 1 || ncur != 1) {
                cx->followed = false;
                ifr__detail(cx, "word %zu or %zu starts with a character whose lower case is "
                                "not one character", k, k + 1);
                return IFR_OK;
            }
            if (cur[0] == prev[0] + 1) {
                cx->followed = false;
                ifr__detail(cx, "words %zu and %zu start with consecutive characters", k, k + 1);
                return IFR_OK;
            }
        }
        memcpy(prev, cur, sizeof prev);
        nprev = ncur;
        k++;
    }
    ifr__detail(cx, "no two adjacent words start with consecutive letters");
    return IFR_OK;
}

/* MARK: word_once, word_count_different_numbers ------------------------------------- */

static int parse_word_once(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kw_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    int rc = need_keyword(pc, &vals[0], "keyword", &a->word);
    if (rc != IFR_OK)
        return rc;
    return ifr__ift_kwarg_regex(pc, "keyword", &a->word, IFR__RX_IGNORECASE, &a->rx);
}

static int check_word_once(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
    size_t count = 0;
    int rc = ifr__pr_on(cx) ? ifr__pr_count_word_ci(t, a->word.p, a->word.n, &count)
                            : ifr__regex_count(a->rx, cx->rx, t->s, t->n, &count);
    if (rc != IFR_OK)
        return rc;
    cx->followed = count == 1;
    ifr__detail(cx, "keyword matched %zu times; needs exactly once", count);
    return IFR_OK;
}

static int parse_word_count(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kw_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    int rc = need_keyword(pc, &vals[0], "keyword", &a->word);
    if (rc != IFR_OK)
        return rc;
    if (vals[1].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "frequency",
                                "frequency must be >= 0 (the reference draws a random one)");
    a->freq = vals[1].i;
    if ((rc = ifr__parse_relation(pc, "relation", &vals[2], &a->rel)) != IFR_OK)
        return rc;
    return ifr__ift_kwarg_regex(pc, "keyword", &a->word, IFR__RX_IGNORECASE, &a->rx);
}

static int check_word_count(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
    size_t count = 0;
    int rc = ifr__pr_on(cx) ? ifr__pr_count_word_ci(t, a->word.p, a->word.n, &count)
                            : ifr__regex_count(a->rx, cx->rx, t->s, t->n, &count);
    if (rc != IFR_OK)
        return rc;
    cx->followed = ifr__relation_holds(a->rel, (int64_t)count, a->freq);
    ifr__detail(cx, "keyword matched %zu times; needs %s %lld", count,
                ifr__relation_name(a->rel), (long long)a->freq);
    return IFR_OK;
}

/* MARK: exclude_word_harder ------------------------------------------------------------ */

static int parse_exclude(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kw_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    ifr__ustr w;
    int rc = need_keyword(pc, &vals[0], "keyword", &w);
    if (rc != IFR_OK)
        return rc;
    /* " " + keyword + " " */
    uint32_t *p = ifr__parse_alloc(pc, (w.n + 3) * sizeof *p);
    if (!p)
        return IFR_E_NOMEM;
    p[0] = ' ';
    memcpy(p + 1, w.p, w.n * sizeof *p);
    p[w.n + 1] = ' ';
    a->word.p = p;
    a->word.n = w.n + 2;
    return IFR_OK;
}

static int check_exclude(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
    if (ifr__pr_on(cx)) {
        /* precise: the keyword as a whole word anywhere, any case (the padding
         * spaces of the compat rule are dropped) */
        size_t count = 0;
        int rc = ifr__pr_count_word_ci(t, a->word.p + 1, a->word.n - 2, &count);
        if (rc != IFR_OK)
            return rc;
        cx->followed = count == 0;
        ifr__detail(cx, cx->followed ? "the keyword does not occur as a word"
                                     : "the keyword occurs %zu times as a word", count);
        return IFR_OK;
    }
    cx->followed = ifr__cps_find(t->cp, t->ncp, 0, a->word.p, a->word.n) == IFR__NPOS;
    ifr__detail(cx, cx->followed ? "' keyword ' does not occur"
                                 : "the keyword occurs between two spaces");
    return IFR_OK;
}

/* MARK: palindrome --------------------------------------------------------------------- */

static int check_palindrome(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t pos = 0, b, e;
    while (ifr__py_split_next(t->cp, t->ncp, &pos, &b, &e)) {
        if (ifr__pr_on(cx)) {
            /* precise: a word of 3+ word characters, surrounding punctuation
             * removed, case-insensitive ('Racecar,' counts; 'a', 'I', '.' do not) */
            while (b < e && !ifr__pr_wordch(t->cp[b]))
                b++;
            while (e > b && !ifr__pr_wordch(t->cp[e - 1]))
                e--;
            bool ok = e - b >= 3;
            for (size_t i = b, j = e - 1; ok && i < j; i++, j--) {
                uint32_t x[3], y[3];
                size_t nx = ifr__py_lower1(t->cp[i], x), ny = ifr__py_lower1(t->cp[j], y);
                ok = nx == 1 && ny == 1 && x[0] == y[0] && ifr__pr_wordch(t->cp[i]);
            }
            if (ok) {
                cx->followed = true;
                ifr__detail(cx, "a word of 3+ letters reads the same reversed");
                return IFR_OK;
            }
            continue;
        }
        size_t i = b, j = e - 1;
        while (i < j && t->cp[i] == t->cp[j]) {
            i++;
            j--;
        }
        if (i >= j) {
            cx->followed = true;
            ifr__detail(cx, "a token reads the same reversed");
            return IFR_OK;
        }
    }
    cx->followed = false;
    ifr__detail(cx, "no whitespace-separated token is a palindrome");
    return IFR_OK;
}

/* MARK: keyword_specific_position --------------------------------------------------------- */

static int parse_position(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    kw_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    int rc = need_keyword(pc, &vals[0], "keyword", &a->word);
    if (rc != IFR_OK)
        return rc;
    rc = ifr__ift_kwarg_nonzero(pc, &vals[1], "n", &a->n);
    if (rc == IFR_OK)
        rc = ifr__ift_kwarg_nonzero(pc, &vals[2], "m", &a->m);
    return rc;
}

/* s = split_into_sentences(value); len(s) >= n; w = word_tokenize(s[n-1]);
 * len(w) >= m; w[m-1] == keyword */
static int check_position(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_args *a = args;
    ifr__ustr *sents = NULL;
    size_t ns = 0;
    int rc = ifr__rsent_split(t->arena, t->cp, t->ncp, &sents, &ns);
    if (rc != IFR_OK)
        return rc;
    cx->followed = false;
    if ((int64_t)ns < a->n) {
        ifr__detail(cx, "%zu sentences; needs at least %lld", ns, (long long)a->n);
        return IFR_OK;
    }
    size_t si = a->n == INT64_MIN ? IFR__NPOS : ifr__py_index(a->n - 1, ns);
    if (si == IFR__NPOS) {
        ifr__detail(cx, "sentence index out of range (the reference raises IndexError)");
        return IFR_E_UNSUPPORTED;
    }
    ifr__text sub;
    if ((rc = ifr__text_init_cp(&sub, t->arena, sents[si].p, sents[si].n)) != IFR_OK)
        return rc;
    const ifr__ustr *toks = NULL;
    size_t nt = 0;
    if ((rc = ifr__text_tokens(&sub, IFR__NLTK_392, &toks, &nt)) != IFR_OK)
        return rc;
    if ((int64_t)nt < a->m) {
        ifr__detail(cx, "sentence %lld has %zu tokens; needs at least %lld", (long long)a->n,
                    nt, (long long)a->m);
        return IFR_OK;
    }
    size_t wi = a->m == INT64_MIN ? IFR__NPOS : ifr__py_index(a->m - 1, nt);
    if (wi == IFR__NPOS) {
        ifr__detail(cx, "token index out of range (the reference raises IndexError)");
        return IFR_E_UNSUPPORTED;
    }
    cx->followed = ifr__cps_eq(toks[wi].p, toks[wi].n, a->word.p, a->word.n);
    ifr__detail(cx, cx->followed ? "the keyword is token %lld of sentence %lld"
                                 : "token %lld of sentence %lld is not the keyword",
                (long long)a->m, (long long)a->n);
    return IFR_OK;
}

/* MARK: start_end ------------------------------------------------------------------------ */

static int check_start_end(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__ustr *toks = NULL;
    size_t nt = 0;
    int rc = ifr__text_tokens(t, IFR__NLTK_392, &toks, &nt);
    if (rc != IFR_OK)
        return rc;
    if (ifr__pr_on(cx)) {
        /* precise: compare the first and last tokens with a word character
         * (punctuation tokens such as '...' or a final '.' are skipped) */
        size_t f = 0, l = nt;
        while (f < nt && !ifr__pr_has_word(toks[f].p, toks[f].n))
            f++;
        while (l > 0 && !ifr__pr_has_word(toks[l - 1].p, toks[l - 1].n))
            l--;
        if (f >= nt || l == 0 || l - 1 <= f) {
            cx->followed = false;
            ifr__detail(cx, "fewer than two words");
            return IFR_OK;
        }
        uint32_t *l1, *l2;
        size_t n1, n2;
        if ((rc = ifr__py_lower(toks[f].p, toks[f].n, t->arena, &l1, &n1)) != IFR_OK
            || (rc = ifr__py_lower(toks[l - 1].p, toks[l - 1].n, t->arena, &l2, &n2)) != IFR_OK)
            return rc;
        cx->followed = ifr__cps_eq(l1, n1, l2, n2);
        ifr__detail(cx, cx->followed ? "the first and last words are the same"
                                     : "the first and last words differ");
        return IFR_OK;
    }
    if (nt < 2) {
        cx->followed = false;
        ifr__detail(cx, "%zu tokens; needs at least 2", nt);
        return IFR_OK;
    }
    uint32_t *l1, *l2;
    size_t n1, n2;
    if ((rc = ifr__py_lower(toks[0].p, toks[0].n, t->arena, &l1, &n1)) != IFR_OK
        || (rc = ifr__py_lower(toks[nt - 1].p, toks[nt - 1].n, t->arena, &l2, &n2)) != IFR_OK)
        return rc;
    cx->followed = ifr__cps_eq(l1, n1, l2, n2);
    ifr__detail(cx, cx->followed ? "the first and last tokens are the same word"
                                 : "the first and last tokens differ");
    return IFR_OK;
}

/* MARK: table ------------------------------------------------------------------------------ */

#define REQ IFR__KW_REQUIRED
#define END {NULL, IFR__KW_END, 0, NULL}
static const ifr__kwspec kw_keyword[] = {
    {"keyword", IFR__KW_STR, REQ, "the keyword (an unescaped Python regex)"}, END};
static const ifr__kwspec kw_keyword_plain[] = {
    {"keyword", IFR__KW_STR, REQ, "the word that must not appear between spaces"},
    {"instruction", IFR__KW_STR, 0, "accepted and ignored (the reference draws the keyword "
                                    "from it when keyword is missing)"},
    END};
static const ifr__kwspec kw_word_count[] = {
    {"keyword", IFR__KW_STR, REQ, "the keyword (an unescaped Python regex)"},
    {"frequency", IFR__KW_INT, REQ, "the threshold"},
    {"relation", IFR__KW_STR, REQ, "\"less than\" or \"at least\""}, END};
static const ifr__kwspec kw_position[] = {
    {"keyword", IFR__KW_STR_OR_LIST, REQ, "the keyword (a list: its first element)"},
    {"n", IFR__KW_INT, REQ, "1-based sentence number"},
    {"m", IFR__KW_INT, REQ, "1-based token number in that sentence"}, END};

#define IT .suite = IFR__SUITE_IFTRAIN
#define R IFR_CHECKER_RANDOM

const ifr__checker ifr__family_iftrain_keywords[] = {
    {.id = "keywords:no_adjacent_consecutive", IT,
     .summary = "No two adjacent words start with consecutive letters.",
     .check = check_no_adjacent,
     .rule = "Followed iff for every adjacent pair a, b of `value.split()` tokens, "
             "`a[0].lower()` and `b[0].lower()` are one character each and "
             "`ord(b0) - ord(a0) != 1`.",
     .quirks = "Any code points count, digits and punctuation included: '1 2' and '\"x #y' "
               "fail. A first character whose lower case has two code points (U+0130) fails. "
               "z to a does not wrap.",
     .precise = "Same as compat: the rule is exact over every adjacent token pair. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "keywords:word_once", IT, .summary = "Include the keyword exactly once.",
     .kwargs = kw_keyword, .parse = parse_word_once, .check = check_word_once, .flags = R | IFR_CHECKER_HACKABLE,
     .rule = "Followed iff `len(re.findall(keyword.strip(), value, re.IGNORECASE)) == 1`.",
     .quirks = "The keyword is an unescaped Python regex matching substrings: 'dark' occurs in "
               "'darks', 'a.b' matches 'axb'. An empty keyword makes the reference draw one "
               "at random: an error here.",
     .precise = "The keyword is literal text counted as case-insensitive whole words (format characters ignored): 'dark' does not occur in 'darkness'. Exactly once, as in compat. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "keywords:word_count_different_numbers", IT,
     .summary = "The keyword occurs less than / at least N times.",
     .kwargs = kw_word_count, .parse = parse_word_count, .check = check_word_count, .flags = R | IFR_CHECKER_HACKABLE,
     .rule = "With `c = len(re.findall(keyword.strip(), value, re.IGNORECASE))`: 'less than' "
             "is c < frequency, 'at least' is c >= frequency.",
     .quirks = "Unescaped regex, substring matches. Another relation is an error (the reference "
               "raises ValueError); a missing keyword, frequency or relation, or a negative "
               "frequency, makes it draw at random: an error here.",
     .precise = "The keyword is literal text counted as case-insensitive whole words (format characters ignored), as in IFEval keywords:frequency precise. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "keywords:exclude_word_harder", IT,
     .summary = "Do not include the keyword (between spaces).",
     .kwargs = kw_keyword_plain, .parse = parse_exclude, .check = check_exclude,
     .flags = IFR_CHECKER_HACKABLE | R,
     .rule = "Followed iff `\" \" + keyword.strip() + \" \" not in value`.",
     .quirks = "Case-sensitive and space-padded: the keyword at the start or end, before "
               "punctuation or a newline, next to a tab or in another case passes.",
     .precise = "The keyword must not occur as a whole word in any case, anywhere (at the start or end, before punctuation, next to a tab or newline, in capitals): the compat padding spaces no longer leave those gaps. Format characters are ignored ('c\\u200bat' is 'cat'). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "keywords:palindrome", IT, .summary = "Include a palindrome.",
     .check = check_palindrome, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff some `value.split()` token equals its reverse.",
     .quirks = "'a', 'I', '.' and any single character pass. Case-sensitive ('Racecar' fails); "
               "punctuation stays attached ('racecar,' fails).",
     .precise = "A palindrome is a word of 3 or more word characters (surrounding punctuation removed), read case-insensitively: 'Racecar,' and 'wow' count; 'a', 'I' and '.' do not. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "keywords:keyword_specific_position", IT,
     .summary = "The keyword is the m-th token of the n-th sentence.",
     .kwargs = kw_position, .parse = parse_position, .check = check_position, .flags = R,
     .rule = "With `s = split_into_sentences(value)` (IFEvalG's regex splitter), followed iff "
             "`len(s) >= n`, `w = word_tokenize(s[n - 1])` (NLTK 3.9.2) has `len(w) >= m`, and "
             "`w[m - 1] == keyword`.",
     .quirks = "Case-sensitive; punctuation tokens count as positions. n = 0 or m = 0 makes "
               "the reference draw at random: an error here.",
     .precise = "Same as compat: the rule is exact (the m-th token of the n-th sentence). Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "keywords:start_end", IT, .summary = "Start and end the response with the same word.",
     .check = check_start_end, .flags = IFR_CHECKER_HACKABLE,
     .rule = "With `w = word_tokenize(value)` (NLTK 3.9.2), followed iff `len(w) >= 2` and "
             "`w[0].lower() == w[-1].lower()`.",
     .quirks = "A final period is the last token ('Hello ... hello.' fails); '... x ...' "
               "passes; quotes become `` and '' tokens.",
     .precise = "The first and last tokens with a word character are compared (punctuation tokens such as '...' or a final '.' are skipped), and they must be two different tokens: '... x ...' fails, 'Hello ... hello.' passes. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
