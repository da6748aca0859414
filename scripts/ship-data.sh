#!/usr/bin/env bash
# Rebuilds data/ (the shipped default data) from ../shared/data: copies the files floe reads,
# keeps only the columns floe uses of the files listed in `subsets`, zstd-compresses those over
# 100 kB (floe reads <name>.zst transparently), and writes data/PROVENANCE.md with each file's
# source row and the sha256 of its uncompressed bytes.
# Usage: scripts/ship-data.sh [SHARED_DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$here/../shared/data}
dst=$here/data
files=(
  "onet/db_29_1_text/Occupation Data.txt"
  "onet/db_29_1_text/Task Statements.txt"
  "onet/db_29_1_text/Tasks to DWAs.txt"
  "onet/db_29_1_text/DWA Reference.txt"
  "onet/db_29_1_text/Technology Skills.txt"
  "onet/db_29_1_text/Related Occupations.txt"
  "onet/db_29_1_text/Job Zones.txt"
  "bls-oews/national/national_May2021_dl.csv"
  "bls-oews/national/national_M2022_dl.csv"
  "bls-oews/national/national_M2023_dl.csv"
  "bls-oews/national/national_M2024_dl.csv"
  "bls-oews/state/state_M2023_wages_only.csv"
  "derived/state_totals_M2023.csv"
  "derived/state_industry_group_employment_M2023.csv"
  "derived/onet_soc_industry_group.csv"
  "census/co-est2023-alldata.csv"
  "census/2024_Gaz_counties_national.txt"
  "census/list1_2023.csv"
  "crosswalks/nem-onet-to-soc-crosswalk__ONET_to_SOC_crosswalk.csv"
  "crosswalks/soc_structure_2019.csv"
  "crosswalks/soc_2010_to_2018_crosswalk.csv"
  "ai-exposure/gpts-are-gpts/full_labelset.tsv"
  "ai-exposure/gpts-are-gpts/occ_level.csv"
  "ai-exposure/gpts-are-gpts/LICENSE"
  "ai-exposure/anthropic-economic-index/release_2025_02_10/onet_task_mappings.csv"
  "ai-exposure/anthropic-economic-index/release_2025_02_10/onet_task_statements.csv"
  "ai-exposure/anthropic-economic-index/release_2025_02_10/automation_vs_augmentation.csv"
  "ai-exposure/aioe/AIOE_DataAppendix__Appendix_A.csv"
  "ai-exposure/aioe/AIOE_DataAppendix__Appendix_C.csv"
  "ai-exposure/microsoft-working-with-ai/soc_ai_applicability_scores.csv"
  "ai-exposure/microsoft-working-with-ai/LICENSE.txt"
  "bls-ep/occupation__Table_1_2.csv"
  "bls-ep/occupation__Table_1_10.csv"
  "us-atlas/states-albers-10m.json"
  "us-atlas/counties-albers-10m.json"
  "us-atlas/counties-10m.json"
  "us-atlas/LICENSE"
)
# Files shipped with only the columns floe reads (values unchanged, every row kept): "path|columns".
onet_rating_columns="O*NET-SOC Code,Element ID,Element Name,Scale ID,Data Value"
natsector_columns="NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP"
subsets=(
  "onet/db_29_1_text/Alternate Titles.txt|O*NET-SOC Code,Alternate Title"
  "onet/db_30_1_text/Skills.txt|$onet_rating_columns"
  "onet/db_30_1_text/Knowledge.txt|$onet_rating_columns"
  "bls-oews/industry/natsector_M2022_dl.csv|$natsector_columns"
  "bls-oews/industry/natsector_M2023_dl.csv|$natsector_columns"
  "bls-oews/industry/natsector_M2024_dl.csv|$natsector_columns"
  "ai-exposure/anthropic-economic-index/release_2025_09_15/aei_us_states_subset.csv|geo_id,geography,date_start,date_end,facet,variable,cluster_name,value"
)
# data/talent/ is floe's own (the AI-talent model's classes, segments and targets): kept.
find "$dst" -mindepth 1 -not -name README.md -not -path "$dst/talent" -not -path "$dst/talent/*" \
  -delete 2>/dev/null || true
