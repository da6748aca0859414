#!/usr/bin/env bash
# floe ensemble over 1, 2 and 4 MPI ranks (docs/scaling.md, issue 18): wall time and the peak
# memory of the largest process, and a check that every results file is the same.
# Usage: bench/ensemble_ranks.sh FLOE [SCALE] [MONTHS] [REPLICATES]
# Each configuration runs 2 scenarios (baseline, fast-adoption) x REPLICATES seeds with twins.
# On a machine with fewer cores than ranks, mpirun oversubscribes (--oversubscribe): say so.
set -euo pipefail
floe=$(realpath "$1")
scale=${2:-0.01} months=${3:-12} replicates=${4:-4}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(ensemble --scenario baseline --scenario fast-adoption --replicates "$replicates"
      --scale "$scale" --months "$months")
cores=$(nproc)
echo "floe ensemble: 2 scenarios x $replicates replicates, scale $scale, $months months;" \
     "$cores cores"
echo "| launch | ranks | threads per rank | wall s | runs per minute | peak RSS per process MB |"
echo "|---|---|---|---|---|---|"
row() {  # row LABEL RANKS THREADS OUT COMMAND...
  local label=$1 ranks=$2 threads=$3 out=$4
  shift 4
  OMP_NUM_THREADS=$threads /usr/bin/time -f "%e %M" -o "$work/time" "$@" --out "$out" \
    > /dev/null 2> "$work/err" || { cat "$work/err"; exit 1; }
  read -r wall rss < "$work/time"
  awk -v l="$label" -v n="$ranks" -v t="$threads" -v w="$wall" -v r="$rss" \
      -v runs=$((2 * replicates)) \
      'BEGIN { printf "| %s | %d | %d | %.1f | %.1f | %.0f |\n", l, n, t, w, 60 * runs / w, r / 1024 }'
  /usr/bin/python3 -c 'import sqlite3, sys
print("\n".join(sqlite3.connect(sys.argv[1]).iterdump()))' "$out" \
    | grep -v "^INSERT INTO \"run\" VALUES('created'" > "$out.sql"
}
mpi=(mpirun --allow-run-as-root --oversubscribe)
row "floe (no mpirun)" 1 "$cores" "$work/plain.db" "$floe" "${args[@]}"
for n in 1 2 4; do
  row "mpirun -np $n" "$n" 1 "$work/np$n.db" "${mpi[@]}" -np "$n" "$floe" "${args[@]}"
done
for n in 1 2 4; do
  cmp -s "$work/plain.db.sql" "$work/np$n.db.sql" || { echo "np $n: results differ"; exit 1; }
done
echo "The results files are identical (SQL dump, creation time aside)."
