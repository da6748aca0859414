#!/usr/bin/env bash
# Installs floe into a temporary prefix and uses it from elsewhere: `floe index` and a tiny
# `floe simulate` run from another directory (the data, scenarios and web assets found under
# <prefix>/share/floe), the Python module imported from the prefix, and a CMake project that
# finds the package and links floe::floe.
# Usage: tests/install.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build/release}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > /dev/null
mkdir "$work/elsewhere"
cd "$work/elsewhere"
# No FLOE_* variables: the installed program must find its own files.
unset FLOE_DATA FLOE_SCENARIOS FLOE_WEB
"$work/prefix/bin/floe" index --by state --top 3 > index.txt
grep -q "District of Columbia" index.txt || { echo "FAIL: floe index from the install"; cat index.txt; exit 1; }
"$work/prefix/bin/floe" simulate --scenario retraining --scale 0.001 --months 2 --out run.db > sim.txt
[ -s run.db ] || { echo "FAIL: floe simulate from the install wrote no run.db"; exit 1; }
grep -q "Scenario retraining: 2 months" sim.txt || { echo "FAIL: simulate output"; cat sim.txt; exit 1; }
echo "ok: the installed floe runs from another directory (index, simulate with a shipped scenario)"
# The Python module, when the build made it: imported from the prefix, it finds the installed
# data by itself (docs/python.md §1).
if [ -f "$build/python/floe/__init__.py" ]; then
  site=$(/usr/bin/python3 -c 'import sys; v = sys.version_info; print(f"lib/python{v[0]}.{v[1]}/site-packages")')
  out=$(PYTHONPATH="$work/prefix/$site" /usr/bin/python3 -c \
    'import floe; print(floe.__file__, round(float(floe.index()["iceberg"][0]), 3))')
  case "$out" in
    "$work/prefix/$site/floe/__init__.py 0."*) echo "ok: import floe from the install: $out" ;;
    *) echo "FAIL: import floe from the install printed '$out'"; exit 1 ;;
  esac
fi
# The package: configure, build and run a consumer against the prefix.
cmake -S "$root/tests/install" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; exit 1; }
cmake --build "$work/consumer" >> "$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; exit 1; }
out=$("$work/consumer/consumer")
case "$out" in
  "iceberg 0."*) echo "ok: find_package(floe) and floe::floe: $out" ;;
  *) echo "FAIL: consumer printed '$out'"; exit 1 ;;
esac
