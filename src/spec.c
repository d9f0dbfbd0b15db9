/*
 * spec.c - instruction JSON to a compiled ifr_spec (the only file using jansson
 * in the library).
 *
 * Accepted shapes (detected automatically, see docs/API.md):
 *   {"instruction_id_list": [...], "kwargs": [...], ...}        IFEval / IFBench row
 *   [{"instruction_id": [...] | "id", "kwargs": [...] | {...}}]  open-instruct ground truth
 *   {"func_name": "...", "N": ..., ...}                          Tulu 3 ground truth
 *   {"ground_truth": <any of these, or a string holding one>, ...}
 *   a JSON string holding any of these, or the Python literal text of one
 * A top-level "suite" string names the suite; "semantics" may be "compat"/"precise".
 */
#include "spec_internal.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MARK: parse context (what checkers' parse functions see) --------------- */

struct ifr__parse_ctx {
    ifr_spec *spec;
    ifr_error *err;
    int index;              /* instruction index */
    const char *kwpath;     /* e.g. "/kwargs/2" */
    int semantics;
};

void *ifr__parse_alloc(ifr__parse_ctx *pc, size_t n)
{
    return ifr__arena_calloc(&pc->spec->arena, 1, n);
}

char *ifr__parse_strdup(ifr__parse_ctx *pc, const char *s, size_t n)
{
    return ifr__arena_strndup(&pc->spec->arena, s, n);
}

int ifr__parse_semantics(const ifr__parse_ctx *pc)
{
    return pc->semantics;
}

const ifr_allocator *ifr__parse_allocator(const ifr__parse_ctx *pc)
{
    return &pc->spec->alloc;
}

int ifr__parse_error(ifr__parse_ctx *pc, int code, const char *key, const char *fmt, ...)
{
    if (!pc->err)
        return code;
    char path[128];
    snprintf(path, sizeof path, "%s%s%s", pc->kwpath, key ? "/" : "", key ? key : "");
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ifr__error_set(pc->err, code, (size_t)-1, pc->index, path, "%s%s%s", key ? key : "",
                          key ? ": " : "", msg);
}

int ifr__parse_regex(ifr__parse_ctx *pc, const char *key, const char *pat, size_t len,
                     unsigned flags, const ifr__regex **out)
{
    ifr__rxnode *node = ifr__arena_calloc(&pc->spec->arena, 1, sizeof *node);
    if (!node)
        return ifr__parse_error(pc, IFR_E_NOMEM, key, "out of memory");
    char msg[160] = "";
    size_t off = 0;
    ifr__regex *rx = NULL;
    int rc = ifr__regex_compile(&rx, pat, len, flags, &pc->spec->alloc, msg, sizeof msg, &off);
    if (rc != IFR_OK) {
        if (rc == IFR_E_NOMEM)
            return ifr__parse_error(pc, rc, key, "out of memory");
        return ifr__parse_error(pc, rc, key, "pattern does not compile at offset %zu: %s", off,
                                msg);
    }
    node->rx = rx;
    node->next = pc->spec->regexes;
    pc->spec->regexes = node;
    *out = rx;
    return IFR_OK;
}

int ifr__parse_relation(ifr__parse_ctx *pc, const char *key, const ifr__kwval *v,
                        ifr__relation *out)
{
    if (!v->present)
        return ifr__parse_error(pc, IFR_E_KWARGS, key,
                                "missing; must be \"less than\" or \"at least\"");
    if (v->slen == 9 && memcmp(v->s, "less than", 9) == 0) {
        *out = IFR__REL_LESS_THAN;
        return IFR_OK;
    }
    if (v->slen == 8 && memcmp(v->s, "at least", 8) == 0) {
        *out = IFR__REL_AT_LEAST;
        return IFR_OK;
    }
    return ifr__parse_error(pc, IFR_E_KWARGS, key,
                            "must be \"less than\" or \"at least\", not \"%.60s\"", v->s);
}

bool ifr__relation_holds(ifr__relation rel, int64_t value, int64_t threshold)
{
    return rel == IFR__REL_LESS_THAN ? value < threshold : value >= threshold;
}

const char *ifr__relation_name(ifr__relation rel)
{
    return rel == IFR__REL_LESS_THAN ? "fewer than" : "at least";
}

/* MARK: Python literals -------------------------------------------------- */
/*
 * open-instruct stores ground truth as the repr() of a Python list of dicts.
 * This is a small parser for the literal subset ast.literal_eval accepts that
 * such data uses: dict, list, tuple, str (with prefixes r/u, escapes, implicit
 * concatenation), int, float, True/False/None, unary minus.
 */

typedef struct pylit {
    const char *s;
    size_t n, i;
    int depth, max_depth;
    const char *msg;
    size_t err_at;
} pylit;

static void py_ws(pylit *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            p->i++;
        else if (c == '\\' && p->i + 1 < p->n && p->s[p->i + 1] == '\n')
            p->i += 2;
        else
            break;
    }
}

