#!/usr/bin/env python3
"""Score GRPO-style groups of completions with ifreward, the way TRL does.

Two prompts, four completions each (a "group"), scored through the TRL
adapter with exactly the call GRPOTrainer makes:

    reward_func(prompts=..., completions=..., completion_ids=..., **dataset_columns)

then turned into group-relative advantages, (r - mean) / (std + 1e-4). The
last completion of the second group hides the required keywords in a
``<think>`` block: with ``strip_reasoning=True`` only the answer after
``</think>`` counts, and the hack stops paying.

Run from a build tree:

    IFREWARD_LIBRARY=build/libifreward.so PYTHONPATH=bindings/python \
        python3 examples/python/grpo_group.py

Exits non-zero if a reward differs from the one worked out by hand below.
"""

import json
import statistics
import sys

import ifreward.trl

# Dataset rows: a prompt plus its constraints in the `ground_truth` column.
ROWS = [
    {
        "prompt": "Describe a lighthouse in at least 20 words without using any commas.",
        "ground_truth": json.dumps({
            "instruction_id_list": ["punctuation:no_comma", "length_constraints:number_words"],
            "kwargs": [{}, {"relation": "at least", "num_words": 20}]}),
        "completions": [
            # 26 words, no comma: both followed
            "The lighthouse stands alone on the black cliff and its lamp turns all night so "
            "that sailors far out at sea can find the harbour safely.",
            # long enough, but a comma
            "The lighthouse stands alone on the cliff, and its lamp turns all night so that "
            "sailors far out at sea can find the harbour.",
            # no comma, but 8 words
            "A tall white tower with a bright lamp.",
            # neither
            "Tall, white, bright.",
        ],
        # (reward with aggregate="all", with aggregate="fraction") per completion
        "expect": [(1.0, 1.0), (0.0, 0.5), (0.0, 0.5), (0.0, 0.0)],
    },
    {
        "prompt": "Write about autumn in fewer than 30 words and use the words maple and harvest.",
        "ground_truth": json.dumps({
            "instruction_id_list": ["keywords:existence", "length_constraints:number_words"],
            "kwargs": [{"keywords": ["maple", "harvest"]},
                       {"relation": "less than", "num_words": 30}]}),
        "completions": [
            # both keywords (matching ignores case), 14 words
            "Maple leaves turn red while farmers bring in the harvest before the first frost.",
            # short, but no "maple"
            "Autumn brings cool winds and the harvest moon rises over quiet fields.",
            # both keywords, but 34 words
            "In autumn the maple trees along the old road glow orange and gold while families "
            "walk slowly through the orchards to help with the apple harvest and share warm "
            "cider together every single evening.",
            # keywords only inside the reasoning: passes unless reasoning is stripped
            "<think>maple and harvest</think>Crisp air.",
        ],
        "expect": [(1.0, 1.0), (0.0, 0.5), (0.0, 0.5), (1.0, 1.0)],
        "expect_stripped": [(1.0, 1.0), (0.0, 0.5), (0.0, 0.5), (0.0, 0.5)],
    },
]


def batch(conversational=False):
    """Flatten the groups the way GRPOTrainer lays out a batch."""
    prompts, completions, ground_truth = [], [], []
    for row in ROWS:
        for text in row["completions"]:
            if conversational:
                prompts.append([{"role": "user", "content": row["prompt"]}])
                completions.append([{"role": "assistant", "content": text}])
            else:
                prompts.append(row["prompt"])
                completions.append(text)
            ground_truth.append(row["ground_truth"])
    return prompts, completions, ground_truth


def advantages(rewards):
    mean = statistics.fmean(rewards)
    std = statistics.pstdev(rewards)
    return [(r - mean) / (std + 1e-4) for r in rewards]


def main():
    reward_funcs = {
        "default": ifreward.trl.reward,
        "fraction": ifreward.trl.Reward(aggregate="fraction", name="ifeval_fraction"),
        "stripped": ifreward.trl.Reward(strip_reasoning=True, name="ifeval_stripped"),
        "stripped_fraction": ifreward.trl.Reward(strip_reasoning=True, aggregate="fraction"),
    }
    failures = 0
    results = {}
    for conversational in (False, True):
        prompts, completions, ground_truth = batch(conversational)
        for key, func in reward_funcs.items():
            rewards = func(prompts=prompts, completions=completions,
                           completion_ids=[[0]] * len(completions),
                           ground_truth=ground_truth)
            if conversational and rewards != results[key]:
                print("conversational and standard rewards differ for %s" % key)
                failures += 1
            results[key] = rewards

    print("ifreward %s (%s)" % (ifreward.version(), ifreward.library_path()))
    g = len(ROWS[0]["completions"])
    for i, row in enumerate(ROWS):
        print("\nprompt %d: %s" % (i + 1, row["prompt"]))
        group = slice(i * g, (i + 1) * g)
        for key in ("default", "stripped"):
            rs = results[key][group]
            fr = results[key + "_fraction" if key != "default" else "fraction"][group]
            print("  %-9s rewards %s  fraction %s  advantages %s" % (
                key, rs, fr, ["%+.2f" % a for a in advantages(rs)]))
            expect = row.get("expect_stripped", row["expect"]) if key == "stripped" \
                else row["expect"]
            if list(zip(rs, fr)) != expect:
                print("  !! expected %s" % expect)
                failures += 1
        for j, text in enumerate(row["completions"]):
            print("    [%d] %s" % (j, text if len(text) < 70 else text[:67] + "..."))
    if failures:
        print("\n%d mismatch(es)" % failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
