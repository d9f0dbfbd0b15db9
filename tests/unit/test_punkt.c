/*
 * test_punkt.c - the Punkt port (src/nlp/punkt.c) against NLTK 3.8.
 *
 * Expected sentences come from tests/unit/data/tokenizer_cases.h, generated
 * by tools/gen_tokenizer_cases.py with /usr/bin/python3's NLTK 3.8 and the
 * model in data/embed/punkt/. A few behaviours are also asserted directly so
 * that a reader sees them (line breaks are not boundaries, abbreviations,
 * realignment), plus allocation failure, caching and bad arguments.
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
#include "nlp/punkt.h"
#include "nlp/punkt_tables.h"
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

/* sentences of a UTF-8 literal, for the direct assertions */
static size_t sents_of(fx *f, const char *s, ifr__text *t, const ifr__span **sp)
{
    ifr__arena_reset(&f->ar);
    assert_int_equal(ifr__text_init(t, &f->ar, s, strlen(s)), IFR_OK);
    size_t n = 0;
    assert_int_equal(ifr__text_sentences(t, IFR__NLTK_38, sp, &n), IFR_OK);
    return n;
}

static void test_punkt_cases_match_nltk(void **state)
{
    fx *f = *state;
    for (size_t i = 0; i < sizeof tok_cases / sizeof *tok_cases; i++) {
        const tok_case *c = &tok_cases[i];
        for (int v = 0; v < IFR__NLTK_NVERSIONS; v++) {
            ifr__arena_reset(&f->ar);
            ifr__text t;
            assert_int_equal(ifr__text_init(&t, &f->ar, c->text, strlen(c->text)), IFR_OK);
            const ifr__span *sp;
            size_t n;
            assert_int_equal(ifr__text_sentences(&t, (ifr__nltk_version)v, &sp, &n), IFR_OK);
            if (n != c->nsents)
                fail_msg("case %zu (%s) v%d: %zu sentences, NLTK %zu", i, c->name, v, n,
                         c->nsents);
            for (size_t k = 0; k < n; k++)
                if (!rs_field_eq(c->sents, k, t.cp + sp[k].b, sp[k].e - sp[k].b))
                    fail_msg("case %zu (%s): sentence %zu differs", i, c->name, k);
            /* the code-point entry point (no UTF-8 scan) agrees */
            ifr__span *sp2;
            size_t n2;
            assert_int_equal(ifr__punkt_tokenize(t.cp, t.ncp, (ifr__nltk_version)v, &f->ar, &sp2,
                                                 &n2),
                             IFR_OK);
            assert_int_equal(n2, n);
            if (n)
                assert_memory_equal(sp2, sp, n * sizeof *sp);
        }
    }
}

static void test_punkt_line_breaks_are_not_boundaries(void **state)
{
    fx *f = *state;
    ifr__text t;
    const ifr__span *sp;
    assert_int_equal(sents_of(f, "line one\nline two\nline three", &t, &sp), 1);
    assert_int_equal(sents_of(f, "line one.\nline two.\nline three", &t, &sp), 3);
    /* a bullet list without full stops is one sentence */
    assert_int_equal(sents_of(f, "- a\n- b\n- c\n- d", &t, &sp), 1);
}

static void test_punkt_abbreviations(void **state)
{
    fx *f = *state;
    ifr__text t;
    const ifr__span *sp;
    /* "dr" is in the model: no break after "Dr." */
    assert_int_equal(sents_of(f, "Dr. Smith arrived. He was late.", &t, &sp), 2);
    assert_int_equal(sp[0].e - sp[0].b, strlen("Dr. Smith arrived."));
    /* "xq" is not: a break */
    assert_int_equal(sents_of(f, "Xq. Smith arrived. He was late.", &t, &sp), 3);
    /* a lower-case word after a period does not start a sentence by itself */
    assert_int_equal(sents_of(f, "Mr. and Mrs. Jones went home.", &t, &sp), 1);
    /* numbered items: the ortho heuristic splits "1." off */
    assert_int_equal(sents_of(f, "1. First item 2. Second item", &t, &sp), 3);
}

static void test_punkt_realignment(void **state)
{
    fx *f = *state;
    ifr__text t;
    const ifr__span *sp;
    assert_int_equal(sents_of(f, "(Sent one.) Sent two.", &t, &sp), 2);
    assert_int_equal(sp[0].b, 0);
    assert_int_equal(sp[0].e, strlen("(Sent one.)"));
    assert_int_equal(sp[1].b, strlen("(Sent one.) "));
}

static void test_punkt_empty_and_blank(void **state)
{
    fx *f = *state;
    ifr__text t;
    const ifr__span *sp;
    assert_int_equal(sents_of(f, "", &t, &sp), 0);
    assert_int_equal(sents_of(f, " \n\t\xc2\xa0", &t, &sp), 0);
    /* U+200B is not whitespace for Python: one sentence */
    assert_int_equal(sents_of(f, "\xe2\x80\x8b", &t, &sp), 1);
}

