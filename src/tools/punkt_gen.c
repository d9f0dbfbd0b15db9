/*
 * punkt_gen.c - build-time tool: index the Punkt model files for binary search.
 *
 * Usage: ifr_punkt_gen ABBREV STARTERS ORTHO COLLOC OUTPUT.c
 *
 * Reads the four files exactly as NLTK 3.9's punkt_tab loader does (lines
 * split on "\n" only, nothing stripped: one abbreviation is ". . " with a
 * trailing space; .tab lines split on "\t"), and writes OUTPUT.c with, per
 * file, an array of {offset, length[, value]} into the *embedded copy* of
 * the same bytes (ifr__data_punkt_*), sorted by bytes, with a hash index
 * over each; also the distinct first elements of the collocations, and for
 * the abbreviations and those first elements the key lengths per first byte
 * (punkt_tables.h). The library compares in the embedded text directly
 * (src/nlp/punkt.c).
 *
 * The tool refuses input the runtime does not support: keys longer than
 * IFR__PUNKT_KEYMAX bytes, non-ASCII keys (the runtime compares lower-cased
 * ASCII only), duplicate keys, ortho values outside 0..65535.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../nlp/punkt_tables.h"

#define KEYMAX IFR__PUNKT_KEYMAX /* = IFR__PUNKT_KEYMAX */

typedef struct {
    size_t off1, len1, off2, len2;
    long val;
} entry;

typedef struct {
    unsigned char *buf;
    size_t n;
} file;

static const unsigned char *g_buf; /* for the comparators (single-threaded tool) */

static int read_file(const char *path, file *f)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *b = malloc(cap);
    if (!b) {
        fclose(in);
        return -1;
    }
    size_t r;
    while ((r = fread(b + n, 1, cap - n, in)) > 0) {
        n += r;
        if (n == cap) {
            unsigned char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                fclose(in);
                return -1;
            }
            b = nb;
            cap *= 2;
        }
    }
    int bad = ferror(in);
    fclose(in);
    if (bad) {
        free(b);
        return -1;
    }
    f->buf = b;
    f->n = n;
    return 0;
}

static int cmp_bytes(const unsigned char *a, size_t na, const unsigned char *b, size_t nb)
{
    size_t m = na < nb ? na : nb;
    int c = memcmp(a, b, m);
    if (c)
        return c;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = cmp_bytes(g_buf + a->off1, a->len1, g_buf + b->off1, b->len1);
    if (c)
        return c;
    return cmp_bytes(g_buf + a->off2, a->len2, g_buf + b->off2, b->len2);
}

static int check_key(const char *path, size_t line, const unsigned char *s, size_t n)
{
    if (n > KEYMAX) {
        fprintf(stderr, "%s:%zu: key longer than %d bytes\n", path, line, KEYMAX);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80) {
            fprintf(stderr, "%s:%zu: non-ASCII key\n", path, line);
            return -1;
        }
    return 0;
}

/* fields: 1 (whole line), 2 (key \t key) or -2 (key \t integer) */
static int parse(const char *path, file *f, int fields, entry **out, size_t *nout)
{
    size_t cap = 1024, n = 0, lineno = 0;
    entry *e = malloc(cap * sizeof *e);
    if (!e)
        return -1;
    size_t pos = 0;
    while (pos < f->n) {
        size_t end = pos;
        while (end < f->n && f->buf[end] != '\n')
            end++;
        lineno++;
        if (n == cap) {
            entry *ne = realloc(e, cap * 2 * sizeof *e);
            if (!ne) {
                free(e);
                return -1;
            }
            e = ne;
            cap *= 2;
        }
        entry *x = &e[n++];
        memset(x, 0, sizeof *x);
        if (fields == 1) {
            x->off1 = pos;
            x->len1 = end - pos;
            if (memchr(f->buf + pos, '\t', end - pos)) {
                fprintf(stderr, "%s:%zu: unexpected tab\n", path, lineno);
                goto fail;
            }
        } else {
            const unsigned char *tab = memchr(f->buf + pos, '\t', end - pos);
            if (!tab || memchr(tab + 1, '\t', (size_t)(f->buf + end - tab - 1))) {
                fprintf(stderr, "%s:%zu: expected exactly two tab-separated fields\n", path,
                        lineno);
                goto fail;
            }
            x->off1 = pos;
            x->len1 = (size_t)(tab - f->buf) - pos;
            x->off2 = (size_t)(tab - f->buf) + 1;
            x->len2 = end - x->off2;
            if (fields == -2) {
                long v = 0;
                if (x->len2 == 0 || x->len2 > 5)
                    goto badint;
                for (size_t i = 0; i < x->len2; i++) {
                    unsigned char c = f->buf[x->off2 + i];
                    if (c < '0' || c > '9')
                        goto badint;
                    v = v * 10 + (c - '0');
                }
                if (v > 65535)
                    goto badint;
                x->val = v;
                x->len2 = 0; /* the value is not part of the key */
                x->off2 = 0;
            } else if (check_key(path, lineno, f->buf + x->off2, x->len2)) {
                goto fail;
            }
        }
        if (check_key(path, lineno, f->buf + x->off1, x->len1))
            goto fail;
        pos = end + 1; /* a final line without "\n" ends at f->n */
    }
    g_buf = f->buf;
    qsort(e, n, sizeof *e, cmp_entry);
    for (size_t i = 1; i < n; i++)
        if (cmp_entry(&e[i - 1], &e[i]) == 0) {
            fprintf(stderr, "%s: duplicate key\n", path);
            goto fail;
        }
    *out = e;
    *nout = n;
    return 0;
badint:
    fprintf(stderr, "%s:%zu: bad integer value\n", path, lineno);
fail:
    free(e);
    return -1;
}

