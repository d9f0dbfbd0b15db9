#!/usr/bin/python3
"""Differential test of the Punkt / word_tokenize ports against NLTK 3.8.

    /usr/bin/python3 tools/fuzz_tokenizers.py /tmp/tokdrv SEED COUNT [atoms|chars|contractions|mutate]

Generates COUNT random texts (from word/punctuation atoms, from single
characters of a tricky alphabet, from contraction pieces, or as edited
windows of the GPT-4 responses in $IFR_CONFORMANCE_DIR), runs them
through the C driver (tools/tokenizer_driver.c) and through NLTK 3.8 with
the model in data/embed/punkt/ (3.9.2 = 3.8 plus its one extra
ENDING_QUOTES rule, see tools/gen_tokenizer_cases.py), and prints every
difference. Exit status 1 if any.
"""
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_tokenizer_cases as ref  # noqa: E402

ATOMS = list(".?!\"')([]{}<>-,:;`*@#$%&") + [
    "«", "»", "“", "”", "‘", "’", "„", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\r\n",
    "\x0b", "\x1c", "Mr.", "Dr.", "U.S.", "e.g.", "i.e.", "etc.", "vs.", "Inc.", "J.", "A.", "b.",
    "1.", "2.", "3.14", "1,000", "-5", ".5", "...", ". . .", "..", "can", "not", "cannot",
    "Cannot", "gonna", "gimme", "wanna", "lemme", "gotta", "d'ye", "more'n", "'tis", "'twas",
    "'T", "don't", "DON'T", "it's", "I'm", "we'll", "they're", "you've", "I'd", "NASA'S", "the",
    "The", "THE", "and", "But", "however", "i", "I", "a", "A", "x", "Hello", "world", "New",
    "York", "Smith", "smith", "bach", "Bach", "S.", "K.", "ſ", "İ", "ı", "\u212a", "Σ", "ΑΣ.",
    "日本語。", "नमस्ते", "é", "É", "ß", "ǅ", "²", "٣", "_", "__", "x_y", "0", "00", "1990s",
    "##number##.", "'", "''", "``", "'s", "'S", "'ll", "'re", "n't", "'m", "'d", "'ve", "'n",
    "'x", "'hello", "o'clock", "--", "---", "—", "–", "http://a.b/c.", "a@b.com"]
CHARS = list(".?!\"')([]{}<>-,:;`*' \n\t\u00a0snNtTdDmMlLrReEvVaAIi1 0Kkſİı_«»“”‘’„—")
CONTR = ["can", "not", "cannot", "d", "'ye", "gim", "me", "gon", "na", "got", "ta", "lem", "more",
         "'n", "wan", "na", "'t", "is", "was", "'tis", "'twas", " ", "'", "\n", "\t", ".", "-",
         "_", "x", "CAN", "NOT", "Wan", "NA", "ı", "İ", "ſ", "I", "i", "s", "S", "'s", "'S",
         "n't", "N'T", "'ll", "'re", "'ve", "'m", "'d", "\"", "''", ",", ":", "1"]


_RESP = []


def responses():
    if not _RESP:
        d = os.environ.get("IFR_CONFORMANCE_DIR", "")
        path = os.path.join(d, "ifeval", "input_response_data_gpt4_20231107_145030.jsonl")
        with open(path, encoding="utf-8") as f:
            _RESP.extend(json.loads(l)["response"] for l in f)
    return _RESP


def gen(rng, mode):
    if mode == "mutate":  # a window of a GPT-4 response with a few edits
        r = rng.choice(responses())
        b = rng.randrange(0, max(1, len(r) - 300))
        t = list(r[b:b + rng.randint(0, 300)])
        for _ in range(rng.randint(0, 6)):
            if t:
                t[rng.randrange(len(t))] = rng.choice(CHARS + ATOMS)
        return "".join(t)
    if mode == "chars":
        return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 40)))
    if mode == "contractions":
        return "".join(rng.choice(CONTR) for _ in range(rng.randint(0, 14)))
    out = []
    for _ in range(rng.randint(0, 25)):
        out.append(rng.choice(ATOMS))
        if rng.random() < 0.5:
            out.append(" ")
    return "".join(out)


def split(field):
    return field.split("\x1e") if field else []


def main():
    driver, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else "atoms"
    rng = random.Random(seed)
    texts = [gen(rng, mode) for _ in range(count)]
    inp = "".join(json.dumps(t) + "\n" for t in texts).encode()
    out = subprocess.run([driver], input=inp, capture_output=True, check=True).stdout.decode()
    bad = 0
    for t, rec in zip(texts, out.split("\x1d\n")):
        a, b, c = rec.split("\x1f")
        sents = ref.PUNKT.tokenize(t)
        t38 = [x for s in sents for x in ref.WT38.tokenize(s)]
        t392 = [x for s in sents for x in ref.WT392.tokenize(s)]
        if split(a) != sents or split(b) != t38 or split(c) != t392:
            bad += 1
            print("DIFF", repr(t))
    print("seed %d mode %s: %d texts, %d differences" % (seed, mode, count, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
