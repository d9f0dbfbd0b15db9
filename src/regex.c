/*
 * regex.c - Python `re` patterns (str semantics, CPython 3.11) on PCRE2.
 *
 * The only file that includes pcre2.h. A Python pattern is parsed the way
 * Lib/re/_parser.py parses it (same errors, same treatment of `{` that does
 * not start a valid quantifier, same escapes) and re-emitted as a PCRE2
 * pattern whose matching equals CPython's:
 *
 *   \w \W \d \D \b   PCRE2_UCP: in PCRE2 10.42 (Unicode 14.0, like Python
 *                    3.11) \w is [\p{L}\p{N}_] and \d is \p{Nd}, which is
 *                    exactly str.isalnum()+'_' and str.isdecimal()
 *                    (tests/unit/test_regex.c checks every code point).
 *   \s \S            explicit classes: PCRE2 \s lacks U+001C..U+001F and has
 *                    U+180E; Python's is str.isspace().
 *   \B               also fails on an empty string, as in _sre.
 *   .  ^  $  \A \Z   [^\n], \A or (?<![^\n]), (?=\n?\z) or (?=\n|\z), \A, \z.
 *   IGNORECASE       expanded into explicit classes: Python's rule is
 *                    "lower(ch) == lower(c)" (sre's simple lowercase) plus
 *                    re._casefix's extra equivalences, which is neither PCRE2's
 *                    caseless matching nor Unicode case folding (e.g. 'i'
 *                    matches U+0130). Character classes follow
 *                    _compiler._optimize_charset, quirks included.
 *   finditer         Python 3.7+ empty-match rule: after an empty match the
 *                    next match may not be empty at the same position
 *                    (PCRE2_NOTEMPTY_ATSTART).
 *
 * Known differences (documented in docs/ARCHITECTURE-pycompat.md):
 * backreferences under IGNORECASE use PCRE2's caseless comparison; the
 * ASCII/LOCALE flags and \N{name} are rejected; Python's conversion of
 * single-character alternations into a class is not modelled (it only
 * matters for non-BMP letters under IGNORECASE); look-behind width rules are
 * PCRE2's (it accepts alternatives of different fixed widths).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "ifreward_internal.h"
#include "text/pycompat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regex_tables.h"

/* MARK: allocator glue ------------------------------------------------------ */

static void *rx_malloc(PCRE2_SIZE n, void *data)
{
    const ifr_allocator *a = data;
    return ifr__malloc(a, n);
}

static void rx_free(void *p, void *data)
{
    const ifr_allocator *a = data;
    ifr__free(a, p);
}

struct ifr__regex {
    ifr_allocator alloc; /* copy: the general context points here */
    pcre2_code *code;
    bool jit;
};

struct ifr__scratch {
    ifr_allocator alloc;
    pcre2_general_context *gctx;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    pcre2_jit_stack *jit_stack;
};

/* MARK: growable buffers (no realloc: hooks may lack it) ------------------- */

typedef struct rbuf {
    char *p;
    size_t n, cap;
} rbuf;

typedef struct rset {
    uint32_t (*r)[2];
    size_t n, cap;
} rset;

/* MARK: parser state ------------------------------------------------------- */

#define F_I 0x01u /* IGNORECASE */
#define F_M 0x02u /* MULTILINE */
#define F_S 0x04u /* DOTALL */
#define F_X 0x08u /* VERBOSE */
#define F_A 0x10u /* ASCII */
#define F_U 0x20u /* UNICODE */
#define F_L 0x40u /* LOCALE */

#define MAXREPEAT_PY 4294967295u /* _sre.MAXREPEAT */
#define PCRE2_MAX_REPEAT 65535u

typedef struct gname {
    size_t b, e; /* code-point span of the name in the pattern */
    size_t gid;
} gname;

typedef struct rxp {
    const ifr_allocator *a;
    const uint32_t *cp;
    size_t n;
    size_t i;        /* next token */
    rbuf out;
    unsigned flags;  /* global flags (state.flags) */
    size_t ngroups;  /* groups opened (Python state.groups - 1) */
    unsigned char *closed;
    size_t closed_cap;
    gname *names;
    size_t nnames, names_cap;
    size_t *condrefs; /* (gid, pos) pairs of (?(N)...) for the final check */
    size_t ncondrefs, condrefs_cap;
    long lookbehind_groups; /* -1: not inside a look-behind */
    int depth;
    int err;          /* IFR_OK, IFR_E_REGEX, IFR_E_NOMEM */
    size_t errpos;    /* code-point index */
    char msg[160];
} rxp;

static void *grow(rxp *p, void *old, size_t *cap, size_t need, size_t elem, size_t used)
{
    if (need <= *cap)
        return old;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem)
            return NULL;
        nc *= 2;
    }
    void *np = ifr__malloc(p->a, nc * elem);
    if (!np)
        return NULL;
    if (old && used)
        memcpy(np, old, used * elem);
    ifr__free(p->a, old);
    *cap = nc;
    return np;
}

static bool fail_nomem(rxp *p)
{
    if (p->err == IFR_OK) {
        p->err = IFR_E_NOMEM;
        snprintf(p->msg, sizeof p->msg, "out of memory");
    }
    return false;
}

static bool fail(rxp *p, size_t pos, const char *fmt, ...) IFR__PRINTF(3, 4);
static bool fail(rxp *p, size_t pos, const char *fmt, ...)
{
    if (p->err != IFR_OK)
        return false;
    p->err = IFR_E_REGEX;
    p->errpos = pos;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    size_t l = strlen(p->msg);
    snprintf(p->msg + l, sizeof p->msg - l, " at position %zu", pos);
    return false;
}

/* OverflowError in CPython: the message carries no position */
static bool fail_nopos(rxp *p, size_t pos, const char *m)
{
    if (p->err != IFR_OK)
        return false;
    p->err = IFR_E_REGEX;
    p->errpos = pos;
    snprintf(p->msg, sizeof p->msg, "%s", m);
    return false;
}

static bool put(rxp *p, const char *s, size_t len)
{
    if (p->err != IFR_OK)
        return false;
    if (len > SIZE_MAX - p->out.n - 1)
        return fail_nomem(p);
    char *np = grow(p, p->out.p, &p->out.cap, p->out.n + len + 1, 1, p->out.n);
    if (!np)
        return fail_nomem(p);
    p->out.p = np;
    memcpy(p->out.p + p->out.n, s, len);
    p->out.n += len;
    p->out.p[p->out.n] = '\0';
    return true;
}

static bool puts_(rxp *p, const char *s)
{
    return put(p, s, strlen(s));
}

/* insert s at byte offset `at` of the output */
static bool insert(rxp *p, size_t at, const char *s)
{
    size_t len = strlen(s);
    size_t tail = p->out.n - at;
    if (!put(p, s, len)) /* grows; content fixed below */
        return false;
    memmove(p->out.p + at + len, p->out.p + at, tail);
    memcpy(p->out.p + at, s, len);
    return true;
}

static bool put_cp(rxp *p, uint32_t c)
{
    char b[16];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        b[0] = (char)c;
        return put(p, b, 1);
    }
    int k = snprintf(b, sizeof b, "\\x{%X}", (unsigned)c);
    return put(p, b, (size_t)k);
}

/* MARK: code-point sets ------------------------------------------------------ */

static bool set_add(rxp *p, rset *s, uint32_t lo, uint32_t hi)
{
    uint32_t(*np)[2] = grow(p, s->r, &s->cap, s->n + 1, sizeof *s->r, s->n);
    if (!np)
        return fail_nomem(p);
    s->r = np;
    s->r[s->n][0] = lo;
    s->r[s->n][1] = hi;
    s->n++;
    return true;
}

static int range_cmp(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0;
}

static void set_norm(rset *s)
{
    if (s->n < 2)
        return;
    qsort(s->r, s->n, sizeof *s->r, range_cmp);
    size_t k = 0;
    for (size_t i = 1; i < s->n; i++) {
        if (s->r[i][0] <= s->r[k][1] + 1 || s->r[k][1] == UINT32_MAX) {
            if (s->r[i][1] > s->r[k][1])
                s->r[k][1] = s->r[i][1];
        } else {
            k++;
            s->r[k][0] = s->r[i][0];
            s->r[k][1] = s->r[i][1];
        }
    }
    s->n = k + 1;
}

