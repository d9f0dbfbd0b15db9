/*
 * iftrain_letters.c - IFEvalG's letters:letter_counting and
 * letters:letter_counting2, open-instruct e6c3044.
 */
#include "../ifreward_internal.h"
#include "precise.h"
#include "../text/pycompat.h"
#include "iftrain_util.h"

#include <string.h>

typedef struct letter_args {
    int64_t n;
    int rel;          /* letter_counting: 0 at least, 1 less than, -1 other (None) */
    ifr__relation relation;
    uint32_t letter;  /* letter_counting2: the lower-case letter */
} letter_args;

static int parse_counting(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    letter_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    int rc = ifr__ift_kwarg_nonzero(pc, &vals[0], "N", &a->n);
    if (rc != IFR_OK)
        return rc;
    if (!vals[1].present || vals[1].slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "relation",
                                "relation must be set (the reference draws a random one)");
    if (vals[1].slen == 8 && memcmp(vals[1].s, "at least", 8) == 0)
        a->rel = 0;
    else if (vals[1].slen == 9 && memcmp(vals[1].s, "less than", 9) == 0)
        a->rel = 1;
    else
        a->rel = -1; /* the reference returns None (falsy) */
    return IFR_OK;
}

static int check_counting(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const letter_args *a = args;
    int64_t count = 0;
    for (size_t i = 0; i < t->ncp; i++) {
        uint32_t c = t->cp[i];
        count += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    cx->followed = a->rel == 0 ? count >= a->n : a->rel == 1 ? count < a->n : false;
    ifr__detail(cx, "%lld ASCII letters; needs %s %lld", (long long)count,
                a->rel == 0 ? "at least" : a->rel == 1 ? "less than" : "(unknown relation)",
                (long long)a->n);
    return IFR_OK;
}

static int parse_counting2(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    letter_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    *args = a;
    /* if not letter or len(letter) > 1 or not 'a' <= letter.lower() <= 'z': random */
    ifr__ustr l = {NULL, 0};
    int rc = ifr__cps_from_kwarg(pc, vals[0].s, vals[0].slen, &l);
    if (rc != IFR_OK)
        return rc;
    uint32_t lo[3];
    size_t nlo = l.n == 1 ? ifr__py_lower1(l.p[0], lo) : 0;
    if (nlo != 1 || lo[0] < 'a' || lo[0] > 'z')
        return ifr__parse_error(pc, IFR_E_KWARGS, "letter",
                                "letter must be one character whose lower case is a-z (the "
                                "reference draws a random letter otherwise)");
    a->letter = lo[0];
    if (vals[1].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "let_frequency",
                                "let_frequency must be >= 0 (the reference draws a random "
                                "one)");
    a->n = vals[1].i;
    return ifr__parse_relation(pc, "let_relation", &vals[2], &a->relation);
}

/* collections.Counter(value.lower())[letter] */
static int check_counting2(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const letter_args *a = args;
    int64_t count = 0;
    uint32_t m[3];
    if (ifr__pr_on(cx) && a->letter >= 'a' && a->letter <= 'z') {
        /* precise: accented and look-alike forms count (see keywords:letter_frequency) */
        count = (int64_t)ifr__pr_letter_count(t, a->letter);
    } else {
        for (size_t i = 0; i < t->ncp; i++) {
            size_t k = ifr__py_lower1(t->cp[i], m);
            for (size_t j = 0; j < k; j++)
                count += m[j] == a->letter;
        }
    }
    cx->followed = ifr__relation_holds(a->relation, count, a->n);
    ifr__detail(cx, "'%c' occurs %lld times (case-insensitive); needs %s %lld", (int)a->letter,
                (long long)count, ifr__relation_name(a->relation), (long long)a->n);
    return IFR_OK;
}

#define REQ IFR__KW_REQUIRED
#define END {NULL, IFR__KW_END, 0, NULL}
static const ifr__kwspec kw_counting[] = {
    {"N", IFR__KW_INT, REQ, "the threshold"},
    {"relation", IFR__KW_STR, REQ, "\"at least\" or \"less than\" (others never pass)"}, END};
static const ifr__kwspec kw_counting2[] = {
    {"letter", IFR__KW_STR, REQ, "a letter a-z or A-Z"},
    {"let_frequency", IFR__KW_INT, REQ, "the threshold"},
    {"let_relation", IFR__KW_STR, REQ, "\"less than\" or \"at least\""}, END};

#define IT .suite = IFR__SUITE_IFTRAIN
#define R IFR_CHECKER_RANDOM

const ifr__checker ifr__family_iftrain_letters[] = {
    {.id = "letters:letter_counting", IT, .summary = "At least / less than N letters.",
     .kwargs = kw_counting, .parse = parse_counting, .check = check_counting, .flags = R,
     .rule = "With `c = len(re.findall(r\"[a-zA-Z]\", value))`: 'at least' is c >= N, 'less "
             "than' is c < N.",
     .quirks = "ASCII letters only. Any other relation never passes (the reference returns "
               "None). N = 0 or an empty relation makes it draw at random: an error here.",
     .precise = "Same as compat: ASCII letters counted exactly. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {.id = "letters:letter_counting2", IT,
     .summary = "The letter occurs less than / at least N times (case-insensitive).",
     .kwargs = kw_counting2, .parse = parse_counting2, .check = check_counting2, .flags = R | IFR_CHECKER_HACKABLE,
     .rule = "With `c = collections.Counter(value.lower())[letter.lower()]`: 'less than' is "
             "c < let_frequency, 'at least' is c >= let_frequency.",
     .quirks = "IFEval's letter_frequency. Full Unicode lower() of the text: 'İ' (U+0130) adds "
               "an 'i'. A letter that is not one character lowering to a-z (e.g. '#') makes "
               "the reference draw a random letter: an error here.",
     .precise = "Accented, compatibility and (inside words with Latin letters) Cyrillic/Greek look-alike forms of the letter count, as in IFEval keywords:letter_frequency precise. Invisible-only text (ZWSP, BOM, ...) fails (precise scoring layer)."},
    {0},
};
