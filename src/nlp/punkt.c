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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "nlp_chars.h"
#include "punkt_tables.h"

/* MARK: character sets of PunktLanguageVars ------------------------------- */

/* Classes of the ASCII characters for the scanners below (one table lookup
 * instead of a switch per test). Non-ASCII code points are in none of the
 * punctuation sets; their \s is ifr__py_isspace. */
enum {
    PK_SP = 1,      /* re \s (= str.isspace) */
    PK_NW = 2,      /* _re_non_word_chars: (?:[)\";}\]\*:@\'\({\[?!]) */
    PK_NWS = 4,     /* characters _re_word_start excludes: [^\(\"\`{\[:;&\#\*@\)}\]\-,] */
    PK_DD = 8,      /* '-' and '.', which may start _re_multi_char_punct */
    PK_COMMA = 16,  /* ',' */
    PK_CLOSE = 32,  /* re_boundary_realignment's class ["\')\]}] */
    PK_AWS = 64,    /* string.whitespace (ASCII), used by _get_last_whitespace_index */
};

static const unsigned char pk_cls[128] = {
    [0x09] = PK_SP | PK_AWS, [0x0a] = PK_SP | PK_AWS, [0x0b] = PK_SP | PK_AWS,
    [0x0c] = PK_SP | PK_AWS, [0x0d] = PK_SP | PK_AWS, [0x1c] = PK_SP, [0x1d] = PK_SP,
    [0x1e] = PK_SP, [0x1f] = PK_SP, [' '] = PK_SP | PK_AWS,
    [')'] = PK_NW | PK_NWS | PK_CLOSE, ['"'] = PK_NW | PK_NWS | PK_CLOSE,
    [';'] = PK_NW | PK_NWS, ['}'] = PK_NW | PK_NWS | PK_CLOSE,
    [']'] = PK_NW | PK_NWS | PK_CLOSE, ['*'] = PK_NW | PK_NWS, [':'] = PK_NW | PK_NWS,
    ['@'] = PK_NW | PK_NWS, ['\''] = PK_NW | PK_CLOSE, ['('] = PK_NW | PK_NWS,
    ['{'] = PK_NW | PK_NWS, ['['] = PK_NW | PK_NWS, ['?'] = PK_NW, ['!'] = PK_NW,
    ['`'] = PK_NWS, ['&'] = PK_NWS, ['#'] = PK_NWS, ['-'] = PK_NWS | PK_DD,
    [','] = PK_NWS | PK_COMMA, ['.'] = PK_DD,
};

static inline unsigned pk_class(uint32_t c)
{
    return c < 0x80 ? pk_cls[c] : 0;
}

static inline bool pk_nonword(uint32_t c)
{
    return pk_class(c) & PK_NW;
}

/* re \s; the same answers as ifr__nlp_space */
static inline bool pk_space(uint32_t c)
{
    if (c < 0x80)
        return pk_cls[c] & PK_SP;
    return ifr__py_isspace(c);
}

static inline bool pk_closer(uint32_t c)
{
    return pk_class(c) & PK_CLOSE;
}

/*
 * _re_multi_char_punct at p: length or 0.
 *   (?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)
 * Punkt tokenizes each line of the context on its own; here the scan runs
 * over the whole context, with "\n" as the line end: no branch may match
 * it, and every other rule treats it as the \s it is (see
 * pk_contains_sentbreak).
 * The last branch: with k maximal ".\s" pairs, "." after all k pairs gives
 * 2k+1 (k >= 2); otherwise backtracking to k-1 pairs ends on the "." that
 * started pair k, giving 2k-1 (k >= 3).
 */
static inline bool pk_space_in_line(uint32_t c)
{
    return c != '\n' && pk_space(c);
}

