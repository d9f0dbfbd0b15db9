"""Response mutations for tools/diffsuites.py: threshold-adjacent edits, whitespace and
line-ending variants, invisible characters, case, punctuation, scripts, markdown, and
seeded token-level fuzz. Each maps a response to a new one (deterministic)."""
import re
import unicodedata
import zlib

def _lines(f):
    def g(t):
        ls = t.split("\n")
        return "\n".join(f(ls))
    return g

def _sent_split(t):
    return re.split(r"(?<=[.!?])\s+", t)

MUTS = {
    "id": lambda t: t,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "pad": lambda t: "  " + t + "\n",
    "trail_sp": lambda t: t + " ",
    "trail_nl": lambda t: t + "\n",
    "trail_2nl": lambda t: t + "\n\n",
    "trail_tab": lambda t: t + "\t",
    "lead_nl": lambda t: "\n" + t,
    "lead_sp": lambda t: " " + t,
    "drop_last": lambda t: t[:-1],
    "drop_first": lambda t: t[1:],
    "dup_last": lambda t: t + t[-1:] if t else t,
    "nbsp_all": lambda t: t.replace(" ", "\u00a0"),
    "nbsp_one": lambda t: t.replace(" ", "\u00a0", 1),
    "zwsp_end": lambda t: t + "\u200b",
    "zwsp_sp": lambda t: t.replace(" ", " \u200b"),
    "bom": lambda t: "\ufeff" + t,
    "nbsp_end": lambda t: t + "\u00a0",
    "upper": lambda t: t.upper(),
    "lower": lambda t: t.lower(),
    "swap": lambda t: t.swapcase(),
    "title": lambda t: t.title(),
    "cap1": lambda t: t[:1].upper() + t[1:],
    "add_period": lambda t: t + ".",
    "add_excl": lambda t: t + "!",
    "drop_punct": lambda t: t.rstrip(".!?,;:"),
    "dot2excl": lambda t: t.replace(".", "!"),
    "dot2q": lambda t: t.replace(".", "?"),
    "dot2ell": lambda t: t.replace(".", "\u2026"),
    "dot3": lambda t: t.replace(".", "..."),
    "curly": lambda t: t.replace('"', "\u201c"),
    "apos": lambda t: t.replace("'", "\u2019"),
    "comma_fw": lambda t: t.replace(",", "\uff0c"),
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "nfkc": lambda t: unicodedata.normalize("NFKC", t),
    "app_eacute": lambda t: t + " caf\u00e9",
    "app_sz": lambda t: t + " Stra\u00dfe",
    "app_idot": lambda t: t + " \u0130stanbul",
    "app_cyr": lambda t: t + " \u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440.",
    "app_cjk": lambda t: t + "\u4f60\u597d\u3002",
    "app_emoji": lambda t: t + " \U0001F600",
    "app_emoji2": lambda t: t + "\u2764\ufe0f",
    "fullwidth": lambda t: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in t[:40]) + t[40:],
    "empty": lambda t: "",
    "blank": lambda t: "   ",
    "nl_only": lambda t: "\n",
    "drop_first_line": _lines(lambda l: l[1:]),
    "drop_last_line": _lines(lambda l: l[:-1]),
    "dup_first_line": _lines(lambda l: l[:1] + l),
    "dup_last_line": _lines(lambda l: l + l[-1:]),
    "rev_lines": _lines(lambda l: l[::-1]),
    "drop_last_sent": lambda t: " ".join(_sent_split(t)[:-1]),
    "dup_last_sent": lambda t: t + " " + _sent_split(t)[-1],
    "drop_first_sent": lambda t: " ".join(_sent_split(t)[1:]),
    "bold": lambda t: "**" + t + "**",
    "bullets": _lines(lambda l: ["* " + x for x in l]),
    "dash_bullets": _lines(lambda l: ["- " + x for x in l]),
    "fence": lambda t: "```\n" + t + "\n```",
    "json_fence": lambda t: "```json\n" + t + "\n```",
    "heading": lambda t: "# Title\n" + t,
    "space_join": lambda t: t.replace("\n", " "),
    "nl_join": lambda t: t.replace(" ", "\n"),
    "pp_single": lambda t: t.replace("\n\n", "\n"),
    "pp_double": lambda t: t.replace("\n", "\n\n"),
    "pp_triple": lambda t: t.replace("\n\n", "\n\n\n"),
    "pp_spaced": lambda t: t.replace("\n\n", "\n \n"),
    "quote": lambda t: '"' + t + '"',
    "squote": lambda t: "'" + t + "'",
    "preamble": lambda t: "Sure, here it is:\n" + t,
    "postamble": lambda t: t + "\nLet me know if you need anything else.",
    "rep_first_word": lambda t: (t.split()[0] + " " + t) if t.split() else t,
    "drop_last_word": lambda t: t.rsplit(None, 1)[0] if len(t.split()) > 1 else "",
    "dup_last_word": lambda t: t + " " + t.split()[-1] if t.split() else t,
    "drop_first_word": lambda t: t.split(None, 1)[1] if len(t.split()) > 1 else "",
    "tab_indent": _lines(lambda l: ["\t" + x for x in l]),
    "sp_indent": _lines(lambda l: ["  " + x for x in l]),
    "double": lambda t: t + "\n" + t,
    "dbl_space": lambda t: t.replace(" ", "  "),
    "tabs": lambda t: t.replace(" ", "\t"),
    "think": lambda t: "<think>x</think>" + t,
    "think_nl": lambda t: "<think>\nplan\n</think>\n\n" + t + "\n",
    "answer": lambda t: "<answer>" + t + "</answer>",
    "asst": lambda t: "<|assistant|>" + t,
    "stars_div": lambda t: t.replace("\n\n", "\n***\n"),
    "stars_div2": lambda t: t.replace("\n\n", "\n* * *\n"),
    "stars_div3": lambda t: t.replace("***", "* * *"),
    "stars_div4": lambda t: t.replace("* * *", "***"),
    "six": lambda t: t.replace("******", "*******"),
    "hyphen_sp": lambda t: t.replace("-", " - "),
    "no_hyphen": lambda t: t.replace("-", " "),
    "u2028": lambda t: t.replace("\n", "\u2028"),
    "vt": lambda t: t.replace("\n", "\x0b"),
    "x85": lambda t: t.replace("\n", "\x85"),
    "ideosp": lambda t: t.replace(" ", "\u3000"),
    "digits_ar": lambda t: re.sub(r"[0-9]", lambda m: chr(0x660 + int(m.group())), t),
    "fffd": lambda t: t + "\ufffd",
    "combining": lambda t: t.replace("e", "e\u0301", 1),
    "soft_hyphen": lambda t: t.replace(" ", "\u00ad ", 1),
    "ctrl1c": lambda t: t.replace(" ", "\x1c", 1),
}

