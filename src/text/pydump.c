/* pydump.c - json.dumps-compatible output, so ifreward's JSONL is byte-identical to Python's. */
#include "pydump.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void ifr__py_float_repr(double d, char *buf, size_t cap)
{
    if (isnan(d)) {
        snprintf(buf, cap, "NaN");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, cap, d < 0 ? "-Infinity" : "Infinity");
        return;
    }
    /* shortest %e representation that round-trips */
    char e[40];
    int prec;
    for (prec = 0; prec < 17; prec++) {
        snprintf(e, sizeof e, "%.*e", prec, d);
        if (strtod(e, NULL) == d)
            break;
    }
    /* split mantissa digits and exponent */
    char digits[24];
    size_t nd = 0;
    const char *p = e;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    digits[nd] = '\0';
    int exp10 = atoi(p + 1);
    /* strip trailing zeros of the mantissa */
    while (nd > 1 && digits[nd - 1] == '0')
        digits[--nd] = '\0';
    char out[64];
    size_t o = 0;
    if (neg)
        out[o++] = '-';
    if (exp10 < -4 || exp10 >= 16) {
        out[o++] = digits[0];
        if (nd > 1) {
            out[o++] = '.';
            for (size_t i = 1; i < nd; i++)
                out[o++] = digits[i];
        }
        o += (size_t)snprintf(out + o, sizeof out - o, "e%c%02d", exp10 < 0 ? '-' : '+',
                              exp10 < 0 ? -exp10 : exp10);
    } else if (exp10 < 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -exp10 - 1; i++)
            out[o++] = '0';
        for (size_t i = 0; i < nd; i++)
            out[o++] = digits[i];
    } else {
        for (int i = 0; i <= exp10; i++)
            out[o++] = (size_t)i < nd ? digits[i] : '0';
        out[o++] = '.';
        if ((size_t)exp10 + 1 < nd)
            for (size_t i = (size_t)exp10 + 1; i < nd; i++)
                out[o++] = digits[i];
        else
            out[o++] = '0';
    }
    out[o] = '\0';
    snprintf(buf, cap, "%s", out);
}

static uint32_t next_cp(const unsigned char *s, size_t n, size_t *i)
{
    unsigned char c = s[*i];
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    if (c >= 0xF0 && c < 0xF5) {
        cp = c & 0x07;
        len = 4;
    } else if (c >= 0xE0) {
        cp = c & 0x0F;
        len = 3;
    } else if (c >= 0xC2 && c < 0xE0) {
        cp = c & 0x1F;
        len = 2;
    } else {
        (*i)++;
        return 0xFFFD;
    }
    if (*i + len > n) {
        (*i)++;
        return 0xFFFD;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[*i + k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    }
    *i += len;
    return cp;
}

void ifr__py_dump_string(FILE *f, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    fputc('"', f);
    for (size_t i = 0; i < n;) {
        uint32_t c = next_cp(u, n, &i);
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            if (c < 0x20 || (c > 0x7E && c < 0x10000)) {
                fprintf(f, "\\u%04x", c);
            } else if (c >= 0x10000) {
                uint32_t v = c - 0x10000;
                fprintf(f, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
            } else {
                fputc((int)c, f);
            }
        }
    }
    fputc('"', f);
}

void ifr__py_dump(FILE *f, json_t *v)
{
    char buf[64];
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        fputc('{', f);
        const char *k;
        size_t klen;
        json_t *x;
        bool first = true;
        void *tmp;
        json_object_keylen_foreach_safe(v, tmp, k, klen, x) {
            if (!first)
                fputs(", ", f);
            first = false;
            ifr__py_dump_string(f, k, klen);
            fputs(": ", f);
            ifr__py_dump(f, x);
        }
        fputc('}', f);
        break;
    }
    case JSON_ARRAY: {
        fputc('[', f);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                fputs(", ", f);
            ifr__py_dump(f, json_array_get(v, i));
        }
        fputc(']', f);
        break;
    }
    case JSON_STRING: ifr__py_dump_string(f, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: fprintf(f, "%" JSON_INTEGER_FORMAT, json_integer_value(v)); break;
    case JSON_REAL:
        ifr__py_float_repr(json_real_value(v), buf, sizeof buf);
        fputs(buf, f);
        break;
    case JSON_TRUE: fputs("true", f); break;
    case JSON_FALSE: fputs("false", f); break;
    case JSON_NULL: fputs("null", f); break;
    }
}

/* MARK: input ------------------------------------------------------------ */

static int hex4(const char *s, size_t n, size_t i)
{
    if (i + 4 > n)
        return -1;
    int v = 0;
    for (size_t k = i; k < i + 4; k++) {
        char c = s[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* JSONL text in place: a lone surrogate escape (which Python's json.loads
 * accepts and jansson rejects) becomes "\ufffd", as ifr_score_rows does. */
void ifr__json_fix_lone_surrogates(char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        if (s[i + 1] != 'u') {
            i++;
            continue;
        }
        int v = hex4(s, n, i + 2);
        if (v < 0xD800 || v > 0xDFFF) {
            i += 1;
            continue;
        }
        if (v <= 0xDBFF && i + 7 < n && s[i + 6] == '\\' && s[i + 7] == 'u') {
            int lo = hex4(s, n, i + 8);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 11;
                continue;
            }
        }
        memcpy(s + i + 2, "fffd", 4);
        i += 5;
    }
}
