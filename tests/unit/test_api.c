/*
 * test_api.c - the public API: spec formats, errors with paths, scoring modes,
 * the blank gate, loose variants, aggregation, guards, results, batch, options.
 * Uses punctuation:no_comma and length_constraints:number_words as probes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ifreward.h"
#include <stdio.h>

#define NOCOMMA "{\"instruction_id_list\":[\"punctuation:no_comma\"],\"kwargs\":[{}]}"
#define WORDS(rel, n)                                                                       \
    "{\"instruction_id_list\":[\"length_constraints:number_words\"],\"kwargs\":[{\"relation\":\"" rel \
    "\",\"num_words\":" #n "}]}"

static ifr_spec *compile_ok(const char *json, const ifr_options *opts)
{
    ifr_spec *s = NULL;
    ifr_error err;
    memset(&err, 0x5a, sizeof err);
    int rc = ifr_spec_compile(&s, json, strlen(json), opts, &err);
    if (rc != IFR_OK)
        fail_msg("compile failed (%d): %s at %s for %s", rc, err.message, err.path, json);
    assert_int_equal(err.code, IFR_OK);
    return s;
}

static void expect_error(const char *json, int code, const char *path)
{
    ifr_spec *s = (ifr_spec *)(uintptr_t)1;
    ifr_error err;
    memset(&err, 0x5a, sizeof err);
    int rc = ifr_spec_compile(&s, json, strlen(json), NULL, &err);
    if (rc != code)
        fail_msg("expected %d, got %d (%s) for %s", code, rc, err.message, json);
    assert_null(s);
    assert_int_equal(err.code, code);
    assert_true(strlen(err.message) > 0);
    assert_true(strlen(err.message) < sizeof err.message);
    if (path)
        assert_string_equal(err.path, path);
}

/* followed? (strict or loose) for one spec and text */
static int verdict(const char *spec_json, const char *text, size_t len, unsigned flags)
{
    ifr_spec *s = compile_ok(spec_json, NULL);
    ifr_result *r = NULL;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    ifr_error err;
    assert_int_equal(ifr_check(r, s, text, len, flags, &err), IFR_OK);
    int v = ifr_result_all_followed(r);
    ifr_result_free(r);
    ifr_spec_free(s);
    return v;
}
#define V(spec, lit, flags) verdict(spec, lit, sizeof(lit) - 1, flags)

/* MARK: spec formats ------------------------------------------------------ */

static void test_spec_formats(void **state)
{
    (void)state;
    static const char *const forms[] = {
        NOCOMMA,
        "{\"key\": 3, \"prompt\": \"p\", \"instruction_id_list\":[\"punctuation:no_comma\"],"
        "\"kwargs\":[{\"num_words\": null}]}",
        "[{\"instruction_id\":[\"punctuation:no_comma\"],\"kwargs\":[null]}]",
        "[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]",
        "\"[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [{}]}]\"",
        "{\"ground_truth\": \"[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]\"}",
        "{\"ground_truth\": [{\"instruction_id\": \"punctuation:no_comma\", \"kwargs\": {}}]}",
        "{\"suite\": \"ifeval\", \"instruction_id_list\":[\"punctuation:no_comma\"]}",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        ifr_spec *s = compile_ok(forms[i], NULL);
        assert_int_equal(ifr_spec_count(s), 1);
        assert_string_equal(ifr_spec_id(s, 0), "punctuation:no_comma");
        assert_string_equal(ifr_spec_suite(s, 0), "ifeval");
        assert_null(ifr_spec_id(s, 1));
        ifr_spec_free(s);
    }
    /* Tulu 3 rows: row keys are not kwargs; ground_truth wins over a top-level func_name */
    static const char *const t3[] = {
        "{\"uid\": \"u\", \"func_name\": \"validate_no_commas\", \"response\": \"x\"}",
        "{\"uid\": \"u\", \"cid\": \"c\", \"func_name\": \"validate_no_commas\","
        " \"ground_truth\": \"{\\\"func_name\\\": \\\"validate_no_commas\\\", \\\"N\\\": null}\"}",
    };
    for (size_t i = 0; i < 2; i++) {
        ifr_spec *s3 = compile_ok(t3[i], NULL);
        assert_int_equal(ifr_spec_count(s3), 1);
        assert_string_equal(ifr_spec_id(s3, 0), "validate_no_commas");
        assert_string_equal(ifr_spec_suite(s3, 0), "tulu3");
        ifr_spec_free(s3);
    }
    expect_error("{\"func_name\": \"validate_no_commas\", \"N\": 3}", IFR_E_KWARGS, "/N");

    /* Python literal with escapes, tuples, adjacent strings and numbers */
    ifr_spec *s = compile_ok("[{'instruction_id': ('length_constraints:number_words',), "
                             "'kwargs': [{'relation': 'at ' 'least', 'num_words': 2.0}]}]",
                             NULL);
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    assert_int_equal(ifr_check(r, s, "one two", 7, 0, NULL), IFR_OK);
    assert_true(ifr_result_followed(r, 0));
    assert_int_equal(ifr_check(r, s, "one", 3, 0, NULL), IFR_OK);
    assert_false(ifr_result_followed(r, 0));
    assert_non_null(strstr(ifr_result_detail(r, 0), "needs at least 2"));
    ifr_result_free(r);
    ifr_spec_free(s);
}

