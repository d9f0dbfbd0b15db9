#!/usr/bin/env python3
import json, sys, collections
rows_f, ref_f, ifs_f, ifl_f = sys.argv[1:5]
rows = [json.loads(l) for l in open(rows_f)]
ref = [json.loads(l) for l in open(ref_f)]
ifs = [json.loads(l) for l in open(ifs_f)]
ifl = [json.loads(l) for l in open(ifl_f)]
n = min(len(rows), len(ref))
cmp = {"strict": 0, "loose": 0}; dis = collections.Counter(); skipped = collections.Counter(); ex = collections.defaultdict(list)
for i in range(n):
    r, rf = rows[i], ref[i]
    if "error" in rf:
        skipped["referror:" + rf["error"][:40]] += 1; continue
    for mode, ours, key, un in (("strict", ifs[i], "strict", "unstable_s"), ("loose", ifl[i], "loose", "unstable_l")):
        if "error" in ours:
            skipped["ifrerror:" + ours["error"]["code"]] += 1; continue
        for j, iid in enumerate(r["instruction_id_list"]):
            if j in rf[un]:
                skipped["unstable"] += 1; continue
            cmp[mode] += 1
            if ours["follow_instruction_list"][j] != rf[key][j]:
                dis[(mode, iid)] += 1
                ex[(mode, iid)].append((i, rf[key][j], ours["details"][j]))
print("compared", cmp, "skipped", dict(skipped))
for k, v in sorted(dis.items()): print(v, k)
with open(sys.argv[5], "w") as o:
    for k, lst in ex.items():
        for i, refv, det in lst:
            o.write(json.dumps({"mode": k[0], "iid": k[1], "row": i, "ref": refv, "ours": det, "kwargs": rows[i]["kwargs"][rows[i]["instruction_id_list"].index(k[1])], "response": rows[i]["response"]}, ensure_ascii=False) + "\n")
