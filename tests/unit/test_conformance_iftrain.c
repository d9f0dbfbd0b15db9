/*
 * test_conformance_iftrain.c - the IFTrain suite (the 29 IFEvalG extras of
 * open-instruct) against the public conformance cases
 * ($IFR_CONFORMANCE_DIR/iftrain), through the public API.
 *
 * Each row's ground_truth (the dataset's Python-literal string) is compiled as
 * a JSON string twice: "strict" (no preprocessing; the scoring layer applies
 * IFEval's blank gate) and "verifier" (IFR_PREPROCESS_OPEN_INSTRUCT, open-
 * instruct's IFEvalVerifier, with its partial-credit mean as
 * IFR_AGGREGATE_FRACTION). Every stable verdict of every implemented id must
 * agree. A row whose kwargs make the reference draw at random (marked
 * unstable) must fail to compile with IFR_E_KWARGS. Skips (77) when the data
 * is absent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ifreward.h"

#define MAX_IDS 64

typedef struct id_stat {
    char id[64];
    int agree, total, skipped, unimplemented;
} id_stat;

static id_stat stats[MAX_IDS];
static int nstats;
static char dir[1024];

static id_stat *stat_for(const char *id)
{
    for (int i = 0; i < nstats; i++)
        if (!strcmp(stats[i].id, id))
            return &stats[i];
    assert_true(nstats < MAX_IDS);
    id_stat *s = &stats[nstats++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", id);
    return s;
}

static FILE *open_data(const char *name)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/iftrain/%s", dir, name);
    return fopen(path, "r");
}

static bool in_list(json_t *arr, size_t i)
{
    for (size_t k = 0; k < json_array_size(arr); k++)
        if ((size_t)json_integer_value(json_array_get(arr, k)) == i)
            return true;
    return false;
}

static void test_iftrain_cases(void **state)
{
    (void)state;
    FILE *f = open_data("cases.jsonl");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0;
    int disagree = 0, rows = 0, random_rows = 0, reward_checked = 0;
    static const char *const modes[2] = {"strict", "verifier"};
    while (getline(&line, &cap, f) > 0) {
        json_error_t je;
        json_t *row = json_loads(line, 0, &je);
        assert_non_null(row);
        rows++;
        json_t *ids = json_object_get(row, "instruction_id_list");
        size_t nid = json_array_size(ids);
        /* the spec: the Python-literal ground truth as a JSON string */
        char *spec_json = json_dumps(json_object_get(row, "ground_truth"), JSON_ENCODE_ANY);
        assert_non_null(spec_json);
        json_t *resp = json_object_get(row, "response");
        for (int m = 0; m < 2; m++) {
            json_t *unstable = json_object_get(json_object_get(row, "unstable"), modes[m]);
            json_t *expected = json_object_get(json_object_get(row, "expected"), modes[m]);
            ifr_options *opts = NULL;
            assert_int_equal(ifr_options_new(&opts, NULL), IFR_OK);
            assert_int_equal(ifr_options_set(opts, IFR_OPT_PREPROCESS,
                                             m ? IFR_PREPROCESS_OPEN_INSTRUCT
                                               : IFR_PREPROCESS_NONE),
                             IFR_OK);
            ifr_spec *spec = NULL;
            ifr_error err;
            int code = ifr_spec_compile(&spec, spec_json, strlen(spec_json), opts, &err);
            if (code == IFR_E_UNKNOWN) {
                for (size_t i = 0; i < nid; i++)
                    stat_for(json_string_value(json_array_get(ids, i)))->unimplemented++;
                ifr_options_free(opts);
                continue;
            }
            if (code == IFR_E_KWARGS && json_array_size(unstable) > 0) {
                /* a kwarg the reference replaces by a random draw: spec error */
                random_rows++;
                for (size_t i = 0; i < nid; i++)
                    stat_for(json_string_value(json_array_get(ids, i)))->skipped++;
                ifr_options_free(opts);
                continue;
            }
            if (code != IFR_OK) {
                disagree++;
                print_message("%s %s: compile error %d at %s: %s\n", modes[m],
                              json_string_value(json_object_get(row, "uid")), code, err.path,
                              err.message);
                ifr_options_free(opts);
                continue;
            }
            assert_int_equal(ifr_spec_count(spec), nid);
            ifr_result *res = NULL;
            assert_int_equal(ifr_result_new(&res, opts), IFR_OK);
            assert_int_equal(ifr_check(res, spec, json_string_value(resp),
                                       json_string_length(resp), IFR_CHECK_STRICT, &err),
                             IFR_OK);
            int nexp_true = 0;
            bool all_stable = json_array_size(unstable) == 0;
            for (size_t i = 0; i < nid; i++) {
                const char *id = json_string_value(json_array_get(ids, i));
                id_stat *st = stat_for(id);
                assert_string_equal(ifr_spec_suite(spec, i), "iftrain");
                bool expect = json_is_true(json_array_get(expected, i));
                nexp_true += expect;
                if (in_list(unstable, i)) {
                    st->skipped++;
                    continue;
                }
                st->total++;
                int status = ifr_result_status(res, i);
                bool got = ifr_result_followed(res, i) == 1;
                if (status == IFR_OK && got == expect) {
                    st->agree++;
                } else {
                    disagree++;
                    print_message("%s %s (%s): status %d, got %d, expected %d [%s]\n", modes[m],
                                  id, json_string_value(json_object_get(row, "uid")), status,
                                  got, expect, ifr_result_detail(res, i));
                }
            }
            /* IFEvalVerifier's reward: the mean of the per-constraint scores */
            if (m == 1 && all_stable) {
                double want = (double)nexp_true / (double)nid;
                double reward = ifr_result_reward(res, IFR_AGGREGATE_FRACTION);
                if (fabs(reward - want) > 1e-12) {
                    disagree++;
                    print_message("verifier reward %g, expected %g (%s)\n", reward, want,
                                  json_string_value(json_object_get(row, "uid")));
                }
                reward_checked++;
            }
            ifr_result_free(res);
            ifr_spec_free(spec);
            ifr_options_free(opts);
        }
        free(spec_json);
        json_decref(row);
    }
    free(line);
    fclose(f);
    int agree = 0, total = 0;
    print_message("iftrain: %d rows; per-id agreement (strict + verifier):\n", rows);
    for (int i = 0; i < nstats; i++) {
        print_message("  %-40s %4d / %-4d%s%s\n", stats[i].id, stats[i].agree, stats[i].total,
                      stats[i].skipped ? "  (unstable skipped)" : "",
                      stats[i].unimplemented ? "  UNIMPLEMENTED" : "");
        agree += stats[i].agree;
        total += stats[i].total;
    }
    print_message("iftrain: %d / %d stable verdicts agree; %d verifier rewards checked; %d "
                  "compiles refused for a random-draw kwarg\n",
                  agree, total, reward_checked, random_rows);
    assert_int_equal(disagree, 0);
}

int main(void)
{
    const char *d = getenv("IFR_CONFORMANCE_DIR");
    if (!d || !*d) {
        printf("IFR_CONFORMANCE_DIR is not set: skipping the iftrain conformance cases\n");
        return 77;
    }
    snprintf(dir, sizeof dir, "%s", d);
    FILE *f = open_data("cases.jsonl");
    if (!f) {
        printf("%s/iftrain/cases.jsonl is absent: skipping the iftrain conformance cases\n", dir);
        return 77;
    }
    fclose(f);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iftrain_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
