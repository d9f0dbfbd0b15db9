#!/usr/bin/python3
"""gen_pycompat_tests.py - expected values for tests/unit/test_pycompat.c.

Run with Debian's /usr/bin/python3 (3.11.2, Unicode 14.0):

    /usr/bin/python3 tools/gen_pycompat_tests.py

Writes tests/unit/data/pycompat_expect.h: for every character predicate the
ranges of code points where CPython says True, every code point whose
one-character lower()/upper() differs from itself, and hand-written string
cases (strip/split/splitlines/lower/upper/isupper/islower/word counts) and
UTF-8 byte sequences with CPython's errors="replace" decoding. It probes the
interpreter independently of tools/gen_pycompat.py (which builds the
library's table), so the two generators check each other.
"""
import random
import re
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), sys.version
assert unicodedata.unidata_version == "14.0.0"

MAXCP = 0x110000
SIGMA = "\u03a3"


def cased(ch):
    return ch.islower() or ch.isupper() or unicodedata.category(ch) == "Lt"


PREDICATES = [
    ("isspace", str.isspace),
    ("isalpha", str.isalpha),
    ("isdecimal", str.isdecimal),
    ("isdigit", str.isdigit),
    ("isnumeric", str.isnumeric),
    ("isalnum", str.isalnum),
    ("isword", lambda ch: re.fullmatch(r"\w", ch) is not None),
    ("islower", str.islower),
    ("isupper", str.isupper),
    ("istitle", lambda ch: unicodedata.category(ch) == "Lt"),
    ("iscased", cased),
    ("islinebreak", lambda ch: len(("x" + ch + "y").splitlines()) == 2),
]


def ranges(pred):
    out = []
    start = None
    for c in range(MAXCP + 1):
        v = c < MAXCP and pred(chr(c))
        if v and start is None:
            start = c
        elif not v and start is not None:
            out.append((start, c - 1))
            start = None
    return out


def cstr(b):
    """C string literal for bytes b (octal escapes, safe against hex run-on)."""
    parts = []
    for x in b:
        if 0x20 <= x < 0x7F and x not in (0x22, 0x5C, 0x3F):
            parts.append(chr(x))
        else:
            parts.append("\\%03o" % x)
    return '"' + "".join(parts) + '"'


def cps(s):
    return "(const uint32_t[]){" + "".join("0x%x," % ord(ch) for ch in s) + "0}"


def strlist(items):
    enc = [x.encode("utf-8") for x in items]
    return ("(const char *const[]){" + "".join(cstr(e) + "," for e in enc) + "NULL}",
            "(const size_t[]){" + "".join("%d," % len(e) for e in enc) + "0}")


