/*
 * ifreward.h - verifiable instruction-following rewards (the one public header)
 *
 * Copyright 2026 The ifreward authors. Licensed under the Apache License 2.0.
 *
 * Compile once, check many:
 *
 *     ifr_spec *spec;  ifr_result *res;  ifr_error err;
 *     if (ifr_spec_compile(&spec, json, json_len, NULL, &err) != IFR_OK) { ... err.message ... }
 *     ifr_result_new(&res, NULL);
 *     ifr_check(res, spec, text, text_len, IFR_CHECK_LOOSE, &err);
 *     double reward = ifr_result_reward(res, IFR_AGGREGATE_ALL);
 *
 * A compiled ifr_spec is immutable and may be shared by any number of threads.
 * An ifr_result belongs to one thread at a time. An ifr_options object may be
 * shared once no thread changes it any more. There is no global state and no
 * init/shutdown function. The library never prints, exits or aborts.
 *
 * Text is always (pointer, length) UTF-8; it need not be NUL-terminated and may
 * contain NUL bytes. Invalid UTF-8 in a response is decoded with U+FFFD
 * replacement (like Python's errors="replace"); it is never an error.
 */
#ifndef IFREWARD_H
#define IFREWARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* MARK: export macros ---------------------------------------------------- */

#if defined(IFR_STATIC)
#  define IFR_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#  if defined(IFR_BUILDING)
#    define IFR_API __declspec(dllexport)
#  else
#    define IFR_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define IFR_API __attribute__((visibility("default")))
#else
#  define IFR_API
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define IFR_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#  define IFR_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#  define IFR_DEPRECATED(msg)
#endif

/* MARK: version ---------------------------------------------------------- */

#define IFR_VERSION_MAJOR 0
#define IFR_VERSION_MINOR 1
#define IFR_VERSION_PATCH 0
#define IFR_VERSION_NUMBER \
    (IFR_VERSION_MAJOR * 10000 + IFR_VERSION_MINOR * 100 + IFR_VERSION_PATCH)
#define IFR_VERSION_STRING "0.1.0"
#define IFR_VERSION_AT_LEAST(a, b, c) \
    (IFR_VERSION_NUMBER >= ((a) * 10000 + (b) * 100 + (c)))

/** Version of the library actually loaded (compare with IFR_VERSION_NUMBER). */
IFR_API int ifr_version_number(void);
/** Version string of the loaded library; static storage, never NULL. */
IFR_API const char *ifr_version_string(void);

/* MARK: error codes ------------------------------------------------------ */
/* Numbers are frozen forever; a retired code keeps its number and name.     */

#define IFR_OK                  0   /**< success */
#define IFR_E_INVALID         (-1)  /**< misuse: NULL handle, bad flag, index out of range */
#define IFR_E_NOMEM           (-2)  /**< an allocation failed */
#define IFR_E_JSON            (-3)  /**< the spec is not valid JSON (offset set) */
#define IFR_E_SPEC            (-4)  /**< the spec JSON has the wrong shape (path set) */
#define IFR_E_UNKNOWN         (-5)  /**< unknown instruction id, or id not in the suite */
#define IFR_E_KWARGS          (-6)  /**< a kwarg is missing, ill-typed or out of range */
#define IFR_E_LIMIT           (-7)  /**< a size, nesting, count or regex limit was hit */
#define IFR_E_REGEX           (-8)  /**< a pattern from the spec does not compile */
#define IFR_E_UNSUPPORTED     (-9)  /**< the reference raises on this input: no verdict */
#define IFR_E_NOFEATURES     (-10)  /**< language detection found no usable features */
#define IFR_E_INTERNAL       (-11)  /**< a bug in ifreward; please report it */

/**
 * Error details, filled by functions that take an `ifr_error *` (NULL allowed).
 * The struct only ever grows at the end; `ifr_error_size()` tells bindings the
 * size the library was built with.
 */
typedef struct ifr_error {
    int code;               /**< IFR_OK or an IFR_E_* code */
    int instruction;        /**< index of the instruction concerned, or -1 */
    size_t offset;          /**< byte offset into the spec JSON, or (size_t)-1 */
    char path[128];         /**< JSON-pointer-like path, e.g. "/kwargs/2/num_words" */
    char message[256];      /**< human-readable message, NUL-terminated */
    char reserved[64];      /**< room to grow; zeroed */
} ifr_error;