static void test_spec_errors(void **state)
{
    (void)state;
    expect_error("{\"instruction_id_list\":[\"punctuation:no_comma\"],", IFR_E_JSON, NULL);
    expect_error("", IFR_E_JSON, NULL);
    expect_error("42", IFR_E_SPEC, NULL);
    expect_error("{\"prompt\": \"x\"}", IFR_E_SPEC, "/");
    expect_error("[]", IFR_E_SPEC, NULL);
    expect_error("{\"instruction_id_list\":[\"punctuation:no_comma\"],\"kwargs\":[{},{}]}",
                 IFR_E_SPEC, "/kwargs");
    expect_error("{\"instruction_id_list\":[7]}", IFR_E_SPEC, "/instruction_id_list/0");
    expect_error("{\"instruction_id_list\":[\"punctuation:no_comma\", \"no:such\"],"
                 "\"kwargs\":[{},{}]}",
                 IFR_E_UNKNOWN, "/instruction_id_list/1");
    expect_error("{\"suite\":\"nope\",\"instruction_id_list\":[\"punctuation:no_comma\"]}",
                 IFR_E_SPEC, "/suite");
    /* kwargs: missing, ill-typed, non-integral, unexpected, bad relation */
    expect_error("{\"instruction_id_list\":[\"length_constraints:number_words\"],"
                 "\"kwargs\":[{\"relation\":\"at least\"}]}",
                 IFR_E_KWARGS, "/kwargs/0/num_words");
    expect_error("{\"instruction_id_list\":[\"length_constraints:number_words\"],"
                 "\"kwargs\":[{\"relation\":\"at least\",\"num_words\":\"5\"}]}",
                 IFR_E_KWARGS, "/kwargs/0/num_words");
    expect_error("{\"instruction_id_list\":[\"length_constraints:number_words\"],"
                 "\"kwargs\":[{\"relation\":\"at least\",\"num_words\":5.5}]}",
                 IFR_E_KWARGS, "/kwargs/0/num_words");
    expect_error(WORDS("more than", 5), IFR_E_KWARGS, "/kwargs/0/relation");
    expect_error("{\"instruction_id_list\":[\"punctuation:no_comma\"],\"kwargs\":[{\"x\":1}]}",
                 IFR_E_KWARGS, "/kwargs/0/x");
    expect_error("{\"ground_truth\": \"[{'instruction_id': ['length_constraints:number_words'],"
                 " 'kwargs': [{'relation': 'at least', 'num_words': True}]}]\"}",
                 IFR_E_KWARGS, "/ground_truth/0/kwargs/0/num_words");
    /* a Python-literal number longer than the parser's buffer is an error, also
     * when an exponent sign lands on the buffer's last byte (fuzz_spec found the
     * overflow: tests/fuzz/regressions/spec/number-exponent-sign-at-buffer-end) */
    {
        char lit[400];
        snprintf(lit, sizeof lit,
                 "{\"ground_truth\": \"[{'instruction_id': ['length_constraints:number_words'],"
                 " 'kwargs': [{'relation': 'at least', 'num_words': %s}]}]\"}",
                 "1111111111111111111111111111111111111111111111111111111111111E+5");
        ifr_spec *sp = NULL;
        ifr_error e;
        assert_int_equal(ifr_spec_compile(&sp, lit, strlen(lit), NULL, &e), IFR_E_JSON);
        assert_non_null(strstr(e.message, "number too long"));
        assert_null(sp);
    }
    /* error struct gets the instruction index */
    ifr_spec *s;
    ifr_error err;
    memset(&err, 0x5a, sizeof err);
    const char *j = "{\"instruction_id_list\":[\"punctuation:no_comma\",\"x:y\"],\"kwargs\":[{},{}]}";
    assert_int_equal(ifr_spec_compile(&s, j, strlen(j), NULL, &err), IFR_E_UNKNOWN);
    assert_int_equal(err.instruction, 1);
    /* JSON syntax errors carry a byte offset */
    j = "{\"instruction_id_list\": [\"a\",, \"b\"]}";
    /*   {"instruction_id_list": ["a",, "b"]}
     *                                ^ offset 29 (neither JSON nor a Python literal) */
    assert_int_equal(ifr_spec_compile(&s, j, strlen(j), NULL, &err), IFR_E_JSON);
    assert_true(err.offset >= 29 && err.offset <= 31);
    /* NULL arguments */
    assert_int_equal(ifr_spec_compile(NULL, j, strlen(j), NULL, NULL), IFR_E_INVALID);
    assert_int_equal(ifr_spec_compile(&s, NULL, 5, NULL, NULL), IFR_E_INVALID);
}

