/*
 * ldgen.c - build-time generator of langdetect's tables (langdetect_data.h).
 *
 * Usage: ifr_ldgen OUT.c MESSAGES.properties LANGUAGES.txt PROFILE_DIR
 *
 * Reads the langdetect 1.0.9 profiles in the order LANGUAGES.txt lists them
 * (langdetect uses os.listdir order, recorded once from the reference
 * installation) and computes, per n-gram and language, exactly the double
 * DetectorFactory.add_profile computes: 1.0 * freq[word] / n_words[len - 1].
 * The values are written as C99 hexadecimal floating constants, so they are
 * bit-exact. From messages.properties it derives NGram's CJK_MAP, the Latin-1
 * exclusions and the Vietnamese normalisation tables.
 *
 * This is a build tool: it may print and exit.
 */
#include "nlp/langdetect_data.h"
#include "nlp/pyrandom.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gram {
    uint64_t key;
    double prob[IFR__LD_NLANG];
} gram;

static gram *grams;
static size_t ngrams, capgrams;
static uint32_t slot_gram[IFR__LD_SLOTS]; /* gram index + 1, 0 = empty */

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "ifr_ldgen: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

/* Decode UTF-8 (the generator trusts its inputs but still checks shape). */
static size_t utf8_decode(const char *s, uint32_t *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c;
        int len;
        if (*p < 0x80) {
            c = *p;
            len = 1;
        } else if ((*p & 0xE0) == 0xC0) {
            c = *p & 0x1Fu;
            len = 2;
        } else if ((*p & 0xF0) == 0xE0) {
            c = *p & 0x0Fu;
            len = 3;
        } else if ((*p & 0xF8) == 0xF0) {
            c = *p & 0x07u;
            len = 4;
        } else {
            die("bad UTF-8 in profile key", s);
            return 0;
        }
        for (int i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80)
                die("bad UTF-8 in profile key", s);
            c = (c << 6) | (p[i] & 0x3Fu);
        }
        p += len;
        if (n < cap)
            out[n] = c;
        n++;
    }
    return n;
}

/* Slot holding key, or -1. */
static int find_slot(uint64_t key)
{
    uint32_t h = ifr__ld_hash(key);
    for (; slot_gram[h]; h = (h + 1) & (IFR__LD_SLOTS - 1))
        if (grams[slot_gram[h] - 1].key == key)
            return (int)h;
    return -1;
}

static gram *find_or_add(uint64_t key)
{
    uint32_t h = ifr__ld_hash(key);
    for (;;) {
        uint32_t g = slot_gram[h];
        if (g == 0)
            break;
        if (grams[g - 1].key == key)
            return &grams[g - 1];
        h = (h + 1) & (IFR__LD_SLOTS - 1);
    }
    if (ngrams + 1 >= IFR__LD_SLOTS * 3 / 4)
        die("hash table too full; raise IFR__LD_HASH_BITS", NULL);
    if (ngrams == capgrams) {
        capgrams = capgrams ? capgrams * 2 : 65536;
        grams = realloc(grams, capgrams * sizeof *grams);
        if (!grams)
            die("out of memory", NULL);
    }
    gram *gr = &grams[ngrams++];
    memset(gr, 0, sizeof *gr);
    gr->key = key;
    slot_gram[h] = (uint32_t)ngrams;
    return gr;
}

static void load_profile(const char *dir, const char *lang, int index, char codes[][8])
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, lang);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root)
        die(jerr.text, path);
    json_t *name = json_object_get(root, "name");
    json_t *freq = json_object_get(root, "freq");
    json_t *nwords = json_object_get(root, "n_words");
    if (!json_is_string(name) || !json_is_object(freq) || !json_is_array(nwords) ||
        json_array_size(nwords) != 3)
        die("profile shape", path);
    if (strlen(json_string_value(name)) >= 8)
        die("language code too long", path);
    strcpy(codes[index], json_string_value(name));
    double nw[3];
    for (size_t i = 0; i < 3; i++) {
        json_t *v = json_array_get(nwords, i);
        if (!json_is_integer(v))
            die("n_words must be integers", path);
        nw[i] = (double)json_integer_value(v);
    }
    const char *word;
    json_t *count;
    json_object_foreach(freq, word, count) {
        uint32_t cp[8];
        size_t len = utf8_decode(word, cp, 8);
        if (len < 1 || len > 3)
            continue; /* langdetect keeps them with all-zero vectors; unreachable */
        if (!json_is_integer(count))
            die("freq values must be integers", path);
        uint64_t key = ifr__ld_key(cp, len);
        if (key == 0)
            die("profile n-gram outside the BMP or with U+0000", word);
        gram *g = find_or_add(key);
        /* DetectorFactory.add_profile: prob = 1.0 * count / n_words[length - 1] */
        g->prob[index] = (1.0 * (double)json_integer_value(count)) / nw[len - 1];
    }
    json_decref(root);
}

