/*
 * langdetect.h - language identification, an exact port of langdetect 1.0.9
 * (as Debian packages it in python3-langdetect) with DetectorFactory.seed = 0.
 *
 * detect(text) in langdetect: Detector.append (URL and e-mail removal,
 * Vietnamese normalisation, first 10,000 characters, runs of spaces
 * collapsed), cleaning_text (the Latin/non-Latin rule), 1-3-gram extraction
 * with NGram.normalize, then 7 trials of random n-gram draws from Python's
 * random.Random reseeded with 0 on every call, and the most probable language
 * above 0.1. Every floating-point operation is done in Python's order, so the
 * probabilities are bit-identical to the reference's. See docs/LANGDETECT.md.
 *
 * Pure functions over the caller's arena; the tables are const
 * (langdetect_data.h). Thread-safe by construction.
 */
#ifndef IFR_NLP_LANGDETECT_H
#define IFR_NLP_LANGDETECT_H

#include "../ifreward_internal.h"
#include "langdetect_data.h"

/*
 * ifr__langdetect only: stop the trials as soon as the detected language is
 * certain (out->trials < 7 then, and out->prob is a lower bound: the
 * leader's sum over the trials run). The code is always the full run's; see
 * the proof in langdetect.c (decided).
 */
#define IFR__LD_EARLY_EXIT 0x1u
/*
 * Flags of ifr__langdetect_probs and ifr__langdetect. For tests: run the
 * trials with one implementation (IFR__LD_ISA_*; see
 * ifr__langdetect_has_isa). All of them give the same bits; 0 (or one the
 * CPU lacks) picks the fastest available.
 */
#define IFR__LD_ISA_BASELINE 0x10u /* portable C (SSE2 on x86-64) */
#define IFR__LD_ISA_AVX2 0x20u     /* the same C compiled for AVX2 */
#define IFR__LD_ISA_AVX512 0x30u   /* AVX-512F intrinsics */
#define IFR__LD_ISA_MASK 0x30u
/* Whether this build and CPU can run the trials with `isa` (IFR__LD_ISA_*). */
bool ifr__langdetect_has_isa(unsigned isa);

/*
 * langdetect's Detector._detect_block: langprob[i] is the averaged probability
 * of language i (ifr__langdetect_code(i)), before the 0.1 threshold, always
 * over all 7 trials (IFR__LD_EARLY_EXIT is ignored). *nofeatures is set when
 * the reference raises "No features in text" (then langprob is all zero).
 * Returns IFR_OK or IFR_E_NOMEM.
 */
int ifr__langdetect_probs(const uint32_t *cp, size_t n, ifr__arena *ar, unsigned flags,
                          double langprob[IFR__LD_NLANG], bool *nofeatures);

/*
 * langdetect.detect(): out->status is IFR_OK or IFR_E_NOFEATURES; out->code the
 * language ("unknown" when no language is above 0.1) and out->prob its
 * probability (0 for "unknown"); out->trials the trials run (7, fewer with
 * IFR__LD_EARLY_EXIT, 0 without features). Returns IFR_OK or IFR_E_NOMEM.
 */
int ifr__langdetect(const uint32_t *cp, size_t n, ifr__arena *ar, unsigned flags,
                    ifr__lang *out);

/* Profile i's code in langdetect's order, or NULL when i >= IFR__LD_NLANG. */
const char *ifr__langdetect_code(size_t i);
/* Index of a profile code ("en", "zh-cn"), or -1. */
int ifr__langdetect_find(const char *code, size_t len);

/*
 * For the langdetect checkers (src/checkers/language.c, change_case.c): set
 * cx->followed to `detect(text) == want` with the reference's rule for a text
 * without features (passes in compat, fails in precise), and a detail that
 * starts with `what`. IFR_OK or IFR_E_NOMEM. Defined in language.c.
 */
int ifr__ck_detect_is(ifr__text *t, ifr__check_ctx *cx, const char *want, const char *what);

#endif /* IFR_NLP_LANGDETECT_H */
