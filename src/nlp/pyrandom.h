/*
 * pyrandom.h - the exact stream of CPython 3.11's random.Random.
 *
 * MT19937 seeded as random.seed(int) seeds it (init_by_array over the 32-bit
 * words of abs(seed)), and random(), gauss() (with its cached second value),
 * getrandbits() and choice()'s _randbelow (rejection sampling on getrandbits),
 * all bit-identical to Python's. langdetect draws its trial noise and n-gram
 * picks from this stream, so a deterministic port needs it.
 *
 * The state lives in the caller's struct (stack or arena): no globals.
 */
#ifndef IFR_NLP_PYRANDOM_H
#define IFR_NLP_PYRANDOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IFR__MT_N 624

typedef struct ifr__pyrandom {
    uint32_t mt[IFR__MT_N];
    const uint32_t *words; /* the 624 state words: mt, or a borrowed array until the next twist */
    int mti;
    bool has_gauss;     /* Random.gauss_next is not None */
    double gauss_next;
} ifr__pyrandom;

/* random.seed(seed) for a non-negative integer seed < 2**64 (resets gauss_next). */
void ifr__pyrandom_seed(ifr__pyrandom *r, uint64_t seed);
/* Restore a state (mt[624] and the index mti), e.g. a precomputed seeding;
 * gauss_next is reset as seed() resets it. */
void ifr__pyrandom_set_state(ifr__pyrandom *r, const uint32_t mt[IFR__MT_N], int mti);
/* The same without copying: the words are read from mt, which must stay
 * valid and unchanged while r is used, until the next twist writes r->mt. */
void ifr__pyrandom_borrow_state(ifr__pyrandom *r, const uint32_t mt[IFR__MT_N], int mti);
/* genrand_uint32's regeneration of the 624 words (from r->words into r->mt)
 * and mti = 0; done by ifr__pyrandom_u32 every 624 outputs. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((cold))
#endif
void ifr__pyrandom_twist(ifr__pyrandom *r);
/* The next raw 32-bit output (genrand_uint32); inline but for the twist. */
static inline uint32_t ifr__pyrandom_u32(ifr__pyrandom *r)
{
    if (r->mti >= IFR__MT_N)
        ifr__pyrandom_twist(r);
    uint32_t y = r->words[r->mti++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}
/* random.random(): 53-bit double in [0, 1). */
double ifr__pyrandom_random(ifr__pyrandom *r);
/* random.getrandbits(k) for 0 <= k <= 64. */
uint64_t ifr__pyrandom_getrandbits(ifr__pyrandom *r, unsigned k);
/* random._randbelow(n) for 0 < n < 2**64 (what choice() uses). */
uint64_t ifr__pyrandom_randbelow(ifr__pyrandom *r, uint64_t n);
/* n.bit_length() */
static inline unsigned ifr__bit_length(uint64_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    return n ? 64u - (unsigned)__builtin_clzll(n) : 0u;
#else
    unsigned k = 0;
    for (; n; n >>= 1)
        k++;
    return k;
#endif
}

/* _randbelow(n) for 0 < n < 2**32 with k = n.bit_length() precomputed: the
 * same draws as ifr__pyrandom_randbelow (getrandbits(k) until below n). */
static inline uint32_t ifr__pyrandom_below32(ifr__pyrandom *r, uint32_t n, unsigned k)
{
    uint32_t v;
    do
        v = ifr__pyrandom_u32(r) >> (32 - k);
    while (v >= n);
    return v;
}

/* random.gauss(mu, sigma). */
double ifr__pyrandom_gauss(ifr__pyrandom *r, double mu, double sigma);

#endif /* IFR_NLP_PYRANDOM_H */
