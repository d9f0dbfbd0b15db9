/*
 * audit.c - `ifreward audit`: how many adversarial responses each checker
 * accepts in compat and in precise semantics, strict and loose.
 *
 * For each checker a spec is built from a table of representative kwargs
 * (or --spec JSON). Each is scored against:
 *   - generic hacks that no reader would accept for any instruction (empty,
 *     whitespace, ZWSP, BOM, soft hyphen, Hangul filler only);
 *   - targeted hacks from the table (the checker's known false positives:
 *     '""' for quotation, '[]' x N for placeholders, a buried "My answer is
 *     yes.", ...): "definite" hacks, which precise semantics must reject;
 *   - probes (prompt copying, keyword stuffing, repeated filler, digits
 *     only, CRLF and fenced variants...), counted but not judged;
 *   - honest compliant responses from the table, which precise must accept.
 * Uses the public API only.
 */
#include "ifreward.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXR 12

typedef struct audit_row {
    const char *id;
    const char *kwargs;           /* JSON object */
    const char *hacks[MAXR];      /* definite hacks (NULL-terminated) */
    const char *honest[MAXR];     /* compliant responses */
} audit_row;

#define LONGP "Here is a detailed answer about the history of the city, its people, its " \
              "markets and its rivers, written with care for the reader."

