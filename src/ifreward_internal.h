/*
 * ifreward_internal.h - shared internals (never installed)
 *
 * Layers (DESIGN.md): spec parsing -> compiled instructions -> text analysis
 * (lazy, cached per text in the result's arena) -> checkers (pure functions)
 * -> scoring (strict / loose variants, aggregation) -> result.
 *
 * Internal externs are named ifr__*; everything else is static.
 */
#ifndef IFREWARD_INTERNAL_H
#define IFREWARD_INTERNAL_H

#include "ifreward.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#  define IFR__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define IFR__PRINTF(f, a)
#endif

/* MARK: allocation ------------------------------------------------------- */

/* The allocator every object was made with (a copy of the user's hooks, or libc). */
void ifr__alloc_default(ifr_allocator *a);
void *ifr__malloc(const ifr_allocator *a, size_t n);
void *ifr__calloc(const ifr_allocator *a, size_t count, size_t size); /* overflow-checked */
void *ifr__realloc(const ifr_allocator *a, void *p, size_t n);
void ifr__free(const ifr_allocator *a, void *p);

/*
 * Arena: bump allocation in blocks that are kept across resets, so that a
 * result in steady state performs no malloc on the hot path.
 */
typedef struct ifr__arena_block ifr__arena_block;
typedef struct ifr__arena {
    const ifr_allocator *alloc;
    ifr__arena_block *head;   /* current block */
    ifr__arena_block *first;  /* list of all blocks (kept on reset) */
} ifr__arena;

void ifr__arena_init(ifr__arena *ar, const ifr_allocator *alloc);
void *ifr__arena_alloc(ifr__arena *ar, size_t n);            /* 16-aligned; NULL on NOMEM */
void *ifr__arena_calloc(ifr__arena *ar, size_t count, size_t size);
char *ifr__arena_strndup(ifr__arena *ar, const char *s, size_t n); /* adds NUL */
void ifr__arena_reset(ifr__arena *ar);                       /* keep blocks, forget contents */
void ifr__arena_release(ifr__arena *ar);                     /* free everything */

/* A buffer handed to the caller, released with ifr_free() (remembers its allocator). */
char *ifr__buf_alloc(const ifr_allocator *a, size_t n);

/* MARK: errors ----------------------------------------------------------- */

/* Fill err (may be NULL): code, message (printf), offset (-1 = none), path (may be NULL). */
int ifr__error_set(ifr_error *err, int code, size_t offset, int instruction,
                   const char *path, const char *fmt, ...) IFR__PRINTF(6, 7);
void ifr__error_clear(ifr_error *err);

/* MARK: text analysis ---------------------------------------------------- */

/* A span [b, e) of code-point indices into ifr__text.cp. */
typedef struct ifr__span {
    size_t b, e;
} ifr__span;

/* A code-point string (borrowed, not NUL-terminated). */
typedef struct ifr__ustr {
    const uint32_t *p;
    size_t n;
} ifr__ustr;

/* Tokenizer behaviour versions: IFEval uses NLTK 3.8, IFBench/IFTrain 3.9.2. */
typedef enum ifr__nltk_version {
    IFR__NLTK_38 = 0,
    IFR__NLTK_392 = 1,
    IFR__NLTK_NVERSIONS = 2
} ifr__nltk_version;

/* Result of language identification (langdetect 1.0.9, seed 0). */
typedef struct ifr__lang {
    int status;      /* IFR_OK, or IFR_E_NOFEATURES when langdetect raises */
    char code[8];    /* "en", "zh-cn", "unknown" */
    double prob;     /* after all 7 trials; a lower bound if trials < 7 */
    int trials;      /* trials run: 7, or 4-6 after an early exit (0: no features) */
} ifr__lang;

#define IFR__HAVE_WORDS     0x01u
#define IFR__HAVE_SENTS     0x02u  /* + version bit shift, see text.c */
#define IFR__HAVE_TOKS      0x08u
#define IFR__HAVE_LANG      0x20u

/*
 * One analysed text (a response or one of its loose variants). The UTF-8 is
 * always valid (invalid input was replaced with U+FFFD) and `cp` is its
 * decoding. Everything else is computed on first use and cached here; all
 * memory lives in `arena` (the result's), so it dies at the next check.
 */
typedef struct ifr__text {
    const char *s;          /* valid UTF-8, NUL-terminated (may contain NULs) */
    size_t n;               /* bytes, without the terminator */
    const uint32_t *cp;     /* code points */
    size_t ncp;
    ifr__arena *arena;
    unsigned have;          /* IFR__HAVE_* caches filled */
    size_t nwords;                                  /* count of Python \w+ runs */
    const ifr__span *sents[IFR__NLTK_NVERSIONS];    /* Punkt sentences */
    size_t nsents[IFR__NLTK_NVERSIONS];
    const ifr__ustr *toks[IFR__NLTK_NVERSIONS];     /* nltk.word_tokenize tokens */
    size_t ntoks[IFR__NLTK_NVERSIONS];
    unsigned have_sents;    /* bit v: sents[v] valid */
    unsigned have_toks;     /* bit v: toks[v] valid */
    ifr__lang lang;
} ifr__text;

