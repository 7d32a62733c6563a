#!/usr/bin/env bash
# Before and after a change, against the peers: rounds of the pandas peer, the DuckDB peer,
# Kith BEFORE and Kith AFTER, alternated so the machine's drift falls on all of them alike.
# Prints each round's wall times for `score` (to CSV) and `import` (into a new store), and
# checks the two builds' scored CSVs are the same bytes.
#
#   Benchmarks/before-after/run.sh BEFORE_KITH AFTER_KITH [FILE.csv] [ROUNDS]
#
# Build BEFORE from an earlier commit, e.g. `git worktree add /tmp/before REV` and
# `swift build -c release --product kith` there. FILE defaults to /tmp/export.csv.
set -euo pipefail
before="$1"; after="$2"; file="${3:-/tmp/export.csv}"; rounds="${4:-3}"
bench="$(cd "$(dirname "$0")/../.." && pwd)/../shared/bench"; [ -d "$bench" ] || bench=/work/shared/bench
out="${TMPDIR:-/tmp}/kith-before-after"; mkdir -p "$out"
[ -f "$file" ] || python3 "$bench/gen_export.py" 1000000 "$file"
seconds() { local start; start=$(date +%s.%N); "$@" > /dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
for round in $(seq "$rounds"); do
    score_pandas=$(seconds python3 "$bench/peer_pandas.py" "$file" "$out/pandas.csv")
    score_duckdb=$(seconds python3 "$bench/peer_duckdb.py" "$file" "$out/duckdb.csv")
    score_before=$(seconds "$before" score "$file" --format csv --output "$out/before.csv")
    score_after=$(seconds "$after" score "$file" --format csv --output "$out/after.csv")
    rm -f "$out/pandas.db" "$out"/before.sqlite* "$out"/after.sqlite*
    import_pandas=$(seconds python3 "$bench/peer_pandas.py" "$file" "$out/pandas.db")
    import_before=$(seconds "$before" import "$file" --survey bench --store "$out/before.sqlite")
    import_after=$(seconds "$after" import "$file" --survey bench --store "$out/after.sqlite")
    echo "round $round (load $(cut -d' ' -f1 /proc/loadavg)): score pandas $score_pandas duckdb $score_duckdb" \
        "before $score_before after $score_after | import pandas $import_pandas before $import_before after $import_after"
done
cmp "$out/before.csv" "$out/after.csv" && echo "the scored CSVs are the same bytes"
