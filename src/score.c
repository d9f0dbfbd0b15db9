/*
 * score.c - results and the scoring layer: strict / loose variants, the
 * blank-response gate, preprocessing, guards and aggregation. It never knows
 * what a checker measures.
 */
#include "spec_internal.h"
#include "checkers/precise.h"
#include "text/pycompat.h"
#include "text/utf8.h"

#include <stdio.h>
#include <string.h>

#define DETAIL_CAP 192
/* precise loose mode: the longest first/last line it may drop, in \w+ words */
#define PRECISE_MAX_DROPPED_WORDS 15
#define NVARIANTS 8

struct ifr_result {
    ifr_allocator alloc;
    ifr__arena arena;
    ifr__scratch *rx;
    size_t n, cap;
    unsigned char *followed;
    int *status;
    char *details;          /* cap * DETAIL_CAP */
    size_t nfollowed;
    unsigned guard;         /* guard that fired, or 0 */
    int64_t guards, rep_n, rep_permille;
    /* IFR_CHECK_BOTH: the loose verdicts, a read-only view that shares this
     * result's lifetime (allocated on first use; never checked into) */
    struct ifr_result *loose;
    bool has_loose;         /* the last check filled `loose` */
    bool is_view;           /* this is some result's `loose` */
};

IFR_API int ifr_result_new(ifr_result **out, const ifr_options *opts)
{
    if (!out)
        return IFR_E_INVALID;
    *out = NULL;
    ifr_allocator a;
    ifr__opts_allocator(opts, &a);
    ifr_result *r = ifr__calloc(&a, 1, sizeof *r);
    if (!r)
        return IFR_E_NOMEM;
    r->alloc = a;
    ifr__arena_init(&r->arena, &r->alloc);
    int rc = ifr__scratch_new(&r->rx, &r->alloc, (uint32_t)ifr__opt(opts, IFR_OPT_REGEX_MATCH_LIMIT),
                              (uint32_t)ifr__opt(opts, IFR_OPT_REGEX_DEPTH_LIMIT));
    if (rc != IFR_OK) {
        ifr__free(&a, r);
        return rc;
    }
    r->guards = ifr__opt(opts, IFR_OPT_GUARDS);
    r->rep_n = ifr__opt(opts, IFR_OPT_REPETITION_NGRAM);
    r->rep_permille = ifr__opt(opts, IFR_OPT_REPETITION_PERMILLE);
    *out = r;
    return IFR_OK;
}

IFR_API void ifr_result_free(ifr_result *res)
{
    if (!res || res->is_view)
        return; /* a loose view dies with the result that owns it */
    ifr_allocator a = res->alloc;
    if (res->loose) {
        ifr__free(&a, res->loose->followed);
        ifr__free(&a, res->loose->status);
        ifr__free(&a, res->loose->details);
        ifr__free(&a, res->loose);
    }
    ifr__scratch_free(res->rx);
    ifr__arena_release(&res->arena);
    ifr__free(&a, res->followed);
    ifr__free(&a, res->status);
    ifr__free(&a, res->details);
    ifr__free(&a, res);
}

static int ensure_capacity(ifr_result *r, size_t n)
{
    if (n <= r->cap)
        return IFR_OK;
    size_t cap = r->cap ? r->cap : 8;
    while (cap < n)
        cap *= 2;
    unsigned char *f = ifr__calloc(&r->alloc, cap, 1);
    int *s = ifr__calloc(&r->alloc, cap, sizeof *s);
    char *d = ifr__calloc(&r->alloc, cap, DETAIL_CAP);
    if (!f || !s || !d) {
        ifr__free(&r->alloc, f);
        ifr__free(&r->alloc, s);
        ifr__free(&r->alloc, d);
        return IFR_E_NOMEM;
    }
    ifr__free(&r->alloc, r->followed);
    ifr__free(&r->alloc, r->status);
    ifr__free(&r->alloc, r->details);
    r->followed = f;
    r->status = s;
    r->details = d;
    r->cap = cap;
    return IFR_OK;
}

