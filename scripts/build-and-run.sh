#!/usr/bin/env bash
# Installs what is missing, builds floe (release), and runs the main job on the shipped data:
# the Iceberg Index for the nation, states and occupations (out/floe.db) and its HTML report
# (out/iceberg.html). Extra arguments go to `floe index`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake --preset release > /dev/null
cmake --build --preset release
mkdir -p out
build/release/apps/floe/floe data check > out/data-check.txt
echo "Data check passed (out/data-check.txt)."
build/release/apps/floe/floe index --db out/floe.db "$@"
build/release/apps/floe/floe report --out out/iceberg.html > /dev/null
echo "Results in out/floe.db; the report in out/iceberg.html (open it in a browser)."
