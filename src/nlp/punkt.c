/*
 * punkt.c - port of NLTK's PunktSentenceTokenizer (English model).
 *
 * The specification is nltk/tokenize/punkt.py of NLTK 3.8 (Debian's
 * python3-nltk); each function below names the Python method it reproduces.
 * Python's `re` patterns are hand-coded as scanners over code points; the
 * comments quote each pattern and say how backtracking resolves.
 *
 * Pipeline (PunktSentenceTokenizer.span_tokenize):
 *   period_context_re().finditer   candidates: [.?!] followed by NonWord, or
 *                                  by whitespace and a next token
 *   _match_potential_end_contexts  the word before each candidate, dropping
 *                                  candidates whose word overlaps the next one
 *   text_contains_sentbreak        Punkt word tokens of the context, first and
 *                                  second annotation pass
 *   _slices_from_text              sentence slices
 *   _realign_boundaries            closing quotes/brackets join the sentence
 */
#include "punkt.h"

#include <string.h>

#include "nlp_chars.h"
#include "punkt_tables.h"

/* MARK: character sets of PunktLanguageVars ------------------------------- */

/* _re_non_word_chars: (?:[)\";}\]\*:@\'\({\[?!]) */
static inline bool pk_nonword(uint32_t c)
{
    switch (c) {
    case ')': case '"': case ';': case '}': case ']': case '*': case ':': case '@':
    case '\'': case '(': case '{': case '[': case '?': case '!':
        return true;
    default:
        return false;
    }
}

/* characters _re_word_start excludes: [^\(\"\`{\[:;&\#\*@\)}\]\-,] */
static inline bool pk_no_word_start(uint32_t c)
{
    switch (c) {
    case '(': case '"': case '`': case '{': case '[': case ':': case ';': case '&':
    case '#': case '*': case '@': case ')': case '}': case ']': case '-': case ',':
        return true;
    default:
        return false;
    }
}

/* string.whitespace (ASCII only), used by _get_last_whitespace_index */
static inline bool pk_ascii_ws(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d);
}

static inline bool pk_sent_end(uint32_t c)
{
    return c == '.' || c == '?' || c == '!';
}

/* re_boundary_realignment's class ["\')\]}] */
static inline bool pk_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}

/*
 * _re_multi_char_punct at p, within a line ending at le: length or 0.
 *   (?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)
 * The last branch: with k maximal ".\s" pairs, "." after all k pairs gives
 * 2k+1 (k >= 2); otherwise backtracking to k-1 pairs ends on the "." that
 * started pair k, giving 2k-1 (k >= 3).
 */
static size_t pk_multichar(const uint32_t *s, size_t p, size_t le)
{
    if (p >= le)
        return 0;
    size_t q;
    if (s[p] == '-') {
        if (p + 1 < le && s[p + 1] == '-') {
            for (q = p + 2; q < le && s[q] == '-'; q++)
                ;
            return q - p;
        }
        return 0;
    }
    if (s[p] != '.')
        return 0;
    if (p + 1 < le && s[p + 1] == '.') {
        for (q = p + 2; q < le && s[q] == '.'; q++)
            ;
        return q - p;
    }
    size_t k = 0;
    for (q = p; q + 1 < le && s[q] == '.' && ifr__nlp_space(s[q + 1]); q += 2)
        k++;
    if (k >= 2 && q < le && s[q] == '.')
        return 2 * k + 1;
    if (k >= 3)
        return 2 * k - 1;
    return 0;
}

/* MARK: the Punkt word tokenizer (PunktLanguageVars.word_tokenize) -------- */

/*
 * One token of _word_tokenize_fmt at non-space position p of a line ending
 * at le; returns its end.
 *   MultiChar
 *   | (?=WordStart)\S+?(?=\s|$|NonWord|MultiChar|,(?=$|\s|NonWord|MultiChar))
 *   | \S
 * The lazy \S+? stops at the first position where the lookahead holds; it
 * always holds at a space or at the line end, so the branch never fails once
 * the first character is a word start.
 */
