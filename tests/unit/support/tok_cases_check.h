/* shared by test_punkt.c and test_treebank.c: compare code-point strings
 * with one field of a "\036"-joined expectation */
#ifndef TOK_CASES_CHECK_H
#define TOK_CASES_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "text/pycompat.h"

/* Field i of "\036"-joined s: [*b, *e) byte offsets; false when absent. */
static inline bool rs_field(const char *s, size_t i, size_t *b, size_t *e)
{
    size_t n = strlen(s), pos = 0;
    if (n == 0)
        return false;
    for (size_t k = 0; k < i; k++) {
        const char *p = memchr(s + pos, '\036', n - pos);
        if (!p)
            return false;
        pos = (size_t)(p - s) + 1;
    }
    const char *p = memchr(s + pos, '\036', n - pos);
    *b = pos;
    *e = p ? (size_t)(p - s) : n;
    return true;
}

static inline bool rs_field_eq(const char *s, size_t i, const uint32_t *cp, size_t ncp)
{
    size_t b, e;
    if (!rs_field(s, i, &b, &e))
        return false;
    return ifr__ustr_eq_utf8(cp, ncp, s + b, e - b);
}
#endif
