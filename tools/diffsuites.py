#!/usr/bin/python3
"""Differential test of the tulu3, iftrain and ifbench suites against the
reference implementations, on mutated conformance rows.

    /usr/bin/python3 tools/diffsuites.py --refs DIR SUITE [m=MUT ...] [real=N] [nokw] [ID ...]

SUITE is tulu3, iftrain or ifbench. DIR holds local, unversioned copies of
the references (never commit them), importable as modules with this
interface (each verdict is True/False, "random" when build_description
would draw a value, or "raise:ExcName" when the reference raises):

  tulu3_ref.IF_FUNCTIONS_MAP, tulu3_ref.remove_thinking_section(text)
      open-instruct if_functions.py and ground_truth_utils.py
  iftrain_ref.strict(ids, kwargs, response) / .verifier(ids, kwargs, response)
      open-instruct IFEvalG: IFEval-style strict check / IFEvalVerifier
  ifbench_ref.evaluate(ids, kwargs, response, loose)
      allenai/IFBench evaluation_lib strict / loose

The references need nltk 3.9.2 behaviour on Debian's 3.8:
tools/diffsuites_nltk.py (imported first by the reference modules) builds
Punkt from $IFR_CONFORMANCE_DIR/ifeval/punkt_english and adds 3.9.2's
ENDING_QUOTES whitespace rule; langdetect is seeded 0 here.

Every row of $IFR_CONFORMANCE_DIR/SUITE/cases.jsonl is scored as given,
under every response mutation of tools/diffsuites_mutate.py (or the m=
ones; real=N adds N real model responses per row, drawn from the GPT-4 IFEval
outputs and IFBench's sample outputs in the conformance directory), and with each integer kwarg moved by -1/+1 and string keywords
upper-cased; the same rows go through `build/ifreward score` (tulu3/iftrain:
the row's ground_truth, verifier mode = --preprocess open-instruct;
ifbench: instruction_id_list + kwargs, loose = --loose). Every instruction
verdict is compared; the reference's random draws are skipped (ifreward
rejects such kwargs for the whole row with IFR_E_KWARGS), and a reference
exception must be an instruction whose detail says the reference raises.
Prints the counts per mode and up to 6 examples per id; exit status 1 on
any disagreement.
"""
import collections
import copy
import json
import os
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import diffsuites_mutate as mutate  # noqa: E402

CONF = os.environ.get("IFR_CONFORMANCE_DIR", os.path.join(HERE, "..", "..", "shared", "conformance"))
IFR = os.environ.get("IFR_BIN", os.path.join(HERE, "..", "build", "ifreward"))
INTK = ("N", "small_n", "n", "m", "n_sent", "n_words", "frequency", "let_frequency", "n_start", "n_end",
        "i", "min_words", "max_words", "percentage")
STRK = ("keyword", "first_word", "last_word", "keyword1", "keyword2", "word")
KW_MUTS = ("id", "trail_nl", "drop_last")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def kw_variants(kws):
    """(name, kwargs list) variants: as given, ints -1/+1, keywords upper-cased"""
    yield "kw", kws
    for j, kw in enumerate(kws):
        for k in INTK:
            if kw and is_num(kw.get(k)):
                for d in (-1, 1):
                    k2 = copy.deepcopy(kws)
                    k2[j][k] = kw[k] + d
                    yield "%d%s%+d" % (j, k, d), k2
        for k in STRK:
            if kw and isinstance(kw.get(k), str):
                k2 = copy.deepcopy(kws)
                k2[j][k] = kw[k].upper()
                yield "%d%sU" % (j, k), k2


def make_items(rows, spec_of, muts, nokw):
    items, seen = [], set()
    for ri, row in enumerate(rows):
        for kname, spec in spec_of(row):
            if kname != "kw" and nokw:
                continue
            sel = muts if kname == "kw" else [(m, mutate.MUTS[m]) for m in KW_MUTS]
            key = json.dumps(spec, sort_keys=True)
            for mname, fn in sel:
                try:
                    text = fn(row["response"])
                except (IndexError, ValueError):
                    continue
                if (key, text) in seen:
                    continue
                seen.add((key, text))
                items.append((ri, kname, mname, spec, text))
    return items


def score(suite, flags, lines):
    p = subprocess.run([IFR, "score", "--suite", suite] + flags + ["-"], input="".join(lines).encode(),
                       capture_output=True, check=False)
    out = p.stdout.decode().splitlines()
    if len(out) != len(lines):
        sys.exit("ifreward score: %d lines for %d rows: %s" % (len(out), len(lines), p.stderr[:400]))
    return [json.loads(o) for o in out]


def got_of(o, n):
    """ifreward's verdicts: bool, or "raise" where the detail says the reference raises"""
    if "error" in o:
        return None
    det = o.get("details") or [""] * n
    return ["raise" if "raise" in (d or "") else g for g, d in zip(o["follow_instruction_list"], det)]