/* The loose view (IFR_CHECK_BOTH), made on first use, with room for n verdicts. */
static int ensure_loose(ifr_result *r, size_t n)
{
    if (!r->loose) {
        ifr_result *v = ifr__calloc(&r->alloc, 1, sizeof *v);
        if (!v)
            return IFR_E_NOMEM;
        v->alloc = r->alloc;
        v->is_view = true;
        r->loose = v;
    }
    return ensure_capacity(r->loose, n);
}

/* IFR_CHECK_BOTH: copy instruction i's state from the loose view into the
 * strict result (called once variant 0, the response itself, is decided). */
static void snapshot(ifr_result *strict, const ifr_result *lz, size_t i)
{
    strict->followed[i] = lz->followed[i];
    strict->status[i] = lz->status[i];
    strict->nfollowed += lz->followed[i];
    memcpy(strict->details + i * DETAIL_CAP, lz->details + i * DETAIL_CAP, DETAIL_CAP);
}

/* After a truncating snprintf, drop a UTF-8 sequence cut in half at the end. */
static void trim_partial_utf8(char *s)
{
    size_t n = strlen(s), i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80 && n - i < 3)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (lead >= 0x80 && n - (i - 1) < need)
        s[i - 1] = '\0';
}

void ifr__detail(ifr__check_ctx *cx, const char *fmt, ...)
{
    if (!cx->detail || !cx->detail_cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cx->detail, cx->detail_cap, fmt, ap);
    va_end(ap);
    trim_partial_utf8(cx->detail);
}

/* MARK: variants ---------------------------------------------------------- */

typedef struct variants {
    ifr__arena *ar;
    const uint32_t *cp;  /* the response after preprocessing */
    size_t ncp;
    ifr__text *v[NVARIANTS];
    bool built[NVARIANTS];
    bool precise;
    int stars;           /* -1 unknown, 0 no '*' in cp, 1 some */
    const char *ascii;   /* cp's UTF-8 when it is all ASCII (byte i is cp[i]), else NULL */
    bool have_nl;        /* first_nl, last_nl: the first and last '\n' (ncp if none) */
    size_t first_nl, last_nl;
} variants;

static const char *const variant_names[NVARIANTS] = {
    "response", "without *", "without the first line", "without the last line",
    "without the first and last lines", "without * and the first line",
    "without * and the last line", "without *, the first and last lines",
};

/*
 * Precise semantics: loose mode may drop a first or last line only when it
 * is a short framing line ("Sure, here is the poem:"), not a place to park
 * whatever breaks the instruction.
 */
static bool short_line(const uint32_t *s, size_t n)
{
    return ifr__py_count_words(s, n) <= PRECISE_MAX_DROPPED_WORDS;
}

/* IFEval's loose variant k of the response, as code points into `ar`.
 * *out is NULL when precise semantics does not allow the variant. *bytes is
 * its UTF-8 (terminated) when the response is ASCII, else NULL. */