/* the hash index of a sorted table (see punkt_tables.h) */
static int emit_hash(FILE *o, const char *name, const unsigned char *buf, const entry *e, size_t n,
                     int pair)
{
    size_t size = 16;
    while (size < 2 * n)
        size *= 2;
    unsigned *slot = calloc(size, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint32_t h = ifr__punkt_hash(buf + e[i].off1, e[i].len1, buf + e[i].off2, e[i].len2, pair);
        size_t k = h & (size - 1);
        while (slot[k])
            k = (k + 1) & (size - 1);
        slot[k] = (unsigned)(i + 1);
    }
    fprintf(o, "const uint32_t %s_hash[] = {\n", name);
    for (size_t k = 0; k < size; k++)
        fprintf(o, "%u,%s", slot[k], (k % 16 == 15) ? "\n" : "");
    fprintf(o, "};\nconst uint32_t %s_mask = %zu;\n", name, size - 1);
    free(slot);
    return 0;
}

/* per first byte, the set of key lengths 1..64 (bit len - 1) of a table:
 * the runtime skips a lookup whose length and first byte match no key */
static void emit_lenmask(FILE *o, const char *name, const unsigned char *buf, const entry *e,
                         size_t n)
{
    uint64_t m[128] = {0};
    for (size_t i = 0; i < n; i++)
        if (e[i].len1 >= 1 && e[i].len1 <= 64)
            m[buf[e[i].off1] & 0x7Fu] |= UINT64_C(1) << (e[i].len1 - 1);
    fprintf(o, "const uint64_t %s_lenmask[128] = {\n", name);
    for (size_t k = 0; k < 128; k++)
        fprintf(o, "UINT64_C(0x%016llx),%s", (unsigned long long)m[k], (k % 4 == 3) ? "\n" : "");
    fprintf(o, "};\n");
}

static void emit_entries(FILE *o, const char *name, const entry *e, size_t n)
{
    fprintf(o, "const ifr__punkt_entry %s[] = {\n", name);
    for (size_t i = 0; i < n; i++)
        fprintf(o, "{%zu,%zu,%ld},%s", e[i].off1, e[i].len1, e[i].val,
                (i % 8 == 7) ? "\n" : "");
    fprintf(o, "{0,0,0}};\nconst size_t %s_n = %zu;\n", name, n);
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: %s ABBREV STARTERS ORTHO COLLOC OUTPUT.c\n", argv[0]);
        return 2;
    }
    file f[4];
    entry *e[4];
    size_t n[4];
    static const int kinds[4] = {1, 1, -2, 2};
    for (int i = 0; i < 4; i++) {
        if (read_file(argv[1 + i], &f[i]) || parse(argv[1 + i], &f[i], kinds[i], &e[i], &n[i]))
            return 1;
    }
    FILE *o = fopen(argv[5], "wb");
    if (!o) {
        perror(argv[5]);
        return 1;
    }
    fprintf(o, "/* generated by ifr_punkt_gen from data/embed/punkt; do not edit */\n"
               "#include \"nlp/punkt_tables.h\"\n\n");
    emit_entries(o, "ifr__punkt_abbrev", e[0], n[0]);
    emit_entries(o, "ifr__punkt_starters", e[1], n[1]);
    emit_entries(o, "ifr__punkt_ortho", e[2], n[2]);
    /* the distinct first elements of the collocations (pairs are sorted, so
     * each first element starts a run): a lookup of typ alone tells whether
     * any pair can match before the pair key is hashed */
    entry *c1 = malloc((n[3] + 1) * sizeof *c1);
    size_t n1 = 0;
    if (!c1)
        return 1;
    for (size_t i = 0; i < n[3]; i++)
        if (!n1 || cmp_bytes(f[3].buf + c1[n1 - 1].off1, c1[n1 - 1].len1, f[3].buf + e[3][i].off1,
                             e[3][i].len1) != 0)
            c1[n1++] = e[3][i];
    for (size_t i = 0; i < n1; i++)
        c1[i].val = 0;
    emit_entries(o, "ifr__punkt_colloc1", c1, n1);
    emit_lenmask(o, "ifr__punkt_colloc1", f[3].buf, c1, n1);
    emit_lenmask(o, "ifr__punkt_abbrev", f[0].buf, e[0], n[0]);
    if (emit_hash(o, "ifr__punkt_colloc1", f[3].buf, c1, n1, 0) ||
        emit_hash(o, "ifr__punkt_abbrev", f[0].buf, e[0], n[0], 0) ||
        emit_hash(o, "ifr__punkt_starters", f[1].buf, e[1], n[1], 0) ||
        emit_hash(o, "ifr__punkt_ortho", f[2].buf, e[2], n[2], 0) ||
        emit_hash(o, "ifr__punkt_colloc", f[3].buf, e[3], n[3], 1))
        return 1;
    fprintf(o, "const ifr__punkt_pair ifr__punkt_colloc[] = {\n");
    for (size_t i = 0; i < n[3]; i++)
        fprintf(o, "{%zu,%zu,%zu,%zu},\n", e[3][i].off1, e[3][i].off2, e[3][i].len1,
                e[3][i].len2);
    fprintf(o, "{0,0,0,0}};\nconst size_t ifr__punkt_colloc_n = %zu;\n", n[3]);
    int bad = ferror(o);
    if (fclose(o) || bad) {
        perror(argv[5]);
        return 1;
    }
    free(c1);
    for (int i = 0; i < 4; i++) {
        free(e[i]);
        free(f[i].buf);
    }
    return 0;
}