/** Static description of an error code; never NULL (unknown codes too). */
IFR_API const char *ifr_strerror(int code);
/** The macro name of an error code ("IFR_E_KWARGS"); "IFR_E_UNKNOWN_CODE" for others. */
IFR_API const char *ifr_error_name(int code);
/** sizeof(ifr_error) as compiled into the library. */
IFR_API size_t ifr_error_size(void);

/* MARK: allocator and options -------------------------------------------- */

/** A per-object allocator hook. Every object frees itself with the hooks it was made with. */
typedef struct ifr_allocator {
    void *(*malloc_fn)(size_t size, void *user);
    void *(*realloc_fn)(void *ptr, size_t size, void *user);
    void (*free_fn)(void *ptr, void *user);
    void *user;
} ifr_allocator;

typedef struct ifr_options ifr_options;

/** Option keys for ifr_options_set(). New keys never need new symbols. */
typedef enum ifr_option {
    IFR_OPT_SEMANTICS = 1,   /**< IFR_SEMANTICS_COMPAT (default) or IFR_SEMANTICS_PRECISE */
    IFR_OPT_SUITE = 2,       /**< default suite for bare ids: IFR_SUITE_AUTO (default), ... */
    IFR_OPT_PREPROCESS = 3,  /**< IFR_PREPROCESS_NONE (default) or IFR_PREPROCESS_OPEN_INSTRUCT */
    IFR_OPT_MAX_SPEC_BYTES = 4,     /**< spec JSON size limit (default 1 MiB) */
    IFR_OPT_MAX_DEPTH = 5,          /**< spec JSON nesting limit (default 64) */
    IFR_OPT_MAX_INSTRUCTIONS = 6,   /**< instructions per spec (default 256) */
    IFR_OPT_REGEX_MATCH_LIMIT = 7,  /**< PCRE2 match limit per search (default 10,000,000) */
    IFR_OPT_REGEX_DEPTH_LIMIT = 8,  /**< PCRE2 depth limit per search (default 10,000) */
    IFR_OPT_GUARDS = 9,             /**< bit set of IFR_GUARD_* (default 0) */
    IFR_OPT_REPETITION_NGRAM = 10,  /**< n for IFR_GUARD_REPETITION (default 4) */
    IFR_OPT_REPETITION_PERMILLE = 11, /**< max repeated n-gram share, per mille (default 500) */
    IFR_OPT_ON_ERROR = 12           /**< IFR_ON_ERROR_FAIL (default) or IFR_ON_ERROR_MARK */
} ifr_option;

/* What ifr_spec_compile does with an instruction it cannot compile (bad kwargs,
 * unknown id): FAIL the whole spec (default), or MARK it: the spec compiles,
 * that instruction never passes and ifr_result_status() gives its error code
 * (what an evaluation run over a whole file wants; see ifr_spec_error()). */
#define IFR_ON_ERROR_FAIL 0
#define IFR_ON_ERROR_MARK 1

#define IFR_SEMANTICS_COMPAT  0  /**< reproduce the reference verdicts, quirks included */
#define IFR_SEMANTICS_PRECISE 1  /**< close the documented false positives */

#define IFR_SUITE_AUTO    0  /**< detect from the spec; bare IFEval ids mean ifeval */
#define IFR_SUITE_IFEVAL  1
#define IFR_SUITE_IFTRAIN 2
#define IFR_SUITE_IFBENCH 3
#define IFR_SUITE_TULU3   4

#define IFR_PREPROCESS_NONE         0
#define IFR_PREPROCESS_OPEN_INSTRUCT 1 /**< open-instruct's answer clean-up (see docs/API.md) */

#define IFR_GUARD_EMPTY      0x1u  /**< reward 0 if the response has no word character */
#define IFR_GUARD_TRUNCATED  0x2u  /**< reward 0 if IFR_CHECK_TRUNCATED and the text is cut */
#define IFR_GUARD_REPETITION 0x4u  /**< reward 0 on degenerate n-gram repetition */