static size_t pk_word_token(const uint32_t *s, size_t p, size_t le)
{
    size_t m = pk_multichar(s, p, le);
    if (m)
        return p + m;
    if (pk_no_word_start(s[p]))
        return p + 1;
    size_t q = p + 1;
    for (; q < le; q++) {
        uint32_t c = s[q];
        if (ifr__nlp_space(c) || pk_nonword(c))
            break;
        if ((c == '-' || c == '.') && pk_multichar(s, q, le))
            break;
        if (c == ',') {
            if (q + 1 == le)
                break;
            uint32_t d = s[q + 1];
            if (ifr__nlp_space(d) || pk_nonword(d) ||
                ((d == '-' || d == '.') && pk_multichar(s, q + 1, le)))
                break;
        }
    }
    return q;
}

/* MARK: tokens and their types (PunktToken) ------------------------------- */

typedef struct pk_tok {
    size_t b, e;        /* span in the text */
    bool sentbreak, abbr, ellipsis;
    bool period_final, number, initial;
} pk_tok;

/* A lookup key: a type as lower-cased bytes; n < 0 means "not in any table". */
typedef struct pk_key {
    int n;
    char b[IFR__PUNKT_KEYMAX];
} pk_key;

static const char PK_NUMBER[] = "##number##";

/* str.lower() of s[0..n) as table bytes. Every key is ASCII (the generator
 * checks), so a type with a non-ASCII lower-case form cannot be found, and
 * the context-dependent final sigma never matters. */
static void pk_key_of(const uint32_t *s, size_t n, pk_key *k)
{
    k->n = -1;
    if (n > IFR__PUNKT_KEYMAX)
        return; /* lower() never shortens a string */
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c < 0x80) {
            if (len == IFR__PUNKT_KEYMAX)
                return;
            k->b[len++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            continue;
        }
        uint32_t low[3];
        size_t nl = ifr__py_lower1(c, low);
        for (size_t j = 0; j < nl; j++) {
            if (low[j] >= 0x80 || len == IFR__PUNKT_KEYMAX)
                return;
            k->b[len++] = (char)low[j];
        }
    }
    k->n = (int)len;
}

static void pk_key_number(pk_key *k)
{
    k->n = (int)(sizeof PK_NUMBER - 1);
    memcpy(k->b, PK_NUMBER, sizeof PK_NUMBER - 1);
}

static bool pk_key_is_number(const pk_key *k)
{
    return k->n == (int)(sizeof PK_NUMBER - 1) && memcmp(k->b, PK_NUMBER, (size_t)k->n) == 0;
}

/* type_no_period: the type without a final "." (if the type is longer than 1) */
static void pk_type_no_period(const uint32_t *cp, const pk_tok *t, pk_key *k)
{
    if (t->number) {
        pk_key_number(k);
        return;
    }
    size_t len = t->e - t->b;
    /* lower() maps "." to "." and nothing else to a string ending in "." */
    if (len > 1 && cp[t->e - 1] == '.')
        len--;
    pk_key_of(cp + t->b, len, k);
}

/* type_no_sentperiod: type_no_period if the token is a sentence break */
static void pk_type_no_sentperiod(const uint32_t *cp, const pk_tok *t, pk_key *k)
{
    if (t->sentbreak) {
        pk_type_no_period(cp, t, k);
        return;
    }
    if (t->number)
        pk_key_number(k);
    else
        pk_key_of(cp + t->b, t->e - t->b, k);
}

/* _RE_NUMERIC: ^-?[\.,]?\d[\d,\.-]*\.?$ (on tok.lower(); lower() never
 * creates or removes any of these characters, so the raw token is tested).
 * Tokens contain no "\n", so "$" is the end of the token. */
static bool pk_is_numeric(const uint32_t *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    if (i < n && (s[i] == '.' || s[i] == ','))
        i++;
    if (i >= n || !ifr__nlp_decimal(s[i]))
        return false;
    for (i++; i < n; i++)
        if (!(ifr__nlp_decimal(s[i]) || s[i] == ',' || s[i] == '.' || s[i] == '-'))
            return false;
    return true;
}

