/*
 * detectable_content.c - IFEval's detectable_content:* checkers (Google's
 * reference: instruction_following_eval/instructions.py, PlaceholderChecker,
 * PostscriptChecker).
 */
#include "precise.h"

#include <string.h>

/* MARK: detectable_content:number_placeholders ---------------------------- */

typedef struct count_args {
    int64_t n;
} count_args;

static const ifr__kwspec placeholders_kwargs[] = {
    {"num_placeholders", IFR__KW_INT, IFR__KW_REQUIRED, "minimum number of [placeholders]"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int placeholders_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_placeholders", "missing (required)");
    if (vals[0].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_placeholders",
                                "must be >= 0, not %lld", (long long)vals[0].i);
    count_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "num_placeholders", "out of memory");
    a->n = vals[0].i;
    *out = a;
    return IFR_OK;
}

/*
 * len(re.findall(r"\[.*?\]", text)): from each '[' the lazy `.*?` reaches
 * the first ']' unless a '\n' comes first ('.' excludes only '\n'); the scan
 * resumes after the ']' (non-overlapping).
 */
static size_t count_placeholders(const uint32_t *cp, const char *ascii, size_t n)
{
    size_t count = 0;
    size_t i = 0;
    while (i < n) {
        if (cp[i] != '[') {
            i = ifr__ck_find(cp, ascii, n, i, '[');
            continue;
        }
        size_t j = i + 1;
        while (j < n && cp[j] != ']' && cp[j] != '\n')
            j++;
        if (j < n && cp[j] == ']') {
            count++;
            i = j + 1;
        } else {
            i = j; /* every '[' before j would stop at the same '\n' (or end) */
        }
    }
    return count;
}

static int placeholders_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const count_args *a = args;
    if (ifr__pr_on(cx)) {
        size_t found = ifr__pr_count_placeholders(t->cp, t->ncp);
        cx->followed = (int64_t)found >= a->n;
        ifr__detail(cx, "found %zu placeholder%s like [name] (with a letter inside, not a "
                        "link); needs at least %lld", found, found == 1 ? "" : "s",
                    (long long)a->n);
        return IFR_OK;
    }
    size_t found = count_placeholders(t->cp, ifr__text_ascii(t), t->ncp);
    cx->followed = (int64_t)found >= a->n;
    ifr__detail(cx, "found %zu placeholder%s like [name]; needs at least %lld", found,
                found == 1 ? "" : "s", (long long)a->n);
    return IFR_OK;
}

/* MARK: detectable_content:postscript ------------------------------------- */

typedef enum ps_kind { PS_PPS, PS_PS, PS_REGEX } ps_kind;

typedef struct ps_args {
    ps_kind kind;
    const ifr__regex *lit; /* precise, PS_REGEX: the lowered marker, literal */
    const ifr__regex *rx;  /* PS_REGEX: r"\s*" + marker.lower() + r".*$", MULTILINE */
    ifr__ck_str marker;    /* stripped marker, for details */
} ps_args;

static const ifr__kwspec ps_kwargs[] = {
    {"postscript_marker", IFR__KW_STR, IFR__KW_REQUIRED,
     "marker starting the postscript (\"P.S.\", \"P.P.S\", or a Python regex)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int ps_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "postscript_marker", "missing (required)");
    ps_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "postscript_marker", "out of memory");
    int rc = ifr__ck_pystr(pc, "postscript_marker", vals[0].s, vals[0].slen, IFR__CK_STRIP,
                           &a->marker);
    if (rc != IFR_OK)
        return rc;
    if (a->marker.n == 5 && memcmp(a->marker.s, "P.P.S", 5) == 0) {
        a->kind = PS_PPS;
    } else if (a->marker.n == 4 && memcmp(a->marker.s, "P.S.", 4) == 0) {
        a->kind = PS_PS;
    } else {
        /* any other marker is lowercased and used as a regex, unescaped */
        a->kind = PS_REGEX;
        ifr__ck_str lo;
        rc = ifr__ck_pystr(pc, "postscript_marker", a->marker.s, a->marker.n, IFR__CK_LOWER,
                           &lo);
        if (rc != IFR_OK)
            return rc;
        size_t plen = 3 + lo.n + 3;
        char *pat = ifr__parse_alloc(pc, plen + 1);
        if (!pat)
            return ifr__parse_error(pc, IFR_E_NOMEM, "postscript_marker", "out of memory");
        memcpy(pat, "\\s*", 3);
        memcpy(pat + 3, lo.s, lo.n);
        memcpy(pat + 3 + lo.n, ".*$", 3);
        pat[plen] = '\0';
        if (ifr__parse_semantics(pc) == IFR_SEMANTICS_PRECISE) {
            /* a blank marker stays NULL: no postscript can start with it */
            rc = lo.ncp ? ifr__parse_regex(pc, "postscript_marker", lo.s, lo.n,
                                           IFR__RX_LITERAL, &a->lit)
                        : IFR_OK;
        } else {
            rc = ifr__parse_regex(pc, "postscript_marker", pat, plen, IFR__RX_MULTILINE,
                                  &a->rx);
        }
        if (rc != IFR_OK)
            return rc;
    }
    *out = a;
    return IFR_OK;
}