static int make_variant(variants *vs, int k, uint32_t **out, size_t *nout, size_t *nbytes,
                        char **bytes)
{
    const uint32_t *s = vs->cp;
    size_t n = vs->ncp, b = 0, e = n;
    int cut = (k == 2 || k == 5) ? 1 : (k == 3 || k == 6) ? 2 : (k == 4 || k == 7) ? 3 : 0;
    bool nostar = k == 1 || k >= 5;
    if (cut) {
        /* the first and the last '\n' (n if none): scanned once per response */
        if (!vs->have_nl) {
            size_t f = 0, l = n;
            if (vs->ascii) {
                const char *p = memchr(vs->ascii, '\n', n);
                f = p ? (size_t)(p - vs->ascii) : n;
            } else {
                while (f < n && s[f] != '\n')
                    f++;
            }
            if (f < n) {
                l = n - 1;
                while (s[l] != '\n')
                    l--;
            }
            vs->first_nl = f;
            vs->last_nl = l;
            vs->have_nl = true;
        }
        size_t first = vs->first_nl, last = vs->last_nl;
        if (vs->precise && (((cut & 1) && first != n && !short_line(s, first)) ||
                            ((cut & 2) && last != n && !short_line(s + last + 1, n - last - 1)))) {
            *out = NULL;
            *bytes = NULL;
            *nout = 0;
            return IFR_OK;
        }
        if (cut & 1) /* drop the first line: "\n".join(r[1:]) */
            b = first == n ? n : first + 1;
        if (cut & 2) /* drop the last line: "\n".join(r[:-1]) */
            e = last == n ? 0 : last;
        if (cut == 3 && first == last)
            b = e = 0; /* fewer than two lines in the middle: empty */
        if (e < b)
            e = b;
        size_t sb, se;
        ifr__py_strip(s + b, e - b, &sb, &se);
        e = b + se;
        b = b + sb;
    }
    uint32_t *o = ifr__arena_alloc(vs->ar, (e - b + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    size_t m = 0, nb = 0;
    if (vs->ascii) {
        /* ASCII: the bytes are the code points; copy both, encode nothing */
        char *ob = ifr__arena_alloc(vs->ar, e - b + 1);
        if (!ob)
            return IFR_E_NOMEM;
        if (nostar) {
            /* copy the runs between the '*'s */
            for (size_t i = b; i < e;) {
                const char *star = memchr(vs->ascii + i, '*', e - i);
                size_t j = star ? (size_t)(star - vs->ascii) : e;
                memcpy(o + m, s + i, (j - i) * sizeof *o);
                memcpy(ob + m, vs->ascii + i, j - i);
                m += j - i;
                i = j + 1;
            }
        } else {
            m = e - b;
            if (m) {
                memcpy(o, s + b, m * sizeof *o);
                memcpy(ob, vs->ascii + b, m);
            }
        }
        o[m] = 0;
        ob[m] = '\0';
        *out = o;
        *nout = m;
        *nbytes = m;
        *bytes = ob;
        return IFR_OK;
    }
    if (nostar) {
        for (size_t i = b; i < e; i++) {
            uint32_t c = s[i];
            o[m] = c;
            m += c != '*';
            nb += c != '*' ? ifr__utf8_len1(c) : 0;
        }
    } else {
        for (size_t i = b; i < e; i++) {
            o[m++] = s[i];
            nb += ifr__utf8_len1(s[i]);
        }
    }
    *out = o;
    *nout = m;
    *nbytes = nb;
    *bytes = NULL;
    return IFR_OK;
}

static int get_variant(variants *vs, int k, ifr__text **out)
{
    if (vs->built[k]) {
        *out = vs->v[k];
        return IFR_OK;
    }
    if (k == 1 || k >= 5) { /* a "without *" variant */
        if (vs->stars < 0) {
            bool star = false;
            if (vs->ascii) {
                star = memchr(vs->ascii, '*', vs->ncp) != NULL;
            } else {
                for (size_t i = 0; i < vs->ncp && !star; i++)
                    star = vs->cp[i] == '*';
            }
            vs->stars = star;
        }
        if (!vs->stars) { /* no '*' to remove: the same text as its twin */
            int twin = k == 1 ? 0 : k - 3;
            int rc = get_variant(vs, twin, out);
            if (rc == IFR_OK) {
                vs->v[k] = *out;
                vs->built[k] = true;
            }
            return rc;
        }
    }
    uint32_t *cp;
    char *bytes;
    size_t n, nbytes = 0;
    int rc = make_variant(vs, k, &cp, &n, &nbytes, &bytes);
    if (rc != IFR_OK)
        return rc;
    if (!cp) { /* not allowed (precise) */
        vs->v[k] = NULL;
        vs->built[k] = true;
        *out = NULL;
        return IFR_OK;
    }
    /* identical variant texts share one analysis */
    for (int j = 0; j < NVARIANTS; j++) {
        if (j != k && vs->built[j] && vs->v[j] && vs->v[j]->ncp == n &&
            (n == 0 || memcmp(vs->v[j]->cp, cp, n * sizeof *cp) == 0)) {
            vs->v[k] = vs->v[j];
            vs->built[k] = true;
            *out = vs->v[k];
            return IFR_OK;
        }
    }
    ifr__text *t = ifr__arena_calloc(vs->ar, 1, sizeof *t);
    if (!t)
        return IFR_E_NOMEM;
    /* cp is a fresh slice of the response's code points (scalar values) */
    if (bytes) {
        ifr__text_init_pair(t, vs->ar, cp, n, bytes, nbytes);
    } else {
        rc = ifr__text_init_owned(t, vs->ar, cp, n, nbytes);
        if (rc != IFR_OK)
            return rc;
    }
    vs->v[k] = t;
    vs->built[k] = true;
    *out = t;
    return IFR_OK;
}

/* MARK: preprocessing ----------------------------------------------------- */

static bool match_at(const uint32_t *s, size_t n, size_t i, const char *lit)
{
    size_t m = strlen(lit);
    if (n - i < m)
        return false;
    for (size_t k = 0; k < m; k++)
        if (s[i + k] != (uint32_t)(unsigned char)lit[k])
            return false;
    return true;
}

/* Remove every occurrence of the ASCII literal `lit` (str.replace(lit, "")). */
static size_t remove_all(uint32_t *s, size_t n, const char *lit)
{
    size_t m = strlen(lit), o = 0;
    for (size_t i = 0; i < n;) {
        if (match_at(s, n, i, lit)) {
            i += m;
            continue;
        }
        s[o++] = s[i++];
    }
    return o;
}

/*
 * open-instruct's remove_thinking_section(): drop "<|assistant|>", strip, keep
 * what follows the last "</think>", drop "<answer>" and "</answer>", strip.
 */
static int preprocess_open_instruct(ifr__arena *ar, const uint32_t *in, size_t n, uint32_t **out,
                                     size_t *nout)
{
    uint32_t *s = ifr__arena_alloc(ar, (n + 1) * sizeof *s);
    if (!s)
        return IFR_E_NOMEM;
    memcpy(s, in, n * sizeof *s);
    n = remove_all(s, n, "<|assistant|>");
    size_t b, e;
    ifr__py_strip(s, n, &b, &e);
    size_t start = b;
    for (size_t i = b; i < e; i++)
        if (match_at(s, e, i, "</think>"))
            start = i + 8;
    size_t m = e - start;
    memmove(s, s + start, m * sizeof *s);
    m = remove_all(s, m, "<answer>");
    m = remove_all(s, m, "</answer>");
    ifr__py_strip(s, m, &b, &e);
    *out = s + b;
    *nout = e - b;
    return IFR_OK;
}

/* MARK: blankness ---------------------------------------------------------- */

/* Precise semantics: a text is blank unless it has a visible character
 * (ifr__pr_invisible: whitespace, controls, format characters, unassigned,
 * private and surrogate code points, and the blank-looking letters). */
static bool visibly_blank(const uint32_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ifr__pr_invisible(s[i]))
            return false;
    return true;
}

/* MARK: guards ------------------------------------------------------------ */

static bool has_word_char(const uint32_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ifr__py_isword(s[i]))
            return true;
    return false;
}