/* The text's bytes when it is all ASCII (byte i is cp[i]: fast paths may scan
 * them with memchr or SIMD), else NULL. */
static inline const char *ifr__text_ascii(const ifr__text *t)
{
    return t->n == t->ncp ? t->s : NULL;
}

/* Build a text from raw bytes (UTF-8 repaired with U+FFFD). Memory from `ar`. */
int ifr__text_init(ifr__text *t, ifr__arena *ar, const char *s, size_t n);
/* Build a text from code points (the UTF-8 is encoded into `ar`). */
int ifr__text_init_cp(ifr__text *t, ifr__arena *ar, const uint32_t *cp, size_t ncp);

/* Number of re.findall(r"\w+") matches (IFEval's count_words). */
size_t ifr__text_word_count(ifr__text *t);
/* Punkt sentences (src/nlp/punkt.c). IFR_OK or IFR_E_NOMEM. */
int ifr__text_sentences(ifr__text *t, ifr__nltk_version v, const ifr__span **out, size_t *n);
/* nltk.word_tokenize tokens (src/nlp/treebank.c). IFR_OK or IFR_E_NOMEM. */
int ifr__text_tokens(ifr__text *t, ifr__nltk_version v, const ifr__ustr **out, size_t *n);
/* langdetect.detect with seed 0 (src/nlp/langdetect.c). IFR_OK or IFR_E_NOMEM;
 * the detection outcome itself (incl. no features) is in (*out)->status.
 * The trials stop once the code is certain ((*out)->trials). */
int ifr__text_language(ifr__text *t, const ifr__lang **out);

/* MARK: regex (src/regex.c, the only file that includes pcre2.h) --------- */

typedef struct ifr__regex ifr__regex;
typedef struct ifr__scratch ifr__scratch; /* per-result match data + limits */

#define IFR__RX_IGNORECASE 0x1u  /* re.IGNORECASE */
#define IFR__RX_MULTILINE  0x2u  /* re.MULTILINE */
#define IFR__RX_DOTALL     0x4u  /* re.DOTALL */
#define IFR__RX_LITERAL    0x8u  /* the pattern is a literal string (re.escape) */

/*
 * Compile a *Python* `re` pattern (str pattern semantics: Unicode \w \s \b \d
 * as CPython decides them) into PCRE2. On failure returns IFR_E_REGEX (or
 * IFR_E_NOMEM) and writes a message into msg and the pattern offset into *erroff.
 */
int ifr__regex_compile(ifr__regex **out, const char *pat, size_t len, unsigned flags,
                       const ifr_allocator *alloc, char *msg, size_t msgcap,
                       size_t *erroff);
void ifr__regex_free(ifr__regex *rx);

int ifr__scratch_new(ifr__scratch **out, const ifr_allocator *alloc,
                     uint32_t match_limit, uint32_t depth_limit);
void ifr__scratch_free(ifr__scratch *sc);

/*
 * re.search from byte offset `start` of UTF-8 `s`: 1 and the match's byte span
 * [*ms, *me) when found, 0 when not, IFR_E_LIMIT when a PCRE2 limit was hit.
 */
int ifr__regex_search(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                      size_t start, size_t *ms, size_t *me);

/*
 * re.finditer / re.findall iteration with Python 3.7+ empty-match rules.
 * Initialise `*it` to {0}; each call returns 1 with the next match span,
 * 0 at the end, or IFR_E_LIMIT.
 */
typedef struct ifr__rx_iter {
    size_t pos;
    size_t last_end;
    int started;
    int prev_empty_at; /* internal */
} ifr__rx_iter;
int ifr__regex_next(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                    ifr__rx_iter *it, size_t *ms, size_t *me);
/* len(re.findall(...)) */
int ifr__regex_count(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                     size_t *count);

/* MARK: kwargs and the checker registry ---------------------------------- */

typedef enum ifr__kw_kind {
    IFR__KW_END = 0,
    IFR__KW_INT,       /* integer; integral floats (5.0) accepted */
    IFR__KW_NUM,       /* any JSON number */
    IFR__KW_STR,       /* string */
    IFR__KW_STRLIST,   /* list of strings */
    IFR__KW_BOOL,      /* true/false */
    IFR__KW_STR_OR_LIST /* a string or a list of strings (see ifr__kwval) */
} ifr__kw_kind;

#define IFR__KW_REQUIRED 0x1u  /* absent or null is an IFR_E_KWARGS error */

typedef struct ifr__kwspec {
    const char *name;
    ifr__kw_kind kind;
    unsigned flags;
    const char *doc;   /* one line for docs/CHECKERS.md */
} ifr__kwspec;

