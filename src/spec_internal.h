/* spec_internal.h - the layout of compiled specs and options (shared by spec.c and api.c). */
#ifndef IFR_SPEC_INTERNAL_H
#define IFR_SPEC_INTERNAL_H

#include "ifreward_internal.h"

#define IFR__NOPTS 16

struct ifr_options {
    ifr_allocator alloc;
    int64_t v[IFR__NOPTS]; /* indexed by ifr_option */
};

/* Defaults and bounds of every option (options.c). */
int64_t ifr__option_default(ifr_option key);
/* The options in force: `opts` or the defaults when NULL. */
int64_t ifr__opt(const ifr_options *opts, ifr_option key);
void ifr__opts_allocator(const ifr_options *opts, ifr_allocator *out);

typedef struct ifr__instr {
    const ifr__checker *ck;  /* NULL when the instruction failed to compile (MARK) */
    const void *args;
    const char *id;          /* as written in the spec (owned by the spec arena) */
    int suite;               /* IFR_SUITE_* it resolved to (or was asked for) */
    ifr_error *error;        /* compile error (MARK mode), else NULL */
} ifr__instr;

typedef struct ifr__rxnode {
    ifr__regex *rx;
    struct ifr__rxnode *next;
} ifr__rxnode;

struct ifr_spec {
    ifr_allocator alloc;
    ifr__arena arena;        /* args, ids, errors */
    size_t n;
    ifr__instr *ins;
    int semantics;           /* IFR_SEMANTICS_* */
    int preprocess;          /* IFR_PREPROCESS_* */
    ifr__rxnode *regexes;    /* owned, freed with the spec */
};

#endif