/* A response cut at a length limit: an unclosed ``` fence, bracket or quote. */
static bool looks_truncated(const uint32_t *s, size_t n)
{
    size_t fences = 0, quotes = 0;
    long depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && s[i] == '`' && s[i + 1] == '`' && s[i + 2] == '`') {
            fences++;
            i += 2;
        } else if (s[i] == '"') {
            quotes++;
        } else if (s[i] == '{' || s[i] == '[') {
            depth++;
        } else if ((s[i] == '}' || s[i] == ']') && depth > 0) {
            depth--;
        }
    }
    return fences % 2 == 1 || quotes % 2 == 1 || depth > 0;
}

/* Share of word n-grams that repeat an earlier one, per mille. */
static int repetition_permille(ifr__arena *ar, const uint32_t *s, size_t n, size_t ngram,
                               long *out)
{
    /* word boundaries as (start, end) pairs */
    size_t nw = 0;
    for (size_t i = 0; i < n;) {
        if (!ifr__py_isword(s[i])) {
            i++;
            continue;
        }
        while (i < n && ifr__py_isword(s[i]))
            i++;
        nw++;
    }
    *out = 0;
    if (nw < ngram || nw - ngram + 1 < 2)
        return IFR_OK;
    size_t *ws = ifr__arena_alloc(ar, nw * 2 * sizeof *ws);
    if (!ws)
        return IFR_E_NOMEM;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        if (!ifr__py_isword(s[i])) {
            i++;
            continue;
        }
        ws[2 * w] = i;
        while (i < n && ifr__py_isword(s[i]))
            i++;
        ws[2 * w + 1] = i;
        w++;
    }
    size_t ng = nw - ngram + 1;
    /* hash each n-gram, then count duplicates with an open-addressing table */
    size_t cap = 1;
    while (cap < ng * 2)
        cap <<= 1;
    uint64_t *tab = ifr__arena_calloc(ar, cap, sizeof *tab);
    if (!tab)
        return IFR_E_NOMEM;
    size_t dups = 0;
    for (size_t g = 0; g < ng; g++) {
        uint64_t h = 1469598103934665603ULL;
        for (size_t k = 0; k < ngram; k++) {
            for (size_t i = ws[2 * (g + k)]; i < ws[2 * (g + k) + 1]; i++)
                h = (h ^ s[i]) * 1099511628211ULL;
            h = (h ^ 0x20) * 1099511628211ULL;
        }
        if (h == 0)
            h = 1;
        size_t slot = (size_t)h & (cap - 1);
        while (tab[slot] && tab[slot] != h)
            slot = (slot + 1) & (cap - 1);
        if (tab[slot] == h)
            dups++;
        else
            tab[slot] = h;
    }
    *out = (long)(dups * 1000 / ng);
    return IFR_OK;
}

