/* test_startend.c - startend:* checkers through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_startend_cases.h"
};

static void test_startend_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 150);
}

static void test_startend_details(void **state)
{
    (void)state;
    ck_expect_detail("startend:end_checker", "{\"end_phrase\":\"Bye now\"}", "So long. Bye now.",
                     0, "ends with \"so long. bye now.\"; needs to end with \"bye now\"");
    ck_expect_detail("startend:end_checker", "{\"end_phrase\":\"Bye now\"}", "So long. BYE NOW",
                     1, "ends with \"bye now\"");
    ck_expect_detail("startend:quotation", "{}", "\"", 0, "too short");
    ck_expect_detail("startend:quotation", "{}", "\"abc", 0, "does not end with '\"'");
    ck_expect_detail("startend:quotation", "{}", "abc\"", 0, "does not start with '\"'");
}

static void test_startend_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("startend:end_checker", "{}", IFR_E_KWARGS, "/kwargs/0/end_phrase");
    ck_expect_error("startend:end_checker", "{\"end_phrase\":null}", IFR_E_KWARGS,
                    "/kwargs/0/end_phrase");
    ck_expect_error("startend:end_checker", "{\"end_phrase\":1}", IFR_E_KWARGS,
                    "/kwargs/0/end_phrase");
    ck_expect_error("startend:quotation", "{\"x\":1}", IFR_E_KWARGS, "/kwargs/0/x");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_startend_table),
        cmocka_unit_test(test_startend_details),
        cmocka_unit_test(test_startend_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
