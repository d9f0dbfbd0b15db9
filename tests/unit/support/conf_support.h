/* conf_support.h - harness shared by the conformance tests that read
 * $IFR_CONFORMANCE_DIR/<suite>/<file>.jsonl: the data directory, JSONL rows and
 * per-id agreement tallies. */
#ifndef IFR_TEST_CONF_SUPPORT_H
#define IFR_TEST_CONF_SUPPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

/* 0 when $IFR_CONFORMANCE_DIR/<suite>/cases.jsonl can be read; otherwise prints
 * why the <suite> conformance cases are skipped and returns 77 (ctest: skipped). */
int conf_require(const char *suite);

/* $IFR_CONFORMANCE_DIR/<suite>/<name>, opened for reading (asserted). */
FILE *conf_open(const char *suite, const char *name);

/* One JSONL file read row by row; each row is parsed (asserted). */
typedef struct conf_rows {
    FILE *f;
    char *line;
    size_t cap;
} conf_rows;

void conf_rows_open(conf_rows *r, const char *suite, const char *name);
/* The next row (the caller decrefs it), NULL at the end of the file. */
json_t *conf_rows_next(conf_rows *r);
void conf_rows_close(conf_rows *r);

/* The JSON array `list` holds the integer i (a row's "unstable" instruction indexes). */
bool conf_in_list(json_t *list, size_t i);

/* Agreement of one instruction id. */
typedef struct conf_stat {
    char id[64];
    int agree, total, skipped, unimplemented;
} conf_stat;

#define CONF_MAX_IDS 64

typedef struct conf_stats {
    conf_stat v[CONF_MAX_IDS];
    int n;
} conf_stats;

/* The tally of `id`, added (zeroed) on first use. */
conf_stat *conf_stat_for(conf_stats *s, const char *id);

/* One line per id ("  <id padded to width> agree / total" and markers); sums
 * agree and total into *agree and *total. */
void conf_stats_print(const conf_stats *s, int width, int *agree, int *total);

#endif /* IFR_TEST_CONF_SUPPORT_H */
