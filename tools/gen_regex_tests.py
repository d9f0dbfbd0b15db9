#!/usr/bin/python3
"""gen_regex_tests.py - expected values for tests/unit/test_regex.c.

Run with Debian's /usr/bin/python3 (3.11.2):

    /usr/bin/python3 tools/gen_regex_tests.py

Writes tests/unit/data/regex_expect.h:
  - rx_cases: every (pattern, flags) of PATTERNS against every text of
    TEXTS, with the spans of re.finditer as UTF-8 byte offsets;
  - rx_errors: patterns CPython rejects, with str(re.error);
  - rx_fold: for every cased character c, which characters of a string of
    all cased characters the patterns c, [c] and [c0] match under
    re.IGNORECASE (CPython's engine decides, not a model of it).
"""
import re
import sys

assert sys.version_info[:2] == (3, 11), sys.version

I, M, S, LIT = 1, 2, 4, 8

PATTERNS = [
    (r"\w+", 0), (r"c++", 0), (r"\W+", 0), (r"\s+", 0), (r"\S+", 0), (r"\d+", 0), (r"\D+", 0),
    (r"\b", 0), (r"\B", 0), (r"\b\w+\b", 0), (r"\w*", 0), (r"x*", 0), (r"", 0), (r"a??", 0),
    (r"^", 0), (r"$", 0), (r"^", M), (r"$", M), (r"^\w+$", 0), (r"^\w+$", M), (r".", 0),
    (r".+", 0), (r".+", S), (r"(?s).", 0), (r"[^a]", 0), (r"[\w-]+", 0), (r"[\s\d]+", 0),
    (r"[^\s]+", 0), (r"[\S]+", 0), (r"[^\S\n]+", 0), (r"[\W\d]+", 0), (r"[^\W\d]+", 0),
    (r"\bword\b", 0), (r"\bword\b", I), (r"[a-z]+", 0), (r"[A-Z]+", 0), (r"[a-z]+", I),
    (r"k", I), (r"K", I), (r"s", I), (r"S", I), (r"i", I), (r"I", I), (r"ǅ", I), (r"ß", I),
    (r"σ", I), (r"Σ", I), (r"ς", I), (r"[kK]", 0), (r"\u212a", I), (r"[\u212a]", I),
    (r"[ſ]", I), (r"[ſx]", I), (r"[k-l]", I), (r"[^k]", I), (r"[^kx]+", I), (r"(?i)[h-j]+", 0),
    (r"(?i)[^i]+", 0), (r"(?i)[\w]+", 0), (r"(?i)[\Wa]+", 0), (r"(?i:a)b", 0), (r"(?-i:a)b", I),
    (r"(?i)straße", 0), (r"(?i)STRASSE", 0), (r"(?i)İ", 0), (r"(?i)ǆ", 0), (r"(?i)[Ǆ-ǆ]+", 0),
    (r"[\U00010400x]", I), (r"\U00010400", I), (r"[\U00010400-\U00010410]", I),
    (r"(\w)\1", 0), (r"(a)|b", 0), (r"a{2}", 0), (r"a{,2}", 0), (r"a{2,}", 0), (r"a{1,2}?", 0),
    (r"a{,}", 0), (r"x{", 0), (r"x{a}", 0), (r"{", 0), (r"x{}", 0), (r"a{2", 0),
    (r"\d{2,3}", 0), (r"(?:ab)+", 0), (r"(?=a)", 0), (r"(?<=a)b", 0), (r"(?<!a)b", 0),
    (r"(?P<x>a)(?P=x)", 0), (r"(a)?(?(1)b|c)", 0), (r"\Aa", 0), (r"a\Z", 0), (r"\w\Z", 0),
    (r"\x41", 0), (r"\u00e9", 0), (r"\U0001F600", 0), (r"\101", 0), (r"\0", 0), (r"[\101]", 0),
    (r"a|b|", 0), (r"(?x) a b # comment", 0), (r"(?x)[ ]a", 0), (r"(?m)^\w", 0), (r"(?m)$", 0),
    (r"\*[^\n\*]*\*", 0), (r"\*\*[^\n\*]*\*\*", 0), (r"[\u4e00-\u9fff]", 0),
    (r"[^\x00-\x7f]+", 0), (r"\n\n", 0), (r"\r?\n", 0), (r"[.!?]", 0), (r"\.\.\.", 0),
    (r"[]a]", 0), (r"[^]a]+", 0), (r"[a-]", 0), (r"[\]]", 0), (r"[\-]", 0), (r"a+?", 0),
    (r"a*+", 0), (r"(?>a+)a", 0), (r"a++", 0), (r"\w+(?=\W)", 0), (r"[\b]", 0),
    (r"\s", 0), (r"\S\s\S", 0), (r"(?i)\bK\w+", 0), (r"[0-9]+", 0), (r"\d\d", 0),
    (r"[é]", I), (r"e\u0301", 0), (r"\w\b", 0), (r"\b\W", 0), (r"^$", 0), (r"^$", M),
    (r"\Z", 0), (r"\A", 0), (r"a|", 0), (r"|a", 0), (r"(|a)+", 0), (r"(a|)+", 0),
    (r"(?:)", 0), (r"\$", 0), (r"\^", 0), (r"\\", 0), (r"\.", 0), (r"[\\]", 0),
    (r"x(?#)*+", 0), (r"c++", LIT), (r"a.b", LIT), (r"[x]", LIT), (r"(?i)", LIT), (r"KELVIN", LIT | I),
    (r"word word", LIT), (r"", LIT), (r"\w", LIT), (r"straße", LIT | I),
    (r"python", I), (r"\bpython\b", I), (r"(?i)\bthe\b", 0),
    (r"[^\W_]+", 0), (r"_", 0), (r"[\d_]+", 0), (r"\d+(?:\.\d+)?", 0),
    (r"(?<=ab|cd)x", 0), (r"(?<=a{2})b", 0), (r"(?<=\b)a", 0), (r"(?<=(?:ab){2})c", 0),
    (r"(?<=[ab])\w", I), (r"(?<!\w)\d+", 0), (r"(a)(?<=\1)", 0),
    (r"(\D((\w){2,}){0}){,2}\W", 0), (r"(?<=a(?:b+){0})c", 0), (r"(?:(?=a)){2}a", 0),
    # patterns of the reference implementations (docs in ../shared/references)
    (r"\s?\*\*\*\s?", 0), (r"\[.*?\]", 0), (r"^\s*\*[^\*].*$", M), (r"^\s*-.*$", M),
    (r"<<[^\n]+>>", 0), (r"\,", 0), (r"\s?Section\s?\d+\s?", 0), (r"\s?SECTION\s?\d+\s?", 0),
    (r"\b[a-z]+\b", 0), (r"[a-zA-Z]", 0), (r"\b\w+\b", 0), (r"\[(.*?)\]", 0), (r"<<(.*?)>>", 0),
    (r"\*(.*?)\*", 0), (r"\b[A-Z]+\b", 0), (r"\W*[aA]\W*[bB]\W*[cC]\W*", 0), (r"\d+", 0),
    (r"(?<!\w\.\w.)(?<![A-Z][a-z]\.)(?<=\.|\?|!)\s", 0), (r"le", I), (r"c++", I), (r"\bcaf\b", I),
    # _parse_sub's single-character branches -> class (non-BMP under IGNORECASE)
    (r"\U00010400|x", I), (r"x|\U00010400", I), (r"\U00010428|x", I), (r"[\U00010400]|x", I),
    (r"\U00010400|\U00010400", I), (r"(?:\U00010400)|x", I), (r"(?:\U00010400|y)|x", I),
    (r"(\U00010400)|x", I), (r"\U00010400|x", 0), (r"\U00010400|[ab]", I),
    (r"\U00010400|\d", I), (r"\U00010400|x+", I), (r"(?i)\U00010400|x", 0),
    (r"(a)(b)?", 0), (r"(?:a|ab)(?:c|bcd)", 0), (r"a(?=b)|a", 0), (r"[ab]{2,3}", 0),
]