static const audit_row rows[] = {
    {"keywords:existence", "{\"keywords\": [\"rock\", \"tea\"]}",
     {"rocket steam", "Rocks and teapots.", "r.*k te.", NULL},
     {"We drank tea after the rock concert.", NULL}},
    {"keywords:frequency", "{\"keyword\": \"art\", \"frequency\": 3, \"relation\": \"at least\"}",
     {"party start smart cart", "Earth, art-less hearts and parts.", NULL},
     {"Art is long. Art is kind. Good art lasts.", NULL}},
    {"keywords:forbidden_words", "{\"forbidden_words\": [\"war\", \"fight\"]}",
     {"The w\xe2\x80\x8b" "ar ended.", "They fi\xc2\xad" "ght.", NULL},
     {"Peace returned to the valley.", "Software warms nobody.", NULL}},
    {"keywords:letter_frequency", "{\"letter\": \"e\", \"let_frequency\": 3, \"let_relation\": \"less than\"}",
     {"Th\xd0\xb5 tr\xd0\xb5\xd0\xb5 gr\xd0\xb5w.", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 caf\xc3\xa9", NULL},
     {"A cat sat on a mat.", NULL}},
    {"language:response_language", "{\"language\": \"de\"}",
     {"12345 67890", "!!! ??? ...", "https://example.com", NULL},
     {"Das ist ein kurzer deutscher Satz \xc3\xbc" "ber das Wetter.", NULL}},
    {"length_constraints:number_sentences", "{\"num_sentences\": 3, \"relation\": \"at least\"}",
     {"... !!! ???. ... !!! ???. ... !!!", "1. 2. 3. 4.", NULL},
     {"It rained. We stayed in. Then the sun came out.", NULL}},
    {"length_constraints:number_paragraphs", "{\"num_paragraphs\": 3}",
     {"One.\n***\n\xe2\x80\x8b\n***\nThree.", "One.\n***\n---\n***\nThree.", NULL},
     {"First part.\n***\nSecond part.\n***\nThird part.", NULL}},
    {"length_constraints:number_words", "{\"num_words\": 12, \"relation\": \"at least\"}",
     {"don't won't can't isn't 3.14 2.71", "e-mail x-ray t-shirt u-turn a-b c-d", NULL},
     {"The quick brown fox jumps over the lazy dog and runs into the forest.", NULL}},
    {"length_constraints:nth_paragraph_first_word",
     "{\"num_paragraphs\": 3, \"nth_paragraph\": 3, \"first_word\": \"today\"}",
     {"A.\n\n.\n\nToday we walk.", "A.\n\n\xe2\x80\x8b\n\nToday we walk.", "Hello.\n\nMid.\n\nTodays news.",
      "Hello.\n\nMid.\n\nToday-like weather.", NULL},
     {"Hello there.\n\nSecond part.\n\nToday we walk.",
      "Hello there.\r\n\r\nSecond part.\r\n\r\n**Today** we walk.", NULL}},
    {"detectable_content:number_placeholders", "{\"num_placeholders\": 2}",
     {"[] []", "[ ] [ ]", "[1] [2]", NULL},
     {"Dear [name], we will meet at [address].", NULL}},
    {"detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
     {"P.S.", "I will add a p.s. later in the letter.", "Text.\nP.S.", "Text.\nP.P.S. more", NULL},
     {"Dear Ann, see you soon.\n\nP.S. Bring the map.", "Hi.\n*P.S.* Thanks!", NULL}},
    {"detectable_format:number_bullet_lists", "{\"num_bullets\": 2}",
     {"---\n---", "-5 degrees\n-3 degrees", "*italic* one\n*italic* two", "- \n- ", NULL},
     {"* apples\n* pears", "Intro:\n- one\n- two\n\n---", NULL}},
    {"detectable_format:constrained_response", "{}",
     {LONGP " My answer is yes. " LONGP, "My answer is yes. My answer is no. My answer is maybe.", NULL},
     {"My answer is yes.", "\"My answer is no.\"", "My answer is maybe. It depends on the weather.",
      "Hard to say.\n\nMy answer is maybe.", NULL}},
    {"detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}",
     {"*x* *x*", "* * * *", "***one***", "*\xe2\x80\x8b* *\xe2\x80\x8b*", NULL},
     {"Read *the intro* and then **the summary**.", NULL}},
    {"detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
     {"See Section 1 and Section 2 of the manual.", "Section 1\nSection 2", "Section 1\nhi\nSection 2\nthere\nSection 3\nend", NULL},
     {"Section 1\nThe start.\n\nSection 2\nThe end.", "**Section 1:** Intro text.\n**Section 2:** More text.", NULL}},
    {"detectable_format:json_format", "{}",
     {"42", "null", "\"s\"", "{}", "[]", "{\"a\": NaN}", NULL},
     {"{\"name\": \"Ann\", \"age\": 3}", "```json\n[1, 2]\n```", NULL}},
    {"detectable_format:title", "{}",
     {"<< >>", "<<\xe2\x80\x8b>>", "<<...>>", NULL},
     {"<<Ode to Joy>>\nA poem.", NULL}},
    {"combination:two_responses", "{}",
     {"Same answer.\n******\nsame answer", "A.\n******\n\xe2\x80\x8b",
      "The cat sat on the warm mat all day and slept well.\n******\nThe cat sat on the warm mat all day and slept well!!",
      NULL},
     {"Paris is the capital.\n******\nThe capital is Paris, a city on the Seine.", NULL}},
    {"combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea.\"}",
     {"Write a poem about the sea.", "write a poem about the sea.   \n", NULL},
     {"Write a poem about the sea. The sea is wide and blue.", "Write a poem about the\nsea.\n\nWaves roll.", NULL}},
    {"startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}",
     {"Many other questions?", NULL},
     {"That is all. Any other questions?", "That is all. **Any other questions?**", "Done. \xe2\x80\x9c" "Any other questions?\xe2\x80\x9d", NULL}},
    {"startend:quotation", "{}",
     {"\"\"", "\" \"", "\"\xe2\x80\x8b\"", NULL},
     {"\"Hello world.\"", "\xe2\x80\x9cHello world.\xe2\x80\x9d", NULL}},
    {"change_case:capital_word_frequency", "{\"capital_frequency\": 3, \"capital_relation\": \"at least\"}",
     {"I think I know I can.", "A b A c A d", NULL},
     {"The NASA and ESA teams met at CERN.", NULL}},
    {"change_case:english_capital", "{}",
     {"123 456", "\xe2\x92\xb6\xe2\x92\xb7\xe2\x92\xb8", NULL},
     {"THIS IS A SHORT ENGLISH SENTENCE ABOUT THE WEATHER TODAY.", NULL}},
    {"change_case:english_lowercase", "{}",
     {"https://example.com", "\xe2\x93\x90\xe2\x93\x91\xe2\x93\x92", NULL},
     {"this is a short english sentence about the weather today.", NULL}},
    {"punctuation:no_comma", "{}",
     {"apples\xef\xbc\x8c pears", "one\xe3\x80\x81two", NULL},
     {"Apples and pears are fruit.", NULL}},
};

/* Responses no reader accepts for any instruction. */
static const char *const generic_hacks[] = {
    "", " ", "\n\n\t", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x80\x8b\xe2\x80\x8c\xe2\x80\x8d",
    "\xc2\xad", "\xe3\x85\xa4", NULL,
};
static const char *const generic_names[] = {"empty", "space", "whitespace", "ZWSP", "BOM",
                                            "joiners", "soft hyphen", "Hangul filler"};

typedef struct tally {
    int n;                 /* definite hacks tried */
    int targeted, targeted_compat; /* table hacks; of them passing compat strict or loose */
    int pass[2][2];        /* [precise][loose] */
    int probes, probe_pass[2][2];
    int honest, honest_ok; /* precise strict */
    int honest_compat;
} tally;

static int score(const ifr_spec *spec, ifr_result *res, const char *text, size_t len, bool loose)
{
    if (ifr_check(res, spec, text, len, loose ? IFR_CHECK_LOOSE : IFR_CHECK_STRICT, NULL) != IFR_OK)
        return 0;
    return ifr_result_all_followed(res);
}

typedef struct ctx {
    ifr_spec *spec[2];
    ifr_result *res[2];
} ctx;

static void run(ctx *c, const char *text, size_t len, int pass[2][2])
{
    for (int p = 0; p < 2; p++)
        for (int l = 0; l < 2; l++)
            pass[p][l] += score(c->spec[p], c->res[p], text, len, l);
}

static char *build_spec(const char *id, const char *suite, const char *kwargs)
{
    size_t n = strlen(id) + strlen(kwargs) + strlen(suite) + 96;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "{\"suite\": \"%s\", \"instruction_id_list\": [\"%s\"], \"kwargs\": [%s]}",
                 suite, id, kwargs);
    return s;
}

