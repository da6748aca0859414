#!/usr/bin/env bash
# Browser test of the HTML report: builds `floe report` on the shipped data with the given
# binary, renders it in the system Chromium (never a downloaded one) and checks the pixels
# (check_report.mjs). The screenshot is kept as out/report.png (or $FLOE_REPORT_PNG).
# Then the AI-talent pages (check_talent.mjs) and the dashboard (`floe serve`,
# check_dashboard.mjs with dashboard_ux.mjs) and its sandbox (check_sandbox.mjs), with
# screenshots in out/talent-report.png, out/sim-talent.png, out/dashboard-*.png (territories,
# search, one-number, puerto-rico ...) and out/sandbox-*.png.
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

# The simulation report: two six-month runs on the tiny world (scenarios/tiny-*.toml), compared;
# its six line charts must show every line, its state map every state in its color. The
# screenshot is kept as out/sim-report.png (or $FLOE_SIM_REPORT_PNG).
for run in baseline fast; do
  "$floe" simulate --data testdata/tiny --scale 1 --months 6 \
    --scenario "$here/scenarios/tiny-$run.toml" --out "$work/$run.db" > /dev/null \
    2> "$work/simulate.err" || { cat "$work/simulate.err" >&2; exit 1; }
done
"$floe" report --run "$work/baseline.db" --compare "$work/fast.db" --data testdata/tiny \
  --out "$work/sim-report.html"
node "$here/check_report.mjs" "$work/sim-report.html" "$work/sim-report.png" --states 2 --charts 6
sim_png=${FLOE_SIM_REPORT_PNG:-out/sim-report.png}
mkdir -p "$(dirname "$sim_png")"
cp "$work/sim-report.png" "$sim_png"
echo "ok: simulation report rendered in Chromium; screenshot in $sim_png"

# The AI-talent pages on the shipped data (the talent model needs data/talent, which the tiny
# world lacks): the talent report with all four levers pulled, and the report of a short run with
# its AI-talent section; every chart must show each of its lines, with no console error
# (check_talent.mjs). Screenshots in out/talent-report.png and out/sim-talent.png (or
# $FLOE_TALENT_SHOTS).
"$floe" talent report --scenario scenarios/talent-levers.toml --scale 0.05 \
  --out "$work/talent.html" > /dev/null 2> "$work/talent.err" || { cat "$work/talent.err" >&2; exit 1; }
"$floe" simulate --scenario scenarios/baseline.toml --scale 0.002 --months 3 \
  --out "$work/talent-run.db" > /dev/null 2> "$work/simulate.err" || { cat "$work/simulate.err" >&2; exit 1; }
"$floe" report --run "$work/talent-run.db" --out "$work/talent-run.html" \
  2> "$work/report.err" || { cat "$work/report.err" >&2; exit 1; }
node "$here/check_talent.mjs" "$work/talent.html" "$work/talent-run.html" "${FLOE_TALENT_SHOTS:-out}"

# The sandbox (check_sandbox.mjs): `floe serve --runs` with that run as the baseline; a scenario
# built with two sliders, run at scale 0.001 for 2 months, compared, its TOML downloaded and the
# run repeated from the CLI to the same tables. Screenshots out/sandbox-*.png.
node "$here/check_sandbox.mjs" "$floe" "${FLOE_DASHBOARD_SHOTS:-out}" "$work/talent-run.db"

# The dashboard: check_dashboard.mjs starts `floe serve` itself (a free port, two hand-made runs),
# clicks through it and leaves its screenshots in out/ (or $FLOE_DASHBOARD_SHOTS).
node "$here/check_dashboard.mjs" "$floe" "${FLOE_DASHBOARD_SHOTS:-out}" "$@"
