/*
 * test_iftrain.c - hand-written cases for the iftrain suite (IFEvalG's 29
 * extra constraints), both sides of every threshold, through the public API.
 * Expected verdicts follow open-instruct e6c3044 IFEvalG (checked with
 * /usr/bin/python3). STRICT applies IFEval's blank gate to the raw text;
 * VERIFIER is open-instruct's preprocessing.
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
#include "checkers/iftrain_util.h"
#include "text/pycompat.h"
#include "data/rsent_expect.h"

/* An open-instruct ground truth with one instruction. */
#define IT(id, kw) "[{\"instruction_id\": [\"" id "\"], \"kwargs\": [" kw "]}]"

enum { STRICT = 0, VERIFIER = 1 };
#define UNSUP IFR_E_UNSUPPORTED

typedef oi_case tcase; /* {spec, resp, mode, want} */

#define RUN(cases) oi_run_cases(cases, sizeof cases / sizeof cases[0], "iftrain")

#define PROMPT "{\"prompt_to_repeat\": \"Write a poem.\"}"

static void test_iftrain_copy(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("copy:copy", PROMPT), "  write a POEM.\n", STRICT, 1},
        {IT("copy:copy", PROMPT), "Write a poem. Sure!", STRICT, 0},
        {IT("copy:copy", PROMPT), "Write  a poem.", STRICT, 0},
        {IT("copy:copying_simple", PROMPT), "WRITE A POEM.", STRICT, 1},
        {IT("copy:copying_simple", PROMPT), "Write a poem", STRICT, 0},
        {IT("copy:copying_simple", PROMPT), "   ", STRICT, 0},
        {IT("copy:copying_multiple", "{\"prompt_to_repeat\": \"Hi.\", \"N\": 2}"), "Hi.\n******\nhi.", STRICT, 1},
        {IT("copy:copying_multiple", "{\"prompt_to_repeat\": \"Hi.\", \"N\": 2}"), "Hi.*******hi.", STRICT, 0},
        {IT("copy:copying_multiple", "{\"prompt_to_repeat\": \"Hi.\", \"N\": 2}"), "Hi.******Hi.******", STRICT, 0},
        {IT("copy:copying_multiple", "{\"prompt_to_repeat\": \"Hi.\", \"N\": 3}"), "Hi.******Hi.", STRICT, 0},
        /* exclusive end; Python slice rules for negative indices */
        {IT("new:copy_span_idx", "{\"prompt_to_repeat\": \"A small bird\", \"n_start\": 2, \"n_end\": 7}"), "SMALL", STRICT, 1},
        {IT("new:copy_span_idx", "{\"prompt_to_repeat\": \"A small bird\", \"n_start\": 2, \"n_end\": 7}"), "small b", STRICT, 0},
        {IT("new:copy_span_idx", "{\"prompt_to_repeat\": \"A small bird\", \"n_start\": -4, \"n_end\": 99}"), "bird", STRICT, 1},
        {IT("new:copy_span_idx", "{\"prompt_to_repeat\": \"A small bird\", \"n_start\": 5, \"n_end\": 3}"), "x", STRICT, 0},
        {IT("copy:repeat_phrase", "{\"phrase\": \"The early bird catches the worm\", \"small_n\": 2}"),
         "The early cat catches the worm. The late bird catches the worm.", STRICT, 1},
        /* an unchanged copy is a match but not a changed one */
        {IT("copy:repeat_phrase", "{\"phrase\": \"The early bird catches the worm\", \"small_n\": 2}"),
         "The early bird catches the worm. The late bird catches the worm.", STRICT, 0},
        {IT("copy:repeat_phrase", "{\"phrase\": \"The early bird catches the worm\", \"small_n\": 2}"),
         "The early cat catches the worm. The late dog catches the worm.", STRICT, 0},
        {IT("copy:repeat_phrase", "{\"phrase\": \"The early bird catches the worm\", \"small_n\": 2}"),
         "The early cat catches the worm.", STRICT, 0},
        {IT("copy:repeat_phrase", "{\"phrase\": \"The early bird catches the worm\", \"small_n\": 1}"),
         "The early cat catches a big worm.", STRICT, 0},
    };
    RUN(cs);
}

