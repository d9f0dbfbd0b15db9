/*
 * test_alloc_fail.c - allocation-failure sweep (STYLE §6, issue 6).
 *
 * A counting allocator (ifr_options_new with hooks) fails the 1st, 2nd, ...
 * Nth allocation of an operation until the operation succeeds. Every failed
 * run must return IFR_E_NOMEM, leave its out-pointer NULL, keep the objects it
 * was given usable, and leak nothing: the hook tracks outstanding blocks and
 * checks that every free and realloc gets a block it handed out.
 *
 * Operations swept: ifr_options_new, ifr_spec_compile (every spec in
 * tests/fuzz/specs.jsonl plus the other accepted formats), ifr_result_new,
 * ifr_check (strict and loose, responses that need words, sentences, tokens
 * and language detection), ifr_result_json, ifr_score and ifr_check_batch.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ifreward.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MARK: the counting allocator ------------------------------------------- */

#define MAGIC 0x1f2e3d4c5b6a7988ull

typedef struct counter {
    size_t calls;        /* allocation attempts (malloc + realloc) */
    size_t fail_at;      /* fail the attempt with this number (0: never) */
    size_t failed;       /* attempts failed on purpose */
    long outstanding;    /* blocks handed out and not freed */
    size_t bad_frees;    /* frees / reallocs of blocks we did not hand out */
} counter;

typedef union header {
    struct {
        uint64_t magic;
        size_t size;
    } h;
    max_align_t align;
} header;

static int should_fail(counter *c)
{
    c->calls++;
    if (c->fail_at && c->calls == c->fail_at) {
        c->failed++;
        return 1;
    }
    return 0;
}

static void *cnt_malloc(size_t n, void *user)
{
    counter *c = user;
    if (should_fail(c))
        return NULL;
    header *b = malloc(sizeof(header) + n);
    if (!b)
        return NULL;
    b->h.magic = MAGIC;
    b->h.size = n;
    c->outstanding++;
    return b + 1;
}

static header *block_of(counter *c, void *p)
{
    header *b = (header *)p - 1;
    if (b->h.magic != MAGIC) {
        c->bad_frees++;
        return NULL;
    }
    return b;
}

static void *cnt_realloc(void *p, size_t n, void *user)
{
    counter *c = user;
    if (!p)
        return cnt_malloc(n, user);
    header *b = block_of(c, p);
    if (!b)
        return NULL;
    if (should_fail(c))
        return NULL;
    header *nb = realloc(b, sizeof(header) + n);
    if (!nb)
        return NULL;
    nb->h.size = n;
    return nb + 1;
}

static void cnt_free(void *p, void *user)
{
    counter *c = user;
    if (!p)
        return;
    header *b = block_of(c, p);
    if (!b)
        return;
    b->h.magic = 0;
    c->outstanding--;
    free(b);
}

