#!/usr/bin/env bash
# Load test of `floe serve`: C concurrent clients (default 50) for S seconds (default 30) on
# loopback with wrk, over the requests the dashboard makes (pages, scripts, map shapes, tables,
# an occupation page, a CSV download; with --run, a run's states and series and a comparison, and
# when the run has the AI-talent segment, its talent view's tables).
# With SLOW > 0, that many slowloris clients (bench/slow_clients.py) trickle never-ending request
# heads alongside for the whole test (docs/security.md §2).
# Prints requests/s, latency percentiles and errors; exits 1 on any error or non-200 answer.
#
# Usage: bench/serve_load.sh [FLOE] [SECONDS] [CONNECTIONS] [SLOW] [-- floe serve options]
#   e.g. bench/serve_load.sh build/release/apps/floe/floe 30 50 -- --run out/a.db --run out/b.db
#        bench/serve_load.sh build/release/apps/floe/floe 30 50 100   # with 100 slow clients
set -euo pipefail
cd "$(dirname "$0")/.."
floe=build/release/apps/floe/floe
seconds=30
connections=50
if [ $# -gt 0 ] && [ "$1" != "--" ]; then floe=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then seconds=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then connections=$1; shift; fi
slow=0
if [ $# -gt 0 ] && [ "$1" != "--" ]; then slow=$1; shift; fi
[ "${1:-}" = "--" ] && shift
command -v wrk > /dev/null || { echo "wrk is missing (scripts/deps.sh test installs it)" >&2; exit 1; }
[ -x "$floe" ] || { echo "no floe binary at $floe (build it first)" >&2; exit 1; }

work=$(mktemp -d)
server=""
slow_pid=""
cleanup() {
  [ -n "$slow_pid" ] && kill "$slow_pid" 2> /dev/null || true
  [ -n "$server" ] && kill -INT "$server" 2> /dev/null && wait "$server" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$floe" serve --port 0 "$@" 2> "$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 600); do
  url=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2> /dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "floe serve did not start" >&2; exit 1; }
base=${url%/}

# The dashboard's requests; a state with many counties (Texas, 254) and a common occupation, an
# occupation search, the occupation in Texas and Puerto Rico's municipios.
paths=(/ /app.js /style.css /js/map.js /api/meta /api/states /api/map/states
       "/api/counties?state=48" "/api/map/counties?state=48" "/api/states/48/occupations?limit=50"
       "/api/states/48/majors" "/api/occupations?sort=exposure&min_employment=100000&limit=25"
       /api/occupations/43-3031 "/api/states?format=csv" "/api/scale?lo=0.15&hi=0.19" /api/majors
       "/api/occupations?q=nurse&sort=employment&limit=12" "/api/occupations/43-3031?state=48"
       "/api/map/counties?state=72")
run=$(curl -sf "$base/api/runs?format=csv" | awk -F, 'NR == 2 { print $1 }')
if [ -n "$run" ]; then
  other=$(curl -sf "$base/api/runs?format=csv" | awk -F, 'NR == 3 { print $1 }')
  paths+=("/api/runs/$run/series" "/api/runs/$run/states?month=12" "/api/runs/$run/series?state=48")
  [ -n "$other" ] && paths+=("/api/compare?a=$run&b=$other&month=12")
  # The talent view's requests, from ChatGPT's launch month as the page starts.
  launch=$(curl -sf "$base/api/runs/$run/talent" | grep -o '"launch":"[0-9-]*"' | cut -d'"' -f4 || true)
  if [ -n "$launch" ]; then
    paths+=("/api/runs/$run/talent/series" "/api/runs/$run/talent/headcount"
            "/api/runs/$run/talent/employers?date=$launch"
            "/api/runs/$run/talent/moves?from=$launch" "/api/runs/$run/talent/targets")
    if [ -n "$other" ] && curl -sf -o /dev/null "$base/api/runs/$other/talent"; then
      paths+=("/api/compare/talent?a=$run&b=$other&from=$launch")
    fi
  fi
fi
for p in "${paths[@]}"; do  # every request answers 200 before the load starts
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$p")
  [ "$code" = 200 ] || { echo "GET $p answered $code" >&2; exit 1; }
done

{
  echo 'local paths = {'
  for p in "${paths[@]}"; do echo "  \"$p\","; done
  echo '}'
  cat << 'LUA'
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s: %.0f requests/s, %.1f MB/s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.bytes / (summary.duration / 1e6) / 1e6))
  io.write(string.format("latency ms: mean %.2f, p50 %.2f, p90 %.2f, p99 %.2f, max %.2f\n",
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
end
LUA
} > "$work/mix.lua"

if [ "$slow" -gt 0 ]; then
  hostport=${base#http://}
  # The slow clients first, and for a few seconds more than the load, so that they hold their
  # connections for the whole of it.
  python3 bench/slow_clients.py "${hostport%:*}" "${hostport##*:}" "$slow" $(( seconds + 4 )) \
    > "$work/slow.txt" &
  slow_pid=$!
  sleep 2
fi
echo "floe serve at $base: $connections clients for $seconds s, ${#paths[@]} kinds of request" \
  "$([ "$slow" -gt 0 ] && echo "with $slow slow clients alongside")"
threads=$(( $(nproc) < connections ? $(nproc) : connections ))
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 5s -s "$work/mix.lua" "$base/" \
  | tee "$work/wrk.txt"
if [ -n "$slow_pid" ]; then
  wait "$slow_pid"
  slow_pid=""
  cat "$work/slow.txt"
fi
grep -q '^errors: connect 0, read 0, write 0, timeout 0, non-2xx 0$' "$work/wrk.txt" \
  || { echo "FAIL: errors under load" >&2; exit 1; }
echo "ok: no errors"