/* MARK: table lookups ----------------------------------------------------- */

static inline bool pk_bytes_eq(const unsigned char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != (unsigned char)b[i])
            return false;
    return true;
}

/* Hash-index lookup (punkt_tables.h): one hash, usually one probe. */
static const ifr__punkt_entry *pk_find(const ifr__punkt_entry *tab, const uint32_t *hash,
                                       uint32_t mask, const unsigned char *data, const pk_key *k)
{
    if (k->n < 0)
        return NULL;
    size_t n = (size_t)k->n;
    uint32_t h = ifr__punkt_hash((const unsigned char *)k->b, n, NULL, 0, 0);
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t s = hash[i];
        if (!s)
            return NULL;
        const ifr__punkt_entry *e = &tab[s - 1];
        if (e->len == n && pk_bytes_eq(data + e->off, k->b, n))
            return e;
    }
}

static bool pk_is_abbrev(const pk_key *k)
{
    return pk_find(ifr__punkt_abbrev, ifr__punkt_abbrev_hash, ifr__punkt_abbrev_mask,
                   ifr__data_punkt_abbrev_types_txt, k);
}

static bool pk_is_starter(const pk_key *k)
{
    return pk_find(ifr__punkt_starters, ifr__punkt_starters_hash, ifr__punkt_starters_mask,
                   ifr__data_punkt_sentence_starters_txt, k);
}

/* ortho_context[typ] (a defaultdict(int)) */
static unsigned pk_ortho(const pk_key *k)
{
    const ifr__punkt_entry *e = pk_find(ifr__punkt_ortho, ifr__punkt_ortho_hash,
                                        ifr__punkt_ortho_mask, ifr__data_punkt_ortho_context_tab, k);
    return e ? e->val : 0;
}

/* (typ, next_typ) in collocations */
static bool pk_is_colloc(const pk_key *a, const pk_key *b)
{
    if (a->n < 0 || b->n < 0)
        return false;
    const unsigned char *d = ifr__data_punkt_collocations_tab;
    size_t na = (size_t)a->n, nb = (size_t)b->n;
    uint32_t h = ifr__punkt_hash((const unsigned char *)a->b, na, (const unsigned char *)b->b, nb,
                                 1);
    for (uint32_t i = h & ifr__punkt_colloc_mask;; i = (i + 1) & ifr__punkt_colloc_mask) {
        uint32_t s = ifr__punkt_colloc_hash[i];
        if (!s)
            return false;
        const ifr__punkt_pair *p = &ifr__punkt_colloc[s - 1];
        if (p->len1 == na && p->len2 == nb && pk_bytes_eq(d + p->off1, a->b, na) &&
            pk_bytes_eq(d + p->off2, b->b, nb))
            return true;
    }
}

/* MARK: annotation passes ------------------------------------------------- */

#define PK_ORTHO_BEG_UC (1u << 1)
#define PK_ORTHO_MID_UC (1u << 2)
#define PK_ORTHO_UNK_UC (1u << 3)
#define PK_ORTHO_BEG_LC (1u << 4)
#define PK_ORTHO_MID_LC (1u << 5)
#define PK_ORTHO_UNK_LC (1u << 6)
#define PK_ORTHO_UC (PK_ORTHO_BEG_UC | PK_ORTHO_MID_UC | PK_ORTHO_UNK_UC)
#define PK_ORTHO_LC (PK_ORTHO_BEG_LC | PK_ORTHO_MID_LC | PK_ORTHO_UNK_LC)

