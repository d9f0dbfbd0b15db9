"""Small JSONL rows of our own and a runner for the ``ifreward score`` CLI.

Shared by test_rows.py and tests/python_dask/test_dask.py. The rows cover
what a row scorer must carry through unchanged: several instructions,
strict/loose differences, fraction rewards, the open-instruct clean-up,
suites, non-ASCII text, identifying fields, and every kind of bad row
(not JSON, not an object, no response, unknown instruction, bad kwargs),
with blank lines between them (they count for line numbers).
"""

import json
import os
import subprocess
import unittest

from ifr_testlib import NO_COMMA, PAIR, keywords, words_at_least

_CAPS = {"instruction_id_list": ["change_case:english_capital"], "kwargs": [{}]}
_QUOTE = {"instruction_id_list": ["startend:quotation"], "kwargs": [{}]}


def small_rows():
    """A list of JSONL lines (str, no newline); "" are blank lines."""
    rows = [
        dict(PAIR, key="a1", response="Four words, no more."),
        dict(PAIR, key="a2", response="Four words and no comma"),
        dict(PAIR, uid="u3", response="Two, words"),
        # loose drops a first line: the markdown star makes strict fail
        dict(NO_COMMA, id=4, response="Sure, here it is:\nno commas at all here"),
        dict(words_at_least(3), response="café naïve résumé ünïcode"),
        dict(_CAPS, response="ALL CAPS HERE\nBUT, A LOWERCASE first LINE"),
        dict(_QUOTE, response="*\"Quoted\"*"),
        dict(keywords("river", "stone"), response="A river without the other word"),
        {"ground_truth": json.dumps(NO_COMMA), "dataset": "ifeval",
         "response": "<think>Hmm, commas.</think>No commas in the answer"},
        {"instruction_id_list": ["unknown:nope"], "kwargs": [{}], "key": "bad-id",
         "response": "x"},
        {"instruction_id_list": ["length_constraints:number_words"],
         "kwargs": [{"relation": "sideways", "num_words": 3}], "uid": "bad-kw",
         "response": "x y z"},
        dict(NO_COMMA, key="no-response"),
        dict(NO_COMMA, key="num-response", response=12),
        dict(words_at_least(2), response="", extra={"nested": [1, 2.5, None, "\u00e9\u4e2d"]}),
    ]
    lines = [json.dumps(r) for r in rows]
    lines[3:3] = [""]
    lines[7:7] = ["   ", "not json at all"]
    lines.append("[1, 2, 3]")
    lines.append("\t")
    lines.append('{"key": "trunc", "response": "x", "instruction_id_list": [')
    return lines


# CLI argument lists and the matching score_rows keyword arguments.
OPTION_SETS = [
    ([], {}),
    (["--loose"], {"loose": True}),
    (["--aggregate", "fraction"], {"aggregate": "fraction"}),
    (["--precise", "--loose"], {"precise": True, "loose": True}),
    (["--preprocess", "open-instruct"], {"preprocess": "open-instruct"}),
    (["--suite", "ifbench"], {"suite": "ifbench"}),
]


def cli_path():
    """The ifreward CLI: $IFREWARD_CLI, else next to $IFREWARD_LIBRARY."""
    cli = os.environ.get("IFREWARD_CLI")
    if not cli and os.environ.get("IFREWARD_LIBRARY"):
        cli = os.path.join(os.path.dirname(os.environ["IFREWARD_LIBRARY"]), "ifreward")
    if not cli or not os.access(cli, os.X_OK):
        raise unittest.SkipTest("the ifreward CLI was not found (set IFREWARD_CLI)")
    return cli


def cli_score(path, args=()):
    """(stdout bytes, exit status) of ``ifreward score ARGS PATH``."""
    proc = subprocess.run([cli_path(), "score"] + list(args) + [path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        raise AssertionError("ifreward score failed (%d): %s"
                             % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
    return proc.stdout, proc.returncode
