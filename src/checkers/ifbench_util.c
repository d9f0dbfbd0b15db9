/*
 * ifbench_util.c - Python idioms shared by the IFBench checkers.
 */
#include "ifbench_util.h"

#include <string.h>

extern const unsigned char ifr__data_ifbench_stopwords_english_txt[];
extern const size_t ifr__data_ifbench_stopwords_english_txt_len;

bool ifr__ifb_is_punct(uint32_t c)
{
    return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) ||
           (c >= 0x7b && c <= 0x7e);
}

int ifr__ifb_remove_punct(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out,
                          size_t *nout)
{
    uint32_t *o = ifr__arena_alloc(ar, (n + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!ifr__ifb_is_punct(s[i]))
            o[k++] = s[i];
    *out = o;
    *nout = k;
    return IFR_OK;
}

int ifr__ifb_replace_cp(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t a, uint32_t b,
                        uint32_t **out, size_t *nout)
{
    uint32_t *o = ifr__arena_alloc(ar, (n + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != a)
            o[k++] = s[i];
        else if (b)
            o[k++] = b;
    }
    *out = o;
    *nout = k;
    return IFR_OK;
}

static bool is_ps(uint32_t c)
{
    return c == ' ' || ifr__ifb_is_punct(c);
}

void ifr__ifb_strip_ps(const uint32_t *s, size_t n, bool left, bool right, size_t *b,
                       size_t *e)
{
    size_t i = 0, j = n;
    if (left)
        while (i < j && is_ps(s[i]))
            i++;
    if (right)
        while (j > i && is_ps(s[j - 1]))
            j--;
    *b = i;
    *e = j;
}

int ifr__ifb_lower(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out, size_t *nout)
{
    return ifr__py_lower(s, n, ar, out, nout);
}

int ifr__ifb_split_ws(ifr__arena *ar, const uint32_t *s, size_t n, ifr__ifb_spans *out)
{
    /* at most n/2 + 1 fields */
    ifr__span *v = ifr__arena_alloc(ar, (n / 2 + 2) * sizeof *v);
    if (!v)
        return IFR_E_NOMEM;
    size_t k = 0, pos = 0, b, e;
    while (ifr__py_split_next(s, n, &pos, &b, &e)) {
        v[k].b = b;
        v[k].e = e;
        k++;
    }
    out->v = v;
    out->n = k;
    return IFR_OK;
}

int ifr__ifb_split_cp(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t sep,
                      ifr__ifb_spans *out)
{
    size_t cnt = 1;
    for (size_t i = 0; i < n; i++)
        cnt += s[i] == sep;
    ifr__span *v = ifr__arena_alloc(ar, cnt * sizeof *v);
    if (!v)
        return IFR_E_NOMEM;
    size_t k = 0, b = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == sep) {
            v[k].b = b;
            v[k].e = i;
            k++;
            b = i + 1;
        }
    }
    v[k].b = b;
    v[k].e = n;
    k++;
    out->v = v;
    out->n = k;
    return IFR_OK;
}

