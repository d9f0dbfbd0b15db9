/*
 * iftrain_util.c - Python str helpers and IFEvalG's regex sentence splitter,
 * shared by the iftrain and tulu3 families.
 */
#include "iftrain_util.h"

#include "../text/pycompat.h"

#include <string.h>

/* MARK: code-point strings ------------------------------------------------ */

size_t ifr__cps_find(const uint32_t *h, size_t hn, size_t from, const uint32_t *nd,
                     size_t nn)
{
    if (from > hn)
        return IFR__NPOS;
    if (nn == 0)
        return from;
    if (nn > hn - from)
        return IFR__NPOS;
    for (size_t i = from; i + nn <= hn; i++) {
        if (h[i] == nd[0] && memcmp(h + i, nd, nn * sizeof *nd) == 0)
            return i;
    }
    return IFR__NPOS;
}

size_t ifr__cps_count(const uint32_t *h, size_t hn, const uint32_t *nd, size_t nn)
{
    if (nn == 0)
        return hn + 1;
    size_t c = 0, i = 0;
    while ((i = ifr__cps_find(h, hn, i, nd, nn)) != IFR__NPOS) {
        c++;
        i += nn;
    }
    return c;
}

bool ifr__cps_eq(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an * sizeof *a) == 0);
}

bool ifr__cps_startswith(const uint32_t *h, size_t hn, const uint32_t *p, size_t pn)
{
    return pn <= hn && (pn == 0 || memcmp(h, p, pn * sizeof *p) == 0);
}

bool ifr__cps_endswith(const uint32_t *h, size_t hn, const uint32_t *p, size_t pn)
{
    return pn <= hn && (pn == 0 || memcmp(h + hn - pn, p, pn * sizeof *p) == 0);
}

static bool match_ascii_at(const uint32_t *h, size_t hn, size_t i, const char *lit,
                           size_t ln)
{
    if (ln > hn || i > hn - ln)
        return false;
    for (size_t k = 0; k < ln; k++) {
        if (h[i + k] != (unsigned char)lit[k])
            return false;
    }
    return true;
}

bool ifr__cps_has_ascii(const uint32_t *h, size_t hn, const char *lit)
{
    size_t ln = strlen(lit);
    for (size_t i = 0; i + ln <= hn; i++) {
        if (match_ascii_at(h, hn, i, lit, ln))
            return true;
    }
    return ln == 0;
}

size_t ifr__cps_count_ascii(const uint32_t *h, size_t hn, const char *lit)
{
    size_t ln = strlen(lit), c = 0;
    if (ln == 0)
        return hn + 1;
    for (size_t i = 0; i + ln <= hn;) {
        if (match_ascii_at(h, hn, i, lit, ln)) {
            c++;
            i += ln;
        } else {
            i++;
        }
    }
    return c;
}

bool ifr__cps_split_next(const uint32_t *s, size_t n, const uint32_t *sep, size_t sepn,
                         size_t *pos, bool *done, size_t *b, size_t *e)
{
    if (*done)
        return false;
    size_t at = ifr__cps_find(s, n, *pos, sep, sepn);
    *b = *pos;
    if (at == IFR__NPOS || sepn == 0) {
        *e = n;
        *done = true;
    } else {
        *e = at;
        *pos = at + sepn;
    }
    return true;
}

int ifr__cps_from_kwarg(ifr__parse_ctx *pc, const char *s, size_t n, ifr__ustr *out)
{
    ifr__arena ar;
    ifr__arena_init(&ar, ifr__parse_allocator(pc));
    uint32_t *cp = NULL;
    size_t ncp = 0;
    int rc = ifr__utf8_decode(s, n, &ar, &cp, &ncp);
    if (rc == IFR_OK) {
        uint32_t *dst = ifr__parse_alloc(pc, (ncp + 1) * sizeof *dst);
        if (!dst) {
            rc = IFR_E_NOMEM;
        } else {
            if (ncp)
                memcpy(dst, cp, ncp * sizeof *dst);
            out->p = dst;
            out->n = ncp;
        }
    }
    ifr__arena_release(&ar);
    return rc;
}

