"""OpenRLHF custom reward function (``--remote_rm_url /path/to/reward_func.py``).

OpenRLHF imports the *file* given to ``--remote_rm_url`` (or
``--reward.remote_url``) and calls its ``reward_func(queries, prompts,
labels)``; ``--label_key`` names the dataset column holding the spec. Either
point it at this module's file::

    --remote_rm_url "$(python3 -c 'import ifreward.openrlhf as m; print(m.__file__)')"

or at a two-line file of your own::

    from ifreward.openrlhf import reward_func       # or OpenRLHFReward(loose=True)

(this module only uses absolute imports, so it works when loaded by path).
For a separate reward server speaking OpenRLHF's remote protocol, see
``python -m ifreward.serve``.

Each query is the decoded prompt + response (special tokens kept): the
response is what follows the prompt (left padding before the prompt is
skipped), minus trailing end-of-turn tokens (``stop_tokens``). The result is
``{"rewards", "scores", "extra_logs"}``: ``rewards`` (scaled), ``scores``
(unscaled, in [0, 1], for dynamic filtering) and ``extra_logs``
(``ifr_all_followed``), as torch tensors when torch is importable (OpenRLHF
concatenates them with ``torch.cat``), else lists (``tensors="list"``).
"""

from ifreward import _adapt
from ifreward._adapt import Scorer

__all__ = ["OpenRLHFReward", "reward_func", "response_of", "DEFAULT_STOP_TOKENS"]

# End-of-turn / end-of-text markers of common chat templates.
DEFAULT_STOP_TOKENS = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end_of_text|>",
                       "<|eom_id|>", "</s>", "<\uff5cend\u2581of\u2581sentence\uff5c>",
                       "<|end|>", "<end_of_turn>", "<eos>", "<|return|>")


def response_of(query, prompt, stop_tokens=DEFAULT_STOP_TOKENS):
    """The response inside an OpenRLHF query (prompt + response)."""
    query = query if isinstance(query, str) else ("" if query is None else str(query))
    if prompt:
        at = query.find(prompt)
        query = query[at + len(prompt):] if at >= 0 else query[len(prompt):]
    if stop_tokens:
        changed = True
        while changed and query:
            changed = False
            for tok in stop_tokens:
                if tok and query.endswith(tok):
                    query = query[: -len(tok)]
                    changed = True
    return query


def _as_tensor(values, mode):
    if mode == "list":
        return list(values)
    try:
        import torch
    except ImportError:
        if mode == "torch":
            raise
        return list(values)
    return torch.tensor(values, dtype=torch.float32)


class OpenRLHFReward(Scorer):
    """Configurable ``reward_func``: ``OpenRLHFReward(**options)(queries, prompts, labels)``.

    Extra options: ``stop_tokens`` (trailing markers to drop; default
    :data:`DEFAULT_STOP_TOKENS`), ``tensors`` ("auto", "torch" or "list").
    """

    _defaults = dict(Scorer._defaults, stop_tokens=DEFAULT_STOP_TOKENS, tensors="auto")

    def __init__(self, **options):
        super().__init__(**options)
        self._cfg["stop_tokens"] = tuple(self._cfg["stop_tokens"] or ())
        if self._cfg["tensors"] not in ("auto", "torch", "list"):
            raise ValueError("tensors must be 'auto', 'torch' or 'list'")

    def lists(self, queries, prompts, labels):
        """(rewards, scores, all_followed) as lists (what the HTTP server sends)."""
        n = len(queries)
        if prompts is None:
            prompts = [""] * n
        if labels is None:
            labels = [None] * n
        if len(prompts) != n or len(labels) != n:
            raise ValueError("%d queries, %d prompts, %d labels" % (n, len(prompts), len(labels)))
        stops = self._cfg["stop_tokens"]
        texts = [response_of(q, p, stops) for q, p in zip(queries, prompts)]
        specs = [lab if _adapt._present(lab) else _adapt.MISSING for lab in labels]
        scores, allf = self.score_many(specs, texts, scaled=False)
        scale = self._cfg["scale"]
        rewards = [s * scale for s in scores]
        return rewards, scores, allf

    def __call__(self, queries, prompts=None, labels=None, **kwargs):
        rewards, scores, allf = self.lists(queries, prompts, labels)
        mode = self._cfg["tensors"]
        return {
            "rewards": _as_tensor(rewards, mode),
            "scores": _as_tensor(scores, mode),
            "extra_logs": {"ifr_all_followed": _as_tensor([1.0 if a else 0.0 for a in allf],
                                                          mode)},
        }


def reward_func(queries, prompts=None, labels=None, **kwargs):
    """OpenRLHF's ``reward_func(queries, prompts, labels)`` with default options.

    Shared options may be passed as keywords (or bound with functools.partial).
    Unknown keywords OpenRLHF adds (e.g. ``metas``) are ignored.
    """
    options = _adapt.split_options(kwargs)
    for extra in ("stop_tokens", "tensors"):
        if extra in kwargs:
            options[extra] = kwargs.pop(extra)
    return _adapt.scorer_for(OpenRLHFReward, options)(queries, prompts, labels)