/* PunktBaseClass._first_pass_annotation (+ the PunktToken properties) */
static void pk_first_pass(const uint32_t *cp, pk_tok *t)
{
    size_t b = t->b, e = t->e, len = e - b;
    uint32_t c0 = cp[b];
    t->sentbreak = t->abbr = t->ellipsis = false;
    t->period_final = cp[e - 1] == '.';
    t->number = pk_is_numeric(cp + b, len);
    /* _RE_INITIAL: [^\W\d]\.$ */
    t->initial = len == 2 && cp[e - 1] == '.' && ifr__nlp_word(c0) && !ifr__nlp_decimal(c0);

    if (len == 1 && pk_sent_end(c0)) {
        t->sentbreak = true;
        return;
    }
    /* _RE_ELLIPSIS: \.\.+$ */
    if (len >= 2 && c0 == '.') {
        size_t i = b + 1;
        while (i < e && cp[i] == '.')
            i++;
        if (i == e) {
            t->ellipsis = true;
            return;
        }
    }
    if (t->period_final && !(len >= 2 && cp[e - 2] == '.')) {
        /* tok[:-1].lower() in abbrev_types, or its part after the last "-" */
        pk_key k;
        pk_key_of(cp + b, len - 1, &k);
        bool abbr = pk_is_abbrev(&k);
        if (!abbr) {
            size_t d = e - 1;
            while (d > b && cp[d - 1] != '-')
                d--;
            if (d > b) {
                pk_key_of(cp + d, e - 1 - d, &k);
                abbr = pk_is_abbrev(&k);
            }
        }
        if (abbr)
            t->abbr = true;
        else
            t->sentbreak = true;
    }
}

enum { PK_FALSE = 0, PK_TRUE = 1, PK_UNKNOWN = 2 };

/* PunktSentenceTokenizer._ortho_heuristic; `k` is type_no_sentperiod of t */
static int pk_ortho_heuristic(const uint32_t *cp, const pk_tok *t, const pk_key *k)
{
    /* PUNCTUATION = tuple(";:,.!?") */
    if (t->e - t->b == 1) {
        uint32_t c = cp[t->b];
        if (c == ';' || c == ':' || c == ',' || c == '.' || c == '!' || c == '?')
            return PK_FALSE;
    }
    unsigned oc = pk_ortho(k);
    uint32_t c0 = cp[t->b];
    if (ifr__nlp_upper1(c0) && (oc & PK_ORTHO_LC) && !(oc & PK_ORTHO_MID_UC))
        return PK_TRUE;
    if (ifr__nlp_lower1(c0) && ((oc & PK_ORTHO_UC) || !(oc & PK_ORTHO_BEG_LC)))
        return PK_FALSE;
    return PK_UNKNOWN;
}

/* PunktSentenceTokenizer._second_pass_annotation(t1, t2); t2 has only its
 * first-pass annotation, as in the Python generator chain. */
static void pk_second_pass(const uint32_t *cp, pk_tok *t1, const pk_tok *t2)
{
    if (!t1->period_final)
        return;
    pk_key typ, next;
    pk_type_no_period(cp, t1, &typ);
    pk_type_no_sentperiod(cp, t2, &next);
    bool initial = t1->initial;

    if (pk_is_colloc(&typ, &next)) {
        t1->sentbreak = false;
        t1->abbr = true;
        return;
    }
    if ((t1->abbr || t1->ellipsis) && !initial) {
        if (pk_ortho_heuristic(cp, t2, &next) == PK_TRUE) {
            t1->sentbreak = true;
            return;
        }
        if (ifr__nlp_upper1(cp[t2->b]) && pk_is_starter(&next)) {
            t1->sentbreak = true;
            return;
        }
    }
    if (initial || pk_key_is_number(&typ)) {
        int s = pk_ortho_heuristic(cp, t2, &next);
        if (s == PK_FALSE) {
            t1->sentbreak = false;
            t1->abbr = true;
            return;
        }
        if (s == PK_UNKNOWN && initial && ifr__nlp_upper1(cp[t2->b]) &&
            !(pk_ortho(&next) & PK_ORTHO_LC)) {
            t1->sentbreak = false;
            t1->abbr = true;
            return;
        }
    }
}

/* MARK: text_contains_sentbreak ------------------------------------------- */

