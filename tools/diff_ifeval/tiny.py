#!/usr/bin/env python3
"""Short structural responses (markers, stars, blank lines, kwarg values) for every prompt (our own generator)."""
import json, os, random, sys
CONF = os.environ.get('IFR_CONFORMANCE_DIR', '/work/shared/conformance')
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
rows = [json.loads(l) for l in open(CONF + '/ifeval/input_data.jsonl')]
A = ["*", "*", "\n", "\n", " ", "a", "B", "-", "\u00a0", "\r", "\"", "<<", ">>", "[", "]", "P.S.", "p.p.s", "******", "***",
     "Section 1", "{", "}", "```", ",", ".", "My answer is yes.", "\u200b", "\t", "x y", "I"]
for r in rows:
    kwvals = []
    for kw in r["kwargs"]:
        for v in kw.values():
            if isinstance(v, str): kwvals.append(v)
            elif isinstance(v, list): kwvals.extend(v)
    for _ in range(16):
        parts = [rng.choice(A + kwvals) for _ in range(rng.randint(1, 8))]
        print(json.dumps({"key": r["key"], "prompt": r["prompt"], "instruction_id_list": r["instruction_id_list"],
                          "kwargs": r["kwargs"], "response": "".join(parts)}))
