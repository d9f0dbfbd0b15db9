/*
 * test_limits.c - limits give clear errors, never hangs or unbounded memory
 * (issue 6, DESIGN §6), and the bad-input policy for responses.
 *
 *  - spec size (IFR_OPT_MAX_SPEC_BYTES), nesting (IFR_OPT_MAX_DEPTH, also far
 *    beyond jansson's own limit), instruction count (IFR_OPT_MAX_INSTRUCTIONS):
 *    exactly at the limit compiles, one past it is IFR_E_LIMIT;
 *  - a pathological keyword regex (catastrophic backtracking) returns quickly
 *    with IFR_E_LIMIT, under the default and under tight PCRE2 limits, while a
 *    benign pattern still gets its verdict under the same tight limits;
 *  - a very large response (IFR_TEST_BIG_MB, default 200 MB) is scored in
 *    memory proportional to its size, measured by the allocator hook;
 *  - invalid UTF-8 and embedded NULs in a response are text, never errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ifreward.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int compile(const char *js, size_t len, const ifr_options *o, ifr_error *err)
{
    ifr_spec *s = NULL;
    int rc = ifr_spec_compile(&s, js, len, o, err);
    if (rc == IFR_OK)
        assert_non_null(s);
    else
        assert_null(s);
    ifr_spec_free(s);
    return rc;
}

static ifr_options *opts_with(ifr_option key, int64_t value)
{
    ifr_options *o = NULL;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(o, key, value), IFR_OK);
    return o;
}

/* MARK: spec size -------------------------------------------------------- */

/* A valid spec padded with trailing spaces to exactly `len` bytes. */
static char *padded_spec(size_t len)
{
    static const char js[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}";
    assert_true(len >= sizeof js - 1);
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    memcpy(buf, js, sizeof js - 1);
    memset(buf + sizeof js - 1, ' ', len - (sizeof js - 1));
    buf[len] = '\0';
    return buf;
}

static void test_limits_spec_bytes_option(void **state)
{
    (void)state;
    ifr_options *o = opts_with(IFR_OPT_MAX_SPEC_BYTES, 512);
    char *at = padded_spec(512), *over = padded_spec(513);
    ifr_error err;
    assert_int_equal(compile(at, 512, o, &err), IFR_OK);
    memset(&err, 0xA5, sizeof err);
    assert_int_equal(compile(over, 513, o, &err), IFR_E_LIMIT);
    assert_int_equal(err.code, IFR_E_LIMIT);
    assert_non_null(memchr(err.message, '\0', sizeof err.message));
    assert_true(err.message[0] != '\0');
    free(at);
    free(over);
    ifr_options_free(o);
}

static void test_limits_spec_bytes_default(void **state)
{
    (void)state;
    size_t mib = (size_t)1 << 20;
    char *at = padded_spec(mib), *over = padded_spec(mib + 1);
    assert_int_equal(compile(at, mib, NULL, NULL), IFR_OK);
    assert_int_equal(compile(over, mib + 1, NULL, NULL), IFR_E_LIMIT);
    free(at);
    free(over);
}

/* MARK: nesting ---------------------------------------------------------- */

/* A spec whose "extra" field nests `k` arrays: total depth k + 1 (the root). */
static char *nested_spec(size_t k, size_t *len)
{
    static const char head[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}], \"extra\": ";
    size_t n = sizeof head - 1 + 2 * k + 1;
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    memcpy(buf, head, sizeof head - 1);
    memset(buf + sizeof head - 1, '[', k);
    memset(buf + sizeof head - 1 + k, ']', k);
    buf[n - 1] = '}';
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void check_depth_boundary(const ifr_options *o, size_t limit)
{
    size_t len;
    /* depth == limit compiles; depth == limit + 1 is IFR_E_LIMIT */
    char *at = nested_spec(limit - 1, &len);
    ifr_error err;
    int rc = compile(at, len, o, &err);
    if (rc != IFR_OK)
        fail_msg("depth %zu (limit %zu): got %d (%s), want IFR_OK", limit, limit, rc,
                 err.message);
    free(at);
    char *over = nested_spec(limit, &len);
    rc = compile(over, len, o, &err);
    if (rc != IFR_E_LIMIT)
        fail_msg("depth %zu (limit %zu): got %d, want IFR_E_LIMIT", limit + 1, limit, rc);
    free(over);
}