/* MARK: check ------------------------------------------------------------- */

static void set_detail(ifr_result *r, size_t i, const char *fmt, ...) IFR__PRINTF(3, 4);
static void set_detail(ifr_result *r, size_t i, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->details + i * DETAIL_CAP, DETAIL_CAP, fmt, ap);
    va_end(ap);
    trim_partial_utf8(r->details + i * DETAIL_CAP);
}

IFR_API int ifr_check(ifr_result *res, const ifr_spec *spec, const char *text, size_t len,
                      unsigned flags, ifr_error *err)
{
    ifr__error_clear(err);
    if (!res || !spec)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL, "NULL %s",
                              res ? "spec" : "result");
    if (!text && len)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL, "text is NULL");
    const unsigned known =
        IFR_CHECK_LOOSE | IFR_CHECK_TRUNCATED | IFR_CHECK_BOTH | IFR_CHECK_NO_DETAILS;
    if (flags & ~known)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL, "unknown flag 0x%x",
                              flags & ~known);
    if (res->is_view)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL,
                              "the loose view of a result is read-only (check into its owner)");
    res->n = 0;
    res->has_loose = false;
    res->nfollowed = 0;
    res->guard = 0;
    ifr__arena_reset(&res->arena);
    int rc = ensure_capacity(res, spec->n);
    if (rc != IFR_OK)
        return ifr__error_set(err, rc, (size_t)-1, -1, NULL, "out of memory");

    ifr__text base;
    rc = ifr__text_init(&base, &res->arena, text ? text : "", len);
    if (rc != IFR_OK)
        return ifr__error_set(err, rc, (size_t)-1, -1, NULL, "%s", ifr_strerror(rc));

    bool precise = spec->semantics == IFR_SEMANTICS_PRECISE;
    variants vs = {.ar = &res->arena, .cp = base.cp, .ncp = base.ncp, .precise = precise,
                   .stars = -1};
    bool preprocessed_empty = false;
    if (spec->preprocess == IFR_PREPROCESS_OPEN_INSTRUCT) {
        uint32_t *pcp;
        size_t pn;
        rc = preprocess_open_instruct(&res->arena, base.cp, base.ncp, &pcp, &pn);
        if (rc == IFR_OK) {
            ifr__text *t = ifr__arena_calloc(&res->arena, 1, sizeof *t);
            rc = t ? ifr__text_init_cp(t, &res->arena, pcp, pn) : IFR_E_NOMEM;
            if (rc == IFR_OK) {
                vs.cp = t->cp;
                vs.ncp = t->ncp;
                vs.ascii = ifr__text_ascii(t);
                vs.v[0] = t;
                vs.built[0] = true;
                preprocessed_empty = pn == 0;
            }
        }
        if (rc != IFR_OK)
            return ifr__error_set(err, rc, (size_t)-1, -1, NULL, "%s", ifr_strerror(rc));
    } else {
        ifr__text *t = ifr__arena_alloc(&res->arena, sizeof *t);
        if (!t)
            return ifr__error_set(err, IFR_E_NOMEM, (size_t)-1, -1, NULL, "out of memory");
        *t = base;
        vs.ascii = ifr__text_ascii(&base);
        vs.v[0] = t;
        vs.built[0] = true;
    }

    /* IFR_CHECK_BOTH: the loop runs the loose variants into `lz` (the loose
     * view) and snapshots each instruction's state after variant 0 into `res`:
     * strict mode is exactly loose mode stopped after the response itself, so
     * one analysis of the response serves both. */
    bool both = (flags & IFR_CHECK_BOTH) != 0;
    bool nodetail = (flags & IFR_CHECK_NO_DETAILS) != 0;
    ifr_result *lz = res;
    if (both) {
        rc = ensure_loose(res, spec->n);
        if (rc != IFR_OK)
            return ifr__error_set(err, rc, (size_t)-1, -1, NULL, "out of memory");
        lz = res->loose;
        lz->n = spec->n;
        lz->nfollowed = 0;
        lz->guard = 0;
        res->has_loose = true;
    }
    int nvar = (flags & (IFR_CHECK_LOOSE | IFR_CHECK_BOTH)) ? NVARIANTS : 1;
    res->n = spec->n;
    for (size_t i = 0; i < spec->n; i++) {
        const ifr__instr *in = &spec->ins[i];
        char *det = lz->details + i * DETAIL_CAP;
        lz->followed[i] = 0;
        lz->status[i] = IFR_OK;
        det[0] = '\0';
        bool snapped = false;
        if (!in->ck) {
            lz->status[i] = in->error ? in->error->code : IFR_E_INTERNAL;
            set_detail(lz, i, "not evaluated: %s",
                       in->error ? in->error->message : ifr_strerror(lz->status[i]));
            goto next;
        }
        /* IFEvalVerifier scores 0 on an empty answer; IFEvalVerifierOld (tulu3) has
         * no such gate and calls the function on "" (e.g. no_commas passes). */
        if (preprocessed_empty && in->suite != IFR_SUITE_TULU3) {
            set_detail(lz, i, "empty after open-instruct preprocessing");
            goto next;
        }
        /* compat: IFEval's `r.strip()` gate, except in tulu3 which has none;
         * precise: every suite, and invisible characters count as blank */
        bool gate = precise || in->suite != IFR_SUITE_TULU3;
        char scratch_detail[DETAIL_CAP];
        const ifr__text *tried[NVARIANTS];
        int ntried = 0;
        for (int k = 0; k < nvar; k++) {
            if (k == 1 && both) {
                snapshot(res, lz, i); /* variant 0 did not pass: the strict verdict */
                snapped = true;
            }
            ifr__text *t;
            rc = get_variant(&vs, k, &t);
            if (rc != IFR_OK)
                return ifr__error_set(err, rc, (size_t)-1, (int)i, NULL, "%s", ifr_strerror(rc));
            if (!t)
                continue; /* variant not allowed in precise semantics */
            /* precise: removing '*' must not help a rule that counts '*' markup */
            if (precise && (in->ck->flags & IFR_CHECKER_MARKUP) && (k == 1 || k >= 5))
                continue;
            /* identical variant texts share one ifr__text: one that already
             * failed this instruction fails it again (checks are pure) */
            bool seen = false;
            for (int j = 0; j < ntried && !seen; j++)
                seen = tried[j] == t;
            if (seen)
                continue;
            tried[ntried++] = t;
            char *dst = k == 0 ? det : scratch_detail;
            if (gate && (precise ? visibly_blank(t->cp, t->ncp) : ifr__py_isblank(t->cp, t->ncp))) {
                if (k == 0)
                    snprintf(dst, DETAIL_CAP, "empty response");
                continue;
            }
            /* a failing loose variant's detail is never shown: check without
             * formatting one, and again with it in the rare case it is needed */
            bool fmt = k == 0 && !nodetail; /* IFR_CHECK_NO_DETAILS: verdicts only */
            ifr__check_ctx cx = {.semantics = spec->semantics, .flags = flags, .rx = res->rx,
                                 .followed = false, .detail = fmt ? dst : NULL,
                                 .detail_cap = fmt ? DETAIL_CAP : 0};
            dst[0] = '\0';
            rc = in->ck->check(in->args, t, &cx);
            if (k != 0 && !nodetail &&
                (rc == IFR_E_UNSUPPORTED || (rc == IFR_OK && cx.followed))) {
                cx = (ifr__check_ctx){.semantics = spec->semantics, .flags = flags,
                                      .rx = res->rx, .followed = false, .detail = dst,
                                      .detail_cap = DETAIL_CAP};
                rc = in->ck->check(in->args, t, &cx);
            }
            if (rc == IFR_E_UNSUPPORTED) {
                lz->status[i] = rc;
                if (!dst[0])
                    snprintf(dst, DETAIL_CAP, "%s", ifr_strerror(rc));
                if (k != 0 && !nodetail)
                    set_detail(lz, i, "%s (%s)", scratch_detail, variant_names[k]);
                break;
            }
            if (rc == IFR_E_LIMIT) {
                /* a regex limit on a pathological text: no verdict for this
                 * instruction (never a pass); the others keep theirs */
                lz->status[i] = rc;
                set_detail(lz, i, "not evaluated: a regex match limit was hit (%s)",
                           variant_names[k]);
                break;
            }
            if (rc != IFR_OK)
                return ifr__error_set(err, rc, (size_t)-1, (int)i, NULL,
                                      "instruction %zu (%s): %s", i, in->ck->id,
                                      ifr_strerror(rc));
            if (cx.followed) {
                lz->followed[i] = 1;
                lz->nfollowed++;
                if (k != 0 && !nodetail)
                    set_detail(lz, i, "%s (loose: %s)", scratch_detail, variant_names[k]);
                break;
            }
        }
    next:
        if (both && !snapped)
            snapshot(res, lz, i);
    }

    /* guards: zero the reward with a reason */
    const ifr__text *final = vs.v[0];
    if ((res->guards & IFR_GUARD_EMPTY) && !has_word_char(final->cp, final->ncp)) {
        res->guard = IFR_GUARD_EMPTY;
    } else if ((res->guards & IFR_GUARD_TRUNCATED) && (flags & IFR_CHECK_TRUNCATED) &&
               looks_truncated(final->cp, final->ncp)) {
        res->guard = IFR_GUARD_TRUNCATED;
    } else if (res->guards & IFR_GUARD_REPETITION) {
        long pm = 0;
        rc = repetition_permille(&res->arena, final->cp, final->ncp, (size_t)res->rep_n, &pm);
        if (rc != IFR_OK)
            return ifr__error_set(err, rc, (size_t)-1, -1, NULL, "out of memory");
        if (pm > res->rep_permille)
            res->guard = IFR_GUARD_REPETITION;
    }
    if (both)
        lz->guard = res->guard;
    return IFR_OK;
}

