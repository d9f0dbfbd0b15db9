/* test_detectable_format.c - detectable_format:* checkers through the public API. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "support/ck_support.h"

/* Expected verdicts: tests/tools/gen_checker_cases.py (reference runtime). */
static const ck_case rows[] = {
#include "data/ck_detectable_format_cases.h"
};

static void test_detectable_format_table(void **state)
{
    (void)state;
    assert_true(ck_run_table(rows, sizeof rows / sizeof rows[0]) > 500);
}

static void test_detectable_format_details(void **state)
{
    (void)state;
    ck_expect_detail("detectable_format:number_bullet_lists", "{\"num_bullets\":3}",
                     "* a\n- b", 0, "2 bullet points (1 '*', 1 '-'); needs exactly 3");
    ck_expect_detail("detectable_format:number_highlighted_sections", "{\"num_highlights\":3}",
                     "*a* **b**", 0, "2 highlighted sections (*text*: 1, **text**: 1); needs "
                                     "at least 3");
    /* bullets: ASCII texts find line ends with memchr, others scan code points */
    ck_expect_detail("detectable_format:number_bullet_lists", "{\"num_bullets\":9}",
                     "* a\n  * b\n*c*\n- d\n-\n\n  - e\n**f**\n*", 0,
                     "6 bullet points (3 '*', 3 '-'); needs exactly 9");
    ck_expect_detail("detectable_format:number_bullet_lists", "{\"num_bullets\":9}",
                     "* a\n  * b\n*c*\n- d\n-\n\n  - e\n**f**\n* \xc3\xa9", 0,
                     "7 bullet points (4 '*', 3 '-'); needs exactly 9");
    /* ASCII texts skip to the next '*' with memchr: the same counts as the
     * code-point scan a non-ASCII character (the final U+00E9) forces; 3 and 3
     * is what re.findall gives with the reference's strip("*").strip() filter */
    ck_expect_detail("detectable_format:number_highlighted_sections", "{\"num_highlights\":9}",
                     "x **a** *b*** *\n* ** c** *d*\n***e*** ****", 0,
                     "6 highlighted sections (*text*: 3, **text**: 3); needs at least 9");
    ck_expect_detail("detectable_format:number_highlighted_sections", "{\"num_highlights\":9}",
                     "x **a** *b*** *\n* ** c** *d*\n***e*** **** \xc3\xa9", 0,
                     "6 highlighted sections (*text*: 3, **text**: 3); needs at least 9");
    ck_expect_detail("detectable_format:multiple_sections",
                     "{\"section_spliter\":\"Section\",\"num_sections\":3}",
                     "Section 1\nSection 2", 0, "2 sections marked \"Section N\"; needs at "
                                                "least 3");
    ck_expect_detail("detectable_format:json_format", "{}", "{\"a\": 1,}", 0,
                     "Expecting property name enclosed in double quotes at character 8");
    ck_expect_detail("detectable_format:json_format", "{}", "```json\n[1]\n```", 1,
                     "valid JSON");
    ck_expect_detail("detectable_format:title", "{}", "<< >>", 0, "only empty titles");
    ck_expect_detail("detectable_format:title", "{}", "<<Joy>>", 1, "title <<Joy>> found");
    ck_expect_detail("detectable_format:constrained_response", "{}", "My answer is no.", 1,
                     "contains \"My answer is no.\"");
}

/* Nesting far beyond CPython's recursion limit must not crash. */
static void test_detectable_format_json_deep(void **state)
{
    (void)state;
    const size_t depth = 100000;
    char *s = malloc(2 * depth + 1);
    assert_non_null(s);
    memset(s, '[', depth);
    memset(s + depth, ']', depth);
    assert_int_equal(ck_verdict("detectable_format:json_format", "{}", s, 2 * depth,
                                IFR_CHECK_STRICT, NULL, 0), 1);
    s[depth] = '}';
    assert_int_equal(ck_verdict("detectable_format:json_format", "{}", s, 2 * depth,
                                IFR_CHECK_STRICT, NULL, 0), 0);
    free(s);
}

static void test_detectable_format_kwargs_errors(void **state)
{
    (void)state;
    ck_expect_error("detectable_format:number_bullet_lists", "{}", IFR_E_KWARGS,
                    "/kwargs/0/num_bullets");
    ck_expect_error("detectable_format:number_bullet_lists", "{\"num_bullets\":-2}",
                    IFR_E_KWARGS, "/kwargs/0/num_bullets");
    ck_expect_error("detectable_format:number_highlighted_sections", "{\"num_highlights\":-1}",
                    IFR_E_KWARGS, "/kwargs/0/num_highlights");
    ck_expect_error("detectable_format:multiple_sections", "{\"num_sections\":2}",
                    IFR_E_KWARGS, "/kwargs/0/section_spliter");
    ck_expect_error("detectable_format:multiple_sections",
                    "{\"section_spliter\":\"Section\"}", IFR_E_KWARGS,
                    "/kwargs/0/num_sections");
    ck_expect_error("detectable_format:multiple_sections",
                    "{\"section_spliter\":\"Section\",\"num_sections\":-1}", IFR_E_KWARGS,
                    "/kwargs/0/num_sections");
    ck_expect_error("detectable_format:multiple_sections",
                    "{\"section_spliter\":\"Sec(tion\",\"num_sections\":2}", IFR_E_REGEX,
                    "/kwargs/0/section_spliter");
    ck_expect_error("detectable_format:json_format", "{\"strict\":true}", IFR_E_KWARGS,
                    "/kwargs/0/strict");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detectable_format_table),
        cmocka_unit_test(test_detectable_format_details),
        cmocka_unit_test(test_detectable_format_json_deep),
        cmocka_unit_test(test_detectable_format_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
