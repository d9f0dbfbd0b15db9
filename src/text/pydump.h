/* pydump.h - write JSON exactly as Python's json.dumps does (library and CLI). */
#ifndef IFR_TEXT_PYDUMP_H
#define IFR_TEXT_PYDUMP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

/* Python repr() of a float ("0.5", "1.0", "1e-05", "0.7634011090573013"). */
void ifr__py_float_repr(double d, char *buf, size_t cap);
/* json.dumps(str, ensure_ascii=True) of UTF-8 s[0..n). */
void ifr__py_dump_string(FILE *f, const char *s, size_t n);
/* json.dumps(value) with the default separators ", " and ": ". */
void ifr__py_dump(FILE *f, json_t *v);

/*
 * Python's json.loads accepts a lone surrogate escape ("\ud83d" without its low
 * half); jansson rejects the whole document. Rewrite each one, in place, to
 * "\ufffd" (same length): the library makes U+FFFD of a lone surrogate anyway
 * and no checker tells the two apart.
 */
void ifr__json_fix_lone_surrogates(char *s, size_t n);

#endif
