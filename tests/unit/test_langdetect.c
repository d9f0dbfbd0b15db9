/*
 * test_langdetect.c - the langdetect 1.0.9 port and CPython's random stream.
 *
 * Expected values were computed with /usr/bin/python3 (Debian's 3.11.2 and
 * python3-langdetect 1.0.9) with DetectorFactory.seed = 0; the reference
 * code itself is not part of the project. Probabilities are compared
 * bit for bit (hex float literals).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "nlp/langdetect.h"
#include "nlp/pyrandom.h"
#include "text/pycompat.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* MARK: helpers ---------------------------------------------------------- */

typedef struct arena_state {
    ifr_allocator alloc;
    ifr__arena ar;
} arena_state;

static int setup_arena(void **state)
{
    arena_state *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    ifr__alloc_default(&s->alloc);
    ifr__arena_init(&s->ar, &s->alloc);
    *state = s;
    return 0;
}

static int teardown_arena(void **state)
{
    arena_state *s = *state;
    ifr__arena_release(&s->ar);
    free(s);
    return 0;
}

/* Detect UTF-8 text through the internal entry point. */
static void detect_utf8_flags(ifr__arena *ar, const char *s, size_t n, unsigned flags,
                              ifr__lang *out)
{
    uint32_t *cp = NULL;
    size_t ncp = 0;
    assert_int_equal(ifr__utf8_decode(s, n, ar, &cp, &ncp), IFR_OK);
    assert_int_equal(ifr__langdetect(cp, ncp, ar, flags, out), IFR_OK);
}

static void detect_utf8(ifr__arena *ar, const char *s, size_t n, ifr__lang *out)
{
    detect_utf8_flags(ar, s, n, 0, out);
}

/* The trial implementations (all must give the same bits); 0 is the default. */
static const unsigned isas[] = {0, IFR__LD_ISA_BASELINE, IFR__LD_ISA_AVX2, IFR__LD_ISA_AVX512};
#define NISAS (sizeof isas / sizeof isas[0])

/* The probability vectors of every implementation this CPU has are equal. */
static void check_isas_agree(ifr__arena *ar, const char *s, size_t n, const char *what)
{
    uint32_t *cp = NULL;
    size_t ncp = 0;
    assert_int_equal(ifr__utf8_decode(s, n, ar, &cp, &ncp), IFR_OK);
    double first[IFR__LD_NLANG], got[IFR__LD_NLANG];
    bool nof_first, nof;
    assert_int_equal(ifr__langdetect_probs(cp, ncp, ar, 0, first, &nof_first), IFR_OK);
    for (size_t v = 1; v < NISAS; v++) {
        if (!ifr__langdetect_has_isa(isas[v]))
            continue;
        assert_int_equal(ifr__langdetect_probs(cp, ncp, ar, isas[v], got, &nof), IFR_OK);
        if (nof != nof_first || memcmp(first, got, sizeof got) != 0)
            fail_msg("%s: implementation 0x%x differs from the default", what, isas[v]);
    }
}

/* A string of `count` copies of `unit`, then `tail` (malloc'ed). */
static char *repeat(const char *head, const char *unit, size_t count, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * count + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < count; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * count, tail, tl + 1);
    return s;
}

/* MARK: random.Random(0) ------------------------------------------------- */

static void test_pyrandom_random_sequence(void **state)
{
    (void)state;
    static const double want[] = {
        0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2,
        0x1.092178fb945a6p-2, 0x1.05c5ccdf19707p-1, 0x1.9ea70df588b3cp-2,
        0x1.914e0c751c4f5p-1, 0x1.36979c7be0decp-2};
    ifr__pyrandom r;
    ifr__pyrandom_seed(&r, 0);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_true(ifr__pyrandom_random(&r) == want[i]);
}

/* langdetect's seed(0) state: borrowed from the table (no copy), copied, and
 * seeded give the same stream, across several twists. */
static void test_pyrandom_borrowed_state(void **state)
{
    (void)state;
    ifr__pyrandom a, b, c;
    ifr__pyrandom_borrow_state(&a, ifr__ld_mt_seed0, 0);
    ifr__pyrandom_set_state(&b, ifr__ld_mt_seed0, 0);
    ifr__pyrandom_seed(&c, 0);
    for (int i = 0; i < 5 * IFR__MT_N + 7; i++) {
        uint32_t x = ifr__pyrandom_u32(&a);
        if (x != ifr__pyrandom_u32(&b) || x != ifr__pyrandom_u32(&c))
            fail_msg("output %d differs", i);
    }
    /* the table was only read */
    ifr__pyrandom d;
    ifr__pyrandom_seed(&d, 0);
    (void)ifr__pyrandom_u32(&d);
    assert_memory_equal(d.mt, ifr__ld_mt_seed0, sizeof d.mt);
}

static void test_pyrandom_big_seed(void **state)
{
    (void)state; /* random.Random(12345678901234): a two-word init_by_array key */
    static const double want[] = {0x1.9a47247a07b40p-6, 0x1.29a127d34a248p-3,
                                  0x1.b46d33c3d1b08p-2};
    ifr__pyrandom r;
    ifr__pyrandom_seed(&r, UINT64_C(12345678901234));
    for (size_t i = 0; i < 3; i++)
        assert_true(ifr__pyrandom_random(&r) == want[i]);
}

