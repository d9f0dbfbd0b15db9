/*
 * test_tulu3.c - hand-written cases for the tulu3 (`func_name`) suite, both
 * sides of every threshold, through the public API. Expected verdicts follow
 * open-instruct e6c3044 if_functions.py (checked with /usr/bin/python3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "ifreward.h"
#include "support/oi_support.h"

/* A Tulu 3 ground truth with only the function's own keys. */
#define T3(fn, kw) "{\"func_name\": \"" fn "\"" kw "}"

enum { RAW = 0, VERIFIER = 1 };
#define UNSUP IFR_E_UNSUPPORTED

typedef oi_case tcase; /* {spec, resp, mode, want} */

#define RUN(cases) oi_run_cases(cases, sizeof cases / sizeof cases[0], "tulu3")

static void test_tulu3_keywords(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {T3("verify_keywords", ", \"keyword_list\": [\"flight\", \"Hotel\"]"), "Book flights and a HOTEL.", RAW, 1},
        {T3("verify_keywords", ", \"keyword_list\": [\"flight\", \"Hotel\"]"), "Book flights.", RAW, 0},
        {T3("verify_keywords", ", \"keyword_list\": []"), "", RAW, 1},
        /* a string keyword_list is iterated character by character */
        {T3("verify_keywords", ", \"keyword_list\": \"ab\""), "b then a", RAW, 1},
        {T3("verify_keywords", ", \"keyword_list\": \"ab\""), "only a", RAW, 0},
        {T3("verify_keyword_frequency", ", \"word\": \"door\", \"N\": 2"), "door, Door! doors", RAW, 1},
        {T3("verify_keyword_frequency", ", \"word\": \"door\", \"N\": 3"), "door, Door! doors", RAW, 0},
        {T3("verify_keyword_frequency", ", \"word\": \"door\", \"N\": 2"), "door door_x door-x", RAW, 1},
        {T3("verify_keyword_frequency", ", \"word\": \"door\", \"N\": 1"), "door door_x door-x", RAW, 0},
        /* a multi-word keyword never matches: only N = 0 passes */
        {T3("verify_keyword_frequency", ", \"word\": \"front door\", \"N\": 0"), "the front door", RAW, 1},
        {T3("verify_keyword_frequency", ", \"word\": \"front door\", \"N\": 1"), "the front door", RAW, 0},
        {T3("validate_forbidden_words", ", \"forbidden_words\": [\"art\"]"), "party time", RAW, 0},
        {T3("validate_forbidden_words", ", \"forbidden_words\": [\"art\"]"), "pa rt ty", RAW, 1},
        {T3("validate_forbidden_words", ", \"forbidden_words\": [\"ART\"]"), "smart", RAW, 0},
        {T3("verify_letter_frequency", ", \"letter\": \"a\", \"N\": 3"), "banana", RAW, 1},
        {T3("verify_letter_frequency", ", \"letter\": \"a\", \"N\": 3"), "bAnana", RAW, 0},
        {T3("verify_letter_frequency", ", \"letter\": \"a\", \"N\": 0"), "", RAW, 1},
        {T3("verify_letter_frequency", ", \"letter\": \"ab\", \"N\": 1"), "ab", RAW, UNSUP},
        {T3("verify_letter_frequency", ", \"letter\": \"\", \"N\": 1"), "ab", RAW, UNSUP},
    };
    RUN(cs);
}

static void test_tulu3_language(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {T3("validate_response_language", ", \"language\": \"en\""),
         "This is a short paragraph written in plain English for testing purposes.", RAW, 1},
        {T3("validate_response_language", ", \"language\": \"de\""),
         "This is a short paragraph written in plain English for testing purposes.", RAW, 0},
        {T3("validate_response_language", ", \"language\": \"de\""),
         "Dies ist ein kurzer Absatz, der auf Deutsch geschrieben wurde.", RAW, 1},
        {T3("validate_response_language", ", \"language\": \"en\""), "12345 !!!", RAW, UNSUP},
        {T3("validate_response_language", ", \"language\": \"en\""), "", RAW, UNSUP},
    };
    RUN(cs);
}