static void test_limits_depth_option(void **state)
{
    (void)state;
    ifr_options *o = opts_with(IFR_OPT_MAX_DEPTH, 8);
    check_depth_boundary(o, 8);
    ifr_options_free(o);
}

static void test_limits_depth_default(void **state)
{
    (void)state;
    check_depth_boundary(NULL, 64);
}

static void test_limits_depth_huge(void **state)
{
    (void)state;
    /* far past jansson's own parser limit (2048): still IFR_E_LIMIT, no stack overflow */
    size_t len;
    char *deep = nested_spec(1000000, &len);
    ifr_error err;
    assert_int_equal(compile(deep, len, NULL, &err), IFR_E_LIMIT);
    free(deep);
    /* ... and an unclosed one */
    char *open = malloc(200001);
    assert_non_null(open);
    memset(open, '[', 200000);
    open[200000] = '\0';
    int rc = compile(open, 200000, NULL, &err);
    assert_true(rc == IFR_E_LIMIT || rc == IFR_E_JSON);
    free(open);
}

/* MARK: instruction count ------------------------------------------------ */

static char *many_spec(size_t n, size_t *len)
{
    size_t cap = 64 + n * 32;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t p = (size_t)snprintf(buf, cap, "{\"instruction_id_list\": [");
    for (size_t i = 0; i < n; i++)
        p += (size_t)snprintf(buf + p, cap - p, "%s\"punctuation:no_comma\"", i ? ", " : "");
    p += (size_t)snprintf(buf + p, cap - p, "], \"kwargs\": [");
    for (size_t i = 0; i < n; i++)
        p += (size_t)snprintf(buf + p, cap - p, "%s{}", i ? ", " : "");
    p += (size_t)snprintf(buf + p, cap - p, "]}");
    *len = p;
    return buf;
}

static void check_count_boundary(const ifr_options *o, size_t limit)
{
    size_t len;
    char *at = many_spec(limit, &len);
    ifr_spec *s = NULL;
    assert_int_equal(ifr_spec_compile(&s, at, len, o, NULL), IFR_OK);
    assert_int_equal(ifr_spec_count(s), limit);
    ifr_spec_free(s);
    free(at);
    char *over = many_spec(limit + 1, &len);
    ifr_error err;
    assert_int_equal(compile(over, len, o, &err), IFR_E_LIMIT);
    free(over);
}

static void test_limits_instructions_option(void **state)
{
    (void)state;
    ifr_options *o = opts_with(IFR_OPT_MAX_INSTRUCTIONS, 3);
    check_count_boundary(o, 3);
    ifr_options_free(o);
}

static void test_limits_instructions_default(void **state)
{
    (void)state;
    check_count_boundary(NULL, 256);
}

/* MARK: regex ------------------------------------------------------------ */

/* IFEval's keywords:existence runs re.search(keyword, response): the keyword is a pattern. */
static ifr_spec *keyword_spec(const char *pattern, const ifr_options *o)
{
    char js[512];
    snprintf(js, sizeof js,
             "{\"instruction_id_list\": [\"keywords:existence\"], "
             "\"kwargs\": [{\"keywords\": [\"%s\"]}]}",
             pattern);
    ifr_spec *s = NULL;
    ifr_error err;
    int rc = ifr_spec_compile(&s, js, strlen(js), o, &err);
    if (rc != IFR_OK)
        fail_msg("keyword spec %s: %s", pattern, err.message);
    return s;
}

