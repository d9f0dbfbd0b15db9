#!/usr/bin/python3
"""gen_regex_fuzz.py - random differential cases for tests/unit/test_regex.c.

Run with Debian's /usr/bin/python3 (3.11.2):

    /usr/bin/python3 tools/gen_regex_fuzz.py

Draws patterns from a small grammar (seeded, so the output is stable) and
records, for each, either CPython's re.error or the finditer spans (UTF-8
byte offsets) on a few random texts. Written to tests/unit/data/regex_fuzz.h.

For exploration (not for the committed file): FUZZ_SEED and FUZZ_NPAT change
the draw, FUZZ_NOPOSS=1 avoids possessive quantifiers (CPython 3.11.2 has bugs
there that are not reproduced, see docs/ARCHITECTURE-pycompat.md), FUZZ_BASIC=1
leaves out backreferences, scoped flags, conditionals and named groups.
Example: FUZZ_SEED=7 FUZZ_NPAT=8000 FUZZ_NOPOSS=1 python3 tools/gen_regex_fuzz.py
then run build/tests/test_regex (and regenerate with no variables before committing).
"""
import os
import random
import re
import sys

assert sys.version_info[:2] == (3, 11), sys.version

I, M, S = 1, 2, 4
SEED = int(os.environ.get("FUZZ_SEED", "20261202"))
NPAT = int(os.environ.get("FUZZ_NPAT", "2500"))
NTEXT = 4

LITS = ["a", "b", "A", "k", "K", "s", "S", "\u017f", "\u212a", "\u00df", "\u00e9", "\u00c9", "1",
        "_", " ", "\\n", ".", "\u0301", "\u03a3", "\u03c3", "\u03c2", "\u0130", "i", "I",
        "\u0131", "\u4e2d", "\\x1c", "\\xa0", "\\u00e9", "\\t", "-", "\\.", "\\*", "\\(",
        "\U00010400", "\U00010428", "\u01c5", "\u01c4", "\u01c6", "\u00b5", "\u03bc", "\u2160"]
CATS = ["\\w", "\\W", "\\s", "\\S", "\\d", "\\D"]
ATS = ["\\b", "\\B", "^", "$", "\\A", "\\Z"]
CLASS_ITEMS = ["a", "b", "k", "K", "s", "\u017f", "\u00df", "\u00e9", "1", "_", " ", "\\n", "-",
               "\\w", "\\W", "\\s", "\\S", "\\d", "\\D", "a-c", "A-Z", "\u00c0-\u00ff",
               "\u0391-\u03c9", "0-9", "\\x00-\\x1f", "\U00010400-\U0001044f", "\U00010400",
               "\U00010428", "i", "\u0130", "\u0131", "\u212a", "\u00b5", "\u2160-\u216f"]
TEXT_CHARS = ["a", "b", "A", "B", "k", "K", "\u212a", "s", "S", "\u017f", "\u00df", "ss", "\u00e9",
              "e\u0301", "\u00c9", "1", "\u0663", "_", " ", "\n", "\r\n", "\t", "\x1c", "\xa0",
              "\u200b", "\u180e", ".", "*", "-", "\u03a3", "\u03c3", "\u03c2", "\u0130", "i",
              "I", "\u0131", "\u4e2d", "\U00010400", "\U00010428", "\u01c5", "\u00b5", "\u03bc",
              "\u2160", "\u2170", "\U0001f600", "(", "x", "word"]


def gen_class(r):
    items = "".join(r.choice(CLASS_ITEMS) for _ in range(r.randint(1, 3)))
    return "[" + ("^" if r.random() < 0.3 else "") + items + "]"


