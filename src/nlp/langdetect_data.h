/*
 * langdetect_data.h - the compiled-in tables of langdetect 1.0.9.
 *
 * Generated at build time by src/tools/ldgen.c from data/langdetect/ (the 55
 * language profiles, messages.properties and the profile order), see
 * cmake/modules/langdetect.cmake. Everything is const; nothing is initialised
 * at run time.
 *
 * N-gram table: an open-addressing hash (linear probing) over packed keys.
 * Every profile n-gram is a BMP string of 1-3 code points (checked by the
 * generator), none of them U+0000, so a key packs as c1<<32 | c2<<16 | c3
 * with the first code point in the highest used slot ("ab" is 0,'a','b') and
 * 0 marks an empty slot. Row r owns the sparse (language, probability) pairs
 * ent_lang/ent_prob[row_off[r] .. row_off[r+1]); a language absent from the row
 * has probability 0.0, exactly as in langdetect's dense vector.
 */
#ifndef IFR_NLP_LANGDETECT_DATA_H
#define IFR_NLP_LANGDETECT_DATA_H

#include <stddef.h>
#include <stdint.h>

#define IFR__LD_NLANG 55          /* profiles, in langdetect's (os.listdir) order */
#define IFR__LD_HASH_BITS 17
#define IFR__LD_SLOTS (1u << IFR__LD_HASH_BITS)
#define IFR__LD_CJK_FIRST 0x4E00u /* "CJK Unified Ideographs" block */
#define IFR__LD_CJK_LAST 0x9FFFu
#define IFR__LD_VI_NALPHA 24      /* length of TO_NORMALIZE_VI_CHARS */
#define IFR__LD_VI_NDMARK 5       /* length of DMARK_CLASS */

/* Packed key of an n-gram (1 <= n <= 3), or 0 if it cannot be in the table. */
static inline uint64_t ifr__ld_key(const uint32_t *g, size_t n)
{
    uint64_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (g[i] == 0 || g[i] > 0xFFFFu)
            return 0;
        k = (k << 16) | g[i];
    }
    return k;
}

/* Home slot of a key (Fibonacci hashing). */
static inline uint32_t ifr__ld_hash(uint64_t key)
{
    return (uint32_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - IFR__LD_HASH_BITS));
}

extern const char ifr__ld_lang_codes[IFR__LD_NLANG][8];
extern const uint64_t ifr__ld_slot_key[IFR__LD_SLOTS];
extern const uint32_t ifr__ld_slot_row[IFR__LD_SLOTS];
extern const size_t ifr__ld_nrows;
extern const uint32_t ifr__ld_row_off[];   /* ifr__ld_nrows + 1 entries */
extern const uint8_t ifr__ld_ent_lang[];
extern const double ifr__ld_ent_prob[];    /* count / n_words[len - 1], as langdetect */

/* NGram.normalize's CJK_MAP over the CJK Unified Ideographs block. */
extern const uint16_t ifr__ld_cjk_map[IFR__LD_CJK_LAST - IFR__LD_CJK_FIRST + 1];
/* NGram.LATIN1_EXCLUDED */
extern const uint32_t ifr__ld_latin1_excluded[];
extern const size_t ifr__ld_latin1_excluded_len;
/* NGram.normalize_vi: TO_NORMALIZE_VI_CHARS, DMARK_CLASS, NORMALIZED_VI_CHARS_* */
extern const uint32_t ifr__ld_vi_alpha[IFR__LD_VI_NALPHA];
extern const uint32_t ifr__ld_vi_dmark[IFR__LD_VI_NDMARK];
extern const uint32_t ifr__ld_vi_norm[IFR__LD_VI_NDMARK][IFR__LD_VI_NALPHA];

#endif /* IFR_NLP_LANGDETECT_DATA_H */
