/*
 * punkt.h - NLTK's PunktSentenceTokenizer with the English model.
 *
 * An exact port of nltk/tokenize/punkt.py (NLTK 3.8; the algorithm is the
 * same in 3.9.2, which loads the same parameters from punkt_tab): the
 * period-context scan, the overlap rule of _match_potential_end_contexts, the
 * Punkt word tokenizer applied line by line, the first and second annotation
 * passes (abbreviations, ellipses, initials, numbers, collocations, frequent
 * sentence starters, orthographic heuristic) and realign_boundaries.
 * Everything works on code points with CPython's character classes. The
 * model's tables are const data (punkt_tables.h); nothing is global or
 * mutable, so calls are reentrant.
 */
#ifndef IFR_NLP_PUNKT_H
#define IFR_NLP_PUNKT_H

#include "../ifreward_internal.h"

/*
 * PunktSentenceTokenizer(english).tokenize(text) with realign_boundaries on,
 * as spans [b, e) of code-point indices into cp[0..n). The array is allocated
 * from `ar` (*out is NULL when there is no sentence). `v` selects the NLTK
 * version; Punkt behaves the same in both (docs/TOKENIZERS.md).
 * Returns IFR_OK or IFR_E_NOMEM.
 */
int ifr__punkt_tokenize(const uint32_t *cp, size_t n, ifr__nltk_version v, ifr__arena *ar,
                        ifr__span **out, size_t *nout);

#endif /* IFR_NLP_PUNKT_H */