static void test_iftrain_format(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("detectable_format:sentence_hyphens", "null"), "I am here.-You are there.", STRICT, 1},
        {IT("detectable_format:sentence_hyphens", "null"), "I am here. - You are there.", STRICT, 0},
        {IT("detectable_format:sentence_hyphens", "null"), "One sentence only.", STRICT, 1},
        {IT("detectable_format:sentence_hyphens", "null"), "A well-known fact.", STRICT, 0},
        {IT("detectable_format:sentence_hyphens", "null"), "I am here.-You are there.-", STRICT, 1},
        {IT("detectable_format:sentence_hyphens", "null"), "I am here.-You are there.\n", STRICT, 0},
        {IT("detectable_format:sentence_hyphens", "null"), "I am here.-You are there.\n", VERIFIER, 1},
        {IT("detectable_format:square_brackets", "null"), "[a] [b]\n[c]", STRICT, 1},
        {IT("detectable_format:square_brackets", "null"), "[a b]", STRICT, 0},
        {IT("detectable_format:square_brackets", "null"), "[a][b] []", STRICT, 1},
        {IT("detectable_format:square_brackets", "null"), "[a] .", STRICT, 0},
        {IT("detectable_format:bigram_wrapping", "null"), "<<I am>> <<at home>>", STRICT, 1},
        {IT("detectable_format:bigram_wrapping", "null"), "<<I am>> at home", STRICT, 0},
        {IT("detectable_format:bigram_wrapping", "null"), "word", STRICT, 1},
        {IT("detectable_format:bigram_wrapping", "null"), "<<a b>>.", STRICT, 0},
        {IT("detectable_format:bigram_wrapping", "null"), "<<I am>> <<at home>> extra", STRICT, 1},
    };
    RUN(cs);
}

static void test_iftrain_keywords(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("keywords:no_adjacent_consecutive", "null"), "apple cherry apple", STRICT, 1},
        {IT("keywords:no_adjacent_consecutive", "null"), "apple Banana", STRICT, 0},
        {IT("keywords:no_adjacent_consecutive", "null"), "1 2", STRICT, 0},
        {IT("keywords:no_adjacent_consecutive", "null"), "b a z a", STRICT, 1},
        {IT("keywords:no_adjacent_consecutive", "null"), "\u0130stanbul is", STRICT, 0},
        {IT("keywords:no_adjacent_consecutive", "null"), "\u0130stanbul", STRICT, 1},
        {IT("keywords:word_once", "{\"keyword\": \"dark\"}"), "A DARK night.", STRICT, 1},
        {IT("keywords:word_once", "{\"keyword\": \"dark\"}"), "dark and darker", STRICT, 0},
        {IT("keywords:word_once", "{\"keyword\": \"dark\"}"), "night", STRICT, 0},
        {IT("keywords:word_once", "{\"keyword\": \" a.c \"}"), "xabcx", STRICT, 1},
        {IT("keywords:word_count_different_numbers", "{\"keyword\": \"cat\", \"frequency\": 2, \"relation\": \"at least\"}"), "cat Cat", STRICT, 1},
        {IT("keywords:word_count_different_numbers", "{\"keyword\": \"cat\", \"frequency\": 2, \"relation\": \"at least\"}"), "cat dog", STRICT, 0},
        {IT("keywords:word_count_different_numbers", "{\"keyword\": \"cat\", \"frequency\": 2, \"relation\": \"less than\"}"), "concatenate", STRICT, 1},
        {IT("keywords:word_count_different_numbers", "{\"keyword\": \"cat\", \"frequency\": 2, \"relation\": \"less than\"}"), "cat cat", STRICT, 0},
        {IT("keywords:exclude_word_harder", "{\"keyword\": \"the\"}"), "the end", STRICT, 1},
        {IT("keywords:exclude_word_harder", "{\"keyword\": \"the\"}"), "in the end", STRICT, 0},
        {IT("keywords:exclude_word_harder", "{\"keyword\": \"the\"}"), "in The end, the\tend", STRICT, 1},
        {IT("keywords:palindrome", "null"), "I see", STRICT, 1},
        {IT("keywords:palindrome", "null"), "Racecar, hello", STRICT, 0},
        {IT("keywords:palindrome", "null"), "we saw level ground", STRICT, 1},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"cat\", \"n\": 2, \"m\": 3}"), "Hi there. I see cat now.", STRICT, 1},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"cat\", \"n\": 2, \"m\": 2}"), "Hi there. I see cat now.", STRICT, 0},
        {IT("keywords:keyword_specific_position", "{\"keyword\": [\"cat\"], \"n\": 3, \"m\": 1}"), "Hi there. I see cat now.", STRICT, 0},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"Cat\", \"n\": 1, \"m\": 1}"), "cat sat.", STRICT, 0},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \",\", \"n\": 1, \"m\": 2}"), "Yes, sir.", STRICT, 1},
        /* Python indexing of s[n - 1] and w[m - 1]: n = m = -1 picks the second-to-last */
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"there\", \"n\": -1, \"m\": -1}"), "Hi there. I see cat now.", STRICT, 1},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \".\", \"n\": -1, \"m\": -1}"), "Hi there. I see cat now.", STRICT, 0},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"I\", \"n\": -1, \"m\": -5}"), "Hi there. I see cat now.", STRICT, UNSUP},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"I\", \"n\": -3, \"m\": 1}"), "Hi there. I see cat now.", STRICT, UNSUP},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"I\", \"n\": -9223372036854775808, \"m\": 1}"), "Hi there.", STRICT, UNSUP},
        {IT("keywords:start_end", "null"), "Hello world hello", STRICT, 1},
        {IT("keywords:start_end", "null"), "Hello world hello.", STRICT, 0},
        {IT("keywords:start_end", "null"), "... x ...", STRICT, 1},
        {IT("keywords:start_end", "null"), "Hello", STRICT, 0},
    };
    RUN(cs);
}