/* Token stream of PunktBaseClass._tokenize_words over cp[b..e): the text
 * is split on "\n" and each line tokenized on its own ("$" = line end). */
typedef struct pk_lexer {
    const uint32_t *cp;
    size_t pos, end, le;
} pk_lexer;

static bool pk_next(pk_lexer *lx, pk_tok *t)
{
    const uint32_t *cp = lx->cp;
    for (;;) {
        while (lx->pos < lx->le && ifr__nlp_space(cp[lx->pos]))
            lx->pos++;
        if (lx->pos < lx->le)
            break;
        /* next line */
        if (lx->le >= lx->end)
            return false;
        lx->pos = lx->le + 1; /* skip the "\n" */
        size_t q = lx->pos;
        while (q < lx->end && cp[q] != '\n')
            q++;
        lx->le = q;
    }
    t->b = lx->pos;
    t->e = pk_word_token(cp, lx->pos, lx->le);
    lx->pos = t->e;
    pk_first_pass(cp, t);
    return true;
}

/* True if, after both annotation passes, a token other than the last one is
 * a sentence break. */
static bool pk_contains_sentbreak(const uint32_t *cp, size_t b, size_t e)
{
    pk_lexer lx = {cp, b, e, b};
    size_t q = b;
    while (q < e && cp[q] != '\n')
        q++;
    lx.le = q;
    pk_tok t0, t1;
    if (!pk_next(&lx, &t0))
        return false;
    while (pk_next(&lx, &t1)) {
        pk_second_pass(cp, &t0, &t1);
        if (t0.sentbreak)
            return true;
        t0 = t1;
    }
    return false;
}

/* MARK: sentence slices ---------------------------------------------------- */

/* One match of period_context_re():
 *   [.?!](?=(?P<after_tok>NonWord|\s+(?P<next_tok>\S+)))
 * \s+ and \S+ are greedy and the lookahead needs a token after the spaces. */
typedef struct pk_match {
    size_t at;          /* the [.?!] */
    size_t after_end;   /* end of after_tok */
    size_t next_tok;    /* start of next_tok, or SIZE_MAX */
} pk_match;

static bool pk_match_at(const uint32_t *cp, size_t n, size_t i, pk_match *m)
{
    if (i + 1 >= n)
        return false;
    uint32_t d = cp[i + 1];
    m->at = i;
    if (pk_nonword(d)) {
        m->after_end = i + 2;
        m->next_tok = SIZE_MAX;
        return true;
    }
    if (!ifr__nlp_space(d))
        return false;
    size_t j = i + 2;
    while (j < n && ifr__nlp_space(cp[j]))
        j++;
    if (j == n)
        return false;
    size_t k = j + 1;
    while (k < n && !ifr__nlp_space(cp[k]))
        k++;
    m->after_end = k;
    m->next_tok = j;
    return true;
}

/* re_boundary_realignment.match(text[b:e]): ["\')\]}]+?(?:\s+|(?=--)|$)
 * (MULTILINE). Returns the number of closers (> 0) and the match end
 * relative to b, or 0 when it does not match. */
static size_t pk_realign_match(const uint32_t *cp, size_t b, size_t e, size_t *mend)
{
    size_t q = b;
    for (;;) {
        if (q >= e || !pk_closer(cp[q]))
            return 0;
        q++;
        if (q < e && ifr__nlp_space(cp[q])) {
            size_t r = q;
            while (r < e && ifr__nlp_space(cp[r]))
                r++;
            *mend = r - b;
            return q - b;
        }
        if ((q + 1 < e && cp[q] == '-' && cp[q + 1] == '-') || q == e) {
            *mend = q - b;
            return q - b;
        }
        /* "$" before "\n" is covered by \s+ above; otherwise take one more
         * closer (lazy +?) or fail */
    }
}

