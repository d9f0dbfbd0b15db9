/*
 * startend.c - IFEval's startend:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, EndChecker, QuotationChecker).
 */
#include "precise.h"

#include <string.h>

/* MARK: startend:end_checker ---------------------------------------------- */

typedef struct end_args {
    ifr__ck_str phrase; /* end_phrase.strip().lower() */
} end_args;

static const ifr__kwspec end_kwargs[] = {
    {"end_phrase", IFR__KW_STR, IFR__KW_REQUIRED, "phrase the response must end with"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int end_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "end_phrase", "missing (required)");
    end_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "end_phrase", "out of memory");
    /* build_description strips; check_following strips again and lowers. */
    int rc = ifr__ck_pystr(pc, "end_phrase", vals[0].s, vals[0].slen,
                           IFR__CK_STRIP | IFR__CK_LOWER, &a->phrase);
    if (rc != IFR_OK)
        return rc;
    *out = a;
    return IFR_OK;
}

static bool end_decor(uint32_t c)
{
    return ifr__pr_invisible(c) || c == '"' || c == '\'' || c == '*' || c == '_' || c == '`' ||
           c == 0x201D || c == 0x2019 || c == 0x00BB;
}

/*
 * Precise: after the phrase only whitespace, quotes (straight or curly) and
 * markdown emphasis may follow; the phrase starts at a word boundary ("any
 * other questions?" does not end "Many other questions?"); a blank phrase
 * is not a phrase.
 */
static int end_precise(const end_args *a, ifr__text *t, ifr__check_ctx *cx)
{
    const ifr__ck_str *p = &a->phrase;
    size_t e = t->ncp;
    while (e > 0 && end_decor(t->cp[e - 1]))
        e--;
    uint32_t *lo;
    size_t nlo;
    int rc = ifr__py_lower(t->cp, e, t->arena, &lo, &nlo);
    if (rc != IFR_OK)
        return rc;
    /* the phrase itself may end with decoration ("... P.S.*"): compare its core */
    size_t pe = p->ncp;
    while (pe > 0 && end_decor(p->cp[pe - 1]))
        pe--;
    bool ok = pe > 0 && nlo >= pe && memcmp(lo + (nlo - pe), p->cp, pe * sizeof *lo) == 0;
    if (ok && nlo > pe && ifr__pr_wordch(p->cp[0]) && ifr__pr_wordch(lo[nlo - pe - 1]))
        ok = false;
    bool body = ok && ifr__pr_has_word(lo, nlo - pe);
    if (ok && !body) {
        /* precise: the phrase ends a response; the phrase alone is no response */
        cx->followed = false;
        ifr__detail(cx, "the response is only the end phrase; it must end a response");
        return IFR_OK;
    }
    cx->followed = ok;
    char q[96], tail[96];
    if (ok) {
        ifr__detail(cx, "ends with \"%s\"", ifr__ck_quote(q, sizeof q, p->s, p->n, 60));
    } else {
        size_t k = nlo < 24 ? nlo : 24;
        ifr__detail(cx, "ends with \"%s%s\"; needs to end with \"%s\" (only quotes or "
                        "whitespace after it)", nlo > k ? "..." : "",
                    ifr__ck_quote_cp(tail, sizeof tail, lo + (nlo - k), k, 60),
                    ifr__ck_quote(q, sizeof q, p->s, p->n, 60));
    }
    return IFR_OK;
}

static int end_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const end_args *a = args;
    if (ifr__pr_on(cx))
        return end_precise(a, t, cx);
    size_t b, e;
    ifr__py_strip(t->cp, t->ncp, &b, &e);
    static const uint32_t dq = '"';
    size_t b2, e2;
    ifr__py_strip_chars(t->cp + b, e - b, &dq, 1, true, true, &b2, &e2);
    uint32_t *lo;
    size_t nlo;
    int rc = ifr__py_lower(t->cp + b + b2, e2 - b2, t->arena, &lo, &nlo);
    if (rc != IFR_OK)
        return rc;
    const ifr__ck_str *p = &a->phrase;
    cx->followed = nlo >= p->ncp &&
                   (p->ncp == 0 ||
                    memcmp(lo + (nlo - p->ncp), p->cp, p->ncp * sizeof *lo) == 0);
    char q[96], tail[96];
    if (cx->followed) {
        ifr__detail(cx, "ends with \"%s\"", ifr__ck_quote(q, sizeof q, p->s, p->n, 60));
    } else {
        size_t k = nlo < 24 ? nlo : 24;
        ifr__detail(cx, "ends with \"%s%s\"; needs to end with \"%s\"", nlo > k ? "..." : "",
                    ifr__ck_quote_cp(tail, sizeof tail, lo + (nlo - k), k, 60),
                    ifr__ck_quote(q, sizeof q, p->s, p->n, 60));
    }
    return IFR_OK;
}

