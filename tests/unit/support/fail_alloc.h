/* fail_alloc.h - an ifr_allocator that fails after a budget of allocations, and
 * big repeated texts, for the out-of-memory tests. */
#ifndef IFR_TEST_FAIL_ALLOC_H
#define IFR_TEST_FAIL_ALLOC_H

#include <stddef.h>

#include "ifreward.h"

typedef struct fa_budget {
    int left; /* allocations (malloc or realloc) that still succeed */
} fa_budget;

/* malloc/realloc/free that return NULL once b->left successful calls are used. */
ifr_allocator fa_allocator(fa_budget *b);

/* `unit` repeated `reps` times, NUL-terminated, malloc'd (asserted); *len = bytes. */
char *fa_repeat(const char *unit, size_t reps, size_t *len);

#endif /* IFR_TEST_FAIL_ALLOC_H */