static json_t *py_fail(pylit *p, const char *msg)
{
    if (!p->msg) {
        p->msg = msg;
        p->err_at = p->i;
    }
    return NULL;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Append code point c to buf as UTF-8 (surrogates written as WTF-8; the
 * text layer replaces them later). */
static int put_utf8(char *buf, size_t *len, uint32_t c)
{
    if (c < 0x80) {
        buf[(*len)++] = (char)c;
    } else if (c < 0x800) {
        buf[(*len)++] = (char)(0xC0 | (c >> 6));
        buf[(*len)++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        buf[(*len)++] = (char)(0xE0 | (c >> 12));
        buf[(*len)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[(*len)++] = (char)(0x80 | (c & 0x3F));
    } else if (c <= 0x10FFFF) {
        buf[(*len)++] = (char)(0xF0 | (c >> 18));
        buf[(*len)++] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[(*len)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[(*len)++] = (char)(0x80 | (c & 0x3F));
    } else {
        return -1;
    }
    return 0;
}

/* One string literal appended to (buf,len); buf has room for the raw length * 4. */
static int py_string1(pylit *p, char *buf, size_t *len)
{
    bool raw = false;
    while (p->i < p->n && strchr("rRuU", p->s[p->i])) {
        if (p->s[p->i] == 'r' || p->s[p->i] == 'R')
            raw = true;
        p->i++;
    }
    if (p->i >= p->n || (p->s[p->i] != '\'' && p->s[p->i] != '"'))
        return -1;
    char q = p->s[p->i];
    bool triple = p->i + 2 < p->n && p->s[p->i + 1] == q && p->s[p->i + 2] == q;
    p->i += triple ? 3 : 1;
    for (;;) {
        if (p->i >= p->n)
            return -1;
        char c = p->s[p->i];
        if (c == q) {
            if (!triple) {
                p->i++;
                return 0;
            }
            if (p->i + 2 < p->n && p->s[p->i + 1] == q && p->s[p->i + 2] == q) {
                p->i += 3;
                return 0;
            }
        }
        if (c == '\n' && !triple)
            return -1;
        if (c != '\\' || raw) {
            if (c == '\\' && raw && p->i + 1 < p->n) { /* raw keeps both characters */
                buf[(*len)++] = c;
                p->i++;
                c = p->s[p->i];
            }
            buf[(*len)++] = c;
            p->i++;
            continue;
        }
        if (++p->i >= p->n)
            return -1;
        c = p->s[p->i++];
        uint32_t cp;
        int digits = 0;
        switch (c) {
        case '\n': continue;
        case '\\': buf[(*len)++] = '\\'; continue;
        case '\'': buf[(*len)++] = '\''; continue;
        case '"': buf[(*len)++] = '"'; continue;
        case 'a': buf[(*len)++] = '\a'; continue;
        case 'b': buf[(*len)++] = '\b'; continue;
        case 'f': buf[(*len)++] = '\f'; continue;
        case 'n': buf[(*len)++] = '\n'; continue;
        case 'r': buf[(*len)++] = '\r'; continue;
        case 't': buf[(*len)++] = '\t'; continue;
        case 'v': buf[(*len)++] = '\v'; continue;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default:
            if (c >= '0' && c <= '7') {
                cp = (uint32_t)(c - '0');
                for (int k = 0; k < 2 && p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '7';
                     k++)
                    cp = cp * 8 + (uint32_t)(p->s[p->i++] - '0');
                if (put_utf8(buf, len, cp) < 0)
                    return -1;
                continue;
            }
            /* unknown escapes keep the backslash, as Python does */
            buf[(*len)++] = '\\';
            buf[(*len)++] = c;
            continue;
        }
        cp = 0;
        for (int k = 0; k < digits; k++) {
            if (p->i >= p->n || hexval(p->s[p->i]) < 0)
                return -1;
            cp = cp * 16 + (uint32_t)hexval(p->s[p->i++]);
        }
        if (put_utf8(buf, len, cp) < 0)
            return -1;
    }
}

static json_t *py_value(pylit *p);

static json_t *py_string(pylit *p)
{
    size_t start = p->i;
    /* worst case: every source byte becomes 4 bytes */
    size_t cap = (p->n - start) * 4 + 1;
    char *buf = malloc(cap);
    if (!buf)
        return py_fail(p, "out of memory");
    size_t len = 0;
    for (;;) {
        if (py_string1(p, buf, &len) < 0) {
            free(buf);
            return py_fail(p, "bad string literal");
        }
        size_t save = p->i;
        py_ws(p);
        if (p->i < p->n && (p->s[p->i] == '\'' || p->s[p->i] == '"' ||
                            ((p->s[p->i] == 'r' || p->s[p->i] == 'u') && p->i + 1 < p->n &&
                             (p->s[p->i + 1] == '\'' || p->s[p->i + 1] == '"'))))
            continue; /* implicit concatenation */
        p->i = save;
        break;
    }
    json_t *v = json_stringn_nocheck(buf, len);
    free(buf);
    return v ? v : py_fail(p, "out of memory");
}

static json_t *py_number(pylit *p)
{
    size_t st = p->i;
    bool neg = false;
    if (p->s[p->i] == '-' || p->s[p->i] == '+') {
        neg = p->s[p->i] == '-';
        p->i++;
        py_ws(p);
    }
    char tmp[64];
    size_t k = 0;
    bool isfloat = false;
    while (p->i < p->n) {
        char c = p->s[p->i];
        bool numch = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';
        if (numch && k + 2 >= sizeof tmp) /* room for an exponent sign and the NUL */
            return py_fail(p, "number too long");
        if (c >= '0' && c <= '9')
            tmp[k++] = c;
        else if (c == '.' || c == 'e' || c == 'E') {
            isfloat = true;
            tmp[k++] = c;
            if ((c == 'e' || c == 'E') && p->i + 1 < p->n &&
                (p->s[p->i + 1] == '-' || p->s[p->i + 1] == '+'))
                tmp[k++] = p->s[++p->i];
        } else if (c == '_')
            ; /* digit separator */
        else
            break;
        p->i++;
    }
    tmp[k] = '\0';
    if (k == 0) {
        p->i = st;
        return py_fail(p, "expected a value");
    }
    char *end;
    if (isfloat) {
        double d = strtod(tmp, &end);
        if (*end)
            return py_fail(p, "bad number");
        json_t *v = json_real(neg ? -d : d);
        return v ? v : py_fail(p, "out of memory");
    }
    long long ll = strtoll(tmp, &end, 10);
    if (*end)
        return py_fail(p, "bad number");
    json_t *v = json_integer(neg ? -ll : ll);
    return v ? v : py_fail(p, "out of memory");
}

static json_t *py_seq(pylit *p, char close, bool is_dict)
{
    if (++p->depth > p->max_depth)
        return py_fail(p, "nesting too deep");
    p->i++; /* opening bracket */
    json_t *c = is_dict ? json_object() : json_array();
    if (!c)
        return py_fail(p, "out of memory");
    for (;;) {
        py_ws(p);
        if (p->i >= p->n) {
            json_decref(c);
            return py_fail(p, "unterminated container");
        }
        if (p->s[p->i] == close) {
            p->i++;
            break;
        }
        json_t *k = py_value(p);
        if (!k) {
            json_decref(c);
            return NULL;
        }
        if (is_dict) {
            py_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':' || !json_is_string(k)) {
                json_decref(k);
                json_decref(c);
                return py_fail(p, "expected ':' after a string key");
            }
            p->i++;
            json_t *v = py_value(p);
            if (!v) {
                json_decref(k);
                json_decref(c);
                return NULL;
            }
            int rc = json_object_setn_new_nocheck(c, json_string_value(k), json_string_length(k), v);
            json_decref(k);
            if (rc) {
                json_decref(c);
                return py_fail(p, "out of memory");
            }
        } else if (json_array_append_new(c, k)) {
            json_decref(c);
            return py_fail(p, "out of memory");
        }
        py_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        py_ws(p);
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            break;
        }
        json_decref(c);
        return py_fail(p, "expected ',' or a closing bracket");
    }
    p->depth--;
    return c;
}

static bool py_word(pylit *p, const char *w)
{
    size_t n = strlen(w);
    if (p->n - p->i < n || memcmp(p->s + p->i, w, n) != 0)
        return false;
    if (p->i + n < p->n) {
        char c = p->s[p->i + n];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
            return false;
    }
    p->i += n;
    return true;
}

static json_t *py_value(pylit *p)
{
    py_ws(p);
    if (p->i >= p->n)
        return py_fail(p, "expected a value");
    char c = p->s[p->i];
    json_t *v;
    switch (c) {
    case '{': return py_seq(p, '}', true);
    case '[': return py_seq(p, ']', false);
    case '(': return py_seq(p, ')', false);
    case '\'':
    case '"': return py_string(p);
    default: break;
    }
    if ((c == 'r' || c == 'R' || c == 'u' || c == 'U') && p->i + 1 < p->n &&
        (p->s[p->i + 1] == '\'' || p->s[p->i + 1] == '"'))
        return py_string(p);
    if (py_word(p, "None"))
        v = json_null();
    else if (py_word(p, "True"))
        v = json_true();
    else if (py_word(p, "False"))
        v = json_false();
    else if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))
        return py_number(p);
    else
        return py_fail(p, "not a Python literal");
    return v ? v : py_fail(p, "out of memory");
}

