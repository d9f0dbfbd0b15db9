/* pyjson.h - CLI helpers: write JSON exactly as Python's json.dumps does. */
#ifndef IFR_CLI_PYJSON_H
#define IFR_CLI_PYJSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

/* Python repr() of a float ("0.5", "1.0", "1e-05", "0.7634011090573013"). */
void py_float_repr(double d, char *buf, size_t cap);
/* json.dumps(str, ensure_ascii=True) of UTF-8 s[0..n). */
void py_dump_string(FILE *f, const char *s, size_t n);
/* json.dumps(value) with the default separators ", " and ": ". */
void py_dump(FILE *f, json_t *v);

#endif
