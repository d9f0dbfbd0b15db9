/*
 * score_one.c - compile one spec, score one response, print every verdict.
 *
 *     score_one [SPEC_JSON [RESPONSE]]
 *
 * Without arguments it scores a built-in response against a built-in IFEval
 * spec. Uses only the public header. Exit status: 0 when scoring worked (whatever
 * the verdict), 1 on an error.
 */
#include <ifreward.h>

#include <stdio.h>
#include <string.h>

static const char default_spec[] =
    "{\"instruction_id_list\": [\"punctuation:no_comma\", \"length_constraints:number_words\"],"
    " \"kwargs\": [{}, {\"relation\": \"at least\", \"num_words\": 8}]}";

static const char default_response[] =
    "Rewards should be exact and fast.\n"
    "This answer has no comma and just enough words.";

int main(int argc, char **argv)
{
    const char *spec_json = argc > 1 ? argv[1] : default_spec;
    const char *response = argc > 2 ? argv[2] : default_response;
    ifr_spec *spec = NULL;
    ifr_result *res = NULL;
    ifr_error err;
    int rc;

    /* Compile once: the spec is immutable and could be shared by many threads. */
    rc = ifr_spec_compile(&spec, spec_json, strlen(spec_json), NULL, &err);
    if (rc != IFR_OK) {
        fprintf(stderr, "spec error %d (%s) at offset %zu, path \"%s\": %s\n", rc,
                ifr_strerror(rc), err.offset, err.path, err.message);
        return 1;
    }
    /* One result per thread; reusing it keeps the hot path free of malloc. */
    rc = ifr_result_new(&res, NULL);
    if (rc != IFR_OK) {
        fprintf(stderr, "ifr_result_new: %s\n", ifr_strerror(rc));
        ifr_spec_free(spec);
        return 1;
    }

    static const struct {
        const char *name;
        unsigned flags;
    } modes[] = {{"strict", IFR_CHECK_STRICT}, {"loose", IFR_CHECK_LOOSE}};
    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        rc = ifr_check(res, spec, response, strlen(response), modes[m].flags, &err);
        if (rc != IFR_OK) {
            fprintf(stderr, "ifr_check: %s: %s\n", ifr_strerror(rc), err.message);
            break;
        }
        printf("%s: reward %.3f (all) %.3f (fraction)\n", modes[m].name,
               ifr_result_reward(res, IFR_AGGREGATE_ALL),
               ifr_result_reward(res, IFR_AGGREGATE_FRACTION));
        for (size_t i = 0; i < ifr_result_count(res); i++) {
            int status = ifr_result_status(res, i);
            printf("  %-36s %-8s %s\n", ifr_spec_id(spec, i),
                   status != IFR_OK              ? "no-verdict"
                   : ifr_result_followed(res, i) ? "followed"
                                                 : "failed",
                   ifr_result_detail(res, i));
        }
    }

    if (rc == IFR_OK) {
        char *json = NULL;
        size_t len = 0;
        rc = ifr_result_json(res, IFR_AGGREGATE_FRACTION, &json, &len);
        if (rc == IFR_OK)
            printf("json: %.*s\n", (int)len, json);
        ifr_free(json); /* library buffers go back through ifr_free */
    }

    ifr_result_free(res);
    ifr_spec_free(spec);
    return rc == IFR_OK ? 0 : 1;
}
