#!/usr/bin/python3
"""Differential fuzzing of the 20 IFEval checkers of keywords, length_constraints
(minus number_sentences), detectable_content, detectable_format, combination,
startend and punctuation: `ifreward score` against ifeval_ref.py (the
reference's decision rules) on random texts built from tricky atoms.

    /usr/bin/python3 tests/tools/fuzz_ifeval_checkers.py build/ifreward [SEED] [N] [--loose]

Prints every mismatch (up to 4 per id) and a summary; exit status 1 on any
mismatch. A kwarg pattern Python rejects must be IFR_E_REGEX.
"""
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ifeval_ref as ref  # noqa: E402

ATOMS = ["*", "**", "***", "-", " ", "\n", "\n\n", "\t", "\r\n", "[", "]", "<<", ">>", "<", ">",
         "\"", "'", "a", "t", "c", "s", "S", "k", "cat", "Cat", "CAT", "Word", "word", "bad", "BAD",
         "rock_star", "rock-star", "P", "p", ".", ",", "P.S.", "p.s", "P.P.S", "note:", "```",
         "```json", "{", "}", "1", " 2", ":", "\u0663", "Section", "SECTION", "Day", "******",
         "My answer is yes.", "\u00a0", "\u200b", "\ufeff", "\u0130", "i", "\u0131", "\u212a",
         "\u017f", "\u03a3", "\u03c3", "\u03c2", "\u00df", "SS", "\u00e9", "e\u0301", "\u00d1",
         "\uff0c", "\x00", "\u3000", "\u65e5\u672c", "_", "Then", "questions?", "hello"]
PATS = ["cat", "c.t", "a", "aa", "s", "k", "\u00df", "ss", "\u00e9", "word", "bad", "rock",
        "a|t", "(c)(a)", "[a-c]+", "\\w+", "\\d", "c?a", "x*", "^cat", "cat$", "\\bcat", "\u03c3",
        "\u03a3", "i", "\u0130", ".", "\\s", "(?i)CAT", "(?:ca)t", "c++", "a*+", "k{1,2}", "(", "c**"]


def rel(rng):
    return rng.choice(["less than", "at least"])


def gen_kwargs(rng, iid):
    n = rng.randrange(0, 4)
    return {
        "keywords:existence": lambda: {"keywords": rng.sample(PATS, rng.randrange(1, 3))},
        "keywords:frequency": lambda: {"keyword": rng.choice(PATS) + rng.choice(["", " "]),
                                       "frequency": n, "relation": rel(rng)},
        "keywords:forbidden_words": lambda: {"forbidden_words": rng.sample(PATS, rng.randrange(1, 3))},
        "keywords:letter_frequency": lambda: {"letter": rng.choice("aSkiK\u212a"),
                                              "let_frequency": n, "let_relation": rel(rng)},
        "length_constraints:number_words": lambda: {"num_words": n, "relation": rel(rng)},
        "length_constraints:number_paragraphs": lambda: {"num_paragraphs": n},
        "length_constraints:nth_paragraph_first_word": lambda: {
            "num_paragraphs": n + 1, "nth_paragraph": rng.randrange(1, n + 2),
            "first_word": rng.choice(["word", "a", "then", "\u03bf\u03b4\u03bf\u03c3", "", "ss"])},
        "detectable_content:number_placeholders": lambda: {"num_placeholders": n},
        "detectable_content:postscript": lambda: {"postscript_marker": rng.choice(
            ["P.S.", "P.P.S", " P.S. ", "Note:", "PS", "N.B", "\\S+", "\u0130", "(P"])},
        "detectable_format:number_bullet_lists": lambda: {"num_bullets": n},
        "detectable_format:constrained_response": lambda: {},
        "detectable_format:number_highlighted_sections": lambda: {"num_highlights": n},
        "detectable_format:multiple_sections": lambda: {"section_spliter": rng.choice(
            ["Section", "SECTION", "Day", " Section ", "S(e)ction", "Sec.ion", "(S)(e)",
             "S(?P<x>e)ction", "[Ss]ection", "Day|Section", ""]), "num_sections": n},
        "detectable_format:json_format": lambda: {},
        "detectable_format:title": lambda: {},
        "combination:two_responses": lambda: {},
        "combination:repeat_prompt": lambda: {"prompt_to_repeat": rng.choice(
            ["a", "Word", "cat s", " \u039f\u0394\u039f\u03a3", "\u0130", "i", "\u00df"])},
        "startend:end_checker": lambda: {"end_phrase": rng.choice(
            ["a", "Word", "questions?", "\"", " \u039f\u0394\u039f\u03a3 ", "\u03c2", "ss"])},
        "startend:quotation": lambda: {},
        "punctuation:no_comma": lambda: {},
    }[iid]()


def compiles(iid, kw):
    pats = []
    if iid == "keywords:existence":
        pats = list(kw["keywords"])
    elif iid == "keywords:frequency":
        pats = [kw["keyword"].strip()]
    elif iid == "keywords:forbidden_words":
        pats = [r"\b" + w + r"\b" for w in kw["forbidden_words"]]
    elif iid == "detectable_format:multiple_sections":
        pats = [r"\s?" + kw["section_spliter"].strip() + r"\s?\d+\s?"]
    elif iid == "detectable_content:postscript":
        m = kw["postscript_marker"].strip()
        if m not in ("P.S.", "P.P.S"):
            pats = [r"\s*" + m.lower() + r".*$"]
    try:
        for p in pats:
            re.compile(p)
    except re.error:
        return False
    return True


def loose_variants(r):
    lines = r.split("\n")
    rf = "\n".join(lines[1:]).strip()
    rl = "\n".join(lines[:-1]).strip()
    rb = "\n".join(lines[1:-1]).strip()
    return [r, r.replace("*", ""), rf, rl, rb, rf.replace("*", ""), rl.replace("*", ""),
            rb.replace("*", "")]


def main():
    args = [a for a in sys.argv[1:] if a != "--loose"]
    loose = "--loose" in sys.argv
    exe = args[0]
    rng = random.Random(int(args[1]) if len(args) > 1 else 1)
    count = int(args[2]) if len(args) > 2 else 2000
    cases = []
    for iid in ref.CHECKERS:
        for _ in range(count):
            text = "".join(rng.choice(ATOMS) for _ in range(rng.randrange(0, 16)))
            cases.append((iid, gen_kwargs(rng, iid), text))
    inp = "".join(json.dumps({"instruction_id_list": [i], "kwargs": [k], "response": r}) + "\n"
                  for i, k, r in cases)
    cmd = [exe, "score"] + (["--loose"] if loose else [])
    out = subprocess.run(cmd, input=inp.encode(), capture_output=True).stdout.decode()
    out = out.split("\n")[:-1]
    assert len(out) == len(cases), (len(out), len(cases))
    bad = {}
    for (iid, kw, r), line in zip(cases, out):
        d = json.loads(line)
        if not compiles(iid, kw):
            exp = "IFR_E_REGEX"
        elif loose:
            exp = any(v.strip() and ref.check(iid, kw, v) for v in loose_variants(r))
        else:
            exp = ref.strict(iid, kw, r)
        got = d["error"]["code"] if "error" in d else d["follow_instruction_list"][0]
        if got != exp:
            bad[iid] = bad.get(iid, 0) + 1
            if bad[iid] <= 4:
                print("MISMATCH", iid, json.dumps(kw), repr(r), "reference:", exp, "ifreward:",
                      got, d.get("details"))
    print("%s: %d cases, %d mismatches %s" % ("loose" if loose else "strict", len(cases),
                                               sum(bad.values()), bad or ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
