#!/bin/sh
# .ci/fuzz.sh - fuzz smoke: build the libFuzzer targets with clang and run each
# for IFR_FUZZ_SECONDS (default 60) seconds. Fails on any crash, leak, UB report,
# timeout or out-of-memory; the reproducer is left in build-fuzz/artifacts/<target>/.
# Environment: IFR_FUZZ_BUILD (default build-fuzz), IFR_FUZZ_SECONDS,
# IFR_CONFORMANCE_DIR (adds the conformance specs to fuzz_score).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

# clang and its libFuzzer runtime (Debian 12: clang-14, libclang-rt-14-dev);
# SKIP_APT=1 to skip, as in tools/setup.sh
fuzzer_rt() { ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; }
if [ "${SKIP_APT:-0}" != 1 ] && { ! command -v clang >/dev/null 2>&1 || ! fuzzer_rt; }; then
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        clang libclang-rt-14-dev >/dev/null
fi
seconds=${IFR_FUZZ_SECONDS:-60}
export IFR_FUZZ_BUILD="${IFR_FUZZ_BUILD:-$root/build-fuzz}"
status=0
for t in spec score json; do
    log="$IFR_FUZZ_BUILD/fuzz_$t.log"
    mkdir -p "$IFR_FUZZ_BUILD"
    echo "== fuzz_$t (${seconds}s)"
    if "$root/tests/fuzz/run.sh" "$t" "$seconds" >"$log" 2>&1; then
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$log" || true
        echo "fuzz_$t: ok"
    else
        status=1
        tail -n 60 "$log"
        echo "fuzz_$t: FAILED (artifacts in $IFR_FUZZ_BUILD/artifacts/$t/)"
    fi
done
exit $status
