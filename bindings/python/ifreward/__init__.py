"""ifreward: exact, fast instruction-following rewards (ctypes binding).

Compile once, check many::

    import ifreward
    spec = ifreward.Spec({"instruction_id_list": ["punctuation:no_comma"],
                          "kwargs": [{}]})
    result = spec.check("No commas here.")
    result.reward, result.all_followed, result.followed, result.details

    ifreward.score(spec, "text")                       # -> float
    ifreward.score_batch([spec] * 8, texts, threads=2)  # runs in C, without the GIL

A :class:`Spec` is immutable and may be shared by any number of threads; each
thread checks with its own ``ifr_result`` (kept in a ``threading.local``).
The shared library is opened lazily, on first use (see :mod:`ifreward._native`).
Trainer adapters live in :mod:`ifreward.trl`, :mod:`ifreward.verl`,
:mod:`ifreward.openrlhf`, :mod:`ifreward.slime`, :mod:`ifreward.areal` and
:mod:`ifreward.open_instruct`.
"""

import ctypes
import json
import sys
import threading

from . import _native
from . import errors
from .errors import IfrError, IfrMemoryError, SpecError

__all__ = [
    "Spec", "Options", "CheckResult", "score", "score_batch", "score_batch_both", "score_rows",
    "checkers",
    "Checker", "version", "library_path", "detect_language", "to_spec_json",
    "IfrError", "SpecError", "IfrMemoryError", "__version__",
]

__version__ = "%d.%d.%d" % _native.BINDING_VERSION

_AGGREGATES = {"all": _native.IFR_AGGREGATE_ALL,
               "fraction": _native.IFR_AGGREGATE_FRACTION}
_SEMANTICS = {"compat": _native.IFR_SEMANTICS_COMPAT,
              "precise": _native.IFR_SEMANTICS_PRECISE}
_SUITES = {None: _native.IFR_SUITE_AUTO, "auto": _native.IFR_SUITE_AUTO,
           "ifeval": _native.IFR_SUITE_IFEVAL, "iftrain": _native.IFR_SUITE_IFTRAIN,
           "ifbench": _native.IFR_SUITE_IFBENCH, "tulu3": _native.IFR_SUITE_TULU3}
_PREPROCESS = {None: _native.IFR_PREPROCESS_NONE, "none": _native.IFR_PREPROCESS_NONE,
               "open_instruct": _native.IFR_PREPROCESS_OPEN_INSTRUCT,
               "open-instruct": _native.IFR_PREPROCESS_OPEN_INSTRUCT}
_ON_ERROR = {None: _native.IFR_ON_ERROR_FAIL, "fail": _native.IFR_ON_ERROR_FAIL,
             "mark": _native.IFR_ON_ERROR_MARK}
_GUARDS = {"empty": _native.IFR_GUARD_EMPTY, "truncated": _native.IFR_GUARD_TRUNCATED,
           "repetition": _native.IFR_GUARD_REPETITION}
_LIMITS = {
    "max_spec_bytes": _native.IFR_OPT_MAX_SPEC_BYTES,
    "max_depth": _native.IFR_OPT_MAX_DEPTH,
    "max_instructions": _native.IFR_OPT_MAX_INSTRUCTIONS,
    "regex_match_limit": _native.IFR_OPT_REGEX_MATCH_LIMIT,
    "regex_depth_limit": _native.IFR_OPT_REGEX_DEPTH_LIMIT,
    "repetition_ngram": _native.IFR_OPT_REPETITION_NGRAM,
    "repetition_permille": _native.IFR_OPT_REPETITION_PERMILLE,
}


# `loose=_BOTH` (internal): strict and loose in one call, IFR_CHECK_BOTH
_BOTH = object()


def _finalizing():
    return sys is None or sys.is_finalizing()


def _aggregate(value):
    try:
        return _AGGREGATES[value]
    except KeyError:
        raise ValueError("aggregate must be 'all' or 'fraction', not %r" % (value,)) from None


def _encode(text):
    """UTF-8 bytes of a response; never raises (lone surrogates become U+FFFD in C)."""
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    if text is None:
        return b""
    raise TypeError("a response must be str or bytes, not %s" % type(text).__name__)


def _json_default(obj):
    # numpy arrays / scalars and pyarrow values that trainers hand over.
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if hasattr(obj, "item"):
        return obj.item()
    if isinstance(obj, (tuple, set, frozenset)):
        return list(obj)
    if hasattr(obj, "as_py"):
        return obj.as_py()
    raise TypeError("%s is not JSON serialisable" % type(obj).__name__)