def compare(mode, items, rows, refs, outs, ids_of):
    dis, ex, n = collections.Counter(), collections.defaultdict(list), 0
    for (ri, kname, mname, spec, text), o, ref in zip(items, outs, refs):
        ids = ids_of(rows[ri], spec)
        got = got_of(o, len(ids))
        if got is None:
            if o["error"].get("code") == "IFR_E_KWARGS" and "random" in ref:
                continue
            got = ["error"] * len(ids)
        for j, (r, g) in enumerate(zip(ref, got)):
            if r == "random":
                continue
            n += 1
            if isinstance(r, str):
                ok = g == "raise"
            elif r is None:  # a falsy non-bool result (letters:letter_counting)
                ok = g is False
            else:
                ok = r == g
            if not ok:
                dis[ids[j]] += 1
                if len(ex[ids[j]]) < 6:
                    ex[ids[j]].append((rows[ri]["uid"], kname, mname, r, g,
                                       (o.get("details") or [""] * len(ids))[j] if "details" in o else o,
                                       text[:300]))
    print(mode, "verdicts", n, "disagree", sum(dis.values()), dict(dis))
    for iid, lst in ex.items():
        for e in lst:
            print("  ", iid, e)
    sys.stdout.flush()
    return sum(dis.values())


def run_tulu3(rows, muts, nokw):
    from langdetect import DetectorFactory
    import tulu3_ref as R

    def spec_of(row):
        c = json.loads(row["ground_truth"])
        yield "kw", c
        for k in ("N", "i"):
            if is_num(c.get(k)):
                for d in (-1, 1):
                    c2 = dict(c)
                    c2[k] = c[k] + d
                    yield "%s%+d" % (k, d), c2

    def ref(c, text, seed):
        DetectorFactory.seed = seed
        c = dict(c)
        f = R.IF_FUNCTIONS_MAP[c.pop("func_name")]
        nn = {k: v for k, v in c.items() if v is not None}
        try:
            return bool(f(text, **nn) if nn else f(text))
        except Exception as e:  # the reference's exception is the expected outcome
            return "raise:" + type(e).__name__

    items = make_items(rows, spec_of, muts, nokw)
    bad = 0
    for mode, flags in (("raw", []), ("verifier", ["--preprocess", "open-instruct"])):
        lines = [json.dumps({"ground_truth": json.dumps(c), "response": t}) + "\n" for (_, _, _, c, t) in items]
        outs = score("tulu3", flags, lines)
        refs = []
        for (_, _, _, c, t) in items:
            text = t if mode == "raw" else R.remove_thinking_section(t)
            r = ref(c, text, 0)
            if c["func_name"] == "validate_response_language":
                if any(ref(c, text, s) != r for s in (1, 2, 3)):
                    r = "random"  # langdetect's verdict changes with the seed
            refs.append([r])
        bad += compare(mode, items, rows, refs, outs, lambda row, c: [c["func_name"]])
    return bad


def run_ids(suite, rows, muts, nokw):
    if suite == "iftrain":
        import iftrain_ref as R
        modes = (("strict", [], R.strict), ("verifier", ["--preprocess", "open-instruct"], R.verifier))
    else:
        import ifbench_ref as R
        modes = (("strict", [], lambda i, k, t: R.evaluate(i, k, t, False)),
                 ("loose", ["--loose"], lambda i, k, t: R.evaluate(i, k, t, True)))

    def spec_of(row):
        return kw_variants(row["kwargs"])

    def line(row, kws, text):
        if suite == "iftrain":
            gt = repr([{"instruction_id": row["instruction_id_list"], "kwargs": kws}])
            return json.dumps({"ground_truth": gt, "response": text}) + "\n"
        return json.dumps({"instruction_id_list": row["instruction_id_list"], "kwargs": kws,
                           "response": text}) + "\n"

    items = make_items(rows, spec_of, muts, nokw)
    bad = 0
    for mode, flags, fn in modes:
        outs = score(suite, flags, [line(rows[ri], k, t) for (ri, _, _, k, t) in items])
        refs = [fn(rows[ri]["instruction_id_list"], k, t) for (ri, _, _, k, t) in items]
        bad += compare(mode, items, rows, refs, outs, lambda row, k: row["instruction_id_list"])
    return bad


def real_responses(n):
    """n mutations that replace the response by a real model response (seeded by the row's)"""
    resp = []
    for name in ("ifeval/input_response_data_gpt4_20231107_145030.jsonl", "ifbench/sample_output.jsonl"):
        with open(os.path.join(CONF, name), encoding="utf-8") as f:
            resp += [json.loads(x)["response"] for x in f if x.strip()]

    def pick(k):
        return lambda t: resp[zlib.crc32(("%d|" % k + t).encode("utf-8", "surrogatepass")) % len(resp)]
    return [("real%d" % k, pick(k)) for k in range(n)]


def main(argv):
    if len(argv) < 3 or argv[0] != "--refs" or argv[2] not in ("tulu3", "iftrain", "ifbench"):
        sys.exit(__doc__)
    sys.path.insert(0, argv[1])
    suite, rest = argv[2], argv[3:]
    sel = [a[2:] for a in rest if a.startswith("m=")]
    muts = [(m, mutate.MUTS[m]) for m in sel] if sel else list(mutate.MUTS.items())
    nreal = [int(a[5:]) for a in rest if a.startswith("real=")]
    if nreal:
        muts += real_responses(nreal[0])
    only = set(a for a in rest if ":" in a or a.startswith(("verify_", "validate_")))
    rows = [json.loads(x) for x in open(os.path.join(CONF, suite, "cases.jsonl"), encoding="utf-8")]
    if only:
        rows = [r for r in rows if set(r.get("instruction_id_list") or [r.get("func_name")]) & only]
    nokw = "nokw" in rest
    bad = run_tulu3(rows, muts, nokw) if suite == "tulu3" else run_ids(suite, rows, muts, nokw)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
