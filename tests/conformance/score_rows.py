#!/usr/bin/env python3
"""`ifreward score` over the IFEval set built as JSONL rows: the verdicts equal
`ifreward eval`'s (strict and loose), and the output is byte-identical on 1 and
2 threads. Skips (77) when the conformance data is absent."""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    inp = os.path.join(args.data, "input_data.jsonl")
    resp = os.path.join(args.data, "input_response_data_gpt4_20231107_145030.jsonl")
    if not (os.path.exists(inp) and os.path.exists(resp)):
        print(f"SKIP: no IFEval data in {args.data!r}")
        return 77
    responses = {}
    for line in open(resp, encoding="utf-8"):
        r = json.loads(line)
        responses[r["prompt"]] = r["response"]
    with tempfile.TemporaryDirectory() as d:
        rows = os.path.join(d, "rows.jsonl")
        with open(rows, "w", encoding="utf-8") as f:
            for line in open(inp, encoding="utf-8"):
                r = json.loads(line)
                r["response"] = responses[r["prompt"]]
                f.write(json.dumps(r) + "\n")
            f.write("not json\n")  # a bad line is reported, the rest still scored
        subprocess.run([args.cli, "eval", "--quiet", "--input_data", inp,
                        "--input_response_data", resp, "--output_dir", d],
                       capture_output=True, check=False)
        failures = 0
        for mode, flag in (("strict", "--strict"), ("loose", "--loose")):
            outs = []
            for threads in ("1", "2"):
                p = subprocess.run([args.cli, "score", flag, "--threads", threads, rows],
                                   capture_output=True, text=True)
                if p.returncode != 1:  # 1: the bad line
                    print(f"FAIL: score exited {p.returncode}: {p.stderr}")
                    return 1
                outs.append(p.stdout)
            if outs[0] != outs[1]:
                print(f"FAIL: {mode} output differs between 1 and 2 threads")
                failures += 1
            lines = outs[0].splitlines()
            err = json.loads(lines[-1])
            if err.get("error", {}).get("line") != 542 or err["error"]["code"] != "IFR_E_JSON":
                print(f"FAIL: bad line not reported as expected: {lines[-1]}")
                failures += 1
            evald = [json.loads(x) for x in open(os.path.join(d, f"eval_results_{mode}.jsonl"),
                                                encoding="utf-8")]
            scored = [json.loads(x) for x in lines[:-1]]
            if len(scored) != len(evald):
                print(f"FAIL: {len(scored)} scored rows, {len(evald)} evaluated")
                return 1
            kwarg_errors = 0
            for s, e in zip(scored, evald):
                if "error" in s:
                    # invalid kwargs (IFEval's '#' and '!' letters) are row errors here,
                    # instructions counted as not followed in eval
                    kwarg_errors += 1
                    if s["error"]["code"] != "IFR_E_KWARGS" or all(e["follow_instruction_list"]):
                        failures += 1
                        print(f"FAIL: unexpected error row {s}")
                    continue
                if s["follow_instruction_list"] != e["follow_instruction_list"]:
                    failures += 1
                    print(f"FAIL: {mode} key {s['key']}: score {s['follow_instruction_list']} "
                          f"vs eval {e['follow_instruction_list']}")
                if "response" in s or s["reward"] != (1.0 if all(e["follow_instruction_list"]) else 0.0):
                    failures += 1
            print(f"{mode}: {len(scored) - kwarg_errors} rows agree with eval "
                  f"({kwarg_errors} rows with invalid kwargs reported); 1 and 2 threads identical")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
