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
 * 0 marks an empty slot. A slot's `val` locates the n-gram's sparse row in
 * ifr__ld_words: IFR__LD_ROW_OFF(val) is the first word and
 * IFR__LD_ROW_COUNT(val) the number c of languages with a non-zero
 * probability. The row is one word with bit l set for each such language l
 * (55 languages fit), then c words holding the IEEE-754 bits of the
 * probabilities, in increasing language order. A language absent
 * from the row has probability 0.0, as in langdetect's dense vector. One row
 * is contiguous so that a random draw touches one or two cache lines.
 * N-grams known to many languages (at least IFR__LD_DENSE_MIN) are stored
 * densely instead: IFR__LD_ROW_COUNT(val) is IFR__LD_DENSE and
 * IFR__LD_ROW_OFF(val) the index of IFR__LD_NPROB doubles in ifr__ld_dense
 * (language order, then 0.0 padding), so an update is one vector loop.
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

#define IFR__LD_NPROB (IFR__LD_NLANG + (IFR__LD_NLANG & 1)) /* even: padded with 0.0 */
#define IFR__LD_ROW_OFF(val) ((val) & 0xFFFFFu)
#define IFR__LD_ROW_COUNT(val) ((val) >> 20)
#define IFR__LD_DENSE 63u   /* ROW_COUNT of a dense row */
#define IFR__LD_DENSE_MIN 16 /* languages from which a row is stored densely */

typedef struct ifr__ld_slot {
    uint64_t key; /* 0: empty */
    uint32_t val; /* row offset | language count << 20 */
} ifr__ld_slot;

/*
 * Direct tables for the n-grams of normalised ASCII text (the common case):
 * index 0 is ' ', 1-26 'A'-'Z', 27-52 'a'-'z' (normalize() turns every other
 * ASCII character into ' '). Entries are slot values, IFR__LD_NONE if absent.
 */
#define IFR__LD_NASCII 53
#define IFR__LD_NONE UINT32_MAX
extern const uint32_t ifr__ld_ascii1[IFR__LD_NASCII];
extern const uint32_t ifr__ld_ascii2[IFR__LD_NASCII * IFR__LD_NASCII];
extern const uint32_t ifr__ld_ascii3[IFR__LD_NASCII * IFR__LD_NASCII * IFR__LD_NASCII];

extern const char ifr__ld_lang_codes[IFR__LD_NLANG][8];
extern const ifr__ld_slot ifr__ld_slots[IFR__LD_SLOTS];
extern const size_t ifr__ld_nrows;   /* n-grams in the table */
extern const uint64_t ifr__ld_words[]; /* rows; probabilities = count / n_words[len - 1] */
extern const double ifr__ld_dense[];   /* dense rows, IFR__LD_NPROB each */

/* random.Random state right after seed(0) and its first twist (mti 0):
 * equivalent to seeding, without the 2,000-step init_by_array per call. */
extern const uint32_t ifr__ld_mt_seed0[624];

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
