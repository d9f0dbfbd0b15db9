/*
 * punkt_speed_driver.c - Punkt alone, for instruction counts and CPU time.
 * Usage: punkt_speed_driver RESPONSES.jsonl MODE ROUNDS
 *   MODE t: ifr__text_sentences (cache cleared, arena reset per call)
 *   MODE c: ifr__punkt_tokenize on the code points
 * Each response ("response" field) is prepared once; then ROUNDS passes over
 * all of them, printing the best pass's CPU time per call. Instructions per
 * call: run under callgrind with two ROUNDS values and divide the difference
 * of the totals by the difference of the call counts. Not part of CI.
 *
 *   cc -O2 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude tools/punkt_speed_driver.c \
 *      $(find build/CMakeFiles/ifreward_obj.dir -name '*.o') \
 *      -ljansson -lpcre2-8 -lutf8proc -lm -o /tmp/pkspeed
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <time.h>

#include "nlp/punkt.h"
#include "text/pycompat.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    char mode = argv[2][0];
    int rounds = atoi(argv[3]);
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena keep, ar;
    ifr__arena_init(&keep, &al);
    ifr__arena_init(&ar, &al);
    size_t cap = 4096, nd = 0;
    ifr__text *docs = malloc(cap * sizeof *docs);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while (docs && (len = getline(&line, &lcap, f)) > 0 && nd < cap) {
        json_error_t e;
        json_t *j = json_loadb(line, (size_t)len, 0, &e);
        json_t *r = j ? json_object_get(j, "response") : NULL;
        if (r && json_is_string(r)) {
            if (ifr__text_init(&docs[nd], &keep, json_string_value(r), json_string_length(r)) !=
                IFR_OK)
                return 1;
            nd++;
        }
        json_decref(j);
    }
    free(line);
    fclose(f);
    double best = 1e30;
    size_t total = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (size_t i = 0; i < nd; i++) {
            ifr__arena_reset(&ar);
            const ifr__span *sp;
            ifr__span *sp2;
            size_t ns = 0;
            if (mode == 't') {
                ifr__text *t = &docs[i];
                t->arena = &ar;
                t->have_sents = 0;
                (void)ifr__text_sentences(t, IFR__NLTK_38, &sp, &ns);
            } else {
                (void)ifr__punkt_tokenize(docs[i].cp, docs[i].ncp, IFR__NLTK_38, &ar, &sp2, &ns);
            }
            total += ns;
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    printf("%c: %zu texts, %zu sentences, best %.3f us/call\n", mode, nd, total,
           best / (double)nd * 1e6);
    ifr__arena_release(&ar);
    ifr__arena_release(&keep);
    free(docs);
    return 0;
}
