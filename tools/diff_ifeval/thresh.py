#!/usr/bin/env python3
"""Real GPT-4 responses cut (or repeated) to sit at N-1, N, N+1 of each count threshold (our own generator).
usage: thresh.py REF_DIR SEED"""
import json, sys, random, re, os, collections
sys.path.insert(0, sys.argv[1])
import nltk
from instruction_following_eval import instructions_util as U
rng = random.Random(int(sys.argv[2]))
CONF = os.environ.get('IFR_CONFORMANCE_DIR', '/work/shared/conformance')
rows = [json.loads(l) for l in open(CONF + '/ifeval/input_data.jsonl')]
p2r = {}
for l in open(CONF + '/ifeval/input_response_data_gpt4_20231107_145030.jsonl'):
    d = json.loads(l); p2r[d['prompt']] = d['response']
def counter(iid, kw):
    if iid == "length_constraints:number_words": return U.count_words, kw["num_words"]
    if iid == "length_constraints:number_sentences": return U.count_sentences, kw["num_sentences"]
    if iid == "change_case:capital_word_frequency": return (lambda v: len([w for w in nltk.word_tokenize(v) if w.isupper()])), kw["capital_frequency"]
    if iid == "keywords:letter_frequency":
        L = kw["letter"].lower()
        if len(L) != 1 or not ('a' <= L <= 'z'): return None
        return (lambda v: collections.Counter(v.lower())[L]), kw["let_frequency"]
    if iid == "keywords:frequency":
        k = kw["keyword"].strip(); return (lambda v: len(re.findall(k, v, flags=re.IGNORECASE))), kw["frequency"]
    if iid == "detectable_content:number_placeholders": return (lambda v: len(re.findall(r"\[.*?\]", v))), kw["num_placeholders"]
    if iid == "detectable_format:number_highlighted_sections":
        def h(v):
            n = sum(1 for x in re.findall(r"\*[^\n\*]*\*", v) if x.strip("*").strip())
            return n + sum(1 for x in re.findall(r"\*\*[^\n\*]*\*\*", v) if x.removeprefix("**").removesuffix("**").strip())
        return h, kw["num_highlights"]
    if iid == "detectable_format:multiple_sections":
        sp = kw["section_spliter"].strip(); return (lambda v: len(re.split(r"\s?" + sp + r"\s?\d+\s?", v)) - 1), kw["num_sections"]
    if iid == "detectable_format:number_bullet_lists":
        return (lambda v: len(re.findall(r"^\s*\*[^\*].*$", v, flags=re.M)) + len(re.findall(r"^\s*-.*$", v, flags=re.M))), kw["num_bullets"]
    if iid == "length_constraints:number_paragraphs":
        def p(v):
            ps = re.split(r"\s?\*\*\*\s?", v); return len([x for x in ps if x.strip()])
        return p, kw["num_paragraphs"]
    return None
STRESS = [lambda t: t, lambda t: t, lambda t: t.replace(" ", "\u00a0", 2), lambda t: "\ufeff" + t, lambda t: t + "\u200b",
          lambda t: t.replace("\n", "\r\n"), lambda t: " \n" + t + "\n\t", lambda t: t.replace(" ", "\u3000", 1),
          lambda t: t + "\u2028", lambda t: "\x1c" + t + "\x1f", lambda t: t.replace(". ", ".\u00a0", 2), lambda t: t + " 👩‍💻",
          lambda t: t.replace("e", "e\u0301", 2), lambda t: "**" + t + "**", lambda t: "```\n" + t + "\n```"]
out = []
for row in rows:
    base = p2r.get(row["prompt"], "")
    if not base: continue
    for iid, kw in zip(row["instruction_id_list"], row["kwargs"]):
        c = counter(iid, kw)
        if not c: continue
        f, N = c
        src = base
        k = 0
        while f(src) < N + 1 and k < 6:
            src = src + "\n\n" + base; k += 1
        if f(src) < N - 1: continue
        for target in (N - 1, N, N + 1):
            if target < 0: continue
            # smallest prefix with count >= target, then the longest with count == target
            lo, hi = 0, len(src)
            while lo < hi:
                m = (lo + hi) // 2
                if f(src[:m]) >= target: hi = m
                else: lo = m + 1
            a = lo
            lo, hi = a, len(src)
            while lo < hi:
                m = (lo + hi + 1) // 2
                if f(src[:m]) <= target: lo = m
                else: hi = m - 1
            for cut in {a, lo, (a + lo) // 2}:
                t = rng.choice(STRESS)(src[:cut])
                out.append({"key": row["key"], "prompt": row["prompt"], "instruction_id_list": row["instruction_id_list"], "kwargs": row["kwargs"], "response": t})
seen = set()
for o in out:
    if o["response"] in seen: continue
    seen.add(o["response"]); print(json.dumps(o, ensure_ascii=False))