static void test_iftrain_paragraphs(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("paragraphs:paragraphs", "null"), "a\n***\nb", STRICT, 1},
        {IT("paragraphs:paragraphs", "null"), "a\n* * *\nb", STRICT, 0},
        {IT("paragraphs:paragraphs", "null"), "***a***b", STRICT, 1},
        {IT("paragraphs:paragraphs", "null"), "a******b", STRICT, 0},
        {IT("paragraphs:paragraphs", "null"), "a *** b *** c", STRICT, 0},
        {IT("paragraphs:paragraphs2", "null"), "a\n\nb", STRICT, 1},
        {IT("paragraphs:paragraphs2", "null"), "a\n\n\nb", STRICT, 1},
        {IT("paragraphs:paragraphs2", "null"), "a\n\n\n\nb", STRICT, 0},
        {IT("paragraphs:paragraphs2", "null"), "a\r\n\r\nb", STRICT, 0},
        {IT("paragraphs:paragraphs2", "null"), "a\n\nb\n\n", STRICT, 1},
    };
    RUN(cs);
}

static void test_iftrain_words(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("first_word:first_word_sent", "{\"first_word\": \"the\"}"), "The cat sat. THE dog ran!", STRICT, 1},
        {IT("first_word:first_word_sent", "{\"first_word\": \"the\"}"), "The cat sat. A dog ran.", STRICT, 0},
        {IT("first_word:first_word_sent", "{\"first_word\": [\"the\"]}"), "The, cat.", STRICT, 0},
        {IT("first_word:first_word_sent", "{\"first_word\": \"the\"}"), "The Mr. Smith sat.", STRICT, 1},
        {IT("first_word:first_word_answer", "{\"first_word\": \"hello\"}"), "  Hello world", STRICT, 1},
        {IT("first_word:first_word_answer", "{\"first_word\": \"hello\"}"), "Hello, world", STRICT, 0},
        {IT("first_word:first_word_answer", "{\"first_word\": \"hello\"}"), "**Hello** world", STRICT, 0},
        {IT("last_word:last_word_sent", "{\"last_word\": \"end\"}"), "This is the end. Also the END!", STRICT, 1},
        {IT("last_word:last_word_sent", "{\"last_word\": \"end\"}"), "This is the end. Not here.", STRICT, 0},
        {IT("last_word:last_word_sent", "{\"last_word\": \"sentencelike\"}"), "It is sentence-like.", STRICT, 1},
        {IT("last_word:last_word_answer", "{\"last_word\": \"door\"}"), "Open the (door)", STRICT, 1},
        {IT("last_word:last_word_answer", "{\"last_word\": \"door\"}"), "Open the door_x", STRICT, 0},
        {IT("last_word:last_word_answer", "{\"last_word\": \"door\"}"), "Open the door.\n\nThanks", STRICT, 0},
    };
    RUN(cs);
}

