/*
 * lint.c - `ifreward lint`: find the rows of an instruction-following dataset
 * whose constraints cannot be verified, contradict each other or contradict the
 * prompt. Every check is documented in docs/TOOLS.md.
 *
 * A row is compiled with the library (unknown ids, missing or ill-typed kwargs
 * and impossible ranges the checkers reject come back as error codes with a
 * JSON path). The semantic checks then read the kwargs as written: each
 * instruction becomes a "facet" (a counted quantity with an interval, and/or
 * tags such as JSON, lowercase, end phrase) and pairs of facets are compared.
 * The prompt is scanned for quantities ("at least 300 words", "exactly 3 bullet
 * points") and for the words the kwargs name.
 */
#include "commands.h"
#include "dataset.h"
#include "ifreward.h"
#include "../text/pydump.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "ifreward lint"
#define INF INT64_MAX

/* MARK: problems ----------------------------------------------------------- */

typedef struct problem {
    bool error;
    const char *code;
    int instr;              /* instruction index, or -1 for the row */
    const char *ecode;      /* IFR_E_* name for library errors, else NULL */
    char path[128];
    char msg[480];
} problem;

typedef struct report {
    problem *v;
    size_t n, cap;
} report;

static problem *add_problem(report *r, bool error, const char *code, int instr)
{
    if (r->n == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 8;
        problem *nv = realloc(r->v, nc * sizeof *nv);
        if (!nv) {
            fprintf(stderr, PROG ": out of memory\n");
            exit(2);
        }
        r->v = nv;
        r->cap = nc;
    }
    problem *p = &r->v[r->n++];
    memset(p, 0, sizeof *p);
    p->error = error;
    p->code = code;
    p->instr = instr;
    return p;
}

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void problemf(report *r, bool error, const char *code, int instr, const char *fmt, ...)
{
    problem *p = add_problem(r, error, code, instr);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
}

/* MARK: ASCII text helpers (lint never decides a verdict; ASCII folding is enough) */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_wordc(unsigned char c)
{
    return is_alnum(c) || c == '_' || c >= 0x80;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* strip() into a small buffer, ASCII whitespace. */
static void strip_to(const char *s, char *out, size_t cap, bool fold)
{
    size_t n = strlen(s), b = 0;
    while (b < n && is_space(s[b]))
        b++;
    while (n > b && is_space(s[n - 1]))
        n--;
    size_t o = 0;
    for (size_t i = b; i < n && o + 1 < cap; i++)
        out[o++] = fold ? lower(s[i]) : s[i];
    out[o] = '\0';
}

/* Case-insensitive (ASCII) search of needle in hay[0..hn); word-boundary optional. */
static bool ci_find(const char *hay, size_t hn, const char *needle, bool wordb)
{
    size_t nn = strlen(needle);
    if (nn == 0)
        return true;
    for (size_t i = 0; i + nn <= hn; i++) {
        size_t k = 0;
        while (k < nn && lower(hay[i + k]) == lower(needle[k]))
            k++;
        if (k < nn)
            continue;
        if (!wordb)
            return true;
        bool lb = i == 0 || !is_wordc((unsigned char)hay[i - 1]) ||
                  !is_wordc((unsigned char)needle[0]);
        bool rb = i + nn == hn || !is_wordc((unsigned char)hay[i + nn]) ||
                  !is_wordc((unsigned char)needle[nn - 1]);
        if (lb && rb)
            return true;
    }
    return false;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return m <= n && memcmp(s + n - m, suf, m) == 0;
}

static bool starts_with(const char *s, const char *pre)
{
    return strncmp(s, pre, strlen(pre)) == 0;
}

static bool has_upper(const char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return true;
    return false;
}

static bool has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return true;
    return false;
}

/* MARK: facets: what one instruction asks for ------------------------------ */

enum kind {
    K_NONE,
    K_WORDS,
    K_SENTENCES,
    K_PARAGRAPHS,   /* separated by *** (IFEval) or * * * (Tulu 3) */
    K_NLPARAGRAPHS, /* separated by blank lines */
    K_BULLETS,
    K_PLACEHOLDERS,
    K_HIGHLIGHTS,
    K_SECTIONS,
    K_CAPITALS,
    K_KEYFREQ,
    K_LETTER,
    K_NKINDS
};

static const char *const kind_noun[K_NKINDS] = {
    "",          "words",           "sentences",  "paragraphs",         "paragraphs",
    "bullet points", "placeholders", "highlighted sections", "sections", "all-capital words",
    "occurrences of the keyword", "occurrences of the letter"};

/* The fewest a non-blank response can have (IFEval's blank gate fails empty ones). */
static const int64_t kind_min[K_NKINDS] = {0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};

enum tag {
    T_JSON = 1u << 0,
    T_POSTSCRIPT = 1u << 1,
    T_TWO = 1u << 2,
    T_LOWER = 1u << 3,
    T_UPPER = 1u << 4,
    T_QUOTE = 1u << 5,
    T_END = 1u << 6,
    T_REPEAT = 1u << 7,
    T_NOCOMMA = 1u << 8,
    T_FORBID = 1u << 9,
    T_EXIST = 1u << 10,
    T_LANG = 1u << 11,
    T_TITLE = 1u << 12,
    T_CHOICE = 1u << 13,
};

typedef struct facet {
    const char *id;
    json_t *kw;
    bool known;         /* lint knows this id */
    bool usable;        /* compiled (or only unknown to the registry): analyse it */
    bool tulu;          /* Tulu 3 semantics (case-sensitive texts, substring forbids) */
    unsigned tags;
    int kind;
    int64_t lo, hi;     /* the count interval, hi = INF for none */
    bool around;
    int64_t num;        /* the number kwarg as written */
    const char *numkw;  /* its name */
    const char *rel;    /* the relation kwarg as written, or NULL */
    const char *arg;    /* keyword / letter of K_KEYFREQ / K_LETTER */
    int64_t nth;        /* nth paragraph, 0 if none */
    const char *first_word, *end_phrase, *repeat, *marker, *lang, *splitter;
    json_t *words;      /* keywords (T_EXIST), forbidden (T_FORBID), options (T_CHOICE) */
} facet;

static bool kw_int(json_t *kw, const char *name, int64_t *out)
{
    json_t *v = json_object_get(kw, name);
    if (json_is_integer(v)) {
        *out = (int64_t)json_integer_value(v);
        return true;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (d == (double)(int64_t)d && d > -9.0e15 && d < 9.0e15) {
            *out = (int64_t)d;
            return true;
        }
    }
    return false;
}

