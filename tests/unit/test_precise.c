/*
 * test_precise.c - precise semantics (IFR_OPT_SEMANTICS = IFR_SEMANTICS_PRECISE)
 * of the IFEval checkers, through the public API. Every repair has both sides:
 * the hack is accepted in compat and rejected in precise, and honest
 * compliant responses are accepted in precise.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ifreward.h"

#define ZWSP "\xe2\x80\x8b"

/* 1 followed, 0 not, -1 error */
static int verdict(const char *id, const char *kwargs, const char *text, int precise, int loose)
{
    char spec[4096];
    if (id)
        snprintf(spec, sizeof spec, "{\"instruction_id_list\": [\"%s\"], \"kwargs\": [%s]}", id,
                 kwargs);
    else
        snprintf(spec, sizeof spec, "%s", kwargs); /* a whole spec (Tulu 3 func_name) */
    ifr_options *o = NULL;
    if (ifr_options_new(&o, NULL) != IFR_OK)
        return -1;
    ifr_options_set(o, IFR_OPT_SEMANTICS, precise ? IFR_SEMANTICS_PRECISE : IFR_SEMANTICS_COMPAT);
    ifr_spec *s = NULL;
    ifr_result *r = NULL;
    ifr_error err;
    int v = -1;
    if (ifr_spec_compile(&s, spec, strlen(spec), o, &err) == IFR_OK &&
        ifr_result_new(&r, o) == IFR_OK &&
        ifr_check(r, s, text, strlen(text), loose ? IFR_CHECK_LOOSE : 0, NULL) == IFR_OK)
        v = ifr_result_all_followed(r);
    else if (s == NULL)
        fprintf(stderr, "compile %s: %s\n", spec, err.message);
    ifr_result_free(r);
    ifr_spec_free(s);
    ifr_options_free(o);
    return v;
}

typedef struct pcase {
    const char *id, *kwargs, *text;
    int compat;  /* expected compat strict verdict, -1 = not asserted */
    int precise; /* expected precise strict verdict */
} pcase;

#define HACK(id, kw, text) {id, kw, text, 1, 0}
#define HONEST(id, kw, text) {id, kw, text, -1, 1}
#define BOTH(id, kw, text, c, p) {id, kw, text, c, p}

static void run(const pcase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int got_c = verdict(c[i].id, c[i].kwargs, c[i].text, 0, 0);
        int got_p = verdict(c[i].id, c[i].kwargs, c[i].text, 1, 0);
        if ((c[i].compat >= 0 && got_c != c[i].compat) || got_p != c[i].precise) {
            fprintf(stderr, "case %zu %s %s text=\"%s\": compat %d (want %d), precise %d (want %d)\n",
                    i, c[i].id ? c[i].id : "-", c[i].kwargs, c[i].text, got_c, c[i].compat, got_p, c[i].precise);
            fail();
        }
    }
}
#define RUN(tab) run(tab, sizeof tab / sizeof tab[0])

