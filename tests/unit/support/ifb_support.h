/* ifb_support.h - helpers for the IFBench checker tests (public API only). */
#ifndef IFR_TEST_IFB_SUPPORT_H
#define IFR_TEST_IFB_SUPPORT_H

#include <stddef.h>

#include "ifreward.h"

/* One hand-written case: a single IFBench instruction, a response, the verdict. */
typedef struct ifb_case {
    const char *id;
    const char *kwargs; /* JSON object, "{}" for none */
    const char *resp;   /* NUL-terminated unless len is set */
    int strict;         /* expected strict verdict */
    int loose;          /* expected loose verdict, or -1 = not asserted */
    const char *note;   /* what the case probes */
    size_t len;         /* 0: strlen(resp) */
} ifb_case;

/* Compile {"suite":"ifbench","instruction_id_list":[id],"kwargs":[kwargs]}. */
int ifb_compile(ifr_spec **out, const char *id, const char *kwargs, ifr_error *err);

/* Run every case (strict, and loose when asserted); fails with the row and note. */
size_t ifb_run(const ifb_case *rows, size_t n);

/* Status of instruction 0 (IFR_OK or the no-verdict code) for one response. */
int ifb_status(const char *id, const char *kwargs, const char *resp, unsigned flags);

/* Compiling must fail with `code`. */
void ifb_expect_compile_error(const char *id, const char *kwargs, int code);

#endif /* IFR_TEST_IFB_SUPPORT_H */