static const char *kw_str(json_t *kw, const char *name)
{
    json_t *v = json_object_get(kw, name);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Relation of IFEval ("less than" / "at least"), Tulu 3 ("at least" / "at most" /
 * "around") or exact (rel NULL) into the interval. */
static bool set_count(facet *f, int kind, const char *numkw, const char *relkw, bool exact)
{
    int64_t n;
    if (!kw_int(f->kw, numkw, &n))
        return false;
    f->kind = kind;
    f->num = n;
    f->numkw = numkw;
    f->lo = 0;
    f->hi = INF;
    if (exact) {
        f->lo = f->hi = n;
        return true;
    }
    const char *rel = relkw ? kw_str(f->kw, relkw) : "at least";
    f->rel = relkw ? rel : NULL;
    if (!rel) {
        f->kind = K_NONE;
        return false;
    }
    if (!strcmp(rel, "at least")) {
        f->lo = n;
    } else if (!strcmp(rel, "less than")) {
        f->hi = n - 1;
    } else if (!strcmp(rel, "at most")) {
        f->hi = n;
    } else if (!strcmp(rel, "around")) {
        int64_t tol = kind == K_SENTENCES ? 1 : (n * 10 + 50) / 100;
        if (tol < 1)
            tol = 1;
        f->lo = n - tol < 0 ? 0 : n - tol;
        f->hi = n + tol;
        f->around = true;
    } else {
        f->kind = K_NONE;
        return false;
    }
    return true;
}

static void analyse(facet *f)
{
    const char *id = f->id;
    json_t *kw = f->kw;
    f->known = true;
#define IS(s) (!strcmp(id, s))
    /* IFEval (also used by IFTrain and IFBench rows) */
    if (IS("length_constraints:number_words"))
        set_count(f, K_WORDS, "num_words", "relation", false);
    else if (IS("length_constraints:number_sentences"))
        set_count(f, K_SENTENCES, "num_sentences", "relation", false);
    else if (IS("length_constraints:number_paragraphs"))
        set_count(f, K_PARAGRAPHS, "num_paragraphs", NULL, true);
    else if (IS("length_constraints:nth_paragraph_first_word")) {
        set_count(f, K_NLPARAGRAPHS, "num_paragraphs", NULL, true);
        kw_int(kw, "nth_paragraph", &f->nth);
        f->first_word = kw_str(kw, "first_word");
    } else if (IS("detectable_format:number_bullet_lists"))
        set_count(f, K_BULLETS, "num_bullets", NULL, true);
    else if (IS("detectable_content:number_placeholders"))
        set_count(f, K_PLACEHOLDERS, "num_placeholders", NULL, false);
    else if (IS("detectable_format:number_highlighted_sections"))
        set_count(f, K_HIGHLIGHTS, "num_highlights", NULL, false);
    else if (IS("detectable_format:multiple_sections")) {
        set_count(f, K_SECTIONS, "num_sections", NULL, false);
        f->splitter = kw_str(kw, "section_spliter");
    } else if (IS("change_case:capital_word_frequency"))
        set_count(f, K_CAPITALS, "capital_frequency", "capital_relation", false);
    else if (IS("keywords:frequency")) {
        set_count(f, K_KEYFREQ, "frequency", "relation", false);
        f->arg = kw_str(kw, "keyword");
    } else if (IS("keywords:letter_frequency") || IS("letters:letter_counting2")) {
        set_count(f, K_LETTER, "let_frequency", "let_relation", false);
        f->arg = kw_str(kw, "letter");
    } else if (IS("keywords:existence")) {
        f->tags = T_EXIST;
        f->words = json_object_get(kw, "keywords");
    } else if (IS("keywords:forbidden_words")) {
        f->tags = T_FORBID;
        f->words = json_object_get(kw, "forbidden_words");
    } else if (IS("detectable_content:postscript")) {
        f->tags = T_POSTSCRIPT;
        f->marker = kw_str(kw, "postscript_marker");
    } else if (IS("detectable_format:json_format"))
        f->tags = T_JSON;
    else if (IS("detectable_format:title"))
        f->tags = T_TITLE;
    else if (IS("detectable_format:constrained_response"))
        f->tags = T_CHOICE;
    else if (IS("combination:two_responses"))
        f->tags = T_TWO;
    else if (IS("combination:repeat_prompt")) {
        f->tags = T_REPEAT;
        f->repeat = kw_str(kw, "prompt_to_repeat");
    } else if (IS("startend:end_checker")) {
        f->tags = T_END;
        f->end_phrase = kw_str(kw, "end_phrase");
    } else if (IS("startend:quotation"))
        f->tags = T_QUOTE;
    else if (IS("punctuation:no_comma"))
        f->tags = T_NOCOMMA;
    else if (IS("change_case:english_lowercase"))
        f->tags = T_LOWER;
    else if (IS("change_case:english_capital"))
        f->tags = T_UPPER;
    else if (IS("language:response_language")) {
        f->tags = T_LANG;
        f->lang = kw_str(kw, "language");
    } else {
        /* Tulu 3 (open-instruct IFEvalG functions) */
        f->tulu = true;
        if (IS("verify_keywords")) {
            f->tags = T_EXIST;
            f->words = json_object_get(kw, "keyword_list");
        } else if (IS("verify_keyword_frequency")) {
            set_count(f, K_KEYFREQ, "N", NULL, true);
            f->arg = kw_str(kw, "word");
        } else if (IS("validate_forbidden_words")) {
            f->tags = T_FORBID;
            f->words = json_object_get(kw, "forbidden_words");
        } else if (IS("verify_letter_frequency")) {
            set_count(f, K_LETTER, "N", NULL, true);
            f->arg = kw_str(kw, "letter");
        } else if (IS("validate_response_language")) {
            f->tags = T_LANG;
            f->lang = kw_str(kw, "language");
        } else if (IS("verify_paragraph_count"))
            set_count(f, K_PARAGRAPHS, "N", NULL, true);
        else if (IS("validate_word_constraint"))
            set_count(f, K_WORDS, "N", "quantifier", false);
        else if (IS("verify_sentence_constraint"))
            set_count(f, K_SENTENCES, "N", "quantifier", false);
        else if (IS("validate_paragraphs")) {
            set_count(f, K_NLPARAGRAPHS, "N", NULL, true);
            kw_int(kw, "i", &f->nth);
            f->first_word = kw_str(kw, "first_word");
        } else if (IS("verify_postscript")) {
            f->tags = T_POSTSCRIPT;
            f->marker = kw_str(kw, "postscript_marker");
        } else if (IS("validate_placeholders"))
            set_count(f, K_PLACEHOLDERS, "N", NULL, false);
        else if (IS("verify_bullet_points"))
            set_count(f, K_BULLETS, "N", NULL, true);
        else if (IS("validate_title"))
            f->tags = T_TITLE;
        else if (IS("validate_choice")) {
            f->tags = T_CHOICE;
            f->words = json_object_get(kw, "options");
        } else if (IS("validate_highlighted_sections"))
            set_count(f, K_HIGHLIGHTS, "N", NULL, false);
        else if (IS("validate_sections")) {
            set_count(f, K_SECTIONS, "N", NULL, true);
            f->splitter = kw_str(kw, "section_splitter");
        } else if (IS("validate_json_format"))
            f->tags = T_JSON;
        else if (IS("validate_repeat_prompt")) {
            f->tags = T_REPEAT;
            f->repeat = kw_str(kw, "original_prompt");
        } else if (IS("validate_two_responses"))
            f->tags = T_TWO;
        else if (IS("validate_uppercase"))
            f->tags = T_UPPER;
        else if (IS("validate_lowercase"))
            f->tags = T_LOWER;
        else if (IS("validate_frequency_capital_words"))
            set_count(f, K_CAPITALS, "N", "quantifier", false);
        else if (IS("validate_end")) {
            f->tags = T_END;
            f->end_phrase = kw_str(kw, "end_phrase");
        } else if (IS("validate_quotation"))
            f->tags = T_QUOTE;
        else if (IS("validate_no_commas"))
            f->tags = T_NOCOMMA;
        else {
            f->tulu = false;
            f->known = false;
        }
    }
#undef IS
}

/* A string or list-of-strings kwarg, item i (Tulu 3 accepts either). */
static size_t words_count(json_t *w)
{
    return json_is_string(w) ? 1 : json_is_array(w) ? json_array_size(w) : 0;
}

static const char *words_item(json_t *w, size_t i)
{
    if (json_is_string(w))
        return json_string_value(w);
    json_t *x = json_array_get(w, i);
    return json_is_string(x) ? json_string_value(x) : NULL;
}

static void describe(char *b, size_t cap, int64_t lo, int64_t hi, bool around)
{
    if (around)
        snprintf(b, cap, "around %lld", (long long)((lo + hi) / 2));
    else if (hi == INF)
        snprintf(b, cap, "at least %lld", (long long)lo);
    else if (lo == hi)
        snprintf(b, cap, "exactly %lld", (long long)lo);
    else if (lo <= 0)
        snprintf(b, cap, "at most %lld", (long long)hi);
    else
        snprintf(b, cap, "between %lld and %lld", (long long)lo, (long long)hi);
}

/* MARK: single-instruction checks: impossible and trivial ranges ------------ */

static void check_ranges(report *r, facet *f, int i)
{
    char d[64];
    if (f->kind != K_NONE) {
        describe(d, sizeof d, f->lo, f->hi, f->around);
        if (f->rel && !strcmp(f->rel, "less than"))
            snprintf(d, sizeof d, "fewer than %lld", (long long)f->num);
        if (f->hi < f->lo || f->hi < kind_min[f->kind])
            problemf(r, true, "impossible", i,
                     "%s: %s=%lld asks for %s %s, which no real answer can satisfy", f->id,
                     f->numkw, (long long)f->num, d, kind_noun[f->kind]);
        else if (f->lo <= 0 && f->hi == INF && !f->around)
            problemf(r, false, "trivial", i, "%s: %s=%lld (%s %s) is always satisfied", f->id,
                     f->numkw, (long long)f->num, d, kind_noun[f->kind]);
    }
    if (f->kind == K_NLPARAGRAPHS) {
        /* the paragraph is p[i - 1] of a Python list of num paragraphs */
        if (f->nth > f->num || f->nth - 1 < -f->num)
            problemf(r, true, "impossible", i,
                     "%s: paragraph %lld must start with \"%s\" but there are %lld paragraphs",
                     f->id, (long long)f->nth, f->first_word ? f->first_word : "",
                     (long long)f->num);
        else if (f->nth < 1)
            problemf(r, false, "odd_kwargs", i,
                     "%s: paragraph index %lld selects p[%lld], paragraph %lld from the end in "
                     "Python; the prompt probably means another one", f->id, (long long)f->nth,
                     (long long)(f->nth - 1), (long long)(1 - f->nth));
    }
    if (f->tulu && f->kind == K_SECTIONS && f->num < 1)
        problemf(r, true, "impossible", i, "%s: N=%lld sections; a non-empty response has at "
                 "least 1", f->id, (long long)f->num);
    if ((f->tags & T_END) && f->end_phrase) {
        char e[256];
        strip_to(f->end_phrase, e, sizeof e, false);
        if (!e[0])
            problemf(r, false, "trivial", i, "%s: an empty end_phrase is always satisfied", f->id);
        else if (!f->tulu && e[strlen(e) - 1] == '"')
            problemf(r, true, "impossible", i,
                     "%s: end_phrase '%s' ends with '\"', but IFEval strips '\"' from the end "
                     "of the response before comparing, so no response can end with it",
                     f->id, e);
    }
    if (f->tags & T_EXIST)
        for (size_t k = 0; k < words_count(f->words); k++) {
            const char *w = words_item(f->words, k);
            char s[128];
            strip_to(w ? w : "", s, sizeof s, false);
            if (w && !s[0])
                problemf(r, false, "trivial", i, "%s: keyword %zu is empty (always found)",
                         f->id, k);
        }
    if (f->tags & T_FORBID)
        for (size_t k = 0; k < words_count(f->words); k++) {
            const char *w = words_item(f->words, k);
            if (w && !w[0])
                problemf(r, true, "impossible", i,
                         "%s: forbidden word %zu is empty, which %s", f->id, k,
                         f->tulu ? "every response contains" :
                                   "matches \\b\\b in every response with a word");
        }
    if ((f->tags & T_CHOICE) && f->tulu && f->words && words_count(f->words) == 0)
        problemf(r, true, "impossible", i, "%s: no options to choose from", f->id);
}

/* MARK: conflicting pairs -------------------------------------------------- */

/* A text the response must contain verbatim (up to case). */
typedef struct need {
    const char *text;
    int instr;
    const char *what;   /* "keyword", "end_phrase", ... */
    bool case_sensitive; /* the checker compares case-sensitively */
} need;

static bool json_can_start(const char *p)
{
    char s[64];
    strip_to(p, s, sizeof s, true);
    return s[0] == '{' || s[0] == '[' || s[0] == '"' || s[0] == '-' ||
           (s[0] >= '0' && s[0] <= '9') || starts_with(s, "```") || starts_with(s, "true") ||
           starts_with(s, "false") || starts_with(s, "null");
}

static bool json_can_end(char c)
{
    return c == '}' || c == ']' || c == '"' || (c >= '0' && c <= '9') || c == 'e' || c == 'l';
}

static void check_pairs(report *r, facet *f, size_t n)
{
    /* texts that must appear in the response */
    need needs[256];
    size_t nn = 0;
    for (size_t i = 0; i < n && nn < 250; i++) {
        facet *a = &f[i];
        if (!a->usable)
            continue;
        if (a->tags & T_EXIST)
            for (size_t k = 0; k < words_count(a->words) && nn < 250; k++)
                if (words_item(a->words, k))
                    needs[nn++] = (need){words_item(a->words, k), (int)i, "keyword", false};
        if (a->kind == K_KEYFREQ && a->arg && a->lo >= 1)
            needs[nn++] = (need){a->arg, (int)i, "keyword", false};
        if (a->kind == K_LETTER && a->arg && a->lo >= 1)
            needs[nn++] = (need){a->arg, (int)i, "letter", a->tulu};
        if ((a->tags & T_END) && a->end_phrase)
            needs[nn++] = (need){a->end_phrase, (int)i, "end_phrase", a->tulu};
        if ((a->tags & T_REPEAT) && a->repeat)
            needs[nn++] = (need){a->repeat, (int)i, "prompt to repeat", a->tulu};
        if (a->first_word)
            needs[nn++] = (need){a->first_word, (int)i, "first_word", false};
        if ((a->tags & T_POSTSCRIPT) && a->marker)
            needs[nn++] = (need){a->marker, (int)i, "postscript marker", a->tulu};
        if ((a->tags & T_CHOICE) && !a->tulu)
            needs[nn++] = (need){"My answer is", (int)i, "answer phrase", true};
    }

    for (size_t i = 0; i < n; i++) {
        facet *a = &f[i];
        if (!a->usable)
            continue;
        for (size_t j = 0; j < n; j++) {
            facet *b = &f[j];
            if (j == i || !b->usable)
                continue;
            /* ordered pairs: each rule is written for (a, b) once */
            if ((a->tags & T_JSON) && (b->tags & T_POSTSCRIPT))
                problemf(r, true, "conflict", (int)j,
                         "%s with %s (instruction %zu): the whole response must be JSON, so a "
                         "postscript can only hide inside a JSON string", b->id, a->id, i);
            if ((a->tags & T_JSON) && (b->tags & T_TWO))
                problemf(r, true, "conflict", (int)j,
                         "%s with %s (instruction %zu): two responses separated by ****** "
                         "cannot form one JSON document", b->id, a->id, i);
            if ((a->tags & T_LOWER) && b->kind == K_CAPITALS && b->lo >= 1)
                problemf(r, true, "conflict", (int)j,
                         "%s asks for at least %lld all-capital words but %s (instruction %zu) "
                         "forbids capital letters",
                         b->id, (long long)b->lo, a->id, i);
            if ((a->tags & T_UPPER) && (b->tags & T_LOWER) && i < j)
                problemf(r, true, "conflict", (int)j,
                         "%s with %s (instruction %zu): a response cannot be all lower case and "
                         "all capitals", b->id, a->id, i);
            if ((a->tags & T_LOWER) && (b->tags & T_UPPER) && i < j)
                problemf(r, true, "conflict", (int)j,
                         "%s with %s (instruction %zu): a response cannot be all lower case and "
                         "all capitals", b->id, a->id, i);
            if (a->kind == K_PARAGRAPHS && b->kind == K_NLPARAGRAPHS && a->num != b->num)
                problemf(r, true, "conflict", (int)j,
                         "%s asks for %lld paragraphs but %s (instruction %zu) for %lld",
                         b->id, (long long)b->num, a->id, i, (long long)a->num);
            if ((a->tags & T_QUOTE) && (b->tags & T_END) && b->tulu && b->end_phrase &&
                !ends_with(b->end_phrase, "\""))
                problemf(r, true, "conflict", (int)j,
                         "%s: the response must end with '%s' but %s (instruction %zu) needs "
                         "it to end with '\"'", b->id, b->end_phrase, a->id, i);
            if ((a->tags & T_QUOTE) && (b->tags & T_REPEAT) && b->repeat) {
                char s[8];
                strip_to(b->repeat, s, sizeof s, false);
                if (s[0] != '"')
                    problemf(r, true, "conflict", (int)j,
                             "%s: the response must start with the prompt to repeat but %s "
                             "(instruction %zu) needs it to start with '\"'",
                             b->id, a->id, i);
            }
            if ((a->tags & T_JSON) && (b->tags & T_REPEAT) && b->repeat &&
                !json_can_start(b->repeat))
                problemf(r, true, "conflict", (int)j,
                         "%s: the response must start with the prompt to repeat, which cannot "
                         "start a JSON document (%s, instruction %zu)", b->id, a->id, i);
            if ((a->tags & T_JSON) && (b->tags & T_END) && b->end_phrase) {
                char e[256];
                strip_to(b->end_phrase, e, sizeof e, true);
                size_t el = strlen(e);
                if (el && !json_can_end(e[el - 1]) && !ends_with(e, "```"))
                    problemf(r, b->tulu, "conflict", (int)j,
                             "%s: a JSON document (%s, instruction %zu) cannot end with '%s'%s",
                             b->id, a->id, i, b->end_phrase,
                             b->tulu ? "" : " (only a bare JSON string can, since IFEval "
                                            "strips the closing '\"')");
            }
            if ((a->tags & T_JSON) && ((b->kind == K_BULLETS && b->lo >= 1) ||
                                       ((b->kind == K_PARAGRAPHS || b->kind == K_NLPARAGRAPHS) &&
                                        b->lo >= 2) ||
                                       (b->kind == K_SECTIONS && b->lo >= 1)))
                problemf(r, false, "conflict", (int)j,
                         "%s asks for %lld %s in a response that must be JSON (%s, instruction "
                         "%zu): only markers inside JSON strings can satisfy both",
                         b->id, (long long)b->lo, kind_noun[b->kind], a->id, i);
            if ((a->tags & (T_LOWER | T_UPPER)) && !a->tulu && (b->tags & T_LANG) && b->lang &&
                strcmp(b->lang, "en"))
                problemf(r, true, "conflict", (int)i,
                         "%s also requires English (langdetect), but %s (instruction %zu) asks "
                         "for language '%s'", a->id, b->id, j, b->lang);
            if ((a->tags & T_LANG) && (b->tags & T_LANG) && i < j && a->lang && b->lang &&
                strcmp(a->lang, b->lang))
                problemf(r, true, "conflict", (int)j,
                         "%s asks for language '%s' but %s (instruction %zu) for '%s'", b->id,
                         b->lang, a->id, i, a->lang);
            if ((a->tags & T_END) && (b->tags & T_END) && i < j && a->end_phrase &&
                b->end_phrase) {
                char x[256], y[256];
                strip_to(a->end_phrase, x, sizeof x, !a->tulu);
                strip_to(b->end_phrase, y, sizeof y, !b->tulu);
                if (!ends_with(x, y) && !ends_with(y, x))
                    problemf(r, true, "conflict", (int)j,
                             "%s: the response cannot end with both '%s' and '%s' (instruction "
                             "%zu)", b->id, b->end_phrase, a->end_phrase, i);
            }
            if ((a->tags & T_REPEAT) && (b->tags & T_REPEAT) && i < j && a->repeat && b->repeat) {
                char x[512], y[512];
                strip_to(a->repeat, x, sizeof x, true);
                strip_to(b->repeat, y, sizeof y, true);
                if (!starts_with(x, y) && !starts_with(y, x))
                    problemf(r, true, "conflict", (int)j,
                             "%s: the response cannot start with two different prompts "
                             "(see instruction %zu)", b->id, i);
            }
            /* same counted quantity: the intervals must intersect */
            if (a->kind != K_NONE && a->kind == b->kind && i < j) {
                bool same_arg = true;
                if (a->kind == K_KEYFREQ || a->kind == K_LETTER) {
                    char x[128], y[128];
                    strip_to(a->arg ? a->arg : "", x, sizeof x, true);
                    strip_to(b->arg ? b->arg : "", y, sizeof y, true);
                    same_arg = !strcmp(x, y);
                }
                int64_t lo = a->lo > b->lo ? a->lo : b->lo, hi = a->hi < b->hi ? a->hi : b->hi;
                if (same_arg && lo > hi) {
                    char da[64], db[64];
                    describe(da, sizeof da, a->lo, a->hi, a->around);
                    describe(db, sizeof db, b->lo, b->hi, b->around);
                    problemf(r, true, "conflict", (int)j,
                             "%s asks for %s %s but %s (instruction %zu) for %s: the ranges do "
                             "not intersect", b->id, db, kind_noun[b->kind], a->id, i, da);
                }
            }
            /* fewer than N words cannot hold M >= N sentences or paragraphs */
            if (a->kind == K_WORDS && a->hi != INF &&
                (b->kind == K_SENTENCES || b->kind == K_PARAGRAPHS || b->kind == K_NLPARAGRAPHS ||
                 b->kind == K_BULLETS) &&
                b->lo > a->hi && a->hi >= 1)
                problemf(r, false, "conflict", (int)j,
                         "%s asks for at least %lld %s but %s (instruction %zu) allows at most "
                         "%lld words", b->id, (long long)b->lo, kind_noun[b->kind], a->id, i,
                         (long long)a->hi);
            /* an all-capital response with fewer than N capital words but >= N words */
            if ((a->tags & T_UPPER) && b->kind == K_CAPITALS && b->hi != INF)
                for (size_t k = 0; k < n; k++)
                    if (f[k].usable && f[k].kind == K_WORDS && f[k].lo > b->hi)
                        problemf(r, false, "conflict", (int)j,
                                 "%s allows at most %lld all-capital words, %s (instruction %zu) "
                                 "makes every word capital and %s (instruction %zu) asks for "
                                 "at least %lld words", b->id, (long long)b->hi, a->id, i,
                                 f[k].id, k, (long long)f[k].lo);
        }
    }

    /* required texts against no_comma, forbidden words, case constraints */
    for (size_t i = 0; i < n; i++) {
        facet *a = &f[i];
        if (!a->usable)
            continue;
        for (size_t k = 0; k < nn; k++) {
            need *q = &needs[k];
            if ((size_t)q->instr == i)
                continue;
            if ((a->tags & T_NOCOMMA) && strchr(q->text, ','))
                problemf(r, true, "conflict", q->instr,
                         "%s '%s' contains a comma, which %s (instruction %zu) forbids", q->what,
                         q->text, a->id, i);
            if (a->tags & T_FORBID)
                for (size_t w = 0; w < words_count(a->words); w++) {
                    const char *fw = words_item(a->words, w);
                    if (fw && fw[0] && ci_find(q->text, strlen(q->text), fw, !a->tulu))
                        problemf(r, true, "conflict", q->instr,
                                 "%s '%s' contains the word '%s' that %s (instruction %zu) "
                                 "forbids", q->what, q->text, fw, a->id, i);
                }
            if (q->case_sensitive && (a->tags & T_LOWER) && has_upper(q->text))
                problemf(r, true, "conflict", q->instr,
                         "%s '%s' has capital letters (compared case-sensitively) but %s "
                         "(instruction %zu) requires all lower case", q->what, q->text, a->id,
                         i);
            if (q->case_sensitive && (a->tags & T_UPPER) && has_lower(q->text))
                problemf(r, true, "conflict", q->instr,
                         "%s '%s' has lower-case letters (compared case-sensitively) but %s "
                         "(instruction %zu) requires all capitals", q->what, q->text, a->id, i);
        }
        /* Tulu 3 choice: every option breaking the case rule */
        if ((a->tags & (T_LOWER | T_UPPER)))
            for (size_t j = 0; j < n; j++) {
                facet *b = &f[j];
                if (!b->usable || !(b->tags & T_CHOICE) || !b->tulu || !words_count(b->words))
                    continue;
                bool all_bad = true;
                for (size_t w = 0; w < words_count(b->words); w++) {
                    const char *o = words_item(b->words, w);
                    if (!o || ((a->tags & T_LOWER) ? !has_upper(o) : !has_lower(o)))
                        all_bad = false;
                }
                if (all_bad)
                    problemf(r, true, "conflict", (int)j,
                             "every option of %s breaks the letter case %s (instruction %zu) "
                             "requires", b->id, a->id, i);
            }
    }

    /* the same instruction twice */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (f[i].id && f[j].id && !strcmp(f[i].id, f[j].id) &&
                json_equal(f[i].kw ? f[i].kw : json_null(), f[j].kw ? f[j].kw : json_null()))
                problemf(r, false, "duplicate", (int)j, "%s repeats instruction %zu", f[j].id, i);
}

/* MARK: the prompt: quantities ---------------------------------------------- */

typedef struct tok {
    size_t b, e;
    char w[24];
    int64_t num;   /* value of a digit token, else -1 */
    bool brk;      /* a clause break (. ; : ! ? newline) precedes it */
    bool dash;     /* joined to the previous token by '-' */
    bool plus;     /* digits directly followed by '+' */
} tok;

static size_t tokenize(const char *s, size_t n, tok *t, size_t cap)
{
    size_t nt = 0, i = 0;
    bool brk = true;
    size_t gap_start = 0;
    while (i < n && nt < cap) {
        if (!is_alnum((unsigned char)s[i])) {
            if (strchr(".;:!?\n", s[i]) && s[i])
                brk = true;
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && is_alnum((unsigned char)s[i]))
            i++;
        tok *k = &t[nt];
        memset(k, 0, sizeof *k);
        k->b = b;
        k->e = i;
        k->brk = brk;
        k->dash = nt > 0 && b - gap_start == 1 && s[b - 1] == '-';
        size_t l = i - b < sizeof k->w - 1 ? i - b : sizeof k->w - 1;
        for (size_t j = 0; j < l; j++)
            k->w[j] = lower(s[b + j]);
        k->num = -1;
        bool digits = true;
        for (size_t j = b; j < i; j++)
            digits = digits && s[j] >= '0' && s[j] <= '9';
        if (digits && i - b <= 12) {
            int64_t v = 0;
            for (size_t j = b; j < i; j++)
                v = v * 10 + (s[j] - '0');
            /* 1,000 style groups */
            while (i + 4 <= n && s[i] == ',' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
                   s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
                   (i + 4 == n || !is_alnum((unsigned char)s[i + 4])) && v < 1000000000) {
                v = v * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
                i += 4;
                k->e = i;
            }
            k->num = v;
            k->plus = i < n && s[i] == '+';
        }
        gap_start = i;
        brk = false;
        nt++;
    }
    return nt;
}

static int64_t word_value(const char *w)
{
    static const char *const units[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
                                       "sixty", "seventy", "eighty", "ninety"};
    for (int k = 0; k < 20; k++)
        if (!strcmp(w, units[k]))
            return k;
    for (int k = 0; k < 8; k++)
        if (!strcmp(w, tens[k]))
            return 20 + 10 * k;
    return -1;
}

/* A number starting at token k: digits or English number words. */
static bool number_at(const tok *t, size_t nt, size_t k, int64_t *val, size_t *used)
{
    if (t[k].num >= 0) {
        *val = t[k].num;
        *used = 1;
        return true;
    }
    if (!strcmp(t[k].w, "a") && k + 1 < nt && !strcmp(t[k + 1].w, "single")) {
        *val = 1;
        *used = 2;
        return true;
    }
    if (!strcmp(t[k].w, "once") || !strcmp(t[k].w, "twice") || !strcmp(t[k].w, "thrice")) {
        *val = t[k].w[0] == 'o' ? 1 : t[k].w[1] == 'w' ? 2 : 3;
        *used = 1;
        return true;
    }
    int64_t total = 0, cur = 0;
    size_t j = k;
    bool any = false, last_ten = false;
    while (j < nt && (j == k || !t[j].brk)) {
        int64_t v = word_value(t[j].w);
        if (v >= 0) {
            if (any && !(last_ten && v < 10) && cur % 100 != 0)
                break;
            cur += v;
            last_ten = v >= 20;
            any = true;
            j++;
            continue;
        }
        if (!strcmp(t[j].w, "hundred") && (any || !strcmp(t[j - (j > k)].w, "a"))) {
            cur = (cur ? cur : 1) * 100;
            any = true;
            last_ten = false;
            j++;
            continue;
        }
        if (!strcmp(t[j].w, "thousand") && any) {
            total += (cur ? cur : 1) * 1000;
            cur = 0;
            last_ten = false;
            j++;
            continue;
        }
        if (!strcmp(t[j].w, "a") && j == k && j + 1 < nt &&
            (!strcmp(t[j + 1].w, "hundred") || !strcmp(t[j + 1].w, "thousand"))) {
            j++;
            continue;
        }
        if (!strcmp(t[j].w, "and") && any && cur >= 100 && j + 1 < nt &&
            word_value(t[j + 1].w) >= 0) {
            j++;
            continue;
        }
        break;
    }
    if (!any)
        return false;
    *val = total + cur;
    *used = j - k;
    return true;
}

enum qual { Q_NONE, Q_LO, Q_GT, Q_LT, Q_LE, Q_EQ, Q_AROUND, Q_BETWEEN };

static const struct {
    const char *words;
    int q;
} quals[] = {
    {"no less than", Q_LO}, {"no fewer than", Q_LO}, {"not less than", Q_LO},
    {"not fewer than", Q_LO}, {"a minimum of", Q_LO}, {"at least", Q_LO},
    {"minimum of", Q_LO}, {"minimum", Q_LO}, {"more than", Q_GT}, {"greater than", Q_GT},
    {"over", Q_GT}, {"longer than", Q_GT}, {"shorter than", Q_LT}, {"only", Q_LE},
    {"less than", Q_LT}, {"fewer than", Q_LT}, {"under", Q_LT},
    {"below", Q_LT}, {"no more than", Q_LE}, {"not more than", Q_LE}, {"a maximum of", Q_LE},
    {"maximum of", Q_LE}, {"at most", Q_LE}, {"maximum", Q_LE}, {"up to", Q_LE},
    {"not exceeding", Q_LE}, {"exactly", Q_EQ}, {"precisely", Q_EQ}, {"around", Q_AROUND},
    {"about", Q_AROUND}, {"approximately", Q_AROUND}, {"roughly", Q_AROUND},
    {"between", Q_BETWEEN}, {"from", Q_BETWEEN},
};

/* Qualifier ending right before token k; *start receives its first token. */
static int qualifier_before(const tok *t, size_t k, size_t *start)
{
    int best = Q_NONE;
    size_t best_len = 0;
    for (size_t q = 0; q < sizeof quals / sizeof quals[0]; q++) {
        char buf[40];
        snprintf(buf, sizeof buf, "%s", quals[q].words);
        const char *parts[4];
        size_t np = 0;
        for (char *p = strtok(buf, " "); p && np < 4; p = strtok(NULL, " "))
            parts[np++] = p;
        if (np > k || np <= best_len)
            continue;
        bool ok = true;
        for (size_t m = 0; m < np && ok; m++) {
            const tok *x = &t[k - np + m];
            ok = !strcmp(x->w, parts[m]) && (m == 0 || !x->brk);
        }
        if (ok && !t[k].brk) {
            best = quals[q].q;
            best_len = np;
            *start = k - np;
        }
    }
    return best;
}

static bool in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return true;
    return false;
}

