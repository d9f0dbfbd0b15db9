/* ifb_support.c - helpers for the IFBench checker tests (public API only). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/ifb_support.h"

int ifb_compile(ifr_spec **out, const char *id, const char *kwargs, ifr_error *err)
{
    size_t cap = strlen(id) + strlen(kwargs) + 96;
    char *json = malloc(cap);
    assert_non_null(json);
    int n = snprintf(json, cap,
                     "{\"suite\":\"ifbench\",\"instruction_id_list\":[\"%s\"],\"kwargs\":[%s]}",
                     id, kwargs);
    int rc = ifr_spec_compile(out, json, (size_t)n, NULL, err);
    free(json);
    return rc;
}

static int verdict(ifr_result *res, const ifr_spec *spec, const ifb_case *c, unsigned flags,
                   size_t row)
{
    ifr_error err;
    size_t len = c->len ? c->len : strlen(c->resp);
    int rc = ifr_check(res, spec, c->resp, len, flags, &err);
    if (rc != IFR_OK)
        fail_msg("row %zu (%s, %s): ifr_check failed %d", row, c->id, c->note, rc);
    if (ifr_result_status(res, 0) != IFR_OK)
        fail_msg("row %zu (%s, %s): status %d (%s)", row, c->id, c->note,
                 ifr_result_status(res, 0), ifr_result_detail(res, 0));
    return ifr_result_followed(res, 0);
}

size_t ifb_run(const ifb_case *rows, size_t n)
{
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    for (size_t i = 0; i < n; i++) {
        const ifb_case *c = &rows[i];
        ifr_spec *spec = NULL;
        ifr_error err;
        int rc = ifb_compile(&spec, c->id, c->kwargs, &err);
        if (rc != IFR_OK)
            fail_msg("row %zu (%s, %s): compile failed %d: %s", i, c->id, c->note, rc,
                     err.message);
        int got = verdict(res, spec, c, IFR_CHECK_STRICT, i);
        if (got != c->strict)
            fail_msg("row %zu (%s %s, \"%s\"): strict followed=%d, reference says %d (%s)", i,
                     c->id, c->kwargs, c->note, got, c->strict, ifr_result_detail(res, 0));
        if (c->loose >= 0) {
            got = verdict(res, spec, c, IFR_CHECK_LOOSE, i);
            if (got != c->loose)
                fail_msg("row %zu (%s %s, \"%s\"): loose followed=%d, reference says %d (%s)",
                         i, c->id, c->kwargs, c->note, got, c->loose,
                         ifr_result_detail(res, 0));
        }
        ifr_spec_free(spec);
    }
    ifr_result_free(res);
    return n;
}

int ifb_status(const char *id, const char *kwargs, const char *resp, unsigned flags)
{
    ifr_spec *spec = NULL;
    ifr_result *res = NULL;
    ifr_error err;
    int rc = ifb_compile(&spec, id, kwargs, &err);
    if (rc != IFR_OK)
        fail_msg("%s: compile failed %d: %s", id, rc, err.message);
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    assert_int_equal(ifr_check(res, spec, resp, strlen(resp), flags, &err), IFR_OK);
    int st = ifr_result_status(res, 0);
    if (st != IFR_OK)
        assert_int_equal(ifr_result_followed(res, 0), 0); /* no verdict is never a pass */
    ifr_result_free(res);
    ifr_spec_free(spec);
    return st;
}

void ifb_expect_compile_error(const char *id, const char *kwargs, int code)
{
    ifr_spec *spec = NULL;
    ifr_error err;
    int rc = ifb_compile(&spec, id, kwargs, &err);
    if (rc != code)
        fail_msg("%s %s: compile returned %d, expected %d", id, kwargs, rc, code);
    assert_null(spec);
}
