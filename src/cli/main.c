/*
 * ifreward - command line front end. Uses only the public header (and
 * jansson to read JSONL), like any other user of the library.
 *
 *   ifreward eval   --input_data F --input_response_data F --output_dir D
 *   ifreward score  [--loose] [--precise] [--aggregate all|fraction] [FILE|-]
 *   ifreward list   [--markdown] [--suite S]
 *   ifreward check  --spec JSON (--response TEXT | --response-file F)
 */
#include "commands.h"
#include "dataset.h"
#include "ifreward.h"
#include "../text/pydump.h"

#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "ifreward"

/* MARK: small utilities --------------------------------------------------- */

/* --flag value / --flag=value. Returns the value or NULL; advances *i. */
static const char *flag_value(int argc, char **argv, int *i, const char *name)
{
    bool missing = false;
    const char *v = ds_flag_value(argc, argv, i, name, &missing);
    if (missing) {
        fprintf(stderr, PROG ": %s needs a value\n", name);
        exit(2);
    }
    return v;
}

static bool is_flag(const char *a, const char *name)
{
    return strcmp(a, name) == 0;
}

/* Options shared by eval / score / check. */
typedef struct common {
    int suite;
    bool precise;
    bool loose;
    int aggregate;
    int preprocess;
    unsigned guards;
} common;

static int parse_common(int argc, char **argv, int *i, common *c)
{
    const char *v;
    if (is_flag(argv[*i], "--precise")) {
        c->precise = true;
        return 1;
    }
    if (is_flag(argv[*i], "--compat")) {
        c->precise = false;
        return 1;
    }
    if (is_flag(argv[*i], "--loose")) {
        c->loose = true;
        return 1;
    }
    if (is_flag(argv[*i], "--strict")) {
        c->loose = false;
        return 1;
    }
    if ((v = flag_value(argc, argv, i, "--suite"))) {
        c->suite = ds_suite_code(v);
        if (c->suite < 0) {
            fprintf(stderr, PROG ": --suite must be auto, ifeval, iftrain, ifbench or tulu3\n");
            return -1;
        }
        return 1;
    }
    if ((v = flag_value(argc, argv, i, "--aggregate"))) {
        if (!strcmp(v, "all"))
            c->aggregate = IFR_AGGREGATE_ALL;
        else if (!strcmp(v, "fraction"))
            c->aggregate = IFR_AGGREGATE_FRACTION;
        else {
            fprintf(stderr, PROG ": --aggregate must be all or fraction\n");
            return -1;
        }
        return 1;
    }
    if ((v = flag_value(argc, argv, i, "--preprocess"))) {
        if (!strcmp(v, "none"))
            c->preprocess = IFR_PREPROCESS_NONE;
        else if (!strcmp(v, "open-instruct"))
            c->preprocess = IFR_PREPROCESS_OPEN_INSTRUCT;
        else {
            fprintf(stderr, PROG ": --preprocess must be none or open-instruct\n");
            return -1;
        }
        return 1;
    }
    if ((v = flag_value(argc, argv, i, "--guard"))) {
        if (!strcmp(v, "empty"))
            c->guards |= IFR_GUARD_EMPTY;
        else if (!strcmp(v, "truncated"))
            c->guards |= IFR_GUARD_TRUNCATED;
        else if (!strcmp(v, "repetition"))
            c->guards |= IFR_GUARD_REPETITION;
        else {
            fprintf(stderr, PROG ": --guard must be empty, truncated or repetition\n");
            return -1;
        }
        return 1;
    }
    return 0;
}

static ifr_options *make_options(const common *c, int on_error)
{
    ifr_options *o = NULL;
    if (ifr_options_new(&o, NULL) != IFR_OK) {
        fprintf(stderr, PROG ": out of memory\n");
        exit(1);
    }
    ifr_options_set(o, IFR_OPT_SUITE, c->suite);
    ifr_options_set(o, IFR_OPT_SEMANTICS, c->precise ? IFR_SEMANTICS_PRECISE : IFR_SEMANTICS_COMPAT);
    ifr_options_set(o, IFR_OPT_PREPROCESS, c->preprocess);
    ifr_options_set(o, IFR_OPT_ON_ERROR, on_error);
    ifr_options_set(o, IFR_OPT_GUARDS, c->guards);
    return o;
}

static const char common_help[] =
    "  --suite S            default suite for bare ids: auto (default), ifeval, iftrain,\n"
    "                       ifbench, tulu3\n"
    "  --precise            precise semantics (close the reference's known false positives)\n"
    "  --compat             compat semantics: the reference's verdicts, quirks included (default)\n"
    "  --preprocess P       none (default) or open-instruct (drop <|assistant|>, keep what\n"
    "                       follows the last </think>, drop <answer> tags, strip)\n";

/* MARK: eval --------------------------------------------------------------- */

