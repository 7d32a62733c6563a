#!/usr/bin/env bash
# Import benchmark: `kith import IN --survey bench --store NEW.sqlite` against the pandas peer
# (`../shared/bench/peer_pandas.py IN OUT.db`) on the same 1,000,000-row export, in the same run,
# both under /usr/bin/time -v, each into a new database. Prints wall time, CPU time, peak RSS,
# the speed ratio and the size of each database on disk.
#
#   Benchmarks/import/run.sh [FILE.csv] [ROWS]
#   ROUNDS=5 Benchmarks/import/run.sh     # rounds of peer-then-kith (default 3)
#
# This machine's speed drifts from minute to minute, so the two programs run alternately, a
# round at a time, and the ratio of their median times is the figure (each round is printed too).
# FILE defaults to /tmp/export.csv, made (once) by ../shared/bench/gen_export.py ROWS (1,000,000).
set -euo pipefail
out="${TMPDIR:-/tmp}/kith-import-bench"
rm -rf "$out"
source "$(dirname "$0")/../common.sh"
rounds="${ROUNDS:-3}"

size() { du -cb "$@" 2>/dev/null | tail -1 | awk '{printf "%.0f MB", $1 / 1e6}'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf "file: %s; load average before the run %s; %s rounds\n" "$file" "$(cut -d' ' -f1 /proc/loadavg)" "$rounds"
peer_times=(); kith_times=(); kith_peak=0
for round in $(seq "$rounds"); do
    rm -f "$out"/peer.db "$out"/kith.sqlite*
    read -r _ peer_s peer_cpu peer_kb <<< "$(measure peer python3 "$bench/peer_pandas.py" "$file" "$out/peer.db")"
    read -r _ kith_s kith_cpu kith_kb <<< "$(measure kith "$kith" import "$file" --survey bench --store "$out/kith.sqlite")"
    peer_times+=("$peer_s"); kith_times+=("$kith_s")
    [ "$kith_kb" -gt "$kith_peak" ] && kith_peak=$kith_kb
    printf "round %d: peer %6s s wall %6s s cpu %5.0f MB peak | kith %5s s wall %5s s cpu %4.0f MB peak | %.2fx\n" "$round" \
        "$peer_s" "$peer_cpu" "$(echo "$peer_kb / 1024" | bc -l)" "$kith_s" "$kith_cpu" "$(echo "$kith_kb / 1024" | bc -l)" \
        "$(echo "$peer_s / $kith_s" | bc -l)"
done
added=$(grep -E "^ *added" "$out/kith.stdout" | awk '{print $2}')
peer_median=$(printf "%s\n" "${peer_times[@]}" | median)
kith_median=$(printf "%s\n" "${kith_times[@]}" | median)
printf "peer  median %6s s   store %s   python3 peer_pandas.py %s OUT.db  (scores only: 9 columns)\n" "$peer_median" "$(size "$out/peer.db")" "$file"
printf "kith  median %6s s   store %s   kith import %s --survey bench  (%s responses: answers, scores, keys, questions)\n" \
    "$kith_median" "$(size "$out"/kith.sqlite*)" "$file" "$added"
printf "ratio of medians: kith is %.2fx the peer's speed (target 4x); kith's peak memory %.0f MB, %s 150 MB\n" \
    "$(echo "$peer_median / $kith_median" | bc -l)" "$(echo "$kith_peak / 1024" | bc -l)" "$([ "$kith_peak" -le 153600 ] && echo "within" || echo "OVER")"