/* messages.properties: key=value with \uXXXX escapes (decoded like Python's
 * value.encode().decode('unicode_escape'); the file is pure ASCII). */
#define MAX_MSG 256
static struct {
    char key[64];
    uint32_t *val;
    size_t len;
} msgs[MAX_MSG];
static size_t nmsgs;

static void load_messages(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open", path);
    static char line[65536];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = 0;
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = 0;
        if (nmsgs == MAX_MSG || strlen(line) >= sizeof msgs[0].key)
            die("messages.properties: too many or too long keys", line);
        strcpy(msgs[nmsgs].key, line);
        uint32_t *v = malloc((strlen(eq + 1) + 1) * sizeof *v);
        if (!v)
            die("out of memory", NULL);
        size_t len = 0;
        for (const char *p = eq + 1; *p;) {
            if (p[0] == '\\' && p[1] == 'u') {
                char hex[5] = {p[2], p[3], p[4], p[5], 0};
                v[len++] = (uint32_t)strtoul(hex, NULL, 16);
                p += 6;
            } else if ((unsigned char)*p >= 0x80 || *p == '\\') {
                die("unexpected character in messages.properties", msgs[nmsgs].key);
            } else {
                v[len++] = (unsigned char)*p++;
            }
        }
        msgs[nmsgs].val = v;
        msgs[nmsgs].len = len;
        nmsgs++;
    }
    fclose(f);
}

static const uint32_t *message(const char *key, size_t *len)
{
    for (size_t i = 0; i < nmsgs; i++)
        if (strcmp(msgs[i].key, key) == 0) {
            *len = msgs[i].len;
            return msgs[i].val;
        }
    die("missing message", key);
    return NULL;
}