/* Length of a Python whitespace character at the start of s (0 if none). */
static size_t ws_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == ' ' || (u[0] >= 0x09 && u[0] <= 0x0d) || (u[0] >= 0x1c && u[0] <= 0x1f)))
        return 1;
    if (n >= 2 && u[0] == 0xc2 && (u[1] == 0x85 || u[1] == 0xa0))
        return 2;
    if (n >= 3 && u[0] == 0xe1 && u[1] == 0x9a && u[2] == 0x80)
        return 3;
    if (n >= 3 && u[0] == 0xe2 && u[1] == 0x80 &&
        ((u[2] >= 0x80 && u[2] <= 0x8a) || u[2] == 0xa8 || u[2] == 0xa9 || u[2] == 0xaf))
        return 3;
    if (n >= 3 && u[0] == 0xe2 && u[1] == 0x81 && u[2] == 0x9f)
        return 3;
    if (n >= 3 && u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
        return 3;
    return 0;
}

/* Python str.strip() of a JSON string (ASCII and the common Unicode spaces). */
static json_t *py_strip_string(json_t *str)
{
    const char *s = json_string_value(str);
    size_t n = json_string_length(str), b = 0, e = n;
    /* whitespace as Python sees it, in UTF-8: ASCII, \x1c-\x1f, U+0085, U+00A0,
     * U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 */
    for (;;) {
        size_t k = ws_len(s + b, e - b);
        if (!k)
            break;
        b += k;
    }
    while (e > b) {
        size_t k = 0;
        for (size_t back = 1; back <= 3 && back <= e - b; back++)
            if (ws_len(s + e - back, back) == back) {
                k = back;
                break;
            }
        if (!k)
            break;
        e -= k;
    }
    return json_stringn(s + b, e - b);
}

/* prompt -> response map (open addressing; the later row wins, as in the reference). */
typedef struct rmap {
    size_t cap;
    json_t **prompt, **response;
} rmap;

static size_t hash_str(const char *s, size_t n)
{
    size_t h = 1469598103934665603ULL & SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
    return h;
}

static json_t **rmap_slot(rmap *m, json_t *prompt)
{
    const char *s = json_string_value(prompt);
    size_t n = json_string_length(prompt);
    size_t i = hash_str(s, n) & (m->cap - 1);
    while (m->prompt[i] && !(json_string_length(m->prompt[i]) == n &&
                             memcmp(json_string_value(m->prompt[i]), s, n) == 0))
        i = (i + 1) & (m->cap - 1);
    return &m->prompt[i];
}

typedef struct eval_row {
    json_t *row;
    json_t *response;  /* borrowed from the map */
    bool empty;        /* IFBench empty_output: no response found */
    unsigned char *followed[2];
    size_t n;
} eval_row;

static void print_accuracy(const char *label, double v)
{
    char b[64];
    ifr__py_float_repr(v, b, sizeof b);
    printf("%s%s\n", label, b);
}

/* IFEval's print_report(), byte for byte. */
static void print_report(eval_row *rows, size_t nrows, int mode)
{
    size_t prompt_total = 0, prompt_correct = 0, instr_total = 0, instr_correct = 0;
    /* tier 0: family prefix; tier 1: full id. Collected into a sorted list. */
    typedef struct tally {
        char *key;
        size_t total, correct;
    } tally;
    size_t cap0 = 64, n0 = 0, cap1 = 64, n1 = 0;
    tally *t0 = calloc(cap0, sizeof *t0), *t1 = calloc(cap1, sizeof *t1);
    for (size_t r = 0; r < nrows; r++) {
        if (!rows[r].response)
            continue;
        json_t *ids = json_object_get(rows[r].row, "instruction_id_list");
        prompt_total++;
        bool all = true;
        for (size_t i = 0; i < rows[r].n; i++) {
            bool f = rows[r].followed[mode][i];
            all = all && f;
            instr_total++;
            instr_correct += f;
            const char *id = json_string_value(json_array_get(ids, i));
            if (!id)
                id = "";
            for (int tier = 0; tier < 2; tier++) {
                size_t klen = strlen(id);
                const char *colon = strchr(id, ':');
                if (tier == 0 && colon)
                    klen = (size_t)(colon - id);
                tally **tp = tier ? &t1 : &t0;
                size_t *np = tier ? &n1 : &n0, *cp = tier ? &cap1 : &cap0;
                size_t k;
                for (k = 0; k < *np; k++)
                    if (strlen((*tp)[k].key) == klen && !strncmp((*tp)[k].key, id, klen))
                        break;
                if (k == *np) {
                    if (*np == *cp) {
                        *cp *= 2;
                        *tp = realloc(*tp, *cp * sizeof **tp);
                    }
                    (*tp)[k].key = strndup(id, klen);
                    (*tp)[k].total = (*tp)[k].correct = 0;
                    (*np)++;
                }
                (*tp)[k].total++;
                (*tp)[k].correct += f;
            }
        }
        prompt_correct += all;
    }
    print_accuracy("prompt-level: ", prompt_total ? (double)prompt_correct / (double)prompt_total : 0.0);
    print_accuracy("instruction-level: ",
                   instr_total ? (double)instr_correct / (double)instr_total : 0.0);
    for (int tier = 0; tier < 2; tier++) {
        tally *t = tier ? t1 : t0;
        size_t n = tier ? n1 : n0;
        /* sorted(keys): Python compares code points; UTF-8 byte order is the same */
        for (size_t a = 1; a < n; a++)
            for (size_t b = a; b > 0 && strcmp(t[b - 1].key, t[b].key) > 0; b--) {
                tally x = t[b];
                t[b] = t[b - 1];
                t[b - 1] = x;
            }
        printf("\n");
        for (size_t k = 0; k < n; k++) {
            char label[300];
            snprintf(label, sizeof label, "%s ", t[k].key);
            print_accuracy(label, (double)t[k].correct / (double)t[k].total);
            free(t[k].key);
        }
    }
    free(t0);
    free(t1);
}

