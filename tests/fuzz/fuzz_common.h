/*
 * fuzz_common.h - helpers shared by the libFuzzer targets in tests/fuzz/.
 *
 * The targets use the public API (plus jansson, which the library links, as
 * an oracle). A violated property aborts, which libFuzzer and the corpus
 * driver (driver.c) report as a crash with the input saved.
 */
#ifndef IFR_FUZZ_COMMON_H
#define IFR_FUZZ_COMMON_H

#include "ifreward.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                            \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                         \
            abort();                                                                \
        }                                                                           \
    } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An ifr_error after a failed call: code set, strings terminated, offset sane. */
static inline void fuzz_check_error(const ifr_error *err, int rc, size_t input_len)
{
    FUZZ_CHECK(err->code == rc);
    FUZZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
    FUZZ_CHECK(memchr(err->path, '\0', sizeof err->path) != NULL);
    FUZZ_CHECK(err->message[0] != '\0');
    FUZZ_CHECK(err->offset == (size_t)-1 || err->offset <= input_len);
    FUZZ_CHECK(ifr_strerror(rc) != NULL);
}

/* Read a whole file (NULL if it cannot be read). */
static inline char *fuzz_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (!buf)
            break;
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, 2 * cap + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

#endif /* IFR_FUZZ_COMMON_H */