static json_t *parse_pylit(const char *s, size_t n, int max_depth, size_t *err_at,
                           const char **msg)
{
    pylit p = {.s = s, .n = n, .max_depth = max_depth};
    json_t *v = py_value(&p);
    if (v) {
        py_ws(&p);
        if (p.i != p.n) {
            json_decref(v);
            v = NULL;
            py_fail(&p, "extra data after the literal");
        }
    }
    if (!v) {
        *err_at = p.err_at;
        *msg = p.msg ? p.msg : "not a Python literal";
    }
    return v;
}

/* MARK: JSON helpers ------------------------------------------------------ */

/* 1 if v nests more than `limit` containers (arrays/objects), counted as the
 * Python-literal parser counts them: [[1]] and [[]] are both depth 2. */
static int depth_exceeds(json_t *v, int limit)
{
    if (!json_is_array(v) && !json_is_object(v))
        return 0;
    if (limit <= 0)
        return 1;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) if (depth_exceeds(x, limit - 1)) return 1;
    } else if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x) if (depth_exceeds(x, limit - 1)) return 1;
    }
    return 0;
}

/* MARK: compile ----------------------------------------------------------- */

typedef struct compile_ctx {
    ifr_spec *spec;
    const ifr_options *opts;
    ifr_error *err;
    int on_error;
    int default_suite;
    int max_instr;
    /* growing list of instructions */
    size_t cap;
} compile_ctx;