/* A kwarg value handed to parse(); strings are valid only during parse(). */
typedef struct ifr__kwval {
    bool present;            /* present and not null */
    bool is_list;            /* for STR_OR_LIST: which one */
    int64_t i;               /* INT, BOOL */
    double d;                /* NUM (and INT) */
    const char *s;           /* STR (NUL-terminated; may contain NUL, use slen) */
    size_t slen;
    const char *const *list; /* STRLIST items */
    const size_t *lens;
    size_t nlist;
} ifr__kwval;

typedef struct ifr__parse_ctx ifr__parse_ctx;

/* Allocate args memory that lives as long as the spec (zeroed). NULL on NOMEM. */
void *ifr__parse_alloc(ifr__parse_ctx *pc, size_t n);
char *ifr__parse_strdup(ifr__parse_ctx *pc, const char *s, size_t n);
/* Report a kwargs error at kwarg `key` (path /kwargs/<i>/<key>); returns `code`. */
int ifr__parse_error(ifr__parse_ctx *pc, int code, const char *key, const char *fmt, ...)
    IFR__PRINTF(4, 5);
/* Compile a Python regex owned by the spec (freed with it). Errors are reported at `key`. */
int ifr__parse_regex(ifr__parse_ctx *pc, const char *key, const char *pat, size_t len,
                     unsigned flags, const ifr__regex **out);
/* IFR_SEMANTICS_COMPAT or IFR_SEMANTICS_PRECISE */
int ifr__parse_semantics(const ifr__parse_ctx *pc);
const ifr_allocator *ifr__parse_allocator(const ifr__parse_ctx *pc);

/* Comparison relations used by IFEval-style kwargs. */
typedef enum ifr__relation { IFR__REL_LESS_THAN = 0, IFR__REL_AT_LEAST = 1 } ifr__relation;
/* Parse "less than" / "at least" from kwarg `key`; absent is an error. */
int ifr__parse_relation(ifr__parse_ctx *pc, const char *key, const ifr__kwval *v,
                        ifr__relation *out);
bool ifr__relation_holds(ifr__relation rel, int64_t value, int64_t threshold);
const char *ifr__relation_name(ifr__relation rel);

/* What a check function gets besides its args and the text. */
typedef struct ifr__check_ctx {
    int semantics;        /* IFR_SEMANTICS_* */
    unsigned flags;       /* IFR_CHECK_* of this call */
    ifr__scratch *rx;     /* regex scratch of this thread */
    bool followed;        /* out: the verdict */
    char *detail;         /* out: short explanation (write with ifr__detail) */
    size_t detail_cap;
} ifr__check_ctx;

void ifr__detail(ifr__check_ctx *cx, const char *fmt, ...) IFR__PRINTF(2, 3);

/*
 * parse(): turn validated kwargs (vals[i] matches row->kwargs[i]) into an
 * args struct allocated with ifr__parse_alloc. NULL parse means "no args".
 * check(): hot path, pure and reentrant, no malloc (text analyses allocate
 * from the result's arena). Returns IFR_OK after setting cx->followed, or
 * IFR_E_NOMEM / IFR_E_LIMIT / IFR_E_UNSUPPORTED (reference raises).
 */
typedef int (*ifr__parse_fn)(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args);
typedef int (*ifr__check_fn)(const void *args, ifr__text *t, ifr__check_ctx *cx);

typedef enum ifr__suite {
    IFR__SUITE_IFEVAL = IFR_SUITE_IFEVAL,
    IFR__SUITE_IFTRAIN = IFR_SUITE_IFTRAIN,
    IFR__SUITE_IFBENCH = IFR_SUITE_IFBENCH,
    IFR__SUITE_TULU3 = IFR_SUITE_TULU3
} ifr__suite;

typedef struct ifr__checker {
    const char *id;              /* "family:name" (tulu3: the func_name) */
    ifr__suite suite;
    const char *summary;         /* one line */
    const ifr__kwspec *kwargs;   /* closed by a {NULL} row; NULL = none */
    ifr__parse_fn parse;
    ifr__check_fn check;
    unsigned flags;              /* IFR_CHECKER_* */
    const char *rule;            /* the decision rule, for docs/CHECKERS.md */
    const char *quirks;          /* compat quirks kept (docs), or NULL */
    const char *precise;         /* what precise semantics changes (docs), or NULL */
} ifr__checker;

/* Each family file exports one table closed by a row with id == NULL. */
#define IFR__FAMILY(name) extern const ifr__checker ifr__family_##name[];
#include "checkers/families.def"
#undef IFR__FAMILY

size_t ifr__registry_count(void);
const ifr__checker *ifr__registry_at(size_t i);
/* Look up (suite, id); suite 0 = any. NULL if unknown. */
const ifr__checker *ifr__registry_find(int suite, const char *id, size_t idlen);
const char *ifr__suite_name(int suite);

#endif /* IFREWARD_INTERNAL_H */
