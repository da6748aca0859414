#!/usr/bin/env bash
# floe simulate spread over MPI ranks (docs/scaling.md §6-§7, issue 18):
#   1. the results file for 1, 2, 3 and 4 ranks x 1 and 2 threads each, against the run without
#      mpirun (a digest of every table, the creation time aside);
#   2. strong scaling: one run at SCALE on 1, 2 and 4 ranks of one thread;
#   3. weak scaling: SCALE/4 per rank on 1, 2 and 4 ranks.
# Each row: wall time, seconds per month, MB each rank sent per month, the largest rank's peak
# memory. On a machine with fewer cores than ranks, mpirun oversubscribes: say so.
# Usage: bench/simulate_ranks.sh FLOE [SCALE] [MONTHS]
set -euo pipefail
floe=$(realpath "$1")
scale=${2:-0.1} months=${3:-12}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mpi=(mpirun --allow-run-as-root --oversubscribe -x OMP_NUM_THREADS)
digest() {
  /usr/bin/python3 -c 'import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
h = hashlib.sha256()
for (name, sql) in db.execute("SELECT name, sql FROM sqlite_master ORDER BY name"):
    h.update(str(sql).encode())
    if sql and sql.startswith("CREATE TABLE"):
        for row in db.execute(f"SELECT * FROM \"{name}\" ORDER BY rowid"):
            if name != "run" or row[0] != "created":
                h.update(repr(row).encode())
print(h.hexdigest()[:16])' "$1"
}
if [ -z "${SKIP_IDENTITY:-}" ]; then
echo "## 1. The same results file (scale 0.002, 24 months, retraining with state budgets, twin)"
echo "| launch | ranks | threads per rank | digest | same |"
echo "|---|---|---|---|---|"
run=(simulate --scenario scenarios/retraining.toml --scale 0.002 --months 24)
OMP_NUM_THREADS=2 "$floe" "${run[@]}" --out "$work/plain.db" > /dev/null 2>&1
plain=$(digest "$work/plain.db")
echo "| floe (no mpirun) | 1 | 2 | $plain | |"
for n in 1 2 3 4; do
  for t in 1 2; do
    OMP_NUM_THREADS=$t "${mpi[@]}" -np "$n" "$floe" "${run[@]}" --out "$work/r.db" \
      > /dev/null 2>&1
    d=$(digest "$work/r.db")
    echo "| mpirun -np $n | $n | $t | $d | $([ "$d" = "$plain" ] && echo yes || echo NO) |"
    rm -f "$work/r.db"
  done
done
fi

row() {  # row RANKS SCALE
  local n=$1 s=$2
  OMP_NUM_THREADS=1 /usr/bin/time -f "%e %M" -o "$work/time" "${mpi[@]}" -np "$n" "$floe" \
    simulate --scale "$s" --months "$months" --out "$work/s.db" > "$work/out" 2> "$work/err" \
    || { cat "$work/err"; exit 1; }
  read -r wall rss < "$work/time"
  local per_month sent peak
  per_month=$(grep -o '([0-9.]* s per month)' "$work/out" | tr -d '(' | cut -d' ' -f1)
  sent=$(grep -o 'sent [0-9.]* MB' "$work/out" | cut -d' ' -f2 || true)
  peak=$(grep -o 'up to [0-9.]* GiB' "$work/out" | cut -d' ' -f3 || true)
  [ -n "$peak" ] || peak=$(awk -v r="$rss" 'BEGIN { printf "%.2f", r / 1048576 }')
  echo "| $n | $s | $(awk -v s="$s" 'BEGIN { printf "%.1f", s * 151.8 }') | $wall |" \
       "$per_month | ${sent:-0} | $peak |"
  rm -f "$work/s.db"
}
echo
echo "## 2. Strong scaling (baseline with its twin, $months months, 1 thread per rank," \
     "$(nproc) cores)"
echo "| ranks | scale | agents (M) | wall s | s per month | MB sent per rank per month |" \
     "peak memory per rank GiB |"
echo "|---|---|---|---|---|---|---|"
for n in 1 2 4; do row "$n" "$scale"; done
echo
echo "## 3. Weak scaling ($(awk -v s="$scale" 'BEGIN { print s / 4 }') of the workforce per rank)"
echo "| ranks | scale | agents (M) | wall s | s per month | MB sent per rank per month |" \
     "peak memory per rank GiB |"
echo "|---|---|---|---|---|---|---|"
for n in 1 2 4; do row "$n" "$(awk -v s="$scale" -v n="$n" 'BEGIN { print s * n / 4 }')"; done
