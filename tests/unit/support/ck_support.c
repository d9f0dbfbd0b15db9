/* ck_support.c - helpers for the checker family tests (public API only). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/ck_support.h"

int ck_compile(ifr_spec **out, const char *id, const char *kwargs, ifr_error *err)
{
    size_t cap = strlen(id) + strlen(kwargs) + 64;
    char *json = malloc(cap);
    assert_non_null(json);
    int n = snprintf(json, cap, "{\"instruction_id_list\":[\"%s\"],\"kwargs\":[%s]}", id, kwargs);
    int rc = ifr_spec_compile(out, json, (size_t)n, NULL, err);
    free(json);
    return rc;
}

size_t ck_run_table(const ck_case *rows, size_t n)
{
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    for (size_t i = 0; i < n; i++) {
        const ck_case *c = &rows[i];
        ifr_spec *spec = NULL;
        ifr_error err;
        int rc = ck_compile(&spec, c->id, c->kwargs, &err);
        if (rc != IFR_OK)
            fail_msg("row %zu (%s, %s): compile failed %d: %s", i, c->id, c->note, rc,
                     err.message);
        rc = ifr_check(res, spec, c->resp, c->len, IFR_CHECK_STRICT, &err);
        if (rc != IFR_OK)
            fail_msg("row %zu (%s, %s): check failed %d", i, c->id, c->note, rc);
        if (ifr_result_status(res, 0) != IFR_OK)
            fail_msg("row %zu (%s, %s): status %d", i, c->id, c->note, ifr_result_status(res, 0));
        int got = ifr_result_followed(res, 0);
        if (got != c->expect)
            fail_msg("row %zu (%s %s, \"%s\"): followed=%d, reference says %d (%s)", i, c->id,
                     c->kwargs, c->note, got, c->expect, ifr_result_detail(res, 0));
        if (ifr_result_detail(res, 0)[0] == '\0')
            fail_msg("row %zu (%s, %s): empty detail", i, c->id, c->note);
        ifr_spec_free(spec);
    }
    ifr_result_free(res);
    return n;
}

int ck_verdict(const char *id, const char *kwargs, const char *resp, size_t len,
               unsigned flags, char *detail, size_t cap)
{
    ifr_spec *spec = NULL;
    ifr_error err;
    int rc = ck_compile(&spec, id, kwargs, &err);
    if (rc != IFR_OK)
        fail_msg("%s %s: compile failed %d: %s", id, kwargs, rc, err.message);
    ifr_result *res = NULL;
    assert_int_equal(ifr_result_new(&res, NULL), IFR_OK);
    assert_int_equal(ifr_check(res, spec, resp, len, flags, &err), IFR_OK);
    assert_int_equal(ifr_result_status(res, 0), IFR_OK);
    int followed = ifr_result_followed(res, 0);
    if (detail && cap) {
        snprintf(detail, cap, "%s", ifr_result_detail(res, 0));
    }
    ifr_result_free(res);
    ifr_spec_free(spec);
    return followed;
}

void ck_expect_detail(const char *id, const char *kwargs, const char *resp, int followed,
                      const char *want)
{
    char detail[512];
    int got = ck_verdict(id, kwargs, resp, strlen(resp), IFR_CHECK_STRICT, detail,
                         sizeof detail);
    if (got != followed)
        fail_msg("%s %s on \"%s\": followed=%d, expected %d (%s)", id, kwargs, resp, got,
                 followed, detail);
    if (!strstr(detail, want))
        fail_msg("%s %s on \"%s\": detail \"%s\" lacks \"%s\"", id, kwargs, resp, detail, want);
}

void ck_expect_error(const char *id, const char *kwargs, int code, const char *path)
{
    ifr_error err;
    memset(&err, 0x5a, sizeof err);
    ifr_spec *spec = (ifr_spec *)&err; /* junk: must come back NULL */
    int rc = ck_compile(&spec, id, kwargs, &err);
    if (rc != code)
        fail_msg("%s %s: got %d (%s), expected %d", id, kwargs, rc,
                 rc ? err.message : "compiled", code);
    assert_null(spec);
    assert_int_equal(err.code, code);
    if (strcmp(err.path, path) != 0)
        fail_msg("%s %s: path \"%s\", expected \"%s\" (%s)", id, kwargs, err.path, path,
                 err.message);
    assert_true(err.message[0] != '\0');
}
