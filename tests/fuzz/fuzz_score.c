/*
 * fuzz_score.c - scoring arbitrary bytes against real specs, strict and loose.
 *
 * The specs come from tests/fuzz/specs.jsonl (written by us: every IFEval id
 * and a few multi-instruction specs) plus, when IFR_CONFORMANCE_DIR is set,
 * the specs of the conformance sets (IFEval input_data, IFTrain, IFBench and
 * Tulu 3 cases; a few per instruction id). The first two input bytes choose
 * the spec and its semantics (compat or precise), the rest is the response.
 *
 * Properties: no crash, leak, UB or hang; ifr_check returns IFR_OK (or
 * IFR_E_LIMIT); one verdict per instruction, followed in {0,1}, no verdict
 * means not followed; strict followed implies loose followed; rewards in
 * range and consistent with all_followed; ifr_result_json is valid JSON that
 * agrees with the accessors; scoring again on the reused result (after a
 * different check) gives the same verdicts and details.
 */
#include "fuzz_common.h"

#include <jansson.h>

#ifndef IFR_FUZZ_SPECS_FILE
#  define IFR_FUZZ_SPECS_FILE "tests/fuzz/specs.jsonl"
#endif

enum { MAX_SPECS = 2048, PER_ID = 4, MAX_INSTR = 64, DETAIL_MAX = 512 };

/* specs[i][0] compiled with compat semantics, specs[i][1] with precise */
static ifr_spec *specs[MAX_SPECS][2];
static size_t nspecs;
static ifr_options *precise;
static ifr_result *res;

static void add_spec(const char *json, size_t len)
{
    if (nspecs >= MAX_SPECS)
        return;
    ifr_spec *c = NULL, *p = NULL;
    if (ifr_spec_compile(&c, json, len, NULL, NULL) == IFR_OK &&
        ifr_spec_compile(&p, json, len, precise, NULL) == IFR_OK &&
        ifr_spec_count(c) <= MAX_INSTR) {
        specs[nspecs][0] = c;
        specs[nspecs][1] = p;
        nspecs++;
    } else {
        ifr_spec_free(c);
        ifr_spec_free(p);
    }
}

/* One conformance row -> a spec (instruction_id_list + kwargs, or the Tulu 3 ground truth). */
static void add_row(json_t *row, const char *suite, json_t *seen)
{
    json_t *ids = json_object_get(row, "instruction_id_list");
    json_t *gt = json_object_get(row, "ground_truth");
    json_t *spec = NULL;
    const char *key = NULL;
    if (json_is_array(ids)) {
        spec = json_pack("{sOsOss}", "instruction_id_list", ids, "kwargs",
                         json_object_get(row, "kwargs"), "suite", suite);
        key = json_string_value(json_array_get(ids, 0));
    } else if (json_is_string(gt)) {
        spec = json_loads(json_string_value(gt), 0, NULL);
        key = json_string_value(json_object_get(row, "func_name"));
    }
    if (!spec || !key) {
        json_decref(spec);
        return;
    }
    json_int_t used = json_integer_value(json_object_get(seen, key));
    if (used < PER_ID) {
        json_object_set_new(seen, key, json_integer(used + 1));
        char *text = json_dumps(spec, JSON_COMPACT);
        if (text)
            add_spec(text, strlen(text));
        free(text);
    }
    json_decref(spec);
}

static void load_jsonl(const char *path, const char *suite, int whole_lines)
{
    size_t len = 0;
    char *buf = fuzz_read_file(path, &len);
    if (!buf)
        return;
    json_t *seen = json_object();
    for (char *line = buf; *line;) {
        char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        if (n > 0) {
            if (whole_lines) {
                add_spec(line, n);
            } else {
                json_t *row = json_loadb(line, n, 0, NULL);
                if (row)
                    add_row(row, suite, seen);
                json_decref(row);
            }
        }
        line += n + (end != NULL);
    }
    json_decref(seen);
    free(buf);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_CHECK(ifr_options_new(&precise, NULL) == IFR_OK);
    FUZZ_CHECK(ifr_options_set(precise, IFR_OPT_SEMANTICS, IFR_SEMANTICS_PRECISE) == IFR_OK);
    const char *ours = getenv("IFR_FUZZ_SPECS");
    load_jsonl(ours ? ours : IFR_FUZZ_SPECS_FILE, NULL, 1);
    size_t own = nspecs;
    const char *conf = getenv("IFR_CONFORMANCE_DIR");
    if (conf && *conf) {
        static const char *const sets[][2] = {
            {"ifeval/input_data.jsonl", "ifeval"},
            {"iftrain/cases.jsonl", "iftrain"},
            {"ifbench/cases.jsonl", "ifbench"},
            {"tulu3/cases.jsonl", "tulu3"},
        };
        for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", conf, sets[i][0]);
            load_jsonl(path, sets[i][1], 0);
        }
    }
    if (!getenv("IFR_FUZZ_QUIET"))
        fprintf(stderr, "fuzz_score: %zu specs (%zu ours, %zu from conformance data)\n",
                nspecs, own, nspecs - own);
    FUZZ_CHECK(nspecs > 0);
    FUZZ_CHECK(ifr_result_new(&res, NULL) == IFR_OK);
    return 0;
}

