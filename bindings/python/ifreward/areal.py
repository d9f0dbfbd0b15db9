"""AReaL reward function (``RLVRWorkflow(reward_fn=...)``).

One line::

    workflow = RLVRWorkflow(reward_fn=ifreward.areal.reward_fn, ...)

AReaL calls ``reward_fn(prompt, completions, prompt_ids, completion_ids,
**data)`` positionally, usually inside a ``ProcessPoolExecutor``
(``AsyncRewardWrapper``), so the function must pickle and opens the library
lazily in the worker. ``completions`` is the decoded completion (a string;
a list gives its first element); ``data`` holds the dataset row's fields: the
spec is ``data["ground_truth"]`` or ``instruction_id_list`` + ``kwargs``.
Returns a float. Configure with ``AReaLReward(**options)`` or
``functools.partial(ifreward.areal.reward_fn, loose=True)``.
"""

from ifreward import _adapt
from ifreward._adapt import Scorer

__all__ = ["AReaLReward", "reward_fn"]


def _completion(completions):
    if isinstance(completions, (list, tuple)) and completions and \
            not all(isinstance(m, dict) for m in completions):
        return completions[0]
    return completions


class AReaLReward(Scorer):
    """``AReaLReward(**options)(prompt, completions, prompt_ids, completion_ids, **data)``."""

    _defaults = dict(Scorer._defaults, spec_key="ground_truth")

    def __call__(self, prompt=None, completions=None, prompt_ids=None, completion_ids=None,
                 **data):
        spec = _adapt.spec_from_fields(data, self._cfg["spec_key"])
        return self.score_one(spec, _completion(completions))


def reward_fn(prompt=None, completions=None, prompt_ids=None, completion_ids=None, **data):
    """AReaL ``reward_fn`` with default options (shared options as keywords)."""
    options = _adapt.split_options(data)
    if "spec_key" in data:
        options["spec_key"] = data.pop("spec_key")
    return _adapt.scorer_for(AReaLReward, options)(prompt, completions, prompt_ids,
                                                   completion_ids, **data)