static size_t pk_multichar_slow(const uint32_t *s, size_t p, size_t le)
{
    size_t q;
    if (s[p] == '-') {
        for (q = p + 2; q < le && s[q] == '-'; q++)
            ;
        return q - p;
    }
    if (s[p + 1] == '.') {
        for (q = p + 2; q < le && s[q] == '.'; q++)
            ;
        return q - p;
    }
    size_t k = 0;
    for (q = p; q + 1 < le && s[q] == '.' && pk_space_in_line(s[q + 1]); q += 2)
        k++;
    if (k >= 2 && q < le && s[q] == '.')
        return 2 * k + 1;
    if (k >= 3)
        return 2 * k - 1;
    return 0;
}

/* The same, with the common "no" answers inline: every branch needs "--",
 * ".." or "." + \s (not "\n") at p. */
static inline size_t pk_multichar(const uint32_t *s, size_t p, size_t le)
{
    if (p + 1 >= le)
        return 0;
    uint32_t c = s[p], d = s[p + 1];
    if (c == '-' ? d != '-' : (c != '.' || (d != '.' && !pk_space_in_line(d))))
        return 0;
    return pk_multichar_slow(s, p, le);
}

/* MARK: types and table lookups (PunktToken.type*) ------------------------ */

/* A lookup key: a type as lower-cased bytes with the FNV-1a state of the
 * table hash (punkt_tables.h) over them; n < 0 means "not in any table". */
typedef struct pk_key {
    int n;
    uint32_t h;
    char b[IFR__PUNKT_KEYMAX];
} pk_key;

static const char PK_NUMBER[] = "##number##";

static void pk_key_bytes(pk_key *k, const char *s, size_t n)
{
    uint32_t h = IFR__PUNKT_FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * IFR__PUNKT_FNV_PRIME;
    memcpy(k->b, s, n);
    k->n = (int)n;
    k->h = h;
}

/* str.lower() of s[0..n) as table bytes. Every key is ASCII (the generator
 * checks), so a type with a non-ASCII lower-case form cannot be found, and
 * the context-dependent final sigma never matters. */
static void pk_key_of(const uint32_t *s, size_t n, pk_key *k)
{
    k->n = -1;
    if (n > IFR__PUNKT_KEYMAX)
        return; /* lower() never shortens a string */
    uint32_t h = IFR__PUNKT_FNV_BASIS;
    size_t i = 0;
    /* ASCII: one byte per code point, so len == i <= n fits */
    for (; i < n && s[i] < 0x80; i++) {
        uint32_t c = s[i];
        c += (c - 'A' < 26u) << 5;
        k->b[i] = (char)c;
        h = (h ^ c) * IFR__PUNKT_FNV_PRIME;
    }
    size_t len = i;
    for (; i < n; i++) {
        uint32_t c = s[i];
        if (c < 0x80) {
            if (len == IFR__PUNKT_KEYMAX)
                return;
            c += (c - 'A' < 26u) << 5;
            k->b[len++] = (char)c;
            h = (h ^ c) * IFR__PUNKT_FNV_PRIME;
            continue;
        }
        uint32_t low[3];
        size_t nl = ifr__py_lower1(c, low);
        for (size_t j = 0; j < nl; j++) {
            if (low[j] >= 0x80 || len == IFR__PUNKT_KEYMAX)
                return;
            k->b[len++] = (char)low[j];
            h = (h ^ low[j]) * IFR__PUNKT_FNV_PRIME;
        }
    }
    k->n = (int)len;
    k->h = h;
}

static bool pk_key_is_number(const pk_key *k)
{
    return k->n == (int)(sizeof PK_NUMBER - 1) && memcmp(k->b, PK_NUMBER, (size_t)k->n) == 0;
}

static inline bool pk_bytes_eq(const unsigned char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != (unsigned char)b[i])
            return false;
    return true;
}

