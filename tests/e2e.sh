#!/usr/bin/env bash
# End-to-end checks of the floe binary on the shipped data and on broken inputs: exit codes,
# one-line errors naming file, line and field, and no partial output.
set -euo pipefail
floe=$(realpath "$1")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The shipped data is consistent and covers >= 97% of OEWS employment.
"$floe" data check > "$work/check.txt" || fail "floe data check exited $?"
grep -q "^Consistent.$" "$work/check.txt" || fail "data check did not say Consistent"
coverage=$(grep -o "capability labels: [0-9]* of [0-9]*, [0-9.]*%" "$work/check.txt" | head -1 \
           | grep -o "[0-9.]*%$" | tr -d %)
awk -v c="$coverage" 'BEGIN { exit !(c >= 97) }' || fail "coverage $coverage% < 97%"
echo "ok: data check, $coverage% of employment matched"

# A broken copy of the data: one clear line, non-zero exit.
cp -r testdata/tiny "$work/bad"
printf '47-2061.00\t105\tNOT.A.DWA\t03/2014\tAnalyst\r\n' >> "$work/bad/onet/db_29_1_text/Tasks to DWAs.txt"
if "$floe" data check --data "$work/bad" > "$work/out.txt" 2> "$work/err.txt"; then
  fail "data check accepted an unknown DWA"
