# Sourced by the tests of commands run over MPI ranks (src/ensemble/ranks_test.sh,
# src/models/ranks_test.sh); they define $work (a scratch folder) and fail().
#
# refused WANT COMMAND...: COMMAND fails, and its error output has exactly one "floe: error:"
# line, containing WANT (mpirun adds its own banner around it); and no file $no_output (when
# set) was left behind.
refused() {
  local want=$1
  shift
  if "$@" > "$work/out.txt" 2> "$work/err.txt"; then fail "accepted: $*"; fi
  local lines
  lines=$(grep -c "^floe: error:" "$work/err.txt" || true)
  [ "$lines" -eq 1 ] || fail "expected one error line, got $lines: $(cat "$work/err.txt")"
  grep -q "^floe: error: .*$want" "$work/err.txt" || fail "no '$want' in: $(cat "$work/err.txt")"
  [ -z "${no_output:-}" ] || [ ! -e "$no_output" ] || fail "output $no_output after: $*"
  echo "ok: refused: $(grep '^floe: error:' "$work/err.txt")"
}
