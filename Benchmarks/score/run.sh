#!/usr/bin/env bash
# Scoring benchmark: `kith score IN --format csv --output OUT` against the pandas peer
# (`../shared/bench/peer_pandas.py IN OUT.csv`) on the same 1,000,000-row export, in the same
# run, both under /usr/bin/time -v. Prints wall time, peak RSS and the speed ratio.
#
#   Benchmarks/score/run.sh [FILE.csv] [ROWS]
#
# FILE defaults to /tmp/export.csv, made (once) by ../shared/bench/gen_export.py ROWS (1,000,000).
set -euo pipefail
out="${TMPDIR:-/tmp}/kith-score-bench"
source "$(dirname "$0")/../common.sh"

peer=$(measure peer python3 "$bench/peer_pandas.py" "$file" "$out/peer.csv")
kith_run=$(measure kith "$kith" score "$file" --format csv --output "$out/kith.csv")
read -r _ peer_s _ peer_kb <<< "$peer"
read -r _ kith_s _ kith_kb <<< "$kith_run"
rows_scored=$(($(wc -l < "$out/kith.csv") - 1))
printf "file: %s (%s data rows)\n" "$file" "$rows_scored"
printf "%-6s %8s s %8.0f MB   %s\n" "peer" "$peer_s" "$(echo "$peer_kb / 1024" | bc -l)" "python3 peer_pandas.py $file OUT.csv"
printf "%-6s %8s s %8.0f MB   %s\n" "kith" "$kith_s" "$(echo "$kith_kb / 1024" | bc -l)" "kith score $file --format csv --output OUT.csv"
printf "ratio: kith is %.1fx faster than the peer\n" "$(echo "$peer_s / $kith_s" | bc -l)"
