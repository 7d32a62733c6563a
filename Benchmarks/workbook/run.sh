#!/usr/bin/env bash
# Workbook benchmark: `kith score IN.xlsx --format csv --output OUT` against the peer that reads
# the workbook with the fastest Python reader (python-calamine through pandas) and scores as the
# pandas peer does (`../shared/bench/peer_read_other.py IN.xlsx OUT.csv`), in the same run, both
# under /usr/bin/time -v; then `kith score` of the CSV the workbook was made from, whose scores
# the workbook's must equal byte for byte. Prints wall time, peak RSS and the ratio.
#
#   Benchmarks/workbook/run.sh [ROWS]          # default 200,000 (the issue's size)
#
# Needs: pip install xlsxwriter pandas python-calamine
set -euo pipefail
rows="${1:-200000}"
out="${TMPDIR:-/tmp}/kith-workbook-bench"
csv_file="$out/export-$rows.csv"
source "$(dirname "$0")/../common.sh" "$csv_file" "$rows"
workbook="$out/export-$rows.xlsx"
[ -f "$workbook" ] || python3 "$bench/gen_workbook.py" "$csv_file" "$workbook" >&2

peer=$(measure peer python3 "$bench/peer_read_other.py" "$workbook" "$out/peer.csv")
kith_run=$(measure kith "$kith" score "$workbook" --format csv --output "$out/kith.csv")
kith_csv=$(measure kith-csv "$kith" score "$csv_file" --format csv --output "$out/kith-from-csv.csv")
read -r _ peer_s _ peer_kb <<< "$peer"
read -r _ kith_s _ kith_kb <<< "$kith_run"
read -r _ csv_s _ csv_kb <<< "$kith_csv"
printf "workbook: %s (%s rows)\n" "$workbook" "$rows"
printf "%-9s %7s s %6.0f MB   %s\n" "peer" "$peer_s" "$(echo "$peer_kb / 1024" | bc -l)" "python3 peer_read_other.py IN.xlsx OUT.csv"
printf "%-9s %7s s %6.0f MB   %s\n" "kith" "$kith_s" "$(echo "$kith_kb / 1024" | bc -l)" "kith score IN.xlsx --format csv --output OUT"
printf "%-9s %7s s %6.0f MB   %s\n" "kith csv" "$csv_s" "$(echo "$csv_kb / 1024" | bc -l)" "kith score IN.csv (the same responses as CSV)"
printf "ratio: kith is %.1fx faster than the peer on the workbook\n" "$(echo "$peer_s / $kith_s" | bc -l)"
cmp -s "$out/kith.csv" "$out/kith-from-csv.csv" && echo "the workbook's scores equal the CSV's, byte for byte" || { echo "the workbook's scores differ from the CSV's" >&2; exit 1; }
