import json, random, sys
rng = random.Random(5)
import os
CONF = os.environ.get('IFR_CONFORMANCE_DIR', '/work/shared/conformance')
INP = CONF + '/ifeval/input_data.jsonl'
RESP = CONF + '/ifeval/input_response_data_gpt4_20231107_145030.jsonl'
rows = [json.loads(l) for l in open(INP)]
p2r = {}
for l in open(RESP):
    d = json.loads(l); p2r[d['prompt']] = d['response']
SPECIAL = ["\u0000", "\ud800", "\udfff", "\ud83d", "\uffff", "\ufffe", "\U0010ffff", "\u0000\u0000", "\x7f", "\x80", "\x9f", "\u00ad", "\u061c", "\u200e", "\u2066", "\ue000", "\U000e0041"]
out = []
for row in rows:
    base = p2r.get(row["prompt"], "")
    for k in range(8):
        c = rng.choice(SPECIAL)
        t = base
        m = rng.randint(0, 4)
        if m == 0: t = c + t
        elif m == 1: t = t + c
        elif m == 2:
            i = rng.randint(0, len(t)); t = t[:i] + c + t[i:]
        elif m == 3: t = t.replace(" ", c, 3)
        else: t = t.replace("\n", c)
        out.append({"key": row["key"], "prompt": row["prompt"], "instruction_id_list": row["instruction_id_list"], "kwargs": row["kwargs"], "response": t})
    out.append({"key": row["key"], "prompt": row["prompt"], "instruction_id_list": row["instruction_id_list"], "kwargs": row["kwargs"], "response": (base + "\n") * rng.choice([5, 20])})
for r in out: print(json.dumps(r))
