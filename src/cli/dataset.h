/* dataset.h - CLI helpers shared by the commands (main, `lint`, `refine`): file and
 * line reading, flag parsing, the instruction list of a dataset row as written
 * (ids + kwargs), prompts, keys. */
#ifndef IFR_CLI_DATASET_H
#define IFR_CLI_DATASET_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Whole file (or stdin for "-"), NUL-terminated; NULL with errno set on failure. */
char *ds_read_file(const char *path, size_t *len);

/* One line of a buffer: bytes without the '\n' (a '\r' stays), 1-based number. */
typedef struct ds_line {
    const char *s;
    size_t n;
    size_t lineno;
    bool nl; /* the line ended with '\n' */
} ds_line;

bool ds_next_line(const char *buf, size_t len, size_t *pos, ds_line *out);
bool ds_blank(const char *s, size_t n);

/* ast.literal_eval's subset used by open-instruct ground truth, to JSON.
 * NULL on error, with a message in msg. */
json_t *ds_pylit(const char *s, size_t n, char *msg, size_t cap);

/* Where a row keeps its instructions. */
enum { DS_TOP = 1, DS_GROUND_TRUTH = 2, DS_FUNC_NAME = 3 };

typedef struct ds_instr {
    const char *id;  /* borrowed from the parsed row */
    json_t *kwargs;  /* object, or NULL when absent / null (borrowed) */
    size_t entry;    /* ground-truth entry it comes from (0 otherwise) */
} ds_instr;

/* The instructions of one row, in the order ifr_spec_compile numbers them with
 * precise semantics (every ground-truth entry). */
typedef struct ds_spec {
    ds_instr *v;
    size_t n;
    int where;           /* DS_TOP, DS_GROUND_TRUTH, DS_FUNC_NAME */
    size_t entries;      /* ground-truth entries (open-instruct lists) */
    int gt_string;       /* ground truth was a string: 0 no, 1 JSON text, 2 Python literal */
    json_t *gt;          /* the parsed ground truth (owned when gt_string) */
    json_t *owned;       /* array keeping values we created alive */
} ds_spec;

/* 0 on success; -1 with a message when the row has no instruction list we can read. */
int ds_extract(json_t *row, ds_spec *out, char *msg, size_t cap);
void ds_spec_free(ds_spec *s);

/* The prompt text: "prompt", else the last user message of "messages"; NULL if none. */
json_t *ds_prompt(json_t *row);

/* The row's key as text (strings as is, integers in decimal); false if absent. */
bool ds_key_text(json_t *v, char *buf, size_t cap);

/* IFR_SUITE_* for a name, -1 if unknown. */
int ds_suite_code(const char *s);

/* --flag value / --flag=value; NULL if argv[*i] is not that flag. Sets *missing
 * when the value is absent. */
const char *ds_flag_value(int argc, char **argv, int *i, const char *name, bool *missing);

/* The common end of an argument loop, for an argument no command flag took: a value
 * flag without its value (missing), --help/-h (prints help to stdout), an unknown
 * flag, or the one input file (stored in *input). -1 to go on, else the exit status;
 * messages start with prog. */
int ds_other_arg(const char *prog, const char *arg, bool missing, const char *help,
                 const char **input);

#endif
