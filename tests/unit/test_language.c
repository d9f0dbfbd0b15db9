/* test_language.c - the three langdetect checkers (language:response_language,
 * change_case:english_capital, change_case:english_lowercase) through the
 * public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_language_cases.py (langdetect 1.0.9, seed 0). */
static const ck_case language_rows[] = {
#include "data/ck_language_cases.h"
};
static const ck_case english_rows[] = {
#include "data/ck_english_case_cases.h"
};

static void test_response_language_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(language_rows, sizeof language_rows / sizeof language_rows[0]) >
                40);
}

static void test_english_case_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(english_rows, sizeof english_rows / sizeof english_rows[0]) > 50);
}

static void test_response_language_details(void **state)
{
    (void)state;
    const char *en = "This is a simple English sentence about the weather today.";
    /* clear from the 4th trial on: the checkers stop there (langdetect.c,
     * decided()); p is then the lower bound the 4 trials give (4/7) */
    ck_expect_detail("language:response_language", "{\"language\":\"en\"}", en, 1,
                     "detected \"en\" (p>=0.571 after 4 of 7 trials)");
    ck_expect_detail("language:response_language", "{\"language\":\"fr\"}", en, 0,
                     "detected \"en\" (p>=0.571 after 4 of 7 trials); needs \"fr\"");
    ck_expect_detail("language:response_language", "{\"language\":\"de\"}", "12345", 1,
                     "no language features; passes in compat");
    /* the close call: seed 0 picks hr over fr (0.4295 vs. 0.4286 after 7 trials),
     * and after 5 trials hr leads by more than the last two can change */
    ck_expect_detail("language:response_language", "{\"language\":\"fr\"}", "bonjour", 0,
                     "detected \"hr\" (p>=0.429 after 5 of 7 trials); needs \"fr\"");
    /* undecided until the end: all 7 trials, the exact probability */
    ck_expect_detail("language:response_language", "{\"language\":\"en\"}", "Hello", 0,
                     "detected \"fi\" (p=0.560); needs \"en\"");
}

static void test_english_case_details(void **state)
{
    (void)state;
    ck_expect_detail("change_case:english_capital", "{}", "THIS IS AN ENGLISH SENTENCE.", 1,
                     "all upper case, detected \"en\"");
    ck_expect_detail("change_case:english_capital", "{}", "This is an English sentence.", 0,
                     "not all upper case");
    ck_expect_detail("change_case:english_capital", "{}",
                     "DIE KATZE SITZT AUF DER MATTE UND SCHL\xc3\x84" "FT DEN GANZEN TAG.", 0,
                     "; needs \"en\"");
    ck_expect_detail("change_case:english_capital", "{}", "\xe2\x92\xb6\xe2\x92\xb7", 1,
                     "no language features; passes in compat");
    ck_expect_detail("change_case:english_lowercase", "{}", "this is an english sentence.", 1,
                     "all lower case, detected \"en\"");
    ck_expect_detail("change_case:english_lowercase", "{}", "This is an english sentence.", 0,
                     "not all lower case");
    /* no cased character: neither upper nor lower, langdetect never runs */
    ck_expect_detail("change_case:english_lowercase", "{}", "12345", 0, "not all lower case");
    ck_expect_detail("change_case:english_capital", "{}", "12345", 0, "not all upper case");
}

static void test_response_language_kwargs(void **state)
{
    (void)state;
    ck_expect_error("language:response_language", "{}", IFR_E_KWARGS, "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":null}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":\"xx\"}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":\"EN\"}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":\"en \"}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":\"unknown\"}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":\"zh\"}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":\"en\\u0000\"}",
                    IFR_E_KWARGS, "/kwargs/0/language");
    ck_expect_error("language:response_language", "{\"language\":7}", IFR_E_KWARGS,
                    "/kwargs/0/language");
    /* every one of langdetect's 55 codes compiles, e.g. the two Chinese ones */
    char detail[256];
    (void)ck_verdict("language:response_language", "{\"language\":\"zh-tw\"}", "x", 1,
                     IFR_CHECK_STRICT, detail, sizeof detail);
    (void)ck_verdict("language:response_language", "{\"language\":\"zh-cn\"}", "x", 1,
                     IFR_CHECK_STRICT, detail, sizeof detail);
}

/* head + count copies of unit + tail (malloc'ed) */
static char *repeat(const char *head, const char *unit, size_t count, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * count + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < count; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * count, tail, tl + 1);
    return s;
}