TEXTS = [
    "", "a", "abc def", "hello, world!", "x\x1cy", "a\xa0b", "a\u200bb", "a\u180eb", "\u3000x",
    "é", "e\u0301", "e\u0301x", "café_bar", "123 ab_c", "٣٤ ٥", "²³ x", "foo\nbar\n", "foo\r\nbar",
    "\n", "\n\n", "KkK", "kelvin \u212a", "ſs S", "İi ıI", "STRASSE straße ẞ", "ΣΑΣ σς ΣΑΣ",
    "ǅǄǆ", "aaa", "aa ba ab", "x{2} x{ {}", "*bold* and **strong**", "中文字符 test",
    "\U0001F600 emoji", "\U00010400\U00010428", "word Word WORD sword words", "a-b_c d", "...",
    "tab\there", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85", "end\n", "A1b2", "ab\n\ncd", "abcd abd",
    "c++ and c", "a.b axb", "[x] x", "Python python PYTHON pythonic", "The the theme",
    "\ufeffword", "aab", "\u2160 \u2170", "\u0345\u03b9\u1fbe", "k\u0301", "x*y", "ab\u00adcd",
    "ÀÉÎ àéî", "\u1e9e\u00df", "\u0130\u0131", "12.5 3", "mu \u00b5 \u03bc \u039c", "\\ $ ^ .",
    "* item\n- item2\n**Bold** line\n  * nested\n---\n-5 degrees\n*italic* start",
    "Section 1\nText SECTION 2 and Section3 x", "[name] and [place](url) [[a]] []",
    "<<Title>> and << >> <<<T>>> <<a>b>>", "a *** b ***\n*** c ****d", "x\u3000***\u3000y",
    "Mr. Smith went. He said hi! Really? Yes. e.g. this", "\u00c9COLE ABC abc Abc",
    "a, b\uff0cc\u060c d", "caf\u00e9s caf caf\u0301 CAF", "people le LE l\u0117",
    "***bold italic*** **x** * * **", "C++ c+ cc ++",
]

