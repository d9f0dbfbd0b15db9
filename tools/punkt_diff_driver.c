/*
 * punkt_diff_driver.c - differential-testing driver for Punkt speed work.
 * Reads one JSON string per line; for each writes one line with the Punkt
 * sentence spans (code-point indices "b-e", space separated) of both NLTK
 * versions, once through ifr__text_sentences (the UTF-8 scan; a fresh text
 * per version, so nothing is shared) and once through ifr__punkt_tokenize
 * (code points only), the four lists separated by " | ". Run it built
 * against two commits and diff the outputs. Not part of the library or CI.
 *
 * Build against the object files of a build tree, e.g.
 *   cc -O2 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude tools/punkt_diff_driver.c \
 *      $(find build/CMakeFiles/ifreward_obj.dir -name '*.o') \
 *      -ljansson -lpcre2-8 -lutf8proc -lm -o /tmp/pkdrv
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "nlp/punkt.h"
#include "text/pycompat.h"

static void put_spans(const ifr__span *sp, size_t ns)
{
    for (size_t i = 0; i < ns; i++)
        printf(" %zu-%zu", sp[i].b, sp[i].e);
}

int main(void)
{
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena ar;
    ifr__arena_init(&ar, &al);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        json_error_t e;
        json_t *j = json_loadb(line, (size_t)len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
        if (!j || !json_is_string(j)) {
            fprintf(stderr, "bad json line: %s\n", j ? "not a string" : e.text);
            return 1;
        }
        for (int v = 0; v < 2; v++) {
            ifr__arena_reset(&ar);
            ifr__text t;
            const ifr__span *sp;
            size_t ns;
            if (ifr__text_init(&t, &ar, json_string_value(j), json_string_length(j)) != IFR_OK ||
                ifr__text_sentences(&t, (ifr__nltk_version)v, &sp, &ns) != IFR_OK)
                return 1;
            if (v)
                fputs(" |", stdout);
            put_spans(sp, ns);
            ifr__span *sp2;
            if (ifr__punkt_tokenize(t.cp, t.ncp, (ifr__nltk_version)v, &ar, &sp2, &ns) != IFR_OK)
                return 1;
            fputs(" |", stdout);
            put_spans(sp2, ns);
        }
        putchar('\n');
        json_decref(j);
    }
    free(line);
    ifr__arena_release(&ar);
    return 0;
}