/* rc of ifr_check, or the instruction's status when the check itself succeeded */
static int outcome(ifr_result *res, const ifr_spec *s, const char *text, size_t len,
                   unsigned flags, double *secs)
{
    double t0 = now();
    int rc = ifr_check(res, s, text, len, flags, NULL);
    *secs = now() - t0;
    if (rc != IFR_OK)
        return rc;
    return ifr_result_status(res, 0);
}

static void test_limits_regex_backtracking(void **state)
{
    (void)state;
    /* (a+)+$ against "aaaa...a!" backtracks exponentially */
    char text[64];
    memset(text, 'a', 40);
    text[40] = '!';
    text[41] = '\0';
    ifr_options *tight = opts_with(IFR_OPT_REGEX_MATCH_LIMIT, 10000);
    const ifr_options *optsets[2] = {NULL, tight};
    for (int k = 0; k < 2; k++) {
        ifr_spec *s = keyword_spec("(a+)+$", optsets[k]);
        ifr_result *res = NULL;
        assert_int_equal(ifr_result_new(&res, optsets[k]), IFR_OK);
        double secs;
        int st = outcome(res, s, text, 41, IFR_CHECK_STRICT, &secs);
        if (st != IFR_E_LIMIT)
            fail_msg("option set %d: got %d after %.3f s, want IFR_E_LIMIT", k, st, secs);
        assert_true(secs < 5.0);
        assert_int_equal(ifr_result_followed(res, 0), 0);
        /* loose: 8 variants, each bounded */
        st = outcome(res, s, text, 41, IFR_CHECK_LOOSE, &secs);
        assert_int_equal(st, IFR_E_LIMIT);
        assert_true(secs < 10.0);
        ifr_result_free(res);
        ifr_spec_free(s);
    }
    /* under the same tight limit a benign pattern still gets its verdict, both ways */
    ifr_spec *s = keyword_spec("b[a-z]+e", tight);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, tight), IFR_OK);
    double secs;
    assert_int_equal(outcome(res, s, "a blue sky", 10, IFR_CHECK_STRICT, &secs), IFR_OK);
    assert_int_equal(ifr_result_followed(res, 0), 1);
    assert_int_equal(outcome(res, s, "a red sky", 9, IFR_CHECK_STRICT, &secs), IFR_OK);
    assert_int_equal(ifr_result_followed(res, 0), 0);
    ifr_result_free(res);
    ifr_spec_free(s);
    ifr_options_free(tight);
}

static void test_limits_regex_depth(void **state)
{
    (void)state;
    /* (a|b)*\d on a long a/b run: every iteration of the group is a backtracking
     * frame (a literal like "c" instead of \d would let PCRE2 reject the subject
     * up front, because it knows the match needs a "c") */
    size_t n = 200000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        text[i] = (char)(i % 2 ? 'b' : 'a');
    text[n] = '\0';
    ifr_options *tight = opts_with(IFR_OPT_REGEX_DEPTH_LIMIT, 100);
    ifr_spec *s = keyword_spec("(a|b)*\\\\d", tight);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, tight), IFR_OK);
    double secs;
    int st = outcome(res, s, text, n, IFR_CHECK_STRICT, &secs);
    if (st != IFR_E_LIMIT)
        fail_msg("got %d after %.3f s, want IFR_E_LIMIT", st, secs);
    assert_true(secs < 10.0);
    /* short input under the same limit: a verdict */
    assert_int_equal(outcome(res, s, "ab1", 3, IFR_CHECK_STRICT, &secs), IFR_OK);
    assert_int_equal(ifr_result_followed(res, 0), 1);
    ifr_result_free(res);
    ifr_spec_free(s);
    ifr_options_free(tight);
    free(text);
}

/* MARK: large responses -------------------------------------------------- */

static size_t heap_now, heap_peak;

