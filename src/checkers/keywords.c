/*
 * keywords.c - IFEval's keywords:* checkers (Google's reference:
 * instruction_following_eval/instructions.py, KeywordChecker,
 * KeywordFrequencyChecker, ForbiddenWords, LetterFrequencyChecker).
 *
 * Keywords are Python regexes used without escaping, exactly as the
 * reference passes them to `re`; they are compiled once, at spec compile
 * time, and a pattern Python rejects (e.g. "c**" or "(") is IFR_E_REGEX.
 * Python 3.11 reads "c++" as a possessive quantifier: it compiles and finds
 * runs of 'c', never the text "c++".
 */
#include "precise.h"

#include <stdio.h>
#include <string.h>

typedef struct kw_item {
    const ifr__regex *rx;
    bool wb_start, wb_end;  /* precise: whole-word test at either end */
    const char *s;  /* the keyword as given, for details */
    size_t n;
} kw_item;

typedef struct kw_list_args {
    kw_item *items;
    size_t n;
} kw_list_args;

/* Compile the items of a string-list kwarg, each wrapped as pre + item + post. */
static int compile_list(ifr__parse_ctx *pc, const char *key, const ifr__kwval *v,
                        const char *pre, const char *post, const void **out)
{
    if (!v->present)
        return ifr__parse_error(pc, IFR_E_KWARGS, key, "missing (required)");
    if (v->nlist == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, key, "must not be empty");
    kw_list_args *a = ifr__parse_alloc(pc, sizeof *a);
    kw_item *items = ifr__parse_alloc(pc, v->nlist * sizeof *items);
    if (!a || !items)
        return ifr__parse_error(pc, IFR_E_NOMEM, key, "out of memory");
    size_t lpre = strlen(pre), lpost = strlen(post);
    for (size_t i = 0; i < v->nlist; i++) {
        size_t plen = lpre + v->lens[i] + lpost;
        char *pat = ifr__parse_alloc(pc, plen + 1);
        char *copy = ifr__parse_strdup(pc, v->list[i], v->lens[i]);
        if (!pat || !copy)
            return ifr__parse_error(pc, IFR_E_NOMEM, key, "out of memory");
        memcpy(pat, pre, lpre);
        memcpy(pat + lpre, v->list[i], v->lens[i]);
        memcpy(pat + lpre + v->lens[i], post, lpost);
        pat[plen] = '\0';
        char ikey[64];
        snprintf(ikey, sizeof ikey, "%s/%zu", key, i);
        int rc;
        if (ifr__parse_semantics(pc) == IFR_SEMANTICS_PRECISE) {
            /* precise: the word itself, literal, case-insensitive, whole word */
            ifr__ck_str w;
            rc = ifr__ck_pystr(pc, ikey, v->list[i], v->lens[i], IFR__CK_STRIP, &w);
            if (rc != IFR_OK)
                return rc;
            /* a blank keyword stays NULL: never found (existence fails, nothing is
             * forbidden) rather than matching everywhere */
            rc = IFR_OK;
            if (w.ncp) {
                rc = ifr__parse_regex(pc, ikey, w.s, w.n, IFR__RX_IGNORECASE | IFR__RX_LITERAL,
                                      &items[i].rx);
                items[i].wb_start = ifr__pr_wordch(w.cp[0]);
                items[i].wb_end = ifr__pr_wordch(w.cp[w.ncp - 1]);
            }
        } else {
            rc = ifr__parse_regex(pc, ikey, pat, plen, IFR__RX_IGNORECASE, &items[i].rx);
        }
        if (rc != IFR_OK)
            return rc;
        items[i].s = copy;
        items[i].n = v->lens[i];
    }
    a->items = items;
    a->n = v->nlist;
    *out = a;
    return IFR_OK;
}

/* MARK: keywords:existence ------------------------------------------------ */

static const ifr__kwspec existence_kwargs[] = {
    {"keywords", IFR__KW_STRLIST, IFR__KW_REQUIRED,
     "keywords that must all appear (Python regexes, case-insensitive substring search)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int existence_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    return compile_list(pc, "keywords", &vals[0], "", "", out);
}

static int existence_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_list_args *a = args;
    size_t missing = 0;
    const kw_item *first = NULL;
    for (size_t i = 0; i < a->n; i++) {
        size_t ms, me;
        int rc = !a->items[i].rx ? 0
                 : ifr__pr_on(cx)
                     ? ifr__pr_word_search(a->items[i].rx, cx->rx, t->s, t->n, 0,
                                           a->items[i].wb_start, a->items[i].wb_end, &ms, &me)
                     : ifr__regex_search(a->items[i].rx, cx->rx, t->s, t->n, 0, &ms, &me);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            if (!first)
                first = &a->items[i];
            missing++;
        }
    }
    cx->followed = missing == 0;
    char q[80];
    if (first)
        ifr__detail(cx, "keyword \"%s\" not found%s%s", ifr__ck_quote(q, sizeof q, first->s,
                                                                     first->n, 40),
                    ifr__pr_on(cx) ? " as a whole word" : "",
                    missing > 1 ? " (and others)" : "");
    else
        ifr__detail(cx, "all %zu keyword%s found", a->n, a->n == 1 ? "" : "s");
    return IFR_OK;
}