static int suite_from_name(const char *s)
{
    if (!strcmp(s, "ifeval")) return IFR_SUITE_IFEVAL;
    if (!strcmp(s, "iftrain")) return IFR_SUITE_IFTRAIN;
    if (!strcmp(s, "ifbench")) return IFR_SUITE_IFBENCH;
    if (!strcmp(s, "tulu3")) return IFR_SUITE_TULU3;
    return -1;
}

static const ifr__checker *resolve(int suite, const char *id, size_t idlen, int *resolved)
{
    const ifr__checker *c;
    if (suite != IFR_SUITE_AUTO) {
        c = ifr__registry_find(suite, id, idlen);
        /* IFEvalG (iftrain) and IFBench include IFEval's ids with IFEval's semantics */
        if (!c && (suite == IFR_SUITE_IFTRAIN || suite == IFR_SUITE_IFBENCH))
            c = ifr__registry_find(IFR_SUITE_IFEVAL, id, idlen);
        if (c)
            *resolved = (int)c->suite;
        return c;
    }
    static const int order[] = {IFR_SUITE_IFEVAL, IFR_SUITE_IFTRAIN, IFR_SUITE_IFBENCH,
                                IFR_SUITE_TULU3};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        c = ifr__registry_find(order[k], id, idlen);
        if (c) {
            *resolved = order[k];
            return c;
        }
    }
    return NULL;
}

/* Convert one JSON kwarg to the schema's kind. Strings stay owned by the JSON. */
static int convert_kwarg(ifr__parse_ctx *pc, const ifr__kwspec *ks, json_t *v, ifr__kwval *out,
                         const char ***listbuf, size_t **lenbuf)
{
    memset(out, 0, sizeof *out);
    if (!v || json_is_null(v)) {
        if (ks->flags & IFR__KW_REQUIRED)
            return ifr__parse_error(pc, IFR_E_KWARGS, ks->name, "missing (required)");
        return IFR_OK;
    }
    out->present = true;
    switch (ks->kind) {
    case IFR__KW_INT:
        if (json_is_integer(v)) {
            out->i = (int64_t)json_integer_value(v);
        } else if (json_is_real(v)) {
            double d = json_real_value(v);
            if (!isfinite(d) || d != floor(d) || fabs(d) > 9.0e15)
                return ifr__parse_error(pc, IFR_E_KWARGS, ks->name,
                                        "must be an integer, not %g", d);
            out->i = (int64_t)d;
        } else {
            return ifr__parse_error(pc, IFR_E_KWARGS, ks->name, "must be an integer");
        }
        out->d = (double)out->i;
        return IFR_OK;
    case IFR__KW_NUM:
        if (!json_is_number(v))
            return ifr__parse_error(pc, IFR_E_KWARGS, ks->name, "must be a number");
        out->d = json_number_value(v);
        out->i = (int64_t)out->d;
        return IFR_OK;
    case IFR__KW_BOOL:
        if (!json_is_boolean(v))
            return ifr__parse_error(pc, IFR_E_KWARGS, ks->name, "must be true or false");
        out->i = json_is_true(v);
        return IFR_OK;
    case IFR__KW_STR:
        if (!json_is_string(v))
            return ifr__parse_error(pc, IFR_E_KWARGS, ks->name, "must be a string");
        out->s = json_string_value(v);
        out->slen = json_string_length(v);
        return IFR_OK;
    case IFR__KW_STR_OR_LIST:
        if (json_is_string(v)) {
            out->s = json_string_value(v);
            out->slen = json_string_length(v);
            return IFR_OK;
        }
        /* fall through: a list */
        out->is_list = true;
        /* FALLTHROUGH */
    case IFR__KW_STRLIST: {
        if (!json_is_array(v))
            return ifr__parse_error(pc, IFR_E_KWARGS, ks->name, "must be a list of strings");
        size_t n = json_array_size(v);
        const char **items = ifr__arena_calloc(&pc->spec->arena, n ? n : 1, sizeof *items);
        size_t *lens = ifr__arena_calloc(&pc->spec->arena, n ? n : 1, sizeof *lens);
        if (!items || !lens)
            return ifr__parse_error(pc, IFR_E_NOMEM, ks->name, "out of memory");
        for (size_t i = 0; i < n; i++) {
            json_t *x = json_array_get(v, i);
            if (!json_is_string(x))
                return ifr__parse_error(pc, IFR_E_KWARGS, ks->name,
                                        "item %zu must be a string", i);
            items[i] = json_string_value(x);
            lens[i] = json_string_length(x);
        }
        out->list = items;
        out->lens = lens;
        out->nlist = n;
        out->is_list = true;
        *listbuf = items;
        *lenbuf = lens;
        return IFR_OK;
    }
    default:
        return ifr__parse_error(pc, IFR_E_INTERNAL, ks->name, "bad schema kind");
    }
}

