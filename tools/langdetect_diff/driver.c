/*
 * langdetect_diff/driver.c - differential-testing driver for langdetect changes
 * (tools/langdetect_diff/run.sh). Not part of the library or of CI.
 *
 * Reads length-prefixed UTF-8 records (gen.py) from argv[1]; for each writes
 * to stdout the raw ifr__langdetect_probs vector (55 doubles), the checkers'
 * ifr__langdetect status and code, and ifr_detect_language's status, code and
 * probability, so that the outputs of two builds can be compared with cmp.
 * It adapts to the internal API of the build it is compiled against: with
 * IFR__LD_ISA_MASK it also checks that every trial implementation gives the
 * same vector; with IFR__LD_EARLY_EXIT it writes the early-exit code and
 * checks it against the full run (same code, prob a lower bound, trials).
 */
#include "nlp/langdetect.h"
#include "text/pycompat.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(IFR__LD_EARLY_EXIT)
#define API 2
#elif defined(IFR__LD_ISA_MASK)
#define API 1
#else
#define API 0
#endif

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS (from gen.py)\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 1;
    ifr_allocator alloc;
    ifr__alloc_default(&alloc);
    ifr__arena ar;
    ifr__arena_init(&ar, &alloc);
    unsigned char hdr[4];
    size_t cap = 1 << 20, nrec = 0;
    char *buf = malloc(cap);
    long early = 0, trials_hist[8] = {0};
    while (fread(hdr, 1, 4, f) == 4) {
        size_t len = hdr[0] | hdr[1] << 8 | hdr[2] << 16 | (size_t)hdr[3] << 24;
        if (len + 1 > cap) { cap = 2 * (len + 1); buf = realloc(buf, cap); }
        if (fread(buf, 1, len, f) != len) return 2;
        ifr__arena_reset(&ar);
        uint32_t *cp; size_t ncp;
        if (ifr__utf8_decode(buf, len, &ar, &cp, &ncp) != IFR_OK) return 3;
        double lp[IFR__LD_NLANG];
        bool nof;
#if API >= 1
        if (ifr__langdetect_probs(cp, ncp, &ar, 0, lp, &nof) != IFR_OK) return 4;
        static const unsigned isas[] = {IFR__LD_ISA_BASELINE, IFR__LD_ISA_AVX2, IFR__LD_ISA_AVX512};
        for (int v = 0; v < 3; v++) {
            double lp2[IFR__LD_NLANG];
            bool nof2;
            if (!ifr__langdetect_has_isa(isas[v])) { fprintf(stderr, "no isa %u\n", isas[v]); return 9; }
            if (ifr__langdetect_probs(cp, ncp, &ar, isas[v], lp2, &nof2) != IFR_OK) return 4;
            if (nof2 != nof || memcmp(lp, lp2, sizeof lp) != 0) {
                fprintf(stderr, "record %zu: isa %u differs\n", nrec, isas[v]);
                return 8;
            }
        }
#else
        if (ifr__langdetect_probs(cp, ncp, &ar, lp, &nof) != IFR_OK) return 4;
#endif
        ifr__lang lang;
        memset(&lang, 0, sizeof lang);
#if API >= 2
        ifr__lang full;
        memset(&full, 0, sizeof full);
        if (ifr__langdetect(cp, ncp, &ar, 0, &full) != IFR_OK) return 5;
        if (ifr__langdetect(cp, ncp, &ar, IFR__LD_EARLY_EXIT, &lang) != IFR_OK) return 5;
        /* early exit: same status and code; prob a lower bound; trials recorded */
        if (full.status != lang.status || strcmp(full.code, lang.code) != 0 ||
            (full.status == IFR_OK ? full.trials != 7 : full.trials != 0) ||
            (lang.status == IFR_OK && (lang.trials < 4 || lang.trials > 7 || lang.prob > full.prob ||
                                       (lang.trials == 7 && lang.prob != full.prob))) ||
            (lang.status != IFR_OK && lang.trials != 0)) {
            fprintf(stderr, "record %zu: early exit mismatch %s/%s %d %a %a\n", nrec, full.code,
                    lang.code, lang.trials, full.prob, lang.prob);
            return 6;
        }
        for (int v = 0; v < 3; v++) {
            ifr__lang e2;
            if (ifr__langdetect(cp, ncp, &ar, IFR__LD_EARLY_EXIT | isas[v], &e2) != IFR_OK) return 5;
            if (memcmp(&e2, &lang, sizeof e2) != 0) {
                fprintf(stderr, "record %zu: early exit with isa %u differs\n", nrec, isas[v]);
                return 10;
            }
        }
        if (lang.status == IFR_OK) {
            trials_hist[lang.trials]++;
            early += lang.trials < 7;
        }
        /* the full run's prob must be the probs vector's entry */
        if (full.status == IFR_OK && strcmp(full.code, "unknown") != 0 &&
            full.prob != lp[ifr__langdetect_find(full.code, strlen(full.code))]) return 7;
#elif API == 1
        if (ifr__langdetect(cp, ncp, &ar, 0, &lang) != IFR_OK) return 5;
#else
        if (ifr__langdetect(cp, ncp, &ar, &lang) != IFR_OK) return 5;
#endif
        char code[8];
        double prob = -1;
        int rc = ifr_detect_language(buf, len, code, &prob, NULL);
        fputc(nof, stdout);
        fwrite(lp, sizeof lp, 1, stdout);
        fwrite(&lang.status, sizeof lang.status, 1, stdout);
        fwrite(lang.code, 8, 1, stdout);
        fwrite(&rc, sizeof rc, 1, stdout);
        fwrite(code, 8, 1, stdout);
        fwrite(&prob, sizeof prob, 1, stdout);
        nrec++;
    }
    fprintf(stderr, "%zu records", nrec);
#if API >= 2
    fprintf(stderr, ", %ld early exits; trials:", early);
    for (int i = 0; i < 8; i++) fprintf(stderr, " %d:%ld", i, trials_hist[i]);
#endif
    fprintf(stderr, "\n");
    free(buf);
    ifr__arena_release(&ar);
    return 0;
}