static void test_spec_limits(void **state)
{
    (void)state;
    ifr_options *o;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    ifr_spec *s;
    ifr_error err;
    /* size */
    assert_int_equal(ifr_options_set(o, IFR_OPT_MAX_SPEC_BYTES, 16), IFR_OK);
    assert_int_equal(ifr_spec_compile(&s, NOCOMMA, strlen(NOCOMMA), o, &err), IFR_E_LIMIT);
    assert_int_equal(ifr_options_set(o, IFR_OPT_MAX_SPEC_BYTES, 1 << 20), IFR_OK);
    /* nesting: 100 levels inside a kwarg */
    char deep[512];
    size_t n = (size_t)snprintf(deep, sizeof deep,
                                "{\"instruction_id_list\":[\"punctuation:no_comma\"],\"kwargs\":[{\"x\":");
    for (int i = 0; i < 100; i++)
        deep[n++] = '[';
    for (int i = 0; i < 100; i++)
        deep[n++] = ']';
    memcpy(deep + n, "}]}", 4);
    assert_int_equal(ifr_spec_compile(&s, deep, strlen(deep), o, &err), IFR_E_LIMIT);
    /* a million levels must not crash either */
    size_t big = 2000000;
    char *huge = malloc(big + 1);
    assert_non_null(huge);
    memset(huge, '[', big);
    huge[big] = '\0';
    assert_int_equal(ifr_options_set(o, IFR_OPT_MAX_SPEC_BYTES, 1 << 22), IFR_OK);
    int rc = ifr_spec_compile(&s, huge, big, o, &err);
    assert_true(rc == IFR_E_LIMIT || rc == IFR_E_JSON);
    free(huge);
    /* instruction count */
    assert_int_equal(ifr_options_set(o, IFR_OPT_MAX_INSTRUCTIONS, 2), IFR_OK);
    const char *three = "{\"instruction_id_list\":[\"punctuation:no_comma\",\"punctuation:no_comma\","
                        "\"punctuation:no_comma\"]}";
    assert_int_equal(ifr_spec_compile(&s, three, strlen(three), o, &err), IFR_E_LIMIT);
    /* option bounds */
    assert_int_equal(ifr_options_set(o, IFR_OPT_SEMANTICS, 7), IFR_E_INVALID);
    assert_int_equal(ifr_options_set(o, (ifr_option)999, 0), IFR_E_INVALID);
    int64_t v = -1;
    assert_int_equal(ifr_options_get(o, IFR_OPT_MAX_INSTRUCTIONS, &v), IFR_OK);
    assert_int_equal(v, 2);
    assert_int_equal(ifr_options_get(NULL, IFR_OPT_MAX_DEPTH, &v), IFR_OK);
    assert_int_equal(v, 64);
    ifr_options_free(o);
    ifr_options_free(NULL);
}