typedef struct verdicts {
    size_t n;
    unsigned char followed[MAX_INSTR];
    int status[MAX_INSTR];
    char detail[MAX_INSTR][DETAIL_MAX];
    double fraction;
} verdicts;

static int check(const ifr_spec *spec, const char *text, size_t len, unsigned flags,
                 verdicts *v)
{
    ifr_error err;
    int rc = ifr_check(res, spec, text, len, flags, &err);
    FUZZ_CHECK(rc == IFR_OK || rc == IFR_E_LIMIT);
    if (rc != IFR_OK) {
        fuzz_check_error(&err, rc, (size_t)-1);
        return rc;
    }
    size_t n = ifr_result_count(res);
    FUZZ_CHECK(n == ifr_spec_count(spec));
    v->n = n;
    size_t nfollowed = 0;
    for (size_t i = 0; i < n; i++) {
        int f = ifr_result_followed(res, i);
        int st = ifr_result_status(res, i);
        const char *d = ifr_result_detail(res, i);
        FUZZ_CHECK(f == 0 || f == 1);
        FUZZ_CHECK(st == IFR_OK || st == IFR_E_UNSUPPORTED || st == IFR_E_NOFEATURES ||
                   st == IFR_E_LIMIT);
        FUZZ_CHECK(st == IFR_OK || f == 0);
        FUZZ_CHECK(d != NULL);
        FUZZ_CHECK(strlen(d) < DETAIL_MAX);
        FUZZ_CHECK(fuzz_utf8_valid(d, strlen(d)));
        v->followed[i] = (unsigned char)f;
        v->status[i] = st;
        snprintf(v->detail[i], DETAIL_MAX, "%s", d);
        nfollowed += (size_t)f;
    }
    FUZZ_CHECK(ifr_result_followed(res, n) == 0);
    double all = ifr_result_reward(res, IFR_AGGREGATE_ALL);
    double frac = ifr_result_reward(res, IFR_AGGREGATE_FRACTION);
    v->fraction = frac;
    FUZZ_CHECK(all == 0.0 || all == 1.0);
    FUZZ_CHECK(frac >= 0.0 && frac <= 1.0);
    if (ifr_result_guard(res) == 0) {
        FUZZ_CHECK((all == 1.0) == (nfollowed == n));
        FUZZ_CHECK(ifr_result_all_followed(res) == (nfollowed == n));
    } else {
        FUZZ_CHECK(all == 0.0 && frac == 0.0);
    }

    /* the JSON dump is valid JSON and agrees with the accessors */
    char *js = NULL;
    size_t jlen = 0;
    FUZZ_CHECK(ifr_result_json(res, IFR_AGGREGATE_FRACTION, &js, &jlen) == IFR_OK);
    FUZZ_CHECK(js != NULL && strlen(js) == jlen);
    json_error_t jerr;
    json_t *doc = json_loadb(js, jlen, 0, &jerr);
    if (!doc)
        fprintf(stderr, "ifr_result_json gave invalid JSON (%s): %s\n", jerr.text, js);
    FUZZ_CHECK(doc != NULL);
    json_t *list = json_object_get(doc, "follow_instruction_list");
    FUZZ_CHECK(json_is_array(list) && json_array_size(list) == n);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(json_is_true(json_array_get(list, i)) == (v->followed[i] == 1));
    FUZZ_CHECK(json_is_boolean(json_object_get(doc, "follow_all_instructions")));
    json_decref(doc);
    ifr_free(js);
    return IFR_OK;
}

static void same(const verdicts *a, const verdicts *b)
{
    FUZZ_CHECK(a->n == b->n && a->fraction == b->fraction);
    for (size_t i = 0; i < a->n; i++) {
        FUZZ_CHECK(a->followed[i] == b->followed[i]);
        FUZZ_CHECK(a->status[i] == b->status[i]);
        FUZZ_CHECK(strcmp(a->detail[i], b->detail[i]) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static verdicts strict, loose, again;
    if (size < 2)
        return 0;
    size_t pick = ((size_t)data[0] | (size_t)data[1] << 8);
    const ifr_spec *spec = specs[(pick >> 2) % nspecs][(pick >> 1) & 1];
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    int rs = check(spec, text, len, IFR_CHECK_STRICT, &strict);
    int rl = check(spec, text, len, IFR_CHECK_LOOSE, &loose);
    if (rs == IFR_OK && rl == IFR_OK) {
        for (size_t i = 0; i < strict.n; i++)
            FUZZ_CHECK(!strict.followed[i] || loose.followed[i]);
    }
    /* determinism, and nothing carried over from the loose check */
    if (rs == IFR_OK) {
        FUZZ_CHECK(check(spec, text, len, IFR_CHECK_STRICT, &again) == IFR_OK);
        same(&strict, &again);
    }
    if (pick & 1) { /* truncated flag: must not crash; guards are off by default */
        verdicts t;
        if (check(spec, text, len, IFR_CHECK_TRUNCATED, &t) == IFR_OK && rs == IFR_OK)
            same(&strict, &t);
    }
    return 0;
}