/* Compile instruction #index: id + kwargs object (or null). */
static int compile_one(compile_ctx *cc, size_t index, const char *id, size_t idlen, int suite,
                       json_t *kwargs, const char *kwpath, const char *idpath)
{
    ifr_spec *sp = cc->spec;
    ifr__instr *in = &sp->ins[index];
    in->id = ifr__arena_strndup(&sp->arena, id, idlen);
    in->suite = suite;
    if (!in->id)
        return ifr__error_set(cc->err, IFR_E_NOMEM, (size_t)-1, (int)index, NULL,
                              "out of memory");
    ifr__parse_ctx pc = {.spec = sp, .err = cc->err, .index = (int)index, .kwpath = kwpath,
                         .semantics = sp->semantics};
    int resolved = suite;
    const ifr__checker *ck = resolve(suite, id, idlen, &resolved);
    if (!ck) {
        if (suite != IFR_SUITE_AUTO)
            return ifr__error_set(cc->err, IFR_E_UNKNOWN, (size_t)-1, (int)index, idpath,
                                  "unknown instruction id \"%.80s\" in suite %s", in->id,
                                  ifr__suite_name(suite));
        return ifr__error_set(cc->err, IFR_E_UNKNOWN, (size_t)-1, (int)index, idpath,
                              "unknown instruction id \"%.80s\" (see `ifreward list`)", in->id);
    }
    in->suite = resolved;
    if (kwargs && !json_is_null(kwargs) && !json_is_object(kwargs))
        return ifr__parse_error(&pc, IFR_E_SPEC, NULL, "kwargs must be an object or null");
    /* every non-null key must be one the checker takes (Python would raise TypeError) */
    const char *key;
    json_t *val;
    if (kwargs && json_is_object(kwargs)) {
        json_object_foreach(kwargs, key, val) {
            if (json_is_null(val))
                continue;
            bool known = false;
            for (const ifr__kwspec *ks = ck->kwargs; ks && ks->name; ks++)
                if (!strcmp(ks->name, key))
                    known = true;
            if (!known)
                return ifr__parse_error(&pc, IFR_E_KWARGS, key,
                                        "%s takes no keyword argument \"%s\"", ck->id, key);
        }
    }
    size_t nk = 0;
    while (ck->kwargs && ck->kwargs[nk].name)
        nk++;
    ifr__kwval vals[32];
    if (nk > 32)
        return ifr__parse_error(&pc, IFR_E_INTERNAL, NULL, "too many kwargs in schema");
    for (size_t k = 0; k < nk; k++) {
        const char **lb = NULL;
        size_t *lnb = NULL;
        json_t *v = (kwargs && json_is_object(kwargs)) ? json_object_get(kwargs, ck->kwargs[k].name)
                                                       : NULL;
        int rc = convert_kwarg(&pc, &ck->kwargs[k], v, &vals[k], &lb, &lnb);
        if (rc != IFR_OK)
            return rc;
    }
    const void *args = NULL;
    if (ck->parse) {
        int rc = ck->parse(&pc, vals, &args);
        if (rc != IFR_OK) {
            if (cc->err && cc->err->code == IFR_OK)
                ifr__parse_error(&pc, rc, NULL, "%s", ifr_strerror(rc));
            return rc;
        }
    }
    in->ck = ck;
    in->args = args;
    return IFR_OK;
}

static int grow(compile_ctx *cc, size_t need)
{
    ifr_spec *sp = cc->spec;
    if ((int64_t)need > cc->max_instr)
        return ifr__error_set(cc->err, IFR_E_LIMIT, (size_t)-1, -1, NULL,
                              "more than %d instructions in one spec", cc->max_instr);
    if (need <= cc->cap)
        return IFR_OK;
    size_t ncap = cc->cap ? cc->cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    ifr__instr *ni = ifr__arena_calloc(&sp->arena, ncap, sizeof *ni);
    if (!ni)
        return ifr__error_set(cc->err, IFR_E_NOMEM, (size_t)-1, -1, NULL, "out of memory");
    if (sp->n)
        memcpy(ni, sp->ins, sp->n * sizeof *ni);
    sp->ins = ni;
    cc->cap = ncap;
    return IFR_OK;
}

