/*
 * treebank_diff.c - differential test of src/nlp/treebank.c against an older
 * copy of the same file (the oracle), for both NLTK versions. Not part of the
 * library or of CI; run by hand after changing the Treebank port.
 *
 * The old treebank.c is compiled into this program with its three entry
 * points renamed; everything else (Punkt, pycompat, the arena) comes from the
 * current object library. Build, from a configured build directory `build`
 * and an old checkout in /tmp/tb-old (e.g. `git worktree add /tmp/tb-old REV`):
 *
 *   R="-Difr__treebank_tokenize=old_treebank_tokenize \
 *      -Difr__word_tokenize=old_word_tokenize -Difr__text_tokens=old_text_tokens"
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L $R -Isrc -Iinclude -Ibuild/generated \
 *      -c /tmp/tb-old/src/nlp/treebank.c -o /tmp/old_treebank.o
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude tools/treebank_diff.c \
 *      /tmp/old_treebank.o build/CMakeFiles/ifreward_obj.dir/src/\*\*.o ... \
 *      -ljansson -lpcre2-8 -lutf8proc -lm -o /tmp/tb_diff
 *
 * (tools/treebank_diff.sh does this.) Usage:
 *
 *   tb_diff [-r NRANDOM] [-w NWINDOWS] [-s SEED] FILE.jsonl...
 *
 * Every JSON string of every line of the files (responses, prompts, kwargs)
 * is a text. For each text and each version it compares old and new on
 * NLTKWordTokenizer of the whole text, word_tokenize of the text (Punkt
 * sentences, then each sentence), the cached accessor, and NLTKWordTokenizer
 * of every line; then of NWINDOWS random substrings of the text (default 8).
 * Then NRANDOM random texts (default 200000) drawn from an alphabet heavy in
 * what the rules target. A comparison is the token count and every token's
 * code points. Prints the number of comparisons and the differences (the
 * first few in full); exit status 1 if any.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp_chars.h"
#include "nlp/punkt.h"
#include "nlp/treebank.h"
#include "text/pycompat.h"

int old_treebank_tokenize(const uint32_t *s, size_t n, ifr__nltk_version v, ifr__arena *ar,
                          ifr__ustr **toks, size_t *ntoks, size_t *cap);
int old_word_tokenize(const uint32_t *cp, size_t n, ifr__nltk_version v, ifr__arena *ar,
                      ifr__ustr **out, size_t *nout);
int old_text_tokens(ifr__text *t, ifr__nltk_version v, const ifr__ustr **out, size_t *n);

typedef struct run {
    ifr__arena ar;
    unsigned long long ncmp, ndiff, seed;
} run;

static unsigned long long rnd(run *r)
{
    /* xorshift64* */
    r->seed ^= r->seed >> 12;
    r->seed ^= r->seed << 25;
    r->seed ^= r->seed >> 27;
    return r->seed * 2685821657736338717ULL;
}

static size_t rndn(run *r, size_t n)
{
    return n ? (size_t)(rnd(r) % n) : 0;
}

static void put_cps(const uint32_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\')
            putchar((int)p[i]);
        else
            printf("\\u{%x}", (unsigned)p[i]);
    }
}

static void put_toks(const ifr__ustr *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf(i ? ", [" : "[");
        put_cps(t[i].p, t[i].n);
        printf("]");
    }
    printf("\n");
}

static bool same(const ifr__ustr *a, size_t na, const ifr__ustr *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (a[i].n != b[i].n || (a[i].n && memcmp(a[i].p, b[i].p, a[i].n * sizeof *a[i].p)))
            return false;
    return true;
}

static void report(run *r, const char *what, int v, const uint32_t *s, size_t n,
                   const ifr__ustr *a, size_t na, int rca, const ifr__ustr *b, size_t nb, int rcb)
{
    r->ncmp++;
    if (rca == rcb && (rca != IFR_OK || same(a, na, b, nb)))
        return;
    r->ndiff++;
    if (r->ndiff > 20)
        return;
    printf("DIFF %s v%d (rc old %d new %d) text [", what, v, rca, rcb);
    put_cps(s, n);
    printf("]\n  old: ");
    put_toks(a, rca == IFR_OK ? na : 0);
    printf("  new: ");
    put_toks(b, rcb == IFR_OK ? nb : 0);
}

/* NLTKWordTokenizer on s[0..n) */
static void cmp_treebank(run *r, const char *what, const uint32_t *s, size_t n)
{
    for (int v = 0; v < IFR__NLTK_NVERSIONS; v++) {
        ifr__arena_reset(&r->ar);
        ifr__ustr *a = NULL, *b = NULL;
        size_t na = 0, nb = 0, ca = 0, cb = 0;
        int rca = old_treebank_tokenize(s, n, (ifr__nltk_version)v, &r->ar, &a, &na, &ca);
        int rcb = ifr__treebank_tokenize(s, n, (ifr__nltk_version)v, &r->ar, &b, &nb, &cb);
        report(r, what, v, s, n, a, na, rca, b, nb, rcb);
    }
}

