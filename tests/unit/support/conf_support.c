/* conf_support.c - harness shared by the conformance tests (see conf_support.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "support/conf_support.h"

static FILE *open_in(const char *dir, const char *suite, const char *name)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s/%s", dir, suite, name);
    return fopen(path, "r");
}

int conf_require(const char *suite)
{
    const char *d = getenv("IFR_CONFORMANCE_DIR");
    if (!d || !*d) {
        printf("IFR_CONFORMANCE_DIR is not set: skipping the %s conformance cases\n", suite);
        return 77;
    }
    FILE *f = open_in(d, suite, "cases.jsonl");
    if (!f) {
        printf("%s/%s/cases.jsonl is absent: skipping the %s conformance cases\n", d, suite,
               suite);
        return 77;
    }
    fclose(f);
    return 0;
}

FILE *conf_open(const char *suite, const char *name)
{
    const char *d = getenv("IFR_CONFORMANCE_DIR");
    assert_non_null(d);
    FILE *f = open_in(d, suite, name);
    assert_non_null(f);
    return f;
}

void conf_rows_open(conf_rows *r, const char *suite, const char *name)
{
    r->f = conf_open(suite, name);
    r->line = NULL;
    r->cap = 0;
}

json_t *conf_rows_next(conf_rows *r)
{
    if (getline(&r->line, &r->cap, r->f) <= 0)
        return NULL;
    json_error_t je;
    json_t *row = json_loads(r->line, 0, &je);
    assert_non_null(row);
    return row;
}

void conf_rows_close(conf_rows *r)
{
    free(r->line);
    r->line = NULL;
    fclose(r->f);
    r->f = NULL;
}

bool conf_in_list(json_t *list, size_t i)
{
    size_t k;
    json_t *v;
    json_array_foreach(list, k, v)
    {
        if (json_is_integer(v) && (size_t)json_integer_value(v) == i)
            return true;
    }
    return false;
}

conf_stat *conf_stat_for(conf_stats *s, const char *id)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].id, id))
            return &s->v[i];
    assert_true(s->n < CONF_MAX_IDS);
    conf_stat *st = &s->v[s->n++];
    memset(st, 0, sizeof *st);
    snprintf(st->id, sizeof st->id, "%s", id);
    return st;
}

void conf_stats_print(const conf_stats *s, int width, int *agree, int *total)
{
    for (int i = 0; i < s->n; i++) {
        const conf_stat *st = &s->v[i];
        print_message("  %-*s %4d / %-4d%s%s\n", width, st->id, st->agree, st->total,
                      st->skipped ? "  (unstable skipped)" : "",
                      st->unimplemented ? "  UNIMPLEMENTED" : "");
        *agree += st->agree;
        *total += st->total;
    }
}
