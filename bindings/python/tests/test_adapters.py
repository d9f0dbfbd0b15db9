"""Every trainer adapter, called exactly the way its trainer calls it."""

import asyncio
import concurrent.futures
import dataclasses
import functools
import importlib.util
import json
import math
import multiprocessing
import pickle
import threading
import unittest
from types import SimpleNamespace

from ifr_testlib import (BOTH, NEITHER, NO_COMMA, ONLY_COMMA, ONLY_WORDS, PAIR, PAIR_CASES,
                         PAIR_JSON, open_instruct_label, require_library)

import ifreward
import ifreward.areal
import ifreward.open_instruct
import ifreward.openrlhf
import ifreward.slime
import ifreward.trl
import ifreward.verl
from ifreward import _adapt


def setUpModule():
    require_library()


TEXTS = [t for t, _, _ in PAIR_CASES]
WANT_ALL = [r for _, r, _ in PAIR_CASES]
WANT_FRAC = [f for _, _, f in PAIR_CASES]
THINK = "<think>Let me think, carefully, about commas.</think>"


class TestSharedOptions(unittest.TestCase):
    def test_strip_reasoning(self):
        text = THINK + "alpha beta gamma delta"
        plain = ifreward.trl.Reward()
        strip = ifreward.trl.Reward(strip_reasoning=True)
        self.assertEqual(plain(prompts=["p"], completions=[text], ground_truth=[PAIR_JSON]), [0.0])
        self.assertEqual(strip(prompts=["p"], completions=[text], ground_truth=[PAIR_JSON]), [1.0])
        # no marker: the whole text is scored
        self.assertEqual(_adapt.strip_reasoning("a, b"), "a, b")
        self.assertEqual(_adapt.strip_reasoning("x</think>y</think>z"), "z")
        # reasoning opened and never closed leaves no answer
        self.assertEqual(_adapt.strip_reasoning("<think>river stone"), "")
        kw = json.dumps({"instruction_id_list": ["keywords:existence"],
                         "kwargs": [{"keywords": ["river"]}]})
        self.assertEqual(strip(completions=["<think>a river"], ground_truth=[kw]), [0.0])
        self.assertEqual(plain(completions=["<think>a river"], ground_truth=[kw]), [1.0])
        self.assertEqual(strip(completions=["<think>x</think>a river"], ground_truth=[kw]),
                         [1.0])
        custom = ifreward.trl.Reward(strip_reasoning="</reasoning>")
        self.assertEqual(custom(completions=["a, b</reasoning>" + BOTH],
                                ground_truth=[PAIR_JSON]), [1.0])

    def test_scale_aggregate_loose_precise(self):
        r = ifreward.trl.Reward(aggregate="fraction", scale=10)
        self.assertEqual(r(completions=TEXTS, ground_truth=[PAIR_JSON] * 4),
                         [10 * f for f in WANT_FRAC])
        loose = ifreward.trl.Reward(loose=True)
        text = "Sure, here it is\nno commas in this part"
        self.assertEqual(loose(completions=[text], ground_truth=[json.dumps(NO_COMMA)]), [1.0])
        self.assertEqual(ifreward.trl.reward(completions=[text],
                                             ground_truth=[json.dumps(NO_COMMA)]), [0.0])
        precise = ifreward.trl.Reward(precise=True)
        self.assertTrue(precise.options.precise)
        zwsp = ["\u200b"]
        nc = [json.dumps(NO_COMMA)]
        self.assertEqual(ifreward.trl.reward(completions=zwsp, ground_truth=nc), [1.0])
        self.assertEqual(precise(completions=zwsp, ground_truth=nc), [0.0])
        self.assertEqual(ifreward.verl.compute_score("d", zwsp[0], nc[0], precise=True)["score"],
                         0.0)
        self.assertFalse(ifreward.trl.Reward(semantics="compat").options.precise)

    def test_option_validation(self):
        for bad in (dict(aggregate="mean"), dict(on_error="ignore"), dict(threads=-1),
                    dict(suite="nope")):
            with self.assertRaises(ValueError, msg=repr(bad)):
                ifreward.trl.Reward(**bad)
        with self.assertRaises(TypeError):
            ifreward.trl.Reward(no_such_option=1)

    def test_on_error_zero(self):
        r = ifreward.trl.Reward(on_error="zero")
        self.assertEqual(r(completions=[BOTH, BOTH], ground_truth=["{bad", PAIR_JSON]),
                         [0.0, 1.0])
        with self.assertRaises(ifreward.SpecError) as cm:
            ifreward.trl.reward(completions=[BOTH, BOTH], ground_truth=[PAIR_JSON, "{bad"])
        self.assertEqual(cm.exception.index, 1)

    def test_response_hitting_a_limit_scores_zero(self):
        # A backtracking keyword pattern under a small match limit: the check
        # cannot finish. The core API says so; the adapters give 0 and go on.
        spec = json.dumps({"instruction_id_list": ["keywords:existence"],
                           "kwargs": [{"keywords": ["(a+)+$"]}]})
        bad = "a" * 30 + "!"
        core = ifreward.Spec(spec, regex_match_limit=10000)
        with self.assertRaises(ifreward.IfrError) as cm:
            core.check(bad)
        self.assertEqual(cm.exception.code, ifreward.errors.IFR_E_LIMIT)
        self.assertNotIsInstance(cm.exception, ifreward.SpecError)
        self.assertEqual(core.check("aaa").reward, 1.0)
        trl = ifreward.trl.Reward(options=core.options)  # same limit for the adapter
        self.assertEqual(trl(completions=[bad, "aaa"], ground_truth=[spec, spec]), [0.0, 1.0])
        verl = ifreward.verl.VerlScorer(options=core.options)
        self.assertEqual(verl("d", bad, spec)["score"], 0.0)
        self.assertEqual(verl("d", "aaa", spec)["score"], 1.0)
        areal = ifreward.areal.AReaLReward(options=core.options)
        self.assertEqual(areal("p", bad, [], [], ground_truth=spec), 0.0)
        again = pickle.loads(pickle.dumps(trl))
        self.assertEqual(again, trl)
        self.assertEqual(again(completions=[bad], ground_truth=[spec]), [0.0])
        with self.assertRaises(TypeError):
            ifreward.trl.Reward(options=core.options, precise=True)

    def test_message_text(self):
        self.assertEqual(_adapt.message_text([{"role": "assistant", "content": "hi"}]), "hi")
        self.assertEqual(_adapt.message_text(
            [{"role": "assistant", "content": [{"type": "text", "text": "a"},
                                               {"type": "text", "text": "b"}]}]), "ab")
        self.assertEqual(_adapt.message_text(
            [{"role": "assistant", "content": "x"}, {"role": "tool", "content": "t"},
             {"role": "assistant", "content": "final"}]), "final")
        self.assertEqual(_adapt.message_text("plain"), "plain")


