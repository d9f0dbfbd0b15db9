/* oi_support.h - table runner for the open-instruct suites' hand-written cases
 * (iftrain, tulu3): a ground truth compiled with or without open-instruct
 * preprocessing, one instruction, checked through the public API. */
#ifndef IFR_TEST_OI_SUPPORT_H
#define IFR_TEST_OI_SUPPORT_H

#include <stddef.h>

#include "ifreward.h"

typedef struct oi_case {
    const char *spec;
    const char *resp;
    int mode; /* 0 raw text, 1 open-instruct preprocessing (IFR_PREPROCESS_OPEN_INSTRUCT) */
    int want; /* 1 followed, 0 not followed, IFR_E_UNSUPPORTED: no verdict (reference raises) */
} oi_case;

/* Every row must compile to an instruction of `suite` and give its verdict with a
 * non-empty detail; fails with the row index otherwise. */
void oi_run_cases(const oi_case *cs, size_t n, const char *suite);

#endif /* IFR_TEST_OI_SUPPORT_H */
