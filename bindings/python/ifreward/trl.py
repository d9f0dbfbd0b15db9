"""TRL ``GRPOTrainer`` reward function.

One line::

    GRPOTrainer(..., reward_funcs=ifreward.trl.reward)
    GRPOTrainer(..., reward_funcs=ifreward.trl.Reward(loose=True, aggregate="fraction"))

TRL calls ``reward_func(prompts=..., completions=..., completion_ids=...,
**columns)`` where ``columns`` holds every other dataset column as a list
(plus ``trainer_state`` in recent versions). Completions are strings
(standard) or message lists (conversational, ``c[0]["content"]``). The spec
of sample ``i`` comes from the ``ground_truth`` column, or from the
``instruction_id_list`` + ``kwargs`` columns (an IFEval-style dataset). A
sample without a spec gets ``None`` (TRL ignores it for this reward), so the
function can sit next to others in a mixed-task run.

Use the :class:`Reward` class rather than ``functools.partial`` with TRL:
TRL logs each reward under ``reward_func.__name__``, which a partial lacks.
The whole batch is scored in one C call (``ifr_check_batch``) without the GIL.
"""

from ifreward import _adapt
from ifreward._adapt import MISSING, Scorer

__all__ = ["Reward", "reward"]


class Reward(Scorer):
    """A configurable TRL reward function (picklable, thread-safe).

    ``Reward(spec_column="ground_truth", **options)``; options as in
    :mod:`ifreward._adapt` (``loose``, ``precise``, ``aggregate``, ``scale``,
    ``strip_reasoning``, ...). ``__name__`` is "ifreward" unless ``name=``.
    """

    _defaults = dict(Scorer._defaults, spec_column="ground_truth")

    def __call__(self, prompts=None, completions=None, completion_ids=None, **columns):
        if completions is None:
            raise TypeError("TRL reward: completions is required")
        n = len(completions)
        spec_col = self._cfg["spec_column"]
        for name in (spec_col, "ground_truth", "instruction_id_list", "kwargs"):
            col = columns.get(name)
            if col is not None and hasattr(col, "__len__") and len(col) != n:
                raise ValueError("TRL reward: column %r has %d values for %d completions"
                                 % (name, len(col), n))
        specs = []
        main = columns.get(spec_col)
        for i in range(n):
            value = _at(main, i)
            if type(value) is str and value or type(value) is dict and value:
                specs.append(value)  # the common case, kept cheap
                continue
            row = {k: _at(columns.get(k), i)
                   for k in (spec_col, "ground_truth", "instruction_id_list", "kwargs", "suite")}
            specs.append(_adapt.spec_from_fields(row, spec_col))
        have = [i for i, s in enumerate(specs) if s is not MISSING]
        out = [None] * n
        if not have:
            return out
        rewards, _ = self.score_many([specs[i] for i in have], [completions[i] for i in have])
        for j, i in enumerate(have):
            out[i] = rewards[j]
        return out


def _at(col, i):
    if col is None:
        return None
    try:
        return col[i]
    except (IndexError, KeyError, TypeError):
        return None


def reward(prompts=None, completions=None, completion_ids=None, **columns):
    """``reward_funcs=ifreward.trl.reward``: strict, compat, aggregate "all".

    Shared options may be given as keywords (``loose=True``...) and are taken
    out of ``columns``; see :class:`Reward` for a named, configurable form.
    """
    options = _adapt.split_options(columns)
    if "spec_column" in columns:
        options["spec_column"] = columns.pop("spec_column")
    return _adapt.scorer_for(Reward, options)(prompts, completions, completion_ids, **columns)


reward.__name__ = "ifreward"