/* MARK: keywords:frequency ------------------------------------------------ */

typedef struct freq_args {
    const ifr__regex *rx;
    bool wb_start, wb_end;
    ifr__ck_str keyword;  /* stripped */
    int64_t frequency;
    ifr__relation rel;
} freq_args;

static const ifr__kwspec frequency_kwargs[] = {
    {"keyword", IFR__KW_STR, IFR__KW_REQUIRED,
     "keyword to count (a Python regex, case-insensitive, non-overlapping substrings)"},
    {"frequency", IFR__KW_INT, IFR__KW_REQUIRED, "threshold count (>= 0)"},
    {"relation", IFR__KW_STR, IFR__KW_REQUIRED, "\"less than\" or \"at least\""},
    {NULL, IFR__KW_END, 0, NULL},
};

static int frequency_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present || vals[0].slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "keyword", "must be a non-empty string");
    if (!vals[1].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "frequency", "missing (required)");
    if (vals[1].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "frequency", "must be >= 0, not %lld",
                                (long long)vals[1].i);
    freq_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "keyword", "out of memory");
    int rc = ifr__parse_relation(pc, "relation", &vals[2], &a->rel);
    if (rc != IFR_OK)
        return rc;
    rc = ifr__ck_pystr(pc, "keyword", vals[0].s, vals[0].slen, IFR__CK_STRIP, &a->keyword);
    if (rc != IFR_OK)
        return rc;
    bool precise = ifr__parse_semantics(pc) == IFR_SEMANTICS_PRECISE;
    if (precise && a->keyword.ncp == 0) {
        *out = a; /* a blank keyword never occurs (count 0) */
        a->frequency = vals[1].i;
        return IFR_OK;
    }
    rc = ifr__parse_regex(pc, "keyword", a->keyword.s, a->keyword.n,
                          IFR__RX_IGNORECASE | (precise ? IFR__RX_LITERAL : 0u), &a->rx);
    if (precise) {
        a->wb_start = ifr__pr_wordch(a->keyword.cp[0]);
        a->wb_end = ifr__pr_wordch(a->keyword.cp[a->keyword.ncp - 1]);
    }
    if (rc != IFR_OK)
        return rc;
    a->frequency = vals[1].i;
    *out = a;
    return IFR_OK;
}

static int frequency_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const freq_args *a = args;
    size_t count = 0;
    if (ifr__pr_on(cx)) {
        /* non-overlapping whole-word occurrences */
        size_t pos = 0, ms, me;
        for (; a->rx;) {
            int rc = ifr__pr_word_search(a->rx, cx->rx, t->s, t->n, pos, a->wb_start,
                                         a->wb_end, &ms, &me);
            if (rc < 0)
                return rc;
            if (rc == 0)
                break;
            count++;
            pos = me > ms ? me : ms + 1;
        }
    } else {
        int rc = ifr__regex_count(a->rx, cx->rx, t->s, t->n, &count);
        if (rc < 0)
            return rc;
    }
    cx->followed = ifr__relation_holds(a->rel, (int64_t)count, a->frequency);
    char q[80];
    ifr__detail(cx, "\"%s\" appears %zu time%s; needs %s %lld",
                ifr__ck_quote(q, sizeof q, a->keyword.s, a->keyword.n, 40), count,
                count == 1 ? "" : "s", ifr__relation_name(a->rel), (long long)a->frequency);
    return IFR_OK;
}

/* MARK: keywords:forbidden_words ------------------------------------------ */