/* word_tokenize, directly and through the cached accessor */
static void cmp_word(run *r, const char *what, const uint32_t *s, size_t n)
{
    for (int v = 0; v < IFR__NLTK_NVERSIONS; v++) {
        ifr__arena_reset(&r->ar);
        ifr__ustr *a = NULL, *b = NULL;
        size_t na = 0, nb = 0;
        int rca = old_word_tokenize(s, n, (ifr__nltk_version)v, &r->ar, &a, &na);
        int rcb = ifr__word_tokenize(s, n, (ifr__nltk_version)v, &r->ar, &b, &nb);
        report(r, what, v, s, n, a, na, rca, b, nb, rcb);
        ifr__text t1, t2;
        const ifr__ustr *c = NULL, *d = NULL;
        size_t nc = 0, nd = 0;
        if (ifr__text_init_cp(&t1, &r->ar, s, n) != IFR_OK ||
            ifr__text_init_cp(&t2, &r->ar, s, n) != IFR_OK) {
            printf("text_init failed\n");
            exit(2);
        }
        rca = old_text_tokens(&t1, (ifr__nltk_version)v, &c, &nc);
        rcb = ifr__text_tokens(&t2, (ifr__nltk_version)v, &d, &nd);
        report(r, "accessor", v, s, n, c, nc, rca, d, nd, rcb);
    }
}

static void cmp_text(run *r, const uint32_t *s, size_t n, int nwin)
{
    cmp_treebank(r, "treebank(text)", s, n);
    cmp_word(r, "word_tokenize(text)", s, n);
    /* each line, and each Punkt sentence (as the checkers tokenize them) */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        if (j < n)
            j++;
        if (i > 0 || j < n)
            cmp_treebank(r, "treebank(line)", s + i, j - i);
        i = j;
    }
    ifr__arena_reset(&r->ar);
    ifr__span *sp;
    size_t ns;
    if (ifr__punkt_tokenize(s, n, IFR__NLTK_38, &r->ar, &sp, &ns) == IFR_OK && ns > 1) {
        /* copy the spans: cmp_treebank resets the arena */
        ifr__span *cp = malloc(ns * sizeof *cp);
        if (!cp)
            exit(2);
        memcpy(cp, sp, ns * sizeof *cp);
        for (size_t i = 0; i < ns; i++)
            cmp_treebank(r, "treebank(sentence)", s + cp[i].b, cp[i].e - cp[i].b);
        free(cp);
    }
    for (int w = 0; w < nwin && n > 1; w++) {
        size_t a = rndn(r, n), len = 1 + rndn(r, n - a < 400 ? n - a : 400);
        cmp_treebank(r, "treebank(window)", s + a, len);
        if (w < 2)
            cmp_word(r, "word_tokenize(window)", s + a, len);
    }
}

static void walk_json(run *r, json_t *j, int nwin, unsigned long long *ntexts)
{
    if (json_is_string(j)) {
        ifr__arena_reset(&r->ar);
        uint32_t *cp;
        size_t n;
        if (ifr__utf8_decode(json_string_value(j), json_string_length(j), &r->ar, &cp, &n) !=
            IFR_OK)
            return;
        uint32_t *own = malloc((n ? n : 1) * sizeof *own);
        if (!own)
            exit(2);
        memcpy(own, cp, n * sizeof *own);
        cmp_text(r, own, n, nwin);
        free(own);
        (*ntexts)++;
    } else if (json_is_array(j)) {
        size_t i;
        json_t *x;
        json_array_foreach(j, i, x) walk_json(r, x, nwin, ntexts);
    } else if (json_is_object(j)) {
        const char *k;
        json_t *x;
        json_object_foreach(j, k, x) walk_json(r, x, nwin, ntexts);
    }
}

/* MARK: random texts */

static const char *const atoms[] = {
    /* quotes and brackets */
    "'", "'", "'", "\"", "\"", "`", "``", "''", "\u201c", "\u201d", "\u2018", "\u2019",
    "\u00ab", "\u00bb", "\u201e", "(", ")", "[", "]", "{", "}", "<", ">",
    /* punctuation */
    ".", ".", ".", "..", "...", ",", ",", ":", ";", "!", "?", "*", "@", "#", "$", "%", "&",
    "-", "-", "--", "/", "+", "=", "_", "~", "^", "|", "\\",
    /* contractions and clitics */
    "can't", "don't", "won't", "gonna", "gotta", "gimme", "lemme", "wanna", "cannot",
    "d'ye", "more'n", "'tis", "'twas", "'Tis", "'TWAS", "'ll", "'LL", "'re", "'RE", "'ve",
    "'VE", "n't", "N'T", "'s", "'S", "'m", "'M", "'d", "'D", "'t", "'n", "it's", "I'm",
    "we'll", "they're", "you've", "he'd", "dogs'", "o'clock", "rock'n'roll", "'em", "'x",
    "CAN'T", "Gonna", "WANNA", "g\u0130mme", "\u017f", "\u0130", "\u0131",
    /* numbers */
    "1,000", "3:30", "2.5", "1", "42", "\u0663", "\uff15", "1,", ",5", ":1",
    /* words */
    "the", "The", "a", "I", "Mr.", "U.S.", "e.g.", "etc.", "end.", "word", "x", "Na",
    "na", "not", "me", "ta", "is", "was", "can", "gon", "wan", "is.", "ok?", "(a)",
    "\u00e9t\u00e9", "stra\u00dfe", "\u212a", "\u03a3\u03bf\u03c6\u03af\u03b1",
    "\u044f\u0437\u044b\u043a", "\u4e2d\u6587", "\u0939\u093f\u0902\u0926\u0940",
    "\u2014", "\u2013", "\u2026", "\u00a0", "&amp;",
    /* whitespace */
    " ", " ", " ", " ", " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "\n\n", "\u00a0",
    "\u2003", "\u3000", "\x1c", "\x0b", "\x0c", "\u2028", "\xc2\x85",
};
enum { NATOMS = sizeof atoms / sizeof *atoms };

