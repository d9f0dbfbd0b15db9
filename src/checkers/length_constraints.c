/*
 * length_constraints.c - IFEval's length_constraints:* checkers (Google's
 * reference: instruction_following_eval/instructions.py, NumberOfWords,
 * ParagraphChecker, ParagraphFirstWordCheck, NumberOfSentences; the sentence
 * count comes from the Punkt port in src/nlp/punkt.c).
 */
#include "precise.h"

#include <string.h>

/* MARK: length_constraints:number_words ----------------------------------- */

typedef struct words_args {
    int64_t n;
    ifr__relation rel;
} words_args;

static const ifr__kwspec words_kwargs[] = {
    {"num_words", IFR__KW_INT, IFR__KW_REQUIRED, "threshold number of words (>= 0)"},
    {"relation", IFR__KW_STR, IFR__KW_REQUIRED, "\"less than\" or \"at least\""},
    {NULL, IFR__KW_END, 0, NULL},
};

static int words_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_words", "missing (required)");
    if (vals[0].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_words", "must be >= 0, not %lld",
                                (long long)vals[0].i);
    words_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "num_words", "out of memory");
    int rc = ifr__parse_relation(pc, "relation", &vals[1], &a->rel);
    if (rc != IFR_OK)
        return rc;
    a->n = vals[0].i;
    *out = a;
    return IFR_OK;
}

/*
 * Precise word count: a word is a run of word characters (\w plus combining
 * marks, so Hindi words are not split at their vowel signs), joined across a
 * single apostrophe or hyphen between word characters ("don't", "e-mail",
 * "state-of-the-art" are one word each) and across '.' or ',' between digits
 * ("3.14", "1,000").
 */
static size_t count_words_precise(const uint32_t *cp, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        if (!ifr__pr_wordch(cp[i]) || !ifr__py_isword(cp[i])) {
            i++;
            continue;
        }
        count++;
        for (;;) {
            while (i < n && ifr__pr_wordch(cp[i]))
                i++;
            if (i + 1 < n && ifr__py_isword(cp[i + 1]) &&
                ((cp[i] == '\'' || cp[i] == 0x2019 || cp[i] == '-' || cp[i] == 0x2010) ||
                 ((cp[i] == '.' || cp[i] == ',') && ifr__py_isdecimal(cp[i - 1]) &&
                  ifr__py_isdecimal(cp[i + 1]))))
                i++;
            else
                break;
        }
    }
    return count;
}

static int words_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const words_args *a = args;
    if (ifr__pr_on(cx)) {
        size_t nw = count_words_precise(t->cp, t->ncp);
        cx->followed = ifr__relation_holds(a->rel, (int64_t)nw, a->n);
        ifr__detail(cx, "%zu word%s; needs %s %lld", nw, nw == 1 ? "" : "s",
                    ifr__relation_name(a->rel), (long long)a->n);
        return IFR_OK;
    }
    size_t nw = ifr__text_word_count(t);
    cx->followed = ifr__relation_holds(a->rel, (int64_t)nw, a->n);
    ifr__detail(cx, "%zu word%s; needs %s %lld", nw, nw == 1 ? "" : "s",
                ifr__relation_name(a->rel), (long long)a->n);
    return IFR_OK;
}

/* MARK: length_constraints:number_paragraphs ------------------------------ */

typedef struct paras_args {
    int64_t n;
} paras_args;

static const ifr__kwspec paras_kwargs[] = {
    {"num_paragraphs", IFR__KW_INT, IFR__KW_REQUIRED,
     "exact number of paragraphs separated by *** (>= 0)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int paras_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_paragraphs", "missing (required)");
    if (vals[0].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_paragraphs", "must be >= 0, not %lld",
                                (long long)vals[0].i);
    paras_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "num_paragraphs", "out of memory");
    a->n = vals[0].i;
    *out = a;
    return IFR_OK;
}

