# Shared by the benchmark scripts (sourced, not run): the export file, a release build of kith,
# and `measure`, which runs a command under /usr/bin/time -v.
#
# Before sourcing, set `out` (a folder for this benchmark's files). Arguments: [FILE.csv] [ROWS].
# Sets: root, bench, file, kith. FILE defaults to /tmp/export.csv, made (once) by
# ../shared/bench/gen_export.py ROWS (1,000,000).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="${1:-/tmp/export.csv}"
rows="${2:-1000000}"
mkdir -p "$out"
bench="$root/../shared/bench"
[ -d "$bench" ] || bench=/work/shared/bench

if [ ! -f "$file" ]; then
    echo "generating $file ($rows rows)…" >&2
    python3 "$bench/gen_export.py" "$rows" "$file"
fi

echo "building kith (release)…" >&2
(cd "$root" && swift build -c release --scratch-path "$root/.build-bench" --product kith >&2)
kith="$root/.build-bench/release/kith"

measure() {  # label, command…  → "label wall-seconds cpu-seconds kilobytes"
    local label="$1"; shift
    /usr/bin/time -v "$@" > "$out/$label.stdout" 2> "$out/$label.time" || { cat "$out/$label.time" >&2; exit 1; }
    local wall cpu rss
    wall=$(grep "Elapsed (wall clock)" "$out/$label.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out/$label.time")
    rss=$(grep "Maximum resident set size" "$out/$label.time" | awk '{print $NF}')
    echo "$label $wall $cpu $rss"
}
