/*
 * test_ifbench_ratio.c - hand-written cases for the IFBench "ratio:*" checkers.
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
    {"ratio:stop_words", "{\"percentage\": 50}",
     "the cat sat on mat",
     1, 1, "two of five = 40%", 0},
    {"ratio:stop_words", "{\"percentage\": 40}",
     "the cat sat on mat",
     1, 1, "exactly 40% passes 40", 0},
    {"ratio:stop_words", "{\"percentage\": 39}",
     "the cat sat on mat",
     0, 0, "40% fails 39", 0},
    {"ratio:stop_words", "{\"percentage\": 100}",
     "!!!",
     0, 0, "zero words fail", 0},
    {"ratio:stop_words", "{\"percentage\": 60}",
     "don't stop",
     0, 0, "don and t are stop words: 2 of 3", 0},
    {"ratio:stop_words", "{\"percentage\": 70}",
     "don't stop",
     1, 1, "2 of 3 is 66.7%", 0},
    {"ratio:stop_words", "{\"percentage\": 0}",
     "THE",
     0, 0, "upper-case stop word", 0},
    {"ratio:overlap", "{\"reference_text\": \"abcdef\", \"percentage\": 100}",
     "abcdef",
     1, 1, "a verbatim copy is 100%", 0},
    {"ratio:overlap", "{\"reference_text\": \"abcdef\", \"percentage\": 50}",
     "abcdxyz",
     0, 0, "2 of 5 trigrams = 40%", 0},
    {"ratio:overlap", "{\"reference_text\": \"abcdef\", \"percentage\": 42}",
     "abcdxyz",
     1, 1, "40% is within 42 +/- 2", 0},
    {"ratio:overlap", "{\"reference_text\": \"abcdef\", \"percentage\": 38}",
     "abcdxyz",
     1, 1, "40% is within 38 +/- 2", 0},
    {"ratio:overlap", "{\"reference_text\": \"abcdef\", \"percentage\": 0}",
     "ab",
     0, 0, "fewer than 3 characters fails", 0},
    {"ratio:overlap", "{\"reference_text\": \"abcdef\", \"percentage\": 0}",
     "ABCDEF",
     1, 1, "case-sensitive: 0%", 0},
    {"ratio:overlap", "{\"reference_text\": \"aaaa\", \"percentage\": 100}",
     "aaaaaaa",
     1, 1, "trigram sets, not counts", 0},
    {"ratio:sentence_type", "{}",
     "One. Two. Why?",
     1, 1, "2:1", 0},
    {"ratio:sentence_type", "{}",
     "One. Why?",
     0, 0, "1:1", 0},
    {"ratio:sentence_type", "{}",
     "Wow! Great!",
     1, 1, "0 == 0 passes", 0},
    {"ratio:sentence_type", "{}",
     "no punctuation at all",
     1, 1, "0 == 0 passes without punctuation", 0},
    {"ratio:sentence_type", "{}",
     "He said \"one.\" Two. Why?",
     0, 0, "a sentence ending .\" is neither type", 0},
    {"ratio:sentence_type", "{}",
     "One. Two. Three. Four. Why? How?",
     1, 1, "4:2", 0},
    {"ratio:sentence_balance", "{}",
     "One. Why? Wow!",
     1, 1, "one each", 0},
    {"ratio:sentence_balance", "{}",
     "One. Two. Why? Wow!",
     0, 0, "two periods", 0},
    {"ratio:sentence_balance", "{}",
     "hello there",
     1, 1, "0/0/0 passes", 0},
    {"ratio:sentence_balance", "{}",
     "One. Really?! Why?",
     1, 1, "?! ends with !", 0},
    {"ratio:sentence_words", "{}",
     "Abc. Def. Ghi.",
     1, 1, "three of four characters", 0},
    {"ratio:sentence_words", "{}",
     "Abc. Def. Ghij.",
     0, 0, "different lengths", 0},
    {"ratio:sentence_words", "{}",
     "Abc. Def.",
     0, 0, "two sentences", 0},
    {"ratio:sentence_words", "{}",
     "Abc. Abc. Abc.",
     1, 1, "same words pass", 0},
    {"ratio:sentence_words", "{}",
     "Abc. Def. Ghi. Jkl.",
     0, 0, "four sentences", 0},
};

static void test_cases(void **state)
{
    (void)state;
    assert_int_equal(ifb_run(cases, sizeof cases / sizeof *cases), sizeof cases / sizeof *cases);
}

static void test_kwargs_errors(void **state)
{
    (void)state;
    ifb_expect_compile_error("ratio:stop_words", "{}", IFR_E_KWARGS);
    ifb_expect_compile_error("ratio:stop_words", "{\"percentage\": -5}", IFR_E_KWARGS);
    ifb_expect_compile_error("ratio:overlap", "{\"percentage\": 10}", IFR_E_KWARGS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