ERRORS = [
    "c+++", "*a", "a**", "(", ")", "[a", "a{3,2}", "\\q", "\\x1", "\\u12", "\\U0011ffff",
    "(?P<1>a)", "(?P=nope)", "\\1", "(a)\\2", "a(?i)b", "(?z)", "[b-a]", "[\\w-z]", "\\",
    "(?#unterminated", "x{4294967296}", "?", "+", "(?", "(?P", "(?<a)", "\\8", "[\\8]", "\\777",
    "a{1,2}{3}", "a??+", "(?P<a>x)(?P<a>y)", "[", "[]", "[^]", "a)", "(a", "((a)", "(?:a",
    "\\b*", "^*", "$+", "(?i", "(?-", "(?i-i:a)", "(?L)a", "(?a)(?u)a", "[\\A]", "[\\Z]",
    "(?<=a)(?P=x)", "a|*", "(*)", "(?(2)a|b)(x)", "(?(0)a)", "(?(a)b)", "x{2}{3}", "\\c", "{2}",
    "(?<=a|bc)", "(?<=a*)b", "(?<=a{1,2})", "(?<!x+)", "(?<=(?:a|bc))", "[a-\\d]", "(?P", "(?P<", "(?P<a", "(?Px)", "(?<x", "(?(1)a|b|c)(x)",
]


# classes whose IGNORECASE expansion goes through _optimize_charset's lowering
CLASS_FOLDS = [
    "[a-z]", "[A-Z]", "[^a-z]", "[\u0391-\u03c9]", "[\u0391-\u03a9]", "[\u03b1-\u03c9]",
    "[\u00c0-\u00ff]", "[\u0100-\u017f]", "[\u0180-\u024f]", "[\u0370-\u03ff]",
    "[\u0400-\u04ff]", "[\u0500-\u052f]", "[\u10a0-\u10ff]", "[\u13a0-\u13ff]",
    "[\u1c80-\u1cbf]", "[\u1e00-\u1eff]", "[\u1f00-\u1fff]", "[\u2100-\u214f]",
    "[\u2160-\u218f]", "[\u24b6-\u24e9]", "[\u2c00-\u2c7f]", "[\u2c80-\u2cff]",
    "[\ua640-\ua69f]", "[\ua720-\ua7ff]", "[\uab70-\uabbf]", "[\uff21-\uff5a]",
    "[\U00010400-\U0001044f]", "[\U000104b0-\U000104fb]", "[\U00010c80-\U00010cff]",
    "[\U000118a0-\U000118ff]", "[\U00016e40-\U00016e9f]", "[\U0001e900-\U0001e94b]",
    r"[\x00-\uffff]", r"[\x00-\U0010ffff]", "[\uffff-\U00010428]", "[k\U00010400]",
    "[ks\u212a]", "[\u0130i]", "[\u0131]", "[\u03c2\u03c3]", "[\u0345]", "[\u1e9e]",
    "[\u00b5x]", "[\u03bcx]", "[\u1fbe0]", "[\u0390x]", "[\u1fd3x]", "[\u01c4-\u01cc]",
    "[^\u0391-\u03c9\d]", "[\w\u0130]", "[\s\u212a]", "[\W\u00df]", "[\D\u0131]",
    "[a-z\U00010400]", "[\U00010428a]", "[\U00010400-\U00010427a]",
]


def spans_bytes(text, matches):
    out = []
    for m in matches:
        b = len(text[:m.start()].encode("utf-8"))
        e = len(text[:m.end()].encode("utf-8"))
        out.append((b, e))
    return out


