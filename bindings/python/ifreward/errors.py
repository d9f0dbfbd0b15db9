"""Exceptions raised by the ifreward binding.

A response that breaks an instruction is never an exception: it is a result
(reward 0, ``followed[i] == False``). Exceptions mean "could not evaluate":

- :class:`SpecError` (also a :class:`ValueError`): the spec is not valid JSON,
  has the wrong shape, names an unknown instruction id, has bad kwargs or a
  pattern that does not compile, or is too large. ``path`` and ``offset`` say
  where (``/kwargs/2/num_words``).
- :class:`IfrMemoryError` (also a :class:`MemoryError`): an allocation failed.
- :class:`IfrError`: the base class; anything else (misuse, a limit hit while
  checking, an internal error).
"""

# Error codes, frozen forever (include/ifreward.h).
IFR_OK = 0
IFR_E_INVALID = -1
IFR_E_NOMEM = -2
IFR_E_JSON = -3
IFR_E_SPEC = -4
IFR_E_UNKNOWN = -5
IFR_E_KWARGS = -6
IFR_E_LIMIT = -7
IFR_E_REGEX = -8
IFR_E_UNSUPPORTED = -9
IFR_E_NOFEATURES = -10
IFR_E_INTERNAL = -11

CODE_NAMES = {
    IFR_OK: "IFR_OK",
    IFR_E_INVALID: "IFR_E_INVALID",
    IFR_E_NOMEM: "IFR_E_NOMEM",
    IFR_E_JSON: "IFR_E_JSON",
    IFR_E_SPEC: "IFR_E_SPEC",
    IFR_E_UNKNOWN: "IFR_E_UNKNOWN",
    IFR_E_KWARGS: "IFR_E_KWARGS",
    IFR_E_LIMIT: "IFR_E_LIMIT",
    IFR_E_REGEX: "IFR_E_REGEX",
    IFR_E_UNSUPPORTED: "IFR_E_UNSUPPORTED",
    IFR_E_NOFEATURES: "IFR_E_NOFEATURES",
    IFR_E_INTERNAL: "IFR_E_INTERNAL",
}

# Codes that mean "the spec is at fault" when they come out of compilation.
SPEC_CODES = frozenset({IFR_E_JSON, IFR_E_SPEC, IFR_E_UNKNOWN, IFR_E_KWARGS,
                        IFR_E_REGEX, IFR_E_LIMIT})

_NO_OFFSET = (1 << 64) - 1  # (size_t)-1


class IfrError(Exception):
    """Base class of every ifreward error.

    Attributes: ``code`` (negative ``IFR_E_*`` number), ``name``
    (``"IFR_E_KWARGS"``), ``message``, ``path`` (JSON-pointer-like, may be
    empty), ``offset`` (byte offset into the spec JSON or ``None``),
    ``instruction`` (index or ``None``), ``index`` (item of a batch or
    ``None``).
    """

    def __init__(self, code, message="", path="", offset=None, instruction=None,
                 index=None):
        self.code = int(code)
        self.name = CODE_NAMES.get(self.code, "IFR_E_%d" % -self.code)
        self.message = message
        self.path = path or ""
        self.offset = None if offset in (None, _NO_OFFSET) else int(offset)
        self.instruction = None if instruction is None or instruction < 0 else int(instruction)
        self.index = index
        super().__init__(self._text())

    def _text(self):
        text = self.message or self.name
        where = []
        if self.index is not None:
            where.append("item %d" % self.index)
        if self.path:
            where.append("at %s" % self.path)
        if self.offset is not None:
            where.append("offset %d" % self.offset)
        if where:
            text += " (" + ", ".join(where) + ")"
        return "%s [%s]" % (text, self.name)

    def __reduce__(self):
        return (_rebuild, (type(self), self.code, self.message, self.path,
                           self.offset, self.instruction, self.index))


class SpecError(IfrError, ValueError):
    """The spec could not be compiled (bad JSON, shape, id, kwargs, regex or size)."""


class IfrMemoryError(IfrError, MemoryError):
    """The library could not allocate memory."""


def _rebuild(cls, code, message, path, offset, instruction, index):
    return cls(code, message, path, offset, instruction, index)


def error_class(code, compiling=False):
    """The exception class for `code` (compiling: the code came from a spec)."""
    if code == IFR_E_NOMEM:
        return IfrMemoryError
    if code in SPEC_CODES and (compiling or code != IFR_E_LIMIT):
        return SpecError
    return IfrError
