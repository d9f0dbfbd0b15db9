/*
 * refine.c - `ifreward refine`: subsets of an instruction-following dataset for
 * training with precise rewards (see docs/TOOLS.md).
 *
 *   --hard-only        drop the soft constraints of each row (rows left with none go)
 *   --max-soft K       drop rows with more than K soft constraints
 *   --pilot ROLLOUTS   drop rows whose pilot rewards are all 0 (and optionally all 1
 *                      or all equal)
 *
 * A constraint is soft when the row's "constraint_types" list says "soft" for it,
 * or, without that list, when the registry has no checker for its id. Kept rows
 * are written byte for byte; a row whose soft constraints were removed is
 * re-serialised (json.dumps style).
 */
#include "commands.h"
#include "dataset.h"
#include "ifreward.h"
#include "../text/pydump.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "ifreward refine"

/* MARK: drop reasons ------------------------------------------------------- */

enum reason {
    R_MALFORMED,     /* not a JSON object */
    R_INVALID_SPEC,  /* no readable instruction list / bad constraint_types */
    R_NO_ROLLOUTS,   /* pilot: no rollout for the key */
    R_ALL_ZERO,
    R_ALL_ONE,
    R_CONSTANT,
    R_TOO_MANY_SOFT,
    R_NO_HARD,
    R_COUNT
};

static const char *const reason_name[R_COUNT] = {
    "malformed", "invalid_spec", "no_rollouts", "all_zero",
    "all_one",   "constant",     "too_many_soft", "no_hard"};

/* MARK: rollouts: key -> reward statistics ---------------------------------- */

typedef struct stat {
    char *key;
    size_t n;
    double min, max;
    bool used;
} stat;

typedef struct rmap {
    stat *v;
    size_t cap, n;
} rmap;