static void *big_malloc(size_t n, void *u)
{
    (void)u;
    size_t *p = malloc(n + 16);
    if (!p)
        return NULL;
    p[0] = n;
    heap_now += n;
    if (heap_now > heap_peak)
        heap_peak = heap_now;
    return (char *)p + 16;
}
static void big_free(void *q, void *u)
{
    (void)u;
    if (!q)
        return;
    size_t *p = (size_t *)((char *)q - 16);
    heap_now -= p[0];
    free(p);
}
static void *big_realloc(void *q, size_t n, void *u)
{
    if (!q)
        return big_malloc(n, u);
    size_t *p = (size_t *)((char *)q - 16);
    size_t old = p[0];
    size_t *np = realloc(p, n + 16);
    if (!np)
        return NULL;
    np[0] = n;
    heap_now = heap_now - old + n;
    if (heap_now > heap_peak)
        heap_peak = heap_now;
    return (char *)np + 16;
}

/* Peak heap bytes per response byte that a check may use: strict (measured 5:
 * the valid UTF-8 copy plus 4-byte code points) and loose (measured 65: eight
 * variants, each copied twice as code points plus its UTF-8; see
 * docs/RELIABILITY.md). These bound the memory; they are not targets. */
#define BIG_BYTES_FACTOR 8
#define BIG_LOOSE_BYTES_FACTOR 80

