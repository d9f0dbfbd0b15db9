/* test_detectable_content.c - detectable_content:* checkers through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_detectable_content_cases.h"
};

static void test_detectable_content_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 150);
}

static void test_detectable_content_details(void **state)
{
    (void)state;
    /* placeholders: memchr to the next '[' in ASCII texts, code points otherwise */
    ck_expect_detail("detectable_content:number_placeholders", "{\"num_placeholders\":4}",
                     "[a] [b\n] [c] [] x]", 0, "found 3 placeholders like [name]; needs at least 4");
    ck_expect_detail("detectable_content:number_placeholders", "{\"num_placeholders\":4}",
                     "[a] [b\n] [c] [] x] \xc3\xa9", 0,
                     "found 3 placeholders like [name]; needs at least 4");
    ck_expect_detail("detectable_content:number_placeholders", "{\"num_placeholders\":3}",
                     "[a] [b]", 0, "found 2 placeholders like [name]; needs at least 3");
    ck_expect_detail("detectable_content:number_placeholders", "{\"num_placeholders\":1}",
                     "[a]", 1, "found 1 placeholder like [name]; needs at least 1");
    ck_expect_detail("detectable_content:postscript", "{\"postscript_marker\":\"P.S.\"}",
                     "Bye.", 0, "no postscript starting with \"P.S.\"");
    ck_expect_detail("detectable_content:postscript", "{\"postscript_marker\":\"P.P.S\"}",
                     "Bye.\nP.P.S. x", 1, "postscript marker \"P.P.S\" found");
}

static void test_detectable_content_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("detectable_content:number_placeholders", "{}", IFR_E_KWARGS,
                    "/kwargs/0/num_placeholders");
    ck_expect_error("detectable_content:number_placeholders", "{\"num_placeholders\":-1}",
                    IFR_E_KWARGS, "/kwargs/0/num_placeholders");
    ck_expect_error("detectable_content:number_placeholders", "{\"num_placeholders\":\"3\"}",
                    IFR_E_KWARGS, "/kwargs/0/num_placeholders");
    ck_expect_error("detectable_content:postscript", "{}", IFR_E_KWARGS,
                    "/kwargs/0/postscript_marker");
    ck_expect_error("detectable_content:postscript", "{\"postscript_marker\":5}", IFR_E_KWARGS,
                    "/kwargs/0/postscript_marker");
    /* other markers are regexes: "(P.S" does not compile */
    ck_expect_error("detectable_content:postscript", "{\"postscript_marker\":\"(P.S\"}",
                    IFR_E_REGEX, "/kwargs/0/postscript_marker");
    ck_expect_error("detectable_content:number_placeholders",
                    "{\"num_placeholders\":2,\"extra\":1}", IFR_E_KWARGS, "/kwargs/0/extra");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detectable_content_table),
        cmocka_unit_test(test_detectable_content_details),
        cmocka_unit_test(test_detectable_content_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
