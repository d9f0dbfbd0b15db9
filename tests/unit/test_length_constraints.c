/* test_length_constraints.c - length_constraints:* checkers (except
 * number_sentences, tested with Punkt) through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_length_constraints_cases.h"
};

static void test_length_constraints_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 200);
}

static void test_length_constraints_details(void **state)
{
    (void)state;
    ck_expect_detail("length_constraints:number_words",
                     "{\"num_words\":4,\"relation\":\"at least\"}", "one two three", 0,
                     "3 words; needs at least 4");
    ck_expect_detail("length_constraints:number_words",
                     "{\"num_words\":3,\"relation\":\"less than\"}", "one two three", 0,
                     "3 words; needs fewer than 3");
    ck_expect_detail("length_constraints:number_paragraphs", "{\"num_paragraphs\":3}",
                     "a\n***\nb", 0, "2 paragraphs (split on ***); needs exactly 3");
    ck_expect_detail("length_constraints:number_paragraphs", "{\"num_paragraphs\":2}",
                     "a *** *** b", 0, "paragraph 2 between *** dividers is empty");
    /* ASCII texts find the dividers with memchr; a non-ASCII character (the
     * final U+00E9) takes the code-point scan: both as re.split splits */
    static const char *const divs[] = {"x *** y\n***\nz *** ", "x *** y\n***\nz ***  \xc3\xa9",
                                       "a \t***  b", "a \t***  b \xc3\xa9"};
    static const char *const want[] = {"3 paragraphs", "4 paragraphs", "2 paragraphs",
                                       "2 paragraphs"};
    for (int i = 0; i < 4; i++)
        ck_expect_detail("length_constraints:number_paragraphs", "{\"num_paragraphs\":9}",
                         divs[i], 0, want[i]);
    ck_expect_detail("length_constraints:number_paragraphs", "{\"num_paragraphs\":9}",
                     "***a****b*** *** c", 0, "paragraph 4 between *** dividers is empty");
    ck_expect_detail("length_constraints:number_paragraphs", "{\"num_paragraphs\":9}",
                     "***a****b*** *** c \xc3\xa9", 0, "paragraph 4 between *** dividers is empty");
    ck_expect_detail("length_constraints:nth_paragraph_first_word",
                     "{\"num_paragraphs\":2,\"nth_paragraph\":2,\"first_word\":\"then\"}",
                     "One.\n\nNow.", 0, "paragraph 2 starts with \"Now\"; needs \"then\"");
    ck_expect_detail("length_constraints:nth_paragraph_first_word",
                     "{\"num_paragraphs\":3,\"nth_paragraph\":2,\"first_word\":\"then\"}",
                     "One.\n\nThen.", 0, "2 paragraphs (split on \\n\\n); needs exactly 3");
    ck_expect_detail("length_constraints:nth_paragraph_first_word",
                     "{\"num_paragraphs\":3,\"nth_paragraph\":3,\"first_word\":\"then\"}",
                     "One.\n\nThen.", 0, "paragraph 3 does not exist");
}

static void test_length_constraints_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("length_constraints:number_words", "{\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/num_words");
    ck_expect_error("length_constraints:number_words",
                    "{\"num_words\":-5,\"relation\":\"at least\"}", IFR_E_KWARGS,
                    "/kwargs/0/num_words");
    ck_expect_error("length_constraints:number_words", "{\"num_words\":5}", IFR_E_KWARGS,
                    "/kwargs/0/relation");
    ck_expect_error("length_constraints:number_words",
                    "{\"num_words\":5,\"relation\":\"Less than\"}", IFR_E_KWARGS,
                    "/kwargs/0/relation");
    ck_expect_error("length_constraints:number_words",
                    "{\"num_words\":5,\"relation\":null}", IFR_E_KWARGS, "/kwargs/0/relation");
    ck_expect_error("length_constraints:number_paragraphs", "{\"num_paragraphs\":-1}",
                    IFR_E_KWARGS, "/kwargs/0/num_paragraphs");
    ck_expect_error("length_constraints:number_paragraphs", "{\"num_paragraphs\":true}",
                    IFR_E_KWARGS, "/kwargs/0/num_paragraphs");
    ck_expect_error("length_constraints:nth_paragraph_first_word",
                    "{\"num_paragraphs\":2,\"nth_paragraph\":3,\"first_word\":\"x\"}",
                    IFR_E_KWARGS, "/kwargs/0/nth_paragraph");
    ck_expect_error("length_constraints:nth_paragraph_first_word",
                    "{\"num_paragraphs\":2,\"nth_paragraph\":0,\"first_word\":\"x\"}",
                    IFR_E_KWARGS, "/kwargs/0/nth_paragraph");
    ck_expect_error("length_constraints:nth_paragraph_first_word",
                    "{\"num_paragraphs\":2,\"nth_paragraph\":1}", IFR_E_KWARGS,
                    "/kwargs/0/first_word");
    ck_expect_error("length_constraints:nth_paragraph_first_word",
                    "{\"nth_paragraph\":1,\"first_word\":\"x\"}", IFR_E_KWARGS,
                    "/kwargs/0/num_paragraphs");
    ck_expect_error("length_constraints:nth_paragraph_first_word",
                    "{\"num_paragraphs\":-2,\"nth_paragraph\":1,\"first_word\":\"x\"}",
                    IFR_E_KWARGS, "/kwargs/0/num_paragraphs");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_length_constraints_table),
        cmocka_unit_test(test_length_constraints_details),
        cmocka_unit_test(test_length_constraints_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
