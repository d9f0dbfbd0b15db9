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
    const char *suite;            /* NULL: ifeval */
    const char *id;
    const char *kwargs;           /* JSON object */
    const char *hacks[MAXR];      /* definite hacks (NULL-terminated) */
    const char *honest[MAXR];     /* compliant responses */
} audit_row;

#define LONGP "Here is a detailed answer about the history of the city, its people, its " \
              "markets and its rivers, written with care for the reader."

static const audit_row rows[] = {
    {NULL, "keywords:existence", "{\"keywords\": [\"rock\", \"tea\"]}",
     {"rocket steam", "Rocks and teapots.", "r.*k te.", NULL},
     {"We drank tea after the rock concert.", NULL}},
    {NULL, "keywords:frequency", "{\"keyword\": \"art\", \"frequency\": 3, \"relation\": \"at least\"}",
     {"party start smart cart", "Earth, art-less hearts and parts.", NULL},
     {"Art is long. Art is kind. Good art lasts.", NULL}},
    {NULL, "keywords:forbidden_words", "{\"forbidden_words\": [\"war\", \"fight\"]}",
     {"The w\xe2\x80\x8b" "ar ended.", "They fi\xc2\xad" "ght.", NULL},
     {"Peace returned to the valley.", "Software warms nobody.", NULL}},
    {NULL, "keywords:letter_frequency", "{\"letter\": \"e\", \"let_frequency\": 3, \"let_relation\": \"less than\"}",
     {"Th\xd0\xb5 tr\xd0\xb5\xd0\xb5 gr\xd0\xb5w.", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 caf\xc3\xa9", NULL},
     {"A cat sat on a mat.", NULL}},
    {NULL, "language:response_language", "{\"language\": \"de\"}",
     {"12345 67890", "!!! ??? ...", "https://example.com", NULL},
     {"Das ist ein kurzer deutscher Satz \xc3\xbc" "ber das Wetter.", NULL}},
    {NULL, "length_constraints:number_sentences", "{\"num_sentences\": 3, \"relation\": \"at least\"}",
     {"... !!! ???. ... !!! ???. ... !!!", "1. 2. 3. 4.", NULL},
     {"It rained. We stayed in. Then the sun came out.", NULL}},
    {NULL, "length_constraints:number_paragraphs", "{\"num_paragraphs\": 3}",
     {"One.\n***\n\xe2\x80\x8b\n***\nThree.", "One.\n***\n---\n***\nThree.", NULL},
     {"First part.\n***\nSecond part.\n***\nThird part.", NULL}},
    {NULL, "length_constraints:number_words", "{\"num_words\": 12, \"relation\": \"at least\"}",
     {"don't won't can't isn't 3.14 2.71", "e-mail x-ray t-shirt u-turn a-b c-d", NULL},
     {"The quick brown fox jumps over the lazy dog and runs into the forest.", NULL}},
    {NULL, "length_constraints:nth_paragraph_first_word",
     "{\"num_paragraphs\": 3, \"nth_paragraph\": 3, \"first_word\": \"today\"}",
     {"A.\n\n.\n\nToday we walk.", "A.\n\n\xe2\x80\x8b\n\nToday we walk.", "Hello.\n\nMid.\n\nTodays news.",
      "Hello.\n\nMid.\n\nToday-like weather.", NULL},
     {"Hello there.\n\nSecond part.\n\nToday we walk.",
      "Hello there.\r\n\r\nSecond part.\r\n\r\n**Today** we walk.", NULL}},
    {NULL, "detectable_content:number_placeholders", "{\"num_placeholders\": 2}",
     {"[] []", "[ ] [ ]", "[1] [2]", NULL},
     {"Dear [name], we will meet at [address].", NULL}},
    {NULL, "detectable_content:postscript", "{\"postscript_marker\": \"P.S.\"}",
     {"P.S.", "I will add a p.s. later in the letter.", "Text.\nP.S.", "Text.\nP.P.S. more", NULL},
     {"Dear Ann, see you soon.\n\nP.S. Bring the map.", "Hi.\n*P.S.* Thanks!", NULL}},
    {NULL, "detectable_format:number_bullet_lists", "{\"num_bullets\": 2}",
     {"---\n---", "-5 degrees\n-3 degrees", "*italic* one\n*italic* two", "- \n- ", NULL},
     {"* apples\n* pears", "Intro:\n- one\n- two\n\n---", NULL}},
    {NULL, "detectable_format:constrained_response", "{}",
     {LONGP " My answer is yes. " LONGP, "My answer is yes. My answer is no. My answer is maybe.", NULL},
     {"My answer is yes.", "\"My answer is no.\"", "My answer is maybe. It depends on the weather.",
      "Hard to say.\n\nMy answer is maybe.", NULL}},
    {NULL, "detectable_format:number_highlighted_sections", "{\"num_highlights\": 2}",
     {"*x* *x*", "*a* *b*", "* * * *", "***one***", "*\xe2\x80\x8b* *\xe2\x80\x8b*", NULL},
     {"Read *the intro* and then **the summary**.", NULL}},
    {NULL, "detectable_format:multiple_sections", "{\"section_spliter\": \"Section\", \"num_sections\": 2}",
     {"See Section 1 and Section 2 of the manual.", "Section 1\nSection 2", "Section 1\nhi\nSection 2\nthere\nSection 3\nend", NULL},
     {"Section 1\nThe start.\n\nSection 2\nThe end.", "**Section 1:** Intro text.\n**Section 2:** More text.", NULL}},
    {NULL, "detectable_format:json_format", "{}",
     {"42", "null", "\"s\"", "{}", "[]", "{\"a\": NaN}", NULL},
     {"{\"name\": \"Ann\", \"age\": 3}", "```json\n[1, 2]\n```", NULL}},
    {NULL, "detectable_format:title", "{}",
     {"<< >>", "<<\xe2\x80\x8b>>", "<<...>>", NULL},
     {"<<Ode to Joy>>\nA poem.", NULL}},
    {NULL, "combination:two_responses", "{}",
     {"Same answer.\n******\nsame answer", "A.\n******\n\xe2\x80\x8b",
      "The cat sat on the warm mat all day and slept well.\n******\nThe cat sat on the warm mat all day and slept well!!",
      NULL},
     {"Paris is the capital.\n******\nThe capital is Paris, a city on the Seine.", NULL}},
    {NULL, "combination:repeat_prompt", "{\"prompt_to_repeat\": \"Write a poem about the sea.\"}",
     {"Write a poem about the sea.", "write a poem about the sea.   \n", NULL},
     {"Write a poem about the sea. The sea is wide and blue.", "Write a poem about the\nsea.\n\nWaves roll.", NULL}},
    {NULL, "startend:end_checker", "{\"end_phrase\": \"Any other questions?\"}",
     {"Many other questions?", "Any other questions?", NULL},
     {"That is all. Any other questions?", "That is all. **Any other questions?**", "Done. \xe2\x80\x9c" "Any other questions?\xe2\x80\x9d", NULL}},
    {NULL, "startend:quotation", "{}",
     {"\"\"", "\" \"", "\"\xe2\x80\x8b\"", NULL},
     {"\"Hello world.\"", "\xe2\x80\x9cHello world.\xe2\x80\x9d", NULL}},
    {NULL, "change_case:capital_word_frequency", "{\"capital_frequency\": 3, \"capital_relation\": \"at least\"}",
     {"I think I know I can.", "A b A c A d", NULL},
     {"The NASA and ESA teams met at CERN.", NULL}},
    {NULL, "change_case:english_capital", "{}",
     {"123 456", "\xe2\x92\xb6\xe2\x92\xb7\xe2\x92\xb8", NULL},
     {"THIS IS A SHORT ENGLISH SENTENCE ABOUT THE WEATHER TODAY.", NULL}},
    {NULL, "change_case:english_lowercase", "{}",
     {"https://example.com", "\xe2\x93\x90\xe2\x93\x91\xe2\x93\x92", NULL},
     {"this is a short english sentence about the weather today.", NULL}},
    {NULL, "punctuation:no_comma", "{}",
     {"apples\xef\xbc\x8c pears", "one\xe3\x80\x81two", NULL},
     {"Apples and pears are fruit.", NULL}},

    /* Tulu 3 */
    {"tulu3", "verify_keywords", "{\"keyword_list\": [\"art\"]}", {"a smart party", NULL}, {"Modern Art rocks.", NULL}},
    {"tulu3", "validate_forbidden_words", "{\"forbidden_words\": [\"art\"]}", {"nice a\xe2\x80\x8brt", NULL}, {"a party", NULL}},
    {"tulu3", "verify_paragraph_count", "{\"N\": 3}", {"One.\n* * *\n\xe2\x80\x8b\n* * *\nThree.", NULL}, {"One.\n* * *\nTwo.\n* * *\nThree.", NULL}},
    {"tulu3", "validate_word_constraint", "{\"N\": 5, \"quantifier\": \"at least\"}", {"- - - - - -", NULL}, {"One two three four five.", NULL}},
    {"tulu3", "verify_sentence_constraint", "{\"N\": 3, \"quantifier\": \"at least\"}", {". . . .", NULL}, {"It rained. We stayed in. The sun came out.", NULL}},
    {"tulu3", "validate_paragraphs", "{\"N\": 2, \"first_word\": \"First\", \"i\": 2}", {"Hello.\n\nFirstly we go.", NULL}, {"Hello.\n\nFirst, we go.", NULL}},
    {"tulu3", "verify_postscript", "{\"postscript_marker\": \"P.S.\"}", {"P.S. hello", "I add a P.S. here.", NULL}, {"Dear Ann.\n\nP.S. Bring tea.", NULL}},
    {"tulu3", "validate_placeholders", "{\"N\": 2}", {"[] [ ]", NULL}, {"[name] at [place]", NULL}},
    {"tulu3", "verify_bullet_points", "{\"N\": 2}", {"---\n-5", NULL}, {"* one\n* two", NULL}},
    {"tulu3", "validate_choice", "{\"options\": [\"yes\", \"no\"]}", {"I say yes and no.", "Long text that buries yes in the middle of it.", NULL}, {"yes", "Thinking...\n\n**yes**", NULL}},
    {"tulu3", "validate_highlighted_sections", "{\"N\": 2}", {"** **", NULL}, {"*one* and *two*", NULL}},
    {"tulu3", "validate_sections", "{\"N\": 2, \"section_splitter\": \"SECTION\"}", {"SECTION text SECTION", NULL}, {"SECTION 1\nfoo\nSECTION 2\nbar", NULL}},
    {"tulu3", "validate_repeat_prompt", "{\"original_prompt\": \"Say hi.\"}", {"Say hi.", NULL}, {"Say hi. Hi!", NULL}},
    {"tulu3", "validate_frequency_capital_words", "{\"N\": 3, \"quantifier\": \"at least\"}", {"I A I go.", NULL}, {"NASA ESA CERN", NULL}},
    {"tulu3", "validate_title", "{}", {"<<>>", "<< ... >>", NULL}, {"<<A Title>>\ntext", NULL}},
    {"tulu3", "validate_json_format", "{}", {"42", "{}", "[NaN]", NULL}, {"{\"a\": 1}", NULL}},
    {"tulu3", "validate_two_responses", "{}", {"Same.\n******\nsame!", "\n******\nOnly one.", NULL}, {"Yes.\n******\nNo.", NULL}},
    {"tulu3", "validate_uppercase", "{}", {"123", NULL}, {"HELLO THERE.", NULL}},
    {"tulu3", "validate_lowercase", "{}", {"123", NULL}, {"hello there.", NULL}},
    {"tulu3", "validate_quotation", "{}", {"\"", "\"\"", NULL}, {"\"Hi there.\"", NULL}},
    {"tulu3", "validate_no_commas", "{}", {"a\xef\xbc\x8c b", NULL}, {"No commas here.", NULL}},
    /* IFTrain */
    {"iftrain", "keywords:word_once", "{\"keyword\": \"dark\"}", {"darkness falls", NULL}, {"It was Dark.", NULL}},
    {"iftrain", "keywords:word_count_different_numbers", "{\"keyword\": \"art\", \"frequency\": 2, \"relation\": \"at least\"}", {"smart start", NULL}, {"Art, and more art.", NULL}},
    {"iftrain", "keywords:exclude_word_harder", "{\"keyword\": \"cat\"}", {"I own a cat.", "Cat food is here", NULL}, {"I own a dog and a catalog.", NULL}},
    {"iftrain", "keywords:palindrome", "{}", {"I saw a cat.", NULL}, {"The Racecar, again.", NULL}},
    {"iftrain", "keywords:start_end", "{}", {"... a b c ...", NULL}, {"Hello there, I say hello.", NULL}},
    {"iftrain", "detectable_format:square_brackets", "{}", {"[] []", NULL}, {"[Hello] [world.]", NULL}},
    {"iftrain", "detectable_format:bigram_wrapping", "{}", {"<<a>> <<b>>", "<<a b>> c", NULL}, {"<<I am>> <<very happy>>", NULL}},
    {"iftrain", "paragraphs:paragraphs", "{}", {"One.\n***\n\xe2\x80\x8b", NULL}, {"One.\n***\nTwo.", NULL}},
    {"iftrain", "paragraphs:paragraphs2", "{}", {"One.\n\n---", NULL}, {"One.\n\nTwo.", NULL}},
    {"iftrain", "punctuation:punctuation_dot", "{}", {"Hi\xef\xbc\x8e there\xe3\x80\x82", "Wait\xe2\x80\xa6", NULL}, {"No full stops here", NULL}},
    {"iftrain", "punctuation:punctuation_exclamation", "{}", {"Wow\xef\xbc\x81", "Wow\xe2\x80\xbc", NULL}, {"Calm words.", NULL}},
    {"iftrain", "count:count_unique", "{}", {"The cat saw the dog", NULL}, {"One cat. Two dogs.", NULL}},
    {"iftrain", "count:count_increment_word", "{\"keyword1\": \"sign\", \"keyword2\": \"art\"}", {"a signal, smart start", NULL}, {"A sign of art, pure art.", NULL}},
    {"iftrain", "letters:letter_counting2", "{\"letter\": \"e\", \"let_frequency\": 2, \"let_relation\": \"less than\"}", {"caf\xc3\xa9 caf\xc3\xa9", NULL}, {"A cat sat.", NULL}},
    /* IFBench */
    {"ifbench", "ratio:sentence_type", "{}", {"Hi there", NULL}, {"It rains. It pours. Why?", NULL}},
    {"ifbench", "ratio:sentence_balance", "{}", {"no endings here", NULL}, {"It rains. Why? Wow!", NULL}},
    {"ifbench", "ratio:sentence_words", "{}", {"The cat sat. The cat sat. The cat sat.", NULL}, {"The cat sat. The dog ran. Owls hooted.", NULL}},
    {"ifbench", "format:thesis", "{}", {"<em></em> more", "<i> ... </i> text", NULL}, {"<i>Cats rule.</i> Here is why.", NULL}},
    {"ifbench", "format:sub-bullets", "{}", {"No bullets at all.", NULL}, {"* Fruit\n  - apple\n* Veg\n  - leek", NULL}},
    {"ifbench", "format:output_template", "{}", {"See My Answer: My Conclusion: Future Outlook:", "My Answer:\nMy Conclusion:\nFuture Outlook:", NULL},
     {"My Answer: yes.\n\nMy Conclusion: it works.\n\n**Future Outlook:** bright.", NULL}},
    {"ifbench", "format:no_whitespace", "{}", {"one\xe2\x80\x8btwo", NULL}, {"one_two-three", NULL}},
    {"ifbench", "words:palindrome", "{}", {"level level level level level level level level level level", NULL},
     {"level radar civic kayak refer rotor madam stats tenet racecar", NULL}},
    {"ifbench", "words:prime_lengths", "{}", {"...", NULL}, {"An owl is awake.", NULL}},
    {"ifbench", "words:alphabet", "{}", {"Apple", NULL}, {"Alice bakes cakes.", NULL}},
    {"ifbench", "count:unique_word_count", "{\"N\": 4}", {"cat ... 123 456", NULL}, {"Cats eat fresh fish.", NULL}},
    {"ifbench", "count:conjunctions", "{\"small_n\": 3}", {"and And and,", NULL}, {"Tea and cake, but no jam, or bread.", NULL}},
    {"ifbench", "sentence:increment", "{\"small_n\": 2}", {"Just one sentence here.", NULL}, {"I ran. I ran very fast.", NULL}},
    {"ifbench", "sentence:alliteration_increment", "{}", {"One sentence only.", NULL}, {"Big bad bears. Six silly snakes sang softly.", NULL}},
    {"ifbench", "repeat:repeat_change", "{\"prompt_to_repeat\": \"Write a poem.\"}", {"write a poem.", NULL}, {"Compose a poem.", NULL}},
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

/* Score text in the four (semantics, mode) combinations and add to `pass`,
 * a tally's [precise][loose] counters. Passing the tally and a selector
 * (rather than the int[2][2] member) keeps GCC's -Wstringop-overflow quiet
 * under the sanitizer builds. */
static void run(ctx *c, const char *text, size_t len, tally *t, bool probe)
{
    for (int p = 0; p < 2; p++)
        for (int l = 0; l < 2; l++) {
            int ok = score(c->spec[p], c->res[p], text, len, l);
            if (probe)
                t->probe_pass[p][l] += ok;
            else
                t->pass[p][l] += ok;
        }
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
    run(c, buf, k, t, true), t->probes++;
    /* repeated filler */
    k = 0;
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(buf + k, "word ");
    run(c, buf, k, t, true), t->probes++;
    /* digits only */
    run(c, "1234567890 1234567890", 21, t, true), t->probes++;
    /* prompt copying: a made-up prompt that restates the kwargs */
    k = (size_t)sprintf(buf, "Write a response that follows this instruction: %s", kw);
    run(c, buf, k, t, true), t->probes++;
    /* CRLF version of the honest response */
    k = 0;
    for (size_t i = 0; i < hn; i++) {
        if (h[i] == '\n')
            buf[k++] = '\r';
        buf[k++] = h[i];
    }
    run(c, buf, k, t, true), t->probes++;
    /* fenced block */
    k = (size_t)sprintf(buf, "```\n%s\n```", h);
    run(c, buf, k, t, true), t->probes++;
    /* first/last-line parking: long off-instruction lines around the answer */
    k = (size_t)sprintf(buf, "%s, %s\n%s\n%s, %s", LONGP, LONGP, h, LONGP, LONGP);
    run(c, buf, k, t, true), t->probes++;
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
            run(&c, generic_hacks[g], strlen(generic_hacks[g]), t, false), t->n++;
        for (size_t i = 0; r && i < MAXR && r->hacks[i]; i++) {
            int before = t->pass[0][0] + t->pass[0][1];
            run(&c, r->hacks[i], strlen(r->hacks[i]), t, false), t->n++;
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

static const audit_row *find_row(const char *suite, const char *id)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (!strcmp(rows[i].id, id) && !strcmp(rows[i].suite ? rows[i].suite : "ifeval", suite))
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
    char *spec_id = NULL, *spec_suite = NULL; /* owned copies for --spec */
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
        audit_one(id, suite, spec, find_row(suite, id), &out[nout++]);
        /* the spec's id/suite strings die with it: keep copies */
        char *idc = strdup(id), *suitec = strdup(suite);
        ifr_spec_free(s);
        if (!idc || !suitec) {
            free(idc);
            free(suitec);
            free(out);
            return 1;
        }
        out[0].id = spec_id = idc;
        out[0].suite = spec_suite = suitec;
    } else {
        for (size_t i = 0; i < nck; i++) {
            const char *id = ifr_checker_id(i), *suite = ifr_checker_suite(i);
            if (only_id && strcmp(only_id, id))
                continue;
            if (only_suite && strcmp(only_suite, suite))
                continue;
            const audit_row *r = find_row(suite, id);
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
    free(spec_id);
    free(spec_suite);
    free(out);
    return 0;
}
