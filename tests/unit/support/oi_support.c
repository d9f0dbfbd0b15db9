/* oi_support.c - table runner for the open-instruct suites' cases (see oi_support.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "support/oi_support.h"

void oi_run_cases(const oi_case *cs, size_t n, const char *suite)
{
    for (size_t k = 0; k < n; k++) {
        const oi_case *c = &cs[k];
        ifr_options *opts = NULL;
        assert_int_equal(ifr_options_new(&opts, NULL), IFR_OK);
        assert_int_equal(ifr_options_set(opts, IFR_OPT_PREPROCESS,
                                         c->mode ? IFR_PREPROCESS_OPEN_INSTRUCT
                                                 : IFR_PREPROCESS_NONE),
                         IFR_OK);
        ifr_spec *spec = NULL;
        ifr_error err;
        memset(&err, 0x5a, sizeof err);
        int rc = ifr_spec_compile(&spec, c->spec, strlen(c->spec), opts, &err);
        if (rc != IFR_OK)
            fail_msg("case %zu: compile %d: %s (%s)", k, rc, err.message, c->spec);
        assert_string_equal(ifr_spec_suite(spec, 0), suite);
        ifr_result *res = NULL;
        assert_int_equal(ifr_result_new(&res, opts), IFR_OK);
        assert_int_equal(ifr_check(res, spec, c->resp, strlen(c->resp), 0, &err), IFR_OK);
        int status = ifr_result_status(res, 0);
        int followed = ifr_result_followed(res, 0);
        const char *detail = ifr_result_detail(res, 0);
        if (c->want == IFR_E_UNSUPPORTED) {
            if (status != IFR_E_UNSUPPORTED || followed)
                fail_msg("case %zu: want IFR_E_UNSUPPORTEDPORTED, got status %d followed %d (%s)", k,
                         status, followed, c->spec);
        } else if (status != IFR_OK || followed != c->want) {
            fail_msg("case %zu: want %d, got status %d followed %d [%s] (%s | %s)", k, c->want,
                     status, followed, detail, c->spec, c->resp);
        }
        assert_true(detail[0] != '\0');
        ifr_result_free(res);
        ifr_spec_free(spec);
        ifr_options_free(opts);
    }
}