static void test_limits_big_response(void **state)
{
    (void)state;
    const char *env = getenv("IFR_TEST_BIG_MB");
    size_t mb = env ? strtoul(env, NULL, 10) : 200;
    if (mb == 0)
        skip();
    size_t n = mb << 20;
    char *text = malloc(n);
    assert_non_null(text);
    /* words, sentences and paragraphs; no comma until the very end */
    static const char unit[] = "Plain words make up this long response. ";
    for (size_t i = 0; i < n; i++)
        text[i] = unit[i % (sizeof unit - 1)];
    for (size_t i = 4096; i < n; i += 1 << 20)
        text[i] = '\n';
    ifr_allocator a = {big_malloc, big_realloc, big_free, NULL};
    ifr_options *o = NULL;
    assert_int_equal(ifr_options_new(&o, &a), IFR_OK);
    static const char js[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
        " \"kwargs\": [{}, {\"num_words\": 1000, \"relation\": \"at least\"}]}";
    ifr_spec *s = NULL;
    ifr_result *res = NULL;
    assert_int_equal(ifr_spec_compile(&s, js, sizeof js - 1, o, NULL), IFR_OK);
    assert_int_equal(ifr_result_new(&res, o), IFR_OK);
    size_t base = heap_now;
    heap_peak = heap_now;
    double t0 = now();
    int rc = ifr_check(res, s, text, n, IFR_CHECK_STRICT, NULL);
    double secs = now() - t0;
    size_t used = heap_peak - base;
    fprintf(stderr, "%zu MB strict: rc %d, %.2f s, peak library heap %.0f MB (%.2f bytes/byte)\n",
            mb, rc, secs, (double)used / 1048576.0, (double)used / (double)n);
    assert_true(rc == IFR_OK || rc == IFR_E_LIMIT);
    if (rc == IFR_OK) {
        assert_int_equal(ifr_result_followed(res, 0), 1);
        assert_int_equal(ifr_result_followed(res, 1), 1);
    }
    assert_true(used <= BIG_BYTES_FACTOR * n + ((size_t)16 << 20));
    /* the comma at the very end is seen: nothing is truncated */
    text[n - 2] = ',';
    rc = ifr_check(res, s, text, n, IFR_CHECK_STRICT, NULL);
    if (rc == IFR_OK)
        assert_int_equal(ifr_result_followed(res, 0), 0);

    /* loose mode on an eighth of it, with an instruction that fails in strict
     * mode so that all 8 variants are built: each variant is a full copy of the
     * text with its own analysis, so the cost per byte is much higher */
    size_t m = n / 8;
    text[m / 2] = ','; /* mid-text: every variant keeps it */
    ifr_result_free(res); /* a fresh result: the old one keeps its arena blocks */
    assert_int_equal(ifr_result_new(&res, o), IFR_OK);
    base = heap_now;
    heap_peak = heap_now;
    t0 = now();
    rc = ifr_check(res, s, text, m, IFR_CHECK_LOOSE, NULL);
    secs = now() - t0;
    used = heap_peak - base;
    fprintf(stderr, "%zu MB loose: rc %d, %.2f s, peak library heap %.0f MB (%.2f bytes/byte)\n",
            m >> 20, rc, secs, (double)used / 1048576.0, (double)used / (double)m);
    assert_true(rc == IFR_OK || rc == IFR_E_LIMIT);
    if (rc == IFR_OK)
        assert_int_equal(ifr_result_followed(res, 0), 0);
    assert_true(used <= BIG_LOOSE_BYTES_FACTOR * m + ((size_t)16 << 20));
    ifr_result_free(res);
    ifr_spec_free(s);
    ifr_options_free(o);
    assert_int_equal(heap_now, 0);
    free(text);
}

/* MARK: bad bytes in responses ------------------------------------------- */

static void test_limits_invalid_utf8_and_nul_are_text(void **state)
{
    (void)state;
    static const char js[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
        " \"kwargs\": [{}, {\"num_words\": 3, \"relation\": \"less than\"}]}";
    ifr_spec *s = NULL;
    ifr_result *res = NULL;
    assert_int_equal(ifr_spec_compile(&s, js, sizeof js - 1, NULL, NULL), IFR_OK);
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    static const struct {
        const char *text;
        size_t len;
        int no_comma, few_words;
    } cases[] = {
        /* a comma after a NUL or after invalid bytes still counts */
        {"one\0,", 5, 0, 1},
        {"one\xff,", 5, 0, 1},
        {"one\0two", 7, 1, 1},           /* NUL separates words: 2 < 3 */
        {"one\0two\0three", 13, 1, 0},   /* 3 words: not less than 3 */
        {"\xc3\x28 two", 6, 1, 1},       /* invalid sequence -> U+FFFD, "(" ; 1 word */
        {"\xed\xa0\x80 x y", 7, 1, 1},   /* encoded surrogate: 3 x U+FFFD, not a word */
        {"\xf0\x9f\x98", 3, 1, 1},       /* truncated 4-byte sequence */
        /* blank responses fail everything (IFEval: `response.strip() and ...`) */
        {"", 0, 0, 0},
        {" \n\t\x0b\x0c\r\x1c\x1d\x1e\x1f", 10, 0, 0},
        {"\xc2\x85\xc2\xa0\xe3\x80\x80", 7, 0, 0}, /* NEL, NBSP, ideographic space */
        {"\xe2\x80\x8b", 3, 1, 1}, /* U+200B is not whitespace to Python: not blank */
        {"\0", 1, 1, 1},             /* nor is NUL */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (unsigned flags = 0; flags < 2; flags++) {
            int rc = ifr_check(res, s, cases[i].text, cases[i].len, flags, NULL);
            if (rc != IFR_OK)
                fail_msg("case %zu flags %u: ifr_check returned %d", i, flags, rc);
            if (flags == IFR_CHECK_STRICT &&
                (ifr_result_followed(res, 0) != cases[i].no_comma ||
                 ifr_result_followed(res, 1) != cases[i].few_words))
                fail_msg("case %zu: no_comma %d (want %d), few_words %d (want %d)", i,
                         ifr_result_followed(res, 0), cases[i].no_comma,
                         ifr_result_followed(res, 1), cases[i].few_words);
        }
    }
    ifr_result_free(res);
    ifr_spec_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limits_spec_bytes_option),
        cmocka_unit_test(test_limits_spec_bytes_default),
        cmocka_unit_test(test_limits_depth_option),
        cmocka_unit_test(test_limits_depth_default),
        cmocka_unit_test(test_limits_depth_huge),
        cmocka_unit_test(test_limits_instructions_option),
        cmocka_unit_test(test_limits_instructions_default),
        cmocka_unit_test(test_limits_regex_backtracking),
        cmocka_unit_test(test_limits_regex_depth),
        cmocka_unit_test(test_limits_big_response),
        cmocka_unit_test(test_limits_invalid_utf8_and_nul_are_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
