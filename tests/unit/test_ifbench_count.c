/*
 * test_ifbench_count.c - hand-written cases for the IFBench "count:*" checkers.
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
    {"count:word_count_range", "{\"min_words\": 3, \"max_words\": 5}",
     "w0 w1",
     0, 0, "one below min", 0},
    {"count:word_count_range", "{\"min_words\": 3, \"max_words\": 5}",
     "w0 w1 w2",
     1, 1, "at min", 0},
    {"count:word_count_range", "{\"min_words\": 3, \"max_words\": 5}",
     "w0 w1 w2 w3 w4",
     1, 1, "at max", 0},
    {"count:word_count_range", "{\"min_words\": 3, \"max_words\": 5}",
     "w0 w1 w2 w3 w4 w5",
     0, 0, "one above max", 0},
    {"count:word_count_range", "{\"min_words\": 3, \"max_words\": 5}",
     "don't e-mail",
     1, 1, "contractions and hyphens count 2 each (4 words)", 0},
    {"count:word_count_range", "{\"min_words\": 3, \"max_words\": 5}",
     "a\342\200\213b\342\200\213c",
     1, 1, "ZWSP is not a word character: 3 words", 0},
    {"count:word_count_range", "{\"min_words\": 1, \"max_words\": 1}",
     "\346\227\245\346\234\254\350\252\236\343\201\256\343\203\206\343\202\255\343\202\271\343\203\210",
     1, 1, "a CJK run is one word", 0},
    {"count:word_count_range", "{\"min_words\": 0, \"max_words\": 2}",
     "!!! ?""??",
     1, 1, "zero words within [0, 2]", 0},
    {"count:unique_word_count", "{\"N\": 3}",
     "Apple apple APPLE pear plum",
     1, 1, "case variants merge: 3 unique", 0},
    {"count:unique_word_count", "{\"N\": 4}",
     "Apple apple APPLE pear plum",
     0, 0, "case variants merge: 3 < 4", 0},
    {"count:unique_word_count", "{\"N\": 4}",
     "apple, pear. plum --- ",
     1, 1, "a punctuation-only token adds the empty word", 0},
    {"count:unique_word_count", "{\"N\": 3}",
     "\342\200\234river\342\200\235 river",
     0, 0, "curly quotes are not stripped: 2 words", 0},
    {"count:unique_word_count", "{\"N\": 2}",
     "\342\200\234river\342\200\235 river",
     1, 1, "curly quotes are not stripped: 2 words, needs 2", 0},
    {"count:unique_word_count", "{\"N\": 3}",
     "one two\302\240three",
     1, 1, "NBSP separates words", 0},
    {"count:unique_word_count", "{\"N\": 3}",
     "one two\342\200\213three",
     0, 0, "ZWSP does not separate words", 0},
    {"count:conjunctions", "{\"small_n\": 3}",
     "cats and dogs but not birds or fish",
     1, 1, "three different", 0},
    {"count:conjunctions", "{\"small_n\": 4}",
     "cats and dogs but not birds or fish",
     0, 0, "three is below 4", 0},
    {"count:conjunctions", "{\"small_n\": 4}",
     "and and, And (and)",
     1, 1, "raw tokens: four spellings of and", 0},
    {"count:conjunctions", "{\"small_n\": 1}",
     "android sandbox forum",
     0, 0, "substrings do not count", 0},
    {"count:conjunctions", "{\"small_n\": 2}",
     "so yet",
     1, 1, "so and yet", 0},
    {"count:person_names", "{\"N\": 2}",
     "Emma met Liam.",
     1, 1, "two names", 0},
    {"count:person_names", "{\"N\": 3}",
     "Emma met Liam.",
     0, 0, "two names, needs 3", 0},
    {"count:person_names", "{\"N\": 2}",
     "Mia's friend visited Miami with Emma",
     1, 1, "Mia's counts, Miami does not", 0},
    {"count:person_names", "{\"N\": 1}",
     "EMMA and emma",
     0, 0, "case-sensitive", 0},
    {"count:person_names", "{\"N\": 1}",
     "Emma_x",
     0, 0, "underscore is a word character", 0},
    {"count:person_names", "{\"N\": 2}",
     "Emma, Emma, Emma and Noah",
     1, 1, "distinct names", 0},
    {"count:numbers", "{\"N\": 1}",
     "pi is 3.14",
     1, 1, "removing punctuation joins 3.14", 0},
    {"count:numbers", "{\"N\": 2}",
     "pi is 3.14",
     0, 0, "one number, needs 2", 0},
    {"count:numbers", "{\"N\": 1}",
     "1,000,000 people",
     1, 1, "one number with commas", 0},
    {"count:numbers", "{\"N\": 3}",
     "abc123def 4 \331\245",
     1, 1, "digits in words and Arabic-Indic digits count", 0},
    {"count:numbers", "{\"N\": 0}",
     "x\302\262 and two",
     1, 1, "superscript two is not a decimal digit", 0},
    {"count:numbers", "{\"N\": 2}",
     "10-20 and 30",
     1, 1, "a range joins into one number", 0},
    {"count:punctuation", "{}",
     "Wait?! Yes, really. No! Why? Fine; ok: done",
     1, 1, "everything besides the interrobang", 0},
    {"count:punctuation", "{}",
     "Wait?! Yes, really. No! Fine; ok: done",
     0, 0, "no ? besides the interrobang", 0},
    {"count:punctuation", "{}",
     "?!?!,.;:",
     1, 1, "the minimal hack", 0},
    {"count:punctuation", "{}",
     "Yes, really. No! Why? Fine; ok:",
     0, 0, "no interrobang", 0},
    {"count:punctuation", "{}",
     "\342\200\275 . , ! ? ; :",
     1, 1, "U+203D counts and nothing is removed", 0},
    {"count:punctuation", "{}",
     "Wait!? Yes, really. Why? Fine; ok: done",
     0, 0, "only !? is removed, so no ! remains", 0},
    {"count:punctuation", "{}",
     "A?! B!? , . ; :",
     1, 1, "the first ?! is removed, !? stays", 0},
    {"count:words_japanese", "{\"N\": 2}",
     "hello \346\227\245\346\234\254 world \346\235\261\344\272\254",
     1, 1, "every 2nd word Japanese", 0},
    {"count:words_japanese", "{\"N\": 2}",
     "hello \346\227\245\346\234\254 world tokyo",
     0, 0, "the 4th word is not Japanese", 0},
    {"count:words_japanese", "{\"N\": 5}",
     "only four words here",
     1, 1, "fewer than N words pass vacuously", 0},
    {"count:words_japanese", "{\"N\": 2}",
     "a 123 b ---",
     1, 1, "digit and punctuation-only tokens are skipped", 0},
    {"count:words_japanese", "{\"N\": 1}",
     "\346\274\242\345\255\227 \343\201\262\343\202\211\343\201\214\343\201\252 \343\202\253\343\202\277\343\202\253\343\203\212",
     1, 1, "hanzi, hiragana, katakana", 0},
    {"count:words_japanese", "{\"N\": 1}",
     "\355\225\234\352\265\255\354\226\264",
     0, 0, "Hangul is not Japanese", 0},
    {"count:keywords_multiple", "{\"keyword1\": \"alpha\", \"keyword2\": \"beta\", \"keyword3\": \"gamma\", \"keyword4\": \"delta\", \"keyword5\": \"eps\"}",
     "alpha beta beta gamma gamma gamma delta delta delta delta delta eps eps eps eps eps eps eps ",
     1, 1, "exact counts", 0},
    {"count:keywords_multiple", "{\"keyword1\": \"alpha\", \"keyword2\": \"beta\", \"keyword3\": \"gamma\", \"keyword4\": \"delta\", \"keyword5\": \"eps\"}",
     "alpha beta beta gamma gamma gamma delta delta delta delta delta eps eps eps eps eps eps eps eps",
     0, 0, "eps 8 times", 0},
    {"count:keywords_multiple", "{\"keyword1\": \"alpha\", \"keyword2\": \"beta\", \"keyword3\": \"gamma\", \"keyword4\": \"delta\", \"keyword5\": \"eps\"}",
     "ALPHA beta beta gamma gamma gamma delta delta delta delta delta eps eps eps eps eps eps eps ",
     1, 1, "case-insensitive", 0},
    {"count:keywords_multiple", "{\"keyword1\": \"alpha\", \"keyword2\": \"beta\", \"keyword3\": \"gamma\", \"keyword4\": \"delta\", \"keyword5\": \"eps\"}",
     "alphabet beta beta gamma gamma gamma delta delta delta delta delta eps eps eps eps eps eps eps ",
     1, 1, "substring counts", 0},
    {"count:keywords_multiple", "{\"keyword1\": \" alpha \", \"keyword2\": \"beta\", \"keyword3\": \"gamma\", \"keyword4\": \"delta\", \"keyword5\": \"eps\"}",
     "alpha beta beta gamma gamma gamma delta delta delta delta delta eps eps eps eps eps eps eps ",
     1, 1, "keywords are stripped", 0},
    {"count:pronouns", "{\"N\": 3}",
     "She said it was hers.",
     1, 1, "she, it, hers", 0},
    {"count:pronouns", "{\"N\": 4}",
     "She said it was hers.",
     0, 0, "three, needs 4", 0},
    {"count:pronouns", "{\"N\": 3}",
     "she/her/hers",
     1, 1, "slashes become spaces", 0},
    {"count:pronouns", "{\"N\": 2}",
     "it's mine",
     1, 1, "it's gives it + 's", 0},
    {"count:pronouns", "{\"N\": 3}",
     "this this this",
     1, 1, "repeats count", 0},
    {"count:pronouns", "{\"N\": 1}",
     "Everything changed.",
     1, 1, "indefinite pronoun, capitalised", 0},
};

static void test_cases(void **state)
{
    (void)state;
    assert_int_equal(ifb_run(cases, sizeof cases / sizeof *cases), sizeof cases / sizeof *cases);
}

static void test_kwargs_errors(void **state)
{
    (void)state;
    /* the reference would draw random values: no verdict, a spec error */
    ifb_expect_compile_error("count:word_count_range", "{\"min_words\": 3}", IFR_E_KWARGS);
    ifb_expect_compile_error("count:unique_word_count", "{\"N\": -1}", IFR_E_KWARGS);
    ifb_expect_compile_error("count:unique_word_count", "{\"N\": null}", IFR_E_KWARGS);
    ifb_expect_compile_error("count:words_japanese", "{\"N\": 0}", IFR_E_KWARGS);
    ifb_expect_compile_error("count:keywords_multiple",
                             "{\"keyword1\": \"a\", \"keyword2\": \"b\"}", IFR_E_KWARGS);
    ifb_expect_compile_error("count:numbers", "{\"N\": 2.5}", IFR_E_KWARGS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_kwargs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