/* Hash-index lookup (punkt_tables.h): usually one probe. */
static const ifr__punkt_entry *pk_find(const ifr__punkt_entry *tab, const uint32_t *hash,
                                       uint32_t mask, const unsigned char *data, const pk_key *k)
{
    if (k->n < 0)
        return NULL;
    size_t n = (size_t)k->n;
    for (uint32_t i = ifr__punkt_hash_mix(k->h) & mask;; i = (i + 1) & mask) {
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

/* typ is the first element of some collocation */
static bool pk_is_colloc1(const pk_key *k)
{
    return pk_find(ifr__punkt_colloc1, ifr__punkt_colloc1_hash, ifr__punkt_colloc1_mask,
                   ifr__data_punkt_collocations_tab, k);
}

/* (typ, next_typ) in collocations */
static bool pk_is_colloc(const pk_key *a, const pk_key *b)
{
    if (a->n < 0 || b->n < 0)
        return false;
    const unsigned char *d = ifr__data_punkt_collocations_tab;
    size_t na = (size_t)a->n, nb = (size_t)b->n;
    /* the pair hash continues typ's state over "\t" + next_typ */
    uint32_t h = (a->h ^ 0x09u) * IFR__PUNKT_FNV_PRIME;
    for (size_t i = 0; i < nb; i++)
        h = (h ^ (unsigned char)b->b[i]) * IFR__PUNKT_FNV_PRIME;
    for (uint32_t i = ifr__punkt_hash_mix(h) & ifr__punkt_colloc_mask;;
         i = (i + 1) & ifr__punkt_colloc_mask) {
        uint32_t s = ifr__punkt_colloc_hash[i];
        if (!s)
            return false;
        const ifr__punkt_pair *p = &ifr__punkt_colloc[s - 1];
        if (p->len1 == na && p->len2 == nb && pk_bytes_eq(d + p->off1, a->b, na) &&
            pk_bytes_eq(d + p->off2, b->b, nb))
            return true;
    }
}

/* MARK: tokens and the first annotation pass ------------------------------ */

/*
 * A token of the context. Only a token ending in "." (period_final) or a
 * lone "?" / "!" can be a sentence break, so the first pass sets the cheap
 * flags when the token is read and leaves what needs a table lookup (abbr,
 * ellipsis and the sentbreak of a period-final token), the number test and
 * the two types for first use; they are kept, because a token is the second
 * of one pair and the first of the next.
 */
typedef struct pk_tok {
    size_t b, e;        /* span in the text */
    size_t dash;        /* just after the last "-" of a word token, else b */
    bool ascii;         /* every code point < 0x80 */
    bool sentbreak, abbr, ellipsis, period_final;
    signed char number; /* _RE_NUMERIC matched: -1 = not tested yet */
    bool first_done;    /* the lookup part of the first pass is done */
    bool have_np, have_full;
    pk_key np;          /* type_no_period */
    pk_key full;        /* type, when it differs from type_no_period */
} pk_tok;

/*
 * One token of _word_tokenize_fmt at non-space position p (PunktLanguageVars
 * .word_tokenize); the context ends at le, a "\n" ends a line (see
 * pk_multichar). Fills t's span, ascii and dash.
 *   MultiChar
 *   | (?=WordStart)\S+?(?=\s|$|NonWord|MultiChar|,(?=$|\s|NonWord|MultiChar))
 *   | \S
 * The lazy \S+? stops at the first position where the lookahead holds; it
 * always holds at a space or at the line end, so the branch never fails once
 * the first character is a word start. At a "\n", "$" and \s both hold.
 */
static inline void pk_word_token(const uint32_t *s, size_t p, size_t le, pk_tok *t)
{
    uint32_t c = s[p];
    unsigned k = pk_class(c);
    t->b = p;
    t->dash = p;
    t->ascii = true;
    if (k & PK_DD) {
        size_t m = pk_multichar(s, p, le);
        if (m) {
            t->e = p + m;
            return;
        }
    }
    if (k & PK_NWS) {
        t->e = p + 1;
        return;
    }
    bool ascii = c < 0x80;
    size_t q = p + 1;
    for (; q < le; q++) {
        c = s[q];
        if (c >= 0x80) {
            ascii = false;
            if (ifr__py_isspace(c))
                break;
            continue;
        }
        k = pk_cls[c];
        if (!(k & (PK_SP | PK_NW | PK_DD | PK_COMMA)))
            continue;
        if (k & (PK_SP | PK_NW))
            break;
        if (k & PK_DD) {
            if (pk_multichar(s, q, le))
                break;
            if (c == '-')
                t->dash = q + 1;
            continue;
        }
        /* ",": a word-final comma ends the word */
        if (q + 1 == le)
            break;
        uint32_t d = s[q + 1];
        if (pk_space(d) || pk_nonword(d) || ((d == '-' || d == '.') && pk_multichar(s, q + 1, le)))
            break;
    }
    t->e = q;
    t->ascii = ascii;
}

/* PunktBaseClass._first_pass_annotation (+ the PunktToken properties), the
 * part without lookups */
static inline void pk_first_pass(const uint32_t *cp, pk_tok *t)
{
    uint32_t c0 = cp[t->b];
    t->abbr = t->ellipsis = false;
    t->have_np = t->have_full = false;
    t->number = -1;
    t->period_final = cp[t->e - 1] == '.';
    /* a lone "." is period-final and set by the lookup part */
    t->sentbreak = t->e - t->b == 1 && (c0 == '?' || c0 == '!');
    t->first_done = !t->period_final;
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

static inline bool pk_number(const uint32_t *cp, pk_tok *t)
{
    if (t->number < 0)
        t->number = pk_is_numeric(cp + t->b, t->e - t->b);
    return t->number;
}

/* _RE_INITIAL: [^\W\d]\.$ */
static inline bool pk_initial(const uint32_t *cp, const pk_tok *t)
{
    uint32_t c0 = cp[t->b];
    return t->e - t->b == 2 && t->period_final && ifr__nlp_word(c0) && !ifr__nlp_decimal(c0);
}

/* type_no_period: the type without a final "." (if the type is longer than
 * 1); the type is "##number##" for a number, else tok.lower() */
static const pk_key *pk_type_no_period(const uint32_t *cp, pk_tok *t)
{
    if (!t->have_np) {
        if (pk_number(cp, t)) {
            pk_key_bytes(&t->np, PK_NUMBER, sizeof PK_NUMBER - 1);
        } else {
            size_t len = t->e - t->b;
            /* lower() maps "." to "." and nothing else to a string ending in "." */
            if (len > 1 && cp[t->e - 1] == '.')
                len--;
            pk_key_of(cp + t->b, len, &t->np);
        }
        t->have_np = true;
    }
    return &t->np;
}

/* type: the same as type_no_period unless the token ends in "." */
static const pk_key *pk_type(const uint32_t *cp, pk_tok *t)
{
    if (pk_number(cp, t) || !t->period_final || t->e - t->b == 1)
        return pk_type_no_period(cp, t);
    if (!t->have_full) {
        pk_key_of(cp + t->b, t->e - t->b, &t->full);
        t->have_full = true;
    }
    return &t->full;
}

/*
 * Can lower(cp[b..e)), an ASCII string, be a key of the table with this
 * length mask (punkt_tables.h)? false means certainly not; an empty string
 * is always looked up.
 */
static inline bool pk_may_be_key(const uint64_t *lenmask, const uint32_t *cp, size_t b, size_t e)
{
    size_t n = e - b;
    if (n == 0)
        return true;
    if (n > 64)
        return false; /* longer than IFR__PUNKT_KEYMAX */
    uint32_t c = cp[b];
    c += (c - 'A' < 26u) << 5;
    return (lenmask[c] >> (n - 1)) & 1u;
}

/* tok[:-1].lower() in abbrev_types, for cp[b..e) = tok[:-1] or a part of it */
static bool pk_abbrev_part(const uint32_t *cp, size_t b, size_t e, bool ascii)
{
    if (ascii && !pk_may_be_key(ifr__punkt_abbrev_lenmask, cp, b, e))
        return false;
    pk_key k;
    pk_key_of(cp + b, e - b, &k);
    return pk_is_abbrev(&k);
}

/* The lookup part of _first_pass_annotation, for a token ending in ".". */
static void pk_first_pass_lookups(const uint32_t *cp, pk_tok *t)
{
    if (t->first_done)
        return;
    t->first_done = true;
    size_t b = t->b, e = t->e, len = e - b;
    if (len == 1) { /* "." */
        t->sentbreak = true;
        return;
    }
    /* _RE_ELLIPSIS: \.\.+$ */
    if (cp[b] == '.') {
        size_t i = b + 1;
        while (i < e && cp[i] == '.')
            i++;
        if (i == e) {
            t->ellipsis = true;
            return;
        }
    }
    if (cp[e - 2] == '.')
        return;
    /* tok[:-1].lower() in abbrev_types (that is type_no_period unless the
     * token is a number, so look it up through the kept type when it is
     * wanted anyway), or its part after the last "-" */
    bool abbr;
    if (!pk_number(cp, t) && (!t->ascii || pk_may_be_key(ifr__punkt_colloc1_lenmask, cp, b, e - 1)))
        abbr = pk_is_abbrev(pk_type_no_period(cp, t));
    else
        abbr = pk_abbrev_part(cp, b, e - 1, t->ascii);
    /* the last "-" of tok[:-1], found by the word scanner (a multi-character
     * or one-character token has none) */
    if (!abbr && t->dash > b)
        abbr = pk_abbrev_part(cp, t->dash, e - 1, t->ascii);
    if (abbr)
        t->abbr = true;
    else
        t->sentbreak = true;
}

/* type_no_sentperiod: type_no_period if the token is a sentence break */
static const pk_key *pk_type_no_sentperiod(const uint32_t *cp, pk_tok *t)
{
    pk_first_pass_lookups(cp, t);
    return t->sentbreak ? pk_type_no_period(cp, t) : pk_type(cp, t);
}

/* MARK: the second annotation pass ---------------------------------------- */

#define PK_ORTHO_BEG_UC (1u << 1)
#define PK_ORTHO_MID_UC (1u << 2)
#define PK_ORTHO_UNK_UC (1u << 3)
#define PK_ORTHO_BEG_LC (1u << 4)
#define PK_ORTHO_MID_LC (1u << 5)
#define PK_ORTHO_UNK_LC (1u << 6)
#define PK_ORTHO_UC (PK_ORTHO_BEG_UC | PK_ORTHO_MID_UC | PK_ORTHO_UNK_UC)
#define PK_ORTHO_LC (PK_ORTHO_BEG_LC | PK_ORTHO_MID_LC | PK_ORTHO_UNK_LC)

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

/*
 * PunktSentenceTokenizer._second_pass_annotation(t1, t2) for a t1 ending in
 * "." (it does nothing otherwise); t2 has only its first-pass annotation,
 * as in the Python generator chain. typ is looked up only where it can be a
 * key, next_typ is computed only when a rule reads it.
 */
static void pk_second_pass(const uint32_t *cp, pk_tok *t1, pk_tok *t2)
{
    pk_first_pass_lookups(cp, t1);
    bool number = pk_number(cp, t1);
    bool initial = pk_initial(cp, t1);
    const pk_key *typ = NULL, *next = NULL;

    /* (typ, next_typ) in collocations; typ is "##number##" for a number,
     * else tok[:-1].lower() (or "." for ".") */
    size_t te = t1->e - (t1->e - t1->b > 1);
    if (number || !t1->ascii || pk_may_be_key(ifr__punkt_colloc1_lenmask, cp, t1->b, te)) {
        typ = pk_type_no_period(cp, t1);
        if (pk_is_colloc1(typ)) {
            next = pk_type_no_sentperiod(cp, t2);
            if (pk_is_colloc(typ, next)) {
                t1->sentbreak = false;
                t1->abbr = true;
                return;
            }
        }
    }
    if ((t1->abbr || t1->ellipsis) && !initial) {
        if (!next)
            next = pk_type_no_sentperiod(cp, t2);
        if (pk_ortho_heuristic(cp, t2, next) == PK_TRUE) {
            t1->sentbreak = true;
            return;
        }
        if (ifr__nlp_upper1(cp[t2->b]) && pk_is_starter(next)) {
            t1->sentbreak = true;
            return;
        }
    }
    /* typ == "##number##": a number, or a token spelling it */
    if (!initial && !number) {
        /* (a word token cannot start with "#", but keep the test exact) */
        if (t1->ascii && (t1->e - t1->b != sizeof PK_NUMBER || cp[t1->b] != '#'))
            return;
        if (!typ)
            typ = pk_type_no_period(cp, t1);
        if (!pk_key_is_number(typ))
            return;
    }
    if (!next)
        next = pk_type_no_sentperiod(cp, t2);
    int s = pk_ortho_heuristic(cp, t2, next);
    if (s == PK_FALSE) {
        t1->sentbreak = false;
        t1->abbr = true;
        return;
    }
    if (s == PK_UNKNOWN && initial && ifr__nlp_upper1(cp[t2->b]) &&
        !(pk_ortho(next) & PK_ORTHO_LC)) {
        t1->sentbreak = false;
        t1->abbr = true;
    }
}

/* MARK: text_contains_sentbreak ------------------------------------------- */

/*
 * True if, after both annotation passes, a token other than the last one is
 * a sentence break. The tokens are those of PunktBaseClass._tokenize_words
 * over cp[b..e): the text split on "\n", each line tokenized on its own.
 * One scan over the whole context gives the same tokens: a "\n" is a space
 * (skipped like the empty lines Python drops), no token crosses it, and
 * pk_multichar does not match across it.
 */
static bool pk_contains_sentbreak(const uint32_t *cp, size_t b, size_t e)
{
    pk_tok tk[2];
    pk_tok *t0 = &tk[0], *t1 = &tk[1];
    size_t p = b;
    while (p < e && pk_space(cp[p]))
        p++;
    if (p == e)
        return false;
    pk_word_token(cp, p, e, t0);
    pk_first_pass(cp, t0);
    for (;;) {
        p = t0->e;
        while (p < e && pk_space(cp[p]))
            p++;
        if (p == e)
            return false; /* t0 is the last token */
        pk_word_token(cp, p, e, t1);
        pk_first_pass(cp, t1);
        if (t0->period_final)
            pk_second_pass(cp, t0, t1);
        if (t0->sentbreak)
            return true;
        pk_tok *sw = t0;
        t0 = t1;
        t1 = sw;
    }
}

/* MARK: sentence slices ---------------------------------------------------- */

/* One match of period_context_re():
 *   [.?!](?=(?P<after_tok>NonWord|\s+(?P<next_tok>\S+)))
 * \s+ and \S+ are greedy and the lookahead needs a token after the spaces. */
typedef struct pk_match {
    size_t at;          /* the [.?!] */
    size_t next_tok;    /* start of next_tok, or SIZE_MAX (after_tok is NonWord) */
} pk_match;

static bool pk_match_at(const uint32_t *cp, size_t n, size_t i, pk_match *m)
{
    if (i + 1 >= n)
        return false;
    uint32_t d = cp[i + 1];
    m->at = i;
    if (pk_nonword(d)) {
        m->next_tok = SIZE_MAX;
        return true;
    }
    if (!pk_space(d))
        return false;
    size_t j = i + 2;
    while (j < n && pk_space(cp[j]))
        j++;
    if (j == n)
        return false;
    m->next_tok = j;
    return true;
}

/* The end of after_tok (of the context), needed only to tokenize it. */
static size_t pk_after_end(const uint32_t *cp, size_t n, const pk_match *m)
{
    if (m->next_tok == SIZE_MAX)
        return m->at + 2;
    size_t k = m->next_tok + 1;
    while (k < n && !pk_space(cp[k]))
        k++;
    return k;
}

/*
 * text_contains_sentbreak of the context of the candidate m (cp[b..at) the
 * word before it, the [.?!], after_tok), with shortcuts that give the same
 * answer without tokenizing:
 * - a "?" or "!" is always a token of its own (it is in NonWord, so no word
 *   runs into it, and after_tok ends it), a sentence break that the second
 *   pass never changes (not period-final), and never the last token (after_tok
 *   follows): the answer is yes;
 * - no _re_multi_char_punct starts at a candidate "." inside its context:
 *   ".." needs a "." after it, where after_tok has NonWord or \s, and
 *   ". . ." needs a space inside next_tok. With after_tok ending the token
 *   there, a "." after one of )";}]*:@({[ (always a one-character token) or
 *   at the start of the context is a token "." of its own: a first-pass
 *   break that no second-pass rule undoes unless "." starts a collocation;
 * - `plain`: the word before is ASCII letters only, two or more, so with the
 *   "." it is one token, neither a number nor an initial nor an ellipsis. If its lower case is
 *   neither an abbreviation (so the first pass makes it a break) nor the
 *   first element of a collocation (the only second-pass rule that could
 *   undo that for such a token), the answer is yes.
 */
static bool pk_context_break(const uint32_t *cp, size_t n, size_t b, const pk_match *m, bool plain)
{
    size_t at = m->at;
    if (cp[at] != '.')
        return true;
    if ((at == b || (pk_class(cp[at - 1]) & (PK_NW | PK_NWS)) == (PK_NW | PK_NWS)) &&
        !pk_may_be_key(ifr__punkt_colloc1_lenmask, cp, at, at + 1))
        return true;
    if (plain && at - b >= 2) {
        bool ab = pk_may_be_key(ifr__punkt_abbrev_lenmask, cp, b, at);
        bool co = pk_may_be_key(ifr__punkt_colloc1_lenmask, cp, b, at);
        if (!ab && !co)
            return true;
        pk_key k;
        pk_key_of(cp + b, at - b, &k);
        if (!(ab && pk_is_abbrev(&k)) && !(co && pk_is_colloc1(&k)))
            return true;
    }
    return pk_contains_sentbreak(cp, b, pk_after_end(cp, n, m));
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

static int pk_grow(ifr__arena *ar, ifr__span **sl, size_t n, size_t *cap)
{
    if (*cap > SIZE_MAX / (2 * sizeof **sl))
        return IFR_E_NOMEM;
    ifr__span *ns = ifr__arena_alloc(ar, 2 * *cap * sizeof *ns);
    if (!ns)
        return IFR_E_NOMEM;
    memcpy(ns, *sl, n * sizeof *ns);
    *sl = ns;
    *cap *= 2;
    return IFR_OK;
}

static inline int pk_push(ifr__arena *ar, ifr__span **sl, size_t *n, size_t *cap, size_t b,
                          size_t e)
{
    if (*n == *cap && pk_grow(ar, sl, *n, cap) != IFR_OK)
        return IFR_E_NOMEM;
    (*sl)[*n].b = b;
    (*sl)[*n].e = e;
    (*n)++;
    return IFR_OK;
}

/*
 * Candidate positions ([.?!]) in increasing order, found 32 code points at
 * a time: each block is narrowed to bytes with saturation (a code point
 * above 0xFF becomes 0xFF, so only '.', '?' and '!' themselves give those
 * bytes) and compared, giving a bit mask of the candidates: about one
 * instruction per code point. (Scanning the text's UTF-8 instead, with
 * code-point indices from a count of continuation bytes, costs about as many
 * instructions and was slower when the text is not in L1.)
 */
#define PK_BLK 32

typedef struct pk_cands {
    const uint32_t *cp;
    size_t n;
    size_t blk;                 /* start of the current block */
    uint32_t mask;              /* candidates not yet returned, bit k = blk + k */
} pk_cands;

#if defined(__SSE2__)
/* 16 code points narrowed to bytes (code points are < 2^31: signed
 * saturation to 16 bits, then unsigned saturation to 8 bits) */
static inline __m128i pk_narrow16(const uint32_t *p)
{
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 4));
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 8));
    __m128i d = _mm_loadu_si128((const __m128i *)(const void *)(p + 12));
    return _mm_packus_epi16(_mm_packs_epi32(a, b), _mm_packs_epi32(c, d));
}

