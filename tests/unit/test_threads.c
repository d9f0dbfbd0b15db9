/*
 * test_threads.c - thread safety and determinism on the IFEval conformance set.
 *
 * All specs are compiled once and shared. The single-threaded run (one result,
 * strict and loose) is the reference; then 8 threads, each with its own
 * result and starting at a different row, score every row again and compare
 * every verdict, status, detail and reward with it; finally ifr_check_batch on
 * 1 and 8 threads must give the reference rewards. Built normally it checks
 * determinism; in the ThreadSanitizer build (.ci/sanitize.sh) it checks that
 * sharing compiled specs between threads is race-free.
 *
 * Reads $IFR_CONFORMANCE_DIR/ifeval/{input_data,input_response_data_*}.jsonl;
 * exits 77 (skipped) when they are absent. IFR_THREADS_ROUNDS (default 1)
 * repeats the threaded pass.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ifreward.h"

#include <dirent.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 8
#define MAXI 16

typedef struct verdict {
    size_t n;
    unsigned char followed[MAXI];
    int status[MAXI];
    uint64_t detail_hash; /* FNV-1a over all details */
    double reward_all, reward_frac;
} verdict;

typedef struct row {
    ifr_spec *spec;
    char *text;
    size_t len;
    verdict want[2]; /* strict, loose */
} row;

static row *rows;
static size_t nrows, nskipped;

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

static int score(ifr_result *res, const row *r, unsigned flags, verdict *v)
{
    int rc = ifr_check(res, r->spec, r->text, r->len, flags, NULL);
    if (rc != IFR_OK)
        return rc;
    v->n = ifr_result_count(res);
    v->detail_hash = 14695981039346656037ull;
    for (size_t i = 0; i < v->n && i < MAXI; i++) {
        v->followed[i] = (unsigned char)ifr_result_followed(res, i);
        v->status[i] = ifr_result_status(res, i);
        v->detail_hash = fnv(v->detail_hash, ifr_result_detail(res, i));
    }
    v->reward_all = ifr_result_reward(res, IFR_AGGREGATE_ALL);
    v->reward_frac = ifr_result_reward(res, IFR_AGGREGATE_FRACTION);
    return IFR_OK;
}

static int same(const verdict *a, const verdict *b)
{
    if (a->n != b->n || a->detail_hash != b->detail_hash || a->reward_all != b->reward_all ||
        a->reward_frac != b->reward_frac)
        return 0;
    for (size_t i = 0; i < a->n && i < MAXI; i++)
        if (a->followed[i] != b->followed[i] || a->status[i] != b->status[i])
            return 0;
    return 1;
}

/* MARK: loading ---------------------------------------------------------- */

static json_t *load_jsonl(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    json_t *all = json_array();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_t *v = json_loadb(line, (size_t)n, 0, NULL);
        if (v)
            json_array_append_new(all, v);
    }
    free(line);
    fclose(f);
    return all;
}

/* The response file is input_response_data_*.jsonl (the GPT-4 responses). */
static int find_responses(const char *dir, char *out, size_t cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    int found = 0;
    while (!found && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "input_response_data", 19) == 0) {
            snprintf(out, cap, "%s/%s", dir, e->d_name);
            found = 1;
        }
    }
    closedir(d);
    return found;
}

static int load(void)
{
    const char *conf = getenv("IFR_CONFORMANCE_DIR");
    if (!conf || !*conf)
        return 0;
    char dir[4096], path[4096 + 64], rpath[4096 + 300];
    snprintf(dir, sizeof dir, "%s/ifeval", conf);
    snprintf(path, sizeof path, "%s/input_data.jsonl", dir);
    if (!find_responses(dir, rpath, sizeof rpath))
        return 0;
    json_t *inputs = load_jsonl(path), *responses = load_jsonl(rpath);
    if (!inputs || !responses) {
        json_decref(inputs);
        json_decref(responses);
        return 0;
    }
    /* prompt -> response */
    json_t *by_prompt = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(responses, i, v) {
        const char *p = json_string_value(json_object_get(v, "prompt"));
        if (p)
            json_object_set(by_prompt, p, json_object_get(v, "response"));
    }
    rows = calloc(json_array_size(inputs), sizeof *rows);
    assert_non_null(rows);
    json_array_foreach(inputs, i, v) {
        const char *p = json_string_value(json_object_get(v, "prompt"));
        json_t *resp = p ? json_object_get(by_prompt, p) : NULL;
        if (!json_is_string(resp))
            continue;
        char *js = json_dumps(v, JSON_COMPACT);
        ifr_spec *spec = NULL;
        int rc = js ? ifr_spec_compile(&spec, js, strlen(js), NULL, NULL) : IFR_E_NOMEM;
        free(js);
        if (rc != IFR_OK || ifr_spec_count(spec) > MAXI) {
            ifr_spec_free(spec);
            nskipped++;
            continue;
        }
        row *r = &rows[nrows++];
        r->spec = spec;
        r->len = json_string_length(resp);
        r->text = malloc(r->len + 1);
        assert_non_null(r->text);
        memcpy(r->text, json_string_value(resp), r->len + 1);
    }
    json_decref(by_prompt);
    json_decref(inputs);
    json_decref(responses);
    return nrows > 0;
}