static const ifr__kwspec forbidden_kwargs[] = {
    {"forbidden_words", IFR__KW_STRLIST, IFR__KW_REQUIRED,
     "words that must not appear (Python regexes inside \\b...\\b, case-insensitive)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int forbidden_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    return compile_list(pc, "forbidden_words", &vals[0], "\\b", "\\b", out);
}

static int forbidden_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kw_list_args *a = args;
    const char *s = t->s;
    size_t n = t->n;
    bool precise = ifr__pr_on(cx);
    if (precise) {
        /* "bad\u200bword" reads as "badword": drop format characters first */
        int rc = ifr__pr_strip_format(t, &s, &n);
        if (rc != IFR_OK)
            return rc;
    }
    for (size_t i = 0; i < a->n; i++) {
        size_t ms, me;
        int rc = !a->items[i].rx ? 0
                 : precise ? ifr__pr_word_search(a->items[i].rx, cx->rx, s, n, 0,
                                               a->items[i].wb_start, a->items[i].wb_end, &ms,
                                               &me)
                         : ifr__regex_search(a->items[i].rx, cx->rx, s, n, 0, &ms, &me);
        if (rc < 0)
            return rc;
        if (rc == 1) {
            char q[80], m[80];
            cx->followed = false;
            ifr__detail(cx, "contains forbidden word \"%s\" (as \"%s\")",
                        ifr__ck_quote(q, sizeof q, a->items[i].s, a->items[i].n, 40),
                        ifr__ck_quote(m, sizeof m, s + ms, me - ms, 40));
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "none of the %zu forbidden word%s found", a->n, a->n == 1 ? "" : "s");
    return IFR_OK;
}

/* MARK: keywords:letter_frequency ----------------------------------------- */

typedef struct letter_args {
    uint32_t letter;  /* 'a'..'z' */
    int64_t frequency;
    ifr__relation rel;
} letter_args;

static const ifr__kwspec letter_kwargs[] = {
    {"letter", IFR__KW_STR, IFR__KW_REQUIRED, "one letter a-z or A-Z (case-insensitive)"},
    {"let_frequency", IFR__KW_INT, IFR__KW_REQUIRED, "threshold count (>= 0)"},
    {"let_relation", IFR__KW_STR, IFR__KW_REQUIRED, "\"less than\" or \"at least\""},
    {NULL, IFR__KW_END, 0, NULL},
};

static int letter_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "letter", "missing (required)");
    if (!vals[1].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "let_frequency", "missing (required)");
    letter_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "letter", "out of memory");
    /*
     * The reference accepts `letter` iff it is one character whose lower()
     * is one character in 'a'..'z' (so 'K', and also KELVIN SIGN U+212A);
     * otherwise it silently draws a random ASCII letter (or raises for
     * characters whose lower() has two characters). Both are errors here.
     */
    ifr__ck_str cs;
    int rc = ifr__ck_pystr(pc, "letter", vals[0].s, vals[0].slen, 0, &cs);
    if (rc != IFR_OK)
        return rc;
    uint32_t lo[3];
    size_t nlo = cs.ncp == 1 ? ifr__py_lower1(cs.cp[0], lo) : 0;
    if (nlo != 1 || lo[0] < 'a' || lo[0] > 'z') {
        char q[80];
        return ifr__parse_error(pc, IFR_E_KWARGS, "letter",
                                "must be a single letter a-z or A-Z, not \"%s\"",
                                ifr__ck_quote(q, sizeof q, vals[0].s, vals[0].slen, 20));
    }
    if (vals[1].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "let_frequency", "must be >= 0, not %lld",
                                (long long)vals[1].i);
    rc = ifr__parse_relation(pc, "let_relation", &vals[2], &a->rel);
    if (rc != IFR_OK)
        return rc;
    a->letter = lo[0];
    a->frequency = vals[1].i;
    *out = a;
    return IFR_OK;
}

static int letter_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const letter_args *a = args;
    if (ifr__pr_on(cx)) {
        size_t count = ifr__pr_letter_count(t, a->letter);
        cx->followed = ifr__relation_holds(a->rel, (int64_t)count, a->frequency);
        ifr__detail(cx, "letter '%c' appears %zu time%s (accented and look-alike forms "
                        "included); needs %s %lld", (char)a->letter, count,
                    count == 1 ? "" : "s", ifr__relation_name(a->rel),
                    (long long)a->frequency);
        return IFR_OK;
    }
    /* collections.Counter(text.lower())[letter]. Per-character lower() is
     * exact here: the final-sigma rule only chooses between two sigmas. */
    size_t count = 0;
    if (ifr__text_ascii(t)) { /* ASCII: count the letter's two cases in the bytes */
        count = ifr__ck_count_byte2(t->s, t->n, (char)a->letter, (char)(a->letter - 32));
        goto done;
    }
    for (size_t i = 0; i < t->ncp; i++) {
        uint32_t c = t->cp[i];
        if (c < 0x80) {
            count += (c >= 'A' && c <= 'Z' ? c + 32 : c) == a->letter;
            continue;
        }
        uint32_t lo[3];
        size_t k = ifr__py_lower1(c, lo);
        for (size_t j = 0; j < k; j++)
            count += lo[j] == a->letter;
    }
