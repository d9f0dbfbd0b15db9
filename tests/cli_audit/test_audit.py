"""ifreward audit: precise rejects every definite hack, accepts every honest response."""
import json
import os
import subprocess
import unittest

CLI = os.environ.get("IFREWARD_CLI", "ifreward")


def audit(*args):
    out = subprocess.run([CLI, "audit", *args], check=True, capture_output=True, text=True)
    return out.stdout


class AuditTest(unittest.TestCase):
    def check_suite(self, suite, expect_compat_hacks):
        data = json.loads(audit("--suite", suite, "--json"))
        rows = data["rows"]
        self.assertTrue(rows, suite)
        for r in rows:
            with self.subTest(id=r["id"]):
                self.assertEqual(r["error"], 0)
                self.assertGreater(r["hacks"], 0)
                self.assertEqual(r["precise_strict"], 0, "precise strict accepts a hack")
                self.assertEqual(r["precise_loose"], 0, "precise loose accepts a hack")
                self.assertEqual(r["honest_precise"], r["honest"], "precise rejects an honest response")
        total = data["total"]
        if expect_compat_hacks:
            self.assertGreater(total["compat_strict"], 0, "compat should accept some hacks")
            self.assertGreater(total["compat_loose"], 0)
        return data

    def test_ifeval(self):
        data = self.check_suite("ifeval", True)
        self.assertEqual(len(data["rows"]), 25)
        # every IFEval row has targeted hacks beyond the 8 generic ones, and honest responses
        for r in data["rows"]:
            with self.subTest(id=r["id"]):
                self.assertGreater(r["hacks"], 8)
                self.assertGreater(r["honest"], 0)

    def test_other_suites(self):
        for suite in ("ifbench", "iftrain", "tulu3"):
            with self.subTest(suite=suite):
                self.check_suite(suite, False)

    def test_formats(self):
        md = audit("--suite", "ifeval", "--markdown")
        self.assertTrue(md.startswith("| checker |"))
        self.assertIn("| **total** |", md)
        one = json.loads(audit("--id", "startend:quotation", "--json"))
        self.assertEqual([r["id"] for r in one["rows"]], ["startend:quotation"])
        spec = json.dumps({"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]})
        sp = json.loads(audit("--spec", spec, "--json"))
        self.assertEqual(sp["rows"][0]["id"], "punctuation:no_comma")
        self.assertGreater(sp["rows"][0]["compat_strict"], 0)
        self.assertEqual(sp["rows"][0]["precise_strict"], 0)


if __name__ == "__main__":
    unittest.main()
