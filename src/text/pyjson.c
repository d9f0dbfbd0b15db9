/*
 * pyjson.c - json.loads() acceptance of CPython 3.11, iterative.
 *
 * The structure follows CPython's C scanner (Modules/_json.c: scan_once,
 * _parse_object, _parse_array, _match_number, scanstring with strict=True)
 * so that both the verdict and the JSONDecodeError position agree; the
 * recursion of the original is replaced by an explicit stack of container
 * kinds (one bit per level), so nesting depth is bounded only by memory.
 */
#include "pyjson.h"

#include <string.h>

#define MSG_VALUE "Expecting value"
#define MSG_KEY "Expecting property name enclosed in double quotes"
#define MSG_COLON "Expecting ':' delimiter"
#define MSG_COMMA "Expecting ',' delimiter"
#define MSG_EXTRA "Extra data"
#define MSG_UNTERMINATED "Unterminated string starting at"
#define MSG_CONTROL "Invalid control character at"
#define MSG_ESCAPE "Invalid \\escape"
#define MSG_UESCAPE "Invalid \\uXXXX escape"
#define MSG_BOM "Unexpected UTF-8 BOM (decode using utf-8-sig)"
#define MSG_INTLIMIT "Exceeds the limit (4300 digits) for integer string conversion"

/* JSON whitespace for CPython's scanner: exactly these four. */
static inline bool is_ws(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static inline int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static inline size_t skip_ws(const uint32_t *s, size_t n, size_t i)
{
    while (i < n && is_ws(s[i]))
        i++;
    return i;
}

static bool fail(ifr__pyjson_error *err, size_t pos, const char *msg)
{
    if (err) {
        err->pos = pos;
        err->msg = msg;
    }
    return false;
}

/* Four hex digits at s[i..i+4) (caller checked bounds); -1 if one is not hex. */
static long hex4(const uint32_t *s, size_t i)
{
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hexval(s[i + k]);
        if (h < 0)
            return -1;
        v = (v << 4) | h;
    }
    return v;
}

/*
 * scanstring(s, end, strict=True): `end` is the index just after the opening
 * quote. On success *next is the index just after the closing quote.
 */
static bool scan_string(const uint32_t *s, size_t n, size_t end, size_t *next_out,
                        ifr__pyjson_error *err)
{
    size_t begin = end - 1;
    for (;;) {
        size_t next = end;
        uint32_t c = 0;
        for (; next < n; next++) {
            c = s[next];
            if (c == '"' || c == '\\')
                break;
            if (c <= 0x1f)
                return fail(err, next, MSG_CONTROL);
        }
        if (next >= n)
            return fail(err, begin, MSG_UNTERMINATED);
        next++;
        if (c == '"') {
            *next_out = next;
            return true;
        }
        /* a backslash */
        if (next == n)
            return fail(err, begin, MSG_UNTERMINATED);
        c = s[next];
        if (c != 'u') {
            end = next + 1;
            switch (c) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                break;
            default:
                return fail(err, end - 2, MSG_ESCAPE);
            }
            continue;
        }
        next++;
        end = next + 4;
        if (end >= n)
            return fail(err, next - 1, MSG_UESCAPE);
        long u = hex4(s, next);
        if (u < 0)
            return fail(err, end - 5, MSG_UESCAPE);
        /* A high surrogate followed by \u: CPython decodes the pair at once,
         * and reports bad hex digits there. */
        if (u >= 0xD800 && u <= 0xDBFF && end + 6 < n && s[end] == '\\' && s[end + 1] == 'u') {
            long u2 = hex4(s, end + 2);
            if (u2 < 0)
                return fail(err, end + 1, MSG_UESCAPE);
            if (u2 >= 0xDC00 && u2 <= 0xDFFF)
                end += 6;
        }
    }
}

/* _match_number(s, start): false means StopIteration(start). */
static bool match_number(const uint32_t *s, size_t n, size_t start, size_t *next_out,
                         bool *too_long)
{
    size_t idx = start;
    size_t end_idx = n - 1; /* n > start >= 0 here */
    bool is_float = false;
    *too_long = false;
    if (s[idx] == '-') {
        idx++;
        if (idx > end_idx)
            return false;
    }
    size_t int_start = idx;
    if (s[idx] >= '1' && s[idx] <= '9') {
        idx++;
        while (idx <= end_idx && is_digit(s[idx]))
            idx++;
    } else if (s[idx] == '0') {
        idx++;
    } else {
        return false;
    }
    size_t int_digits = idx - int_start;
    if (idx < end_idx && s[idx] == '.' && is_digit(s[idx + 1])) {
        is_float = true;
        idx += 2;
        while (idx <= end_idx && is_digit(s[idx]))
            idx++;
    }
    if (idx < end_idx && (s[idx] == 'e' || s[idx] == 'E')) {
        size_t e_start = idx;
        idx++;
        if (idx < end_idx && (s[idx] == '-' || s[idx] == '+'))
            idx++;
        while (idx <= end_idx && is_digit(s[idx]))
            idx++;
        if (is_digit(s[idx - 1]))
            is_float = true;
        else
            idx = e_start;
    }
    if (!is_float && int_digits > IFR__PYJSON_MAX_INT_DIGITS)
        *too_long = true;
    *next_out = idx;
    return true;
}

