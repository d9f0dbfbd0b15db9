"""IFEval reference verdicts through the binding (Python str in, verdicts out).

Reads the third-party reference data from $IFR_CONFORMANCE_DIR/ifeval at run
time (CTest sets it; nothing is copied into the project) and skips when it is
absent. Every verdict of an implemented id, except the indices a row marks
`unstable`, must equal the reference's, in strict and loose mode, through
Spec.check, score_batch (1 and 2 native threads) and the TRL adapter.
"""

import json
import os
import unittest

from ifr_testlib import require_library

import ifreward
import ifreward.trl


def _load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class TestIFEvalConformance(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_library()
        base = os.environ.get("IFR_CONFORMANCE_DIR", "")
        data = os.path.join(base, "ifeval")
        names = ["input_data.jsonl", "input_response_data_gpt4_20231107_145030.jsonl",
                 "expected_strict.jsonl", "expected_loose.jsonl"]
        if not base or not all(os.path.exists(os.path.join(data, n)) for n in names):
            raise unittest.SkipTest("IFEval conformance data not found (set IFR_CONFORMANCE_DIR)")
        cls.inputs = _load(os.path.join(data, names[0]))
        responses = {r["prompt"]: r["response"] for r in _load(os.path.join(data, names[1]))}
        cls.responses = [responses[r["prompt"]] for r in cls.inputs]
        cls.expected = {mode: {r["key"]: r for r in _load(os.path.join(data, names[i]))}
                        for mode, i in (("strict", 2), ("loose", 3))}
        cls.implemented = {c.id for c in ifreward.checkers() if c.suite == "ifeval"}
        # Compile every row; unimplemented ids are kept as never-passing (mark mode).
        opts = ifreward.Options(on_error="mark")
        cls.specs = [ifreward.Spec({"instruction_id_list": r["instruction_id_list"],
                                    "kwargs": r["kwargs"]}, options=opts) for r in cls.inputs]

    def _compared(self, row, exp):
        return [i for i, iid in enumerate(row["instruction_id_list"])
                if iid in self.implemented and i not in exp.get("unstable", [])]

    def test_instruction_verdicts(self):
        for mode in ("strict", "loose"):
            compared = 0
            mismatches = []
            for row, spec, text in zip(self.inputs, self.specs, self.responses):
                exp = self.expected[mode][row["key"]]
                got = spec.check(text, loose=(mode == "loose")).followed
                for i in self._compared(row, exp):
                    compared += 1
                    if got[i] != exp["follow_instruction_list"][i]:
                        mismatches.append((row["key"], i, row["instruction_id_list"][i]))
            self.assertGreater(compared, 100, mode)
            self.assertEqual(mismatches, [], mode)

    def test_prompt_level_through_batch_and_trl(self):
        # Rows whose every instruction is implemented and stable.
        rows = [j for j, row in enumerate(self.inputs)
                if all(iid in self.implemented for iid in row["instruction_id_list"])
                and not self.expected["strict"][row["key"]].get("unstable")
                and not self.expected["loose"][row["key"]].get("unstable")]
        self.assertGreater(len(rows), 50)
        specs = [ifreward.Spec({"instruction_id_list": self.inputs[j]["instruction_id_list"],
                                "kwargs": self.inputs[j]["kwargs"]}) for j in rows]
        texts = [self.responses[j] for j in rows]
        for mode in ("strict", "loose"):
            want = [1.0 if self.expected[mode][self.inputs[j]["key"]]["follow_all_instructions"]
                    else 0.0 for j in rows]
            for threads in (1, 2):
                got = ifreward.score_batch(specs, texts, threads, loose=(mode == "loose"))
                self.assertEqual(got, want, (mode, threads))
            trl = ifreward.trl.Reward(loose=(mode == "loose"))
            gts = [json.dumps({"instruction_id_list": self.inputs[j]["instruction_id_list"],
                               "kwargs": self.inputs[j]["kwargs"]}) for j in rows]
            self.assertEqual(trl(prompts=[self.inputs[j]["prompt"] for j in rows],
                                 completions=texts, ground_truth=gts), want, mode)


if __name__ == "__main__":
    unittest.main()
