/* dataset.c - file, line, flag and dataset-row helpers shared by the CLI commands. */
#include "dataset.h"

#include "ifreward.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* MARK: files and lines ---------------------------------------------------- */

char *ds_read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb)
            free(buf);
        buf = nb;
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || bad) {
        free(buf);
        if (!errno)
            errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool ds_next_line(const char *buf, size_t len, size_t *pos, ds_line *out)
{
    if (*pos >= len)
        return false;
    const char *s = buf + *pos;
    const char *nl = memchr(s, '\n', len - *pos);
    size_t l = nl ? (size_t)(nl - s) : len - *pos;
    out->s = s;
    out->n = l;
    out->nl = nl != NULL;
    out->lineno++;
    *pos += l + (nl ? 1 : 0);
    return true;
}

bool ds_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* MARK: Python literals ---------------------------------------------------- */

typedef struct lit {
    const char *s;
    size_t n, i;
    int depth;
    const char *err;
} lit;

static bool in_set(char c, const char *set)
{
    return c && strchr(set, c) != NULL;
}

static void lit_ws(lit *p)
{
    while (p->i < p->n && in_set(p->s[p->i], " \t\r\n\f\v"))
        p->i++;
}

static int hexdig(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void put_cp(char *b, size_t *o, uint32_t c)
{
    if (c >= 0xD800 && c <= 0xDFFF)
        c = 0xFFFD; /* jansson wants valid UTF-8 */
    if (c < 0x80) {
        b[(*o)++] = (char)c;
    } else if (c < 0x800) {
        b[(*o)++] = (char)(0xC0 | (c >> 6));
        b[(*o)++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        b[(*o)++] = (char)(0xE0 | (c >> 12));
        b[(*o)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[(*o)++] = (char)(0x80 | (c & 0x3F));
    } else {
        b[(*o)++] = (char)(0xF0 | (c >> 18));
        b[(*o)++] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[(*o)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[(*o)++] = (char)(0x80 | (c & 0x3F));
    }
}

/* One or more adjacent string literals (implicit concatenation). */
static json_t *lit_string(lit *p)
{
    size_t cap = 64, o = 0;
    char *b = malloc(cap);
    if (!b)
        return NULL;
    bool any = false;
    for (;;) {
        lit_ws(p);
        size_t save = p->i;
        bool raw = false;
        while (p->i < p->n && in_set(p->s[p->i], "rRuU")) {
            raw = raw || p->s[p->i] == 'r' || p->s[p->i] == 'R';
            p->i++;
        }
        if (p->i >= p->n || (p->s[p->i] != '\'' && p->s[p->i] != '"')) {
            p->i = save;
            break;
        }
        char q = p->s[p->i];
        bool triple = p->i + 2 < p->n && p->s[p->i + 1] == q && p->s[p->i + 2] == q;
        p->i += triple ? 3 : 1;
        for (;;) {
            if (o + 8 > cap) { /* one step appends at most 4 bytes */
                char *nb = realloc(b, cap * 2);
                if (!nb) {
                    p->err = "out of memory";
                    free(b);
                    return NULL;
                }
                b = nb;
                cap *= 2;
            }
            if (p->i >= p->n) {
                p->err = "unterminated string";
                free(b);
                return NULL;
            }
            char c = p->s[p->i];
            if (c == q && (!triple || (p->i + 2 < p->n && p->s[p->i + 1] == q &&
                                       p->s[p->i + 2] == q))) {
                p->i += triple ? 3 : 1;
                break;
            }
            if (c == '\n' && !triple) {
                p->err = "newline in string";
                free(b);
                return NULL;
            }
            if (c != '\\' || raw || p->i + 1 >= p->n) {
                b[o++] = c;
                p->i++;
                continue;
            }
            char e = p->s[p->i + 1];
            p->i += 2;
            int nhex = 0;
            switch (e) {
            case 'n': b[o++] = '\n'; break;
            case 't': b[o++] = '\t'; break;
            case 'r': b[o++] = '\r'; break;
            case 'a': b[o++] = '\a'; break;
            case 'b': b[o++] = '\b'; break;
            case 'f': b[o++] = '\f'; break;
            case 'v': b[o++] = '\v'; break;
            case '0': b[o++] = '\0'; break;
            case '\\': case '\'': case '"': b[o++] = e; break;
            case '\n': break;
            case 'x': nhex = 2; break;
            case 'u': nhex = 4; break;
            case 'U': nhex = 8; break;
            default:
                b[o++] = '\\';
                b[o++] = e;
            }
            if (nhex) {
                uint32_t cp = 0;
                for (int k = 0; k < nhex; k++) {
                    int h = p->i < p->n ? hexdig(p->s[p->i]) : -1;
                    if (h < 0 || cp > 0x10FFFF) {
                        p->err = "bad escape";
                        free(b);
                        return NULL;
                    }
                    cp = cp * 16 + (uint32_t)h;
                    p->i++;
                }
                if (cp > 0x10FFFF) {
                    p->err = "bad escape";
                    free(b);
                    return NULL;
                }
                put_cp(b, &o, cp);
            }
        }
        any = true;
    }
    json_t *r = any ? json_stringn_nocheck(b, o) : NULL;
    if (!any)
        p->err = "expected a string";
    free(b);
    return r;
}

static json_t *lit_value(lit *p);

static json_t *lit_seq(lit *p, char close, bool dict)
{
    json_t *r = dict ? json_object() : json_array();
    p->i++;
    for (;;) {
        lit_ws(p);
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return r;
        }
        json_t *k = lit_value(p);
        if (!k)
            goto fail;
        if (dict) {
            lit_ws(p);
            if (!json_is_string(k) || p->i >= p->n || p->s[p->i] != ':') {
                json_decref(k);
                p->err = "expected a string key and ':'";
                goto fail;
            }
            p->i++;
            json_t *v = lit_value(p);
            if (!v) {
                json_decref(k);
                goto fail;
            }
            json_object_set_new(r, json_string_value(k), v);
            json_decref(k);
        } else {
            json_array_append_new(r, k);
        }
        lit_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return r;
        }
        p->err = "expected ',' or a closing bracket";
        goto fail;
    }
fail:
    json_decref(r);
    return NULL;
}

static bool word_at(lit *p, const char *w)
{
    size_t n = strlen(w);
    if (p->n - p->i < n || memcmp(p->s + p->i, w, n))
        return false;
    char c = p->i + n < p->n ? p->s[p->i + n] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
        return false;
    p->i += n;
    return true;
}

static json_t *lit_number(lit *p)
{
    const char *st = p->s + p->i;
    size_t k = 0;
    while (p->i + k < p->n && in_set(st[k], "+-.0123456789eE"))
        k++;
    char tmp[64], *end;
    if (k == 0 || k >= sizeof tmp) {
        p->err = "bad number";
        return NULL;
    }
    memcpy(tmp, st, k);
    tmp[k] = '\0';
    json_t *r = NULL;
    errno = 0;
    if (strpbrk(tmp, ".eE")) {
        double d = strtod(tmp, &end);
        if (!*end)
            r = json_real(d);
    } else {
        long long v = strtoll(tmp, &end, 10);
        if (!*end && !errno)
            r = json_integer(v);
    }
    if (!r)
        p->err = "bad number";
    p->i += k;
    return r;
}

static json_t *lit_value(lit *p)
{
    lit_ws(p);
    if (p->i >= p->n) {
        p->err = "unexpected end";
        return NULL;
    }
    if (p->depth >= 64) {
        p->err = "nested too deeply";
        return NULL;
    }
    p->depth++;
    json_t *r = NULL;
    char c = p->s[p->i];
    if (c == '{')
        r = lit_seq(p, '}', true);
    else if (c == '[')
        r = lit_seq(p, ']', false);
    else if (c == '(')
        r = lit_seq(p, ')', false);
    else if (c == '\'' || c == '"' || c == 'r' || c == 'R' || c == 'u' || c == 'U')
        r = lit_string(p);
    else if (word_at(p, "True"))
        r = json_true();
    else if (word_at(p, "False"))
        r = json_false();
    else if (word_at(p, "None"))
        r = json_null();
    else if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))
        r = lit_number(p);
    else
        p->err = "not a Python literal";
    p->depth--;
    return r;
}

json_t *ds_pylit(const char *s, size_t n, char *msg, size_t cap)
{
    lit p = {.s = s, .n = n};
    json_t *r = lit_value(&p);
    if (r) {
        lit_ws(&p);
        if (p.i != p.n) {
            json_decref(r);
            r = NULL;
            p.err = "extra data after the literal";
        }
    }
    if (!r && msg)
        snprintf(msg, cap, "%s at character %zu", p.err ? p.err : "not a literal", p.i);
    return r;
}

/* MARK: instructions of a row ---------------------------------------------- */

static int push(ds_spec *s, const char *id, json_t *kw, size_t entry)
{
    ds_instr *nv = realloc(s->v, (s->n + 1) * sizeof *nv);
    if (!nv)
        return -1;
    s->v = nv;
    s->v[s->n].id = id;
    s->v[s->n].kwargs = json_is_object(kw) ? kw : NULL;
    s->v[s->n].entry = entry;
    s->n++;
    return 0;
}

static int oi_entry(ds_spec *s, json_t *e, size_t entry, char *msg, size_t cap)
{
    json_t *ids = json_object_get(e, "instruction_id");
    if (!ids)
        ids = json_object_get(e, "instruction_id_list");
    json_t *kws = json_object_get(e, "kwargs");
    if (json_is_string(ids))
        return push(s, json_string_value(ids), json_is_array(kws) ? json_array_get(kws, 0) : kws,
                    entry);
    if (!json_is_array(ids)) {
        snprintf(msg, cap, "instruction ids must be a list of ids or an id");
        return -1;
    }
    size_t i;
    json_t *id;
    json_array_foreach(ids, i, id) {
        if (!json_is_string(id)) {
            snprintf(msg, cap, "instruction ids must be strings");
            return -1;
        }
        if (push(s, json_string_value(id), json_is_array(kws) ? json_array_get(kws, i) : NULL,
                 entry))
            return -1;
    }
    return 0;
}

static int extract_value(ds_spec *s, json_t *v, int hops, char *msg, size_t cap);

static int extract_string(ds_spec *s, json_t *str, int hops, char *msg, size_t cap)
{
    json_error_t je;
    const char *t = json_string_value(str);
    size_t n = json_string_length(str);
    json_t *inner = json_loadb(t, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    int kind = 1;
    if (!inner) {
        char m2[128];
        inner = ds_pylit(t, n, m2, sizeof m2);
        kind = 2;
        if (!inner) {
            snprintf(msg, cap, "string is neither JSON (%s) nor a Python literal (%s)", je.text,
                     m2);
            return -1;
        }
    }
    json_array_append_new(s->owned, inner);
    if (s->where == DS_GROUND_TRUTH && !s->gt_string) {
        s->gt_string = kind;
        s->gt = inner;
    }
    return extract_value(s, inner, hops + 1, msg, cap);
}

static int extract_value(ds_spec *s, json_t *v, int hops, char *msg, size_t cap)
{
    if (hops > 3) {
        snprintf(msg, cap, "spec strings nested too deeply");
        return -1;
    }
    if (json_is_string(v))
        return extract_string(s, v, hops, msg, cap);
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            if (!json_is_object(e)) {
                snprintf(msg, cap, "each ground-truth entry must be an object");
                return -1;
            }
            if (oi_entry(s, e, i, msg, cap))
                return -1;
        }
        s->entries = json_array_size(v);
        return 0;
    }
    if (!json_is_object(v)) {
        snprintf(msg, cap, "a spec is an object, a list of instruction objects or a string");
        return -1;
    }
    if (json_object_get(v, "instruction_id_list") || json_object_get(v, "instruction_id")) {
        if (!s->where)
            s->where = DS_TOP;
        return oi_entry(s, v, 0, msg, cap);
    }
    json_t *fn = json_object_get(v, "func_name");
    if (fn) {
        if (!json_is_string(fn)) {
            snprintf(msg, cap, "func_name must be a string");
            return -1;
        }
        if (!s->where)
            s->where = DS_FUNC_NAME;
        json_t *kw = json_object();
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x) {
            if (strcmp(k, "func_name") && strcmp(k, "suite") && strcmp(k, "semantics"))
                json_object_set(kw, k, x);
        }
        json_array_append_new(s->owned, kw);
        return push(s, json_string_value(fn), kw, 0);
    }
    json_t *gt = json_object_get(v, "ground_truth");
    if (gt && !s->where) {
        s->where = DS_GROUND_TRUTH;
        s->gt = gt;
        return extract_value(s, gt, hops + 1, msg, cap);
    }
    snprintf(msg, cap, "no instructions: expected instruction_id_list, instruction_id, "
                       "func_name or ground_truth");
    return -1;
}

