/*
 * ifbench_tagger.h - NLTK's averaged-perceptron POS tagger (English, the
 * model NLTK 3.9.2 loads from averaged_perceptron_tagger_eng), reduced to what
 * IFBench's words:start_verb needs: the tag of the first token.
 *
 * The tables are generated at build time (src/tools/ifb_tagger_gen.c) from
 * data/ifbench/tagger_*: the full tag dictionary and every weight of the
 * features that can fire at position 0 (where the previous tags are -START-).
 */
#ifndef IFR_CHECKERS_IFBENCH_TAGGER_H
#define IFR_CHECKERS_IFBENCH_TAGGER_H

#include "../ifreward_internal.h"

extern const size_t ifr__ifb_tag_nclasses;
extern const char *const ifr__ifb_tag_classes[];   /* sorted */
extern const size_t ifr__ifb_tagdict_n;
extern const char *const ifr__ifb_tagdict_word[];  /* sorted by UTF-8 bytes */
extern const unsigned char ifr__ifb_tagdict_tag[]; /* class index */
extern const size_t ifr__ifb_feat_n;
extern const char *const ifr__ifb_feat_name[];     /* sorted by UTF-8 bytes */
extern const uint32_t ifr__ifb_feat_off[];         /* ifr__ifb_feat_n + 1 entries */
extern const unsigned char ifr__ifb_w_class[];
extern const int32_t ifr__ifb_w_milli[];           /* weight * 1000, exactly */

/*
 * nltk.pos_tag(tokens)[0][1] as NLTK 3.9.2 computes it. `tag` receives the
 * NUL-terminated tag ("VB", "NNP", ...). IFR_OK, IFR_E_NOMEM, IFR_E_INVALID
 * when ntok == 0.
 */
int ifr__ifb_first_tag(ifr__arena *ar, const ifr__ustr *tok, size_t ntok, char tag[8]);

#endif /* IFR_CHECKERS_IFBENCH_TAGGER_H */
