/*
 * test_text_setup.c - the one-pass text set-up (src/text/utf8.h) against the
 * separate functions it replaces on the hot path: ifr__utf8_valid for the
 * validity flag, re-encoding for the code points, ifr__text_init_cp for
 * ifr__text_init_owned, and the per-character case maps for the ASCII fast
 * path of ifr__py_lower/upper. Inputs put non-ASCII and invalid bytes on
 * every side of the 16- and 8-byte blocks of the ASCII widening.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "text/pycompat.h"
#include "text/utf8.h"

typedef struct fixture {
    ifr_allocator al;
    ifr__arena ar;
} fixture;

static int setup(void **state)
{
    static fixture f;
    ifr__alloc_default(&f.al);
    ifr__arena_init(&f.ar, &f.al);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ifr__arena_release(&f->ar);
    return 0;
}

static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1103515245u + 12345u;
    return *x >> 8;
}

/* pieces: ASCII, 2/3/4-byte characters, a literal U+FFFD, invalid bytes */
static const char *const pieces[] = {
    "a", "Z", " ", "\n", "*", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xef\xbf\xbd",
    "\x80", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\xff", "\x00",
};

static size_t make_input(uint32_t *seed, char *buf, size_t cap, bool only_valid)
{
    size_t n = 0, len = lcg(seed) % 70;
    /* a run of ASCII first, so the special pieces land at every offset */
    size_t lead = lcg(seed) % 40;
    for (size_t i = 0; i < lead && n < cap; i++)
        buf[n++] = (char)('a' + i % 26);
    for (size_t i = 0; i < len; i++) {
        size_t np = only_valid ? 9 : sizeof pieces / sizeof pieces[0];
        uint32_t r = lcg(seed);
        const char *p = (r % 3) ? pieces[r % 4] : pieces[(r / 3) % np];
        size_t m = (p[0] == '\0') ? 1 : strlen(p);
        if (n + m > cap)
            break;
        memcpy(buf + n, p, m);
        n += m;
    }
    return n;
}

static void test_decode_check_matches_separate_functions(void **state)
{
    fixture *f = *state;
    uint32_t seed = 12345u;
    char buf[512];
    size_t ninvalid = 0;
    for (int it = 0; it < 20000; it++) {
        ifr__arena_reset(&f->ar);
        size_t n = make_input(&seed, buf, sizeof buf, it % 2 == 0);
        uint32_t *cp;
        size_t ncp;
        bool valid;
        assert_int_equal(ifr__utf8_decode_check(buf, n, &f->ar, &cp, &ncp, &valid), IFR_OK);
        assert_int_equal(valid, ifr__utf8_valid(buf, n));
        assert_int_equal(cp[ncp], 0);
        /* the same code points with the input split after an ASCII prefix */
        size_t k = 0;
        while (k < n && (unsigned char)buf[k] < 0x80)
            k++;
        uint32_t *cp2;
        size_t ncp2;
        assert_int_equal(ifr__utf8_decode(buf + k, n - k, &f->ar, &cp2, &ncp2), IFR_OK);
        assert_int_equal(ncp, k + ncp2);
        for (size_t i = 0; i < k; i++)
            assert_int_equal(cp[i], (unsigned char)buf[i]);
        assert_memory_equal(cp + k, cp2, ncp2 * sizeof *cp);
        if (valid) { /* then re-encoding gives the bytes back */
            char *enc;
            size_t nenc;
            assert_int_equal(ifr__utf8_encode(cp, ncp, &f->ar, &enc, &nenc), IFR_OK);
            assert_int_equal(nenc, n);
            assert_memory_equal(enc, buf, n);
        } else {
            ninvalid++;
        }
        /* ifr__text_init: the UTF-8 is the input when valid, else its repair */
        ifr__text t;
        assert_int_equal(ifr__text_init(&t, &f->ar, buf, n), IFR_OK);
        assert_int_equal(t.ncp, ncp);
        assert_memory_equal(t.cp, cp, ncp * sizeof *cp);
        assert_int_equal(t.s[t.n], '\0');
        assert_true(ifr__utf8_valid(t.s, t.n));
        if (valid) {
            assert_int_equal(t.n, n);
            assert_memory_equal(t.s, buf, n);
        } else {
            assert_true(t.n != n || memcmp(t.s, buf, n) != 0);
        }
    }
    assert_true(ninvalid > 1000); /* both sides of the flag were exercised */
}