def to_spec_json(spec):
    """The spec as UTF-8 bytes for ``ifr_spec_compile``.

    Strings (JSON, or open-instruct's Python-literal ground truth) and bytes
    pass through untouched; the C library detects the form. Dicts and lists
    (IFEval rows, open-instruct lists, Tulu 3 ``func_name`` dicts, numpy
    values inside) are serialised with :func:`json.dumps`.
    """
    if isinstance(spec, str):
        return spec.encode("utf-8", "surrogatepass")
    if isinstance(spec, (bytes, bytearray, memoryview)):
        return bytes(spec)
    if hasattr(spec, "tolist") and not isinstance(spec, (dict, list)):
        spec = spec.tolist()
    try:
        text = json.dumps(spec, ensure_ascii=False, allow_nan=False, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise SpecError(errors.IFR_E_SPEC, "spec is not JSON serialisable: %s" % exc) from None
    return text.encode("utf-8", "surrogatepass")


# MARK: options ------------------------------------------------------------


class Options:
    """Frozen options for compiling specs and checking (``ifr_options``).

    ``precise`` (or ``semantics="precise"``) closes the documented false
    positives of the reference implementations; the default ``compat``
    reproduces them exactly. ``suite`` names the default suite for bare ids
    (``"ifeval"``, ``"iftrain"``, ``"ifbench"``, ``"tulu3"``; default auto).
    ``preprocess="open_instruct"`` applies open-instruct's answer clean-up.
    ``guards`` is a set of ``"empty"``, ``"truncated"``, ``"repetition"``.
    ``on_error="mark"`` compiles a spec even if some instruction is bad (that
    instruction never passes; :meth:`Spec.errors` says why) instead of
    raising :class:`SpecError` (``"fail"``, the default).
    Limits: ``max_spec_bytes``, ``max_depth``, ``max_instructions``,
    ``regex_match_limit``, ``regex_depth_limit``, ``repetition_ngram``,
    ``repetition_permille``.

    Options are values: equal options compare and hash equal, pickle, and
    may be shared between threads. The native object is created lazily.
    """

    __slots__ = ("_values", "_key", "_ptr", "_lock", "__weakref__")

    def __init__(self, *, precise=None, semantics=None, suite=None, preprocess=None,
                 guards=(), on_error=None, **limits):
        values = {}
        if precise is not None and semantics is not None:
            raise ValueError("give either precise= or semantics=, not both")
        if precise is not None:
            semantics = "precise" if precise else "compat"
        if semantics is not None:
            if semantics not in _SEMANTICS:
                raise ValueError("semantics must be 'compat' or 'precise', not %r" % (semantics,))
            values[_native.IFR_OPT_SEMANTICS] = _SEMANTICS[semantics]
        if suite not in _SUITES:
            raise ValueError("unknown suite %r (one of %s)" % (
                suite, ", ".join(s for s in _SUITES if s)))
        if suite not in (None, "auto"):
            values[_native.IFR_OPT_SUITE] = _SUITES[suite]
        if preprocess not in _PREPROCESS:
            raise ValueError("preprocess must be None or 'open_instruct', not %r" % (preprocess,))
        if _PREPROCESS[preprocess]:
            values[_native.IFR_OPT_PREPROCESS] = _PREPROCESS[preprocess]
        if on_error not in _ON_ERROR:
            raise ValueError("on_error must be 'fail' or 'mark', not %r" % (on_error,))
        if _ON_ERROR[on_error]:
            values[_native.IFR_OPT_ON_ERROR] = _ON_ERROR[on_error]
        if isinstance(guards, str):
            guards = [guards]
        bits = 0
        for g in guards or ():
            if isinstance(g, int):
                bits |= g
            elif g in _GUARDS:
                bits |= _GUARDS[g]
            else:
                raise ValueError("unknown guard %r (one of %s)" % (g, ", ".join(_GUARDS)))
        if bits:
            values[_native.IFR_OPT_GUARDS] = bits
        for name, value in limits.items():
            if name not in _LIMITS:
                raise TypeError("unknown option %r" % name)
            if value is not None:
                values[_LIMITS[name]] = int(value)
        self._values = values
        self._key = tuple(sorted(values.items()))
        self._ptr = None
        self._lock = threading.Lock()

    @classmethod
    def _coerce(cls, options, **kw):
        given = [k for k, v in kw.items() if v is not None and v is not False and v != ()]
        # (the same test as _given(); kept inline for the error message)
        if options is None:
            return cls(**kw) if given else DEFAULT
        if not isinstance(options, Options):
            raise TypeError("options must be ifreward.Options, not %s" % type(options).__name__)
        if given:
            raise TypeError("give either options= or keyword options (%s), not both"
                            % ", ".join(given))
        return options

    @property
    def precise(self):
        return self._values.get(_native.IFR_OPT_SEMANTICS, 0) == _native.IFR_SEMANTICS_PRECISE

    def get(self, key):
        """Raw value of an ``IFR_OPT_*`` key as the library sees it."""
        value = ctypes.c_int64()
        _native.load().ifr_options_get(self._as_parameter_, int(key), ctypes.byref(value))
        return value.value

    @property
    def _as_parameter_(self):
        if not self._values:
            return _NULL_OPTIONS  # NULL: the library defaults
        ptr = self._ptr
        if ptr is None:
            with self._lock:
                if self._ptr is None:
                    lib = _native.load()
                    out = _native.OptionsP()
                    lib.ifr_options_new(ctypes.byref(out), None)
                    try:
                        for key, value in self._key:
                            lib.ifr_options_set(out, key, value)
                    except BaseException:
                        lib.ifr_options_free(out)
                        raise
                    self._ptr = out
                ptr = self._ptr
        return ptr

    def __eq__(self, other):
        return isinstance(other, Options) and other._key == self._key

    def __hash__(self):
        return hash(self._key)

    def __repr__(self):
        names = {v: k for k, v in _LIMITS.items()}
        parts = []
        for key, value in self._key:
            if key == _native.IFR_OPT_SEMANTICS:
                parts.append("precise=%r" % bool(value))
            elif key == _native.IFR_OPT_SUITE:
                parts.append("suite=%r" % next(k for k, v in _SUITES.items() if v == value and k))
            elif key == _native.IFR_OPT_PREPROCESS:
                parts.append("preprocess='open_instruct'")
            elif key == _native.IFR_OPT_ON_ERROR:
                parts.append("on_error='mark'")
            elif key == _native.IFR_OPT_GUARDS:
                parts.append("guards=%r" % sorted(n for n, b in _GUARDS.items() if value & b))
            else:
                parts.append("%s=%r" % (names.get(key, key), value))
        return "Options(%s)" % ", ".join(parts)

    def __reduce__(self):
        return (_options_from_key, (self._key,))

    def close(self):
        """Free the native ``ifr_options`` now. Specs and results made with
        it keep working (they copy what they need); using the Options again
        creates a fresh native object."""
        with self._lock:
            ptr, self._ptr = self._ptr, None
        if ptr is not None and _native._lib is not None:
            _native._lib.ifr_options_free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        if getattr(self, "_ptr", None) is None or _finalizing():
            return
        self.close()


_NULL_OPTIONS = _native.OptionsP()


def _options_from_key(key):
    opts = Options()
    opts._values = dict(key)
    opts._key = tuple(key)
    return opts


DEFAULT = Options()


# MARK: results ------------------------------------------------------------


class _Result:
    """Owns one ``ifr_result`` (scratch for one thread at a time) and the
    ``ifr_error`` buffer that goes with it."""

    __slots__ = ("_ptr", "_options", "err", "__weakref__")

    def __init__(self, options=DEFAULT):
        lib = _native.load()
        out = _native.ResultP()
        lib.ifr_result_new(ctypes.byref(out), options)
        self._ptr = out
        self._options = options  # keep alive as long as the result
        self.err = _native.ErrorBuffer()

    @property
    def _as_parameter_(self):
        if self._ptr is None:
            raise ValueError("result is closed")
        return self._ptr

    def close(self):
        ptr, self._ptr = self._ptr, None
        if ptr is not None and _native._lib is not None:
            _native._lib.ifr_result_free(ptr)

    def __del__(self):
        if getattr(self, "_ptr", None) is None or _finalizing():
            return
        self.close()


_local = threading.local()


def _thread_result(options):
    """This thread's result for `options` (created on first use)."""
    try:
        cache = _local.results
    except AttributeError:
        cache = _local.results = {}
    res = cache.get(options._key)
    if res is None:
        res = cache[options._key] = _Result(options)
    return res


class CheckResult:
    """What one check found: a snapshot, independent of later checks.

    Attributes: ``reward`` (under the aggregation asked for), ``reward_all``,
    ``reward_fraction``, ``all_followed`` (bool), ``followed`` (list of bool,
    one per instruction), ``details`` (list of str), ``statuses`` (list of
    int: 0, or the IFR_E_* code explaining why an instruction has no verdict),
    ``ids`` (instruction ids, a tuple), ``guard`` (the IFR_GUARD_* bit that zeroed the
    reward, or 0).
    """

    __slots__ = ("reward", "reward_all", "reward_fraction", "all_followed", "followed",
                 "details", "statuses", "ids", "guard")

    def __init__(self, reward, reward_all, reward_fraction, all_followed, followed, details,
                 statuses, ids, guard):
        self.reward = reward
        self.reward_all = reward_all
        self.reward_fraction = reward_fraction
        self.all_followed = all_followed
        self.followed = followed
        self.details = details
        self.statuses = statuses
        self.ids = ids
        self.guard = guard

    @property
    def fraction(self):
        return self.reward_fraction

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self):
        return ("CheckResult(reward=%r, all_followed=%r, followed=%r, details=%r)"
                % (self.reward, self.all_followed, self.followed, self.details))

    def __reduce__(self):
        return (CheckResult, tuple(getattr(self, n) for n in self.__slots__))