import random as _random
TRICKY = ["\u00a0", "\u200b", "\ufeff", "\r\n", "\r", "\n\n", "\t", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "\u3000",
          "e\u0301", "\u0130", "\u00df", "\u2126", "\u212a", "\u01c5", "\uff21", "\u0660", "\u00b2", "_", "-", "--", "...", "\u2026",
          "!", "?", "?!", ".", ".\"", "'", "\u2019", "\u201c", "\u201d", "*", "**", "***", "* * *", "******", "[", "]", "[]", "<<", ">>",
          "(", ")", "{", "}", "P.S.", "Mr.", "e.g.", "U.S.", "A.", "Dr.", "3.14", "www.x.com", "#", ",", "\uff0c", ";", ":", "\U0001F600", "\u2764\ufe0f",
          "I", "a", "The", "THE", "the", "And", "but", "\u00c9COLE", "caf\u00e9", "\u4f60\u597d", "\u3053\u3093\u306b\u3061\u306f", "\u0645\u0631\u062d\u0628\u0627",
          "Section", "SECTION 1", "Question 1.", "A)", "b.", "<i>", "</i>", "<em>", "</em>", "\"", "''", "``", "don't", "isn't", "'s", "can't", "n't"]

def _fuzz(k):
    def f(t):
        rng = _random.Random(zlib.crc32(("%d|" % k + t).encode("utf-8", "surrogatepass")))
        toks = re.split(r"(\s+)", t)
        out = []
        for tok in toks:
            r = rng.random()
            if r < 0.04:
                out.append(rng.choice(TRICKY))
            elif r < 0.06:
                continue
            out.append(tok)
            if rng.random() < 0.03:
                out.append(rng.choice(TRICKY))
        return "".join(out)
    return f
for _k in range(6):
    MUTS["fuzz%d" % _k] = _fuzz(_k)

SEPS = [" ", " ", " ", "\n", "\n\n", "  ", "\t", "\u00a0", "\r\n", ""]
def _synth(k):
    def f(t):
        rng = _random.Random(zlib.crc32(("s%d|" % k + t).encode("utf-8", "surrogatepass")))
        words = t.split() or ["x"]
        n = rng.randint(1, 40)
        out = []
        for _ in range(n):
            out.append(rng.choice(TRICKY) if rng.random() < 0.35 else rng.choice(words))
            out.append(rng.choice(SEPS))
        return "".join(out)
    return f
for _k in range(4):
    MUTS["synth%d" % _k] = _synth(_k)
