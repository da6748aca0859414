#!/usr/bin/env bash
# Runs every test: installs what is missing; unit tests in the release build (with the Python
# module's pytest suite, python/tests, as ctest tests labelled python); the same tests
# under AddressSanitizer + UndefinedBehaviorSanitizer; the libFuzzer targets for a bounded time;
# end-to-end checks of the CLI on the shipped data; the HTML report rendered in Chromium.
# Set FLOE_FUZZ_SECONDS to change the fuzz time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
jobs=$(nproc)

echo "== unit tests and the Python module's tests (release)"
cmake --preset release > /dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

echo "== unit tests (ASan + UBSan)"
cmake --preset asan > /dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

echo "== fuzzing: delimited text, scenarios, snapshots, run files, the dashboard's requests"
fuzz/run.sh "${FLOE_FUZZ_SECONDS:-60}" 2>&1 | grep -E '^==|^Done|^stat::number_of_executed|ERROR|SUMMARY|findings'

echo "== end to end"
tests/e2e.sh build/release/apps/floe/floe

echo "== installed: cmake --install into a temporary prefix, used from elsewhere"
tests/install.sh build/release

echo "== browser: report rendered in Chromium"
tests/browser/run.sh build/release/apps/floe/floe
echo "All tests passed."
