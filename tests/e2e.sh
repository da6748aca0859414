#!/usr/bin/env bash
# End-to-end checks of the floe binary on the shipped data and on broken inputs: exit codes,
# one-line errors naming file, line and field, and no partial output.
set -euo pipefail
floe=$(realpath "$1")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The shipped data is consistent and covers >= 97% of OEWS employment.
"$floe" data check > "$work/check.txt" || fail "floe data check exited $?"
grep -q "^Consistent.$" "$work/check.txt" || fail "data check did not say Consistent"
coverage=$(grep -o "capability labels: [0-9]* of [0-9]*, [0-9.]*%" "$work/check.txt" | head -1 \
           | grep -o "[0-9.]*%$" | tr -d %)
awk -v c="$coverage" 'BEGIN { exit !(c >= 97) }' || fail "coverage $coverage% < 97%"
echo "ok: data check, $coverage% of employment matched"

# A broken copy of the data: one clear line, non-zero exit.
cp -r testdata/tiny "$work/bad"
printf '47-2061.00\t105\tNOT.A.DWA\t03/2014\tAnalyst\r\n' >> "$work/bad/onet/db_29_1_text/Tasks to DWAs.txt"
if "$floe" data check --data "$work/bad" > "$work/out.txt" 2> "$work/err.txt"; then
  fail "data check accepted an unknown DWA"
fi
[ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "expected one error line, got: $(cat "$work/err.txt")"
grep -q "Tasks to DWAs.txt:7: field 'DWA ID': unknown DWA ID 'NOT.A.DWA'" "$work/err.txt" \
  || fail "error does not name file, line and field: $(cat "$work/err.txt")"
[ -s "$work/out.txt" ] && fail "partial output on error"
echo "ok: bad input gives one line: $(cat "$work/err.txt")"

"$floe" data check --data "$work/nope" 2> "$work/err.txt" && fail "missing --data accepted"
echo "ok: missing data directory: $(head -1 "$work/err.txt")"
