#!/usr/bin/env bash
# Installs the Debian 12 packages floe needs that are missing (apt-get; with sudo when not root).
# Usage: scripts/deps.sh [build|test]   build: compile and run; test: also clang, Chromium.
set -euo pipefail
build=(g++ cmake ninja-build pkg-config zstd libzstd-dev libfmt-dev libcli11-dev
       nlohmann-json3-dev libsqlite3-dev libtomlplusplus-dev librandom123-dev
       libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev libzip-dev
       libexpat1-dev
       openmpi-bin libopenmpi-dev  # floe ensemble and simulate over MPI ranks (docs/scaling.md); optional
       python3-dev python3-pybind11 python3-numpy)  # the Python module (docs/python.md)
test=(clang libclang-rt-14-dev llvm chromium fonts-dejavu-core python3 wrk
      python3-pytest python3-matplotlib
      procps)  # pgrep: the MPI test finds a rank's PID to kill it (src/models/ranks_test.sh)
# The browser test (tests/browser) runs on Node.js; any node already on PATH will do.
command -v node > /dev/null || test+=(nodejs npm)
want=("${build[@]}")
[ "${1:-build}" = test ] && want+=("${test[@]}")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
