"""nltk 3.9.2's word_tokenize / sent_tokenize on Debian's nltk 3.8, for the reference
implementations run by tools/diffsuites.py (import this before the references use nltk).

Punkt is rebuilt from $IFR_CONFORMANCE_DIR/ifeval/punkt_english (the parameters of
punkt_tab/english), and NLTKWordTokenizer.ENDING_QUOTES gets the one rule 3.9.2 added
before the contraction rules (every whitespace run becomes one space).
"""
import collections
import os
import re

import nltk
import nltk.tokenize
from nltk.tokenize.destructive import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_HERE = os.path.dirname(os.path.abspath(__file__))
_CONF = os.environ.get("IFR_CONFORMANCE_DIR", os.path.join(_HERE, "..", "..", "shared", "conformance"))
_D = os.path.join(_CONF, "ifeval", "punkt_english")


def _lines(name):
    with open(os.path.join(_D, name), encoding="utf-8") as f:
        return [x.rstrip("\n") for x in f if x.rstrip("\n")]


_p = PunktParameters()
_p.abbrev_types = set(_lines("abbrev_types.txt"))
_p.collocations = set(tuple(x.split("\t")) for x in _lines("collocations.tab"))
_p.sent_starters = set(_lines("sentence_starters.txt"))
_p.ortho_context = collections.defaultdict(int)
for _x in _lines("ortho_context.tab"):
    _k, _v = _x.rsplit("\t", 1)
    _p.ortho_context[_k] = int(_v)
_PUNKT = PunktSentenceTokenizer(_p)

_EQ = list(NLTKWordTokenizer.ENDING_QUOTES)
if not any(r.pattern == r"\s+" for r, _ in _EQ):
    _EQ.insert(3, (re.compile(r"\s+"), " "))
NLTKWordTokenizer.ENDING_QUOTES = _EQ
_TB = NLTKWordTokenizer()


def sent_tokenize(text, language="english"):
    return _PUNKT.tokenize(text)


def word_tokenize(text, language="english", preserve_line=False):
    sentences = [text] if preserve_line else sent_tokenize(text, language)
    return [tok for s in sentences for tok in _TB.tokenize(s)]


nltk.sent_tokenize = nltk.tokenize.sent_tokenize = sent_tokenize
nltk.word_tokenize = nltk.tokenize.word_tokenize = word_tokenize
