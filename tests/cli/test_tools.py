#!/usr/bin/python3
"""Tests of `ifreward lint` and `ifreward refine` (Python stdlib only).

    test_tools.py --cli build/ifreward --source .

Every row of data/lint_cases.jsonl names the problems lint must report for it
("expect": ["error:conflict", ...]); a row with "expect": [] must come out clean.
The console examples of docs/TOOLS.md are run and compared with their output.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

CLI = None
SRC = None
DATA = None

# ids the linter knows that this build's registry may still lack (the rows then
# also carry an unknown_id error, which the expectations ignore)
OPTIONAL_IDS = {"change_case:english_lowercase", "change_case:english_capital",
                "language:response_language"}


def run(*args, stdin=None):
    p = subprocess.run([CLI, *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode()


def jsonl(b):
    return [json.loads(line) for line in b.decode().splitlines() if line.strip()]


def lint(*args, stdin=None):
    return run("lint", *args, stdin=stdin)


def registry_ids():
    rc, out, _ = run("list")
    assert rc == 0
    return {line.split()[0] for line in out.decode().splitlines()
            if line and not line.startswith(" ")}


class Lint(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path = os.path.join(DATA, "lint_cases.jsonl")
        with open(cls.path, encoding="utf-8") as f:
            cls.rows = [json.loads(line) for line in f]
        cls.rc, out, cls.err = lint(cls.path)
        cls.out = jsonl(out)
        cls.missing = OPTIONAL_IDS - registry_ids()

    def ids_of(self, row):
        if "instruction_id_list" in row:
            return row["instruction_id_list"]
        gt = row.get("ground_truth")
        if isinstance(gt, list):
            return [i for e in gt for i in e.get("instruction_id", [])]
        return []

    def test_every_case(self):
        self.assertEqual(len(self.out), len(self.rows))
        for row, rep in zip(self.rows, self.out):
            with self.subTest(key=row["key"]):
                self.assertEqual(rep["key"], row["key"])
                ids = self.ids_of(row)
                got = set()
                for p in rep["problems"]:
                    i = p["instruction"]
                    if (p["code"] == "unknown_id" and i is not None and
                            ids[i] in self.missing):
                        continue
                    got.add(p["severity"] + ":" + p["code"])
                self.assertEqual(got, set(row["expect"]), rep["problems"])
                self.assertEqual(rep["errors"],
                                 sum(p["severity"] == "error" for p in rep["problems"]))

    def test_every_kind_flagged_and_clean(self):
        codes = {c.split(":")[1] for r in self.rows for c in r["expect"]}
        for code in ("unknown_id", "kwargs", "spec", "impossible", "trivial", "conflict",
                     "prompt_mismatch", "prompt_keyword", "duplicate", "ignored_entries",
                     "odd_kwargs"):
            self.assertIn(code, codes)
        self.assertGreaterEqual(sum(not r["expect"] for r in self.rows), 15)

    def test_library_error_fields(self):
        rep = {r["key"]: r for r in self.out}
        p = rep["kwargs_type"]["problems"][0]
        self.assertEqual(p["error_code"], "IFR_E_KWARGS")
        self.assertEqual(p["path"], "/kwargs/0/num_words")
        self.assertEqual(p["instruction"], 0)
        p = rep["unknown_id"]["problems"][0]
        self.assertEqual(p["error_code"], "IFR_E_UNKNOWN")
        self.assertEqual(p["path"], "/instruction_id_list/0")

    def test_messages_name_both_sides(self):
        rep = {r["key"]: r for r in self.out}
        m = rep["mismatch_words"]["problems"][0]["message"]
        self.assertIn("at least 300 words", m)
        self.assertIn("num_words=200", m)
        m = rep["conflict_words_ranges"]["problems"][0]["message"]
        self.assertIn("do not intersect", m)
        self.assertEqual(rep["conflict_words_ranges"]["problems"][0]["instruction"], 1)

    def test_summary_and_exit(self):
        self.assertEqual(self.rc, 1)
        self.assertRegex(self.err, r"ifreward lint: %d rows: \d+ with errors" % len(self.rows))
        self.assertIn("conflict", self.err)
        self.assertIn("warnings:", self.err)

    def test_warnings_only_exit_0(self):
        rows = [r for r in self.rows if r["expect"] and
                all(c.startswith("warning:") for c in r["expect"]) and
                not set(self.ids_of(r)) & OPTIONAL_IDS]
        self.assertGreaterEqual(len(rows), 5)
        data = "".join(json.dumps(r) + "\n" for r in rows).encode()
        rc, out, err = lint("-", stdin=data)
        self.assertEqual(rc, 0, err)
        self.assertTrue(all(r["warnings"] > 0 and r["errors"] == 0 for r in jsonl(out)))

    def test_clean_exit_0_and_problems_only(self):
        rows = [r for r in self.rows if not r["expect"] and
                not set(self.ids_of(r)) & OPTIONAL_IDS]
        data = "".join(json.dumps(r) + "\n" for r in rows).encode()
        rc, out, _ = lint("-", stdin=data)
        self.assertEqual(rc, 0)
        self.assertEqual(len(jsonl(out)), len(rows))
        rc, out, _ = lint("--problems-only", "-", stdin=data)
        self.assertEqual((rc, out), (0, b""))

    def test_output_file_and_quiet(self):
        with tempfile.TemporaryDirectory() as d:
            o = os.path.join(d, "r.jsonl")
            rc, out, err = lint("--quiet", "--output", o, self.path)
            self.assertEqual((rc, out, err), (1, b"", ""))
            with open(o, "rb") as f:
                self.assertEqual(len(jsonl(f.read())), len(self.rows))

    def test_python_literal_ground_truth(self):
        gt = ("[{'instruction_id': ['keywords:existence', 'punctuation:no_comma'], "
              "'kwargs': [{'keywords': ['caf\\u00e9', 'it\\'s', \"x\\x41y\", 'a' 'b']}, None]}]")
        row = {"key": "lit", "messages": [{"role": "user", "content": "Say caf\u00e9 and it's."}],
               "ground_truth": gt}
        rc, out, err = lint("-", stdin=(json.dumps(row) + "\n").encode())
        msgs = [p["message"] for p in jsonl(out)[0]["problems"]]
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(msgs), 2, msgs)  # café and it's are in the prompt
        self.assertIn("'xAy'", msgs[0])
        self.assertIn("'ab'", msgs[1])

    def test_bad_lines(self):
        path = os.path.join(DATA, "lint_bad.jsonl")
        rc, out, err = lint(path)
        self.assertEqual(rc, 1)
        rep = jsonl(out)
        self.assertEqual([r["line"] for r in rep], [1, 3, 4, 5])  # blank line 2 skipped
        self.assertEqual(rep[0]["problems"], [])
        self.assertEqual(rep[1]["problems"][0]["code"], "json")
        self.assertEqual(rep[2]["problems"][0]["message"], "not a JSON object")
        self.assertEqual(rep[3]["problems"][0]["code"], "spec")
        self.assertIn(path + ":3: ", err)
        self.assertIn(path + ":4: not a JSON object", err)

    def test_usage(self):
        self.assertEqual(run()[0], 2)
        rc, out, _ = run("lint", "--help")
        self.assertEqual(rc, 0)
        self.assertIn(b"usage: ifreward lint", out)
        self.assertEqual(run("lint")[0], 2)
        self.assertEqual(run("lint", "--bogus", self.path)[0], 2)
        self.assertEqual(run("lint", "--suite", "nope", self.path)[0], 2)
        self.assertEqual(run("lint", "--suite")[0], 2)
        self.assertEqual(run("lint", self.path, self.path)[0], 2)
        rc, _, err = run("lint", os.path.join(DATA, "does_not_exist.jsonl"))
        self.assertEqual(rc, 2)
        self.assertIn("cannot read", err)

    def test_suite_option(self):
        row = {"key": 1, "prompt": "Write about tea.",
               "instruction_id_list": ["validate_lowercase"], "kwargs": [None]}
        data = (json.dumps(row) + "\n").encode()
        self.assertEqual(run("lint", "-", stdin=data)[0], 0)
        rc, out, _ = run("lint", "--suite", "ifeval", "-", stdin=data)
        self.assertEqual(rc, 1)
        self.assertEqual(jsonl(out)[0]["problems"][0]["code"], "unknown_id")


class Refine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = os.path.join(DATA, "refine_data.jsonl")
        cls.rollouts = os.path.join(DATA, "rollouts.jsonl")
        with open(cls.data, "rb") as f:
            cls.lines = f.read().splitlines(keepends=True)
        cls.by_key = {json.loads(b)["key"]: b for b in cls.lines}

    def refine(self, *args, stdin=None):
        return run("refine", *args, stdin=stdin)

    def keys(self, out):
        return [json.loads(b)["key"] for b in out.splitlines()]

    def test_hard_only(self):
        rc, out, err = self.refine("--hard-only", self.data)
        # k8 has a bad constraint_types list: reported, dropped, exit 1
        self.assertEqual(rc, 1)
        self.assertIn(self.data + ":8: constraint_types[0]", err)
        lines = out.splitlines(keepends=True)
        self.assertEqual(self.keys(out), ["k1", "k2", "k3", "k5", "k6", "k7", "k9"])
        rows = {json.loads(b)["key"]: json.loads(b) for b in lines}
        self.assertEqual(rows["k1"]["instruction_id_list"], ["length_constraints:number_words"])
        self.assertEqual(rows["k1"]["kwargs"], [{"num_words": 10, "relation": "at least"}])
        self.assertEqual(rows["k3"]["instruction_id_list"], ["detectable_format:title"])
        self.assertEqual(rows["k3"]["constraint_types"], ["hard"])
        # Python-literal ground truth stays a Python literal
        self.assertEqual(rows["k5"]["ground_truth"],
                         "[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]")
        self.assertEqual(rows["k7"]["instruction_id_list"], ["length_constraints:number_words"])
        # untouched rows are byte for byte the input
        for b in lines:
            k = json.loads(b)["key"]
            if k in ("k2", "k6", "k9"):
                self.assertEqual(b, self.by_key[k])
        self.assertIn("dropped 2: invalid_spec 1, no_hard 1", err)
        self.assertIn("4 with 6 soft constraint(s) removed", err)

    def test_hard_only_rows_still_compile(self):
        _, out, _ = self.refine("--hard-only", self.data)
        rc, rep, _ = run("lint", "-", stdin=out)
        for r in jsonl(rep):
            self.assertFalse([p for p in r["problems"] if p["code"] == "unknown_id"], r)

    def test_max_soft(self):
        rc, out, err = self.refine("--max-soft", "1", self.data)
        self.assertEqual(rc, 1)
        self.assertEqual(self.keys(out), ["k1", "k2", "k3", "k5", "k6", "k9"])
        self.assertEqual(out.splitlines(keepends=True),
                         [self.by_key[k] for k in ["k1", "k2", "k3", "k5", "k6", "k9"]])
        self.assertIn("too_many_soft 2", err)
        rc, out, _ = self.refine("--max-soft", "0", self.data)
        self.assertEqual(self.keys(out), ["k2", "k6", "k9"])

    def test_suite_lookup(self):
        # in suite tulu3 the IFEval ids are unknown, hence soft
        _, out, _ = self.refine("--max-soft", "0", "--suite", "tulu3", self.data)
        self.assertEqual(self.keys(out), ["k6"])

    def test_pilot_default(self):
        with tempfile.TemporaryDirectory() as d:
            rep = os.path.join(d, "report.json")
            rc, out, err = self.refine("--pilot", self.rollouts, "--report", rep, self.data)
            self.assertEqual(rc, 0, err)
            self.assertEqual(self.keys(out), ["k1", "k3", "k4", "k5", "k6", "k7"])
            self.assertEqual(out.splitlines(keepends=True),
                             [self.by_key[k] for k in ["k1", "k3", "k4", "k5", "k6", "k7"]])
            with open(rep) as f:
                r = json.load(f)
        self.assertEqual(r["input_rows"], 9)
        self.assertEqual(r["kept"], 6)
        self.assertEqual(r["dropped"]["all_zero"], 1)
        self.assertEqual(r["dropped"]["no_rollouts"], 2)
        self.assertEqual(r["dropped_total"], 3)
        self.assertEqual(r["rollouts"], {"lines": 14, "malformed": 0, "keys": 8,
                                         "unmatched_keys": 1})
        self.assertIn("kept 6, dropped 3: no_rollouts 2, all_zero 1", err)

    def test_pilot_options(self):
        _, out, err = self.refine("--pilot", self.rollouts, "--drop-constant", self.data)
        self.assertEqual(self.keys(out), ["k1", "k4", "k7"])
        self.assertIn("constant 3", err)
        _, out, err = self.refine("--pilot", self.rollouts, "--drop-all-one", self.data)
        self.assertEqual(self.keys(out), ["k1", "k4", "k6", "k7"])
        self.assertIn("all_one 2", err)
        _, out, _ = self.refine("--pilot", self.rollouts, "--keep-all-zero", self.data)
        self.assertEqual(self.keys(out), ["k1", "k2", "k3", "k4", "k5", "k6", "k7"])
        _, out, _ = self.refine("--pilot", self.rollouts, "--keep-unscored", self.data)
        self.assertEqual(self.keys(out), ["k1", "k3", "k4", "k5", "k6", "k7", "k8", "k9"])
        _, out, _ = self.refine("--pilot", self.rollouts, "--drop-all-zero", self.data)
        self.assertEqual(self.keys(out), ["k1", "k3", "k4", "k5", "k6", "k7"])

    def test_pilot_and_hard_only(self):
        rc, out, err = self.refine("--pilot", self.rollouts, "--drop-constant", "--hard-only",
                                   self.data)
        self.assertEqual(rc, 0)
        self.assertEqual(self.keys(out), ["k1", "k7"])  # k4 has no hard constraint
        self.assertIn("no_hard 1", err)

    def test_pilot_key_field(self):
        data = b'{"uid": 7, "prompt": "a"}\n{"uid": 8, "prompt": "b"}\n'
        with tempfile.TemporaryDirectory() as d:
            ro = os.path.join(d, "ro.jsonl")
            with open(ro, "w") as f:
                f.write('{"uid": "7", "score": 0.5}\n{"uid": 8, "score": 0}\n')
            rc, out, err = self.refine("--pilot", ro, "--key", "uid", "--reward", "score", "-",
                                       stdin=data)
            self.assertEqual((rc, out), (0, b'{"uid": 7, "prompt": "a"}\n'), err)
            # with the default fields the rollouts have neither key nor reward
            rc, out, err = self.refine("--pilot", ro, "-", stdin=data)
            self.assertEqual(rc, 1)
            self.assertIn(ro + ":1: no reward field", err)

    def test_pilot_long_prompt_keys(self):
        # rows keyed by long prompts that differ only at the end stay apart
        a, b = "x" * 9000 + "a", "x" * 9000 + "b"
        data = (json.dumps({"prompt": a}) + "\n" + json.dumps({"prompt": b}) + "\n").encode()
        with tempfile.TemporaryDirectory() as d:
            ro = os.path.join(d, "ro.jsonl")
            with open(ro, "w") as f:
                f.write(json.dumps({"prompt": a, "reward": 0}) + "\n")
                f.write(json.dumps({"prompt": b, "reward": [0, 1]}) + "\n")
            rc, out, err = self.refine("--pilot", ro, "-", stdin=data)
        self.assertEqual(rc, 0, err)
        self.assertEqual([json.loads(x)["prompt"][-1] for x in out.splitlines()], ["b"])

    def test_bad_rollouts(self):
        bad = os.path.join(DATA, "rollouts_bad.jsonl")
        rc, out, err = self.refine("--pilot", bad, self.data)
        self.assertEqual(rc, 1)
        self.assertIn(bad + ":2: ", err)
        self.assertIn(bad + ":3: no reward field", err)
        self.assertIn(bad + ":4: the reward must be", err)
        self.assertEqual(self.keys(out), ["k1"])

    def test_malformed_dataset_lines(self):
        data = self.by_key["k2"] + b"{oops\n\n[1]\n" + self.by_key["k9"]
        rc, out, err = self.refine("--max-soft", "0", "-", stdin=data)
        self.assertEqual(rc, 1)
        self.assertEqual(out, self.by_key["k2"] + self.by_key["k9"])
        self.assertIn("-:2: ", err)
        self.assertIn("-:4: not a JSON object", err)
        self.assertIn("malformed 2", err)

    def test_last_line_without_newline(self):
        data = self.by_key["k2"].rstrip(b"\n")
        rc, out, _ = self.refine("--max-soft", "0", "-", stdin=data)
        self.assertEqual((rc, out), (0, data))

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            o = os.path.join(d, "kept.jsonl")
            rc, out, _ = self.refine("--max-soft", "0", "--output", o, self.data)
            self.assertEqual(out, b"")
            with open(o, "rb") as f:
                self.assertEqual(self.keys(f.read()), ["k2", "k6", "k9"])

    def test_usage(self):
        rc, out, _ = self.refine("--help")
        self.assertEqual(rc, 0)
        self.assertIn(b"usage: ifreward refine", out)
        for args in ([self.data], ["--hard-only", "--max-soft", "1", self.data],
                     ["--max-soft", "-1", self.data], ["--max-soft", "x", self.data],
                     ["--drop-constant", "--hard-only", self.data], ["--hard-only"],
                     ["--hard-only", "--bogus", self.data], ["--pilot"],
                     ["--pilot", "-", "-"]):
            with self.subTest(args=args):
                self.assertEqual(self.refine(*args)[0], 2)
        rc, _, err = self.refine("--hard-only", os.path.join(DATA, "missing.jsonl"))
        self.assertEqual(rc, 2)
        self.assertIn("cannot read", err)
        rc, _, err = self.refine("--pilot", os.path.join(DATA, "missing.jsonl"), self.data)
        self.assertEqual(rc, 2)
        self.assertIn("cannot read", err)


class DocExamples(unittest.TestCase):
    """Runs every `$ ifreward ...` line of the ```console blocks in docs/TOOLS.md
    from the source directory and compares its stdout with the lines shown."""

    def test_tools_md(self):
        with open(os.path.join(SRC, "docs", "TOOLS.md"), encoding="utf-8") as f:
            text = f.read()
        blocks = re.findall(r"```console\n(.*?)```", text, re.S)
        self.assertGreaterEqual(len(blocks), 3)
        env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(CLI)) + os.pathsep +
                   os.environ.get("PATH", ""))
        ran = 0
        for block in blocks:
            cmds = re.split(r"^\$ ", block, flags=re.M)[1:]
            for c in cmds:
                cmd, _, expected = c.partition("\n")
                with self.subTest(cmd=cmd):
                    self.assertTrue(cmd.startswith("ifreward "), cmd)
                    p = subprocess.run(cmd, shell=True, cwd=SRC, env=env, capture_output=True)
                    self.assertEqual(p.stdout.decode(), expected, p.stderr.decode())
                    ran += 1
        self.assertGreaterEqual(ran, 5)


def main():
    global CLI, SRC, DATA
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--source", required=True)
    args, rest = ap.parse_known_args()
    CLI = os.path.abspath(args.cli)
    SRC = os.path.abspath(args.source)
    DATA = os.path.join(SRC, "tests", "cli", "data")
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