/* Add one instruction, honouring the on-error policy. */
static int add_instruction(compile_ctx *cc, const char *id, size_t idlen, int suite,
                           json_t *kwargs, const char *kwpath, const char *idpath)
{
    int rc = grow(cc, cc->spec->n + 1);
    if (rc != IFR_OK)
        return rc;
    size_t index = cc->spec->n++;
    rc = compile_one(cc, index, id, idlen, suite, kwargs, kwpath, idpath);
    if (rc == IFR_OK)
        return IFR_OK;
    if (cc->on_error == IFR_ON_ERROR_MARK && rc != IFR_E_NOMEM) {
        ifr_error *e = ifr__arena_alloc(&cc->spec->arena, sizeof *e);
        if (!e)
            return ifr__error_set(cc->err, IFR_E_NOMEM, (size_t)-1, -1, NULL, "out of memory");
        if (cc->err)
            *e = *cc->err;
        else
            ifr__error_set(e, rc, (size_t)-1, (int)index, NULL, "%s", ifr_strerror(rc));
        cc->spec->ins[index].ck = NULL;
        cc->spec->ins[index].error = e;
        ifr__error_clear(cc->err);
        return IFR_OK;
    }
    return rc;
}

static int spec_fail(compile_ctx *cc, int code, const char *path, const char *msg)
{
    return ifr__error_set(cc->err, code, (size_t)-1, -1, path, "%s", msg);
}

static int compile_value(compile_ctx *cc, json_t *v, int suite, const char *base, int hops);