static void test_response_language_10000_cut(void **state)
{
    (void)state; /* verdicts from /usr/bin/python3, langdetect 1.0.9, seed 0 */
    static const char fr[] = "Bonjour tout le monde, comment allez-vous aujourd'hui ? Il fait beau.";
    char d[256];
    /* 11,500 characters of English, then French: only the English is read */
    char *en = repeat("", "the cat sat on the mat ", 500, "");
    char *mixed = repeat(en, fr, 200, "");
    assert_int_equal(ck_verdict("language:response_language", "{\"language\":\"en\"}", mixed,
                                strlen(mixed), IFR_CHECK_STRICT, d, sizeof d), 1);
    assert_int_equal(ck_verdict("language:response_language", "{\"language\":\"fr\"}", mixed,
                                strlen(mixed), IFR_CHECK_STRICT, d, sizeof d), 0);
    char *frs = repeat("", fr, 200, "");
    assert_int_equal(ck_verdict("language:response_language", "{\"language\":\"fr\"}", frs,
                                strlen(frs), IFR_CHECK_STRICT, d, sizeof d), 1);
    /* letters starting at character 10,000 are read ("vi" here); one later, none are */
    char *in = repeat("", "1", 9999, "the cat");
    char *out = repeat("", "1", 10000, "the cat");
    assert_int_equal(ck_verdict("language:response_language", "{\"language\":\"en\"}", in,
                                strlen(in), IFR_CHECK_STRICT, d, sizeof d), 0);
    assert_non_null(strstr(d, "detected \"vi\""));
    assert_int_equal(ck_verdict("language:response_language", "{\"language\":\"en\"}", out,
                                strlen(out), IFR_CHECK_STRICT, d, sizeof d), 1);
    assert_non_null(strstr(d, "no language features"));
    free(en);
    free(mixed);
    free(frs);
    free(in);
    free(out);
}

/* Verdict under precise semantics. */
static int precise_verdict(const char *id, const char *kwargs, const char *resp,
                           char *detail, size_t cap)
{
    char json[256];
    int n = snprintf(json, sizeof json, "{\"instruction_id_list\":[\"%s\"],\"kwargs\":[%s]}",
                     id, kwargs);
    ifr_options *opts = NULL;
    assert_int_equal(ifr_options_new(&opts, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(opts, IFR_OPT_SEMANTICS, IFR_SEMANTICS_PRECISE), IFR_OK);
    ifr_spec *spec = NULL;
    ifr_error err;
    assert_int_equal(ifr_spec_compile(&spec, json, (size_t)n, opts, &err), IFR_OK);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, opts), IFR_OK);
    assert_int_equal(ifr_check(res, spec, resp, strlen(resp), IFR_CHECK_STRICT, &err), IFR_OK);
    int followed = ifr_result_followed(res, 0);
    snprintf(detail, cap, "%s", ifr_result_detail(res, 0));
    ifr_result_free(res);
    ifr_spec_free(spec);
    ifr_options_free(opts);
    return followed;
}

static void test_precise_no_features_fails(void **state)
{
    (void)state;
    char d[256];
    assert_int_equal(precise_verdict("language:response_language", "{\"language\":\"en\"}",
                                     "12345", d, sizeof d), 0);
    assert_non_null(strstr(d, "fails in precise"));
    assert_int_equal(precise_verdict("change_case:english_capital", "{}",
                                     "\xe2\x92\xb6\xe2\x92\xb7", d, sizeof d), 0);
    assert_int_equal(precise_verdict("change_case:english_lowercase", "{}",
                                     "https://example.com", d, sizeof d), 0);
    /* a detectable text keeps its verdict */
    assert_int_equal(precise_verdict("language:response_language", "{\"language\":\"en\"}",
                                     "This is a simple English sentence.", d, sizeof d), 1);
}

static void test_loose_variants_detect_separately(void **state)
{
    (void)state;
    /* strict: the German first line wins; loose: "drop first line" is English */
    const char *resp = "Die Katze sitzt auf der Matte und schl\xc3\xa4" "ft den ganzen Tag.\n"
                       "This is a simple English sentence about the weather today.";
    char d[256];
    int strict = ck_verdict("language:response_language", "{\"language\":\"en\"}", resp,
                            strlen(resp), IFR_CHECK_STRICT, d, sizeof d);
    int loose = ck_verdict("language:response_language", "{\"language\":\"en\"}", resp,
                           strlen(resp), IFR_CHECK_LOOSE, d, sizeof d);
    assert_int_equal(strict, 0);
    assert_int_equal(loose, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_response_language_table),
        cmocka_unit_test(test_english_case_table),
        cmocka_unit_test(test_response_language_details),
        cmocka_unit_test(test_english_case_details),
        cmocka_unit_test(test_response_language_kwargs),
        cmocka_unit_test(test_response_language_10000_cut),
        cmocka_unit_test(test_precise_no_features_fails),
        cmocka_unit_test(test_loose_variants_detect_separately),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
