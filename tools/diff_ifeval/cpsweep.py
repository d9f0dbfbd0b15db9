import json, sys
ids = [("length_constraints:number_words", {"num_words": 5, "relation": "at least"}),
       ("keywords:letter_frequency", {"letter": "i", "let_frequency": 2, "let_relation": "at least"}),
       ("keywords:letter_frequency", {"letter": "k", "let_frequency": 2, "let_relation": "at least"}),
       ("keywords:letter_frequency", {"letter": "s", "let_frequency": 2, "let_relation": "at least"}),
       ("change_case:capital_word_frequency", {"capital_frequency": 3, "capital_relation": "at least"}),
       ("length_constraints:number_sentences", {"num_sentences": 3, "relation": "at least"}),
       ("detectable_format:number_bullet_lists", {"num_bullets": 2}),
       ("detectable_format:multiple_sections", {"section_spliter": "Section", "num_sections": 2})]
step = int(sys.argv[1])
cps = [c for c in range(0, 0x110000) if not (0xD800 <= c <= 0xDFFF)]
for i in range(0, len(cps), step):
    ch = [chr(c) for c in cps[i:i + step]]
    for sep in (" ", "x", ""):
        t = sep.join(ch)
        if sep == "x":
            t = "A. " + ". B ".join(ch) + ". Section " + "Section ".join(ch) + "\n- ".join(ch) + "\n*".join(ch)
        print(json.dumps({"instruction_id_list": [x[0] for x in ids], "kwargs": [x[1] for x in ids], "response": t}))
