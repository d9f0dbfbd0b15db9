/*
 * ifbench_tagger.c - the first-token part of NLTK's PerceptronTagger.tag()
 * (nltk/tag/perceptron.py, NLTK 3.9.2): tag dictionary lookup, else the
 * averaged-perceptron features of position 0 and the highest-scoring class
 * (ties to the alphabetically greatest tag, as max(classes, key=(score, tag))).
 */
#include "ifbench_tagger.h"

#include "../text/pycompat.h"

#include <string.h>

/* Binary search in a sorted array of NUL-terminated UTF-8 strings. */
static size_t find_sorted(const char *const *v, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(v[mid], key);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

/* Append the UTF-8 of cp[0..n) to buf at *len (buf has room). */
static void put_cps(char *buf, size_t *len, const uint32_t *cp, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char b[4];
        size_t m = ifr__utf8_put(cp[i], b);
        memcpy(buf + *len, b, m);
        *len += m;
    }
    buf[*len] = 0;
}

static void put_str(char *buf, size_t *len, const char *s)
{
    size_t m = strlen(s);
    memcpy(buf + *len, s, m + 1);
    *len += m;
}

/* PerceptronTagger.normalize(word) as code points (into `ar`). */
static int normalize(ifr__arena *ar, const ifr__ustr *w, const uint32_t **out, size_t *nout)
{
    static const uint32_t hyphen[] = {'!', 'H', 'Y', 'P', 'H', 'E', 'N'};
    static const uint32_t year[] = {'!', 'Y', 'E', 'A', 'R'};
    static const uint32_t digits[] = {'!', 'D', 'I', 'G', 'I', 'T', 'S'};
    bool has_hyphen = false, all_digit = w->n > 0;
    for (size_t i = 0; i < w->n; i++) {
        has_hyphen = has_hyphen || w->p[i] == '-';
        all_digit = all_digit && ifr__py_isdigit(w->p[i]);
    }
    if (has_hyphen && w->p[0] != '-') {
        *out = hyphen;
        *nout = 7;
    } else if (all_digit && w->n == 4) {
        *out = year;
        *nout = 5;
    } else if (w->n > 0 && ifr__py_isdigit(w->p[0])) {
        *out = digits;
        *nout = 7;
    } else {
        uint32_t *low;
        int rc = ifr__py_lower(w->p, w->n, ar, &low, nout);
        if (rc)
            return rc;
        *out = low;
    }
    return IFR_OK;
}

static void add_feature(double *scores, const char *name)
{
    size_t k = find_sorted(ifr__ifb_feat_name, ifr__ifb_feat_n, name);
    if (k == SIZE_MAX)
        return;
    for (uint32_t e = ifr__ifb_feat_off[k]; e < ifr__ifb_feat_off[k + 1]; e++)
        scores[ifr__ifb_w_class[e]] += (double)ifr__ifb_w_milli[e] / 1000.0;
}

int ifr__ifb_first_tag(ifr__arena *ar, const ifr__ustr *tok, size_t ntok, char tag[8])
{
    if (ntok == 0)
        return IFR_E_INVALID;
    const ifr__ustr *w = &tok[0];
    /* context words, normalised: i, i+1, i+2 (with -END- / -END2- past the end) */
    const uint32_t *ctx[3];
    size_t nctx[3];
    static const uint32_t end1[] = {'-', 'E', 'N', 'D', '-'};
    static const uint32_t end2[] = {'-', 'E', 'N', 'D', '2', '-'};
    for (size_t k = 0; k < 3; k++) {
        if (k < ntok) {
            int rc = normalize(ar, &tok[k], &ctx[k], &nctx[k]);
            if (rc)
                return rc;
        } else if (k == ntok) {
            ctx[k] = end1;
            nctx[k] = 5;
        } else {
            ctx[k] = end2;
            nctx[k] = 6;
        }
    }
    size_t longest = w->n;
    for (size_t k = 0; k < 3; k++)
        if (nctx[k] > longest)
            longest = nctx[k];
    char *buf = ifr__arena_alloc(ar, 4 * longest + 64);
    if (!buf)
        return IFR_E_NOMEM;
    size_t len = 0;

    /* 1. the tag dictionary (raw word) */
    put_cps(buf, &len, w->p, w->n);
    size_t td = find_sorted(ifr__ifb_tagdict_word, ifr__ifb_tagdict_n, buf);
    if (td != SIZE_MAX) {
        strcpy(tag, ifr__ifb_tag_classes[ifr__ifb_tagdict_tag[td]]);
        return IFR_OK;
    }

    /* 2. features in the order _get_features adds them (the sums are order-sensitive) */
    double scores[64] = {0};
    size_t suf = w->n >= 3 ? w->n - 3 : 0;
#define FEAT(prefix, cp, n)                                                                  \
    do {                                                                                     \
        len = 0;                                                                             \
        put_str(buf, &len, prefix);                                                          \
        put_cps(buf, &len, cp, n);                                                           \
        add_feature(scores, buf);                                                            \
    } while (0)
    add_feature(scores, "bias");
    FEAT("i suffix ", w->p + suf, w->n - suf);
    FEAT("i pref1 ", w->p, w->n ? 1 : 0);
    add_feature(scores, "i-1 tag -START-");
    add_feature(scores, "i-2 tag -START2-");
    add_feature(scores, "i tag+i-2 tag -START- -START2-");
    FEAT("i word ", ctx[0], nctx[0]);
    FEAT("i-1 tag+i word -START- ", ctx[0], nctx[0]);
    add_feature(scores, "i-1 word -START2-");
    add_feature(scores, "i-1 suffix T2-");
    add_feature(scores, "i-2 word -START-");
    FEAT("i+1 word ", ctx[1], nctx[1]);
    size_t s1 = nctx[1] >= 3 ? nctx[1] - 3 : 0;
    FEAT("i+1 suffix ", ctx[1] + s1, nctx[1] - s1);
    FEAT("i+2 word ", ctx[2], nctx[2]);
#undef FEAT

    size_t best = 0;
    for (size_t c = 1; c < ifr__ifb_tag_nclasses; c++)
        if (scores[c] > scores[best] ||
            (scores[c] == scores[best] &&
             strcmp(ifr__ifb_tag_classes[c], ifr__ifb_tag_classes[best]) > 0))
            best = c;
    strcpy(tag, ifr__ifb_tag_classes[best]);
    return IFR_OK;
}
