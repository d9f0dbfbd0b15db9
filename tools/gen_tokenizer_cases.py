#!/usr/bin/python3
"""Generate tests/unit/data/tokenizer_cases.h: expected Punkt sentences and
nltk.word_tokenize tokens for hand-picked inputs, computed by NLTK 3.8 as
installed by Debian (python3-nltk) with the English Punkt parameters from
data/embed/punkt/ (the same values as nltk_data's english.pickle).

NLTK 3.9.2's word tokenizer differs from 3.8 by one substitution in
NLTKWordTokenizer.ENDING_QUOTES, (re.compile(r"\\s+"), " "), inserted after
the '"' rule (nltk PR #3224); the 3.9.2 column is produced by adding that
rule to the installed 3.8 class. Punkt itself is unchanged in 3.9.2.

Run with /usr/bin/python3 from the repository root.
"""
import collections
import os
import re
import sys

from nltk.tokenize.destructive import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "embed", "punkt")


def lines(name):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="\n") as f:
        return [l[:-1] if l.endswith("\n") else l for l in f]


params = PunktParameters()
params.abbrev_types = set(lines("abbrev_types.txt"))
params.sent_starters = set(lines("sentence_starters.txt"))
params.collocations = {tuple(l.split("\t")) for l in lines("collocations.tab")}
params.ortho_context = collections.defaultdict(
    int, {a: int(b) for a, b in (l.split("\t") for l in lines("ortho_context.tab"))})
PUNKT = PunktSentenceTokenizer(params)
WT38 = NLTKWordTokenizer()


class WT392(NLTKWordTokenizer):
    ENDING_QUOTES = (NLTKWordTokenizer.ENDING_QUOTES[:3] + [(re.compile(r"\s+"), " ")] +
                     NLTKWordTokenizer.ENDING_QUOTES[3:])


WT392 = WT392()