static size_t hash_key(const char *s)
{
    size_t h = (size_t)1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

static stat *rmap_find(rmap *m, const char *key, bool create)
{
    if (create && (m->n + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 1024;
        stat *nv = calloc(nc, sizeof *nv);
        if (!nv) {
            fprintf(stderr, PROG ": out of memory\n");
            exit(2);
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->v[i].key) {
                size_t j = hash_key(m->v[i].key) & (nc - 1);
                while (nv[j].key)
                    j = (j + 1) & (nc - 1);
                nv[j] = m->v[i];
            }
        free(m->v);
        m->v = nv;
        m->cap = nc;
    }
    if (!m->cap)
        return NULL;
    size_t j = hash_key(key) & (m->cap - 1);
    while (m->v[j].key) {
        if (!strcmp(m->v[j].key, key))
            return &m->v[j];
        j = (j + 1) & (m->cap - 1);
    }
    if (!create)
        return NULL;
    m->v[j].key = strdup(key);
    m->v[j].min = INFINITY;
    m->v[j].max = -INFINITY;
    m->n++;
    return &m->v[j];
}

static void rmap_free(rmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->v[i].key);
    free(m->v);
}

/* The key of a row as text (malloc'd): the named field, or the first of key, id,
 * uid, prompt. NULL if the row has none. */
static char *key_text(json_t *v)
{
    if (json_is_string(v))
        return strdup(json_string_value(v));
    char b[64];
    return ds_key_text(v, b, sizeof b) ? strdup(b) : NULL;
}

static char *row_key(json_t *row, const char *field)
{
    if (field)
        return key_text(json_object_get(row, field));
    static const char *const fields[] = {"key", "id", "uid", "prompt"};
    for (size_t i = 0; i < 4; i++) {
        char *k = key_text(json_object_get(row, fields[i]));
        if (k)
            return k;
    }
    return NULL;
}

static bool add_reward(stat *s, json_t *v)
{
    double d;
    if (json_is_number(v))
        d = json_number_value(v);
    else if (json_is_boolean(v))
        d = json_is_true(v) ? 1.0 : 0.0;
    else
        return false;
    if (isnan(d))
        return false;
    s->n++;
    s->min = d < s->min ? d : s->min;
    s->max = d > s->max ? d : s->max;
    return true;
}

typedef struct rollout_info {
    size_t lines, malformed;
} rollout_info;

static int load_rollouts(const char *path, const char *keyf, const char *rewf, rmap *m,
                         rollout_info *info)
{
    size_t len;
    char *buf = ds_read_file(path, &len);
    if (!buf) {
        fprintf(stderr, PROG ": cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t pos = 0;
    ds_line ln = {0};
    while (ds_next_line(buf, len, &pos, &ln)) {
        if (ds_blank(ln.s, ln.n))
            continue;
        info->lines++;
        char *key = NULL;
        json_error_t je;
        json_t *o = json_loadb(ln.s, ln.n, JSON_ALLOW_NUL, &je);
        const char *why = NULL;
        json_t *rw = o ? json_object_get(o, rewf) : NULL;
        if (!o || !json_is_object(o))
            why = o ? "not a JSON object" : je.text;
        else if (!(key = row_key(o, keyf)))
            why = keyf ? "no key field" : "no key field (key, id, uid or prompt)";
        else if (!rw)
            why = "no reward field";
        if (!why) {
            stat *s = rmap_find(m, key, true);
            if (json_is_array(rw)) {
                size_t i;
                json_t *x;
                json_array_foreach(rw, i, x) {
                    if (!add_reward(s, x))
                        why = "rewards must be numbers or booleans";
                }
            } else if (!add_reward(s, rw)) {
                why = "the reward must be a number, a boolean or a list of them";
            }
        }
        if (why) {
            fprintf(stderr, "%s:%zu: %s\n", path, ln.lineno, why);
            info->malformed++;
        }
        free(key);
        json_decref(o);
    }
    free(buf);
    return 0;
}

/* MARK: hard and soft constraints ------------------------------------------ */

static bool registry_knows(const char *id, int suite)
{
    static const char *const names[] = {NULL, "ifeval", "iftrain", "ifbench", "tulu3"};
    for (size_t i = 0; i < ifr_checker_count(); i++) {
        if (strcmp(ifr_checker_id(i), id))
            continue;
        const char *s = ifr_checker_suite(i);
        if (suite == IFR_SUITE_AUTO || !strcmp(s, names[suite]) ||
            ((suite == IFR_SUITE_IFTRAIN || suite == IFR_SUITE_IFBENCH) && !strcmp(s, "ifeval")))
            return true;
    }
    return false;
}

/* hard[i] for each instruction; -1 with a message when constraint_types is bad. */
static int classify(json_t *row, const ds_spec *ds, int suite, bool *hard, char *msg, size_t cap)
{
    json_t *ct = json_object_get(row, "constraint_types");
    if (ct && !json_is_null(ct)) {
        if (!json_is_array(ct) || json_array_size(ct) != ds->n) {
            snprintf(msg, cap, "constraint_types must be a list with one entry per instruction "
                               "(%zu)", ds->n);
            return -1;
        }
        for (size_t i = 0; i < ds->n; i++) {
            const char *t = json_string_value(json_array_get(ct, i));
            if (!t || (strcmp(t, "hard") && strcmp(t, "soft"))) {
                snprintf(msg, cap, "constraint_types[%zu] must be \"hard\" or \"soft\"", i);
                return -1;
            }
            hard[i] = !strcmp(t, "hard");
        }
        return 0;
    }
    for (size_t i = 0; i < ds->n; i++)
        hard[i] = registry_knows(ds->v[i].id, suite);
    return 0;
}

/* Keep the items of arr whose mask entry (from *k on) is set. */
static json_t *filter_array(json_t *arr, const bool *keep, size_t n, size_t off)
{
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        if (keep[off + i]) {
            json_t *x = json_is_array(arr) ? json_array_get(arr, i) : NULL;
            json_array_append(out, x ? x : json_null());
        }
    return out;
}

/* One instruction entry (instruction_id[_list] + kwargs): filter in place.
 * Returns how many instructions it keeps. */
static size_t filter_entry(json_t *e, const bool *keep, size_t *k)
{
    const char *idkey = json_object_get(e, "instruction_id") ? "instruction_id"
                                                              : "instruction_id_list";
    json_t *ids = json_object_get(e, idkey);
    if (json_is_string(ids))
        return keep[(*k)++] ? 1 : 0;
    size_t n = json_array_size(ids), kept = 0;
    for (size_t i = 0; i < n; i++)
        kept += keep[*k + i];
    json_t *kws = json_object_get(e, "kwargs");
    json_object_set_new(e, idkey, filter_array(ids, keep, n, *k));
    if (json_is_array(kws))
        json_object_set_new(e, "kwargs", filter_array(kws, keep, n, *k));
    *k += n;
    return kept;
}

/* Python repr() of a JSON value (what open-instruct's ground truth strings hold). */
static void py_repr(FILE *f, json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        fputc('{', f);
        const char *k;
        json_t *x;
        bool first = true;
        json_object_foreach(v, k, x) {
            fputs(first ? "" : ", ", f);
            first = false;
            json_t *ks = json_string(k);
            py_repr(f, ks);
            json_decref(ks);
            fputs(": ", f);
            py_repr(f, x);
        }
        fputc('}', f);
        break;
    }
    case JSON_ARRAY: {
        fputc('[', f);
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) {
            fputs(i ? ", " : "", f);
            py_repr(f, x);
        }
        fputc(']', f);
        break;
    }
    case JSON_STRING: {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
        char q = sq && !dq ? '"' : '\'';
        fputc(q, f);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c == '\\' || c == (unsigned char)q)
                fprintf(f, "\\%c", c);
            else if (c == '\n')
                fputs("\\n", f);
            else if (c == '\r')
                fputs("\\r", f);
            else if (c == '\t')
                fputs("\\t", f);
            else if (c < 0x20 || c == 0x7f)
                fprintf(f, "\\x%02x", c);
            else
                fputc(c, f);
        }
        fputc(q, f);
        break;
    }
    case JSON_INTEGER:
        fprintf(f, "%lld", (long long)json_integer_value(v));
        break;
    case JSON_REAL: {
        char b[64];
        ifr__py_float_repr(json_real_value(v), b, sizeof b);
        fputs(b, f);
        break;
    }
    case JSON_TRUE:
        fputs("True", f);
        break;
    case JSON_FALSE:
        fputs("False", f);
        break;
    default:
        fputs("None", f);
    }
}

