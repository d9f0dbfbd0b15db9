#!/usr/bin/python3
"""CPU time per langdetect.detect() of the reference (python3-langdetect 1.0.9,
DetectorFactory.seed = 0) on the IFEval GPT-4 responses: the baseline for
bench/bench_langdetect.c. Usage: tools/bench_langdetect_ref.py [ROUNDS] [FILE.jsonl]
(default file: $IFR_CONFORMANCE_DIR/ifeval/input_response_data_gpt4_20231107_145030.jsonl).
Run it with /usr/bin/python3 (Debian's, where python3-langdetect is installed)."""
import json
import os
import sys
import time

from langdetect import DetectorFactory, detector_factory
from langdetect.lang_detect_exception import LangDetectException


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.environ.get("IFR_CONFORMANCE_DIR", "."), "ifeval",
        "input_response_data_gpt4_20231107_145030.jsonl")
    texts = [json.loads(line)["response"] for line in open(path, encoding="utf-8")]
    DetectorFactory.seed = 0
    detector_factory.init_factory()  # profile loading is not timed
    best = None
    for _ in range(rounds):
        t0 = time.process_time()
        for text in texts:
            try:
                detector_factory.detect(text)
            except LangDetectException:
                pass
        per = (time.process_time() - t0) / len(texts)
        best = per if best is None else min(best, per)
    print("reference langdetect: %.3f ms/detection (CPU time, best of %d rounds, %d texts)"
          % (best * 1e3, rounds, len(texts)))


if __name__ == "__main__":
    main()
