/*
 * bench_tokenizers.c - Punkt sentences/s and word_tokenize tokens/s.
 *
 * Usage: bench_tokenizers [RESPONSES.jsonl] [ROUNDS]
 * Default input: $IFR_CONFORMANCE_DIR/ifeval/input_response_data_gpt4_20231107_145030.jsonl
 * (the 541 GPT-4 responses published with IFEval). Each response is decoded
 * once; the timed loops run ifr__punkt_tokenize and ifr__word_tokenize on the
 * code points, then the cached accessors ifr__text_sentences/_tokens on an
 * ifr__text (caches cleared), with an arena reset per call (the steady state
 * of a reused ifr_result), and ifr__treebank_tokenize alone on each
 * response's precomputed sentences. CPU time. Figures, not pass/fail: see
 * docs/TOKENIZERS.md.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nlp/punkt.h"
#include "nlp/treebank.h"
#include "text/pycompat.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct doc {
    uint32_t *cp;
    size_t n;
    ifr__text t; /* the same text as ifr_check analyses it (UTF-8 + code points) */
    ifr__span *sents; /* its Punkt sentences (3.8), for the Treebank-only loops */
    size_t nsents;
} doc;

int main(int argc, char **argv)
{
    char path[4096];
    if (argc > 1) {
        snprintf(path, sizeof path, "%s", argv[1]);
    } else {
        const char *dir = getenv("IFR_CONFORMANCE_DIR");
        if (!dir) {
            fprintf(stderr, "usage: %s RESPONSES.jsonl [ROUNDS] (or set IFR_CONFORMANCE_DIR)\n",
                    argv[0]);
            return 2;
        }
        snprintf(path, sizeof path, "%s/ifeval/input_response_data_gpt4_20231107_145030.jsonl",
                 dir);
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 20;
    if (rounds < 1)
        rounds = 1;
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena keep, ar;
    ifr__arena_init(&keep, &al);
    ifr__arena_init(&ar, &al);
    size_t cap = 1024, nd = 0, chars = 0;
    doc *docs = malloc(cap * sizeof *docs);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while (docs && (len = getline(&line, &lcap, f)) > 0) {
        json_error_t e;
        json_t *j = json_loadb(line, (size_t)len, 0, &e);
        json_t *r = j ? json_object_get(j, "response") : NULL;
        if (r && json_is_string(r)) {
            if (nd == cap) {
                doc *nd2 = realloc(docs, cap * 2 * sizeof *docs);
                if (!nd2)
                    return 1;
                docs = nd2;
                cap *= 2;
            }
            if (ifr__utf8_decode(json_string_value(r), json_string_length(r), &keep,
                                 &docs[nd].cp, &docs[nd].n) != IFR_OK ||
                ifr__text_init(&docs[nd].t, &keep, json_string_value(r), json_string_length(r)) !=
                    IFR_OK)
                return 1;
            chars += docs[nd].n;
            nd++;
        }
        json_decref(j);
    }
    free(line);
    fclose(f);
    if (!docs || nd == 0) {
        fprintf(stderr, "%s: no responses\n", path);
        return 1;
    }

    /* warm-up and counts */
    size_t nsent = 0, ntok = 0;
    for (size_t i = 0; i < nd; i++) {
        ifr__arena_reset(&ar);
        ifr__span *sp;
        size_t ns;
        ifr__ustr *tk;
        size_t nt;
        if (ifr__punkt_tokenize(docs[i].cp, docs[i].n, IFR__NLTK_38, &ar, &sp, &ns) != IFR_OK ||
            ifr__word_tokenize(docs[i].cp, docs[i].n, IFR__NLTK_38, &ar, &tk, &nt) != IFR_OK)
            return 1;
        nsent += ns;
        ntok += nt;
        docs[i].sents = ifr__arena_alloc(&keep, (ns ? ns : 1) * sizeof *sp);
        if (!docs[i].sents)
            return 1;
        memcpy(docs[i].sents, sp, ns * sizeof *sp);
        docs[i].nsents = ns;
    }

    double best_p = 1e30, best_w = 1e30, best_w2 = 1e30, best_ts = 1e30, best_tt = 1e30;
    double best_tb[2] = {1e30, 1e30};
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (size_t i = 0; i < nd; i++) {
            ifr__arena_reset(&ar);
            ifr__span *sp;
            size_t ns;
            (void)ifr__punkt_tokenize(docs[i].cp, docs[i].n, IFR__NLTK_38, &ar, &sp, &ns);
        }
        double t1 = now();
        for (size_t i = 0; i < nd; i++) {
            ifr__arena_reset(&ar);
            ifr__ustr *tk;
            size_t nt;
            (void)ifr__word_tokenize(docs[i].cp, docs[i].n, IFR__NLTK_38, &ar, &tk, &nt);
        }
        double t2 = now();
        for (size_t i = 0; i < nd; i++) {
            ifr__arena_reset(&ar);
            ifr__ustr *tk;
            size_t nt;
            (void)ifr__word_tokenize(docs[i].cp, docs[i].n, IFR__NLTK_392, &ar, &tk, &nt);
        }
        double t3 = now();
        /* through the cached accessors, as the checkers call them */
        double t4 = now();
        for (size_t i = 0; i < nd; i++) {
            ifr__arena_reset(&ar);
            ifr__text *t = &docs[i].t;
            t->arena = &ar;
            t->have_sents = t->have_toks = 0;
            const ifr__span *sp;
            size_t ns;
            (void)ifr__text_sentences(t, IFR__NLTK_38, &sp, &ns);
        }
        double t5 = now();
        for (size_t i = 0; i < nd; i++) {
            ifr__arena_reset(&ar);
            ifr__text *t = &docs[i].t;
            t->arena = &ar;
            t->have_sents = t->have_toks = 0;
            const ifr__ustr *tk;
            size_t nt;
            (void)ifr__text_tokens(t, IFR__NLTK_38, &tk, &nt);
        }
        double t6 = now();
        /* NLTKWordTokenizer alone, on the precomputed sentences */
        for (int v = 0; v < 2; v++) {
            double t7 = now();
            for (size_t i = 0; i < nd; i++) {
                ifr__arena_reset(&ar);
                ifr__ustr *tk = NULL;
                size_t nt = 0, tcap = 0;
                for (size_t k = 0; k < docs[i].nsents; k++)
                    (void)ifr__treebank_tokenize(docs[i].cp + docs[i].sents[k].b,
                                                 docs[i].sents[k].e - docs[i].sents[k].b,
                                                 (ifr__nltk_version)v, &ar, &tk, &nt, &tcap);
            }
            double t8 = now();
            if (t8 - t7 < best_tb[v])
                best_tb[v] = t8 - t7;
        }
        if (t5 - t4 < best_ts)
            best_ts = t5 - t4;
        if (t6 - t5 < best_tt)
            best_tt = t6 - t5;
        if (t1 - t0 < best_p)
            best_p = t1 - t0;
        if (t2 - t1 < best_w)
            best_w = t2 - t1;
        if (t3 - t2 < best_w2)
            best_w2 = t3 - t2;
    }
    printf("input: %zu responses, %zu code points (%.0f per response), best of %d rounds\n", nd,
           chars, (double)chars / (double)nd, rounds);
    printf("punkt sentences:      %8.2f us/call  %10.0f calls/s  %12.0f sentences/s  (%zu sentences)\n",
           best_p / (double)nd * 1e6, (double)nd / best_p, (double)nsent / best_p, nsent);
    printf("word_tokenize (3.8):  %8.2f us/call  %10.0f calls/s  %12.0f tokens/s     (%zu tokens)\n",
           best_w / (double)nd * 1e6, (double)nd / best_w, (double)ntok / best_w, ntok);
    printf("word_tokenize (3.9.2):%8.2f us/call  %10.0f calls/s\n", best_w2 / (double)nd * 1e6,
           (double)nd / best_w2);
    printf("treebank only (3.8):  %8.2f us/call  (NLTKWordTokenizer on the response's sentences)\n",
           best_tb[0] / (double)nd * 1e6);
    printf("treebank only (3.9.2):%8.2f us/call\n", best_tb[1] / (double)nd * 1e6);
    printf("via ifr__text (the checkers' path, Punkt scans the UTF-8):\n");
    printf("  sentences:          %8.2f us/call  %10.0f calls/s  %12.0f sentences/s\n",
           best_ts / (double)nd * 1e6, (double)nd / best_ts, (double)nsent / best_ts);
    printf("  tokens (3.8):       %8.2f us/call  %10.0f calls/s  %12.0f tokens/s\n",
           best_tt / (double)nd * 1e6, (double)nd / best_tt, (double)ntok / best_tt);
    ifr__arena_release(&ar);
    ifr__arena_release(&keep);
    free(docs);
    return 0;
}