static void test_tulu3_length(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {T3("verify_paragraph_count", ", \"N\": 2"), "A\n* * *\nB", RAW, 1},
        {T3("verify_paragraph_count", ", \"N\": 3"), "A\n* * *\nB", RAW, 0},
        {T3("verify_paragraph_count", ", \"N\": 2"), "A\r\n  * * *  \r\nB", RAW, 1},
        {T3("verify_paragraph_count", ", \"N\": 2"), "A\n***\nB", RAW, 0},
        {T3("verify_paragraph_count", ", \"N\": 2"), "A\n* * *\n", RAW, 0},
        {T3("verify_paragraph_count", ", \"N\": 1"), "", RAW, 0},
        /* around: max(round(N * 0.1), 1); round() is banker's */
        {T3("validate_word_constraint", ", \"N\": 20, \"quantifier\": \"around\""), "w w w w w w w w w w w w w w w w w w", RAW, 1},
        {T3("validate_word_constraint", ", \"N\": 20, \"quantifier\": \"around\""), "w w w w w w w w w w w w w w w w w", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": 25, \"quantifier\": \"around\""), "w w w w w w w w w w w w w w w w w w w w w w w w w w w", RAW, 1},
        {T3("validate_word_constraint", ", \"N\": 25, \"quantifier\": \"around\""), "w w w w w w w w w w w w w w w w w w w w w w w w w w w w", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": 5, \"quantifier\": \"around\""), "w w w w w w", RAW, 1},
        {T3("validate_word_constraint", ", \"N\": 5, \"quantifier\": \"around\""), "w w w w w w w", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": 3, \"quantifier\": \"at least\""), "a b\tc", RAW, 1},
        {T3("validate_word_constraint", ", \"N\": 3, \"quantifier\": \"at least\""), "a b", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": 2, \"quantifier\": \"at most\""), " a \u00a0b ", RAW, 1},
        {T3("validate_word_constraint", ", \"N\": 2, \"quantifier\": \"at most\""), "a b c", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": 2, \"quantifier\": \"exactly\""), "a b", RAW, 0},
        /* extreme N: no overflow in |count - N| */
        {T3("validate_word_constraint", ", \"N\": -9223372036854775808, \"quantifier\": \"around\""), "a b", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": 9223372036854775807, \"quantifier\": \"around\""), "a b", RAW, 0},
        {T3("validate_word_constraint", ", \"N\": -5, \"quantifier\": \"at least\""), "", RAW, 1},
        {T3("verify_sentence_constraint", ", \"N\": 2, \"quantifier\": \"at most\""), "Hi there. Bye now.", RAW, 1},
        {T3("verify_sentence_constraint", ", \"N\": 2, \"quantifier\": \"at most\""), "Hi there. Bye now! Ok?", RAW, 0},
        /* "Mr." and "e.g." do not split */
        {T3("verify_sentence_constraint", ", \"N\": 1, \"quantifier\": \"at most\""), "Mr. Smith, e.g. this one", RAW, 1},
        /* a trailing ". " adds an empty piece */
        {T3("verify_sentence_constraint", ", \"N\": 1, \"quantifier\": \"at most\""), "One. ", RAW, 0},
        {T3("verify_sentence_constraint", ", \"N\": 1, \"quantifier\": \"at most\""), "One. ", VERIFIER, 1},
        {T3("verify_sentence_constraint", ", \"N\": 3, \"quantifier\": \"around\""), "A. B.", RAW, 1},
        {T3("verify_sentence_constraint", ", \"N\": 4, \"quantifier\": \"around\""), "A. B.", RAW, 0},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\n\nHi there", RAW, 1},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\n\nHiya", RAW, 1},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\n\nhi", RAW, 0},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\n\n\nHi", RAW, 1},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\nHi", RAW, 0},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 0"), "Intro\n\nHi", RAW, 1},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 3"), "Intro\n\nHi", RAW, UNSUP},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": -2"), "Intro\n\nHi", RAW, UNSUP},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"In\", \"i\": -1"), "Intro\n\nHi", RAW, 1},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": -9223372036854775808"), "Intro\n\nHi", RAW, UNSUP},
        /* a trailing blank line: 3 pieces raw, 2 after the verifier's strip */
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\n\nHi\n\n", RAW, 0},
        {T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"Hi\", \"i\": 2"), "Intro\n\nHi\n\n", VERIFIER, 1},
    };
    RUN(cs);
}

