#!/usr/bin/env bash
# floe ensemble over MPI ranks (docs/scaling.md): the results file is the same, byte for byte in
# its SQL dump (the creation time aside), without mpirun and under mpirun with 1, 2 and 4 ranks;
# and every mistake is refused in one line with a non-zero exit.
# Usage: ranks_test.sh FLOE MPIRUN WITH_MPI MODE
#   MPIRUN: mpirun's path, or "" when there is none; WITH_MPI: ON when floe is built with MPI;
#   MODE: full (the runs and the errors) or errors (the errors only: the sanitizer build).
set -euo pipefail
floe=$1 mpirun=$2 with_mpi=$3 mode=$4
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export OMP_NUM_THREADS=1
ranks() { "$mpirun" --allow-run-as-root --oversubscribe -np "$1" "${@:2}"; }
# An ensemble small enough for a test: 2 scenarios x 2 replicates, 2 months at scale 0.001,
# without the twins (they double the time; pack_test.cc checks that their series travel).
small=(ensemble --scenario scenarios/baseline.toml --scenario scenarios/fast-adoption.toml
       --replicates 2 --scale 0.001 --months 2 --no-twin)

# Every refusal names --out "$work/e.db", which must not appear.
source tests/refused.sh
no_output=$work/e.db

refused "give at least 1" "$floe" ensemble --scenario baseline --replicates 0 --out "$work/e.db"
refused "no scenario file 'nope.toml'" "$floe" ensemble --scenario nope.toml --out "$work/e.db"
refused "a second scenario named 'baseline'" "$floe" ensemble --scenario baseline \
  --scenario scenarios/baseline.toml --out "$work/e.db"
if [ -n "$mpirun" ]; then
  if [ "$with_mpi" = ON ]; then
    refused "4 ranks for 2 runs: use at most 2" \
      ranks 4 "$floe" ensemble --scenario baseline --replicates 2 --out "$work/e.db"
    refused "no scenario file 'nope.toml'" ranks 2 "$floe" ensemble --scenario nope.toml \
      --out "$work/e.db"
    # Data missing on one rank's node (mpirun's MPMD form gives rank 1 other arguments): that
    # rank says why, rank 0 says the job could not start, and nothing is written.
    mkdir "$work/no-data"  # exists, empty: the files are missing
    one=(ensemble --scenario baseline --replicates 2 --scale 0.001 --months 1 --out "$work/e.db")
    refused "1 of 2 ranks could not start" "$mpirun" --allow-run-as-root --oversubscribe \
      -np 1 "$floe" "${one[@]}" : -np 1 "$floe" "${one[@]}" --data "$work/no-data"
    grep -q "^floe: error on rank 1 of 2: .*no-data" "$work/err.txt" \
      || fail "rank 1 did not say why: $(cat "$work/err.txt")"
  else
    refused "this floe was built without MPI" ranks 2 "$floe" "${small[@]}" --out "$work/e.db"
  fi
fi
[ "$mode" = full ] || exit 0

# SQLite through Python's module (python3 comes with scripts/deps.sh; the sqlite3 shell does not).
query() {
  /usr/bin/python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, row)))' "$@"
}
dump() {
  /usr/bin/python3 -c 'import sqlite3, sys
print("\n".join(sqlite3.connect(sys.argv[1]).iterdump()))' "$1" \
    | grep -v "^INSERT INTO \"run\" VALUES('created'"
}
"$floe" "${small[@]}" --out "$work/plain.db" 2> "$work/plain.err" \
  || fail "floe ensemble exited $?: $(cat "$work/plain.err")"
dump "$work/plain.db" > "$work/plain.sql"
# Worked out independently of the ensemble's code: replicate r of each scenario is the run
# `floe simulate` makes alone with seed 1 + r (here r = 1, the second seed).
"$floe" simulate --scenario scenarios/fast-adoption.toml --seed 2 --scale 0.001 --months 2 \
  --no-twin --out "$work/alone.db" > /dev/null 2>&1 || fail "floe simulate failed"
alone=$(query "$work/alone.db" "SELECT group_concat(employed || ' ' || unemployed, ';')
                                  FROM (SELECT * FROM national ORDER BY month)")
ours=$(query "$work/plain.db" "SELECT group_concat(employed || ' ' || unemployed, ';')
        FROM (SELECT * FROM replicate_national WHERE scenario = 'fast-adoption'
              AND replicate = 1 ORDER BY month)")
[ -n "$alone" ] && [ "$alone" = "$ours" ] || fail "replicate 1 ($ours) is not the run alone ($alone)"
echo "ok: replicate 1 of fast-adoption is floe simulate --seed 2"
[ "$(query "$work/plain.db" "SELECT count(*) FROM ensemble_runs")" -eq 4 ] \
  || fail "not 4 runs in ensemble_runs"

if [ -z "$mpirun" ] || [ "$with_mpi" != ON ]; then
  echo "skipped: mpirun (${mpirun:-not found}) with MPI ($with_mpi)"
  exit 0
fi
for n in 1 2 4; do
  ranks "$n" "$floe" "${small[@]}" --out "$work/ranks$n.db" 2> "$work/ranks$n.err" \
    || fail "mpirun -np $n exited $?: $(cat "$work/ranks$n.err")"
  grep -q "on $n rank" "$work/ranks$n.err" || fail "-np $n did not run on $n ranks"
  dump "$work/ranks$n.db" > "$work/ranks$n.sql"
  cmp -s "$work/plain.sql" "$work/ranks$n.sql" \
    || fail "-np $n differs: $(diff "$work/plain.sql" "$work/ranks$n.sql" | head -5)"
  echo "ok: mpirun -np $n: the same results file"
done
