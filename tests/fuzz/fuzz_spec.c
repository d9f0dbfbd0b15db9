/*
 * fuzz_spec.c - spec parsing: arbitrary bytes as spec JSON, in every accepted
 * format (the corpus has IFEval rows, open-instruct ground truth as a list, a
 * JSON string and a Python literal, Tulu 3 func_name objects, ground_truth
 * wrappers, suite keys), under several option sets (default, precise, each
 * suite, open-instruct preprocessing, tight limits).
 *
 * Properties: no crash, leak or UB; a failure leaves *out NULL and fills
 * ifr_error consistently with a documented code; compiling twice gives the
 * same outcome and the same error; a compiled spec answers its accessors and
 * scores a few fixed responses in both modes with one verdict per instruction.
 */
#include "fuzz_common.h"

enum { NOPTS = 9 };
static ifr_options *opts[NOPTS]; /* [0] stays NULL: the defaults */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    for (int i = 1; i < NOPTS; i++)
        FUZZ_CHECK(ifr_options_new(&opts[i], NULL) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[1], IFR_OPT_SEMANTICS, IFR_SEMANTICS_PRECISE) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[2], IFR_OPT_SUITE, IFR_SUITE_IFEVAL) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[3], IFR_OPT_SUITE, IFR_SUITE_IFTRAIN) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[4], IFR_OPT_SUITE, IFR_SUITE_IFBENCH) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[5], IFR_OPT_SUITE, IFR_SUITE_TULU3) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[6], IFR_OPT_PREPROCESS, IFR_PREPROCESS_OPEN_INSTRUCT) ==
               IFR_OK);
    /* tight limits reach the IFR_E_LIMIT paths with small inputs */
    FUZZ_CHECK(ifr_options_set(opts[7], IFR_OPT_MAX_SPEC_BYTES, 200) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[7], IFR_OPT_MAX_DEPTH, 3) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[7], IFR_OPT_MAX_INSTRUCTIONS, 2) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[8], IFR_OPT_SEMANTICS, IFR_SEMANTICS_PRECISE) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(opts[8], IFR_OPT_GUARDS,
                               IFR_GUARD_EMPTY | IFR_GUARD_TRUNCATED | IFR_GUARD_REPETITION) ==
               IFR_OK);
    return 0;
}

static int compile_code_ok(int rc)
{
    return rc == IFR_E_JSON || rc == IFR_E_SPEC || rc == IFR_E_UNKNOWN || rc == IFR_E_KWARGS ||
           rc == IFR_E_LIMIT || rc == IFR_E_REGEX;
}

static void score_fixed(const ifr_spec *spec, const ifr_options *o)
{
    static const char *const texts[] = {
        "",
        "Hello world. This is a short answer, with a comma.\n\nSecond paragraph *here*.",
        "P.S. done\n* one\n* two\n<<Title>>\n```json\n{\"a\": [1, 2]}\n```",
    };
    ifr_result *res = NULL;
    FUZZ_CHECK(ifr_result_new(&res, o) == IFR_OK);
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        for (unsigned flags = 0; flags < 4; flags++) {
            ifr_error err;
            int rc = ifr_check(res, spec, texts[t], strlen(texts[t]), flags, &err);
            FUZZ_CHECK(rc == IFR_OK || rc == IFR_E_LIMIT);
            if (rc != IFR_OK) {
                fuzz_check_error(&err, rc, (size_t)-1);
                continue;
            }
            FUZZ_CHECK(ifr_result_count(res) == ifr_spec_count(spec));
            for (size_t i = 0; i < ifr_result_count(res); i++) {
                const char *d = ifr_result_detail(res, i);
                FUZZ_CHECK(d != NULL && fuzz_utf8_valid(d, strlen(d)));
                int f = ifr_result_followed(res, i);
                FUZZ_CHECK(f == 0 || f == 1);
                FUZZ_CHECK(ifr_result_status(res, i) == IFR_OK || f == 0);
            }
            double r = ifr_result_reward(res, IFR_AGGREGATE_FRACTION);
            FUZZ_CHECK(r >= 0.0 && r <= 1.0);
        }
    }
    ifr_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    const ifr_options *o = opts[size % NOPTS];
    ifr_spec *spec = (ifr_spec *)&spec; /* must be overwritten with NULL on failure */
    ifr_error err, err2;
    memset(&err, 0xA5, sizeof err);
    memset(&err2, 0x5A, sizeof err2);

    int rc = ifr_spec_compile(&spec, json, size, o, &err);
    ifr_spec *spec2 = NULL;
    int rc2 = ifr_spec_compile(&spec2, json, size, o, &err2);
    FUZZ_CHECK(rc == rc2);
    if (rc != IFR_OK) {
        FUZZ_CHECK(spec == NULL && spec2 == NULL);
        FUZZ_CHECK(compile_code_ok(rc));
        fuzz_check_error(&err, rc, size);
        FUZZ_CHECK(err.offset == err2.offset && err.instruction == err2.instruction);
        FUZZ_CHECK(strcmp(err.path, err2.path) == 0);
        FUZZ_CHECK(strcmp(err.message, err2.message) == 0);
        return 0;
    }
    FUZZ_CHECK(spec != NULL && spec2 != NULL);
    size_t n = ifr_spec_count(spec);
    FUZZ_CHECK(n == ifr_spec_count(spec2));
    for (size_t i = 0; i < n; i++) {
        const char *id = ifr_spec_id(spec, i);
        FUZZ_CHECK(id != NULL && ifr_spec_suite(spec, i) != NULL);
        FUZZ_CHECK(fuzz_utf8_valid(id, strlen(id)));
        FUZZ_CHECK(strcmp(id, ifr_spec_id(spec2, i)) == 0);
    }
    FUZZ_CHECK(ifr_spec_id(spec, n) == NULL);
    ifr_spec_free(spec2);
    score_fixed(spec, o);
    ifr_spec_free(spec);
    return 0;
}
