/*
 * consumer.c - an outside program built against an installed ifreward
 * (find_package and pkg-config). Scores one response that follows
 * punctuation:no_comma and one that does not, and checks that the library it
 * runs with is the one its header describes. Exit 0 on success.
 */
#include <ifreward.h>

#include <stdio.h>
#include <string.h>

static const char spec_json[] =
    "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}";

static int score(const ifr_spec *spec, ifr_result *res, const char *text, int expect)
{
    ifr_error err;
    int rc = ifr_check(res, spec, text, strlen(text), IFR_CHECK_STRICT, &err);
    if (rc != IFR_OK) {
        fprintf(stderr, "ifr_check: %s (%s)\n", ifr_strerror(rc), err.message);
        return 1;
    }
    double reward = ifr_result_reward(res, IFR_AGGREGATE_ALL);
    printf("%-28s followed=%d reward=%.1f detail=\"%s\"\n", text, ifr_result_followed(res, 0),
           reward, ifr_result_detail(res, 0));
    if (ifr_result_count(res) != 1 || ifr_result_followed(res, 0) != expect ||
        reward != (expect ? 1.0 : 0.0)) {
        fprintf(stderr, "unexpected verdict for \"%s\"\n", text);
        return 1;
    }
    return 0;
}

int main(void)
{
    if (ifr_version_number() != IFR_VERSION_NUMBER ||
        strcmp(ifr_version_string(), IFR_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s but library %s\n", IFR_VERSION_STRING,
                ifr_version_string());
        return 1;
    }
    if (ifr_error_size() != sizeof(ifr_error)) {
        fprintf(stderr, "ifr_error size mismatch\n");
        return 1;
    }

    ifr_spec *spec = NULL;
    ifr_result *res = NULL;
    ifr_error err;
    int rc = ifr_spec_compile(&spec, spec_json, sizeof spec_json - 1, NULL, &err);
    if (rc != IFR_OK) {
        fprintf(stderr, "ifr_spec_compile: %s (%s)\n", ifr_strerror(rc), err.message);
        return 1;
    }
    rc = ifr_result_new(&res, NULL);
    if (rc != IFR_OK) {
        fprintf(stderr, "ifr_result_new: %s\n", ifr_strerror(rc));
        ifr_spec_free(spec);
        return 1;
    }
    int bad = score(spec, res, "No commas here at all.", 1);
    bad |= score(spec, res, "One comma, right here.", 0);
    ifr_result_free(res);
    ifr_spec_free(spec);
    if (!bad)
        printf("consumer: ok (ifreward %s)\n", ifr_version_string());
    return bad;
}