typedef struct fixture {
    counter c;
    ifr_allocator alloc;
    ifr_options *opts;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->alloc.malloc_fn = cnt_malloc;
    f->alloc.realloc_fn = cnt_realloc;
    f->alloc.free_fn = cnt_free;
    f->alloc.user = &f->c;
    if (ifr_options_new(&f->opts, &f->alloc) != IFR_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ifr_options_free(f->opts);
    int ok = f->c.outstanding == 0 && f->c.bad_frees == 0;
    if (!ok)
        fprintf(stderr, "teardown: %ld blocks outstanding, %zu bad frees\n", f->c.outstanding,
                f->c.bad_frees);
    free(f);
    return ok ? 0 : -1;
}

/* Arm the allocator to fail the n-th attempt from now on (0: disarm). */
static void arm(counter *c, size_t n)
{
    c->calls = 0;
    c->failed = 0;
    c->fail_at = n;
}

/* Upper bound on sweep length, so a loop that never succeeds fails the test. */
#define SWEEP_MAX 100000u

/* MARK: inputs ----------------------------------------------------------- */

typedef struct specs {
    char **json;
    size_t n;
} specs;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = sz >= 0 ? malloc((size_t)sz + 1) : NULL;
    if (buf) {
        *len = fread(buf, 1, (size_t)sz, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

static const char *const extra_specs[] = {
    /* open-instruct ground truth: a list, the list as a JSON string, a Python literal */
    "[{\"instruction_id\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
    " \"kwargs\": [null, {\"num_words\": 5.0, \"relation\": \"less than\"}]}]",
    "{\"ground_truth\": \"[{'instruction_id': ['keywords:existence'], 'kwargs': "
    "[{'keywords': ['alpha', 'beta']}]}]\"}",
    "\"[{\\\"instruction_id\\\": [\\\"change_case:english_lowercase\\\"], "
    "\\\"kwargs\\\": [{}]}]\"",
    /* Tulu 3 */
    "{\"func_name\": \"validate_lowercase\"}",
    "{\"ground_truth\": \"{\\\"func_name\\\": \\\"verify_paragraph_count\\\", \\\"N\\\": 2}\"}",
};

/* Load the specs to sweep; the ones this build cannot compile are skipped. */
static specs load_specs(void)
{
    specs s = {NULL, 0};
    const char *src = getenv("IFR_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fuzz/specs.jsonl", src ? src : ".");
    size_t len = 0;
    char *buf = read_file(path, &len);
    size_t cap = 64 + sizeof extra_specs / sizeof extra_specs[0];
    s.json = calloc(cap, sizeof *s.json);
    assert_non_null(s.json);
    if (buf) {
        for (char *line = strtok(buf, "\n"); line && s.n < 64; line = strtok(NULL, "\n"))
            if (*line)
                s.json[s.n++] = strdup(line);
        free(buf);
    } else {
        fprintf(stderr, "note: %s not found; sweeping the built-in specs only\n", path);
    }
    for (size_t i = 0; i < sizeof extra_specs / sizeof extra_specs[0]; i++)
        s.json[s.n++] = strdup(extra_specs[i]);
    return s;
}

static void free_specs(specs *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->json[i]);
    free(s->json);
}

static const char *const texts[] = {
    "Hello world. This is a short answer, with a comma and *highlights*.\n\n"
    "Second paragraph: Mr. Smith went to Washington. He arrived at 5 p.m.\n"
    "* bullet one\n* bullet two\nP.S. the end",
    "Ein kurzer deutscher Text, der nur zum Testen der Spracherkennung dient.",
    "", /* empty: the blank-response path */
    "<<TITLE>>\n\"ALL CAPS QUOTED ANSWER WITH [PLACEHOLDER]\"",
};

/* MARK: tests ------------------------------------------------------------ */

static void test_alloc_options_new(void **state)
{
    fixture *f = *state;
    long base = f->c.outstanding; /* the fixture's own options */
    for (size_t n = 1; n < SWEEP_MAX; n++) {
        ifr_options *o = (ifr_options *)f; /* must become NULL on failure */
        arm(&f->c, n);
        int rc = ifr_options_new(&o, &f->alloc);
        arm(&f->c, 0);
        if (rc == IFR_OK) {
            assert_int_equal(f->c.failed, 0);
            ifr_options_free(o);
            break;
        }
        assert_int_equal(rc, IFR_E_NOMEM);
        assert_null(o);
        assert_int_equal(f->c.outstanding, base);
    }
    assert_int_equal(f->c.outstanding, base);
}

static void test_alloc_spec_compile(void **state)
{
    fixture *f = *state;
    specs s = load_specs();
    size_t compiled = 0, sweeps = 0;
    long base = f->c.outstanding;
    for (size_t i = 0; i < s.n; i++) {
        ifr_spec *spec = NULL;
        ifr_error err;
        int rc0 = ifr_spec_compile(&spec, s.json[i], strlen(s.json[i]), f->opts, &err);
        ifr_spec_free(spec);
        if (rc0 != IFR_OK) {
            fprintf(stderr, "note: spec %zu does not compile here (%s: %s); skipped\n", i,
                    ifr_strerror(rc0), err.message);
            continue;
        }
        compiled++;
        for (size_t n = 1; n < SWEEP_MAX; n++) {
            spec = (ifr_spec *)f;
            memset(&err, 0xA5, sizeof err);
            arm(&f->c, n);
            int rc = ifr_spec_compile(&spec, s.json[i], strlen(s.json[i]), f->opts, &err);
            arm(&f->c, 0);
            sweeps++;
            if (rc == IFR_OK) {
                assert_int_equal(f->c.failed, 0);
                ifr_spec_free(spec);
                assert_int_equal(f->c.outstanding, base);
                break;
            }
            if (rc != IFR_E_NOMEM)
                fail_msg("spec %zu, failing allocation %zu: got %d (%s: %s), want IFR_E_NOMEM",
                         i, n, rc, ifr_strerror(rc), err.message);
            assert_int_equal(err.code, IFR_E_NOMEM);
            assert_null(spec);
            if (f->c.outstanding != base)
                fail_msg("spec %zu, failing allocation %zu: %ld blocks leaked", i, n,
                         f->c.outstanding - base);
        }
    }
    assert_int_equal(f->c.bad_frees, 0);
    fprintf(stderr, "spec compile: %zu of %zu specs swept, %zu runs\n", compiled, s.n, sweeps);
    assert_true(compiled > 0);
    free_specs(&s);
}

static void test_alloc_result_new(void **state)
{
    fixture *f = *state;
    long base = f->c.outstanding;
    for (size_t n = 1; n < SWEEP_MAX; n++) {
        ifr_result *res = (ifr_result *)f;
        arm(&f->c, n);
        int rc = ifr_result_new(&res, f->opts);
        arm(&f->c, 0);
        if (rc == IFR_OK) {
            ifr_result_free(res);
            break;
        }
        assert_int_equal(rc, IFR_E_NOMEM);
        assert_null(res);
        assert_int_equal(f->c.outstanding, base);
    }
    assert_int_equal(f->c.outstanding, base);
}

/* A verdict snapshot, to check that a result still works after a NOMEM. */
typedef struct snap {
    size_t n;
    int followed[64];
    int status[64];
    double reward;
} snap;

static void take(const ifr_result *res, snap *s)
{
    s->n = ifr_result_count(res);
    assert_true(s->n <= 64);
    for (size_t i = 0; i < s->n; i++) {
        s->followed[i] = ifr_result_followed(res, i);
        s->status[i] = ifr_result_status(res, i);
    }
    s->reward = ifr_result_reward(res, IFR_AGGREGATE_FRACTION);
}

static int same(const snap *a, const snap *b)
{
    if (a->n != b->n || a->reward != b->reward)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->followed[i] != b->followed[i] || a->status[i] != b->status[i])
            return 0;
    return 1;
}

static void sweep_check(fixture *f, const ifr_spec *spec, size_t si, const char *text,
                        unsigned flags, size_t *runs)
{
    long base = f->c.outstanding;
    size_t len = strlen(text);
    ifr_result *res = NULL;
    snap want, got, want_l, got_l;
    int both = (flags & IFR_CHECK_BOTH) != 0;

    assert_int_equal(ifr_result_new(&res, f->opts), IFR_OK);
    assert_int_equal(ifr_check(res, spec, text, len, flags, NULL), IFR_OK);
    take(res, &want);
    if (both)
        take(ifr_result_loose(res), &want_l);
    ifr_result_free(res);

    for (size_t n = 1; n < SWEEP_MAX; n++) {
        /* a fresh result each time, so the first check really allocates */
        assert_int_equal(ifr_result_new(&res, f->opts), IFR_OK);
        ifr_error err;
        arm(&f->c, n);
        int rc = ifr_check(res, spec, text, len, flags, &err);
        arm(&f->c, 0);
        (*runs)++;
        if (rc == IFR_OK) {
            assert_int_equal(f->c.failed, 0);
            take(res, &got);
            assert_true(same(&want, &got));
            if (both) {
                take(ifr_result_loose(res), &got_l);
                assert_true(same(&want_l, &got_l));
            }
            ifr_result_free(res);
            break;
        }
        if (rc != IFR_E_NOMEM)
            fail_msg("spec %zu flags %u, failing allocation %zu: got %d (%s), want NOMEM", si,
                     flags, n, rc, ifr_strerror(rc));
        /* the result is still usable, and gives the right verdicts */
        assert_int_equal(ifr_check(res, spec, text, len, flags, NULL), IFR_OK);
        take(res, &got);
        if (both)
            take(ifr_result_loose(res), &got_l);
        if (!same(&want, &got) || (both && !same(&want_l, &got_l)))
            fail_msg("spec %zu flags %u: wrong verdicts after a NOMEM at allocation %zu", si,
                     flags, n);
        ifr_result_free(res);
        if (f->c.outstanding != base)
            fail_msg("spec %zu flags %u, failing allocation %zu: %ld blocks leaked", si, flags,
                     n, f->c.outstanding - base);
    }
    assert_int_equal(f->c.outstanding, base);
}

static void test_alloc_check(void **state)
{
    fixture *f = *state;
    specs s = load_specs();
    size_t runs = 0, swept = 0;
    for (size_t i = 0; i < s.n; i++) {
        ifr_spec *spec = NULL;
        if (ifr_spec_compile(&spec, s.json[i], strlen(s.json[i]), f->opts, NULL) != IFR_OK)
            continue;
        swept++;
        for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            sweep_check(f, spec, i, texts[t], IFR_CHECK_STRICT, &runs);
            sweep_check(f, spec, i, texts[t], IFR_CHECK_LOOSE, &runs);
            sweep_check(f, spec, i, texts[t], IFR_CHECK_BOTH, &runs);
        }
        ifr_spec_free(spec);
    }
    fprintf(stderr, "check: %zu specs x %zu texts x 3 modes swept, %zu runs\n", swept,
            sizeof texts / sizeof texts[0], runs);
    assert_true(swept > 0);
    assert_int_equal(f->c.bad_frees, 0);
    free_specs(&s);
}

