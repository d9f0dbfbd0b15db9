#!/usr/bin/env python3
"""IFEval conformance: run `ifreward eval` on the reference data and require
100% agreement with the reference verdicts (expected_strict/loose.jsonl) for
every instruction whose id the registry implements, ignoring only the indices
listed in each row's `unstable` field. Prints the four IFEval accuracies.

Skips (exit 77) with a message when the data directory is absent. The data is
third-party and is never copied into the project.
"""
import argparse
import json
import os
import subprocess
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--data", default=os.environ.get("IFR_CONFORMANCE_DIR", "") + "/ifeval")
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()

    needed = ["input_data.jsonl", "input_response_data_gpt4_20231107_145030.jsonl",
              "expected_strict.jsonl", "expected_loose.jsonl"]
    if not all(os.path.exists(os.path.join(args.data, n)) for n in needed):
        print(f"SKIP: IFEval conformance data not found in {args.data!r} "
              "(set IFR_CONFORMANCE_DIR or -DIFR_CONFORMANCE_DIR)")
        return 77

    listing = subprocess.run([args.cli, "list", "--suite", "ifeval"], capture_output=True,
                             text=True, check=True).stdout
    implemented = {line.split()[0] for line in listing.splitlines()
                   if line and not line.startswith(" ")}

    os.makedirs(args.workdir, exist_ok=True)
    run = subprocess.run([args.cli, "eval", "--quiet",
                          "--input_data", os.path.join(args.data, needed[0]),
                          "--input_response_data", os.path.join(args.data, needed[1]),
                          "--output_dir", args.workdir], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stdout, run.stderr)
        print(f"FAIL: ifreward eval exited with {run.returncode}")
        return 1

    failures = 0
    for mode in ("strict", "loose"):
        expected = {r["key"]: r for r in load(os.path.join(args.data, f"expected_{mode}.jsonl"))}
        got = load(os.path.join(args.workdir, f"eval_results_{mode}.jsonl"))
        inputs = load(os.path.join(args.data, needed[0]))
        by_prompt = {r["prompt"]: r["key"] for r in inputs}
        compared = agree = skipped_unstable = skipped_unimpl = 0
        per_id = {}
        prompt_ok = prompt_n = instr_ok = instr_n = 0
        for row in got:
            key = by_prompt[row["prompt"]]
            exp = expected[key]
            assert exp["instruction_id_list"] == row["instruction_id_list"], key
            prompt_n += 1
            prompt_ok += all(row["follow_instruction_list"])
            instr_n += len(row["follow_instruction_list"])
            instr_ok += sum(row["follow_instruction_list"])
            for i, iid in enumerate(row["instruction_id_list"]):
                if iid not in implemented:
                    skipped_unimpl += 1
                    continue
                if i in exp.get("unstable", []):
                    skipped_unstable += 1
                    continue
                compared += 1
                ok = row["follow_instruction_list"][i] == exp["follow_instruction_list"][i]
                agree += ok
                tot = per_id.setdefault(iid, [0, 0])
                tot[0] += ok
                tot[1] += 1
                if not ok:
                    failures += 1
                    if failures <= 40:
                        print(f"MISMATCH {mode} key={key} [{i}] {iid}: "
                              f"reference={exp['follow_instruction_list'][i]} "
                              f"ifreward={row['follow_instruction_list'][i]}")
        print(f"{mode}: {agree}/{compared} verdicts agree "
              f"({skipped_unstable} unstable skipped, {skipped_unimpl} of unimplemented ids)")
        for iid in sorted(per_id):
            a, n = per_id[iid]
            if a != n:
                print(f"    {iid}: {a}/{n}")
        print(f"{mode}: prompt-level accuracy {prompt_ok / prompt_n:.4f}, "
              f"instruction-level accuracy {instr_ok / instr_n:.4f}")
    if failures:
        print(f"FAIL: {failures} verdicts differ from the reference")
        return 1
    print(f"PASS: {len(implemented)} implemented ids agree with the reference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