static int write_eval_file(const char *path, eval_row *rows, size_t nrows, int mode)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (size_t r = 0; r < nrows; r++) {
        if (!rows[r].response)
            continue;
        bool all = true;
        for (size_t i = 0; i < rows[r].n; i++)
            all = all && rows[r].followed[mode][i];
        fprintf(f, "{\"follow_all_instructions\": %s, \"follow_instruction_list\": [",
                all ? "true" : "false");
        for (size_t i = 0; i < rows[r].n; i++)
            fprintf(f, "%s%s", i ? ", " : "", rows[r].followed[mode][i] ? "true" : "false");
        fputs("], \"instruction_id_list\": ", f);
        ifr__py_dump(f, json_object_get(rows[r].row, "instruction_id_list"));
        fputs(", \"prompt\": ", f);
        ifr__py_dump(f, json_object_get(rows[r].row, "prompt"));
        fputs(", \"response\": ", f);
        ifr__py_dump(f, rows[r].response);
        fputs("}\n", f);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int cmd_eval(int argc, char **argv)
{
    const char *input = NULL, *responses = NULL, *outdir = NULL, *v;
    common c = {0};
    bool quiet = false;
    for (int i = 0; i < argc; i++) {
        int r = parse_common(argc, argv, &i, &c);
        if (r < 0)
            return 2;
        if (r)
            continue;
        if ((v = flag_value(argc, argv, &i, "--input_data")))
            input = v;
        else if ((v = flag_value(argc, argv, &i, "--input_response_data")))
            responses = v;
        else if ((v = flag_value(argc, argv, &i, "--output_dir")))
            outdir = v;
        else if (is_flag(argv[i], "--quiet"))
            quiet = true;
        else if (is_flag(argv[i], "--help") || is_flag(argv[i], "-h")) {
            printf("usage: " PROG " eval --input_data F --input_response_data F --output_dir D "
                   "[options]\n\n"
                   "A drop-in for IFEval's evaluation_main: reads the prompts with their\n"
                   "instructions (JSONL: key, prompt, instruction_id_list, kwargs) and the\n"
                   "responses (JSONL: prompt, response; matched by exact prompt, later rows\n"
                   "win), writes eval_results_strict.jsonl and eval_results_loose.jsonl into\n"
                   "the output directory and prints the accuracy report.\n"
                   "Instructions that cannot be evaluated (bad kwargs, unknown ids) count as\n"
                   "not followed and are listed on stderr; the exit status is then 1.\n\n"
                   "options:\n%s"
                   "  --quiet              do not list instructions that could not be evaluated\n",
                   common_help);
            return 0;
        } else {
            fprintf(stderr, PROG " eval: unknown argument '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (!input || !responses || !outdir) {
        fprintf(stderr, PROG " eval: --input_data, --input_response_data and --output_dir are "
                        "required (see --help)\n");
        return 2;
    }
    /* IFBench's run_eval differs from IFEval's evaluation_main in three ways:
     * stripped-prompt fallback, empty_output for a missing response, and
     * output files named after the response file. */
    bool ifbench = c.suite == IFR_SUITE_IFBENCH;
    json_t *empty_response = json_string("");
    size_t ilen, rlen;
    char *ibuf = ds_read_file(input, &ilen);
    if (!ibuf) {
        fprintf(stderr, PROG " eval: cannot read %s: %s\n", input, strerror(errno));
        return 2;
    }
    char *rbuf = ds_read_file(responses, &rlen);
    if (!rbuf) {
        fprintf(stderr, PROG " eval: cannot read %s: %s\n", responses, strerror(errno));
        free(ibuf);
        return 2;
    }
    ifr__json_fix_lone_surrogates(ibuf, ilen);
    ifr__json_fix_lone_surrogates(rbuf, rlen);
    int status = 0;
    /* responses */
    size_t nlines = 1;
    for (size_t k = 0; k < rlen; k++)
        nlines += rbuf[k] == '\n';
    rmap m = {.cap = 16};
    while (m.cap < nlines * 2)
        m.cap *= 2;
    m.prompt = calloc(m.cap, sizeof *m.prompt);
    m.response = calloc(m.cap, sizeof *m.response);
    size_t pos = 0, lineno = 0, n;
    const char *line;
    ds_line ln = {0};
    json_t *rrows = json_array();
    while (ds_next_line(rbuf, rlen, &pos, &ln)) {
        line = ln.s;
        n = ln.n;
        lineno++;
        if (ds_blank(line, n))
            continue;
        json_error_t je;
        json_t *o = json_loadb(line, n, JSON_ALLOW_NUL, &je);
        json_t *p = o ? json_object_get(o, "prompt") : NULL;
        json_t *r = o ? json_object_get(o, "response") : NULL;
        if (!json_is_string(p) || !json_is_string(r)) {
            fprintf(stderr, "%s:%zu: %s\n", responses, lineno,
                    o ? "needs string fields \"prompt\" and \"response\"" : je.text);
            json_decref(o);
            status = 1;
            continue;
        }
        json_array_append_new(rrows, o);
        json_t **slot = rmap_slot(&m, p);
        size_t idx = (size_t)(slot - m.prompt);
        *slot = p;
        m.response[idx] = r;
        if (ifbench) { /* IFBench also files the response under the stripped prompt */
            json_t *sp = py_strip_string(p);
            if (sp && strcmp(json_string_value(sp), json_string_value(p)) != 0) {
                json_array_append_new(rrows, sp);
                slot = rmap_slot(&m, sp);
                idx = (size_t)(slot - m.prompt);
                *slot = sp;
                m.response[idx] = r;
            } else {
                json_decref(sp);
            }
        }
    }
    /* prompts */
    ifr_options *opts = make_options(&c, IFR_ON_ERROR_MARK);
    ifr_result *res = NULL;
    if (ifr_result_new(&res, opts) != IFR_OK) {
        fprintf(stderr, PROG ": out of memory\n");
        return 1;
    }
    size_t rcap = 1024, nrows = 0;
    eval_row *rows = calloc(rcap, sizeof *rows);
    pos = 0;
    lineno = 0;
    while (ds_next_line(ibuf, ilen, &pos, &ln)) {
        line = ln.s;
        n = ln.n;
        lineno++;
        if (ds_blank(line, n))
            continue;
        json_error_t je;
        json_t *o = json_loadb(line, n, JSON_ALLOW_NUL, &je);
        json_t *p = o ? json_object_get(o, "prompt") : NULL;
        if (!json_is_string(p) || !json_is_array(json_object_get(o, "instruction_id_list"))) {
            fprintf(stderr, "%s:%zu: %s\n", input, lineno,
                    o ? "needs \"prompt\" and \"instruction_id_list\"" : je.text);
            json_decref(o);
            status = 1;
            continue;
        }
        json_t **slot = rmap_slot(&m, p);
        json_t *resp = *slot ? m.response[slot - m.prompt] : NULL;
        if (!resp && ifbench) {
            json_t *sp = py_strip_string(p);
            if (sp) {
                slot = rmap_slot(&m, sp);
                resp = *slot ? m.response[slot - m.prompt] : NULL;
                json_decref(sp);
            }
            if (!resp) {
                /* IFBench's empty_output(): response "", every instruction failed */
                resp = empty_response;
                if (!quiet)
                    fprintf(stderr, "%s:%zu: no response for this prompt; counted as not "
                                    "followed (IFBench's empty_output)\n", input, lineno);
            }
        }
        if (!resp) {
            fprintf(stderr, "%s:%zu: no response for this prompt in %s\n", input, lineno,
                    responses);
            json_decref(o);
            status = 1;
            continue;
        }
        ifr_spec *spec = NULL;
        ifr_error err;
        if (ifr_spec_compile(&spec, line, n, opts, &err) != IFR_OK) {
            fprintf(stderr, "%s:%zu: %s: %s%s%s\n", input, lineno, ifr_error_name(err.code),
                    err.message, err.path[0] ? " at " : "", err.path);
            json_decref(o);
            status = 1;
            continue;
        }
        if (nrows == rcap) {
            rcap *= 2;
            rows = realloc(rows, rcap * sizeof *rows);
        }
        eval_row *er = &rows[nrows++];
        er->row = o;
        er->response = resp;
        er->n = ifr_spec_count(spec);
        er->empty = resp == empty_response;
        json_t *key = json_object_get(o, "key");
        for (size_t i = 0; i < er->n; i++) {
            ifr_error ie;
            if (ifr_spec_error(spec, i, &ie) != IFR_OK) {
                status = 1;
                if (!quiet) {
                    fprintf(stderr, "%s:%zu: key ", input, lineno);
                    if (key)
                        ifr__py_dump(stderr, key);
                    fprintf(stderr, ": instruction %zu (%s) not evaluated, counted as not "
                                    "followed: %s: %s\n",
                            i, ifr_spec_id(spec, i), ifr_error_name(ie.code), ie.message);
                }
            }
        }
        er->followed[0] = calloc(er->n ? er->n : 1, 1);
        er->followed[1] = calloc(er->n ? er->n : 1, 1);
        /* one IFR_CHECK_BOTH call gives the strict and the loose verdicts (eval
         * writes verdicts only, so no details are formatted) */
        if (!er->empty) {
            if (ifr_check(res, spec, json_string_value(resp), json_string_length(resp),
                          IFR_CHECK_BOTH | IFR_CHECK_NO_DETAILS, &err) != IFR_OK) {
                fprintf(stderr, "%s:%zu: %s: %s\n", input, lineno, ifr_error_name(err.code),
                        err.message);
                status = 1;
            } else {
                const ifr_result *lz = ifr_result_loose(res);
                for (size_t i = 0; i < er->n; i++) {
                    er->followed[0][i] = (unsigned char)ifr_result_followed(res, i);
                    er->followed[1][i] = (unsigned char)ifr_result_followed(lz, i);
                }
            }
        }
        ifr_spec_free(spec);
    }
    mkdir(outdir, 0777);
    const char *names[2] = {"eval_results_strict", "eval_results_loose"};
    /* IFBench: "<model>-eval_results_*.jsonl", model = response file's base name
     * without "-responses.jsonl" (or without its extension) */
    char model[1024] = "";
    if (ifbench) {
        const char *base = strrchr(responses, '/');
        base = base ? base + 1 : responses;
        snprintf(model, sizeof model, "%s", base);
        char *suffix = strstr(model, "-responses.jsonl");
        if (suffix) {
            memmove(suffix, suffix + 16, strlen(suffix + 16) + 1);
        } else {
            char *dot = strrchr(model, '.');
            if (dot && dot != model)
                *dot = '\0';
        }
        strcat(model, "-");
    }
    for (int mode = 0; mode < 2; mode++) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s%s%s.jsonl", outdir,
                 outdir[strlen(outdir) - 1] == '/' ? "" : "/", model, names[mode]);
        if (write_eval_file(path, rows, nrows, mode) != 0) {
            status = 1;
            continue;
        }
        printf("================================================================\n");
        printf("%s Accuracy Scores:\n", path);
        print_report(rows, nrows, mode);
    }
    for (size_t r = 0; r < nrows; r++) {
        json_decref(rows[r].row);
        free(rows[r].followed[0]);
        free(rows[r].followed[1]);
    }
    free(rows);
    ifr_result_free(res);
    ifr_options_free(opts);
    json_decref(rrows);
    json_decref(empty_response);
    free(m.prompt);
    free(m.response);
    free(ibuf);
    free(rbuf);
    return status;
}

/* MARK: score -------------------------------------------------------------- */

static int cmd_score(int argc, char **argv)
{
    common c = {0};
    const char *file = "-", *v;
    bool progress = false;
    unsigned threads = 1;
    for (int i = 0; i < argc; i++) {
        int r = parse_common(argc, argv, &i, &c);
        if (r < 0)
            return 2;
        if (r)
            continue;
        if (is_flag(argv[i], "--help") || is_flag(argv[i], "-h")) {
            printf("usage: " PROG " score [options] [FILE|-]\n\n"
                   "Scores JSONL rows: each line is a JSON object with a spec\n"
                   "(instruction_id_list + kwargs, or ground_truth, or func_name) and a\n"
                   "\"response\" string. Each output line has every input field except\n"
                   "response, plus follow_all_instructions, follow_instruction_list, reward\n"
                   "and details. A bad line gives {\"error\": {...}} with its line number;\n"
                   "the other lines are still scored and the exit status is 1.\n\n"
                   "options:\n"
                   "  --loose              pass an instruction if any IFEval loose variant passes\n"
                   "  --strict             check the response as given (default)\n"
                   "  --aggregate A        reward: all (default: 1 if all followed) or fraction\n"
                   "  --guard G            zero the reward for: empty, truncated, repetition\n"
                   "                       (repeatable)\n"
                   "%s"
                   "  --threads N          score on N threads (0: all cores; default 1); the\n"
                   "                       output order and content do not depend on N\n"
                   "  --progress           progress on stderr (default when stderr is a terminal)\n",
                   common_help);
            return 0;
        } else if (is_flag(argv[i], "--progress")) {
            progress = true;
        } else if ((v = flag_value(argc, argv, &i, "--threads"))) {
            threads = (unsigned)strtoul(v, NULL, 10);
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, PROG " score: unknown argument '%s' (see --help)\n", argv[i]);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (isatty(STDERR_FILENO))
        progress = true;
    size_t len;
    char *buf = ds_read_file(file, &len);
    if (!buf) {
        fprintf(stderr, PROG " score: cannot read %s: %s\n", file, strerror(errno));
        return 2;
    }
    ifr_options *opts = make_options(&c, IFR_ON_ERROR_FAIL);
    /* rows go to the library in chunks, so memory stays bounded on big files */
    enum { CHUNK = 4096 };
    const char **lines = malloc(CHUNK * sizeof *lines);
    size_t *lens = malloc(CHUNK * sizeof *lens);
    int status = 0;
    size_t pos = 0, lineno = 1, done = 0;
    ds_line ln = {0};
    while (lines && lens) {
        size_t k = 0;
        while (k < CHUNK && ds_next_line(buf, len, &pos, &ln)) {
            lines[k] = ln.s;
            lens[k++] = ln.n;
        }
        if (k == 0)
            break;
        char *out = NULL;
        size_t olen = 0, nerr = 0;
        int rc = ifr_score_rows(lines, lens, k, lineno, c.loose ? IFR_CHECK_LOOSE : 0, c.aggregate,
                                threads, opts, &out, &olen, &nerr);
        if (rc != IFR_OK) {
            fprintf(stderr, PROG " score: %s\n", ifr_strerror(rc));
            status = 2;
            break;
        }
        fwrite(out, 1, olen, stdout);
        ifr_free(out);
        if (nerr)
            status = 1;
        lineno += k;
        done += k;
        if (progress)
            fprintf(stderr, "\r" PROG " score: %zu lines", done);
    }
    if (progress && done)
        fputc('\n', stderr);
    if (!lines || !lens) {
        fprintf(stderr, PROG ": out of memory\n");
        status = 2;
    }
    free(lines);
    free(lens);
    ifr_options_free(opts);
    free(buf);
    if (fflush(stdout) != 0)
        status = 2;
    return status;
}

/* MARK: list --------------------------------------------------------------- */

static void print_kwargs(size_t i, bool md)
{
    size_t nk = ifr_checker_kwarg_count(i);
    if (!nk) {
        fputs(md ? "none" : "-", stdout);
        return;
    }
    for (size_t j = 0; j < nk; j++) {
        bool req = !strcmp(ifr_checker_kwarg(i, j, IFR_KWARG_REQUIRED), "required");
        const char *type = ifr_checker_kwarg(i, j, IFR_KWARG_TYPE);
        printf(md ? "%s`%s`: " : "%s%s:", j ? (md ? ", " : " ") : "",
               ifr_checker_kwarg(i, j, IFR_KWARG_NAME));
        for (const char *t = type; *t; t++) { /* a '|' would end a Markdown table cell */
            if (md && *t == '|')
                fputs("\\|", stdout);
            else
                fputc(*t, stdout);
        }
        fputs(req ? "" : (md ? " (optional)" : "?"), stdout);
    }
}

static void flags_text(unsigned f, char *b, size_t cap)
{
    snprintf(b, cap, "%s%s%s%s", f & IFR_CHECKER_HACKABLE ? "hackable " : "",
             f & IFR_CHECKER_LANGDETECT ? "langdetect " : "", f & IFR_CHECKER_RANDOM ? "random " : "",
             f & IFR_CHECKER_MARKUP ? "markup " : "");
    size_t n = strlen(b);
    if (n)
        b[n - 1] = '\0';
}

static int cmd_list(int argc, char **argv)
{
    bool md = false;
    int suite = IFR_SUITE_AUTO;
    const char *v;
    for (int i = 0; i < argc; i++) {
        if (is_flag(argv[i], "--markdown"))
            md = true;
        else if ((v = flag_value(argc, argv, &i, "--suite"))) {
            suite = ds_suite_code(v);
            if (suite < 0) {
                fprintf(stderr, PROG " list: unknown suite '%s'\n", v);
                return 2;
            }
        } else if (is_flag(argv[i], "--help") || is_flag(argv[i], "-h")) {
            printf("usage: " PROG " list [--suite S] [--markdown]\n\n"
                   "Lists the checker registry: id, suite, flags, kwargs and summary.\n"
                   "--markdown writes the reference page docs/CHECKERS.md is generated from.\n");
            return 0;
        } else {
            fprintf(stderr, PROG " list: unknown argument '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    static const char *const suites[] = {NULL, "ifeval", "iftrain", "ifbench", "tulu3"};
    size_t count = ifr_checker_count();
    char fb[64];
    if (!md) {
        for (size_t i = 0; i < count; i++) {
            if (suite && strcmp(ifr_checker_suite(i), suites[suite]))
                continue;
            flags_text(ifr_checker_flags(i), fb, sizeof fb);
            printf("%-48s %-8s %-20s ", ifr_checker_id(i), ifr_checker_suite(i), fb[0] ? fb : "-");
            print_kwargs(i, false);
            printf("\n    %s\n", ifr_checker_summary(i));
        }
        return 0;
    }
    printf("# Checkers\n\n"
           "Generated by `ifreward list --markdown` from the registry; do not edit by hand.\n\n"
           "Every checker is looked up by (suite, id). `compat` semantics (the default)\n"
           "reproduces the reference verdict exactly, quirks included; `precise` closes the\n"
           "documented false positives where a checker lists a precise rule. Flags:\n"
           "`hackable` (known to pass responses that do not follow the instruction in\n"
           "compat), `langdetect` (uses language identification), `random` (the reference\n"
           "draws random values for missing kwargs; ifreward reports an error instead),\n"
           "`markup` (the rule counts `*` markup, so precise loose mode does not try the\n"
           "variants without `*`).\n\n"
           "In every suite but tulu3 a response that Python's `str.strip()` leaves empty\n"
           "fails every instruction (IFEval's gate). Loose mode passes an instruction if\n"
           "any of IFEval's 8 variants passes (the response, without `*`, without its\n"
           "first and/or last line). Kwargs are validated when the spec is compiled: null\n"
           "means absent, integral floats (`5.0`) are integers, a missing or ill-typed\n"
           "kwarg is `IFR_E_KWARGS` with its JSON path.\n\n");
    for (int s = 1; s <= 4; s++) {
        if (suite && s != suite)
            continue;
        size_t shown = 0;
        for (size_t i = 0; i < count; i++)
            shown += !strcmp(ifr_checker_suite(i), suites[s]);
        if (!shown)
            continue;
        printf("## Suite `%s` (%zu checkers)\n\n| id | kwargs | flags | summary |\n|---|---|---|---|\n",
               suites[s], shown);
        for (size_t i = 0; i < count; i++) {
            if (strcmp(ifr_checker_suite(i), suites[s]))
                continue;
            flags_text(ifr_checker_flags(i), fb, sizeof fb);
            printf("| `%s` | ", ifr_checker_id(i));
            print_kwargs(i, true);
            printf(" | %s | %s |\n", fb[0] ? fb : "", ifr_checker_summary(i));
        }
        printf("\n");
        for (size_t i = 0; i < count; i++) {
            if (strcmp(ifr_checker_suite(i), suites[s]))
                continue;
            printf("### `%s` (%s)\n\n%s\n\n", ifr_checker_id(i), suites[s], ifr_checker_summary(i));
            size_t nk = ifr_checker_kwarg_count(i);
            for (size_t j = 0; j < nk; j++) {
                const char *doc = ifr_checker_kwarg(i, j, IFR_KWARG_DOC);
                printf("- `%s` (%s, %s)%s%s\n", ifr_checker_kwarg(i, j, IFR_KWARG_NAME),
                       ifr_checker_kwarg(i, j, IFR_KWARG_TYPE),
                       ifr_checker_kwarg(i, j, IFR_KWARG_REQUIRED), doc ? ": " : "",
                       doc ? doc : "");
            }
            if (nk)
                printf("\n");
            const char *t;
            if ((t = ifr_checker_text(i, IFR_TEXT_RULE)))
                printf("**Rule.** %s\n\n", t);
            if ((t = ifr_checker_text(i, IFR_TEXT_QUIRKS)))
                printf("**Compat quirks kept.** %s\n\n", t);
            printf("**Precise.** %s\n\n", (t = ifr_checker_text(i, IFR_TEXT_PRECISE))
                                               ? t
                                               : "same as compat (no repair yet).");
        }
    }
    return 0;
}

/* MARK: check -------------------------------------------------------------- */

static int cmd_check(int argc, char **argv)
{
    common c = {0};
    const char *spec_json = NULL, *response = NULL, *rfile = NULL, *v;
    for (int i = 0; i < argc; i++) {
        int r = parse_common(argc, argv, &i, &c);
        if (r < 0)
            return 2;
        if (r)
            continue;
        if ((v = flag_value(argc, argv, &i, "--spec")))
            spec_json = v;
        else if ((v = flag_value(argc, argv, &i, "--response")))
            response = v;
        else if ((v = flag_value(argc, argv, &i, "--response-file")))
            rfile = v;
        else if (is_flag(argv[i], "--help") || is_flag(argv[i], "-h")) {
            printf("usage: " PROG " check --spec JSON (--response TEXT | --response-file F) "
                   "[options]\n\n"
                   "Checks one response against one spec and explains each verdict.\n"
                   "Exit status: 0 all instructions followed, 1 not all followed, 2 error.\n\n"
                   "options:\n"
                   "  --loose              pass an instruction if any IFEval loose variant passes\n"
                   "%s",
                   common_help);
            return 0;
        } else {
            fprintf(stderr, PROG " check: unknown argument '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (!spec_json || (!response && !rfile)) {
        fprintf(stderr, PROG " check: --spec and --response (or --response-file) are required\n");
        return 2;
    }
    size_t rlen = 0;
    char *rbuf = NULL;
    if (rfile) {
        rbuf = ds_read_file(rfile, &rlen);
        if (!rbuf) {
            fprintf(stderr, PROG " check: cannot read %s: %s\n", rfile, strerror(errno));
            return 2;
        }
        response = rbuf;
    } else {
        rlen = strlen(response);
    }
    ifr_options *opts = make_options(&c, IFR_ON_ERROR_FAIL);
    ifr_spec *spec = NULL;
    ifr_result *res = NULL;
    ifr_error err;
    int status = 2;
    if (ifr_spec_compile(&spec, spec_json, strlen(spec_json), opts, &err) != IFR_OK) {
        fprintf(stderr, PROG " check: %s: %s", ifr_error_name(err.code), err.message);
        if (err.path[0])
            fprintf(stderr, " (at %s)", err.path);
        if (err.offset != (size_t)-1)
            fprintf(stderr, " (byte %zu)", err.offset);
        fputc('\n', stderr);
        goto out;
    }
    if (ifr_result_new(&res, opts) != IFR_OK ||
        ifr_check(res, spec, response, rlen, c.loose ? IFR_CHECK_LOOSE : 0, &err) != IFR_OK) {
        fprintf(stderr, PROG " check: %s\n", res ? err.message : "out of memory");
        goto out;
    }
    for (size_t i = 0; i < ifr_result_count(res); i++) {
        int st = ifr_result_status(res, i);
        printf("%s %s [%s]: %s\n",
               st != IFR_OK ? "ERROR" : ifr_result_followed(res, i) ? "PASS " : "FAIL ",
               ifr_spec_id(spec, i), ifr_spec_suite(spec, i), ifr_result_detail(res, i));
    }
    char rb[64];
    ifr__py_float_repr(ifr_result_reward(res, IFR_AGGREGATE_FRACTION), rb, sizeof rb);
    printf("%s: %zu instruction(s), fraction followed %s (%s mode, %s)\n",
           ifr_result_all_followed(res) ? "followed" : "not followed", ifr_result_count(res), rb,
           c.loose ? "loose" : "strict", c.precise ? "precise" : "compat");
    status = ifr_result_all_followed(res) ? 0 : 1;
out:
    ifr_result_free(res);
    ifr_spec_free(spec);
    ifr_options_free(opts);
    free(rbuf);
    return status;
}

/* MARK: main --------------------------------------------------------------- */

int ifr_cli_audit(int argc, char **argv);

static void usage(FILE *f)
{
    fprintf(f,
            "usage: " PROG " COMMAND [options]\n\n"
            "Verifiable instruction-following rewards (IFEval, IFBench, IFTrain, Tulu 3).\n\n"
            "commands:\n"
            "  eval     drop-in for IFEval's evaluation_main (strict + loose files, report)\n"
            "  score    score JSONL rows (spec + response) to JSONL verdicts\n"
            "  list     list the checker registry (--markdown for docs/CHECKERS.md)\n"
            "  check    check one response against one spec, with explanations\n"
            "  lint     find broken, conflicting or prompt-contradicting constraints in a dataset\n"
            "  refine   hard-only / max-soft subsets and pilot-rollout filters of a dataset\n"
            "  audit    how many adversarial responses each checker accepts (compat vs precise)\n\n"
            "Run '" PROG " COMMAND --help' for a command's options. '" PROG " --version' prints\n"
            "the library version.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf(PROG " %s\n", ifr_version_string());
        return 0;
    }
    if (ifr_version_number() / 100 != IFR_VERSION_NUMBER / 100) {
        fprintf(stderr, PROG ": library version %s does not match the command's %s\n",
                ifr_version_string(), IFR_VERSION_STRING);
        return 2;
    }
    if (!strcmp(cmd, "eval"))
        return cmd_eval(argc - 2, argv + 2);
    if (!strcmp(cmd, "score"))
        return cmd_score(argc - 2, argv + 2);
    if (!strcmp(cmd, "list"))
        return cmd_list(argc - 2, argv + 2);
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 2, argv + 2);
    if (!strcmp(cmd, "lint"))
        return cmd_lint(argc - 2, argv + 2);
    if (!strcmp(cmd, "refine"))
        return cmd_refine(argc - 2, argv + 2);
    if (!strcmp(cmd, "audit"))
        return ifr_cli_audit(argc - 2, argv + 2); /* src/cli/audit.c */
    fprintf(stderr, PROG ": unknown command '%s'\n\n", cmd);
    usage(stderr);
    return 2;
}