static void test_keywords(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK("keywords:existence", "{\"keywords\": [\"le\"]}", "People agree."),
        HONEST("keywords:existence", "{\"keywords\": [\"le\"]}", "Le chat est là."),
        HACK("keywords:existence", "{\"keywords\": [\"rock\"]}", "A rocket."),
        HONEST("keywords:existence", "{\"keywords\": [\"rock\"]}", "We like ROCK music, rock-solid."),
        HONEST("keywords:existence", "{\"keywords\": [\"rock\"]}", "The rock's edge."),
        /* regex metacharacters are literal in precise */
        HACK("keywords:existence", "{\"keywords\": [\"r.ck\"]}", "A rack."),
        HONEST("keywords:existence", "{\"keywords\": [\"c++\"]}", "I write C++ daily."),
        BOTH("keywords:existence", "{\"keywords\": [\"c++\"]}", "c", 1, 0),
        /* combining marks are part of a word: no match inside a longer Hindi word */
        HONEST("keywords:existence", "{\"keywords\": [\"नमस्ते\"]}", "नमस्ते दुनिया"),
        HACK("keywords:existence", "{\"keywords\": [\"caf\"]}", "cafe\xcc\x81s"),
        HONEST("keywords:existence", "{\"keywords\": [\"ice cream\"]}", "I love ice cream."),
        /* blank keywords compile in both semantics; precise never finds them */
        BOTH("keywords:existence", "{\"keywords\": [\" \"]}", "hello there", 1, 0),
        BOTH("keywords:forbidden_words", "{\"forbidden_words\": [\"\"]}", "hello", 0, 1),
        BOTH("keywords:frequency", "{\"keyword\": \" \", \"frequency\": 1, \"relation\": \"less than\"}",
             "a b", 0, 1),
        BOTH("detectable_content:postscript", "{\"postscript_marker\": \"  \"}", "Body.\nP.S. x", 1, 0),
        /* English plurals of 3+ letter keywords are the same word */
        HONEST("keywords:existence", "{\"keywords\": [\"riddle\"]}", "Forests whisper riddles."),
        HONEST("keywords:existence", "{\"keywords\": [\"bus\"]}", "Two BUSES came."),
        HACK("keywords:existence", "{\"keywords\": [\"disgusting\"]}", "It is disgustingly good."),
        BOTH("keywords:existence", "{\"keywords\": [\"as\"]}", "as", 1, 1),
        BOTH("keywords:existence", "{\"keywords\": [\"a\"]}", "as", 1, 0),
        BOTH("keywords:frequency", "{\"keyword\": \"war\", \"frequency\": 2, \"relation\": \"at least\"}",
             "One war, then more wars.", 1, 1),
        BOTH("keywords:forbidden_words", "{\"forbidden_words\": [\"war\"]}", "The wars ended.", 1, 0),
        /* frequency */
        HACK("keywords:frequency", "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"at least\"}",
             "smart start"),
        HONEST("keywords:frequency", "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"at least\"}",
               "Art is long; art lasts."),
        BOTH("keywords:frequency", "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"less than\"}",
             "Art and smart start.", 0, 1),
        BOTH("keywords:frequency", "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"less than\"}",
             "Art, art.", 0, 0),
        /* forbidden: literal whole words, format characters ignored */
        HACK("keywords:forbidden_words", "{\"forbidden_words\": [\"war\"]}", "The w" ZWSP "ar ended."),
        HACK("keywords:forbidden_words", "{\"forbidden_words\": [\"war\"]}", "The w\xc2\xad" "ar ended."),
        BOTH("keywords:forbidden_words", "{\"forbidden_words\": [\"war\"]}", "WAR is over.", 0, 0),
        HONEST("keywords:forbidden_words", "{\"forbidden_words\": [\"war\"]}", "Software warms nobody."),
        HONEST("keywords:forbidden_words", "{\"forbidden_words\": [\"a.b\"]}", "axb is fine."),
        BOTH("keywords:forbidden_words", "{\"forbidden_words\": [\"a.b\"]}", "a.b is not.", 0, 0),
        /* a response of only invisible characters (scoring layer) */
        HACK("keywords:forbidden_words", "{\"forbidden_words\": [\"war\"]}", ZWSP),
        /* letter frequency: accented and look-alike letters count */
        HACK("keywords:letter_frequency", "{\"letter\": \"e\", \"let_frequency\": 2, \"let_relation\": \"less than\"}",
             "Th\xd0\xb5 tr\xd0\xb5\xd0\xb5"),
        HACK("keywords:letter_frequency", "{\"letter\": \"e\", \"let_frequency\": 2, \"let_relation\": \"less than\"}",
             "caf\xc3\xa9 caf\xc3\xa9"),
        HONEST("keywords:letter_frequency", "{\"letter\": \"e\", \"let_frequency\": 2, \"let_relation\": \"less than\"}",
               "A cat, \xd0\xb5\xd0\xb5\xd0\xb5 (Russian)."),
        HONEST("keywords:letter_frequency", "{\"letter\": \"a\", \"let_frequency\": 3, \"let_relation\": \"at least\"}",
               "A banana."),
        BOTH("keywords:letter_frequency", "{\"letter\": \"a\", \"let_frequency\": 3, \"let_relation\": \"at least\"}",
             "A bn.", 0, 0),
    };
    RUN(t);
    /* a keyword that is not a valid regex compiles in precise (it is literal) */
    assert_int_equal(verdict("keywords:existence", "{\"keywords\": [\"(\"]}", "a ( b", 0, 0), -1);
    assert_int_equal(verdict("keywords:existence", "{\"keywords\": [\"(\"]}", "a ( b", 1, 0), 1);
}

static void test_content(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK("detectable_content:number_placeholders", "{\"num_placeholders\": 2}", "[] []"),
        HACK("detectable_content:number_placeholders", "{\"num_placeholders\": 2}", "[ ] [" ZWSP "]"),
        HACK("detectable_content:number_placeholders", "{\"num_placeholders\": 2}", "see [1] and [2]"),
        HACK("detectable_content:number_placeholders", "{\"num_placeholders\": 2}", "[a](x) [b](y)"),
        HONEST("detectable_content:number_placeholders", "{\"num_placeholders\": 2}",
               "Dear [name], meet me at [address]."),
        HONEST("detectable_content:number_placeholders", "{\"num_placeholders\": 1}", "[[your name]]"),
        BOTH("detectable_content:number_placeholders", "{\"num_placeholders\": 3}",
             "Dear [name], meet me at [address].", 0, 0),
        HACK("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
             "I will add a p.s. below."),
        HACK("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}", "P.S. hello"),
        HACK("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}", "Body.\nP.S."),
        HACK("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
             "Body.\nP.P.S. more"),
        HACK("detectable_content:postscript", "{\"postscript_marker\": \"P.P.S\"}",
             "Body text.\nThe app.p.s file."),
        HONEST("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
               "Dear Ann, see you soon.\n\nP.S. Bring the map."),
        HONEST("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
               "Dear Ann.\n\n**P.S.** Bring the map."),
        HONEST("detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
               "Dear Ann.\r\n\r\np.s. bring it"),
        HONEST("detectable_content:postscript", "{\"postscript_marker\": \"P.P.S\"}",
               "Letter.\nP.S. one\nP.P.S. two"),
        HONEST("detectable_content:postscript", "{\"postscript_marker\": \"P.P.S\"}",
               "Letter.\nP.P.S: two"),
        HONEST("detectable_content:postscript", "{\"postscript_marker\": \"Note:\"}",
               "Letter.\nNote: bring tea."),
        HACK("detectable_content:postscript", "{\"postscript_marker\": \"Note:\"}",
             "Letter and a note: bring tea."),
    };
    RUN(t);
}

