/* test_combination.c - combination:* checkers through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_combination_cases.h"
};

static void test_combination_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 150);
}

static void test_combination_details(void **state)
{
    (void)state;
    ck_expect_detail("combination:two_responses", "{}", "a ****** b ****** c", 0,
                     "3 responses separated by ******; needs exactly 2");
    ck_expect_detail("combination:two_responses", "{}", "a ****** a", 0,
                     "the two responses are identical");
    ck_expect_detail("combination:two_responses", "{}", "a ************ b", 0,
                     "empty response between ****** separators (part 2)");
    ck_expect_detail("combination:repeat_prompt", "{\"prompt_to_repeat\":\"Say hi.\"}",
                     "Say hello.", 0, "differs from the prompt at character 6 of 7");
    ck_expect_detail("combination:repeat_prompt", "{\"prompt_to_repeat\":\"Say hi.\"}",
                     "Say", 0, "ends after 3 of the prompt's 7 characters");
}

static void test_combination_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("combination:repeat_prompt", "{}", IFR_E_KWARGS,
                    "/kwargs/0/prompt_to_repeat");
    /* the reference raises ValueError("prompt_to_repeat must be set.") */
    ck_expect_error("combination:repeat_prompt", "{\"prompt_to_repeat\":\"\"}", IFR_E_KWARGS,
                    "/kwargs/0/prompt_to_repeat");
    ck_expect_error("combination:repeat_prompt", "{\"prompt_to_repeat\":[\"a\"]}",
                    IFR_E_KWARGS, "/kwargs/0/prompt_to_repeat");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_combination_table),
        cmocka_unit_test(test_combination_details),
        cmocka_unit_test(test_combination_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
