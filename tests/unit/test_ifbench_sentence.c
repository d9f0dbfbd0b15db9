/*
 * test_ifbench_sentence.c - hand-written cases for the IFBench "sentence:*" checkers.
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
    {"sentence:alliteration_increment", "{}",
     "One time. Big bad boys.",
     1, 1, "0 then 3", 0},
    {"sentence:alliteration_increment", "{}",
     "Big bad boys. One time.",
     0, 0, "3 then 0", 0},
    {"sentence:alliteration_increment", "{}",
     "Nothing here.",
     1, 1, "one sentence passes", 0},
    {"sentence:alliteration_increment", "{}",
     "Sad sun. Big bad boys.",
     1, 1, "2 then 3", 0},
    {"sentence:alliteration_increment", "{}",
     "Sad sun. Big bad. Cold cats come.",
     0, 0, "2, 2, 3", 0},
    {"sentence:alliteration_increment", "{}",
     "A b. \"Cats\" cook.",
     1, 1, "leading punctuation is stripped", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 2}",
     "I ate. The apple was red.",
     1, 1, "sentence 2", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 2}",
     "The apple. I ate.",
     0, 0, "sentence 1 only", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 2}",
     "I ate. Apples were red.",
     0, 0, "plural does not match", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 2}",
     "I ate. APPLE!",
     1, 1, "case-insensitive", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 3}",
     "I ate. The apple.",
     0, 0, "too few sentences", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 2}",
     "I ate. apple_pie.",
     0, 0, "underscore blocks the boundary", 0},
    {"sentence:keyword", "{\"word\": \"apple\", \"N\": 0}",
     "I ate. The apple.",
     1, 1, "N = 0 reads the last sentence", 0},
    {"sentence:increment", "{\"small_n\": 1}",
     "One. One two. One two three.",
     1, 1, "1, 2, 3", 0},
    {"sentence:increment", "{\"small_n\": 1}",
     "One. One two. One two.",
     0, 0, "1, 2, 2", 0},
    {"sentence:increment", "{\"small_n\": 2}",
     "One. One two three.",
     1, 1, "1, 3", 0},
    {"sentence:increment", "{\"small_n\": 5}",
     "Just one sentence here.",
     1, 1, "one sentence passes", 0},
    {"sentence:increment", "{\"small_n\": 1}",
     "One. One - two.",
     1, 1, "a dash token disappears", 0},
    {"sentence:increment", "{\"small_n\": 0}",
     "A b. C d.",
     1, 1, "increment 0", 0},
};

static void test_cases(void **state)
{
    (void)state;
    assert_int_equal(ifb_run(cases, sizeof cases / sizeof *cases), sizeof cases / sizeof *cases);
}

static void test_kwargs_errors(void **state)
{
    (void)state;
    ifb_expect_compile_error("sentence:keyword", "{\"word\": \"\", \"N\": 2}", IFR_E_KWARGS);
    ifb_expect_compile_error("sentence:keyword", "{\"word\": \"x\", \"N\": -1}", IFR_E_KWARGS);
    ifb_expect_compile_error("sentence:increment", "{}", IFR_E_KWARGS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
