/* test_punctuation.c - punctuation:no_comma through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_punctuation_cases.h"
};

static void test_punctuation_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 70);
}

static void test_punctuation_details(void **state)
{
    (void)state;
    ck_expect_detail("punctuation:no_comma", "{}", "a, b, c", 0, "contains 2 commas; needs none");
    ck_expect_detail("punctuation:no_comma", "{}", "a b", 1, "no commas");
    /* a comma after an embedded NUL still counts */
    char detail[256];
    assert_int_equal(ck_verdict("punctuation:no_comma", "{}", "a\0,", 3, IFR_CHECK_STRICT,
                                detail, sizeof detail), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_punctuation_table),
        cmocka_unit_test(test_punctuation_details),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