/* ASCII-lowered view of one character: no other code point lowercases to
 * 'p', 's', '.' or whitespace (checked over all of Unicode with CPython), so
 * the fixed patterns can run on the original text. */
static inline uint32_t low(uint32_t c)
{
    return (c == 'P' || c == 'S') ? c + 32 : c;
}

/* Does lowered text contain p\.\s?p\.\s?s (pps) or p\.\s?s\. (ps)? */
static bool has_fixed_marker(const uint32_t *cp, size_t n, bool pps)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (low(cp[i]) != 'p' || cp[i + 1] != '.')
            continue;
        size_t j = i + 2;
        /* \s? is greedy, and the next required character is never
         * whitespace, so taking the space when present is the only way. */
        if (j < n && ifr__py_isspace(cp[j]))
            j++;
        if (pps) {
            if (j + 1 >= n || low(cp[j]) != 'p' || cp[j + 1] != '.')
                continue;
            j += 2;
            if (j < n && ifr__py_isspace(cp[j]))
                j++;
            if (j < n && low(cp[j]) == 's')
                return true;
        } else {
            if (j + 1 < n && low(cp[j]) == 's' && cp[j + 1] == '.')
                return true;
        }
    }
    return false;
}

/*
 * Length of the fixed marker at cp[i..n) in precise semantics: "p.s." or
 * "p. s." (P.S.), "p.p.s" / "p. p. s" with an optional final '.' (P.P.S);
 * 0 when absent. P.P.S does not satisfy P.S.
 */
static size_t fixed_marker_at(const uint32_t *cp, size_t n, size_t i, bool pps)
{
    size_t j = i;
    if (j + 1 >= n || low(cp[j]) != 'p' || cp[j + 1] != '.')
        return 0;
    j += 2;
    if (j < n && (cp[j] == ' ' || cp[j] == '\t'))
        j++;
    if (pps) {
        if (j + 1 >= n || low(cp[j]) != 'p' || cp[j + 1] != '.')
            return 0;
        j += 2;
        if (j < n && (cp[j] == ' ' || cp[j] == '\t'))
            j++;
        if (j >= n || low(cp[j]) != 's')
            return 0;
        j++;
        if (j < n && cp[j] == '.')
            j++;
    } else {
        if (j + 1 >= n || low(cp[j]) != 's' || cp[j + 1] != '.')
            return 0;
        j += 2;
    }
    if (j < n && ifr__py_isalpha(cp[j]))
        return 0;
    return j - i;
}

/*
 * Precise: the marker starts a line (after indentation, markdown emphasis,
 * '>' or '#'), some visible body text comes before that line, and the
 * postscript itself has a word after the marker.
 */
static int ps_check_precise(const ps_args *a, ifr__text *t, ifr__check_ctx *cx)
{
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    char *ls = NULL;
    size_t nls = 0;
    size_t pos = 0, b, e;
    bool body = false, marker_seen = false;
    while (ifr__pr_next_line(cp, n, &pos, &b, &e)) {
        size_t i = b;
        while (i < e && (ifr__py_isspace(cp[i]) || cp[i] == '*' || cp[i] == '_' ||
                         cp[i] == '>' || cp[i] == '#'))
            i++;
        size_t mlen = 0;
        if (a->kind != PS_REGEX) {
            mlen = fixed_marker_at(cp, e, i, a->kind == PS_PPS);
        } else {
            /* compare the lowered marker with this line's lowered text */
            uint32_t *ll;
            size_t nll;
            int rc = ifr__py_lower(cp + i, e - i, t->arena, &ll, &nll);
            if (rc != IFR_OK)
                return rc;
            rc = ifr__utf8_encode(ll, nll, t->arena, &ls, &nls);
            if (rc != IFR_OK)
                return rc;
            size_t ms, me;
            rc = a->lit ? ifr__regex_search(a->lit, cx->rx, ls, nls, 0, &ms, &me) : 0;
            if (rc < 0)
                return rc;
            if (rc == 1 && ms == 0) {
                /* marker length in code points of the original line: assume
                 * lower() kept the length (true for every marker in the data) */
                size_t k = 0;
                for (size_t q = 0; q < me; q++)
                    k += ((unsigned char)ls[q] & 0xC0) != 0x80;
                mlen = k <= e - i ? k : e - i;
            }
        }
        if (mlen) {
            marker_seen = true;
            if (body) {
                /* the postscript's text: rest of this line and the lines after it */
                if (ifr__pr_has_word(cp + i + mlen, n - (i + mlen))) {
                    char q[80];
                    cx->followed = true;
                    ifr__detail(cx, "postscript starting with \"%s\" found",
                                ifr__ck_quote(q, sizeof q, a->marker.s, a->marker.n, 40));
                    return IFR_OK;
                }
            }
        }
        if (ifr__pr_has_word(cp + b, e - b))
            body = true;
    }
    char q[80];
    ifr__ck_quote(q, sizeof q, a->marker.s, a->marker.n, 40);
    cx->followed = false;
    if (marker_seen)
        ifr__detail(cx, "\"%s\" starts a line but has no body before it or no text after "
                        "it", q);
    else
        ifr__detail(cx, "no line starting with \"%s\" after the body (a marker inside a "
                        "sentence does not count in precise)", q);
    return IFR_OK;
}