int ds_extract(json_t *row, ds_spec *out, char *msg, size_t cap)
{
    memset(out, 0, sizeof *out);
    out->owned = json_array();
    if (!out->owned) {
        snprintf(msg, cap, "out of memory");
        return -1;
    }
    if (extract_value(out, row, 0, msg, cap))
        return -1;
    if (out->n == 0) {
        snprintf(msg, cap, "no instructions");
        return -1;
    }
    return 0;
}

void ds_spec_free(ds_spec *s)
{
    free(s->v);
    json_decref(s->owned);
    memset(s, 0, sizeof *s);
}

/* MARK: prompts, keys, names ----------------------------------------------- */

json_t *ds_prompt(json_t *row)
{
    json_t *p = json_object_get(row, "prompt");
    if (json_is_string(p))
        return p;
    json_t *msgs = json_object_get(row, "messages");
    if (!json_is_array(msgs))
        return NULL;
    for (size_t i = json_array_size(msgs); i-- > 0;) {
        json_t *m = json_array_get(msgs, i);
        json_t *role = json_object_get(m, "role");
        json_t *c = json_object_get(m, "content");
        if (json_is_string(role) && !strcmp(json_string_value(role), "user") && json_is_string(c))
            return c;
    }
    return NULL;
}

bool ds_key_text(json_t *v, char *buf, size_t cap)
{
    if (json_is_string(v)) {
        snprintf(buf, cap, "%s", json_string_value(v));
        return true;
    }
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return true;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (d > -9.0e15 && d < 9.0e15 && d == (double)(long long)d)
            snprintf(buf, cap, "%lld", (long long)d);
        else
            snprintf(buf, cap, "%.17g", d);
        return true;
    }
    return false;
}

int ds_suite_code(const char *s)
{
    if (!strcmp(s, "auto")) return IFR_SUITE_AUTO;
    if (!strcmp(s, "ifeval")) return IFR_SUITE_IFEVAL;
    if (!strcmp(s, "iftrain")) return IFR_SUITE_IFTRAIN;
    if (!strcmp(s, "ifbench")) return IFR_SUITE_IFBENCH;
    if (!strcmp(s, "tulu3")) return IFR_SUITE_TULU3;
    return -1;
}

const char *ds_flag_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

int ds_other_arg(const char *prog, const char *arg, bool missing, const char *help,
                 const char **input)
{
    if (missing) {
        fprintf(stderr, "%s: %s needs a value\n", prog, arg);
        return 2;
    }
    if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
        fputs(help, stdout);
        return 0;
    }
    if (arg[0] == '-' && arg[1] != '\0') {
        fprintf(stderr, "%s: unknown argument '%s' (see --help)\n", prog, arg);
        return 2;
    }
    if (*input) {
        fprintf(stderr, "%s: only one input file\n", prog);
        return 2;
    }
    *input = arg;
    return -1;
}
