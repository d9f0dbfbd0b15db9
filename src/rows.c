/*
 * rows.c - JSONL rows in, JSONL verdicts out: what `ifreward score`, the
 * Python binding and the distributed runners all call, so every front end
 * reports rows and errors byte for byte the same way.
 */
#include "spec_internal.h"
#include "text/pydump.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

static void row_error(FILE *f, size_t lineno, json_t *row, int code, const char *msg,
                      const char *path)
{
    fprintf(f, "{\"error\": {\"line\": %zu, \"code\": \"%s\", \"message\": ", lineno,
            ifr_error_name(code));
    ifr__py_dump_string(f, msg, strlen(msg));
    if (path && path[0]) {
        fputs(", \"path\": ", f);
        ifr__py_dump_string(f, path, strlen(path));
    }
    fputc('}', f);
    /* keep an identifying field so the error can be joined back */
    static const char *const idkeys[] = {"key", "uid", "id"};
    for (size_t k = 0; row && json_is_object(row) && k < 3; k++) {
        json_t *v = json_object_get(row, idkeys[k]);
        if (v) {
            fprintf(f, ", \"%s\": ", idkeys[k]);
            ifr__py_dump(f, v);
        }
    }
    fputs("}\n", f);
}

/* A copy of the line with lone surrogate escapes made U+FFFD (see pydump.h), or
 * NULL when the line has no "\u" escape at all or there is no memory (the
 * line is then parsed as given). */
static char *fix_lone_surrogates(const char *s, size_t n)
{
    bool escape = false;
    for (size_t i = 0; i + 1 < n && !escape; i++)
        escape = s[i] == '\\' && s[i + 1] == 'u';
    if (!escape)
        return NULL;
    char *out = malloc(n ? n : 1);
    if (!out)
        return NULL;
    memcpy(out, s, n);
    ifr__json_fix_lone_surrogates(out, n);
    return out;
}

static int score_parsed_line(FILE *f, ifr_result *res, const char *line, size_t n,
                             size_t lineno, unsigned flags, int aggregate,
                             const ifr_options *opts);

/* Score one line into f; returns 1 if it was an error line, 0 otherwise. */
static int score_line(FILE *f, ifr_result *res, const char *line, size_t n, size_t lineno,
                      unsigned flags, int aggregate, const ifr_options *opts)
{
    char *fixed = fix_lone_surrogates(line, n);
    int rc = score_parsed_line(f, res, fixed ? fixed : line, n, lineno, flags, aggregate, opts);
    free(fixed);
    return rc;
}

static int score_parsed_line(FILE *f, ifr_result *res, const char *line, size_t n,
                             size_t lineno, unsigned flags, int aggregate,
                             const ifr_options *opts)
{
    json_error_t je;
    json_t *row = json_loadb(line, n, JSON_ALLOW_NUL, &je);
    if (!row || !json_is_object(row)) {
        char msg[300];
        snprintf(msg, sizeof msg, "not a JSON object%s%s", row ? "" : ": ", row ? "" : je.text);
        row_error(f, lineno, NULL, IFR_E_JSON, msg, NULL);
        json_decref(row);
        return 1;
    }
    json_t *resp = json_object_get(row, "response");
    if (!json_is_string(resp)) {
        row_error(f, lineno, row, IFR_E_SPEC, "needs a string field \"response\"", "/response");
        json_decref(row);
        return 1;
    }
    ifr_spec *spec = NULL;
    ifr_error err;
    if (ifr_spec_compile(&spec, line, n, opts, &err) != IFR_OK) {
        row_error(f, lineno, row, err.code, err.message, err.path);
        json_decref(row);
        return 1;
    }
    if (ifr_check(res, spec, json_string_value(resp), json_string_length(resp), flags, &err) !=
        IFR_OK) {
        row_error(f, lineno, row, err.code, err.message, err.path);
        ifr_spec_free(spec);
        json_decref(row);
        return 1;
    }
    /* every input field but response, then the verdicts */
    fputc('{', f);
    const char *k;
    size_t klen;
    json_t *v;
    void *tmp;
    bool first = true;
    json_object_keylen_foreach_safe(row, tmp, k, klen, v) {
        if (klen == 8 && !memcmp(k, "response", 8))
            continue;
        if (!first)
            fputs(", ", f);
        first = false;
        ifr__py_dump_string(f, k, klen);
        fputs(": ", f);
        ifr__py_dump(f, v);
    }
    size_t cnt = ifr_result_count(res);
    fprintf(f, "%s\"follow_all_instructions\": %s, \"follow_instruction_list\": [",
            first ? "" : ", ", ifr_result_all_followed(res) ? "true" : "false");
    for (size_t i = 0; i < cnt; i++)
        fprintf(f, "%s%s", i ? ", " : "", ifr_result_followed(res, i) ? "true" : "false");
    char rb[64];
    ifr__py_float_repr(ifr_result_reward(res, aggregate), rb, sizeof rb);
    fprintf(f, "], \"reward\": %s, \"details\": [", rb);
    for (size_t i = 0; i < cnt; i++) {
        if (i)
            fputs(", ", f);
        const char *d = ifr_result_detail(res, i);
        ifr__py_dump_string(f, d, strlen(d));
    }
    fputc(']', f);
    unsigned g = ifr_result_guard(res);
    if (g)
        fprintf(f, ", \"guard\": \"%s\"", g == IFR_GUARD_EMPTY       ? "empty"
                                          : g == IFR_GUARD_TRUNCATED ? "truncated"
                                                                     : "repetition");
    fputs("}\n", f);
    ifr_spec_free(spec);
    json_decref(row);
    return 0;
}