class TestTRL(unittest.TestCase):
    def call(self, func, prompts, completions, **columns):
        # GRPOTrainer._calculate_rewards: keyword call with every other column.
        return func(prompts=prompts, completions=completions,
                    completion_ids=[[1, 2, 3]] * len(completions),
                    trainer_state=SimpleNamespace(global_step=3), **columns)

    def test_standard_ground_truth(self):
        got = self.call(ifreward.trl.reward, ["Write."] * 4, TEXTS,
                        ground_truth=[PAIR_JSON] * 4)
        self.assertEqual(got, WANT_ALL)

    def test_conversational(self):
        prompts = [[{"role": "user", "content": "Write."}]] * 4
        completions = [[{"role": "assistant", "content": t}] for t in TEXTS]
        self.assertEqual(self.call(ifreward.trl.reward, prompts, completions,
                                   ground_truth=[PAIR] * 4), WANT_ALL)

    def test_ifeval_columns(self):
        got = self.call(ifreward.trl.reward, ["p"] * 4, TEXTS,
                        instruction_id_list=[PAIR["instruction_id_list"]] * 4,
                        kwargs=[PAIR["kwargs"]] * 4, key=[1, 2, 3, 4], prompt_text=["p"] * 4)
        self.assertEqual(got, WANT_ALL)

    def test_missing_spec_gives_none(self):
        got = self.call(ifreward.trl.reward, ["p"] * 3, [BOTH] * 3,
                        ground_truth=[PAIR_JSON, None, ""])
        self.assertEqual(got, [1.0, None, None])
        self.assertEqual(self.call(ifreward.trl.reward, ["p"], [BOTH]), [None])

    def test_name_for_logging(self):
        self.assertEqual(ifreward.trl.reward.__name__, "ifreward")
        self.assertEqual(ifreward.trl.Reward().__name__, "ifreward")
        self.assertEqual(ifreward.trl.Reward(name="ifeval_loose", loose=True).__name__,
                         "ifeval_loose")

    def test_column_length_mismatch(self):
        with self.assertRaises(ValueError):
            self.call(ifreward.trl.reward, ["p"] * 2, [BOTH] * 2, ground_truth=[PAIR_JSON])


