#!/usr/bin/env python3
"""Generate differential test rows for IFEval (our own generator)."""
import json, random, sys
import os
CONF = os.environ.get('IFR_CONFORMANCE_DIR', '/work/shared/conformance')
INP = CONF + '/ifeval/input_data.jsonl'
RESP = CONF + '/ifeval/input_response_data_gpt4_20231107_145030.jsonl'
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
PER = int(sys.argv[2]) if len(sys.argv) > 2 else 44
rows = [json.loads(l) for l in open(INP)]
p2r = {}
for l in open(RESP):
    d = json.loads(l); p2r[d['prompt']] = d['response']
allresp = list(p2r.values())

WORDS = ("the cat sat on mat quick brown fox jumps over lazy dog river stone light paper garden "
         "music water city history science robot ocean summer winter apple yellow simple").split()
UWORDS = ["café", "naïve", "straße", "ΣΟΦΟΣ", "σοφός", "İstanbul", "ıslak", "नमस्ते", "दुनिया", "東京", "中文字",
          "مرحبا", "😀", "👩‍💻", "❤️", "e\u0301cole", "don't", "e-mail", "3.14", "１２３", "Ｆｕｌｌ", "K\u212Aelvin",
          "ﬁne", "ǅemal", "x_y", "²", "٣٤", "COVID-19", "U.S.", "NASA'S", "I", "A", "Mr.", "e.g.", "**bold**", "*it*",
          "`code`", "ß", "ΑΘΗΝΑ", "ὈΔΥΣΣΕΎΣ"]
STRESS = ["\u00a0", "\u200b", "\ufeff", "\u2028", "\u2029", "\x1c", "\x1d", "\x1e", "\x1f", "\r\n", "\t", "\u3000",
          "\u0085", "\u2003", "\u0301", "\u200d", "\ufe0f", "\x0b", "\x0c", "\r", " \n", "\n\n", "\u202f", "\u180e"]
SEPS = [" ", " ", " ", "  ", "\n", "\u00a0", "\t", "\u200b", "\u3000", " \u0301", "\u2028", "-", "'", "_", ".", ",", "\u2009"]

def words(n, pool=WORDS, seps=None):
    out = []
    for i in range(n):
        w = rng.choice(pool) if rng.random() > 0.1 else rng.choice(UWORDS)
        out.append(w)
        if i < n - 1:
            out.append(rng.choice(seps) if seps and rng.random() < 0.3 else " ")
    return "".join(out)

def plain_words(n):
    return " ".join(rng.choice(WORDS) for _ in range(n))

def sentence(k=None):
    k = k or rng.randint(3, 9)
    s = plain_words(k).capitalize()
    return s + rng.choice([".", ".", ".", "!", "?", "...", ".\"", "?!", ".)", "\u3002"])

def sentences(n, sep=None):
    parts = []
    for i in range(n):
        parts.append(sentence())
    joins = [" ", " ", "\n", "  ", "\u00a0", "\t"]
    return "".join(p + (rng.choice(joins) if sep is None else sep) for p in parts).rstrip()

def stress(text):
    if not text:
        return text
    k = rng.randint(1, 3)
    t = text
    for _ in range(k):
        op = rng.randint(0, 9)
        c = rng.choice(STRESS)
        if op == 0:
            t = c + t
        elif op == 1:
            t = t + c
        elif op == 2:
            i = rng.randint(0, len(t)); t = t[:i] + c + t[i:]
        elif op == 3:
            t = t.replace(" ", c, rng.randint(1, 5))
        elif op == 4:
            t = t.replace("\n", rng.choice(["\r\n", "\u2028", "\n\n", " \n", "\n "]))
        elif op == 5:
            t = rng.choice(["", " ", "\n", "  \n", "\u00a0", "\u200b", "\ufeff"]) + t + rng.choice(["", " ", "\n", "\u00a0 ", "\u200b", "\t"])
        elif op == 6:
            i = rng.randint(0, len(t)); t = t[:i] + rng.choice(UWORDS) + t[i:]
        elif op == 7:
            t = rng.choice(["```\n", "```json\n", "**", "*", "\"", "Sure, here it is:\n", "# Title\n", "<<T>>\n"]) + t
        elif op == 8:
            t = t + rng.choice(["\n```", "**", "*", "\"", "\nHope this helps!", ".", "\n\nP.S. bye", " ******"])
        else:
            t = rng.choice([t.upper(), t.lower(), t.replace("*", ""), t.strip(), t.swapcase()])
    return t