mkdir -p "$dst"
prov=$dst/PROVENANCE.md
{
  echo "# Provenance of data/ (the shipped default data)"
  echo
  echo "Copied from \`../shared/data\` by \`scripts/ship-data.sh\`; see \`../shared/data/PROVENANCE.md\` for"
  echo "the upstream repositories and commits. Files over 100 kB are stored zstd-compressed"
  echo "(\`<name>.zst\`, \`zstd -19\`); the sha256 below is of the uncompressed bytes, identical to the"
  echo "shared copy (for a file shipped as a subset of its columns, of the subset; the shared"
  echo "file's sha256 is then in the source column). floe reads either form."
  echo
  echo "| file | stored as | source, publisher and license (from shared/data/PROVENANCE.md) | sha256 (uncompressed) |"
  echo "|---|---|---|---|"
} > "$prov"
# ship FILE SOURCE NOTE: stores SOURCE as data/FILE (compressed when large) with its row.
ship() {
  local f=$1 from=$2 note=$3 size stored sum row
  mkdir -p "$dst/$(dirname "$f")"
  size=$(stat -c %s "$from")
  if [ "$size" -gt 100000 ]; then
    zstd -q -19 -f "$from" -o "$dst/$f.zst"
    stored="$(basename "$f").zst"
  else
    cp "$from" "$dst/$f"
    stored="$(basename "$f")"
  fi
  sum=$(sha256sum "$from" | cut -d' ' -f1)
  row=$(grep -F "| $f |" "$src/PROVENANCE.md" | head -1 | awk -F' \\| ' '{print $2" ("$4"; "$5")"}')
  echo "| $f | $stored | $row$note | $sum |" >> "$prov"
}
for f in "${files[@]}"; do ship "$f" "$src/$f" ""; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for entry in "${subsets[@]}"; do
  f=${entry%%|*}
  columns=${entry#*|}
  # O*NET's .txt files are tab-separated without quoting: fields are cut as they are.
  /usr/bin/python3 - "$src/$f" "$tmp/subset" "$columns" <<'PY'
import csv, sys
src, dst, columns = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
with open(src, newline="", encoding="utf-8-sig") as i, open(dst, "w", newline="") as o:
    if src.endswith(".txt"):
        rows = (line.rstrip("\r\n").split("\t") for line in i)
        write = lambda row: o.write("\t".join(row) + "\n")
    else:
        rows = csv.reader(i)
        write = csv.writer(o, lineterminator="\n").writerow
    header = next(rows)
    keep = [header.index(c) for c in columns]
    write(columns)
    for row in rows:
        write([row[k] for k in keep])
PY
  ship "$f" "$tmp/subset" \
    "; columns $columns only, every row, values unchanged (shared file sha256 $(sha256sum "$src/$f" | cut -c1-16)...)"
done
cat >> "$prov" <<'TALENT'

## data/talent/ (written for floe, not copied)

The AI-talent model's inputs (docs/talent.md), written by hand from the sources each row names:
`employers.csv` (employer classes and their attributes: pay, expected equity, autonomy, mission,
openings; OEWS May 2023 for academic pay, the rest documented assumptions), `segments.csv` (which
OEWS occupations size each kind of AI-skilled worker), `targets.csv` (the observed facts the model
is fitted to: Live Data Technologies, Zeki Research, Indeed and the Stanford AI Index as reported
by The Economist, 8 June 2024, "The war for AI talent is heating up"; JOLTS 2023 quits).
TALENT
echo "data/: $(du -sh "$dst" | cut -f1) in $(find "$dst" -type f | wc -l) files"
