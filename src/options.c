/* options.c - ifr_options: an opaque, enum-keyed set of knobs (zstd style). */
#include "spec_internal.h"

#include <string.h>

typedef struct optinfo {
    int64_t def, min, max;
} optinfo;

static const optinfo info[IFR__NOPTS] = {
    [IFR_OPT_SEMANTICS] = {IFR_SEMANTICS_COMPAT, 0, 1},
    [IFR_OPT_SUITE] = {IFR_SUITE_AUTO, 0, 4},
    [IFR_OPT_PREPROCESS] = {IFR_PREPROCESS_NONE, 0, 1},
    [IFR_OPT_MAX_SPEC_BYTES] = {1 << 20, 2, (int64_t)1 << 30},
    [IFR_OPT_MAX_DEPTH] = {64, 2, 1000},
    [IFR_OPT_MAX_INSTRUCTIONS] = {256, 1, 1 << 20},
    [IFR_OPT_REGEX_MATCH_LIMIT] = {10000000, 1000, 4000000000LL},
    [IFR_OPT_REGEX_DEPTH_LIMIT] = {10000, 100, 4000000000LL},
    [IFR_OPT_GUARDS] = {0, 0, IFR_GUARD_EMPTY | IFR_GUARD_TRUNCATED | IFR_GUARD_REPETITION},
    [IFR_OPT_REPETITION_NGRAM] = {4, 1, 16},
    [IFR_OPT_REPETITION_PERMILLE] = {500, 0, 1000},
    [IFR_OPT_ON_ERROR] = {IFR_ON_ERROR_FAIL, 0, 1},
};

static bool valid_key(int key)
{
    return key > 0 && key < IFR__NOPTS && info[key].max > 0;
}

int64_t ifr__option_default(ifr_option key)
{
    return valid_key((int)key) ? info[key].def : 0;
}

int64_t ifr__opt(const ifr_options *opts, ifr_option key)
{
    if (!valid_key((int)key))
        return 0;
    return opts ? opts->v[key] : info[key].def;
}

void ifr__opts_allocator(const ifr_options *opts, ifr_allocator *out)
{
    if (opts)
        *out = opts->alloc;
    else
        ifr__alloc_default(out);
}

IFR_API int ifr_options_new(ifr_options **out, const ifr_allocator *alloc)
{
    if (!out)
        return IFR_E_INVALID;
    *out = NULL;
    ifr_allocator a;
    if (alloc) {
        if (!alloc->malloc_fn || !alloc->free_fn)
            return IFR_E_INVALID;
        a = *alloc;
    } else {
        ifr__alloc_default(&a);
    }
    ifr_options *o = ifr__malloc(&a, sizeof *o);
    if (!o)
        return IFR_E_NOMEM;
    memset(o, 0, sizeof *o);
    o->alloc = a;
    for (int k = 0; k < IFR__NOPTS; k++)
        o->v[k] = info[k].def;
    *out = o;
    return IFR_OK;
}

IFR_API void ifr_options_free(ifr_options *opts)
{
    if (opts) {
        ifr_allocator a = opts->alloc;
        ifr__free(&a, opts);
    }
}

IFR_API int ifr_options_set(ifr_options *opts, ifr_option key, int64_t value)
{
    if (!opts || !valid_key((int)key))
        return IFR_E_INVALID;
    if (value < info[key].min || value > info[key].max)
        return IFR_E_INVALID;
    opts->v[key] = value;
    return IFR_OK;
}

IFR_API int ifr_options_get(const ifr_options *opts, ifr_option key, int64_t *value)
{
    if (!valid_key((int)key) || !value)
        return IFR_E_INVALID;
    *value = ifr__opt(opts, key);
    return IFR_OK;
}

IFR_API int ifr_version_number(void)
{
    return IFR_VERSION_NUMBER;
}

IFR_API const char *ifr_version_string(void)
{
    return IFR_VERSION_STRING;
}