STRINGS = [
    "", " ", "a", "A", "ǅ", "ǅA", "Aǅ", "ǅa", "ǄǅǆǇ", "ᾼ", "ᾼA", "123", "١٢٣ ٤", "²³", "Ⅻ", "½",
    "ABC123", "ABC 123!", "HELLO WORLD", "Hello World", "abc", "abc DEF", "中文", "中A", "中a",
    "ΑΒΓ", "Σ", "ΣΣ", "aΣ", "aΣb", "aΣ.", "aΣ Σa", "a'Σ", "a\u0301Σ", "aΣ\u0301", "aΣ\u0301b",
    "ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "ΌΣΟΣ ΣΟΦΌΣ", "AΣ'", "1Σ", "\u0345Σ", "ß", "STRASSE ß", "İstanbul",
    "İ", "ﬃ", "ﬆ", "ŉ", "ΐ", "ǰ", "ẞ", "ſ", "K", "Ω", "ı", "ᲀ", "ꭰ", "\U00010400\U00010428",
    "\U0001e922", "\u1c90", "ⅰⅱ", "Ⓐⓐ", "ʰ", "ª", "\u2160", "\x1c a \x1f", "\xa0x\xa0",
    "\u200bx\u200b", "\ufeffword\ufeff", "\u180ex\u180e", "\u3000全角\u3000", "\u2000\u200a\u2028",
    "a\r\nb\rc\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l", "a\x1fb", "a\n", "\n", "\n\n",
    "a\r", "\r\n\r\n", "\r\r\n", "x\x00y", "don't stop", "foo_bar baz-qux", "é vs e\u0301",
    "  lead and trail  ", "\t\n", "\t\n x", "word\u00adword", "a\u2019b", "x²y", "naïve café",
    "\U0001f600 emoji \U0001f600", "١٢٣abc_٤", "a\u0300\u0301b", "𝐀𝐁𝐂", "Ⅷ century",
    "ǈ ǋ ǲ", "ʼn", "\u0130\u0307", "ΣΑΣ", "ϐ", "ϴ", "\u1e9e\u00df", "Ǆ", "ǆ",
    "\u10d0\u10fd", "\u13a0\u13f8", "\u0587", "\ufb13", "\u1f80", "\u1f88", "\u1fb3",
    "word1 word2\tword3\nword4", "__init__", "a_b_c", "-", "--", "!!!", "\u2003em",
    "\U0001f1fa\U0001f1f8", "\u0e01\u0e34\u0e19", "\u05d0\u05d1", "\u0627\u0644\u0639",
    "\u3042\u30a2", "\uac00\ud7a3", "\U00020000", "\U0002a6df", "\U00031350", "\U0001fbf0",
    "\U0001fbf9", "\u0f20\u0f33", "\u16ee", "\u3007", "\u4e00\u4e8c", "\u96f6",
]

STRIP_CHARS = [
    ("**bold**", "*", True, True), ("**bold**", "*", True, False), ("**bold**", "*", False, True),
    ("'\"quoted\"'", "\"'", True, True), ("xxyxx", "x", True, True), ("", "x", True, True),
    ("aaaa", "a", True, True), ("  x  ", "", True, True), ("ααβαα", "α", True, True),
    ("..., end.", ".,", True, True), ("\U0001f600a\U0001f600", "\U0001f600", True, True),
]

DECODE = [
    b"", b"abc", b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xef\xbf\xbd",
    b"\xef\xbb\xbfabc", b"\x00", b"a\x00b",
    # overlong
    b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xf0\x80\x80\x80",
    b"\xf0\x8f\xbf\xbf", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf8\x88\x80\x80\x80",
    b"\xfc\x84\x80\x80\x80\x80",
    # surrogates
    b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\xa0\x80\xed\xb0\x80", b"\xed\x9f\xbf",
    # truncated
    b"\xc3", b"\xe2\x82", b"\xe2", b"\xf0\x9f\x98", b"\xf0\x9f", b"\xf0", b"\xe2\x82a",
    b"\xf0\x9f\x98a", b"a\xc3", b"\xc3a", b"\xe2\x82\xe2\x82\xac", b"\xf0\x9f\x98\xf0\x9f\x98\x80",
    # beyond U+10FFFF and invalid lead bytes
    b"\xf4\x90\x80\x80", b"\xf4\x8f\xbf\xbf", b"\xf5\x80\x80\x80", b"\xf7\xbf\xbf\xbf",
    b"\xfe", b"\xff", b"\xfe\xff", b"\xff\xfe\x00a",
    # lone continuation bytes
    b"\x80", b"\xbf", b"\x80\x80", b"a\x80b", b"\xc3\xa9\xa9", b"\xe2\x82\xac\x80",
    # Markus Kuhn style mixes
    b"\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5", b"\xe1\x80\x41", b"\xe1\x41",
    b"\xed\x80\x41", b"\xed\xa0\x41", b"\xf1\x80\x80", b"\xf1\x80\x80\x80", b"\xf3\xbf\xbf\xbf",
    b"\xf4\x80", b"\xc2\x80", b"\xdf\xbf", b"\xe0\xa0\x80", b"\xee\x80\x80", b"\xf0\x90\x80\x80",
]