static void test_on_error_mark(void **state)
{
    (void)state;
    ifr_options *o;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_ON_ERROR, IFR_ON_ERROR_MARK), IFR_OK);
    const char *j = "{\"instruction_id_list\":[\"punctuation:no_comma\",\"x:y\","
                    "\"length_constraints:number_words\"],\"kwargs\":[{},{},{\"relation\":\"at most\","
                    "\"num_words\":1}]}";
    ifr_spec *s;
    ifr_error err;
    assert_int_equal(ifr_spec_compile(&s, j, strlen(j), o, &err), IFR_OK);
    assert_int_equal(ifr_spec_count(s), 3);
    assert_int_equal(ifr_spec_error(s, 0, &err), IFR_OK);
    assert_int_equal(ifr_spec_error(s, 1, &err), IFR_E_UNKNOWN);
    assert_int_equal(ifr_spec_error(s, 2, &err), IFR_E_KWARGS);
    assert_string_equal(err.path, "/kwargs/2/relation");
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    assert_int_equal(ifr_check(r, s, "fine", 4, 0, NULL), IFR_OK);
    assert_true(ifr_result_followed(r, 0));
    assert_false(ifr_result_followed(r, 1));
    assert_int_equal(ifr_result_status(r, 1), IFR_E_UNKNOWN);
    assert_int_equal(ifr_result_status(r, 2), IFR_E_KWARGS);
    assert_false(ifr_result_all_followed(r));
    assert_true(strstr(ifr_result_detail(r, 1), "not evaluated") != NULL);
    ifr_result_free(r);
    ifr_spec_free(s);
    ifr_options_free(o);
}

/* MARK: scoring ----------------------------------------------------------- */

static void test_blank_gate(void **state)
{
    (void)state;
    /* a blank response fails even "no comma" */
    assert_false(V(NOCOMMA, "", 0));
    assert_false(V(NOCOMMA, "  \n\t ", 0));
    assert_false(V(NOCOMMA, "\xc2\xa0", 0));          /* NBSP is whitespace for Python */
    assert_false(V(NOCOMMA, "\x1c\x1d", 0));          /* so are the separators */
    assert_true(V(NOCOMMA, "\xe2\x80\x8b", 0));        /* ZWSP is not: compat passes */
    assert_true(V(NOCOMMA, "\xef\xbb\xbf", 0));        /* nor is a BOM */
    assert_false(V(WORDS("less than", 5), "", 0));
    assert_false(V(WORDS("less than", 5), "", IFR_CHECK_LOOSE));
    assert_true(V(WORDS("less than", 5), "a b", 0));
}

static int verdict_opts(const char *spec_json, const char *text, size_t len, unsigned flags,
                        int semantics)
{
    ifr_options *o;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_SEMANTICS, semantics), IFR_OK);
    ifr_spec *s = compile_ok(spec_json, o);
    ifr_result *r = NULL;
    assert_int_equal(ifr_result_new(&r, o), IFR_OK);
    assert_int_equal(ifr_check(r, s, text, len, flags, NULL), IFR_OK);
    int v = ifr_result_all_followed(r);
    ifr_result_free(r);
    ifr_spec_free(s);
    ifr_options_free(o);
    return v;
}
#define VP(spec, lit, flags) verdict_opts(spec, lit, sizeof(lit) - 1, flags, IFR_SEMANTICS_PRECISE)
#define VC(spec, lit, flags) verdict_opts(spec, lit, sizeof(lit) - 1, flags, IFR_SEMANTICS_COMPAT)

static void test_precise_gate(void **state)
{
    (void)state;
    /* invisible-only responses pass "no comma" / "fewer than" in compat, not in precise */
    static const char *const invisible[] = {"\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x80\x8d\xe2\x81\xa0",
                                            "\xc2\xad", "\xe3\x85\xa4", "\xe2\xa0\x80 \xe2\x80\x8b"};
    for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
        size_t n = strlen(invisible[i]);
        assert_true(verdict_opts(NOCOMMA, invisible[i], n, 0, IFR_SEMANTICS_COMPAT));
        assert_false(verdict_opts(NOCOMMA, invisible[i], n, 0, IFR_SEMANTICS_PRECISE));
        assert_false(verdict_opts(NOCOMMA, invisible[i], n, IFR_CHECK_LOOSE, IFR_SEMANTICS_PRECISE));
        assert_false(verdict_opts(WORDS("less than", 5), invisible[i], n, 0, IFR_SEMANTICS_PRECISE));
    }
    /* honest short answers still pass */
    assert_true(VP(NOCOMMA, "No.", 0));
    assert_true(VP(NOCOMMA, "\xe2\x80\x8bYes", 0));
    assert_true(VP(WORDS("less than", 5), "\xe4\xbd\xa0\xe5\xa5\xbd", 0));
    /* tulu3 has no blank gate in compat; precise adds it */
    const char *t3 = "{\"func_name\": \"validate_no_commas\"}";
    assert_true(VC(t3, "", 0));
    assert_false(VP(t3, "", 0));
    assert_true(VP(t3, "plain words", 0));
}

