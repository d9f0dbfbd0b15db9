/*
 * test_punkt_conformance.c - Punkt sentence counts and word_tokenize tokens
 * against the reference run (shared/conformance/ifeval/primitives_gpt4.jsonl:
 * for each GPT-4 response and loose variant, the reference's count_sentences,
 * the number of nltk.word_tokenize tokens and the tokens with isupper()).
 * Every row must match exactly. Skips (77) when IFR_CONFORMANCE_DIR is unset
 * or the file is absent. Set IFR_VERBOSE=1 to list the mismatches.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/punkt.h"
#include "nlp/treebank.h"
#include "text/pycompat.h"

static const char *g_path;

static bool tok_eq_utf8(const ifr__ustr *t, const char *s)
{
    return ifr__ustr_eq_utf8(t->p, t->n, s, strlen(s));
}

static void test_primitives_gpt4_rows(void **state)
{
    (void)state;
    json_error_t jerr;
    FILE *f = fopen(g_path, "rb");
    assert_non_null(f);
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena ar;
    ifr__arena_init(&ar, &al);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    size_t rows = 0, bad_sent = 0, bad_ntok = 0, bad_upper = 0;
    const char *verbose = getenv("IFR_VERBOSE");
    while ((len = getline(&line, &cap, f)) > 0) {
        json_t *row = json_loadb(line, (size_t)len, 0, &jerr);
        assert_non_null(row);
        const char *text = json_string_value(json_object_get(row, "text"));
        size_t tlen = json_string_length(json_object_get(row, "text"));
        json_int_t want_s = json_integer_value(json_object_get(row, "count_sentences"));
        json_int_t want_t = json_integer_value(json_object_get(row, "n_tokens"));
        json_t *want_up = json_object_get(row, "upper_tokens");
        assert_non_null(text);

        ifr__arena_reset(&ar);
        ifr__text t;
        assert_int_equal(ifr__text_init(&t, &ar, text, tlen), IFR_OK);
        const ifr__span *sp;
        size_t ns;
        assert_int_equal(ifr__text_sentences(&t, IFR__NLTK_38, &sp, &ns), IFR_OK);
        const ifr__ustr *tk;
        size_t nt;
        assert_int_equal(ifr__text_tokens(&t, IFR__NLTK_38, &tk, &nt), IFR_OK);

        if ((json_int_t)ns != want_s) {
            bad_sent++;
            if (verbose)
                fprintf(stderr, "row %zu key %lld %s: %zu sentences, reference %lld\n", rows,
                        (long long)json_integer_value(json_object_get(row, "key")),
                        json_string_value(json_object_get(row, "variant")), ns,
                        (long long)want_s);
        }
        if ((json_int_t)nt != want_t) {
            bad_ntok++;
            if (verbose)
                fprintf(stderr, "row %zu key %lld %s: %zu tokens, reference %lld\n", rows,
                        (long long)json_integer_value(json_object_get(row, "key")),
                        json_string_value(json_object_get(row, "variant")), nt,
                        (long long)want_t);
        }
        size_t k = 0;
        bool up_ok = true;
        for (size_t i = 0; i < nt && up_ok; i++) {
            if (!ifr__py_str_isupper(tk[i].p, tk[i].n))
                continue;
            json_t *w = json_array_get(want_up, k++);
            if (!w || !tok_eq_utf8(&tk[i], json_string_value(w)))
                up_ok = false;
        }
        if (k != json_array_size(want_up))
            up_ok = false;
        if (!up_ok) {
            bad_upper++;
            if (verbose)
                fprintf(stderr, "row %zu key %lld %s: upper tokens differ\n", rows,
                        (long long)json_integer_value(json_object_get(row, "key")),
                        json_string_value(json_object_get(row, "variant")));
        }
        json_decref(row);
        rows++;
    }
    free(line);
    fclose(f);
    ifr__arena_release(&ar);
    fprintf(stderr, "primitives_gpt4: %zu rows; mismatches: sentences %zu, tokens %zu, "
                    "upper tokens %zu\n",
            rows, bad_sent, bad_ntok, bad_upper);
    assert_true(rows > 2000);
    assert_int_equal(bad_sent, 0);
    assert_int_equal(bad_ntok, 0);
    assert_int_equal(bad_upper, 0);
}

int main(void)
{
    static char path[4096];
    const char *dir = getenv("IFR_CONFORMANCE_DIR");
    if (!dir || !*dir) {
        fprintf(stderr, "SKIP: IFR_CONFORMANCE_DIR is not set\n");
        return 77;
    }
    snprintf(path, sizeof path, "%s/ifeval/primitives_gpt4.jsonl", dir);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "SKIP: %s not found\n", path);
        return 77;
    }
    fclose(f);
    g_path = path;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_primitives_gpt4_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
