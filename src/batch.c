/*
 * batch.c - score N (spec, text) pairs on T threads. Each worker owns one
 * ifr_result (its scratch is reused across items, so the hot path does not
 * allocate); items are handed out by an atomic counter, and every output
 * depends only on its own item, so results do not depend on T.
 */
#include "spec_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

typedef struct batch {
    const ifr_spec *const *specs;
    const char *const *texts;
    const size_t *lens;
    size_t n;
    unsigned flags;
    int aggregate;
    const ifr_options *opts;
    double *rewards;
    int *codes;
    unsigned char *all;
    atomic_size_t next;
    atomic_int failed; /* a worker could not even start (no memory) */
} batch;

static void run_items(batch *b, ifr_result *res)
{
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            return;
        /* the batch returns no details: never format them */
        int rc = b->specs[i] ? ifr_check(res, b->specs[i], b->texts[i], b->lens ? b->lens[i] : 0,
                                         b->flags | IFR_CHECK_NO_DETAILS, NULL)
                             : IFR_E_INVALID;
        b->rewards[i] = rc == IFR_OK ? ifr_result_reward(res, b->aggregate) : 0.0;
        if (b->codes)
            b->codes[i] = rc;
        if (b->all)
            b->all[i] = rc == IFR_OK && ifr_result_all_followed(res);
        if (b->flags & IFR_CHECK_BOTH) { /* loose in the second half */
            const ifr_result *lz = rc == IFR_OK ? ifr_result_loose(res) : NULL;
            b->rewards[b->n + i] = lz ? ifr_result_reward(lz, b->aggregate) : 0.0;
            if (b->all)
                b->all[b->n + i] = lz && ifr_result_all_followed(lz);
        }
    }
}

static void *worker(void *arg)
{
    batch *b = arg;
    ifr_result *res = NULL;
    if (ifr_result_new(&res, b->opts) != IFR_OK) {
        atomic_store(&b->failed, 1);
        return NULL;
    }
    run_items(b, res);
    ifr_result_free(res);
    return NULL;
}

IFR_API int ifr_check_batch(const ifr_spec *const *specs, const char *const *texts,
                            const size_t *lens, size_t n, unsigned flags, int aggregate,
                            unsigned threads, const ifr_options *opts, double *rewards,
                            int *codes, unsigned char *all_followed)
{
    if (n == 0)
        return IFR_OK;
    if (!specs || !texts || !rewards)
        return IFR_E_INVALID;
    if (threads == 0) {
        long nc = sysconf(_SC_NPROCESSORS_ONLN);
        threads = nc > 0 ? (unsigned)nc : 1;
    }
    if (threads > 256)
        threads = 256;
    if ((size_t)threads > n)
        threads = (unsigned)n;
    batch b = {.specs = specs, .texts = texts, .lens = lens, .n = n, .flags = flags,
               .aggregate = aggregate, .opts = opts, .rewards = rewards, .codes = codes,
               .all = all_followed};
    atomic_init(&b.next, 0);
    atomic_init(&b.failed, 0);
    pthread_t tid[256];
    unsigned started = 0;
    for (unsigned t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, worker, &b) != 0)
            break; /* fewer threads is still correct */
        started++;
    }
    /* the calling thread works too */
    ifr_result *res = NULL;
    int rc = ifr_result_new(&res, opts);
    if (rc == IFR_OK) {
        run_items(&b, res);
        ifr_result_free(res);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    /* if no thread could make a result, items may be left: report it */
    if (atomic_load(&b.next) < n)
        return IFR_E_NOMEM;
    return IFR_OK;
}
