"""Loading libifreward and declaring its C API for ctypes (standard library only).

The library is opened lazily, the first time :func:`lib` is called, so that
importing :mod:`ifreward` (or unpickling an adapter in a worker process) never
needs the shared object. Search order (STYLE.md §8):

1. ``$IFREWARD_LIBRARY``: a full path to ``libifreward.so`` (a build tree);
2. the copy shipped inside the package (``ifreward/libifreward.so*``);
3. the system: ``ctypes.util.find_library("ifreward")``, then ``libifreward.so.0``.

Every failure is collected into one :class:`ImportError`. Right after loading,
``ifr_version_number()`` is compared with the version this binding was written
for; a different major version (or, during 0.x, a different minor version) is
refused with a clear message, since 0.x minor releases may break the ABI.

Every function gets ``argtypes`` and ``restype`` from the one table
``_FUNCTIONS`` below, each entry under the C prototype it mirrors.
"""

import ctypes
import ctypes.util
import glob
import os
import threading

from . import errors

# The version of include/ifreward.h this binding was written against.
BINDING_VERSION = (0, 1, 0)

# --- opaque handle types: one pointer class each, so handles can't be mixed ---


class ifr_spec(ctypes.Structure):
    """Opaque compiled spec (``struct ifr_spec``)."""


class ifr_result(ctypes.Structure):
    """Opaque reusable result (``struct ifr_result``)."""


class ifr_options(ctypes.Structure):
    """Opaque options (``struct ifr_options``)."""


SpecP = ctypes.POINTER(ifr_spec)
ResultP = ctypes.POINTER(ifr_result)
OptionsP = ctypes.POINTER(ifr_options)


class ifr_error(ctypes.Structure):
    """Mirror of ``struct ifr_error``; checked against ``ifr_error_size()``."""

    _fields_ = [
        ("code", ctypes.c_int),
        ("instruction", ctypes.c_int),
        ("offset", ctypes.c_size_t),
        ("path", ctypes.c_char * 128),
        ("message", ctypes.c_char * 256),
        ("reserved", ctypes.c_char * 64),
    ]


# --- option keys and flag values (include/ifreward.h) ---

IFR_OPT_SEMANTICS = 1
IFR_OPT_SUITE = 2
IFR_OPT_PREPROCESS = 3
IFR_OPT_MAX_SPEC_BYTES = 4
IFR_OPT_MAX_DEPTH = 5
IFR_OPT_MAX_INSTRUCTIONS = 6
IFR_OPT_REGEX_MATCH_LIMIT = 7
IFR_OPT_REGEX_DEPTH_LIMIT = 8
IFR_OPT_GUARDS = 9
IFR_OPT_REPETITION_NGRAM = 10
IFR_OPT_REPETITION_PERMILLE = 11
IFR_OPT_ON_ERROR = 12

IFR_ON_ERROR_FAIL = 0
IFR_ON_ERROR_MARK = 1

IFR_KWARG_NAME = 1
IFR_KWARG_TYPE = 2
IFR_KWARG_REQUIRED = 3
IFR_KWARG_DOC = 4

IFR_TEXT_RULE = 1
IFR_TEXT_QUIRKS = 2
IFR_TEXT_PRECISE = 3

IFR_SEMANTICS_COMPAT = 0
IFR_SEMANTICS_PRECISE = 1

IFR_SUITE_AUTO = 0
IFR_SUITE_IFEVAL = 1
IFR_SUITE_IFTRAIN = 2
IFR_SUITE_IFBENCH = 3
IFR_SUITE_TULU3 = 4

IFR_PREPROCESS_NONE = 0
IFR_PREPROCESS_OPEN_INSTRUCT = 1

IFR_GUARD_EMPTY = 0x1
IFR_GUARD_TRUNCATED = 0x2
IFR_GUARD_REPETITION = 0x4

IFR_CHECKER_HACKABLE = 0x1
IFR_CHECKER_LANGDETECT = 0x2
IFR_CHECKER_RANDOM = 0x4

IFR_CHECK_STRICT = 0x0
IFR_CHECK_LOOSE = 0x1
IFR_CHECK_TRUNCATED = 0x2
IFR_CHECK_BOTH = 0x4
IFR_CHECK_NO_DETAILS = 0x8

IFR_AGGREGATE_ALL = 0
IFR_AGGREGATE_FRACTION = 1