static json_t *dump_string(json_t *v, bool python)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (!f)
        return NULL;
    if (python)
        py_repr(f, v);
    else
        ifr__py_dump(f, v);
    fclose(f);
    json_t *s = json_stringn(mem, len);
    free(mem);
    return s;
}

/* Remove the soft constraints of a row in place. Returns the number kept. */
static size_t drop_soft(json_t *row, ds_spec *ds, const bool *hard)
{
    size_t k = 0, kept = 0;
    if (ds->where == DS_FUNC_NAME)
        return hard[0] ? 1 : 0;
    if (ds->where == DS_TOP) {
        kept = filter_entry(row, hard, &k);
    } else {
        json_t *gt = ds->gt;
        if (json_is_array(gt)) {
            json_t *entries = json_array();
            size_t i;
            json_t *e;
            json_array_foreach(gt, i, e) {
                size_t c = filter_entry(e, hard, &k);
                kept += c;
                if (c)
                    json_array_append(entries, e);
            }
            json_array_clear(gt);
            json_array_extend(gt, entries);
            json_decref(entries);
        } else if (json_is_object(gt)) {
            kept = filter_entry(gt, hard, &k);
        }
        if (ds->gt_string && kept)
            json_object_set_new(row, "ground_truth", dump_string(gt, ds->gt_string == 2));
    }
    json_t *ct = json_object_get(row, "constraint_types");
    if (json_is_array(ct))
        json_object_set_new(row, "constraint_types", filter_array(ct, hard, ds->n, 0));
    return kept;
}

/* MARK: command ------------------------------------------------------------ */