/** CONSTRUCTOR: options with defaults. `alloc` may be NULL (libc). */
IFR_API int ifr_options_new(ifr_options **out, const ifr_allocator *alloc);
/** DESTRUCTOR: accepts NULL. */
IFR_API void ifr_options_free(ifr_options *opts);
/** METHOD: set one option. IFR_E_INVALID for an unknown key or a value out of range. */
IFR_API int ifr_options_set(ifr_options *opts, ifr_option key, int64_t value);
/** METHOD: read one option into *value. */
IFR_API int ifr_options_get(const ifr_options *opts, ifr_option key, int64_t *value);

/* MARK: the checker registry --------------------------------------------- */

#define IFR_CHECKER_HACKABLE 0x1u  /**< passes known hacks in compat semantics */
#define IFR_CHECKER_LANGDETECT 0x2u /**< uses language identification */
#define IFR_CHECKER_RANDOM   0x4u  /**< the reference draws random values for some kwargs */
#define IFR_CHECKER_MARKUP   0x8u  /**< the rule counts '*' markup, so precise loose mode keeps
                                        the stars (no "without *" variant) */

/** Number of checkers in the registry (all suites). */
IFR_API size_t ifr_checker_count(void);
/** Id of checker i ("keywords:existence"), or NULL if i is out of range. Static storage. */
IFR_API const char *ifr_checker_id(size_t i);
/** Suite name of checker i ("ifeval", "iftrain", "ifbench", "tulu3"), or NULL. */
IFR_API const char *ifr_checker_suite(size_t i);
/** One-line summary of checker i, or NULL. */
IFR_API const char *ifr_checker_summary(size_t i);
/** Number of keyword arguments checker i takes (0 if out of range). */
IFR_API size_t ifr_checker_kwarg_count(size_t i);
#define IFR_KWARG_NAME     1  /**< "num_words" */
#define IFR_KWARG_TYPE     2  /**< "int", "number", "str", "list[str]", "bool", "str|list[str]" */
#define IFR_KWARG_REQUIRED 3  /**< "required" or "optional" */
#define IFR_KWARG_DOC      4  /**< one line, or NULL */
/** Text `key` about kwarg j of checker i; NULL if out of range. Static storage. */
IFR_API const char *ifr_checker_kwarg(size_t i, size_t j, int key);
/** IFR_CHECKER_* flags of checker i (0 if out of range). */
IFR_API unsigned ifr_checker_flags(size_t i);

/** Keys for ifr_checker_text(). */
#define IFR_TEXT_RULE    1  /**< the exact decision rule */
#define IFR_TEXT_QUIRKS  2  /**< reference quirks kept in compat semantics */
#define IFR_TEXT_PRECISE 3  /**< what precise semantics changes */
/** Documentation text `key` of checker i; NULL if out of range or not written. Static. */
IFR_API const char *ifr_checker_text(size_t i, int key);

/* MARK: specs ------------------------------------------------------------ */

typedef struct ifr_spec ifr_spec;

/**
 * CONSTRUCTOR: compile the instructions for one prompt.
 *
 * Accepted JSON (detected automatically): an IFEval/IFBench row
 * `{"instruction_id_list": [...], "kwargs": [...], ...}`; open-instruct
 * ground truth `[{"instruction_id": [...], "kwargs": [...]}]` (or that list as
 * a JSON string, or as a Python literal string); a Tulu 3 `{"func_name": ...}`
 * object; any of these under a "ground_truth" key. A "suite" key names the suite.
 * `opts` may be NULL. On error `*out` is NULL and `err` (if not NULL) says what.
 * Errors: IFR_E_JSON, IFR_E_SPEC, IFR_E_UNKNOWN, IFR_E_KWARGS, IFR_E_REGEX,
 * IFR_E_LIMIT, IFR_E_NOMEM, IFR_E_INVALID.
 * The spec keeps no pointer into `json` or `opts`.
 */
IFR_API int ifr_spec_compile(ifr_spec **out, const char *json, size_t len,
                             const ifr_options *opts, ifr_error *err);