static void test_pyrandom_gauss_cached_pair(void **state)
{
    (void)state;
    static const double want[] = {
        0x1.e22885827c580p-1, -0x1.6586248600484p+0, -0x1.5c03883a3b23fp-1,
        0x1.7b6549852df0cp-2, -0x1.042f70eddd104p+0, -0x1.27675333fa7f0p-4};
    ifr__pyrandom r;
    ifr__pyrandom_seed(&r, 0);
    for (size_t i = 0; i < 6; i++)
        assert_true(ifr__pyrandom_gauss(&r, 0.0, 1.0) == want[i]);
    /* the cached second value survives other draws: gauss, random, gauss, gauss */
    ifr__pyrandom_seed(&r, 0);
    assert_true(ifr__pyrandom_gauss(&r, 0.0, 1.0) == 0x1.e22885827c580p-1);
    assert_true(ifr__pyrandom_random(&r) == 0x1.aeaa51052e978p-2);
    assert_true(ifr__pyrandom_gauss(&r, 0.0, 1.0) == -0x1.6586248600484p+0);
    assert_true(ifr__pyrandom_gauss(&r, 0.0, 1.0) == -0x1.12756c9acdaccp-4);
    /* seed() forgets the cached value */
    ifr__pyrandom_seed(&r, 0);
    (void)ifr__pyrandom_gauss(&r, 0.0, 1.0);
    ifr__pyrandom_seed(&r, 0);
    assert_true(ifr__pyrandom_gauss(&r, 0.0, 1.0) == 0x1.e22885827c580p-1);
}

static void test_pyrandom_getrandbits(void **state)
{
    (void)state;
    static const unsigned ks[] = {1, 5, 16, 31, 32, 33, 48, 64};
    static const uint64_t want[] = {1, 12, 49673, 1911784257, 1806341205, 173879092,
                                    UINT64_C(143911320859898),
                                    UINT64_C(7469716379221213669)};
    ifr__pyrandom r;
    ifr__pyrandom_seed(&r, 0);
    for (size_t i = 0; i < 8; i++)
        assert_true(ifr__pyrandom_getrandbits(&r, ks[i]) == want[i]);
    /* across the state regeneration after 624 words */
    static const uint32_t after[] = {33719836, 421235423, 1691392275, 2390040247,
                                     2229104038, 1244770883};
    ifr__pyrandom_seed(&r, 0);
    for (int i = 0; i < 620; i++)
        (void)ifr__pyrandom_getrandbits(&r, 32);
    for (size_t i = 0; i < 6; i++)
        assert_true(ifr__pyrandom_getrandbits(&r, 32) == after[i]);
}

static void test_pyrandom_choice(void **state)
{
    (void)state; /* [r.choice(range(n)) for n in ...] with rejection sampling */
    static const uint64_t ns[] = {1, 2, 3, 7, 10, 100, 1000, 30000, 65537,
                                  UINT64_C(4294967297)};
    static const uint64_t want[] = {0, 1, 0, 2, 8, 62, 414, 25683, 39755,
                                    UINT64_C(4156669319)};
    ifr__pyrandom r;
    ifr__pyrandom_seed(&r, 0);
    for (size_t i = 0; i < 10; i++)
        assert_true(ifr__pyrandom_randbelow(&r, ns[i]) == want[i]);
}

/* MARK: detection cases --------------------------------------------------- */

typedef struct ld_case {
    const char *name;
    const char *text;  /* NULL: built by build_case() */
    const char *code;  /* NULL: langdetect raises (no features) */
    double prob;
} ld_case;

