/*
 * bench.c - ifreward benchmark (figures, not pass/fail; see docs/PERFORMANCE.md).
 *
 *     bench [--data DIR] [--out FILE] [--seconds S] [--trials K] [--threads N] [--quick]
 *
 * Each throughput figure is the best of K (default 5) runs of at least S
 * (default 0.5) seconds, with the median shown too: the machine may be shared.
 * One-thread rates are per CPU-second of the scoring thread (--wall: per
 * wall-clock second); batch scaling is wall-clock, with the CPU seconds the
 * batch used beside it (CPU-s per 1000 responses; flat means linear scaling).
 *
 * Workload: the IFEval conformance set (DIR/ifeval/input_data.jsonl joined with
 * the GPT-4 responses), DIR defaulting to $IFR_CONFORMANCE_DIR, then to
 * ../shared/conformance next to the source tree (or ../../shared for a
 * worktree); without it, the bundled example (examples/data), the
 * golden cases (tests/cases/FAMILY/NAME.json), then built-in examples.
 *
 * Reports: responses/s and instruction verdicts/s for strict, loose and both
 * (strict + loose, the unit the Python reference figure uses) on one thread,
 * also for the rows that need no language detection; MB/s of response text;
 * per-checker ns per call (one-instruction specs on the matching responses);
 * ifr_check_batch scaling on 1..N threads; peak RSS and peak library heap for
 * the whole set in batch mode (measured in a child process); and time from
 * process start (spawn) to the first verdict (child processes, median).
 * Prints a table and writes a JSON file (default bench.json).
 *
 * Uses the public API only (it links the object library, like every program in bench/).
 */
#include "ifreward.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Reference figures on one core of the benchmark machine (issue 7). */
#define REF_RESPONSES_PER_S 1064.0 /* strict + loose */
#define REF_VERDICTS_PER_S 3281.0

/* MARK: helpers ---------------------------------------------------------- */

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }
/* CPU time of this thread / of the process: robust against other load */
static double thread_cpu(void) { return clock_s(CLOCK_THREAD_CPUTIME_ID); }
static double process_cpu(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "bench: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* MARK: the workload ----------------------------------------------------- */

typedef struct item {
    char *spec_json;
    ifr_spec *spec;
    char *text;
    size_t len;
    size_t ninstr;
    int langdetect; /* some instruction uses language identification */
} item;

typedef struct workload {
    item *items;
    size_t n, cap;
    char source[4400];
    json_t *rows; /* the spec rows, for the per-checker split (may be NULL) */
} workload;

static void add_item(workload *w, const char *spec_json, const char *text, size_t len)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 256;
        w->items = realloc(w->items, w->cap * sizeof *w->items);
        if (!w->items)
            die("%s", "out of memory");
    }
    item *it = &w->items[w->n];
    memset(it, 0, sizeof *it);
    ifr_error err;
    if (ifr_spec_compile(&it->spec, spec_json, strlen(spec_json), NULL, &err) != IFR_OK) {
        fprintf(stderr, "bench: skipping a spec that does not compile (%s)\n", err.message);
        return;
    }
    it->spec_json = strdup(spec_json);
    it->text = malloc(len + 1);
    if (!it->spec_json || !it->text)
        die("%s", "out of memory");
    memcpy(it->text, text, len);
    it->text[len] = '\0';
    it->len = len;
    it->ninstr = ifr_spec_count(it->spec);
    for (size_t i = 0; i < it->ninstr; i++) {
        const char *id = ifr_spec_id(it->spec, i), *suite = ifr_spec_suite(it->spec, i);
        for (size_t c = 0; c < ifr_checker_count(); c++)
            if (strcmp(ifr_checker_id(c), id) == 0 && strcmp(ifr_checker_suite(c), suite) == 0 &&
                (ifr_checker_flags(c) & IFR_CHECKER_LANGDETECT))
                it->langdetect = 1;
    }
    w->n++;
}

static json_t *load_jsonl(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    json_t *all = json_array();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_t *v = json_loadb(line, (size_t)n, 0, NULL);
        if (v)
            json_array_append_new(all, v);
    }
    free(line);
    fclose(f);
    return all;
}

/* IFEval layout: input_data.jsonl joined by prompt with the responses file. */
static int load_ifeval_files(workload *w, const char *in, const char *resp);