static inline bool stars3(const uint32_t *cp, size_t n, size_t i)
{
    return i + 3 <= n && cp[i] == '*' && cp[i + 1] == '*' && cp[i + 2] == '*';
}

/*
 * Next match of r"\s?\*\*\*\s?" at or after `from`: the leftmost start is
 * either a whitespace character followed by "***" or "***" itself; the
 * trailing \s? takes one whitespace character if present.
 */
static bool next_divider(const uint32_t *cp, const char *ascii, size_t n, size_t from,
                         size_t *ms, size_t *me)
{
    /* The earliest match starts at the first "***" at p >= from, or one
     * before it when that is whitespace (a start before p - 1 would need an
     * earlier "***"). `ascii`: the text's bytes when all ASCII (memchr), or NULL. */
    size_t p = from;
    for (;; p++) {
        p = ifr__ck_find(cp, ascii, n, p, '*');
        if (p + 3 > n)
            return false;
        if (stars3(cp, n, p))
            break;
    }
    size_t i = p > from && ifr__py_isspace(cp[p - 1]) ? p - 1 : p;
    size_t e = p + 3;
    if (e < n && ifr__py_isspace(cp[e]))
        e++;
    *ms = i;
    *me = e;
    return true;
}

static int paras_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const paras_args *a = args;
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    /* re.split(r"\s?\*\*\*\s?", text): a blank first/last piece is dropped,
     * a blank piece in the middle fails at once. */
    size_t pos = 0, index = 0, count = 0;
    for (;;) {
        size_t ms, me;
        bool more = next_divider(cp, ifr__text_ascii(t), n, pos, &ms, &me);
        size_t end = more ? ms : n;
        if (ifr__pr_on(cx) ? ifr__pr_has_word(cp + pos, end - pos)
                           : !ifr__py_isblank(cp + pos, end - pos)) {
            count++;
        } else if (index != 0 && more) {
            cx->followed = false;
            ifr__detail(cx, "paragraph %zu between *** dividers is empty; needs %lld "
                            "non-empty paragraphs", index + 1, (long long)a->n);
            return IFR_OK;
        }
        index++;
        if (!more)
            break;
        pos = me;
    }
    cx->followed = (int64_t)count == a->n;
    ifr__detail(cx, "%zu paragraph%s (split on ***); needs exactly %lld", count,
                count == 1 ? "" : "s", (long long)a->n);
    return IFR_OK;
}

/* MARK: length_constraints:nth_paragraph_first_word ----------------------- */

typedef struct first_word_args {
    int64_t num_paragraphs;
    int64_t nth;
    ifr__ck_str word; /* first_word.lower() */
} first_word_args;

static const ifr__kwspec first_word_kwargs[] = {
    {"num_paragraphs", IFR__KW_INT, IFR__KW_REQUIRED,
     "exact number of paragraphs separated by \\n\\n (>= 0)"},
    {"nth_paragraph", IFR__KW_INT, IFR__KW_REQUIRED,
     "which paragraph (1-based, <= num_paragraphs) must start with first_word"},
    {"first_word", IFR__KW_STR, IFR__KW_REQUIRED, "required first word (case-insensitive)"},
    {NULL, IFR__KW_END, 0, NULL},
};

static int first_word_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    static const char *const keys[] = {"num_paragraphs", "nth_paragraph", "first_word"};
    for (int k = 0; k < 3; k++)
        if (!vals[k].present)
            return ifr__parse_error(pc, IFR_E_KWARGS, keys[k], "missing (required)");
    if (vals[0].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_paragraphs", "must be >= 0, not %lld",
                                (long long)vals[0].i);
    /* the reference draws a random index when nth is <= 0 or > num_paragraphs */
    if (vals[1].i <= 0 || vals[1].i > vals[0].i)
        return ifr__parse_error(pc, IFR_E_KWARGS, "nth_paragraph",
                                "must be between 1 and num_paragraphs (%lld), not %lld",
                                (long long)vals[0].i, (long long)vals[1].i);
    first_word_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "first_word", "out of memory");
    int rc = ifr__ck_pystr(pc, "first_word", vals[2].s, vals[2].slen, IFR__CK_LOWER, &a->word);
    if (rc != IFR_OK)
        return rc;
    a->num_paragraphs = vals[0].i;
    a->nth = vals[1].i;
    *out = a;
    return IFR_OK;
}