static const ld_case cases[] = {
    {"empty", "", NULL, 0.0},
    {"digits_punct", "12345 !!! ??? 3.14", NULL, 0.0},
    {"emoji_only", "\U0001f600\U0001f600\U0001f389 \u2764\ufe0f", NULL, 0.0},
    {"zwsp_only", "\u200b", NULL, 0.0},
    {"short_en", "Hello", "fi", 0x1.1e8919276787ep-1},
    {"en", "This is a simple English sentence about the weather today.", "en", 0x1.ffff891104e91p-1},
    {"en_caps", "THIS IS ALL CAPS ENGLISH TEXT ABOUT THE WEATHER TODAY.", "en", 0x1.ffff641c461b9p-1},
    {"en_lower", "this is all lowercase english text about the weather today.", "en", 0x1.ffff8573b8fd0p-1},
    {"fr", "Bonjour tout le monde, comment allez-vous aujourd'hui ?", "fr", 0x1.ffffa7ccfe9fdp-1},
    {"de", "Die Katze sitzt auf der Matte und schl\u00e4ft den ganzen Tag.", "de", 0x1.fffff42e39a2bp-1},
    {"es", "El perro corre por el parque todos los d\u00edas por la ma\u00f1ana.", "es", 0x1.ffffa5cf6f2fbp-1},
    {"it", "La vita \u00e8 bella quando il sole splende sul mare.", "it", 0x1.ffff6ca197e36p-1},
    {"pt", "O menino est\u00e1 brincando no jardim com seus amigos.", "pt", 0x1.ffff74e924ff1p-1},
    {"ru", "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? \u042d\u0442\u043e \u0442\u0435\u0441\u0442 \u043d\u0430 \u0440\u0443\u0441\u0441\u043a\u043e\u043c \u044f\u0437\u044b\u043a\u0435.", "ru", 0x1.ffffe38785419p-1},
    {"uk", "\u0426\u0435 \u0440\u0435\u0447\u0435\u043d\u043d\u044f \u0443\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u043e\u044e \u043c\u043e\u0432\u043e\u044e, \u044f\u043a\u0435 \u043c\u0456\u0441\u0442\u0438\u0442\u044c \u0457 \u0442\u0430 \u0454.", "uk", 0x1.ffff902480140p-1},
    {"bg", "\u0422\u043e\u0432\u0430 \u0435 \u0438\u0437\u0440\u0435\u0447\u0435\u043d\u0438\u0435 \u043d\u0430 \u0431\u044a\u043b\u0433\u0430\u0440\u0441\u043a\u0438 \u0435\u0437\u0438\u043a.", "bg", 0x1.ffffac6bb9415p-1},
    {"hi", "\u092f\u0939 \u0939\u093f\u0902\u0926\u0940 \u092e\u0947\u0902 \u090f\u0915 \u092a\u0930\u0940\u0915\u094d\u0937\u0923 \u0935\u093e\u0915\u094d\u092f \u0939\u0948\u0964", "hi", 0x1.ffffd982f46f6p-1},
    {"mr", "\u0939\u0947 \u092e\u0930\u093e\u0920\u0940 \u092d\u093e\u0937\u0947\u0924\u0940\u0932 \u090f\u0915 \u0935\u093e\u0915\u094d\u092f \u0906\u0939\u0947 \u0906\u0923\u093f \u0924\u0947 \u0916\u0942\u092a \u091b\u093e\u0928 \u0906\u0939\u0947.", "mr", 0x1.ffffeaf642fffp-1},
    {"ar", "\u0647\u0630\u0647 \u062c\u0645\u0644\u0629 \u0627\u062e\u062a\u0628\u0627\u0631 \u0628\u0627\u0644\u0644\u063a\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629.", "ar", 0x1.ffffe99a05e2ap-1},
    {"fa", "\u0627\u06cc\u0646 \u06cc\u06a9 \u062c\u0645\u0644\u0647 \u0622\u0632\u0645\u0627\u06cc\u0634\u06cc \u0628\u0647 \u0632\u0628\u0627\u0646 \u0641\u0627\u0631\u0633\u06cc \u0627\u0633\u062a.", "fa", 0x1.ffff986d4646fp-1},
    {"zh_cn", "\u8fd9\u662f\u4e00\u4e2a\u4e2d\u6587\u6d4b\u8bd5\u53e5\u5b50\uff0c\u6211\u4eec\u5728\u8fd9\u91cc\u5b66\u4e60\u8bed\u8a00\u3002", "zh-cn", 0x1.ffffd4f29a8fep-1},
    {"zh_tw", "\u9019\u662f\u4e00\u500b\u4e2d\u6587\u6e2c\u8a66\u53e5\u5b50\uff0c\u6211\u5011\u5728\u9019\u88e1\u5b78\u7fd2\u8a9e\u8a00\u3002", "zh-tw", 0x1.b6db455bba444p-1},
    {"ja", "\u3053\u308c\u306f\u65e5\u672c\u8a9e\u306e\u30c6\u30b9\u30c8\u6587\u3067\u3059\u3002\u4eca\u65e5\u306f\u3044\u3044\u5929\u6c17\u3067\u3059\u306d\u3002", "ja", 0x1.fffffffec0011p-1},
    {"ko", "\uc774\uac83\uc740 \ud55c\uad6d\uc5b4 \ud14c\uc2a4\ud2b8 \ubb38\uc7a5\uc785\ub2c8\ub2e4.", "ko", 0x1.ffffe8414f933p-1},
    {"vi", "Ti\u1ebfng Vi\u1ec7t l\u00e0 ng\u00f4n ng\u1eef ch\u00ednh th\u1ee9c c\u1ee7a Vi\u1ec7t Nam.", "vi", 0x1.fffffbb3c7bd0p-1},
    {"vi_decomposed", "Tie\u0302\u0301ng Vie\u0323\u0302t la\u0300 ngo\u0302n ngu\u031b\u0303 chi\u0301nh thu\u031b\u0301c cu\u0309a Vie\u0323\u0302t Nam.", "vi", 0x1.ffffd577df12cp-1},
    {"th", "\u0e19\u0e35\u0e48\u0e04\u0e37\u0e2d\u0e1b\u0e23\u0e30\u0e42\u0e22\u0e04\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22", "th", 0x1.fffffffbfad14p-1},
    {"ta", "\u0b87\u0ba4\u0bc1 \u0ba4\u0bae\u0bbf\u0bb4\u0bcd \u0bae\u0bca\u0bb4\u0bbf\u0baf\u0bbf\u0bb2\u0bcd \u0b92\u0bb0\u0bc1 \u0bb5\u0bbe\u0b95\u0bcd\u0b95\u0bbf\u0baf\u0bae\u0bcd.", "ta", 0x1.ffffffffe2b6fp-1},
    {"bn", "\u098f\u099f\u09bf \u098f\u0995\u099f\u09bf \u09ac\u09be\u0982\u09b2\u09be \u09ac\u09be\u0995\u09cd\u09af\u0964", "bn", 0x1.fffffff998203p-1},
    {"el", "\u0391\u03c5\u03c4\u03ae \u03b5\u03af\u03bd\u03b1\u03b9 \u03bc\u03b9\u03b1 \u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ae \u03c0\u03c1\u03cc\u03c4\u03b1\u03c3\u03b7.", "el", 0x1.ffffffef6e50dp-1},
    {"he", "\u05d6\u05d5\u05d4\u05d9 \u05de\u05e9\u05e4\u05d8 \u05d1\u05e2\u05d1\u05e8\u05d9\u05ea.", "he", 0x1.fffffff74e4b2p-1},
    {"mixed_en_ru", "Hello \u043c\u0438\u0440, this is mixed \u0442\u0435\u043a\u0441\u0442 with words.", "en", 0x1.ffff91155aae0p-1},
    {"ru_with_latin", "\u042d\u0442\u043e \u0440\u0443\u0441\u0441\u043a\u0438\u0439 \u0442\u0435\u043a\u0441\u0442 with some English words \u0432\u043d\u0443\u0442\u0440\u0438 \u043f\u0440\u0435\u0434\u043b\u043e\u0436\u0435\u043d\u0438\u044f \u0434\u043b\u044f \u043f\u0440\u043e\u0432\u0435\u0440\u043a\u0438.", "ru", 0x1.ffffcd55a04e5p-1},
    {"url_only", "https://www.example.com/some/long/path?query=1&x=2#frag", NULL, 0.0},
    {"url_in_text", "Bitte besuchen Sie https://example.com/de/start f\u00fcr weitere Informationen.", "de", 0x1.ffffc249a19e6p-1},
    {"mail_only", "john.doe@example.com", NULL, 0.0},
    {"mail_in_text", "Escr\u00edbeme a maria_lopez@correo.es cuando puedas, por favor.", "es", 0x1.ffff2a31a44f3p-1},
    {"nbsp_punct", "\u00a0\u00ab\u00bb\u00b0 \u2014 \u2026", NULL, 0.0},
    {"romanian_comma", "\u0218tiin\u021ba \u0219i tehnologia \u00een Rom\u00e2nia sunt foarte importante.", "ro", 0x1.ffffe064dea70p-1},
    {"sw", "Habari ya asubuhi, rafiki yangu. Leo ni siku nzuri sana.", "sw", 0x1.6db68fffbfc3ep-1},
    {"fi", "T\u00e4m\u00e4 on suomenkielinen lause, joka kertoo s\u00e4\u00e4st\u00e4.", "fi", 0x1.ffffb95a309e9p-1},
    {"long_cut", NULL, "en", 0x1.ffffa0d0f25efp-1},
    {"cut_in", NULL, "tr", 0x1.ffff446754f7dp-1},
    {"cut_out", NULL, NULL, 0.0},
    {"latin_kept", "ab \u0430\u0431\u0432\u0433", "et", 0x1.24920492db469p-1},
    {"latin_dropped", "ab \u0430\u0431\u0432\u0433\u0434", "ru", 0x1.6db6a4cee6b1dp-1},
    {"url_2076", NULL, NULL, 0.0},
    {"url_2080", NULL, "so", 0x1.ffff77e372f88p-1},
    {"mail_64", NULL, NULL, 0.0},
    {"mail_65", NULL, "hu", 0x1.ffff6627d086ap-1},
    {"mail_tail1", "abc@d", "ca", 0x1.ffff2e1ece734p-1},
    {"mail_tail2", "abc@de", NULL, 0.0},
    {"https_no_body", "https:// hello", "en", 0x1.6db66714aada2p-1},
    {"url_upper", "HTTP://EXAMPLE.COM", "en", 0x1.ffff47de19391p-1},
};

