/*
 * batch.c - score many (spec, response) pairs on all cores with ifr_check_batch
 * and show that the results do not depend on the thread count.
 *
 * Uses only the public header. Exit status 0 when both runs agree.
 */
#include <ifreward.h>

#include <stdio.h>
#include <string.h>

#define NSPECS 2
#define NITEMS 8

static const char *const spec_json[NSPECS] = {
    "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}",
    "{\"instruction_id_list\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
    " \"kwargs\": [{}, {\"relation\": \"less than\", \"num_words\": 6}]}",
};

static const char *const responses[NITEMS] = {
    "Short and clean.",
    "Short, but with a comma.",
    "Five words and no comma.",
    "This one has far too many words for the limit.",
    "",
    "A,B,C",
    "Words words words words words words words.",
    "Just fine",
};

int main(void)
{
    ifr_spec *specs[NSPECS] = {NULL};
    const ifr_spec *item_spec[NITEMS];
    size_t lens[NITEMS];
    double reward1[NITEMS], rewardN[NITEMS];
    int codes1[NITEMS], codesN[NITEMS];
    unsigned char all1[NITEMS], allN[NITEMS];
    ifr_error err;
    int rc = IFR_OK, status = 0;

    for (size_t s = 0; s < NSPECS; s++) {
        rc = ifr_spec_compile(&specs[s], spec_json[s], strlen(spec_json[s]), NULL, &err);
        if (rc != IFR_OK) {
            fprintf(stderr, "spec %zu: %s: %s\n", s, ifr_strerror(rc), err.message);
            status = 1;
            goto out;
        }
    }
    /* Items may share specs: a compiled spec is read-only during scoring. */
    for (size_t i = 0; i < NITEMS; i++) {
        item_spec[i] = specs[i % NSPECS];
        lens[i] = strlen(responses[i]);
    }

    /* One thread, then all cores (threads = 0). */
    rc = ifr_check_batch(item_spec, responses, lens, NITEMS, IFR_CHECK_LOOSE,
                         IFR_AGGREGATE_FRACTION, 1, NULL, reward1, codes1, all1);
    if (rc == IFR_OK)
        rc = ifr_check_batch(item_spec, responses, lens, NITEMS, IFR_CHECK_LOOSE,
                             IFR_AGGREGATE_FRACTION, 0, NULL, rewardN, codesN, allN);
    if (rc != IFR_OK) {
        fprintf(stderr, "ifr_check_batch: %s\n", ifr_strerror(rc));
        status = 1;
        goto out;
    }

    printf("%-4s %-5s %-6s %-4s %s\n", "item", "spec", "reward", "all", "response");
    for (size_t i = 0; i < NITEMS; i++) {
        printf("%-4zu %-5zu %-6.3f %-4d \"%s\"%s\n", i, i % NSPECS, rewardN[i], allN[i],
               responses[i], codesN[i] == IFR_OK ? "" : " (error)");
        if (reward1[i] != rewardN[i] || codes1[i] != codesN[i] || all1[i] != allN[i]) {
            fprintf(stderr, "item %zu differs between 1 thread and all cores\n", i);
            status = 1;
        }
    }
    if (!status)
        printf("1 thread and all cores agree on %d items\n", NITEMS);

out:
    for (size_t s = 0; s < NSPECS; s++)
        ifr_spec_free(specs[s]);
    return status;
}