static const char *const modifiers[] = {
    "more", "additional", "separate", "distinct", "different", "unique", "short", "long",
    "full", "complete", "total", "markdown", "bulleted", "key", "main", "individual", "new",
    "highlighted", "all", "capital", "capitalized", "caps", "uppercase", "upper", "case",
    "bullet", "of", "the", "well", "written", "concise", "detailed", "clear", "numbered",
    "italic", "bold", "important", "text", "big", NULL};
static const char *const capital_words[] = {"capital", "capitals", "capitalized", "caps",
                                            "uppercase", "upper", NULL};

/* A quantity the prompt states. */
typedef struct mention {
    int kind;          /* K_*, K_PARAGRAPHS also covers K_NLPARAGRAPHS; K_KEYFREQ = "N times" */
    int64_t lo, hi, n;
    bool bare, around;
    bool range;        /* "between A and B", "A to B", "A-B": ends may be exclusive */
    bool stated;       /* bare, but after "have", "contain", "write", "in", ...: a demand */
    size_t b, e;       /* byte span in the prompt */
} mention;

static size_t find_mentions(const char *s, size_t n, mention *out, size_t cap)
{
    size_t ntmax = n / 2 + 2;
    tok *t = malloc(ntmax * sizeof *t);
    if (!t)
        return 0;
    size_t nt = tokenize(s, n, t, ntmax), nm = 0;
    for (size_t k = 0; k < nt && nm < cap; k++) {
        int64_t v, v2 = -1;
        size_t used;
        if (k > 0 && t[k - 1].num < 0 && word_value(t[k - 1].w) >= 0 && !t[k].brk &&
            number_at(t, nt, k - 1, &v, &used) && used > 1)
            continue; /* inside a number already read */
        if (!number_at(t, nt, k, &v, &used))
            continue;
        size_t qs = k;
        int q = qualifier_before(t, k, &qs);
        size_t j = k + used;
        bool plus = t[k + used - 1].plus;
        /* ranges: "between 3 and 5", "3 to 5", "3-5" */
        if (j + 1 < nt && !t[j].brk &&
            (!strcmp(t[j].w, "and") || !strcmp(t[j].w, "to") || !strcmp(t[j].w, "or") ||
             (t[j].dash && t[j].num >= 0))) {
            size_t off = t[j].dash && t[j].num >= 0 ? 0 : 1;
            size_t u2;
            int64_t w2;
            if (j + off < nt && !t[j + off].brk && number_at(t, nt, j + off, &w2, &u2) &&
                (q == Q_BETWEEN || q == Q_NONE) && w2 >= v &&
                (strcmp(t[j].w, "or") || w2 == v + 1)) {
                v2 = w2;
                j += off + u2;
            }
        }
        if (q == Q_BETWEEN && v2 < 0)
            q = Q_NONE;
        /* "avoid using it more than twice", "I don't want anything longer than 30 words" */
        if (q == Q_GT) {
            static const char *const neg[] = {"avoid", "not", "don", "dont", "never", "no",
                                              "without", "nothing", NULL};
            for (size_t a = qs, c = 0; a > 0 && c < 8 && !t[a].brk; a--, c++)
                if (in_list(t[a - 1].w, neg)) {
                    q = Q_LE;
                    break;
                }
        }
        bool adverb = used == 1 && (!strcmp(t[k].w, "once") || !strcmp(t[k].w, "twice") ||
                                    !strcmp(t[k].w, "thrice"));
        int kind = K_NONE;
        size_t after = k + used;
        if (adverb) {
            kind = K_KEYFREQ;
        } else {
            /* modifiers, then the noun */
            bool cap_ctx = false, hl_ctx = false, bullet_mod = false;
            size_t mods = 0;
            while (j < nt && !t[j].brk && mods < 3 && in_list(t[j].w, modifiers)) {
                cap_ctx = cap_ctx || in_list(t[j].w, capital_words);
                hl_ctx = hl_ctx || !strcmp(t[j].w, "highlighted");
                bullet_mod = bullet_mod || !strcmp(t[j].w, "bullet") || !strcmp(t[j].w, "bulleted");
                j++;
                mods++;
            }
            if (j >= nt || t[j].brk) {
                if (bullet_mod && j > k + used) { /* "3 bullet" */
                    j--;
                } else {
                    continue;
                }
            }
            const char *w = t[j].w;
            after = j + 1;
            if (!strcmp(w, "word") || !strcmp(w, "words")) {
                for (size_t a = after; a < nt && a < after + 5 && !t[a].brk; a++)
                    cap_ctx = cap_ctx || in_list(t[a].w, capital_words);
                kind = cap_ctx ? K_CAPITALS : K_WORDS;
            } else if (!strcmp(w, "sentence") || !strcmp(w, "sentences")) {
                kind = K_SENTENCES;
            } else if (!strcmp(w, "paragraph") || !strcmp(w, "paragraphs")) {
                kind = K_PARAGRAPHS;
            } else if (!strcmp(w, "bullet") || !strcmp(w, "bullets") || !strcmp(w, "bulleted") ||
                       ((!strcmp(w, "point") || !strcmp(w, "points")) && bullet_mod)) {
                kind = K_BULLETS;
                if (after < nt && (!strcmp(t[after].w, "point") || !strcmp(t[after].w, "points")))
                    after++;
            } else if (!strcmp(w, "placeholder") || !strcmp(w, "placeholders")) {
                kind = K_PLACEHOLDERS;
            } else if (!strcmp(w, "highlights")) { /* "highlight" is the verb */
                kind = K_HIGHLIGHTS;
            } else if (!strcmp(w, "section") || !strcmp(w, "sections") || !strcmp(w, "part") ||
                       !strcmp(w, "parts") || !strcmp(w, "phrase") || !strcmp(w, "phrases")) {
                for (size_t a = qs, c = 0; a > 0 && c < 6 && !t[a].brk; a--, c++)
                    hl_ctx = hl_ctx || starts_with(t[a - 1].w, "highlight");
                for (size_t a = after; a < nt && a < after + 3 && !t[a].brk; a++)
                    hl_ctx = hl_ctx || starts_with(t[a].w, "highlight");
                if (hl_ctx)
                    kind = K_HIGHLIGHTS;
                else if (w[0] == 's')
                    kind = K_SECTIONS;
            } else if (!strcmp(w, "times") || !strcmp(w, "time")) {
                kind = K_KEYFREQ;
            }
        }
        /* "words with all capital letters should appear at least 5 times" */
        if (kind == K_KEYFREQ)
            for (size_t a = qs, c = 0; a > 0 && c < 10 && !t[a].brk; a--, c++)
                if (in_list(t[a - 1].w, capital_words)) {
                    kind = K_CAPITALS;
                    break;
                }
        if (kind == K_NONE)
            continue;
        /* per-unit quantities ("each line has one sentence", "3 words per line") are
         * not totals */
        bool per_unit = false;
        for (size_t a = qs, c = 0; a > 0 && c < 6 && !t[a].brk; a--, c++)
            per_unit = per_unit || !strcmp(t[a - 1].w, "each") || !strcmp(t[a - 1].w, "every") ||
                       !strcmp(t[a - 1].w, "per");
        for (size_t a = after; a < nt && a < after + 2 && !t[a].brk; a++)
            per_unit = per_unit || !strcmp(t[a].w, "each") || !strcmp(t[a].w, "per") ||
                       !strcmp(t[a].w, "every");
        if (per_unit)
            continue;
        /* "300 words or more", "or less", "or fewer" */
        if (after + 1 < nt && !t[after].brk && !strcmp(t[after].w, "or")) {
            if (!strcmp(t[after + 1].w, "more") || !strcmp(t[after + 1].w, "greater"))
                q = q == Q_NONE ? Q_LO : q;
            else if (!strcmp(t[after + 1].w, "less") || !strcmp(t[after + 1].w, "fewer"))
                q = q == Q_NONE ? Q_LE : q;
            after += 2;
        }
        if (plus && q == Q_NONE)
            q = Q_LO;
        mention *m = &out[nm++];
        memset(m, 0, sizeof *m);
        m->kind = kind;
        m->n = v;
        m->lo = 0;
        m->hi = INF;
        m->b = t[qs].b;
        m->e = t[after - 1].e;
        switch (q) {
        case Q_LO: m->lo = v; break;
        case Q_GT: m->lo = v + 1; break;
        case Q_LT: m->hi = v - 1; break;
        case Q_LE: m->hi = v; break;
        case Q_EQ: m->lo = m->hi = v; break;
        case Q_AROUND: m->around = true; break;
        case Q_BETWEEN: m->lo = v; m->hi = v2; m->range = true; break;
        default:
            if (v2 >= 0) {
                m->lo = v;
                m->hi = v2;
                m->range = true;
            } else {
                static const char *const verbs[] = {
                    "be", "have", "has", "contain", "contains", "include", "includes", "write",
                    "use", "with", "give", "provide", "make", "into", "in", "a", "an", NULL};
                m->bare = true;
                for (size_t a = qs, c = 0; a > 0 && c < 2 && !t[a].brk; a--, c++)
                    m->stated = m->stated || in_list(t[a - 1].w, verbs);
            }
        }
        k = j;
    }
    free(t);
    return nm;
}

