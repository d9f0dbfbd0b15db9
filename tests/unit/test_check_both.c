/*
 * test_check_both.c - IFR_CHECK_BOTH gives exactly what a strict check and a
 * loose check give separately: every getter (followed, status, detail,
 * all_followed, both rewards, guard, the JSON) of the strict half and of the
 * loose view, on crafted texts that exercise every loose variant (first/last
 * line, '*', blank variants, CRLF, invisible-only text) and, when
 * $IFR_CONFORMANCE_DIR is there, on every response of the four suites, in
 * compat and precise semantics, with and without open-instruct preprocessing
 * and the guards; and that IFR_CHECK_NO_DETAILS changes nothing but the details.
 * Also: the view's lifetime rules and the 2n batch layout.
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

/* Two results describe the same verdicts, getter by getter. */
static void assert_same(const ifr_result *a, const ifr_result *b)
{
    size_t n = ifr_result_count(a);
    assert_int_equal(n, ifr_result_count(b));
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ifr_result_followed(a, i), ifr_result_followed(b, i));
        assert_int_equal(ifr_result_status(a, i), ifr_result_status(b, i));
        assert_string_equal(ifr_result_detail(a, i), ifr_result_detail(b, i));
    }
    assert_int_equal(ifr_result_all_followed(a), ifr_result_all_followed(b));
    assert_true(ifr_result_reward(a, IFR_AGGREGATE_ALL) == ifr_result_reward(b, IFR_AGGREGATE_ALL));
    assert_true(ifr_result_reward(a, IFR_AGGREGATE_FRACTION) ==
                ifr_result_reward(b, IFR_AGGREGATE_FRACTION));
    assert_int_equal(ifr_result_guard(a), ifr_result_guard(b));
    char *ja = NULL, *jb = NULL;
    assert_int_equal(ifr_result_json(a, IFR_AGGREGATE_FRACTION, &ja, NULL), IFR_OK);
    assert_int_equal(ifr_result_json(b, IFR_AGGREGATE_FRACTION, &jb, NULL), IFR_OK);
    assert_string_equal(ja, jb);
    ifr_free(ja);
    ifr_free(jb);
}

/* The verdict getters (not the details) agree. */
static void assert_same_verdicts(const ifr_result *a, const ifr_result *b)
{
    size_t n = ifr_result_count(a);
    assert_int_equal(n, ifr_result_count(b));
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(ifr_result_followed(a, i), ifr_result_followed(b, i));
        assert_int_equal(ifr_result_status(a, i), ifr_result_status(b, i));
    }
    assert_int_equal(ifr_result_all_followed(a), ifr_result_all_followed(b));
    assert_true(ifr_result_reward(a, IFR_AGGREGATE_FRACTION) ==
                ifr_result_reward(b, IFR_AGGREGATE_FRACTION));
    assert_int_equal(ifr_result_guard(a), ifr_result_guard(b));
}

typedef struct fixture {
    ifr_result *s, *l, *b, *nd; /* strict, loose, both, both without details */
    long compared, loose_only_passes;
} fixture;

/* Check `text` three ways with `extra` flags and compare. Returns false when
 * the strict check itself fails (an error: then all three must fail alike). */
static void compare(fixture *fx, const ifr_spec *spec, const char *text, size_t len,
                    unsigned extra)
{
    ifr_error e1, e2, e3;
    int r1 = ifr_check(fx->s, spec, text, len, IFR_CHECK_STRICT | extra, &e1);
    int r2 = ifr_check(fx->l, spec, text, len, IFR_CHECK_LOOSE | extra, &e2);
    int r3 = ifr_check(fx->b, spec, text, len, IFR_CHECK_BOTH | extra, &e3);
    assert_int_equal(r1, r3);
    assert_int_equal(r2, r3);
    if (r3 != IFR_OK)
        return;
    const ifr_result *lz = ifr_result_loose(fx->b);
    assert_non_null(lz);
    assert_same(fx->s, fx->b);
    assert_same(fx->l, lz);
    /* IFR_CHECK_NO_DETAILS changes nothing but the details */
    assert_int_equal(ifr_check(fx->nd, spec, text, len, IFR_CHECK_BOTH | IFR_CHECK_NO_DETAILS |
                                                            extra, NULL),
                     IFR_OK);
    assert_same_verdicts(fx->nd, fx->s);
    assert_same_verdicts(ifr_result_loose(fx->nd), fx->l);
    fx->compared++;
    for (size_t i = 0; i < ifr_result_count(lz); i++)
        fx->loose_only_passes += ifr_result_followed(lz, i) && !ifr_result_followed(fx->b, i);
}