static int ps_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const ps_args *a = args;
    if (ifr__pr_on(cx))
        return ps_check_precise(a, t, cx);
    bool found;
    if (a->kind == PS_REGEX) {
        uint32_t *lo;
        size_t nlo;
        int rc = ifr__py_lower(t->cp, t->ncp, t->arena, &lo, &nlo);
        if (rc != IFR_OK)
            return rc;
        char *s;
        size_t n;
        rc = ifr__utf8_encode(lo, nlo, t->arena, &s, &n);
        if (rc != IFR_OK)
            return rc;
        size_t ms, me;
        rc = ifr__regex_search(a->rx, cx->rx, s, n, 0, &ms, &me);
        if (rc < 0)
            return rc;
        found = rc == 1;
    } else {
        found = has_fixed_marker(t->cp, t->ncp, a->kind == PS_PPS);
    }
    cx->followed = found;
    char q[80];
    ifr__ck_quote(q, sizeof q, a->marker.s, a->marker.n, 40);
    if (found)
        ifr__detail(cx, "postscript marker \"%s\" found", q);
    else
        ifr__detail(cx, "no postscript starting with \"%s\"", q);
    return IFR_OK;
}

const ifr__checker ifr__family_detectable_content[] = {
    {
        .id = "detectable_content:number_placeholders",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "At least N placeholders in square brackets, such as [address].",
        .kwargs = placeholders_kwargs,
        .parse = placeholders_parse,
        .check = placeholders_check,
        .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
        .rule = "Followed iff `len(re.findall(r\"\\[.*?\\]\", response)) >= num_placeholders`.",
        .quirks = "Any bracket pair counts: '[]', markdown links '[x](y)', citations '[1]'. "
                  "A placeholder cannot span a line break ('.' excludes '\\n'); '[[a]]' "
                  "counts once. A negative or null num_placeholders makes the reference "
                  "draw a random number; here it is an error.",
        .precise = "A placeholder is a one-line bracket pair with a letter inside that is not a markdown link: '[name]' and '[your address]' count; '[]', '[ ]', '[1]', '[...]' and '[text](url)' do not; '[[a]]' counts once.",
    },
    {
        .id = "detectable_content:postscript",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "A postscript starting with the given marker (P.S. or P.P.S).",
        .kwargs = ps_kwargs,
        .parse = ps_parse,
        .check = ps_check,
        .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
        .rule = "On `response.lower()` with re.MULTILINE, followed iff re.findall finds "
                "`\\s*p\\.\\s?p\\.\\s?s.*$` (marker \"P.P.S\"), `\\s*p\\.\\s?s\\..*$` "
                "(marker \"P.S.\"), or `\\s*` + marker.lower() + `.*$` (any other marker, "
                "after strip()).",
        .quirks = "Not anchored to a line start or to the end of the response: 'see p.s. "
                  "below' mid-sentence passes, 'P.P.S.' satisfies P.S., and 'app.p.s' "
                  "satisfies P.P.S. 'PS' without dots fails. Other markers are Python "
                  "regexes used unescaped (lowercased first); a marker Python rejects is an "
                  "IFR_E_REGEX error at compile time.",
        .precise = "The marker must start a line (after indentation, markdown emphasis, '>' or '#'), after some body text, and be followed by a word: 'see p.s. below' mid-sentence, a response that is only 'P.S.', and a bare marker with nothing after it fail. 'P.S.' also matches 'P. S.'; 'P.P.S' matches 'P.P.S', 'P.P.S.', 'P. P. S'; 'P.P.S.' no longer satisfies 'P.S.'. Other markers are literal text (not regexes), case-insensitive.",
    },
    {0},
};