static const char refine_help[] =
    "usage: ifreward refine (--hard-only | --max-soft K | --pilot ROLLOUTS) [options] FILE|-\n\n"
    "Writes the rows of a dataset (JSONL) that are worth training on with precise\n"
    "rewards, unchanged (same bytes), to stdout or --output; counts kept and dropped\n"
    "by reason go to stderr (and --report FILE as JSON). See docs/TOOLS.md.\n\n"
    "constraint types (hard = verified by a registry checker, soft = judged by a model):\n"
    "a row's \"constraint_types\" list (\"hard\"/\"soft\", one per instruction) decides;\n"
    "without it, an id the registry does not know is soft.\n"
    "  --hard-only          remove the soft constraints from each row (the row is then\n"
    "                       re-serialised); drop rows left with no constraint\n"
    "  --max-soft K         drop rows with more than K soft constraints\n"
    "  --suite S            suite for the registry lookup: auto (default), ifeval, iftrain,\n"
    "                       ifbench, tulu3\n\n"
    "pilot filter (rollouts: JSONL of {\"key\": .., \"reward\": number | bool | [numbers]},\n"
    "any number of lines per key):\n"
    "  --pilot FILE         keep rows whose rewards are not all 0 (--drop-all-zero is on)\n"
    "  --keep-all-zero      do not drop rows whose rewards are all 0\n"
    "  --drop-constant      also drop rows whose rewards are all equal (no GRPO signal)\n"
    "  --drop-all-one       also drop rows whose rewards are all >= 1 (too easy)\n"
    "  --keep-unscored      keep rows without any rollout (dropped by default)\n"
    "  --key FIELD          key field of rows and rollouts (default: the first of key, id,\n"
    "                       uid, prompt); strings match as is, integers in decimal\n"
    "  --reward FIELD       reward field of the rollouts (default reward)\n\n"
    "output:\n"
    "  --output FILE        write the kept rows to FILE instead of stdout\n"
    "  --report FILE        write the counts as JSON to FILE (- for stdout, after the rows)\n"
    "  --quiet              no counts on stderr\n\n"
    "Exit status: 0 done, 1 done but some input lines were malformed (reported with line\n"
    "numbers and dropped), 2 usage or I/O error.\n";

typedef struct counts {
    size_t rows, kept, rewritten, soft_removed, dropped[R_COUNT];
} counts;