/* MARK: getters ----------------------------------------------------------- */

IFR_API size_t ifr_result_count(const ifr_result *res)
{
    return res ? res->n : 0;
}

IFR_API int ifr_result_followed(const ifr_result *res, size_t i)
{
    return res && i < res->n ? res->followed[i] : 0;
}

IFR_API int ifr_result_status(const ifr_result *res, size_t i)
{
    if (!res || i >= res->n)
        return IFR_E_INVALID;
    return res->status[i];
}

IFR_API const char *ifr_result_detail(const ifr_result *res, size_t i)
{
    if (!res || i >= res->n)
        return "";
    return res->details + i * DETAIL_CAP;
}

IFR_API int ifr_result_all_followed(const ifr_result *res)
{
    return res && res->n && res->nfollowed == res->n && !res->guard;
}

IFR_API double ifr_result_reward(const ifr_result *res, int aggregate)
{
    if (!res || !res->n || res->guard)
        return 0.0;
    if (aggregate == IFR_AGGREGATE_FRACTION)
        return (double)res->nfollowed / (double)res->n;
    return res->nfollowed == res->n ? 1.0 : 0.0;
}

IFR_API unsigned ifr_result_guard(const ifr_result *res)
{
    return res ? res->guard : 0;
}

IFR_API const ifr_result *ifr_result_loose(const ifr_result *res)
{
    return res && res->has_loose ? res->loose : NULL;
}

