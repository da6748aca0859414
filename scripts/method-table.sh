#!/usr/bin/env bash
# Prints the markdown table of national figures under each option combination, with each
# layer's validation score (docs/method.md §11), for docs/method.md §10.
# Usage: scripts/method-table.sh [FLOE_BINARY]
set -euo pipefail
floe=${1:-build/release/apps/floe/floe}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$floe" validate capability --format csv --out "$work/v.csv" 2>/dev/null
echo "| layer | labeler | E2 weight | transfer | Iceberg | Surface | exposed wages | exposure-weighted workers | V fit | V held-out |"
echo "|---|---|---|---|---|---|---|---|---|---|"
row() {  # layer labeler e2 transfer(0/1)
  local args=(index --by nation --format csv --db "$work/x.db" --layer "$1")
  local name="$1"
  if [ "$1" = technical ]; then
    args+=(--labeler "$2" --e2-weight "$3")
    name="technical/$2/e2=$3"
  fi
  [ "$4" = 1 ] && args+=(--transfer) && name="$name/transfer"
  local scores
  scores=$(awk -F, -v n="$name" '$1 == n { printf "%.3f|%.3f", $7, $8 }' "$work/v.csv")
  "$floe" "${args[@]}" 2>/dev/null | awk -F, -v l="$1" -v b="$2" -v e="$3" -v t="$4" -v s="$scores" '
    NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i }
    NR == 2 {
      split(s, v, "|")
      printf "| %s | %s | %s | %s | %.1f%% | %.1f%% | $%.2fT | %.1fM | %s | %s |\n",
        l, b, e, (t == 1 ? "yes" : "no"), 100 * $col["iceberg"], 100 * $col["surface"],
        $col["exposed_wages"] / 1e12, $col["exposed_workers"] / 1e6, v[1], v[2] }'
}
for labeler in human gpt4 mean; do
  for e2 in 0 0.25 0.5 0.75 1; do
    for transfer in 0 1; do row technical "$labeler" "$e2" "$transfer"; done
  done
done
for transfer in 0 1; do row observed - - "$transfer"; done
