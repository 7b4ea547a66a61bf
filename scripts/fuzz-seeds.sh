#!/bin/bash
# Runs the randomized suites with fresh seeds, N rounds (default 5), to look
# for bugs the fixed seeds of the test suite do not reach. A failing round
# prints its seed; replay it with RETORT_FUZZ_SEED=<seed> and keep it as a
# suite's fixed seed once the bug is fixed.
#   scripts/fuzz-seeds.sh [ROUNDS]      (BUILD_DIR as for run-tests.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-5}"
failed=0
for ((i = 1; i <= rounds; i++)); do
    echo "[retort] fuzz round $i of $rounds"
    if ! RETORT_FUZZ_SEED=random "$here/run-tests.sh" -R 'tst_(inputfuzz|parserfuzz|evaluatorrobustness|badinput)$'; then
        failed=$((failed + 1))
    fi
done
echo "[retort] $failed of $rounds rounds failed"
[ "$failed" -eq 0 ]