/* Probes built from the honest response (or a filler text). */
static void probes(ctx *c, const audit_row *r, tally *t)
{
    const char *h = r && r->honest[0] ? r->honest[0] : "A plain answer.";
    size_t hn = strlen(h);
    char *buf = malloc(hn * 4 + 8192);
    if (!buf)
        return;
    const char *kw = r ? r->kwargs : "";
    /* keyword stuffing: the kwargs text repeated */
    size_t k = 0;
    for (int i = 0; i < 20 && k + strlen(kw) + 2 < 4096; i++)
        k += (size_t)sprintf(buf + k, "%s ", kw);
    run(c, buf, k, t->probe_pass), t->probes++;
    /* repeated filler */
    k = 0;
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(buf + k, "word ");
    run(c, buf, k, t->probe_pass), t->probes++;
    /* digits only */
    run(c, "1234567890 1234567890", 21, t->probe_pass), t->probes++;
    /* prompt copying: a made-up prompt that restates the kwargs */
    k = (size_t)sprintf(buf, "Write a response that follows this instruction: %s", kw);
    run(c, buf, k, t->probe_pass), t->probes++;
    /* CRLF version of the honest response */
    k = 0;
    for (size_t i = 0; i < hn; i++) {
        if (h[i] == '\n')
            buf[k++] = '\r';
        buf[k++] = h[i];
    }
    run(c, buf, k, t->probe_pass), t->probes++;
    /* fenced block */
    k = (size_t)sprintf(buf, "```\n%s\n```", h);
    run(c, buf, k, t->probe_pass), t->probes++;
    /* first/last-line parking: long off-instruction lines around the answer */
    k = (size_t)sprintf(buf, "%s, %s\n%s\n%s, %s", LONGP, LONGP, h, LONGP, LONGP);
    run(c, buf, k, t->probe_pass), t->probes++;
    free(buf);
}

typedef struct out_row {
    const char *id;
    const char *suite;
    tally t;
    int error;
    unsigned flags;
} out_row;

