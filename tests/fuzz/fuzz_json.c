/*
 * fuzz_json.c - the JSON-validity checker (detectable_format:json_format).
 *
 * The response is the input as is, and the input wrapped in a ```json fence.
 * Besides robustness (no crash, UB, leak, hang) it checks one direction of
 * agreement with the reference, which does
 *     json.loads(value.strip().removeprefix("```json")...removesuffix("```").strip())
 * with Python's json module: whatever jansson accepts as strict RFC 8259 JSON
 * (any top-level value, \u0000 allowed), without a backtick or a raw NUL, nested no
 * deeper than Python's recursion limit allows, Python accepts too, so the
 * checker must say "followed" for it, bare and fenced, in compat semantics
 * (precise semantics are only checked for robustness and determinism).
 * (The other direction does not hold: Python also takes NaN, Infinity, lone
 * surrogate escapes, huge numbers and Unicode whitespace around the value.)
 */
#include "fuzz_common.h"

#include <jansson.h>

static ifr_spec *spec_compat, *spec_precise;
static ifr_result *res;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static const char js[] =
        "{\"instruction_id_list\": [\"detectable_format:json_format\"], \"kwargs\": [{}]}";
    ifr_options *precise = NULL;
    FUZZ_CHECK(ifr_options_new(&precise, NULL) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(precise, IFR_OPT_SEMANTICS, IFR_SEMANTICS_PRECISE) == IFR_OK);
    FUZZ_CHECK(ifr_spec_compile(&spec_compat, js, sizeof js - 1, NULL, NULL) == IFR_OK);
    FUZZ_CHECK(ifr_spec_compile(&spec_precise, js, sizeof js - 1, precise, NULL) == IFR_OK);
    ifr_options_free(precise);
    FUZZ_CHECK(ifr_result_new(&res, NULL) == IFR_OK);
    return 0;
}

static size_t depth(const json_t *v)
{
    size_t d = 0;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            size_t c = depth(json_array_get(v, i));
            d = c > d ? c : d;
        }
        return d + 1;
    }
    if (json_is_object(v)) {
        const char *k;
        const json_t *x;
        json_object_foreach((json_t *)v, k, x) {
            size_t c = depth(x);
            d = c > d ? c : d;
        }
        return d + 1;
    }
    return 0;
}

static int verdict(const ifr_spec *spec, const char *text, size_t len, unsigned flags)
{
    int rc = ifr_check(res, spec, text, len, flags, NULL);
    FUZZ_CHECK(rc == IFR_OK || rc == IFR_E_LIMIT);
    if (rc != IFR_OK)
        return -1;
    FUZZ_CHECK(ifr_result_count(res) == 1);
    FUZZ_CHECK(ifr_result_detail(res, 0) != NULL);
    int st = ifr_result_status(res, 0);
    int f = ifr_result_followed(res, 0);
    FUZZ_CHECK(st == IFR_OK || f == 0);
    return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    int valid = 0;
    /* jansson stops at a raw NUL byte outside a string ("1\0 " parses as 1);
     * Python reports extra data, so such inputs are outside the oracle */
    if (!memchr(data, '`', size) && !memchr(data, '\0', size)) {
        json_t *doc = json_loadb(text, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
        /* CPython's json recursion guard trips near depth 1000 (RecursionError) */
        valid = doc != NULL && depth(doc) <= 200;
        json_decref(doc);
    }

    char *fenced = malloc(size + 16);
    FUZZ_CHECK(fenced != NULL);
    memcpy(fenced, "```json\n", 8);
    memcpy(fenced + 8, data, size);
    memcpy(fenced + 8 + size, "\n```", 4);
    size_t flen = size + 12;

    const ifr_spec *specs[2] = {spec_compat, spec_precise};
    for (int s = 0; s < 2; s++) {
        for (unsigned flags = 0; flags < 2; flags++) {
            int bare = verdict(specs[s], text, size, flags);
            int wrapped = verdict(specs[s], fenced, flen, flags);
            if (valid && s == 0) { /* the oracle is the compat reference */
                if (bare == 0 || wrapped == 0)
                    fprintf(stderr, "valid JSON rejected (spec %d, flags %u): bare %d fenced %d\n",
                            s, flags, bare, wrapped);
                FUZZ_CHECK(bare != 0 && wrapped != 0);
            }
            /* determinism */
            FUZZ_CHECK(verdict(specs[s], text, size, flags) == bare);
        }
    }
    free(fenced);
    return 0;
}
