"""slime custom reward model (``--custom-rm-path``).

One line::

    --custom-rm-path ifreward.slime.custom_rm                 # one sample at a time
    --group-rm --custom-rm-path ifreward.slime.batched_custom_rm   # a whole group

slime awaits ``custom_rm(args, sample, **kwargs)`` for each sample, or, with
``--group-rm``, ``rm(args, samples, **kwargs)`` with the list of samples of a
group (the same ``--custom-rm-path`` is used for both, so :func:`custom_rm`
also accepts a list and returns a list). The response is ``sample.response``;
the spec is ``sample.label`` (a JSON string or open-instruct literal), or
``sample.metadata``'s ``ground_truth`` / ``instruction_id_list`` + ``kwargs``.
A sample whose ``status`` is ``TRUNCATED`` is checked with
``IFR_CHECK_TRUNCATED`` (it matters with ``guards=("truncated",)``: an
unclosed code fence, bracket or quote in a cut-off answer then scores 0).
Rewards are floats. A batch is scored in one C call on a worker thread, so
the event loop is not blocked.

Options: ``functools.partial`` is not loadable by path, so configure with a
module of your own: ``my_rm = ifreward.slime.SlimeReward(loose=True)`` and
``--custom-rm-path mymodule.my_rm`` (instances are awaitable callables).
"""

import asyncio

from ifreward import _adapt
from ifreward._adapt import MISSING, Scorer

__all__ = ["SlimeReward", "custom_rm", "batched_custom_rm"]


def _sample_spec(sample):
    label = getattr(sample, "label", None)
    if _adapt._present(label):
        return label
    metadata = getattr(sample, "metadata", None)
    if isinstance(metadata, dict):
        return _adapt.spec_from_fields(metadata)
    return MISSING


def _sample_text(sample):
    return getattr(sample, "response", "")


def _sample_truncated(sample):
    status = getattr(sample, "status", None)
    return getattr(status, "name", status) in ("TRUNCATED", "truncated")


class SlimeReward(Scorer):
    """``await SlimeReward(**options)(args, sample_or_samples)`` -> float or list[float]."""

    # Small groups are scored inline; bigger ones on a thread (C runs without the GIL).
    _inline_max = 8

    def score_samples(self, samples):
        """Synchronous: rewards of a list of slime samples."""
        rewards, _ = self.score_many([_sample_spec(s) for s in samples],
                                     [_sample_text(s) for s in samples],
                                     truncated=[_sample_truncated(s) for s in samples])
        return rewards

    async def __call__(self, args, sample, **kwargs):
        if isinstance(sample, (list, tuple)):
            return await self.batch(args, sample, **kwargs)
        return self.score_samples([sample])[0]

    async def batch(self, args, samples, **kwargs):
        samples = list(samples)
        if len(samples) <= self._inline_max:
            return self.score_samples(samples)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.score_samples, samples)


async def custom_rm(args, sample, **kwargs):
    """slime ``custom_rm(args, sample)`` (a list of samples gives a list)."""
    return await _adapt.scorer_for(SlimeReward, _adapt.split_options(kwargs))(args, sample)


async def batched_custom_rm(args, samples, **kwargs):
    """slime ``--group-rm`` form: ``rm(args, samples) -> list[float]``."""
    return await _adapt.scorer_for(SlimeReward, _adapt.split_options(kwargs)).batch(args, samples)