/* A string holding a spec (JSON, or a Python literal). */
static int compile_string(compile_ctx *cc, const char *s, size_t n, int suite,
                          const char *base, int hops)
{
    json_error_t je;
    json_t *inner = json_loadb(s, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    if (!inner) {
        size_t at = 0;
        const char *msg = NULL;
        inner = parse_pylit(s, n, (int)ifr__opt(cc->opts, IFR_OPT_MAX_DEPTH), &at, &msg);
        if (!inner)
            return ifr__error_set(cc->err, IFR_E_JSON, (size_t)-1, -1, base,
                                  "the string at %s is neither JSON (%s) nor a Python "
                                  "literal (%s at character %zu)",
                                  base[0] ? base : "/", je.text, msg, at);
    }
    if (depth_exceeds(inner, (int)ifr__opt(cc->opts, IFR_OPT_MAX_DEPTH))) {
        json_decref(inner);
        return spec_fail(cc, IFR_E_LIMIT, base, "spec nested too deeply");
    }
    int rc = compile_value(cc, inner, suite, base, hops + 1);
    json_decref(inner);
    return rc;
}

/* The instruction id field of an open-instruct entry: a list of ids or one id. */
static int compile_oi_entry(compile_ctx *cc, json_t *e, int suite, const char *path)
{
    json_t *ids = json_object_get(e, "instruction_id");
    if (!ids)
        ids = json_object_get(e, "instruction_id_list");
    json_t *kws = json_object_get(e, "kwargs");
    const char *idkey = json_object_get(e, "instruction_id") ? "instruction_id"
                                                              : "instruction_id_list";
    char p[128], ip[160];
    if (json_is_string(ids) && !strcmp(idkey, "instruction_id")) {
        snprintf(p, sizeof p, "%s/kwargs", path);
        snprintf(ip, sizeof ip, "%s/%s", path, idkey);
        return add_instruction(cc, json_string_value(ids), json_string_length(ids), suite,
                               json_is_array(kws) ? json_array_get(kws, 0) : kws, p, ip);
    }
    if (!json_is_array(ids)) {
        snprintf(p, sizeof p, "%s/%s", path, idkey);
        return spec_fail(cc, IFR_E_SPEC, p, "instruction ids must be a list of ids or an id");
    }
    if (kws && !json_is_null(kws) && !json_is_array(kws)) {
        snprintf(p, sizeof p, "%s/kwargs", path);
        return spec_fail(cc, IFR_E_SPEC, p, "kwargs must be a list (one entry per id)");
    }
    if (kws && json_is_array(kws) && json_array_size(kws) != json_array_size(ids)) {
        snprintf(p, sizeof p, "%s/kwargs", path);
        char msg[128];
        snprintf(msg, sizeof msg, "kwargs has %zu entries for %zu instruction ids",
                 json_array_size(kws), json_array_size(ids));
        return spec_fail(cc, IFR_E_SPEC, p, msg);
    }
    size_t i;
    json_t *id;
    json_array_foreach(ids, i, id) {
        if (!json_is_string(id)) {
            snprintf(p, sizeof p, "%s/%s/%zu", path, idkey, i);
            return spec_fail(cc, IFR_E_SPEC, p, "instruction ids must be strings");
        }
        snprintf(p, sizeof p, "%s/kwargs/%zu", path, i);
        snprintf(ip, sizeof ip, "%s/%s/%zu", path, idkey, i);
        int rc = add_instruction(cc, json_string_value(id), json_string_length(id), suite,
                                 kws ? json_array_get(kws, i) : NULL, p, ip);
        if (rc != IFR_OK)
            return rc;
    }
    return IFR_OK;
}

/* Keys of a data row that are not kwargs of a Tulu 3 function (none of the
 * functions takes them), so a row {"func_name": ..., "response": ...} works. */
static bool is_row_key(const char *k)
{
    static const char *const keys[] = {"suite", "semantics", "response", "prompt", "key",
                                       "uid", "id", "cid", "messages", "constraint_types"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!strcmp(k, keys[i]))
            return true;
    return false;
}

static int compile_value(compile_ctx *cc, json_t *v, int suite, const char *base, int hops)
{
    char p[128];
    if (hops > 3)
        return spec_fail(cc, IFR_E_SPEC, base, "spec strings nested too deeply");
    if (json_is_string(v))
        return compile_string(cc, json_string_value(v), json_string_length(v), suite, base,
                              hops);
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        if (json_array_size(v) == 0)
            return spec_fail(cc, IFR_E_SPEC, base, "empty list of instructions");
        json_array_foreach(v, i, e) {
            /* open-instruct's verifier reads only the first entry of the list
             * (ast.literal_eval(label)[0]); compat does the same, precise
             * compiles every entry so that no constraint is silently dropped. */
            if (i > 0 && cc->spec->semantics == IFR_SEMANTICS_COMPAT)
                break;
            snprintf(p, sizeof p, "%s/%zu", base, i);
            if (!json_is_object(e))
                return spec_fail(cc, IFR_E_SPEC, p, "each entry must be an object");
            int rc = compile_oi_entry(cc, e, suite, p);
            if (rc != IFR_OK)
                return rc;
        }
        return IFR_OK;
    }
    if (!json_is_object(v))
        return spec_fail(cc, IFR_E_SPEC, base,
                         "a spec is an object, a list of instruction objects or a string");

    json_t *x = json_object_get(v, "suite");
    if (x && !json_is_null(x)) {
        int s = json_is_string(x) ? suite_from_name(json_string_value(x)) : -1;
        if (s < 0) {
            snprintf(p, sizeof p, "%s/suite", base);
            return spec_fail(cc, IFR_E_SPEC, p,
                             "suite must be one of \"ifeval\", \"iftrain\", \"ifbench\", \"tulu3\"");
        }
        suite = s;
    }
    x = json_object_get(v, "semantics");
    if (x && !json_is_null(x)) {
        const char *sv = json_is_string(x) ? json_string_value(x) : "";
        if (!strcmp(sv, "precise"))
            cc->spec->semantics = IFR_SEMANTICS_PRECISE;
        else if (!strcmp(sv, "compat"))
            cc->spec->semantics = IFR_SEMANTICS_COMPAT;
        else {
            snprintf(p, sizeof p, "%s/semantics", base);
            return spec_fail(cc, IFR_E_SPEC, p, "semantics must be \"compat\" or \"precise\"");
        }
    }

    if ((x = json_object_get(v, "instruction_id_list")) || json_object_get(v, "instruction_id"))
        return compile_oi_entry(cc, v, suite, base);
    if ((x = json_object_get(v, "ground_truth"))) {
        snprintf(p, sizeof p, "%s/ground_truth", base);
        return compile_value(cc, x, suite, p, hops + 1);
    }
    if ((x = json_object_get(v, "func_name"))) {
        if (!json_is_string(x)) {
            snprintf(p, sizeof p, "%s/func_name", base);
            return spec_fail(cc, IFR_E_SPEC, p, "func_name must be a string");
        }
        /* Tulu 3: every other key is a kwarg of the function */
        json_t *kw = json_object();
        if (!kw)
            return spec_fail(cc, IFR_E_NOMEM, base, "out of memory");
        const char *k;
        json_t *val;
        json_object_foreach(v, k, val) {
            if (strcmp(k, "func_name") && !is_row_key(k) &&
                json_object_set_nocheck(kw, k, val)) { /* keys may be WTF-8 */
                json_decref(kw);
                return spec_fail(cc, IFR_E_NOMEM, base, "out of memory");
            }
        }
        snprintf(p, sizeof p, "%s/func_name", base);
        int rc = add_instruction(cc, json_string_value(x), json_string_length(x),
                                 IFR_SUITE_TULU3, kw, base, p);
        json_decref(kw);
        return rc;
    }
    return spec_fail(cc, IFR_E_SPEC, base[0] ? base : "/",
                     "no instructions: expected instruction_id_list, instruction_id, "
                     "func_name or ground_truth");
}

