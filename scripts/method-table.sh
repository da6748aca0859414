#!/usr/bin/env bash
# Prints the markdown table of national figures under each option combination for
# docs/method.md §10. Usage: scripts/method-table.sh [FLOE_BINARY]
set -euo pipefail
floe=${1:-build/release/apps/floe/floe}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| layer | labeler | E2 weight | transfer | Iceberg | Surface | exposed wages | exposure-weighted workers |"
echo "|---|---|---|---|---|---|---|---|"
row() {  # layer labeler e2 transfer(0/1)
  local args=(index --by nation --format csv --db "$work/x.db" --layer "$1")
  [ "$1" = technical ] && args+=(--labeler "$2" --e2-weight "$3")
  [ "$4" = 1 ] && args+=(--transfer)
  "$floe" "${args[@]}" 2>/dev/null | awk -F, -v l="$1" -v b="$2" -v e="$3" -v t="$4" 'NR == 2 {
    printf "| %s | %s | %s | %s | %.1f%% | %.1f%% | $%.2fT | %.1fM |\n",
      l, b, e, (t == 1 ? "yes" : "no"), 100 * $6, 100 * $7, $4 / 1e12, $5 / 1e6 }'
}
for labeler in human gpt4 mean; do
  for e2 in 0 0.5 1; do
    for transfer in 0 1; do row technical "$labeler" "$e2" "$transfer"; done
  done
done
for transfer in 0 1; do row observed - - "$transfer"; done