static int load_ifeval(workload *w, const char *dir)
{
    char d[4096], in[4200], resp[4400] = "";
    snprintf(d, sizeof d, "%s/ifeval", dir);
    snprintf(in, sizeof in, "%s/input_data.jsonl", d);
    DIR *dd = opendir(d);
    if (!dd)
        return 0;
    struct dirent *e;
    while ((e = readdir(dd)) != NULL)
        if (strncmp(e->d_name, "input_response_data", 19) == 0)
            snprintf(resp, sizeof resp, "%s/%s", d, e->d_name);
    closedir(dd);
    if (!resp[0] || !load_ifeval_files(w, in, resp))
        return 0;
    snprintf(w->source, sizeof w->source, "IFEval conformance set (%s)", d);
    return 1;
}

static int load_ifeval_files(workload *w, const char *in, const char *resp)
{
    json_t *inputs = load_jsonl(in), *responses = load_jsonl(resp);
    if (!inputs || !responses) {
        json_decref(inputs);
        json_decref(responses);
        return 0;
    }
    json_t *by_prompt = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(responses, i, v) {
        const char *p = json_string_value(json_object_get(v, "prompt"));
        if (p)
            json_object_set(by_prompt, p, json_object_get(v, "response"));
    }
    w->rows = json_array();
    json_array_foreach(inputs, i, v) {
        const char *p = json_string_value(json_object_get(v, "prompt"));
        json_t *r = p ? json_object_get(by_prompt, p) : NULL;
        if (!json_is_string(r))
            continue;
        json_t *spec = json_pack("{sOsO}", "instruction_id_list",
                                 json_object_get(v, "instruction_id_list"), "kwargs",
                                 json_object_get(v, "kwargs"));
        char *js = json_dumps(spec, JSON_COMPACT);
        size_t before = w->n;
        add_item(w, js, json_string_value(r), json_string_length(r));
        if (w->n > before)
            json_array_append_new(w->rows, json_pack("{sOsO}", "spec", spec, "response", r));
        free(js);
        json_decref(spec);
    }
    json_decref(by_prompt);
    json_decref(inputs);
    json_decref(responses);
    return w->n > 0;
}

/* tests/cases/<family>/<name>.json: {"spec": ..., "response": ...} */
static int load_cases(workload *w, const char *root)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/tests/cases", root);
    DIR *fam = opendir(dir);
    if (!fam)
        return 0;
    struct dirent *f;
    while ((f = readdir(fam)) != NULL) {
        if (f->d_name[0] == '.')
            continue;
        char sub[4500];
        snprintf(sub, sizeof sub, "%s/%s", dir, f->d_name);
        DIR *cd = opendir(sub);
        if (!cd)
            continue;
        struct dirent *c;
        while ((c = readdir(cd)) != NULL) {
            size_t nl = strlen(c->d_name);
            if (nl < 5 || strcmp(c->d_name + nl - 5, ".json") != 0)
                continue;
            char path[4800];
            snprintf(path, sizeof path, "%s/%s", sub, c->d_name);
            json_t *doc = json_load_file(path, 0, NULL);
            json_t *spec = json_object_get(doc, "spec");
            json_t *resp = json_object_get(doc, "response");
            if (spec && json_is_string(resp)) {
                char *js = json_is_string(spec) ? strdup(json_string_value(spec))
                                                : json_dumps(spec, JSON_COMPACT);
                if (js)
                    add_item(w, js, json_string_value(resp), json_string_length(resp));
                free(js);
            }
            json_decref(doc);
        }
        closedir(cd);
    }
    closedir(fam);
    snprintf(w->source, sizeof w->source, "bundled golden cases (%s)", dir);
    return w->n > 0;
}

static void load_builtin(workload *w)
{
    static const char *const specs[] = {
        "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}",
        "{\"instruction_id_list\": [\"length_constraints:number_words\"], "
        "\"kwargs\": [{\"num_words\": 20, \"relation\": \"at least\"}]}",
    };
    static const char *const texts[] = {
        "A short answer without commas that goes on for a little while to have some words.",
        "Another answer, with commas, and fewer words.",
    };
    for (size_t s = 0; s < 2; s++)
        for (size_t t = 0; t < 2; t++)
            add_item(w, specs[s], texts[t], strlen(texts[t]));
    snprintf(w->source, sizeof w->source, "built-in examples");
}

static void source_root(char *out, size_t cap)
{
    /* __FILE__ is <root>/bench/bench.c when CMake compiles it */
    snprintf(out, cap, "%s", __FILE__);
    char *s = strrchr(out, '/');
    if (s)
        *s = '\0';
    s = strrchr(out, '/');
    if (s)
        *s = '\0';
    else
        snprintf(out, cap, ".");
}