_c_int_p = ctypes.POINTER(ctypes.c_int)
_c_double_p = ctypes.POINTER(ctypes.c_double)
_c_size_t_p = ctypes.POINTER(ctypes.c_size_t)
_c_int64_p = ctypes.POINTER(ctypes.c_int64)
_c_void_pp = ctypes.POINTER(ctypes.c_void_p)
_c_char_pp = ctypes.POINTER(ctypes.c_char_p)
_c_ubyte_p = ctypes.POINTER(ctypes.c_ubyte)
_error_p = ctypes.c_void_p  # a buffer of ifr_error_size() bytes; see ErrorBuffer



def _check(result, func, args):
    """errcheck: turn a negative IFR_E_* code into an exception.

    The detail comes from the ErrorBuffer among the arguments, if any, else
    from ifr_strerror(). A failed instruction is never an error code.
    """
    if result >= 0:
        return result
    compiling = func.__name__ in ("ifr_spec_compile", "ifr_score")
    for arg in args:
        if isinstance(arg, ErrorBuffer):
            raise arg.exception(result, compiling)
    raise_for(result, compiling)


# (name, argtypes, restype, errcheck). Strings the caller must free come back
# as c_void_p and go through ifr_free(); borrowed static strings use c_char_p.
_FUNCTIONS = [
    # int ifr_version_number(void);
    ("ifr_version_number", [], ctypes.c_int, None),
    # const char *ifr_version_string(void);
    ("ifr_version_string", [], ctypes.c_char_p, None),
    # const char *ifr_strerror(int code);
    ("ifr_strerror", [ctypes.c_int], ctypes.c_char_p, None),
    # const char *ifr_error_name(int code);
    ("ifr_error_name", [ctypes.c_int], ctypes.c_char_p, None),
    # size_t ifr_error_size(void);
    ("ifr_error_size", [], ctypes.c_size_t, None),
    # int ifr_options_new(ifr_options **out, const ifr_allocator *alloc);
    ("ifr_options_new", [ctypes.POINTER(OptionsP), ctypes.c_void_p], ctypes.c_int, _check),
    # void ifr_options_free(ifr_options *opts);
    ("ifr_options_free", [OptionsP], None, None),
    # int ifr_options_set(ifr_options *opts, ifr_option key, int64_t value);
    ("ifr_options_set", [OptionsP, ctypes.c_int, ctypes.c_int64], ctypes.c_int, _check),
    # int ifr_options_get(const ifr_options *opts, ifr_option key, int64_t *value);
    ("ifr_options_get", [OptionsP, ctypes.c_int, _c_int64_p], ctypes.c_int, _check),
    # size_t ifr_checker_count(void);
    ("ifr_checker_count", [], ctypes.c_size_t, None),
    # const char *ifr_checker_id(size_t i);
    ("ifr_checker_id", [ctypes.c_size_t], ctypes.c_char_p, None),
    # const char *ifr_checker_suite(size_t i);
    ("ifr_checker_suite", [ctypes.c_size_t], ctypes.c_char_p, None),
    # const char *ifr_checker_summary(size_t i);
    ("ifr_checker_summary", [ctypes.c_size_t], ctypes.c_char_p, None),
    # size_t ifr_checker_kwarg_count(size_t i);
    ("ifr_checker_kwarg_count", [ctypes.c_size_t], ctypes.c_size_t, None),
    # const char *ifr_checker_kwarg(size_t i, size_t j, int key);
    ("ifr_checker_kwarg", [ctypes.c_size_t, ctypes.c_size_t, ctypes.c_int], ctypes.c_char_p,
     None),
    # unsigned ifr_checker_flags(size_t i);
    ("ifr_checker_flags", [ctypes.c_size_t], ctypes.c_uint, None),
    # const char *ifr_checker_text(size_t i, int key);
    ("ifr_checker_text", [ctypes.c_size_t, ctypes.c_int], ctypes.c_char_p, None),
    # int ifr_spec_compile(ifr_spec **out, const char *json, size_t len,
    #                      const ifr_options *opts, ifr_error *err);
    ("ifr_spec_compile",
     [ctypes.POINTER(SpecP), ctypes.c_char_p, ctypes.c_size_t, OptionsP, _error_p],
     ctypes.c_int, _check),
    # void ifr_spec_free(ifr_spec *spec);
    ("ifr_spec_free", [SpecP], None, None),
    # size_t ifr_spec_count(const ifr_spec *spec);
    ("ifr_spec_count", [SpecP], ctypes.c_size_t, None),
    # const char *ifr_spec_id(const ifr_spec *spec, size_t i);
    ("ifr_spec_id", [SpecP, ctypes.c_size_t], ctypes.c_char_p, None),
    # const char *ifr_spec_suite(const ifr_spec *spec, size_t i);
    ("ifr_spec_suite", [SpecP, ctypes.c_size_t], ctypes.c_char_p, None),
    # int ifr_spec_error(const ifr_spec *spec, size_t i, ifr_error *err);
    ("ifr_spec_error", [SpecP, ctypes.c_size_t, _error_p], ctypes.c_int, None),
    # int ifr_result_new(ifr_result **out, const ifr_options *opts);
    ("ifr_result_new", [ctypes.POINTER(ResultP), OptionsP], ctypes.c_int, _check),
    # void ifr_result_free(ifr_result *res);
    ("ifr_result_free", [ResultP], None, None),
    # int ifr_check(ifr_result *res, const ifr_spec *spec, const char *text,
    #               size_t len, unsigned flags, ifr_error *err);
    ("ifr_check",
     [ResultP, SpecP, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, _error_p],
     ctypes.c_int, _check),
    # size_t ifr_result_count(const ifr_result *res);
    ("ifr_result_count", [ResultP], ctypes.c_size_t, None),
    # int ifr_result_followed(const ifr_result *res, size_t i);
    ("ifr_result_followed", [ResultP, ctypes.c_size_t], ctypes.c_int, None),
    # int ifr_result_status(const ifr_result *res, size_t i);
    ("ifr_result_status", [ResultP, ctypes.c_size_t], ctypes.c_int, None),
    # const char *ifr_result_detail(const ifr_result *res, size_t i);
    ("ifr_result_detail", [ResultP, ctypes.c_size_t], ctypes.c_char_p, None),
    # int ifr_result_all_followed(const ifr_result *res);
    ("ifr_result_all_followed", [ResultP], ctypes.c_int, None),
    # double ifr_result_reward(const ifr_result *res, int aggregate);
    ("ifr_result_reward", [ResultP, ctypes.c_int], ctypes.c_double, None),
    # unsigned ifr_result_guard(const ifr_result *res);
    ("ifr_result_guard", [ResultP], ctypes.c_uint, None),
    # const ifr_result *ifr_result_loose(const ifr_result *res);
    ("ifr_result_loose", [ResultP], ResultP, None),
    # int ifr_result_json(const ifr_result *res, int aggregate, char **out, size_t *len);
    ("ifr_result_json", [ResultP, ctypes.c_int, _c_void_pp, _c_size_t_p], ctypes.c_int, _check),
    # void ifr_free(void *ptr);
    ("ifr_free", [ctypes.c_void_p], None, None),
    # int ifr_score(const char *spec_json, size_t spec_len, const char *text, size_t len,
    #               unsigned flags, int aggregate, const ifr_options *opts,
    #               double *reward, ifr_error *err);
    ("ifr_score",
     [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint,
      ctypes.c_int, OptionsP, _c_double_p, _error_p],
     ctypes.c_int, _check),
    # int ifr_check_batch(const ifr_spec *const *specs, const char *const *texts,
    #                     const size_t *lens, size_t n, unsigned flags, int aggregate,
    #                     unsigned threads, const ifr_options *opts,
    #                     double *rewards, int *codes, unsigned char *all_followed);
    ("ifr_check_batch",
     [ctypes.POINTER(SpecP), _c_char_pp, _c_size_t_p, ctypes.c_size_t, ctypes.c_uint,
      ctypes.c_int, ctypes.c_uint, OptionsP, _c_double_p, _c_int_p, _c_ubyte_p],
     ctypes.c_int, _check),
    # int ifr_score_rows(const char *const *lines, const size_t *lens, size_t n,
    #                    size_t first_line, unsigned flags, int aggregate, unsigned threads,
    #                    const ifr_options *opts, char **out, size_t *out_len,
    #                    size_t *nerrors);
    ("ifr_score_rows",
     [_c_char_pp, _c_size_t_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
      ctypes.c_uint, OptionsP, _c_void_pp, _c_size_t_p, _c_size_t_p],
     ctypes.c_int, _check),
    # int ifr_detect_language(const char *text, size_t len, char code[8], double *prob,
    #                         const ifr_options *opts);
    ("ifr_detect_language",
     [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, _c_double_p, OptionsP],
     ctypes.c_int, None),
]