static inline uint32_t pk_cand_bits(__m128i v)
{
    __m128i c = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
    return (uint32_t)_mm_movemask_epi8(c);
}
#endif

/* the candidate mask of the PK_BLK code points at p */
static inline uint32_t pk_block(const uint32_t *p)
{
#if defined(__SSE2__)
    return pk_cand_bits(pk_narrow16(p)) | pk_cand_bits(pk_narrow16(p + 16)) << 16;
#else
    uint32_t m = 0;
    for (unsigned k = 0; k < PK_BLK; k++)
        m |= (uint32_t)(p[k] == '.' || p[k] == '?' || p[k] == '!') << k;
    return m;
#endif
}

/* the same for the last block, of fewer than PK_BLK code points */
static uint32_t pk_block_tail(const uint32_t *p, size_t rem)
{
    uint32_t buf[PK_BLK] = {0};
    memcpy(buf, p, rem * sizeof *buf);
    return pk_block(buf) & ((UINT32_C(1) << rem) - 1);
}

static void pk_cands_init(pk_cands *cs, const uint32_t *cp, size_t n)
{
    cs->cp = cp;
    cs->n = n;
    cs->blk = 0;
    cs->mask = n >= PK_BLK ? pk_block(cp) : n ? pk_block_tail(cp, n) : 0;
}

