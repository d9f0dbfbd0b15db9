#!/usr/bin/env python3
"""Rows/s of ifreward.dask on 1 and 2 local workers against the single-process
CLI, on the same rows (figures, not pass/fail).

    IFREWARD_LIBRARY=build/libifreward.so PYTHONPATH=bindings/python \\
    IFR_CONFORMANCE_DIR=/work/shared/conformance \\
        /usr/bin/python3 bench/dask_rows.py [--cli build/ifreward] [--rows 30000]
        [--partition-lines 2000] [--repeat 3]

Rows: the IFEval rows (prompts + GPT-4 responses) and the suites' public
cases from $IFR_CONFORMANCE_DIR, repeated up to --rows (our own small rows
when the data is absent). Each figure is the best of --repeat runs of
scoring the file into a temporary output, strict; cluster start-up is
timed separately (it is paid once per cluster). Every run's output is
checked against the CLI's. Next to wall-clock rows/s, the CPU time the
scoring processes used (the CLI; the Dask workers, excluding the client
and scheduler) is given as rows per CPU-second, which a loaded machine
disturbs much less. docs/DISTRIBUTED.md records a run.
"""

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
sys.path.insert(0, os.path.join(REPO, "bindings", "python", "tests"))

import distributed  # noqa: E402
import ifreward.dask as ifd  # noqa: E402


def base_rows():
    base = os.environ.get("IFR_CONFORMANCE_DIR", "")
    lines = []
    inp = os.path.join(base, "ifeval", "input_data.jsonl")
    resp = os.path.join(base, "ifeval", "input_response_data_gpt4_20231107_145030.jsonl")
    if os.path.exists(inp) and os.path.exists(resp):
        with open(resp, encoding="utf-8") as f:
            answers = {r["prompt"]: r["response"] for r in map(json.loads, f)}
        with open(inp, encoding="utf-8") as f:
            lines += [json.dumps(dict(r, response=answers[r["prompt"]]))
                      for r in map(json.loads, f)]
    for suite in ("ifbench", "iftrain", "tulu3"):
        path = os.path.join(base, suite, "cases.jsonl")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                lines += [x.rstrip("\n") for x in f if x.strip()]
    if not lines:
        from ifr_rows import small_rows
        lines = [x for x in small_rows() if x.strip()]
        print("IFR_CONFORMANCE_DIR absent: using the test suite's small rows", file=sys.stderr)
    return lines


def best(fn, repeat, cpu):
    """(best wall seconds, CPU seconds of that run) over `repeat` runs;
    `cpu()` reads the cumulative CPU seconds of the scoring processes."""
    runs = []
    for _ in range(repeat):
        c0 = cpu()
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, cpu() - c0))
    return min(runs)


def _self_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", default=os.path.join(REPO, "build", "ifreward"))
    p.add_argument("--rows", type=int, default=30000)
    p.add_argument("--partition-lines", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    logging.getLogger("distributed").setLevel(logging.CRITICAL)

    base = base_rows()
    lines = (base * (args.rows // len(base) + 1))[:args.rows]
    tmp = tempfile.mkdtemp(prefix="ifr_dask_bench_")
    src = os.path.join(tmp, "rows.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    mb = os.path.getsize(src) / 1e6
    print("rows: %d (%d distinct, %.1f MB), partition_lines %d, best of %d, %d cores, "
          "load average %.1f" % (len(lines), len(base), mb, args.partition_lines, args.repeat,
                                 os.cpu_count(), os.getloadavg()[0]))

    cli_out = os.path.join(tmp, "cli.out")

    def cli():
        with open(cli_out, "wb") as f:
            subprocess.run([args.cli, "score", src], stdout=f, stderr=subprocess.DEVNULL)
    t, c = best(cli, args.repeat, _children_cpu)
    print("%-32s %7.0f rows/s %7.0f rows/CPU-s  (%.2f s)"
          % ("CLI, 1 process, 1 thread", len(lines) / t, len(lines) / c, t))
    with open(cli_out, "rb") as f:
        want = f.read()

    for n in (1, 2):
        t0 = time.perf_counter()
        cluster = ifd.local_cluster(n, silence_logs=logging.CRITICAL)
        client = distributed.Client(cluster)
        client.wait_for_workers(n)
        startup = time.perf_counter() - t0
        out = os.path.join(tmp, "dask%d.out" % n)

        def run():
            ifd.score_files(client, [src], out, partition_lines=args.partition_lines)
        def workers_cpu():
            return sum(client.run(_self_cpu).values())
        run()  # warm-up: workers import ifreward and open the library
        t, c = best(run, args.repeat, workers_cpu)
        with open(out, "rb") as f:
            same = f.read() == want
        print("%-32s %7.0f rows/s %7.0f rows/CPU-s  (%.2f s; cluster start %.1f s; output %s)"
              % ("ifreward.dask, %d local worker%s" % (n, "s" if n > 1 else ""),
                 len(lines) / t, len(lines) / c, t, startup,
                 "identical" if same else "DIFFERENT"))
        client.close()
        cluster.close()
    for name in os.listdir(tmp):
        os.unlink(os.path.join(tmp, name))
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