/* 0 agrees, 1 warning, 2 error */
static int compare_mention(const mention *m, int64_t clo, int64_t chi, bool caround,
                           const int64_t *nums, size_t nnums)
{
    bool has_num = false;
    for (size_t i = 0; i < nnums; i++)
        has_num = has_num || nums[i] == m->n;
    if (m->bare)
        return has_num ? 0 : m->stated ? 2 : 1;
    if (m->around || caround)
        return has_num && m->around == caround ? 0 : 1;
    bool cl = clo > 0, ch = chi != INF, ml = m->lo > 0, mh = m->hi != INF;
    bool lo_diff = clo != m->lo && !(m->range && clo == m->lo + 1);
    bool hi_diff = chi != m->hi && !(m->range && chi == m->hi - 1);
    if ((cl && ml && lo_diff) || (ch && mh && hi_diff) || (cl && !ml) || (ch && !mh))
        return 2;
    if ((ml && !cl) || (mh && !ch))
        return 1;
    return 0;
}

static void snippet(const char *s, const mention *m, char *out, size_t cap)
{
    size_t n = m->e - m->b;
    if (n > 70)
        n = 70;
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++)
        out[o++] = s[m->b + i] == '\n' ? ' ' : s[m->b + i];
    out[o] = '\0';
}