static bool lit(const uint32_t *s, size_t n, size_t i, const char *w, size_t wl)
{
    /* CPython tests idx + (len - 1) < length, i.e. the whole word fits. */
    if (i + wl > n)
        return false;
    for (size_t k = 0; k < wl; k++)
        if (s[i + k] != (unsigned char)w[k])
            return false;
    return true;
}

/* The stack of open containers: bit set = object, clear = array. */
typedef struct kstack {
    unsigned char local[512];
    unsigned char *bits;
    size_t cap;    /* levels */
    size_t depth;
    ifr__arena *ar;
} kstack;

static int push(kstack *st, bool obj)
{
    if (st->depth == st->cap) {
        if (!st->ar || st->cap > SIZE_MAX / 16)
            return IFR_E_NOMEM;
        size_t ncap = st->cap * 2;
        unsigned char *nb = ifr__arena_alloc(st->ar, ncap / 8);
        if (!nb)
            return IFR_E_NOMEM;
        memcpy(nb, st->bits, st->cap / 8);
        st->bits = nb;
        st->cap = ncap;
    }
    size_t d = st->depth++;
    if (obj)
        st->bits[d / 8] |= (unsigned char)(1u << (d % 8));
    else
        st->bits[d / 8] &= (unsigned char)~(1u << (d % 8));
    return IFR_OK;
}

static inline bool top_is_object(const kstack *st)
{
    size_t d = st->depth - 1;
    return (st->bits[d / 8] >> (d % 8)) & 1u;
}

enum { ST_VALUE, ST_KEY, ST_AFTER };

int ifr__pyjson_validate(const uint32_t *s, size_t n, ifr__arena *ar, bool *ok,
                         ifr__pyjson_error *err)
{
    kstack st;
    st.bits = st.local;
    st.cap = sizeof st.local * 8;
    st.depth = 0;
    st.ar = ar;
    *ok = false;
    if (n > 0 && s[0] == 0xFEFF) {
        fail(err, 0, MSG_BOM);
        return IFR_OK;
    }
    size_t i = skip_ws(s, n, 0);
    int state = ST_VALUE;
    for (;;) {
        switch (state) {
        case ST_VALUE: {
            if (i >= n) {
                fail(err, i, MSG_VALUE);
                return IFR_OK;
            }
            uint32_t c = s[i];
            state = ST_AFTER;
            if (c == '"') {
                if (!scan_string(s, n, i + 1, &i, err))
                    return IFR_OK;
            } else if (c == '{' || c == '[') {
                i = skip_ws(s, n, i + 1);
                if (i < n && s[i] == (c == '{' ? '}' : ']')) {
                    i++;
                } else {
                    int rc = push(&st, c == '{');
                    if (rc != IFR_OK)
                        return rc;
                    state = c == '{' ? ST_KEY : ST_VALUE;
                }
            } else if (c == 'n' && lit(s, n, i, "null", 4)) {
                i += 4;
            } else if (c == 't' && lit(s, n, i, "true", 4)) {
                i += 4;
            } else if (c == 'f' && lit(s, n, i, "false", 5)) {
                i += 5;
            } else if (c == 'N' && lit(s, n, i, "NaN", 3)) {
                i += 3;
            } else if (c == 'I' && lit(s, n, i, "Infinity", 8)) {
                i += 8;
            } else if (c == '-' && lit(s, n, i, "-Infinity", 9)) {
                i += 9;
            } else {
                bool too_long;
                size_t next;
                if (!match_number(s, n, i, &next, &too_long)) {
                    fail(err, i, MSG_VALUE);
                    return IFR_OK;
                }
                if (too_long) {
                    fail(err, i, MSG_INTLIMIT);
                    return IFR_OK;
                }
                i = next;
            }
            break;
        }
        case ST_KEY:
            if (i >= n || s[i] != '"') {
                fail(err, i, MSG_KEY);
                return IFR_OK;
            }
            if (!scan_string(s, n, i + 1, &i, err))
                return IFR_OK;
            i = skip_ws(s, n, i);
            if (i >= n || s[i] != ':') {
                fail(err, i, MSG_COLON);
                return IFR_OK;
            }
            i = skip_ws(s, n, i + 1);
            state = ST_VALUE;
            break;
        case ST_AFTER: {
            i = skip_ws(s, n, i);
            if (st.depth == 0) {
                if (i != n) {
                    fail(err, i, MSG_EXTRA);
                    return IFR_OK;
                }
                *ok = true;
                return IFR_OK;
            }
            bool obj = top_is_object(&st);
            if (i < n && s[i] == (obj ? '}' : ']')) {
                i++;
                st.depth--;
                break; /* still ST_AFTER */
            }
            if (i >= n || s[i] != ',') {
                fail(err, i, MSG_COMMA);
                return IFR_OK;
            }
            i = skip_ws(s, n, i + 1);
            state = obj ? ST_KEY : ST_VALUE;
            break;
        }
        default:
            return IFR_E_INTERNAL;
        }
    }
}
