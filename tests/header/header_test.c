/*
 * header_test.c - include/ifreward.h must compile alone, as C99, C11 and C++17,
 * with -Wall -Wextra -Wpedantic -Werror (STYLE §2). Nothing is included before
 * it, so the header has to bring size_t and int64_t itself. Compiled, never run.
 */
#include "ifreward.h"
#include "ifreward.h" /* the include guard works */

#if !defined(IFR_VERSION_MAJOR) || !defined(IFR_VERSION_MINOR) || !defined(IFR_VERSION_PATCH)
#  error "version macros missing"
#endif
#if IFR_VERSION_NUMBER != IFR_VERSION_MAJOR * 10000 + IFR_VERSION_MINOR * 100 + IFR_VERSION_PATCH
#  error "IFR_VERSION_NUMBER disagrees with its parts"
#endif
#if !IFR_VERSION_AT_LEAST(0, 0, 0) || IFR_VERSION_AT_LEAST(9999, 0, 0)
#  error "IFR_VERSION_AT_LEAST is wrong"
#endif
#if defined(IFR_BUILDING)
#  error "IFR_BUILDING must never reach consumers"
#endif

/* Every declaration must be usable through a function pointer of its own type. */
typedef int (*compile_fn)(ifr_spec **, const char *, size_t, const ifr_options *, ifr_error *);
typedef int (*check_fn)(ifr_result *, const ifr_spec *, const char *, size_t, unsigned,
                        ifr_error *);

int header_test_uses(void);
int header_test_uses(void)
{
    compile_fn c = ifr_spec_compile;
    check_fn k = ifr_check;
    ifr_error e;
    ifr_allocator a;
    int64_t v = IFR_OPT_MAX_DEPTH;
    size_t sz = sizeof e.message + sizeof a;
    unsigned flags = IFR_CHECK_STRICT | IFR_CHECK_LOOSE | IFR_CHECK_TRUNCATED;
    unsigned guards = IFR_GUARD_EMPTY | IFR_GUARD_TRUNCATED | IFR_GUARD_REPETITION;
    int codes = IFR_OK + IFR_E_INVALID + IFR_E_NOMEM + IFR_E_JSON + IFR_E_SPEC + IFR_E_UNKNOWN +
                IFR_E_KWARGS + IFR_E_LIMIT + IFR_E_REGEX + IFR_E_UNSUPPORTED +
                IFR_E_NOFEATURES + IFR_E_INTERNAL;
    int64_t total = v + codes + IFR_AGGREGATE_ALL + IFR_AGGREGATE_FRACTION +
                    IFR_SEMANTICS_COMPAT + IFR_SEMANTICS_PRECISE + IFR_SUITE_AUTO +
                    IFR_SUITE_TULU3 + IFR_PREPROCESS_NONE;
    const char *version = IFR_VERSION_STRING;
    return (c != 0) + (k != 0) + (sz > 0) + (flags + guards > 0u) + (total > 0) +
           (version[0] != 0);
}
