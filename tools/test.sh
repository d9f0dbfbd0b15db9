#!/usr/bin/env bash
# Run all the tests (sets up first if needed):  bash tools/test.sh
# The conformance tests read ../shared/conformance (or IFR_CONFORMANCE_DIR) and
# skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
bash tools/setup.sh
args=()
if [ -n "${IFR_CONFORMANCE_DIR:-}" ]; then args+=(-DIFR_CONFORMANCE_DIR="$IFR_CONFORMANCE_DIR"); fi
cmake -S . -B "$BUILD_DIR" "${args[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"
cd "$BUILD_DIR" && ctest --output-on-failure -j"$(nproc)"