/* Next "\n\n" at or after `from` (non-overlapping split), or n. */
static size_t next_blank_line(const uint32_t *cp, size_t n, size_t from)
{
    for (size_t i = from; i + 1 < n; i++)
        if (cp[i] == '\n' && cp[i + 1] == '\n')
            return i;
    return n;
}

static bool word_punct(uint32_t c)
{
    return c == '.' || c == ',' || c == '?' || c == '!' || c == '\'' || c == '"';
}

/*
 * Precise: paragraphs are blocks of lines separated by one or more blank
 * lines (\n, \r\n or \r; a line of spaces or invisible characters is
 * blank), counted when they have a word. The first word of paragraph i is
 * its first run of word characters after leading markdown and quotes
 * ('**Word**', '"Word', '# Word' start with Word), compared case-insensitively
 * with first_word; it must be the whole word ('Word-like' and 'Words' are
 * not 'Word').
 */
static int first_word_precise(const first_word_args *a, ifr__text *t, ifr__check_ctx *cx)
{
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    size_t count = 0, pos = 0, b, e, pb = 0;
    bool in_para = false;
    ifr__span nth = {0, 0};
    bool have = false;
    for (;;) {
        bool more = ifr__pr_next_line(cp, n, &pos, &b, &e);
        bool blank = !more || ifr__pr_blank(cp + b, e - b);
        if (blank && in_para) {
            size_t pe = more ? b : n;
            if (ifr__pr_has_word(cp + pb, pe - pb)) {
                count++;
                if ((int64_t)count == a->nth) {
                    nth = (ifr__span){pb, pe};
                    have = true;
                }
            }
            in_para = false;
        } else if (!blank && !in_para) {
            in_para = true;
            pb = b;
        }
        if (!more)
            break;
    }
    char q[80], w[80];
    ifr__ck_quote(q, sizeof q, a->word.s, a->word.n, 40);
    cx->followed = false;
    if (!have) {
        ifr__detail(cx, "%zu paragraph%s (separated by blank lines); paragraph %lld does not "
                        "exist", count, count == 1 ? "" : "s", (long long)a->nth);
        return IFR_OK;
    }
    size_t i = nth.b;
    while (i < nth.e && !ifr__py_isword(cp[i]))
        i++;
    size_t we = i;
    while (we < nth.e && ifr__pr_wordch(cp[we]))
        we++;
    bool joined = we + 1 < nth.e && (cp[we] == '-' || cp[we] == '\'' || cp[we] == 0x2019) &&
                  ifr__py_isword(cp[we + 1]);
    /* compare the lowered word with first_word.lower() */
    size_t k = 0;
    bool same = !joined;
    for (size_t c = i; c < we && same; c++) {
        uint32_t lo[3];
        size_t m = ifr__py_lower1(cp[c], lo);
        for (size_t j = 0; j < m && same; j++, k++)
            same = k < a->word.ncp && a->word.cp[k] == lo[j];
    }
    same = same && k == a->word.ncp;
    bool count_ok = (int64_t)count == a->num_paragraphs;
    cx->followed = same && count_ok;
    ifr__ck_quote_cp(w, sizeof w, cp + i, we - i, 40);
    if (!count_ok)
        ifr__detail(cx, "%zu paragraph%s (separated by blank lines); needs exactly %lld", count,
                    count == 1 ? "" : "s", (long long)a->num_paragraphs);
    else if (!same)
        ifr__detail(cx, "paragraph %lld starts with \"%s%s\"; needs \"%s\"", (long long)a->nth, w,
                    joined ? "-..." : "", q);
    else
        ifr__detail(cx, "%zu paragraphs; paragraph %lld starts with \"%s\"", count,
                    (long long)a->nth, q);
    return IFR_OK;
}

