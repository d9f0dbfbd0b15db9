"""Options and plumbing shared by every trainer adapter.

Each adapter (``ifreward.trl``, ``.verl``, ``.openrlhf``, ``.slime``,
``.areal``, ``.open_instruct``) is a subclass of :class:`Scorer` whose
``__call__`` has its trainer's exact signature, plus a module-level function
with the same signature that takes the options as keywords (so
``functools.partial(ifreward.verl.compute_score, loose=True)`` works).

Shared options (all keyword-only, all off by default):

``loose``            IFEval's loose mode (any of 8 variants passes).
``precise``          precise semantics instead of compat (``semantics=`` also
                     accepted: "compat" or "precise").
``aggregate``        "all" (1 only if every instruction is followed) or
                     "fraction" (share of instructions followed).
``scale``            multiply the reward (open-instruct multiplies by 10).
``strip_reasoning``  score only what follows the last ``</think>`` (True), or
                     the last occurrence of the marker string given. A text
                     without the marker is scored whole, unless it opened a
                     ``<think>`` block it never closed (then it is empty).
``suite``            default suite for bare ids (None: auto).
``preprocess``       None, or "open_instruct" (its answer clean-up, in C).
``guards``           reward guards: "empty", "truncated", "repetition".
``threads``          native threads for batched calls (default 1: trainers
                     usually run many reward workers already; 0: all cores).
``options``          an :class:`ifreward.Options` for everything else (limits,
                     ``on_error="mark"``...); replaces precise/semantics/suite/
                     preprocess/guards, which must then be left unset.
``on_error``         "raise" (default: a malformed spec is a data bug) or
                     "zero" (score such items 0 and carry on). A *response*
                     that makes a check hit a limit (IFR_E_LIMIT, e.g. the
                     regex match limit) always scores 0: a policy must not be
                     able to crash training with its output.

Scorers are plain, picklable values: pickling keeps only the options; the
library is opened lazily in the process that first scores something, and the
compiled-spec cache is per process. Any number of threads may call one
scorer at once (specs are shared, each thread checks with its own result).
"""

import ifreward
from ifreward import _native
from ifreward.errors import IFR_E_LIMIT, IFR_E_NOMEM, IFR_E_SPEC, SpecError

_OPTION_NAMES = ("loose", "precise", "semantics", "aggregate", "scale", "strip_reasoning",
                 "suite", "preprocess", "guards", "threads", "on_error", "options")

MISSING = object()


def strip_reasoning(text, marker="</think>", opener="<think>"):
    """What follows the last `marker` in `text`.

    Without the marker the whole text is the answer, except when `opener`
    occurs: reasoning that was opened and never closed leaves no answer (""),
    so a policy cannot put the answer's requirements in an unfinished
    ``<think>`` block.
    """
    if not isinstance(text, str) or not marker:
        return text
    idx = text.rfind(marker)
    if idx >= 0:
        return text[idx + len(marker):]
    if opener and opener in text:
        return ""
    return text


def message_text(value):
    """The text of a completion: a str, or chat messages (TRL conversational).

    ``[{"role": "assistant", "content": "..."}]`` gives the content of the
    single message (``c[0]["content"]``); with several messages, the last
    assistant message. Content given as parts (``[{"type": "text", "text":
    ...}]``) is joined.
    """
    if value is None or isinstance(value, (str, bytes)):
        return value
    if isinstance(value, dict):
        return _content(value.get("content"))
    if isinstance(value, (list, tuple)):
        if not value:
            return ""
        if all(isinstance(m, dict) for m in value):
            if len(value) == 1:
                return _content(value[0].get("content"))
            for m in reversed(value):
                if m.get("role", "assistant") == "assistant":
                    return _content(m.get("content"))
            return _content(value[-1].get("content"))
        if all(isinstance(m, str) for m in value):
            return value[0] if len(value) == 1 else "".join(value)
    raise TypeError("cannot read a completion from %s" % type(value).__name__)


def _content(content):
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content)


def spec_from_fields(fields, spec_key="ground_truth"):
    """The spec in a row-like mapping, or MISSING.

    Looks at ``fields[spec_key]`` first, then at ``instruction_id_list`` +
    ``kwargs`` (an IFEval/IFBench row), then at a nested ``ground_truth``.
    """
    if not fields:
        return MISSING
    value = fields.get(spec_key) if spec_key else None
    if _present(value):
        return value
    ids = fields.get("instruction_id_list")
    if _present(ids):
        kwargs = fields.get("kwargs")
        if not _present(kwargs):
            kwargs = [{} for _ in range(len(ids))]
        row = {"instruction_id_list": ids, "kwargs": kwargs}
        suite = fields.get("suite")
        if isinstance(suite, str) and suite:
            row["suite"] = suite
        return row
    if spec_key != "ground_truth":
        value = fields.get("ground_truth")
        if _present(value):
            return value
    return MISSING