static ifr_spec *compile(const char *json, size_t len, int semantics, int suite, int preprocess,
                         int64_t guards)
{
    ifr_options *o = NULL;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_SEMANTICS, semantics), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_SUITE, suite), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_PREPROCESS, preprocess), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_GUARDS, guards), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_ON_ERROR, IFR_ON_ERROR_MARK), IFR_OK);
    ifr_spec *spec = NULL;
    if (ifr_spec_compile(&spec, json, len, o, NULL) != IFR_OK)
        spec = NULL;
    ifr_options_free(o);
    return spec;
}

static void fixture_open(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    assert_int_equal(ifr_result_new(&fx->s, NULL), IFR_OK);
    assert_int_equal(ifr_result_new(&fx->l, NULL), IFR_OK);
    assert_int_equal(ifr_result_new(&fx->b, NULL), IFR_OK);
    assert_int_equal(ifr_result_new(&fx->nd, NULL), IFR_OK);
}

static void fixture_close(fixture *fx)
{
    ifr_result_free(fx->s);
    ifr_result_free(fx->l);
    ifr_result_free(fx->b);
    ifr_result_free(fx->nd);
}

/* MARK: crafted texts ---------------------------------------------------- */

static const char *const crafted_specs[] = {
    "{\"instruction_id_list\": [\"punctuation:no_comma\", \"detectable_format:title\", "
    "\"startend:end_checker\", \"detectable_format:number_highlighted_sections\", "
    "\"change_case:english_lowercase\", \"length_constraints:number_words\", "
    "\"language:response_language\", \"startend:quotation\"], \"kwargs\": [{}, {}, "
    "{\"end_phrase\": \"Is there anything else I can help with?\"}, {\"num_highlights\": 2}, "
    "{}, {\"relation\": \"less than\", \"num_words\": 12}, {\"language\": \"en\"}, {}]}",
    "{\"instruction_id_list\": [\"detectable_format:json_format\", "
    "\"detectable_content:postscript\", \"keywords:frequency\", \"change_case:english_capital\"], "
    "\"kwargs\": [{}, {\"postscript_marker\": \"P.S.\"}, {\"keyword\": \"cat\", \"frequency\": 2, "
    "\"relation\": \"at least\"}, {}]}",
};

static const char *const crafted_texts[] = {
    "",
    "   \n\t ",
    "\xe2\x80\x8b\xe2\x80\x8b", /* ZWSP only: blank in precise */
    "Sure, here it is:\n<<Title>>\nthe cat, the cat.\nIs there anything else I can help with?",
    "Sure, here it is:\n<<Title>>\nthe cat the cat\nIs there anything else I can help with?\n"
    "Let me know!",
    "*the* cat *is* here\r\nIs there anything else I can help with?",
    "**Note:** ```json\n{\"a\": 1}\n```",
    "Here you go:\n{\"a\": [1, 2]}\nHope this helps",
    "\"quoted, with a comma\"",
    "THE CAT SAT ON THE MAT AND THE CAT LEFT\nok",
    "first line\n*highlight one* and *highlight two*\nlast line",
    "one line only",
    "\n\n\n",
    "le chat est sur la table, et le chien dort dans le jardin\nP.S. the cat",
    "P.S. cat cat\n\xff\xfe invalid bytes",
};

