#!/usr/bin/env python3
"""punkt_diff_corpus.py - texts for tools/punkt_diff_driver.c, one JSON string a line.

Usage: punkt_diff_corpus.py CONFORMANCE_DIR MODEL_DIR SEED COUNT > texts.jsonl

Writes every "response"/"text"/"prompt" string found in CONFORMANCE_DIR/*/*.jsonl
(whole, without its first line, without its last line, without both), then
COUNT random texts over an alphabet heavy in what Punkt looks at: sentence-end
characters, ellipses, the model's abbreviations, collocations, sentence
starters and ortho-context words (in several casings), initials, numbers,
ordinals, quotes and brackets around periods, multi-character punctuation,
every kind of whitespace, non-ASCII letters, digits and spaces (including
characters whose lower case is ASCII or longer). Manual tool, not run by CI.
"""
import glob
import json
import os
import random
import sys


def responses(cdir):
    for f in sorted(glob.glob(os.path.join(cdir, "*", "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                for k in ("response", "text", "prompt"):
                    v = row.get(k)
                    if isinstance(v, str) and v:
                        yield v


def variants(s):
    yield s
    lines = s.split("\n")
    if len(lines) > 1:
        yield "\n".join(lines[1:])
        yield "\n".join(lines[:-1])
    if len(lines) > 2:
        yield "\n".join(lines[1:-1])


def model_words(mdir):
    def lines(name):
        with open(os.path.join(mdir, name), encoding="utf-8") as fh:
            return [l.rstrip("\n") for l in fh if l.rstrip("\n")]
    abbrev = lines("abbrev_types.txt")
    starters = lines("sentence_starters.txt")
    colloc = [l.split("\t") for l in lines("collocations.tab")]
    ortho = [l.split("\t")[0] for l in lines("ortho_context.tab")]
    return abbrev, starters, colloc, ortho


def casings(w, rnd):
    r = rnd.random()
    if r < 0.45:
        return w
    if r < 0.8:
        return w[:1].upper() + w[1:]
    return w.upper()


WS = [" ", " ", " ", " ", "  ", "\n", "\n", "\n\n", "\t", "\r\n", " \n", "\n ", "\u00a0",
      "\u2003", "\u3000", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "   "]
PUNCT = [".", ".", ".", ".", "?", "!", "...", "..", ". . .", ". .", ".  .", "--", "-", ",",
         ";", ":", "?!", "!!", "?.", ".?", ". . . .", "....", "-.", ".-", ",.", ".,", "&",
         "#", "*", "@", "`", "_", ".\n.", ". \n. .", ". .\n.", "-\n-", ".\t.\t.", ". \u00a0. .",
         ".\r\n.", "..\n", ". . .\n", "---", "-.-", "##number##", "##number##."]
CLOSERS = ['"', "'", ")", "]", "}", "\u201d", "\u2019", "\u00bb", ")\"", "'\"", "\")", "]]",
           "(", "[", "{", "\u201c", "\u00ab", "*", ":", "@", ";"]
WORDS = ["the", "The", "he", "He", "she", "They", "it", "It", "and", "but", "But", "However",
         "i", "I", "a", "A", "an", "is", "was", "in", "In", "of", "to", "This", "this", "mr",
         "Mr", "x", "X", "ok", "OK", "Dr", "dr", "no", "No", "US", "u.s", "U.S", "e.g", "i.e",
         "etc", "vs", "St", "Inc", "Ltd", "Co", "Jan", "Feb", "Sept", "p.m", "a.m", "Ph.D",
         "well-known", "anti-Dr", "co-op", "don't", "O'Neil", "naïve", "Émile", "émile",
         "Straße", "ÉCOLE", "Ωmega", "ωmega", "Σίσυφος", "ΣΑΣ", "中文", "日本語", "İstanbul",
         "x-dr", "Anti-Mr", "jan-feb", "well-known-st", "e-mail", "-co", "a-", "\u212aelvin", "\u212a", "ǅemal", "ǆ", "ﬁne", "Ǆ", "ß", "Ⅻ", "ⅻ", "①", "٣", "٣.٤",
         "१२", "x²", "café", "CAFÉ", "Ĳ", "ﬀ", "ŉ", "\u0130", "\u0131", "ſ", "µ", "ª", "º"]
NUMS = ["1", "2", "10", "3.14", "1.", "2.", "12.5", "1,000", "1,000.50", "-3", "-3.5", ".5",
        ",5", "1st", "2nd", "3rd", "4th", "21st", "1990s", "1-2", "1.2.3", "3-", "٣", "٣٤",
        "12:30", "$5", "5%", "No.1", "#1", "(1)", "1)", "a)", "iv.", "IV"]


def atom(rnd, model):
    abbrev, starters, colloc, ortho = model
    r = rnd.random()
    if r < 0.17:
        return rnd.choice(WS)
    if r < 0.32:
        return rnd.choice(PUNCT)
    if r < 0.38:
        return rnd.choice(CLOSERS)
    if r < 0.50:
        return rnd.choice(WORDS)
    if r < 0.56:
        return rnd.choice(NUMS)
    if r < 0.64:
        a = rnd.choice(abbrev)
        return casings(a, rnd) + ("." if rnd.random() < 0.8 else "")
    if r < 0.68:
        return casings(rnd.choice(starters), rnd)
    if r < 0.71:
        a, b = rnd.choice(colloc)
        return casings(a, rnd) + "." + rnd.choice([" ", "  ", "\n", " \n "]) + casings(b, rnd)
    if r < 0.81:
        return casings(rnd.choice(ortho), rnd)
    if r < 0.86:
        # initials J. R. R. Tolkien
        k = rnd.randint(1, 3)
        return " ".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZÉΩabcz") + "." for _ in range(k))
    if r < 0.90:
        return chr(rnd.randint(0x21, 0x7e))
    if r < 0.93:
        return rnd.choice("éÉßΩωΣςяЯ中あ한\u00a0\u2009\u200b\u0300\ufeff\u00ad\U0001f600")
    if r < 0.95:
        return "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(1, 70)))
    return rnd.choice(WORDS) + rnd.choice(PUNCT) + rnd.choice(CLOSERS) + rnd.choice(WS)


def random_text(rnd, model):
    n = rnd.choice([1, 2, 3, 5, 8, 13, 20, 40, 80, 200])
    n = rnd.randint(1, n)
    out = []
    for _ in range(n):
        out.append(atom(rnd, model))
        if rnd.random() < 0.55:
            out.append(" ")
    return "".join(out)


def main():
    cdir, mdir, seed, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    w = sys.stdout.write
    for s in responses(cdir):
        for v in variants(s):
            w(json.dumps(v) + "\n")
    rnd = random.Random(seed)
    model = model_words(mdir)
    for _ in range(count):
        w(json.dumps(random_text(rnd, model)) + "\n")


if __name__ == "__main__":
    main()
