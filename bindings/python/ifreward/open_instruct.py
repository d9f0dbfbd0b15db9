"""open-instruct verifier, without importing open-instruct.

open-instruct scores RLVR samples with ``VerifierFunction`` objects from
``open_instruct/ground_truth_utils.py``: ``verifier(tokenized_prediction,
prediction, label, query=None)`` (newer versions add ``rollout_state``)
returning a ``VerificationResult`` with ``score`` (plus ``cost`` and
``reasoning``); the trainer multiplies the score by ``--verification_reward``
(10 by default). open-instruct builds its name -> verifier mapping with
``build_all_verifiers(args)`` (older versions: ``REWARD_FN_MAPPING``) and
awaits ``verifier.async_call(tokenized_prediction=..., prediction=...,
label=..., query=...)``. One line to swap the IFEval verifier where that
mapping is built::

    reward_fn_mapping["ifeval"] = ifreward.open_instruct.IFEvalVerifier()

Defaults reproduce open-instruct's ``IFEvalVerifier``: the label is the
ground-truth string (a Python-literal list of ``{"instruction_id": [...],
"kwargs": [...]}``; Tulu 3 ``func_name`` JSON also works), the prediction gets
open-instruct's clean-up in C (``preprocess="open_instruct"``: drop
``<|assistant|>``, keep what follows the last ``</think>``, drop ``<answer>``
tags, strip), and the score is the fraction of instructions followed
(``aggregate="fraction"``), unscaled (``scale=1``: the trainer scales).
"""

import asyncio
import dataclasses
from typing import Optional

from ifreward import _adapt
from ifreward._adapt import Scorer

__all__ = ["IFEvalVerifier", "VerificationResult", "verify"]


@dataclasses.dataclass
class VerificationResult:
    """Same fields as open-instruct's ``VerificationResult``."""

    score: float
    cost: float = 0.0
    reasoning: Optional[str] = None


class IFEvalVerifier(Scorer):
    """An open-instruct-style verifier (picklable, thread-safe).

    ``IFEvalVerifier(verifier_config=None, *, name="ifeval", weight=1.0,
    **options)``: the first positional argument is open-instruct's
    ``VerifierConfig`` (accepted and kept, not needed), as in its own
    verifiers. ``reasoning`` in the result lists the instructions not followed
    with their details.
    """

    _defaults = dict(Scorer._defaults, aggregate="fraction", preprocess="open_instruct")
    default_name = "ifeval"

    def __init__(self, verifier_config=None, *, name=None, weight=1.0, **options):
        super().__init__(name=name, **options)
        self.weight = float(weight)
        self.verifier_config = verifier_config

    @property
    def name(self):
        return self.__name__

    def __getstate__(self):
        state = super().__getstate__()
        state["weight"] = self.weight
        return state

    def __setstate__(self, state):
        self.__init__(name=state["name"], weight=state.get("weight", 1.0), **state["cfg"])

    def replace(self, **changes):
        cfg = self.config()
        cfg.update(changes)
        return type(self)(name=self.__name__, weight=self.weight, **cfg)

    @classmethod
    def get_config_class(cls):
        return None

    def __call__(self, tokenized_prediction=None, prediction=None, label=None, query=None,
                 rollout_state=None):
        result = self.check_one(label if _adapt._present(label) else _adapt.MISSING,
                                prediction)
        if result is None:
            return VerificationResult(
                score=0.0, reasoning="could not evaluate (bad label, or the response hit a limit)")
        missed = ["%s: %s" % (cid, detail) if detail else cid
                  for cid, ok, detail in zip(result.ids, result.followed, result.details)
                  if not ok]
        return VerificationResult(score=result.reward * self._cfg["scale"],
                                  reasoning="; ".join(missed) or None)

    async def async_call(self, tokenized_prediction=None, prediction=None, label=None,
                         query=None, rollout_state=None):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            None, lambda: self(tokenized_prediction, prediction, label, query, rollout_state))

    def __repr__(self):
        return "IFEvalVerifier(name=%s, weight=%s)" % (self.__name__, self.weight)


def verify(tokenized_prediction=None, prediction=None, label=None, query=None,
           rollout_state=None, **options):
    """Function form of :class:`IFEvalVerifier` (options as keywords)."""
    return _adapt.scorer_for(IFEvalVerifier, options)(tokenized_prediction, prediction, label,
                                                      query, rollout_state)