/** DESTRUCTOR: accepts NULL. */
IFR_API void ifr_spec_free(ifr_spec *spec);
/** METHOD: number of instructions. */
IFR_API size_t ifr_spec_count(const ifr_spec *spec);
/** METHOD: id of instruction i, or NULL. Valid while the spec lives. */
IFR_API const char *ifr_spec_id(const ifr_spec *spec, size_t i);
/** METHOD: suite of instruction i, or NULL. Valid while the spec lives. */
IFR_API const char *ifr_spec_suite(const ifr_spec *spec, size_t i);
/** METHOD: the compile error of instruction i (IFR_ON_ERROR_MARK), copied into *err;
 *  returns its code (IFR_OK when the instruction compiled). */
IFR_API int ifr_spec_error(const ifr_spec *spec, size_t i, ifr_error *err);

/* MARK: checking --------------------------------------------------------- */

typedef struct ifr_result ifr_result;

#define IFR_CHECK_STRICT    0x0u  /**< check the response as given (default) */
#define IFR_CHECK_LOOSE     0x1u  /**< pass if any of IFEval's 8 loose variants passes */
#define IFR_CHECK_TRUNCATED 0x2u  /**< the caller says generation hit its length limit */
/** Strict and loose in one call: one analysis of the response serves both (about
 *  the cost of a loose check alone). The getters report strict; ifr_result_loose()
 *  gives the loose verdicts. IFR_CHECK_LOOSE is implied. */
#define IFR_CHECK_BOTH      0x4u
/** Verdicts only: the checkers' explanations are not formatted (ifr_result_detail is
 *  "" for most instructions; short notes such as "empty response" remain). Verdicts,
 *  statuses and rewards are unchanged. ifr_check_batch always sets it (it returns no
 *  details). */
#define IFR_CHECK_NO_DETAILS 0x8u

#define IFR_AGGREGATE_ALL      0  /**< 1 if every instruction is followed, else 0 */
#define IFR_AGGREGATE_FRACTION 1  /**< fraction of instructions followed */

/** CONSTRUCTOR: a reusable result (scratch memory for one thread). `opts` may be NULL. */
IFR_API int ifr_result_new(ifr_result **out, const ifr_options *opts);
/** DESTRUCTOR: accepts NULL. */
IFR_API void ifr_result_free(ifr_result *res);

/**
 * METHOD of ifr_result: score `text` against `spec`, overwriting `res`.
 * Returns IFR_OK when every instruction got a verdict (failing an instruction
 * is a verdict, not an error). An instruction that cannot be evaluated (the
 * reference raises) gets status IFR_E_UNSUPPORTED and counts as not followed;
 * ifr_check still returns IFR_OK. Errors: IFR_E_INVALID, IFR_E_NOMEM, IFR_E_LIMIT.
 * Thread-safety: `spec` may be shared; `res` must not be used by two threads at once.
 */
IFR_API int ifr_check(ifr_result *res, const ifr_spec *spec, const char *text,
                      size_t len, unsigned flags, ifr_error *err);

/** METHOD: number of verdicts in the last check (= instructions). */
IFR_API size_t ifr_result_count(const ifr_result *res);
/** METHOD: 1 if instruction i was followed, 0 if not (or no verdict / out of range). */
IFR_API int ifr_result_followed(const ifr_result *res, size_t i);
/** METHOD: IFR_OK, or the code explaining why instruction i has no verdict. */
IFR_API int ifr_result_status(const ifr_result *res, size_t i);
/** METHOD: short detail for instruction i ("412 words; needs at least 450").
 *  Borrowed: valid until the next ifr_check on `res` or its free. Never NULL. */
IFR_API const char *ifr_result_detail(const ifr_result *res, size_t i);
/** METHOD: 1 if every instruction was followed (and the guards passed). */
IFR_API int ifr_result_all_followed(const ifr_result *res);
/** METHOD: reward under IFR_AGGREGATE_*; 0 when a guard fired. */
IFR_API double ifr_result_reward(const ifr_result *res, int aggregate);
/** METHOD: the guard that zeroed the reward (IFR_GUARD_*), or 0. */
IFR_API unsigned ifr_result_guard(const ifr_result *res);
/**
 * METHOD: after a check with IFR_CHECK_BOTH, the loose verdicts as a read-only
 * view that every getter above (and ifr_result_json) accepts; NULL after any other
 * check. Borrowed: valid until the next ifr_check on `res` or its free. Passing
 * the view to ifr_check returns IFR_E_INVALID; ifr_result_free ignores it.
 */
