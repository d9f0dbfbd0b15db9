/*
 * test_treebank.c - nltk.word_tokenize (src/nlp/treebank.c) against NLTK.
 *
 * Expected tokens for both versions come from tests/unit/data/
 * tokenizer_cases.h (tools/gen_tokenizer_cases.py: NLTK 3.8, and 3.8 plus the
 * one ENDING_QUOTES rule that 3.9.2 adds). Token shapes the IFEval checker
 * depends on are also asserted directly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/fail_alloc.h"
#include "nlp/treebank.h"
#include "text/pycompat.h"

#include "data/tokenizer_cases.h"
#include "support/tok_cases_check.h"

typedef struct fx {
    ifr_allocator al;
    ifr__arena ar;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    ifr__alloc_default(&f->al);
    ifr__arena_init(&f->ar, &f->al);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    ifr__arena_release(&f->ar);
    free(f);
    return 0;
}

static void check_tokens(const tok_case *c, size_t idx, int v, const ifr__ustr *tk, size_t nt)
{
    size_t want = v == IFR__NLTK_38 ? c->ntoks38 : c->ntoks392;
    const char *exp = v == IFR__NLTK_38 ? c->toks38 : c->toks392;
    if (nt != want)
        fail_msg("case %zu (%s) v%d: %zu tokens, NLTK %zu", idx, c->name, v, nt, want);
    for (size_t k = 0; k < nt; k++)
        if (!rs_field_eq(exp, k, tk[k].p, tk[k].n))
            fail_msg("case %zu (%s) v%d: token %zu differs", idx, c->name, v, k);
}

static void test_treebank_cases_match_nltk(void **state)
{
    fx *f = *state;
    for (size_t i = 0; i < sizeof tok_cases / sizeof *tok_cases; i++) {
        const tok_case *c = &tok_cases[i];
        for (int v = 0; v < IFR__NLTK_NVERSIONS; v++) {
            /* through the cached accessor, with and without cached sentences */
            for (int pre = 0; pre < 2; pre++) {
                ifr__arena_reset(&f->ar);
                ifr__text t;
                assert_int_equal(ifr__text_init(&t, &f->ar, c->text, strlen(c->text)),
                                 IFR_OK);
                if (pre) {
                    const ifr__span *sp;
                    size_t ns;
                    assert_int_equal(ifr__text_sentences(&t, (ifr__nltk_version)v, &sp, &ns),
                                     IFR_OK);
                }
                const ifr__ustr *tk;
                size_t nt;
                assert_int_equal(ifr__text_tokens(&t, (ifr__nltk_version)v, &tk, &nt), IFR_OK);
                check_tokens(c, i, v, tk, nt);
            }
        }
    }
}

/* tokens of one literal, joined by "|" */
static const char *joined(fx *f, const char *s, ifr__nltk_version v)
{
    static char buf[1024];
    ifr__arena_reset(&f->ar);
    ifr__text t;
    assert_int_equal(ifr__text_init(&t, &f->ar, s, strlen(s)), IFR_OK);
    const ifr__ustr *tk;
    size_t nt;
    assert_int_equal(ifr__text_tokens(&t, v, &tk, &nt), IFR_OK);
    size_t k = 0;
    for (size_t i = 0; i < nt; i++) {
        if (i)
            buf[k++] = '|';
        for (size_t j = 0; j < tk[i].n; j++) {
            char u[4];
            size_t m = ifr__utf8_put(tk[i].p[j], u);
            assert_true(k + m + 2 < sizeof buf);
            memcpy(buf + k, u, m);
            k += m;
        }
    }
    buf[k] = 0;
    return buf;
}

static void test_treebank_shapes(void **state)
{
    fx *f = *state;
    assert_string_equal(joined(f, "NASA'S plan", IFR__NLTK_38), "NASA|'S|plan");
    assert_string_equal(joined(f, "I don't know.", IFR__NLTK_38), "I|do|n't|know|.");
    assert_string_equal(joined(f, "say \"x\" now", IFR__NLTK_38), "say|``|x|''|now");
    assert_string_equal(joined(f, "**BOLD** word", IFR__NLTK_38), "*|*|BOLD|*|*|word");
    assert_string_equal(joined(f, "The U.S. army", IFR__NLTK_38), "The|U.S.|army");
    assert_string_equal(joined(f, "Bring fruit e.g.", IFR__NLTK_38), "Bring|fruit|e.g|.");
    assert_string_equal(joined(f, "cannot", IFR__NLTK_38), "can|not");
    assert_string_equal(joined(f, "", IFR__NLTK_38), "");
}