static void test_precise_loose(void **state)
{
    (void)state;
    /* a short framing line may be dropped in precise loose mode */
    const char framing[] = "Sure, here it is:\nno commas at all\nthat is all";
    assert_true(VP(NOCOMMA, framing, IFR_CHECK_LOOSE));
    const char tail[] = "no commas in the body\nThanks, bye";
    assert_true(VP(NOCOMMA, tail, IFR_CHECK_LOOSE));
    /* a long line that breaks the instruction is not forgiven */
    const char parked[] = "one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, "
                          "thirteen, fourteen, fifteen, sixteen\nclean body";
    assert_true(VC(NOCOMMA, parked, IFR_CHECK_LOOSE));
    assert_false(VP(NOCOMMA, parked, IFR_CHECK_LOOSE));
    const char parked_last[] = "clean body\none, two, three, four, five, six, seven, eight, nine, ten, "
                               "eleven, twelve, thirteen, fourteen, fifteen, sixteen";
    assert_true(VC(NOCOMMA, parked_last, IFR_CHECK_LOOSE));
    assert_false(VP(NOCOMMA, parked_last, IFR_CHECK_LOOSE));
    /* removing '*' must not help a rule that counts '*' markup (IFR_CHECKER_MARKUP) */
    const char *bullets = "{\"instruction_id_list\":[\"detectable_format:number_bullet_lists\"],"
                          "\"kwargs\":[{\"num_bullets\":2}]}";
    const char three[] = "Intro:\n* a\n- b\n- c\nDone.";
    assert_true(VC(bullets, three, IFR_CHECK_LOOSE));
    assert_false(VP(bullets, three, IFR_CHECK_LOOSE));
    assert_true(VP(bullets, "* a\n* b", IFR_CHECK_LOOSE));
    /* the no-star variant is still allowed */
    assert_true(VP(WORDS("at least", 2), "**bold** words", IFR_CHECK_LOOSE));
}

static void test_loose_variants(void **state)
{
    (void)state;
    const char two[] = "Sure, here it is:\nno commas at all\nthat's it";
    assert_false(V(NOCOMMA, two, 0));
    assert_true(V(NOCOMMA, two, IFR_CHECK_LOOSE));      /* drop the first line */
    const char last[] = "no commas here\nbye, now";
    assert_true(V(NOCOMMA, last, IFR_CHECK_LOOSE));     /* drop the last line */
    const char both[] = "a, b\nclean\nc, d";
    assert_true(V(NOCOMMA, both, IFR_CHECK_LOOSE));     /* drop both */
    const char one[] = "a, b";
    assert_false(V(NOCOMMA, one, IFR_CHECK_LOOSE));     /* one line: nothing left */
    const char crlf[] = "a, b\r\nclean";                /* lines split on \n only */
    assert_true(V(NOCOMMA, crlf, IFR_CHECK_LOOSE));
    const char mid[] = "x\ny, z\nw";
    assert_false(V(NOCOMMA, mid, IFR_CHECK_LOOSE));

    /* the detail names the variant that passed */
    ifr_spec *s = compile_ok(NOCOMMA, NULL);
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    assert_int_equal(ifr_check(r, s, two, sizeof two - 1, IFR_CHECK_LOOSE, NULL), IFR_OK);
    assert_non_null(strstr(ifr_result_detail(r, 0), "loose: without the first line"));
    assert_int_equal(ifr_check(r, s, two, sizeof two - 1, 0x80, NULL), IFR_E_INVALID);
    ifr_result_free(r);
    ifr_spec_free(s);
}