def mutate_base(base):
    if not base:
        return plain_words(5)
    op = rng.randint(0, 7)
    if op == 0:
        lines = base.split("\n"); k = rng.randint(0, len(lines)); return "\n".join(lines[:k])
    if op == 1:
        ws = base.split(" "); k = rng.randint(max(0, len(ws) - 5), len(ws)); return " ".join(ws[:k])
    if op == 2:
        lines = base.split("\n"); return "\n".join(lines[1:])
    if op == 3:
        return base + rng.choice(["\n\nP.S. Thanks!", "\n***\nMore.", " Extra sentence here.", "\n* one more bullet", ",", "\n"])
    if op == 4:
        return stress(base)
    if op == 5:
        return base.replace("\n", "\r\n")
    if op == 6:
        return base.replace(" ", "\u00a0")
    return rng.choice(allresp)[: rng.randint(0, 400)]

def gen_for(iid, kw, prompt):
    """Responses straddling this instruction's thresholds."""
    out = []
    N = None
    if iid == "length_constraints:number_words":
        N = kw["num_words"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            out.append(words(n))
            out.append(plain_words(n) + rng.choice(["", " ", ".", "\n", " \u200b", " \u00a0", " 🙂"]))
            out.append(words(n, seps=SEPS))
    elif iid == "length_constraints:number_sentences":
        N = kw["num_sentences"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            out.append(sentences(n))
            s = sentences(n)
            out.append(s.replace(". ", rng.choice([". ", ".\n", ".  ", ".\u00a0", ". \"", " Mr. Smith. ", "... ", ".) "]), 3))
        out.append(" ".join(f"{i}. Item {plain_words(2)}" for i in range(1, N + 2)))
        out.append("\n".join("* " + plain_words(3) for _ in range(N + 1)))
    elif iid == "length_constraints:number_paragraphs":
        N = kw["num_paragraphs"]
        for d in (-1, 0, 1):
            n = max(1, N + d)
            sep = rng.choice(["\n***\n", " *** ", "***", "\n\n***\n\n", "\r\n***\r\n", "\u00a0***\u00a0", "\n****\n", "\n* * *\n", "\t***\t", "\n***"])
            body = sep.join(sentences(rng.randint(1, 3)) for _ in range(n))
            out.append(body)
            out.append(rng.choice(["***\n", "", "\n***\n"]) + body + rng.choice(["\n***", "", "***", "\n*** "]))
        paras = [sentences(2) for _ in range(N)]
        out.append("\n***\n".join(paras[:1] + [" "] + paras[1:]))
        out.append("\n***\n".join(paras).replace("\n***\n", "\n\n***\n\n"))
        out.append("\n\n".join(paras))
        out.append("***" + "***".join(paras) + "***")
        out.append("\n***\n".join(p.replace(" ", " ***bold*** ", 1) for p in paras))
    elif iid == "length_constraints:nth_paragraph_first_word":
        N = kw["num_paragraphs"]; nth = kw["nth_paragraph"]; fw = kw["first_word"]
        for d in (-1, 0, 1):
            n = max(1, N + d)
            paras = [sentences(2) for _ in range(n)]
            if nth - 1 < n:
                deco = rng.choice(["{w}", "{W}", "\"{w}\"", "'{w}", "**{w}**", "{w}:", "{w},", "{w}-like", "{U}", "{w}.", " {w}", "\u00a0{w}", "{w}\u200b", "\"'{w}", "'\"{w}", "{w}!", "{w}?"])
                paras[nth - 1] = deco.format(w=fw, W=fw.capitalize(), U=fw.upper()) + " " + paras[nth - 1]
            sep = rng.choice(["\n\n", "\n\n", "\n\n\n", "\r\n\r\n", "\n \n", "\n\n\n\n", "\n\u00a0\n"])
            out.append(sep.join(paras))
            out.append(rng.choice(["", "\n\n", " "]) + "\n\n".join(paras) + rng.choice(["", "\n\n", "\n"]))
    elif iid == "detectable_content:number_placeholders":
        N = kw["num_placeholders"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            ph = [rng.choice(["[name]", "[address]", "[]", "[ ]", "[a](b)", "[[x]]", "[x\ny]", "[数字]", "［full］", "[\u200b]", "[ü]"]) for _ in range(n)]
            out.append(" ".join(plain_words(2) + " " + p for p in ph) + " end.")
            out.append(" ".join("[p%d]" % i for i in range(n)))
    elif iid == "detectable_content:postscript":
        m = kw["postscript_marker"]
        body = sentences(3)
        for v in [m, m.lower(), m.upper(), m.replace(".", ""), m.replace(".", ". "), m.replace(".", ".\u00a0"),
                  "P.S.", "P.P.S", "P.P.S.", "PS", "P. S.", "p.s", "P.S", "P.\nS.", "P.\u200bS.", "ᴾ.S.", "Ｐ.Ｓ."]:
            out.append(body + rng.choice(["\n\n", "\n", " ", "\r\n"]) + v + " " + plain_words(3))
        out.append("app.p.s " + body)
    elif iid == "detectable_format:number_bullet_lists":
        N = kw["num_bullets"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            bl = [rng.choice(["* ", "- ", "  * ", "\t- ", "*", "-", "\u00a0* ", "**bold** ", "*italic* x", "---", "-5 degrees", "• ", "1. ", "+ ", "\u2028* ", "*\t"]) + plain_words(3) for _ in range(n)]
            out.append(sentence() + "\n" + "\n".join(bl))
            out.append("\n".join("* " + plain_words(3) for _ in range(n)) + rng.choice(["", "\n", "\n\n---", "\n* "]))
            out.append("\r\n".join("- " + plain_words(2) for _ in range(n)))
    elif iid == "detectable_format:constrained_response":
        for v in ["My answer is yes.", "My answer is no.", "My answer is maybe.", "My answer is Yes.", "my answer is yes.",
                  "My answer is yes", "My\u00a0answer is no.", "My answer is no!", "My  answer is maybe.", "\"My answer is yes.\"",
                  "My answer is yes.\u200b", "**My answer is no.**", "My answer is maybe"]:
            out.append(rng.choice(["", sentence() + " ", "\n"]) + v + rng.choice(["", " " + sentence(), "\n"]))
    elif iid == "detectable_format:number_highlighted_sections":
        N = kw["num_highlights"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            hs = [rng.choice(["*{}*", "**{}**", "***{}***", "* *", "*{}\n*", "** **", "*\u00a0*", "*\u200b*", "_{}_", "*{}*"]).format(plain_words(2)) for _ in range(n)]
            out.append(" ".join(sentence() + " " + h for h in hs))
            out.append("\n".join("*%s*" % plain_words(2) for _ in range(n)))
    elif iid == "detectable_format:multiple_sections":
        N = kw["num_sections"]; sp = kw["section_spliter"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            fmt = rng.choice(["{s} {i}\n", "{s}{i}\n", "{s} {i}: ", "\n{s}  {i}\n", "{S} {i}\n", "{s} {ai}\n", "{s}\u00a0{i}\n", "{s} {fw}\n", "## {s} {i}\n", "{s}\t{i}"])
            ai = "٠١٢٣٤٥٦٧٨٩"; fwd = "０１２３４５６７８９"
            parts = [fmt.format(s=sp, S=sp.lower(), i=i, ai=ai[i % 10], fw=fwd[i % 10]) + sentences(2) for i in range(1, n + 1)]
            out.append("\n".join(parts))
            out.append(sentence() + "\n" + "\n\n".join("%s %d\n%s" % (sp, i, sentence()) for i in range(1, n + 1)))
    elif iid == "detectable_format:json_format":
        for v in ['{"a": 1}', '```json\n{"a": 1}\n```', '```JSON\n{"a": [1,2]}\n```', '```Json {"x": null}```', '```\n[1, 2]\n```',
                  '``` json\n{"a": 1}\n```', '```jsonc\n{}\n```', '{"a": 1,}', "{'a': 1}", '42', 'null', '"s"', 'NaN', '-Infinity',
                  '{"a": NaN}', '{"a": 1, "a": 2}', '{"a": "x\ty"}', '{"a": "x\\ty"}', '\ufeff{"a": 1}', '{"a":\u00a01}',
                  '{"a": "\u2028"}', '01', '-0', '1e400', '{"a": "\\ud800"}', '[' * 50 + ']' * 50, '{"a": 1} extra',
                  'Here: {"a": 1}', '\u200b{"a": 1}', '{"a": 1}\n```\n```', '```json\n{"a": 1}', '{"a": 1}```',
                  '{"k": "\\u00e9", "n": [true, false, null]}', ' \n {"a": {"b": {"c": []}}} \n', '{"a" : 1 , "b" : 2}',
                  '{"a": 1}\x1c', '{\r\n"a": 1\r\n}', '{"a": 1.}', '{"a": .5}', '{"a": +1}', '{"a": 0x10}', '[]', '{}', '']:
            out.append(v)
    elif iid == "detectable_format:title":
        for v in ["<<Title>>", "<< >>", "<<>>", "<<<T>>>", "<<a>b>>", "<<a\nb>>", "«Title»", "<<\u00a0>>", "<<\u200b>>", "< <T> >",
                  "<<T>", "<T>>", "<<Ti tle>> and <<x>>", "<<  Title  >>", "《Title》", "<<\t>>", "<<**T**>>"]:
            out.append(rng.choice(["", sentence() + "\n", "\n"]) + v + rng.choice(["", "\n" + sentences(2), " " + sentence()]))
    elif iid == "combination:two_responses":
        a, b = sentences(2), sentences(2)
        for v in [a + "\n******\n" + b, a + "******" + a, a + "\n******\n" + a + " ", a + "******" + b + "******" + sentence(),
                  "******" + a + "******" + b + "******", a + "*******" + b, a + "\n******\n\n******\n" + b, a + "*****" + b,
                  a + "\n\u00a0******\u00a0\n" + b, a + "******" + b.upper(), a + "******\u200b", a, a + "******" + " " + a,
                  a + "\r\n******\r\n" + b, a + "************" + b, a + "******" + "\u00a0"]:
            out.append(v)
    elif iid == "combination:repeat_prompt":
        p = kw["prompt_to_repeat"]
        ans = sentences(2)
        for v in [p + "\n" + ans, p + ans, p.upper() + " " + ans, p.lower(), "  " + p, "\n" + p + "\n\n" + ans, p[:-1] + " " + ans,
                  p.replace(" ", "  ", 1) + ans, p.replace(" ", "\u00a0", 1), "Sure! " + p, "\u200b" + p, "\ufeff" + p,
                  p.replace("\n", "\r\n") + ans, p.strip() + ans, "\"" + p + "\"", p.swapcase(), p.replace("I", "İ")]:
            out.append(v)
    elif iid == "startend:end_checker":
        e = kw["end_phrase"]
        body = sentences(2)
        for v in [e, e + ".", e + "\"", e + "'", e + " ", e + "\n", e.upper(), e.lower(), "\"" + e + "\"", e + "\u201d",
                  e + "\u00a0", e + "\u200b", e + "\"\"", e + "\".", e[:-1], e + "!", "**" + e + "**", e + "\r\n", e + "\u3000",
                  e.replace(" ", "\u00a0"), e + "  \"  "]:
            out.append(body + rng.choice([" ", "\n", "\n\n"]) + v)
    elif iid == "startend:quotation":
        body = sentences(2)
        for v in ['"%s"' % body, '""', '"', '"%s' % body, "\u201c%s\u201d" % body, " \"%s\" \n" % body, "'%s'" % body,
                  '"%s"\u200b' % body, '\u00a0"%s"\u00a0' % body, '"%s".' % body, '""""', '"\n"', '\ufeff"%s"' % body,
                  '"%s"\r\n' % body, '＂%s＂' % body]:
            out.append(v)
    elif iid == "keywords:letter_frequency":
        L = kw["letter"]; N = kw["let_frequency"]
        if len(L) == 1 and L.isascii() and L.isalpha():
            l = L.lower()
            for d in (-1, 0, 1):
                n = max(0, N + d)
                filler = "".join(c for c in "the quick brwn fx jumps ver lazy dg" if c.lower() != l) or "."
                chunks = [rng.choice([l, l.upper(), l, l + "\u0301"]) for _ in range(n)]
                base = " ".join(c + " " + filler[: rng.randint(0, 8)] for c in chunks)
                out.append(base)
                extra = {"k": "\u212a", "i": "İ", "s": "ß", "a": "ａ", "o": "º"}.get(l, "Ａ")
                out.append(base + " " + extra)
    elif iid == "keywords:existence":
        ks = kw["keywords"]
        for mode in range(6):
            parts = []
            for k in ks:
                if mode == 0: parts.append(k)
                elif mode == 1: parts.append(k.upper())
                elif mode == 2: parts.append(k + "s")
                elif mode == 3: parts.append(k[:-1])
                elif mode == 4: parts.append(k.replace(k[0], k[0] + "\u200b", 1))
                else: parts.append(k.capitalize() if rng.random() < .5 else "")
            out.append(sentence() + " " + " ".join(p + " " + plain_words(2) for p in parts))
    elif iid == "keywords:frequency":
        k = kw["keyword"]; N = kw["frequency"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            out.append(" ".join(rng.choice([k, k.upper(), k.capitalize(), k + "s", "un" + k, k + k[-1:]]) + " " + plain_words(2) for _ in range(n)))
            out.append((k * n) + " " + sentence())
            out.append(" ".join([k] * n))
    elif iid == "keywords:forbidden_words":
        fws = kw["forbidden_words"]
        w = rng.choice(fws)
        for v in [w, w.upper(), w + "s", w + "_x", w + "-x", "x" + w, w + "1", w + "\u0301", w + "é", w + "'s", "**" + w + "**",
                  w.capitalize(), w[:-1], w + "\u200b", "\u00a0" + w, w.replace(w[0], w[0] + "\u200b", 1)]:
            out.append(sentence() + " " + v + " " + sentence())
    elif iid == "change_case:capital_word_frequency":
        N = kw["capital_frequency"]
        CAPS = ["NASA", "U.S.", "I", "A", "COVID-19", "R2-D2", "NASA'S", "OK", "ΑΘΗΝΑ", "SS", "ß", "Ǆ", "ǅ", "**BOLD**", "\"LOUD\"",
                "CAN'T", "E.G.", "HELLO-WORLD", "ＡＢＣ", "İSTANBUL", "X1", "IPHONE", "3D", "AI", "(USA)", "K\u212A"]
        for d in (-1, 0, 1):
            n = max(0, N + d)
            out.append(" ".join(rng.choice(WORDS) + " " + rng.choice(CAPS) for _ in range(n)) + " end.")
            out.append(" ".join(["WORD"] * n) + ".")
    elif iid in ("change_case:english_capital", "change_case:english_lowercase"):
        base = sentences(3)
        for v in [base, base.upper(), base.lower(), base.upper() + " ß", base.lower() + " İ", base.lower() + " ǅ", "123 456", "!!!",
                  base.upper() + " 東京", base.lower() + " straße", "ΑΒΓΔ ΕΖΗΘ", "σοφός καλός", plain_words(2), plain_words(2).upper(),
                  base.lower().replace(" ", "\u00a0"), base.upper() + "\n\n" + "hello", "i", "I", "https://example.com test@example.com",
                  base.lower() + " Hola como estas amigo", "ok"]:
            out.append(v)
    elif iid == "language:response_language":
        lang = kw["language"]
        out.append("12345 67890")
        out.append("!!! ??? ...")
        out.append("https://example.com")
        out.append(plain_words(5))
    elif iid == "punctuation:no_comma":
        body = sentences(3)
        for v in [body, body + ",", body + "，", body + "،", body + "\u201a", body + "\uff0c", body.replace(" ", ", ", 1), body + "\u3001"]:
            out.append(v)
    return out

def main():
    outrows = []
    for row in rows:
        base = p2r.get(row["prompt"], "")
        cands = [base]
        for iid, kw in zip(row["instruction_id_list"], row["kwargs"]):
            g = gen_for(iid, kw, row["prompt"])
            cands.extend(g)
            cands.extend(stress(x) for x in rng.sample(g, min(len(g), 6)))
        # mix: combine synthetic pieces for multi-instruction rows
        for _ in range(4):
            if len(cands) > 2:
                a, b = rng.sample(cands[1:], 2)
                cands.append(a + rng.choice(["\n\n", "\n", " "]) + b)
        while len([c for c in cands]) < PER:
            cands.append(mutate_base(base))
        for _ in range(10):
            cands.append(mutate_base(base))
        extra = ["", " ", "\u00a0", "\u200b", "\ufeff", "\n\n", "\x1c\x1d", "\u2028"]
        cands.append(rng.choice(extra))
        seen = set()
        for c in cands:
            if c in seen:
                continue
            seen.add(c)
            outrows.append({"key": row["key"], "prompt": row["prompt"], "instruction_id_list": row["instruction_id_list"],
                            "kwargs": row["kwargs"], "response": c})
    for r in outrows:
        print(json.dumps(r, ensure_ascii=False))

main()