def fuzz_decode(n):
    rnd = random.Random(20261202)
    alphabet = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
                0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff]
    out = []
    for _ in range(n):
        out.append(bytes(rnd.choice(alphabet) for _ in range(rnd.randint(1, 7))))
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/unit/data/pycompat_expect.h"
    out = []
    w = out.append
    w("/* pycompat_expect.h - generated by tools/gen_pycompat_tests.py from CPython %s"
      % sys.version.split()[0])
    w(" * (Unicode %s); do not edit. */" % unicodedata.unidata_version)
    w("")
    w("typedef struct exp_range { uint32_t lo, hi; } exp_range;")
    for name, pred in PREDICATES:
        rs = ranges(pred)
        w("static const exp_range exp_%s[] = {" % name)
        for i in range(0, len(rs), 6):
            w("    " + " ".join("{0x%x, 0x%x}," % r for r in rs[i:i + 6]))
        w("    {0xffffffffu, 0}};")
    w("")
    w("typedef struct exp_map { uint32_t c; uint32_t n; uint32_t m[3]; } exp_map;")
    for name, fn in (("lower", str.lower), ("upper", str.upper)):
        w("static const exp_map exp_%s[] = {" % name)
        rows = []
        for c in range(MAXCP):
            m = fn(chr(c))
            if m != chr(c):
                v = [ord(x) for x in m] + [0] * (3 - len(m))
                rows.append("{0x%x, %d, {0x%x, 0x%x, 0x%x}}," % (c, len(m), *v))
        for i in range(0, len(rows), 4):
            w("    " + " ".join(rows[i:i + 4]))
        w("    {0xffffffffu, 0, {0, 0, 0}}};")
    w("")
    w("typedef struct exp_str {")
    w("    const char *s; size_t len;")
    w("    int isupper, islower, isblank;")
    w("    size_t strip_b, strip_e, lstrip_b, rstrip_e, nwords;")
    w("    const char *const *split; const size_t *split_len;")
    w("    const char *const *lines; const size_t *lines_len;")
    w("    const uint32_t *lower; size_t nlower;")
    w("    const uint32_t *upper; size_t nupper;")
    w("} exp_str;")
    w("static const exp_str exp_strings[] = {")
    for s in STRINGS:
        b = s.encode("utf-8")
        st = s.strip()
        sb = len(s) - len(s.lstrip())
        se = sb + len(st)
        lb = len(s) - len(s.lstrip())
        re_ = len(s.rstrip())
        sp, spl = strlist(s.split())
        ln, lnl = strlist(s.splitlines())
        lo, up = s.lower(), s.upper()
        w("    {%s, %d, %d, %d, %d, %d, %d, %d, %d, %d,\n     %s, %s,\n     %s, %s,\n"
          "     %s, %d, %s, %d},"
          % (cstr(b), len(b), s.isupper(), s.islower(), s.strip() == "", sb, se, lb, re_,
             len(re.findall(r"\w+", s)), sp, spl, ln, lnl, cps(lo), len(lo), cps(up), len(up)))
    w("};")
    w("")
    w("typedef struct exp_strip { const char *s; const char *chars; int left, right;")
    w("                           size_t b, e; } exp_strip;")
    w("static const exp_strip exp_strip_chars[] = {")
    for s, chars, left, right in STRIP_CHARS:
        r = s.strip(chars) if left and right else s.lstrip(chars) if left else s.rstrip(chars)
        b = len(s) - len(s.lstrip(chars)) if left else 0
        e = b + len(r)
        w("    {%s, %s, %d, %d, %d, %d}," % (cstr(s.encode()), cstr(chars.encode()), left, right,
                                          b, e))
    w("};")
    w("")
    w("typedef struct exp_dec { const char *b; size_t len; int valid;")
    w("                         const uint32_t *cp; size_t ncp; } exp_dec;")
    w("static const exp_dec exp_decode[] = {")
    for b in DECODE + fuzz_decode(3000):
        try:
            b.decode("utf-8")
            valid = 1
        except UnicodeDecodeError:
            valid = 0
        d = b.decode("utf-8", "replace")
        w("    {%s, %d, %d, %s, %d}," % (cstr(b), len(b), valid, cps(d), len(d)))
    w("};")
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