static int pk_push(ifr__arena *ar, ifr__span **sl, size_t *n, size_t *cap, size_t b, size_t e)
{
    if (*n == *cap) {
        if (*cap > SIZE_MAX / (2 * sizeof **sl))
            return IFR_E_NOMEM;
        ifr__span *ns = ifr__arena_alloc(ar, 2 * *cap * sizeof *ns);
        if (!ns)
            return IFR_E_NOMEM;
        memcpy(ns, *sl, *n * sizeof *ns);
        *sl = ns;
        *cap *= 2;
    }
    (*sl)[*n].b = b;
    (*sl)[*n].e = e;
    (*n)++;
    return IFR_OK;
}

/*
 * Candidate positions ([.?!]) in increasing order. With the UTF-8 of the
 * text at hand, memchr finds them (one cursor per character) and a count of
 * non-continuation bytes maps byte offsets to code-point indices (nothing to
 * map for ASCII-only text); otherwise the code points are scanned.
 */
typedef struct pk_cands {
    const uint32_t *cp;
    size_t n, i;                 /* code-point scan */
    const unsigned char *s, *end;
    const unsigned char *nx[3];  /* next '.', '?', '!' (NULL: none left) */
    const unsigned char *bpos;   /* byte cursor of the mapping ... */
    size_t cpos;                 /* ... and its code-point index */
    bool ascii;
} pk_cands;

static const unsigned char pk_end_chars[3] = {'.', '?', '!'};

static void pk_cands_init(pk_cands *cs, const uint32_t *cp, size_t n, const char *s, size_t sn)
{
    memset(cs, 0, sizeof *cs);
    cs->cp = cp;
    cs->n = n;
    if (!s)
        return;
    cs->s = (const unsigned char *)s;
    cs->end = cs->s + sn;
    cs->bpos = cs->s;
    cs->ascii = sn == n;
    for (int k = 0; k < 3; k++)
        cs->nx[k] = memchr(cs->s, pk_end_chars[k], sn);
}

static bool pk_cands_next(pk_cands *cs, size_t *at)
{
    if (!cs->s) {
        for (size_t i = cs->i; i < cs->n; i++) {
            uint32_t c = cs->cp[i];
            /* [.?!] = 0x2E, 0x3F, 0x21 */
            if (c <= 0x3F && ((UINT64_C(1) << c) & (UINT64_C(1) << 0x2E | UINT64_C(1) << 0x3F |
                                                     UINT64_C(1) << 0x21))) {
                cs->i = i + 1;
                *at = i;
                return true;
            }
        }
        cs->i = cs->n;
        return false;
    }
    int k = -1;
    for (int j = 0; j < 3; j++)
        if (cs->nx[j] && (k < 0 || cs->nx[j] < cs->nx[k]))
            k = j;
    if (k < 0)
        return false;
    const unsigned char *p = cs->nx[k];
    if (cs->ascii) {
        *at = (size_t)(p - cs->s);
    } else {
        size_t c = cs->cpos;
        for (const unsigned char *q = cs->bpos; q < p; q++)
            c += (*q & 0xC0) != 0x80;
        cs->cpos = c;
        cs->bpos = p;
        *at = c;
    }
    cs->nx[k] = memchr(p + 1, pk_end_chars[k], (size_t)(cs->end - p - 1));
    return true;
}

