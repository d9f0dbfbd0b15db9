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
#include "support/conf_support.h"

static conf_stats stats;

static void test_iftrain_cases(void **state)
{
    (void)state;
    conf_rows rd;
    conf_rows_open(&rd, "iftrain", "cases.jsonl");
    json_t *row;
    int disagree = 0, rows = 0, random_rows = 0, reward_checked = 0;
    static const char *const modes[2] = {"strict", "verifier"};
    while ((row = conf_rows_next(&rd))) {
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
                    conf_stat_for(&stats, json_string_value(json_array_get(ids, i)))
                        ->unimplemented++;
                ifr_options_free(opts);
                continue;
            }
            if (code == IFR_E_KWARGS && json_array_size(unstable) > 0) {
                /* a kwarg the reference replaces by a random draw: spec error */
                random_rows++;
                for (size_t i = 0; i < nid; i++)
                    conf_stat_for(&stats, json_string_value(json_array_get(ids, i)))
                        ->skipped++;
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
                conf_stat *st = conf_stat_for(&stats, id);
                assert_string_equal(ifr_spec_suite(spec, i), "iftrain");
                bool expect = json_is_true(json_array_get(expected, i));
                nexp_true += expect;
                if (conf_in_list(unstable, i)) {
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
    conf_rows_close(&rd);
    int agree = 0, total = 0;
    print_message("iftrain: %d rows; per-id agreement (strict + verifier):\n", rows);
    conf_stats_print(&stats, 40, &agree, &total);
    print_message("iftrain: %d / %d stable verdicts agree; %d verifier rewards checked; %d "
                  "compiles refused for a random-draw kwarg\n",
                  agree, total, reward_checked, random_rows);
    assert_int_equal(disagree, 0);
}

int main(void)
{
    int skip = conf_require("iftrain");
    if (skip)
        return skip;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iftrain_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