static void test_both_crafted(void **state)
{
    (void)state;
    fixture fx;
    fixture_open(&fx);
    for (size_t s = 0; s < sizeof crafted_specs / sizeof *crafted_specs; s++)
        for (int sem = 0; sem < 2; sem++)
            for (int g = 0; g < 2; g++) {
                ifr_spec *spec = compile(crafted_specs[s], strlen(crafted_specs[s]), sem,
                                         IFR_SUITE_AUTO, IFR_PREPROCESS_NONE,
                                         g ? IFR_GUARD_EMPTY | IFR_GUARD_TRUNCATED |
                                                 IFR_GUARD_REPETITION
                                           : 0);
                assert_non_null(spec);
                for (size_t t = 0; t < sizeof crafted_texts / sizeof *crafted_texts; t++) {
                    compare(&fx, spec, crafted_texts[t], strlen(crafted_texts[t]), 0);
                    compare(&fx, spec, crafted_texts[t], strlen(crafted_texts[t]),
                            IFR_CHECK_TRUNCATED);
                }
                ifr_spec_free(spec);
            }
    /* the set is built so that some verdicts pass only in loose mode */
    assert_true(fx.loose_only_passes > 0);
    fixture_close(&fx);
}

/* MARK: the view's rules and the batch layout ---------------------------- */

static void test_both_view_rules(void **state)
{
    (void)state;
    const char *js = "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}";
    ifr_spec *spec = NULL;
    assert_int_equal(ifr_spec_compile(&spec, js, strlen(js), NULL, NULL), IFR_OK);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    assert_null(ifr_result_loose(res));
    assert_null(ifr_result_loose(NULL));
    const char *t = "Intro, with a comma\nno commas here";
    assert_int_equal(ifr_check(res, spec, t, strlen(t), IFR_CHECK_BOTH, NULL), IFR_OK);
    const ifr_result *lz = ifr_result_loose(res);
    assert_non_null(lz);
    assert_int_equal(ifr_result_followed(res, 0), 0);
    assert_int_equal(ifr_result_followed(lz, 0), 1);
    assert_non_null(strstr(ifr_result_detail(lz, 0), "loose: without the first line"));
    /* read-only: checking into the view is refused, freeing it is a no-op */
    ifr_error err;
    assert_int_equal(ifr_check((ifr_result *)lz, spec, t, strlen(t), 0, &err), IFR_E_INVALID);
    assert_non_null(strstr(err.message, "read-only"));
    ifr_result_free((ifr_result *)lz);
    assert_int_equal(ifr_result_followed(lz, 0), 1);
    /* LOOSE | BOTH is BOTH */
    assert_int_equal(ifr_check(res, spec, t, strlen(t), IFR_CHECK_BOTH | IFR_CHECK_LOOSE, NULL),
                     IFR_OK);
    assert_int_equal(ifr_result_followed(res, 0), 0);
    assert_int_equal(ifr_result_followed(ifr_result_loose(res), 0), 1);
    /* any other check drops the view */
    assert_int_equal(ifr_check(res, spec, t, strlen(t), IFR_CHECK_LOOSE, NULL), IFR_OK);
    assert_null(ifr_result_loose(res));
    assert_int_equal(ifr_check(res, spec, t, strlen(t), 0x80u, NULL), IFR_E_INVALID);
    ifr_result_free(res);

    /* batch: rewards and all_followed hold strict in [0, n), loose in [n, 2n) */
    const char *texts[3] = {t, "none at all", "a, b\nc, d"};
    size_t lens[3] = {strlen(texts[0]), strlen(texts[1]), strlen(texts[2])};
    const ifr_spec *specs[3] = {spec, spec, spec};
    double rw[6];
    unsigned char all[6];
    int codes[3];
    for (unsigned th = 1; th <= 3; th++) {
        memset(rw, 0xff, sizeof rw);
        memset(all, 0xff, sizeof all);
        assert_int_equal(ifr_check_batch(specs, texts, lens, 3, IFR_CHECK_BOTH,
                                         IFR_AGGREGATE_ALL, th, NULL, rw, codes, all),
                         IFR_OK);
        static const double want[6] = {0, 1, 0, 1, 1, 0};
        for (int i = 0; i < 6; i++) {
            assert_true(rw[i] == want[i]);
            assert_int_equal(all[i], want[i] == 1.0);
        }
        for (int i = 0; i < 3; i++)
            assert_int_equal(codes[i], IFR_OK);
    }
    ifr_spec_free(spec);
}

