/*
 * pyrandom.c - CPython 3.11 random.Random, bit for bit.
 *
 * Follows Modules/_randommodule.c (init_genrand, init_by_array, genrand_uint32,
 * random_random, getrandbits) and Lib/random.py (seed, gauss,
 * _randbelow_with_getrandbits). The MT19937 reference algorithm is by
 * Matsumoto and Nishimura; this is an independent implementation of it.
 */
#include "nlp/pyrandom.h"

#include <math.h>

#define MT_M 397
#define MATRIX_A 0x9908b0dfu
#define UPPER_MASK 0x80000000u
#define LOWER_MASK 0x7fffffffu

static void init_genrand(ifr__pyrandom *r, uint32_t s)
{
    uint32_t *mt = r->mt;
    mt[0] = s;
    for (int i = 1; i < IFR__MT_N; i++)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->mti = IFR__MT_N;
}

static void init_by_array(ifr__pyrandom *r, const uint32_t *key, size_t keylen)
{
    uint32_t *mt = r->mt;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    size_t k = IFR__MT_N > keylen ? IFR__MT_N : keylen;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= IFR__MT_N) {
            mt[0] = mt[IFR__MT_N - 1];
            i = 1;
        }
        if (j >= keylen)
            j = 0;
    }
    for (k = IFR__MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= IFR__MT_N) {
            mt[0] = mt[IFR__MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; /* MSB is 1; assuring non-zero initial array */
    r->words = mt;
}

void ifr__pyrandom_seed(ifr__pyrandom *r, uint64_t seed)
{
    /* random_seed(): the key is the 32-bit little-endian words of abs(n);
     * zero gives the one-word key {0}. */
    uint32_t key[2];
    size_t keylen = 1;
    key[0] = (uint32_t)seed;
    key[1] = (uint32_t)(seed >> 32);
    if (key[1])
        keylen = 2;
    init_by_array(r, key, keylen);
    r->has_gauss = false; /* Random.seed() sets gauss_next = None */
    r->gauss_next = 0.0;
}

void ifr__pyrandom_set_state(ifr__pyrandom *r, const uint32_t mt[IFR__MT_N], int mti)
{
    for (int i = 0; i < IFR__MT_N; i++)
        r->mt[i] = mt[i];
    r->words = r->mt;
    r->mti = mti;
    r->has_gauss = false;
    r->gauss_next = 0.0;
}

void ifr__pyrandom_borrow_state(ifr__pyrandom *r, const uint32_t mt[IFR__MT_N], int mti)
{
    r->words = mt;
    r->mti = mti;
    r->has_gauss = false;
    r->gauss_next = 0.0;
}

/*
 * The twist reads the old words from `src` and writes the new ones to
 * r->mt: word kk needs old kk and kk + 1, and old kk + 397 below 227 or the
 * new kk - 227 from there on (the last one new 0 and new 396), exactly what
 * the in-place loop reads, so src may be r->mt itself or a borrowed state.
 */
void ifr__pyrandom_twist(ifr__pyrandom *r)
{
    const uint32_t *src = r->words;
    uint32_t *mt = r->mt;
    uint32_t y;
    int kk;
    for (kk = 0; kk < IFR__MT_N - MT_M; kk++) {
        y = (src[kk] & UPPER_MASK) | (src[kk + 1] & LOWER_MASK);
        mt[kk] = src[kk + MT_M] ^ (y >> 1) ^ (MATRIX_A & (0u - (y & 0x1u)));
    }
    for (; kk < IFR__MT_N - 1; kk++) {
        y = (src[kk] & UPPER_MASK) | (src[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (MT_M - IFR__MT_N)] ^ (y >> 1) ^ (MATRIX_A & (0u - (y & 0x1u)));
    }
    y = (src[IFR__MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[IFR__MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ (MATRIX_A & (0u - (y & 0x1u)));
    r->words = mt;
    r->mti = 0;
}

double ifr__pyrandom_random(ifr__pyrandom *r)
{
    uint32_t a = ifr__pyrandom_u32(r) >> 5, b = ifr__pyrandom_u32(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

uint64_t ifr__pyrandom_getrandbits(ifr__pyrandom *r, unsigned k)
{
    if (k == 0)
        return 0;
    if (k <= 32)
        return ifr__pyrandom_u32(r) >> (32 - k);
    if (k > 64)
        k = 64;
    /* Words are filled least significant first; the last one is truncated. */
    uint64_t lo = ifr__pyrandom_u32(r);
    uint64_t hi = ifr__pyrandom_u32(r) >> (64 - k);
    return lo | (hi << 32);
}

uint64_t ifr__pyrandom_randbelow(ifr__pyrandom *r, uint64_t n)
{
    unsigned k = ifr__bit_length(n);
    uint64_t v = ifr__pyrandom_getrandbits(r, k);
    while (v >= n)
        v = ifr__pyrandom_getrandbits(r, k);
    return v;
}

double ifr__pyrandom_gauss(ifr__pyrandom *r, double mu, double sigma)
{
    double z;
    if (r->has_gauss) {
        z = r->gauss_next;
        r->has_gauss = false;
    } else {
        /* TWOPI = 2.0 * pi, as random.py computes it */
        const double twopi = 2.0 * 3.141592653589793;
        double x2pi = ifr__pyrandom_random(r) * twopi;
        double g2rad = sqrt(-2.0 * log(1.0 - ifr__pyrandom_random(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss = true;
    }
    return mu + z * sigma;
}