static void test_iftrain_punctuation(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("punctuation:punctuation_dot", "null"), "no dots here\u2026 \u3002", STRICT, 1},
        {IT("punctuation:punctuation_dot", "null"), "pi is 3.14", STRICT, 0},
        {IT("punctuation:punctuation_exclamation", "null"), "hi \uff01 \u203d", STRICT, 1},
        {IT("punctuation:punctuation_exclamation", "null"), "hi!", STRICT, 0},
    };
    RUN(cs);
}

static void test_iftrain_count(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("count:lowercase_counting", "{\"N\": 2}"), "Hello World a b", STRICT, 1},
        {IT("count:lowercase_counting", "{\"N\": 2}"), "a b c", STRICT, 0},
        {IT("count:lowercase_counting", "{\"N\": 2}"), "don't caf\u00e9", STRICT, 1},
        {IT("count:lowercase_counting", "{\"N\": 1}"), "don't", STRICT, 0},
        {IT("count:counting_composition", "{\"n_sent\": 2, \"n_words\": 3}"),
         "Hi there. Me too.\n***\nGo now. So fast.\n***\nWe win. Yes sir.", STRICT, 1},
        {IT("count:counting_composition", "{\"n_sent\": 2, \"n_words\": 3}"),
         "Hi there. Me too.\n* * *\nGo now. So fast.\n* * *\nWe win. Yes sir.", STRICT, 0},
        {IT("count:counting_composition", "{\"n_sent\": 2, \"n_words\": 3}"),
         "Hi there. Me too.\n***\nGo now. So fast.\n***\nWe win. Yes sir.\n***", STRICT, 0},
        {IT("count:counting_composition", "{\"n_sent\": 2, \"n_words\": 3}"),
         "Hi there. Me too.\n***\nGo now. So very fast.\n***\nWe win. Yes sir.", STRICT, 0},
        {IT("count:count_unique", "null"), "one two three", STRICT, 1},
        {IT("count:count_unique", "null"), "one two one", STRICT, 0},
        {IT("count:count_unique", "null"), "Hi there. Go now.", STRICT, 0},
        {IT("count:count_unique", "null"), "Word word", STRICT, 1},
        {IT("count:count_increment_word", "{\"keyword1\": \"cat\", \"keyword2\": \"dog\"}"), "cat DOG dogs", STRICT, 1},
        {IT("count:count_increment_word", "{\"keyword1\": \"cat\", \"keyword2\": \"dog\"}"), "cat dog", STRICT, 0},
        {IT("count:count_increment_word", "{\"keyword1\": \"cat\", \"keyword2\": \"dog\"}"), "cat cat dog dog", STRICT, 0},
    };
    RUN(cs);
}

static void test_iftrain_letters(void **state)
{
    (void)state;
    static const tcase cs[] = {
        {IT("letters:letter_counting", "{\"N\": 5, \"relation\": \"at least\"}"), "ab cd e", STRICT, 1},
        {IT("letters:letter_counting", "{\"N\": 5, \"relation\": \"at least\"}"), "ab cd \u00e9", STRICT, 0},
        {IT("letters:letter_counting", "{\"N\": 5, \"relation\": \"less than\"}"), "abcd", STRICT, 1},
        {IT("letters:letter_counting", "{\"N\": 5, \"relation\": \"less than\"}"), "abcde", STRICT, 0},
        {IT("letters:letter_counting", "{\"N\": 5, \"relation\": \"at most\"}"), "ab", STRICT, 0},
        {IT("letters:letter_counting2", "{\"letter\": \"A\", \"let_frequency\": 2, \"let_relation\": \"at least\"}"), "Aa", STRICT, 1},
        {IT("letters:letter_counting2", "{\"letter\": \"a\", \"let_frequency\": 2, \"let_relation\": \"at least\"}"), "a b", STRICT, 0},
        {IT("letters:letter_counting2", "{\"letter\": \"i\", \"let_frequency\": 1, \"let_relation\": \"less than\"}"), "\u0130", STRICT, 0},
        {IT("letters:letter_counting2", "{\"letter\": \"i\", \"let_frequency\": 1, \"let_relation\": \"less than\"}"), "x", STRICT, 1},
    };
    RUN(cs);
}