static void test_aggregation_and_json(void **state)
{
    (void)state;
    const char *j = "{\"instruction_id_list\":[\"punctuation:no_comma\","
                    "\"length_constraints:number_words\",\"length_constraints:number_words\"],"
                    "\"kwargs\":[{},{\"relation\":\"at least\",\"num_words\":3},"
                    "{\"relation\":\"less than\",\"num_words\":3}]}";
    ifr_spec *s = compile_ok(j, NULL);
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    assert_int_equal(ifr_check(r, s, "one two three \"x\"", 17, 0, NULL), IFR_OK);
    assert_int_equal(ifr_result_count(r), 3);
    assert_true(ifr_result_followed(r, 0));
    assert_true(ifr_result_followed(r, 1));
    assert_false(ifr_result_followed(r, 2));
    assert_false(ifr_result_all_followed(r));
    assert_true(ifr_result_reward(r, IFR_AGGREGATE_ALL) == 0.0);
    assert_true(ifr_result_reward(r, IFR_AGGREGATE_FRACTION) > 0.66 &&
                ifr_result_reward(r, IFR_AGGREGATE_FRACTION) < 0.67);
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(ifr_result_json(r, IFR_AGGREGATE_ALL, &buf, &len), IFR_OK);
    assert_int_equal(strlen(buf), len);
    assert_non_null(strstr(buf, "\"follow_instruction_list\": [true, true, false]"));
    assert_non_null(strstr(buf, "needs fewer than 3"));
    ifr_free(buf);
    ifr_free(NULL);
    /* out-of-range getters are safe */
    assert_int_equal(ifr_result_followed(r, 99), 0);
    assert_int_equal(ifr_result_status(r, 99), IFR_E_INVALID);
    assert_string_equal(ifr_result_detail(r, 99), "");
    assert_int_equal(ifr_result_count(NULL), 0);
    /* one-shot */
    double reward = -1;
    assert_int_equal(ifr_score(j, strlen(j), "a b", 3, 0, IFR_AGGREGATE_FRACTION, NULL, &reward,
                               NULL),
                     IFR_OK);
    assert_true(reward > 0.66 && reward < 0.67);
    assert_int_equal(ifr_score("{", 1, "a", 1, 0, 0, NULL, &reward, NULL), IFR_E_JSON);
    assert_true(reward == 0.0);
    ifr_result_free(r);
    ifr_spec_free(s);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    /* invalid UTF-8 and NULs are text, never an error */
    const char bad[] = "ok \xff\xfe \xc3 \xed\xa0\x80 \0 end";
    assert_true(V(NOCOMMA, bad, 0));
    const char badc[] = "\xff,";
    assert_false(V(NOCOMMA, badc, 0));
    assert_true(V(WORDS("at least", 3), "a\0b\0c", 0));
}

static void test_guards(void **state)
{
    (void)state;
    ifr_options *o;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_GUARDS,
                                     IFR_GUARD_EMPTY | IFR_GUARD_TRUNCATED | IFR_GUARD_REPETITION),
                     IFR_OK);
    ifr_spec *s = compile_ok(NOCOMMA, NULL);
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, o), IFR_OK);
    /* no word characters: ZWSP passes no_comma in compat, the guard zeroes it */
    assert_int_equal(ifr_check(r, s, "\xe2\x80\x8b", 3, 0, NULL), IFR_OK);
    assert_true(ifr_result_followed(r, 0));
    assert_int_equal(ifr_result_guard(r), IFR_GUARD_EMPTY);
    assert_true(ifr_result_reward(r, IFR_AGGREGATE_ALL) == 0.0);
    assert_false(ifr_result_all_followed(r));
    /* truncation only when the caller says the generation was cut */
    const char cut[] = "```python\nprint(1)";
    assert_int_equal(ifr_check(r, s, cut, sizeof cut - 1, 0, NULL), IFR_OK);
    assert_int_equal(ifr_result_guard(r), 0);
    assert_int_equal(ifr_check(r, s, cut, sizeof cut - 1, IFR_CHECK_TRUNCATED, NULL), IFR_OK);
    assert_int_equal(ifr_result_guard(r), IFR_GUARD_TRUNCATED);
    const char whole[] = "```python\nprint(1)\n```";
    assert_int_equal(ifr_check(r, s, whole, sizeof whole - 1, IFR_CHECK_TRUNCATED, NULL), IFR_OK);
    assert_int_equal(ifr_result_guard(r), 0);
    /* degenerate repetition */
    const char rep[] = "buy now buy now buy now buy now buy now buy now buy now buy now";
    assert_int_equal(ifr_check(r, s, rep, sizeof rep - 1, 0, NULL), IFR_OK);
    assert_int_equal(ifr_result_guard(r), IFR_GUARD_REPETITION);
    const char honest[] = "The quick brown fox jumps over the lazy dog while the cat sleeps";
    assert_int_equal(ifr_check(r, s, honest, sizeof honest - 1, 0, NULL), IFR_OK);
    assert_int_equal(ifr_result_guard(r), 0);
    assert_true(ifr_result_reward(r, IFR_AGGREGATE_ALL) == 1.0);
    ifr_result_free(r);
    ifr_spec_free(s);
    ifr_options_free(o);
}

