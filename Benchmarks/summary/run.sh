#!/usr/bin/env bash
# Summary benchmark: `kith summary --survey bench --by provider` on a store holding the
# 1,000,000 responses of ../shared/bench/gen_export.py, under /usr/bin/time -v. Prints wall time
# and peak RSS of the summary (and, for reference, of the import that fills the store).
#
#   Benchmarks/summary/run.sh [FILE.csv] [ROWS]
#
# FILE defaults to /tmp/export.csv, made (once) by ../shared/bench/gen_export.py ROWS (1,000,000).
# The store is made fresh each run with `kith import` (release build). Target: the summary ≤ 2 s.
set -euo pipefail
out="${TMPDIR:-/tmp}/kith-summary-bench"
source "$(dirname "$0")/../common.sh"

store="$out/bench.sqlite"
rm -f "$store" "$store-wal" "$store-shm" "$store.secret"
import_run=$(measure import "$kith" import "$file" --survey bench --store "$store")
read -r _ import_s _ import_kb <<< "$import_run"
printf "%-10s %8s s %8.0f MB   %s\n" "import" "$import_s" "$(echo "$import_kb / 1024" | bc -l)" "kith import $file --survey bench" >&2
# Three runs: the machine's cores are shared, so single runs vary.
for run in 1 2 3; do
    summary_run=$(measure summary "$kith" summary --survey bench --by provider --store "$store" --format json --output "$out/summary.json")
    read -r _ summary_s _ summary_kb <<< "$summary_run"
    printf "%-10s %8s s %8.0f MB   %s\n" "summary $run" "$summary_s" "$(echo "$summary_kb / 1024" | bc -l)" "kith summary --survey bench --by provider --format json"
done
respondents=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['respondents'])" "$out/summary.json")
printf "store: %s (%s responses summarised)\n" "$store" "$respondents"
