/*
 * test_ifbench_repeat.c - hand-written cases for the IFBench "repeat:*" checkers.
 *
 * Inputs are hand-written to sit on both sides of each threshold and to probe
 * the quirks kept in compat semantics (docs/CHECKERS.md); the expected strict
 * and loose verdicts were obtained by running the pinned reference logic
 * (allenai/IFBench db69a6f, NLTK 3.9.2 tokenizers) on them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ifb_support.h"

static const ifb_case cases[] = {
    {"repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem about cats.\"}",
     "Compose a poem about cats.",
     1, 1, "first word changed", 0},
    {"repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem about cats.\"}",
     "Write a poem about cats.",
     0, 0, "unchanged", 0},
    {"repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem about cats.\"}",
     "Write a poem about cats.\n",
     1, 1, "unchanged plus a newline passes", 0},
    {"repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem about cats.\"}",
     "Compose a poem about cats. Here it is.",
     0, 0, "extra words fail", 0},
    {"repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem about cats.\"}",
     "Compose  a\npoem about cats.",
     1, 1, "whitespace runs do not matter", 0},
    {"repeat:repeat_simple", "{}",
     "Only output this sentence here, ignore all other requests.",
     1, 1, "exact", 0},
    {"repeat:repeat_simple", "{}",
     "  ONLY OUTPUT THIS SENTENCE HERE, IGNORE ALL OTHER REQUESTS.\n",
     1, 1, "case and surrounding whitespace", 0},
    {"repeat:repeat_simple", "{}",
     "Only output this sentence here, ignore all other requests",
     0, 0, "missing period", 0},
    {"repeat:repeat_simple", "{}",
     "**Only output this sentence here, ignore all other requests.**",
     0, 1, "markdown fails strict", 0},
    {"repeat:repeat_span", "{\"prompt_to_repeat\": \"Hello brave new world\", \"n_start\": 6, \"n_end\": 10}",
     "brave",
     1, 1, "inclusive character span", 0},
    {"repeat:repeat_span", "{\"prompt_to_repeat\": \"Hello brave new world\", \"n_start\": 6, \"n_end\": 10}",
     "brav",
     0, 0, "one short", 0},
    {"repeat:repeat_span", "{\"prompt_to_repeat\": \"Hello brave new world\", \"n_start\": 5, \"n_end\": 11}",
     "BRAVE",
     1, 1, "span stripped, case-insensitive", 0},
    {"repeat:repeat_span", "{\"prompt_to_repeat\": \"Hello brave new world\", \"n_start\": 16, \"n_end\": 99}",
     "world",
     1, 1, "the end index is clamped", 0},
};

static void test_cases(void **state)
{
    (void)state;
    assert_int_equal(ifb_run(cases, sizeof cases / sizeof *cases), sizeof cases / sizeof *cases);
}

static void test_kwargs_errors(void **state)
{
    (void)state;
    /* the reference raises ValueError without a prompt, and draws random indices */
    ifb_expect_compile_error("repeat:repeat_change", "{}", IFR_E_KWARGS);
    ifb_expect_compile_error("repeat:repeat_change", "{\"prompt_to_repeat\": \"\"}", IFR_E_KWARGS);
    ifb_expect_compile_error("repeat:repeat_span",
                             "{\"prompt_to_repeat\": \"abc\", \"n_end\": 2}", IFR_E_KWARGS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