static bool letter_mentioned(const char *p, size_t n, char letter);

/* For "N times": does the keyword (or letter) occur shortly before the mention? */
static bool arg_before(const char *p, const mention *m, const facet *f)
{
    size_t from = m->b > 100 ? m->b - 100 : 0;
    if (!f->arg || !f->arg[0])
        return false;
    if (f->kind == K_LETTER)
        return letter_mentioned(p + from, m->b - from, f->arg[0]);
    char a[128];
    strip_to(f->arg, a, sizeof a, false);
    return a[0] && ci_find(p + from, m->b - from, a, false);
}

static bool same_arg(const facet *a, const facet *b)
{
    if (a->kind != K_KEYFREQ && a->kind != K_LETTER)
        return true;
    char x[128], y[128];
    strip_to(a->arg ? a->arg : "", x, sizeof x, true);
    strip_to(b->arg ? b->arg : "", y, sizeof y, true);
    return !strcmp(x, y);
}

static void check_prompt_numbers(report *r, facet *f, size_t n, const char *p, size_t pn)
{
    mention ms[128];
    size_t nm = find_mentions(p, pn, ms, 128);
    if (!nm)
        return;
    bool *seen = calloc(n, sizeof *seen);
    for (size_t g = 0; g < n; g++) {
        if (seen[g] || !f[g].usable || f[g].kind == K_NONE)
            continue;
        int kind = f[g].kind;
        /* the combined interval of this row's constraints on the quantity */
        int64_t lo = 0, hi = INF, nums[16];
        size_t nnums = 0;
        bool around = false;
        for (size_t i = g; i < n; i++) {
            if (!f[i].usable || f[i].kind != kind || !same_arg(&f[g], &f[i]))
                continue;
            seen[i] = true;
            lo = f[i].lo > lo ? f[i].lo : lo;
            hi = f[i].hi < hi ? f[i].hi : hi;
            around = around || f[i].around;
            if (nnums < 16)
                nums[nnums++] = f[i].num;
        }
        if (lo > hi)
            continue; /* reported as a conflict */
        bool freq = kind == K_KEYFREQ || kind == K_LETTER;
        int mkind = kind == K_NLPARAGRAPHS ? K_PARAGRAPHS : freq ? K_KEYFREQ : kind;
        int best = 3;
        size_t worst_m = 0;
        for (size_t k = 0; k < nm; k++) {
            if (ms[k].kind != mkind || (freq && !arg_before(p, &ms[k], &f[g])))
                continue;
            int c = compare_mention(&ms[k], lo, hi, around, nums, nnums);
            if (c < best) {
                best = c;
                worst_m = k;
            }
        }
        if (best == 3 || best == 0)
            continue;
        if (nnums > 1) {
            /* several constraints on one count may be stated one by one ("at least
             * 100 words ... less than 200 words"): then every stated number must
             * agree with one of them */
            int each = 0;
            for (size_t k = 0; k < nm; k++) {
                if (ms[k].kind != mkind || (freq && !arg_before(p, &ms[k], &f[g])))
                    continue;
                int bk = 3;
                for (size_t i = g; i < n; i++) {
                    if (!f[i].usable || f[i].kind != kind || !same_arg(&f[g], &f[i]))
                        continue;
                    int c = compare_mention(&ms[k], f[i].lo, f[i].hi, f[i].around, &f[i].num, 1);
                    bk = c < bk ? c : bk;
                }
                each = bk > each ? bk : each;
            }
            if (each < best)
                best = each;
            if (best == 0 || best == 3)
                continue;
        }
        char sn[96], d[64], kwd[96];
        snippet(p, &ms[worst_m], sn, sizeof sn);
        describe(d, sizeof d, lo, hi, around);
        if (f[g].rel)
            snprintf(kwd, sizeof kwd, "%s=%lld, \"%s\"", f[g].numkw, (long long)f[g].num,
                     f[g].rel);
        else
            snprintf(kwd, sizeof kwd, "%s=%lld", f[g].numkw, (long long)f[g].num);
        problemf(r, best == 2, "prompt_mismatch", (int)g,
                 "the prompt %s \"%s\" but %s asks for %s %s%s%s%s (%s%s)",
                 ms[worst_m].bare ? "mentions" : "says", sn, f[g].id, d, kind_noun[kind],
                 freq ? " '" : "", freq ? f[g].arg : "", freq ? "'" : "", kwd,
                 nnums > 1 ? " and more" : "");
    }
    free(seen);
}

