#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it for a bounded time (default 60 s) from the
# seed corpus in fuzz/corpus. Fails if the fuzzer finds a crash, leak or sanitizer error.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz --target delimited_fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/fuzz/fuzz/delimited_fuzz -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$work/" "$work" fuzz/corpus