/* the next block with a candidate, if any */
static bool pk_cands_advance(pk_cands *cs)
{
    size_t blk = cs->blk + PK_BLK, n = cs->n;
    uint32_t m = 0;
    for (; blk + PK_BLK <= n; blk += PK_BLK) {
        m = pk_block(cs->cp + blk);
        if (m)
            break;
    }
    if (!m && blk < n)
        m = pk_block_tail(cs->cp + blk, n - blk);
    cs->blk = blk;
    cs->mask = m;
    return m != 0;
}

static inline bool pk_cands_next(pk_cands *cs, size_t *at)
{
    if (!cs->mask && !pk_cands_advance(cs))
        return false;
    *at = cs->blk + (unsigned)__builtin_ctz(cs->mask);
    cs->mask &= cs->mask - 1;
    return true;
}

static int pk_tokenize(const uint32_t *cp, size_t n, ifr__arena *ar, ifr__span **out,
                       size_t *nout)
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
    bool have_prev = false, prev_plain = false;
    pk_match pm = {0, 0}, m;
    pk_cands cs;
    pk_cands_init(&cs, cp, n);
    size_t i;
    while (pk_cands_next(&cs, &i)) { /* i: the candidate [.?!] */
        if (!pk_match_at(cp, n, i, &m))
            continue;
        /* before_text = text[prev_e:i]; last ASCII whitespace in it, where
         * an index of 0 counts as "none" (the Python helper returns 0) */
        size_t j = i;
        while (j > prev_e && (cp[j - 1] | 0x20u) - 'a' < 26u) /* ASCII letters first */
            j--;
        size_t letters = j, rel = 0;
        for (; j > prev_e; j--)
            if (pk_class(cp[j - 1]) & PK_AWS) {
                rel = j - 1 - prev_e;
                break;
            }
        size_t wb = rel ? prev_e + rel + 1 : prev_b;
        bool plain = rel && wb == letters; /* the word: ASCII letters only */
        if (have_prev && prev_e <= wb &&
            pk_context_break(cp, n, prev_b, &pm, prev_plain)) {
            if (pk_push(ar, &sl, &nsl, &cap, last_break, pm.at + 1) != IFR_OK)
                return IFR_E_NOMEM;
            last_break = pm.next_tok != SIZE_MAX ? pm.next_tok : pm.at + 1;
        }
        pm = m;
        have_prev = true;
        prev_b = wb;
        prev_e = i;
        prev_plain = plain;
    }
    if (have_prev && pk_context_break(cp, n, prev_b, &pm, prev_plain)) {
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
    return pk_tokenize(cp, n, ar, out, nout);
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
        int rc = pk_tokenize(t->cp, t->ncp, t->arena, &s, &ns);
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
