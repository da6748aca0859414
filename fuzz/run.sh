#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a share of a bounded time (default
# 60 s in all) from its seed corpus in fuzz/corpus/<target>/ (the scenario reader also from
# scenarios/). Fails if a fuzzer finds a crash, a leak, a sanitizer error or an allocation no
# input justifies (over -malloc_limit_mb).
#   fuzz/run.sh [seconds] [target ...]     e.g. fuzz/run.sh 300 http_fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(delimited_fuzz scenario_fuzz snapshot_fuzz run_file_fuzz http_fuzz)
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz --target "${targets[@]}"
each=$(( seconds / ${#targets[@]} ))
[ "$each" -ge 1 ] || each=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in "${targets[@]}"; do
  name=${target%_fuzz}
  seeds=(fuzz/corpus/"$name")
  max_len=4096
  case $name in
    scenario) seeds+=(scenarios) ;;
    snapshot | run_file) max_len=16384 ;;
  esac
  mkdir -p "$work/$name"
  echo "== $target: ${each} s"
  if ! build/fuzz/fuzz/"$target" -max_total_time="$each" -max_len="$max_len" -rss_limit_mb=2048 \
      -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1 -artifact_prefix="$work/$name-" \
      "$work/$name" "${seeds[@]}" > "$work/$name.log" 2>&1; then
    status=1
    tail -40 "$work/$name.log"
    for artifact in "$work/$name"-*; do
      [ -e "$artifact" ] || continue
      mkdir -p fuzz/findings
      cp "$artifact" fuzz/findings/
      echo "input that failed: fuzz/findings/$(basename "$artifact")"
    done
  else
    grep -E "^stat::number_of_executed_units|^Done" "$work/$name.log" | tail -2
  fi
done
exit $status