static void emit_u32_list(FILE *o, const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(o, "0x%04X,%s", (unsigned)v[i], (i % 12 == 11) ? "\n" : "");
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s OUT.c MESSAGES.properties LANGUAGES.txt PROFILE_DIR\n",
                argv[0]);
        return 2;
    }
    char codes[IFR__LD_NLANG][8];
    memset(codes, 0, sizeof codes);
    FILE *lf = fopen(argv[3], "rb");
    if (!lf)
        die("cannot open", argv[3]);
    char lang[64];
    int nlang = 0;
    while (fscanf(lf, "%63s", lang) == 1) {
        if (lang[0] == '#') { /* comment to end of line */
            int c;
            while ((c = fgetc(lf)) != EOF && c != '\n')
                ;
            continue;
        }
        if (nlang == IFR__LD_NLANG)
            die("more languages than IFR__LD_NLANG", lang);
        load_profile(argv[4], lang, nlang, codes);
        if (strcmp(codes[nlang], lang) != 0)
            die("profile name differs from its file name", lang);
        nlang++;
    }
    fclose(lf);
    if (nlang != IFR__LD_NLANG)
        die("fewer languages than IFR__LD_NLANG", NULL);
    load_messages(argv[2]);

    FILE *o = fopen(argv[1], "wb");
    if (!o)
        die("cannot write", argv[1]);
    fprintf(o, "/* generated by ifr_ldgen from data/langdetect (langdetect 1.0.9, "
               "Apache-2.0); do not edit */\n#include \"nlp/langdetect_data.h\"\n\n");

    fprintf(o, "const char ifr__ld_lang_codes[IFR__LD_NLANG][8] = {");
    for (int i = 0; i < nlang; i++)
        fprintf(o, "%s\"%s\"", i ? "," : "", codes[i]);
    fprintf(o, "};\n\n");

    /* Rows are laid out in slot order (the order does not matter). */
    size_t nrows = 0, nwords = 0, nent = 0, ndense = 0;
    uint32_t *dense_slot = calloc(IFR__LD_SLOTS, sizeof *dense_slot);
    uint32_t *val = calloc(IFR__LD_SLOTS, sizeof *val);
    if (!dense_slot)
        die("out of memory", NULL);
    uint64_t *words = NULL;
    size_t capwords = 0;
    if (!val)
        die("out of memory", NULL);
    for (uint32_t s = 0; s < IFR__LD_SLOTS; s++) {
        if (!slot_gram[s])
            continue;
        const gram *g = &grams[slot_gram[s] - 1];
        uint32_t c = 0;
        for (int l = 0; l < nlang; l++)
            c += g->prob[l] != 0.0;
        nent += c;
        nrows++;
        if (c >= IFR__LD_DENSE_MIN) {
            val[s] = (uint32_t)ndense | IFR__LD_DENSE << 20;
            dense_slot[ndense++] = s;
            continue;
        }
        size_t need = 1 + c; /* the language mask, then the probabilities */
        if (nwords + need > IFR__LD_ROW_OFF(0xFFFFFFFFu) || c > IFR__LD_ROW_COUNT(0xFFFFFFFFu))
            die("rows do not fit the slot encoding", NULL);
        if (nwords + need > capwords) {
            capwords = (nwords + need) * 2;
            words = realloc(words, capwords * sizeof *words);
            if (!words)
                die("out of memory", NULL);
        }
        val[s] = (uint32_t)nwords | c << 20;
        words[nwords] = 0;
        uint32_t j = 0;
        for (int l = 0; l < nlang; l++) {
            if (g->prob[l] == 0.0)
                continue;
            words[nwords] |= UINT64_C(1) << l;
            uint64_t bits;
            memcpy(&bits, &g->prob[l], sizeof bits);
            words[nwords + 1 + j] = bits;
            j++;
        }
        nwords += need;
    }
    fprintf(o, "const ifr__ld_slot ifr__ld_slots[IFR__LD_SLOTS] = {\n");
    for (uint32_t s = 0; s < IFR__LD_SLOTS; s++) {
        if (slot_gram[s])
            fprintf(o, "{0x%llx,%u},\n", (unsigned long long)grams[slot_gram[s] - 1].key,
                    (unsigned)val[s]);
        else
            fprintf(o, "{0,0},\n");
    }
    fprintf(o, "};\nconst size_t ifr__ld_nrows = %zu;\n", nrows);

    /* the ASCII direct tables: the same slot values, found by probing */
    static const char ascii[IFR__LD_NASCII + 1] =
        " ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    fprintf(o, "const uint32_t ifr__ld_ascii1[IFR__LD_NASCII] = {\n");
    for (int a = 0; a < IFR__LD_NASCII; a++) {
        uint32_t cp1[1] = {(unsigned char)ascii[a]};
        int sl = find_slot(ifr__ld_key(cp1, 1));
        fprintf(o, "%uu,%s", sl < 0 ? IFR__LD_NONE : val[sl], (a % 8 == 7) ? "\n" : "");
    }
    fprintf(o, "};\nconst uint32_t ifr__ld_ascii2[IFR__LD_NASCII * IFR__LD_NASCII] = {\n");
    for (int a = 0; a < IFR__LD_NASCII; a++)
        for (int b = 0; b < IFR__LD_NASCII; b++) {
            uint32_t cp2[2] = {(unsigned char)ascii[a], (unsigned char)ascii[b]};
            int sl = find_slot(ifr__ld_key(cp2, 2));
            fprintf(o, "%uu,%s", sl < 0 ? IFR__LD_NONE : val[sl], (b % 8 == 7) ? "\n" : "");
        }
    fprintf(o, "};\nconst uint32_t ifr__ld_ascii3[IFR__LD_NASCII * IFR__LD_NASCII * "
               "IFR__LD_NASCII] = {\n");
    for (int a = 0; a < IFR__LD_NASCII; a++)
        for (int b = 0; b < IFR__LD_NASCII; b++)
            for (int c = 0; c < IFR__LD_NASCII; c++) {
                uint32_t cp3[3] = {(unsigned char)ascii[a], (unsigned char)ascii[b],
                                   (unsigned char)ascii[c]};
                int sl = find_slot(ifr__ld_key(cp3, 3));
                fprintf(o, "%uu,%s", sl < 0 ? IFR__LD_NONE : val[sl], (c % 8 == 7) ? "\n" : "");
            }
    fprintf(o, "};\n");
    fprintf(o, "const uint64_t ifr__ld_words[] = {\n");
    for (size_t w = 0; w < nwords; w++)
        fprintf(o, "0x%llx,%s", (unsigned long long)words[w], (w % 6 == 5) ? "\n" : "");
    fprintf(o, "0};\nconst double ifr__ld_dense[] = {\n");
    for (size_t d = 0; d < ndense; d++) {
        const gram *g = &grams[slot_gram[dense_slot[d]] - 1];
        for (int l = 0; l < IFR__LD_NPROB; l++)
            fprintf(o, "%a,%s", l < nlang ? g->prob[l] : 0.0, (l % 6 == 5) ? "\n" : "");
        fprintf(o, "\n");
    }
    fprintf(o, "0.0};\n\n");

    /* NGram.CJK_MAP: every character of each KANJI class maps to the class's
     * first character; classes are applied in CJK_CLASS order (later wins). */
    static uint16_t cjk[IFR__LD_CJK_LAST - IFR__LD_CJK_FIRST + 1];
    for (uint32_t c = IFR__LD_CJK_FIRST; c <= IFR__LD_CJK_LAST; c++)
        cjk[c - IFR__LD_CJK_FIRST] = (uint16_t)c;
    size_t nclass = 0;
    for (size_t i = 0; i < nmsgs; i++) {
        if (strncmp(msgs[i].key, "NGram.KANJI_", 12) != 0)
            continue;
        nclass++;
        const uint32_t *v = msgs[i].val;
        for (size_t j = 0; j < msgs[i].len; j++) {
            if (v[j] < IFR__LD_CJK_FIRST || v[j] > IFR__LD_CJK_LAST)
                die("KANJI class member outside the CJK block", msgs[i].key);
            cjk[v[j] - IFR__LD_CJK_FIRST] = (uint16_t)v[0];
        }
    }
    if (nclass != 126)
        die("expected 126 KANJI classes (NGram.CJK_CLASS)", NULL);
    fprintf(o, "const uint16_t ifr__ld_cjk_map[IFR__LD_CJK_LAST - IFR__LD_CJK_FIRST + 1] = {\n");
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
        fprintf(o, "0x%04X,%s", cjk[i], (i % 12 == 11) ? "\n" : "");
    fprintf(o, "};\n\n");

    size_t len;
    const uint32_t *v = message("NGram.LATIN1_EXCLUDE", &len);
    fprintf(o, "const uint32_t ifr__ld_latin1_excluded[] = {");
    emit_u32_list(o, v, len);
    fprintf(o, "};\nconst size_t ifr__ld_latin1_excluded_len = %zu;\n\n", len);

    v = message("TO_NORMALIZE_VI_CHARS", &len);
    if (len != IFR__LD_VI_NALPHA)
        die("TO_NORMALIZE_VI_CHARS length", NULL);
    fprintf(o, "const uint32_t ifr__ld_vi_alpha[IFR__LD_VI_NALPHA] = {\n");
    emit_u32_list(o, v, len);
    v = message("DMARK_CLASS", &len);
    if (len != IFR__LD_VI_NDMARK)
        die("DMARK_CLASS length", NULL);
    fprintf(o, "};\nconst uint32_t ifr__ld_vi_dmark[IFR__LD_VI_NDMARK] = {");
    emit_u32_list(o, v, len);
    fprintf(o, "};\nconst uint32_t ifr__ld_vi_norm[IFR__LD_VI_NDMARK][IFR__LD_VI_NALPHA] = {\n");
    static const char *const vikeys[IFR__LD_VI_NDMARK] = {
        "NORMALIZED_VI_CHARS_0300", "NORMALIZED_VI_CHARS_0301", "NORMALIZED_VI_CHARS_0303",
        "NORMALIZED_VI_CHARS_0309", "NORMALIZED_VI_CHARS_0323"};
    for (int d = 0; d < IFR__LD_VI_NDMARK; d++) {
        v = message(vikeys[d], &len);
        if (len != IFR__LD_VI_NALPHA)
            die("NORMALIZED_VI_CHARS length", vikeys[d]);
        fprintf(o, "{");
        emit_u32_list(o, v, len);
        fprintf(o, "},\n");
    }
    fprintf(o, "};\n\n");

    /* seed(0), then let the first draw twist the state; mti 0 resumes there */
    ifr__pyrandom rnd;
    ifr__pyrandom_seed(&rnd, 0);
    (void)ifr__pyrandom_u32(&rnd);
    fprintf(o, "const uint32_t ifr__ld_mt_seed0[624] = {\n");
    for (int i = 0; i < IFR__MT_N; i++)
        fprintf(o, "0x%08lxu,%s", (unsigned long)rnd.mt[i], (i % 8 == 7) ? "\n" : "");
    fprintf(o, "};\n");
    if (fclose(o) != 0)
        die("write error", argv[1]);
    fprintf(stderr, "ifr_ldgen: %d languages, %zu n-grams, %zu entries, %zu words, %zu dense\n",
            nlang, nrows, nent, nwords, ndense);
    free(words);
    free(val);
    free(dense_slot);
    free(grams);
    for (size_t i = 0; i < nmsgs; i++)
        free(msgs[i].val);
    return 0;
}
