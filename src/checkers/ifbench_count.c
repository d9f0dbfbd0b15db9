/*
 * ifbench_count.c - IFBench "count:*" constraints (allenai/IFBench db69a6f,
 * ifbench/instructions.py), compat semantics.
 */
#include "ifbench_util.h"

#include <string.h>

/* MARK: shared args -------------------------------------------------------- */

typedef struct int_args {
    int64_t n;
} int_args;

static int parse_one_int(ifr__parse_ctx *pc, const char *key, const ifr__kwval *v,
                         const void **args)
{
    int_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    int rc = ifr__ifb_kw_nonneg(pc, key, v, &a->n);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int parse_N(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    return parse_one_int(pc, "N", &vals[0], args);
}

static int parse_small_n(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    return parse_one_int(pc, "small_n", &vals[0], args);
}

static const ifr__kwspec kw_N[] = {
    {.name = "N", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED, .doc = "threshold (>= 0)"},
    {0}};
static const ifr__kwspec kw_small_n[] = {
    {.name = "small_n", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "threshold (>= 0)"},
    {0}};

/* MARK: count:word_count_range -------------------------------------------- */

typedef struct range_args {
    int64_t lo, hi;
} range_args;

static int parse_range(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    range_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    int rc = ifr__ifb_kw_nonneg(pc, "min_words", &vals[0], &a->lo);
    if (!rc)
        rc = ifr__ifb_kw_nonneg(pc, "max_words", &vals[1], &a->hi);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int check_range(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const range_args *a = args;
    size_t n = ifr__text_word_count(t);
    cx->followed = (int64_t)n >= a->lo && (int64_t)n <= a->hi;
    ifr__detail(cx, "%zu words; needs %lld to %lld", n, (long long)a->lo, (long long)a->hi);
    return IFR_OK;
}

/* MARK: count:unique_word_count ------------------------------------------- */

static int check_unique(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    uint32_t *low;
    size_t nlow;
    ifr__ifb_spans w;
    ifr__ifb_set set;
    int rc = ifr__ifb_lower(t->arena, t->cp, t->ncp, &low, &nlow);
    if (!rc)
        rc = ifr__ifb_split_ws(t->arena, low, nlow, &w);
    if (!rc)
        rc = ifr__ifb_set_init(&set, t->arena, w.n);
    if (rc)
        return rc;
    for (size_t i = 0; i < w.n; i++) {
        size_t b, e;
        ifr__ifb_strip_ps(low + w.v[i].b, w.v[i].e - w.v[i].b, true, true, &b, &e);
        ifr__ifb_set_add(&set, low + w.v[i].b + b, e - b);
    }
    cx->followed = (int64_t)set.n >= a->n;
    ifr__detail(cx, "%zu unique words; needs at least %lld", set.n, (long long)a->n);
    return IFR_OK;
}

/* MARK: count:conjunctions ------------------------------------------------- */

static bool is_conjunction(const uint32_t *s, size_t n)
{
    static const char *const conj[] = {"and", "but", "for", "nor", "or", "so", "yet"};
    if (n < 2 || n > 3)
        return false;
    for (size_t i = 0; i < sizeof conj / sizeof *conj; i++)
        if (ifr__ifb_eq_ascii(s, n, conj[i]))
            return true;
    return false;
}

static int check_conjunctions(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    ifr__ifb_spans w;
    ifr__ifb_set set;
    int rc = ifr__ifb_split_ws(t->arena, t->cp, t->ncp, &w);
    if (!rc)
        rc = ifr__ifb_set_init(&set, t->arena, w.n);
    if (rc)
        return rc;
    for (size_t i = 0; i < w.n; i++) {
        const uint32_t *tok = t->cp + w.v[i].b;
        size_t ntok = w.v[i].e - w.v[i].b, b, e;
        ifr__ifb_strip_ps(tok, ntok, true, true, &b, &e);
        uint32_t *low;
        size_t nlow;
        if (e - b > 12)
            continue; /* cannot lower-case to a 3-letter word */
        rc = ifr__ifb_lower(t->arena, tok + b, e - b, &low, &nlow);
        if (rc)
            return rc;
        if (is_conjunction(low, nlow))
            ifr__ifb_set_add(&set, tok, ntok); /* the raw token, as the reference */
    }
    cx->followed = (int64_t)set.n >= a->n;
    ifr__detail(cx, "%zu different conjunction tokens; needs at least %lld", set.n,
                (long long)a->n);
    return IFR_OK;
}

/* MARK: count:person_names ------------------------------------------------- */

static const char *const person_names[] = {
    "Emma", "Liam", "Sophia", "Jackson", "Olivia", "Noah", "Ava", "Lucas", "Isabella",
    "Mason", "Mia", "Ethan", "Charlotte", "Alexander", "Amelia", "Benjamin", "Harper", "Leo",
    "Zoe", "Daniel", "Chloe", "Samuel", "Lily", "Matthew", "Grace", "Owen", "Abigail",
    "Gabriel", "Ella", "Jacob", "Scarlett", "Nathan", "Victoria", "Elijah", "Layla",
    "Nicholas", "Audrey", "David", "Hannah", "Christopher", "Penelope", "Thomas", "Nora",
    "Andrew", "Aria", "Joseph", "Claire", "Ryan", "Stella", "Jonathan"};

/* re.search(r'\bNAME\b', value) for an ASCII word NAME. */
static bool has_word(const uint32_t *s, size_t n, const char *name)
{
    size_t i = 0;
    while ((i = ifr__ifb_find_ascii(s, n, name, i)) != SIZE_MAX) {
        size_t e = i + strlen(name);
        bool left = i == 0 || !ifr__py_isword(s[i - 1]);
        bool right = e == n || !ifr__py_isword(s[e]);
        if (left && right)
            return true;
        i++;
    }
    return false;
}

static int check_person_names(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    int64_t found = 0;
    for (size_t i = 0; i < sizeof person_names / sizeof *person_names; i++)
        found += has_word(t->cp, t->ncp, person_names[i]);
    cx->followed = found >= a->n;
    ifr__detail(cx, "%lld listed names; needs at least %lld", (long long)found,
                (long long)a->n);
    return IFR_OK;
}

/* MARK: count:numbers ------------------------------------------------------ */

static int check_numbers(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    int64_t runs = 0;
    bool in = false;
    for (size_t i = 0; i < t->ncp; i++) {
        uint32_t c = t->cp[i];
        if (ifr__ifb_is_punct(c))
            continue; /* removed before matching: "3.14" is one number */
        bool d = ifr__py_isdecimal(c);
        if (d && !in)
            runs++;
        in = d;
    }
    cx->followed = runs == a->n;
    ifr__detail(cx, "%lld numbers; needs exactly %lld", (long long)runs, (long long)a->n);
    return IFR_OK;
}

/* MARK: count:punctuation -------------------------------------------------- */

static int check_punctuation(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s = t->cp;
    size_t n = t->ncp;
    size_t qe = ifr__ifb_find_ascii(s, n, "?!", 0);
    size_t eq = ifr__ifb_find_ascii(s, n, "!?", 0);
    bool interrobang = false;
    for (size_t i = 0; i < n && !interrobang; i++)
        interrobang = s[i] == 0x203d;
    if (qe == SIZE_MAX && eq == SIZE_MAX && !interrobang) {
        cx->followed = false;
        ifr__detail(cx, "no interrobang (?! or !? or U+203D)");
        return IFR_OK;
    }
    size_t skip = qe != SIZE_MAX ? qe : eq; /* the first "?!", else the first "!?" */
    static const char marks[] = ".,!?;:";
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (skip != SIZE_MAX && (i == skip || i == skip + 1))
            continue;
        const char *m = s[i] < 128 ? strchr(marks, (int)s[i]) : NULL;
        if (m && s[i])
            seen |= 1u << (m - marks);
    }
    cx->followed = seen == 0x3fu;
    if (!cx->followed) {
        for (int k = 0; k < 6; k++)
            if (!(seen & (1u << k))) {
                ifr__detail(cx, "missing '%c' (besides the interrobang)", marks[k]);
                break;
            }
    } else {
        ifr__detail(cx, "all of . , ! ? ; : and an interrobang");
    }
    return IFR_OK;
}

/* MARK: count:words_japanese ----------------------------------------------- */

static int parse_japanese(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    int rc = parse_one_int(pc, "N", &vals[0], args);
    if (rc)
        return rc;
    if (((const int_args *)*args)->n == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "N",
                                "N must be >= 1 (the reference divides by it)");
    return IFR_OK;
}

static bool is_japanese_cp(uint32_t c)
{
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff);
}

