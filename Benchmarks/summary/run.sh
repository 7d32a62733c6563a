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
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
file="${1:-/tmp/export.csv}"
rows="${2:-1000000}"
out="${TMPDIR:-/tmp}/kith-summary-bench"
mkdir -p "$out"
bench="$root/../shared/bench"
[ -d "$bench" ] || bench=/work/shared/bench

if [ ! -f "$file" ]; then
    echo "generating $file ($rows rows)…" >&2
    python3 "$bench/gen_export.py" "$rows" "$file"
fi

echo "building kith (release)…" >&2
(cd "$root" && swift build -c release --scratch-path "$root/.build-release" --product kith >&2)
kith="$root/.build-release/release/kith"

measure() {  # label, command…  → "label seconds kilobytes"
    local label="$1"; shift
    /usr/bin/time -v "$@" > "$out/$label.stdout" 2> "$out/$label.time" || { cat "$out/$label.time" >&2; exit 1; }
    local wall rss
    wall=$(grep "Elapsed (wall clock)" "$out/$label.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep "Maximum resident set size" "$out/$label.time" | awk '{print $NF}')
    echo "$label $wall $rss"
}

store="$out/bench.sqlite"
rm -f "$store" "$store-wal" "$store-shm" "$store.secret"
import_run=$(measure import "$kith" import "$file" --survey bench --store "$store")
read -r _ import_s import_kb <<< "$import_run"
printf "%-10s %8s s %8.0f MB   %s\n" "import" "$import_s" "$(echo "$import_kb / 1024" | bc -l)" "kith import $file --survey bench" >&2
# Three runs: the machine's cores are shared, so single runs vary.
for run in 1 2 3; do
    summary_run=$(measure summary "$kith" summary --survey bench --by provider --store "$store" --format json --output "$out/summary.json")
    read -r _ summary_s summary_kb <<< "$summary_run"
    printf "%-10s %8s s %8.0f MB   %s\n" "summary $run" "$summary_s" "$(echo "$summary_kb / 1024" | bc -l)" "kith summary --survey bench --by provider --format json"
done
respondents=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['respondents'])" "$out/summary.json")
printf "store: %s (%s responses summarised)\n" "$store" "$respondents"
