/*
 * punkt_tables.h - lookup tables over the embedded Punkt English model.
 *
 * The model's four text files live in data/embed/punkt/ and are compiled in
 * verbatim (ifr__data_punkt_*). At build time src/tools/punkt_gen.c reads the
 * same files and writes, for each of them, a const index of its entries
 * sorted by bytes (offset and length into the embedded text) with a hash
 * index over it, so a lookup compares straight in the embedded bytes: no
 * parsing, no state, no copy of the strings (cmake/modules/punkt.cmake wires
 * the generator).
 */
#ifndef IFR_NLP_PUNKT_TABLES_H
#define IFR_NLP_PUNKT_TABLES_H

#include <stddef.h>
#include <stdint.h>

/* One entry: bytes [off, off + len) of the embedded file; val = ortho flags. */
typedef struct ifr__punkt_entry {
    uint32_t off;
    uint16_t len;
    uint16_t val;
} ifr__punkt_entry;

/* One collocation (typ1, typ2): two fields of one line of collocations.tab. */
typedef struct ifr__punkt_pair {
    uint32_t off1, off2;
    uint16_t len1, len2;
} ifr__punkt_pair;

extern const unsigned char ifr__data_punkt_abbrev_types_txt[];
extern const unsigned char ifr__data_punkt_sentence_starters_txt[];
extern const unsigned char ifr__data_punkt_ortho_context_tab[];
extern const unsigned char ifr__data_punkt_collocations_tab[];

extern const ifr__punkt_entry ifr__punkt_abbrev[];
extern const size_t ifr__punkt_abbrev_n;
extern const ifr__punkt_entry ifr__punkt_starters[];
extern const size_t ifr__punkt_starters_n;
extern const ifr__punkt_entry ifr__punkt_ortho[];
extern const size_t ifr__punkt_ortho_n;
extern const ifr__punkt_pair ifr__punkt_colloc[];   /* sorted by (typ1, typ2) */
extern const size_t ifr__punkt_colloc_n;
/* the distinct typ1 of the collocations (offsets into collocations.tab;
 * val = 0): no pair can match a typ that is not among them */
extern const ifr__punkt_entry ifr__punkt_colloc1[];
extern const size_t ifr__punkt_colloc1_n;

/* Longest key in any table, in bytes (a longer type cannot be found). */
#define IFR__PUNKT_KEYMAX 64

/*
 * Each table also has an open-addressing hash index (linear probing, size a
 * power of two at least twice the entry count): slot = index + 1 into the
 * sorted array, 0 = empty. The hash is FNV-1a over the key bytes (for a
 * collocation: typ1, a 0x09 byte, typ2), shared by the generator and the
 * runtime through this function.
 */
#define IFR__PUNKT_FNV_BASIS 2166136261u
#define IFR__PUNKT_FNV_PRIME 16777619u

/* the final mixing step of ifr__punkt_hash on an FNV-1a state (the runtime
 * builds the state while it lower-cases a key) */
static inline uint32_t ifr__punkt_hash_mix(uint32_t h)
{
    return h ^ (h >> 15);
}

static inline uint32_t ifr__punkt_hash(const unsigned char *a, size_t na, const unsigned char *b,
                                       size_t nb, int pair)
{
    uint32_t h = IFR__PUNKT_FNV_BASIS;
    for (size_t i = 0; i < na; i++)
        h = (h ^ a[i]) * IFR__PUNKT_FNV_PRIME;
    if (pair) {
        h = (h ^ 0x09u) * IFR__PUNKT_FNV_PRIME;
        for (size_t i = 0; i < nb; i++)
            h = (h ^ b[i]) * IFR__PUNKT_FNV_PRIME;
    }
    return ifr__punkt_hash_mix(h);
}

extern const uint32_t ifr__punkt_abbrev_hash[];
extern const uint32_t ifr__punkt_abbrev_mask;
extern const uint32_t ifr__punkt_starters_hash[];
extern const uint32_t ifr__punkt_starters_mask;
extern const uint32_t ifr__punkt_ortho_hash[];
extern const uint32_t ifr__punkt_ortho_mask;
extern const uint32_t ifr__punkt_colloc_hash[];
extern const uint32_t ifr__punkt_colloc_mask;
extern const uint32_t ifr__punkt_colloc1_hash[];
extern const uint32_t ifr__punkt_colloc1_mask;

/*
 * For the abbreviations and the collocations' first elements: per first
 * byte of a key (keys are ASCII), bit len - 1 is set when some key of that
 * length (1..64) starts with that byte. A lower-cased ASCII type whose
 * length and first byte match no key needs no lookup.
 */
extern const uint64_t ifr__punkt_abbrev_lenmask[128];
extern const uint64_t ifr__punkt_colloc1_lenmask[128];

#endif /* IFR_NLP_PUNKT_TABLES_H */