typedef struct chunk {
    const char *const *lines;
    const size_t *lens;
    size_t begin, end, first_line;
    unsigned flags;
    int aggregate;
    const ifr_options *opts;
    char *buf;      /* open_memstream output (libc malloc) */
    size_t len;
    size_t errors;
    int rc;
} chunk;

static void *run_chunk(void *arg)
{
    chunk *c = arg;
    ifr_result *res = NULL;
    FILE *f = open_memstream(&c->buf, &c->len);
    if (!f || ifr_result_new(&res, c->opts) != IFR_OK) {
        if (f)
            fclose(f);
        c->rc = IFR_E_NOMEM;
        return NULL;
    }
    for (size_t i = c->begin; i < c->end; i++) {
        const char *line = c->lines[i] ? c->lines[i] : "";
        size_t n = c->lines[i] ? c->lens[i] : 0;
        if (blank_line(line, n))
            continue;
        c->errors += (size_t)score_line(f, res, line, n, c->first_line + i, c->flags,
                                        c->aggregate, c->opts);
    }
    ifr_result_free(res);
    if (fclose(f) != 0)
        c->rc = IFR_E_NOMEM;
    return NULL;
}

IFR_API int ifr_score_rows(const char *const *lines, const size_t *lens, size_t n,
                           size_t first_line, unsigned flags, int aggregate, unsigned threads,
                           const ifr_options *opts, char **out, size_t *out_len,
                           size_t *nerrors)
{
    if (!out || (n && (!lines || !lens)))
        return IFR_E_INVALID;
    *out = NULL;
    if (threads == 0) {
        long nc = sysconf(_SC_NPROCESSORS_ONLN);
        threads = nc > 0 ? (unsigned)nc : 1;
    }
    if (threads > 64)
        threads = 64;
    if (n < (size_t)threads * 4)
        threads = 1; /* not worth a thread */
    chunk ch[64];
    memset(ch, 0, sizeof ch);
    pthread_t tid[64];
    bool started[64] = {false};
    for (unsigned t = 0; t < threads; t++) {
        ch[t] = (chunk){.lines = lines, .lens = lens, .begin = n * t / threads,
                        .end = n * (t + 1) / threads, .first_line = first_line, .flags = flags,
                        .aggregate = aggregate, .opts = opts};
        if (t > 0 && pthread_create(&tid[t], NULL, run_chunk, &ch[t]) == 0)
            started[t] = true;
    }
    run_chunk(&ch[0]);
    for (unsigned t = 1; t < threads; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            run_chunk(&ch[t]); /* could not start a thread: do it here */
    }
    int rc = IFR_OK;
    size_t total = 0, errors = 0;
    for (unsigned t = 0; t < threads; t++) {
        if (ch[t].rc != IFR_OK)
            rc = ch[t].rc;
        total += ch[t].len;
        errors += ch[t].errors;
    }
    ifr_allocator a;
    ifr__opts_allocator(opts, &a);
    char *buf = rc == IFR_OK ? ifr__buf_alloc(&a, total + 1) : NULL;
    if (rc == IFR_OK && !buf)
        rc = IFR_E_NOMEM;
    size_t o = 0;
    for (unsigned t = 0; t < threads; t++) {
        if (buf && ch[t].len)
            memcpy(buf + o, ch[t].buf, ch[t].len);
        o += ch[t].len;
        free(ch[t].buf);
    }
    if (rc != IFR_OK)
        return rc;
    buf[total] = '\0';
    *out = buf;
    if (out_len)
        *out_len = total;
    if (nerrors)
        *nerrors = errors;
    return IFR_OK;
}