def gen_atom(r, depth):
    x = r.random()
    if x < 0.35:
        return r.choice(LITS)
    if x < 0.5:
        return r.choice(CATS)
    if x < 0.6:
        return r.choice(ATS)
    if x < 0.72:
        return gen_class(r)
    if x < 0.76:
        return "."
    if depth > 2:
        return r.choice(LITS)
    inner = gen_alt(r, depth + 1)
    y = r.random()
    if y < 0.4:
        return "(" + inner + ")"
    if y < 0.7:
        return "(?:" + inner + ")"
    if y < 0.8:
        return "(?=" + inner + ")"
    if y < 0.88:
        return "(?!" + inner + ")"
    if y < 0.91:
        return "(?<" + r.choice("=!") + r.choice(LITS + CATS) + ")"
    if y < 0.94:
        return "(?<" + r.choice("=!") + inner + ")"
    if not os.environ.get("FUZZ_BASIC"):
        z = r.random()
        if z < 0.2:
            return "\\1"
        if z < 0.4:
            return "(?" + r.choice(["m", "s", "x", "-i", "i-s", "ms"]) + ":" + inner + ")"
        if z < 0.55:
            return "(?(1)" + gen_seq(r, depth + 1) + "|" + gen_seq(r, depth + 1) + ")"
        if z < 0.7:
            return "(?P<n%d>" % r.randint(0, 2) + inner + ")"
        if z < 0.8:
            return "(?P=n%d)" % r.randint(0, 2)
        if z < 0.9:
            return "(?>" + inner + ")"
    return "(?i:" + inner + ")"


def gen_quant(r):
    x = r.random()
    if x < 0.6:
        return ""
    q = r.choice(["*", "+", "?", "{2}", "{1,2}", "{,2}", "{2,}", "{0}", "{", "{1,x}"])
    if r.random() < 0.25:
        q += r.choice(["?", "+"])
        if q.endswith("+") and os.environ.get("FUZZ_NOPOSS") and q != "+":
            q = q[:-1] + "?"
    return q


def gen_seq(r, depth):
    return "".join(gen_atom(r, depth) + gen_quant(r) for _ in range(r.randint(1, 4)))


def gen_alt(r, depth):
    parts = [gen_seq(r, depth) for _ in range(1 if r.random() < 0.7 else r.randint(2, 3))]
    return "|".join(parts)


def gen_text(r):
    return "".join(r.choice(TEXT_CHARS) for _ in range(r.randint(0, 10)))


def pyflags(f):
    return (re.I if f & I else 0) | (re.M if f & M else 0) | (re.S if f & S else 0)


def cstr(b):
    parts = []
    for x in b:
        if 0x20 <= x < 0x7F and x not in (0x22, 0x5C, 0x3F):
            parts.append(chr(x))
        else:
            parts.append("\\%03o" % x)
    return '"' + "".join(parts) + '"'


def main():
    r = random.Random(SEED)
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/unit/data/regex_fuzz.h"
    texts = [gen_text(r) for _ in range(64)]
    out = []
    w = out.append
    w("/* regex_fuzz.h - generated by tools/gen_regex_fuzz.py (seed %d) from CPython %s;"
      % (SEED, sys.version.split()[0]))
    w(" * do not edit. */")
    w("static const char *const fz_texts[] = {")
    for t in texts:
        w("    %s," % cstr(t.encode()))
    w("};")
    w("typedef struct fz_pat { const char *pat; unsigned flags; int error; } fz_pat;")
    pats = []
    spans = []
    nerr = 0
    for _ in range(NPAT):
        pat = gen_alt(r, 0)
        fl = r.choice([0, 0, I, M, S, I | M])
        tix = [r.randrange(len(texts)) for _ in range(NTEXT)]
        try:
            rx = re.compile(pat, pyflags(fl))
        except re.error:
            pats.append((pat, fl, 1))
            nerr += 1
            continue
        pats.append((pat, fl, 0))
        for ti in tix:
            t = texts[ti]
            sp = []
            for m in rx.finditer(t):
                sp.append((len(t[:m.start()].encode()), len(t[:m.end()].encode())))
            spans.append([ti, len(sp)] + [x for s in sp for x in s])
    w("static const fz_pat fz_patterns[] = {")
    for pat, fl, err in pats:
        w("    {%s, %d, %d}," % (cstr(pat.encode()), fl, err))
    w("};")
    w("/* per accepted pattern, %d times: text index, number of matches, spans */" % NTEXT)
    w("static const uint16_t fz_spans[] = {")
    for row in spans:
        w("    " + ",".join(str(x) for x in row) + ",")
    w("};")
    w("#define FZ_NTEXT %d" % NTEXT)
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")
    print("%s: %d patterns, %d rejected by CPython" % (path, len(pats), nerr), file=sys.stderr)


if __name__ == "__main__":
    main()
