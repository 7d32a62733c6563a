#!/usr/bin/env bash
# Scoring benchmark: `kith score IN --format csv --output OUT` against the pandas peer
# (`../shared/bench/peer_pandas.py IN OUT.csv`) on the same 1,000,000-row export, in the same
# run, both under /usr/bin/time -v. Prints wall time, peak RSS and the speed ratio.
#
#   Benchmarks/score/run.sh [FILE.csv] [ROWS]
#
# FILE defaults to /tmp/export.csv, made (once) by ../shared/bench/gen_export.py ROWS (1,000,000).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
file="${1:-/tmp/export.csv}"
rows="${2:-1000000}"
out="${TMPDIR:-/tmp}/kith-score-bench"
mkdir -p "$out"
bench="$root/../shared/bench"
[ -d "$bench" ] || bench=/work/shared/bench

if [ ! -f "$file" ]; then
    echo "generating $file ($rows rows)…" >&2
    python3 "$bench/gen_export.py" "$rows" "$file"
fi

echo "building kith (release)…" >&2
(cd "$root" && swift build -c release --scratch-path "$root/.build-import" --product kith >&2)
kith="$root/.build-import/release/kith"

measure() {  # label, command…  → "label seconds kilobytes"
    local label="$1"; shift
    /usr/bin/time -v "$@" > "$out/$label.stdout" 2> "$out/$label.time" || { cat "$out/$label.time" >&2; exit 1; }
    local wall rss
    wall=$(grep "Elapsed (wall clock)" "$out/$label.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep "Maximum resident set size" "$out/$label.time" | awk '{print $NF}')
    echo "$label $wall $rss"
}

peer=$(measure peer python3 "$bench/peer_pandas.py" "$file" "$out/peer.csv")
kith_run=$(measure kith "$kith" score "$file" --format csv --output "$out/kith.csv")
read -r _ peer_s peer_kb <<< "$peer"
read -r _ kith_s kith_kb <<< "$kith_run"
rows_scored=$(($(wc -l < "$out/kith.csv") - 1))
printf "file: %s (%s data rows)\n" "$file" "$rows_scored"
printf "%-6s %8s s %8.0f MB   %s\n" "peer" "$peer_s" "$(echo "$peer_kb / 1024" | bc -l)" "python3 peer_pandas.py $file OUT.csv"
printf "%-6s %8s s %8.0f MB   %s\n" "kith" "$kith_s" "$(echo "$kith_kb / 1024" | bc -l)" "kith score $file --format csv --output OUT.csv"
printf "ratio: kith is %.1fx faster than the peer\n" "$(echo "$peer_s / $kith_s" | bc -l)"