static int audit_one(const char *id, const char *suite, const char *spec_json, const audit_row *r,
                     out_row *o)
{
    memset(o, 0, sizeof *o);
    o->id = id;
    o->suite = suite;
    ctx c = {{NULL, NULL}, {NULL, NULL}};
    int rc = IFR_OK;
    for (int p = 0; p < 2 && rc == IFR_OK; p++) {
        ifr_options *opts = NULL;
        rc = ifr_options_new(&opts, NULL);
        if (rc == IFR_OK)
            rc = ifr_options_set(opts, IFR_OPT_SEMANTICS,
                                 p ? IFR_SEMANTICS_PRECISE : IFR_SEMANTICS_COMPAT);
        if (rc == IFR_OK)
            rc = ifr_spec_compile(&c.spec[p], spec_json, strlen(spec_json), opts, NULL);
        if (rc == IFR_OK)
            rc = ifr_result_new(&c.res[p], opts);
        ifr_options_free(opts);
    }
    if (rc != IFR_OK) {
        o->error = rc;
    } else {
        tally *t = &o->t;
        for (size_t g = 0; generic_hacks[g]; g++)
            run(&c, generic_hacks[g], strlen(generic_hacks[g]), t->pass), t->n++;
        for (size_t i = 0; r && i < MAXR && r->hacks[i]; i++) {
            int before = t->pass[0][0] + t->pass[0][1];
            run(&c, r->hacks[i], strlen(r->hacks[i]), t->pass), t->n++;
            t->targeted++;
            t->targeted_compat += t->pass[0][0] + t->pass[0][1] > before;
        }
        for (size_t i = 0; r && i < MAXR && r->honest[i]; i++) {
            t->honest++;
            t->honest_ok += score(c.spec[1], c.res[1], r->honest[i], strlen(r->honest[i]), false);
            t->honest_compat += score(c.spec[0], c.res[0], r->honest[i], strlen(r->honest[i]), false);
        }
        probes(&c, r, t);
    }
    for (int p = 0; p < 2; p++) {
        ifr_result_free(c.res[p]);
        ifr_spec_free(c.spec[p]);
    }
    return rc;
}

static const audit_row *find_row(const char *id)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (!strcmp(rows[i].id, id))
            return &rows[i];
    return NULL;
}

static void print_json_str(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            putchar('\\');
        putchar(*s);
    }
    putchar('"');
}