static char *build_case(const char *name)
{
    if (strcmp(name, "long_cut") == 0) { /* French only after the 10,000th character */
        char *en = repeat("", "the cat sat on the mat ", 500, "");
        char *s = repeat(en, "le chat est assis sur le tapis ", 500, "");
        free(en);
        return s;
    }
    if (strcmp(name, "cut_in") == 0) /* 'b' is character 10,000: still read */
        return repeat("", "1", 9999, "bonjour");
    if (strcmp(name, "cut_out") == 0) /* 'b' is character 10,001: cut off */
        return repeat("", "1", 10000, "bonjour");
    if (strcmp(name, "url_2076") == 0) /* the whole URL is removed */
        return repeat("http://", "a", 2076, "");
    if (strcmp(name, "url_2080") == 0) /* URL_RE stops after 2076 characters */
        return repeat("http://", "a", 2080, "");
    if (strcmp(name, "mail_64") == 0)
        return repeat("", "a", 64, "@bc");
    if (strcmp(name, "mail_65") == 0) /* the match starts one later: one 'a' stays */
        return repeat("", "a", 65, "@bc");
    fail_msg("no builder for %s", name);
    return NULL;
}

static void test_langdetect_cases(void **state)
{
    arena_state *s = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const ld_case *c = &cases[i];
        char *built = c->text ? NULL : build_case(c->name);
        const char *text = c->text ? c->text : built;
        for (size_t v = 0; v < NISAS; v++) {
            if (isas[v] && !ifr__langdetect_has_isa(isas[v]))
                continue;
            ifr__lang got;
            ifr__arena_reset(&s->ar);
            detect_utf8_flags(&s->ar, text, strlen(text), isas[v], &got);
            if (!c->code) {
                if (got.status != IFR_E_NOFEATURES)
                    fail_msg("case %zu (%s, 0x%x): expected no features, got %s", i, c->name,
                             isas[v], got.code);
            } else {
                if (got.status != IFR_OK || strcmp(got.code, c->code) != 0)
                    fail_msg("case %zu (%s, 0x%x): expected %s, got %s (status %d)", i,
                             c->name, isas[v], c->code, got.code, got.status);
                if (got.prob != c->prob)
                    fail_msg("case %zu (%s, 0x%x): prob %a, expected %a", i, c->name, isas[v],
                             got.prob, c->prob);
            }
        }
        free(built);
    }
}

