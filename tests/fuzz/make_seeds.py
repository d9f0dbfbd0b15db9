#!/usr/bin/env python3
"""Write the seed corpora of tests/fuzz/ (run from anywhere; output is committed).

Every seed is written by us: spec shapes in all accepted formats, responses with
the features the checkers look at (lists, sections, highlights, fences, titles,
postscripts, placeholders, quotes, case, other scripts, odd Unicode, invalid
UTF-8), and JSON samples for the json_format checker.
"""
import hashlib
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def spec_seeds():
    with open(os.path.join(HERE, "specs.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    for r in rows:
        write("spec", json.dumps(r))
    gt = [{"instruction_id": ["punctuation:no_comma", "length_constraints:number_words"],
           "kwargs": [None, {"num_words": 5.0, "relation": "less than"}]}]
    write("spec", json.dumps(gt))                                   # open-instruct list
    write("spec", json.dumps(json.dumps(gt)))                       # ... as a JSON string
    write("spec", json.dumps(repr(gt)))                             # ... as a Python literal
    write("spec", json.dumps({"ground_truth": repr(gt), "dataset": "ifeval"}))
    write("spec", json.dumps({"ground_truth": json.dumps(gt)}))
    write("spec", json.dumps({"func_name": "validate_lowercase"}))
    write("spec", json.dumps({"func_name": "verify_paragraph_count", "N": 3}))
    write("spec", json.dumps({"func_name": "validate_choice", "options": ["A", "B"],
                              "N": None, "end_phrase": None}))
    write("spec", json.dumps({"ground_truth": json.dumps({"func_name": "validate_title"})}))
    write("spec", json.dumps({"instruction_id_list": ["copy:copy"],
                              "kwargs": [{"prompt_to_repeat": "Say it twice."}],
                              "suite": "iftrain"}))
    write("spec", json.dumps({"instruction_id_list": ["count:conjunctions"],
                              "kwargs": [{"small_n": 3, "N": None}], "suite": "ifbench"}))
    write("spec", '{"instruction_id_list": ["punctuation:no_comma"], "kwargs": [null], '
                  '"key": 7, "prompt": "x"}')
    # errors: JSON syntax, shape, unknown ids, kwargs types and ranges, limits
    for s in ['', '{', '[', 'null', '"', '{"instruction_id_list": }', '{"a":1}', '[]', '{}',
              '{"instruction_id_list": ["punctuation:no_comma"]}',
              '{"instruction_id_list": ["nope:nope"], "kwargs": [{}]}',
              '{"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}, {}]}',
              '{"instruction_id_list": [1], "kwargs": [{}]}',
              '{"instruction_id_list": ["length_constraints:number_words"], '
              '"kwargs": [{"num_words": "ten", "relation": "at least"}]}',
              '{"instruction_id_list": ["length_constraints:number_words"], '
              '"kwargs": [{"num_words": 1e400, "relation": "more"}]}',
              '{"instruction_id_list": ["length_constraints:number_words"], '
              '"kwargs": [{"num_words": -5, "relation": "at least"}]}',
              '{"instruction_id_list": ["length_constraints:number_words"], '
              '"kwargs": [{"num_words": 5.5, "relation": "at least"}]}',
              '{"instruction_id_list": ["keywords:existence"], "kwargs": [{"keywords": []}]}',
              '{"instruction_id_list": ["keywords:forbidden_words"], '
              '"kwargs": [{"forbidden_words": ["(unclosed"]}]}',
              '{"instruction_id_list": ["keywords:frequency"], '
              '"kwargs": [{"keyword": "(a+)+$", "frequency": 1, "relation": "at least"}]}',
              '{"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}], '
              '"suite": "nonesuch"}',
              '{"instruction_id_list":["punctuation:no_comma"],"kwargs":[{"x":{"y":[[[[[1]]]]]}}]}',
              '{"instruction_id_list": ["punctuation:\\u0000no_comma"], "kwargs": [{}]}',
              '{"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}  trailing',
              '\ufeff{"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}',
              '"[{\'instruction_id\': [\'punctuation:no_comma\'], \'kwargs\': [{\'a\': (1, 2)}]}]"',
              '"[{\'instruction_id\': [\'punctuation:no_comma\'], \'kwargs\': [None, True, 1e5]}]"',
              ]:
        write("spec", s)
    write("spec", "[" * 100 + "]" * 100)
    write("spec", json.dumps({"instruction_id_list": ["punctuation:no_comma"] * 300,
                              "kwargs": [{}] * 300}))


def score_seeds():
    texts = [
        "",
        " ",
        "\n\n\n",
        "Hello world.",
        "hello, world",
        "ALL CAPS RESPONSE HERE.",
        "all lowercase response here.",
        "\"Quoted whole answer.\"",
        "<<A Title>>\nBody text.",
        "* one\n* two\n- three\n",
        "1. first\n2. second\n",
        "*highlight one* and **bold** and *two*",
        "Section 1\nfirst\nSection 2\nsecond",
        "SECTION 1\nx\nSECTION 2\ny\nSECTION 3\nz",
        "First paragraph.\n\nSecond paragraph.\n\nThird.",
        "First paragraph.\n***\nsecond paragraph here.\n***\nThird.",
        "Answer [name] at [address].",
        "Main text.\nP.S. a note\nP.P.S another",
        "Response one.\n******\nResponse two.",
        "My answer is yes.",
        "My answer is maybe.",
        "Repeat this sentence first. Then more.",
        "The end. Is there anything else I can help with?",
        "```json\n{\"key\": [1, 2, {\"a\": null}]}\n```",
        "{\"a\": 1,}",
        "The the the the the the the the the the the the.",
        "Ein deutscher Satz, der ziemlich eindeutig deutsch ist.",
        "这是一个中文句子。另一个句子！",
        "Это русское предложение.",
        "Mr. Smith went to Washington. He arrived at 5 p.m. It rained.",
        "zero\u200bwidth\u200bspace and\u00a0nbsp\ufeffbom",
        "line one\r\nline two\r\n\r\nline three\r",
        "tab\tseparated\x0bvertical\x0cform\x1cfile\x85next",
        "combining e\u0301 and \U0001F600 emoji and \u0130 dotted I",
        "*" * 50,
        "a" * 3000,
        ("word " * 500).strip(),
        ". " * 300,
    ]
    raw = [b"invalid \xff\xfe utf-8 \xc3\x28 and \xed\xa0\x80 surrogate",
           b"embedded \x00 NUL \x00 bytes", b"\xf0\x9f\x98", b"\x80\x80\x80"]
    seeds = [t.encode("utf-8") for t in texts] + raw
    for i, t in enumerate(seeds):
        # two selector bytes: spec index and semantics; spread over the spec list
        for k in range(2):
            pick = (i * 37 + k * 1201) & 0xFFFF
            write("score", struct.pack("<H", pick) + t)


def json_seeds():
    for s in ['{}', '[]', '0', '-0', '1.5e10', '"str"', 'true', 'null',
              '{"a": [1, 2, {"b": null}], "c": "\\u00e9\\ud83d\\ude00"}',
              ' \n {"padded": true} \n ', '[1, 2', '{"a" 1}', "{'single': 1}", 'NaN',
              'Infinity', '[1e999]', '"\\ud800"', '{"a":1}{"b":2}', '01', '[.5]',
              '"\\u0000"', '"tab\there"', '[' * 50 + ']' * 50, '[' * 1500 + ']' * 1500,
              '```json\n{"fenced": 1}\n```', '```\n[1]\n```', '```JSON\n{}```',
              '\u00a0{"nbsp": 1}\u00a0', '{"dup": 1, "dup": 2}', '1' * 5000,
              '{"deep": ' * 30 + '0' + '}' * 30, '\ufeff{}', '// comment\n{}']:
        write("json", s)
    write("json", b'{"bad": "\xff"}')


if __name__ == "__main__":
    spec_seeds()
    score_seeds()
    json_seeds()