bool ifr__ifb_eq(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

bool ifr__ifb_eq_ascii(const uint32_t *a, size_t na, const char *lit)
{
    size_t i = 0;
    for (; lit[i]; i++)
        if (i >= na || a[i] != (unsigned char)lit[i])
            return false;
    return i == na;
}

size_t ifr__ifb_find(const uint32_t *h, size_t nh, const uint32_t *nd, size_t nn, size_t from)
{
    if (from > nh)
        return SIZE_MAX;
    if (nn == 0)
        return from;
    for (size_t i = from; i + nn <= nh; i++)
        if (h[i] == nd[0] && memcmp(h + i, nd, nn * sizeof *h) == 0)
            return i;
    return SIZE_MAX;
}

size_t ifr__ifb_find_ascii(const uint32_t *h, size_t nh, const char *lit, size_t from)
{
    uint32_t buf[64];
    size_t nn = strlen(lit);
    if (nn > 64)
        return SIZE_MAX;
    for (size_t i = 0; i < nn; i++)
        buf[i] = (unsigned char)lit[i];
    return ifr__ifb_find(h, nh, buf, nn, from);
}

size_t ifr__ifb_count(const uint32_t *h, size_t nh, const uint32_t *nd, size_t nn)
{
    if (nn == 0)
        return nh + 1;
    size_t c = 0, i = 0;
    while ((i = ifr__ifb_find(h, nh, nd, nn, i)) != SIZE_MAX) {
        c++;
        i += nn;
    }
    return c;
}

int ifr__ifb_subtext(ifr__arena *ar, const uint32_t *cp, size_t n, ifr__text *out)
{
    uint32_t *c = ifr__arena_alloc(ar, (n + 1) * sizeof *c);
    if (!c)
        return IFR_E_NOMEM;
    if (n)
        memcpy(c, cp, n * sizeof *c);
    c[n] = 0;
    return ifr__text_init_cp(out, ar, c, n);
}

int ifr__ifb_sentences(ifr__text *t, const ifr__span **out, size_t *n)
{
    return ifr__text_sentences(t, IFR__IFB_NLTK, out, n);
}

int ifr__ifb_tokens(ifr__text *t, const ifr__ustr **out, size_t *n)
{
    return ifr__text_tokens(t, IFR__IFB_NLTK, out, n);
}

int ifr__ifb_kw_decode(ifr__parse_ctx *pc, const char *s, size_t n, uint32_t **out,
                       size_t *nout)
{
    uint32_t *o = ifr__parse_alloc(pc, (n + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    size_t k = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < n) {
        uint32_t c = u[i];
        size_t len = 1;
        if (c >= 0xf0) {
            len = 4;
            c &= 0x07;
        } else if (c >= 0xe0) {
            len = 3;
            c &= 0x0f;
        } else if (c >= 0xc0) {
            len = 2;
            c &= 0x1f;
        }
        if (i + len > n) {
            o[k++] = 0xfffd;
            break;
        }
        for (size_t j = 1; j < len; j++)
            c = (c << 6) | (u[i + j] & 0x3fu);
        o[k++] = c;
        i += len;
    }
    o[k] = 0;
    *out = o;
    *nout = k;
    return IFR_OK;
}

int ifr__ifb_kw_decode_strip(ifr__parse_ctx *pc, const char *s, size_t n, uint32_t **out,
                             size_t *nout)
{
    uint32_t *cp;
    size_t ncp, b, e;
    int rc = ifr__ifb_kw_decode(pc, s, n, &cp, &ncp);
    if (rc)
        return rc;
    ifr__py_strip(cp, ncp, &b, &e);
    *out = cp + b;
    *nout = e - b;
    return IFR_OK;
}

int ifr__ifb_kw_nonneg(ifr__parse_ctx *pc, const char *key, const ifr__kwval *v, int64_t *out)
{
    if (!v->present)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "%s is required (the reference would draw a random value)", key);
    if (v->i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "%s must be >= 0 (the reference would draw a random value)", key);
    *out = v->i;
    return IFR_OK;
}

bool ifr__ifb_is_stopword(const uint32_t *w, size_t n)
{
    const unsigned char *d = ifr__data_ifbench_stopwords_english_txt;
    size_t len = ifr__data_ifbench_stopwords_english_txt_len, i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && d[j] != '\n')
            j++;
        size_t e = j;
        if (e > i && d[e - 1] == '\r')
            e--;
        if (e - i == n) {
            size_t k = 0;
            while (k < n && w[k] == d[i + k])
                k++;
            if (k == n)
                return true;
        }
        i = j + 1;
    }
    return false;
}

int ifr__ifb_set_init(ifr__ifb_set *set, ifr__arena *ar, size_t max)
{
    size_t cap = 16;
    while (cap < 2 * max + 2)
        cap *= 2;
    set->slot = ifr__arena_calloc(ar, cap, sizeof *set->slot);
    if (!set->slot)
        return IFR_E_NOMEM;
    set->cap = cap;
    set->n = 0;
    return IFR_OK;
}

static uint64_t hash_cp(const uint32_t *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211u;
    }
    return h ^ n;
}

bool ifr__ifb_set_add(ifr__ifb_set *set, const uint32_t *s, size_t n)
{
    static const uint32_t empty = 0;
    if (!s)
        s = &empty; /* the empty string is a member like any other */
    size_t i = (size_t)hash_cp(s, n) & (set->cap - 1);
    while (set->slot[i].p) {
        if (ifr__ifb_eq(set->slot[i].p, set->slot[i].n, s, n))
            return false;
        i = (i + 1) & (set->cap - 1);
    }
    set->slot[i].p = s;
    set->slot[i].n = n;
    set->n++;
    return true;
}