static int first_word_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const first_word_args *a = args;
    if (ifr__pr_on(cx))
        return first_word_precise(a, t, cx);
    const uint32_t *cp = t->cp;
    size_t n = t->ncp;
    /* paragraphs = re.split(r"\n\n", text); count the non-blank ones, but
     * index the raw list (blank pieces included). */
    size_t count = 0, index = 0, pos = 0;
    ifr__span nth = {0, 0};
    bool have_nth = false;
    for (;;) {
        size_t end = next_blank_line(cp, n, pos);
        if (!ifr__py_isblank(cp + pos, end - pos))
            count++;
        if ((int64_t)index == a->nth - 1) {
            nth = (ifr__span){pos, end};
            have_nth = true;
        }
        index++;
        if (end == n)
            break;
        pos = end + 2;
    }
    char q[80], w[80];
    ifr__ck_quote(q, sizeof q, a->word.s, a->word.n, 40);
    if (a->nth > (int64_t)count || !have_nth) {
        cx->followed = false;
        ifr__detail(cx, "%zu paragraph%s (split on \\n\\n); paragraph %lld does not exist "
                        "(needs %lld paragraphs, #%lld starting with \"%s\")", count,
                    count == 1 ? "" : "s", (long long)a->nth, (long long)a->num_paragraphs,
                    (long long)a->nth, q);
        return IFR_OK;
    }
    size_t b, e;
    ifr__py_strip(cp + nth.b, nth.e - nth.b, &b, &e);
    if (b == e) {
        cx->followed = false;
        ifr__detail(cx, "piece %lld of the text split on \\n\\n is blank (an extra blank "
                        "line); needs paragraph %lld to start with \"%s\"", (long long)a->nth,
                    (long long)a->nth, q);
        return IFR_OK;
    }
    /* word = paragraph.split()[0], lstrip("'"), lstrip('"'), then the
     * characters before the first . , ? ! ' " each lower()ed. */
    const uint32_t *p = cp + nth.b + b;
    size_t plen = e - b;
    size_t wb, we, spos = 0;
    ifr__py_split_next(p, plen, &spos, &wb, &we);
    while (wb < we && p[wb] == '\'')
        wb++;
    while (wb < we && p[wb] == '"')
        wb++;
    size_t wend = wb;
    while (wend < we && !word_punct(p[wend]))
        wend++;
    /* compare the per-character lowering with first_word.lower() */
    size_t k = 0;
    bool same = true;
    for (size_t i = wb; i < wend && same; i++) {
        uint32_t lo[3];
        size_t m = ifr__py_lower1(p[i], lo);
        for (size_t j = 0; j < m; j++) {
            if (k >= a->word.ncp || a->word.cp[k] != lo[j]) {
                same = false;
                break;
            }
            k++;
        }
    }
    same = same && k == a->word.ncp;
    bool count_ok = (int64_t)count == a->num_paragraphs;
    cx->followed = same && count_ok;
    ifr__ck_quote_cp(w, sizeof w, p + wb, wend - wb, 40);
    if (cx->followed)
        ifr__detail(cx, "%zu paragraphs; paragraph %lld starts with \"%s\"", count,
                    (long long)a->nth, q);
    else if (!count_ok && !same)
        ifr__detail(cx, "%zu paragraph%s (split on \\n\\n), needs exactly %lld; paragraph "
                        "%lld starts with \"%s\", needs \"%s\"", count, count == 1 ? "" : "s",
                    (long long)a->num_paragraphs, (long long)a->nth, w, q);
    else if (!count_ok)
        ifr__detail(cx, "%zu paragraph%s (split on \\n\\n); needs exactly %lld", count,
                    count == 1 ? "" : "s", (long long)a->num_paragraphs);
    else
        ifr__detail(cx, "paragraph %lld starts with \"%s\"; needs \"%s\"", (long long)a->nth,
                    w, q);
    return IFR_OK;
}

