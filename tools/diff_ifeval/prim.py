#!/usr/bin/env python3
"""Compare primitive counts: reference (python) vs ifreward strict details."""
import json, sys, re, collections
sys.path.insert(0, sys.argv[1])
import logging; logging.disable(logging.CRITICAL)
import nltk, langdetect
from langdetect import DetectorFactory
from instruction_following_eval import instructions_util as U
rows_f, ifs_f, out_f = sys.argv[2:5]
LIMIT = int(sys.argv[5]) if len(sys.argv) > 5 else 10**9
num = re.compile(r"(\d+)")
def ref_count(iid, kw, v):
    if iid == "length_constraints:number_words": return U.count_words(v)
    if iid == "length_constraints:number_sentences": return U.count_sentences(v)
    if iid == "change_case:capital_word_frequency": return len([w for w in nltk.word_tokenize(v) if w.isupper()])
    if iid == "keywords:letter_frequency":
        L = kw["letter"]
        if len(L) != 1 or not ('a' <= L.lower() <= 'z'): return None
        return collections.Counter(v.lower())[L.lower()]
    if iid == "keywords:frequency": return len(re.findall(kw["keyword"].strip(), v, flags=re.IGNORECASE))
    if iid == "detectable_content:number_placeholders": return len(re.findall(r"\[.*?\]", v))
    if iid == "detectable_format:number_bullet_lists":
        return len(re.findall(r"^\s*\*[^\*].*$", v, flags=re.MULTILINE)) + len(re.findall(r"^\s*-.*$", v, flags=re.MULTILINE))
    if iid == "detectable_format:multiple_sections":
        return len(re.split(r"\s?" + kw["section_spliter"].strip() + r"\s?\d+\s?", v)) - 1
    if iid == "detectable_format:number_highlighted_sections":
        n = 0
        for h in re.findall(r"\*[^\n\*]*\*", v):
            if h.strip("*").strip(): n += 1
        for h in re.findall(r"\*\*[^\n\*]*\*\*", v):
            if h.removeprefix("**").removesuffix("**").strip(): n += 1
        return n
    if iid == "language:response_language" or (iid in ("change_case:english_capital", "change_case:english_lowercase")):
        if iid == "change_case:english_capital" and not v.isupper(): return None
        if iid == "change_case:english_lowercase" and not v.islower(): return None
        DetectorFactory.seed = 0
        try: return langdetect.detect(v)
        except langdetect.LangDetectException: return "EXC"
    return None
bad = collections.Counter(); tot = collections.Counter()
with open(rows_f) as f, open(ifs_f) as g, open(out_f, "w") as o:
    for k, (l1, l2) in enumerate(zip(f, g)):
        if k >= LIMIT: break
        r = json.loads(l1); s = json.loads(l2)
        if "error" in s: continue
        v = r["response"]
        if not v.strip(): continue
        for j, iid in enumerate(r["instruction_id_list"]):
            d = s["details"][j]
            try: rc = ref_count(iid, r["kwargs"][j], v)
            except Exception as e: continue
            if rc is None: continue
            if isinstance(rc, str):
                m = re.search(r'detected "([^"]+)"', d)
                ours = m.group(1) if m else ("EXC" if ("no language" in d or "could not" in d or "undetect" in d or "no features" in d) else "?" + d)
            else:
                m = num.search(d); ours = int(m.group(1)) if m else None
                if iid == "detectable_format:number_bullet_lists" or iid == "detectable_format:multiple_sections" or iid == "detectable_content:number_placeholders":
                    pass
            tot[iid] += 1
            if ours != rc:
                bad[iid] += 1
                o.write(json.dumps({"row": k, "iid": iid, "ref": rc, "ours": d, "kw": r["kwargs"][j], "response": v}, ensure_ascii=False) + "\n")
print("total", sum(tot.values()), dict(tot))
print("bad", dict(bad))
