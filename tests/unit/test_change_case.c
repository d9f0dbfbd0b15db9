/* test_change_case.c - change_case:capital_word_frequency and
 * length_constraints:number_sentences (the two checkers built on the
 * tokenizer ports) through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_punkt_checker_cases.py (NLTK 3.8). */
static const ck_case capital_rows[] = {
#include "data/ck_change_case_cases.h"
};
static const ck_case sentence_rows[] = {
#include "data/ck_number_sentences_cases.h"
};

static void test_capital_word_frequency_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(capital_rows, sizeof capital_rows / sizeof capital_rows[0]) > 150);
}

static void test_number_sentences_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(sentence_rows, sizeof sentence_rows / sizeof sentence_rows[0]) >
                150);
}

static void test_capital_word_frequency_details(void **state)
{
    (void)state;
    /* both sides of the threshold, both relations */
    ck_expect_detail("change_case:capital_word_frequency",
                     "{\"capital_frequency\":3,\"capital_relation\":\"at least\"}",
                     "I saw NASA today.", 0, "2 all-capital words; needs at least 3");
    ck_expect_detail("change_case:capital_word_frequency",
                     "{\"capital_frequency\":2,\"capital_relation\":\"at least\"}",
                     "I saw NASA today.", 1, "2 all-capital words; needs at least 2");
    ck_expect_detail("change_case:capital_word_frequency",
                     "{\"capital_frequency\":2,\"capital_relation\":\"less than\"}",
                     "I saw NASA today.", 0, "2 all-capital words; needs fewer than 2");
    ck_expect_detail("change_case:capital_word_frequency",
                     "{\"capital_frequency\":3,\"capital_relation\":\"less than\"}",
                     "I saw NASA today.", 1, "2 all-capital words; needs fewer than 3");
    ck_expect_detail("change_case:capital_word_frequency",
                     "{\"capital_frequency\":1,\"capital_relation\":\"at least\"}", "DON'T", 1,
                     "2 all-capital words");
}

static void test_number_sentences_details(void **state)
{
    (void)state;
    ck_expect_detail("length_constraints:number_sentences",
                     "{\"num_sentences\":5,\"relation\":\"less than\"}",
                     "One. Two. Three. Four. Five. Six. Seven.", 0,
                     "7 sentences; needs fewer than 5");
    ck_expect_detail("length_constraints:number_sentences",
                     "{\"num_sentences\":4,\"relation\":\"at least\"}", "One. Two. Three.", 0,
                     "3 sentences; needs at least 4");
    ck_expect_detail("length_constraints:number_sentences",
                     "{\"num_sentences\":3,\"relation\":\"at least\"}", "One. Two. Three.", 1,
                     "3 sentences; needs at least 3");
    ck_expect_detail("length_constraints:number_sentences",
                     "{\"num_sentences\":2,\"relation\":\"at least\"}",
                     "line one\nline two\nline three", 0, "1 sentence; needs at least 2");
}

static void test_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("change_case:capital_word_frequency", "{\"capital_relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/capital_frequency");
    ck_expect_error("change_case:capital_word_frequency", "{\"capital_frequency\":3}",
                    IFR_E_KWARGS, "/kwargs/0/capital_relation");
    ck_expect_error("change_case:capital_word_frequency",
                    "{\"capital_frequency\":3,\"capital_relation\":\"more than\"}", IFR_E_KWARGS,
                    "/kwargs/0/capital_relation");
    ck_expect_error("change_case:capital_word_frequency",
                    "{\"capital_frequency\":\"3\",\"capital_relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/capital_frequency");
    ck_expect_error("length_constraints:number_sentences", "{\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/num_sentences");
    ck_expect_error("length_constraints:number_sentences",
                    "{\"num_sentences\":-1,\"relation\":\"at least\"}", IFR_E_KWARGS,
                    "/kwargs/0/num_sentences");
    ck_expect_error("length_constraints:number_sentences", "{\"num_sentences\":2}",
                    IFR_E_KWARGS, "/kwargs/0/relation");
    ck_expect_error("length_constraints:number_sentences",
                    "{\"num_sentences\":2.5,\"relation\":\"at least\"}", IFR_E_KWARGS,
                    "/kwargs/0/num_sentences");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capital_word_frequency_table),
        cmocka_unit_test(test_number_sentences_table),
        cmocka_unit_test(test_capital_word_frequency_details),
        cmocka_unit_test(test_number_sentences_details),
        cmocka_unit_test(test_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
