/* alloc.c - allocator hooks and the arena used for per-check scratch. */
#include "ifreward_internal.h"

#include <stdlib.h>
#include <string.h>

static void *libc_malloc(size_t n, void *user)
{
    (void)user;
    return malloc(n);
}
static void *libc_realloc(void *p, size_t n, void *user)
{
    (void)user;
    return realloc(p, n);
}
static void libc_free(void *p, void *user)
{
    (void)user;
    free(p);
}

void ifr__alloc_default(ifr_allocator *a)
{
    a->malloc_fn = libc_malloc;
    a->realloc_fn = libc_realloc;
    a->free_fn = libc_free;
    a->user = NULL;
}

void *ifr__malloc(const ifr_allocator *a, size_t n)
{
    return a->malloc_fn(n ? n : 1, a->user);
}

void *ifr__calloc(const ifr_allocator *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t total = count * size;
    void *p = ifr__malloc(a, total);
    if (p && total)
        memset(p, 0, total);
    return p;
}

void *ifr__realloc(const ifr_allocator *a, void *p, size_t n)
{
    if (a->realloc_fn)
        return a->realloc_fn(p, n ? n : 1, a->user);
    return NULL; /* hooks without realloc: callers must not rely on it */
}

void ifr__free(const ifr_allocator *a, void *p)
{
    if (p)
        a->free_fn(p, a->user);
}

/* MARK: arena ------------------------------------------------------------ */

struct ifr__arena_block {
    ifr__arena_block *next;
    size_t cap;
    size_t used;
    /* data follows, 16-aligned */
};

#define BLOCK_HDR ((sizeof(ifr__arena_block) + 15u) & ~(size_t)15u)
/* Blocks grow geometrically from BLOCK_FIRST to BLOCK_MIN: a compiled spec
 * needs well under a KiB, and a 64 KiB first block made every spec cost 64 KiB
 * of address space (3.4 GB for 54,000 specs). A result reaches 64 KiB blocks
 * on its first check and keeps them, so the hot path is unchanged. */
#define BLOCK_FIRST ((size_t)1024)
#define BLOCK_MIN ((size_t)64 * 1024)

void ifr__arena_init(ifr__arena *ar, const ifr_allocator *alloc)
{
    ar->alloc = alloc;
    ar->head = NULL;
    ar->first = NULL;
}

void *ifr__arena_alloc(ifr__arena *ar, size_t n)
{
    if (n > SIZE_MAX - 15u)
        return NULL; /* rounding up would wrap to a tiny block */
    n = (n + 15u) & ~(size_t)15u;
    if (n == 0)
        n = 16;
    /* try the current block, then the following (kept) ones */
    for (ifr__arena_block *b = ar->head; b; b = b->next) {
        if (b->cap - b->used >= n) {
            void *p = (char *)b + BLOCK_HDR + b->used;
            b->used += n;
            ar->head = b;
            return p;
        }
        if (b->next && b->next->used != 0)
            break; /* only fresh blocks after the current one are reusable */
    }
    size_t grow = ar->head ? (ar->head->cap < BLOCK_MIN / 2 ? 2 * ar->head->cap : BLOCK_MIN)
                           : BLOCK_FIRST;
    if (grow < BLOCK_FIRST)
        grow = BLOCK_FIRST;
    size_t cap = n > grow ? n : grow;
    if (cap > SIZE_MAX - BLOCK_HDR)
        return NULL;
    ifr__arena_block *nb = ifr__malloc(ar->alloc, BLOCK_HDR + cap);
    if (!nb)
        return NULL;
    nb->cap = cap;
    nb->used = n;
    /* insert after head so the kept list stays reachable from first */
    if (!ar->first) {
        nb->next = NULL;
        ar->first = nb;
    } else {
        nb->next = ar->head->next;
        ar->head->next = nb;
    }
    ar->head = nb;
    return (char *)nb + BLOCK_HDR;
}

void *ifr__arena_calloc(ifr__arena *ar, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = ifr__arena_alloc(ar, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *ifr__arena_strndup(ifr__arena *ar, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = ifr__arena_alloc(ar, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ifr__arena_reset(ifr__arena *ar)
{
    for (ifr__arena_block *b = ar->first; b; b = b->next)
        b->used = 0;
    ar->head = ar->first;
}

void ifr__arena_release(ifr__arena *ar)
{
    ifr__arena_block *b = ar->first;
    while (b) {
        ifr__arena_block *next = b->next;
        ifr__free(ar->alloc, b);
        b = next;
    }
    ar->head = ar->first = NULL;
}
