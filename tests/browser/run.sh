#!/usr/bin/env bash
# Browser test of the HTML report: builds `floe report` on the shipped data with the given
# binary, renders it in the system Chromium (never a downloaded one) and checks the pixels
# (check_report.mjs). The screenshot is kept as out/report.png (or $FLOE_REPORT_PNG).
# Usage: tests/browser/run.sh path/to/floe [floe options, e.g. --data testdata/tiny]
set -euo pipefail
floe=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/pngjs" ]; then
  # Playwright's own browser downloads are off: the check uses /usr/bin/chromium.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -f "$here/package-lock.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
  fi
fi

cd "$root"
"$floe" report "$@" --out "$work/report.html"
# How many states (and DC) the data has, counted from `floe index` rather than from the report:
# state FIPS codes below 60 (60 and above are territories, which the map does not show).
states=$("$floe" index "$@" --by state --format csv --db "$work/floe.db" 2> /dev/null \
         | awk -F, 'NR > 1 && $1 + 0 < 60 { n++ } END { print n + 0 }')
node "$here/check_report.mjs" "$work/report.html" "$work/report.png" --states "$states"
png=${FLOE_REPORT_PNG:-out/report.png}
mkdir -p "$(dirname "$png")"
cp "$work/report.png" "$png"
echo "ok: report rendered in Chromium; screenshot in $png"