/* MARK: the in-place path ------------------------------------------------ */

/* A text without "http", '@' or combining marks is read in place, without
 * append()'s dropping of a ' ' after a ' '. Text + " @" (the '@' normalises
 * to a space, which after a space yields no n-gram) goes through the copying
 * path (MAIL_RE, the drop) and must give the probabilities of text + " ",
 * read in place. */
static void test_langdetect_in_place(void **state)
{
    arena_state *s = *state;
    static const char *const texts[] = {
        "Two  spaces  between   words,    and a     run of five.",
        "   leading spaces, trailing spaces   ",
        "TWO  SPACES   IN  CAPITALS AND A  Mixed  Word",
        /* more Cyrillic than Latin: cleaning_text drops the Latin letters */
        ("\u041f\u0440\u0438\u0432\u0435\u0442  abc  \u043c\u0438\u0440  \u043a\u0430\u043a "
         "\u0434\u0435\u043b\u0430  xyz"),
        "\u8fd9\u662f  \u4e00\u4e2a   \u6d4b\u8bd5 ab  cd",
        " ",
        "a",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char with_sp[256], with_at[256];
        size_t n = strlen(texts[i]);
        assert_true(n + 3 < sizeof with_at);
        memcpy(with_sp, texts[i], n);
        memcpy(with_sp + n, " ", 2);
        memcpy(with_at, texts[i], n);
        memcpy(with_at + n, " @", 3);
        uint32_t *cp1, *cp2;
        size_t n1, n2;
        double p1[IFR__LD_NLANG], p2[IFR__LD_NLANG];
        bool nof1, nof2;
        ifr__arena_reset(&s->ar);
        assert_int_equal(ifr__utf8_decode(with_sp, n + 1, &s->ar, &cp1, &n1), IFR_OK);
        assert_int_equal(ifr__utf8_decode(with_at, n + 2, &s->ar, &cp2, &n2), IFR_OK);
        assert_int_equal(ifr__langdetect_probs(cp1, n1, &s->ar, 0, p1, &nof1), IFR_OK);
        assert_int_equal(ifr__langdetect_probs(cp2, n2, &s->ar, 0, p2, &nof2), IFR_OK);
        if (nof1 != nof2 || memcmp(p1, p2, sizeof p1) != 0)
            fail_msg("text %zu: in place and copied differ", i);
    }
}

/* MARK: the early exit ---------------------------------------------------- */

/* Early exit vs. the full run on one text: same status and code, a lower
 * bound for the probability, and the full run's probability from the public
 * entry point. Returns the trials the early exit ran (0: no features). */