/* MARK: the prompt: words the kwargs name ---------------------------------- */

static const char *language_name(const char *code)
{
    static const char *const t[][2] = {
        {"af", "afrikaans"}, {"ar", "arabic"}, {"bg", "bulgarian"}, {"bn", "bengali"},
        {"ca", "catalan"}, {"cs", "czech"}, {"cy", "welsh"}, {"da", "danish"},
        {"de", "german"}, {"el", "greek"}, {"en", "english"}, {"es", "spanish"},
        {"et", "estonian"}, {"fa", "persian"}, {"fi", "finnish"}, {"fr", "french"},
        {"gu", "gujarati"}, {"he", "hebrew"}, {"hi", "hindi"}, {"hr", "croatian"},
        {"hu", "hungarian"}, {"id", "indonesian"}, {"it", "italian"}, {"ja", "japanese"},
        {"kn", "kannada"}, {"ko", "korean"}, {"lt", "lithuanian"}, {"lv", "latvian"},
        {"mk", "macedonian"}, {"ml", "malayalam"}, {"mr", "marathi"}, {"ne", "nepali"},
        {"nl", "dutch"}, {"no", "norwegian"}, {"pa", "punjabi"}, {"pl", "polish"},
        {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"}, {"sk", "slovak"},
        {"sl", "slovenian"}, {"so", "somali"}, {"sq", "albanian"}, {"sv", "swedish"},
        {"sw", "swahili"}, {"ta", "tamil"}, {"te", "telugu"}, {"th", "thai"},
        {"tl", "tagalog"}, {"tr", "turkish"}, {"uk", "ukrainian"}, {"ur", "urdu"},
        {"vi", "vietnamese"}, {"zh-cn", "chinese"}, {"zh-tw", "chinese"}, {"zh", "chinese"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(code, t[i][0]))
            return t[i][1];
    return NULL;
}

static bool letter_mentioned(const char *p, size_t n, char letter)
{
    char l = lower(letter);
    for (size_t i = 0; i < n; i++) {
        if (lower(p[i]) != l)
            continue;
        bool lb = i == 0 || !is_alnum((unsigned char)p[i - 1]);
        bool rb = i + 1 == n || !is_alnum((unsigned char)p[i + 1]);
        if (!lb || !rb)
            continue;
        bool quoted = i > 0 && i + 1 < n && strchr("'\"`", p[i - 1]) && p[i - 1] &&
                      p[i + 1] == p[i - 1];
        size_t from = i > 16 ? i - 16 : 0;
        bool named = ci_find(p + from, i - from, "letter", false);
        if (quoted || named || (l != 'a' && l != 'i'))
            return true;
    }
    return false;
}

static void want_text(report *r, const char *p, size_t pn, int instr, const char *id,
                      const char *what, const char *text)
{
    char s[256];
    strip_to(text, s, sizeof s, false);
    if (s[0] && !ci_find(p, pn, s, false))
        problemf(r, false, "prompt_keyword", instr, "%s: the prompt never mentions the %s '%s'",
                 id, what, s);
}

static void check_prompt_words(report *r, facet *f, size_t n, const char *p, size_t pn)
{
    for (size_t i = 0; i < n; i++) {
        facet *a = &f[i];
        if (!a->usable)
            continue;
        if (a->tags & (T_EXIST | T_FORBID))
            for (size_t k = 0; k < words_count(a->words); k++)
                if (words_item(a->words, k))
                    want_text(r, p, pn, (int)i, a->id,
                              a->tags & T_EXIST ? "keyword" : "forbidden word",
                              words_item(a->words, k));
        if ((a->tags & T_CHOICE) && a->tulu)
            for (size_t k = 0; k < words_count(a->words); k++)
                if (words_item(a->words, k))
                    want_text(r, p, pn, (int)i, a->id, "option", words_item(a->words, k));
        if (a->kind == K_KEYFREQ && a->arg)
            want_text(r, p, pn, (int)i, a->id, "keyword", a->arg);
        if (a->kind == K_LETTER && a->arg && a->arg[0] && !letter_mentioned(p, pn, a->arg[0]))
            problemf(r, false, "prompt_keyword", (int)i,
                     "%s: the prompt never mentions the letter '%s'", a->id, a->arg);
        if (a->end_phrase)
            want_text(r, p, pn, (int)i, a->id, "end phrase", a->end_phrase);
        if (a->first_word)
            want_text(r, p, pn, (int)i, a->id, "first word", a->first_word);
        if (a->marker)
            want_text(r, p, pn, (int)i, a->id, "postscript marker", a->marker);
        if (a->splitter)
            want_text(r, p, pn, (int)i, a->id, "section marker", a->splitter);
        if (a->repeat) {
            char s[256];
            strip_to(a->repeat, s, sizeof s, false);
            if (s[0] && !ci_find(p, pn, s, false))
                problemf(r, false, "prompt_keyword", (int)i,
                         "%s: the text to repeat is not part of the prompt", a->id);
        }
        if (a->lang) {
            const char *name = language_name(a->lang);
            if (name && !ci_find(p, pn, name, false))
                problemf(r, false, "prompt_keyword", (int)i,
                         "%s: the prompt never names the language '%s' (%s)", a->id, a->lang,
                         name);
        }
    }
}

/* MARK: one row ------------------------------------------------------------ */

typedef struct tally {
    const char *code;
    bool error;
    size_t count;
} tally;

typedef struct lint_state {
    ifr_options *opts;
    tally t[32];
    size_t nt;
    size_t rows, rows_err, rows_warn, no_prompt, malformed, soft;
    FILE *out;
    bool problems_only;
    const char *path;
} lint_state;

static void count(lint_state *st, const problem *p)
{
    for (size_t i = 0; i < st->nt; i++)
        if (st->t[i].error == p->error && !strcmp(st->t[i].code, p->code)) {
            st->t[i].count++;
            return;
        }
    if (st->nt < 32)
        st->t[st->nt++] = (tally){p->code, p->error, 1};
}

static const char *lib_code(int code)
{
    switch (code) {
    case IFR_E_UNKNOWN: return "unknown_id";
    case IFR_E_KWARGS: return "kwargs";
    case IFR_E_REGEX: return "regex";
    case IFR_E_JSON: return "json";
    case IFR_E_SPEC: return "spec";
    case IFR_E_LIMIT: return "limit";
    default: return "compile";
    }
}

static void lib_problem(report *r, const ifr_error *e, int instr)
{
    problem *p = add_problem(r, true, lib_code(e->code), instr);
    p->ecode = ifr_error_name(e->code);
    snprintf(p->path, sizeof p->path, "%s", e->path);
    snprintf(p->msg, sizeof p->msg, "%s", e->message);
}

static void write_row(lint_state *st, size_t lineno, json_t *row, const report *r)
{
    if (st->problems_only && r->n == 0)
        return;
    json_t *o = json_object();
    json_object_set_new(o, "line", json_integer((json_int_t)lineno));
    static const char *const keys[] = {"key", "uid", "id"};
    for (size_t k = 0; k < 3 && row; k++) {
        json_t *v = json_object_get(row, keys[k]);
        if (v)
            json_object_set(o, keys[k], v);
    }
    json_t *arr = json_array();
    size_t ne = 0;
    for (size_t i = 0; i < r->n; i++) {
        const problem *p = &r->v[i];
        json_t *x = json_object();
        json_object_set_new(x, "severity", json_string(p->error ? "error" : "warning"));
        json_object_set_new(x, "code", json_string(p->code));
        json_object_set_new(x, "instruction", p->instr >= 0 ? json_integer(p->instr) : json_null());
        json_object_set_new(x, "message", json_string(p->msg));
        if (p->ecode)
            json_object_set_new(x, "error_code", json_string(p->ecode));
        if (p->path[0])
            json_object_set_new(x, "path", json_string(p->path));
        json_array_append_new(arr, x);
        ne += p->error;
    }
    json_object_set_new(o, "errors", json_integer((json_int_t)ne));
    json_object_set_new(o, "warnings", json_integer((json_int_t)(r->n - ne)));
    json_object_set_new(o, "problems", arr);
    ifr__py_dump(st->out, o);
    fputc('\n', st->out);
    json_decref(o);
}

static void lint_row(lint_state *st, const ds_line *ln)
{
    report r = {0};
    json_error_t je;
    json_t *row = json_loadb(ln->s, ln->n, JSON_ALLOW_NUL, &je);
    st->rows++;
    if (!row || !json_is_object(row)) {
        problemf(&r, true, "json", -1, "%s", row ? "not a JSON object" : je.text);
        fprintf(stderr, "%s:%zu: %s\n", st->path, ln->lineno, r.v[0].msg);
        st->malformed++;
        goto done;
    }
    ifr_spec *spec = NULL;
    ifr_error err;
    if (ifr_spec_compile(&spec, ln->s, ln->n, st->opts, &err) != IFR_OK) {
        lib_problem(&r, &err, err.instruction);
        goto done;
    }
    ds_spec ds;
    char msg[200];
    if (ds_extract(row, &ds, msg, sizeof msg) != 0 || ds.n != ifr_spec_count(spec)) {
        /* the library read it differently: report its errors only */
        for (size_t i = 0; i < ifr_spec_count(spec); i++)
            if (ifr_spec_error(spec, i, &err) != IFR_OK)
                lib_problem(&r, &err, (int)i);
        ifr_spec_free(spec);
        ds_spec_free(&ds);
        goto done;
    }
    facet *f = calloc(ds.n, sizeof *f);
    /* constraints a row tags "soft" (judged by a model, see `ifreward refine`) may
     * use ids the registry does not know */
    json_t *types = json_object_get(row, "constraint_types");
    if (!json_is_array(types) || json_array_size(types) != ds.n)
        types = NULL;
    for (size_t i = 0; i < ds.n; i++) {
        int code = ifr_spec_error(spec, i, &err);
        const char *ty = types ? json_string_value(json_array_get(types, i)) : NULL;
        if (code == IFR_E_UNKNOWN && ty && !strcmp(ty, "soft"))
            st->soft++;
        else if (code != IFR_OK)
            lib_problem(&r, &err, (int)i);
        f[i].id = ds.v[i].id;
        f[i].kw = ds.v[i].kwargs;
        f[i].hi = INF;
        analyse(&f[i]);
        /* ids lint knows are analysed even if this build's registry lacks them */
        f[i].usable = f[i].known && (code == IFR_OK || code == IFR_E_UNKNOWN);
    }
    if (ds.where == DS_GROUND_TRUTH && ds.entries > 1) {
        size_t first = 0;
        while (first < ds.n && ds.v[first].entry == 0)
            first++;
        problemf(&r, false, "ignored_entries", -1,
                 "ground truth has %zu entries; open-instruct's verifier (and compat "
                 "semantics) reads only the first, so instructions %zu.. are never checked",
                 ds.entries, first);
    }
    for (size_t i = 0; i < ds.n; i++)
        if (f[i].usable)
            check_ranges(&r, &f[i], (int)i);
    check_pairs(&r, f, ds.n);
    json_t *prompt = ds_prompt(row);
    if (prompt) {
        check_prompt_numbers(&r, f, ds.n, json_string_value(prompt), json_string_length(prompt));
        check_prompt_words(&r, f, ds.n, json_string_value(prompt), json_string_length(prompt));
    } else {
        st->no_prompt++;
    }
    free(f);
    ds_spec_free(&ds);
    ifr_spec_free(spec);
done:;
    size_t ne = 0;
    for (size_t i = 0; i < r.n; i++) {
        ne += r.v[i].error;
        count(st, &r.v[i]);
    }
    st->rows_err += ne > 0;
    st->rows_warn += ne == 0 && r.n > 0;
    write_row(st, ln->lineno, row, &r);
    json_decref(row);
    free(r.v);
}

/* MARK: command ------------------------------------------------------------ */

static const char lint_help[] =
    "usage: ifreward lint [--suite S] [--problems-only] [--output FILE] [--quiet] FILE|-\n\n"
    "Checks a dataset (JSONL; each row a spec: instruction_id_list + kwargs, ground_truth or\n"
    "func_name, usually with a \"prompt\" or \"messages\") for constraints that cannot be\n"
    "verified or cannot be followed: unknown ids, missing or ill-typed kwargs (compiled by\n"
    "the library, with its error code and JSON path), impossible or trivial ranges,\n"
    "conflicting instruction pairs, and kwargs that disagree with the prompt text.\n"
    "See docs/TOOLS.md for every check.\n\n"
    "Writes one JSONL report line per row to stdout:\n"
    "  {\"line\": N, \"key\": .., \"errors\": E, \"warnings\": W, \"problems\": [{\"severity\":\n"
    "   \"error\"|\"warning\", \"code\": .., \"instruction\": i|null, \"message\": .., ...}]}\n"
    "and a summary (counts by problem code) on stderr.\n"
    "Exit status: 0 no errors (warnings allowed), 1 some error, 2 usage or I/O error.\n\n"
    "options:\n"
    "  --suite S          default suite for bare ids: auto (default), ifeval, iftrain,\n"
    "                     ifbench, tulu3\n"
    "  --problems-only    write report lines only for rows with problems\n"
    "  --output FILE      write the report to FILE instead of stdout\n"
    "  --quiet            no summary on stderr\n";

int cmd_lint(int argc, char **argv)
{
    const char *input = NULL, *output = NULL, *v;
    int suite = IFR_SUITE_AUTO;
    bool problems_only = false, quiet = false;
    for (int i = 0; i < argc; i++) {
        bool missing = false;
        if ((v = ds_flag_value(argc, argv, &i, "--suite", &missing))) {
            suite = ds_suite_code(v);
            if (suite < 0) {
                fprintf(stderr, PROG ": --suite must be auto, ifeval, iftrain, ifbench or tulu3\n");
                return 2;
            }
        } else if ((v = ds_flag_value(argc, argv, &i, "--output", &missing))) {
            output = v;
        } else if (!strcmp(argv[i], "--problems-only")) {
            problems_only = true;
        } else if (!strcmp(argv[i], "--quiet")) {
            quiet = true;
        } else {
            int rc = ds_other_arg(PROG, argv[i], missing, lint_help, &input);
            if (rc >= 0)
                return rc;
        }
    }
    if (!input) {
        fprintf(stderr, PROG ": needs an input file (or - for stdin); see --help\n");
        return 2;
    }
    size_t len;
    char *buf = ds_read_file(input, &len);
    if (!buf) {
        fprintf(stderr, PROG ": cannot read %s: %s\n", input, strerror(errno));
        return 2;
    }
    lint_state st = {.problems_only = problems_only, .path = input, .out = stdout};
    if (output && !(st.out = fopen(output, "w"))) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", output, strerror(errno));
        free(buf);
        return 2;
    }
    if (ifr_options_new(&st.opts, NULL) != IFR_OK) {
        fprintf(stderr, PROG ": out of memory\n");
        return 2;
    }
    ifr_options_set(st.opts, IFR_OPT_SUITE, suite);
    ifr_options_set(st.opts, IFR_OPT_ON_ERROR, IFR_ON_ERROR_MARK);
    /* precise compiles every ground-truth entry; kwargs parsing is the same */
    ifr_options_set(st.opts, IFR_OPT_SEMANTICS, IFR_SEMANTICS_PRECISE);
    size_t pos = 0;
    ds_line ln = {0};
    while (ds_next_line(buf, len, &pos, &ln))
        if (!ds_blank(ln.s, ln.n))
            lint_row(&st, &ln);
    int status = 0;
    if (st.out != stdout && fclose(st.out) != 0) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", output, strerror(errno));
        status = 2;
    }
    if (!quiet) {
        fprintf(stderr, PROG ": %zu rows: %zu with errors, %zu with warnings only, %zu clean",
                st.rows, st.rows_err, st.rows_warn, st.rows - st.rows_err - st.rows_warn);
        if (st.no_prompt)
            fprintf(stderr, "; %zu without a prompt (prompt checks skipped)", st.no_prompt);
        if (st.soft)
            fprintf(stderr, "; %zu soft constraint(s) with ids the registry does not know "
                            "(not checked)", st.soft);
        fputc('\n', stderr);
        for (int e = 1; e >= 0; e--) {
            bool any = false;
            for (size_t i = 0; i < st.nt; i++) {
                if (st.t[i].error != (bool)e)
                    continue;
                fprintf(stderr, "%s%s %zu", any ? ", " : e ? "  errors: " : "  warnings: ",
                        st.t[i].code, st.t[i].count);
                any = true;
            }
            if (any)
                fputc('\n', stderr);
        }
    }
    ifr_options_free(st.opts);
    free(buf);
    if (status)
        return status;
    return st.rows_err ? 1 : 0;
}
