"""verl custom reward function.

One line (the default function name is ``compute_score``)::

    custom_reward_function.path=pkg://ifreward.verl
    # batched reward manager:
    reward_model.reward_manager=batch custom_reward_function.name=compute_score_batch

verl versions whose loader only takes a file path: point it at this file
(``python3 -c 'import ifreward.verl as m; print(m.__file__)'``); the module
uses absolute imports only, so loading it by path works.

verl's naive/prime/dapo reward managers call ``compute_score(data_source=,
solution_str=, ground_truth=, extra_info=, **reward_kwargs)``; the batch
manager calls ``compute_score_batch(data_sources=, solution_strs=,
ground_truths=, extra_infos=, **reward_kwargs)``. The spec is
``ground_truth`` (a dict, JSON string or open-instruct literal; numpy values
are fine), or ``extra_info["ground_truth"]`` / ``extra_info``'s
``instruction_id_list`` + ``kwargs``.

The result is a dict: ``score`` (the reward, scaled), ``acc`` (1.0 if every
instruction is followed), ``fraction``, ``n_instructions``, ``n_followed``
and, unless ``per_instruction=False``, one ``ifr/<checker id>`` entry per
checker in the registry: 1.0 followed, 0.0 not followed, NaN when the sample
has no such instruction. The keys are the same for every sample, as verl's
``reward_extra_info`` requires (use ``np.nanmean`` to aggregate the
per-instruction columns).
"""

import math

import ifreward
from ifreward import _adapt
from ifreward._adapt import MISSING, Scorer

__all__ = ["VerlScorer", "compute_score", "compute_score_batch"]

_registry_keys = None
_nan_row = None


def _checker_keys():
    global _registry_keys
    if _registry_keys is None:
        _registry_keys = sorted({"ifr/" + c.id for c in ifreward.checkers()})
    return _registry_keys


def _nan_columns():
    """A fresh {"ifr/<id>": nan} dict for every checker (copied from a template)."""
    global _nan_row
    if _nan_row is None:
        _nan_row = dict.fromkeys(_checker_keys(), float("nan"))
    return _nan_row.copy()


def _spec_of(ground_truth, extra_info):
    if _adapt._present(ground_truth):
        return ground_truth
    if isinstance(extra_info, dict):
        return _adapt.spec_from_fields(extra_info)
    return MISSING


class VerlScorer(Scorer):
    """Configurable verl reward: ``VerlScorer(**options)(data_source, solution_str,
    ground_truth, extra_info=None)``; ``.batch(...)`` for the batch manager.

    Extra option: ``per_instruction`` (default True) adds the per-checker
    ``ifr/<id>`` columns.
    """

    _defaults = dict(Scorer._defaults, per_instruction=True)

    def _row(self, result):
        if result is None:  # could not evaluate (on_error="zero", or a limit was hit)
            row = {"score": 0.0, "acc": 0.0, "fraction": 0.0, "n_instructions": 0,
                   "n_followed": 0}
            if self._cfg["per_instruction"]:
                row.update(_nan_columns())
            return row
        n = len(result.followed)
        row = {"score": result.reward * self._cfg["scale"],
               "acc": 1.0 if result.all_followed else 0.0,
               "fraction": result.reward_fraction,
               "n_instructions": n,
               "n_followed": sum(result.followed)}
        if self._cfg["per_instruction"]:
            cols = _nan_columns()
            for cid, ok in zip(result.ids, result.followed):
                key = "ifr/" + cid
                if key in cols:
                    # The same id twice: followed only if every occurrence is.
                    prev = cols[key]
                    val = 1.0 if ok else 0.0
                    cols[key] = val if math.isnan(prev) else min(prev, val)
            row.update(cols)
        return row

    def __call__(self, data_source=None, solution_str=None, ground_truth=None,
                 extra_info=None, **kwargs):
        spec = _spec_of(ground_truth, extra_info)
        return self._row(self.check_one(spec, solution_str))

    def batch(self, data_sources=None, solution_strs=None, ground_truths=None,
              extra_infos=None, **kwargs):
        n = len(solution_strs)
        gts = list(ground_truths) if ground_truths is not None else [None] * n
        infos = list(extra_infos) if extra_infos is not None else [None] * n
        if len(gts) != n or len(infos) != n:
            raise ValueError("verl batch: %d solution_strs, %d ground_truths, %d extra_infos"
                             % (n, len(gts), len(infos)))
        return [self(None if data_sources is None else data_sources[i], solution_strs[i],
                     gts[i], infos[i]) for i in range(n)]


def compute_score(data_source=None, solution_str=None, ground_truth=None, extra_info=None,
                  **kwargs):
    """verl ``compute_score``; shared options may be passed as keywords
    (``custom_reward_function.reward_kwargs``) or bound with functools.partial."""
    options = _adapt.split_options(kwargs)
    if "per_instruction" in kwargs:
        options["per_instruction"] = kwargs.pop("per_instruction")
    return _adapt.scorer_for(VerlScorer, options)(data_source, solution_str, ground_truth,
                                                  extra_info)


def compute_score_batch(data_sources=None, solution_strs=None, ground_truths=None,
                        extra_infos=None, **kwargs):
    """verl ``BatchRewardManager`` entry point: a list of dicts, one per sample."""
    options = _adapt.split_options(kwargs)
    if "per_instruction" in kwargs:
        options["per_instruction"] = kwargs.pop("per_instruction")
    return _adapt.scorer_for(VerlScorer, options).batch(data_sources, solution_strs,
                                                        ground_truths, extra_infos)
