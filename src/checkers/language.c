/*
 * language.c - IFEval's language:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, ResponseLanguageChecker).
 *
 * Language identification is the exact langdetect 1.0.9 port in
 * src/nlp/langdetect.c, seeded with 0 (the reference is unseeded; see
 * docs/LANGDETECT.md), cached per text by ifr__text_language.
 */
#include "../nlp/langdetect.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* MARK: language:response_language --------------------------------------- */

typedef struct response_language_args {
    int lang; /* index into langdetect's profile list */
} response_language_args;

static const ifr__kwspec response_language_kwargs[] = {
    {"language", IFR__KW_STR, IFR__KW_REQUIRED,
     "ISO 639-1 code as langdetect spells it (\"en\", \"hi\", \"zh-cn\", ...)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int response_language_parse(ifr__parse_ctx *pc, const ifr__kwval *vals,
                                   const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "language", "missing (required)");
    int lang = ifr__langdetect_find(vals[0].s, vals[0].slen);
    if (lang < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "language",
                                "not a langdetect language code (one of its 55 profiles, "
                                "e.g. \"en\", \"de\", \"zh-cn\")");
    response_language_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "language", "out of memory");
    a->lang = lang;
    *out = a;
    return IFR_OK;
}

int ifr__ck_detect_is(ifr__text *t, ifr__check_ctx *cx, const char *want, const char *what)
{
    const ifr__lang *lang;
    int rc = ifr__text_language(t, &lang);
    if (rc != IFR_OK)
        return rc;
    if (lang->status == IFR_E_NOFEATURES) {
        /* the reference catches LangDetectException and returns True;
         * precise semantics refuses to pass a text it cannot judge */
        if (cx->semantics == IFR_SEMANTICS_PRECISE) {
            cx->followed = false;
            ifr__detail(cx, "%sno language features (no letters); fails in precise", what);
        } else {
            cx->followed = true;
            ifr__detail(cx, "%sno language features; passes in compat", what);
        }
        return IFR_OK;
    }
    cx->followed = strcmp(lang->code, want) == 0;
    if (strcmp(lang->code, "unknown") == 0) {
        ifr__detail(cx, "%sno language above 0.1 (\"unknown\"); needs \"%s\"", what, want);
        return IFR_OK;
    }
    /* After an early exit (fewer than 7 trials) the probability is only known
     * to be at least the leader's partial sum: say so, rounded down. */
    char p[48];
    if (lang->trials < 7) {
        double lo = floor(lang->prob * 1000.0);
        if (lo / 1000.0 > lang->prob)
            lo -= 1.0;
        snprintf(p, sizeof p, "p>=%.3f after %d of 7 trials", lo / 1000.0, lang->trials);
    } else {
        snprintf(p, sizeof p, "p=%.3f", lang->prob);
    }
    if (cx->followed)
        ifr__detail(cx, "%sdetected \"%s\" (%s)", what, lang->code, p);
    else
        ifr__detail(cx, "%sdetected \"%s\" (%s); needs \"%s\"", what, lang->code, p, want);
    return IFR_OK;
}

static int response_language_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const response_language_args *a = args;
    return ifr__ck_detect_is(t, cx, ifr__langdetect_code((size_t)a->lang), "");
}

const ifr__checker ifr__family_language[] = {
    {
        .id = "language:response_language",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response is in the given language (langdetect 1.0.9, seed 0).",
        .kwargs = response_language_kwargs,
        .parse = response_language_parse,
        .check = response_language_check,
        .flags = IFR_CHECKER_LANGDETECT | IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
        .rule = "Followed iff `langdetect.detect(response) == language`, with "
                "`DetectorFactory.seed = 0`: URLs and e-mail addresses removed, the first "
                "10,000 characters read, 7 trials of random n-gram draws, the most probable "
                "language above 0.1 (else \"unknown\", which never matches). When langdetect "
                "raises (no letter n-gram in the text) the reference catches the exception "
                "and returns True.",
        .quirks = "No language features (digits, punctuation, emoji, URLs or e-mail "
                  "addresses only): passes (\"no language features; passes in compat\"). "
                  "Only the first 10,000 characters (after URL and e-mail removal) are "
                  "read, so a long correct prefix can hide anything after it. Latin letters "
                  "are dropped when they are fewer than half the characters at or above "
                  "U+0300. The reference is unseeded and can change its answer from run to "
                  "run on short or mixed texts; ifreward is fixed to seed 0, which the "
                  "conformance data uses. `language` must be one of langdetect's 55 profile "
                  "codes (an IFR_E_KWARGS error otherwise; the reference would fail every "
                  "response).",
        .precise = "A text without language features fails instead of passing.",
    },
    {0},
};