static void test_tulu3_content(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {T3("verify_postscript", ", \"postscript_marker\": \"P.S.\""), "Body\nP.S. more", RAW, 1},
        {T3("verify_postscript", ", \"postscript_marker\": \"P.S.\""), "Body P.S.  \n", RAW, 0},
        {T3("verify_postscript", ", \"postscript_marker\": \"P.S.\""), "Body p.s. more", RAW, 0},
        {T3("validate_placeholders", ", \"N\": 2"), "[a] and [b]", RAW, 1},
        {T3("validate_placeholders", ", \"N\": 2"), "[a] and [b\n]", RAW, 0},
        {T3("validate_placeholders", ", \"N\": 2"), "[][]", RAW, 1},
        {T3("validate_placeholders", ", \"N\": 3"), "[[a]] [b]", RAW, 0},
        {T3("verify_bullet_points", ", \"N\": 2"), "* a\n  - b", RAW, 1},
        {T3("verify_bullet_points", ", \"N\": 2"), "* a\n1. b", RAW, 0},
        {T3("verify_bullet_points", ", \"N\": 2"), "---\n**bold**", RAW, 1},
        {T3("verify_bullet_points", ", \"N\": 1"), "* a\r- b", RAW, 1},
        {T3("validate_title", ""), "<<A title>>\nBody", RAW, 1},
        {T3("validate_title", ""), "<<>>", RAW, 1},
        {T3("validate_title", ""), "<<A\ntitle>>", RAW, 0},
        {T3("validate_title", ""), "<A title>", RAW, 0},
        {T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"), "I say yes.", RAW, 1},
        {T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"), "Maybe.", RAW, 0},
        {T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"), "YES", RAW, 0},
        /* string options: any shared character passes */
        {T3("validate_choice", ", \"options\": \"yes/no/maybe\""), "Nothing relevant", RAW, 1},
        {T3("validate_choice", ", \"options\": \"yes/no/maybe\""), "123", RAW, 0},
        {T3("validate_choice", ", \"options\": \"yes/no/maybe\""), "", RAW, 0},
        {T3("validate_highlighted_sections", ", \"N\": 2"), "*a* and *b*", RAW, 1},
        {T3("validate_highlighted_sections", ", \"N\": 2"), "**", RAW, 0},
        {T3("validate_highlighted_sections", ", \"N\": 2"), "**bold**", RAW, 1},
        {T3("validate_highlighted_sections", ", \"N\": 2"), "* a\n* b", RAW, 0},
        {T3("validate_sections", ", \"N\": 2, \"section_splitter\": \"Section\""), "Section 1 a Section 2 b", RAW, 1},
        {T3("validate_sections", ", \"N\": 2, \"section_splitter\": \"Section\""), "Intro Section 1 a Section 2 b", RAW, 0},
        {T3("validate_sections", ", \"N\": 2, \"section_splitter\": \"Section\""), " Section 1 a", RAW, 1},
        {T3("validate_sections", ", \"N\": 0, \"section_splitter\": \"Section\""), "", RAW, 1},
        {T3("validate_sections", ", \"N\": 1, \"section_splitter\": \"\""), "abc", RAW, UNSUP},
    };
    RUN(cs);
}

static void test_tulu3_format(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {T3("validate_json_format", ""), "{\"a\": [1, 2.5e3, null]}", RAW, 1},
        {T3("validate_json_format", ""), " NaN\n", RAW, 1},
        {T3("validate_json_format", ""), "```json\n{}\n```", RAW, 0},
        {T3("validate_json_format", ""), "[1,]", RAW, 0},
        {T3("validate_json_format", ""), "\u00a0{}", RAW, 0},
        {T3("validate_json_format", ""), "", RAW, 0},
        {T3("validate_repeat_prompt", ", \"original_prompt\": \"Say hi.\""), "Say hi. Hi!", RAW, 1},
        {T3("validate_repeat_prompt", ", \"original_prompt\": \"Say hi.\""), "say hi. Hi!", RAW, 0},
        {T3("validate_repeat_prompt", ", \"original_prompt\": \"Say hi.\""), "  Say hi.", RAW, 0},
        {T3("validate_repeat_prompt", ", \"original_prompt\": \"Say hi.\""), "  Say hi.", VERIFIER, 1},
        {T3("validate_two_responses", ""), "a ****** b", RAW, 1},
        {T3("validate_two_responses", ""), "a ****** a", RAW, 0},
        {T3("validate_two_responses", ""), "****** b", RAW, 1},
        {T3("validate_two_responses", ""), "a ******* b", RAW, 1},
        {T3("validate_two_responses", ""), "a ************ b", RAW, 0},
        {T3("validate_uppercase", ""), "HELLO 123!", RAW, 1},
        {T3("validate_uppercase", ""), "HELLo", RAW, 0},
        {T3("validate_uppercase", ""), "", RAW, 1},
        {T3("validate_uppercase", ""), "STRA\u00dfE", RAW, 0},
        {T3("validate_lowercase", ""), "hello 123!", RAW, 1},
        {T3("validate_lowercase", ""), "hellO", RAW, 0},
        {T3("validate_lowercase", ""), "\u0130", RAW, 0},
        {T3("validate_lowercase", ""), "   ", RAW, 1},
        {T3("validate_frequency_capital_words", ", \"N\": 2, \"quantifier\": \"at least\""), "I AM here", RAW, 1},
        {T3("validate_frequency_capital_words", ", \"N\": 2, \"quantifier\": \"at least\""), "\u00c9COLE ABC AB_C A1", RAW, 0},
        {T3("validate_frequency_capital_words", ", \"N\": 1, \"quantifier\": \"at most\""), "NASA", RAW, 1},
        {T3("validate_frequency_capital_words", ", \"N\": 1, \"quantifier\": \"at most\""), "NASA and ESA", RAW, 0},
        {T3("validate_frequency_capital_words", ", \"N\": 10, \"quantifier\": \"around\""), "A B C D E F G H I", RAW, 1},
        {T3("validate_frequency_capital_words", ", \"N\": 10, \"quantifier\": \"around\""), "A B C D E F G H", RAW, 0},
        {T3("validate_end", ", \"end_phrase\": \"Bye.\""), "ok Bye.", RAW, 1},
        {T3("validate_end", ", \"end_phrase\": \"Bye.\""), "ok Bye.\n", RAW, 0},
        {T3("validate_end", ", \"end_phrase\": \"Bye.\""), "ok Bye.\n", VERIFIER, 1},
        {T3("validate_end", ", \"end_phrase\": \"Bye.\""), "ok bye.", RAW, 0},
        {T3("validate_quotation", ""), "\"", RAW, 1},
        {T3("validate_quotation", ""), "\"quoted\" ", RAW, 0},
        {T3("validate_quotation", ""), "\"quoted\" ", VERIFIER, 1},
        {T3("validate_quotation", ""), "\u201cquoted\u201d", RAW, 0},
        {T3("validate_no_commas", ""), "a b", RAW, 1},
        {T3("validate_no_commas", ""), "a, b", RAW, 0},
        {T3("validate_no_commas", ""), "a\uff0cb", RAW, 1},
        /* no empty-answer gate in this suite, raw or verifier */
        {T3("validate_no_commas", ""), "", RAW, 1},
        {T3("validate_no_commas", ""), "<think>a, b</think>", VERIFIER, 1},
        {T3("validate_no_commas", ""), "<think>x</think><answer>a, b</answer>", VERIFIER, 0},
    };
    RUN(cs);
}

/* Unclosed brackets on one long line: the reference regex is quadratic here,
 * the port must stay linear (this would take minutes otherwise). */
static void test_tulu3_long_unclosed_line(void **state)
{
    (void)state;
    static const char *const specs[] = {T3("validate_placeholders", ", \"N\": 1"),
                                        T3("validate_title", ""),
                                        T3("validate_highlighted_sections", ", \"N\": 1")};
    static const char fill[] = {'[', '<', '*'};
    size_t n = 400000;
    char *text = test_malloc(n + 8);
    for (size_t k = 0; k < 3; k++) {
        memset(text, fill[k], n);
        memcpy(text + n, "\nx", 3);
        size_t len = n + 2;
        if (k == 2) /* "***...*" pairs up: make it one '*' per line instead */
            for (size_t i = 1; i < n; i += 2)
                text[i] = '\n';
        ifr_spec *spec = NULL;
        assert_int_equal(ifr_spec_compile(&spec, specs[k], strlen(specs[k]), NULL, NULL), IFR_OK);
        ifr_result *res = NULL;
        assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
        assert_int_equal(ifr_check(res, spec, text, len, 0, NULL), IFR_OK);
        assert_int_equal(ifr_result_status(res, 0), IFR_OK);
        assert_int_equal(ifr_result_followed(res, 0), 0);
        ifr_result_free(res);
        ifr_spec_free(spec);
    }
    test_free(text);
}

/* Keys the function does not take are refused, as Python's **kwargs call raises. */
static void test_tulu3_spec_errors(void **state)
{
    (void)state;
    static const struct {
        const char *spec;
        int code;
    } cs[] = {
        {T3("validate_no_commas", ", \"N\": 3"), IFR_E_KWARGS},
        {T3("validate_word_constraint", ", \"N\": 3"), IFR_E_KWARGS},
        {T3("verify_keywords", ", \"keyword_list\": [1]"), IFR_E_KWARGS},
        {T3("validate_word_constraint", ", \"N\": 2.5, \"quantifier\": \"around\""), IFR_E_KWARGS},
        {T3("no_such_function", ""), IFR_E_UNKNOWN},
    };
    for (size_t k = 0; k < sizeof cs / sizeof cs[0]; k++) {
        ifr_spec *spec = NULL;
        ifr_error err;
        int rc = ifr_spec_compile(&spec, cs[k].spec, strlen(cs[k].spec), NULL, &err);
        if (rc != cs[k].code)
            fail_msg("case %zu: want %d, got %d (%s)", k, cs[k].code, rc, cs[k].spec);
        assert_null(spec);
    }
    /* nulls mean absent: the full Tulu 3 namespace with nulls compiles */
    const char *full = "{\"func_name\": \"validate_no_commas\", \"N\": null, \"quantifier\": "
                       "null, \"end_phrase\": null, \"keyword_list\": null, \"options\": null}";
    ifr_spec *spec = NULL;
    assert_int_equal(ifr_spec_compile(&spec, full, strlen(full), NULL, NULL), IFR_OK);
    assert_string_equal(ifr_spec_id(spec, 0), "validate_no_commas");
    ifr_spec_free(spec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tulu3_keywords),   cmocka_unit_test(test_tulu3_language),
        cmocka_unit_test(test_tulu3_length),     cmocka_unit_test(test_tulu3_content),
        cmocka_unit_test(test_tulu3_format),     cmocka_unit_test(test_tulu3_spec_errors),
        cmocka_unit_test(test_tulu3_long_unclosed_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