void ifr__cps_strip(const ifr__ustr *in, ifr__ustr *out)
{
    size_t b = 0, e = 0;
    ifr__py_strip(in->p, in->n, &b, &e);
    out->p = in->p + b;
    out->n = e - b;
}

int ifr__cps_lower_kwarg(ifr__parse_ctx *pc, const ifr__ustr *in, ifr__ustr *out)
{
    ifr__arena ar;
    ifr__arena_init(&ar, ifr__parse_allocator(pc));
    uint32_t *lo = NULL;
    size_t nlo = 0;
    int rc = ifr__py_lower(in->p, in->n, &ar, &lo, &nlo);
    if (rc == IFR_OK) {
        uint32_t *dst = ifr__parse_alloc(pc, (nlo + 1) * sizeof *dst);
        if (!dst) {
            rc = IFR_E_NOMEM;
        } else {
            if (nlo)
                memcpy(dst, lo, nlo * sizeof *dst);
            out->p = dst;
            out->n = nlo;
        }
    }
    ifr__arena_release(&ar);
    return rc;
}

/* MARK: IFEvalG split_into_sentences -------------------------------------- */

/* A growable code-point buffer in the arena. */
typedef struct cbuf {
    ifr__arena *ar;
    uint32_t *p;
    size_t n, cap;
    int rc;
} cbuf;

static void cb_init(cbuf *b, ifr__arena *ar, size_t hint)
{
    b->ar = ar;
    b->n = 0;
    b->cap = hint + 16;
    b->rc = IFR_OK;
    b->p = ifr__arena_alloc(ar, b->cap * sizeof *b->p);
    if (!b->p)
        b->rc = IFR_E_NOMEM;
}

static void cb_reserve(cbuf *b, size_t more)
{
    if (b->rc || b->n + more <= b->cap)
        return;
    size_t cap = b->cap * 2;
    if (cap < b->n + more)
        cap = b->n + more + 16;
    uint32_t *p = ifr__arena_alloc(b->ar, cap * sizeof *p);
    if (!p) {
        b->rc = IFR_E_NOMEM;
        return;
    }
    memcpy(p, b->p, b->n * sizeof *p);
    b->p = p;
    b->cap = cap;
}

static void cb_put(cbuf *b, uint32_t c)
{
    cb_reserve(b, 1);
    if (!b->rc)
        b->p[b->n++] = c;
}

static void cb_puts(cbuf *b, const uint32_t *s, size_t n)
{
    cb_reserve(b, n);
    if (!b->rc && n) {
        memcpy(b->p + b->n, s, n * sizeof *s);
        b->n += n;
    }
}

static void cb_ascii(cbuf *b, const char *lit)
{
    size_t n = strlen(lit);
    cb_reserve(b, n);
    if (b->rc)
        return;
    for (size_t k = 0; k < n; k++)
        b->p[b->n++] = (unsigned char)lit[k];
}

