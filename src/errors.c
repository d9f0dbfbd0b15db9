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
    return code;
}