static void unload(void)
{
    for (size_t i = 0; i < nrows; i++) {
        ifr_spec_free(rows[i].spec);
        free(rows[i].text);
    }
    free(rows);
}

/* MARK: tests ------------------------------------------------------------ */

static const unsigned modes[2] = {IFR_CHECK_STRICT, IFR_CHECK_LOOSE};

static void test_threads_reference(void **state)
{
    (void)state;
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    for (size_t i = 0; i < nrows; i++)
        for (int m = 0; m < 2; m++)
            if (score(res, &rows[i], modes[m], &rows[i].want[m]) != IFR_OK)
                fail_msg("row %zu mode %d: ifr_check failed", i, m);
    /* a second pass on the same result changes nothing (no state carried over) */
    for (size_t i = nrows; i-- > 0;) {
        for (int m = 0; m < 2; m++) {
            verdict v;
            assert_int_equal(score(res, &rows[i], modes[m], &v), IFR_OK);
            if (!same(&v, &rows[i].want[m]))
                fail_msg("row %zu mode %d: a second single-threaded pass differs", i, m);
        }
    }
    ifr_result_free(res);
    fprintf(stderr, "reference: %zu rows (%zu specs did not compile and were left out)\n",
            nrows, nskipped);
}

typedef struct worker {
    size_t start;
    size_t rounds;
    size_t mismatches;
    size_t errors;
    size_t checks;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    ifr_result *res = NULL;
    if (ifr_result_new(&res, NULL) != IFR_OK) {
        w->errors++;
        return NULL;
    }
    for (size_t r = 0; r < w->rounds; r++) {
        for (size_t k = 0; k < nrows; k++) {
            size_t i = (w->start + k) % nrows;
            for (int m = 0; m < 2; m++) {
                /* alternate the mode order so threads interleave differently */
                int mm = (int)((size_t)m ^ ((w->start + k) & 1));
                verdict v;
                w->checks++;
                if (score(res, &rows[i], modes[mm], &v) != IFR_OK)
                    w->errors++;
                else if (!same(&v, &rows[i].want[mm]))
                    w->mismatches++;
            }
        }
    }
    ifr_result_free(res);
    return NULL;
}

static void test_threads_shared_specs(void **state)
{
    (void)state;
    const char *env = getenv("IFR_THREADS_ROUNDS");
    size_t rounds = env ? strtoul(env, NULL, 10) : 1;
    pthread_t th[NTHREADS];
    worker w[NTHREADS];
    for (size_t t = 0; t < NTHREADS; t++) {
        w[t] = (worker){.start = t * nrows / NTHREADS, .rounds = rounds ? rounds : 1};
        assert_int_equal(pthread_create(&th[t], NULL, work, &w[t]), 0);
    }
    size_t mism = 0, errs = 0, checks = 0;
    for (size_t t = 0; t < NTHREADS; t++) {
        pthread_join(th[t], NULL);
        mism += w[t].mismatches;
        errs += w[t].errors;
        checks += w[t].checks;
    }
    fprintf(stderr, "%d threads: %zu checks, %zu mismatches, %zu errors\n", NTHREADS, checks,
            mism, errs);
    assert_int_equal(errs, 0);
    assert_int_equal(mism, 0);
}

static void test_threads_batch(void **state)
{
    (void)state;
    const ifr_spec **sp = calloc(nrows, sizeof *sp);
    const char **tx = calloc(nrows, sizeof *tx);
    size_t *lens = calloc(nrows, sizeof *lens);
    double *rw = calloc(nrows, sizeof *rw);
    int *codes = calloc(nrows, sizeof *codes);
    unsigned char *all = calloc(nrows, 1);
    assert_true(sp && tx && lens && rw && codes && all);
    for (size_t i = 0; i < nrows; i++) {
        sp[i] = rows[i].spec;
        tx[i] = rows[i].text;
        lens[i] = rows[i].len;
    }
    static const unsigned threads[] = {1, NTHREADS};
    for (int m = 0; m < 2; m++) {
        for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
            memset(rw, 0, nrows * sizeof *rw);
            assert_int_equal(ifr_check_batch(sp, tx, lens, nrows, modes[m],
                                             IFR_AGGREGATE_FRACTION, threads[t], NULL, rw,
                                             codes, all),
                             IFR_OK);
            for (size_t i = 0; i < nrows; i++) {
                if (codes[i] != IFR_OK || rw[i] != rows[i].want[m].reward_frac ||
                    all[i] != (rows[i].want[m].reward_all == 1.0))
                    fail_msg("batch, %u threads, mode %d, row %zu: code %d reward %g, want %g",
                             threads[t], m, i, codes[i], rw[i], rows[i].want[m].reward_frac);
            }
        }
    }
    free(sp);
    free(tx);
    free(lens);
    free(rw);
    free(codes);
    free(all);
}

int main(void)
{
    if (!load()) {
        fprintf(stderr, "skipped: IFR_CONFORMANCE_DIR/ifeval data absent or no spec compiles\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_reference),
        cmocka_unit_test(test_threads_shared_specs),
        cmocka_unit_test(test_threads_batch),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    unload();
    return rc;
}
