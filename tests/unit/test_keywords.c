/* test_keywords.c - keywords:* checkers through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_keywords_cases.h"
};

static void test_keywords_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 300);
}

static void test_keywords_details(void **state)
{
    (void)state;
    ck_expect_detail("keywords:existence", "{\"keywords\":[\"apple\",\"kiwi\"]}", "An apple.", 0,
                     "keyword \"kiwi\" not found");
    ck_expect_detail("keywords:existence", "{\"keywords\":[\"apple\"]}", "An apple.", 1,
                     "all 1 keyword found");
    ck_expect_detail("keywords:frequency",
                     "{\"keyword\":\"cat\",\"frequency\":3,\"relation\":\"at least\"}",
                     "cat cat", 0, "\"cat\" appears 2 times; needs at least 3");
    ck_expect_detail("keywords:frequency",
                     "{\"keyword\":\"cat\",\"frequency\":2,\"relation\":\"less than\"}",
                     "cat cat", 0, "appears 2 times; needs fewer than 2");
    ck_expect_detail("keywords:forbidden_words", "{\"forbidden_words\":[\"bad\"]}",
                     "So BAD.", 0, "contains forbidden word \"bad\" (as \"BAD\")");
    ck_expect_detail("keywords:letter_frequency",
                     "{\"letter\":\"A\",\"let_frequency\":4,\"let_relation\":\"at least\"}",
                     "banana", 0, "letter 'a' appears 3 times; needs at least 4");
    /* ASCII texts count bytes 16 at a time; the same count with a non-ASCII
     * character (U+00C5 lowers to U+00E5, not 'a') on the code-point path */
    ck_expect_detail("keywords:letter_frequency",
                     "{\"letter\":\"a\",\"let_frequency\":40,\"let_relation\":\"at least\"}",
                     "A banana, an Aardvark and AAA at a bazaar: aAaAaAaAaAaAaAaAaA!", 0,
                     "letter 'a' appears 35 times; needs at least 40");
    ck_expect_detail("keywords:letter_frequency",
                     "{\"letter\":\"a\",\"let_frequency\":40,\"let_relation\":\"at least\"}",
                     "A banana, an Aardvark and AAA at a bazaar: aAaAaAaAaAaAaAaAaA! \xc3\x85", 0,
                     "letter 'a' appears 35 times; needs at least 40");
}

static void test_keywords_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("keywords:existence", "{}", IFR_E_KWARGS, "/kwargs/0/keywords");
    ck_expect_error("keywords:existence", "{\"keywords\":[]}", IFR_E_KWARGS, "/kwargs/0/keywords");
    ck_expect_error("keywords:existence", "{\"keywords\":\"apple\"}", IFR_E_KWARGS,
                    "/kwargs/0/keywords");
    /* "c++" is a possessive quantifier since Python 3.11 (it compiles); "c**" is not */
    ck_expect_error("keywords:existence", "{\"keywords\":[\"ok\",\"c**\"]}", IFR_E_REGEX,
                    "/kwargs/0/keywords/1");
    ck_expect_error("keywords:existence", "{\"keywords\":[\"(\"]}", IFR_E_REGEX,
                    "/kwargs/0/keywords/0");
    ck_expect_error("keywords:frequency", "{\"frequency\":2,\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/keyword");
    ck_expect_error("keywords:frequency",
                    "{\"keyword\":\"\",\"frequency\":2,\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/keyword");
    ck_expect_error("keywords:frequency",
                    "{\"keyword\":\"x\",\"frequency\":-1,\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/frequency");
    ck_expect_error("keywords:frequency",
                    "{\"keyword\":\"x\",\"frequency\":\"2\",\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/frequency");
    ck_expect_error("keywords:frequency",
                    "{\"keyword\":\"x\",\"frequency\":2.5,\"relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/frequency");
    ck_expect_error("keywords:frequency", "{\"keyword\":\"x\",\"frequency\":2}", IFR_E_KWARGS,
                    "/kwargs/0/relation");
    ck_expect_error("keywords:frequency",
                    "{\"keyword\":\"x\",\"frequency\":2,\"relation\":\"at most\"}",
                    IFR_E_KWARGS, "/kwargs/0/relation");
    ck_expect_error("keywords:frequency",
                    "{\"keyword\":\"a[\",\"frequency\":2,\"relation\":\"at least\"}",
                    IFR_E_REGEX, "/kwargs/0/keyword");
    ck_expect_error("keywords:forbidden_words", "{\"forbidden_words\":[]}", IFR_E_KWARGS,
                    "/kwargs/0/forbidden_words");
    ck_expect_error("keywords:forbidden_words", "{\"forbidden_words\":[\"a\",3]}",
                    IFR_E_KWARGS, "/kwargs/0/forbidden_words");
    ck_expect_error("keywords:forbidden_words", "{\"forbidden_words\":[\"*x\"]}",
                    IFR_E_REGEX, "/kwargs/0/forbidden_words/0");
    /* the reference would silently draw a random letter for these */
    static const char *const bad_letters[] = {"#", "!", "ab", "", " ", "1", "\\u00e9",
                                              "\\u0130", "\\uff41"};
    for (size_t i = 0; i < sizeof bad_letters / sizeof bad_letters[0]; i++) {
        char kw[128];
        snprintf(kw, sizeof kw,
                 "{\"letter\":\"%s\",\"let_frequency\":2,\"let_relation\":\"at least\"}",
                 bad_letters[i]);
        ck_expect_error("keywords:letter_frequency", kw, IFR_E_KWARGS, "/kwargs/0/letter");
    }
    ck_expect_error("keywords:letter_frequency",
                    "{\"letter\":\"a\",\"let_frequency\":-3,\"let_relation\":\"at least\"}",
                    IFR_E_KWARGS, "/kwargs/0/let_frequency");
    ck_expect_error("keywords:letter_frequency", "{\"letter\":\"a\",\"let_frequency\":3}",
                    IFR_E_KWARGS, "/kwargs/0/let_relation");
    ck_expect_error("keywords:letter_frequency",
                    "{\"letter\":\"a\",\"let_relation\":\"at least\"}", IFR_E_KWARGS,
                    "/kwargs/0/let_frequency");
}

/* Integral floats are integers (the spec layer converts 3.0 to 3). */
static void test_keywords_integral_float(void **state)
{
    (void)state;
    assert_int_equal(ck_verdict("keywords:letter_frequency",
                                "{\"letter\":\"a\",\"let_frequency\":3.0,"
                                "\"let_relation\":\"at least\"}",
                                "banana", 6, IFR_CHECK_STRICT, NULL, 0), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keywords_table),
        cmocka_unit_test(test_keywords_details),
        cmocka_unit_test(test_keywords_kwargs_errors),
        cmocka_unit_test(test_keywords_integral_float),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