# MARK: specs --------------------------------------------------------------


class Spec:
    """The instructions for one prompt, compiled once (``ifr_spec``).

    ``spec`` may be a dict (IFEval/IFBench row with ``instruction_id_list``
    and ``kwargs``; a Tulu 3 ``{"func_name": ...}`` dict; any of these under
    ``"ground_truth"``), a list (open-instruct ground truth), a JSON string,
    an open-instruct Python-literal string, or bytes. Options: ``options=``
    an :class:`Options`, or its keywords directly (``precise=True``,
    ``suite="ifbench"``, ...).

    Raises :class:`SpecError` (a ValueError) with the JSON path when the spec
    cannot be compiled. A Spec is immutable and thread-safe; it pickles (by
    recompiling its source). Use ``close()`` or ``with`` to free it early.
    """

    __slots__ = ("_ptr", "_source", "options", "_ids", "__weakref__")

    def __init__(self, spec, *, options=None, **option_kw):
        self._ptr = None
        if isinstance(spec, Spec):
            if options is None and not option_kw:
                options = spec.options
            spec = spec._source
        self.options = Options._coerce(options, **option_kw)
        self._ids = None
        self._source = to_spec_json(spec)
        lib = _native.load()
        out = _native.SpecP()
        err = _native.ErrorBuffer()
        lib.ifr_spec_compile(ctypes.byref(out), self._source, len(self._source),
                             self.options, err)
        self._ptr = out

    # -- handle protocol --
    @property
    def _as_parameter_(self):
        if self._ptr is None:
            raise ValueError("spec is closed")
        return self._ptr

    @property
    def closed(self):
        return self._ptr is None

    def close(self):
        """Free the compiled spec now (idempotent). Only call it when no other
        thread is checking with this spec; otherwise let it be garbage
        collected."""
        ptr, self._ptr = self._ptr, None
        if ptr is not None and _native._lib is not None:
            _native._lib.ifr_spec_free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        if getattr(self, "_ptr", None) is None or _finalizing():
            return
        self.close()

    def __reduce__(self):
        return (_spec_from_source, (self._source, self.options))

    # -- introspection --
    @property
    def source(self):
        """The spec as compiled (UTF-8 bytes)."""
        return self._source

    def _live(self):
        ptr = self._ptr
        if ptr is None:
            raise ValueError("spec is closed")
        return ptr

    def __len__(self):
        return _native.load().ifr_spec_count(self._live())

    @property
    def ids(self):
        """Instruction ids in order, as written in the spec."""
        if self._ids is None:
            lib = _native.load()
            ptr = self._live()
            self._ids = tuple((lib.ifr_spec_id(ptr, i) or b"").decode("utf-8", "replace")
                              for i in range(lib.ifr_spec_count(ptr)))
        return list(self._ids)

    @property
    def suites(self):
        """Suite each instruction resolved to ("ifeval", "ifbench", ...)."""
        lib = _native.load()
        ptr = self._live()
        return [(lib.ifr_spec_suite(ptr, i) or b"").decode("utf-8", "replace")
                for i in range(lib.ifr_spec_count(ptr))]

    def errors(self):
        """Compile errors of instructions kept under ``on_error="mark"``:
        a list with, per instruction, None or the :class:`SpecError`."""
        lib = _native.load()
        ptr = self._live()
        out = []
        for i in range(lib.ifr_spec_count(ptr)):
            buf = _native.ErrorBuffer()
            code = lib.ifr_spec_error(ptr, i, buf)
            out.append(None if code == 0 else buf.exception(code, compiling=True))
        return out

    def __repr__(self):
        if self._ptr is None:
            return "<ifreward.Spec (closed)>"
        return "<ifreward.Spec %s>" % ", ".join(self.ids)

    # -- checking --
    def _check(self, text, loose, truncated, nodetail=False):
        # The hot path: keep it short (see bench/python_overhead.py).
        ptr = self._ptr
        if ptr is None:
            raise ValueError("spec is closed")
        res = _thread_result(self.options)
        data = text.encode("utf-8", "surrogatepass") if type(text) is str else _encode(text)
        flags = (_native.IFR_CHECK_BOTH if loose is _BOTH else
                 _native.IFR_CHECK_LOOSE if loose else 0) | \
            (_native.IFR_CHECK_TRUNCATED if truncated else 0) | \
            (_native.IFR_CHECK_NO_DETAILS if nodetail else 0)
        (_native._lib or _native.load()).ifr_check(res._ptr, ptr, data, len(data), flags,
                                                   res.err)
        return res

    def check(self, text, loose=False, *, aggregate="all", truncated=False):
        """Check one response; returns a :class:`CheckResult`.

        ``loose`` passes an instruction if any of IFEval's 8 loose variants
        passes. ``aggregate`` picks ``reward`` ("all": 1 only if every
        instruction is followed; "fraction": share followed). ``truncated``
        says generation hit its length limit (only matters with the
        "truncated" guard). Never raises because the response is bad.
        """
        agg = _aggregate(aggregate)
        lib = _native.load()
        res = self._check(text, loose, truncated)._ptr
        return self._result(lib, res, agg)

    def check_both(self, text, *, aggregate="all", truncated=False):
        """Strict and loose in one call (``IFR_CHECK_BOTH``): returns
        ``(strict, loose)`` :class:`CheckResult` objects, the same as
        ``check(text)`` and ``check(text, loose=True)``, for about the cost
        of the loose check alone (one analysis of the response serves both)."""
        agg = _aggregate(aggregate)
        lib = _native.load()
        res = self._check(text, _BOTH, truncated)._ptr
        return self._result(lib, res, agg), self._result(lib, lib.ifr_result_loose(res), agg)

    def _result(self, lib, res, agg):
        n = lib.ifr_result_count(res)
        followed = [bool(lib.ifr_result_followed(res, i)) for i in range(n)]
        details = [(lib.ifr_result_detail(res, i) or b"").decode("utf-8", "replace")
                   for i in range(n)]
        statuses = [lib.ifr_result_status(res, i) for i in range(n)]
        r_all = lib.ifr_result_reward(res, _native.IFR_AGGREGATE_ALL)
        r_frac = lib.ifr_result_reward(res, _native.IFR_AGGREGATE_FRACTION)
        if self._ids is None:
            self.ids
        return CheckResult(r_frac if agg == _native.IFR_AGGREGATE_FRACTION else r_all,
                           r_all, r_frac, bool(lib.ifr_result_all_followed(res)), followed,
                           details, statuses, self._ids, lib.ifr_result_guard(res))

    def verdicts(self, text, loose=False, *, truncated=False):
        """``(followed, reward_all, reward_fraction)`` without details: the
        cheap way to get per-instruction verdicts."""
        lib = _native._lib or _native.load()
        res = self._check(text, loose, truncated, True)._ptr
        followed = [lib.ifr_result_followed(res, i) == 1
                    for i in range(lib.ifr_result_count(res))]
        return (followed, lib.ifr_result_reward(res, _native.IFR_AGGREGATE_ALL),
                lib.ifr_result_reward(res, _native.IFR_AGGREGATE_FRACTION))

    def reward(self, text, loose=False, *, aggregate="all", truncated=False):
        """Just the reward of one response (cheapest single check)."""
        agg = _AGGREGATES.get(aggregate)
        if agg is None:
            agg = _aggregate(aggregate)
        res = self._check(text, loose, truncated, True)  # no details needed
        return _native._lib.ifr_result_reward(res._ptr, agg)

    def check_json(self, text, loose=False, *, aggregate="all", truncated=False):
        """The library's JSON report of one check, parsed (``ifr_result_json``)."""
        agg = _aggregate(aggregate)
        lib = _native.load()
        res = self._check(text, loose, truncated)._ptr
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        lib.ifr_result_json(res, agg, ctypes.byref(out), ctypes.byref(size))
        try:
            raw = ctypes.string_at(out.value, size.value)
        finally:
            lib.ifr_free(out)
        return json.loads(raw.decode("utf-8", "replace"))


