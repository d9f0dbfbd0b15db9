/*
 * treebank.h - what nltk.word_tokenize(text) returns.
 *
 * word_tokenize(text) = Punkt sentences (punkt.h), then NLTKWordTokenizer
 * (nltk/tokenize/destructive.py: the improved Treebank tokenizer) on each
 * sentence. The tokenizer is a chain of regex substitutions followed by
 * str.split(); each substitution is ported as a scanner with exactly
 * Python's re.sub semantics (leftmost, non-overlapping, on the output of the
 * previous step). NLTK 3.9.2 adds one step (whitespace runs become one
 * space before the contraction rules), selected by the version argument.
 */
#ifndef IFR_NLP_TREEBANK_H
#define IFR_NLP_TREEBANK_H

#include "../ifreward_internal.h"

/*
 * Tokens of NLTKWordTokenizer().tokenize(s) for one string s[0..n), appended
 * to *toks (capacity *cap, count *ntoks; the array grows in `ar`). The
 * token code points live in `ar`. IFR_OK or IFR_E_NOMEM.
 */
int ifr__treebank_tokenize(const uint32_t *s, size_t n, ifr__nltk_version v, ifr__arena *ar,
                           ifr__ustr **toks, size_t *ntoks, size_t *cap);

/*
 * nltk.word_tokenize(text) (language="english", preserve_line=False) on
 * cp[0..n): the tokens in order, allocated from `ar`. IFR_OK or IFR_E_NOMEM.
 */
int ifr__word_tokenize(const uint32_t *cp, size_t n, ifr__nltk_version v, ifr__arena *ar,
                       ifr__ustr **out, size_t *nout);

#endif /* IFR_NLP_TREEBANK_H */