/* membership in a normalised set */
static bool set_has(const rset *s, uint32_t c)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < s->r[mid][0])
            hi = mid;
        else if (c > s->r[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static void set_free(rxp *p, rset *s)
{
    ifr__free(p->a, s->r);
    s->r = NULL;
    s->n = s->cap = 0;
}

/* MARK: Python case helpers ------------------------------------------------ */

static uint32_t sre_lower(uint32_t c)
{
    uint32_t m[3];
    ifr__py_lower1(c, m);
    return m[0];
}

static uint32_t sre_upper(uint32_t c)
{
    uint32_t m[3];
    ifr__py_upper1(c, m);
    return m[0];
}

static bool sre_iscased(uint32_t c)
{
    size_t lo = 0, hi = sizeof rx_cased / sizeof rx_cased[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < rx_cased[mid][0])
            hi = mid;
        else if (c > rx_cased[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/*
 * The input characters ch an IN_UNI_IGNORE charset accepts, given the
 * lowered members `t` (normalised) and the RANGE_UNI_IGNORE ranges `ru`:
 * lower(ch) in t, or lower(ch) in a ru range, or upper(lower(ch)) in one.
 * For an uncased ch (lower = upper = ch) that is "ch in t or in ru".
 */
/* walk a sorted list of points against a normalised set */
typedef struct walker {
    const rset *s;
    size_t j;
} walker;

static bool walk_has(walker *w, uint32_t x)
{
    while (w->j < w->s->n && w->s->r[w->j][1] < x)
        w->j++;
    return w->j < w->s->n && w->s->r[w->j][0] <= x;
}

static bool remove_points(rxp *p, rset *out, const rset *del);
static bool preimage_slow(rxp *p, const rset *t, const rset *ru, rset *out);

static bool preimage(rxp *p, const rset *t, const rset *ru, rset *out)
{
    if (ru->n == 0) {
        /* {ch : lower(ch) in t} = (t minus the points whose lowercase differs)
         * plus every ch whose lowercase is in t: two merge walks. */
        for (size_t i = 0; i < t->n; i++)
            if (!set_add(p, out, t->r[i][0], t->r[i][1]))
                return false;
        set_norm(out);
        rset del = {0};
        bool ok = true;
        walker w = {t, 0};
        for (size_t k = 0; ok && k < sizeof rx_lower_pairs / sizeof rx_lower_pairs[0]; k++)
            if (walk_has(&w, rx_lower_pairs[k][0]))
                ok = set_add(p, &del, rx_lower_pairs[k][0], rx_lower_pairs[k][0]);
        if (ok && del.n)
            ok = remove_points(p, out, &del);
        walker w2 = {t, 0};
        for (size_t k = 0; ok && k < sizeof rx_lower_inv / sizeof rx_lower_inv[0]; k++)
            if (walk_has(&w2, rx_lower_inv[k][0]))
                ok = set_add(p, out, rx_lower_inv[k][1], rx_lower_inv[k][1]);
        set_norm(out);
        set_free(p, &del);
        return ok;
    }
    return preimage_slow(p, t, ru, out);
}

/* remove the (sorted, single) points of del from the normalised set out */
static bool remove_points(rxp *p, rset *out, const rset *del)
{
    rset res = {0};
    bool ok = true;
    size_t d = 0;
    for (size_t i = 0; ok && i < out->n; i++) {
        uint32_t lo = out->r[i][0], hi = out->r[i][1];
        while (d < del->n && del->r[d][0] < lo)
            d++;
        uint32_t cur = lo;
        while (ok && d < del->n && del->r[d][0] <= hi) {
            uint32_t x = del->r[d][0];
            if (x > cur)
                ok = set_add(p, &res, cur, x - 1);
            cur = x + 1;
            d++;
        }
        if (ok && cur <= hi)
            ok = set_add(p, &res, cur, hi);
    }
    if (!ok) {
        set_free(p, &res);
        return false;
    }
    set_free(p, out);
    *out = res;
    return true;
}

static bool preimage_slow(rxp *p, const rset *t, const rset *ru, rset *out)
{
    for (size_t i = 0; i < t->n; i++)
        if (!set_add(p, out, t->r[i][0], t->r[i][1]))
            return false;
    for (size_t i = 0; i < ru->n; i++)
        if (!set_add(p, out, ru->r[i][0], ru->r[i][1]))
            return false;
    set_norm(out);
    /* now fix up the cased characters one by one */
    rset add = {0}, del = {0};
    bool ok = true;
    for (size_t k = 0; ok && k < sizeof rx_cased / sizeof rx_cased[0]; k++) {
        for (uint32_t ch = rx_cased[k][0]; ok && ch <= rx_cased[k][1]; ch++) {
            uint32_t l = sre_lower(ch);
            bool in = set_has(t, l) || set_has(ru, l) || set_has(ru, sre_upper(l));
            bool was = set_has(out, ch);
            if (in && !was)
                ok = set_add(p, &add, ch, ch);
            else if (!in && was)
                ok = set_add(p, &del, ch, ch);
        }
    }
    if (ok && del.n) {
        /* del is sorted (ascending scan): rebuild out without those points */
        rset res = {0};
        size_t d = 0;
        for (size_t i = 0; ok && i < out->n; i++) {
            uint32_t lo = out->r[i][0], hi = out->r[i][1];
            while (d < del.n && del.r[d][0] < lo)
                d++;
            uint32_t cur = lo;
            while (ok && d < del.n && del.r[d][0] <= hi) {
                uint32_t x = del.r[d][0];
                if (x > cur)
                    ok = set_add(p, &res, cur, x - 1);
                cur = x + 1;
                d++;
            }
            if (ok && cur <= hi)
                ok = set_add(p, &res, cur, hi);
        }
        if (ok) {
            set_free(p, out);
            *out = res;
        } else {
            set_free(p, &res);
        }
    }
    for (size_t i = 0; ok && i < add.n; i++)
        ok = set_add(p, out, add.r[i][0], add.r[i][1]);
    set_norm(out);
    set_free(p, &add);
    set_free(p, &del);
    return ok;
}

/* MARK: emitting classes -------------------------------------------------- */

#define CAT_D 0x01u
#define CAT_ND 0x02u
#define CAT_S 0x04u
#define CAT_NS 0x08u
#define CAT_W 0x10u
#define CAT_NW 0x20u

static const uint32_t py_space[][2] = {
    {0x09, 0x0d}, {0x1c, 0x20}, {0x85, 0x85}, {0xa0, 0xa0}, {0x1680, 0x1680},
    {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000},
};
#define N_SPACE (sizeof py_space / sizeof py_space[0])

static bool add_space(rxp *p, rset *s, bool negated)
{
    if (!negated) {
        for (size_t k = 0; k < N_SPACE; k++)
            if (!set_add(p, s, py_space[k][0], py_space[k][1]))
                return false;
        return true;
    }
    uint32_t cur = 0;
    for (size_t k = 0; k < N_SPACE; k++) {
        if (py_space[k][0] > cur && !set_add(p, s, cur, py_space[k][0] - 1))
            return false;
        cur = py_space[k][1] + 1;
    }
    return set_add(p, s, cur, 0x10FFFF);
}

static bool put_range(rxp *p, uint32_t lo, uint32_t hi)
{
    if (!put_cp(p, lo))
        return false;
    if (hi == lo)
        return true;
    if (hi > lo + 1 && !puts_(p, "-"))
        return false;
    return put_cp(p, hi);
}

/* Emit [set + categories] (negated: [^...]). Surrogates are skipped: they
 * cannot occur in valid UTF-8 and PCRE2 rejects them in UTF mode. */
static bool emit_class(rxp *p, rset *s, unsigned cats, bool negate)
{
    if (cats & CAT_S && !add_space(p, s, false))
        return false;
    if (cats & CAT_NS && !add_space(p, s, true))
        return false;
    set_norm(s);
    bool any = cats & (CAT_D | CAT_ND | CAT_W | CAT_NW);
    for (size_t i = 0; i < s->n && !any; i++)
        if (s->r[i][0] <= 0x10FFFF && !(s->r[i][0] >= 0xD800 && s->r[i][1] <= 0xDFFF))
            any = true;
    if (!any)
        return puts_(p, negate ? "(?s:.)" : "(*FAIL)");
    if (!puts_(p, negate ? "[^" : "["))
        return false;
    for (size_t i = 0; i < s->n; i++) {
        uint32_t lo = s->r[i][0], hi = s->r[i][1];
        if (lo > 0x10FFFF)
            continue;
        if (hi > 0x10FFFF)
            hi = 0x10FFFF;
        if (lo <= 0xDFFF && hi >= 0xD800) {
            if (lo < 0xD800 && !put_range(p, lo, 0xD7FF))
                return false;
            if (hi > 0xDFFF && !put_range(p, 0xE000, hi))
                return false;
            continue;
        }
        if (!put_range(p, lo, hi))
            return false;
    }
    if (cats & CAT_D && !puts_(p, "\\d"))
        return false;
    if (cats & CAT_ND && !puts_(p, "\\D"))
        return false;
    if (cats & CAT_W && !puts_(p, "\\w"))
        return false;
    if (cats & CAT_NW && !puts_(p, "\\W"))
        return false;
    return puts_(p, "]");
}

/* The set of ch a literal c matches under IGNORECASE (c is cased):
 * {ch : lower(ch) in {lower(c)} + extra cases}, precomputed per lowercase. */
static bool literal_ignore_set(rxp *p, uint32_t c, rset *out)
{
    uint32_t lo = sre_lower(c);
    size_t a = 0, b = sizeof rx_fold_keys / sizeof rx_fold_keys[0];
    while (a < b) {
        size_t mid = (a + b) / 2;
        if (rx_fold_keys[mid][0] < lo)
            a = mid + 1;
        else
            b = mid;
    }
    if (a == sizeof rx_fold_keys / sizeof rx_fold_keys[0] || rx_fold_keys[a][0] != lo) {
        /* cannot happen (every cased c has its lowercase in the table) */
        return set_add(p, out, c, c);
    }
    for (uint32_t k = 0; k < rx_fold_keys[a][2]; k++) {
        uint32_t m = rx_fold_members[rx_fold_keys[a][1] + k];
        if (!set_add(p, out, m, m))
            return false;
    }
    set_norm(out);
    return true;
}

static bool emit_literal(rxp *p, uint32_t c, unsigned flags, bool negate)
{
    if (!(flags & F_I) || !sre_iscased(c)) {
        if (!negate)
            return put_cp(p, c);
        rset s = {0};
        bool ok = set_add(p, &s, c, c) && emit_class(p, &s, 0, true);
        set_free(p, &s);
        return ok;
    }
    rset s = {0};
    bool ok = literal_ignore_set(p, c, &s);
    if (ok) {
        if (!negate && s.n == 1 && s.r[0][0] == s.r[0][1])
            ok = put_cp(p, s.r[0][0]);
        else
            ok = emit_class(p, &s, 0, negate);
    }
    set_free(p, &s);
    return ok;
}

/* MARK: tokenizer ------------------------------------------------------------ */

/* A token is one character, or a backslash and the character after it. */
typedef struct tok {
    bool end;
    bool esc;
    uint32_t c; /* the character (after the backslash if esc) */
    size_t pos; /* index of the token's first code point */
} tok;

static bool peek(rxp *p, tok *t)
{
    t->pos = p->i;
    t->esc = false;
    t->c = 0;
    if (p->i >= p->n) {
        t->end = true;
        t->esc = false;
        t->c = 0;
        return true;
    }
    t->end = false;
    if (p->cp[p->i] == '\\') {
        if (p->i + 1 >= p->n)
            return fail(p, p->n - 1, "bad escape (end of pattern)");
        t->esc = true;
        t->c = p->cp[p->i + 1];
    } else {
        t->esc = false;
        t->c = p->cp[p->i];
    }
    return true;
}

static void advance(rxp *p, const tok *t)
{
    if (!t->end)
        p->i = t->pos + (t->esc ? 2 : 1);
}

static bool get(rxp *p, tok *t)
{
    if (!peek(p, t))
        return false;
    advance(p, t);
    return true;
}

/* source.match(ch) for a plain (non-escaped) character */
static bool match_ch(rxp *p, uint32_t ch)
{
    if (p->i < p->n && p->cp[p->i] == ch && ch != '\\') {
        p->i++;
        return true;
    }
    return false;
}

static bool next_is(const rxp *p, uint32_t ch)
{
    return p->i < p->n && p->cp[p->i] == ch;
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_oct(uint32_t c) { return c >= '0' && c <= '7'; }
static bool is_hex(uint32_t c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_ascii_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static unsigned hexval(uint32_t c)
{
    return is_digit(c) ? c - '0' : (c | 0x20u) - 'a' + 10;
}

/* getwhile(n, charset) over plain characters (no backslash is in the sets) */
static size_t get_while(rxp *p, size_t max, bool (*pred)(uint32_t), uint64_t *val,
                        unsigned base)
{
    size_t k = 0;
    while (k < max && p->i < p->n && pred(p->cp[p->i])) {
        *val = *val * base + hexval(p->cp[p->i]);
        p->i++;
        k++;
    }
    return k;
}

/* MARK: escapes ------------------------------------------------------------- */

typedef enum esc_kind { E_LIT, E_CAT, E_AT, E_GROUPREF } esc_kind;

typedef struct esc {
    esc_kind kind;
    uint32_t c;    /* E_LIT: the code point; E_CAT: CAT_*; E_AT: the letter */
    size_t group;  /* E_GROUPREF */
} esc;

static bool group_closed(const rxp *p, size_t gid)
{
    return gid >= 1 && gid <= p->ngroups && p->closed[gid];
}

static bool check_lookbehind_group(rxp *p, size_t gid, size_t pos)
{
    if (p->lookbehind_groups >= 0) {
        if (!group_closed(p, gid))
            return fail(p, pos, "cannot refer to an open group");
        if ((long)gid >= p->lookbehind_groups)
            return fail(p, pos, "cannot refer to group defined in the same lookbehind subpattern");
    }
    return true;
}

static bool escape_hexlike(rxp *p, const tok *t, esc *e)
{
    size_t want = t->c == 'x' ? 2 : t->c == 'u' ? 4 : 8;
    uint64_t v = 0;
    size_t got = get_while(p, want, is_hex, &v, 16);
    if (got != want) {
        /* escape text is \x plus the digits read */
        char buf[16];
        size_t k = 0;
        buf[k++] = '\\';
        buf[k++] = (char)t->c;
        for (size_t j = 0; j < got; j++)
            buf[k++] = (char)p->cp[t->pos + 2 + j];
        buf[k] = '\0';
        return fail(p, t->pos, "incomplete escape %s", buf);
    }
    if (t->c == 'U' && v > 0x10FFFF) {
        char buf[16];
        for (size_t j = 0; j < 10; j++)
            buf[j] = (char)p->cp[t->pos + j];
        buf[10] = '\0';
        return fail(p, t->pos, "bad escape %s", buf);
    }
    e->kind = E_LIT;
    e->c = (uint32_t)v;
    return true;
}

static bool bad_escape(rxp *p, const tok *t)
{
    char buf[8];
    size_t k = ifr__utf8_put(t->c, buf + 1);
    buf[0] = '\\';
    buf[1 + k] = '\0';
    return fail(p, t->pos, "bad escape %s", buf);
}

static bool cat_of(uint32_t c, unsigned *cat)
{
    switch (c) {
    case 'd': *cat = CAT_D; return true;
    case 'D': *cat = CAT_ND; return true;
    case 's': *cat = CAT_S; return true;
    case 'S': *cat = CAT_NS; return true;
    case 'w': *cat = CAT_W; return true;
    case 'W': *cat = CAT_NW; return true;
    default: return false;
    }
}

static bool simple_escape(uint32_t c, uint32_t *v)
{
    switch (c) {
    case 'a': *v = 7; return true;
    case 'f': *v = 12; return true;
    case 'n': *v = 10; return true;
    case 'r': *v = 13; return true;
    case 't': *v = 9; return true;
    case 'v': *v = 11; return true;
    case '\\': *v = '\\'; return true;
    default: return false;
    }
}

/* _class_escape (in_class) or _escape; the token t (backslash + c) is consumed. */
static bool parse_escape(rxp *p, const tok *t, bool in_class, esc *e)
{
    uint32_t c = t->c, v;
    unsigned cat;
    if (in_class) {
        if (c == 'b') {
            e->kind = E_LIT;
            e->c = 8;
            return true;
        }
        if (simple_escape(c, &v)) {
            e->kind = E_LIT;
            e->c = v;
            return true;
        }
        if (cat_of(c, &cat)) {
            e->kind = E_CAT;
            e->c = cat;
            return true;
        }
    } else {
        if (c == 'A' || c == 'b' || c == 'B' || c == 'Z') {
            e->kind = E_AT;
            e->c = c;
            return true;
        }
        if (cat_of(c, &cat)) {
            e->kind = E_CAT;
            e->c = cat;
            return true;
        }
        if (simple_escape(c, &v)) {
            e->kind = E_LIT;
            e->c = v;
            return true;
        }
    }
    if (c == 'x' || c == 'u' || c == 'U')
        return escape_hexlike(p, t, e);
    if (c == 'N')
        return fail(p, t->pos, "\\N{...} escapes are not supported");
    if (in_class) {
        if (is_oct(c)) {
            uint64_t val = c - '0';
            get_while(p, 2, is_oct, &val, 8);
            if (val > 0377) {
                char buf[8];
                size_t k = p->i - t->pos;
                for (size_t j = 0; j < k; j++)
                    buf[j] = (char)p->cp[t->pos + j];
                buf[k] = '\0';
                return fail(p, t->pos, "octal escape value %s outside of range 0-0o377", buf);
            }
            e->kind = E_LIT;
            e->c = (uint32_t)val;
            return true;
        }
        if (is_digit(c) || is_ascii_letter(c))
            return bad_escape(p, t);
        e->kind = E_LIT;
        e->c = c;
        return true;
    }
    if (c == '0') {
        uint64_t val = 0;
        get_while(p, 2, is_oct, &val, 8);
        e->kind = E_LIT;
        e->c = (uint32_t)val;
        return true;
    }
    if (is_digit(c)) {
        size_t group = c - '0';
        if (p->i < p->n && is_digit(p->cp[p->i])) {
            uint32_t d2 = p->cp[p->i++];
            if (is_oct(c) && is_oct(d2) && p->i < p->n && is_oct(p->cp[p->i])) {
                uint32_t d3 = p->cp[p->i++];
                unsigned val = (c - '0') * 64 + (d2 - '0') * 8 + (d3 - '0');
                if (val > 0377)
                    return fail(p, t->pos, "octal escape value \\%c%c%c outside of range 0-0o377",
                                (char)c, (char)d2, (char)d3);
                e->kind = E_LIT;
                e->c = val;
                return true;
            }
            group = group * 10 + (d2 - '0');
        }
        if (group < p->ngroups + 1) {
            if (!group_closed(p, group))
                return fail(p, t->pos, "cannot refer to an open group");
            if (!check_lookbehind_group(p, group, p->i))
                return false;
            e->kind = E_GROUPREF;
            e->group = group;
            return true;
        }
        return fail(p, t->pos + 1, "invalid group reference %zu", group);
    }
    if (is_ascii_letter(c))
        return bad_escape(p, t);
    e->kind = E_LIT;
    e->c = c;
    return true;
}

/* MARK: character classes ---------------------------------------------------- */

typedef struct citem {
    int kind; /* 0 literal, 1 range, 2 category */
    uint32_t lo, hi;
} citem;

static bool emit_set(rxp *p, const citem *it, size_t n, bool negate, unsigned flags)
{
    /* _uniq + the single-literal optimisation of _parser */
    bool single = n > 0 && it[0].kind == 0;
    for (size_t k = 1; single && k < n; k++)
        if (it[k].kind != 0 || it[k].lo != it[0].lo)
            single = false;
    if (single)
        return emit_literal(p, it[0].lo, flags, negate);

    unsigned cats = 0;
    rset s = {0};
    bool ok = true;
    bool hascased = false;
    if (flags & F_I) {
        for (size_t k = 0; k < n && !hascased; k++) {
            if (it[k].kind == 2)
                continue;
            if (it[k].hi >= 0x10000) {
                hascased = true;
                break;
            }
            for (uint32_t c = it[k].lo; c <= it[k].hi; c++) {
                if (sre_iscased(c)) {
                    hascased = true;
                    break;
                }
            }
        }
    }
    if (!hascased) {
        for (size_t k = 0; ok && k < n; k++) {
            if (it[k].kind == 2)
                cats |= it[k].lo;
            else
                ok = set_add(p, &s, it[k].lo, it[k].hi);
        }
    } else {
        /* charmap: BMP members lowered (+ extra cases); tail: non-BMP
         * literals unlowered, ranges reaching beyond the BMP as
         * RANGE_UNI_IGNORE (see _compiler._optimize_charset). */
        rset t = {0}, ru = {0};
        for (size_t k = 0; ok && k < n; k++) {
            if (it[k].kind == 2) {
                cats |= it[k].lo;
                continue;
            }
            uint32_t lo = it[k].lo, hi = it[k].hi;
            if (it[k].kind == 0 && lo >= 0x10000) {
                ok = set_add(p, &t, lo, lo);
                continue;
            }
            if (hi >= 0x10000)
                ok = set_add(p, &ru, lo, hi);
            if (lo > 0xFFFF)
                continue;
            uint32_t bhi = hi < 0xFFFF ? hi : 0xFFFF;
            /* lowered image of [lo, bhi]: uncased points map to themselves */
            uint32_t cur = lo;
            for (size_t r = 0; ok && r < sizeof rx_cased / sizeof rx_cased[0]; r++) {
                uint32_t a = rx_cased[r][0] > lo ? rx_cased[r][0] : lo;
                uint32_t b = rx_cased[r][1] < bhi ? rx_cased[r][1] : bhi;
                if (a > b)
                    continue;
                if (a > cur)
                    ok = set_add(p, &t, cur, a - 1);
                for (uint32_t c = a; ok && c <= b; c++)
                    ok = set_add(p, &t, sre_lower(c), sre_lower(c));
                cur = b + 1;
            }
            if (ok && cur <= bhi)
                ok = set_add(p, &t, cur, bhi);
        }
        set_norm(&t);
        /* extra cases of the lowered members (all keys are in the BMP) */
        for (size_t k = 0; ok && k < sizeof rx_extra_cases / sizeof rx_extra_cases[0]; k++) {
            if (!set_has(&t, rx_extra_cases[k][0]))
                continue;
            ok = set_add(p, &t, rx_extra_cases[k][1], rx_extra_cases[k][1]);
            if (ok && rx_extra_cases[k][2])
                ok = set_add(p, &t, rx_extra_cases[k][2], rx_extra_cases[k][2]);
        }
        set_norm(&t);
        set_norm(&ru);
        if (ok)
            ok = preimage(p, &t, &ru, &s);
        set_free(p, &t);
        set_free(p, &ru);
    }
    if (ok)
        ok = emit_class(p, &s, cats, negate);
    set_free(p, &s);
    return ok;
}

static bool parse_class(rxp *p, unsigned flags)
{
    size_t here = p->i - 1; /* the '[' */
    bool negate = match_ch(p, '^');
    citem *items = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (;;) {
        tok t;
        if (!get(p, &t)) {
            ok = false;
            break;
        }
        if (t.end) {
            ok = fail(p, here, "unterminated character set");
            break;
        }
        if (!t.esc && t.c == ']' && n > 0)
            break;
        esc c1;
        if (t.esc) {
            if (!parse_escape(p, &t, true, &c1)) {
                ok = false;
                break;
            }
        } else {
            c1.kind = E_LIT;
            c1.c = t.c;
        }
        citem add[2];
        size_t nadd = 0;
        if (match_ch(p, '-')) {
            tok t2;
            if (!get(p, &t2)) {
                ok = false;
                break;
            }
            if (t2.end) {
                ok = fail(p, here, "unterminated character set");
                break;
            }
            if (!t2.esc && t2.c == ']') {
                add[nadd++] = (citem){c1.kind == E_CAT ? 2 : 0, c1.c, c1.c};
                add[nadd++] = (citem){0, '-', '-'};
                items = grow(p, items, &cap, n + nadd, sizeof *items, n);
                if (!items) {
                    ok = fail_nomem(p);
                    break;
                }
                memcpy(items + n, add, nadd * sizeof *add);
                n += nadd;
                break;
            }
            esc c2;
            if (t2.esc) {
                if (!parse_escape(p, &t2, true, &c2)) {
                    ok = false;
                    break;
                }
            } else {
                c2.kind = E_LIT;
                c2.c = t2.c;
            }
            if (c1.kind != E_LIT || c2.kind != E_LIT || c2.c < c1.c) {
                char a[16], b[16];
                size_t la = 0, lb = 0;
                for (size_t j = t.pos; j < t.pos + (t.esc ? 2 : 1) && la < 8; j++)
                    la += ifr__utf8_put(p->cp[j], a + la);
                a[la] = '\0';
                for (size_t j = t2.pos; j < p->i && lb < 8; j++)
                    lb += ifr__utf8_put(p->cp[j], b + lb);
                b[lb] = '\0';
                ok = fail(p, t.pos, "bad character range %s-%s", a, b);
                break;
            }
            add[nadd++] = (citem){1, c1.c, c2.c};
        } else {
            add[nadd++] = (citem){c1.kind == E_CAT ? 2 : 0, c1.c, c1.c};
        }
        items = grow(p, items, &cap, n + nadd, sizeof *items, n);
        if (!items) {
            ok = fail_nomem(p);
            break;
        }
        memcpy(items + n, add, nadd * sizeof *add);
        n += nadd;
    }
    if (ok)
        ok = emit_set(p, items, n, negate, flags);
    ifr__free(p->a, items);
    return ok;
}

/* MARK: groups and flags ----------------------------------------------------- */

static bool flag_of(uint32_t c, unsigned *f)
{
    switch (c) {
    case 'i': *f = F_I; return true;
    case 'L': *f = F_L; return true;
    case 'm': *f = F_M; return true;
    case 's': *f = F_S; return true;
    case 'x': *f = F_X; return true;
    case 'a': *f = F_A; return true;
    case 't': *f = 0; return true; /* TEMPLATE: no effect on matching here */
    case 'u': *f = F_U; return true;
    default: return false;
    }
}

/* _parse_flags: returns 1 for global flags (state.flags updated), 0 for a
 * scoped group (add/del set), -1 on error. `c` is the first flag char. */
static int parse_flags(rxp *p, uint32_t c, unsigned *add, unsigned *del)
{
    *add = *del = 0;
    unsigned f;
    if (c != '-') {
        for (;;) {
            flag_of(c, &f);
            if (c == 'L')
                return fail(p, p->i, "bad inline flags: cannot use 'L' flag with a str pattern"),
                       -1;
            *add |= f;
            if ((f & (F_A | F_U | F_L)) && (*add & (F_A | F_U | F_L)) != f)
                return fail(p, p->i,
                            "bad inline flags: flags 'a', 'u' and 'L' are incompatible"),
                       -1;
            if (p->i >= p->n)
                return fail(p, p->i, "missing -, : or )"), -1;
            c = p->cp[p->i++];
            if (c == ')' || c == '-' || c == ':')
                break;
            if (!flag_of(c, &f))
                return fail(p, p->i - 1, ifr__py_isalpha(c) ? "unknown flag" : "missing -, : or )"),
                       -1;
        }
    }
    if (c == ')') {
        p->flags |= *add;
        return 1;
    }
    if (c == '-') {
        if (p->i >= p->n)
            return fail(p, p->i, "missing flag"), -1;
        c = p->cp[p->i++];
        if (!flag_of(c, &f))
            return fail(p, p->i - 1, ifr__py_isalpha(c) ? "unknown flag" : "missing flag"), -1;
        for (;;) {
            flag_of(c, &f);
            if (f & (F_A | F_U | F_L))
                return fail(p, p->i,
                            "bad inline flags: cannot turn off flags 'a', 'u' and 'L'"),
                       -1;
            *del |= f;
            if (p->i >= p->n)
                return fail(p, p->i, "missing :"), -1;
            c = p->cp[p->i++];
            if (c == ':')
                break;
            if (!flag_of(c, &f))
                return fail(p, p->i - 1, ifr__py_isalpha(c) ? "unknown flag" : "missing :"), -1;
        }
    }
    if (*add & *del)
        return fail(p, p->i - 1, "bad inline flags: flag turned on and off"), -1;
    return 0;
}

/* getuntil(terminator): the name's code-point span [*b, *e); p->i after it. */
static bool get_until(rxp *p, uint32_t term, const char *what, size_t *b, size_t *e)
{
    size_t start = p->i;
    for (;;) {
        if (p->i >= p->n) {
            if (p->i == start)
                return fail(p, p->i, "missing %s", what);
            return fail(p, start, "missing %c, unterminated name", (char)term);
        }
        uint32_t c = p->cp[p->i];
        if (c == '\\') {
            /* the tokenizer reads "\x" as one token: never a terminator */
            if (p->i + 1 >= p->n)
                return fail(p, p->n - 1, "bad escape (end of pattern)");
            p->i += 2;
            continue;
        }
        p->i++;
        if (c == term) {
            if (p->i - 1 == start)
                return fail(p, p->i - 1, "missing %s", what);
            *b = start;
            *e = p->i - 1;
            return true;
        }
    }
}

/* str.isidentifier(), approximated with pycompat classes (XID_Start ~ alpha
 * or '_', XID_Continue ~ \w or a combining mark outside ASCII). */
static bool is_identifier(const rxp *p, size_t b, size_t e)
{
    if (b >= e)
        return false;
    uint32_t c0 = p->cp[b];
    if (!(ifr__py_isalpha(c0) || c0 == '_'))
        return false;
    for (size_t k = b + 1; k < e; k++) {
        uint32_t c = p->cp[k];
        if (!(ifr__py_isword(c) || (c >= 0x300 && !ifr__py_isspace(c) && c != 0x3000)))
            return false;
    }
    return true;
}

static bool name_eq(const rxp *p, const gname *g, size_t b, size_t e)
{
    return g->e - g->b == e - b && memcmp(p->cp + g->b, p->cp + b, (e - b) * sizeof *p->cp) == 0;
}

static long find_name(const rxp *p, size_t b, size_t e)
{
    for (size_t k = 0; k < p->nnames; k++)
        if (name_eq(p, &p->names[k], b, e))
            return (long)p->names[k].gid;
    return -1;
}

static bool bad_group_name(rxp *p, size_t b, size_t e, size_t pos)
{
    char buf[64];
    size_t k = 0;
    for (size_t j = b; j < e && k < 48; j++)
        k += ifr__utf8_put(p->cp[j], buf + k);
    buf[k] = '\0';
    return fail(p, pos, "bad character in group name '%s'", buf);
}

static bool open_group(rxp *p, size_t *gid)
{
    if (p->ngroups >= 65535)
        return fail(p, p->i, "too many groups");
    unsigned char *nc = grow(p, p->closed, &p->closed_cap, p->ngroups + 2, 1, p->ngroups + 1);
    if (!nc)
        return fail_nomem(p);
    p->closed = nc;
    p->ngroups++;
    p->closed[p->ngroups] = 0;
    *gid = p->ngroups;
    return true;
}

static bool put_groupref(rxp *p, size_t gid, unsigned flags)
{
    char b[40];
    int k = snprintf(b, sizeof b, (flags & F_I) ? "(?i:\\g{%zu})" : "\\g{%zu}", gid);
    return put(p, b, (size_t)k);
}

/* MARK: the recursive descent ---------------------------------------------- */

static bool parse_sub(rxp *p, bool verbose, int nested, unsigned flags);

typedef enum last_kind { L_NONE, L_AT, L_REPEAT, L_ITEM } last_kind;
static bool parse_seq(rxp *p, bool *verbose, int nested, bool first, unsigned flags,
                      last_kind *last);

static bool is_ws(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool parse_uint(const rxp *p, size_t b, size_t e, uint64_t *v)
{
    *v = 0;
    for (size_t k = b; k < e; k++) {
        if (*v > MAXREPEAT_PY)
            return false;
        *v = *v * 10 + (p->cp[k] - '0');
    }
    return *v < MAXREPEAT_PY;
}

static bool parse_repeat(rxp *p, const tok *t, last_kind *last, size_t last_start)
{
    size_t here = p->i; /* after the quantifier character */
    uint64_t min = 0, max = UINT64_MAX;
    if (t->c == '?') {
        max = 1;
    } else if (t->c == '+') {
        min = 1;
    } else if (t->c == '{') {
        size_t lb = p->i;
        while (p->i < p->n && is_digit(p->cp[p->i]))
            p->i++;
        size_t le = p->i, hb = p->i, he = p->i;
        bool comma = false;
        if (next_is(p, ',')) {
            comma = true;
            p->i++;
            hb = p->i;
            while (p->i < p->n && is_digit(p->cp[p->i]))
                p->i++;
            he = p->i;
        }
        if (!match_ch(p, '}')) {
            p->i = here; /* a literal '{' */
            return false;
        }
        if (le > lb && !parse_uint(p, lb, le, &min))
            return fail_nopos(p, t->pos, "the repetition number is too large");
        if (!comma) {
            max = min;
            if (le == lb)
                max = UINT64_MAX;
        } else if (he > hb) {
            if (!parse_uint(p, hb, he, &max))
                return fail_nopos(p, t->pos, "the repetition number is too large");
            if (max < min)
                return fail(p, here, "min repeat greater than max repeat");
        }
    }
    if (*last == L_NONE || *last == L_AT)
        return fail(p, t->pos, "nothing to repeat");
    if (*last == L_REPEAT)
        return fail(p, t->pos, "multiple repeat");
    if (min > PCRE2_MAX_REPEAT || (max != UINT64_MAX && max > PCRE2_MAX_REPEAT))
        return fail(p, t->pos, "repeat count above %u is not supported", PCRE2_MAX_REPEAT);
    char q[48];
    if (t->c == '*' || (t->c == '{' && min == 0 && max == UINT64_MAX))
        snprintf(q, sizeof q, "*");
    else if (t->c == '+')
        snprintf(q, sizeof q, "+");
    else if (t->c == '?')
        snprintf(q, sizeof q, "?");
    else if (max == UINT64_MAX)
        snprintf(q, sizeof q, "{%u,}", (unsigned)min);
    else if (max == min)
        snprintf(q, sizeof q, "{%u}", (unsigned)min);
    else
        snprintf(q, sizeof q, "{%u,%u}", (unsigned)min, (unsigned)max);
    if (match_ch(p, '?'))
        strcat(q, "?");
    else if (match_ch(p, '+'))
        strcat(q, "+");
    if (!insert(p, last_start, "(?:") || !puts_(p, ")") || !puts_(p, q))
        return false;
    *last = L_REPEAT;
    return true;
}

/* One group "(...)" after the '(' was read; `start` is its index. */
static bool parse_group(rxp *p, size_t start, bool *verbose, int nested, bool first,
                        bool seq_empty, unsigned *flags, last_kind *last, bool *emitted)
{
    *emitted = true;
    bool capture = true, atomic = false;
    size_t nb = 0, ne = 0;
    bool named = false;
    unsigned add = 0, del = 0;
    if (match_ch(p, '?')) {
        if (p->i >= p->n)
            return fail(p, p->i, "unexpected end of pattern");
        uint32_t c = p->cp[p->i++];
        if (c == 'P') {
            if (match_ch(p, '<')) {
                if (!get_until(p, '>', "group name", &nb, &ne))
                    return false;
                if (!is_identifier(p, nb, ne))
                    return bad_group_name(p, nb, ne, nb);
                named = true;
            } else if (match_ch(p, '=')) {
                if (!get_until(p, ')', "group name", &nb, &ne))
                    return false;
                if (!is_identifier(p, nb, ne))
                    return bad_group_name(p, nb, ne, nb);
                long gid = find_name(p, nb, ne);
                if (gid < 0) {
                    char buf[64];
                    size_t k = 0;
                    for (size_t j = nb; j < ne && k < 48; j++)
                        k += ifr__utf8_put(p->cp[j], buf + k);
                    buf[k] = '\0';
                    return fail(p, nb, "unknown group name '%s'", buf);
                }
                if (!group_closed(p, (size_t)gid))
                    return fail(p, nb, "cannot refer to an open group");
                if (!check_lookbehind_group(p, (size_t)gid, p->i))
                    return false;
                *last = L_ITEM;
                return put_groupref(p, (size_t)gid, *flags);
            } else {
                if (p->i >= p->n)
                    return fail(p, p->i, "unexpected end of pattern");
                return fail(p, p->i - 2, "unknown extension ?P%c", (char)p->cp[p->i]);
            }
        } else if (c == ':') {
            capture = false;
        } else if (c == '#') {
            for (;;) {
                if (p->i >= p->n)
                    return fail(p, start, "missing ), unterminated comment");
                tok t;
                if (!get(p, &t))
                    return false;
                if (!t.esc && t.c == ')')
                    break;
            }
            *emitted = false;
            return true;
        } else if (c == '=' || c == '!' || c == '<') {
            bool behind = false;
            long saved_lb = p->lookbehind_groups;
            if (c == '<') {
                if (p->i >= p->n)
                    return fail(p, p->i, "unexpected end of pattern");
                c = p->cp[p->i++];
                if (c != '=' && c != '!')
                    return fail(p, p->i - 3, "unknown extension ?<%c", (char)c);
                behind = true;
                if (saved_lb < 0)
                    p->lookbehind_groups = (long)p->ngroups + 1;
            }
            if (!puts_(p, behind ? (c == '=' ? "(?<=" : "(?<!") : (c == '=' ? "(?=" : "(?!")))
                return false;
            if (!parse_sub(p, *verbose, nested + 1, *flags))
                return false;
            if (behind && saved_lb < 0)
                p->lookbehind_groups = -1;
            if (!match_ch(p, ')'))
                return fail(p, start, "missing ), unterminated subpattern");
            *last = L_ITEM;
            return puts_(p, ")");
        } else if (c == '(') {
            size_t cb, ce;
            if (!get_until(p, ')', "group name", &cb, &ce))
                return false;
            size_t gid = 0;
            if (is_identifier(p, cb, ce)) {
                long g = find_name(p, cb, ce);
                if (g < 0) {
                    char buf[64];
                    size_t k = 0;
                    for (size_t j = cb; j < ce && k < 48; j++)
                        k += ifr__utf8_put(p->cp[j], buf + k);
                    buf[k] = '\0';
                    return fail(p, cb, "unknown group name '%s'", buf);
                }
                gid = (size_t)g;
            } else {
                uint64_t v = 0;
                bool okn = true;
                for (size_t j = cb; j < ce; j++) {
                    if (!is_digit(p->cp[j]) || v > 1000000000u) {
                        okn = false;
                        break;
                    }
                    v = v * 10 + (p->cp[j] - '0');
                }
                if (!okn)
                    return bad_group_name(p, cb, ce, cb);
                if (v == 0)
                    return fail(p, cb, "bad group number");
                if (v >= 65535)
                    return fail(p, cb, "invalid group reference %u", (unsigned)v);
                gid = (size_t)v;
                size_t *nr = grow(p, p->condrefs, &p->condrefs_cap, p->ncondrefs + 2,
                                  sizeof *nr, p->ncondrefs);
                if (!nr)
                    return fail_nomem(p);
                p->condrefs = nr;
                p->condrefs[p->ncondrefs++] = gid;
                p->condrefs[p->ncondrefs++] = cb;
            }
            if (!check_lookbehind_group(p, gid, p->i))
                return false;
            char b[40];
            snprintf(b, sizeof b, "(?(%zu)", gid);
            if (!puts_(p, b))
                return false;
            /* item_yes = _parse(...); optional "|" item_no; no third branch */
            bool v2 = *verbose;
            last_kind l2 = L_NONE;
            if (!parse_seq(p, &v2, nested + 1, false, *flags, &l2))
                return false;
            if (match_ch(p, '|')) {
                if (!puts_(p, "|"))
                    return false;
                l2 = L_NONE;
                if (!parse_seq(p, &v2, nested + 1, false, *flags, &l2))
                    return false;
                if (next_is(p, '|'))
                    return fail(p, p->i, "conditional backref with more than two branches");
            }
            if (!match_ch(p, ')'))
                return fail(p, start, "missing ), unterminated subpattern");
            *last = L_ITEM;
            return puts_(p, ")");
        } else if (c == '>') {
            capture = false;
            atomic = true;
        } else {
            unsigned f;
            if (!(flag_of(c, &f) || c == '-')) {
                char buf[8];
                size_t k = ifr__utf8_put(c, buf);
                buf[k] = '\0';
                return fail(p, p->i - 2, "unknown extension ?%s", buf);
            }
            int r = parse_flags(p, c, &add, &del);
            if (r < 0)
                return false;
            if (r == 1) {
                if (!first || !seq_empty)
                    return fail(p, start, "global flags not at the start of the expression");
                if (p->flags & (F_A | F_L))
                    return fail(p, start, "the ASCII and LOCALE flags are not supported");
                *flags |= p->flags;
                *verbose = (p->flags & F_X) != 0;
                *emitted = false;
                return true;
            }
            if (add & (F_A | F_L))
                return fail(p, start, "the ASCII and LOCALE flags are not supported");
            capture = false;
        }
    }
    size_t gid = 0;
    if (capture) {
        if (named && find_name(p, nb, ne) >= 0) {
            char buf[64];
            size_t k = 0;
            for (size_t j = nb; j < ne && k < 48; j++)
                k += ifr__utf8_put(p->cp[j], buf + k);
            buf[k] = '\0';
            return fail(p, nb, "redefinition of group name '%s' as group %zu; was group %ld", buf,
                        p->ngroups + 1, find_name(p, nb, ne));
        }
        if (!open_group(p, &gid))
            return false;
        if (named) {
            gname *ng = grow(p, p->names, &p->names_cap, p->nnames + 1, sizeof *ng, p->nnames);
            if (!ng)
                return fail_nomem(p);
            p->names = ng;
            p->names[p->nnames++] = (gname){nb, ne, gid};
        }
    }
    unsigned sub_flags = (*flags | add) & ~del;
    bool sub_verbose = (*verbose || (add & F_X)) && !(del & F_X);
    if (!puts_(p, capture ? "(" : atomic ? "(?>" : "(?:"))
        return false;
    if (!parse_sub(p, sub_verbose, nested + 1, sub_flags))
        return false;
    if (!match_ch(p, ')'))
        return fail(p, start, "missing ), unterminated subpattern");
    if (capture)
        p->closed[gid] = 1;
    *last = L_ITEM;
    return puts_(p, ")");
}

/* _parse: a sequence up to '|' or ')' or the end. */
static bool parse_seq(rxp *p, bool *verbose, int nested, bool first, unsigned flags,
                        last_kind *last)
{
    size_t last_start = p->out.n;
    bool seq_empty = true;
    if (++p->depth > 200)
        return fail(p, p->i, "pattern nested too deeply");
    for (;;) {
        tok t;
        if (!peek(p, &t))
            return false;
        if (t.end)
            break;
        if (!t.esc && (t.c == '|' || t.c == ')'))
            break;
        advance(p, &t);
        if (*verbose && !t.esc) {
            if (is_ws(t.c))
                continue;
            if (t.c == '#') {
                for (;;) {
                    tok u;
                    if (!get(p, &u))
                        return false;
                    if (u.end || (!u.esc && u.c == '\n'))
                        break;
                }
                continue;
            }
        }
        size_t item_start = p->out.n;
        if (t.esc) {
            esc e;
            if (!parse_escape(p, &t, false, &e))
                return false;
            bool ok = true;
            switch (e.kind) {
            case E_LIT:
                ok = emit_literal(p, e.c, flags, false);
                *last = L_ITEM;
                break;
            case E_CAT: {
                rset s = {0};
                ok = emit_class(p, &s, e.c, false);
                set_free(p, &s);
                *last = L_ITEM;
                break;
            }
            case E_AT:
                ok = puts_(p, e.c == 'A'   ? "\\A"
                              : e.c == 'Z' ? "\\z"
                              : e.c == 'b' ? "\\b"
                                           : "(?:(?<=[\\s\\S])|(?=[\\s\\S]))\\B");
                *last = L_AT;
                break;
            case E_GROUPREF:
                ok = put_groupref(p, e.group, flags);
                *last = L_ITEM;
                break;
            }
            if (!ok)
                return false;
            last_start = item_start;
            seq_empty = false;
            continue;
        }
        uint32_t c = t.c;
        if (c == '[') {
            if (!parse_class(p, flags))
                return false;
            *last = L_ITEM;
        } else if (c == '*' || c == '+' || c == '?' || c == '{') {
            if (c == '{' && next_is(p, '}')) {
                if (!emit_literal(p, '{', flags, false))
                    return false;
                *last = L_ITEM;
            } else if (!parse_repeat(p, &t, last, last_start)) {
                if (p->err != IFR_OK)
                    return false;
                /* not a quantifier: a literal '{' */
                if (!emit_literal(p, '{', flags, false))
                    return false;
                *last = L_ITEM;
            } else {
                continue; /* the repeated item keeps its start */
            }
        } else if (c == '.') {
            if (!puts_(p, (flags & F_S) ? "(?s:.)" : "[^\\n]"))
                return false;
            *last = L_ITEM;
        } else if (c == '(') {
            bool emitted;
            unsigned fl = flags;
            last_kind l = *last;
            if (!parse_group(p, t.pos, verbose, nested, first, seq_empty, &fl, &l, &emitted))
                return false;
            if (!emitted) {
                flags = fl; /* global flags, or a comment */
                continue;
            }
            *last = l;
        } else if (c == '^') {
            if (!puts_(p, (flags & F_M) ? "(?<![^\\n])" : "\\A"))
                return false;
            *last = L_AT;
        } else if (c == '$') {
            if (!puts_(p, (flags & F_M) ? "(?![^\\n])" : "(?=\\n?\\z)"))
                return false;
            *last = L_AT;
        } else {
            if (!emit_literal(p, c, flags, false))
                return false;
            *last = L_ITEM;
        }
        last_start = item_start;
        seq_empty = false;
    }
    p->depth--;
    return true;
}

/* _parse_sub: alternatives separated by '|'. */
static bool parse_sub(rxp *p, bool verbose, int nested, unsigned flags)
{
    bool first = true;
    for (;;) {
        last_kind last = L_NONE;
        unsigned before = p->flags;
        if (!parse_seq(p, &verbose, nested + 1, nested == 0 && first, flags, &last))
            return false;
        if (nested == 0 && p->flags != before)
            flags |= p->flags; /* global flags apply to the rest of the pattern */
        first = false;
        if (!match_ch(p, '|'))
            break;
        if (!puts_(p, "|"))
            return false;
        if (nested == 0)
            verbose = (p->flags & F_X) != 0;
    }
    return true;
}

/* MARK: compile ---------------------------------------------------------------- */

static int set_msg(char *msg, size_t msgcap, const char *s)
{
    if (msg && msgcap) {
        size_t l = strlen(s);
        if (l >= msgcap)
            l = msgcap - 1;
        memcpy(msg, s, l);
        msg[l] = '\0';
    }
    return 0;
}

int ifr__regex_compile(ifr__regex **out, const char *pat, size_t len, unsigned flags,
                       const ifr_allocator *alloc, char *msg, size_t msgcap, size_t *erroff)
{
    *out = NULL;
    if (erroff)
        *erroff = 0;
    set_msg(msg, msgcap, "");
    ifr_allocator def;
    if (!alloc) {
        ifr__alloc_default(&def);
        alloc = &def;
    }
    if (!pat)
        len = 0;
    if (!ifr__utf8_valid(pat ? pat : "", len)) {
        set_msg(msg, msgcap, "pattern is not valid UTF-8");
        return IFR_E_REGEX;
    }
    /* decode the pattern (and keep byte offsets for error positions) */
    ifr__arena ar;
    ifr__arena_init(&ar, alloc);
    uint32_t *cp;
    size_t ncp;
    int rc = ifr__utf8_decode(pat ? pat : "", len, &ar, &cp, &ncp);
    if (rc != IFR_OK) {
        ifr__arena_release(&ar);
        set_msg(msg, msgcap, "out of memory");
        return IFR_E_NOMEM;
    }

    rxp p;
    memset(&p, 0, sizeof p);
    p.a = alloc;
    p.cp = cp;
    p.n = ncp;
    p.lookbehind_groups = -1;
    p.err = IFR_OK;
    unsigned f = 0;
    if (flags & IFR__RX_IGNORECASE)
        f |= F_I;
    if (flags & IFR__RX_MULTILINE)
        f |= F_M;
    if (flags & IFR__RX_DOTALL)
        f |= F_S;
    p.flags = f;
    bool ok = put(&p, "", 0);
    if (ok && (flags & IFR__RX_LITERAL)) {
        for (size_t k = 0; ok && k < ncp; k++)
            ok = emit_literal(&p, cp[k], f, false);
    } else if (ok) {
        ok = parse_sub(&p, false, 0, f);
        if (ok && p.i < p.n)
            ok = fail(&p, p.i, "unbalanced parenthesis"); /* a stray ')' */
        for (size_t k = 0; ok && k < p.ncondrefs; k += 2)
            if (p.condrefs[k] > p.ngroups)
                ok = fail(&p, p.condrefs[k + 1], "invalid group reference %zu", p.condrefs[k]);
    }
    ifr__free(alloc, p.closed);
    ifr__free(alloc, p.names);
    ifr__free(alloc, p.condrefs);
    if (!ok) {
        /* code-point position -> byte offset */
        size_t byte = 0;
        for (size_t k = 0; k < p.errpos && k < ncp; k++) {
            char b[4];
            byte += ifr__utf8_put(cp[k], b);
        }
        if (erroff)
            *erroff = byte;
        set_msg(msg, msgcap, p.msg);
        ifr__free(alloc, p.out.p);
        ifr__arena_release(&ar);
        return p.err == IFR_E_NOMEM ? IFR_E_NOMEM : IFR_E_REGEX;
    }
    ifr__arena_release(&ar);

    ifr__regex *rx = ifr__malloc(alloc, sizeof *rx);
    if (!rx) {
        ifr__free(alloc, p.out.p);
        set_msg(msg, msgcap, "out of memory");
        return IFR_E_NOMEM;
    }
    memset(rx, 0, sizeof *rx);
    rx->alloc = *alloc;
    pcre2_general_context *gctx = pcre2_general_context_create(rx_malloc, rx_free, &rx->alloc);
    pcre2_compile_context *cctx = gctx ? pcre2_compile_context_create(gctx) : NULL;
    if (!cctx) {
        pcre2_general_context_free(gctx);
        ifr__free(alloc, rx);
        ifr__free(alloc, p.out.p);
        set_msg(msg, msgcap, "out of memory");
        return IFR_E_NOMEM;
    }
    pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);
    pcre2_set_bsr(cctx, PCRE2_BSR_UNICODE);
    int errcode = 0;
    PCRE2_SIZE eo = 0;
    rx->code = pcre2_compile((PCRE2_SPTR)p.out.p, p.out.n,
                             PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | PCRE2_NEVER_BACKSLASH_C,
                             &errcode, &eo, cctx);
    pcre2_compile_context_free(cctx);
    pcre2_general_context_free(gctx);
    ifr__free(alloc, p.out.p);
    if (!rx->code) {
        if (errcode == PCRE2_ERROR_HEAP_FAILED || errcode == PCRE2_ERROR_NOMEMORY) {
            ifr__free(alloc, rx);
            set_msg(msg, msgcap, "out of memory");
            return IFR_E_NOMEM;
        }
        PCRE2_UCHAR buf[128];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        if (msg && msgcap)
            snprintf(msg, msgcap, "pattern not supported by the PCRE2 translation: %s",
                     (const char *)buf);
        ifr__free(alloc, rx);
        return IFR_E_REGEX;
    }
    rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
    *out = rx;
    return IFR_OK;
}

void ifr__regex_free(ifr__regex *rx)
{
    if (!rx)
        return;
    pcre2_code_free(rx->code);
    ifr_allocator a = rx->alloc;
    ifr__free(&a, rx);
}

/* MARK: matching ---------------------------------------------------------------- */

int ifr__scratch_new(ifr__scratch **out, const ifr_allocator *alloc, uint32_t match_limit,
                     uint32_t depth_limit)
{
    *out = NULL;
    ifr_allocator def;
    if (!alloc) {
        ifr__alloc_default(&def);
        alloc = &def;
    }
    ifr__scratch *sc = ifr__malloc(alloc, sizeof *sc);
    if (!sc)
        return IFR_E_NOMEM;
    memset(sc, 0, sizeof *sc);
    sc->alloc = *alloc;
    sc->gctx = pcre2_general_context_create(rx_malloc, rx_free, &sc->alloc);
    if (sc->gctx)
        sc->mctx = pcre2_match_context_create(sc->gctx);
    if (sc->mctx)
        sc->md = pcre2_match_data_create(1, sc->gctx);
    if (sc->md)
        sc->jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, sc->gctx);
    if (!sc->jit_stack) {
        ifr__scratch_free(sc);
        return IFR_E_NOMEM;
    }
    if (match_limit)
        pcre2_set_match_limit(sc->mctx, match_limit);
    if (depth_limit)
        pcre2_set_depth_limit(sc->mctx, depth_limit);
    pcre2_jit_stack_assign(sc->mctx, NULL, sc->jit_stack);
    *out = sc;
    return IFR_OK;
}

void ifr__scratch_free(ifr__scratch *sc)
{
    if (!sc)
        return;
    pcre2_jit_stack_free(sc->jit_stack);
    pcre2_match_data_free(sc->md);
    pcre2_match_context_free(sc->mctx);
    pcre2_general_context_free(sc->gctx);
    ifr_allocator a = sc->alloc;
    ifr__free(&a, sc);
}

static int do_match(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                    size_t start, uint32_t opts, size_t *ms, size_t *me)
{
    if (!rx || !sc || start > n || (!s && n))
        return IFR_E_INVALID;
    if (start < n && ((unsigned char)s[start] & 0xC0u) == 0x80u)
        return IFR_E_INVALID; /* not at a character boundary */
    PCRE2_SPTR subj = (PCRE2_SPTR)(s ? s : "");
    int rc = pcre2_match(rx->code, subj, n, start, opts | PCRE2_NO_UTF_CHECK, sc->md, sc->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(rx->code, subj, n, start, opts | PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
                         sc->md, sc->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        *ms = ov[0];
        *me = ov[1];
        return 1;
    }
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        return IFR_E_LIMIT;
    if (rc == PCRE2_ERROR_NOMEMORY)
        return IFR_E_NOMEM;
    return IFR_E_INTERNAL;
}

int ifr__regex_search(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                      size_t start, size_t *ms, size_t *me)
{
    return do_match(rx, sc, s, n, start, 0, ms, me);
}

/*
 * _sre's scanner: search from `pos`; after a match [b, e), continue at e, and
 * if the match was empty, the next one may not be empty at e
 * (state->must_advance, which is PCRE2_NOTEMPTY_ATSTART).
 */
int ifr__regex_next(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                    ifr__rx_iter *it, size_t *ms, size_t *me)
{
    if (it->started == 2 || it->pos > n)
        return 0;
    it->started = 1;
    size_t b, e;
    int rc = do_match(rx, sc, s, n, it->pos, it->prev_empty_at ? PCRE2_NOTEMPTY_ATSTART : 0, &b,
                      &e);
    if (rc <= 0) {
        if (rc == 0)
            it->started = 2;
        return rc;
    }
    if (b < it->pos || e < b)
        return IFR_E_INTERNAL; /* cannot happen: the translation never emits \K */
    it->prev_empty_at = b == e;
    it->pos = e;
    it->last_end = e;
    *ms = b;
    *me = e;
    return 1;
}

int ifr__regex_count(const ifr__regex *rx, ifr__scratch *sc, const char *s, size_t n,
                     size_t *count)
{
    ifr__rx_iter it = {0};
    size_t c = 0, b, e;
    int rc;
    while ((rc = ifr__regex_next(rx, sc, s, n, &it, &b, &e)) == 1)
        c++;
    *count = c;
    return rc;
}