static void test_preprocess_open_instruct(void **state)
{
    (void)state;
    ifr_options *o;
    assert_int_equal(ifr_options_new(&o, NULL), IFR_OK);
    assert_int_equal(ifr_options_set(o, IFR_OPT_PREPROCESS, IFR_PREPROCESS_OPEN_INSTRUCT), IFR_OK);
    ifr_spec *s = compile_ok(WORDS("less than", 3), o);
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    const char t[] = "<|assistant|><think>many many words, here</think> <answer>two words</answer> ";
    assert_int_equal(ifr_check(r, s, t, sizeof t - 1, 0, NULL), IFR_OK);
    assert_true(ifr_result_followed(r, 0));
    const char e[] = "<think>reasoning</think>  <answer></answer>";
    assert_int_equal(ifr_check(r, s, e, sizeof e - 1, 0, NULL), IFR_OK);
    assert_false(ifr_result_followed(r, 0));
    assert_non_null(strstr(ifr_result_detail(r, 0), "empty after"));
    ifr_result_free(r);
    ifr_spec_free(s);
    ifr_options_free(o);
}

static void test_batch_matches_sequential(void **state)
{
    (void)state;
    enum { N = 200 };
    ifr_spec *specs[3] = {compile_ok(NOCOMMA, NULL), compile_ok(WORDS("at least", 4), NULL),
                          compile_ok(WORDS("less than", 4), NULL)};
    const ifr_spec *ps[N];
    const char *texts[N];
    size_t lens[N];
    static const char *const pool[] = {"a, b", "one two three four", "x", "",
                                       "many words in this one here", "\xff\xfe, z"};
    for (int i = 0; i < N; i++) {
        ps[i] = specs[i % 3];
        texts[i] = pool[i % 6];
        lens[i] = strlen(pool[i % 6]);
    }
    double seq[N], par[N];
    int codes[N];
    unsigned char all[N];
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, NULL), IFR_OK);
    for (int i = 0; i < N; i++) {
        assert_int_equal(ifr_check(r, ps[i], texts[i], lens[i], IFR_CHECK_LOOSE, NULL), IFR_OK);
        seq[i] = ifr_result_reward(r, IFR_AGGREGATE_ALL);
    }
    for (unsigned t = 1; t <= 4; t++) {
        memset(par, 0xff, sizeof par);
        assert_int_equal(ifr_check_batch(ps, texts, lens, N, IFR_CHECK_LOOSE, IFR_AGGREGATE_ALL,
                                         t, NULL, par, codes, all),
                         IFR_OK);
        for (int i = 0; i < N; i++) {
            assert_int_equal(codes[i], IFR_OK);
            assert_true(par[i] == seq[i]);
            assert_int_equal(all[i], seq[i] == 1.0);
        }
    }
    assert_int_equal(ifr_check_batch(NULL, texts, lens, N, 0, 0, 1, NULL, par, NULL, NULL),
                     IFR_E_INVALID);
    ifr_result_free(r);
    for (int i = 0; i < 3; i++)
        ifr_spec_free(specs[i]);
}

/* MARK: allocator hook ----------------------------------------------------- */

typedef struct counting {
    long live, total;
} counting;

static void *c_malloc(size_t n, void *u)
{
    counting *c = u;
    c->live++;
    c->total++;
    return malloc(n);
}
static void *c_realloc(void *p, size_t n, void *u)
{
    counting *c = u;
    if (!p) {
        c->live++;
        c->total++;
    }
    return realloc(p, n);
}
static void c_free(void *p, void *u)
{
    counting *c = u;
    if (p)
        c->live--;
    free(p);
}

