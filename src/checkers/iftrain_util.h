/*
 * iftrain_util.h - helpers shared by the open-instruct suites (iftrain, tulu3).
 *
 * Python `str` operations on code-point strings (find, count, split by a
 * literal, startswith), parse-time conversion of kwarg strings, and a port of
 * IFEvalG's regex sentence splitter (`instructions_util.split_into_sentences`,
 * open-instruct e6c3044).
 */
#ifndef IFR_CHECKERS_IFTRAIN_UTIL_H
#define IFR_CHECKERS_IFTRAIN_UTIL_H

#include "../ifreward_internal.h"

#define IFR__NPOS ((size_t)-1)

/* MARK: code-point strings ------------------------------------------------ */

/* str.find(needle, from): index of the first occurrence at or after `from`, or
 * IFR__NPOS. An empty needle is found at `from` (when from <= hn). */
size_t ifr__cps_find(const uint32_t *h, size_t hn, size_t from, const uint32_t *nd,
                     size_t nn);
/* str.count(needle): non-overlapping occurrences; an empty needle counts hn + 1. */
size_t ifr__cps_count(const uint32_t *h, size_t hn, const uint32_t *nd, size_t nn);
bool ifr__cps_eq(const uint32_t *a, size_t an, const uint32_t *b, size_t bn);
bool ifr__cps_startswith(const uint32_t *h, size_t hn, const uint32_t *p, size_t pn);
bool ifr__cps_endswith(const uint32_t *h, size_t hn, const uint32_t *p, size_t pn);
/* Same tests against an ASCII literal. */
bool ifr__cps_has_ascii(const uint32_t *h, size_t hn, const char *lit);
size_t ifr__cps_count_ascii(const uint32_t *h, size_t hn, const char *lit);

/*
 * str.split(sep) (a non-empty literal) as an iterator: start with *pos = 0 and
 * *done = false; each call returns true with the next piece [*b, *e).
 */
bool ifr__cps_split_next(const uint32_t *s, size_t n, const uint32_t *sep, size_t sepn,
                         size_t *pos, bool *done, size_t *b, size_t *e);

/* Decode a kwarg string (UTF-8, may hold NULs) into code points owned by the
 * spec. Invalid UTF-8 becomes U+FFFD. */
int ifr__cps_from_kwarg(ifr__parse_ctx *pc, const char *s, size_t n, ifr__ustr *out);
/* out = in.strip() (a view into in). */
void ifr__cps_strip(const ifr__ustr *in, ifr__ustr *out);
/* out = in.lower(), owned by the spec (CPython rules incl. final sigma). */
int ifr__cps_lower_kwarg(ifr__parse_ctx *pc, const ifr__ustr *in, ifr__ustr *out);

/* MARK: IFEvalG split_into_sentences -------------------------------------- */

/*
 * IFEvalG's regex sentence splitter on s[0..n): the sentences, stripped, the
 * final empty piece dropped (empty pieces in the middle are kept). Memory from
 * `ar`. IFR_OK or IFR_E_NOMEM.
 */
int ifr__rsent_split(ifr__arena *ar, const uint32_t *s, size_t n, ifr__ustr **out,
                     size_t *nout);


/* MARK: kwarg helpers for IFEvalG checkers ---------------------------------- */

/* IFEvalG's `x[0] if not isinstance(x, str) else x`, then .strip(), decoded.
 * *empty is set when the value is falsy before stripping (the reference then
 * draws a random value). */
int ifr__ift_kwarg_word(ifr__parse_ctx *pc, const ifr__kwval *v, ifr__ustr *out, bool *empty);
/* An integer kwarg the reference replaces by a random draw when it is absent or 0:
 * *out = its value, else IFR_E_KWARGS at `key` ("<key> must be a non-zero integer
 * (the reference draws a random one)"). */
int ifr__ift_kwarg_nonzero(ifr__parse_ctx *pc, const ifr__kwval *v, const char *key,
                           int64_t *out);
/* Compile keyword.strip() as an (unescaped) Python regex owned by the spec. */
int ifr__ift_kwarg_regex(ifr__parse_ctx *pc, const char *key, const ifr__ustr *pat,
                         unsigned flags, const ifr__regex **out);
/* Python sequence indexing: idx in [-n, n) maps to [0, n); else IFR__NPOS. */
size_t ifr__py_index(int64_t idx, size_t n);
/* Python slice bounds s[start:end] for a sequence of length n. */
void ifr__py_slice(int64_t start, int64_t end, size_t n, size_t *b, size_t *e);

/* re.split(r"\s?\*\*\*\s?", s) as an iterator (same protocol as
 * ifr__cps_split_next). */
bool ifr__ift_stars_split_next(const uint32_t *s, size_t n, size_t *pos, bool *done,
                               size_t *b, size_t *e);

#endif /* IFR_CHECKERS_IFTRAIN_UTIL_H */
