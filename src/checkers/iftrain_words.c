/*
 * iftrain_words.c - IFEvalG's first_word:* and last_word:* constraints,
 * open-instruct e6c3044.
 */
#include "../ifreward_internal.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"
#include "precise.h"

typedef struct word_args {
    ifr__ustr lower; /* word.strip().lower() */
} word_args;

static int parse_word(ifr__parse_ctx *pc, const ifr__kwval *v, const char *key,
                      const void **args)
{
    word_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    ifr__ustr w;
    bool empty = false;
    int rc = ifr__ift_kwarg_word(pc, v, &w, &empty);
    if (rc != IFR_OK)
        return rc;
    if (empty)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "%s must be a non-empty string (the reference draws a random "
                                "word)", key);
    return ifr__cps_lower_kwarg(pc, &w, &a->lower);
}

static int parse_first(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    return parse_word(pc, &vals[0], "first_word", args);
}

static int parse_last(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    return parse_word(pc, &vals[0], "last_word", args);
}

/* token.lower() == want */
static int token_is(ifr__text *t, const uint32_t *p, size_t n, const ifr__ustr *want,
                    bool *eq)
{
    uint32_t *lo = NULL;
    size_t nlo = 0;
    int rc = ifr__py_lower(p, n, t->arena, &lo, &nlo);
    *eq = rc == IFR_OK && ifr__cps_eq(lo, nlo, want->p, want->n);
    return rc;
}

/* re.sub(r"[^\w\s]", "", token).lower() == want (a split() token has no \s) */
static int last_token_is(ifr__text *t, const uint32_t *p, size_t n, const ifr__ustr *want,
                         bool *eq)
{
    uint32_t *w = ifr__arena_alloc(t->arena, (n + 1) * sizeof *w);
    if (!w)
        return IFR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (ifr__py_isword(p[i]) || ifr__py_isspace(p[i]))
            w[k++] = p[i];
    }
    return token_is(t, w, k, want, eq);
}

static int check_sentences(const word_args *a, ifr__text *t, bool last, ifr__check_ctx *cx)
{
    ifr__ustr *s = NULL;
    size_t ns = 0;
    int rc = ifr__rsent_split(t->arena, t->cp, t->ncp, &s, &ns);
    if (rc != IFR_OK)
        return rc;
    for (size_t k = 0; k < ns; k++) {
        size_t pos = 0, b, e, tb = 0, te = 0;
        bool any = false;
        while (ifr__py_split_next(s[k].p, s[k].n, &pos, &b, &e)) {
            if (!any || last) {
                tb = b;
                te = e;
            }
            any = true;
            if (!last)
                break;
        }
        if (!any) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu is empty", k + 1);
            return IFR_OK;
        }
        bool eq = false;
        rc = last ? last_token_is(t, s[k].p + tb, te - tb, &a->lower, &eq)
                  : token_is(t, s[k].p + tb, te - tb, &a->lower, &eq);
        if (rc != IFR_OK)
            return rc;
        if (!eq) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu of %zu does not %s with the word", k + 1, ns,
                        last ? "end" : "start");
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "all %zu sentences %s with the word", ns, last ? "end" : "start");
    return IFR_OK;
}

static int check_first_sent(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    return check_sentences(args, t, false, cx);
}

static int check_last_sent(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    return check_sentences(args, t, true, cx);
}

static int check_answer(const word_args *a, ifr__text *t, bool last, ifr__check_ctx *cx)
{
    size_t pos = 0, b, e, tb = 0, te = 0;
    bool any = false;
    while (ifr__py_split_next(t->cp, t->ncp, &pos, &b, &e)) {
        if (!any || last) {
            tb = b;
            te = e;
        }
        any = true;
        if (!last)
            break;
    }
    if (!any) {
        if (last) {
            ifr__detail(cx, "no words (the reference raises IndexError)");
            return IFR_E_UNSUPPORTED;
        }
        cx->followed = false;
        ifr__detail(cx, "no words");
        return IFR_OK;
    }
    bool eq = false;
    if (!last && ifr__pr_on(cx)) {
        /* precise: the first run of word characters, after leading markdown and
         * quotes, must be the whole word ('**Yes**,' and '"Yes,' start with 'yes') */
        size_t i = 0;
        while (i < t->ncp && !ifr__py_isword(t->cp[i]))
            i++;
        size_t j = i;
        while (j < t->ncp && ifr__pr_wordch(t->cp[j]))
            j++;
        uint32_t *lo;
        size_t nlo;
        int rc = ifr__py_lower(t->cp + i, j - i, t->arena, &lo, &nlo);
        if (rc != IFR_OK)
            return rc;
        eq = ifr__cps_eq(lo, nlo, a->lower.p, a->lower.n);
        cx->followed = eq;
        ifr__detail(cx, eq ? "the first word matches" : "the first word differs");
        return IFR_OK;
    }
    int rc = last ? last_token_is(t, t->cp + tb, te - tb, &a->lower, &eq)
                  : token_is(t, t->cp + tb, te - tb, &a->lower, &eq);
    if (rc != IFR_OK)
        return rc;
    cx->followed = eq;
    ifr__detail(cx, eq ? "the %s word matches" : "the %s word differs", last ? "last" : "first");
    return IFR_OK;
}

