/* fail_alloc.c - a failing allocator for the out-of-memory tests (see fail_alloc.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "support/fail_alloc.h"

static void *fa_malloc(size_t n, void *u)
{
    fa_budget *b = u;
    if (b->left-- <= 0)
        return NULL;
    return malloc(n);
}

static void *fa_realloc(void *p, size_t n, void *u)
{
    fa_budget *b = u;
    if (b->left-- <= 0)
        return NULL;
    return realloc(p, n);
}

static void fa_free(void *p, void *u)
{
    (void)u;
    free(p);
}

ifr_allocator fa_allocator(fa_budget *b)
{
    ifr_allocator al = {fa_malloc, fa_realloc, fa_free, b};
    return al;
}

char *fa_repeat(const char *unit, size_t reps, size_t *len)
{
    size_t ul = strlen(unit);
    char *big = malloc(reps * ul + 1);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * ul, unit, ul);
    big[reps * ul] = 0;
    *len = reps * ul;
    return big;
}
