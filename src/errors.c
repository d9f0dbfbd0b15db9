/* errors.c - the one table of error messages, and ifr_error filling. */
#include "ifreward_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const messages[] = {
    /*  0 */ "success",
    /* -1 */ "invalid argument (NULL handle, bad flag or index out of range)",
    /* -2 */ "out of memory",
    /* -3 */ "the spec is not valid JSON",
    /* -4 */ "the spec JSON does not have the expected shape",
    /* -5 */ "unknown instruction id",
    /* -6 */ "a keyword argument is missing, ill-typed or out of range",
    /* -7 */ "a limit was exceeded",
    /* -8 */ "a pattern in the spec does not compile",
    /* -9 */ "the reference implementation raises on this input; no verdict",
    /* -10 */ "language detection found no usable features",
    /* -11 */ "internal error (a bug in ifreward)",
};

IFR_API const char *ifr_strerror(int code)
{
    if (code <= 0 && -code < (int)(sizeof messages / sizeof messages[0]))
        return messages[-code];
    return "unknown error code";
}

IFR_API size_t ifr_error_size(void)
{
    return sizeof(ifr_error);
}

void ifr__error_clear(ifr_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->instruction = -1;
    err->offset = (size_t)-1;
}

/*
 * Make a NUL-terminated buffer valid UTF-8 in place: messages quote spec
 * strings, which may hold WTF-8 surrogates (Python-literal specs), and
 * snprintf may cut a multi-byte character at the end of the buffer. Bytes
 * that do not start a well-formed sequence become '?'; a sequence cut off at
 * the end is dropped.
 */
static void utf8_sanitize(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        size_t need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                                   : c >= 0xF0 && c <= 0xF4                  ? 3
                                                                             : 4;
        if (need == 0) {
            p++;
            continue;
        }
        if (need == 4) { /* not a lead byte */
            *p++ = '?';
            continue;
        }
        /* second-byte ranges exclude overlongs, surrogates and > U+10FFFF */
        unsigned lo = 0x80, hi = 0xBF;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
        else if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
        size_t k = 1;
        while (k <= need && p[k] != '\0' &&
               (k == 1 ? (p[k] >= lo && p[k] <= hi) : (p[k] & 0xC0) == 0x80))
            k++;
        if (k > need) {
            p += k;
        } else if (p[k] == '\0') {
            *p = '\0'; /* cut off by truncation */
        } else {
            *p++ = '?';
        }
    }
}

int ifr__error_set(ifr_error *err, int code, size_t offset, int instruction,
                   const char *path, const char *fmt, ...)
{
    if (!err)
        return code;
    ifr__error_clear(err);
    err->code = code;
    err->offset = offset;
    err->instruction = instruction;
    if (path)
        snprintf(err->path, sizeof err->path, "%s", path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    utf8_sanitize(err->path);
    utf8_sanitize(err->message);
    return code;
}