_lock = threading.Lock()
_lib = None
_error_size = ctypes.sizeof(ifr_error)


def _candidates():
    """(description, path) pairs to try, in order."""
    out = []
    env = os.environ.get("IFREWARD_LIBRARY")
    if env:
        out.append(("$IFREWARD_LIBRARY", env))
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "libifreward.so*"))) + \
            sorted(glob.glob(os.path.join(here, "libifreward*.dylib"))) + \
            sorted(glob.glob(os.path.join(here, "ifreward*.dll"))):
        out.append(("package copy", path))
    found = ctypes.util.find_library("ifreward")
    if found:
        out.append(("find_library", found))
    out.append(("system soname", "libifreward.so.%d" % 0))
    return out


def _declare(cdll):
    missing = []
    for name, argtypes, restype, errcheck in _FUNCTIONS:
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.argtypes = argtypes
        fn.restype = restype
        if errcheck is not None:
            fn.errcheck = errcheck
    return missing


def _check_version(cdll, where):
    cdll.ifr_version_number.argtypes = []
    cdll.ifr_version_number.restype = ctypes.c_int
    number = cdll.ifr_version_number()
    major, minor = number // 10000, (number // 100) % 100
    want_major, want_minor = BINDING_VERSION[0], BINDING_VERSION[1]
    if major != want_major or (want_major == 0 and minor != want_minor):
        raise ImportError(
            "%s is ifreward %d.%d.%d but this binding needs %d.%d.x "
            "(0.x minor versions may break the ABI); rebuild or point "
            "IFREWARD_LIBRARY at a matching libifreward"
            % (where, major, minor, number % 100, want_major, want_minor))