static void load(workload *w, const char *data_dir)
{
    char root[4096], def[4200], def2[4200];
    source_root(root, sizeof root);
    snprintf(def, sizeof def, "%s/../shared/conformance", root);
    snprintf(def2, sizeof def2, "%s/../../shared/conformance", root); /* a worktree */
    const char *env = getenv("IFR_CONFORMANCE_DIR");
    if (data_dir) {
        /* --data: the conformance root (DIR/ifeval) or the ifeval directory itself */
        char up[4200];
        snprintf(up, sizeof up, "%s/..", data_dir);
        if (load_ifeval(w, data_dir) || load_ifeval(w, up))
            return;
        die("--data %s: no ifeval/input_data.jsonl and input_response_data*.jsonl there",
            data_dir);
    }
    const char *dirs[3] = {env, def, def2};
    for (int i = 0; i < 3; i++)
        if (dirs[i] && *dirs[i] && load_ifeval(w, dirs[i]))
            return;
    /* the bundled example (examples/data, IFEval layout), then golden cases */
    char in[4200], resp[4200];
    snprintf(in, sizeof in, "%s/examples/data/input_data.jsonl", root);
    snprintf(resp, sizeof resp, "%s/examples/data/input_response_data.jsonl", root);
    if (load_ifeval_files(w, in, resp)) {
        snprintf(w->source, sizeof w->source, "bundled example (%s/examples/data)", root);
        return;
    }
    if (load_cases(w, root))
        return;
    load_builtin(w);
}

/* MARK: measurements ----------------------------------------------------- */

typedef struct tput {
    double seconds;     /* the time the rate is computed from (see below) */
    double wall, cpu;   /* wall-clock and CPU seconds of the run */
    size_t responses, verdicts, bytes;
} tput;

/* The machine is shared, so each figure is the best of `trials` runs (the
 * least disturbed one); the median is reported next to it. */
static int g_trials = 5;
/* Single-thread rates per CPU-second (default) or per wall-clock second (--wall). */
static int g_cpu_time = 1;
/* --profile MODE: only loop MODE (strict, loose, two = strict then loose, both = one
 * IFR_CHECK_BOTH call, nolang = both without the langdetect responses) for --seconds */
static const char *g_profile;
static long g_passes;

static double rate(const tput *t) { return (double)t->responses / t->seconds; }

typedef struct best {
    tput best;
    double median_rps;
} best;

static best pick(tput *runs, int n)
{
    best b = {runs[0], 0};
    double r[64];
    for (int i = 0; i < n; i++) {
        r[i] = rate(&runs[i]);
        if (rate(&runs[i]) > rate(&b.best))
            b.best = runs[i];
    }
    qsort(r, (size_t)n, sizeof r[0], cmp_double);
    b.median_rps = r[n / 2];
    return b;
}

/* Score every selected item in each mode of `modes` (one "response" = all modes). */
static tput run_single(const workload *w, const unsigned *modes, size_t nmodes, int subset,
                       double min_seconds)
{
    tput t = {0};
    ifr_result *res = NULL;
    if (ifr_result_new(&res, NULL) != IFR_OK)
        die("%s", "ifr_result_new failed");
    double t0 = now(), c0 = thread_cpu();
    do {
        for (size_t i = 0; i < w->n; i++) {
            const item *it = &w->items[i];
            if (subset && it->langdetect)
                continue;
            for (size_t m = 0; m < nmodes; m++) {
                if (ifr_check(res, it->spec, it->text, it->len, modes[m], NULL) != IFR_OK)
                    die("%s", "ifr_check failed");
                t.verdicts += it->ninstr * ((modes[m] & IFR_CHECK_BOTH) ? 2 : 1);
            }
            t.responses++;
            t.bytes += it->len;
        }
        t.wall = now() - t0;
    } while (t.wall < min_seconds);
    t.cpu = thread_cpu() - c0;
    /* one thread: rates per CPU-second of that thread, so other load on a shared
     * machine does not deflate them */
    t.seconds = g_cpu_time ? t.cpu : t.wall;
    ifr_result_free(res);
    return t;
}

typedef struct batch_arrays {
    const ifr_spec **specs;
    const char **texts;
    size_t *lens;
    double *rewards;
    int *codes;
    size_t reps; /* the set this many times over in one batch */
} batch_arrays;

