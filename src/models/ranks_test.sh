#!/usr/bin/env bash
# floe simulate spread over MPI ranks (docs/scaling.md §5-§6): the results file is the same
# (every table's rows, the creation time aside) without mpirun and under mpirun with 1, 2, 3 and
# 4 ranks (1 or 2 threads each); a rank killed mid-run fails the job, and the restart from the
# ranks' checkpoints, stopped once more by SIGUSR1, ends identical; mistakes are refused in
# one line with a non-zero exit.
# Usage: ranks_test.sh FLOE MPIRUN WITH_MPI
#   MPIRUN: mpirun's path, or "" when there is none; WITH_MPI: ON when floe is built with MPI.
set -euo pipefail
floe=$1 mpirun=$2 with_mpi=$3
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
if [ -z "$mpirun" ]; then
  echo "skipped: no mpirun"
  exit 0
fi
ranks() { "$mpirun" --allow-run-as-root --oversubscribe -np "$1" -x OMP_NUM_THREADS "${@:2}"; }

source tests/refused.sh
no_output=$work/r.db
export OMP_NUM_THREADS=1
if [ "$with_mpi" != ON ]; then
  refused "this floe was built without MPI" ranks 2 "$floe" simulate --scale 0.001 --months 1 \
    --out "$work/r.db"
  exit 0
fi
# The test data has 8 counties; a rank owns at least one.
refused "9 ranks for 8 counties: a rank owns at least one county; use at most 8" \
  ranks 9 "$floe" simulate --data testdata/tiny --scale 1 --months 1 --out "$work/r.db"
refused "use floe ensemble --replicates" \
  ranks 2 "$floe" simulate --scale 0.001 --months 1 --replicates 2 --out "$work/r.db"

# A digest of the results file: every table's rows in order, the creation time aside.
dump() {
  /usr/bin/python3 -c 'import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (name, sql) in db.execute("SELECT name, sql FROM sqlite_master ORDER BY name"):
    h = hashlib.sha256(str(sql).encode())
    if sql and sql.startswith("CREATE TABLE"):
        for row in db.execute(f"SELECT * FROM \"{name}\" ORDER BY rowid"):
            if name != "run" or row[0] != "created":
                h.update(repr(row).encode())
    print(name, h.hexdigest())' "$1"
}
# Every kind of event, the state budgets' retraining and the twin.
run=(simulate --scenario scenarios/retraining.toml --scale 0.002 --months 12)
OMP_NUM_THREADS=2 "$floe" "${run[@]}" --out "$work/plain.db" > /dev/null 2> "$work/plain.err" \
  || fail "floe simulate exited $?: $(cat "$work/plain.err")"