static int check_early_exit(ifr__arena *ar, const char *s, size_t n, const char *what)
{
    uint32_t *cp = NULL;
    size_t ncp = 0;
    assert_int_equal(ifr__utf8_decode(s, n, ar, &cp, &ncp), IFR_OK);
    ifr__lang full, early;
    assert_int_equal(ifr__langdetect(cp, ncp, ar, 0, &full), IFR_OK);
    assert_int_equal(ifr__langdetect(cp, ncp, ar, IFR__LD_EARLY_EXIT, &early), IFR_OK);
    if (early.status != full.status || strcmp(early.code, full.code) != 0)
        fail_msg("%s: early exit gives %s (status %d), the full run %s (status %d)", what,
                 early.code, early.status, full.code, full.status);
    if (full.status != IFR_OK) {
        if (early.trials != 0 || full.trials != 0)
            fail_msg("%s: trials %d/%d without features", what, early.trials, full.trials);
        return 0;
    }
    if (full.trials != 7 || early.trials < 4 || early.trials > 7)
        fail_msg("%s: trials %d (full %d)", what, early.trials, full.trials);
    if (early.trials == 7 ? early.prob != full.prob : !(early.prob <= full.prob))
        fail_msg("%s: early prob %a after %d trials, full %a", what, early.prob, early.trials,
                 full.prob);
    char code[8];
    double prob = -1;
    assert_int_equal(ifr_detect_language(s, n, code, &prob, NULL), IFR_OK);
    if (strcmp(code, full.code) != 0 || prob != full.prob)
        fail_msg("%s: ifr_detect_language gives %s %a, the full run %s %a", what, code, prob,
                 full.code, full.prob);
    return early.trials;
}

/* Texts mixing fragments of the detection cases (25 languages and scripts),
 * cut at random points: close calls, mixed scripts, short and long texts. */
static void test_langdetect_early_exit(void **state)
{
    arena_state *s = *state;
    size_t hist[8] = {0}, ntexts = 0;
    char what[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *built = cases[i].text ? NULL : build_case(cases[i].name);
        const char *text = cases[i].text ? cases[i].text : built;
        ifr__arena_reset(&s->ar);
        hist[check_early_exit(&s->ar, text, strlen(text), cases[i].name)]++;
        ntexts++;
        free(built);
    }
    uint64_t x = 0x9E3779B97F4A7C15u; /* xorshift64 */
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    for (int r = 0; r < 3000; r++) {
        size_t len = 0, parts = 1 + r % 4;
        for (size_t k = 0; k < parts; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *t = cases[x % (sizeof cases / sizeof cases[0])].text;
            if (!t)
                continue;
            size_t tl = strlen(t), cut = (size_t)(x >> 32) % (tl + 1);
            if (r % 3 == 0) /* whole fragments, repeated */
                cut = tl;
            while (cut < tl && (t[cut] & 0xC0) == 0x80) /* keep UTF-8 whole */
                cut++;
            for (int rep = 0; rep < 1 + (int)(x >> 60) % 3 && len + cut + 1 < (1 << 16); rep++) {
                memcpy(buf + len, t, cut);
                len += cut;
                buf[len++] = ' ';
            }
        }
        snprintf(what, sizeof what, "mix %d", r);
        ifr__arena_reset(&s->ar);
        hist[check_early_exit(&s->ar, buf, len, what)]++;
        ntexts++;
    }
    free(buf);
    print_message("%zu texts: no features %zu; trials 4: %zu, 5: %zu, 6: %zu, 7: %zu\n", ntexts,
                  hist[0], hist[4], hist[5], hist[6], hist[7]);
    assert_true(hist[4] > 0 && hist[7] > 0);
}

/* MARK: the reference's seed-0 answers on the GPT-4 texts ---------------- */

static void test_langdetect_conformance_primitives(void **state)
{
    arena_state *s = *state;
    const char *dir = getenv("IFR_CONFORMANCE_DIR");
    char path[4096];
    FILE *f = NULL;
    if (dir) {
        snprintf(path, sizeof path, "%s/ifeval/primitives_gpt4.jsonl", dir);
        f = fopen(path, "rb");
    }
    if (!f) {
        print_message("IFR_CONFORMANCE_DIR/ifeval/primitives_gpt4.jsonl absent: skipped\n");
        skip();
        return;
    }
    size_t cap = 1 << 20, rows = 0, nofeat = 0, early[8] = {0};
    char *line = malloc(cap);
    assert_non_null(line);
    size_t len = 0;
    int c;
    for (;;) {
        len = 0;
        while ((c = fgetc(f)) != EOF && c != '\n') {
            if (len + 1 >= cap) {
                cap *= 2;
                line = realloc(line, cap);
                assert_non_null(line);
            }
            line[len++] = (char)c;
        }
        if (len == 0 && c == EOF)
            break;
        line[len] = 0;
        json_error_t jerr;
        json_t *row = json_loadb(line, len, 0, &jerr);
        if (!row)
            fail_msg("row %zu: %s", rows, jerr.text);
        json_t *text = json_object_get(row, "text");
        json_t *want = json_object_get(row, "langdetect_seed0");
        assert_true(json_is_string(text));
        ifr__lang got;
        ifr__arena_reset(&s->ar);
        detect_utf8(&s->ar, json_string_value(text), json_string_length(text), &got);
        ifr__arena_reset(&s->ar);
        check_isas_agree(&s->ar, json_string_value(text), json_string_length(text), "row");
        ifr__arena_reset(&s->ar);
        early[check_early_exit(&s->ar, json_string_value(text), json_string_length(text),
                               "row")]++;
        if (json_is_null(want)) {
            nofeat++;
            if (got.status != IFR_E_NOFEATURES)
                fail_msg("row %zu (key %lld %s): expected no features, got %s", rows,
                         (long long)json_integer_value(json_object_get(row, "key")),
                         json_string_value(json_object_get(row, "variant")), got.code);
        } else {
            assert_true(json_is_string(want));
            if (got.status != IFR_OK || strcmp(got.code, json_string_value(want)) != 0)
                fail_msg("row %zu (key %lld %s): expected %s, got %s", rows,
                         (long long)json_integer_value(json_object_get(row, "key")),
                         json_string_value(json_object_get(row, "variant")),
                         json_string_value(want), got.code);
        }
        json_decref(row);
        rows++;
        if (c == EOF)
            break;
    }
    free(line);
    fclose(f);
    size_t nisa = 0;
    for (size_t v = 1; v < NISAS; v++)
        nisa += ifr__langdetect_has_isa(isas[v]);
    print_message("%zu rows equal (%zu without features); probabilities equal bit for bit "
                  "in the %zu trial implementations this CPU has; the early exit gives the "
                  "same code (trials 4: %zu, 5: %zu, 6: %zu, 7: %zu)\n",
                  rows, nofeat, nisa, early[4], early[5], early[6], early[7]);
    assert_true(rows >= 2263);
}