static bool is_AZ(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_alpha_ascii(uint32_t c)
{
    return is_AZ(c) || (c >= 'a' && c <= 'z');
}

static bool is_09(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* The text being rewritten, one regex substitution pass at a time: each pass
 * reads bufs[cur] and writes the other buffer (both reused across passes). */
typedef struct rs {
    const uint32_t *s;
    size_t n;
    cbuf bufs[2];
    int cur;
} rs;

static cbuf *rs_out(rs *r)
{
    cbuf *o = &r->bufs[1 - r->cur];
    o->n = 0;
    return o;
}

static int rs_swap(rs *r)
{
    cbuf *o = &r->bufs[1 - r->cur];
    if (o->rc)
        return o->rc;
    r->cur = 1 - r->cur;
    r->s = o->p;
    r->n = o->n;
    return IFR_OK;
}

static bool at(const rs *r, size_t i, const char *lit)
{
    return match_ascii_at(r->s, r->n, i, lit, strlen(lit));
}

static uint32_t ch(const rs *r, size_t i)
{
    return i < r->n ? r->s[i] : 0;
}

/* First alternative of `alts` (in order) matching at i, plus optional '.' */
static size_t alt_match(const rs *r, size_t i, const char *const *alts, bool dot)
{
    for (size_t k = 0; alts[k]; k++) {
        size_t ln = strlen(alts[k]);
        if (at(r, i, alts[k]) && (!dot || ch(r, i + ln) == '.'))
            return ln;
    }
    return 0;
}

/* _STARTERS = (Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\s|She\s|...|This\s|Wherever) */
static size_t starter_match(const rs *r, size_t i)
{
    static const char *const plain[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Capt", "Cpt",
                                        "Lt", NULL};
    static const char *const spaced[] = {"He", "She", "It", "They", "Their", "Our", "We",
                                         "But", "However", "That", "This", NULL};
    size_t ln = alt_match(r, i, plain, false);
    if (ln)
        return ln;
    for (size_t k = 0; spaced[k]; k++) {
        size_t l2 = strlen(spaced[k]);
        if (at(r, i, spaced[k]) && i + l2 < r->n && ifr__py_isspace(r->s[i + l2]))
            return l2 + 1;
    }
    if (at(r, i, "Wherever"))
        return 8;
    return 0;
}

static const char *const PREFIXES[] = {"Mr", "St", "Mrs", "Ms", "Dr", NULL};
static const char *const WEBSITES[] = {"com", "net", "org", "io", "gov", "edu", "me", NULL};
static const char *const SUFFIXES[] = {"Inc", "Ltd", "Jr", "Sr", "Co", NULL};

/* One regex pass; returns the match length at i (0 = none) and emits the replacement. */
typedef size_t (*rs_step)(const rs *r, size_t i, cbuf *out);

/* (Mr|St|Mrs|Ms|Dr)[.] -> \1<prd> */
static size_t st_prefix(const rs *r, size_t i, cbuf *out)
{
    size_t ln = alt_match(r, i, PREFIXES, true);
    if (!ln)
        return 0;
    cb_puts(out, r->s + i, ln);
    cb_ascii(out, "<prd>");
    return ln + 1;
}

/* [.](com|net|org|io|gov|edu|me) -> <prd>\1 */
static size_t st_website(const rs *r, size_t i, cbuf *out)
{
    if (r->s[i] != '.')
        return 0;
    size_t ln = alt_match(r, i + 1, WEBSITES, false);
    if (!ln)
        return 0;
    cb_ascii(out, "<prd>");
    cb_puts(out, r->s + i + 1, ln);
    return ln + 1;
}

/* ([0-9])[.]([0-9]) -> \1<prd>\2 */
static size_t st_digits(const rs *r, size_t i, cbuf *out)
{
    if (!is_09(r->s[i]) || ch(r, i + 1) != '.' || !is_09(ch(r, i + 2)))
        return 0;
    cb_put(out, r->s[i]);
    cb_ascii(out, "<prd>");
    cb_put(out, r->s[i + 2]);
    return 3;
}

/* \.{2,} -> "<prd>" * len + "<stop>" */
static size_t st_dots(const rs *r, size_t i, cbuf *out)
{
    size_t k = i;
    while (k < r->n && r->s[k] == '.')
        k++;
    if (k - i < 2)
        return 0;
    for (size_t m = i; m < k; m++)
        cb_ascii(out, "<prd>");
    cb_ascii(out, "<stop>");
    return k - i;
}

/* \s([A-Za-z])[.]  -> " \1<prd> " */
static size_t st_single_letter(const rs *r, size_t i, cbuf *out)
{
    if (!ifr__py_isspace(r->s[i]) || !is_alpha_ascii(ch(r, i + 1)) || ch(r, i + 2) != '.'
        || ch(r, i + 3) != ' ')
        return 0;
    cb_put(out, ' ');
    cb_put(out, r->s[i + 1]);
    cb_ascii(out, "<prd> ");
    return 4;
}

/* ([A-Z][.][A-Z][.](?:[A-Z][.])?) (starter) -> \1<stop> \2 */
static size_t st_acronym_stop(const rs *r, size_t i, cbuf *out)
{
    if (!is_AZ(r->s[i]) || ch(r, i + 1) != '.' || !is_AZ(ch(r, i + 2)) || ch(r, i + 3) != '.')
        return 0;
    size_t lens[2] = {6, 4};
    for (int k = 0; k < 2; k++) {
        size_t al = lens[k];
        if (al == 6 && (!is_AZ(ch(r, i + 4)) || ch(r, i + 5) != '.'))
            continue;
        if (ch(r, i + al) != ' ')
            continue;
        size_t sl = starter_match(r, i + al + 1);
        if (!sl)
            continue;
        cb_puts(out, r->s + i, al);
        cb_ascii(out, "<stop> ");
        cb_puts(out, r->s + i + al + 1, sl);
        return al + 1 + sl;
    }
    return 0;
}

/* ([A-Za-z])[.]([A-Za-z])[.]([A-Za-z])[.] -> \1<prd>\2<prd>\3<prd> (n = 3), or
 * the two-letter form (n = 2). */
static size_t dotted(const rs *r, size_t i, cbuf *out, int n)
{
    for (int k = 0; k < n; k++) {
        if (!is_alpha_ascii(ch(r, i + 2 * (size_t)k)) || ch(r, i + 2 * (size_t)k + 1) != '.')
            return 0;
    }
    for (int k = 0; k < n; k++) {
        cb_put(out, r->s[i + 2 * (size_t)k]);
        cb_ascii(out, "<prd>");
    }
    return 2 * (size_t)n;
}

static size_t st_dotted3(const rs *r, size_t i, cbuf *out)
{
    return dotted(r, i, out, 3);
}

static size_t st_dotted2(const rs *r, size_t i, cbuf *out)
{
    return dotted(r, i, out, 2);
}

/* " " (Inc|Ltd|Jr|Sr|Co)[.] " " (starter) -> " \1<stop> \2" */
static size_t st_suffix_stop(const rs *r, size_t i, cbuf *out)
{
    if (r->s[i] != ' ')
        return 0;
    size_t ln = alt_match(r, i + 1, SUFFIXES, true);
    if (!ln || ch(r, i + ln + 2) != ' ')
        return 0;
    size_t sl = starter_match(r, i + ln + 3);
    if (!sl)
        return 0;
    cb_put(out, ' ');
    cb_puts(out, r->s + i + 1, ln);
    cb_ascii(out, "<stop> ");
    cb_puts(out, r->s + i + ln + 3, sl);
    return ln + 3 + sl;
}

/* " " (Inc|Ltd|Jr|Sr|Co)[.] -> " \1<prd>" */
static size_t st_suffix(const rs *r, size_t i, cbuf *out)
{
    if (r->s[i] != ' ')
        return 0;
    size_t ln = alt_match(r, i + 1, SUFFIXES, true);
    if (!ln)
        return 0;
    cb_put(out, ' ');
    cb_puts(out, r->s + i + 1, ln);
    cb_ascii(out, "<prd>");
    return ln + 2;
}

/* " " ([A-Za-z])[.] -> " \1<prd>" */
static size_t st_space_letter(const rs *r, size_t i, cbuf *out)
{
    if (r->s[i] != ' ' || !is_alpha_ascii(ch(r, i + 1)) || ch(r, i + 2) != '.')
        return 0;
    cb_put(out, ' ');
    cb_put(out, r->s[i + 1]);
    cb_ascii(out, "<prd>");
    return 3;
}

/* re.sub with a step: leftmost non-overlapping matches, the rest copied. */
static int rs_pass(rs *r, rs_step step)
{
    cbuf *out = rs_out(r);
    for (size_t i = 0; i < r->n && !out->rc;) {
        size_t m = step(r, i, out);
        if (m) {
            i += m;
        } else {
            cb_put(out, r->s[i]);
            i++;
        }
    }
    return rs_swap(r);
}

/* str.replace(from, to) with UTF-8 literals (decoded here). */
static int rs_replace(rs *r, const uint32_t *from, size_t fn, const uint32_t *to, size_t tn)
{
    if (ifr__cps_find(r->s, r->n, 0, from, fn) == IFR__NPOS)
        return IFR_OK;
    cbuf *out = rs_out(r);
    size_t i = 0;
    while (!out->rc) {
        size_t k = ifr__cps_find(r->s, r->n, i, from, fn);
        if (k == IFR__NPOS) {
            cb_puts(out, r->s + i, r->n - i);
            break;
        }
        cb_puts(out, r->s + i, k - i);
        cb_puts(out, to, tn);
        i = k + fn;
    }
    return rs_swap(r);
}

#define CP_PRD '<', 'p', 'r', 'd', '>'
#define CP_STOP '<', 's', 't', 'o', 'p', '>'

int ifr__rsent_split(ifr__arena *ar, const uint32_t *s, size_t n, ifr__ustr **out,
                     size_t *nout)
{
    *out = NULL;
    *nout = 0;
    /* text = " " + text + "  "; text = text.replace("\n", " ") */
    cbuf b0;
    cb_init(&b0, ar, n + 3);
    cb_put(&b0, ' ');
    for (size_t i = 0; i < n; i++)
        cb_put(&b0, s[i] == '\n' ? ' ' : s[i]);
    cb_ascii(&b0, "  ");
    if (b0.rc)
        return b0.rc;
    rs r = {.s = b0.p, .n = b0.n, .cur = 0};
    r.bufs[0] = b0;
    cb_init(&r.bufs[1], ar, b0.n + b0.n / 2);
    if (r.bufs[1].rc)
        return r.bufs[1].rc;
    int rc;
#define PASS(fn) \
    if ((rc = rs_pass(&r, fn)) != IFR_OK) \
        return rc;
#define REPL(from, to) \
    if ((rc = rs_replace(&r, from, sizeof(from) / sizeof(uint32_t), to, \
                         sizeof(to) / sizeof(uint32_t))) != IFR_OK) \
        return rc;
    static const uint32_t phd_from[] = {'P', 'h', '.', 'D', '.'};
    static const uint32_t phd_to[] = {'P', 'h', CP_PRD, 'D', CP_PRD};
    static const uint32_t q1_from[] = {'.', 0x201D}, q1_to[] = {0x201D, '.'};
    static const uint32_t q2_from[] = {'.', '"'}, q2_to[] = {'"', '.'};
    static const uint32_t q3_from[] = {'!', '"'}, q3_to[] = {'"', '!'};
    static const uint32_t q4_from[] = {'?', '"'}, q4_to[] = {'"', '?'};
    static const uint32_t dot[] = {'.'}, dot_stop[] = {'.', CP_STOP};
    static const uint32_t qm[] = {'?'}, qm_stop[] = {'?', CP_STOP};
    static const uint32_t ex[] = {'!'}, ex_stop[] = {'!', CP_STOP};
    static const uint32_t prd[] = {CP_PRD};
    static const uint32_t stop[] = {CP_STOP};

    PASS(st_prefix);
    PASS(st_website);
    PASS(st_digits);
    PASS(st_dots);
    REPL(phd_from, phd_to);
    PASS(st_single_letter);
    PASS(st_acronym_stop);
    PASS(st_dotted3);
    PASS(st_dotted2);
    PASS(st_suffix_stop);
    PASS(st_suffix);
    PASS(st_space_letter);
    REPL(q1_from, q1_to);
    REPL(q2_from, q2_to);
    REPL(q3_from, q3_to);
    REPL(q4_from, q4_to);
    REPL(dot, dot_stop);
    REPL(qm, qm_stop);
    REPL(ex, ex_stop);
    REPL(prd, dot);
#undef PASS
#undef REPL

    /* sentences = [s.strip() for s in text.split("<stop>")]; drop a final "" */
    size_t cnt = ifr__cps_count(r.s, r.n, stop, 6) + 1;
    ifr__ustr *v = ifr__arena_alloc(ar, cnt * sizeof *v);
    if (!v)
        return IFR_E_NOMEM;
    size_t pos = 0, pb, pe, k = 0;
    bool done = false;
    while (ifr__cps_split_next(r.s, r.n, stop, 6, &pos, &done, &pb, &pe)) {
        size_t sb = 0, se = 0;
        ifr__py_strip(r.s + pb, pe - pb, &sb, &se);
        v[k].p = r.s + pb + sb;
        v[k].n = se - sb;
        k++;
    }
    if (k > 0 && v[k - 1].n == 0)
        k--;
    *out = v;
    *nout = k;
    return IFR_OK;
}

/* MARK: kwarg helpers for IFEvalG checkers ---------------------------------- */

int ifr__ift_kwarg_word(ifr__parse_ctx *pc, const ifr__kwval *v, ifr__ustr *out, bool *empty)
{
    const char *s = v->s;
    size_t n = v->slen;
    out->p = NULL;
    out->n = 0;
    if (v->is_list) {
        if (v->nlist == 0) {
            *empty = true;
            return IFR_OK;
        }
        s = v->list[0];
        n = v->lens[0];
    }
    *empty = !v->present || (!v->is_list && n == 0);
    if (*empty)
        return IFR_OK;
    ifr__ustr raw;
    int rc = ifr__cps_from_kwarg(pc, s, n, &raw);
    if (rc == IFR_OK)
        ifr__cps_strip(&raw, out);
    return rc;
}

int ifr__ift_kwarg_regex(ifr__parse_ctx *pc, const char *key, const ifr__ustr *pat,
                         unsigned flags, const ifr__regex **out)
{
    ifr__arena ar;
    ifr__arena_init(&ar, ifr__parse_allocator(pc));
    char *u8 = NULL;
    size_t n = 0;
    int rc = ifr__utf8_encode(pat->p, pat->n, &ar, &u8, &n);
    if (rc == IFR_OK)
        rc = ifr__parse_regex(pc, key, u8, n, flags, out);
    ifr__arena_release(&ar);
    return rc;
}

int ifr__ift_kwarg_nonzero(ifr__parse_ctx *pc, const ifr__kwval *v, const char *key,
                           int64_t *out)
{
    if (!v->present || v->i == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "%s must be a non-zero integer (the reference draws a random "
                                "one)", key);
    *out = v->i;
    return IFR_OK;
}

size_t ifr__py_index(int64_t idx, size_t n)
{
    if (idx < 0)
        idx += (int64_t)n;
    if (idx < 0 || (uint64_t)idx >= n)
        return IFR__NPOS;
    return (size_t)idx;
}

void ifr__py_slice(int64_t start, int64_t end, size_t n, size_t *b, size_t *e)
{
    int64_t len = (int64_t)n;
    if (start < 0) {
        start += len;
        if (start < 0)
            start = 0;
    } else if (start > len) {
        start = len;
    }
    if (end < 0) {
        end += len;
        if (end < 0)
            end = 0;
    } else if (end > len) {
        end = len;
    }
    if (end < start)
        end = start;
    *b = (size_t)start;
    *e = (size_t)end;
}

/* Leftmost match of \s?\*\*\*\s? at or after `from`: [*ms, *me). */
static bool stars_find(const uint32_t *s, size_t n, size_t from, size_t *ms, size_t *me)
{
    for (size_t i = from; i < n; i++) {
        size_t j;
        if (ifr__py_isspace(s[i]) && i + 3 < n && s[i + 1] == '*' && s[i + 2] == '*'
            && s[i + 3] == '*')
            j = i + 4;
        else if (i + 2 < n && s[i] == '*' && s[i + 1] == '*' && s[i + 2] == '*')
            j = i + 3;
        else
            continue;
        if (j < n && ifr__py_isspace(s[j]))
            j++;
        *ms = i;
        *me = j;
        return true;
    }
    return false;
}

bool ifr__ift_stars_split_next(const uint32_t *s, size_t n, size_t *pos, bool *done,
                               size_t *b, size_t *e)
{
    if (*done)
        return false;
    size_t ms, me;
    *b = *pos;
    if (stars_find(s, n, *pos, &ms, &me)) {
        *e = ms;
        *pos = me;
    } else {
        *e = n;
        *done = true;
    }
    return true;
}