/* Gates and the verifier's partial credit over several constraints. */
static void test_iftrain_gates_and_mean(void **state)
{
    (void)state;
    static const tcase cs[] = {
        /* strict: IFEval's blank gate (a palindrome-free blank response fails) */
        {IT("keywords:palindrome", "null"), " \n ", STRICT, 0},
        {IT("detectable_format:square_brackets", "null"), "  ", STRICT, 0},
        /* verifier: an empty answer after preprocessing scores 0 */
        {IT("detectable_format:square_brackets", "null"), "<think>[a]</think>  ", VERIFIER, 0},
        {IT("detectable_format:square_brackets", "null"), "<think>x</think><answer>[a]</answer>", VERIFIER, 1},
    };
    RUN(cs);
    const char *two = "[{\"instruction_id\": [\"keywords:palindrome\", "
                      "\"punctuation:punctuation_dot\", \"copy:copy\"], \"kwargs\": [null, null, "
                      "{\"prompt_to_repeat\": \"x\"}]}]";
    ifr_options *opts = NULL;
    assert_int_equal(ifr_options_new(&opts, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(opts, IFR_OPT_PREPROCESS, IFR_PREPROCESS_OPEN_INSTRUCT),
                     IFR_OK);
    ifr_spec *spec = NULL;
    assert_int_equal(ifr_spec_compile(&spec, two, strlen(two), opts, NULL), IFR_OK);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, opts), IFR_OK);
    const char *resp = "<think>plan.</think> I did it.";
    assert_int_equal(ifr_check(res, spec, resp, strlen(resp), 0, NULL), IFR_OK);
    assert_int_equal(ifr_result_followed(res, 0), 1);
    assert_int_equal(ifr_result_followed(res, 1), 0);
    assert_int_equal(ifr_result_followed(res, 2), 0);
    assert_true(ifr_result_reward(res, IFR_AGGREGATE_FRACTION) > 0.333 &&
                ifr_result_reward(res, IFR_AGGREGATE_FRACTION) < 0.334);
    assert_true(ifr_result_reward(res, IFR_AGGREGATE_ALL) == 0.0);
    ifr_result_free(res);
    ifr_spec_free(spec);
    ifr_options_free(opts);
}

/* Kwargs the reference treats as missing (and replaces by a random draw) or
 * rejects are spec errors. */