/* MARK: startend:quotation ------------------------------------------------ */

static int quotation_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t b, e;
    ifr__py_strip(t->cp, t->ncp, &b, &e);
    if (ifr__pr_on(cx)) {
        /* precise: straight or curly quotes around text with a word in it */
        while (b < e && ifr__pr_invisible(t->cp[b]))
            b++;
        while (e > b && ifr__pr_invisible(t->cp[e - 1]))
            e--;
        bool open = e > b && (t->cp[b] == '"' || t->cp[b] == 0x201C);
        bool close = e > b + 1 && (t->cp[e - 1] == '"' || t->cp[e - 1] == 0x201D);
        bool word = open && close && ifr__pr_has_word(t->cp + b + 1, e - b - 2);
        cx->followed = open && close && word;
        ifr__detail(cx, cx->followed ? "wrapped in double quotes"
                        : !open || !close ? "not wrapped in double quotes (after stripping "
                                            "whitespace)"
                                          : "nothing but quotes: needs text inside them");
        return IFR_OK;
    }
    bool first = e > b && t->cp[b] == '"';
    bool last = e > b && t->cp[e - 1] == '"';
    cx->followed = e - b > 1 && first && last;
    if (cx->followed)
        ifr__detail(cx, "wrapped in double quotes");
    else if (e - b <= 1)
        ifr__detail(cx, "too short to be wrapped in double quotes");
    else if (!first)
        ifr__detail(cx, "does not start with '\"' (after stripping whitespace)");
    else
        ifr__detail(cx, "does not end with '\"' (after stripping whitespace)");
    return IFR_OK;
}

const ifr__checker ifr__family_startend[] = {
    {
        .id = "startend:end_checker",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response ends with a given phrase (case-insensitive).",
        .kwargs = end_kwargs,
        .parse = end_parse,
        .check = end_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `response.strip().strip('\"').lower()` ends with "
                "`end_phrase.strip().lower()` (Python str methods: Unicode whitespace, full "
                "lowercase mapping with the final-sigma rule).",
        .quirks = "Only ASCII double quotes are stripped from the ends (not ', not curly "
                  "quotes), and only after the whitespace strip, so whitespace inside a "
                  "closing quote remains and fails. A trailing period after the phrase fails. "
                  "An empty end_phrase always passes. The reference draws a random phrase "
                  "when end_phrase is null; here it is an error.",
        .precise = "After the phrase only whitespace, quotes (straight or curly), '*', '_' and '`' may follow (so '**phrase**' and a curly-quoted phrase pass), and the phrase must start at a word boundary ('any other questions?' does not end 'Many other questions?'). A blank phrase never matches, and the phrase alone (no word before it) is not a response.",
    },
    {
        .id = "startend:quotation",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response is wrapped in double quotation marks.",
        .kwargs = NULL,
        .parse = NULL,
        .check = quotation_check,
        .flags = IFR_CHECKER_HACKABLE,
        .rule = "With `t = response.strip()`: followed iff `len(t) > 1` and `t[0] == '\"'` "
                "and `t[-1] == '\"'`.",
        .quirks = "ASCII '\"' only (curly quotes fail). The two-character response '\"\"' "
                  "passes, as does any text between two quotes, including several quoted "
                  "parts ('\"a\" and \"b\"').",
        .precise = "The stripped response starts and ends with a double quote, straight or curly (“...”), and the inside has a word character: '\"\"', '\" \"', '\"\\u200b\"' and '\"...\"' fail.",
    },
    {0},
};
