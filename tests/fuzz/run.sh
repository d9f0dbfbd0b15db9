#!/bin/sh
# run.sh TARGET SECONDS [LIBFUZZER-ARGS...]
#
# Build the libFuzzer target fuzz_TARGET (spec, score or json) with clang,
# -fsanitize=fuzzer,address,undefined, and run it for SECONDS. New inputs go to
# $IFR_FUZZ_BUILD/corpus/TARGET (seeds are read from tests/fuzz/corpus/TARGET);
# crashes, leaks and timeouts to $IFR_FUZZ_BUILD/artifacts/TARGET/. Exit status
# is libFuzzer's (0: nothing found). Environment:
#   IFR_FUZZ_BUILD       build directory (default: <repo>/build-fuzz)
#   IFR_CONFORMANCE_DIR  adds the conformance specs to fuzz_score (default:
#                        <repo>/../shared/conformance or ../../shared when it exists)
#   IFR_FUZZ_JOBS        build parallelism (default 2)
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 spec|score|json SECONDS [libFuzzer args]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${IFR_FUZZ_BUILD:-$root/build-fuzz}
case "$target" in
    spec) maxlen=4096 ;;
    score | json) maxlen=16384 ;;
    *) echo "unknown target '$target' (spec, score, json)" >&2; exit 2 ;;
esac
if [ -z "${IFR_CONFORMANCE_DIR:-}" ]; then
    for d in "$root/../shared/conformance" "$root/../../shared/conformance"; do
        if [ -d "$d" ]; then IFR_CONFORMANCE_DIR=$(cd "$d" && pwd); break; fi
    done
fi
export IFR_CONFORMANCE_DIR="${IFR_CONFORMANCE_DIR:-}"

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DIFR_FUZZ=ON -DIFR_SANITIZE=address,undefined \
        -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" -DIFR_BUILD_CLI=OFF \
        -DIFR_BUILD_EXAMPLES=OFF -DIFR_BUILD_BENCH=OFF -DIFR_INSTALL=OFF \
        -DIFR_PYTHON_TESTS=OFF >/dev/null
fi
# build-time generators (src/tools) run instrumented too; their leaks are not ours to fail on
if ! ASAN_OPTIONS=detect_leaks=0 cmake --build "$build" --target "fuzz_$target" \
        -j"${IFR_FUZZ_JOBS:-2}" >"$build/build-$target.log" 2>&1; then
    tail -n 40 "$build/build-$target.log"
    echo "fuzz_$target: build failed (log: $build/build-$target.log)" >&2
    exit 2
fi

corpus="$build/corpus/$target"
artifacts="$build/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
dict=
[ -f "$here/dict/$target.dict" ] && dict="-dict=$here/dict/$target.dict"
echo "fuzz_$target: ${seconds}s, corpus $corpus, artifacts $artifacts"
# shellcheck disable=SC2086
exec "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" $dict "$@" "$corpus" "$here/corpus/$target"
