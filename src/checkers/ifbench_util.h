/*
 * ifbench_util.h - helpers shared by the IFBench checkers (src/checkers/ifbench_*.c)
 *
 * IFBench (allenai/IFBench at db69a6f) decides most constraints with a few
 * Python idioms: `string.punctuation` removal, `strip(P + ' ')`, `str.split()`,
 * `str.lower()`, `nltk.sent_tokenize` / `nltk.word_tokenize` (NLTK 3.9.2).
 * These helpers reproduce those idioms on code points, allocating from the
 * text's arena. Everything here is pure; no state.
 */
#ifndef IFR_CHECKERS_IFBENCH_UTIL_H
#define IFR_CHECKERS_IFBENCH_UTIL_H

#include "../ifreward_internal.h"
#include "../text/pycompat.h"

/* NLTK version IFBench runs with. */
#define IFR__IFB_NLTK IFR__NLTK_392

/* A growable-free list of spans into some code-point string. */
typedef struct ifr__ifb_spans {
    ifr__span *v;
    size_t n;
} ifr__ifb_spans;

/* c in string.punctuation (the 32 ASCII punctuation characters). */
bool ifr__ifb_is_punct(uint32_t c);

/* s.translate(str.maketrans('', '', string.punctuation)) into `ar`. */
int ifr__ifb_remove_punct(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out,
                          size_t *nout);
/* s.replace(a, b) for single code points (b == 0: delete) into `ar`. */
int ifr__ifb_replace_cp(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t a, uint32_t b,
                        uint32_t **out, size_t *nout);
/* s.strip / lstrip / rstrip (string.punctuation + ' '): kept range [*b, *e). */
void ifr__ifb_strip_ps(const uint32_t *s, size_t n, bool left, bool right, size_t *b,
                       size_t *e);
/* s.lower() into `ar`. */
int ifr__ifb_lower(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out, size_t *nout);

/* s.split() (whitespace) as an array of spans (indices into s), from `ar`. */
int ifr__ifb_split_ws(ifr__arena *ar, const uint32_t *s, size_t n, ifr__ifb_spans *out);
/* s.split(sep) for a single code point separator, from `ar` (always >= 1 field). */
int ifr__ifb_split_cp(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t sep,
                      ifr__ifb_spans *out);

/* Equality of two code-point strings / with an ASCII literal. */
bool ifr__ifb_eq(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
bool ifr__ifb_eq_ascii(const uint32_t *a, size_t na, const char *lit);
/* Python str.find(needle, from): index, or SIZE_MAX. */
size_t ifr__ifb_find(const uint32_t *h, size_t nh, const uint32_t *nd, size_t nn, size_t from);
size_t ifr__ifb_find_ascii(const uint32_t *h, size_t nh, const char *lit, size_t from);
/* Python str.count(needle): non-overlapping; an empty needle counts nh + 1. */
size_t ifr__ifb_count(const uint32_t *h, size_t nh, const uint32_t *nd, size_t nn);

/* A new text over code points (copied into the arena of `like`). */
int ifr__ifb_subtext(ifr__arena *ar, const uint32_t *cp, size_t n, ifr__text *out);
/* nltk.sent_tokenize(text) (3.9.2). */
int ifr__ifb_sentences(ifr__text *t, const ifr__span **out, size_t *n);
/* nltk.word_tokenize(text) (3.9.2). */
int ifr__ifb_tokens(ifr__text *t, const ifr__ustr **out, size_t *n);

/* Decode a kwargs string (valid UTF-8 from the spec layer) into parse memory. */
int ifr__ifb_kw_decode(ifr__parse_ctx *pc, const char *s, size_t n, uint32_t **out,
                       size_t *nout);
/* Same, then Python str.strip(). */
int ifr__ifb_kw_decode_strip(ifr__parse_ctx *pc, const char *s, size_t n, uint32_t **out,
                             size_t *nout);
/* A kwargs integer that the reference replaces by a random draw when it is negative. */
int ifr__ifb_kw_nonneg(ifr__parse_ctx *pc, const char *key, const ifr__kwval *v,
                       int64_t *out);

/* NLTK's English stopword list (data/embed/ifbench/stopwords_english.txt). */
bool ifr__ifb_is_stopword(const uint32_t *w, size_t n);



/* A set of code-point strings (borrowed pointers), for counting distinct tokens. */
typedef struct ifr__ifb_set {
    ifr__ustr *slot;
    size_t cap;  /* power of two */
    size_t n;
} ifr__ifb_set;

/* A set with room for `max` strings, memory from `ar`. */
int ifr__ifb_set_init(ifr__ifb_set *set, ifr__arena *ar, size_t max);
/* Add s (the pointer is kept); true if it was not there yet. */
bool ifr__ifb_set_add(ifr__ifb_set *set, const uint32_t *s, size_t n);
/* Membership test. */
bool ifr__ifb_set_has(const ifr__ifb_set *set, const uint32_t *s, size_t n);
/* Slot index of s in the set (inserting it if new); slots are stable. */
size_t ifr__ifb_set_slot(ifr__ifb_set *set, const uint32_t *s, size_t n);
/* a.lower() == b.lower() (lower-cased copies from `ar`); *eq receives the answer. */
int ifr__ifb_eq_lower(ifr__arena *ar, const uint32_t *a, size_t na, const uint32_t *b,
                      size_t nb, bool *eq);
/* syllapy 0.7.2 count() of an already lower-cased, punctuation-free word. */
int ifr__ifb_syllables(const uint32_t *w, size_t n);
/* emoji.is_emoji(c) for a single code point (emoji 2.14.1's EMOJI_DATA keys). */
bool ifr__ifb_is_emoji(uint32_t c);

/* One record of Python's csv.reader (excel dialect, given delimiter). */
typedef struct ifr__ifb_csv_row {
    ifr__ustr *f;
    size_t nf;
} ifr__ifb_csv_row;

/*
 * list(csv.reader(io.StringIO(s), delimiter=delim)) as CPython 3.11 parses it
 * (quote doubling, '\r' handling, blank lines as empty records). Returns
 * IFR_E_UNSUPPORTED where Python raises csv.Error, IFR_E_NOMEM.
 */
int ifr__ifb_csv_read(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t delim,
                      ifr__ifb_csv_row **rows, size_t *nrows);

/* unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode() into `ar`. */
int ifr__ifb_nfkd_ascii(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out,
                        size_t *nout);
/* Digit value of a Unicode decimal digit (ifr__py_isdecimal(c) must hold). */
int ifr__ifb_decimal_value(uint32_t c);
#endif /* IFR_CHECKERS_IFBENCH_UTIL_H */
