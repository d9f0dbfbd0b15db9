#!/usr/bin/env python3
"""Run the reference over rows; output per row strict/loose lists, with langdetect-stability masks."""
import json, sys, os, random
sys.path.insert(0, sys.argv[1])
sys.setrecursionlimit(1100)
import logging; logging.disable(logging.CRITICAL)
from absl import logging as al; al.set_verbosity(al.FATAL)
import langdetect
from langdetect import DetectorFactory
from instruction_following_eval import evaluation_lib as E
LANGIDS = {"language:response_language", "change_case:english_capital", "change_case:english_lowercase"}
inp, outp = sys.argv[2], sys.argv[3]
with open(inp) as f, open(outp, "w") as o:
    for line in f:
        r = json.loads(line)
        r.setdefault("prompt", ""); ex = E.InputExample(r.get("key", 0), r["instruction_id_list"], r["prompt"], r["kwargs"])
        res = {}
        try:
            for seed in (0, 1, 2):
                if seed and not (LANGIDS & set(r["instruction_id_list"])):
                    break
                DetectorFactory.seed = seed
                random.seed(10)
                s = E.test_instruction_following_strict(ex, {r["prompt"]: r["response"]}).follow_instruction_list
                l = E.test_instruction_following_loose(ex, {r["prompt"]: r["response"]}).follow_instruction_list
                res.setdefault("s", []).append(s); res.setdefault("l", []).append(l)
            out = {"strict": res["s"][0], "loose": res["l"][0],
                   "unstable_s": [i for i in range(len(res["s"][0])) if any(x[i] != res["s"][0][i] for x in res["s"])],
                   "unstable_l": [i for i in range(len(res["l"][0])) if any(x[i] != res["l"][0][i] for x in res["l"])]}
        except RecursionError:
            out = {"error": "recursion"}
        except Exception as e:
            out = {"error": repr(e)[:200]}
        o.write(json.dumps(out) + "\n")