IFR_API const ifr_result *ifr_result_loose(const ifr_result *res);
/**
 * METHOD: the last result as one JSON object
 * `{"follow_all_instructions":..,"follow_instruction_list":[..],"reward":..,"details":[..]}`.
 * `*out` is NUL-terminated, owned by the caller, released with ifr_free().
 */
IFR_API int ifr_result_json(const ifr_result *res, int aggregate, char **out, size_t *len);

/** Release a buffer the library returned (e.g. from ifr_result_json). Accepts NULL. */
IFR_API void ifr_free(void *ptr);

/**
 * One-shot compile + check for scripts: *reward receives the aggregate.
 * Returns the real error code of whichever step failed.
 */
IFR_API int ifr_score(const char *spec_json, size_t spec_len, const char *text, size_t len,
                      unsigned flags, int aggregate, const ifr_options *opts,
                      double *reward, ifr_error *err);

/* MARK: batch ------------------------------------------------------------ */

/**
 * Score n (spec, text) pairs on `threads` threads (0: all cores).
 * specs[i] may repeat. Outputs are caller-owned arrays of n entries; `codes`
 * (per item IFR_OK or an error code) and `all_followed` may be NULL. With
 * IFR_CHECK_BOTH, `rewards` and `all_followed` hold 2n entries: strict in
 * [0, n), loose in [n, 2n).
 * Results do not depend on the thread count. Returns IFR_OK, or IFR_E_INVALID /
 * IFR_E_NOMEM when the batch could not run at all.
 */
IFR_API int ifr_check_batch(const ifr_spec *const *specs, const char *const *texts,
                            const size_t *lens, size_t n, unsigned flags, int aggregate,
                            unsigned threads, const ifr_options *opts,
                            double *rewards, int *codes, unsigned char *all_followed);

/* MARK: JSONL rows ------------------------------------------------------- */

/**
 * Score JSONL rows exactly as `ifreward score` does. Each line is a JSON object
 * holding a spec (any form ifr_spec_compile accepts) and a "response" string.
 * Every non-blank line gives one output line: the input's fields except
 * "response", then "follow_all_instructions", "follow_instruction_list",
 * "reward" (under `aggregate`) and "details" (and "guard" when one fired); or,
 * for a line that cannot be scored, {"error": {"line": N, "code": "IFR_E_...",
 * "message": ..., "path": ...}} plus its "key"/"uid"/"id" field if it has one.
 * Output is json.dumps-compatible (ensure_ascii) and in input order whatever
 * the thread count (`threads` 0: all cores). `lines[i]` (length `lens[i]`)
 * need not be NUL-terminated; line numbers start at `first_line`. `*out` is
 * NUL-terminated, each line ends with "\n"; release it with ifr_free().
 * `*nerrors` (may be NULL) receives the number of error lines.
 * Returns IFR_OK (even when some lines are errors), IFR_E_INVALID or IFR_E_NOMEM.
 */
IFR_API int ifr_score_rows(const char *const *lines, const size_t *lens, size_t n,
                           size_t first_line, unsigned flags, int aggregate, unsigned threads,
                           const ifr_options *opts, char **out, size_t *out_len,
                           size_t *nerrors);

/* MARK: language identification ------------------------------------------ */

/**
 * Detect the language of `text` as langdetect 1.0.9 does with seed 0
 * (deterministic). `code` receives e.g. "en", "zh-cn" or "unknown" (NUL-terminated,
 * at most 7 characters + NUL); `prob` (may be NULL) its probability.
 * Returns IFR_OK, IFR_E_NOFEATURES (no letters to detect from), IFR_E_NOMEM.
 */
IFR_API int ifr_detect_language(const char *text, size_t len, char code[8], double *prob,
                                const ifr_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* IFREWARD_H */
