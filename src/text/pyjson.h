/*
 * pyjson.h - "would Python 3.11's json.loads(s) accept this str?"
 *
 * IFEval's detectable_format:json_format passes a response iff json.loads()
 * does not raise ValueError, so the port needs exactly CPython's acceptance,
 * not RFC 8259's. With default settings CPython (Modules/_json.c, strict=True):
 *
 *   - accepts any value at top level (42, "s", null), NaN, Infinity,
 *     -Infinity, and duplicate object keys;
 *   - JSON whitespace is only ' ', '\t', '\n', '\r' (a leading/trailing NBSP,
 *     form feed or BOM is an error; json.loads rejects a leading U+FEFF
 *     explicitly);
 *   - strings: raw code points <= U+001F are errors, everything else
 *     (U+007F, lone surrogates, noncharacters) is allowed; escapes are
 *     \" \\ \/ \b \f \n \r \t and \u followed by 4 ASCII hex digits (lone
 *     surrogates included);
 *   - numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? with ASCII
 *     digits, and an integer (no fraction, no exponent) of more than 4300
 *     digits raises ValueError (sys.get_int_max_str_digits() default);
 *   - nesting deeper than the interpreter's recursion limit raises
 *     RecursionError in CPython (the reference crashes). This validator is
 *     iterative, so any depth is fine and gets the grammar's answer.
 *
 * The error position and message mirror JSONDecodeError's (pos is a code
 * point index into s), which lets the checker say why a response failed.
 */
#ifndef IFR_TEXT_PYJSON_H
#define IFR_TEXT_PYJSON_H

#include "../ifreward_internal.h"

/* Python's int max str digits default (sys.get_int_max_str_digits()). */
#define IFR__PYJSON_MAX_INT_DIGITS 4300

typedef struct ifr__pyjson_error {
    size_t pos;        /* code point index of the error (JSONDecodeError.pos) */
    const char *msg;   /* Python's message, e.g. "Expecting value" (static) */
} ifr__pyjson_error;

/*
 * Validate s[0..n) as json.loads would. Sets *ok; on rejection fills *err
 * (may be NULL). Scratch for deep nesting comes from `ar` (may be NULL, then
 * nesting beyond 4096 levels returns IFR_E_NOMEM). Returns IFR_OK or
 * IFR_E_NOMEM.
 */
int ifr__pyjson_validate(const uint32_t *s, size_t n, ifr__arena *ar, bool *ok,
                         ifr__pyjson_error *err);

#endif /* IFR_TEXT_PYJSON_H */
