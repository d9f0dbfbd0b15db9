/* ck_support.h - helpers for the checker family tests (public API only). */
#ifndef IFR_TEST_CK_SUPPORT_H
#define IFR_TEST_CK_SUPPORT_H

#include <stddef.h>

#include "ifreward.h"

/* One table row: a single-instruction spec, a response and the verdict the
 * reference gives in strict mode (blank gate included). */
typedef struct ck_case {
    const char *id;
    const char *kwargs; /* JSON object */
    const char *resp;
    size_t len;         /* bytes (responses may contain NUL) */
    int expect;
    const char *note;   /* what the case probes */
} ck_case;

/* Compile {"instruction_id_list":[id],"kwargs":[kwargs]}. */
int ck_compile(ifr_spec **out, const char *id, const char *kwargs, ifr_error *err);

/* Check every row (strict), failing with the row index and note on a mismatch.
 * Returns the number of rows checked. */
size_t ck_run_table(const ck_case *rows, size_t n);

/* Check one response; returns followed (0/1) and copies the detail. */
int ck_verdict(const char *id, const char *kwargs, const char *resp, size_t len,
               unsigned flags, char *detail, size_t cap);

/* The detail must contain `want` and the verdict must be `followed`. */
void ck_expect_detail(const char *id, const char *kwargs, const char *resp, int followed,
                      const char *want);

/* Compiling must fail with `code` and exactly `path` (junk-filled ifr_error first). */
void ck_expect_error(const char *id, const char *kwargs, int code, const char *path);

#endif /* IFR_TEST_CK_SUPPORT_H */