static void test_treebank_version_difference(void **state)
{
    fx *f = *state;
    /* 3.8 needs a literal space after a contraction; 3.9.2 collapses \s+ first */
    assert_string_equal(joined(f, "I don't\nknow", IFR__NLTK_38), "I|don't|know");
    assert_string_equal(joined(f, "I don't\nknow", IFR__NLTK_392), "I|do|n't|know");
    assert_string_equal(joined(f, "it's\xc2\xa0" "fine", IFR__NLTK_38), "it's|fine");
    assert_string_equal(joined(f, "it's\xc2\xa0" "fine", IFR__NLTK_392), "it|'s|fine");
    /* with a plain space both agree */
    assert_string_equal(joined(f, "I don't know", IFR__NLTK_38), "I|do|n't|know");
    assert_string_equal(joined(f, "I don't know", IFR__NLTK_392), "I|do|n't|know");
}

static void test_treebank_direct_api(void **state)
{
    fx *f = *state;
    /* NLTKWordTokenizer.tokenize on one string, no sentence splitting */
    static const uint32_t s[] = {'A', '.', ' ', 'B', '.'};
    ifr__ustr *tk = NULL;
    size_t nt = 0, cap = 0;
    assert_int_equal(ifr__treebank_tokenize(s, 5, IFR__NLTK_38, &f->ar, &tk, &nt, &cap), IFR_OK);
    assert_int_equal(nt, 3); /* "A.", "B", "." */
    assert_int_equal(tk[0].n, 2);
    assert_int_equal(tk[2].n, 1);
    assert_int_equal(tk[2].p[0], '.');
    ifr__ustr *w;
    size_t nw;
    assert_int_equal(ifr__word_tokenize(s, 5, IFR__NLTK_38, &f->ar, &w, &nw), IFR_OK);
    assert_int_equal(nw, 4); /* "A", ".", "B", "." */
}

static void test_treebank_bad_version(void **state)
{
    fx *f = *state;
    ifr__arena_reset(&f->ar);
    ifr__text t;
    assert_int_equal(ifr__text_init(&t, &f->ar, "x", 1), IFR_OK);
    const ifr__ustr *tk;
    size_t nt;
    assert_int_equal(ifr__text_tokens(&t, (ifr__nltk_version)7, &tk, &nt), IFR_E_INVALID);
    assert_int_equal(t.have_toks, 0);
}

static void test_treebank_nomem(void **state)
{
    (void)state;
    size_t reps = 6000;
    size_t len;
    char *big = fa_repeat("He said \"don't\", (ok). ", reps, &len);
    bool failed = false, succeeded = false;
    size_t want = 0;
    for (int k = 0; k < 200 && !succeeded; k++) {
        fa_budget fa = {k};
        ifr_allocator al = fa_allocator(&fa);
        ifr__arena ar;
        ifr__arena_init(&ar, &al);
        ifr__text t;
        int rc = ifr__text_init(&t, &ar, big, len);
        if (rc == IFR_OK) {
            const ifr__ustr *tk;
            size_t nt;
            rc = ifr__text_tokens(&t, IFR__NLTK_38, &tk, &nt);
            if (rc == IFR_OK) {
                succeeded = true;
                want = nt;
            } else {
                assert_int_equal(rc, IFR_E_NOMEM);
                assert_false(t.have_toks & 1u);
                failed = true;
            }
        }
        ifr__arena_release(&ar);
    }
    free(big);
    assert_true(failed);
    assert_true(succeeded);
    /* He said `` do n't '' , ( ok ) . */
    assert_int_equal(want, reps * 11);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_treebank_cases_match_nltk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_treebank_shapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_treebank_version_difference, setup, teardown),
        cmocka_unit_test_setup_teardown(test_treebank_direct_api, setup, teardown),
        cmocka_unit_test_setup_teardown(test_treebank_bad_version, setup, teardown),
        cmocka_unit_test(test_treebank_nomem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