bool ifr__ifb_set_has(const ifr__ifb_set *set, const uint32_t *s, size_t n)
{
    static const uint32_t empty = 0;
    if (!s)
        s = &empty;
    size_t i = (size_t)hash_cp(s, n) & (set->cap - 1);
    while (set->slot[i].p) {
        if (ifr__ifb_eq(set->slot[i].p, set->slot[i].n, s, n))
            return true;
        i = (i + 1) & (set->cap - 1);
    }
    return false;
}

size_t ifr__ifb_set_slot(ifr__ifb_set *set, const uint32_t *s, size_t n)
{
    static const uint32_t empty = 0;
    if (!s)
        s = &empty;
    size_t i = (size_t)hash_cp(s, n) & (set->cap - 1);
    while (set->slot[i].p) {
        if (ifr__ifb_eq(set->slot[i].p, set->slot[i].n, s, n))
            return i;
        i = (i + 1) & (set->cap - 1);
    }
    set->slot[i].p = s;
    set->slot[i].n = n;
    set->n++;
    return i;
}

int ifr__ifb_eq_lower(ifr__arena *ar, const uint32_t *a, size_t na, const uint32_t *b,
                      size_t nb, bool *eq)
{
    uint32_t *la, *lb;
    size_t nla, nlb;
    int rc = ifr__ifb_lower(ar, a, na, &la, &nla);
    if (!rc)
        rc = ifr__ifb_lower(ar, b, nb, &lb, &nlb);
    if (rc)
        return rc;
    *eq = ifr__ifb_eq(la, nla, lb, nlb);
    return IFR_OK;
}

/* MARK: syllapy ------------------------------------------------------------ */

extern const unsigned char ifr__data_ifbench_syllapy_data_sorted_csv[];
extern const size_t ifr__data_ifbench_syllapy_data_sorted_csv_len;

/* Compare word w with the key of the CSV line at d[i..]: <0, 0, >0 like strcmp. */
static int cmp_key(const uint32_t *w, size_t n, const unsigned char *d, size_t i,
                   size_t len)
{
    size_t k = 0;
    for (;; k++) {
        bool wend = k == n;
        bool dend = i + k >= len || d[i + k] == ',';
        if (wend || dend)
            return wend && dend ? 0 : wend ? -1 : 1;
        uint32_t c = d[i + k];
        if (w[k] != c)
            return w[k] < c ? -1 : 1;
    }
}

/* The table value of w, or -1 if w is not in syllapy's table. */
static int syllapy_lookup(const uint32_t *w, size_t n)
{
    const unsigned char *d = ifr__data_ifbench_syllapy_data_sorted_csv;
    size_t len = ifr__data_ifbench_syllapy_data_sorted_csv_len;
    size_t lo = 0, hi = len; /* search line starts in [lo, hi) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t s = mid;
        while (s > lo && d[s - 1] != '\n')
            s--;
        size_t eol = s;
        while (eol < len && d[eol] != '\n')
            eol++;
        int c = cmp_key(w, n, d, s, len);
        if (c == 0) {
            size_t k = s;
            while (k < eol && d[k] != ',')
                k++;
            int v = 0;
            for (k++; k < eol && d[k] >= '0' && d[k] <= '9'; k++)
                v = v * 10 + (d[k] - '0');
            return v;
        }
        if (c < 0)
            hi = s;
        else
            lo = eol + 1;
    }
    return -1;
}

static bool syl_vowel(uint32_t c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

int ifr__ifb_syllables(const uint32_t *w, size_t n)
{
    /* word.strip().lower().strip(punctuation): the callers pass such words */
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (ifr__py_isdecimal(w[i]))
            return 0;
    int v = syllapy_lookup(w, n);
    if (v >= 0)
        return v;
    int c = syl_vowel(w[0]);
    for (size_t i = 1; i < n; i++)
        c += syl_vowel(w[i]) && !syl_vowel(w[i - 1]);
    if (w[n - 1] == 'e')
        c--;
    if (n > 2 && w[n - 1] == 'e' && w[n - 2] == 'l' && !syl_vowel(w[n - 3]))
        c++;
    if (c == 0)
        c = 1;
    return c;
}