fi
[ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "expected one error line, got: $(cat "$work/err.txt")"
grep -q "Tasks to DWAs.txt:7: field 'DWA ID': unknown DWA ID 'NOT.A.DWA'" "$work/err.txt" \
  || fail "error does not name file, line and field: $(cat "$work/err.txt")"
[ -s "$work/out.txt" ] && fail "partial output on error"
echo "ok: bad input gives one line: $(cat "$work/err.txt")"

"$floe" data check --data "$work/nope" 2> "$work/err.txt" && fail "missing --data accepted"
echo "ok: missing data directory: $(head -1 "$work/err.txt")"

# --- floe index ---------------------------------------------------------------------------
"$floe" index --db "$work/index.db" > "$work/index.txt" 2> "$work/index.err" \
  || fail "floe index exited $?: $(cat "$work/index.err")"
grep -q "Iceberg index" "$work/index.txt" || fail "no national index in the summary"
grep -q "Surface index" "$work/index.txt" || fail "no surface index in the summary"
python3 - "$work/index.db" <<'PY' || fail "results database check failed"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
states = db.execute("select count(*), sum(exposed_wages) from index_state").fetchone()
nation = db.execute("select exposed_wages, iceberg from index_nation").fetchone()
counties = db.execute("select count(*) from index_county").fetchone()[0]
assert states[0] == 54, states
assert abs(states[1] - nation[0]) < 1e-6 * nation[0], (states, nation)
assert 0 < nation[1] < 1 and counties > 3100, (nation, counties)
print(f"ok: results file: 54 states summing to the nation, {counties} counties, iceberg {nation[1]:.3f}")
PY
"$floe" index --by state --format csv --out "$work/states.csv" --db "$work/i2.db" 2>/dev/null
[ "$(wc -l < "$work/states.csv")" -eq 55 ] || fail "states.csv should have 54 rows + header"
"$floe" index --by occupation --format json --db "$work/i3.db" 2>/dev/null | python3 -c \
  "import json,sys; d=json.load(sys.stdin); assert len(d['rows']) == 831, len(d['rows'])" \
  || fail "occupation JSON"
echo "ok: --by state csv (54 rows), --by occupation json (831 rows)"

# What a new user meets: --top N prints N rows, industries by name, Low/High explained in --help
# and under the table, numbers without float noise, a mistyped command answered with a guess.
"$floe" index --by state --top 5 --db "$work/i4.db" 2>/dev/null > "$work/top.txt"
rows=$(awk 'NR > 2 && /%/' "$work/top.txt" | wc -l)
[ "$rows" -eq 5 ] || fail "--top 5 printed $rows state rows"
grep -q "^  Low/High: " "$work/top.txt" || fail "no note on Low/High under the states table"
# (to files first: grep -q stops reading early, and pipefail would count floe's broken pipe)
"$floe" index --help > "$work/help.txt"
grep -q "Low/High: the lowest and highest" "$work/help.txt" || fail "--help does not explain Low/High"
"$floe" index --by industry --db "$work/i5.db" > "$work/industries.txt" 2>/dev/null
grep -q "  Finance and Insurance " "$work/industries.txt" || fail "industries not by name"
python3 - "$work/states.csv" <<'PY' || fail "CSV numbers with float noise"
import csv, re, sys
for row in csv.DictReader(open(sys.argv[1])):
    for k, v in row.items():
        if not re.fullmatch(r"-?[0-9.eE+]+", v):
            continue  # text
        assert "e" not in v.lower(), (k, v)
        if "." in v:  # whole numbers keep every digit; fractions at most 12 significant
            assert len(v.lstrip("-").replace(".", "").lstrip("0")) <= 12, (k, v)
print("ok: CSV numbers have at most 12 significant digits and no exponent")
PY
if "$floe" indx 2> "$work/err.txt"; then fail "floe indx succeeded"; fi
grep -q "unknown command 'indx'; did you mean 'floe index'?" "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "ok: --top 5, industry names, Low/High explained; $(head -1 "$work/err.txt")"

# Bad inputs to floe index: one line naming file, line and field; nothing written.
expect_index_error() {  # expected-message args...
  local expected=$1; shift
  rm -f "$work/bad.db" "$work/bad.db.partial" "$work/bad.csv"
  if "$floe" index --db "$work/bad.db" --out "$work/bad.csv" "$@" > "$work/out.txt" 2> "$work/err.txt"; then
    fail "floe index $* succeeded"
  fi
  [ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "expected one error line: $(cat "$work/err.txt")"
  grep -qF "$expected" "$work/err.txt" || fail "expected '$expected', got: $(cat "$work/err.txt")"
  [ -e "$work/bad.db" ] || [ -e "$work/bad.db.partial" ] || [ -e "$work/bad.csv" ] \
    && fail "partial output left after: $*"
  echo "ok: $(cat "$work/err.txt")"
}
printf 'task_id,capability\n8823,0.5\n99999999,1\n' > "$work/unknown.csv"
expect_index_error "unknown.csv:3: field 'task_id': unknown O*NET task ID 99999999" --layer "$work/unknown.csv"
printf 'task_id,capability\n8823,1.5\n' > "$work/range.csv"
expect_index_error "range.csv:2: field 'capability': out of range" --layer "$work/range.csv"
cp -r testdata/tiny "$work/nomargin"
for f in state_totals_M2023.csv state_industry_group_employment_M2023.csv; do
  grep -v '^Alaska,' "$work/nomargin/derived/$f" > "$work/tmp.csv" && mv "$work/tmp.csv" "$work/nomargin/derived/$f"
done
expect_index_error "state_totals_M2023.csv: field 'state': no row for Alaska" --data "$work/nomargin"
printf 'task_id,weight\n' > "$work/noweights.csv"
expect_index_error "noweights.csv:1: no data rows under the header" --weights "$work/noweights.csv"
# One state under another spelling is a duplicate, not a second state.
cp -r testdata/tiny "$work/alias"
printf 'AL,1.0,1.0\r\n' >> "$work/alias/derived/state_totals_M2023.csv"
expect_index_error "state_totals_M2023.csv:5: field 'state': duplicate key: 'AL' (Alabama)" --data "$work/alias"
# A value with terminal escapes and a newline is shown escaped, on the one line.
printf 'task_id,capability\n8823,"\033[2J\nx"\n' > "$work/escape.csv"
expect_index_error "field 'capability': not a number: '\\x1b[2J\\nx'" --layer "$work/escape.csv"
grep -q $'\033' "$work/err.txt" && fail "an escape sequence reached the terminal"
# When --out cannot be written, --db is not written either: a command's outputs come together.
touch "$work/afile"
rm -f "$work/both.db"
if "$floe" index --db "$work/both.db" --out "$work/afile/x.csv" > /dev/null 2> "$work/err.txt"; then
  fail "floe index wrote to a path under a file"
fi
grep -qF "cannot write $work/afile/x.csv: cannot create its folder" "$work/err.txt" \
  || fail "$(cat "$work/err.txt")"
[ -e "$work/both.db" ] || [ -e "$work/both.db.partial" ] && fail "--db written although --out failed"
echo "ok: $(cat "$work/err.txt"); no --db either"

# The ratio below the surface is one function's text in the summary and the results file.
below=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select below_surface from index_nation').fetchone()[0])" "$work/index.db")
grep -qF "Below the surface: $below the visible exposure." "$work/index.txt" \
  || fail "summary and results file disagree on the ratio below the surface ($below)"
grep -q "Iceberg index .*(range [0-9.]*-[0-9.]*%)" "$work/index.txt" || fail "no range in the summary"
echo "ok: below the surface $below in the summary and the results file; the index has its range"

# --- floe validate ------------------------------------------------------------------------
"$floe" validate capability > "$work/cap.txt" 2> "$work/cap.err" || fail "validate capability: $(cat "$work/cap.err")"
grep -q "^Default capability layer: technical/mean/e2=0.25 " "$work/cap.txt" \
  || fail "validate capability did not pick the library's default: $(head -2 "$work/cap.txt")"
"$floe" validate capability --format csv --out "$work/cap.csv" 2>/dev/null
[ "$(wc -l < "$work/cap.csv")" -eq 37 ] || fail "validate capability csv: 36 layers + header expected"
"$floe" validate similarity --format json 2>/dev/null | python3 -c "
import json, sys
t = json.load(sys.stdin)
d = t['rows'][0]
assert d['primary_short_held_out'] >= 0.6 and d['all_held_out'] >= 0.4, d" \
  || fail "validate similarity: default recall below the targets"
echo "ok: validate capability (36 layers, default mean/E2 0.25), validate similarity (targets met)"
expect_validate_error() {  # expected-message args...
  local expected=$1; shift
  if "$floe" validate capability --resamples 2 "$@" > "$work/out.txt" 2> "$work/err.txt"; then
    fail "floe validate capability $* succeeded"
  fi
  [ "$(wc -l < "$work/err.txt")" -eq 1 ] || fail "expected one error line: $(cat "$work/err.txt")"
  grep -qF "$expected" "$work/err.txt" || fail "expected '$expected', got: $(cat "$work/err.txt")"
  [ -s "$work/out.txt" ] && fail "partial output after: $*"
  echo "ok: $(cut -c1-120 "$work/err.txt")"
}
expect_validate_error "unknown layer 'technical/nobody'" --layer technical/nobody
printf 'task_id,capability\n' > "$work/empty.csv"
expect_validate_error "empty.csv:1: no data rows under the header" --layer "$work/empty.csv"
printf 'task_id,capability\n8823,2\n' > "$work/bad_layer.csv"
expect_validate_error "bad_layer.csv:2: field 'capability'" --layer "$work/bad_layer.csv"

# --- industries, workbooks and the outside check (issue 12) ---------------------------------
"$floe" index --by industry --format csv --db "$work/i4.db" 2>/dev/null > "$work/industries.csv"
[ "$(wc -l < "$work/industries.csv")" -eq 21 ] || fail "industries.csv should have 20 sectors + header"
grep -q '^31,Manufacturing,' "$work/industries.csv" || fail "no Manufacturing sector by its BLS title"
"$floe" index --by state-industry --state MI --format csv --db "$work/i5.db" 2>/dev/null > "$work/mi.csv"
[ "$(wc -l < "$work/mi.csv")" -eq 21 ] || fail "Michigan should have 20 sectors"
grep -q '^26,MI,Michigan,31,Manufacturing,' "$work/mi.csv" || fail "no Michigan manufacturing row"
echo "ok: --by industry (20 NAICS sectors), --by state-industry --state MI"
"$floe" validate geography --format csv 2>/dev/null > "$work/geo.csv" || fail "validate geography failed"
python3 - "$work/geo.csv" <<'PY' || fail "validate geography output"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 15 and all(r["states"] == "44" for r in rows), rows
surface = [r for r in rows if r["index"] == "surface"][0]
print(f"ok: validate geography: 44 states, default Surface rho {float(surface['spearman']):.2f}, "
      f"same tercile {100 * float(surface['tier_agreement']):.0f}%")
PY
# The backtest (issue 14, item 7): a run takes about half a minute whatever the scale, so only its
# refusal is checked here: a year the data lacks is one line naming the file, and nothing written.
mkdir -p "$work/no2024" && cp -r data/. "$work/no2024/"
rm "$work/no2024/bls-oews/national/national_M2024_dl.csv.zst"
if "$floe" validate backtest --data "$work/no2024" --out "$work/bt.txt" 2> "$work/bt.err"; then
  fail "validate backtest without May 2024 succeeded"
fi
[ "$(wc -l < "$work/bt.err")" -eq 1 ] || fail "expected one error line: $(cat "$work/bt.err")"
grep -qF "national_M2024_dl.csv" "$work/bt.err" || fail "backtest error: $(cat "$work/bt.err")"
[ -e "$work/bt.txt" ] && fail "partial output after a failed backtest"
echo "ok: $(cut -c1-120 "$work/bt.err")"
# A damaged workbook: one line naming the file and the part; nothing written.
expect_index_error "truncated_entry.xlsx: part 'xl/worksheets/sheet2.xml' is damaged" \
  --oews-state testdata/xlsx/truncated_entry.xlsx
# An old occupation-cluster name in a scenario names the sector to use.
printf '[adoption]\nindustry_speed = { MANUFACTURING = 1.2 }\n[talent]\nenabled = false\n' > "$work/cluster.toml"
"$floe" simulate --scenario "$work/cluster.toml" --data testdata/tiny --out "$work/c.db" 2> "$work/err.txt" \
  && fail "a scenario naming an occupation cluster ran"
grep -q "unknown NAICS sector 'MANUFACTURING'; it was an occupation cluster: use manufacturing (NAICS 31-33)" \
  "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "ok: $(cat "$work/err.txt")"

# --- floe simulate ------------------------------------------------------------------------
printf '[adoption]\nimitaton = 0.1\n' > "$work/typo.toml"
if "$floe" simulate --scenario "$work/typo.toml" --data testdata/tiny --out "$work/x.db" 2> "$work/err.txt"; then
  fail "a scenario with an unknown key ran"
fi
grep -q "typo.toml:2: field 'adoption.imitaton': unknown key" "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "ok: $(cat "$work/err.txt")"
printf '[displacement]\nrate_at_full = 2\n' > "$work/range.toml"
"$floe" simulate --scenario "$work/range.toml" --data testdata/tiny --out "$work/x.db" 2> "$work/err.txt" \
  && fail "an out-of-range scenario ran"
grep -q "rate_at_full': 2 is outside \[0, 0.2\]" "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "ok: $(cat "$work/err.txt")"
[ -e "$work/x.db" ] && fail "partial output after a scenario error"

# A run interrupted with Ctrl-C and resumed ends identical to an uninterrupted one.
run=(simulate --scenario scenarios/baseline.toml --scale 0.002 --months 120 --seed 7)
"$floe" "${run[@]}" --out "$work/whole.db" > /dev/null 2>&1 || fail "uninterrupted run failed"
"$floe" "${run[@]}" --out "$work/cut.db" > /dev/null 2> "$work/cut.err" &
pid=$!
sleep 3
# A second run on the same --out is refused while the first holds it.
if "$floe" "${run[@]}" --out "$work/cut.db" > /dev/null 2> "$work/second.err"; then
  fail "a second run on the same --out was allowed"
fi
grep -q "another floe simulate is writing" "$work/second.err" || fail "$(cat "$work/second.err")"
echo "ok: $(cat "$work/second.err")"
sleep 5
kill -INT "$pid"
if wait "$pid"; then fail "the run was not interrupted (too fast? $(cat "$work/cut.err"))"; fi
grep -q "Interrupted after month" "$work/cut.err" || fail "no interruption message: $(cat "$work/cut.err")"
[ -f "$work/cut.db.ckpt" ] || fail "no checkpoint after Ctrl-C"
echo "ok: $(grep -o 'Interrupted after month [0-9]*' "$work/cut.err"), checkpoint left"
# A flag that contradicts the checkpoint's run is refused, and nothing is lost.
for bad in "--seed 5" "--months 12" "--scale 0.01"; do
  # shellcheck disable=SC2086
  if "$floe" simulate --out "$work/cut.db" --resume $bad > /dev/null 2> "$work/bad.err"; then
    fail "--resume $bad was accepted"
  fi
  [ "$(wc -l < "$work/bad.err")" -eq 1 ] || fail "expected one line: $(cat "$work/bad.err")"
  grep -q -- "${bad%% *} .* conflicts with the run in" "$work/bad.err" || fail "$(cat "$work/bad.err")"
  [ -f "$work/cut.db.ckpt" ] || fail "checkpoint gone after a refused --resume $bad"
done
echo "ok: $(cat "$work/bad.err")"
# The printed line is exactly the command that continues.
continue=$(grep -A1 "Continue with:" "$work/cut.err" | tail -1)
[ "$continue" = "  floe simulate --out $work/cut.db --resume" ] || fail "continue line: $continue"
eval "\"\$floe\" ${continue#  floe }" > /dev/null 2>&1 || fail "resume failed"
python3 - "$work/whole.db" "$work/cut.db" <<'PY' || fail "resumed run differs"
import sqlite3, sys
a, b = (sqlite3.connect(p) for p in sys.argv[1:])
rows = 0
for table in ("national", "state_major", "county_major", "flows", "twin_national",
              "twin_state_major", "twin_county_major", "talent_month", "talent_moves",
              "talent_phd", "talent_series", "talent_targets"):
    x = sorted(a.execute(f"select * from {table}").fetchall(), key=repr)
    y = sorted(b.execute(f"select * from {table}").fetchall(), key=repr)
    assert x == y, f"{table} differs"
    rows += len(x)
print(f"ok: resumed run identical to the uninterrupted one ({rows} rows in 12 tables)")
# Counts are workers (agents / scale): the labor force at the start is OEWS's 151.85M
# (May 2023) within 2%.
e, u, t = a.execute("select employed, unemployed, training from national where month = 0").fetchone()
assert abs((e + u + t) / 151.853e6 - 1) < 0.02, f"labor force {e + u + t:.0f}"
print(f"ok: counts in workers: labor force {(e + u + t) / 1e6:.1f}M at month 0")
# A baseline that does not drift (issue 14, docs/model.md §17): the no-AI twin's unemployment at
# month 120 within 0.3 points of month 0's.
u0, u120 = (a.execute("select unemployment_rate from twin_national where month = ?", (m,)).fetchone()[0]
            for m in (0, 120))
assert abs(u120 - u0) <= 0.003, f"the twin drifts: {100 * u0:.2f}% -> {100 * u120:.2f}%"
print(f"ok: no drift: the twin's unemployment {100 * u0:.2f}% at month 0, {100 * u120:.2f}% at 120")
PY
[ -e "$work/cut.db.ckpt" ] && fail "checkpoint not removed after the run completed"

# Replicates: each seed's national series, replicate 0 the run itself, and the 90% ranges
# recomputed here from the series (type-7 percentiles of the three values).
"$floe" simulate --scale 0.001 --months 2 --seed 4 --replicates 3 --out "$work/rep.db" \
  > "$work/rep.txt" 2>&1 || fail "replicates failed: $(cat "$work/rep.txt")"
python3 - "$work/rep.db" <<'PY' || fail "replicate tables wrong"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select replicate, seed, month, employed, unemployed, training, twin_employed,"
                  " twin_unemployed, twin_training from replicate_national").fetchall()
assert sorted({(r[0], r[1]) for r in rows}) == [(0, 4), (1, 5), (2, 6)], rows
for month, employed in db.execute("select month, employed from national"):
    mine = [r[3] for r in rows if r[0] == 0 and r[2] == month]
    assert mine == [employed], (month, mine, employed)
def q(values, p):
    v = sorted(values); h = p * (len(v) - 1); i = int(h)
    return v[i] if i + 1 >= len(v) else v[i] + (h - i) * (v[i + 1] - v[i])
for month in range(3):
    rate = [(r[4] + r[5]) / (r[3] + r[4] + r[5]) for r in rows if r[2] == month]
    effect = [100 * ((r[4] + r[5]) / (r[3] + r[4] + r[5]) - (r[7] + r[8]) / (r[6] + r[7] + r[8]))
              for r in rows if r[2] == month]
    for measure, values in (("unemployment_rate", rate), ("ai_effect_points", effect)):
        mean, low, high, n = db.execute("select mean, low, high, replicates from replicate_intervals"
                                        " where month = ? and measure = ?", (month, measure)).fetchone()
        assert n == 3 and abs(mean - sum(values) / 3) < 1e-9, (measure, mean)
        assert abs(low - q(values, 0.05)) < 1e-9 and abs(high - q(values, 0.95)) < 1e-9, measure
print("ok: 3 replicates (seeds 4-6), replicate 0 is the run, 90% ranges recomputed")
PY
grep -q "3 replicates (seeds 4 to 6)" "$work/rep.txt" || fail "no replicates line: $(cat "$work/rep.txt")"
if "$floe" simulate --out "$work/rep.db" --resume --replicates 2 2> "$work/err.txt"; then
  fail "--replicates with --resume was accepted"
fi
grep -q "cannot be used with --resume" "$work/err.txt" || fail "$(cat "$work/err.txt")"

# --- floe talent ---------------------------------------------------------------------------
"$floe" talent calibrate --start all --out "$work/talent.toml" > "$work/talent.txt" 2> "$work/talent.err" \
  || fail "talent calibrate failed: $(cat "$work/talent.err")"
[ "$(grep -c '10 of 10 targets within tolerance' "$work/talent.err")" = 3 ] \
  || fail "not every start fitted every target: $(cat "$work/talent.err")"
grep -q "^  outflow_after_launch" "$work/talent.txt" || fail "no targets table"
echo "ok: talent calibrate: $(grep -c 'converged' "$work/talent.err") starts converged, all targets within tolerance"
# A scenario that uses the saved parameters, in the same folder.
printf '[run]\nmonths = 2\n[talent]\nparameters = "talent.toml"\nnon_compete = 0.3\n' > "$work/saved.toml"
"$floe" simulate --scenario "$work/saved.toml" --scale 0.001 --out "$work/saved.db" > /dev/null 2>&1 \
  || fail "simulate with saved talent parameters failed"
from=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
  "select value from run where key = ?", ("talent_parameters_from",)).fetchone()[0])' "$work/saved.db")
[ "$from" = "$work/talent.toml" ] || fail "talent parameters came from '$from'"
echo "ok: simulate with talent.parameters from the saved fit"
# Bad talent input: one line naming file, line and field; no results file.
mkdir -p "$work/badtalent"
for entry in data/*; do ln -s "$PWD/$entry" "$work/badtalent/$(basename "$entry")"; done
rm "$work/badtalent/talent" && cp -r data/talent "$work/badtalent/talent"
sed -i 's/^stealth_share,stealth_share_of_big_tech_leavers,value,2022-12..2023-08,,0.1429,0.03/stealth_share,stealth_share_of_big_tech_leavers,value,2022-12..2023-08,,NaN,0.03/' \
  "$work/badtalent/talent/targets.csv"
if "$floe" talent calibrate --data "$work/badtalent" > /dev/null 2> "$work/err.txt"; then
  fail "a NaN target was accepted"
fi
[ "$(wc -l < "$work/err.txt")" = 1 ] || fail "more than one line: $(cat "$work/err.txt")"
grep -q "targets.csv:5: field 'observed'" "$work/err.txt" || fail "$(cat "$work/err.txt")"
echo "ok: $(cat "$work/err.txt")"
true