static int check_japanese(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    ifr__ifb_spans w;
    int rc = ifr__ifb_split_ws(t->arena, t->cp, t->ncp, &w);
    if (rc)
        return rc;
    for (size_t i = 0; i < w.n; i++) {
        if ((int64_t)((i + 1) % (uint64_t)a->n) != 0)
            continue;
        size_t b, e;
        const uint32_t *tok = t->cp + w.v[i].b;
        ifr__ifb_strip_ps(tok, w.v[i].e - w.v[i].b, true, true, &b, &e);
        if (b == e)
            continue;
        bool alldigit = true, jp = false;
        for (size_t k = b; k < e; k++) {
            alldigit = alldigit && ifr__py_isdigit(tok[k]);
            jp = jp || is_japanese_cp(tok[k]);
        }
        if (alldigit)
            continue;
        if (!jp) {
            cx->followed = false;
            ifr__detail(cx, "word %zu has no Japanese character", i + 1);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "every word at a multiple of %lld is Japanese (%zu words)",
                (long long)a->n, w.n);
    return IFR_OK;
}

/* MARK: count:keywords_multiple -------------------------------------------- */

typedef struct kwmulti_args {
    uint32_t *kw[5];
    size_t nkw[5];
} kwmulti_args;

static const int kwmulti_counts[5] = {1, 2, 3, 5, 7};

static int parse_kwmulti(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    static const char *const names[5] = {"keyword1", "keyword2", "keyword3", "keyword4",
                                         "keyword5"};
    kwmulti_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    for (int i = 0; i < 5; i++) {
        if (!vals[i].present)
            return ifr__parse_error(pc, IFR_E_KWARGS, names[i],
                                    "%s is required (the reference would draw a random word)",
                                    names[i]);
        uint32_t *cp;
        size_t n;
        int rc = ifr__ifb_kw_decode_strip(pc, vals[i].s, vals[i].slen, &cp, &n);
        if (rc)
            return rc;
        /* keyword.lower(): lower-case into parse memory */
        uint32_t *low = ifr__parse_alloc(pc, (3 * n + 1) * sizeof *low);
        if (!low)
            return IFR_E_NOMEM;
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            uint32_t buf[3];
            size_t m = ifr__py_lower1(cp[j], buf);
            /* final sigma: context-dependent; apply CPython's rule */
            if (cp[j] == 0x3a3) {
                bool before = false, after = false;
                for (size_t q = j; q-- > 0;) {
                    if (ifr__py_iscased(cp[q])) {
                        before = true;
                        break;
                    }
                    if (!(cp[q] == '\'' || cp[q] == 0x2019 || cp[q] == 0xad))
                        break;
                }
                for (size_t q = j + 1; q < n; q++) {
                    if (ifr__py_iscased(cp[q])) {
                        after = true;
                        break;
                    }
                    if (!(cp[q] == '\'' || cp[q] == 0x2019 || cp[q] == 0xad))
                        break;
                }
                if (before && !after)
                    buf[0] = 0x3c2;
            }
            for (size_t q = 0; q < m; q++)
                low[k++] = buf[q];
        }
        a->kw[i] = low;
        a->nkw[i] = k;
    }
    *args = a;
    return IFR_OK;
}