static void test_alloc_result_json(void **state)
{
    fixture *f = *state;
    static const char js[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}";
    ifr_spec *spec = NULL;
    ifr_result *res = NULL;
    assert_int_equal(ifr_spec_compile(&spec, js, sizeof js - 1, f->opts, NULL), IFR_OK);
    assert_int_equal(ifr_result_new(&res, f->opts), IFR_OK);
    assert_int_equal(ifr_check(res, spec, "a, b", 4, IFR_CHECK_STRICT, NULL), IFR_OK);
    long base = f->c.outstanding;
    for (size_t n = 1; n < SWEEP_MAX; n++) {
        char *out = (char *)f;
        size_t len = 12345;
        arm(&f->c, n);
        int rc = ifr_result_json(res, IFR_AGGREGATE_ALL, &out, &len);
        arm(&f->c, 0);
        if (rc == IFR_OK) {
            assert_non_null(out);
            assert_int_equal(strlen(out), len);
            ifr_free(out);
            break;
        }
        assert_int_equal(rc, IFR_E_NOMEM);
        assert_null(out);
        assert_int_equal(f->c.outstanding, base);
    }
    assert_int_equal(f->c.outstanding, base);
    assert_int_equal(f->c.bad_frees, 0);
    ifr_result_free(res);
    ifr_spec_free(spec);
}