static void test_iftrain_spec_errors(void **state)
{
    (void)state;
    static const struct {
        const char *spec;
        int code;
    } cs[] = {
        {IT("new:copy_span_idx", "{\"prompt_to_repeat\": \"abc\", \"n_start\": 0, \"n_end\": 2}"), IFR_E_KWARGS},
        {IT("new:copy_span_idx", "{\"prompt_to_repeat\": \"abc\", \"n_start\": 1, \"n_end\": 0}"), IFR_E_KWARGS},
        {IT("copy:copy", "{\"prompt_to_repeat\": \"\"}"), IFR_E_KWARGS},
        {IT("copy:copy", "null"), IFR_E_KWARGS},
        {IT("copy:copying_multiple", "{\"prompt_to_repeat\": \"a\", \"N\": 0}"), IFR_E_KWARGS},
        {IT("copy:repeat_phrase", "{\"phrase\": \"a b\", \"small_n\": 0}"), IFR_E_KWARGS},
        {IT("letters:letter_counting2", "{\"letter\": \"#\", \"let_frequency\": 2, \"let_relation\": \"at least\"}"), IFR_E_KWARGS},
        {IT("letters:letter_counting2", "{\"letter\": \"ab\", \"let_frequency\": 2, \"let_relation\": \"at least\"}"), IFR_E_KWARGS},
        {IT("letters:letter_counting2", "{\"letter\": \"a\", \"let_frequency\": -1, \"let_relation\": \"at least\"}"), IFR_E_KWARGS},
        {IT("letters:letter_counting2", "{\"letter\": \"a\", \"let_frequency\": 2, \"let_relation\": \"around\"}"), IFR_E_KWARGS},
        {IT("letters:letter_counting", "{\"N\": 0, \"relation\": \"at least\"}"), IFR_E_KWARGS},
        {IT("keywords:word_once", "{\"keyword\": \"\"}"), IFR_E_KWARGS},
        {IT("keywords:word_once", "{\"keyword\": \"a(\"}"), IFR_E_REGEX},
        {IT("keywords:word_count_different_numbers", "{\"keyword\": \"a\", \"frequency\": 1, \"relation\": \"more\"}"), IFR_E_KWARGS},
        {IT("keywords:keyword_specific_position", "{\"keyword\": \"a\", \"n\": 0, \"m\": 1}"), IFR_E_KWARGS},
        {IT("count:counting_composition", "{\"n_sent\": 2, \"n_words\": 0}"), IFR_E_KWARGS},
        {IT("count:count_increment_word", "{\"keyword1\": \"a\"}"), IFR_E_KWARGS},
        {IT("first_word:first_word_answer", "{\"first_word\": [\"a\"]}"), IFR_E_KWARGS},
        {IT("keywords:palindrome", "{\"N\": 2}"), IFR_E_KWARGS},
    };
    for (size_t k = 0; k < sizeof cs / sizeof cs[0]; k++) {
        ifr_spec *spec = NULL;
        ifr_error err;
        int rc = ifr_spec_compile(&spec, cs[k].spec, strlen(cs[k].spec), NULL, &err);
        if (rc != cs[k].code)
            fail_msg("case %zu: want %d, got %d (%s)", k, cs[k].code, rc, cs[k].spec);
        assert_null(spec);
    }
    /* the dataset's Python-literal ground truth, as a JSON string */
    const char *lit = "\"[{'instruction_id': ['keywords:palindrome', 'count:lowercase_counting'], "
                      "'kwargs': [None, {'N': 3}]}]\"";
    ifr_spec *spec = NULL;
    assert_int_equal(ifr_spec_compile(&spec, lit, strlen(lit), NULL, NULL), IFR_OK);
    assert_int_equal(ifr_spec_count(spec), 2);
    assert_string_equal(ifr_spec_suite(spec, 1), "iftrain");
    ifr_spec_free(spec);
}

/* IFEvalG's split_into_sentences port against CPython on generated inputs. */
static void test_iftrain_rsent_matches_python(void **state)
{
    (void)state;
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena ar;
    ifr__arena_init(&ar, &al);
    for (size_t k = 0; k < sizeof rsent_cases / sizeof rsent_cases[0]; k++) {
        ifr__arena_reset(&ar);
        uint32_t *in = NULL, *want = NULL;
        size_t nin = 0, nwant = 0;
        assert_int_equal(ifr__utf8_decode(rsent_cases[k].in, strlen(rsent_cases[k].in), &ar,
                                          &in, &nin), IFR_OK);
        assert_int_equal(ifr__utf8_decode(rsent_cases[k].joined, strlen(rsent_cases[k].joined),
                                          &ar, &want, &nwant), IFR_OK);
        ifr__ustr *s = NULL;
        size_t ns = 0;
        assert_int_equal(ifr__rsent_split(&ar, in, nin, &s, &ns), IFR_OK);
        if (ns != rsent_cases[k].n)
            fail_msg("case %zu (%s): %zu sentences, want %zu", k, rsent_cases[k].in, ns,
                     rsent_cases[k].n);
        size_t pos = 0;
        for (size_t i = 0; i < ns; i++) {
            if (i > 0) {
                assert_true(pos < nwant && want[pos] == 0x1f);
                pos++;
            }
            if (pos + s[i].n > nwant || !ifr__cps_eq(s[i].p, s[i].n, want + pos, s[i].n))
                fail_msg("case %zu (%s): sentence %zu differs", k, rsent_cases[k].in, i);
            pos += s[i].n;
        }
        assert_int_equal(pos, nwant);
    }
    ifr__arena_release(&ar);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iftrain_copy),        cmocka_unit_test(test_iftrain_format),
        cmocka_unit_test(test_iftrain_keywords),    cmocka_unit_test(test_iftrain_paragraphs),
        cmocka_unit_test(test_iftrain_words),       cmocka_unit_test(test_iftrain_punctuation),
        cmocka_unit_test(test_iftrain_count),       cmocka_unit_test(test_iftrain_letters),
        cmocka_unit_test(test_iftrain_gates_and_mean), cmocka_unit_test(test_iftrain_spec_errors),
        cmocka_unit_test(test_iftrain_rsent_matches_python),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
