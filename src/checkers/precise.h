/*
 * precise.h - helpers for precise semantics (IFR_SEMANTICS_PRECISE), shared by
 * the checker family files. Compat code paths never call these.
 *
 * "Visible" follows the scoring layer's rule (src/score.c): whitespace,
 * controls, format characters (ZWSP, BOM, joiners, soft hyphen, bidi marks),
 * unassigned/private/surrogate code points and the blank-looking letters
 * (Hangul fillers, braille blank) are invisible.
 * "Word characters" are Python's \w plus combining marks (Mn, Mc, Me), so an
 * Indic word or a decomposed accent is not split in two.
 */
#ifndef IFR_CHECKERS_PRECISE_H
#define IFR_CHECKERS_PRECISE_H

#include "util.h"

static inline bool ifr__pr_on(const ifr__check_ctx *cx)
{
    return cx->semantics == IFR_SEMANTICS_PRECISE;
}

bool ifr__pr_invisible(uint32_t c);
/* no visible character in s[0..n) */
bool ifr__pr_blank(const uint32_t *s, size_t n);
/* \w or a combining mark */
bool ifr__pr_wordch(uint32_t c);
/* some word character (\w) in s[0..n) */
bool ifr__pr_has_word(const uint32_t *s, size_t n);
/* a format character (Cf: ZWSP, ZWJ, soft hyphen, BOM, bidi marks...) */
bool ifr__pr_format(uint32_t c);

/* The code point that ends at byte `i` of valid UTF-8 s (i > 0), and the one starting at i. */
uint32_t ifr__pr_cp_before(const char *s, size_t i);
uint32_t ifr__pr_cp_at(const char *s, size_t n, size_t i);

/*
 * Next whole-word match of the (literal) regex rx in s[0..n) at or after
 * byte `from`: the characters around the match must not be word characters
 * (ifr__pr_wordch) where the keyword itself starts / ends with one
 * (wb_start / wb_end). A match that fails the test is retried one character
 * later, so overlapping candidates are not lost. 1 found, 0 none, <0 error.
 */
int ifr__pr_word_search(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                        size_t from, bool wb_start, bool wb_end, size_t *ms, size_t *me);

/* Copy of t without format characters (Cf), as UTF-8 in t's arena. */
int ifr__pr_strip_format(const ifr__text *t, const char **s, size_t *n);

/* A line [b, e) of cp (without its terminator); lines end at \n, \r\n or \r. */
bool ifr__pr_next_line(const uint32_t *cp, size_t n, size_t *pos, size_t *b, size_t *e);

/* "[...]" on one line with a letter inside, not a markdown link "[x](y)". */
size_t ifr__pr_count_placeholders(const uint32_t *cp, size_t n);
/* Lines starting with '* ', '- ' or '+ ' and a word (outside ``` fences). */
size_t ifr__pr_count_bullets(const uint32_t *cp, size_t n);
/* Distinct markdown emphasis spans with a word inside. IFR_OK or IFR_E_NOMEM. */
int ifr__pr_count_highlights(const uint32_t *cp, size_t n, ifr__arena *ar, size_t *out);
/* Sorted FNV hashes of the lowered words (runs of word characters) of span sp. */
int ifr__pr_word_hashes(const ifr__text *t, ifr__span sp, uint64_t **out, size_t *nout);
/* Word multisets of two spans: their sizes and the size of their intersection. */
int ifr__pr_compare_words(const ifr__text *t, ifr__span a, ifr__span b, size_t *na, size_t *nb,
                          size_t *common);
/* Same words, or 10+ words with 90% or more shared: one response with a small edit. */
bool ifr__pr_near_same(size_t na, size_t nb, size_t common);
/* First whole-word occurrence of nd in h at or after `from` (exact code points), or (size_t)-1. */
size_t ifr__pr_find_word(const uint32_t *h, size_t hn, size_t from, const uint32_t *nd,
                         size_t nn);
/* Non-overlapping case-insensitive whole-word occurrences of kw (stripped) in t,
 * format characters ignored. IFR_OK or IFR_E_NOMEM. */
int ifr__pr_count_word_ci(ifr__text *t, const uint32_t *kw, size_t kn, size_t *count);
/* Occurrences of the ASCII letter (lower case) counting accented, compatibility and
 * (inside words with Latin letters) Cyrillic/Greek look-alike forms. */
size_t ifr__pr_letter_count(const ifr__text *t, uint32_t letter);

#endif /* IFR_CHECKERS_PRECISE_H */