static void test_alloc_score_oneshot(void **state)
{
    fixture *f = *state;
    static const char js[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
        " \"kwargs\": [{}, {\"num_words\": 3, \"relation\": \"at least\"}]}";
    const char *text = "no commas in this one";
    long base = f->c.outstanding;
    for (size_t n = 1; n < SWEEP_MAX; n++) {
        double reward = -1;
        arm(&f->c, n);
        int rc = ifr_score(js, sizeof js - 1, text, strlen(text), IFR_CHECK_LOOSE,
                           IFR_AGGREGATE_ALL, f->opts, &reward, NULL);
        arm(&f->c, 0);
        assert_int_equal(f->c.outstanding, base);
        if (rc == IFR_OK) {
            assert_true(reward == 1.0);
            break;
        }
        assert_int_equal(rc, IFR_E_NOMEM);
    }
}

static void test_alloc_batch(void **state)
{
    fixture *f = *state;
    static const char js[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
        " \"kwargs\": [{}, {\"num_words\": 3, \"relation\": \"at least\"}]}";
    ifr_spec *spec = NULL;
    assert_int_equal(ifr_spec_compile(&spec, js, sizeof js - 1, f->opts, NULL), IFR_OK);
    enum { N = 4 };
    const ifr_spec *sp[N] = {spec, spec, spec, spec};
    const char *tx[N] = {"One. Two.", "One, two.", "", "First sentence. Second one. Third."};
    size_t lens[N];
    for (size_t i = 0; i < N; i++)
        lens[i] = strlen(tx[i]);
    double want[N];
    assert_int_equal(ifr_check_batch(sp, tx, lens, N, IFR_CHECK_STRICT, IFR_AGGREGATE_FRACTION,
                                     1, f->opts, want, NULL, NULL),
                     IFR_OK);
    long base = f->c.outstanding;
    for (size_t n = 1; n < SWEEP_MAX; n++) {
        double got[N];
        int codes[N];
        arm(&f->c, n);
        int rc = ifr_check_batch(sp, tx, lens, N, IFR_CHECK_STRICT, IFR_AGGREGATE_FRACTION, 1,
                                 f->opts, got, codes, NULL);
        size_t failed = f->c.failed;
        arm(&f->c, 0);
        assert_int_equal(f->c.outstanding, base);
        if (rc == IFR_E_NOMEM)
            continue;
        assert_int_equal(rc, IFR_OK);
        size_t nomem = 0;
        for (size_t i = 0; i < N; i++) {
            if (codes[i] == IFR_E_NOMEM) {
                nomem++;
                continue;
            }
            assert_int_equal(codes[i], IFR_OK);
            assert_true(got[i] == want[i]);
        }
        if (failed == 0) {
            assert_int_equal(nomem, 0);
            break;
        }
    }
    ifr_spec_free(spec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_alloc_options_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_spec_compile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_result_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_result_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_score_oneshot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alloc_batch, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