static int check_kwmulti(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const kwmulti_args *a = args;
    uint32_t *low;
    size_t nlow;
    int rc = ifr__ifb_lower(t->arena, t->cp, t->ncp, &low, &nlow);
    if (rc)
        return rc;
    for (int i = 0; i < 5; i++) {
        size_t c = ifr__ifb_count(low, nlow, a->kw[i], a->nkw[i]);
        if (c != (size_t)kwmulti_counts[i]) {
            cx->followed = false;
            ifr__detail(cx, "keyword%d occurs %zu times; needs exactly %d", i + 1, c,
                        kwmulti_counts[i]);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "keywords occur 1, 2, 3, 5 and 7 times");
    return IFR_OK;
}

/* MARK: count:pronouns ----------------------------------------------------- */

static bool is_pronoun(const uint32_t *s, size_t n)
{
    static const char *const pr[] = {
        "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "my",
        "mine", "our", "ours", "your", "yours", "his", "hers", "its", "their", "theirs",
        "myself", "ourselves", "yourself", "yourselves", "himself", "herself", "itself",
        "themselves", "this", "that", "these", "those", "who", "whom", "whose", "which",
        "what", "whoever", "whomever", "whatever", "whichever", "anybody", "anyone",
        "anything", "everybody", "everyone", "everything", "nobody", "nothing", "somebody",
        "someone", "something", "each", "either", "neither", "both", "all", "some", "any",
        "none"};
    if (n == 0 || n > 10)
        return false;
    for (size_t i = 0; i < sizeof pr / sizeof *pr; i++)
        if (ifr__ifb_eq_ascii(s, n, pr[i]))
            return true;
    return false;
}

static int check_pronouns(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const int_args *a = args;
    uint32_t *rep, *low;
    size_t nrep, nlow;
    ifr__text sub;
    const ifr__ustr *tok;
    size_t ntok;
    int rc = ifr__ifb_replace_cp(t->arena, t->cp, t->ncp, '/', ' ', &rep, &nrep);
    if (!rc)
        rc = ifr__ifb_lower(t->arena, rep, nrep, &low, &nlow);
    if (!rc)
        rc = ifr__ifb_subtext(t->arena, low, nlow, &sub);
    if (!rc)
        rc = ifr__ifb_tokens(&sub, &tok, &ntok);
    if (rc)
        return rc;
    int64_t c = 0;
    for (size_t i = 0; i < ntok; i++)
        c += is_pronoun(tok[i].p, tok[i].n);
    cx->followed = c >= a->n;
    ifr__detail(cx, "%lld pronouns; needs at least %lld", (long long)c, (long long)a->n);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

static const ifr__kwspec kw_range[] = {
    {.name = "min_words", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "minimum word count (inclusive)"},
    {.name = "max_words", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "maximum word count (inclusive)"},
    {0}};
static const ifr__kwspec kw_kwmulti[] = {
    {.name = "keyword1", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "exactly once"},
    {.name = "keyword2", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "exactly twice"},
    {.name = "keyword3", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "exactly 3 times"},
    {.name = "keyword4", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "exactly 5 times"},
    {.name = "keyword5", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED, .doc = "exactly 7 times"},
    {0}};

const ifr__checker ifr__family_ifbench_count[] = {
    {.id = "count:word_count_range", .suite = IFR__SUITE_IFBENCH,
     .summary = "Word count (\\w+ runs) within [min_words, max_words]",
     .kwargs = kw_range, .parse = parse_range, .flags = IFR_CHECKER_RANDOM, .check = check_range,
     .rule = "Followed iff `min_words <= len(re.findall(r\"\\w+\", value)) <= max_words`.",
     .quirks = "Words are \\w+ runs: don't, e-mail and 3.14 count 2 each; a run of CJK counts 1."},
    {.id = "count:unique_word_count", .suite = IFR__SUITE_IFBENCH,
     .summary = "At least N distinct words", .kwargs = kw_N, .parse = parse_N,
     .check = check_unique, .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "Followed iff `len({w.strip(string.punctuation + ' ') for w in "
             "value.lower().split()}) >= N`.",
     .quirks = "A punctuation-only token becomes '' and counts as one more word; curly quotes "
               "are not stripped; nonsense tokens count."},
    {.id = "count:conjunctions", .suite = IFR__SUITE_IFBENCH,
     .summary = "At least small_n different coordinating conjunctions",
     .kwargs = kw_small_n, .parse = parse_small_n, .check = check_conjunctions,
     .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "Followed iff `len({w for w in value.split() if w.strip(string.punctuation + "
             "' ').lower() in ('and', 'but', 'for', 'nor', 'or', 'so', 'yet')}) >= "
             "small_n` (distinct raw tokens).",
     .quirks = "Raw tokens are compared, so 'and', 'and,', 'And' and '(and)' are 4 "
               "different conjunctions."},
    {.id = "count:person_names", .suite = IFR__SUITE_IFBENCH,
     .summary = "At least N names from IFBench's fixed list of 50", .kwargs = kw_N,
     .parse = parse_N, .check = check_person_names, .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "Followed iff at least N of IFBench's 50 first names (Emma ... Jonathan) "
             "satisfy `re.search(r\"\\b\" + re.escape(name) + r\"\\b\", value)` "
             "(case-sensitive).",
     .quirks = "Mia's counts, Miami and EMMA do not; a bare list of names passes."},
    {.id = "count:numbers", .suite = IFR__SUITE_IFBENCH,
     .summary = "Exactly N numbers", .kwargs = kw_N, .parse = parse_N,
     .flags = IFR_CHECKER_RANDOM, .check = check_numbers,
     .rule = "Followed iff `len(re.findall(r\"\\d+\", value.translate(str.maketrans('', '', "
             "string.punctuation)))) == N`.",
     .quirks = "Removing punctuation joins numbers (3.14, 1,000,000 and 10-20 are one); "
               "Unicode decimal digits count; digits inside words count."},
    {.id = "count:punctuation", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every standard punctuation mark plus an interrobang",
     .check = check_punctuation, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Needs '?!', '!?' or U+203D; remove the first '?!' (else the first '!?') "
             "once; followed iff the rest still contains each of `. , ! ? ; :`.",
     .quirks = "The string '?!?!,.;:' passes; full-width marks do not count."},
    {.id = "count:words_japanese", .suite = IFR__SUITE_IFBENCH,
     .summary = "Every N-th word contains Japanese", .kwargs = kw_N, .parse = parse_japanese,
     .check = check_japanese, .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "Followed iff every token of `value.split()` at a 1-based position divisible "
             "by N that is, after `strip(string.punctuation + ' ')`, non-empty and not "
             "`isdigit()` contains a character in U+3040-30FF or U+4E00-9FFF.",
     .quirks = "Fewer than N words pass vacuously; hanzi count as Japanese; digit tokens are "
               "skipped. N = 0 is a kwargs error (the reference divides by zero)."},
    {.id = "count:keywords_multiple", .suite = IFR__SUITE_IFBENCH,
     .summary = "keyword1..5 occur exactly 1, 2, 3, 5 and 7 times",
     .kwargs = kw_kwmulti, .parse = parse_kwmulti, .flags = IFR_CHECKER_RANDOM, .check = check_kwmulti,
     .rule = "Followed iff `value.lower().count(keywordK.strip().lower())` is 1, 2, 3, 5 "
             "and 7 for K = 1..5.",
     .quirks = "Substring counts: 'door' counts inside 'doorway'."},
    {.id = "count:pronouns", .suite = IFR__SUITE_IFBENCH,
     .summary = "At least N pronouns", .kwargs = kw_N, .parse = parse_N,
     .check = check_pronouns, .flags = IFR_CHECKER_HACKABLE | IFR_CHECKER_RANDOM,
     .rule = "Followed iff at least N tokens of `nltk.word_tokenize(value.replace('/', ' "
             "').lower())` (NLTK 3.9.2) are in IFBench's set of 63 pronouns.",
     .quirks = "The set includes all, some, any, each, both and none; 'this this this' "
               "counts 3; it's gives it + 's."},
    {0}};
