"""Shared helpers for the binding tests (stdlib unittest only).

CTest runs these with IFREWARD_LIBRARY pointing at the just-built library and
PYTHONPATH at bindings/python. Run by hand:

    IFREWARD_LIBRARY=build/libifreward.so PYTHONPATH=bindings/python \
        python3 -m unittest discover -s bindings/python/tests -v
"""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_ROOT = os.path.dirname(HERE)
REPO_ROOT = os.path.dirname(os.path.dirname(PKG_ROOT))
if PKG_ROOT not in sys.path:
    sys.path.insert(0, PKG_ROOT)

import ifreward  # noqa: E402


def require_library():
    """Skip the calling test module when no libifreward can be loaded.

    When IFREWARD_LIBRARY is set (as CTest sets it), failing to load it is an
    error, not a skip: the tests must never pass by skipping everything.
    """
    try:
        ifreward._native.load()
    except ImportError as exc:
        if os.environ.get("IFREWARD_LIBRARY"):
            raise
        raise unittest.SkipTest("libifreward not loadable (set IFREWARD_LIBRARY): %s" % exc)


# Specs built from ids that land first (IFEval's punctuation, length, keywords).
NO_COMMA = {"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}


def words_at_least(n):
    return {"instruction_id_list": ["length_constraints:number_words"],
            "kwargs": [{"relation": "at least", "num_words": n}]}


def words_less_than(n):
    return {"instruction_id_list": ["length_constraints:number_words"],
            "kwargs": [{"relation": "less than", "num_words": n}]}


def keywords(*words):
    return {"instruction_id_list": ["keywords:existence"], "kwargs": [{"keywords": list(words)}]}


# Two instructions: no comma, and at least 4 words.
PAIR = {"instruction_id_list": ["punctuation:no_comma", "length_constraints:number_words"],
        "kwargs": [{}, {"relation": "at least", "num_words": 4}]}
PAIR_JSON = json.dumps(PAIR)

# Texts for PAIR: both followed / only words / only comma / neither.
BOTH = "alpha beta gamma delta epsilon"
ONLY_WORDS = "alpha, beta gamma delta"       # 4 words but a comma
ONLY_COMMA = "alpha beta gamma"              # no comma but 3 words
NEITHER = "alpha, beta"

PAIR_CASES = [(BOTH, 1.0, 1.0), (ONLY_WORDS, 0.0, 0.5), (ONLY_COMMA, 0.0, 0.5),
              (NEITHER, 0.0, 0.0)]


def open_instruct_label(spec):
    """open-instruct's ground-truth string: str() of a list with one dict."""
    return str([{"instruction_id": spec["instruction_id_list"], "kwargs": spec["kwargs"]}])
