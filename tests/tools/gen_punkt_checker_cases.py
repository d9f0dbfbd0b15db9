#!/usr/bin/python3
"""Generate tests/unit/data/ck_change_case_cases.h and
ck_number_sentences_cases.h: cases for change_case:capital_word_frequency and
length_constraints:number_sentences with the verdict IFEval's reference gives
in strict mode, computed by NLTK 3.8 (python3-nltk) with the Punkt English
parameters in data/embed/punkt/.

    /usr/bin/python3 tests/tools/gen_punkt_checker_cases.py tests/unit/data

Both decisions are the reference's one-liners: count_sentences(text) =
len(punkt.tokenize(text)); capital words = [w for w in
nltk.word_tokenize(text) if w.isupper()]; 'less than' is <, 'at least' >=.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from gen_checker_cases import HACKS, b, c_string, text  # noqa: E402
import gen_tokenizer_cases as tok  # noqa: E402

R = "less than"
A = "at least"


def n_sentences(t):
    return len(tok.PUNKT.tokenize(t))


def n_capitals(t):
    return sum(1 for s in tok.PUNKT.tokenize(t) for w in tok.WT38.tokenize(s) if w.isupper())


def verdict(iid, kw, t):
    if not t.strip():
        return False
    if iid == "length_constraints:number_sentences":
        v, n, rel = n_sentences(t), kw["num_sentences"], kw["relation"]
    else:
        v, n, rel = n_capitals(t), kw["capital_frequency"], kw["capital_relation"]
    return v < n if rel == R else v >= n


def S(n, rel):
    return {"num_sentences": n, "relation": rel}


def C(n, rel):
    return {"capital_frequency": n, "capital_relation": rel}


CASES = {
    "length_constraints:number_sentences": (S(2, A), [
        (S(3, A), "One. Two. Three.", "3 >= 3"),
        (S(4, A), "One. Two. Three.", "3 < 4"),
        (S(3, R), "One. Two. Three.", "less than: 3 is not < 3"),
        (S(4, R), "One. Two. Three.", "less than: 3 < 4"),
        (S(2, A), "line one\nline two\nline three", "line breaks are not boundaries"),
        (S(2, A), "- a\n- b\n- c", "bullets without full stops: 1 sentence"),
        (S(2, A), "* First point.\n* Second point.", "bullets with full stops: 2"),
        (S(2, A), "Dr. Smith arrived home.", "abbreviation: 1 sentence"),
        (S(2, A), "The U.S. economy grew fast.", "U.S. + lower-case word: 1"),
        (S(2, A), "He moved to the U.S. The weather was better.", "U.S. + The: 2"),
        (S(3, A), "1. First item 2. Second item", "numbered list: 3"),
        (S(2, A), "Yes!Four and five.", "no space after !: 1"),
        (S(2, A), "Wait... What happened?", "ellipsis then capital: still 1"),
        (S(2, A), "(This is inside.) This is outside.", "realigned bracket: 2"),
        (S(2, A), "He said \"Stop.\" Then he left.", "quote after period: 2"),
        (S(1, A), "\u200b", "zero-width space: 1 sentence, non-blank"),
        (S(1, R), "\u200b", "zero-width space: 1 is not < 1"),
        (S(5, R), "", "empty fails even 'less than'"),
        (S(0, A), "Anything.", "0 threshold"),
        (S(2, A), "\u65e5\u672c\u8a9e\u3002\u6b21\u3002", "CJK full stops are not boundaries"),
        (S(2, A), "One.\u00a0Two.", "NBSP after a period is whitespace: 2"),
        (S(3, A), "A. B. C.", "initials: 2 sentences"),
        (S(3, A), "x. y. z.", "lower-case fragments: 1 sentence"),
    ]),
    "change_case:capital_word_frequency": (C(2, A), [
        (C(2, A), "I saw NASA today.", "I and NASA: 2"),
        (C(3, A), "I saw NASA today.", "2 < 3"),
        (C(2, R), "I saw NASA today.", "less than: 2 is not < 2"),
        (C(3, R), "I saw NASA today.", "less than: 2 < 3"),
        (C(2, A), "NASA'S plan", "clitic 'S counts"),
        (C(2, A), "DON'T", "DO + N'T"),
        (C(2, A), "**BOLD** move", "asterisks split off: 1"),
        (C(1, A), "**BOLD** move", "asterisks split off: 1 >= 1"),
        (C(3, A), "U.S. and COVID-19 and R2-D2", "3 capital tokens"),
        (C(1, A), "123 456", "digits are uncased"),
        (C(1, A), "A1", "A1 is upper"),
        (C(1, A), "\u01c5UNGLA", "title-case letter: not upper"),
        (C(1, A), "\u00c9T\u00c9", "accented capitals"),
        (C(1, A), "STRASSE \u1e9e", "capital sharp s"),
        (C(2, A), "HELLO\nWORLD", "newline between words"),
        (C(-1, A), "no capitals", "negative threshold kept: at least -1"),
        (C(-1, R), "no capitals", "negative threshold kept: less than -1"),
        (C(0, R), "", "empty fails"),
        (C(1, A), "\"HI\"", "quotes split off"),
        (C(2, A), "I don't KNOW.\nIt's\u00a0FINE.", "contractions before newline/NBSP"),
    ]),
}

ATOMS = ["I", "A", "a", "OK", "NASA", "nasa", "U.S.", "Dr.", "e.g.", "It's", "DON'T", "don't",
         ".", "!", "?", "...", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\"", "'", "(", ")", "*",
         "**", "-", "--", "1.", "2", "x", "The", "the", "COVID-19", "\u0130", "\u03a3", "\u01c5",
         "\u212a", "\u65e5", "can't", "CANNOT", "gonna", ",", ":", ";"]


def random_cases(rng, iid, count):
    out = []
    for _ in range(count):
        n = rng.randrange(0, 5)
        rel = rng.choice([R, A])
        kw = S(n, rel) if iid.startswith("length") else C(n, rel)
        r = "".join(rng.choice(ATOMS) for _ in range(rng.randrange(0, 20)))
        out.append((kw, r, "random"))
    return out


def main():
    outdir = sys.argv[1]
    rng = random.Random(2024)
    for iid, (hack_kwargs, cases) in CASES.items():
        rows = list(cases)
        rows += [(hack_kwargs, r, "hack: " + note) for r, note in HACKS]
        rows += random_cases(rng, iid, 120)
        name = "number_sentences" if iid.startswith("length") else "change_case"
        path = os.path.join(outdir, "ck_%s_cases.h" % name)
        with open(path, "w") as f:
            f.write("/* Generated by tests/tools/gen_punkt_checker_cases.py with Python %s "
                    "and NLTK 3.8; do not edit. */\n" % sys.version.split()[0])
            f.write("/* {id, kwargs JSON, response, bytes, strict verdict, what it probes} */\n")
            for kw, resp, note in rows:
                exp = verdict(iid, kw, text(resp))
                f.write("{%s, %s, %s, %d, %d, %s},\n" % (
                    c_string(iid.encode()), c_string(json.dumps(kw).encode()),
                    c_string(b(resp)), len(b(resp)), exp, c_string(note.encode())))
        print(path, len(rows))


if __name__ == "__main__":
    main()