static void test_format(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "---\n---"),
        HACK("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "-5 degrees\n-3 degrees"),
        HACK("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "*italic* a\n*italic* b"),
        HACK("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "- \n- " ZWSP),
        HONEST("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "* apples\n* pears"),
        HONEST("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}",
               "Intro:\r\n  - one\r\n  - two\r\n\r\n---\r\nEnd."),
        HONEST("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "+ one\n- **two**"),
        BOTH("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}",
             "* a\n* b\n```\n- code\n```", 0, 1),
        BOTH("detectable_format:number_bullet_lists", "{\"num_bullets\": 2}", "* a\n* b\n* c", 0, 0),
        HACK("detectable_format:constrained_response", "{}",
             "Long text about many things. My answer is yes. More long text follows here."),
        HACK("detectable_format:constrained_response", "{}",
             "My answer is yes. My answer is no. My answer is maybe."),
        HONEST("detectable_format:constrained_response", "{}", "My answer is yes."),
        HONEST("detectable_format:constrained_response", "{}", "  \"My answer is no.\"  "),
        HONEST("detectable_format:constrained_response", "{}", "**My answer is maybe.**"),
        HONEST("detectable_format:constrained_response", "{}",
               "My answer is maybe. It depends on the weather."),
        HONEST("detectable_format:constrained_response", "{}", "Hard to say.\n\nMy answer is maybe."),
        BOTH("detectable_format:constrained_response", "{}", "My answer is Yes.", 0, 0),
        HACK("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}", "*x* *x*"),
        HACK("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}", "***one***"),
        HACK("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}", "*a* and *b*"),
        HACK("detectable_format:number_highlighted_sections", "{\"num_highlights\": 1}", "*" ZWSP "*"),
        HACK("detectable_format:number_highlighted_sections", "{\"num_highlights\": 1}", "*...*"),
        BOTH("detectable_format:number_highlighted_sections", "{\"num_highlights\": 1}", "* *", 0, 0),
        HONEST("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}",
               "Read *the intro* and **the summary**."),
        HONEST("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}",
               "* item\n*Note one* and *note two*"),
        HONEST("detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}",
               "***Bold italic*** and *plain*"),
        HACK("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
             "See Section 1 and Section 2 of the manual."),
        HACK("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
             "Section 1\nSection 2"),
        HACK("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
             "Section1a\nx\nSection2b\ny"),
        HACK("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
             "Section 1\na\nSection 2\nb\nSection 3\nc"),
        HACK("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
             "Section 2\na\nSection 1\nb"),
        HONEST("detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
               "Section 1\nThe start.\n\nSection 2\nThe end."),
        HONEST("detectable_format:multiple_sections", "{\"section_spliter\": \"SECTION\", \"num_sections\": 2}",
               "## SECTION 1: Intro\ntext\r\n**SECTION 2** - More\ntext"),
        HONEST("detectable_format:multiple_sections", "{\"section_spliter\": \"Day\", \"num_sections\": 2}",
               "Day 1: rest.\nDay 2: walk."),
        HONEST("detectable_format:multiple_sections", "{\"section_spliter\": \"Audience\", \"num_sections\": 2}",
               "\"Audience 1: Hey teens.\n\nAudience 2: Hello pros.\""),
        HONEST("detectable_format:multiple_sections", "{\"section_spliter\": \"Day\", \"num_sections\": 2}",
               "Day 1: rest.\nDay 2: walk.\n******\nDay 1: swim.\nDay 2: fly."),
        HACK("detectable_format:multiple_sections", "{\"section_spliter\": \"Day\", \"num_sections\": 2}",
             "Day 1: rest.\nDay 2: walk.\nDay 1: swim."),
        HACK("detectable_format:json_format", "{}", "42"),
        HACK("detectable_format:json_format", "{}", "null"),
        HACK("detectable_format:json_format", "{}", "\"text\""),
        HACK("detectable_format:json_format", "{}", "{}"),
        HACK("detectable_format:json_format", "{}", "[ ]"),
        HACK("detectable_format:json_format", "{}", "{\"a\": NaN}"),
        HACK("detectable_format:json_format", "{}", "[Infinity]"),
        HONEST("detectable_format:json_format", "{}", "{\"name\": \"NaN Infinity\", \"n\": 1}"),
        HONEST("detectable_format:json_format", "{}", "```json\n[1, 2]\n```"),
        HACK("detectable_format:title", "{}", "<<" ZWSP ">>"),
        HACK("detectable_format:title", "{}", "<<...>>"),
        BOTH("detectable_format:title", "{}", "<< >>", 0, 0),
        HONEST("detectable_format:title", "{}", "<<Ode to Joy>>\nA poem."),
        HONEST("detectable_format:title", "{}", "Poem:\n<<\xe6\x98\xa5>>"),
    };
    RUN(t);
}

static void test_combination_startend(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK("combination:two_responses", "{}", "Same answer.\n******\nsame answer!"),
        HACK("combination:two_responses", "{}", "A.\n******\n" ZWSP),
        HACK("combination:two_responses", "{}",
             "The cat sat on the warm mat all day and slept well.\n******\n"
             "The cat sat on the warm mat all day and slept very well."),
        BOTH("combination:two_responses", "{}", "A\n******\nA", 0, 0),
        HONEST("combination:two_responses", "{}", "Yes.\n******\nNo."),
        HONEST("combination:two_responses", "{}",
               "Paris is the capital of France.\n******\nThe capital of France is Paris, on the Seine."),
        HACK("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea.\"}",
             "Write a poem about the sea."),
        HACK("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea.\"}",
             "write a poem about the sea. ..."),
        HACK("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea\"}",
             "Write a poem about the seagulls."),
        HONEST("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea.\"}",
               "Write a poem about the sea. The sea is wide."),
        HONEST("combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea.\"}",
               "WRITE A POEM ABOUT  THE\nSEA.\n\nWaves roll."),
        HACK("startend:end_checker", "{\"end_phrase\": \"any other questions?\"}",
             "Many other questions?"),
        HACK("startend:end_checker", "{\"end_phrase\": \"Bye.\"}", "Bye."),
        HONEST("startend:end_checker", "{\"end_phrase\": \"Bye.\"}", "That is all. Bye."),
        BOTH("startend:end_checker", "{\"end_phrase\": \"Bye\"}", "Good bye.", 0, 0),
        HONEST("startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}",
               "That is all. **Any other questions?**"),
        HONEST("startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}",
               "That is all. \xe2\x80\x9c" "Any other questions?\xe2\x80\x9d\n"),
        HONEST("startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}",
               "That is all. Any other questions?'"),
        HACK("startend:quotation", "{}", "\"\""),
        HACK("startend:quotation", "{}", "\"  \""),
        HACK("startend:quotation", "{}", "\"" ZWSP "\""),
        HACK("startend:quotation", "{}", "\"...\""),
        HONEST("startend:quotation", "{}", "\"Hello world.\""),
        HONEST("startend:quotation", "{}", "\xe2\x80\x9cHello world.\xe2\x80\x9d"),
        BOTH("startend:quotation", "{}", "Hello \"world\"", 0, 0),
    };
    RUN(t);
}

static void test_length_case_punct(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK("length_constraints:number_words", "{\"num_words\": 4, \"relation\": \"at least\"}",
             "don't won't"),
        HACK("length_constraints:number_words", "{\"num_words\": 3, \"relation\": \"at least\"}",
             "3.14 2.7"),
        HONEST("length_constraints:number_words", "{\"num_words\": 4, \"relation\": \"at least\"}",
               "The cat's e-mail arrived."),
        HONEST("length_constraints:number_words", "{\"num_words\": 3, \"relation\": \"less than\"}",
               "नमस्ते दुनिया"),
        BOTH("length_constraints:number_words", "{\"num_words\": 3, \"relation\": \"less than\"}",
             "नमस्ते दुनिया", 0, 1),
        HACK("length_constraints:number_words", "{\"num_words\": 5, \"relation\": \"less than\"}", ZWSP),
        HACK("length_constraints:number_paragraphs", "{\"num_paragraphs\": 3}",
             "One.\n***\n---\n***\nThree."),
        HACK("length_constraints:number_paragraphs", "{\"num_paragraphs\": 3}",
             "One.\n***\n" ZWSP "\n***\nThree."),
        HONEST("length_constraints:number_paragraphs", "{\"num_paragraphs\": 3}",
               "First part.\n***\nSecond part.\n***\nThird part."),
        HONEST("length_constraints:nth_paragraph_first_word",
               "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"today\"}",
               "Hello.\r\n\r\n**Today** we walk."),
        HONEST("length_constraints:nth_paragraph_first_word",
               "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"today\"}",
               "Hello.\n\n\n\nToday, we walk."),
        HONEST("length_constraints:nth_paragraph_first_word",
               "{\"num_paragraphs\": 2, \"nth_paragraph\": 1, \"first_word\": \"hello\"}",
               "\"Hello,\" she said.\n \nBye."),
        BOTH("length_constraints:nth_paragraph_first_word",
             "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"today\"}",
             "Hello.\n\nToday-like weather.", 0, 0),
        BOTH("length_constraints:nth_paragraph_first_word",
             "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"today\"}",
             "Hello.\n\nTodays news.", 0, 0),
        BOTH("length_constraints:nth_paragraph_first_word",
             "{\"num_paragraphs\": 2, \"nth_paragraph\": 2, \"first_word\": \"today\"}",
             "Hello.\n\n---\n\nToday we walk.", 0, 1),
        HACK("length_constraints:number_sentences", "{\"num_sentences\": 3, \"relation\": \"at least\"}",
             "... !!! ???. ... !!! ???. ... !!!"),
        HONEST("length_constraints:number_sentences", "{\"num_sentences\": 3, \"relation\": \"at least\"}",
               "It rained. We stayed in. Then the sun came out."),
        HACK("change_case:capital_word_frequency", "{\"capital_frequency\": 3, \"capital_relation\": \"at least\"}",
             "I think I know I can."),
        HONEST("change_case:capital_word_frequency", "{\"capital_frequency\": 3, \"capital_relation\": \"at least\"}",
               "The NASA and ESA teams met at CERN."),
        BOTH("change_case:capital_word_frequency", "{\"capital_frequency\": 2, \"capital_relation\": \"less than\"}",
             "I think I can.", 0, 0),
        HACK("change_case:english_capital", "{}", "\xe2\x92\xb6\xe2\x92\xb7\xe2\x92\xb8"),
        HONEST("change_case:english_capital", "{}", "THIS IS A SHORT ENGLISH SENTENCE ABOUT THE WEATHER."),
        HACK("change_case:english_lowercase", "{}", "https://example.com"),
        HONEST("change_case:english_lowercase", "{}", "this is a short english sentence about the weather."),
        HACK("language:response_language", "{\"language\": \"de\"}", "12345 67890"),
        HONEST("language:response_language", "{\"language\": \"de\"}",
               "Das ist ein kurzer deutscher Satz \xc3\xbc" "ber das Wetter."),
        HACK("punctuation:no_comma", "{}", "apples\xef\xbc\x8c pears"),
        HACK("punctuation:no_comma", "{}", "one\xe3\x80\x81two"),
        HACK("punctuation:no_comma", "{}", "one\xd8\x8c two"),
        HACK("punctuation:no_comma", "{}", ZWSP),
        HONEST("punctuation:no_comma", "{}", "Apples and pears are fruit; \xc8\x99i mere."),
        BOTH("punctuation:no_comma", "{}", "a, b", 0, 0),
    };
    RUN(t);
}

#define T3(fn, kw) "{\"func_name\": \"" fn "\"" kw "}"

static void test_tulu3(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK(NULL, T3("verify_keywords", ", \"keyword_list\": [\"art\"]"), "a smart party"),
        HONEST(NULL, T3("verify_keywords", ", \"keyword_list\": [\"art\"]"), "Modern Art rocks."),
        BOTH(NULL, T3("validate_forbidden_words", ", \"forbidden_words\": [\"art\"]"), "a party", 0, 1),
        HACK(NULL, T3("validate_forbidden_words", ", \"forbidden_words\": [\"art\"]"), "nice a" ZWSP "rt"),
        BOTH(NULL, T3("validate_forbidden_words", ", \"forbidden_words\": [\"art\"]"), "nice art", 0, 0),
        HACK(NULL, T3("verify_paragraph_count", ", \"N\": 3"), "One.\n* * *\n" ZWSP "\n* * *\nThree."),
        HONEST(NULL, T3("verify_paragraph_count", ", \"N\": 3"), "One.\n* * *\nTwo.\n* * *\nThree."),
        HACK(NULL, T3("validate_word_constraint", ", \"N\": 5, \"quantifier\": \"at least\""), "- - - - - -"),
        HONEST(NULL, T3("validate_word_constraint", ", \"N\": 5, \"quantifier\": \"at least\""),
               "One two three four five."),
        HACK(NULL, T3("verify_sentence_constraint", ", \"N\": 3, \"quantifier\": \"at least\""), ". . . ."),
        HONEST(NULL, T3("verify_sentence_constraint", ", \"N\": 3, \"quantifier\": \"at least\""),
               "It rained. We stayed in. The sun came out."),
        BOTH(NULL, T3("verify_sentence_constraint", ", \"N\": 2, \"quantifier\": \"at most\""),
             "A. . . .", 0, 0),
        HACK(NULL, T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"First\", \"i\": 2"),
             "Hello.\n\nFirstly we go."),
        HONEST(NULL, T3("validate_paragraphs", ", \"N\": 2, \"first_word\": \"First\", \"i\": 2"),
               "Hello.\n\nFirst, we go."),
        HACK(NULL, T3("verify_postscript", ", \"postscript_marker\": \"P.S.\""), "P.S. hello"),
        HACK(NULL, T3("verify_postscript", ", \"postscript_marker\": \"P.S.\""), "I add a P.S. here."),
        HONEST(NULL, T3("verify_postscript", ", \"postscript_marker\": \"P.S.\""), "Dear Ann.\n\nP.S. Bring tea."),
        HACK(NULL, T3("validate_placeholders", ", \"N\": 2"), "[] [ ]"),
        HONEST(NULL, T3("validate_placeholders", ", \"N\": 2"), "[name] at [place]"),
        HACK(NULL, T3("verify_bullet_points", ", \"N\": 2"), "---\n-5"),
        HONEST(NULL, T3("verify_bullet_points", ", \"N\": 2"), "* one\n* two"),
        HACK(NULL, T3("validate_title", ""), "<<>>"),
        HACK(NULL, T3("validate_title", ""), "<< ... >>"),
        HONEST(NULL, T3("validate_title", ""), "<<A Title>>\ntext"),
        HACK(NULL, T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"), "I say yes and no."),
        HACK(NULL, T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"),
             "Long text that buries yes in the middle of it."),
        HONEST(NULL, T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"), "yes"),
        HONEST(NULL, T3("validate_choice", ", \"options\": [\"yes\", \"no\"]"), "Thinking...\n\n**yes**"),
        HACK(NULL, T3("validate_highlighted_sections", ", \"N\": 2"), "** **"),
        HONEST(NULL, T3("validate_highlighted_sections", ", \"N\": 2"), "*one* and *two*"),
        HACK(NULL, T3("validate_sections", ", \"N\": 2, \"section_splitter\": \"SECTION\""),
             "SECTION text SECTION"),
        HONEST(NULL, T3("validate_sections", ", \"N\": 2, \"section_splitter\": \"SECTION\""),
               "SECTION 1\nfoo\nSECTION 2\nbar"),
        HACK(NULL, T3("validate_json_format", ""), "42"),
        HACK(NULL, T3("validate_json_format", ""), "{}"),
        HACK(NULL, T3("validate_json_format", ""), "[NaN]"),
        HONEST(NULL, T3("validate_json_format", ""), "{\"a\": 1}"),
        HACK(NULL, T3("validate_repeat_prompt", ", \"original_prompt\": \"Say hi.\""), "Say hi."),
        HONEST(NULL, T3("validate_repeat_prompt", ", \"original_prompt\": \"Say hi.\""), "Say hi. Hi!"),
        HACK(NULL, T3("validate_two_responses", ""), "Same.\n******\nsame!"),
        HACK(NULL, T3("validate_two_responses", ""), "\n******\nOnly one."),
        HONEST(NULL, T3("validate_two_responses", ""), "Yes.\n******\nNo."),
        HACK(NULL, T3("validate_uppercase", ""), "123"),
        HONEST(NULL, T3("validate_uppercase", ""), "HELLO THERE."),
        HACK(NULL, T3("validate_lowercase", ""), "123"),
        HONEST(NULL, T3("validate_lowercase", ""), "hello there."),
        HACK(NULL, T3("validate_frequency_capital_words", ", \"N\": 3, \"quantifier\": \"at least\""),
             "I A I go."),
        HONEST(NULL, T3("validate_frequency_capital_words", ", \"N\": 3, \"quantifier\": \"at least\""),
               "NASA ESA CERN"),
        HACK(NULL, T3("validate_end", ", \"end_phrase\": \"ny questions?\""), "Any questions?"),
        HONEST(NULL, T3("validate_end", ", \"end_phrase\": \"Any questions?\""), "Done. **Any questions?**\n"),
        HACK(NULL, T3("validate_quotation", ""), "\""),
        HACK(NULL, T3("validate_quotation", ""), "\"\""),
        HONEST(NULL, T3("validate_quotation", ""), "\u201cHi there.\u201d"),
        HACK(NULL, T3("validate_no_commas", ""), "a\xef\xbc\x8c b"),
        HACK(NULL, T3("validate_no_commas", ""), ""),
        HONEST(NULL, T3("validate_no_commas", ""), "No commas here."),
    };
    RUN(t);
}

#define IT(id, kw) "{\"suite\": \"iftrain\", \"instruction_id_list\": [\"" id "\"], \"kwargs\": [" kw "]}"

static void test_iftrain(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK(NULL, IT("keywords:word_once", "{\"keyword\": \"dark\"}"), "darkness falls"),
        HONEST(NULL, IT("keywords:word_once", "{\"keyword\": \"dark\"}"), "It was Dark."),
        BOTH(NULL, IT("keywords:word_once", "{\"keyword\": \"dark\"}"), "dark and darkness", 0, 1),
        HACK(NULL, IT("keywords:word_count_different_numbers",
                      "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"at least\"}"),
             "smart start"),
        HONEST(NULL, IT("keywords:word_count_different_numbers",
                        "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"at least\"}"),
               "Art, and more art."),
        HACK(NULL, IT("keywords:exclude_word_harder", "{\"keyword\": \"cat\"}"), "I own a cat."),
        HACK(NULL, IT("keywords:exclude_word_harder", "{\"keyword\": \"cat\"}"), "Cat food is here"),
        HONEST(NULL, IT("keywords:exclude_word_harder", "{\"keyword\": \"cat\"}"), "I own a dog and a catalog."),
        HACK(NULL, IT("keywords:palindrome", "{}"), "I saw a cat."),
        HONEST(NULL, IT("keywords:palindrome", "{}"), "The Racecar, again."),
        HONEST(NULL, IT("keywords:palindrome", "{}"), "We said wow."),
        HACK(NULL, IT("keywords:start_end", "{}"), "... a b c ..."),
        HONEST(NULL, IT("keywords:start_end", "{}"), "Hello there, I say hello."),
        HACK(NULL, IT("detectable_format:square_brackets", "{}"), "[] []"),
        HONEST(NULL, IT("detectable_format:square_brackets", "{}"), "[Hello] [world.]"),
        HACK(NULL, IT("detectable_format:bigram_wrapping", "{}"), "<<a>> <<b>>"),
        HACK(NULL, IT("detectable_format:bigram_wrapping", "{}"), "<<a b>> c"),
        HONEST(NULL, IT("detectable_format:bigram_wrapping", "{}"), "<<I am>> <<very happy>>"),
        HONEST(NULL, IT("detectable_format:bigram_wrapping", "{}"), "<<I am>> <<happy>>"),
        HACK(NULL, IT("paragraphs:paragraphs", "{}"), "One.\n***\n" ZWSP),
        HONEST(NULL, IT("paragraphs:paragraphs", "{}"), "One.\n***\nTwo."),
        HACK(NULL, IT("paragraphs:paragraphs2", "{}"), "One.\n\n---"),
        HONEST(NULL, IT("paragraphs:paragraphs2", "{}"), "One.\n\nTwo."),
        BOTH(NULL, IT("first_word:first_word_answer", "{\"first_word\": \"yes\"}"), "**Yes**, indeed.", 0, 1),
        BOTH(NULL, IT("first_word:first_word_answer", "{\"first_word\": \"yes\"}"), "Yesterday.", 0, 0),
        HACK(NULL, IT("punctuation:punctuation_dot", "{}"), "Hi\xef\xbc\x8e there\xe3\x80\x82"),
        HACK(NULL, IT("punctuation:punctuation_dot", "{}"), "Wait\xe2\x80\xa6"),
        HONEST(NULL, IT("punctuation:punctuation_dot", "{}"), "No full stops here"),
        HACK(NULL, IT("punctuation:punctuation_exclamation", "{}"), "Wow\xef\xbc\x81"),
        HACK(NULL, IT("punctuation:punctuation_exclamation", "{}"), "Wow\xe2\x80\xbc"),
        HONEST(NULL, IT("punctuation:punctuation_exclamation", "{}"), "Calm words."),
        HACK(NULL, IT("count:count_unique", "{}"), "The cat saw the dog"),
        HONEST(NULL, IT("count:count_unique", "{}"), "One cat. Two dogs."),
        HACK(NULL, IT("count:count_increment_word", "{\"keyword1\": \"sign\", \"keyword2\": \"art\"}"),
             "a signal, smart start"),
        HONEST(NULL, IT("count:count_increment_word", "{\"keyword1\": \"sign\", \"keyword2\": \"art\"}"),
               "A sign of art, pure art."),
        HACK(NULL, IT("letters:letter_counting2", "{\"letter\": \"e\", \"let_frequency\": 2, \"let_relation\": \"less than\"}"),
             "caf\xc3\xa9 caf\xc3\xa9"),
        HONEST(NULL, IT("letters:letter_counting2", "{\"letter\": \"e\", \"let_frequency\": 2, \"let_relation\": \"less than\"}"),
               "A cat sat."),
    };
    RUN(t);
}