/* s[0..sn) is the UTF-8 of cp[0..n), or NULL */
static int pk_tokenize(const uint32_t *cp, size_t n, const char *s, size_t sn, ifr__arena *ar,
                       ifr__span **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;

    /* one slice per sentence break plus the last; grown on demand */
    size_t cap = 16 + n / 64, nsl = 0;
    ifr__span *sl = ifr__arena_alloc(ar, cap * sizeof *sl);
    if (!sl)
        return IFR_E_NOMEM;

    /* _match_potential_end_contexts + _slices_from_text */
    size_t last_break = 0;
    size_t prev_b = 0, prev_e = 0; /* previous_slice */
    bool have_prev = false;
    pk_match pm = {0, 0, 0}, m;
    pk_cands cs;
    pk_cands_init(&cs, cp, n, s, sn);
    size_t i;
    while (pk_cands_next(&cs, &i)) { /* i: the candidate [.?!] */
        if (!pk_match_at(cp, n, i, &m))
            continue;
        /* before_text = text[prev_e:i]; last ASCII whitespace in it, where
         * an index of 0 counts as "none" (the Python helper returns 0) */
        size_t rel = 0;
        for (size_t j = i; j > prev_e; j--)
            if (pk_ascii_ws(cp[j - 1])) {
                rel = j - 1 - prev_e;
                break;
            }
        size_t wb = rel ? prev_e + rel + 1 : prev_b;
        if (have_prev && prev_e <= wb && pk_contains_sentbreak(cp, prev_b, pm.after_end)) {
            if (pk_push(ar, &sl, &nsl, &cap, last_break, pm.at + 1) != IFR_OK)
                return IFR_E_NOMEM;
            last_break = pm.next_tok != SIZE_MAX ? pm.next_tok : pm.at + 1;
        }
        pm = m;
        have_prev = true;
        prev_b = wb;
        prev_e = i;
    }
    if (have_prev && pk_contains_sentbreak(cp, prev_b, pm.after_end)) {
        if (pk_push(ar, &sl, &nsl, &cap, last_break, pm.at + 1) != IFR_OK)
            return IFR_E_NOMEM;
        last_break = pm.next_tok != SIZE_MAX ? pm.next_tok : pm.at + 1;
    }
    size_t rs = n;
    while (rs > 0 && ifr__nlp_space(cp[rs - 1]))
        rs--;
    if (pk_push(ar, &sl, &nsl, &cap, last_break, rs) != IFR_OK)
        return IFR_E_NOMEM;

    /* _realign_boundaries, in place (the output never runs ahead) */
    size_t k = 0, realign = 0;
    for (size_t j = 0; j < nsl; j++) {
        size_t b = sl[j].b + realign, e = sl[j].e;
        if (j + 1 == nsl) {
            if (b < e) {
                sl[k].b = b;
                sl[k].e = e;
                k++;
            }
            break;
        }
        size_t mend = 0;
        size_t nc = pk_realign_match(cp, sl[j + 1].b, sl[j + 1].e, &mend);
        if (nc) {
            sl[k].b = b;
            sl[k].e = sl[j + 1].b + nc;
            k++;
            realign = mend;
        } else {
            realign = 0;
            if (b < e) {
                sl[k].b = b;
                sl[k].e = e;
                k++;
            }
        }
    }
    *out = k ? sl : NULL;
    *nout = k;
    return IFR_OK;
}

int ifr__punkt_tokenize(const uint32_t *cp, size_t n, ifr__nltk_version v, ifr__arena *ar,
                        ifr__span **out, size_t *nout)
{
    (void)v; /* same algorithm and parameters in 3.8 and 3.9.2 */
    return pk_tokenize(cp, n, NULL, 0, ar, out, nout);
}

/* MARK: cached accessor (ifreward_internal.h) ----------------------------- */

int ifr__text_sentences(ifr__text *t, ifr__nltk_version v, const ifr__span **out, size_t *n)
{
    if ((unsigned)v >= IFR__NLTK_NVERSIONS)
        return IFR_E_INVALID;
    if (!(t->have_sents & (1u << v)) && t->have_sents) {
        /* Punkt is the same in every supported version: share the spans */
        unsigned w = 0;
        while (!(t->have_sents & (1u << w)))
            w++;
        t->sents[v] = t->sents[w];
        t->nsents[v] = t->nsents[w];
        t->have_sents |= 1u << v;
    }
    if (!(t->have_sents & (1u << v))) {
        ifr__span *s;
        size_t ns;
        /* the text's UTF-8 is the encoding of its code points: scan it */
        int rc = pk_tokenize(t->cp, t->ncp, t->s, t->n, t->arena, &s, &ns);
        if (rc != IFR_OK)
            return rc;
        t->sents[v] = s;
        t->nsents[v] = ns;
        t->have_sents |= 1u << v;
    }
    *out = t->sents[v];
    *n = t->nsents[v];
    return IFR_OK;
}