def _spec_from_source(source, options):
    return Spec(source, options=options)


# MARK: module-level helpers -----------------------------------------------

_cache_lock = threading.Lock()
_cache = {}
_CACHE_MAX = 4096


def compile_cached(spec, options=DEFAULT):
    """A compiled Spec for `spec`, shared through a per-process cache.

    Identical spec sources (and options) compile once. Strings are looked up
    as they are (their hash is cached by Python); dicts and lists by their
    JSON. Evicted specs stay valid for whoever still holds them (they are
    freed by reference count).
    """
    t = type(spec)
    if t is str or t is bytes:
        key = (spec, options._key)
    elif isinstance(spec, Spec):
        if spec.options is options or spec.options == options:
            return spec
        key = (spec._source, options._key)
    else:
        key = (to_spec_json(spec), options._key)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    compiled = Spec(key[0], options=options)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            return hit
        if len(_cache) >= _CACHE_MAX:
            # Drop the oldest half (dicts keep insertion order).
            for k in list(_cache)[: _CACHE_MAX // 2]:
                del _cache[k]
        _cache[key] = compiled
    return compiled


def score(spec, text, *, loose=False, aggregate="all", truncated=False, options=None,
          **option_kw):
    """Reward of one response against one spec (a Spec, dict, list or string).

    A Spec is used with its own options unless options are given. Other
    inputs are compiled once per process (with the options) and cached.
    """
    if isinstance(spec, Spec) and options is None and not _given(option_kw):
        return spec.reward(text, loose, aggregate=aggregate, truncated=truncated)
    opts = Options._coerce(options, **option_kw)
    return compile_cached(spec, opts).reward(text, loose, aggregate=aggregate,
                                             truncated=truncated)


def _given(option_kw):
    return any(v is not None and v is not False and v != () for v in option_kw.values())


def score_batch(specs, texts, threads=None, *, loose=False, aggregate="all", options=None,
                return_all_followed=False, **option_kw):
    """Rewards of n (spec, text) pairs, computed in C (``ifr_check_batch``).

    ``specs`` and ``texts`` have the same length; a spec may repeat (pass the
    same Spec object, or equal dicts/strings, which compile once). The batch
    runs on ``threads`` native threads (None or 0: all cores) without the GIL;
    results do not depend on the thread count. Returns a list of floats, or
    ``(rewards, all_followed)`` with ``return_all_followed=True``. Raises
    :class:`IfrError` (with ``.index``) if an item could not be evaluated.

    Options: without ``options=`` (or option keywords), Spec objects keep the
    options they were compiled with and the batch uses those (they must all
    be equal; other inputs compile with them too). With options, every item
    is checked under them (Specs compiled otherwise are recompiled).
    """
    specs = list(specs)
    if options is None and not _given(option_kw):
        own = {s.options for s in specs if isinstance(s, Spec)}
        if len(own) > 1:
            raise ValueError("score_batch: Specs compiled with different options; "
                             "pass options= to check them all under one set")
        opts = own.pop() if own else DEFAULT
    else:
        opts = Options._coerce(options, **option_kw)
    agg = _aggregate(aggregate)
    texts = list(texts)
    n = len(specs)
    if len(texts) != n:
        raise ValueError("score_batch: %d specs but %d texts" % (n, len(texts)))
    if threads is None:
        threads = 0
    if threads < 0:
        raise ValueError("threads must be >= 0")
    if n == 0:
        return ([], []) if return_all_followed else []
    compiled = [compile_cached(s, opts) for s in specs]
    rewards, codes, allf = _run_batch(compiled, texts, loose, agg, threads, opts)
    for i, code in enumerate(codes):
        if code != 0:
            cls = errors.error_class(code)
            raise cls(code, _native.strerror(code), index=i)
    if return_all_followed:
        return rewards, allf
    return rewards


def score_batch_both(specs, texts, threads=None, *, aggregate="all", options=None,
                     **option_kw):
    """``(strict_rewards, loose_rewards)`` of n (spec, text) pairs from one
    ``IFR_CHECK_BOTH`` batch: the same as two :func:`score_batch` calls
    (``loose=False`` and ``loose=True``) for about the cost of the loose one.
    Arguments and errors as :func:`score_batch`."""
    rewards = score_batch(specs, texts, threads, loose=_BOTH, aggregate=aggregate,
                          options=options, **option_kw)
    n = len(rewards) // 2
    return rewards[:n], rewards[n:]


def _run_batch(compiled, texts, loose, agg, threads, opts, truncated=False):
    """ifr_check_batch over compiled Specs; returns (rewards, codes, all_followed).
    With ``loose is _BOTH`` the rewards and all_followed lists hold 2n entries
    (strict, then loose)."""
    n = len(compiled)
    if n == 0:
        return [], [], []
    datas = [_encode(t) for t in texts]
    lib = _native.load()
    spec_arr = (_native.SpecP * n)(*[s._live() for s in compiled])
    text_arr = (ctypes.c_char_p * n)(*datas)
    len_arr = (ctypes.c_size_t * n)(*[len(d) for d in datas])
    m = 2 * n if loose is _BOTH else n
    rewards = (ctypes.c_double * m)()
    codes = (ctypes.c_int * n)()
    allf = (ctypes.c_ubyte * m)()
    flags = (_native.IFR_CHECK_BOTH if loose is _BOTH else
             _native.IFR_CHECK_LOOSE if loose else 0) | \
        (_native.IFR_CHECK_TRUNCATED if truncated else 0)
    lib.ifr_check_batch(spec_arr, text_arr, len_arr, n, flags, agg, int(threads), opts,
                        rewards, codes, allf)
    # `compiled` and `datas` are alive until here, so the pointers stayed valid.
    return list(rewards), list(codes), [bool(x) for x in allf]


def _row_bytes(line):
    if isinstance(line, str):  # numpy.str_ (Ray/pandas columns) too
        data = line.encode("utf-8", "surrogatepass")
    elif isinstance(line, (bytes, bytearray, memoryview)):
        data = bytes(line)
    else:
        raise TypeError("score_rows: a line must be str or bytes, not %s" % type(line).__name__)
    # lines as file iteration yields them: one trailing "\n" is the separator
    return data[:-1] if data.endswith(b"\n") else data


def split_jsonl(data):
    """The lines of a JSONL buffer exactly as ``ifreward score FILE`` numbers
    them: split on ``\n`` only; a final piece after the last ``\n`` is a
    line if it is not empty. Blank lines count (they give no output)."""
    if not data:
        return []
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    return lines


def _score_rows_raw(lines, loose, aggregate, threads, first_line, opts):
    """ifr_score_rows over `lines` (bytes or str items); returns (bytes, nerrors)."""
    agg = _aggregate(aggregate)
    if threads is None:
        threads = 0
    if threads < 0:
        raise ValueError("threads must be >= 0")
    if first_line < 1:
        raise ValueError("first_line must be >= 1")
    if isinstance(lines, (bytes, bytearray, memoryview)):
        datas = split_jsonl(bytes(lines))
    else:
        datas = [_row_bytes(x) for x in lines]
    n = len(datas)
    if n == 0:
        return b"", 0
    lib = _native.load()
    line_arr = (ctypes.c_char_p * n)(*datas)
    len_arr = (ctypes.c_size_t * n)(*[len(d) for d in datas])
    out = ctypes.c_void_p()
    size = ctypes.c_size_t()
    nerr = ctypes.c_size_t()
    lib.ifr_score_rows(line_arr, len_arr, n, int(first_line),
                       _native.IFR_CHECK_LOOSE if loose else 0, agg, int(threads), opts,
                       ctypes.byref(out), ctypes.byref(size), ctypes.byref(nerr))
    # `datas` is alive until here, so the line pointers stayed valid.
    try:
        raw = ctypes.string_at(out.value, size.value) if out.value else b""
    finally:
        lib.ifr_free(out)
    return raw, nerr.value


def score_rows(lines, *, loose=False, precise=False, aggregate="all", preprocess=None,
               suite=None, guards=(), threads=1, first_line=1, options=None,
               as_bytes=False, return_errors=False):
    """Score JSONL rows exactly as ``ifreward score`` does (``ifr_score_rows``).

    ``lines`` is a sequence of JSON lines (str or bytes; one trailing ``\n``
    per item is dropped, as file iteration yields them) or one bytes buffer
    holding JSONL (split like :func:`split_jsonl`). Each row is a JSON object
    with a spec (any form :class:`Spec` accepts) and a ``"response"`` string.
    Every non-blank line gives one output line, in input order: the row's
    fields except ``response``, then ``follow_all_instructions``,
    ``follow_instruction_list``, ``reward`` and ``details``; a row that cannot
    be scored gives ``{"error": {"line": N, "code": ..., "message": ...}}``
    (plus its ``key``/``uid``/``id``), where N counts from ``first_line``
    (blank lines count too). Nothing is raised for a bad row.

    Options are the CLI's: ``loose``, ``precise``, ``aggregate`` ("all" or
    "fraction"), ``preprocess`` ("open-instruct"), ``suite``, ``guards``; or
    an :class:`Options` as ``options=``. The rows run in C on ``threads``
    native threads (0: all cores) without the GIL; the output does not
    depend on it.

    Returns a list of str (one per output line, without the newline), or
    with ``as_bytes=True`` the JSONL output as bytes (each line ending in
    ``\n``, byte-identical to the CLI's stdout). ``return_errors=True``
    returns ``(output, number_of_error_lines)``.
    """
    opts = Options._coerce(options, precise=precise or None, preprocess=preprocess,
                           suite=suite, guards=guards)
    raw, nerr = _score_rows_raw(lines, loose, aggregate, threads, first_line, opts)
    if as_bytes:
        out = raw
    else:
        out = raw.decode("utf-8").split("\n")
        out.pop()  # every line ends in "\n": the last piece is empty
    return (out, nerr) if return_errors else out


class Checker:
    """One row of the registry (``ifreward.checkers()``).

    ``id``, ``suite``, ``summary``, ``flags``, ``kwargs`` (a list of
    ``(name, type, required, doc)``), ``rule``, ``quirks``, ``precise``
    (documentation text, or None).
    """

    __slots__ = ("id", "suite", "summary", "kwargs", "flags", "rule", "quirks", "precise")

    def __init__(self, id, suite, summary, kwargs, flags, rule=None, quirks=None,
                 precise=None):
        self.id, self.suite, self.summary, self.kwargs, self.flags = \
            id, suite, summary, kwargs, flags
        self.rule, self.quirks, self.precise = rule, quirks, precise

    @property
    def hackable(self):
        return bool(self.flags & _native.IFR_CHECKER_HACKABLE)

    def __repr__(self):
        return "Checker(%r, suite=%r)" % (self.id, self.suite)


def checkers():
    """Every checker in the registry, as :class:`Checker` rows."""
    lib = _native.load()
    out = []

    def s(b):
        return None if b is None else b.decode("utf-8", "replace")
    for i in range(lib.ifr_checker_count()):
        kwargs = []
        for j in range(lib.ifr_checker_kwarg_count(i)):
            name, typ, req, doc = (s(lib.ifr_checker_kwarg(i, j, k)) for k in (
                _native.IFR_KWARG_NAME, _native.IFR_KWARG_TYPE, _native.IFR_KWARG_REQUIRED,
                _native.IFR_KWARG_DOC))
            kwargs.append((name, typ, req == "required", doc))
        out.append(Checker(s(lib.ifr_checker_id(i)), s(lib.ifr_checker_suite(i)),
                           s(lib.ifr_checker_summary(i)), kwargs, lib.ifr_checker_flags(i),
                           s(lib.ifr_checker_text(i, _native.IFR_TEXT_RULE)),
                           s(lib.ifr_checker_text(i, _native.IFR_TEXT_QUIRKS)),
                           s(lib.ifr_checker_text(i, _native.IFR_TEXT_PRECISE))))
    return out


def version():
    """Version string of the loaded library ("0.1.0")."""
    return _native.load().ifr_version_string().decode("ascii", "replace")


def library_path():
    """Path of the loaded shared library."""
    return _native.library_path()


def detect_language(text, options=None):
    """``(code, probability)`` as langdetect 1.0.9 with seed 0 would say.

    Returns ``("unknown", 0.0)`` when the text has no letters to detect from.
    """
    opts = Options._coerce(options)
    data = _encode(text)
    code = ctypes.create_string_buffer(8)
    prob = ctypes.c_double()
    rc = _native.load().ifr_detect_language(data, len(data), code, ctypes.byref(prob), opts)
    if rc == errors.IFR_E_NOFEATURES:
        return "unknown", 0.0
    if rc < 0:
        _native.raise_for(rc)
    return code.value.decode("ascii", "replace"), prob.value