/* MARK: length_constraints:number_sentences ------------------------------ */

typedef struct sents_args {
    int64_t n;
    ifr__relation rel;
} sents_args;

static const ifr__kwspec sents_kwargs[] = {
    {"num_sentences", IFR__KW_INT, IFR__KW_REQUIRED, "threshold number of sentences (>= 0)"},
    {"relation", IFR__KW_STR, IFR__KW_REQUIRED, "\"less than\" or \"at least\""},
    {NULL, IFR__KW_END, 0, NULL},
};

static int sents_parse(ifr__parse_ctx *pc, const ifr__kwval *vals, const void **out)
{
    /* the reference draws a random threshold when it is None or negative */
    if (!vals[0].present)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_sentences", "missing (required)");
    if (vals[0].i < 0)
        return ifr__parse_error(pc, IFR_E_KWARGS, "num_sentences", "must be >= 0, not %lld",
                                (long long)vals[0].i);
    sents_args *a = ifr__parse_alloc(pc, sizeof *a);
    if (!a)
        return ifr__parse_error(pc, IFR_E_NOMEM, "num_sentences", "out of memory");
    int rc = ifr__parse_relation(pc, "relation", &vals[1], &a->rel);
    if (rc != IFR_OK)
        return rc;
    a->n = vals[0].i;
    *out = a;
    return IFR_OK;
}

static int sents_check(const void *args, ifr__text *t, ifr__check_ctx *cx)
{
    const sents_args *a = args;
    const ifr__span *sp;
    size_t ns;
    int rc = ifr__text_sentences(t, IFR__NLTK_38, &sp, &ns);
    if (rc != IFR_OK)
        return rc;
    if (ifr__pr_on(cx) && a->rel == IFR__REL_AT_LEAST) {
        /* precise, "at least": a sentence needs a letter ("...", "1." and "-" are
         * not sentences); "less than" keeps every Punkt sentence */
        size_t real = 0;
        for (size_t i = 0; i < ns; i++) {
            bool letter = false;
            for (size_t k = sp[i].b; k < sp[i].e && !letter; k++)
                letter = ifr__py_isalpha(t->cp[k]);
            real += letter;
        }
        ns = real;
    }
    cx->followed = ifr__relation_holds(a->rel, (int64_t)ns, a->n);
    ifr__detail(cx, "%zu sentence%s; needs %s %lld", ns, ns == 1 ? "" : "s",
                ifr__relation_name(a->rel), (long long)a->n);
    return IFR_OK;
}