static int write_report(const char *path, const counts *c, const rollout_info *ri, const rmap *m,
                        bool pilot)
{
    json_t *o = json_object();
    json_object_set_new(o, "input_rows", json_integer((json_int_t)c->rows));
    json_object_set_new(o, "kept", json_integer((json_int_t)c->kept));
    json_object_set_new(o, "rewritten", json_integer((json_int_t)c->rewritten));
    json_object_set_new(o, "soft_constraints_removed", json_integer((json_int_t)c->soft_removed));
    json_t *d = json_object();
    size_t total = 0;
    for (int r = 0; r < R_COUNT; r++) {
        json_object_set_new(d, reason_name[r], json_integer((json_int_t)c->dropped[r]));
        total += c->dropped[r];
    }
    json_object_set_new(o, "dropped_total", json_integer((json_int_t)total));
    json_object_set_new(o, "dropped", d);
    if (pilot) {
        size_t unmatched = 0;
        for (size_t i = 0; i < m->cap; i++)
            unmatched += m->v[i].key && !m->v[i].used;
        json_t *ro = json_object();
        json_object_set_new(ro, "lines", json_integer((json_int_t)ri->lines));
        json_object_set_new(ro, "malformed", json_integer((json_int_t)ri->malformed));
        json_object_set_new(ro, "keys", json_integer((json_int_t)m->n));
        json_object_set_new(ro, "unmatched_keys", json_integer((json_int_t)unmatched));
        json_object_set_new(o, "rollouts", ro);
    }
    FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
    if (!f) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", path, strerror(errno));
        json_decref(o);
        return -1;
    }
    ifr__py_dump(f, o);
    fputc('\n', f);
    json_decref(o);
    if (f == stdout ? fflush(f) != 0 : fclose(f) != 0) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int cmd_refine(int argc, char **argv)
{
    const char *input = NULL, *output = NULL, *report = NULL, *pilot = NULL, *keyf = NULL,
               *rewf = "reward", *v;
    bool hard_only = false, keep_zero = false, drop_const = false, drop_one = false,
         keep_unscored = false, quiet = false;
    long max_soft = -1;
    int suite = IFR_SUITE_AUTO;
    for (int i = 0; i < argc; i++) {
        bool missing = false;
        if ((v = ds_flag_value(argc, argv, &i, "--max-soft", &missing))) {
            char *end;
            errno = 0;
            max_soft = strtol(v, &end, 10);
            if (!*v || *end || errno || max_soft < 0) {
                fprintf(stderr, PROG ": --max-soft needs a number >= 0, not '%s'\n", v);
                return 2;
            }
        } else if ((v = ds_flag_value(argc, argv, &i, "--pilot", &missing))) {
            pilot = v;
        } else if ((v = ds_flag_value(argc, argv, &i, "--output", &missing))) {
            output = v;
        } else if ((v = ds_flag_value(argc, argv, &i, "--report", &missing))) {
            report = v;
        } else if ((v = ds_flag_value(argc, argv, &i, "--key", &missing))) {
            keyf = v;
        } else if ((v = ds_flag_value(argc, argv, &i, "--reward", &missing))) {
            rewf = v;
        } else if ((v = ds_flag_value(argc, argv, &i, "--suite", &missing))) {
            suite = ds_suite_code(v);
            if (suite < 0) {
                fprintf(stderr, PROG ": --suite must be auto, ifeval, iftrain, ifbench or tulu3\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--hard-only")) {
            hard_only = true;
        } else if (!strcmp(argv[i], "--drop-all-zero")) {
            keep_zero = false;
        } else if (!strcmp(argv[i], "--keep-all-zero")) {
            keep_zero = true;
        } else if (!strcmp(argv[i], "--drop-constant")) {
            drop_const = true;
        } else if (!strcmp(argv[i], "--drop-all-one")) {
            drop_one = true;
        } else if (!strcmp(argv[i], "--keep-unscored")) {
            keep_unscored = true;
        } else if (!strcmp(argv[i], "--quiet")) {
            quiet = true;
        } else {
            int rc = ds_other_arg(PROG, argv[i], missing, refine_help, &input);
            if (rc >= 0)
                return rc;
        }
    }
    if (!input) {
        fprintf(stderr, PROG ": needs an input file (or - for stdin); see --help\n");
        return 2;
    }
    if (hard_only && max_soft >= 0) {
        fprintf(stderr, PROG ": --hard-only and --max-soft exclude each other\n");
        return 2;
    }
    if (!hard_only && max_soft < 0 && !pilot) {
        fprintf(stderr, PROG ": nothing to do: give --hard-only, --max-soft K or --pilot FILE\n");
        return 2;
    }
    if (!pilot && (keep_zero || drop_const || drop_one || keep_unscored)) {
        fprintf(stderr, PROG ": --keep-all-zero, --drop-constant, --drop-all-one and "
                        "--keep-unscored need --pilot\n");
        return 2;
    }
    if (report && output == NULL && !strcmp(report, "-")) {
        fprintf(stderr, PROG ": --report - needs --output for the rows\n");
        return 2;
    }
    if (pilot && input && !strcmp(pilot, "-") && !strcmp(input, "-")) {
        fprintf(stderr, PROG ": the dataset and the rollouts cannot both be stdin\n");
        return 2;
    }
    rmap m = {0};
    rollout_info ri = {0};
    if (pilot && load_rollouts(pilot, keyf, rewf, &m, &ri) != 0)
        return 2;
    size_t len;
    char *buf = ds_read_file(input, &len);
    if (!buf) {
        fprintf(stderr, PROG ": cannot read %s: %s\n", input, strerror(errno));
        rmap_free(&m);
        return 2;
    }
    FILE *out = stdout;
    if (output && !(out = fopen(output, "w"))) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", output, strerror(errno));
        free(buf);
        rmap_free(&m);
        return 2;
    }
    counts c = {0};
    int status = ri.malformed ? 1 : 0;
    size_t pos = 0;
    ds_line ln = {0};
    char msg[256];
    while (ds_next_line(buf, len, &pos, &ln)) {
        if (ds_blank(ln.s, ln.n))
            continue;
        c.rows++;
        json_error_t je;
        json_t *row = json_loadb(ln.s, ln.n, JSON_ALLOW_NUL, &je);
        int drop = -1;
        bool rewrite = false;
        if (!row || !json_is_object(row)) {
            fprintf(stderr, "%s:%zu: %s\n", input, ln.lineno, row ? "not a JSON object" : je.text);
            drop = R_MALFORMED;
            status = 1;
        }
        if (drop < 0 && pilot) {
            char *key = row_key(row, keyf);
            stat *s = key ? rmap_find(&m, key, false) : NULL;
            free(key);
            if (s)
                s->used = true;
            if (!s || !s->n) {
                if (!keep_unscored)
                    drop = R_NO_ROLLOUTS;
            } else if (!keep_zero && s->min == 0.0 && s->max == 0.0) {
                drop = R_ALL_ZERO;
            } else if (drop_one && s->min >= 1.0) {
                drop = R_ALL_ONE;
            } else if (drop_const && s->min == s->max) {
                drop = R_CONSTANT;
            }
        }
        if (drop < 0 && (hard_only || max_soft >= 0)) {
            ds_spec ds;
            if (ds_extract(row, &ds, msg, sizeof msg) != 0) {
                fprintf(stderr, "%s:%zu: %s\n", input, ln.lineno, msg);
                drop = R_INVALID_SPEC;
                status = 1;
            } else {
                bool *hard = calloc(ds.n, sizeof *hard);
                size_t nsoft = 0;
                if (classify(row, &ds, suite, hard, msg, sizeof msg) != 0) {
                    fprintf(stderr, "%s:%zu: %s\n", input, ln.lineno, msg);
                    drop = R_INVALID_SPEC;
                    status = 1;
                } else {
                    for (size_t i = 0; i < ds.n; i++)
                        nsoft += !hard[i];
                    if (max_soft >= 0 && nsoft > (size_t)max_soft) {
                        drop = R_TOO_MANY_SOFT;
                    } else if (hard_only && nsoft) {
                        if (nsoft == ds.n || drop_soft(row, &ds, hard) == 0) {
                            drop = R_NO_HARD;
                        } else {
                            rewrite = true;
                            c.soft_removed += nsoft;
                        }
                    }
                }
                free(hard);
                ds_spec_free(&ds);
            }
        }
        if (drop >= 0) {
            c.dropped[drop]++;
        } else if (rewrite) {
            ifr__py_dump(out, row);
            fputc('\n', out);
            c.kept++;
            c.rewritten++;
        } else {
            fwrite(ln.s, 1, ln.n, out);
            if (ln.nl)
                fputc('\n', out);
            c.kept++;
        }
        json_decref(row);
    }
    if (out != stdout ? fclose(out) != 0 : fflush(out) != 0) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", output ? output : "stdout",
                strerror(errno));
        status = 2;
    }
    if (!quiet) {
        size_t total = 0;
        for (int r = 0; r < R_COUNT; r++)
            total += c.dropped[r];
        fprintf(stderr, PROG ": %zu rows: kept %zu", c.rows, c.kept);
        if (c.rewritten)
            fprintf(stderr, " (%zu with %zu soft constraint(s) removed)", c.rewritten,
                    c.soft_removed);
        fprintf(stderr, ", dropped %zu", total);
        bool first = true;
        for (int r = 0; r < R_COUNT; r++)
            if (c.dropped[r]) {
                fprintf(stderr, "%s%s %zu", first ? ": " : ", ", reason_name[r], c.dropped[r]);
                first = false;
            }
        fputc('\n', stderr);
        if (pilot) {
            size_t unmatched = 0;
            for (size_t i = 0; i < m.cap; i++)
                unmatched += m.v[i].key && !m.v[i].used;
            fprintf(stderr, PROG ": rollouts: %zu lines, %zu keys, %zu keys matching no row",
                    ri.lines, m.n, unmatched);
            if (ri.malformed)
                fprintf(stderr, ", %zu malformed lines", ri.malformed);
            fputc('\n', stderr);
        }
    }
    if (report && write_report(report, &c, &ri, &m, pilot != NULL) != 0)
        status = 2;
    free(buf);
    rmap_free(&m);
    return status;
}