/* MARK: determinism ------------------------------------------------------ */

static void test_langdetect_repeatable(void **state)
{
    arena_state *s = *state;
    const char *text = "bonjour"; /* close call: hr 0.429 vs fr 0.429 (random draws decide) */
    ifr__lang first, got;
    detect_utf8(&s->ar, text, strlen(text), &first);
    assert_string_equal(first.code, "hr");
    assert_true(first.prob == 0x1.b7c3127c397cfp-2);
    for (int i = 0; i < 1000; i++) {
        ifr__arena_reset(&s->ar);
        detect_utf8(&s->ar, text, strlen(text), &got);
        assert_string_equal(got.code, first.code);
        assert_true(got.prob == first.prob);
    }
}

typedef struct thread_job {
    int status;    /* 0 ok, else the failing case index + 1 */
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *job = arg;
    ifr_allocator alloc;
    ifr__alloc_default(&alloc);
    ifr__arena ar;
    ifr__arena_init(&ar, &alloc);
    job->status = 0;
    for (int rep = 0; rep < 20 && !job->status; rep++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const ld_case *c = &cases[i];
            if (!c->text)
                continue;
            uint32_t *cp;
            size_t ncp;
            ifr__lang got;
            ifr__arena_reset(&ar);
            if (ifr__utf8_decode(c->text, strlen(c->text), &ar, &cp, &ncp) != IFR_OK ||
                ifr__langdetect(cp, ncp, &ar, 0, &got) != IFR_OK) {
                job->status = (int)i + 1;
                break;
            }
            int ok = c->code ? (got.status == IFR_OK && strcmp(got.code, c->code) == 0 &&
                                got.prob == c->prob)
                             : got.status == IFR_E_NOFEATURES;
            if (!ok) {
                job->status = (int)i + 1;
                break;
            }
        }
    }
    ifr__arena_release(&ar);
    return NULL;
}

static void test_langdetect_threads(void **state)
{
    (void)state;
    enum { NT = 4 };
    pthread_t th[NT];
    thread_job jobs[NT];
    for (int i = 0; i < NT; i++)
        assert_int_equal(pthread_create(&th[i], NULL, thread_main, &jobs[i]), 0);
    for (int i = 0; i < NT; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        if (jobs[i].status)
            fail_msg("thread %d: case %s differs", i, cases[jobs[i].status - 1].name);
    }
}

/* MARK: the cached accessor and the public API ------------------------- */

static void test_text_language_cached(void **state)
{
    arena_state *s = *state;
    const char *src = "Die Katze sitzt auf der Matte und schl\u00e4ft den ganzen Tag.";
    ifr__text t;
    memset(&t, 0, sizeof t);
    uint32_t *cp;
    assert_int_equal(ifr__utf8_decode(src, strlen(src), &s->ar, &cp, &t.ncp), IFR_OK);
    t.cp = cp;
    t.s = src;
    t.n = strlen(src);
    t.arena = &s->ar;
    const ifr__lang *a = NULL, *b = NULL;
    assert_int_equal(ifr__text_language(&t, &a), IFR_OK);
    assert_true(t.have & IFR__HAVE_LANG);
    assert_string_equal(a->code, "de");
    assert_int_equal(a->status, IFR_OK);
    /* a second call must come from the cache: poison it and see it returned */
    t.lang.code[0] = 'X';
    assert_int_equal(ifr__text_language(&t, &b), IFR_OK);
    assert_ptr_equal(a, b);
    assert_int_equal(b->code[0], 'X');
}