const ifr__checker ifr__family_length_constraints[] = {
    {
        .id = "length_constraints:number_words",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response has less than / at least N words.",
        .kwargs = words_kwargs,
        .parse = words_parse,
        .check = words_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Count words as `len(re.findall(r\"\\w+\", response))` (IFEval's count_words, "
                "nltk RegexpTokenizer) and compare with num_words: 'less than' is <, "
                "'at least' is >=.",
        .quirks = "Python's \\w is isalnum() or '_': \"don't\", '3.14' and 'e-mail' count 2; "
                  "a run of CJK characters counts 1; combining marks are not word "
                  "characters, so Hindi and other Indic text over-counts. A response of only "
                  "U+200B is non-blank with 0 words and passes any 'less than'.",
        .precise = "A word is a run of word characters including combining marks (Hindi and other Indic words are not split at vowel signs), joined across one apostrophe or hyphen between word characters (\"don't\", 'e-mail' are one word) and across '.' or ',' between digits ('3.14', '1,000'). Invisible-only text fails every limit (scoring layer).",
    },
    {
        .id = "length_constraints:number_paragraphs",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Exactly N paragraphs separated by the markdown divider ***.",
        .kwargs = paras_kwargs,
        .parse = paras_parse,
        .check = paras_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE | IFR_CHECKER_MARKUP,
        .rule = "Split with `re.split(r\"\\s?\\*\\*\\*\\s?\", response)`; a blank first or last "
                "piece is not counted, a blank piece in the middle fails at once; followed "
                "iff the number of pieces counted == num_paragraphs.",
        .quirks = "Exact equality. Any run of three asterisks splits, including "
                  "'***bold italic***' and '****'; only one optional whitespace character is "
                  "absorbed on each side, so 'a *** *** b' has an empty middle piece and "
                  "fails. Paragraphs separated only by blank lines count as one.",
        .precise = "A piece counts as a paragraph only if it has a word character; a piece between *** dividers without one ('---', ZWSP) fails like an empty one.",
    },
    {
        .id = "length_constraints:nth_paragraph_first_word",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "Exactly N paragraphs separated by blank lines; paragraph i starts with a "
                   "given word.",
        .kwargs = first_word_kwargs,
        .parse = first_word_parse,
        .check = first_word_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Split on the literal \"\\n\\n\"; count = pieces that are non-blank after "
                "strip(). Paragraph i is piece i-1 of the raw list (blank pieces included); "
                "if i > count or it is blank, fail. Its first word is `split()[0]`, "
                "lstrip(\"'\") then lstrip('\"'), cut before the first of . , ? ! ' \", each "
                "character lower()ed. Followed iff count == num_paragraphs and the word == "
                "first_word.lower().",
        .quirks = "Only a literal \\n\\n separates paragraphs: '\\r\\n\\r\\n' and '\\n \\n' do "
                  "not, so CRLF text has one paragraph. '\\n\\n\\n\\n' makes a blank piece "
                  "that shifts the indexing but not the count. '**Word**', 'Word:' and "
                  "'Word-like' do not match 'word'. The reference draws a random index when "
                  "nth_paragraph is out of 1..num_paragraphs; here that is an error.",
        .precise = "Paragraphs are blocks of lines separated by one or more blank lines (\\n, \\r\\n or \\r; a line of spaces or invisible characters is blank), counted only when they contain a word, and indexed by that count (extra blank lines no longer shift the index). The first word is the first run of word characters after leading markdown and quotes ('**Today**', '\"Today' match 'today'); it must be the whole word ('Today-like', 'Todays' do not match).",
    },
    {
        .id = "length_constraints:number_sentences",
        .suite = IFR__SUITE_IFEVAL,
        .summary = "The response has less than / at least N sentences.",
        .kwargs = sents_kwargs,
        .parse = sents_parse,
        .check = sents_check,
        .flags = IFR_CHECKER_RANDOM | IFR_CHECKER_HACKABLE,
        .rule = "Count the sentences of NLTK 3.8's PunktSentenceTokenizer with the English "
                "model (IFEval's count_sentences: tokenize(response), realign_boundaries "
                "on) and compare with num_sentences: 'less than' is <, 'at least' is >=.",
        .quirks = "Only . ? ! followed by whitespace (or a closing bracket/quote) can end a "
                  "sentence: line breaks are not boundaries, so a bullet list or a set of "
                  "headings without full stops is one sentence, and 'Yes!Four' is one. "
                  "Abbreviations, initials and numbers follow the model ('Dr. Smith' and "
                  "'U.S. economy' do not split; '1. First item 2. Second' gives 3). A "
                  "response can reach 'less than N' by dropping full stops, or 'at least N' "
                  "with fragments ('A. B. C.'). The reference draws a random threshold when "
                  "num_sentences is missing or negative; here that is an error.",
        .precise = "For 'at least', only Punkt sentences with a letter count ('...', '1.', '!!!' are not sentences); 'less than' keeps every Punkt sentence (stricter). Invisible-only text fails (scoring layer).",
    },
    {0},
};