def cstr(b):
    parts = []
    for x in b:
        if 0x20 <= x < 0x7F and x not in (0x22, 0x5C, 0x3F):
            parts.append(chr(x))
        else:
            parts.append("\\%03o" % x)
    return '"' + "".join(parts) + '"'


def pyflags(f):
    r = 0
    if f & I:
        r |= re.IGNORECASE
    if f & M:
        r |= re.MULTILINE
    if f & S:
        r |= re.DOTALL
    return r


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/unit/data/regex_expect.h"
    out = []
    w = out.append
    w("/* regex_expect.h - generated by tools/gen_regex_tests.py from CPython %s; do not edit. */"
      % sys.version.split()[0])
    w("")
    w("static const char *const rx_texts[] = {")
    for t in TEXTS:
        w("    %s," % cstr(t.encode("utf-8")))
    w("};")
    w("static const size_t rx_text_len[] = {%s};"
      % ", ".join(str(len(t.encode("utf-8"))) for t in TEXTS))
    w("")
    w("typedef struct rx_pat { const char *pat; unsigned flags; } rx_pat;")
    w("static const rx_pat rx_patterns[] = {")
    for pat, fl in PATTERNS:
        w("    {%s, %d}," % (cstr(pat.encode()), fl))
    w("};")
    w("/* per (pattern, text): the number of matches, then their byte spans */")
    w("static const uint16_t rx_spans[] = {")
    for pat, fl in PATTERNS:
        src = re.escape(pat) if fl & LIT else pat
        rx = re.compile(src, pyflags(fl))
        row = []
        for t in TEXTS:
            sp = spans_bytes(t, rx.finditer(t))
            assert len(sp) == len(rx.findall(t))
            row.append(len(sp))
            for b, e in sp:
                row += [b, e]
        w("    " + ",".join(str(x) for x in row) + ",")
    w("};")
    w("")
    w("typedef struct rx_err { const char *pat; const char *msg; size_t off; } rx_err;")
    w("static const rx_err rx_errors[] = {")
    for pat in ERRORS:
        try:
            re.compile(pat)
        except re.error as e:
            off = len(pat[:e.pos].encode()) if e.pos is not None else 0
            w("    {%s, %s, %d}," % (cstr(pat.encode()), cstr(str(e).encode()), off))
            continue
        except (OverflowError, ValueError) as e:
            w("    {%s, %s, %d}," % (cstr(pat.encode()), cstr(str(e).encode()), 0))
            continue
        raise SystemExit("pattern %r compiles in CPython" % pat)
    w("};")
    w("")
    import _sre
    cased = [c for c in range(0x110000) if _sre.unicode_iscased(c)]
    # the subject: every cased character plus a few uncased neighbours
    pts = set(cased) | set(range(0x3000)) | set(range(0xff00, 0xff60)) | {0x10000, 0x1f600}
    subject = "".join(chr(c) for c in sorted(pts) if not 0xd800 <= c <= 0xdfff)
    w("static const uint32_t rx_fold_subject_cp[] = {")
    for i in range(0, len(subject), 12):
        w("    " + " ".join("0x%x," % ord(x) for x in subject[i:i + 12]))
    w("};")
    w("/* IGNORECASE classes: the subject code points each matches, as ranges */")
    w("typedef struct rx_cfold { const char *pat; size_t n; const uint32_t *r; } rx_cfold;")
    w("static const rx_cfold rx_class_folds[] = {")
    for pat in CLASS_FOLDS:
        rx = re.compile(pat, re.I)
        hit = sorted(set(ord(m.group()) for m in rx.finditer(subject)))
        rs = []
        for c in hit:
            if rs and rs[-1][1] + 1 == c:
                rs[-1][1] = c
            else:
                rs.append([c, c])
        w("    {%s, %d, (const uint32_t[]){%s0}}," % (cstr(pat.encode()), len(rs),
                                                   "".join("0x%x,0x%x," % tuple(x) for x in rs)))
    w("};")
    w("typedef struct rx_fold { uint32_t c; uint8_t form; uint8_t n; uint32_t m[6]; } rx_fold;")
    w("static const rx_fold rx_folds[] = {")
    for c in cased:
        ch = chr(c)
        esc = re.escape(ch)
        for form, pat in ((0, esc), (1, "[" + esc + "]"), (2, "[" + esc + "0]")):
            ms = [ord(m.group()) for m in re.finditer(pat, subject, re.I)]
            ms = [x for x in ms if x != 0x30]
            assert len(ms) <= 6, (hex(c), ms)
            w("    {0x%x, %d, %d, {%s}}," % (c, form, len(ms),
                                             ", ".join("0x%x" % x for x in ms) or "0"))
    w("};")
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