/* single characters of the same alphabet */
static const uint32_t chars[] = {
    '\'', '"', '`', 0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb, 0x201e, '(', ')', '[', ']',
    '{', '}', '<', '>', '.', ',', ':', ';', '!', '?', '*', '@', '#', '$', '%', '&', '-', '/',
    '+', '=', '_', ' ', ' ', ' ', '\t', '\n', '\r', 0xa0, 0x2003, 0x1c, 'a', 'n', 't', 's',
    'S', 'm', 'd', 'l', 'L', 'r', 'e', 'v', 'i', 'w', 'c', 'o', 'g', 'T', 'N', 'x', '0', '5',
    0x663, 0x130, 0x131, 0x17f, 0xe9, 0x4e2d, 0x3a3, 0x2014,
};
enum { NCHARS = sizeof chars / sizeof *chars };

static void random_text(run *r, char *buf, size_t cap, size_t *len)
{
    size_t k = 0;
    int mode = (int)rndn(r, 4);
    size_t natoms = 1 + rndn(r, mode == 3 ? 200 : 40);
    for (size_t a = 0; a < natoms; a++) {
        const char *p;
        char one[8];
        if (mode == 1 || (mode != 2 && rndn(r, 3) == 0)) {
            /* a single character */
            uint32_t c = chars[rndn(r, NCHARS)];
            size_t m = ifr__utf8_put(c, one);
            one[m] = 0;
            p = one;
        } else {
            p = atoms[rndn(r, NATOMS)];
        }
        size_t m = strlen(p);
        if (k + m + 2 >= cap)
            break;
        memcpy(buf + k, p, m);
        k += m;
        /* mostly words separated by a space, as in prose */
        if (mode == 0 && rndn(r, 2) == 0)
            buf[k++] = ' ';
    }
    *len = k;
}

int main(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    r.seed = 88172645463325252ULL;
    long nrandom = 200000;
    int nwin = 8;
    ifr_allocator al;
    ifr__alloc_default(&al);
    ifr__arena_init(&r.ar, &al);
    unsigned long long ntexts = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i += 2) {
        if (i + 1 >= argc)
            return 2;
        if (!strcmp(argv[i], "-r"))
            nrandom = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "-w"))
            nwin = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "-s"))
            r.seed = strtoull(argv[i + 1], NULL, 10) | 1;
        else
            return 2;
    }
    for (; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        while ((len = getline(&line, &lcap, f)) > 0) {
            json_error_t e;
            json_t *j = json_loadb(line, (size_t)len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
            if (!j)
                continue;
            walk_json(&r, j, nwin, &ntexts);
            json_decref(j);
        }
        free(line);
        fclose(f);
    }
    unsigned long long nfile = ntexts, cfile = r.ncmp;
    printf("file texts: %llu (%llu comparisons), differences so far: %llu\n", nfile, cfile,
           r.ndiff);
    char buf[8192];
    for (long k = 0; k < nrandom; k++) {
        size_t len;
        random_text(&r, buf, sizeof buf, &len);
        ifr__arena_reset(&r.ar);
        uint32_t *cp;
        size_t n;
        if (ifr__utf8_decode(buf, len, &r.ar, &cp, &n) != IFR_OK)
            return 2;
        uint32_t *own = malloc((n ? n : 1) * sizeof *own);
        if (!own)
            return 2;
        memcpy(own, cp, n * sizeof *own);
        cmp_treebank(&r, "treebank(random)", own, n);
        cmp_word(&r, "word_tokenize(random)", own, n);
        /* and every suffix start after a space, to vary the sentence start */
        for (size_t a = 1; a < n && a < 64; a++)
            if (ifr__nlp_space(own[a - 1]))
                cmp_treebank(&r, "treebank(random suffix)", own + a, n - a);
        free(own);
    }
    printf("random texts: %ld (%llu comparisons)\n", nrandom, r.ncmp - cfile);
    printf("total: %llu texts, %llu comparisons, %llu differences\n", ntexts + (unsigned long long)nrandom,
           r.ncmp, r.ndiff);
    ifr__arena_release(&r.ar);
    return r.ndiff ? 1 : 0;
}
