"""ifreward.score_rows (ifr_score_rows) against the ``ifreward score`` CLI."""

import json
import os
import tempfile
import unittest

from ifr_testlib import NO_COMMA, require_library
from ifr_rows import OPTION_SETS, cli_score, small_rows

import ifreward


def setUpModule():
    require_library()


class ScoreRowsMatchCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.lines = small_rows()
        cls.path = os.path.join(cls.tmp.name, "rows.jsonl")
        with open(cls.path, "w", encoding="utf-8") as f:
            f.write("\n".join(cls.lines) + "\n")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_option_set_is_byte_identical(self):
        for args, kw in OPTION_SETS:
            with self.subTest(args=args):
                want, status = cli_score(self.path, args)
                self.assertEqual(status, 1)  # the small rows include bad ones
                got, nerr = ifreward.score_rows(self.lines, as_bytes=True,
                                                return_errors=True, **kw)
                self.assertEqual(got, want)
                self.assertEqual(nerr, want.count(b'{"error": {"line": '))
                # the str form is the same lines
                self.assertEqual(ifreward.score_rows(self.lines, **kw),
                                 want.decode("ascii").split("\n")[:-1])

    def test_options_object_equals_keywords(self):
        want, _ = cli_score(self.path, ["--precise", "--aggregate", "fraction"])
        opts = ifreward.Options(precise=True)
        self.assertEqual(ifreward.score_rows(self.lines, options=opts, aggregate="fraction",
                                             as_bytes=True), want)
        with self.assertRaises(TypeError):
            ifreward.score_rows(self.lines, options=opts, precise=True)

    def test_bytes_buffer_and_file_lines(self):
        want, _ = cli_score(self.path)
        with open(self.path, "rb") as f:
            data = f.read()
        self.assertEqual(ifreward.score_rows(data, as_bytes=True), want)
        # without the final newline the last line is still a line
        self.assertEqual(ifreward.score_rows(data[:-1], as_bytes=True), want)
        with open(self.path, "rb") as f:  # lines with their "\n", as iteration yields them
            self.assertEqual(ifreward.score_rows(list(f), as_bytes=True), want)
        with open(self.path, encoding="utf-8") as f:
            self.assertEqual(ifreward.score_rows(list(f), as_bytes=True), want)

    def test_first_line_numbers_a_slice_like_the_whole_file(self):
        want = cli_score(self.path)[0].split(b"\n")[:-1]
        for k in (1, 3, 7, 9, len(self.lines) - 1):
            head = ifreward.score_rows(self.lines[:k], as_bytes=True)
            tail = ifreward.score_rows(self.lines[k:], first_line=k + 1, as_bytes=True)
            self.assertEqual((head + tail).split(b"\n")[:-1], want, k)
        # line numbers really move with first_line
        bad = ifreward.score_rows(["nope"], first_line=41)
        self.assertEqual(json.loads(bad[0])["error"]["line"], 41)
        self.assertEqual(json.loads(ifreward.score_rows(["", "nope"])[0])["error"]["line"], 2)

    def test_threads_do_not_change_the_output(self):
        many = self.lines * 40
        one = ifreward.score_rows(many, threads=1, as_bytes=True)
        self.assertEqual(ifreward.score_rows(many, threads=2, as_bytes=True), one)
        self.assertEqual(ifreward.score_rows(many, threads=0, as_bytes=True), one)

    def test_errors_are_rows_not_exceptions(self):
        out, nerr = ifreward.score_rows(['{"id": 7, "response": "x"}', "{}", "[]"],
                                        return_errors=True)
        self.assertEqual(nerr, 3)
        errs = [json.loads(x)["error"] for x in out]
        self.assertEqual([e["line"] for e in errs], [1, 2, 3])
        self.assertEqual(json.loads(out[0])["id"], 7)
        self.assertTrue(all(e["code"].startswith("IFR_E_") and e["message"] for e in errs))

    def test_fields_order_and_values_kept(self):
        row = dict(NO_COMMA, zeta=1, alpha=[1, {"b": None}], uid="é", response="ok")
        out = json.loads(ifreward.score_rows([json.dumps(row)])[0])
        self.assertEqual(list(out)[:5], ["instruction_id_list", "kwargs", "zeta", "alpha", "uid"])
        self.assertEqual(out["alpha"], [1, {"b": None}])
        self.assertEqual(out["uid"], "é")
        self.assertNotIn("response", out)
        self.assertEqual(out["reward"], 1.0)

    def test_empty_and_bad_arguments(self):
        self.assertEqual(ifreward.score_rows([]), [])
        self.assertEqual(ifreward.score_rows(b"", as_bytes=True), b"")
        self.assertEqual(ifreward.score_rows(["", "  "]), [])
        with self.assertRaises(ValueError):
            ifreward.score_rows(["{}"], aggregate="mean")
        with self.assertRaises(ValueError):
            ifreward.score_rows(["{}"], first_line=0)
        with self.assertRaises(ValueError):
            ifreward.score_rows(["{}"], threads=-1)
        with self.assertRaises(TypeError):
            ifreward.score_rows([{"response": "x"}])
        with self.assertRaises(ValueError):
            ifreward.score_rows(["{}"], suite="nope")


if __name__ == "__main__":
    unittest.main()
