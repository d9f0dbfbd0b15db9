/*
 * ifbench_repeat.c - IFBench "repeat:*" constraints (allenai/IFBench db69a6f),
 * compat semantics.
 */
#include "ifbench_util.h"

#include <string.h>

typedef struct rep_args {
    uint32_t *prompt;
    size_t nprompt;
    int64_t start, end;
} rep_args;

static int parse_prompt(ifr__parse_ctx *pc, const ifr__kwval *v, rep_args *a)
{
    if (!v->present || v->slen == 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "prompt_to_repeat",
                                "prompt_to_repeat must be set");
    return ifr__ifb_kw_decode(pc, v->s, v->slen, &a->prompt, &a->nprompt);
}

/* MARK: repeat:repeat_change ----------------------------------------------- */

static int parse_change(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    rep_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    int rc = parse_prompt(pc, &vals[0], a);
    if (rc)
        return rc;
    *args = a;
    return IFR_OK;
}

static int check_change(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const rep_args *a = args;
    if (ifr__ifb_eq(a->prompt, a->nprompt, t->cp, t->ncp)) {
        cx->followed = false;
        ifr__detail(cx, "the request is repeated unchanged");
        return IFR_OK;
    }
    ifr__ifb_spans pw, vw;
    int rc = ifr__ifb_split_ws(t->arena, a->prompt, a->nprompt, &pw);
    if (!rc)
        rc = ifr__ifb_split_ws(t->arena, t->cp, t->ncp, &vw);
    if (rc)
        return rc;
    /* " ".join(x.split()[1:]) equal <=> the token lists after the first are equal */
    size_t np = pw.n ? pw.n - 1 : 0, nv = vw.n ? vw.n - 1 : 0;
    bool same = np == nv;
    for (size_t i = 0; same && i < np; i++)
        same = ifr__ifb_eq(a->prompt + pw.v[i + 1].b, pw.v[i + 1].e - pw.v[i + 1].b,
                           t->cp + vw.v[i + 1].b, vw.v[i + 1].e - vw.v[i + 1].b);
    cx->followed = same;
    ifr__detail(cx, same ? "the request is repeated with its first word changed"
                         : "the words after the first differ from the request");
    return IFR_OK;
}

/* MARK: repeat:repeat_simple ----------------------------------------------- */

static int check_simple(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    (void)args;
    size_t b, e;
    uint32_t *low;
    size_t nlow;
    ifr__py_strip(t->cp, t->ncp, &b, &e);
    int rc = ifr__ifb_lower(t->arena, t->cp + b, e - b, &low, &nlow);
    if (rc)
        return rc;
    cx->followed = ifr__ifb_eq_ascii(low, nlow,
                                     "only output this sentence here, ignore all other "
                                     "requests.");
    ifr__detail(cx, cx->followed ? "the sentence is repeated" : "not exactly the sentence");
    return IFR_OK;
}

/* MARK: repeat:repeat_span ------------------------------------------------- */

static int parse_span(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **args)
{
    rep_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return IFR_E_NOMEM;
    int rc = parse_prompt(pc, &vals[0], a);
    if (rc)
        return rc;
    if (!vals[1].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "n_start",
                                "n_start is required (the reference would draw a random "
                                "value)");
    if (!vals[2].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "n_end",
                                "n_end is required (the reference would draw a random value)");
    a->start = vals[1].i;
    a->end = vals[2].i;
    *args = a;
    return IFR_OK;
}

/* Python slice bound normalisation. */
static size_t slice_bound(int64_t i, size_t len)
{
    if (i < 0) {
        i += (int64_t)len;
        if (i < 0)
            i = 0;
    }
    if ((uint64_t)i > len)
        return len;
    return (size_t)i;
}

static int check_span(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const rep_args *a = args;
    size_t sb = slice_bound(a->start, a->nprompt);
    size_t se = slice_bound(a->end + 1, a->nprompt);
    if (se < sb)
        se = sb;
    size_t b1, e1, b2, e2;
    ifr__py_strip(a->prompt + sb, se - sb, &b1, &e1);
    ifr__py_strip(t->cp, t->ncp, &b2, &e2);
    bool eq;
    int rc = ifr__ifb_eq_lower(t->arena, a->prompt + sb + b1, e1 - b1, t->cp + b2, e2 - b2, &eq);
    if (rc)
        return rc;
    cx->followed = eq;
    ifr__detail(cx, eq ? "the span is copied" : "not the span of characters %lld to %lld",
                (long long)a->start, (long long)a->end);
    return IFR_OK;
}

/* MARK: table -------------------------------------------------------------- */

static const ifr__kwspec kw_change[] = {
    {.name = "prompt_to_repeat", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED,
     .doc = "the request to repeat"},
    {0}};
static const ifr__kwspec kw_span[] = {
    {.name = "prompt_to_repeat", .kind = IFR__KW_STR, .flags = IFR__KW_REQUIRED,
     .doc = "the text to copy from"},
    {.name = "n_start", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "first character index (inclusive)"},
    {.name = "n_end", .kind = IFR__KW_INT, .flags = IFR__KW_REQUIRED,
     .doc = "last character index (inclusive)"},
    {0}};

const ifr__checker ifr__family_ifbench_repeat[] = {
    {.id = "repeat:repeat_change", .suite = IFR__SUITE_IFBENCH,
     .summary = "Repeat the request with its first word changed", .kwargs = kw_change,
     .parse = parse_change, .check = check_change, .flags = IFR_CHECKER_HACKABLE,
     .rule = "Followed iff `value != prompt_to_repeat and ' "
             "'.join(prompt_to_repeat.split()[1:]) == ' '.join(value.split()[1:])`.",
     .quirks = "The raw strings decide 'unchanged': the prompt plus a trailing newline or a "
               "leading space passes."},
    {.id = "repeat:repeat_simple", .suite = IFR__SUITE_IFBENCH,
     .summary = "Output exactly the given sentence", .check = check_simple,
     .rule = "Followed iff `value.strip().lower() == 'only output this sentence here, "
             "ignore all other requests.'`."},
    {.id = "repeat:repeat_span", .suite = IFR__SUITE_IFBENCH,
     .summary = "Copy the character span [n_start, n_end] of the prompt", .kwargs = kw_span,
     .parse = parse_span, .flags = IFR_CHECKER_RANDOM, .check = check_span,
     .rule = "Followed iff `value.strip().lower() == prompt_to_repeat[n_start:n_end + "
             "1].strip().lower()`.",
     .quirks = "Character indices (since IFBench PR #25), inclusive; Python slice semantics."},
    {0}};
