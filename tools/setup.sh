#!/usr/bin/env bash
# Set everything up on a fresh Debian machine (as root) and run the main job:
# `ifreward eval` over the bundled example (examples/data/).
#   bash tools/setup.sh            # build into ./build and run the example
# Environment: BUILD_DIR (default build), IFR_WERROR (default OFF), SKIP_APT=1.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

if [ "${SKIP_APT:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config \
    libpcre2-dev libutf8proc-dev libjansson-dev libcmocka-dev \
    python3 python3-setuptools python3-venv python3-pip python3-wheel python3-distributed >/dev/null
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIFR_WERROR="${IFR_WERROR:-OFF}" >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"

out=$(mktemp -d)
"$BUILD_DIR/ifreward" eval \
  --input_data examples/data/input_data.jsonl \
  --input_response_data examples/data/input_response_data.jsonl \
  --output_dir "$out"
echo "per-instruction verdicts written to $out/eval_results_{strict,loose}.jsonl"
