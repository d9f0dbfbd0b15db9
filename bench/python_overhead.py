#!/usr/bin/env python3
"""Python binding overhead and batch throughput (figures, not pass/fail).

    IFREWARD_LIBRARY=build/libifreward.so PYTHONPATH=bindings/python \
        python3 bench/python_overhead.py [--items 20000] [--repeat 5]

Measures, on generated texts (no dataset needed):
- per-call time of Spec.reward / ifreward.score / Spec.check against the
  time the C library spends on the same item inside ifr_check_batch on one
  thread; the difference is the binding's per-call overhead;
- score_batch throughput on 1 and 2 native threads;
- Python threads calling Spec.reward concurrently (the GIL is released only
  inside the C call).
Results go to stdout; docs/PYTHON.md records a run.
"""

import argparse
import concurrent.futures
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bindings", "python"))

import ifreward  # noqa: E402
import ifreward.openrlhf  # noqa: E402
import ifreward.trl  # noqa: E402
import ifreward.verl  # noqa: E402

SPEC = {
    "instruction_id_list": ["punctuation:no_comma", "length_constraints:number_words",
                            "keywords:existence"],
    "kwargs": [{}, {"relation": "at least", "num_words": 120},
               {"keywords": ["river", "stone"]}],
}
WORDS = ("the a river stone light over under quiet morning field road window garden "
         "winter summer travel slowly bright cold warm old new small large green "
         "people city night water mountain story letter").split()


def make_texts(n, seed=7):
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        k = rng.randint(60, 260)
        words = [rng.choice(WORDS) for _ in range(k)]
        for i in range(12, k, rng.randint(10, 20)):
            words[i] += "." if rng.random() < 0.9 else ","
        texts.append(" ".join(words).capitalize() + ".")
    return texts


def best(fn, repeat, clock=time.process_time):
    """Best of `repeat` runs. Single-threaded figures use this process's CPU
    time (robust on a shared machine); thread scaling uses wall time."""
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return min(times)


def wall(fn, repeat):
    return best(fn, repeat, time.perf_counter)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    n, rep = args.items, args.repeat
    texts = make_texts(n)
    spec = ifreward.Spec(SPEC)
    specs = [spec] * n
    mean_bytes = sum(len(t) for t in texts) / n
    print("ifreward %s, %s" % (ifreward.version(), ifreward.library_path()))
    print("%d texts, mean %.0f bytes; spec: %s; best of %d; %d CPUs, load %.1f"
          % (n, mean_bytes, ", ".join(spec.ids), rep, os.cpu_count(), os.getloadavg()[0]))

    # C-only cost per item: one batch on one native thread.
    t_c = best(lambda: ifreward.score_batch(specs, texts, 1), rep) / n
    rows = [("score_batch, 1 thread (per item)", t_c)]
    rows.append(("Spec.reward(text)", best(lambda: [spec.reward(t) for t in texts], rep) / n))
    rows.append(("ifreward.score(spec, text)",
                 best(lambda: [ifreward.score(spec, t) for t in texts], rep) / n))
    rows.append(("ifreward.score(dict, text)  (cached compile)",
                 best(lambda: [ifreward.score(SPEC, t) for t in texts], rep) / n))
    rows.append(("Spec.check(text) (full result)",
                 best(lambda: [spec.check(t) for t in texts], rep) / n))
    print("\nper call (CPU time)                            time/item   overhead vs C batch")
    for name, t in rows:
        print("  %-44s %7.2f us   %+7.2f us" % (name, t * 1e6, (t - t_c) * 1e6))

    lib = ifreward._native.load()
    t_call = best(lambda: [lib.ifr_version_number() for _ in range(n)], rep) / n
    print("  %-44s %7.2f us" % ("(floor: one bare ctypes call)", t_call * 1e6))

    # Tiny text: the overhead dominates.
    tiny = ["ok"] * n
    t_tiny_c = best(lambda: ifreward.score_batch(specs, tiny, 1), rep) / n
    t_tiny = best(lambda: [spec.reward(t) for t in tiny], rep) / n
    print("  %-44s %7.2f us   %+7.2f us" % ("Spec.reward('ok')", t_tiny * 1e6,
                                           (t_tiny - t_tiny_c) * 1e6))

    print("\nscore_batch throughput (%d items, wall clock)" % n)
    for threads in (1, 2):
        t = wall(lambda: ifreward.score_batch(specs, texts, threads), rep)
        print("  %d native thread(s): %9.0f items/s  (%.1f ms per batch)"
              % (threads, n / t, t * 1e3))

    print("\nadapters (per item, 64-item batches where the trainer batches)")
    gt = [json.dumps(SPEC)] * n
    trl = ifreward.trl.Reward()
    t = best(lambda: [trl(prompts=None, completions=texts[i:i + 64], ground_truth=gt[i:i + 64])
                      for i in range(0, n, 64)], rep) / n
    print("  %-44s %7.2f us" % ("ifreward.trl.reward (ground_truth column)", t * 1e6))
    orl = ifreward.openrlhf.OpenRLHFReward(tensors="list")
    t = best(lambda: [orl(texts[i:i + 64], [""] * len(texts[i:i + 64]), gt[i:i + 64])
                      for i in range(0, n, 64)], rep) / n
    print("  %-44s %7.2f us" % ("ifreward.openrlhf.reward_func", t * 1e6))
    m = min(n, 2000)
    t = best(lambda: [ifreward.verl.compute_score("d", texts[i], gt[i]) for i in range(m)],
             rep) / m
    print("  %-44s %7.2f us" % ("ifreward.verl.compute_score (one call)", t * 1e6))

    print("\nPython threads calling Spec.reward (wall clock)")
    for workers in (1, 2):
        chunks = [texts[i::workers] for i in range(workers)]

        def run(chunk):
            return [spec.reward(t) for t in chunk]

        def go():
            with concurrent.futures.ThreadPoolExecutor(workers) as pool:
                list(pool.map(run, chunks))
        t = wall(go, rep)
        print("  %d thread(s): %9.0f items/s" % (workers, n / t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