dump "$work/plain.db" > "$work/plain.sql"
# Ranks x threads: 1 x 2, 2 x 1, 3 x 2, 4 x 1 (bench/simulate_ranks.sh runs every pair).
for nt in 1:2 2:1 3:2 4:1; do
  n=${nt%:*} t=${nt#*:}
  OMP_NUM_THREADS=$t ranks "$n" "$floe" "${run[@]}" --out "$work/r$n.db" > /dev/null \
    2> "$work/r.err" || fail "mpirun -np $n exited $?: $(cat "$work/r.err")"
  dump "$work/r$n.db" > "$work/r.sql"
  cmp -s "$work/plain.sql" "$work/r.sql" \
    || fail "-np $n x $t threads differs: $(diff "$work/plain.sql" "$work/r.sql" | head -5)"
  echo "ok: mpirun -np $n, $t threads each: the same results file"
done

# Rank 1 killed by its PID once the ranks have written a checkpoint: the job fails, saying which
# rank died; resumed on 2 ranks it ends as the run without a stop does. A checkpoint is due every
# month; the run's policy spaces them by 20 times their duration, so the first comes after a
# second or two, and 60 months leave time to kill the job before its end.
{ cat scenarios/retraining.toml; printf '\n[output]\ncheckpoint_every = 1\n'; } > "$work/k.toml"
run=(simulate --scenario "$work/k.toml" --scale 0.001 --months 60)
"$floe" "${run[@]}" --out "$work/whole.db" > /dev/null 2> "$work/whole.err" \
  || fail "floe simulate exited $?: $(cat "$work/whole.err")"
dump "$work/whole.db" > "$work/whole.sql"
ranks 2 "$floe" "${run[@]}" --out "$work/k.db" > "$work/k.out" 2>&1 &
job=$!
for _ in $(seq 1 600); do
  [ -e "$work/k.db.ckpt.0-of-2" ] && [ -e "$work/k.db.ckpt.1-of-2" ] && break
  sleep 0.05
done
[ -e "$work/k.db.ckpt.0-of-2" ] && [ -e "$work/k.db.ckpt.1-of-2" ] \
  || fail "no checkpoint of ranks 0 and 1: $(cat "$work/k.out")"
rank1=""  # the process whose environment says OMPI_COMM_WORLD_RANK=1
for pid in $(pgrep -f "$work/k.db"); do
  if tr '\0' '\n' < "/proc/$pid/environ" 2> /dev/null | grep -qx "OMPI_COMM_WORLD_RANK=1"; then
    rank1=$pid
  fi
done
[ -n "$rank1" ] || fail "rank 1 not found"
kill -9 "$rank1"
if wait "$job"; then fail "the job went on after rank 1 was killed"; fi
grep -q "rank 1 .*exited on signal 9" "$work/k.out" || fail "no word of rank 1: $(cat "$work/k.out")"
[ ! -e "$work/k.db" ] || fail "results written by a failed job"
echo "ok: rank 1 killed: $(grep 'exited on signal' "$work/k.out")"
no_output=$work/k.db
refused "written by 2 ranks: resume it with mpirun -np 2" \
  "$floe" simulate --out "$work/k.db" --resume
refused "written by 2 ranks: resume it with mpirun -np 2" \
  ranks 3 "$floe" simulate --out "$work/k.db" --resume
# SIGUSR1 to mpirun (which passes it on to every rank; Ctrl-C on mpirun would end the job at
# once) once the resumed run is in its months: the ranks stop after the same month and
# checkpoint it, and rank 0 says how to continue. Put back rank 1's file from before, and the
# ranks' files disagree: refused.
cp "$work/k.db.ckpt.1-of-2" "$work/earlier.ckpt"
FLOE_PROGRESS=lines ranks 2 "$floe" simulate --out "$work/k.db" --resume > "$work/i.out" 2>&1 &
job=$!
for _ in $(seq 1 600); do  # month 1 done: every rank is in the months
  grep -qP "^floe-progress\tsimulating [^\t]*\t[1-9]" "$work/i.out" && break
  sleep 0.05
done
kill -USR1 "$(pgrep -f "^$mpirun .*$work/k.db")"
if wait "$job"; then fail "an interrupted job exited 0"; fi
grep -q "mpirun -np 2 floe simulate --out $work/k.db --resume" "$work/i.out" \
  || fail "no command to continue: $(cat "$work/i.out")"
echo "ok: interrupted on 2 ranks: $(grep '^Interrupted' "$work/i.out")"
cp "$work/k.db.ckpt.1-of-2" "$work/later.ckpt"
cp "$work/earlier.ckpt" "$work/k.db.ckpt.1-of-2"
rm -f "$work/k.db"  # the interrupted run's results so far
refused "checkpoint files $work/k.db.ckpt.\*-of-2 hold different months" \
  ranks 2 "$floe" simulate --out "$work/k.db" --resume
cp "$work/later.ckpt" "$work/k.db.ckpt.1-of-2"
ranks 2 "$floe" simulate --out "$work/k.db" --resume > /dev/null 2> "$work/resume.err" \
  || fail "resume exited $?: $(cat "$work/resume.err")"
dump "$work/k.db" > "$work/k.sql"
cmp -s "$work/whole.sql" "$work/k.sql" \
  || fail "the resumed run differs: $(diff "$work/whole.sql" "$work/k.sql" | head -5)"
[ -z "$(ls "$work" | grep 'k.db.ckpt')" ] || fail "checkpoints left after the run completed"
echo "ok: resumed on 2 ranks after the kill and the interruption: the same results file"
