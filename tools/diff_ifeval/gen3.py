#!/usr/bin/env python3
"""Punkt / Treebank / langdetect focused responses (our own generator)."""
import json, random, sys
rng = random.Random(int(sys.argv[1])); PER = int(sys.argv[2])
import os
CONF = os.environ.get('IFR_CONFORMANCE_DIR', '/work/shared/conformance')
RESP = CONF + '/ifeval/input_response_data_gpt4_20231107_145030.jsonl'
allresp = [json.loads(l)['response'] for l in open(RESP)]
abbr = [l.rstrip('\n') for l in open(CONF + '/ifeval/punkt_english/abbrev_types.txt', encoding='utf-8')]
starters = [l.rstrip('\n') for l in open(CONF + '/ifeval/punkt_english/sentence_starters.txt')]
W = "the cat sat on mat quick brown fox river stone light paper garden music water city history".split()
CAPW = "The A I He She It They We But However This That John Smith Paris NASA U.S. FBI".split()
ENDS = [".", ".", ".", "!", "?", "...", "..", "?!", "!!", ". . .", ".\"", ".'", ".)", ".]", "?\"", "!)", ".”", ".’", "…", ".»", ":"]
QUO = ["\"", "'", "``", "''", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "{", "}", "<", ">", "--", "—", "–", "-", ";", ":", ",", "...", "&", "$", "%", "#", "@", "*", "**", "_", "/", "\\", "|"]
def tok():
    r = rng.random()
    if r < 0.45: return rng.choice(W)
    if r < 0.6: return rng.choice(CAPW)
    if r < 0.72: return rng.choice(abbr).strip() + ("." if rng.random() < 0.8 else "")
    if r < 0.78: return rng.choice(starters).capitalize()
    if r < 0.84: return str(rng.randint(0, 2000)) + rng.choice(["", ".", ",", "th", "%", ".5", "s"])
    if r < 0.9: return rng.choice(QUO)
    if r < 0.94: return rng.choice(["don't", "can't", "won't", "I'm", "you're", "they'll", "we've", "it's", "NASA'S", "O'Neil", "gonna", "gimme", "cannot", "'tis", "y'all", "ma'am"])
    if r < 0.97: return rng.choice(["A.B.", "J.", "e.g.", "i.e.", "No.", "U.S.A.", "Ph.D.", "a.m.", "P.M.", "St.", "Inc.", "Co.", "vs.", "etc."])
    return rng.choice(["café", "ÉCOLE", "straße", "STRASSE", "ΣΟΦΟΣ", "İSTANBUL", "ǅ", "東京。", "١٢٣", "x²", "ﬁ", "ⅫX", "Ⓐ", "ａｂｃ", "ＡＢＣ"])
def sent():
    n = rng.randint(1, 12)
    s = " ".join(tok() for _ in range(n))
    return s + rng.choice(ENDS)
def text():
    parts = []
    for _ in range(rng.randint(1, 8)):
        parts.append(sent())
        parts.append(rng.choice([" ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "", "\r\n", " \u200b", "\u2028", "\u3000", "\x1c", "\u0085"]))
    t = "".join(parts)
    if rng.random() < 0.3:
        t = rng.choice([t.upper(), t.lower()])
    return t
def langtext():
    base = rng.choice(allresp)
    i = rng.randint(0, max(0, len(base) - 10))
    seg = base[i:i + rng.choice([3, 8, 15, 30, 60, 120, 400, 2000])]
    r = rng.random()
    if r < 0.3:
        other = rng.choice(allresp); j = rng.randint(0, max(0, len(other) - 10)); seg += " " + other[j:j + rng.randint(5, 200)]
    elif r < 0.4:
        seg = "https://example.com/" + seg + " mail@x.org " + seg
    elif r < 0.5:
        seg = seg * rng.randint(2, 40)
    elif r < 0.6:
        seg = seg.upper()
    elif r < 0.7:
        seg = seg.lower()
    elif r < 0.75:
        seg = (base + " ") * (10001 // max(1, len(base)) + 1)
        seg = seg[: rng.randint(9900, 10100)] + rng.choice(["", "日本語のテキスト" * 50, "русский текст " * 50])
    return seg
ids = [("length_constraints:number_sentences", {"num_sentences": 3, "relation": "at least"}),
       ("change_case:capital_word_frequency", {"capital_frequency": 3, "capital_relation": "at least"}),
       ("length_constraints:number_words", {"num_words": 20, "relation": "less than"}),
       ("language:response_language", {"language": "en"}),
       ("change_case:english_lowercase", {}), ("change_case:english_capital", {})]
for k in range(PER):
    if rng.random() < 0.7:
        t = text()
    else:
        t = langtext()
    print(json.dumps({"instruction_id_list": [x[0] for x in ids], "kwargs": [x[1] for x in ids], "response": t}, ensure_ascii=False))