static void spec_release(ifr_spec *sp)
{
    for (ifr__rxnode *r = sp->regexes; r; r = r->next)
        ifr__regex_free(r->rx);
    ifr_allocator a = sp->alloc;
    ifr__arena_release(&sp->arena);
    ifr__free(&a, sp);
}

IFR_API int ifr_spec_compile(ifr_spec **out, const char *json, size_t len,
                             const ifr_options *opts, ifr_error *err)
{
    ifr__error_clear(err);
    if (!out)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL, "out is NULL");
    *out = NULL;
    if (!json && len)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL, "json is NULL");
    if ((int64_t)len > ifr__opt(opts, IFR_OPT_MAX_SPEC_BYTES))
        return ifr__error_set(err, IFR_E_LIMIT, (size_t)-1, -1, NULL,
                              "spec of %zu bytes exceeds the limit of %lld bytes", len,
                              (long long)ifr__opt(opts, IFR_OPT_MAX_SPEC_BYTES));
    ifr_allocator a;
    ifr__opts_allocator(opts, &a);
    ifr_spec *sp = ifr__calloc(&a, 1, sizeof *sp);
    if (!sp)
        return ifr__error_set(err, IFR_E_NOMEM, (size_t)-1, -1, NULL, "out of memory");
    sp->alloc = a;
    ifr__arena_init(&sp->arena, &sp->alloc);
    sp->semantics = (int)ifr__opt(opts, IFR_OPT_SEMANTICS);
    sp->preprocess = (int)ifr__opt(opts, IFR_OPT_PREPROCESS);

    compile_ctx cc = {.spec = sp, .opts = opts, .err = err,
                      .on_error = (int)ifr__opt(opts, IFR_OPT_ON_ERROR),
                      .default_suite = (int)ifr__opt(opts, IFR_OPT_SUITE),
                      .max_instr = (int)ifr__opt(opts, IFR_OPT_MAX_INSTRUCTIONS)};
    /* A NULL err still needs somewhere for MARK mode to read the message. */
    ifr_error scratch;
    if (!cc.err) {
        ifr__error_clear(&scratch);
        cc.err = &scratch;
    }
    int rc;
    json_error_t je;
    json_t *root = json_loadb(json ? json : "", len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    if (!root) {
        size_t at = 0;
        const char *msg = NULL;
        root = parse_pylit(json ? json : "", len, (int)ifr__opt(opts, IFR_OPT_MAX_DEPTH), &at,
                           &msg);
        if (!root) {
            bool deep = strstr(je.text, "depth") != NULL;
            rc = ifr__error_set(cc.err, deep ? IFR_E_LIMIT : IFR_E_JSON, (size_t)je.position,
                                -1, NULL, "%s at line %d column %d", je.text, je.line,
                                je.column);
            goto fail;
        }
    }
    if (depth_exceeds(root, (int)ifr__opt(opts, IFR_OPT_MAX_DEPTH))) {
        json_decref(root);
        rc = ifr__error_set(cc.err, IFR_E_LIMIT, (size_t)-1, -1, NULL,
                            "spec nested deeper than %lld levels",
                            (long long)ifr__opt(opts, IFR_OPT_MAX_DEPTH));
        goto fail;
    }
    rc = compile_value(&cc, root, cc.default_suite, "", 0);
    json_decref(root);
    if (rc != IFR_OK)
        goto fail;
    if (sp->n == 0) {
        rc = ifr__error_set(cc.err, IFR_E_SPEC, (size_t)-1, -1, NULL, "no instructions");
        goto fail;
    }
    if (cc.err == err)
        ifr__error_clear(err);
    *out = sp;
    return IFR_OK;
fail:
    spec_release(sp);
    return rc;
}

IFR_API void ifr_spec_free(ifr_spec *spec)
{
    if (spec)
        spec_release(spec);
}

IFR_API size_t ifr_spec_count(const ifr_spec *spec)
{
    return spec ? spec->n : 0;
}

IFR_API const char *ifr_spec_id(const ifr_spec *spec, size_t i)
{
    return spec && i < spec->n ? spec->ins[i].id : NULL;
}

IFR_API const char *ifr_spec_suite(const ifr_spec *spec, size_t i)
{
    if (!spec || i >= spec->n)
        return NULL;
    const char *s = ifr__suite_name(spec->ins[i].suite);
    return s ? s : "unknown";
}

IFR_API int ifr_spec_error(const ifr_spec *spec, size_t i, ifr_error *err)
{
    ifr__error_clear(err);
    if (!spec || i >= spec->n)
        return ifr__error_set(err, IFR_E_INVALID, (size_t)-1, -1, NULL, "no instruction %zu", i);
    const ifr_error *e = spec->ins[i].error;
    if (!e)
        return IFR_OK;
    if (err)
        *err = *e;
    return e->code;
}