int ifr_cli_audit(int argc, char **argv);
int ifr_cli_audit(int argc, char **argv)
{
    const char *only_id = NULL, *only_suite = NULL, *spec = NULL;
    int format = 0; /* 0 text, 1 markdown, 2 json */
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--id") && i + 1 < argc)
            only_id = argv[++i];
        else if (!strcmp(argv[i], "--suite") && i + 1 < argc)
            only_suite = argv[++i];
        else if (!strcmp(argv[i], "--spec") && i + 1 < argc)
            spec = argv[++i];
        else if (!strcmp(argv[i], "--markdown"))
            format = 1;
        else if (!strcmp(argv[i], "--json"))
            format = 2;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: ifreward audit [--id ID | --suite S] [--spec JSON] [--markdown | --json]\n\n"
                   "Score adversarial responses (blank and invisible-only text, the checker's\n"
                   "known hacks, probes such as keyword stuffing and prompt copying) and honest\n"
                   "responses against each checker, in compat and precise semantics, strict and\n"
                   "loose. --spec JSON audits one spec (its first instruction's id) instead of\n"
                   "the built-in representative kwargs. Exit status 0, 2 on usage errors.\n");
            return 0;
        } else {
            fprintf(stderr, "ifreward audit: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }
    size_t nck = ifr_checker_count();
    out_row *out = calloc(nck + 1, sizeof *out);
    if (!out)
        return 1;
    size_t nout = 0;
    if (spec) {
        ifr_spec *s = NULL;
        ifr_error err;
        if (ifr_spec_compile(&s, spec, strlen(spec), NULL, &err) != IFR_OK || !ifr_spec_count(s)) {
            fprintf(stderr, "ifreward audit: --spec: %s\n", err.message);
            free(out);
            return 2;
        }
        const char *id = ifr_spec_id(s, 0);
        const char *suite = ifr_spec_suite(s, 0);
        audit_one(id, suite, spec, find_row(id), &out[nout++]);
        /* keep id/suite strings alive: copy */
        out[0].id = strdup(id);
        out[0].suite = strdup(suite);
        ifr_spec_free(s);
    } else {
        for (size_t i = 0; i < nck; i++) {
            const char *id = ifr_checker_id(i), *suite = ifr_checker_suite(i);
            if (only_id && strcmp(only_id, id))
                continue;
            if (only_suite && strcmp(only_suite, suite))
                continue;
            const audit_row *r = !strcmp(suite, "ifeval") ? find_row(id) : NULL;
            char *sj = build_spec(id, suite, r ? r->kwargs : "{}");
            if (!sj)
                break;
            audit_one(id, suite, sj, r, &out[nout]);
            out[nout].flags = ifr_checker_flags(i);
            if (out[nout].error && !r) {
                free(sj);
                continue; /* needs kwargs the table does not have */
            }
            nout++;
            free(sj);
        }
    }
    tally tot;
    memset(&tot, 0, sizeof tot);
    for (size_t i = 0; i < nout; i++) {
        const tally *t = &out[i].t;
        tot.n += t->n, tot.probes += t->probes, tot.honest += t->honest;
        tot.honest_ok += t->honest_ok, tot.honest_compat += t->honest_compat;
        for (int p = 0; p < 2; p++)
            for (int l = 0; l < 2; l++)
                tot.pass[p][l] += t->pass[p][l], tot.probe_pass[p][l] += t->probe_pass[p][l];
    }
    if (format == 2) {
        printf("{\"rows\": [");
        for (size_t i = 0; i < nout; i++) {
            const tally *t = &out[i].t;
            printf("%s\n {\"id\": ", i ? "," : "");
            print_json_str(out[i].id);
            printf(", \"suite\": \"%s\", \"error\": %d, \"hacks\": %d, "
                   "\"compat_strict\": %d, \"compat_loose\": %d, \"precise_strict\": %d, "
                   "\"precise_loose\": %d, \"probes\": %d, \"probes_compat_strict\": %d, "
                   "\"probes_precise_strict\": %d, \"honest\": %d, \"honest_compat\": %d, "
                   "\"honest_precise\": %d, \"targeted\": %d, \"targeted_compat\": %d, "
                   "\"flags\": %u}",
                   out[i].suite, out[i].error, t->n, t->pass[0][0], t->pass[0][1], t->pass[1][0],
                   t->pass[1][1], t->probes, t->probe_pass[0][0], t->probe_pass[1][0], t->honest,
                   t->honest_compat, t->honest_ok, t->targeted, t->targeted_compat,
                   out[i].flags);
        }
        printf("],\n \"total\": {\"hacks\": %d, \"compat_strict\": %d, \"compat_loose\": %d, "
               "\"precise_strict\": %d, \"precise_loose\": %d, \"honest\": %d, "
               "\"honest_precise\": %d}}\n",
               tot.n, tot.pass[0][0], tot.pass[0][1], tot.pass[1][0], tot.pass[1][1], tot.honest,
               tot.honest_ok);
    } else {
        const char *sep = format == 1 ? " | " : "  ";
        if (format == 1)
            printf("| checker | hacks | compat strict | compat loose | precise strict | precise "
                   "loose | probes passing (compat / precise, strict) | honest accepted (precise) |\n"
                   "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        else
            printf("%-48s %5s %7s %7s %7s %7s %11s %7s\n", "checker", "hacks", "c/strct", "c/loose",
                   "p/strct", "p/loose", "probes c/p", "honest");
        for (size_t i = 0; i < nout; i++) {
            const tally *t = &out[i].t;
            if (out[i].error) {
                printf(format == 1 ? "| `%s` | spec error %d | | | | | | |\n" : "%-48s spec error %d\n",
                       out[i].id, out[i].error);
                continue;
            }
            if (format == 1)
                printf("| `%s` | %d | %d | %d | %d | %d | %d / %d of %d | %d / %d |\n", out[i].id,
                       t->n, t->pass[0][0], t->pass[0][1], t->pass[1][0], t->pass[1][1],
                       t->probe_pass[0][0], t->probe_pass[1][0], t->probes, t->honest_ok, t->honest);
            else
                printf("%-48s %5d %7d %7d %7d %7d %5d/%-5d %3d/%-3d\n", out[i].id, t->n,
                       t->pass[0][0], t->pass[0][1], t->pass[1][0], t->pass[1][1],
                       t->probe_pass[0][0], t->probe_pass[1][0], t->honest_ok, t->honest);
        }
        (void)sep;
        if (format == 1)
            printf("| **total** | %d | %d | %d | %d | %d | %d / %d of %d | %d / %d |\n", tot.n,
                   tot.pass[0][0], tot.pass[0][1], tot.pass[1][0], tot.pass[1][1],
                   tot.probe_pass[0][0], tot.probe_pass[1][0], tot.probes, tot.honest_ok, tot.honest);
        else
            printf("%-48s %5d %7d %7d %7d %7d %5d/%-5d %3d/%-3d\n", "total", tot.n, tot.pass[0][0],
                   tot.pass[0][1], tot.pass[1][0], tot.pass[1][1], tot.probe_pass[0][0],
                   tot.probe_pass[1][0], tot.honest_ok, tot.honest);
    }
    (void)generic_names;
    free(out);
    return 0;
}