CASES = [
    ("empty", ""),
    ("blank", " \n\t "),
    ("nbsp_only", "\u00a0"),
    ("zwsp_only", "\u200b"),
    ("plain", "This is one. This is two! Is this three? Yes."),
    ("no_space_after_bang", "Yes!Four and five."),
    ("lowercase_after_period", "It ended. and then it went on."),
    ("abbrev_dr", "Dr. Smith arrived. He was late."),
    ("abbrev_mr_mrs", "Mr. and Mrs. Jones went to Washington."),
    ("abbrev_us", "The U.S. economy grew. Markets rallied."),
    ("abbrev_us_end", "He moved to the U.S. The weather was better."),
    ("abbrev_eg", "Use a tool, e.g. a hammer. Then rest."),
    ("abbrev_eg_end", "Bring fruit e.g."),
    ("abbrev_ie", "One option, i.e. the cheap one, won."),
    ("abbrev_etc", "Apples, pears, etc. are fruit. Carrots are not."),
    ("abbrev_hyphen", "It was pre-Jan. and cold. Snow fell."),
    ("abbrev_vs", "It was Ali vs. Frazier. Ali won."),
    ("initials", "J. R. R. Tolkien wrote books. He died in 1973."),
    ("initial_known", "Johann S. Bach wrote music."),
    ("ellipsis", "Wait... What happened? I don't know..."),
    ("ellipsis_spaced", "Wait . . . what? Then . . . Nothing."),
    ("ellipsis_unicode", "Wait\u2026 What happened?"),
    ("numbers_dots", "Pi is 3.14 and e is 2.71. Both are irrational."),
    ("numbered_list", "1. First item 2. Second item 3. Third item"),
    ("version", "Use version 2.0.1. It is stable."),
    ("money", "It costs $3.88 (roughly 3,36 euros). Buy two."),
    ("quote_after_period", "He said \"Stop.\" Then he left."),
    ("quote_single_after_period", "She wrote 'Done.' and slept."),
    ("bracket_after_period", "(This is inside.) This is outside."),
    ("nested_closers", "\"('(And (this)) '?)\" [(and this. )] Next."),
    ("realign_dashes", "He shouted \"No!\"--and left. Gone."),
    ("line_breaks_no_punct", "line one\nline two\nline three"),
    ("paragraphs", "First paragraph.\n\nSecond paragraph.\n\n\nThird."),
    ("bullets_dash", "- item one\n- item two\n- item three"),
    ("bullets_star", "* First point.\n* Second point.\n* Third point."),
    ("markdown_bold", "**BOLD** text. *Italic* text."),
    ("headings", "# Title\n\n## Section 1\nSome text here. More text."),
    ("crlf", "One.\r\nTwo.\r\nThree."),
    ("tabs", "One.\tTwo.\tThree."),
    ("nbsp_after_period", "One.\u00a0Two. Three."),
    ("non_latin_hindi", "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e\u0964 Hello there."),
    ("non_latin_cjk", "\u65e5\u672c\u8a9e\u306e\u6587\u3002\u6b21\u306e\u6587\u3002 End."),
    ("non_latin_greek", "\u039f \u0394\u03a1. \u03a3\u039c\u0399\u0398 \u03ae\u03c1\u03b8\u03b5. \u0391\u03a3."),
    ("non_latin_cyrillic", "\u041f\u0440\u0438\u0432\u0435\u0442. \u041a\u0430\u043a \u0434\u0435\u043b\u0430? \u0425\u043e\u0440\u043e\u0448\u043e!"),
    ("kelvin_abbrev", "A \u212a. test. Next one."),
    ("dotted_i", "\u0130stanbul is big. It is old."),
    ("contractions", "I can't, won't, don't. They're here; we'll see. It's NASA'S."),
    ("contractions_more", "Cannot gimme gonna gotta lemme wanna go. More'n d'ye 'tis 'Twas."),
    ("contraction_newline", "I don't\nknow. It's\tfine. We'll\u00a0see."),
    ("contraction_eol", "Really? I can't"),
    ("quotes_double", "\"Hello,\" she said. \"Bye.\""),
    ("quotes_curly", "\u201cHello,\u201d she said. \u2018Yes,\u2019 he said. \u00abOui\u00bb."),
    ("quotes_backtick", "``Old style'' quotes and `single'."),
    ("apostrophe_start", "'Hello' he said 'x' y."),
    ("parens_brackets", "f(x) = [a, b] {c} <d>."),
    ("symbols", "Email a@b.com; pay 50% & tip #1 at $5!"),
    ("dashes", "Wait -- no --- yes - maybe\u2014fine."),
    ("commas_digits", "1,000,000 people, 2:30 pm: late,"),
    ("colon_end", "The list:"),
    ("capitals", "I think A and B are OK, but COVID-19 and R2-D2 are NOT. USA! U.S.A. is big."),
    ("upper_final_sigma", "\u039f\u0394\u039f\u03a3 \u0394\u03a1\u039f\u039c\u039f\u03a3."),
    ("titlecase", "\u01c5ungla and \u01c4UNGLA."),
    ("url", "See https://example.com/a.b?c=d. Then go."),
    ("mixed_endings", "Really?! No way!! Yes...! Okay."),
    ("only_punct", "...!!!???"),
    ("trailing_spaces", "Hello world.   "),
    ("number_period_lower", "In 1999. the year ended."),
    ("question_quote", "Is it \"true?\" he asked."),
    ("long_word", "a" * 300 + ". " + "B" * 70 + "."),
]


def c_str(s):
    out = ['"']
    for b in s.encode("utf-8"):
        if b == 0x22:
            out.append('\\"')
        elif b == 0x5C:
            out.append("\\\\")
        elif 0x20 <= b < 0x7F and b != 0x3F:  # "?" escaped: no trigraphs
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def main():
    out = [
        "/* generated by tools/gen_tokenizer_cases.py with NLTK 3.8 (python3-nltk); do not edit */",
        "/* fields joined by \\036 (RS): sentences, tokens (3.8), tokens (3.9.2) */",
        "typedef struct tok_case {",
        "    const char *name;",
        "    const char *text;",
        "    size_t nsents, ntoks38, ntoks392;",
        "    const char *sents, *toks38, *toks392;",
        "} tok_case;",
        "static const tok_case tok_cases[] = {",
    ]
    for name, text in CASES:
        sents = PUNKT.tokenize(text)
        t38 = [t for s in sents for t in WT38.tokenize(s)]
        t392 = [t for s in sents for t in WT392.tokenize(s)]
        out.append("    {%s, %s, %d, %d, %d,\n     %s,\n     %s,\n     %s}," % (
            c_str(name), c_str(text), len(sents), len(t38), len(t392),
            c_str("\x1e".join(sents)), c_str("\x1e".join(t38)), c_str("\x1e".join(t392))))
    out.append("};")
    path = os.path.join(ROOT, "tests", "unit", "data", "tokenizer_cases.h")
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", path, len(CASES), "cases", file=sys.stderr)


if __name__ == "__main__":
    main()