static void test_allocator_hook(void **state)
{
    (void)state;
    counting c = {0, 0};
    ifr_allocator a = {c_malloc, c_realloc, c_free, &c};
    ifr_options *o;
    assert_int_equal(ifr_options_new(&o, &a), IFR_OK);
    ifr_spec *s = compile_ok(WORDS("at least", 2), o);
    ifr_result *r;
    assert_int_equal(ifr_result_new(&r, o), IFR_OK);
    assert_int_equal(ifr_check(r, s, "a b c", 5, IFR_CHECK_LOOSE, NULL), IFR_OK);
    long after_first = c.total;
    for (int i = 0; i < 50; i++)
        assert_int_equal(ifr_check(r, s, "a b c\nd e", 9, IFR_CHECK_LOOSE, NULL), IFR_OK);
    assert_int_equal(c.total, after_first); /* steady state: no allocation */
    char *json;
    assert_int_equal(ifr_result_json(r, 0, &json, NULL), IFR_OK);
    ifr_free(json);
    ifr_result_free(r);
    ifr_spec_free(s);
    ifr_options_free(o);
    assert_true(c.total > 0);
    assert_int_equal(c.live, 0);
    ifr_allocator bad = {NULL, NULL, c_free, &c};
    assert_int_equal(ifr_options_new(&o, &bad), IFR_E_INVALID);
}

static void test_misc(void **state)
{
    (void)state;
    assert_int_equal(ifr_version_number(), IFR_VERSION_NUMBER);
    assert_string_equal(ifr_version_string(), IFR_VERSION_STRING);
    assert_true(IFR_VERSION_AT_LEAST(0, 1, 0));
    assert_int_equal(ifr_error_size(), sizeof(ifr_error));
    assert_string_equal(ifr_strerror(IFR_OK), "success");
    assert_non_null(ifr_strerror(-12345));
    assert_non_null(ifr_strerror(12345));
    for (int c = IFR_E_INTERNAL; c <= 0; c++)
        assert_true(strlen(ifr_strerror(c)) > 3);
    ifr_spec_free(NULL);
    ifr_result_free(NULL);
    assert_int_equal(ifr_check(NULL, NULL, "", 0, 0, NULL), IFR_E_INVALID);
    /* registry: ids unique and family:name shaped, summaries present */
    size_t n = ifr_checker_count();
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++) {
        const char *id = ifr_checker_id(i);
        assert_non_null(id);
        assert_non_null(ifr_checker_suite(i));
        assert_true(ifr_checker_summary(i) && strlen(ifr_checker_summary(i)) > 5);
        if (strcmp(ifr_checker_suite(i), "tulu3") != 0)
            assert_non_null(strchr(id, ':'));
        for (size_t j = 0; j < i; j++)
            if (!strcmp(id, ifr_checker_id(j)))
                assert_string_not_equal(ifr_checker_suite(i), ifr_checker_suite(j));
        for (size_t k = 0; k < ifr_checker_kwarg_count(i); k++) {
            assert_non_null(ifr_checker_kwarg(i, k, IFR_KWARG_NAME));
            assert_non_null(ifr_checker_kwarg(i, k, IFR_KWARG_TYPE));
        }
        assert_null(ifr_checker_kwarg(i, ifr_checker_kwarg_count(i), IFR_KWARG_NAME));
    }
    assert_null(ifr_checker_id(n));
    assert_null(ifr_checker_summary(n));
    assert_int_equal(ifr_checker_flags(n), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_formats),
        cmocka_unit_test(test_spec_errors),
        cmocka_unit_test(test_spec_limits),
        cmocka_unit_test(test_on_error_mark),
        cmocka_unit_test(test_blank_gate),
        cmocka_unit_test(test_loose_variants),
        cmocka_unit_test(test_precise_gate),
        cmocka_unit_test(test_precise_loose),
        cmocka_unit_test(test_aggregation_and_json),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_guards),
        cmocka_unit_test(test_preprocess_open_instruct),
        cmocka_unit_test(test_batch_matches_sequential),
        cmocka_unit_test(test_allocator_hook),
        cmocka_unit_test(test_misc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