def _present(value):
    if value is None:
        return False
    if isinstance(value, (str, bytes, list, tuple, dict)):
        return len(value) > 0
    if hasattr(value, "__len__"):
        try:
            return len(value) > 0
        except TypeError:
            return True
    return True


class Scorer:
    """Adapter options plus batched, cached, thread-safe scoring.

    ``Scorer(loose=False, precise=False, aggregate="all", scale=1.0,
    strip_reasoning=False, suite=None, preprocess=None, guards=(), threads=1,
    on_error="raise")``; see the module docstring. ``name`` sets
    ``__name__`` (TRL logs rewards under it).
    """

    _defaults = dict(loose=False, precise=False, semantics=None, aggregate="all", scale=1.0,
                     strip_reasoning=False, suite=None, preprocess=None, guards=(),
                     threads=1, on_error="raise", options=None)
    default_name = "ifreward"

    def __init__(self, *, name=None, **options):
        unknown = set(options) - set(self._defaults)
        if unknown:
            raise TypeError("unknown option(s): %s" % ", ".join(sorted(unknown)))
        cfg = dict(self._defaults)
        cfg.update(options)
        if cfg["aggregate"] not in ("all", "fraction"):
            raise ValueError("aggregate must be 'all' or 'fraction', not %r" % (cfg["aggregate"],))
        if cfg["on_error"] not in ("raise", "zero"):
            raise ValueError("on_error must be 'raise' or 'zero', not %r" % (cfg["on_error"],))
        cfg["scale"] = float(cfg["scale"])
        cfg["threads"] = int(cfg["threads"])
        if cfg["threads"] < 0:
            raise ValueError("threads must be >= 0")
        if isinstance(cfg["guards"], str):
            cfg["guards"] = (cfg["guards"],)
        cfg["guards"] = tuple(cfg["guards"] or ())
        self._cfg = cfg
        self.__name__ = name or self.default_name
        if cfg["options"] is not None:
            if not isinstance(cfg["options"], ifreward.Options):
                raise TypeError("options must be an ifreward.Options")
            clash = [k for k in ("precise", "semantics", "suite", "preprocess", "guards")
                     if cfg[k] not in (None, False, ()) and cfg[k] != self._defaults[k]]
            if clash:
                raise TypeError("give options= or %s, not both" % ", ".join(clash))
            self._options = cfg["options"]
            return
        # Validates precise/semantics/suite/preprocess/guards now, not at first call.
        self._options = ifreward.Options(
            precise=cfg["precise"] if cfg["semantics"] is None else None,
            semantics=cfg["semantics"], suite=cfg["suite"], preprocess=cfg["preprocess"],
            guards=cfg["guards"])

    # -- value semantics --
    def __getattr__(self, name):
        cfg = self.__dict__.get("_cfg")
        if cfg is not None and name in cfg:
            return cfg[name]
        raise AttributeError(name)

    def config(self):
        """The options as a dict (what pickling keeps)."""
        return dict(self._cfg)

    def replace(self, **changes):
        """A copy with some options changed."""
        cfg = self.config()
        cfg.update(changes)
        return type(self)(name=self.__name__, **cfg)

    def __getstate__(self):
        return {"cfg": self.config(), "name": self.__name__}

    def __setstate__(self, state):
        self.__init__(name=state["name"], **state["cfg"])

    def __eq__(self, other):
        return type(other) is type(self) and other.__getstate__() == self.__getstate__()

    def __hash__(self):
        return hash((type(self), self.__name__, tuple(sorted(
            (k, repr(v)) for k, v in self._cfg.items()))))

    def __repr__(self):
        changed = ", ".join("%s=%r" % (k, v) for k, v in self._cfg.items()
                            if v != self._defaults[k])
        return "%s.%s(%s)" % (type(self).__module__, type(self).__qualname__, changed)

    # -- building blocks --
    @property
    def options(self):
        return self._options

    def prepare(self, text):
        """The response text to score (reasoning stripped if asked)."""
        text = message_text(text)
        marker = self._cfg["strip_reasoning"]
        if marker:
            if marker is True:
                text = strip_reasoning(text)
            else:
                text = strip_reasoning(text, str(marker), None)
        return text

    def compile(self, spec, index=None):
        """A compiled Spec (cached per process), or None when on_error='zero'."""
        if spec is MISSING:
            exc = SpecError(IFR_E_SPEC, "no spec found: expected a ground_truth value or "
                            "instruction_id_list + kwargs", index=index)
            if self._cfg["on_error"] == "raise":
                raise exc
            return None
        try:
            return ifreward.compile_cached(spec, self._options)
        except ifreward.IfrError as exc:
            if self._cfg["on_error"] == "raise" or isinstance(exc, MemoryError):
                if index is not None and exc.index is None:
                    exc.index = index
                    exc.args = (exc._text(),)
                raise
            return None

    def score_many(self, specs, texts, scaled=True, truncated=None):
        """(rewards, all_followed) for aligned specs/texts; one C batch call.

        Rewards are scaled unless ``scaled=False``. Items whose spec is None
        (a compile error under on_error='zero') score 0. ``truncated`` (a list
        of bools, optional) marks generations that hit their length limit
        (``IFR_CHECK_TRUNCATED``; it matters with the "truncated" guard).
        """
        n = len(specs)
        if len(texts) != n:
            raise ValueError("%d specs but %d texts" % (n, len(texts)))
        compiled = [s if s is None or isinstance(s, ifreward.Spec) else self.compile(s, i)
                    for i, s in enumerate(specs)]
        rewards = [0.0] * n
        allf = [False] * n
        agg = _native.IFR_AGGREGATE_FRACTION if self._cfg["aggregate"] == "fraction" \
            else _native.IFR_AGGREGATE_ALL
        scale = self._cfg["scale"] if scaled else 1.0
        groups = [(False, [i for i, s in enumerate(compiled) if s is not None
                           and not (truncated and truncated[i])])]
        if truncated:
            groups.append((True, [i for i, s in enumerate(compiled) if s is not None
                                  and truncated[i]]))
        for cut, idx in groups:
            if not idx:
                continue
            r, codes, a = ifreward._run_batch(
                [compiled[i] for i in idx], [self.prepare(texts[i]) for i in idx],
                self._cfg["loose"], agg, self._cfg["threads"], self._options, cut)
            for j, i in enumerate(idx):
                if codes[j] != 0:
                    if codes[j] == IFR_E_LIMIT:
                        continue  # the response hit a limit: it scores 0, never raises
                    if self._cfg["on_error"] == "raise" or codes[j] == IFR_E_NOMEM:
                        cls = ifreward.errors.error_class(codes[j])
                        raise cls(codes[j], _native.strerror(codes[j]), index=i)
                    continue
                rewards[i] = r[j] * scale
                allf[i] = a[j]
        return rewards, allf

    def check_one(self, spec, text):
        """A :class:`ifreward.CheckResult` (unscaled), or None (on_error='zero')."""
        compiled = spec if isinstance(spec, ifreward.Spec) else self.compile(spec)
        if compiled is None:
            return None
        try:
            return compiled.check(self.prepare(text), self._cfg["loose"],
                                  aggregate=self._cfg["aggregate"])
        except ifreward.IfrError as exc:
            if exc.code == IFR_E_LIMIT:
                return None  # the response hit a limit: it scores 0, never raises
            if self._cfg["on_error"] == "raise" or isinstance(exc, MemoryError):
                raise
            return None

    def score_one(self, spec, text):
        """One scaled reward (0.0 for an error under on_error='zero')."""
        compiled = spec if isinstance(spec, ifreward.Spec) else self.compile(spec)
        if compiled is None:
            return 0.0
        try:
            return compiled.reward(self.prepare(text), self._cfg["loose"],
                                   aggregate=self._cfg["aggregate"]) * self._cfg["scale"]
        except ifreward.IfrError as exc:
            if exc.code == IFR_E_LIMIT:
                return 0.0  # the response hit a limit: it scores 0, never raises
            if self._cfg["on_error"] == "raise" or isinstance(exc, MemoryError):
                raise
            return 0.0


_scorers = {}


def scorer_for(cls, options):
    """A shared instance of `cls` for these keyword options (module-level functions)."""
    key = (cls, tuple(sorted((k, repr(v)) for k, v in options.items())))
    s = _scorers.get(key)
    if s is None:
        s = _scorers.setdefault(key, cls(**options))
    return s


def split_options(kwargs):
    """Pop the shared adapter options out of a trainer's **kwargs."""
    return {k: kwargs.pop(k) for k in _OPTION_NAMES if k in kwargs}