done:
    cx->followed = ifr__relation_holds(a->rel, (int64_t)count, a->frequency);
    ifr__detail(cx, "letter '%c' appears %zu time%s; needs %s %lld", (char)a->letter, count,
                count == 1 ? "" : "s", ifr__relation_name(a->rel), (long long)a->frequency);
    return IFR_OK;
}

const ifr__checker ifr__family_keywords[] = {
    {
        .id = "keywords:existence",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Every keyword in the list appears in the response.",
        .kwargs = existence_kwargs,
        .parse = existence_parse,
        .check = existence_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Followed iff `re.search(keyword, response, flags=re.IGNORECASE)` matches for "
                "every keyword.",
        .quirks = "Substring match, not whole words: 'le' is found in 'people'. Keywords "
                  "are Python regexes used unescaped: 'c++' is a possessive quantifier in Python "
                  "3.11 (it finds 'c', never the text 'c++'), and a pattern Python rejects "
                  "('c**', '(') is IFR_E_REGEX at compile time, where the reference raises "
                  "during checking. Case folding "
                  "is Python's simple IGNORECASE folding. An empty or null list makes the "
                  "reference draw random keywords; here it is an error.",
        .precise = "Each keyword is literal text (not a regex), matched case-insensitively as a whole word: the characters around it must not be word characters (Python \\w or combining marks) where the keyword starts or ends with one, so 'le' is not found in 'people' and 'rock' not in 'rocket', while 'ROCK', \"rock's\" and 'rock-solid' match. 'c++' finds the text 'c++'; any keyword compiles. An English plural ('s' or 'es', keywords of 3+ characters ending in a letter) is the same word: 'riddles' contains 'riddle'; other derivations do not match ('disgustingly' is not 'disgusting').",
    },
    {
        .id = "keywords:frequency",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "A keyword appears less than / at least N times.",
        .kwargs = frequency_kwargs,
        .parse = frequency_parse,
        .check = frequency_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "With `k = keyword.strip()`, count `len(re.findall(k, response, "
                "flags=re.IGNORECASE))` and compare with frequency: 'less than' is <, "
                "'at least' is >=.",
        .quirks = "Substring matches, non-overlapping ('aa' occurs twice in 'aaaa'), "
                  "regex unescaped; a pattern with groups still counts matches. Null or "
                  "negative frequency, an empty keyword or a missing relation make the "
                  "reference draw random values; here they are errors.",
        .precise = "The keyword (stripped) is literal text counted as non-overlapping case-insensitive whole-word occurrences (same word test as keywords:existence): 'art' occurs 0 times in 'smart start'; plurals count ('wars' is an occurrence of 'war').",
    },
    {
        .id = "keywords:forbidden_words",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "None of the forbidden words appears as a whole word.",
        .kwargs = forbidden_kwargs,
        .parse = forbidden_parse,
        .check = forbidden_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Followed iff no word w has `re.search(r\"\\b\" + w + r\"\\b\", response, "
                "flags=re.IGNORECASE)`.",
        .quirks = "Python's Unicode \\b: a letter, digit or '_' next to the word blocks the "
                  "match ('rock_star' and 'cafés' do not contain 'rock' and 'caf'; "
                  "'rock-star' does). Words are regexes used unescaped ('a|b' forbids "
                  "anything starting with a word 'a' or ending with 'b'). Since a blank "
                  "response fails only through the strict blank gate, a response of only "
                  "U+200B passes.",
        .precise = "Words are literal text (not regexes), matched case-insensitively as whole words (word characters include combining marks), after removing format characters (ZWSP, ZWJ, soft hyphen, BOM) from the response, so 'w\\u200bar' is the word 'war'; plurals count ('wars' uses 'war'). Invisible-only responses fail (scoring layer).",
    },
    {
        .id = "keywords:letter_frequency",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "A letter appears less than / at least N times (case-insensitive).",
        .kwargs = letter_kwargs,
        .parse = letter_parse,
        .check = letter_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Count `collections.Counter(response.lower())[letter.lower()]` and compare "
                "with let_frequency: 'less than' is <, 'at least' is >=.",
        .quirks = "Counting uses Python's full lower(): 'İ' (U+0130) adds an 'i' and KELVIN "
                  "SIGN (U+212A) counts as 'k'; fullwidth letters do not count. The "
                  "reference replaces an invalid letter (e.g. '#', '!', 'ab') with a random "
                  "ASCII letter; here that is an IFR_E_KWARGS error.",
        .precise = "A character counts as the letter when its compatibility decomposition starts with it (accented 'é', fullwidth and mathematical letters count as 'e'), and Cyrillic/Greek look-alikes ('е', 'о', 'а'...) count inside words that also contain Latin letters (a homoglyph substitution, never honest Russian or Greek text). Stops evading 'less than' with look-alike letters.",
    },
    {0},
};
