/*
 * bench_pycompat.c - figures for src/text/pycompat.c and src/regex.c.
 *
 * Not a test: prints throughput for the hot-path operations on a synthetic
 * mixed-script text (ASCII prose, Latin accents, Greek, CJK, emoji, some
 * NBSP/ZWSP) and, for comparison, the same class predicate computed from
 * utf8proc's category data. Usage: bench_pycompat [megabytes]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "ifreward_internal.h"
#include "text/pycompat.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *const pieces[] = {
    "The quick brown fox jumps over the lazy dog. ",
    "Caf\303\251 na\303\257ve r\303\251sum\303\251, ",
    "\316\232\316\261\316\273\316\267\316\274\317\201\316\255\317\201\316\261 \316\272\317\214\317\203\316\274\316\265! ",
    "\344\270\255\346\226\207\345\255\227\347\254\246\344\270\262\343\200\202",
    "emoji \360\237\230\200 and\302\240nbsp\342\200\213zwsp. ",
    "Numbers 12, 3.5, \331\243\331\244 and ALL CAPS WORDS.\n\n",
};

int main(int argc, char **argv)
{
    double mb = argc > 1 ? atof(argv[1]) : 8.0;
    size_t target = (size_t)(mb * 1024 * 1024);
    char *text = malloc(target + 256);
    if (!text)
        return 1;
    size_t n = 0, k = 0;
    while (n < target) {
        const char *p = pieces[k++ % (sizeof pieces / sizeof pieces[0])];
        size_t l = strlen(p);
        memcpy(text + n, p, l);
        n += l;
    }
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena ar;
    ifr__arena_init(&ar, &al);

    double t0 = now();
    bool valid = ifr__utf8_valid(text, n);
    double t1 = now();
    uint32_t *cp;
    size_t ncp;
    if (ifr__utf8_decode(text, n, &ar, &cp, &ncp) != IFR_OK)
        return 1;
    double t2 = now();
    printf("input: %.1f MB, %zu code points, valid=%d\n", (double)n / 1048576.0, ncp, valid);
    printf("utf8_valid        %8.1f MB/s\n", (double)n / 1048576.0 / (t1 - t0));
    printf("utf8_decode       %8.1f MB/s\n", (double)n / 1048576.0 / (t2 - t1));

    volatile size_t sink = 0;
    t0 = now();
    size_t w = 0;
    for (size_t i = 0; i < ncp; i++)
        w += ifr__py_isword(cp[i]);
    t1 = now();
    sink += w;
    printf("py_isword         %8.2f ns/cp\n", (t1 - t0) * 1e9 / (double)ncp);

    t0 = now();
    size_t w2 = 0;
    for (size_t i = 0; i < ncp; i++) {
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp[i]);
        w2 += (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
              (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) || cp[i] == '_';
    }
    t1 = now();
    sink += w2;
    printf("utf8proc L|N|_    %8.2f ns/cp (same answer here: %s)\n", (t1 - t0) * 1e9 / (double)ncp,
           w == w2 ? "yes" : "no");

    t0 = now();
    size_t sp = 0;
    for (size_t i = 0; i < ncp; i++)
        sp += ifr__py_isspace(cp[i]);
    t1 = now();
    sink += sp;
    printf("py_isspace        %8.2f ns/cp\n", (t1 - t0) * 1e9 / (double)ncp);

    t0 = now();
    size_t words = ifr__py_count_words(cp, ncp);
    t1 = now();
    printf("count_words       %8.1f Mcp/s (%zu words)\n", (double)ncp / 1e6 / (t1 - t0), words);

    t0 = now();
    size_t pos = 0, b, e, fields = 0;
    while (ifr__py_split_next(cp, ncp, &pos, &b, &e))
        fields++;
    t1 = now();
    printf("split()           %8.1f Mcp/s (%zu fields)\n", (double)ncp / 1e6 / (t1 - t0), fields);

    uint32_t *lo;
    size_t nlo;
    t0 = now();
    if (ifr__py_lower(cp, ncp, &ar, &lo, &nlo) != IFR_OK)
        return 1;
    t1 = now();
    printf("lower()           %8.1f Mcp/s\n", (double)ncp / 1e6 / (t1 - t0));

    /* regex: re.findall(r"\w+") through PCRE2 vs the direct count */
    ifr__scratch *sc;
    if (ifr__scratch_new(&sc, &al, 10000000, 100000) != IFR_OK)
        return 1;
    ifr__regex *rx;
    char msg[128];
    size_t off;
    t0 = now();
    int reps = 100;
    for (int r = 0; r < reps; r++) {
        if (ifr__regex_compile(&rx, "\\bfox\\b|(?i)caf\303\251", 17, 0, &al, msg, sizeof msg, &off) !=
            IFR_OK) {
            /* (?i) not at the start is an error in Python 3.11: use the flag */
            if (ifr__regex_compile(&rx, "\\bfox\\b|caf\303\251", 13, IFR__RX_IGNORECASE, &al, msg,
                                   sizeof msg, &off) != IFR_OK)
                return 1;
        }
        if (r + 1 < reps)
            ifr__regex_free(rx);
    }
    t1 = now();
    printf("regex compile     %8.1f us (\\bfox\\b|cafe, IGNORECASE)\n", (t1 - t0) * 1e6 / reps);
    size_t cnt;
    t0 = now();
    if (ifr__regex_count(rx, sc, text, n, &cnt) != IFR_OK)
        return 1;
    t1 = now();
    printf("regex findall     %8.1f MB/s (%zu matches)\n", (double)n / 1048576.0 / (t1 - t0), cnt);
    ifr__regex_free(rx);
    if (ifr__regex_compile(&rx, "\\w+", 3, 0, &al, msg, sizeof msg, &off) != IFR_OK)
        return 1;
    t0 = now();
    if (ifr__regex_count(rx, sc, text, n, &cnt) != IFR_OK)
        return 1;
    t1 = now();
    printf("regex \\w+ count   %8.1f MB/s (%zu matches; count_words says %zu)\n",
           (double)n / 1048576.0 / (t1 - t0), cnt, words);
    ifr__regex_free(rx);
    ifr__scratch_free(sc);
    ifr__arena_release(&ar);
    free(text);
    return sink == 0;
}
