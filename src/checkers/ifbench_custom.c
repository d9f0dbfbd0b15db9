/*
 * ifbench_custom.c - IFBench "custom:*" constraints (allenai/IFBench db69a6f),
 * compat semantics. Each of these belongs to one fixed prompt.
 */
#include "ifbench_util.h"

#include <string.h>

/* MARK: custom:multiples --------------------------------------------------- */

static int check_multiples(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    /* re.findall(r'\d+', value.replace(',', ', ')) == ['14', '21', '28', '35', '42', '49'] */
    static const char *const want[6] = {"14", "21", "28", "35", "42", "49"};
    size_t k = 0;
    for (size_t i = 0; i < t->ncp;) {
        if (!ifr__py_isdecimal(t->cp[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < t->ncp && ifr__py_isdecimal(t->cp[j]))
            j++;
        if (k >= 6 || !ifr__ifb_eq_ascii(t->cp + i, j - i, want[k])) {
            cx->followed = false;
            ifr__detail(cx, "number %zu is not the next multiple of 7 (14..49)", k + 1);
            return IFR_OK;
        }
        k++;
        i = j;
    }
    cx->followed = k == 6;
    ifr__detail(cx, "%zu of the 6 multiples of 7 between 10 and 50", k);
    return IFR_OK;
}

/* MARK: custom:mcq_count_length -------------------------------------------- */

/* Length of a match of r'\n*(?:Question \d+[\.|\):;]?\s*)' at s[i], or 0. */
static size_t question_marker(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && s[j] == '\n')
        j++;
    if (j + 9 > n || !ifr__ifb_eq_ascii(s + j, 9, "Question "))
        return 0;
    j += 9;
    size_t d = j;
    while (j < n && ifr__py_isdecimal(s[j]))
        j++;
    if (j == d)
        return 0;
    if (j < n && (s[j] == '.' || s[j] == '|' || s[j] == ')' || s[j] == ':' || s[j] == ';'))
        j++;
    while (j < n && ifr__py_isspace(s[j]))
        j++;
    return j - i;
}

/* re.match(r'^[A-Ea-e][\.|\)]\s*\w+', line) */
static bool is_option_line(const uint32_t *s, size_t n)
{
    if (n < 3)
        return false;
    uint32_t c = s[0] | 0x20u;
    if (s[0] > 'z' || c < 'a' || c > 'e')
        return false;
    if (s[1] != '.' && s[1] != '|' && s[1] != ')')
        return false;
    size_t j = 2;
    while (j < n && ifr__py_isspace(s[j]))
        j++;
    return j < n && ifr__py_isword(s[j]);
}

static int check_mcq(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const uint32_t *s = t->cp;
    size_t n = t->ncp;
    size_t at = ifr__ifb_find_ascii(s, n, "Question", 0);
    /* value[value.find('Question'):] != value: -1 keeps only the last character */
    bool same = at == 0 || (at == SIZE_MAX && n <= 1);
    if (!same) {
        cx->followed = false;
        ifr__detail(cx, "text before the first 'Question' (an explanation)");
        return IFR_OK;
    }
    /* re.split on the marker; then drop a leading '' and strip/drop blank pieces */
    ifr__span pieces[8];
    size_t np = 0, total = 0, start = 0;
    for (size_t i = 0; i <= n;) {
        size_t m = i < n ? question_marker(s, n, i) : 0;
        if (i == n || m > 0) {
            size_t e = i;
            size_t b2, e2;
            ifr__py_strip(s + start, e - start, &b2, &e2);
            if (e2 > b2) {
                if (np < 8) {
                    pieces[np].b = start + b2;
                    pieces[np].e = start + e2;
                    np++;
                }
                total++;
            }
            if (i == n)
                break;
            i += m;
            start = i;
        } else {
            i++;
        }
    }
    if (total != 4) {
        cx->followed = false;
        ifr__detail(cx, "%zu questions; needs exactly 4", total);
        return IFR_OK;
    }
    size_t prev_len = 0;
    for (size_t q = 0; q < 4; q++) {
        const uint32_t *qs = s + pieces[q].b;
        size_t qn = pieces[q].e - pieces[q].b;
        size_t options = 0, text_len = 0;
        bool done = false;
        /* question_text = ' ' + line.strip() ... ; its strip() length */
        uint32_t *qt = ifr__arena_alloc(t->arena, (2 * qn + 2) * sizeof *qt);
        if (!qt)
            return IFR_E_NOMEM;
        for (size_t i = 0; i <= qn;) {
            size_t j = i;
            while (j < qn && qs[j] != '\n')
                j++;
            size_t b, e;
            ifr__py_strip(qs + i, j - i, &b, &e);
            if (is_option_line(qs + i + b, e - b)) {
                options++;
                done = true;
            } else if (!done) {
                qt[text_len++] = ' ';
                memcpy(qt + text_len, qs + i + b, (e - b) * sizeof *qt);
                text_len += e - b;
            }
            if (j >= qn)
                break;
            i = j + 1;
        }
        if (options != 5) {
            cx->followed = false;
            ifr__detail(cx, "question %zu has %zu options; needs 5", q + 1, options);
            return IFR_OK;
        }
        size_t b, e;
        ifr__py_strip(qt, text_len, &b, &e);
        size_t len = e - b;
        if (q > 0 && len <= prev_len) {
            cx->followed = false;
            ifr__detail(cx, "question %zu is not longer than question %zu", q + 1, q);
            return IFR_OK;
        }
        prev_len = len;
    }
    cx->followed = true;
    ifr__detail(cx, "4 questions with 5 options each, getting longer");
    return IFR_OK;
}

/* MARK: custom:reverse_newline --------------------------------------------- */

static int cmp_cp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t m = na < nb ? na : nb;
    for (size_t i = 0; i < m; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static int check_reverse_newline(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    ifr__ifb_spans l;
    int rc = ifr__ifb_split_cp(t->arena, t->cp, t->ncp, '\n', &l);
    if (rc)
        return rc;
    /* lines = [line.strip(P + ' ') for line in ... if line.strip(P + ' ')] */
    size_t k = 0;
    for (size_t i = 0; i < l.n; i++) {
        size_t b, e;
        ifr__ifb_strip_ps(t->cp + l.v[i].b, l.v[i].e - l.v[i].b, true, true, &b, &e);
        if (e > b) {
            size_t base = l.v[i].b;
            l.v[k].b = base + b;
            l.v[k].e = base + e;
            k++;
        }
    }
    size_t start = SIZE_MAX;
    for (size_t i = 0; i < k && start == SIZE_MAX; i++)
        if (ifr__ifb_find_ascii(t->cp + l.v[i].b, l.v[i].e - l.v[i].b, "Zimbabwe", 0) !=
            SIZE_MAX)
            start = i;
    if (start == SIZE_MAX) {
        cx->followed = false;
        ifr__detail(cx, "no line mentions Zimbabwe");
        return IFR_OK;
    }
    if (k - start < 52) {
        cx->followed = false;
        ifr__detail(cx, "%zu lines from Zimbabwe on; needs at least 52", k - start);
        return IFR_OK;
    }
    uint32_t *prev = NULL;
    size_t nprev = 0;
    for (size_t i = start; i < k; i++) {
        uint32_t *a;
        size_t na;
        rc = ifr__ifb_nfkd_ascii(t->arena, t->cp + l.v[i].b, l.v[i].e - l.v[i].b, &a, &na);
        if (rc)
            return rc;
        if (prev && cmp_cp(prev, nprev, a, na) < 0) {
            cx->followed = false;
            ifr__detail(cx, "line %zu is out of reverse alphabetical order", i - start + 1);
            return IFR_OK;
        }
        prev = a;
        nprev = na;
    }
    cx->followed = true;
    ifr__detail(cx, "%zu lines in reverse alphabetical order", k - start);
    return IFR_OK;
}

/* MARK: custom:word_reverse / custom:character_reverse --------------------- */

static int check_word_reverse(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *low, *np;
    size_t nlow, nnp, b, e;
    ifr__ifb_spans w;
    int rc = ifr__ifb_lower(t->arena, t->cp, t->ncp, &low, &nlow);
    if (rc)
        return rc;
    ifr__py_strip(low, nlow, &b, &e);
    rc = ifr__ifb_remove_punct(t->arena, low + b, e - b, &np, &nnp);
    if (!rc)
        rc = ifr__ifb_split_ws(t->arena, np, nnp, &w);
    if (rc)
        return rc;
    /* ' '.join(value.split()[::-1]) */
    uint32_t *v = ifr__arena_alloc(t->arena, (nnp + 1) * sizeof *v);
    if (!v)
        return IFR_E_NOMEM;
    size_t nv = 0;
    for (size_t i = w.n; i-- > 0;) {
        if (nv)
            v[nv++] = ' ';
        memcpy(v + nv, np + w.v[i].b, (w.v[i].e - w.v[i].b) * sizeof *v);
        nv += w.v[i].e - w.v[i].b;
    }
    if (ifr__ifb_find_ascii(v, nv, "bald eagle", 0) == SIZE_MAX) {
        cx->followed = false;
        ifr__detail(cx, "reversed text does not contain 'bald eagle'");
        return IFR_OK;
    }
    /* value in nltk.sent_tokenize(value): Punkt must keep it as one sentence */
    ifr__text sub;
    const ifr__span *sent;
    size_t ns;
    rc = ifr__ifb_subtext(t->arena, v, nv, &sub);
    if (!rc)
        rc = ifr__ifb_sentences(&sub, &sent, &ns);
    if (rc)
        return rc;
    bool one = false;
    for (size_t i = 0; i < ns && !one; i++)
        one = sent[i].b == 0 && sent[i].e == nv;
    cx->followed = one;
    ifr__detail(cx, one ? "one reversed sentence mentioning the bald eagle"
                        : "the reversed text is not a single sentence");
    return IFR_OK;
}

static int check_character_reverse(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    uint32_t *low;
    size_t nlow;
    int rc = ifr__ifb_lower(t->arena, t->cp, t->ncp, &low, &nlow);
    if (rc)
        return rc;
    cx->followed = ifr__ifb_find_ascii(low, nlow, "elgae dlab", 0) != SIZE_MAX;
    ifr__detail(cx, cx->followed ? "contains 'elgae dlab'" : "no 'elgae dlab'");
    return IFR_OK;
}

/* MARK: custom:sentence_alphabet ------------------------------------------- */

static int check_sentence_alphabet(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    const ifr__span *sent;
    size_t ns;
    int rc = ifr__ifb_sentences(t, &sent, &ns);
    if (rc)
        return rc;
    if (ns != 26) {
        cx->followed = false;
        ifr__detail(cx, "%zu sentences; needs exactly 26", ns);
        return IFR_OK;
    }
    for (size_t i = 0; i < ns; i++) {
        size_t pos = 0, b, e;
        const uint32_t *s = t->cp + sent[i].b;
        if (!ifr__py_split_next(s, sent[i].e - sent[i].b, &pos, &b, &e)) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu has no word", i + 1);
            return IFR_OK;
        }
        uint32_t *low;
        size_t nlow;
        rc = ifr__ifb_lower(t->arena, s + b, e - b, &low, &nlow);
        if (rc)
            return rc;
        if (nlow == 0 || low[0] != 'a' + i) {
            cx->followed = false;
            ifr__detail(cx, "sentence %zu does not start with '%c'", i + 1, (char)('a' + i));
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "26 sentences from a to z");
    return IFR_OK;
}

/* MARK: custom:european_capitals_sort -------------------------------------- */

static int check_capitals(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const char *const order[27] = {
        "Reykjavik", "Helsinki", "Oslo", "Tallinn", "Stockholm", "Riga", "Moscow",
        "Copenhagen", "Vilnius", "Minsk", "Dublin", "Berlin", "Amsterdam", "Warsaw",
        "London", "Brussels", "Prague", "Luxembourg", "Paris", "Vienna", "Bratislava",
        "Budapest", "Vaduz", "Chisinau", "Bern", "Ljubljana", "Zagreb"};
    uint32_t *v;
    size_t nv;
    ifr__ifb_spans parts;
    int rc = ifr__ifb_nfkd_ascii(t->arena, t->cp, t->ncp, &v, &nv);
    if (!rc)
        rc = ifr__ifb_split_cp(t->arena, v, nv, ',', &parts);
    if (rc)
        return rc;
    size_t k = 0;
    for (size_t i = 0; i < parts.n; i++) {
        size_t b, e;
        ifr__py_strip(v + parts.v[i].b, parts.v[i].e - parts.v[i].b, &b, &e);
        if (e == b)
            continue;
        if (k >= 27 || !ifr__ifb_eq_ascii(v + parts.v[i].b + b, e - b, order[k])) {
            /* count all non-blank items for the detail */
            size_t total = 0;
            for (size_t j = 0; j < parts.n; j++)
                total += !ifr__py_isblank(v + parts.v[j].b, parts.v[j].e - parts.v[j].b);
            cx->followed = false;
            if (total != 27)
                ifr__detail(cx, "%zu items; needs the 27 capitals", total);
            else
                ifr__detail(cx, "item %zu should be %s", k + 1, order[k]);
            return IFR_OK;
        }
        k++;
    }
    cx->followed = k == 27;
    ifr__detail(cx, k == 27 ? "the 27 capitals in order" : "%zu items; needs the 27 capitals",
                k);
    return IFR_OK;
}

/* MARK: CSV ---------------------------------------------------------------- */

static bool field_is(const ifr__ustr *f, const char *lit)
{
    return ifr__ifb_eq_ascii(f->p, f->n, lit);
}

static int check_csv_city(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const char *const head[5] = {"ID", "Country", "City", "Year", "Count"};
    ifr__ifb_csv_row *rows;
    size_t nr;
    int rc = ifr__ifb_csv_read(t->arena, t->cp, t->ncp, ',', &rows, &nr);
    if (rc == IFR_E_UNSUPPORTED)
        ifr__detail(cx, "the reference's csv reader raises on this text");
    if (rc)
        return rc;
    if (nr != 8) {
        cx->followed = false;
        ifr__detail(cx, "%zu CSV rows; needs a header and 7 rows", nr);
        return IFR_OK;
    }
    bool ok = rows[0].nf == 5;
    for (size_t i = 0; ok && i < 5; i++)
        ok = field_is(&rows[0].f[i], head[i]);
    if (!ok) {
        cx->followed = false;
        ifr__detail(cx, "header is not ID,Country,City,Year,Count");
        return IFR_OK;
    }
    for (size_t r = 1; r < nr; r++)
        if (rows[r].nf != 5) {
            cx->followed = false;
            ifr__detail(cx, "row %zu has %zu fields; needs 5", r, rows[r].nf);
            return IFR_OK;
        }
    cx->followed = true;
    ifr__detail(cx, "header and 7 rows of 5 fields");
    return IFR_OK;
}

/* value.split('\n')[0].strip() matches ^(N1|"N1")SEP(N2|"N2")...$ where SEP is
 * sep0 followed by any run of the characters in `pad`. */
static bool header_matches(const uint32_t *s, size_t n, const char *const names[5],
                           uint32_t sep0, const char *pad)
{
    size_t nl = 0;
    while (nl < n && s[nl] != '\n')
        nl++;
    size_t b, e;
    ifr__py_strip(s, nl, &b, &e);
    size_t i = b;
    for (int k = 0; k < 5; k++) {
        if (k > 0) {
            if (i >= e || s[i] != sep0)
                return false;
            i++;
            while (i < e && s[i] < 128 && strchr(pad, (int)s[i]) && s[i])
                i++;
        }
        size_t len = strlen(names[k]);
        if (i + len <= e && ifr__ifb_eq_ascii(s + i, len, names[k])) {
            i += len;
        } else if (i + len + 2 <= e && s[i] == '"' && ifr__ifb_eq_ascii(s + i + 1, len, names[k]) &&
                   s[i + 1 + len] == '"') {
            i += len + 2;
        } else {
            return false;
        }
    }
    return i == e;
}

/* value.replace('"', '"""') */
static int triple_quotes(ifr__arena *ar, const uint32_t *s, size_t n, uint32_t **out,
                         size_t *nout)
{
    size_t q = 0;
    for (size_t i = 0; i < n; i++)
        q += s[i] == '"';
    uint32_t *o = ifr__arena_alloc(ar, (n + 2 * q + 1) * sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        o[k++] = s[i];
        if (s[i] == '"') {
            o[k++] = '"';
            o[k++] = '"';
        }
    }
    *out = o;
    *nout = k;
    return IFR_OK;
}

/* re.match(r'".*[^\d\w\s].*"', field) */
static bool special_quoted(const ifr__ustr *f)
{
    if (f->n == 0 || f->p[0] != '"')
        return false;
    size_t lim = 1;
    while (lim < f->n && f->p[lim] != '\n')
        lim++;
    for (size_t i = 1; i < lim; i++) {
        uint32_t c = f->p[i];
        if (ifr__py_isword(c) || ifr__py_isspace(c))
            continue;
        for (size_t j = i + 1; j < lim; j++)
            if (f->p[j] == '"')
                return true;
        return false; /* a later special character has fewer quotes after it */
    }
    return false;
}

static int check_csv_special(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const char *const head[5] = {"ProductID", "Category", "Brand", "Price", "Stock"};
    if (!header_matches(t->cp, t->ncp, head, ',', " \t")) {
        cx->followed = false;
        ifr__detail(cx, "header is not ProductID,Category,Brand,Price,Stock");
        return IFR_OK;
    }
    uint32_t *v;
    size_t nv;
    ifr__ifb_csv_row *rows;
    size_t nr;
    int rc = triple_quotes(t->arena, t->cp, t->ncp, &v, &nv);
    if (!rc)
        rc = ifr__ifb_csv_read(t->arena, v, nv, ',', &rows, &nr);
    if (rc == IFR_E_UNSUPPORTED)
        ifr__detail(cx, "the reference's csv reader raises on this text");
    if (rc)
        return rc;
    if (nr != 15) {
        cx->followed = false;
        ifr__detail(cx, "%zu CSV rows; needs a header and 14 rows", nr);
        return IFR_OK;
    }
    for (size_t r = 1; r < nr; r++) {
        if (rows[r].nf != 5) {
            cx->followed = false;
            ifr__detail(cx, "row %zu has %zu fields; needs 5", r, rows[r].nf);
            return IFR_OK;
        }
        for (size_t i = 0; i < 5; i++)
            if (special_quoted(&rows[r].f[i])) {
                cx->followed = true; /* the reference returns here, later rows unchecked */
                ifr__detail(cx, "row %zu has a quoted field with a special character", r);
                return IFR_OK;
            }
    }
    cx->followed = false;
    ifr__detail(cx, "no quoted field with a special character");
    return IFR_OK;
}

static int check_csv_quotes(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    static const char *const head[5] = {"StudentID", "Subject", "Grade", "Semester", "Score"};
    if (!header_matches(t->cp, t->ncp, head, '\t', " ")) {
        cx->followed = false;
        ifr__detail(cx, "header is not StudentID<TAB>Subject<TAB>Grade<TAB>Semester<TAB>Score");
        return IFR_OK;
    }
    uint32_t *v;
    size_t nv;
    ifr__ifb_csv_row *rows;
    size_t nr;
    int rc = triple_quotes(t->arena, t->cp, t->ncp, &v, &nv);
    if (!rc)
        rc = ifr__ifb_csv_read(t->arena, v, nv, '\t', &rows, &nr);
    if (rc == IFR_E_UNSUPPORTED)
        ifr__detail(cx, "the reference's csv reader raises on this text");
    if (rc)
        return rc;
    if (nr != 4) {
        cx->followed = false;
        ifr__detail(cx, "%zu rows; needs a header and 3 rows", nr);
        return IFR_OK;
    }
    for (size_t r = 0; r < nr; r++) {
        if (rows[r].nf != 5) {
            cx->followed = false;
            ifr__detail(cx, "row %zu has %zu fields; needs 5", r, rows[r].nf);
            return IFR_OK;
        }
        for (size_t i = 0; i < 5; i++) {
            size_t b, e;
            ifr__py_strip(rows[r].f[i].p, rows[r].f[i].n, &b, &e);
            if (e == b) {
                ifr__detail(cx, "an empty field: the reference raises IndexError");
                return IFR_E_UNSUPPORTED;
            }
            if (rows[r].f[i].p[b] != '"' || rows[r].f[i].p[e - 1] != '"') {
                cx->followed = false;
                ifr__detail(cx, "row %zu field %zu is not in double quotes", r, i + 1);
                return IFR_OK;
            }
        }
    }
    cx->followed = true;
    ifr__detail(cx, "header and 3 rows, every field quoted");
    return IFR_OK;
}

/* MARK: custom:date_format_list -------------------------------------------- */

static int digits_value(const uint32_t *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + ifr__ifb_decimal_value(s[i]);
    return v;
}

static int check_dates(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t b, e;
    ifr__ifb_spans parts;
    ifr__py_strip(t->cp, t->ncp, &b, &e);
    int rc = ifr__ifb_split_cp(t->arena, t->cp + b, e - b, ',', &parts);
    if (rc)
        return rc;
    const uint32_t *base = t->cp + b;
    for (size_t i = 0; i < parts.n; i++) {
        size_t db, de;
        const uint32_t *d = base + parts.v[i].b;
        ifr__py_strip(d, parts.v[i].e - parts.v[i].b, &db, &de);
        d += db;
        size_t n = de - db;
        bool shape = n == 10 && d[4] == '-' && d[7] == '-';
        for (size_t k = 0; shape && k < 10; k++)
            if (k != 4 && k != 7)
                shape = ifr__py_isdecimal(d[k]);
        if (!shape) {
            cx->followed = false;
            ifr__detail(cx, "item %zu is not YYYY-MM-DD", i + 1);
            return IFR_OK;
        }
        int y = digits_value(d, 4), m = digits_value(d + 5, 2), dd = digits_value(d + 8, 2);
        bool ok = y >= 1769 && y <= 1821 && m <= 12;
        if (ok && (m == 1 || m == 3 || m == 5 || m == 7 || m == 8 || m == 10 || m == 12))
            ok = dd <= 31;
        else if (ok && (m == 4 || m == 6 || m == 9 || m == 11))
            ok = dd <= 30;
        else if (ok && m == 2)
            ok = dd <= 29;
        if (!ok) {
            cx->followed = false;
            ifr__detail(cx, "item %zu is not a valid date of Napoleon's lifetime", i + 1);
            return IFR_OK;
        }
    }
    cx->followed = true;
    ifr__detail(cx, "%zu dates in YYYY-MM-DD", parts.n);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

const ifr__checker ifr__family_ifbench_custom[] = {
    {.id = "custom:multiples", .suite = IFR__SUITE_IFBENCH,
     .summary = "Count from 10 to 50 printing only multiples of 7", .check = check_multiples,
     .rule = "Followed iff `re.findall(r\"\\d+\", value) == ['14', '21', '28', '35', '42', "
             "'49']`.",
     .quirks = "Any other number anywhere fails; words around the numbers are ignored."},
    {.id = "custom:mcq_count_length", .suite = IFR__SUITE_IFBENCH,
     .summary = "4 multiple-choice questions of 5 options, getting longer",
     .check = check_mcq,
     .rule = "Followed iff value starts with 'Question', `re.split(r\"\\n*(?:Question "
             "\\d+[\\.|\\):;]?\\s*)\", value)` gives exactly 4 non-blank questions, each has "
             "exactly 5 lines matching `r\"^[A-Ea-e][\\.|\\)]\\s*\\w+\"` (stripped), and the "
             "text before the first option gets strictly longer.",
     .quirks = "A one-character text without 'Question' is not rejected by the prefix test."},
    {.id = "custom:reverse_newline", .suite = IFR__SUITE_IFBENCH,
     .summary = "African countries in reverse alphabetical order, one per line",
     .check = check_reverse_newline, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Non-empty lines of `value.split('\\n')` stripped of P + ' '; from the first "
             "containing 'Zimbabwe': followed iff there are at least 52 and their "
             "NFKD-ASCII forms are in non-increasing order.",
     .quirks = "The names are not checked: any 52 reverse-sorted lines after Zimbabwe pass."},
    {.id = "custom:word_reverse", .suite = IFR__SUITE_IFBENCH,
     .summary = "Answer (bald eagle) with the words in reverse order",
     .check = check_word_reverse,
     .rule = "With `v = ' '.join(value.lower().strip().translate(remove "
             "P).split()[::-1])`: followed iff 'bald eagle' in v and `v in "
             "nltk.sent_tokenize(v)`."},
    {.id = "custom:character_reverse", .suite = IFR__SUITE_IFBENCH,
     .summary = "Answer (bald eagle) with the letters in reverse order",
     .check = check_character_reverse, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff `'elgae dlab' in value.lower()`.",
     .quirks = "Substring test: the rest of the text is not checked."},
    {.id = "custom:sentence_alphabet", .suite = IFR__SUITE_IFBENCH,
     .summary = "26 sentences whose first words start a..z",
     .check = check_sentence_alphabet,
     .rule = "Followed iff `nltk.sent_tokenize(value)` gives exactly 26 sentences and "
             "sentence i's first `split()` token, lower-cased, starts with chr(97 + i)."},
    {.id = "custom:european_capitals_sort", .suite = IFR__SUITE_IFBENCH,
     .summary = "The 27 European capitals north of 45 degrees, by latitude",
     .check = check_capitals,
     .rule = "Items of the NFKD-ASCII value split on ',', blank ones dropped: followed "
             "iff they are exactly the 27 expected capitals in order (each stripped)."},
    {.id = "custom:csv_city", .suite = IFR__SUITE_IFBENCH,
     .summary = "CSV with header ID,Country,City,Year,Count and 7 rows",
     .check = check_csv_city,
     .rule = "Followed iff `list(csv.reader(io.StringIO(value)))` has 8 records, the "
             "first equal to ['ID', 'Country', 'City', 'Year', 'Count'] and all others of "
             "5 fields.",
     .quirks = "Python csv semantics: blank lines are records; a bare '\\r' inside a line makes "
               "the reference raise csv.Error (reported as IFR_E_UNSUPPORTED)."},
    {.id = "custom:csv_special_character", .suite = IFR__SUITE_IFBENCH,
     .summary = "CSV of 14 product rows with a quoted field holding a special character",
     .check = check_csv_special,
     .rule = "The stripped first line must match the ProductID,Category,Brand,Price,Stock "
             "header (names optionally quoted, ',' plus spaces/tabs). After "
             "`value.replace('\"', '\"\"\"')`, csv.reader must give 15 records; scanning "
             "records 2..15, each must have 5 fields, and followed iff one has a field "
             "matching `r'\".*[^\\d\\w\\s].*\"'` before a bad record.",
     .quirks = "Returns at the first row with a special field: later rows are not checked; "
               "the quote tripling makes any quoted field keep its quotes."},
    {.id = "custom:csv_quotes", .suite = IFR__SUITE_IFBENCH,
     .summary = "Tab-separated CSV of 3 rows with every field in double quotes",
     .check = check_csv_quotes,
     .rule = "The stripped first line must match "
             "StudentID\\tSubject\\tGrade\\tSemester\\tScore (names optionally quoted, tab "
             "plus spaces). After `value.replace('\"', '\"\"\"')`: followed iff "
             "`csv.reader(..., delimiter='\\t')` gives 4 records of 5 fields whose "
             "stripped fields all start and end with '\"'.",
     .quirks = "An empty field makes the reference raise IndexError (IFR_E_UNSUPPORTED)."},
    {.id = "custom:date_format_list", .suite = IFR__SUITE_IFBENCH,
     .summary = "Comma-separated YYYY-MM-DD dates within 1769-1821",
     .check = check_dates,
     .rule = "Followed iff every item of `value.strip().split(',')`, stripped, matches "
             "`^\\d{4}-\\d{2}-\\d{2}$` with year 1769-1821, month <= 12, and day <= 31 / 30 "
             "/ 29 for months in (1, 3, 5, 7, 8, 10, 12) / (4, 6, 9, 11) / (2).",
     .quirks = "Month 00 and day 00 pass; Feb 29 always passes; Unicode decimal digits pass; a "
               "trailing comma gives an empty item, which fails."},
    {0}};
