#!/usr/bin/python3
"""Generate tests/unit/data/ck_<family>_cases.h: checker cases with the
verdict IFEval's reference gives in strict mode (blank gate included).

    /usr/bin/python3 tests/tools/gen_checker_cases.py tests/unit/data

Expected values come from ifeval_ref.py (a restatement of the reference's
decision rules) run by the reference runtime. Every hand-picked case names
what it probes; after them come deterministic random cases (seeded), which
pin the hand-coded scanners to Python `re` on odd inputs.
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifeval_ref as ref  # noqa: E402

# Responses every checker is tried on: blank and near-blank text, odd
# Unicode, fences, NUL, invalid UTF-8 (bytes; decoded with errors="replace").
HACKS = [
    ("", "empty"),
    ("   \n\t ", "whitespace only"),
    ("\u200b", "zero-width space (not whitespace for Python)"),
    ("\ufeff", "BOM only"),
    ("\u00a0\u3000", "NBSP + ideographic space (whitespace: blank)"),
    ("\r\n\r\n", "CRLF only"),
    ("\x00", "embedded NUL only"),
    (b"\xff\xfe\xfd", "invalid UTF-8 (three U+FFFD)"),
    ("```\nsome code, here\n```", "fenced block"),
    ("word " * 60, "repeated words"),
    ("नमस्ते दुनिया। यह एक परीक्षण है।", "Hindi (combining marks split words)"),
    ("你好世界，这是一个测试。", "CJK with full-width comma"),
    ("مرحبا بالعالم، هذا اختبار", "Arabic with Arabic comma"),
    ("Line one\r\nLine two\r\n\r\nLine three", "CRLF paragraphs"),
    ("\"quoted\"", "quoted"),
    ("a\x00b, c", "NUL inside text"),
]


def b(s):
    return s if isinstance(s, bytes) else s.encode("utf-8")


def text(s):
    return s.decode("utf-8", "replace") if isinstance(s, bytes) else s


R = "less than"
A = "at least"

# id -> (kwargs for the generic HACKS, [(kwargs, response, note), ...])
CASES = {
    # --- keywords ---------------------------------------------------------
    "keywords:existence": ({"keywords": ["test"]}, [
        ({"keywords": ["apple"]}, "I like apples.", "substring match"),
        ({"keywords": ["apple"]}, "I like pears.", "absent"),
        ({"keywords": ["le"]}, "Many people", "'le' inside 'people'"),
        ({"keywords": ["APPLE", "pear"]}, "apple and PEAR", "case-insensitive, all present"),
        ({"keywords": ["apple", "pear"]}, "apple only", "one of two missing"),
        ({"keywords": ["a.c"]}, "abc", "regex metachar '.' unescaped"),
        ({"keywords": ["a.c"]}, "a\nc", "'.' does not match newline"),
        ({"keywords": ["colou?r"]}, "color", "regex quantifier"),
        ({"keywords": ["^start"]}, "not at start", "anchor without MULTILINE"),
        ({"keywords": ["^start"]}, "x\nstart", "'^' only at string start"),
        ({"keywords": ["end$"]}, "the end\n", "'$' before a final newline"),
        ({"keywords": ["stra\u00dfe"]}, "STRASSE", "simple case folding: ß is not ss"),
        ({"keywords": ["s"]}, "\u017f", "IGNORECASE: long s matches s"),
        ({"keywords": ["k"]}, "\u212a", "IGNORECASE: Kelvin sign matches k"),
        ({"keywords": ["\u03c3"]}, "\u03a3\u03c2", "IGNORECASE sigma forms"),
        ({"keywords": ["caf\u00e9"]}, "CAF\u00c9", "accented case-insensitive"),
        ({"keywords": ["\\bcat\\b"]}, "concatenate", "user \\b"),
        ({"keywords": ["\\d+"]}, "\u0661\u0662", "\\d is Unicode decimal"),
        ({"keywords": ["\\w+"]}, "\u0301", "combining mark is not \\w"),
        ({"keywords": ["test"]}, "te\u200bst", "ZWSP breaks a keyword"),
        ({"keywords": [""]}, "anything", "empty keyword matches"),
    ]),
    "keywords:frequency": ({"keyword": "test", "frequency": 2, "relation": A}, [
        ({"keyword": "cat", "frequency": 3, "relation": A}, "cat cat cat", "exactly at threshold"),
        ({"keyword": "cat", "frequency": 3, "relation": A}, "cat cat", "one below"),
        ({"keyword": "cat", "frequency": 3, "relation": R}, "cat cat", "less than: 2 < 3"),
        ({"keyword": "cat", "frequency": 3, "relation": R}, "cat cat cat", "less than: 3 not < 3"),
        ({"keyword": "cat", "frequency": 1, "relation": A}, "concatenate", "substring counts"),
        ({"keyword": "aa", "frequency": 3, "relation": A}, "aaaa", "non-overlapping: 2"),
        ({"keyword": "aa", "frequency": 2, "relation": A}, "aaaa", "non-overlapping: 2 >= 2"),
        ({"keyword": "  cat  ", "frequency": 2, "relation": A}, "cat CAT", "keyword is stripped"),
        ({"keyword": "CAT", "frequency": 2, "relation": A}, "cat Cat", "case-insensitive"),
        ({"keyword": "c.t", "frequency": 2, "relation": A}, "cat cut", "regex unescaped"),
        ({"keyword": "(c)(a)t", "frequency": 2, "relation": A}, "cat cat", "groups: still 2 matches"),
        ({"keyword": "x*", "frequency": 4, "relation": A}, "abc", "empty matches: 4"),
        ({"keyword": "x*", "frequency": 5, "relation": A}, "abc", "empty matches: 4 < 5"),
        ({"keyword": "cat", "frequency": 0, "relation": A}, "dog", "at least 0"),
        ({"keyword": "cat", "frequency": 0, "relation": R}, "dog", "less than 0 never"),
        ({"keyword": "cat", "frequency": 1, "relation": R}, "dog", "less than 1: absent"),
        ({"keyword": "\u00e9t\u00e9", "frequency": 2, "relation": A}, "\u00c9T\u00c9 \u00e9t\u00e9", "non-ASCII case folding"),
        ({"keyword": "test", "frequency": 1, "relation": R}, "\u200b", "ZWSP passes 'less than'"),
    ]),
    "keywords:forbidden_words": ({"forbidden_words": ["bad"]}, [
        ({"forbidden_words": ["bad"]}, "This is bad.", "whole word"),
        ({"forbidden_words": ["bad"]}, "This is badly done.", "prefix of a word"),
        ({"forbidden_words": ["bad"]}, "A BAD idea", "case-insensitive"),
        ({"forbidden_words": ["rock"]}, "rock_star", "'_' is a word character"),
        ({"forbidden_words": ["rock"]}, "rock-star", "'-' is a boundary"),
        ({"forbidden_words": ["caf"]}, "caf\u00e9s", "accented letter blocks \\b"),
        ({"forbidden_words": ["caf"]}, "cafe\u0301", "combining mark: 'cafe' then U+0301"),
        ({"forbidden_words": ["cafe"]}, "cafe\u0301", "combining mark is not \\w: \\b after e"),
        ({"forbidden_words": ["x"]}, "x2", "digit blocks \\b"),
        ({"forbidden_words": ["x"]}, "\u00b2x", "superscript two is \\w"),
        ({"forbidden_words": ["a", "b"]}, "c d", "none present"),
        ({"forbidden_words": ["a", "b"]}, "c b", "second present"),
        ({"forbidden_words": ["a|z"]}, "zebra", "alternation unescaped: \\ba|z\\b"),
        ({"forbidden_words": ["bad", "bad"]}, "fine", "duplicates"),
        ({"forbidden_words": ["word"]}, "wo\u200brd", "ZWSP splits the word"),
        ({"forbidden_words": ["\u043f\u0440\u0438\u0432\u0435\u0442"]}, "\u041f\u0420\u0418\u0412\u0415\u0422!", "Cyrillic case-insensitive"),
    ]),
    "keywords:letter_frequency": ({"letter": "a", "let_frequency": 2, "let_relation": A}, [
        ({"letter": "a", "let_frequency": 3, "let_relation": A}, "banana", "3 >= 3"),
        ({"letter": "a", "let_frequency": 4, "let_relation": A}, "banana", "3 < 4"),
        ({"letter": "a", "let_frequency": 4, "let_relation": R}, "banana", "less than: 3 < 4"),
        ({"letter": "a", "let_frequency": 3, "let_relation": R}, "banana", "less than: 3 not < 3"),
        ({"letter": "A", "let_frequency": 2, "let_relation": A}, "aA", "letter lowercased, text lowered"),
        ({"letter": "i", "let_frequency": 2, "let_relation": A}, "\u0130i", "U+0130 lowers to i + dot"),
        ({"letter": "k", "let_frequency": 1, "let_relation": A}, "\u212a", "Kelvin sign lowers to k"),
        ({"letter": "\u212a", "let_frequency": 2, "let_relation": A}, "kK", "Kelvin sign as the letter means k"),
        ({"letter": "a", "let_frequency": 1, "let_relation": A}, "\uff41\u00e0", "fullwidth and accented a do not count"),
        ({"letter": "s", "let_frequency": 1, "let_relation": A}, "\u00df", "sharp s lowers to itself"),
        ({"letter": "z", "let_frequency": 0, "let_relation": A}, "none", "at least 0"),
        ({"letter": "z", "let_frequency": 1, "let_relation": R}, "\u200b", "ZWSP passes less than"),
    ]),
    # --- length_constraints -------------------------------------------------
    "length_constraints:number_words": ({"num_words": 3, "relation": R}, [
        ({"num_words": 3, "relation": A}, "one two three", "3 >= 3"),
        ({"num_words": 3, "relation": A}, "one two", "2 < 3"),
        ({"num_words": 3, "relation": R}, "one two", "less than: 2 < 3"),
        ({"num_words": 3, "relation": R}, "one two three", "less than: 3 not < 3"),
        ({"num_words": 2, "relation": A}, "don't", "apostrophe splits: 2 words"),
        ({"num_words": 2, "relation": A}, "3.14", "decimal point splits"),
        ({"num_words": 2, "relation": A}, "e-mail", "hyphen splits"),
        ({"num_words": 2, "relation": A}, "\u4f60\u597d\u4e16\u754c", "CJK run is 1 word"),
        ({"num_words": 5, "relation": A}, "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e", "Hindi over-counts: 5"),
        ({"num_words": 6, "relation": A}, "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e", "Hindi 5 < 6"),
        ({"num_words": 2, "relation": A}, "snake_case x", "underscore joins"),
        ({"num_words": 2, "relation": A}, "a\u200bb", "ZWSP splits words"),
        ({"num_words": 1, "relation": R}, "\u200b", "ZWSP: 0 words, non-blank"),
        ({"num_words": 0, "relation": A}, "...", "at least 0"),
        ({"num_words": 450, "relation": A}, "w " * 449, "449 < 450"),
        ({"num_words": 450, "relation": A}, "w " * 450, "450 >= 450"),
    ]),
    "length_constraints:number_paragraphs": ({"num_paragraphs": 1}, [
        ({"num_paragraphs": 2}, "A\n***\nB", "two paragraphs"),
        ({"num_paragraphs": 3}, "A\n***\nB", "two, needs three"),
        ({"num_paragraphs": 1}, "A\n***\nB", "two, needs one"),
        ({"num_paragraphs": 2}, "***\nA\n***\nB\n***", "leading/trailing dividers dropped"),
        ({"num_paragraphs": 2}, "A\n***\n***\nB", "two newlines absorbed: ok"),
        ({"num_paragraphs": 2}, "A *** *** B", "blank middle piece fails"),
        ({"num_paragraphs": 2}, "A\n\n***\n\nB", "only one whitespace absorbed each side"),
        ({"num_paragraphs": 2}, "***bold italic*** text", "'***' inside markup splits"),
        ({"num_paragraphs": 2}, "A****B", "four stars: 'A', '*B'"),
        ({"num_paragraphs": 1}, "A\n\nB\n\nC", "blank lines do not split"),
        ({"num_paragraphs": 2}, "A\r\n***\r\nB", "CRLF around divider"),
        ({"num_paragraphs": 2}, "A\u00a0***\u00a0B", "NBSP is \\s"),
        ({"num_paragraphs": 0}, "***", "only a divider (non-blank): 0 paragraphs"),
        ({"num_paragraphs": 1}, "\u200b", "ZWSP is one paragraph"),
    ]),
    "length_constraints:nth_paragraph_first_word": (
        {"num_paragraphs": 1, "nth_paragraph": 1, "first_word": "word"}, [
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\nThen more.", "match"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\nNow more.", "wrong word"),
        ({"num_paragraphs": 3, "nth_paragraph": 2, "first_word": "then"}, "First.\n\nThen more.", "count 2, needs 3"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "Then"}, "First.\n\nTHEN more.", "case-insensitive"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\n\"Then,\" he said.", "quote and comma stripped"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\n'\"Then\"'", "lstrip ' then \""),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\n\"'Then'", "\" then ' : word is empty"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\n**Then** more", "bold markers stay"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\nThen: more", "colon stays"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\nThen-ish", "hyphen stays"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\r\n\r\nThen more.", "CRLF: one paragraph"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n \nThen more.", "'\\n \\n' does not split"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\n\n\nThen more.", "blank piece shifts index"),
        ({"num_paragraphs": 2, "nth_paragraph": 1, "first_word": "first"}, "\n\nFirst.\n\nThen.", "leading blank piece: #1 is blank"),
        ({"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "then"}, "First.\n\n\n\nThen.\n\nEnd.", "count 3 with a blank piece"),
        ({"num_paragraphs": 1, "nth_paragraph": 1, "first_word": "\u03bf\u03b4\u03bf\u03c3"}, "\u039f\u0394\u039f\u03a3 x", "per-char lower gives final sigma as \u03c3"),
        ({"num_paragraphs": 1, "nth_paragraph": 1, "first_word": "\u039f\u0394\u039f\u03a3"}, "\u039f\u0394\u039f\u03a3 x", "first_word.lower() gives \u03c2: mismatch"),
        ({"num_paragraphs": 1, "nth_paragraph": 1, "first_word": ""}, ".x", "empty first word"),
        ({"num_paragraphs": 1, "nth_paragraph": 1, "first_word": "word"}, "\u200bword", "ZWSP glued to the word"),
    ]),
    # --- detectable_content -------------------------------------------------
    "detectable_content:number_placeholders": ({"num_placeholders": 1}, [
        ({"num_placeholders": 2}, "[name] at [address]", "two"),
        ({"num_placeholders": 3}, "[name] at [address]", "two, needs three"),
        ({"num_placeholders": 2}, "[] []", "empty brackets count"),
        ({"num_placeholders": 1}, "[a\nb]", "cannot span lines"),
        ({"num_placeholders": 2}, "[[a]]", "nested counts once"),
        ({"num_placeholders": 1}, "[link](http://x)", "markdown link counts"),
        ({"num_placeholders": 1}, "[a\rb]", "'\\r' is matched by '.'"),
        ({"num_placeholders": 2}, "[a\u2028b] [c]", "U+2028 is matched by '.'"),
        ({"num_placeholders": 1}, "\uff3ba\uff3d", "full-width brackets do not count"),
        ({"num_placeholders": 0}, "none", "at least 0"),
    ]),
    "detectable_content:postscript": ({"postscript_marker": "P.S."}, [
        ({"postscript_marker": "P.S."}, "Body.\n\nP.S. Bye", "standard"),
        ({"postscript_marker": "P.S."}, "Body.\n\np.s. bye", "lowercase"),
        ({"postscript_marker": "P.S."}, "see p.s. below", "mid-sentence"),
        ({"postscript_marker": "P.S."}, "P.P.S. x", "P.P.S. satisfies P.S."),
        ({"postscript_marker": "P.S."}, "P. S. x", "one space allowed"),
        ({"postscript_marker": "P.S."}, "P.  S. x", "two spaces fail"),
        ({"postscript_marker": "P.S."}, "P.\nS. x", "newline is \\s"),
        ({"postscript_marker": "P.S."}, "PS: bye", "no dots fails"),
        ({"postscript_marker": "P.S."}, "P.S bye", "missing final dot fails"),
        ({"postscript_marker": "P.P.S"}, "P.P.S bye", "P.P.S"),
        ({"postscript_marker": "P.P.S"}, "app.p.s", "inside a word"),
        ({"postscript_marker": "P.P.S"}, "P.S. bye", "P.S. does not satisfy P.P.S"),
        ({"postscript_marker": "P.P.S"}, "P. P. S", "spaces"),
        ({"postscript_marker": " P.S. "}, "P.S. x", "marker is stripped"),
        ({"postscript_marker": "Note:"}, "note: x", "other marker, lowercased"),
        ({"postscript_marker": "Note:"}, "No te: x", "other marker absent"),
        ({"postscript_marker": "PS"}, "ps x", "other marker PS"),
        ({"postscript_marker": "N.B"}, "nxb", "other marker is an unescaped regex"),
        ({"postscript_marker": "P.S."}, "\uff30.\uff33.", "full-width letters fail"),
    ]),
    # --- detectable_format --------------------------------------------------
    "detectable_format:number_bullet_lists": ({"num_bullets": 1}, [
        ({"num_bullets": 2}, "* a\n* b", "two stars"),
        ({"num_bullets": 3}, "* a\n* b", "two, needs three"),
        ({"num_bullets": 1}, "* a\n* b", "two, needs one"),
        ({"num_bullets": 2}, "- a\n- b", "dashes"),
        ({"num_bullets": 2}, "* a\n- b", "mixed"),
        ({"num_bullets": 1}, "---", "horizontal rule counts"),
        ({"num_bullets": 1}, "-5 degrees", "negative number counts"),
        ({"num_bullets": 1}, "*italic* start", "italic at line start counts"),
        ({"num_bullets": 0}, "**Bold** start", "bold does not count"),
        ({"num_bullets": 0}, "1. one\n2. two", "numbered list does not count"),
        ({"num_bullets": 2}, "  * a\n\t- b", "indented"),
        ({"num_bullets": 1}, "*\nnext", "lone '*' takes the next line"),
        ({"num_bullets": 1}, "\n\n* a", "\\s* crosses blank lines"),
        ({"num_bullets": 2}, "* a\r\n* b\r\n", "CRLF"),
        ({"num_bullets": 1}, "\u2022 a\n* b", "Unicode bullet does not count"),
        ({"num_bullets": 1}, "\u00a0* a", "NBSP indent"),
        ({"num_bullets": 1}, "x * a", "star not at line start"),
        ({"num_bullets": 0}, "*", "single star at end"),
    ]),
    "detectable_format:constrained_response": ({}, [
        ({}, "My answer is yes.", "exact"),
        ({}, "My answer is no.", "no"),
        ({}, "My answer is maybe.", "maybe"),
        ({}, "Long text... My answer is yes. More text", "embedded"),
        ({}, "My answer is Yes.", "capital Yes fails"),
        ({}, "My answer is yes", "no period fails"),
        ({}, "my answer is yes.", "lowercase my fails"),
        ({}, "My  answer is yes.", "double space fails"),
        ({}, "My answer is\u00a0yes.", "NBSP fails"),
    ]),
    "detectable_format:number_highlighted_sections": ({"num_highlights": 1}, [
        ({"num_highlights": 2}, "*a* and *b*", "two"),
        ({"num_highlights": 3}, "*a* and *b*", "two, needs three"),
        ({"num_highlights": 1}, "**b**", "double counts once"),
        ({"num_highlights": 2}, "**b**", "double is only one"),
        ({"num_highlights": 2}, "***x***", "triple counts twice"),
        ({"num_highlights": 3}, "***x***", "triple is only two"),
        ({"num_highlights": 1}, "* *", "blank inside"),
        ({"num_highlights": 1}, "*a\nb*", "cannot span lines"),
        ({"num_highlights": 1}, "**", "empty"),
        ({"num_highlights": 2}, "* list item\n* another", "bullets: '* list item\\n' no"),
        ({"num_highlights": 1}, "*\u200b*", "ZWSP inside is non-blank"),
        ({"num_highlights": 1}, "*\u00a0*", "NBSP inside is blank"),
    ]),
    "detectable_format:multiple_sections": ({"section_spliter": "Section", "num_sections": 1}, [
        ({"section_spliter": "Section", "num_sections": 2}, "Section 1\na\nSection 2\nb", "two"),
        ({"section_spliter": "Section", "num_sections": 3}, "Section 1\na\nSection 2\nb", "two, needs three"),
        ({"section_spliter": "Section", "num_sections": 1}, "Section 1 only", "at least (more is fine)"),
        ({"section_spliter": "Section", "num_sections": 2}, "Section1 Section2", "no space needed"),
        ({"section_spliter": "Section", "num_sections": 1}, "SECTION 1", "case-sensitive"),
        ({"section_spliter": "Section", "num_sections": 2}, "see Section 2 and Section 3", "anywhere in prose"),
        ({"section_spliter": "Section", "num_sections": 1}, "Section X", "needs a number"),
        ({"section_spliter": "Section", "num_sections": 1}, "Section \u0663", "Arabic-Indic digit is \\d"),
        ({"section_spliter": "Section", "num_sections": 1}, "Section  1", "two spaces fail"),
        ({"section_spliter": " Day ", "num_sections": 2}, "Day 1 Day 2", "spliter stripped"),
        ({"section_spliter": "PARAGRAPH", "num_sections": 2}, "PARAGRAPH 1\nx\nPARAGRAPH 2", "PARAGRAPH"),
        ({"section_spliter": "S(e)ction", "num_sections": 2}, "Section 1", "a group doubles the count"),
        ({"section_spliter": "S(?:e)ction", "num_sections": 2}, "Section 1", "non-capturing group"),
        ({"section_spliter": "Sec.ion", "num_sections": 1}, "Secxion 1", "unescaped regex"),
    ]),
    "detectable_format:json_format": ({}, [
        ({}, "{\"a\": 1}", "object"),
        ({}, "```json\n{\"a\": 1}\n```", "json fence"),
        ({}, "```JSON\n[1, 2]\n```", "JSON fence"),
        ({}, "```Json\n[1]\n```", "Json fence"),
        ({}, "```\n{}\n```", "plain fence"),
        ({}, "``` json\n{}\n```", "space in fence fails"),
        ({}, "```jsonc\n{}\n```", "jsonc fails"),
        ({}, "Here it is:\n```json\n{}\n```", "prose before fence"),
        ({}, "42", "bare scalar"),
        ({}, "\"s\"", "bare string"),
        ({}, "null", "null"),
        ({}, "NaN", "NaN"),
        ({}, "[Infinity, -Infinity]", "infinities"),
        ({}, "{\"a\": 1, \"a\": 2}", "duplicate keys"),
        ({}, "{'a': 1}", "single quotes fail"),
        ({}, "[1, 2,]", "trailing comma fails"),
        ({}, "{\"a\": \"x\ty\"}", "raw tab in string fails"),
        ({}, "\u00a0{}\u00a0", "NBSP stripped by str.strip()"),
        ({}, "{\u00a0}", "NBSP inside is not JSON whitespace"),
        ({}, "\ufeff{}", "BOM fails"),
        ({}, "{\"a\": 1}\n```", "trailing fence without opening"),
        ({}, "```json{\"a\":1}```", "fence on one line"),
        ({}, "```json\n```json\n{}\n```", "double prefix"),
        ({}, "[" * 2000 + "]" * 2000, "deep nesting (reference crashes)"),
        ({}, "{\"k\": \"\\ud800\"}", "lone surrogate escape"),
    ]),
    "detectable_format:title": ({}, [
        ({}, "<<Poem of Joy>>\nText", "title"),
        ({}, "Text\n<<Title>>", "title anywhere"),
        ({}, "<< >>", "blank title"),
        ({}, "<<>>", "empty"),
        ({}, "<<<T>>>", "triple brackets"),
        ({}, "<<a>b>>", "inner bracket"),
        ({}, "<<a\nb>>", "cannot span lines"),
        ({}, "<< >> <<b>>", "greedy: one match with text"),
        ({}, "\u00ab\u00abT\u00bb\u00bb", "guillemets fail"),
        ({}, "<<\u200b>>", "ZWSP title is non-blank"),
        ({}, "<<\u00a0>>", "NBSP title is blank"),
        ({}, "<<T>", "unclosed"),
        ({}, "<<<<>>>>", "only brackets"),
        ({}, "<<a\r>>", "CR inside a line"),
    ]),
    # --- combination --------------------------------------------------------
    "combination:two_responses": ({}, [
        ({}, "A\n******\nB", "two different"),
        ({}, "A\n******\nA", "identical"),
        ({}, " A \n******\nA", "identical after strip"),
        ({}, "A\n******\nB\n******\nC", "three"),
        ({}, "******\nA\n******\nB\n******", "leading and trailing separators"),
        ({}, "A\n******\n\n******\nB", "blank middle"),
        ({}, "A************B", "twelve stars: blank middle"),
        ({}, "A*******A", "seven stars: '*A' differs from 'A'"),
        ({}, "A\n*****\nB", "five stars do not split"),
        ({}, "A", "one response"),
        ({}, "\u200b******\u200b", "ZWSP halves are identical"),
        ({}, "a******A", "case matters"),
    ]),
    "combination:repeat_prompt": ({"prompt_to_repeat": "Write a poem."}, [
        ({"prompt_to_repeat": "Write a poem."}, "Write a poem. Roses...", "repeated"),
        ({"prompt_to_repeat": "Write a poem."}, "write a POEM.roses", "case-insensitive, no separator"),
        ({"prompt_to_repeat": "Write a poem."}, "Sure! Write a poem.", "prefix text fails"),
        ({"prompt_to_repeat": "Write a poem."}, "Write a poem", "truncated"),
        ({"prompt_to_repeat": "  Write a poem.  "}, "\n Write a poem.", "both stripped"),
        ({"prompt_to_repeat": "Write a poem."}, "Write  a poem.", "whitespace differs"),
        ({"prompt_to_repeat": "\u039f\u0394\u039f\u03a3"}, "\u03bf\u03b4\u03bf\u03c2 x", "final sigma in both"),
        ({"prompt_to_repeat": "\u039f\u0394\u039f\u03a3"}, "\u039f\u0394\u039f\u03a3\u0391", "sigma not final in the response"),
        ({"prompt_to_repeat": "Stra\u00dfe"}, "STRASSE", "lower() does not fold ß"),
        ({"prompt_to_repeat": "\u0130"}, "i\u0307x", "U+0130 lowers to two code points"),
    ]),
    # --- startend -----------------------------------------------------------
    "startend:end_checker": ({"end_phrase": "Any other questions?"}, [
        ({"end_phrase": "Any other questions?"}, "Text. Any other questions?", "ends"),
        ({"end_phrase": "Any other questions?"}, "Text. any other QUESTIONS?", "case-insensitive"),
        ({"end_phrase": "Any other questions?"}, "Text. Any other questions?.", "trailing period"),
        ({"end_phrase": "Any other questions?"}, "Text. Any other questions?\n\n", "trailing whitespace"),
        ({"end_phrase": "Any other questions?"}, "\"Text. Any other questions?\"", "double quotes stripped"),
        ({"end_phrase": "Any other questions?"}, "'Text. Any other questions?'", "single quotes not stripped"),
        ({"end_phrase": "Any other questions?"}, "\u201cAny other questions?\u201d", "curly quotes not stripped"),
        ({"end_phrase": "Any other questions?"}, "\"Any other questions? \"", "space inside the quote"),
        ({"end_phrase": "  Any other questions?  "}, "Any other questions?", "phrase stripped"),
        ({"end_phrase": "Any other questions?"}, "Any other questions?\u200b", "ZWSP after"),
        ({"end_phrase": "\u03a3"}, "A\u03a3", "final sigma: text \u03c2, phrase \u03c3"),
        ({"end_phrase": "\u03c2"}, "A\u03a3", "final sigma both \u03c2"),
        ({"end_phrase": "x"}, "x\"\"\"", "several quotes stripped"),
    ]),
    "startend:quotation": ({}, [
        ({}, "\"Hello\"", "quoted"),
        ({}, "\"\"", "two quotes pass"),
        ({}, "\"", "one quote fails"),
        ({}, "  \"Hello\"\n", "whitespace around"),
        ({}, "\u201cHello\u201d", "curly quotes fail"),
        ({}, "\"Hello", "no closing quote"),
        ({}, "Hello\"", "no opening quote"),
        ({}, "\"a\" and \"b\"", "two quoted parts pass"),
        ({}, "'Hello'", "single quotes fail"),
        ({}, "\u200b\"Hello\"", "ZWSP before the quote"),
    ]),
    # --- punctuation --------------------------------------------------------
    "punctuation:no_comma": ({}, [
        ({}, "No commas here.", "none"),
        ({}, "One, comma", "comma"),
        ({}, "\uff0c full-width", "full-width comma passes"),
        ({}, "\u060c Arabic", "Arabic comma passes"),
        ({}, "\u201a low quote", "single low-9 quote passes"),
        ({}, "trailing,", "comma at end"),
    ]),
}

FAMILY = {k: k.split(":")[0] for k in CASES}

ATOMS = ["*", "**", "***", "-", " ", "\n", "\n\n", "\t", "\r\n", "[", "]", "<<", ">>", "<", ">",
         "\"", "'", "a", "Word", "word", "P", "p", ".", "s", "S", "P.S.", "P.P.S", "```", "```json",
         "{", "}", "1", ":", ",", "\u00a0", "\u200b", "\u0130", "\u212a", "\u03a3", "\u00df",
         "\uff0c", "\u00e9", "\x00", "\u3000", "hello", "HELLO", "******", "\ufeff", "Section",
         " 2", "test", "cat", "bad", "_", "My answer is yes.", "Day", "Then", "questions?"]


def random_cases(rng, iid, kwargs, count):
    out = []
    for _ in range(count):
        kw = dict(kwargs)
        for k, v in kw.items():
            if isinstance(v, int):
                kw[k] = rng.randrange(0, 4)
            elif v in (R, A):
                kw[k] = rng.choice([R, A])
        if "nth_paragraph" in kw:
            kw["num_paragraphs"] = rng.randrange(1, 4)
            kw["nth_paragraph"] = rng.randrange(1, kw["num_paragraphs"] + 1)
        r = "".join(rng.choice(ATOMS) for _ in range(rng.randrange(0, 16)))
        out.append((kw, r, "random"))
    return out


def c_string(data):
    out = []
    for x in data:
        if 0x20 <= x < 0x7f and x not in (0x22, 0x5c, 0x3f):
            out.append(chr(x))
        else:
            out.append("\\%03o" % x)
    return '"' + "".join(out) + '"'


def main():
    # The deep-nesting json case makes the reference raise RecursionError (no
    # verdict); ifreward gives the grammar's answer, which Python gives with
    # a higher recursion limit.
    sys.setrecursionlimit(50000)
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(2023)
    files = {}
    for iid, (hack_kwargs, cases) in CASES.items():
        rows = list(cases)
        rows += [(hack_kwargs, r, "hack: " + note) for r, note in HACKS]
        rows += random_cases(rng, iid, hack_kwargs, 60)
        for kw, resp, note in rows:
            exp = ref.strict(iid, kw, text(resp))
            files.setdefault(FAMILY[iid], []).append(
                "{%s, %s, %s, %d, %d, %s},\n" % (
                    c_string(iid.encode()), c_string(json.dumps(kw).encode()),
                    c_string(b(resp)), len(b(resp)), exp, c_string(note.encode())))
    for fam, lines in files.items():
        with open(os.path.join(outdir, "ck_%s_cases.h" % fam), "w") as f:
            f.write("/* Generated by tests/tools/gen_checker_cases.py with Python %s; do not "
                    "edit. */\n" % sys.version.split()[0])
            f.write("/* {id, kwargs JSON, response, bytes, strict verdict, what it probes} */\n")
            f.writelines(lines)
        print(fam, len(lines))


if __name__ == "__main__":
    main()