static void test_init_owned_matches_init_cp(void **state)
{
    fixture *f = *state;
    uint32_t seed = 777u;
    static const uint32_t sample[] = {'a', ' ', '\n', '*', 0x7F, 0x80, 0xE9, 0x7FF, 0x800,
                                      0x201C, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    for (int it = 0; it < 5000; it++) {
        ifr__arena_reset(&f->ar);
        size_t n = lcg(&seed) % 50;
        uint32_t *cp = ifr__arena_alloc(&f->ar, (n + 1) * sizeof *cp);
        assert_non_null(cp);
        size_t nbytes = 0;
        bool ascii = it % 3 == 0;
        for (size_t i = 0; i < n; i++) {
            cp[i] = ascii ? 'a' + lcg(&seed) % 26
                          : sample[lcg(&seed) % (sizeof sample / sizeof sample[0])];
            nbytes += ifr__utf8_len1(cp[i]);
        }
        ifr__text a, b;
        assert_int_equal(ifr__text_init_cp(&a, &f->ar, cp, n), IFR_OK);
        assert_int_equal(ifr__text_init_owned(&b, &f->ar, cp, n, nbytes), IFR_OK);
        assert_int_equal(a.ncp, b.ncp);
        assert_memory_equal(a.cp, b.cp, (n + 1) * sizeof *cp); /* incl. the 0 */
        assert_int_equal(a.n, b.n);
        assert_int_equal(b.n, nbytes);
        assert_memory_equal(a.s, b.s, a.n + 1);
    }
}

static void test_lower_upper_ascii_fast_path(void **state)
{
    fixture *f = *state;
    uint32_t all[128];
    for (uint32_t c = 0; c < 128; c++)
        all[c] = c;
    uint32_t *lo, *up;
    size_t nlo, nup;
    assert_int_equal(ifr__py_lower(all, 128, &f->ar, &lo, &nlo), IFR_OK);
    assert_int_equal(ifr__py_upper(all, 128, &f->ar, &up, &nup), IFR_OK);
    assert_int_equal(nlo, 128);
    assert_int_equal(nup, 128);
    for (uint32_t c = 0; c < 128; c++) {
        uint32_t m[3];
        assert_int_equal(ifr__py_lower1(c, m), 1);
        assert_int_equal(lo[c], m[0]);
        assert_int_equal(ifr__py_upper1(c, m), 1);
        assert_int_equal(up[c], m[0]);
    }
    assert_int_equal(lo['Q'], 'q');
    assert_int_equal(up['q'], 'Q');
    assert_int_equal(lo['@'], '@');
    assert_int_equal(up['['], '[');
    /* mixed with non-ASCII: the sigma rule still sees its ASCII neighbours */
    static const uint32_t sig[] = {'A', 0x3A3, ' ', 0x3A3, 'b'};
    assert_int_equal(ifr__py_lower(sig, 5, &f->ar, &lo, &nlo), IFR_OK);
    assert_int_equal(nlo, 5);
    assert_int_equal(lo[0], 'a');
    assert_int_equal(lo[1], 0x3C2); /* final sigma after a cased letter */
    assert_int_equal(lo[3], 0x3C3); /* not final: no cased letter before it */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_check_matches_separate_functions),
        cmocka_unit_test(test_init_owned_matches_init_cp),
        cmocka_unit_test(test_lower_upper_ascii_fast_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
