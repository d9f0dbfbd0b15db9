/*
 * bench_langdetect.c - detections per second of the langdetect port on the
 * GPT-4 responses of IFEval (IFR_CONFORMANCE_DIR/ifeval/...), single thread.
 *
 * Usage: bench_langdetect [ROUNDS] [FILE.jsonl|-] [baseline|avx2|avx512|-] [early|full]
 * (a figure, not a test; "-" keeps the default; the third argument forces
 * one implementation of the trials, see IFR__LD_ISA_*; the fourth chooses
 * between what the checkers run, the trials stopped once the language is
 * certain (early, the default), and all 7 trials as ifr_detect_language
 * runs them (full))
 * Each round detects every response once from its code points (the decoding
 * is done once up front, as ifr__text does). Prints the mean time per
 * detection in CPU time (compare with tools/bench_langdetect_ref.py, which
 * times the reference the same way on the same texts).
 */
#include "nlp/langdetect.h"
#include "text/pycompat.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine is shared */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    char path[4096];
    unsigned flags = IFR__LD_EARLY_EXIT;
    if (argc > 4) {
        if (strcmp(argv[4], "full") == 0) {
            flags = 0;
        } else if (strcmp(argv[4], "early") != 0) {
            fprintf(stderr, "%s: expected early or full\n", argv[4]);
            return 77;
        }
    }
    if (argc > 3 && strcmp(argv[3], "-") != 0) {
        unsigned isa;
        isa = strcmp(argv[3], "baseline") == 0 ? IFR__LD_ISA_BASELINE
              : strcmp(argv[3], "avx2") == 0   ? IFR__LD_ISA_AVX2
              : strcmp(argv[3], "avx512") == 0 ? IFR__LD_ISA_AVX512
                                               : 0;
        if (!isa || !ifr__langdetect_has_isa(isa)) {
            fprintf(stderr, "%s: unknown or unavailable here\n", argv[3]);
            return 77;
        }
        flags |= isa;
    }
    if (argc > 2 && strcmp(argv[2], "-") != 0) {
        snprintf(path, sizeof path, "%s", argv[2]);
    } else {
        const char *dir = getenv("IFR_CONFORMANCE_DIR");
        if (!dir) {
            fprintf(stderr, "set IFR_CONFORMANCE_DIR or pass a JSONL file with \"response\"\n");
            return 77;
        }
        snprintf(path, sizeof path, "%s/ifeval/input_response_data_gpt4_20231107_145030.jsonl",
                 dir);
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 77;
    }
    ifr_allocator alloc;
    ifr__alloc_default(&alloc);
    ifr__arena keep, scratch;
    ifr__arena_init(&keep, &alloc);
    ifr__arena_init(&scratch, &alloc);

    size_t cap = 0, n = 0, chars = 0;
    const uint32_t **cps = NULL;
    size_t *ncps = NULL;
    static char line[1 << 22];
    while (fgets(line, sizeof line, f)) {
        json_error_t jerr;
        json_t *row = json_loads(line, 0, &jerr);
        json_t *r = row ? json_object_get(row, "response") : NULL;
        if (!r)
            r = row ? json_object_get(row, "text") : NULL;
        if (!json_is_string(r)) {
            json_decref(row);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            cps = realloc(cps, cap * sizeof *cps);
            ncps = realloc(ncps, cap * sizeof *ncps);
            if (!cps || !ncps)
                return 1;
        }
        uint32_t *cp;
        if (ifr__utf8_decode(json_string_value(r), json_string_length(r), &keep, &cp,
                             &ncps[n]) != IFR_OK)
            return 1;
        cps[n] = cp;
        chars += ncps[n];
        n++;
        json_decref(row);
    }
    fclose(f);
    if (n == 0) {
        fprintf(stderr, "no texts in %s\n", path);
        return 1;
    }

    /* warm-up and a checksum so the work cannot be optimised away */
    unsigned long sum = 0, trials = 0;
    ifr__lang lang;
    for (size_t i = 0; i < n; i++) {
        ifr__arena_reset(&scratch);
        ifr__langdetect(cps[i], ncps[i], &scratch, flags, &lang);
        sum += (unsigned char)lang.code[0];
        trials += (unsigned long)lang.trials;
    }
    double t0 = now();
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++) {
            ifr__arena_reset(&scratch);
            ifr__langdetect(cps[i], ncps[i], &scratch, flags, &lang);
            sum += (unsigned char)lang.code[0];
        }
    double dt = now() - t0;
    double per = dt / ((double)rounds * (double)n);
    printf("texts %zu (mean %.0f code points), rounds %d, %s (mean %.2f trials)\n", n,
           (double)chars / (double)n, rounds,
           flags & IFR__LD_EARLY_EXIT ? "early exit" : "all 7 trials",
           (double)trials / (double)n);
    printf("langdetect: %.1f us/detection, %.0f detections/s (checksum %lu)\n", per * 1e6,
           1.0 / per, sum);
    printf("vs. the reference's 1.3-2.1 ms/detection: %.0fx-%.0fx faster\n", 1.3e-3 / per,
           2.1e-3 / per);
    ifr__arena_release(&scratch);
    ifr__arena_release(&keep);
    free(cps);
    free(ncps);
    return 0;
}