/* MARK: emoji -------------------------------------------------------------- */

extern const unsigned char ifr__data_ifbench_emoji_single_codepoints_txt[];
extern const size_t ifr__data_ifbench_emoji_single_codepoints_txt_len;

/* The file has fixed-width records "XXXXXX\n", sorted, so it is searched in place. */
static uint32_t emoji_rec(size_t i)
{
    const unsigned char *d = ifr__data_ifbench_emoji_single_codepoints_txt + 7 * i;
    uint32_t v = 0;
    for (int k = 0; k < 6; k++) {
        unsigned c = d[k];
        v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20u) - 'a' + 10);
    }
    return v;
}

bool ifr__ifb_is_emoji(uint32_t c)
{
    size_t lo = 0, hi = ifr__data_ifbench_emoji_single_codepoints_txt_len / 7;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t v = emoji_rec(mid);
        if (v == c)
            return true;
        if (v < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* MARK: Python csv.reader -------------------------------------------------- */

enum csv_state {
    CSV_START_RECORD,
    CSV_START_FIELD,
    CSV_IN_FIELD,
    CSV_IN_QUOTED_FIELD,
    CSV_QUOTE_IN_QUOTED_FIELD,
    CSV_EAT_CRNL
};

#define CSV_EOL 0xffffffffu     /* end of one line of the StringIO iterator */
#define CSV_FIELD_LIMIT 131072u /* csv.field_size_limit() default */

typedef struct csv_parser {
    ifr__arena *ar;
    uint32_t delim;
    enum csv_state state;
    uint32_t *field; /* current field (room for the whole input) */
    size_t field_len;
    ifr__ustr *fields; /* fields of the current record (room for the whole input) */
    size_t nfields;
    ifr__ifb_csv_row *rows;
    size_t nrows;
} csv_parser;

static int csv_save_field(csv_parser *p)
{
    uint32_t *f = ifr__arena_alloc(p->ar, (p->field_len + 1) * sizeof *f);
    if (!f)
        return IFR_E_NOMEM;
    if (p->field_len)
        memcpy(f, p->field, p->field_len * sizeof *f);
    p->fields[p->nfields].p = f;
    p->fields[p->nfields].n = p->field_len;
    p->nfields++;
    p->field_len = 0;
    return IFR_OK;
}

static int csv_add_char(csv_parser *p, uint32_t c)
{
    if (p->field_len >= CSV_FIELD_LIMIT)
        return IFR_E_UNSUPPORTED; /* csv.Error: field larger than field limit */
    p->field[p->field_len++] = c;
    return IFR_OK;
}

static int csv_process(csv_parser *p, uint32_t c)
{
    bool nl = c == '\n' || c == '\r';
    switch (p->state) {
    case CSV_START_RECORD:
        if (c == CSV_EOL)
            return IFR_OK; /* empty line: the record is [] */
        if (nl) {
            p->state = CSV_EAT_CRNL;
            return IFR_OK;
        }
        p->state = CSV_START_FIELD;
        /* fall through */
    case CSV_START_FIELD:
        if (nl || c == CSV_EOL) {
            p->state = c == CSV_EOL ? CSV_START_RECORD : CSV_EAT_CRNL;
            return csv_save_field(p);
        }
        if (c == '"') {
            p->state = CSV_IN_QUOTED_FIELD;
            return IFR_OK;
        }
        if (c == p->delim)
            return csv_save_field(p);
        p->state = CSV_IN_FIELD;
        return csv_add_char(p, c);
    case CSV_IN_FIELD:
        if (nl || c == CSV_EOL) {
            p->state = c == CSV_EOL ? CSV_START_RECORD : CSV_EAT_CRNL;
            return csv_save_field(p);
        }
        if (c == p->delim) {
            p->state = CSV_START_FIELD;
            return csv_save_field(p);
        }
        return csv_add_char(p, c);
    case CSV_IN_QUOTED_FIELD:
        if (c == CSV_EOL)
            return IFR_OK;
        if (c == '"') {
            p->state = CSV_QUOTE_IN_QUOTED_FIELD;
            return IFR_OK;
        }
        return csv_add_char(p, c);
    case CSV_QUOTE_IN_QUOTED_FIELD:
        if (c == '"') {
            p->state = CSV_IN_QUOTED_FIELD;
            return csv_add_char(p, c);
        }
        if (c == p->delim) {
            p->state = CSV_START_FIELD;
            return csv_save_field(p);
        }
        if (nl || c == CSV_EOL) {
            p->state = c == CSV_EOL ? CSV_START_RECORD : CSV_EAT_CRNL;
            return csv_save_field(p);
        }
        p->state = CSV_IN_FIELD; /* not strict: keep the character */
        return csv_add_char(p, c);
    case CSV_EAT_CRNL:
        if (nl)
            return IFR_OK;
        if (c == CSV_EOL) {
            p->state = CSV_START_RECORD;
            return IFR_OK;
        }
        return IFR_E_UNSUPPORTED; /* csv.Error: new-line character seen in unquoted field */
    }
    return IFR_E_INTERNAL;
}

static void csv_emit(csv_parser *p)
{
    p->rows[p->nrows].f = p->fields;
    p->rows[p->nrows].nf = p->nfields;
    p->nrows++;
    p->fields += p->nfields; /* the next record continues in the same buffer */
    p->nfields = 0;
}

int ifr__ifb_csv_read(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t delim,
                      ifr__ifb_csv_row **rows, size_t *nrows)
{
    csv_parser p = {.ar = ar, .delim = delim, .state = CSV_START_RECORD};
    /* every character ends at most one field or record; lines add one EOL each */
    size_t lines = 1;
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    p.field = ifr__arena_alloc(ar, (n + 1) * sizeof *p.field);
    p.fields = ifr__arena_alloc(ar, (n + lines + 1) * sizeof *p.fields);
    p.rows = ifr__arena_alloc(ar, (n + lines + 1) * sizeof *p.rows);
    if (!p.field || !p.fields || !p.rows)
        return IFR_E_NOMEM;
    size_t i = 0;
    while (i < n) {
        /* one line of StringIO (newline='\n'): up to and including '\n' */
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        if (j < n)
            j++;
        for (size_t k = i; k < j; k++) {
            int rc = csv_process(&p, s[k]);
            if (rc)
                return rc;
        }
        int rc = csv_process(&p, CSV_EOL);
        if (rc)
            return rc;
        if (p.state == CSV_START_RECORD)
            csv_emit(&p);
        i = j;
    }
    /* end of input inside a record: only a quoted field can be open here */
    if (p.state != CSV_START_RECORD && (p.field_len != 0 || p.state == CSV_IN_QUOTED_FIELD)) {
        int rc = csv_save_field(&p);
        if (rc)
            return rc;
        csv_emit(&p);
    }
    *rows = p.rows;
    *nrows = p.nrows;
    return IFR_OK;
}

/* MARK: NFKD folding ------------------------------------------------------- */

#include <utf8proc.h>

static size_t nfkd_ascii_pass(const uint32_t *s, size_t n, uint32_t *o)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 0x80) {
            if (o)
                o[k] = s[i];
            k++;
            continue;
        }
        utf8proc_int32_t buf[32];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            (utf8proc_int32_t)s[i], buf, 32, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
        if (m < 0 || m > 32)
            continue;
        /* only the ASCII part survives encode('ascii', 'ignore'); canonical reordering
         * moves combining marks only, which are never ASCII */
        for (utf8proc_ssize_t j = 0; j < m; j++)
            if (buf[j] >= 0 && buf[j] < 0x80) {
                if (o)
                    o[k] = (uint32_t)buf[j];
                k++;
            }
    }
    return k;
}

int ifr__ifb_nfkd_ascii(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out,
                        size_t *nout)
{
    size_t k = nfkd_ascii_pass(s, n, NULL);
    uint32_t *o = ifr__arena_alloc(ar, (k + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    nfkd_ascii_pass(s, n, o);
    *out = o;
    *nout = k;
    return IFR_OK;
}

int ifr__ifb_decimal_value(uint32_t c)
{
    /* Nd digits come in contiguous runs of whole decades starting at 0 */
    uint32_t start = c;
    while (start > 0 && ifr__py_isdecimal(start - 1) && c - (start - 1) < 100)
        start--;
    return (int)((c - start) % 10);
}
