/* test_pyjson.c - src/text/pyjson.c against CPython 3.11's json.loads(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/pyjson.h"

typedef struct pycase {
    const char *utf8;
    size_t len;
    int ok;
    long pos; /* -1: ValueError that is not a JSONDecodeError */
    const char *msg;
} pycase;

static const pycase cases[] = {
#include "pyjson_cases.h"
};

/* Decode valid UTF-8 (the generator only emits valid UTF-8). */
static size_t decode(const char *s, size_t n, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = p[i];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (len > 1)
            c &= 0x3Fu >> (len - 1);
        for (size_t j = 1; j < len; j++)
            c = (c << 6) | (p[i + j] & 0x3Fu);
        out[k++] = c;
        i += len;
    }
    return k;
}

static void test_pyjson_matches_cpython(void **state)
{
    (void)state;
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena ar;
    ifr__arena_init(&ar, &al);
    size_t ncases = sizeof cases / sizeof cases[0];
    assert_true(ncases > 3000);
    size_t nok = 0;
    for (size_t i = 0; i < ncases; i++) {
        const pycase *c = &cases[i];
        uint32_t *cp = malloc((c->len + 1) * sizeof *cp);
        assert_non_null(cp);
        size_t ncp = decode(c->utf8, c->len, cp);
        bool ok = !c->ok;
        ifr__pyjson_error e = {(size_t)-2, NULL};
        assert_int_equal(ifr__pyjson_validate(cp, ncp, &ar, &ok, &e), IFR_OK);
        if (ok != (c->ok != 0))
            fail_msg("case %zu (%.60s): accepted=%d, Python says %d (%s at %ld)", i, c->utf8,
                     ok, c->ok, c->msg, c->pos);
        if (!ok) {
            if (strcmp(e.msg, c->msg) != 0 || (c->pos >= 0 && e.pos != (size_t)c->pos))
                fail_msg("case %zu (%.60s): \"%s\" at %zu, Python \"%s\" at %ld", i, c->utf8,
                         e.msg, e.pos, c->msg, c->pos);
        } else {
            nok++;
        }
        free(cp);
        ifr__arena_reset(&ar);
    }
    assert_true(nok > 500); /* the table exercises both verdicts */
    ifr__arena_release(&ar);
}

/* CPython raises RecursionError near depth 1000; we must give the grammar's answer. */
static void test_pyjson_deep_nesting(void **state)
{
    (void)state;
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena ar;
    ifr__arena_init(&ar, &al);
    const size_t depth = 200000;
    uint32_t *s = malloc((5 * depth + 8) * sizeof *s);
    assert_non_null(s);
    for (int variant = 0; variant < 4; variant++) {
        size_t n = 0;
        for (size_t i = 0; i < depth; i++) {
            if (variant & 1) {
                s[n++] = '{'; s[n++] = '"'; s[n++] = '"'; s[n++] = ':';
            } else {
                s[n++] = '[';
            }
        }
        s[n++] = '1';
        for (size_t i = 0; i < depth; i++)
            s[n++] = (variant & 1) ? '}' : ']';
        if (variant & 2)
            n--; /* one closer short */
        bool ok = false;
        ifr__pyjson_error e;
        assert_int_equal(ifr__pyjson_validate(s, n, &ar, &ok, &e), IFR_OK);
        assert_int_equal(ok, !(variant & 2));
        if (variant & 2) {
            assert_string_equal(e.msg, "Expecting ',' delimiter");
            assert_int_equal(e.pos, n);
        }
        /* a mismatched closer deep inside */
        if (!(variant & 2)) {
            s[n - depth / 2] = (variant & 1) ? ']' : '}';
            assert_int_equal(ifr__pyjson_validate(s, n, &ar, &ok, &e), IFR_OK);
            assert_false(ok);
        }
        ifr__arena_reset(&ar);
    }
    /* without an arena, depth beyond the local stack is out of memory, not a crash */
    size_t n = 0;
    for (size_t i = 0; i < 10000; i++)
        s[n++] = '[';
    for (size_t i = 0; i < 10000; i++)
        s[n++] = ']';
    bool ok;
    assert_int_equal(ifr__pyjson_validate(s, n, NULL, &ok, NULL), IFR_E_NOMEM);
    assert_int_equal(ifr__pyjson_validate(s + 6000, 8000, NULL, &ok, NULL), IFR_OK);
    assert_true(ok); /* 4000 levels fit the local stack */
    free(s);
    ifr__arena_release(&ar);
}

/*
 * Python 3.11 refuses to convert integers of more than 4300 digits
 * (ValueError, so json_format fails); floats have no limit. Expected values
 * from /usr/bin/python3: json.loads("1"*4300) ok, "1"*4301 ValueError,
 * "-"+"1"*4300 ok, "-"+"1"*4301 ValueError, "1"*4301+".5" ok,
 * "1"*5000+"e1" ok, "["+"1"*4301+"]" ValueError, "0."+"1"*5000 ok.
 */
static void test_pyjson_int_digit_limit(void **state)
{
    (void)state;
    static const struct {
        const char *pre;
        size_t digits;
        const char *post;
        int ok;
    } lim[] = {
        {"", 4300, "", 1},   {"", 4301, "", 0},   {"-", 4300, "", 1},    {"-", 4301, "", 0},
        {"", 4301, ".5", 1}, {"", 5000, "e1", 1}, {"[", 4301, "]", 0},  {"[", 4300, "]", 1},
        {"0.", 5000, "", 1}, {"1e", 5000, "", 1}, {"{\"a\":", 4301, "}", 0},
    };
    uint32_t *s = malloc(6000 * sizeof *s);
    assert_non_null(s);
    for (size_t k = 0; k < sizeof lim / sizeof lim[0]; k++) {
        size_t n = 0;
        for (const char *p = lim[k].pre; *p; p++)
            s[n++] = (unsigned char)*p;
        for (size_t i = 0; i < lim[k].digits; i++)
            s[n++] = '1';
        for (const char *p = lim[k].post; *p; p++)
            s[n++] = (unsigned char)*p;
        bool ok = !lim[k].ok;
        ifr__pyjson_error e;
        assert_int_equal(ifr__pyjson_validate(s, n, NULL, &ok, &e), IFR_OK);
        if (ok != (lim[k].ok != 0))
            fail_msg("int-limit case %zu: accepted=%d", k, ok);
        if (!ok)
            assert_non_null(strstr(e.msg, "4300"));
    }
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pyjson_matches_cpython),
        cmocka_unit_test(test_pyjson_deep_nesting),
        cmocka_unit_test(test_pyjson_int_digit_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