/* MARK: the conformance responses ---------------------------------------- */

/* Every row of <suite>/<file> whose spec compiles, in both semantics. */
static long run_rows(fixture *fx, const char *suite, const char *file, int suite_opt,
                     const char *resp_key)
{
    conf_rows rd;
    conf_rows_open(&rd, suite, file);
    json_t *row;
    long specs = 0;
    while ((row = conf_rows_next(&rd))) {
        json_t *resp = json_object_get(row, resp_key);
        json_t *gt = json_object_get(row, "ground_truth");
        char *js = gt && json_is_string(gt) ? strdup(json_string_value(gt))
                                            : json_dumps(row, JSON_COMPACT);
        assert_non_null(js);
        for (int sem = 0; sem < 2; sem++)
            for (int pre = 0; pre < 2; pre++) {
                if (pre && !gt)
                    continue; /* open-instruct preprocessing: the verifier rows */
                ifr_spec *spec = compile(js, strlen(js), sem, suite_opt, pre, 0);
                if (!spec)
                    continue;
                specs++;
                if (json_is_string(resp))
                    compare(fx, spec, json_string_value(resp), json_string_length(resp), 0);
                ifr_spec_free(spec);
            }
        free(js);
        json_decref(row);
    }
    conf_rows_close(&rd);
    return specs;
}

static void test_both_conformance(void **state)
{
    (void)state;
    if (conf_require("ifbench") != 0) {
        skip();
        return;
    }
    fixture fx;
    fixture_open(&fx);
    long n = 0;
    n += run_rows(&fx, "ifbench", "cases.jsonl", IFR_SUITE_IFBENCH, "response");
    n += run_rows(&fx, "iftrain", "cases.jsonl", IFR_SUITE_IFTRAIN, "response");
    n += run_rows(&fx, "tulu3", "cases.jsonl", IFR_SUITE_TULU3, "response");
    /* IFEval: the inputs by key, the GPT-4 responses by prompt */
    conf_rows in, rs;
    conf_rows_open(&in, "ifeval", "input_data.jsonl");
    conf_rows_open(&rs, "ifeval", "input_response_data_gpt4_20231107_145030.jsonl");
    json_t *prompts = json_object();
    json_t *row;
    while ((row = conf_rows_next(&in))) {
        json_object_set(prompts, json_string_value(json_object_get(row, "prompt")), row);
        json_decref(row);
    }
    long ifeval = 0;
    while ((row = conf_rows_next(&rs))) {
        json_t *inp = json_object_get(prompts, json_string_value(json_object_get(row, "prompt")));
        json_t *resp = json_object_get(row, "response");
        if (inp && json_is_string(resp)) {
            char *js = json_dumps(inp, JSON_COMPACT);
            for (int sem = 0; sem < 2; sem++) {
                ifr_spec *spec = compile(js, strlen(js), sem, IFR_SUITE_IFEVAL, 0, 0);
                if (spec) {
                    compare(&fx, spec, json_string_value(resp), json_string_length(resp), 0);
                    ifeval++;
                }
                ifr_spec_free(spec);
            }
            free(js);
        }
        json_decref(row);
    }
    json_decref(prompts);
    conf_rows_close(&in);
    conf_rows_close(&rs);
    printf("IFR_CHECK_BOTH matched strict + loose on %ld checks (%ld IFEval; %ld loose-only "
           "passes)\n", fx.compared, ifeval, fx.loose_only_passes);
    assert_true(n > 1000);
    assert_true(ifeval > 1000);
    assert_true(fx.loose_only_passes > 0);
    fixture_close(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_both_crafted),
        cmocka_unit_test(test_both_view_rules),
        cmocka_unit_test(test_both_conformance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