def load():
    """Open the library (once per process) and return the declared CDLL."""
    global _lib, _error_size
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is not None:
            return _lib
        failures = []
        for how, path in _candidates():
            try:
                cdll = ctypes.CDLL(path)
            except OSError as exc:
                failures.append("%s %s: %s" % (how, path, exc))
                continue
            try:
                _check_version(cdll, path)
            except AttributeError as exc:
                failures.append("%s %s: not libifreward (%s)" % (how, path, exc))
                continue
            missing = _declare(cdll)
            if missing:
                raise ImportError("%s lacks %s" % (path, ", ".join(missing)))
            size = cdll.ifr_error_size()
            if size < ctypes.sizeof(ifr_error):
                raise ImportError("%s: ifr_error is %d bytes, the binding expects at "
                                  "least %d" % (path, size, ctypes.sizeof(ifr_error)))
            _error_size = size
            cdll._ifreward_path = path
            _lib = cdll
            return _lib
        raise ImportError("cannot load libifreward; tried:\n  " + "\n  ".join(failures) +
                          "\nSet IFREWARD_LIBRARY to the full path of libifreward.so "
                          "(e.g. build/libifreward.so).")


lib = load


def library_path():
    """Path of the loaded library (loads it if needed)."""
    return load()._ifreward_path


class ErrorBuffer:
    """An ``ifr_error`` as big as the library's, junk-free, readable as a mirror."""

    __slots__ = ("_buf", "err")

    def __init__(self):
        self._buf = ctypes.create_string_buffer(max(_error_size, ctypes.sizeof(ifr_error)))
        self.err = ifr_error.from_buffer(self._buf)

    @property
    def _as_parameter_(self):
        return ctypes.c_void_p(ctypes.addressof(self._buf))

    def exception(self, code, compiling=False, index=None):
        """The exception for `code`, using the detail the library filled in."""
        cdll = load()
        e = self.err
        message = e.message.decode("utf-8", "replace") if e.code == code else ""
        if not message:
            message = (cdll.ifr_strerror(code) or b"").decode("utf-8", "replace")
        path = e.path.decode("utf-8", "replace") if e.code == code else ""
        offset = e.offset if e.code == code else None
        instruction = e.instruction if e.code == code else None
        e.code = 0  # the buffer may be reused: never report these details twice
        cls = errors.error_class(code, compiling)
        return cls(code, message, path, offset, instruction, index)


def strerror(code):
    """Static description of an error code."""
    return (load().ifr_strerror(int(code)) or b"").decode("utf-8", "replace")


def raise_for(code, compiling=False, index=None):
    """Raise the exception for a negative code without details."""
    cls = errors.error_class(code, compiling)
    raise cls(code, strerror(code), index=index)