@dataclasses.dataclass
class FakeSlimeSample:
    """The fields of slime.utils.types.Sample the reward reads."""
    prompt: str = ""
    response: str = ""
    label: str = None
    metadata: dict = dataclasses.field(default_factory=dict)
    reward: float = None


class TestVerl(unittest.TestCase):
    def test_naive_manager_call(self):
        # NaiveRewardManager: compute_score(data_source=, solution_str=, ground_truth=,
        # extra_info=, **reward_kwargs)
        rows = [ifreward.verl.compute_score(data_source="ifeval", solution_str=t,
                                            ground_truth=PAIR_JSON,
                                            extra_info={"index": i, "split": "train"})
                for i, t in enumerate(TEXTS)]
        self.assertEqual([r["score"] for r in rows], WANT_ALL)
        self.assertEqual([r["fraction"] for r in rows], WANT_FRAC)
        self.assertEqual(rows[1]["ifr/punctuation:no_comma"], 0.0)
        self.assertEqual(rows[1]["ifr/length_constraints:number_words"], 1.0)
        self.assertTrue(math.isnan(rows[1]["ifr/keywords:existence"]))

    def test_same_keys_for_every_sample(self):
        a = ifreward.verl.compute_score("d", BOTH, PAIR_JSON)
        b = ifreward.verl.compute_score("d", "x", json.dumps(NO_COMMA))
        self.assertEqual(set(a), set(b))
        self.assertIn("score", a)
        for v in a.values():
            self.assertIsInstance(v, (int, float))

    def test_spec_in_extra_info(self):
        row = ifreward.verl.compute_score(data_source="d", solution_str=ONLY_WORDS,
                                          ground_truth=None,
                                          extra_info={"instruction_id_list":
                                                      PAIR["instruction_id_list"],
                                                      "kwargs": PAIR["kwargs"]})
        self.assertEqual(row["score"], 0.0)
        self.assertEqual(row["n_followed"], 1)

    def test_loaded_by_path_like_older_verl(self):
        # get_custom_reward_fn: spec_from_file_location("custom_module", path)
        spec = importlib.util.spec_from_file_location("custom_module", ifreward.verl.__file__)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        row = module.compute_score(data_source="d", solution_str=BOTH, ground_truth=PAIR_JSON,
                                   extra_info={})
        self.assertEqual(row["score"], 1.0)

    def test_batch_manager_call(self):
        # BatchRewardManager: compute_score(data_sources=, solution_strs=, ground_truths=,
        # extra_infos=, **reward_kwargs)
        rows = ifreward.verl.compute_score_batch(data_sources=["d"] * 4, solution_strs=TEXTS,
                                                 ground_truths=[PAIR_JSON] * 4,
                                                 extra_infos=[{}] * 4)
        self.assertEqual([r["score"] for r in rows], WANT_ALL)

    def test_partial_and_reward_kwargs(self):
        fn = functools.partial(ifreward.verl.compute_score, aggregate="fraction", scale=2.0,
                               per_instruction=False)
        row = fn(data_source="d", solution_str=ONLY_COMMA, ground_truth=PAIR_JSON,
                 extra_info=None)
        self.assertEqual(row["score"], 1.0)
        self.assertNotIn("ifr/punctuation:no_comma", row)
        self.assertEqual(pickle.loads(pickle.dumps(fn))(
            data_source="d", solution_str=ONLY_COMMA, ground_truth=PAIR_JSON)["score"], 1.0)

    def test_numpy_ground_truth(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy not installed")
        gt = {"instruction_id_list": np.array(PAIR["instruction_id_list"], dtype=object),
              "kwargs": np.array(PAIR["kwargs"], dtype=object)}
        self.assertEqual(ifreward.verl.compute_score("d", BOTH, gt)["score"], 1.0)


class TestOpenRLHF(unittest.TestCase):
    PROMPT = "<|im_start|>user\nWrite.<|im_end|>\n<|im_start|>assistant\n"

    def queries(self):
        return [self.PROMPT + t + "<|im_end|>" for t in TEXTS]

    def test_reward_func_positional(self):
        out = ifreward.openrlhf.reward_func(self.queries(), [self.PROMPT] * 4, [PAIR_JSON] * 4)
        self.assertEqual(set(out), {"rewards", "scores", "extra_logs"})
        self.assertEqual(list(out["rewards"]), WANT_ALL)
        self.assertEqual(list(out["scores"]), WANT_ALL)
        self.assertEqual(list(out["extra_logs"]["ifr_all_followed"]), WANT_ALL)

    def test_loaded_by_path_like_openrlhf(self):
        # RemoteRewardModel: spec_from_file_location("reward_func", remote_rm_url)
        spec = importlib.util.spec_from_file_location("reward_func", ifreward.openrlhf.__file__)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out = module.reward_func(self.queries(), [self.PROMPT] * 4, [PAIR_JSON] * 4)
        self.assertEqual(list(out["rewards"]), WANT_ALL)

    def test_response_extraction(self):
        f = ifreward.openrlhf.response_of
        self.assertEqual(f("PROMPT answer<|im_end|>", "PROMPT"), " answer")
        self.assertEqual(f("<pad><pad>PROMPT answer</s>", "PROMPT"), " answer")
        self.assertEqual(f("PROMPT x<|im_end|><|endoftext|>", "PROMPT"), " x")
        self.assertEqual(f("PROMPT x<|im_end|>", "PROMPT", stop_tokens=()), " x<|im_end|>")
        # the prompt's own commas never count against the response
        prompt = "Write, without commas: "
        out = ifreward.openrlhf.reward_func([prompt + BOTH], [prompt], [PAIR_JSON])
        self.assertEqual(list(out["rewards"]), [1.0])

    def test_scale_keeps_scores_unscaled(self):
        r = ifreward.openrlhf.OpenRLHFReward(scale=10, aggregate="fraction", tensors="list")
        out = r(self.queries(), [self.PROMPT] * 4, [PAIR_JSON] * 4)
        self.assertEqual(out["rewards"], [10 * f for f in WANT_FRAC])
        self.assertEqual(out["scores"], WANT_FRAC)

    def test_extra_kwargs_ignored(self):
        out = ifreward.openrlhf.reward_func(self.queries(), [self.PROMPT] * 4, [PAIR_JSON] * 4,
                                            metas=[{}] * 4)
        self.assertEqual(list(out["rewards"]), WANT_ALL)


class TestSlime(unittest.TestCase):
    def samples(self):
        return [FakeSlimeSample(prompt="Write.", response=t, label=PAIR_JSON) for t in TEXTS]

    def test_custom_rm_per_sample(self):
        async def run():
            return [await ifreward.slime.custom_rm(SimpleNamespace(), s) for s in self.samples()]
        self.assertEqual(asyncio.run(run()), WANT_ALL)

    def test_group_rm(self):
        many = self.samples() * 5
        self.assertEqual(asyncio.run(ifreward.slime.batched_custom_rm(SimpleNamespace(), many)),
                         WANT_ALL * 5)
        # slime uses the same --custom-rm-path for --group-rm: a list gives a list
        self.assertEqual(asyncio.run(ifreward.slime.custom_rm(SimpleNamespace(), many)),
                         WANT_ALL * 5)

    def test_truncated_status_reaches_the_guard(self):
        import enum

        class Status(enum.Enum):  # like slime's Sample.Status
            COMPLETED = "completed"
            TRUNCATED = "truncated"
        cut = "Here is the code\n```python\nprint(1)"   # unclosed fence, no comma
        label = json.dumps(NO_COMMA)
        done = FakeSlimeSample(response=cut, label=label)
        done.status = Status.COMPLETED
        trunc = FakeSlimeSample(response=cut, label=label)
        trunc.status = Status.TRUNCATED
        guarded = ifreward.slime.SlimeReward(guards=("truncated",))
        self.assertEqual(asyncio.run(guarded.batch(None, [done, trunc])), [1.0, 0.0])
        plain = ifreward.slime.SlimeReward()
        self.assertEqual(asyncio.run(plain.batch(None, [done, trunc])), [1.0, 1.0])

    def test_spec_in_metadata(self):
        s = FakeSlimeSample(response=ONLY_COMMA, metadata={
            "instruction_id_list": PAIR["instruction_id_list"], "kwargs": PAIR["kwargs"]})
        r = ifreward.slime.SlimeReward(aggregate="fraction")
        self.assertEqual(asyncio.run(r(SimpleNamespace(), s)), 0.5)


class TestAReaL(unittest.TestCase):
    def test_positional_call(self):
        # RLVRWorkflow / AsyncRewardWrapper: reward_fn(prompt, completions, prompt_ids,
        # completion_ids, **data)
        got = [ifreward.areal.reward_fn("Write.", t, [1, 2], [3, 4], ground_truth=PAIR_JSON,
                                        query_id="q1") for t in TEXTS]
        self.assertEqual(got, WANT_ALL)

    def test_row_fields_and_list_completion(self):
        got = ifreward.areal.reward_fn("p", [ONLY_COMMA], [1], [2],
                                       instruction_id_list=PAIR["instruction_id_list"],
                                       kwargs=PAIR["kwargs"])
        self.assertEqual(got, 0.0)
        r = ifreward.areal.AReaLReward(aggregate="fraction")
        self.assertEqual(r("p", ONLY_COMMA, [1], [2], ground_truth=PAIR), 0.5)


class TestOpenInstruct(unittest.TestCase):
    def test_verifier_call(self):
        v = ifreward.open_instruct.IFEvalVerifier()
        label = open_instruct_label(PAIR)
        for text, _, frac in PAIR_CASES:
            # verifier(tokenized_prediction, prediction, label, query)
            res = v([1, 2, 3], text, label, query="Write.")
            self.assertEqual(res.score, frac, text)
            self.assertEqual(res.cost, 0.0)
        res = v(tokenized_prediction=[1], prediction=NEITHER, label=label, query=None,
                rollout_state=None)
        self.assertEqual(res.score, 0.0)
        self.assertIn("punctuation:no_comma", res.reasoning)
        self.assertEqual((v.name, v.weight), ("ifeval", 1.0))

    def test_removes_thinking_section(self):
        v = ifreward.open_instruct.IFEvalVerifier()
        label = open_instruct_label(PAIR)
        self.assertEqual(v([], THINK + BOTH, label).score, 1.0)
        self.assertEqual(v([], "<|assistant|>" + THINK + "<answer>" + BOTH + "</answer>",
                           label).score, 1.0)

    def test_async_call(self):
        v = ifreward.open_instruct.IFEvalVerifier(None)  # open-instruct passes its config
        res = asyncio.run(v.async_call([], BOTH, open_instruct_label(PAIR), None))
        self.assertEqual(res.score, 1.0)

        async def like_open_instruct():  # apply_verifiable_reward's keyword call
            return await asyncio.gather(*[
                v.async_call(tokenized_prediction=[1], prediction=t,
                             label=open_instruct_label(PAIR), query="q") for t in TEXTS])
        self.assertEqual([r.score for r in asyncio.run(like_open_instruct())], WANT_FRAC)

    def test_empty_prediction_scores_zero(self):
        v = ifreward.open_instruct.IFEvalVerifier()
        self.assertEqual(v([], "", open_instruct_label(NO_COMMA)).score, 0.0)
        self.assertEqual(v([], "   ", open_instruct_label(NO_COMMA)).score, 0.0)


ADAPTERS = [
    ifreward.trl.reward, ifreward.trl.Reward(loose=True, name="x"),
    ifreward.verl.compute_score, ifreward.verl.compute_score_batch,
    ifreward.verl.VerlScorer(scale=2), ifreward.openrlhf.reward_func,
    ifreward.openrlhf.OpenRLHFReward(tensors="list"), ifreward.slime.custom_rm,
    ifreward.slime.batched_custom_rm, ifreward.slime.SlimeReward(),
    ifreward.areal.reward_fn, ifreward.areal.AReaLReward(aggregate="fraction"),
    ifreward.open_instruct.IFEvalVerifier(weight=2.0),
    functools.partial(ifreward.areal.reward_fn, loose=True),
]


def _trl_scores(args):
    func, texts = args
    return func(prompts=["p"] * len(texts), completions=texts,
                ground_truth=[PAIR_JSON] * len(texts))


def _verifier_scores(args):
    verifier, texts = args
    return [verifier([], t, open_instruct_label(PAIR)).score for t in texts]


def _areal_scores(args):
    func, texts = args
    return [func("p", t, [], [], ground_truth=PAIR_JSON) for t in texts]


class TestPicklingAndPools(unittest.TestCase):
    def test_pickle_round_trips(self):
        for adapter in ADAPTERS:
            again = pickle.loads(pickle.dumps(adapter))
            if isinstance(adapter, _adapt.Scorer):
                self.assertEqual(again, adapter)
                self.assertEqual(again.__name__, adapter.__name__)
            elif isinstance(adapter, functools.partial):
                self.assertIs(again.func, adapter.func)
            else:
                self.assertIs(again, adapter)
        v = pickle.loads(pickle.dumps(ifreward.open_instruct.IFEvalVerifier(weight=2.0)))
        self.assertEqual(v.weight, 2.0)

    def test_unpickled_scorer_scores(self):
        r = pickle.loads(pickle.dumps(ifreward.trl.Reward(aggregate="fraction")))
        self.assertEqual(r(completions=TEXTS, ground_truth=[PAIR_JSON] * 4), WANT_FRAC)

    def test_thread_pool_identical(self):
        texts = TEXTS * 25
        want = _trl_scores((ifreward.trl.reward, texts))
        shared = ifreward.trl.Reward()
        barrier = threading.Barrier(4)

        def run(_):
            barrier.wait()
            return (_trl_scores((shared, texts)), _verifier_scores(
                (ifreward.open_instruct.IFEvalVerifier(), TEXTS)))
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            for trl_got, oi_got in pool.map(run, range(4)):
                self.assertEqual(trl_got, want)
                self.assertEqual(oi_got, WANT_FRAC)

    def test_process_pool_identical(self):
        texts = TEXTS * 10
        want_trl = _trl_scores((ifreward.trl.Reward(), texts))
        want_areal = _areal_scores((ifreward.areal.reward_fn, texts))
        for method in ("spawn", "fork"):
            ctx = multiprocessing.get_context(method)
            with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as pool:
                trl_jobs = pool.map(_trl_scores, [(ifreward.trl.Reward(), texts),
                                                  (ifreward.trl.reward, texts)])
                areal_jobs = pool.map(_areal_scores, [(ifreward.areal.reward_fn, texts),
                                                      (ifreward.areal.AReaLReward(), texts)])
                oi_jobs = pool.map(_verifier_scores,
                                   [(ifreward.open_instruct.IFEvalVerifier(), TEXTS)])
                for got in trl_jobs:
                    self.assertEqual(got, want_trl, method)
                for got in areal_jobs:
                    self.assertEqual(got, want_areal, method)
                for got in oi_jobs:
                    self.assertEqual(got, WANT_FRAC, method)


if __name__ == "__main__":
    unittest.main()
