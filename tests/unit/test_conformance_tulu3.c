/*
 * test_conformance_tulu3.c - the Tulu 3 `func_name` suite against the public
 * conformance cases ($IFR_CONFORMANCE_DIR/tulu3), through the public API.
 *
 * Each row's ground_truth (a JSON object string) is compiled twice: with no
 * preprocessing ("raw" mode) and with IFR_PREPROCESS_OPEN_INSTRUCT ("verifier"
 * mode, open-instruct's IFEvalVerifierOld path). Every stable verdict of every
 * implemented function must agree; rows of reference_raises.jsonl must give
 * IFR_E_UNSUPPORTED for the instruction. Prints per-function agreement.
 * Skips (77) when the data is absent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ifreward.h"
#include "support/conf_support.h"

static conf_stats stats;

/* Compile `gt` with the given preprocessing and check `resp`; *code = compile
 * result. Returns the result (or NULL when the compile failed). */
static ifr_result *run(const char *gt, size_t gtlen, const char *resp, size_t rlen,
                       int64_t preprocess, int *code, ifr_error *err)
{
    ifr_options *opts = NULL;
    assert_int_equal(ifr_options_new(&opts, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(opts, IFR_OPT_PREPROCESS, preprocess), IFR_OK);
    ifr_spec *spec = NULL;
    *code = ifr_spec_compile(&spec, gt, gtlen, opts, err);
    ifr_result *res = NULL;
    if (*code == IFR_OK) {
        assert_int_equal(ifr_result_new(&res, opts), IFR_OK);
        assert_int_equal(ifr_check(res, spec, resp, rlen, IFR_CHECK_STRICT, err), IFR_OK);
        assert_int_equal(ifr_result_count(res), 1);
    }
    ifr_spec_free(spec);
    ifr_options_free(opts);
    return res;
}

static bool is_unstable(json_t *row, const char *mode)
{
    json_t *u = json_object_get(json_object_get(row, "unstable"), mode);
    return json_array_size(u) > 0;
}

static void test_tulu3_cases(void **state)
{
    (void)state;
    conf_rows rd;
    conf_rows_open(&rd, "tulu3", "cases.jsonl");
    json_t *row;
    int disagree = 0, rows = 0;
    static const char *const modes[2] = {"raw", "verifier"};
    while ((row = conf_rows_next(&rd))) {
        rows++;
        const char *id = json_string_value(json_object_get(row, "func_name"));
        json_t *gt = json_object_get(row, "ground_truth");
        json_t *resp = json_object_get(row, "response");
        conf_stat *st = conf_stat_for(&stats, id);
        for (int m = 0; m < 2; m++) {
            if (is_unstable(row, modes[m])) {
                st->skipped++;
                continue;
            }
            bool expect = json_is_true(
                json_array_get(json_object_get(json_object_get(row, "expected"), modes[m]), 0));
            ifr_error err;
            int code;
            ifr_result *res = run(json_string_value(gt), json_string_length(gt),
                                  json_string_value(resp), json_string_length(resp),
                                  m ? IFR_PREPROCESS_OPEN_INSTRUCT : IFR_PREPROCESS_NONE, &code,
                                  &err);
            if (code == IFR_E_UNKNOWN) {
                st->unimplemented++;
                continue;
            }
            st->total++;
            if (code != IFR_OK) {
                disagree++;
                print_message("%s %s: compile error %d: %s\n", modes[m], id, code, err.message);
                continue;
            }
            int status = ifr_result_status(res, 0);
            bool got = ifr_result_followed(res, 0) == 1;
            if (status == IFR_OK && got == expect) {
                st->agree++;
            } else {
                disagree++;
                print_message("%s %s (%s): status %d, got %d, expected %d [%s]\n", modes[m], id,
                              json_string_value(json_object_get(row, "uid")), status, got, expect,
                              ifr_result_detail(res, 0));
            }
            ifr_result_free(res);
        }
        json_decref(row);
    }
    conf_rows_close(&rd);
    int agree = 0, total = 0;
    print_message("tulu3: %d rows; per-function agreement (raw + verifier):\n", rows);
    conf_stats_print(&stats, 34, &agree, &total);
    print_message("tulu3: %d / %d stable verdicts agree\n", agree, total);
    assert_int_equal(disagree, 0);
}

static void test_tulu3_reference_raises(void **state)
{
    (void)state;
    conf_rows rd;
    conf_rows_open(&rd, "tulu3", "reference_raises.jsonl");
    json_t *row;
    int n = 0, ok = 0;
    while ((row = conf_rows_next(&rd))) {
        json_t *gt = json_object_get(row, "ground_truth");
        json_t *resp = json_object_get(row, "response");
        /* the reference raises on the raw text and on the preprocessed answer */
        for (int m = 0; m < 2; m++) {
            ifr_error err;
            int code;
            ifr_result *res = run(json_string_value(gt), json_string_length(gt),
                                  json_string_value(resp), json_string_length(resp),
                                  m ? IFR_PREPROCESS_OPEN_INSTRUCT : IFR_PREPROCESS_NONE, &code,
                                  &err);
            n++;
            if (code == IFR_E_UNKNOWN)
                continue;
            assert_int_equal(code, IFR_OK);
            int status = ifr_result_status(res, 0);
            if (status == IFR_E_UNSUPPORTED && ifr_result_followed(res, 0) == 0)
                ok++;
            else
                print_message("raises %s (%s): status %d followed %d\n",
                              json_string_value(json_object_get(row, "func_name")),
                              m ? "verifier" : "raw", status, ifr_result_followed(res, 0));
            ifr_result_free(res);
        }
        json_decref(row);
    }
    conf_rows_close(&rd);
    print_message("tulu3 reference_raises: %d / %d (rows x raw/verifier) give IFR_E_UNSUPPORTED\n", ok, n);
    assert_int_equal(ok, n);
}

int main(void)
{
    int skip = conf_require("tulu3");
    if (skip)
        return skip;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tulu3_cases),
        cmocka_unit_test(test_tulu3_reference_raises),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
