"""Python model of the IFEval reference decisions for the checkers in
keywords, length_constraints (minus number_sentences), detectable_content,
detectable_format, combination, startend and punctuation.

This restates the decision rules of google-research's
instruction_following_eval/instructions.py (see
shared/references/ifeval-reference.md) in a few lines each, so tests can
compute expected verdicts with the reference runtime (/usr/bin/python3).
`check(id, kwargs, response)` returns the check_following() verdict;
`strict(...)` adds IFEval's blank-response gate.
"""
import collections
import json
import re


def _words(text):
    return len(re.findall(r"\w+", text))


def _rel(relation, value, threshold):
    if relation == "less than":
        return value < threshold
    if relation == "at least":
        return value >= threshold
    raise ValueError(relation)


def existence(kw, v):
    return all(re.search(k, v, flags=re.IGNORECASE) for k in sorted(kw["keywords"]))


def frequency(kw, v):
    n = len(re.findall(kw["keyword"].strip(), v, flags=re.IGNORECASE))
    return _rel(kw["relation"], n, kw["frequency"])


def forbidden_words(kw, v):
    for w in sorted(set(kw["forbidden_words"])):
        if re.search(r"\b" + w + r"\b", v, flags=re.IGNORECASE):
            return False
    return True


def letter_frequency(kw, v):
    letter = kw["letter"].strip().lower()
    return _rel(kw["let_relation"], collections.Counter(v.lower())[letter], kw["let_frequency"])


def number_words(kw, v):
    return _rel(kw["relation"], _words(v), kw["num_words"])


def number_paragraphs(kw, v):
    paragraphs = re.split(r"\s?\*\*\*\s?", v)
    n = len(paragraphs)
    for i, p in enumerate(paragraphs):
        if not p.strip():
            if i == 0 or i == len(paragraphs) - 1:
                n -= 1
            else:
                return False
    return n == kw["num_paragraphs"]


def nth_paragraph_first_word(kw, v):
    paragraphs = re.split(r"\n\n", v)
    n = len(paragraphs)
    for p in paragraphs:
        if not p.strip():
            n -= 1
    nth = kw["nth_paragraph"]
    if nth <= n:
        p = paragraphs[nth - 1].strip()
        if not p:
            return False
    else:
        return False
    word = p.split()[0].strip().lstrip("'").lstrip('"')
    first = ""
    for ch in word:
        if ch in {".", ",", "?", "!", "'", '"'}:
            break
        first += ch.lower()
    return n == kw["num_paragraphs"] and first == kw["first_word"].lower()


def number_placeholders(kw, v):
    return len(re.findall(r"\[.*?\]", v)) >= kw["num_placeholders"]


def postscript(kw, v):
    marker = kw["postscript_marker"].strip()
    v = v.lower()
    if marker == "P.P.S":
        pat = r"\s*p\.\s?p\.\s?s.*$"
    elif marker == "P.S.":
        pat = r"\s*p\.\s?s\..*$"
    else:
        pat = r"\s*" + marker.lower() + r".*$"
    return bool(re.findall(pat, v, flags=re.MULTILINE))


def number_bullet_lists(kw, v):
    a = re.findall(r"^\s*\*[^\*].*$", v, flags=re.MULTILINE)
    b = re.findall(r"^\s*-.*$", v, flags=re.MULTILINE)
    return len(a) + len(b) == kw["num_bullets"]


def constrained_response(kw, v):
    v = v.strip()
    return any(o in v for o in ("My answer is yes.", "My answer is no.", "My answer is maybe."))


def number_highlighted_sections(kw, v):
    n = 0
    for h in re.findall(r"\*[^\n\*]*\*", v):
        if h.strip("*").strip():
            n += 1
    for h in re.findall(r"\*\*[^\n\*]*\*\*", v):
        if h.removeprefix("**").removesuffix("**").strip():
            n += 1
    return n >= kw["num_highlights"]


def multiple_sections(kw, v):
    pat = r"\s?" + kw["section_spliter"].strip() + r"\s?\d+\s?"
    return len(re.split(pat, v)) - 1 >= kw["num_sections"]


def json_format(kw, v):
    v = (v.strip().removeprefix("```json").removeprefix("```Json").removeprefix("```JSON")
         .removeprefix("```").removesuffix("```").strip())
    try:
        json.loads(v)
    except ValueError:
        return False
    return True


def title(kw, v):
    for t in re.findall(r"<<[^\n]+>>", v):
        if t.lstrip("<").rstrip(">").strip():
            return True
    return False


def two_responses(kw, v):
    valid = []
    parts = v.split("******")
    for i, r in enumerate(parts):
        if not r.strip():
            if i != 0 and i != len(parts) - 1:
                return False
        else:
            valid.append(r)
    return len(valid) == 2 and valid[0].strip() != valid[1].strip()


def repeat_prompt(kw, v):
    return v.strip().lower().startswith(kw["prompt_to_repeat"].strip().lower())


def end_checker(kw, v):
    return v.strip().strip('"').lower().endswith(kw["end_phrase"].strip().lower())


def quotation(kw, v):
    v = v.strip()
    return len(v) > 1 and v[0] == '"' and v[-1] == '"'


def no_comma(kw, v):
    return not re.search(r"\,", v)


CHECKERS = {
    "keywords:existence": existence,
    "keywords:frequency": frequency,
    "keywords:forbidden_words": forbidden_words,
    "keywords:letter_frequency": letter_frequency,
    "length_constraints:number_words": number_words,
    "length_constraints:number_paragraphs": number_paragraphs,
    "length_constraints:nth_paragraph_first_word": nth_paragraph_first_word,
    "detectable_content:number_placeholders": number_placeholders,
    "detectable_content:postscript": postscript,
    "detectable_format:number_bullet_lists": number_bullet_lists,
    "detectable_format:constrained_response": constrained_response,
    "detectable_format:number_highlighted_sections": number_highlighted_sections,
    "detectable_format:multiple_sections": multiple_sections,
    "detectable_format:json_format": json_format,
    "detectable_format:title": title,
    "combination:two_responses": two_responses,
    "combination:repeat_prompt": repeat_prompt,
    "startend:end_checker": end_checker,
    "startend:quotation": quotation,
    "punctuation:no_comma": no_comma,
}


def check(iid, kwargs, response):
    return bool(CHECKERS[iid](kwargs or {}, response))


def strict(iid, kwargs, response):
    """IFEval strict verdict: a blank response fails everything."""
    return bool(response.strip()) and check(iid, kwargs, response)