static void test_punkt_embedded_nul(void **state)
{
    fx *f = *state;
    static const char s[] = "One.\0 Two. Three.";
    ifr__arena_reset(&f->ar);
    ifr__text t;
    assert_int_equal(ifr__text_init(&t, &f->ar, s, sizeof s - 1), IFR_OK);
    const ifr__span *sp;
    size_t n;
    assert_int_equal(ifr__text_sentences(&t, IFR__NLTK_38, &sp, &n), IFR_OK);
    /* NUL is neither space nor NonWord: "One.\0" does not end a sentence */
    assert_int_equal(n, 2);
}

static void test_punkt_cache_and_versions(void **state)
{
    fx *f = *state;
    ifr__text t;
    const ifr__span *a, *b, *c;
    size_t na, nb, nc;
    ifr__arena_reset(&f->ar);
    const char *s = "One. Two. Three.";
    assert_int_equal(ifr__text_init(&t, &f->ar, s, strlen(s)), IFR_OK);
    assert_int_equal(ifr__text_sentences(&t, IFR__NLTK_38, &a, &na), IFR_OK);
    assert_int_equal(ifr__text_sentences(&t, IFR__NLTK_38, &b, &nb), IFR_OK);
    assert_ptr_equal(a, b); /* cached */
    assert_int_equal(na, 3);
    assert_int_equal(ifr__text_sentences(&t, IFR__NLTK_392, &c, &nc), IFR_OK);
    assert_int_equal(nc, 3);
    assert_ptr_equal(c, a); /* same algorithm in both versions: shared */
    assert_true((t.have_sents & 3u) == 3u);
    assert_int_equal(ifr__text_sentences(&t, (ifr__nltk_version)2, &c, &nc), IFR_E_INVALID);
    assert_int_equal(ifr__text_sentences(&t, (ifr__nltk_version)-1, &c, &nc), IFR_E_INVALID);
}

static void test_punkt_nomem(void **state)
{
    (void)state;
    /* a text larger than an arena block so the sentence array needs a block */
    size_t len;
    char *big = fa_repeat("A. B. ", 20000, &len);
    bool failed = false, succeeded = false;
    for (int k = 0; k < 50 && !succeeded; k++) {
        fa_budget fa = {k};
        ifr_allocator al = fa_allocator(&fa);
        ifr__arena ar;
        ifr__arena_init(&ar, &al);
        ifr__text t;
        int rc = ifr__text_init(&t, &ar, big, len);
        if (rc == IFR_OK) {
            const ifr__span *sp;
            size_t n;
            rc = ifr__text_sentences(&t, IFR__NLTK_38, &sp, &n);
            if (rc == IFR_OK) {
                succeeded = true;
                assert_true(n > 0);
            } else {
                assert_int_equal(rc, IFR_E_NOMEM);
                assert_false(t.have_sents & 1u);
                failed = true;
            }
        } else {
            assert_int_equal(rc, IFR_E_NOMEM);
        }
        ifr__arena_release(&ar);
    }
    free(big);
    assert_true(failed);
    assert_true(succeeded);
}

static void test_punkt_tables_sorted(void **state)
{
    (void)state;
    /* the generator sorted the indexes: spot-check sizes and order */
    assert_int_equal(ifr__punkt_abbrev_n, 156);
    assert_int_equal(ifr__punkt_starters_n, 39);
    assert_int_equal(ifr__punkt_ortho_n, 20366);
    assert_int_equal(ifr__punkt_colloc_n, 37);
    for (size_t i = 1; i < ifr__punkt_ortho_n; i++) {
        const ifr__punkt_entry *a = &ifr__punkt_ortho[i - 1], *b = &ifr__punkt_ortho[i];
        size_t m = a->len < b->len ? a->len : b->len;
        int c = memcmp(ifr__data_punkt_ortho_context_tab + a->off,
                       ifr__data_punkt_ortho_context_tab + b->off, m);
        assert_true(c < 0 || (c == 0 && a->len < b->len));
    }
    /* the abbreviation with a trailing space survived: ". . " */
    bool found = false;
    for (size_t i = 0; i < ifr__punkt_abbrev_n; i++)
        if (ifr__punkt_abbrev[i].len == 4 &&
            memcmp(ifr__data_punkt_abbrev_types_txt + ifr__punkt_abbrev[i].off, ". . ", 4) == 0)
            found = true;
    assert_true(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_punkt_cases_match_nltk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_punkt_line_breaks_are_not_boundaries, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_punkt_abbreviations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_punkt_realignment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_punkt_empty_and_blank, setup, teardown),
        cmocka_unit_test_setup_teardown(test_punkt_embedded_nul, setup, teardown),
        cmocka_unit_test_setup_teardown(test_punkt_cache_and_versions, setup, teardown),
        cmocka_unit_test(test_punkt_nomem),
        cmocka_unit_test(test_punkt_tables_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