#define IB(id, kw) "{\"suite\": \"ifbench\", \"instruction_id_list\": [\"" id "\"], \"kwargs\": [" kw "]}"

static void test_ifbench(void **state)
{
    (void)state;
    static const pcase t[] = {
        HACK(NULL, IB("ratio:sentence_type", "{}"), "Hi there"),
        HONEST(NULL, IB("ratio:sentence_type", "{}"), "It rains. It pours. Why?"),
        HACK(NULL, IB("ratio:sentence_balance", "{}"), "no endings here"),
        HONEST(NULL, IB("ratio:sentence_balance", "{}"), "It rains. Why? Wow!"),
        HACK(NULL, IB("ratio:sentence_words", "{}"), "The cat sat. The cat sat. The cat sat."),
        HONEST(NULL, IB("ratio:sentence_words", "{}"), "The cat sat. The dog ran. Owls hooted."),
        HACK(NULL, IB("format:thesis", "{}"), "<em></em> more"),
        HACK(NULL, IB("format:thesis", "{}"), "<i> ... </i> text"),
        HONEST(NULL, IB("format:thesis", "{}"), "<i>Cats rule.</i> Here is why."),
        HONEST(NULL, IB("format:thesis", "{}"), "<em>Cats rule.</em> Here is why."),
        HACK(NULL, IB("format:sub-bullets", "{}"), "No bullets at all."),
        HONEST(NULL, IB("format:sub-bullets", "{}"), "* Fruit\n  - apple\n* Veg\n  - leek"),
        HACK(NULL, IB("format:output_template", "{}"), "See My Answer: My Conclusion: Future Outlook:"),
        HACK(NULL, IB("format:output_template", "{}"), "My Answer:\nMy Conclusion:\nFuture Outlook:"),
        HONEST(NULL, IB("format:output_template", "{}"),
               "My Answer: yes.\n\nMy Conclusion: it works.\n\n**Future Outlook:** bright."),
        HACK(NULL, IB("format:no_whitespace", "{}"), "one" ZWSP "two"),
        HONEST(NULL, IB("format:no_whitespace", "{}"), "one_two-three"),
        HACK(NULL, IB("words:palindrome", "{}"),
             "level level level level level level level level level level"),
        HONEST(NULL, IB("words:palindrome", "{}"),
               "level radar civic kayak refer rotor madam stats tenet racecar"),
        HACK(NULL, IB("words:prime_lengths", "{}"), "..."),
        HONEST(NULL, IB("words:prime_lengths", "{}"), "An owl is awake."),
        HACK(NULL, IB("words:alphabet", "{}"), "Apple"),
        HONEST(NULL, IB("words:alphabet", "{}"), "Alice bakes cakes."),
        HACK(NULL, IB("count:unique_word_count", "{\"N\": 4}"), "cat ... 123 456"),
        HONEST(NULL, IB("count:unique_word_count", "{\"N\": 4}"), "Cats eat fresh fish."),
        HACK(NULL, IB("count:conjunctions", "{\"small_n\": 3}"), "and And and,"),
        HONEST(NULL, IB("count:conjunctions", "{\"small_n\": 3}"), "Tea and cake, but no jam, or bread."),
        HACK(NULL, IB("count:keywords_multiple",
                      "{\"keyword1\": \"q\", \"keyword2\": \"door\", \"keyword3\": \"mm\", "
                      "\"keyword4\": \"ff\", \"keyword5\": \"kk\"}"),
             "q doorway door mm mm mm ff ff ff ff ff kk kk kk kk kk kk kk"),
        HONEST(NULL, IB("count:keywords_multiple",
                        "{\"keyword1\": \"q\", \"keyword2\": \"door\", \"keyword3\": \"mm\", "
                        "\"keyword4\": \"ff\", \"keyword5\": \"kk\"}"),
               "q door door mm mm mm ff ff ff ff ff kk kk kk kk kk kk kk"),
        HACK(NULL, IB("sentence:increment", "{\"small_n\": 2}"), "Just one sentence here."),
        HONEST(NULL, IB("sentence:increment", "{\"small_n\": 2}"), "I ran. I ran very fast."),
        HACK(NULL, IB("sentence:alliteration_increment", "{}"), "One sentence only."),
        HACK(NULL, IB("words:odd_even_syllables", "{}"), "Hello"),
        HONEST(NULL, IB("words:odd_even_syllables", "{}"), "Hello cat"),
        HACK(NULL, IB("words:last_first", "{}"), "Only one sentence here."),
        HONEST(NULL, IB("words:last_first", "{}"), "I like tea. Tea is warm."),
        HACK(NULL, IB("count:words_japanese", "{\"N\": 3}"), "Hi there"),
        HONEST(NULL, IB("count:words_japanese", "{\"N\": 2}"), "Hello \xe6\x97\xa5\xe6\x9c\xac"),
        HACK(NULL, IB("repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem.\"}"),
             "write a poem."),
        HONEST(NULL, IB("repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem.\"}"),
               "Compose a poem."),
    };
    RUN(t);
}

static void test_loose_parking(void **state)
{
    (void)state;
    /* loose mode in precise drops only a short framing first/last line */
    const char *comma = "Sure, here it is:\nApples and pears are fruit.";
    assert_int_equal(verdict("punctuation:no_comma", "{}", comma, 1, 0), 0);
    assert_int_equal(verdict("punctuation:no_comma", "{}", comma, 1, 1), 1);
    const char *longc = "Here is one, two, three, four, five, six, seven, eight, nine, ten, "
                        "eleven, twelve, thirteen, fourteen, fifteen, sixteen words\nApples and pears.";
    assert_int_equal(verdict("punctuation:no_comma", "{}", longc, 0, 1), 1);
    assert_int_equal(verdict("punctuation:no_comma", "{}", longc, 1, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keywords),
        cmocka_unit_test(test_content),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_combination_startend),
        cmocka_unit_test(test_length_case_punct),
        cmocka_unit_test(test_tulu3),
        cmocka_unit_test(test_iftrain),
        cmocka_unit_test(test_ifbench),
        cmocka_unit_test(test_loose_parking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
