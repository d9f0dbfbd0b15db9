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

/* 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
static inline int fuzz_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                                   : c >= 0xF0 && c <= 0xF4                  ? 3
                                                                             : 9;
        if (need == 9 || i + need >= n + (need == 0))
            return need == 0;
        unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (need && (p[i + 1] < lo || p[i + 1] > hi))
            return 0;
        for (size_t k = 2; k <= need; k++)
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
        i += need + 1;
    }
    return 1;
}

/* An ifr_error after a failed call: code set, strings terminated, offset sane. */
static inline void fuzz_check_error(const ifr_error *err, int rc, size_t input_len)
{
    FUZZ_CHECK(err->code == rc);
    FUZZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
    FUZZ_CHECK(memchr(err->path, '\0', sizeof err->path) != NULL);
    FUZZ_CHECK(err->message[0] != '\0');
    FUZZ_CHECK(fuzz_utf8_valid(err->message, strlen(err->message)));
    FUZZ_CHECK(fuzz_utf8_valid(err->path, strlen(err->path)));
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