static batch_arrays make_batch(const workload *w, size_t reps)
{
    batch_arrays b;
    size_t n = w->n * reps;
    b.reps = reps;
    b.specs = calloc(n, sizeof *b.specs);
    b.texts = calloc(n, sizeof *b.texts);
    b.lens = calloc(n, sizeof *b.lens);
    b.rewards = calloc(2 * n, sizeof *b.rewards); /* IFR_CHECK_BOTH: strict, loose */
    b.codes = calloc(n, sizeof *b.codes);
    if (!b.specs || !b.texts || !b.lens || !b.rewards || !b.codes)
        die("%s", "out of memory");
    for (size_t i = 0; i < n; i++) {
        b.specs[i] = w->items[i % w->n].spec;
        b.texts[i] = w->items[i % w->n].text;
        b.lens[i] = w->items[i % w->n].len;
    }
    return b;
}

static void free_batch(batch_arrays *b)
{
    free(b->specs);
    free(b->texts);
    free(b->lens);
    free(b->rewards);
    free(b->codes);
}

/* the whole set in one IFR_CHECK_BOTH batch (strict and loose verdicts) on `threads` threads */
static tput run_batch(const workload *w, batch_arrays *b, unsigned threads,
                      const ifr_options *opts, double min_seconds)
{
    tput t = {0};
    size_t instr = 0, bytes = 0;
    for (size_t i = 0; i < w->n; i++) {
        instr += w->items[i].ninstr;
        bytes += w->items[i].len;
    }
    double t0 = now(), c0 = process_cpu();
    do {
        if (ifr_check_batch(b->specs, b->texts, b->lens, w->n * b->reps, IFR_CHECK_BOTH,
                            IFR_AGGREGATE_FRACTION, threads, opts, b->rewards, b->codes,
                            NULL) != IFR_OK)
            die("%s", "ifr_check_batch failed");
        t.verdicts += 2 * instr * b->reps;
        t.responses += w->n * b->reps;
        t.bytes += bytes * b->reps;
        t.wall = now() - t0;
    } while (t.wall < min_seconds);
    t.cpu = process_cpu() - c0;
    t.seconds = t.wall; /* scaling is about wall-clock time */
    return t;
}

/* Per-checker cost: one-instruction specs on the responses they came with. */
typedef struct checker_cost {
    char id[96];
    size_t calls;
    double ns_per_call;  /* strict */
    double ns_both;      /* IFR_CHECK_BOTH: strict and loose */
    double mean_bytes;
} checker_cost;

static size_t per_checker(const workload *w, checker_cost *out, size_t cap, double min_seconds)
{
    if (!w->rows)
        return 0;
    /* group (one-instruction spec, response) pairs by id */
    json_t *groups = json_object();
    size_t i;
    json_t *row;
    json_array_foreach(w->rows, i, row) {
        json_t *spec = json_object_get(row, "spec");
        json_t *ids = json_object_get(spec, "instruction_id_list");
        json_t *kws = json_object_get(spec, "kwargs");
        for (size_t k = 0; k < json_array_size(ids); k++) {
            const char *id = json_string_value(json_array_get(ids, k));
            if (!id)
                continue;
            json_t *g = json_object_get(groups, id);
            if (!g) {
                g = json_array();
                json_object_set_new(groups, id, g);
            }
            json_t *kw = json_array_get(kws, k);
            json_array_append_new(
                g, json_pack("{s{s[s]s[O]}sO}", "spec", "instruction_id_list", id, "kwargs",
                             kw ? kw : json_null(), "response", json_object_get(row, "response")));
        }
    }
    size_t n = 0;
    const char *id;
    json_t *g;
    ifr_result *res = NULL;
    if (ifr_result_new(&res, NULL) != IFR_OK)
        die("%s", "ifr_result_new failed");
    json_object_foreach(groups, id, g) {
        if (n == cap)
            break;
        size_t m = json_array_size(g);
        ifr_spec **specs = calloc(m, sizeof *specs);
        size_t ok = 0;
        double bytes = 0;
        for (size_t k = 0; k < m; k++) {
            char *js = json_dumps(json_object_get(json_array_get(g, k), "spec"), JSON_COMPACT);
            if (js && ifr_spec_compile(&specs[k], js, strlen(js), NULL, NULL) == IFR_OK) {
                ok++;
                bytes += (double)json_string_length(
                    json_object_get(json_array_get(g, k), "response"));
            }
            free(js);
        }
        if (ok) {
            checker_cost *c = &out[n++];
            snprintf(c->id, sizeof c->id, "%s", id);
            for (int mode = 0; mode < 2; mode++) {
                size_t calls = 0;
                double t0 = now(), c0 = thread_cpu(), el;
                do {
                    for (size_t k = 0; k < m; k++) {
                        if (!specs[k])
                            continue;
                        json_t *r = json_object_get(json_array_get(g, k), "response");
                        ifr_check(res, specs[k], json_string_value(r), json_string_length(r),
                                  mode ? IFR_CHECK_BOTH : IFR_CHECK_STRICT, NULL);
                        calls++;
                    }
                    el = now() - t0;
                } while (el < min_seconds);
                if (g_cpu_time)
                    el = thread_cpu() - c0;
                if (mode) {
                    c->ns_both = el * 1e9 / (double)calls;
                } else {
                    c->calls = calls;
                    c->ns_per_call = el * 1e9 / (double)calls;
                }
            }
            c->mean_bytes = bytes / (double)ok;
        }
        for (size_t k = 0; k < m; k++)
            ifr_spec_free(specs[k]);
        free(specs);
    }
    ifr_result_free(res);
    json_decref(groups);
    return n;
}