/* MARK: buffers returned to the caller ------------------------------------ */

typedef struct bufhdr {
    ifr_allocator alloc;
    size_t magic;
} bufhdr;
#define BUF_MAGIC ((size_t)0x1f2e3d4cu)
#define BUF_HDR ((sizeof(bufhdr) + 15u) & ~(size_t)15u)

char *ifr__buf_alloc(const ifr_allocator *a, size_t n)
{
    char *p = ifr__malloc(a, BUF_HDR + n);
    if (!p)
        return NULL;
    bufhdr *h = (bufhdr *)(void *)p;
    h->alloc = *a;
    h->magic = BUF_MAGIC;
    return p + BUF_HDR;
}

IFR_API void ifr_free(void *ptr)
{
    if (!ptr)
        return;
    bufhdr *h = (bufhdr *)(void *)((char *)ptr - BUF_HDR);
    if (h->magic != BUF_MAGIC)
        return; /* not ours: refuse rather than corrupt the heap */
    h->magic = 0;
    ifr_allocator a = h->alloc;
    ifr__free(&a, h);
}

/* JSON string escaping of UTF-8 (non-ASCII kept as UTF-8). Returns bytes written. */
static size_t json_escape(char *o, const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            o[n++] = '\\';
            o[n++] = (char)c;
        } else if (c == '\n') {
            o[n++] = '\\';
            o[n++] = 'n';
        } else if (c == '\t') {
            o[n++] = '\\';
            o[n++] = 't';
        } else if (c == '\r') {
            o[n++] = '\\';
            o[n++] = 'r';
        } else if (c < 0x20) {
            n += (size_t)sprintf(o + n, "\\u%04x", c);
        } else {
            o[n++] = (char)c;
        }
    }
    return n;
}