static int check_first_answer(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    return check_answer(args, t, false, cx);
}

static int check_last_answer(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    return check_answer(args, t, true, cx);
}

#define REQ IFR__KW_REQUIRED
#define END {NULL, IFR__KW_END, 0, NULL}
static const ifr__kwspec kw_first_list[] = {
    {"first_word", IFR__KW_STR_OR_LIST, REQ, "the word (a list: its first element)"}, END};
static const ifr__kwspec kw_first[] = {{"first_word", IFR__KW_STR, REQ, "the word"}, END};
static const ifr__kwspec kw_last_list[] = {
    {"last_word", IFR__KW_STR_OR_LIST, REQ, "the word (a list: its first element)"}, END};
static const ifr__kwspec kw_last[] = {{"last_word", IFR__KW_STR, REQ, "the word"}, END};

#define IT .suite = IFR__SUITE_IFTRAIN
#define R IFR_CHECKER_RANDOM

const ifr__checker ifr__family_iftrain_words[] = {
    {.id = "first_word:first_word_sent", IT, .summary = "Every sentence starts with the word.",
     .kwargs = kw_first_list, .parse = parse_first, .check = check_first_sent, .flags = R,
     .rule = "Followed iff every sentence s of `split_into_sentences(value)` (IFEvalG's regex "
             "splitter) is non-blank and `s.split()[0].lower() == first_word.strip().lower()`.",
     .quirks = "Punctuation stays attached ('Word,' and '\"Word\"' fail). 'Mr.' does not split; "
               "'...' does. A list first_word uses its first element; an empty one makes the "
               "reference draw at random: an error here.",
     .precise = "Same as compat: the attached-punctuation rule only rejects more. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "first_word:first_word_answer", IT, .summary = "The response starts with the word.",
     .kwargs = kw_first, .parse = parse_first, .check = check_first_answer, .flags = R,
     .rule = "Followed iff `value.split()[0].lower() == first_word.strip().lower()`.",
     .quirks = "Punctuation and zero-width characters stay attached ('word,', 'word\\u200b' "
               "and '**word**' fail).",
     .precise = "The first word is the first run of word characters after leading markdown and quotes, and must be the whole word: '**Yes**, indeed.' starts with 'yes' (compat fails it), 'Yesterday' does not. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "last_word:last_word_sent", IT, .summary = "Every sentence ends with the word.",
     .kwargs = kw_last_list, .parse = parse_last, .check = check_last_sent, .flags = R,
     .rule = "Followed iff every sentence s of `split_into_sentences(value)` is non-blank and "
             "`re.sub(r\"[^\\w\\s]\", \"\", s.split()[-1]).lower() == "
             "last_word.strip().lower()`.",
     .quirks = "Every non-\\w character is removed, hyphens and apostrophes included "
               "('sentence-like' becomes 'sentencelike'); '_' and digits stay.",
     .precise = "Same as compat: the rule is exact per sentence. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "last_word:last_word_answer", IT, .summary = "The response ends with the word.",
     .kwargs = kw_last, .parse = parse_last, .check = check_last_answer, .flags = R,
     .rule = "Followed iff `re.sub(r\"[^\\w\\s]\", \"\", value.split()[-1]).lower() == "
             "last_word.strip().lower()`.",
     .quirks = "'(door)' passes for 'door'; 'door_x' fails. A text without tokens gives "
               "IFR_E_UNSUPPORTED (IndexError), which the blank gate normally prevents.",
     .precise = "Same as compat: the rule is exact. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