/* MARK: child processes -------------------------------------------------- */

/* Run /proc/self/exe with args; return its stdout (first line) in buf. */
static int spawn_self(char *const argv[], char *buf, size_t cap, double *t_spawn)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
    posix_spawn_file_actions_addclose(&fa, fd[0]);
    pid_t pid;
    *t_spawn = now();
    int rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fd[1]);
    if (rc != 0) {
        close(fd[0]);
        return -1;
    }
    size_t n = 0;
    ssize_t r;
    while (n + 1 < cap && (r = read(fd[0], buf + n, cap - 1 - n)) > 0)
        n += (size_t)r;
    buf[n] = '\0';
    close(fd[0]);
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* child: compile one spec, check one text, print the monotonic time of the verdict */
static int child_first(const char *spec, const char *text)
{
    ifr_spec *s = NULL;
    ifr_result *r = NULL;
    if (ifr_spec_compile(&s, spec, strlen(spec), NULL, NULL) != IFR_OK ||
        ifr_result_new(&r, NULL) != IFR_OK ||
        ifr_check(r, s, text, strlen(text), IFR_CHECK_LOOSE, NULL) != IFR_OK)
        return 1;
    double t = now();
    printf("%.9f %d\n", t, ifr_result_followed(r, 0));
    ifr_result_free(r);
    ifr_spec_free(s);
    return 0;
}

/* counting allocator for the library's heap peak */
static atomic_size_t heap_now, heap_peak;

static void *cnt_malloc(size_t n, void *u)
{
    (void)u;
    size_t *p = malloc(n + 16);
    if (!p)
        return NULL;
    p[0] = n;
    size_t cur = atomic_fetch_add(&heap_now, n) + n;
    size_t pk = atomic_load(&heap_peak);
    while (cur > pk && !atomic_compare_exchange_weak(&heap_peak, &pk, cur))
        ;
    return (char *)p + 16;
}
static void cnt_free(void *q, void *u)
{
    (void)u;
    if (!q)
        return;
    size_t *p = (size_t *)((char *)q - 16);
    atomic_fetch_sub(&heap_now, p[0]);
    free(p);
}
static void *cnt_realloc(void *q, size_t n, void *u)
{
    if (!q)
        return cnt_malloc(n, u);
    size_t *p = (size_t *)((char *)q - 16);
    size_t old = p[0];
    size_t *np = realloc(p, n + 16);
    if (!np)
        return NULL;
    np[0] = n;
    atomic_fetch_sub(&heap_now, old);
    size_t cur = atomic_fetch_add(&heap_now, n) + n;
    size_t pk = atomic_load(&heap_peak);
    while (cur > pk && !atomic_compare_exchange_weak(&heap_peak, &pk, cur))
        ;
    return (char *)np + 16;
}

