/*
 * test_conformance_ifbench.c - the IFBench suite against the reference's
 * labels ($IFR_CONFORMANCE_DIR/ifbench/cases.jsonl), through the public API.
 *
 * Every stable verdict (strict and loose) of every implemented id must agree;
 * ids the registry does not know are reported and skipped. Rows of
 * reference_raises.jsonl (the reference raises instead of deciding) must give
 * IFR_E_UNSUPPORTED for that instruction in at least one mode, never a pass.
 * Skips (77) when IFR_CONFORMANCE_DIR is unset or the files are absent.
 * IFR_VERBOSE=1 prints every disagreement.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ifreward.h"

#define MAX_IDS 128

typedef struct id_stat {
    char id[64];
    size_t ok[2], bad[2];
    size_t raise_ok, raise_bad;
    int unknown;
} id_stat;

static id_stat stats[MAX_IDS];
static size_t nstats;
static const char *dir;
static int verbose;

static id_stat *stat_of(const char *id)
{
    for (size_t i = 0; i < nstats; i++)
        if (strcmp(stats[i].id, id) == 0)
            return &stats[i];
    assert_true(nstats < MAX_IDS);
    id_stat *s = &stats[nstats++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", id);
    return s;
}

static bool in_list(json_t *list, size_t i)
{
    size_t k;
    json_t *v;
    json_array_foreach(list, k, v)
    {
        if (json_is_integer(v) && (size_t)json_integer_value(v) == i)
            return true;
    }
    return false;
}

/* A spec for instruction `only` of the row (or all of them when only == -1). */
static int compile_row(json_t *row, long only, ifr_spec **spec, ifr_error *err)
{
    json_t *ids = json_object_get(row, "instruction_id_list");
    json_t *kws = json_object_get(row, "kwargs");
    json_t *obj = json_object();
    json_object_set_new(obj, "suite", json_string("ifbench"));
    if (only < 0) {
        json_object_set(obj, "instruction_id_list", ids);
        json_object_set(obj, "kwargs", kws);
    } else {
        json_t *a = json_array(), *b = json_array();
        json_array_append(a, json_array_get(ids, (size_t)only));
        json_array_append(b, json_array_get(kws, (size_t)only));
        json_object_set_new(obj, "instruction_id_list", a);
        json_object_set_new(obj, "kwargs", b);
    }
    char *js = json_dumps(obj, JSON_COMPACT);
    json_decref(obj);
    assert_non_null(js);
    int rc = ifr_spec_compile(spec, js, strlen(js), NULL, err);
    free(js);
    return rc;
}

static void run_file(const char *name, bool raises)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ifbench/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    static const char *const mode_name[2] = {"strict", "loose"};
    static const unsigned mode_flag[2] = {IFR_CHECK_STRICT, IFR_CHECK_LOOSE};
    while ((got = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t jerr;
        json_t *row = json_loadb(line, (size_t)got, JSON_ALLOW_NUL, &jerr);
        if (!row)
            fail_msg("%s:%zu: bad JSON: %s", name, lineno, jerr.text);
        json_t *ids = json_object_get(row, "instruction_id_list");
        json_t *resp = json_object_get(row, "response");
        const char *text = json_string_value(resp);
        size_t len = json_string_length(resp);
        size_t nid = json_array_size(ids);
        ifr_spec *whole = NULL;
        ifr_error err;
        int wrc = compile_row(row, -1, &whole, &err);
        for (size_t i = 0; i < nid; i++) {
            const char *id = json_string_value(json_array_get(ids, i));
            id_stat *st = stat_of(id);
            ifr_spec *spec = whole;
            size_t idx = i;
            if (wrc != IFR_OK) {
                int rc = compile_row(row, (long)i, &spec, &err);
                if (rc == IFR_E_UNKNOWN) {
                    st->unknown = 1;
                    continue;
                }
                if (rc != IFR_OK)
                    fail_msg("%s:%zu: %s: compile failed %d: %s (%s)", name, lineno, id, rc,
                             err.message, err.path);
                idx = 0;
            }
            int status[2];
            for (int m = 0; m < 2; m++) {
                assert_int_equal(ifr_check(res, spec, text, len, mode_flag[m], &err), IFR_OK);
                status[m] = ifr_result_status(res, idx);
                int followed = ifr_result_followed(res, idx);
                if (raises) {
                    if (status[m] == IFR_OK && followed) {
                        st->raise_bad++;
                        if (verbose)
                            printf("RAISES-BUT-PASSES %s %s line %zu\n", id, mode_name[m],
                                   lineno);
                    }
                    continue;
                }
                json_t *unstable = json_object_get(json_object_get(row, "unstable"),
                                                   mode_name[m]);
                if (in_list(unstable, i))
                    continue;
                json_t *exp = json_object_get(json_object_get(row, "expected"), mode_name[m]);
                int want = json_is_true(json_array_get(exp, i));
                if (status[m] == IFR_OK && followed == want) {
                    st->ok[m]++;
                } else {
                    st->bad[m]++;
                    if (verbose)
                        printf("DISAGREE %s %s %s: reference %d, ifreward %d (status %d: %s)\n",
                               id, mode_name[m],
                               json_string_value(json_object_get(row, "uid")), want, followed,
                               status[m], ifr_result_detail(res, idx));
                }
            }
            if (raises) {
                if (status[0] == IFR_E_UNSUPPORTED || status[1] == IFR_E_UNSUPPORTED)
                    st->raise_ok++;
                else {
                    st->raise_bad++;
                    if (verbose)
                        printf("NO-ERROR %s line %zu (status %d/%d)\n", id, lineno, status[0],
                               status[1]);
                }
            }
            if (spec != whole)
                ifr_spec_free(spec);
        }
        ifr_spec_free(whole);
        json_decref(row);
    }
    free(line);
    fclose(f);
    ifr_result_free(res);
}

static void test_ifbench_conformance(void **state)
{
    (void)state;
    run_file("cases.jsonl", false);
    run_file("reference_raises.jsonl", true);
    size_t bad = 0, ok = 0, unknown = 0;
    printf("%-36s %13s %13s %7s\n", "id", "strict", "loose", "raises");
    for (size_t i = 0; i < nstats; i++) {
        id_stat *s = &stats[i];
        if (s->unknown) {
            printf("%-36s not implemented (skipped)\n", s->id);
            unknown++;
            continue;
        }
        printf("%-36s %6zu/%-6zu %6zu/%-6zu %3zu/%-3zu\n", s->id, s->ok[0], s->ok[0] + s->bad[0],
               s->ok[1], s->ok[1] + s->bad[1], s->raise_ok, s->raise_ok + s->raise_bad);
        bad += s->bad[0] + s->bad[1] + s->raise_bad;
        ok += s->ok[0] + s->ok[1] + s->raise_ok;
    }
    printf("agreement: %zu of %zu verdicts; %zu ids not implemented\n", ok, ok + bad, unknown);
    if (bad)
        fail_msg("%zu disagreements with the reference (IFR_VERBOSE=1 lists them)", bad);
}

int main(void)
{
    dir = getenv("IFR_CONFORMANCE_DIR");
    verbose = getenv("IFR_VERBOSE") != NULL;
    char path[4096];
    if (!dir || !*dir) {
        printf("IFR_CONFORMANCE_DIR is not set: skipping the IFBench conformance test\n");
        return 77;
    }
    snprintf(path, sizeof path, "%s/ifbench/cases.jsonl", dir);
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("%s is absent: skipping the IFBench conformance test\n", path);
        return 77;
    }
    fclose(f);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_ifbench_conformance)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
