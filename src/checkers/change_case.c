/*
 * change_case.c - IFEval's change_case:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, CapitalWordFrequencyChecker,
 * CapitalLettersEnglishChecker, LowercaseLettersEnglishChecker).
 * The token counts come from the nltk.word_tokenize port (src/nlp/), the
 * language from the langdetect port (src/nlp/langdetect.c).
 */
#include "util.h"

#include "../nlp/langdetect.h"

/* MARK: change_case:capital_word_frequency -------------------------------- */

typedef struct capital_args {
    int64_t n;
    ifr__relation rel;
} capital_args;

static const ifr__kwspec capital_kwargs[] = {
    {"capital_frequency", IFR__KW_INT, IFR__KW_REQUIRED,
     "threshold number of all-capital words (any integer, as in the reference)"},
    {"capital_relation", IFR__KW_STR, IFR__KW_REQUIRED, "\"less than\" or \"at least\""},
    {NULL, IFR__KW_END, 0, NULL},
};

static int capital_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    /* the reference draws a random frequency only when it is None; a negative
     * one is kept (then "at least" always holds, "less than" never does) */
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "capital_frequency", "missing (required)");
    capital_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "capital_frequency", "out of memory");
    int rc = ifr__parse_relation(pc, "capital_relation", &vals[1], &a->rel);
    if (rc != IFR_OK)
        return rc;
    a->n = vals[0].i;
    *out = a;
    return IFR_OK;
}

static int capital_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const capital_args *a = args;
    const ifr__ustr *tk;
    size_t nt;
    int rc = ifr__text_tokens(t, IFR__NLTK_38, &tk, &nt);
    if (rc != IFR_OK)
        return rc;
    size_t caps = 0;
    for (size_t i = 0; i < nt; i++)
        caps += ifr__py_str_isupper(tk[i].p, tk[i].n);
    cx->followed = ifr__relation_holds(a->rel, (int64_t)caps, a->n);
    ifr__detail(cx, "%zu all-capital word%s; needs %s %lld", caps, caps == 1 ? "" : "s",
                ifr__relation_name(a->rel), (long long)a->n);
    return IFR_OK;
}

/* MARK: change_case:english_capital / english_lowercase ------------------ */

/* The reference: `text.isupper() and langdetect.detect(text) == "en"` (resp.
 * islower); LangDetectException -> True. Only text that passes the case test
 * is ever detected. */
static int english_case_check(ifr__text *t, ifr__check_ctx *cx, bool upper)
{
    bool cased = upper ? ifr__py_str_isupper(t->cp, t->ncp) : ifr__py_str_islower(t->cp, t->ncp);
    if (!cased) {
        cx->followed = false;
        ifr__detail(cx, upper ? "not all upper case (str.isupper() is false)"
                              : "not all lower case (str.islower() is false)");
        return IFR_OK;
    }
    return ifr__ck_detect_is(t, cx, "en", upper ? "all upper case, " : "all lower case, ");
}

static int english_capital_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    return english_case_check(t, cx, true);
}

static int english_lowercase_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    return english_case_check(t, cx, false);
}

const ifr__checker ifr__family_change_case[] = {
    {
        .id = "change_case:capital_word_frequency",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Words in all capital letters appear less than / at least N times.",
        .kwargs = capital_kwargs,
        .parse = capital_parse,
        .check = capital_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Tokenize with nltk.word_tokenize (NLTK 3.8: Punkt English sentences, then "
                "NLTKWordTokenizer on each), count the tokens t with t.isupper() (at least "
                "one cased character and no lower-case or title-case one), and compare "
                "with capital_frequency: 'less than' is <, 'at least' is >=.",
        .quirks = "Token shapes decide: 'I', 'A', 'OK', 'U.S.', 'COVID-19', 'R2-D2' and the "
                  "clitic of \"NASA'S\" ('S) each count; \"DON'T\" gives 'DO' and \"N'T\" "
                  "(2); '**BOLD**' gives one capital token. Digits, punctuation, CJK and "
                  "emoji are uncased, so 'A1' counts and '123' does not; a title-case "
                  "letter (U+01C5) makes a token not upper. An answer can reach 'at least N' "
                  "by repeating 'I' or 'A'. A negative capital_frequency is kept as in the "
                  "reference (only a missing one is random there; here it is an error).",
        .precise = NULL,
    },
    {
        .id = "change_case:english_capital",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response is English and entirely in capital letters.",
        .kwargs = NULL,
        .parse = NULL,
        .check = english_capital_check,
        .flags = IFR_CHECKER_LANGDETECT | IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `response.isupper() and langdetect.detect(response) == \"en\"` "
                "(langdetect 1.0.9 with seed 0; see language:response_language). When "
                "langdetect raises (no letter n-gram) the reference returns True.",
        .quirks = "isupper() needs one cased character and no lower-case or title-case one: "
                  "digits, punctuation and CJK are ignored, '123' is not upper (fails "
                  "without detection), a title-case letter (U+01C5) fails it. Upper-case "
                  "text without language features passes: circled or mathematical capitals "
                  "(U+24B6, U+1D400) are upper but in no profile (\"no language features; "
                  "passes in compat\"). Words in capitals give langdetect only their first "
                  "letter, so detection runs on initials. A lower-case 'https://' breaks "
                  "isupper() before the URL is removed.",
        .precise = "Upper-case text without language features fails instead of passing.",
    },
    {
        .id = "change_case:english_lowercase",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response is English and entirely in lower-case letters.",
        .kwargs = NULL,
        .parse = NULL,
        .check = english_lowercase_check,
        .flags = IFR_CHECKER_LANGDETECT | IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `response.islower() and langdetect.detect(response) == \"en\"` "
                "(langdetect 1.0.9 with seed 0; see language:response_language). When "
                "langdetect raises (no letter n-gram) the reference returns True.",
        .quirks = "islower() needs one cased character and no upper-case or title-case one: "
                  "'\xc3\x9f' is lower case, '123' is not (fails without detection). "
                  "Lower-case text without language features passes: a lone lower-case URL "
                  "or e-mail address (removed before detection), circled small letters "
                  "(U+24D0) (\"no language features; passes in compat\"). Only the first "
                  "10,000 characters are detected.",
        .precise = "Lower-case text without language features fails instead of passing.",
    },
    {0},
};