static void test_detect_language_api(void **state)
{
    (void)state;
    char code[8];
    double prob = -1;
    assert_int_equal(ifr_detect_language("bonjour tout le monde", 21, code, &prob, NULL), IFR_OK);
    assert_string_equal(code, "fr");
    assert_true(prob == 0x1.ffff98153a9f4p-1);
    /* an embedded NUL is text (normalised to a space like any ASCII non-letter) */
    assert_int_equal(ifr_detect_language("bonjour\0tout le monde", 21, code, &prob, NULL), IFR_OK);
    assert_string_equal(code, "fr");
    assert_true(prob == 0x1.ffff98153a9f4p-1);
    /* not NUL-terminated: only len bytes are read */
    assert_int_equal(ifr_detect_language("bonjourXYZ", 7, code, &prob, NULL), IFR_OK);
    assert_string_equal(code, "hr");
    /* no features: digits and punctuation, empty text */
    memset(code, 'Z', sizeof code);
    assert_int_equal(ifr_detect_language("12, 34!", 7, code, &prob, NULL), IFR_E_NOFEATURES);
    assert_string_equal(code, "");
    assert_true(prob == 0.0);
    assert_int_equal(ifr_detect_language("", 0, code, NULL, NULL), IFR_E_NOFEATURES);
    assert_int_equal(ifr_detect_language(NULL, 0, code, NULL, NULL), IFR_E_NOFEATURES);
    /* misuse */
    assert_int_equal(ifr_detect_language(NULL, 3, code, NULL, NULL), IFR_E_INVALID);
    assert_int_equal(ifr_detect_language("abc", 3, NULL, NULL, NULL), IFR_E_INVALID);
    /* invalid UTF-8 becomes U+FFFD (two here, as errors="replace" gives), and
     * U+FFFD is an n-gram of the Bengali profile */
    assert_int_equal(ifr_detect_language("\xff\xfe", 2, code, &prob, NULL), IFR_OK);
    assert_string_equal(code, "bn");
    assert_true(prob == 0x1.fffed2b5193e9p-1);
}

typedef struct counting {
    int mallocs, frees, fail_from; /* fail_from: fail the n-th malloc on (0 = never) */
} counting;

static void *count_malloc(size_t n, void *user)
{
    counting *c = user;
    if (c->fail_from && c->mallocs + 1 >= c->fail_from)
        return NULL;
    c->mallocs++;
    return malloc(n);
}
static void *count_realloc(void *p, size_t n, void *user)
{
    (void)user;
    return realloc(p, n);
}
static void count_free(void *p, void *user)
{
    counting *c = user;
    if (p)
        c->frees++;
    free(p);
}

static void test_detect_language_allocator(void **state)
{
    (void)state;
    counting c = {0, 0, 0};
    ifr_allocator hooks = {count_malloc, count_realloc, count_free, &c};
    ifr_options *opts = NULL;
    assert_int_equal(ifr_options_new(&opts, &hooks), IFR_OK);
    int base = c.mallocs;
    char code[8];
    assert_int_equal(ifr_detect_language("bonjour tout le monde", 21, code, NULL, opts), IFR_OK);
    assert_string_equal(code, "fr");
    assert_true(c.mallocs > base);          /* the options' hooks were used */
    assert_int_equal(c.mallocs - base, c.frees); /* and everything was released */
    /* every allocation failing: a clean IFR_E_NOMEM */
    c.fail_from = c.mallocs + 1;
    memset(code, 'Z', sizeof code);
    assert_int_equal(ifr_detect_language("bonjour tout le monde", 21, code, NULL, opts),
                     IFR_E_NOMEM);
    assert_string_equal(code, "");
    c.fail_from = 0;
    ifr_options_free(opts);
}

static void test_langdetect_profile_codes(void **state)
{
    (void)state; /* the order is langdetect's os.listdir order on the reference machine */
    assert_string_equal(ifr__langdetect_code(0), "pl");
    assert_string_equal(ifr__langdetect_code(11), "en");
    assert_string_equal(ifr__langdetect_code(54), "zh-cn");
    assert_null(ifr__langdetect_code(55));
    assert_int_equal(ifr__langdetect_find("en", 2), 11);
    assert_int_equal(ifr__langdetect_find("zh-tw", 5), 2);
    assert_int_equal(ifr__langdetect_find("zh", 2), -1);
    assert_int_equal(ifr__langdetect_find("EN", 2), -1);
    assert_int_equal(ifr__langdetect_find("unknown", 7), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pyrandom_random_sequence),
        cmocka_unit_test(test_pyrandom_borrowed_state),
        cmocka_unit_test(test_pyrandom_big_seed),
        cmocka_unit_test(test_pyrandom_gauss_cached_pair),
        cmocka_unit_test(test_pyrandom_getrandbits),
        cmocka_unit_test(test_pyrandom_choice),
        cmocka_unit_test_setup_teardown(test_langdetect_cases, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_langdetect_conformance_primitives, setup_arena,
                                        teardown_arena),
        cmocka_unit_test_setup_teardown(test_langdetect_in_place, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_langdetect_early_exit, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_langdetect_repeatable, setup_arena, teardown_arena),
        cmocka_unit_test(test_langdetect_threads),
        cmocka_unit_test_setup_teardown(test_text_language_cached, setup_arena, teardown_arena),
        cmocka_unit_test(test_detect_language_api),
        cmocka_unit_test(test_detect_language_allocator),
        cmocka_unit_test(test_langdetect_profile_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