IFR_API int ifr_result_json(const ifr_result *res, int aggregate, char **out, size_t *len)
{
    if (!res || !out)
        return IFR_E_INVALID;
    *out = NULL;
    /* each detail escapes to at most 6 bytes per byte */
    size_t cap = 160 + res->n * (8 + DETAIL_CAP * 6 + 4);
    char *b = ifr__buf_alloc(&res->alloc, cap);
    if (!b)
        return IFR_E_NOMEM;
    size_t n = 0;
    n += (size_t)sprintf(b + n, "{\"follow_all_instructions\": %s, \"follow_instruction_list\": [",
                         ifr_result_all_followed(res) ? "true" : "false");
    for (size_t i = 0; i < res->n; i++)
        n += (size_t)sprintf(b + n, "%s%s", i ? ", " : "", res->followed[i] ? "true" : "false");
    n += (size_t)sprintf(b + n, "], \"reward\": %.17g, \"details\": [",
                         ifr_result_reward(res, aggregate));
    for (size_t i = 0; i < res->n; i++) {
        n += (size_t)sprintf(b + n, "%s\"", i ? ", " : "");
        n += json_escape(b + n, res->details + i * DETAIL_CAP);
        b[n++] = '"';
    }
    n += (size_t)sprintf(b + n, "]");
    if (res->guard)
        n += (size_t)sprintf(b + n, ", \"guard\": \"%s\"",
                             res->guard == IFR_GUARD_EMPTY       ? "empty"
                             : res->guard == IFR_GUARD_TRUNCATED ? "truncated"
                                                                 : "repetition");
    n += (size_t)sprintf(b + n, "}");
    *out = b;
    if (len)
        *len = n;
    return IFR_OK;
}

/* MARK: one-shot ----------------------------------------------------------- */

IFR_API int ifr_score(const char *spec_json, size_t spec_len, const char *text, size_t len,
                      unsigned flags, int aggregate, const ifr_options *opts, double *reward,
                      ifr_error *err)
{
    if (reward)
        *reward = 0.0;
    ifr_spec *spec = NULL;
    ifr_result *res = NULL;
    int rc = ifr_spec_compile(&spec, spec_json, spec_len, opts, err);
    if (rc != IFR_OK)
        return rc;
    rc = ifr_result_new(&res, opts);
    if (rc != IFR_OK) {
        ifr_spec_free(spec);
        return ifr__error_set(err, rc, (size_t)-1, -1, NULL, "%s", ifr_strerror(rc));
    }
    rc = ifr_check(res, spec, text, len, flags, err);
    if (rc == IFR_OK && reward)
        *reward = ifr_result_reward(res, aggregate);
    ifr_result_free(res);
    ifr_spec_free(spec);
    return rc;
}