/* child: whole set in one IFR_CHECK_BOTH batch (all cores); print peak RSS */
static int child_rss(const char *data_dir)
{
    long before_kb;
    workload w = {0};
    load(&w, data_dir[0] ? data_dir : NULL);
    before_kb = peak_rss_kb();
    ifr_allocator a = {cnt_malloc, cnt_realloc, cnt_free, NULL};
    ifr_options *o = NULL;
    if (ifr_options_new(&o, &a) != IFR_OK)
        return 1;
    /* recompile the specs with the counting allocator so they count too */
    for (size_t i = 0; i < w.n; i++) {
        ifr_spec_free(w.items[i].spec);
        if (ifr_spec_compile(&w.items[i].spec, w.items[i].spec_json,
                             strlen(w.items[i].spec_json), o, NULL) != IFR_OK)
            return 1;
    }
    batch_arrays b = make_batch(&w, 1);
    run_batch(&w, &b, 0, o, 0.0);
    printf("%ld %ld %zu %zu\n", peak_rss_kb(), before_kb, atomic_load(&heap_peak), w.n);
    return 0;
}

/* MARK: main ------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "usage: bench [--data DIR] [--out FILE] [--seconds S] [--trials K] "
                    "[--threads N] [--wall] [--quick]\n"
                    "             [--profile strict|loose|two|both|nolang [--passes N]]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *data_dir = NULL, *out_path = "bench.json";
    double secs = 0.5;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned max_threads = ncpu > 0 ? (unsigned)ncpu : 1;

    if (argc == 4 && strcmp(argv[1], "--child-first") == 0)
        return child_first(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "--child-rss") == 0)
        return child_rss(argv[2]);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out_path = argv[++i];
        else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            secs = atof(argv[++i]);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            max_threads = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--wall") == 0)
            g_cpu_time = 0;
        else if (strcmp(argv[i], "--trials") == 0 && i + 1 < argc)
            g_trials = atoi(argv[++i]);
        else if (strcmp(argv[i], "--passes") == 0 && i + 1 < argc)
            g_passes = atol(argv[++i]);
        else if (strcmp(argv[i], "--profile") == 0 && i + 1 < argc)
            g_profile = argv[++i];
        else if (strcmp(argv[i], "--quick") == 0) {
            secs = 0.1;
            g_trials = 2;
        }
        else
            usage();
    }
    if (max_threads < 1)
        max_threads = 1;
    if (g_trials < 1 || g_trials > 64)
        g_trials = 5;

    double t_load = now();
    workload w = {0};
    load(&w, data_dir);
    t_load = now() - t_load;
    size_t instr = 0, bytes = 0, nolang = 0;
    for (size_t i = 0; i < w.n; i++) {
        instr += w.items[i].ninstr;
        bytes += w.items[i].len;
        nolang += !w.items[i].langdetect;
    }
    json_t *J = json_object();
    json_object_set_new(J, "ifreward_version", json_string(ifr_version_string()));
    json_object_set_new(J, "workload", json_pack("{sssIsIsIsIsf}", "source", w.source,
                                                 "responses", (json_int_t)w.n, "instructions",
                                                 (json_int_t)instr, "bytes", (json_int_t)bytes,
                                                 "no_langdetect_responses", (json_int_t)nolang,
                                                 "load_and_compile_s", t_load));
    json_object_set_new(J, "cpus", json_integer(ncpu));
    if (g_profile) {
        static const unsigned ps[] = {IFR_CHECK_STRICT}, pl[] = {IFR_CHECK_LOOSE},
                              pb[] = {IFR_CHECK_BOTH}, p2[] = {IFR_CHECK_STRICT, IFR_CHECK_LOOSE};
        int sub = strcmp(g_profile, "nolang") == 0;
        const unsigned *m = strcmp(g_profile, "strict") == 0  ? ps
                            : strcmp(g_profile, "loose") == 0 ? pl
                            : strcmp(g_profile, "two") == 0   ? p2
                                                              : pb;
        size_t nm = m == p2 ? 2 : 1;
        /* --seconds S, or with --passes N exactly N passes (for perf stat counts) */
        tput t = {0};
        if (g_passes > 0) {
            for (long k = 0; k < g_passes; k++) {
                tput u = run_single(&w, m, nm, sub, 0.0);
                t.responses += u.responses;
                t.seconds += u.seconds;
            }
        } else {
            t = run_single(&w, m, nm, sub, secs);
        }
        printf("%s: %.0f responses/s over %.2f s\n", g_profile, rate(&t), t.seconds);
        json_decref(J);
        return 0;
    }
    printf("ifreward %s bench on %s\n", ifr_version_string(), w.source);
    printf("  %zu responses, %zu instructions, %.2f MB of text; %zu responses need no "
           "language detection; load+compile %.3f s; %ld CPUs\n\n",
           w.n, instr, (double)bytes / 1e6, nolang, t_load, ncpu);

    /* single thread */
    static const unsigned strict[] = {IFR_CHECK_STRICT}, loose[] = {IFR_CHECK_LOOSE},
                          two[] = {IFR_CHECK_STRICT, IFR_CHECK_LOOSE}, both[] = {IFR_CHECK_BOTH},
                          bothnd[] = {IFR_CHECK_BOTH | IFR_CHECK_NO_DETAILS};
    static const struct {
        const char *name;
        const unsigned *modes;
        size_t n;
        int subset;
    } runs[] = {
        {"strict", strict, 1, 0},
        {"loose", loose, 1, 0},
        {"strict, then loose", two, 2, 0},
        {"both (one call)", both, 1, 0},
        {"both, no details", bothnd, 1, 0},
        {"both, no langdetect", both, 1, 1},
    };
    json_t *js = json_object();
    printf("one thread, per %s second (best of %d)\n", g_cpu_time ? "CPU" : "wall-clock",
           g_trials);
    printf("                    responses/s  verdicts/s      MB/s    median   vs Python (resp, verdicts)\n");
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        if (runs[r].subset && nolang == 0)
            continue;
        tput tr[64];
        for (int k = 0; k < g_trials; k++)
            tr[k] = run_single(&w, runs[r].modes, runs[r].n, runs[r].subset, secs);
        best bb = pick(tr, g_trials);
        tput t = bb.best;
        double rps = (double)t.responses / t.seconds, vps = (double)t.verdicts / t.seconds;
        double mbs = (double)t.bytes / t.seconds / 1e6;
        printf("%-19s %11.0f %11.0f %9.1f %9.0f", runs[r].name, rps, vps, mbs, bb.median_rps);
        if ((runs[r].n == 2 || runs[r].modes == both || runs[r].modes == bothnd) &&
            !runs[r].subset)
            printf("   %6.0fx %6.0fx", rps / REF_RESPONSES_PER_S, vps / REF_VERDICTS_PER_S);
        printf("\n");
        json_object_set_new(js, runs[r].name,
                            json_pack("{sfsfsfsfsfsfsb}", "responses_per_s", rps,
                                      "verdicts_per_s", vps, "mb_per_s", mbs, "wall_s", t.wall,
                                      "cpu_s", t.cpu, "median_responses_per_s", bb.median_rps,
                                      "per_cpu_second", g_cpu_time));
    }
    json_object_set_new(J, "single_thread", js);
    json_object_set_new(J, "python_reference",
                        json_pack("{sfsf}", "responses_per_s", REF_RESPONSES_PER_S,
                                  "verdicts_per_s", REF_VERDICTS_PER_S));

    /* batch scaling: the set as one batch, and 8 times over in one batch (the
     * size of a large RL step), so each call's fixed cost (threads, results) shows */
    printf("\nifr_check_batch (BOTH), wall     items threads  responses/s  verdicts/s  speed-up   median  CPU-s/1k\n");
    json_t *jb = json_array();
    static const size_t reps_list[2] = {1, 8};
    for (int r = 0; r < 2; r++) {
        batch_arrays b = make_batch(&w, reps_list[r]);
        double base = 0;
        for (unsigned th = 1; th <= 2 * max_threads; th = th < max_threads ? th + 1 : th * 2) {
            tput tr[64];
            for (int k = 0; k < g_trials; k++)
                tr[k] = run_batch(&w, &b, th, NULL, secs);
            best bb = pick(tr, g_trials);
            tput t = bb.best;
            double rps = (double)t.responses / t.seconds, vps = (double)t.verdicts / t.seconds;
            if (th == 1)
                base = rps;
            double cpk = t.cpu / (double)t.responses * 1000.0;
            printf("%39zu %7u %12.0f %11.0f %8.2fx %9.0f %8.3f\n", w.n * b.reps, th, rps, vps,
                   rps / base, bb.median_rps, cpk);
            json_array_append_new(jb, json_pack("{sIsisfsfsfsfsf}", "items",
                                                (json_int_t)(w.n * b.reps), "threads", (int)th,
                                                "responses_per_s", rps, "verdicts_per_s", vps,
                                                "speedup", rps / base, "median_responses_per_s",
                                                bb.median_rps, "cpu_s_per_1000_responses", cpk));
        }
        free_batch(&b);
    }
    json_object_set_new(J, "batch_scaling", jb);

    /* per checker */
    checker_cost costs[256];
    size_t nc = per_checker(&w, costs, 256, secs / 10 > 0.02 ? secs / 10 : 0.02);
    if (nc) {
        printf("\nper checker (one-instruction spec, %s)      strict ns/call  both ns/call   "
               "calls  mean bytes\n",
               g_cpu_time ? "CPU" : "wall");
        json_t *jc = json_object();
        for (size_t i = 0; i < nc; i++) {
            printf("  %-44s %14.0f %13.0f %7zu %10.0f\n", costs[i].id, costs[i].ns_per_call,
                   costs[i].ns_both, costs[i].calls, costs[i].mean_bytes);
            json_object_set_new(jc, costs[i].id,
                                json_pack("{sfsfsIsf}", "ns_per_call", costs[i].ns_per_call,
                                          "ns_per_call_both", costs[i].ns_both, "calls",
                                          (json_int_t)costs[i].calls, "mean_bytes",
                                          costs[i].mean_bytes));
        }
        json_object_set_new(J, "per_checker", jc);
    }

    /* memory: the whole set in batch mode, in a fresh process */
    char buf[256];
    double ts;
    char dd[4096];
    snprintf(dd, sizeof dd, "%s", data_dir ? data_dir : "");
    char *rss_argv[] = {argv[0], "--child-rss", dd, NULL};
    long rss_kb = 0, before_kb = 0;
    size_t heap = 0, nrows = 0;
    if (spawn_self(rss_argv, buf, sizeof buf, &ts) == 0 &&
        sscanf(buf, "%ld %ld %zu %zu", &rss_kb, &before_kb, &heap, &nrows) == 4) {
        printf("\nbatch mode, whole set (%zu responses, all cores, IFR_CHECK_BOTH):\n"
               "  peak RSS %.1f MiB (%.1f MiB after loading the data), "
               "peak library heap %.2f MiB\n",
               nrows, (double)rss_kb / 1024, (double)before_kb / 1024,
               (double)heap / 1048576.0);
        json_object_set_new(J, "batch_memory",
                            json_pack("{sfsfsf}", "peak_rss_mib", (double)rss_kb / 1024,
                                      "rss_after_load_mib", (double)before_kb / 1024,
                                      "library_heap_peak_mib", (double)heap / 1048576.0));
    }

    /* process start to first verdict */
    if (w.n > 0) {
        static const struct {
            const char *name;
            const char *spec;
        } first[] = {
            {"punctuation:no_comma",
             "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}"},
            {"language:response_language",
             "{\"instruction_id_list\": [\"language:response_language\"], "
             "\"kwargs\": [{\"language\": \"en\"}]}"},
        };
        printf("\nprocess start (spawn) to first verdict, median of 21 (loose mode):\n");
        json_t *jf = json_object();
        for (size_t f = 0; f < sizeof first / sizeof first[0]; f++) {
            double times[21];
            int ok = 1;
            for (int k = 0; k < 21 && ok; k++) {
                char *fa[] = {argv[0], "--child-first", (char *)first[f].spec,
                              "This is a short English answer, written for the benchmark.",
                              NULL};
                double tv = 0.0;
                ok = spawn_self(fa, buf, sizeof buf, &ts) == 0 && sscanf(buf, "%lf", &tv) == 1;
                times[k] = (tv - ts) * 1e3;
            }
            if (!ok) {
                printf("  %-28s (could not run)\n", first[f].name);
                continue;
            }
            qsort(times, 21, sizeof times[0], cmp_double);
            printf("  %-28s %.2f ms (min %.2f, max %.2f)\n", first[f].name, times[10],
                   times[0], times[20]);
            json_object_set_new(jf, first[f].name,
                                json_pack("{sfsfsf}", "median_ms", times[10], "min_ms", times[0],
                                          "max_ms", times[20]));
        }
        json_object_set_new(J, "first_verdict", jf);
    }

    json_object_set_new(J, "peak_rss_mib", json_real((double)peak_rss_kb() / 1024));
    printf("\npeak RSS of this process: %.1f MiB\n", (double)peak_rss_kb() / 1024);
    if (json_dump_file(J, out_path, JSON_INDENT(2) | JSON_SORT_KEYS) == 0)
        printf("figures written to %s\n", out_path);
    else
        fprintf(stderr, "bench: cannot write %s\n", out_path);
    json_decref(J);
    for (size_t i = 0; i < w.n; i++) {
        ifr_spec_free(w.items[i].spec);
        free(w.items[i].spec_json);
        free(w.items[i].text);
    }
    free(w.items);
    json_decref(w.rows);
    return 0;
}
