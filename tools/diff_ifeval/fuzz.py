#!/usr/bin/env python3
"""Random token-soup responses for every IFEval prompt (our own generator)."""
import json, random, sys
import os
CONF = os.environ.get('IFR_CONFORMANCE_DIR', '/work/shared/conformance')
INP = CONF + '/ifeval/input_data.jsonl'
RESP = CONF + '/ifeval/input_response_data_gpt4_20231107_145030.jsonl'
rng = random.Random(int(sys.argv[1]))
PER = int(sys.argv[2])
rows = [json.loads(l) for l in open(INP)]
p2r = {}
for l in open(RESP):
    d = json.loads(l); p2r[d['prompt']] = d['response']
allresp = list(p2r.values())
TOK = ("the a I A Mr. Mrs. Dr. e.g. i.e. U.S. U.S.A. etc. vs. No. St. Jan. p.m. a.m. 1. 2. 10. 3.5 1,000 ... . . . ! ? ?! !! ; : , - -- — – "
       "' \" `` '' ( ) [ ] { } < > << >> * ** *** ****** _ __ # ## ### / \\ | & % $ @ + = ~ ^ "
       "don't can't won't it's NASA'S O'Neil rock'n'roll cannot gonna wanna 'tis "
       "Hello WORLD Title CAPS OK USA COVID-19 R2-D2 x86_64 iPhone McDonald café naïve straße ß ΣΟΦΟΣ σοφός ς İ ı ǅ ǆ Ǆ K ﬁ "
       "नमस्ते हिन्दी 東京 中文 日本語 한국어 مرحبا العربية ไทย தமிழ் 😀 👩‍💻 ❤️ 👍🏽 ١٢٣ ١ ² ½ ① ０ １２ Ｆｕｌｌ ，。！？ 「」 『』 《》 « » “ ” ‘ ’ "
       "P.S. P.P.S Section SECTION PARAGRAPH Day Audience My answer is yes. no. maybe. json ```json ``` "
       "\u00a0 \u200b \ufeff \u2028 \u2029 \x1c \x1d \x1e \x1f \u0085 \u3000 \u2009 \u202f \u0301 \u0308 \u200d \ufe0f \t \r \x0b \x0c").split(" ")
TOK += ["\n", "\n", "\n\n", "\r\n", " ", " ", " ", "  ", "\n* ", "\n- ", "\n1. ", "\n\n***\n\n", "\n***\n", " *** ", "\n\n******\n\n"]
def soup(n):
    out = []
    for _ in range(n):
        t = rng.choice(TOK)
        out.append(t)
        r = rng.random()
        if r < 0.55: out.append(" ")
        elif r < 0.6: out.append("\n")
    return "".join(out)
def splice(base):
    if not base: return soup(20)
    i = rng.randint(0, len(base)); j = min(len(base), i + rng.randint(0, 60))
    return base[:i] + soup(rng.randint(1, 8)) + base[j:]
outrows = []
for row in rows:
    base = p2r.get(row["prompt"], "")
    kwvals = []
    for kw in row["kwargs"]:
        for v in kw.values():
            if isinstance(v, str): kwvals.append(v)
            elif isinstance(v, list): kwvals.extend(v)
    seen = set()
    for k in range(PER):
        m = rng.randint(0, 5)
        if m <= 1: c = soup(rng.randint(1, 80))
        elif m == 2: c = splice(base)
        elif m == 3: c = splice(splice(rng.choice(allresp)[:600]))
        else:
            parts = [soup(rng.randint(1, 15)) for _ in range(rng.randint(1, 5))]
            for v in kwvals:
                if rng.random() < 0.7:
                    vv = rng.choice([v, v.upper(), v.lower(), v.capitalize(), v + "s", v.replace(" ", "\u00a0"), "\"" + v + "\"", v + ".", v[:-1] if len(v) > 1 else v])
                    parts.insert(rng.randint(0, len(parts)), vv)
            c = rng.choice([" ", "\n", "\n\n", ""]).join(parts)
        if c in seen: continue
        seen.add(c)
        outrows.append({"key": row["key"], "prompt": row["prompt"], "instruction_id_list": row["instruction_id_list"],
                        "kwargs": row["kwargs"], "response": c})
for r in outrows: print(json.dumps(r, ensure_ascii=False))
