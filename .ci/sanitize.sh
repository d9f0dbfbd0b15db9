#!/bin/sh
# .ci/sanitize.sh - sanitizer builds.
#  1. -DIFR_SANITIZE=address,undefined: build everything and run the whole ctest
#     suite (Python tests with libasan preloaded and leak checks off, since the
#     interpreter itself is not instrumented).
#  2. -DIFR_SANITIZE=thread: build and run test_threads (8 threads sharing the
#     compiled IFEval specs, every verdict compared with the single-threaded run).
# Environment: IFR_SAN_JOBS (default 2), IFR_CONFORMANCE_DIR (passed to cmake
# when set), IFR_SAN_SKIP_ASAN / IFR_SAN_SKIP_TSAN=1 to run one half.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${IFR_SAN_JOBS:-2}
conf=
[ -n "${IFR_CONFORMANCE_DIR:-}" ] && conf="-DIFR_CONFORMANCE_DIR=$IFR_CONFORMANCE_DIR"
status=0

if [ "${IFR_SAN_SKIP_ASAN:-0}" != 1 ]; then
    b="$root/build-asan"
    echo "== address,undefined build ($b)"
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$b" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIFR_WERROR=ON \
        -DIFR_SANITIZE=address,undefined $conf >/dev/null
    # the build-time generators (src/tools) run instrumented; their leaks don't matter
    ASAN_OPTIONS=detect_leaks=0 cmake --build "$b" -j"$jobs"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    (cd "$b" && ctest --output-on-failure -j"$jobs" -LE python) || status=1
    if (cd "$b" && ctest -N -L python | grep -q 'Total Tests: [1-9]'); then
        libasan=$(${CC:-cc} -print-file-name=libasan.so)
        (cd "$b" && LD_PRELOAD="$libasan" ASAN_OPTIONS="detect_leaks=0" \
            ctest --output-on-failure -L python) || status=1
    fi
fi

if [ "${IFR_SAN_SKIP_TSAN:-0}" != 1 ]; then
    b="$root/build-tsan"
    echo "== thread build ($b)"
    # shellcheck disable=SC2086
    cmake -S "$root" -B "$b" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIFR_WERROR=ON \
        -DIFR_SANITIZE=thread -DIFR_BUILD_CLI=OFF -DIFR_BUILD_EXAMPLES=OFF \
        -DIFR_BUILD_BENCH=OFF -DIFR_INSTALL=OFF $conf >/dev/null
    cmake --build "$b" -j"$jobs" --target test_threads
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
    (cd "$b" && ctest --output-on-failure -R '^test_threads$') || status=1
fi

[ "$status" = 0 ] && echo "sanitize: all passed"
exit $status
