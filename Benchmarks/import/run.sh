#!/usr/bin/env bash
# Import benchmark: `kith import IN --survey bench --store NEW.sqlite` against the pandas peer
# (`../shared/bench/peer_pandas.py IN OUT.db`) on the same 1,000,000-row export, in the same run,
# both under /usr/bin/time -v, each into a new database. Prints wall time, CPU time, peak RSS,
# the speed ratio and the size of each database on disk.
#
#   Benchmarks/import/run.sh [FILE.csv] [ROWS]
#
# FILE defaults to /tmp/export.csv, made (once) by ../shared/bench/gen_export.py ROWS (1,000,000).
set -euo pipefail
out="${TMPDIR:-/tmp}/kith-import-bench"
rm -rf "$out"
source "$(dirname "$0")/../common.sh"

size() { du -cb "$@" 2>/dev/null | tail -1 | awk '{printf "%.0f MB", $1 / 1e6}'; }

load=$(cut -d' ' -f1 /proc/loadavg)
peer=$(measure peer python3 "$bench/peer_pandas.py" "$file" "$out/peer.db")
kith_run=$(measure kith "$kith" import "$file" --survey bench --store "$out/kith.sqlite")
read -r _ peer_s peer_cpu peer_kb <<< "$peer"
read -r _ kith_s kith_cpu kith_kb <<< "$kith_run"
added=$(grep -E "^ *added" "$out/kith.stdout" | awk '{print $2}')
printf "file: %s; load average before the run %s\n" "$file" "$load"
printf "%-5s %7s s wall %7s s cpu %6.0f MB peak   store %s   %s\n" "peer" "$peer_s" "$peer_cpu" "$(echo "$peer_kb / 1024" | bc -l)" \
    "$(size "$out/peer.db")" "python3 peer_pandas.py $file OUT.db  (scores only: 9 columns)"
printf "%-5s %7s s wall %7s s cpu %6.0f MB peak   store %s   %s\n" "kith" "$kith_s" "$kith_cpu" "$(echo "$kith_kb / 1024" | bc -l)" \
    "$(size "$out"/kith.sqlite*)" "kith import $file --survey bench  ($added responses: answers, scores, keys, questions)"
printf "ratio: kith is %.2fx the peer's speed (target 4x), peak memory %s 150 MB\n" "$(echo "$peer_s / $kith_s" | bc -l)" \
    "$([ "$kith_kb" -le 153600 ] && echo "within" || echo "OVER")"
