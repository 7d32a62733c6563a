#!/usr/bin/env bash
# Reader benchmark. Builds Sources/KithImport/Reader as its own module (KithImport) with
# `swiftc -O -wmo`, links a small driver against it, and reads a large CSV, counting records and
# summing field byte lengths; prints seconds and peak RSS (getrusage, and /usr/bin/time -v).
#
#   Benchmarks/reader/run.sh [FILE.csv] [repeats]
#
# FILE defaults to /tmp/export.csv, generated once with
#   python3 /work/shared/bench/gen_export.py 1000000 /tmp/export.csv   (about 236 MB)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/.build-reader-bench"
file="${1:-/tmp/export.csv}"
repeats="${2:-3}"
mkdir -p "$out"

if [ ! -f "$file" ]; then
    gen="$root/../shared/bench/gen_export.py"
    [ -f "$gen" ] || gen=/work/shared/bench/gen_export.py
    echo "generating $file (1,000,000 rows)…" >&2
    python3 "$gen" 1000000 "$file"
fi

# The reader module, release mode, as a separate module (so calls into it cross a module
# boundary, as they will from the dialect layer and the CLI).
swiftc -O -wmo -parse-as-library -module-name KithImport \
    -emit-module -emit-module-path "$out/KithImport.swiftmodule" \
    -emit-library -static -o "$out/libKithImport.a" \
    "$root"/Sources/KithImport/Reader/*.swift
swiftc -O -I "$out" -L "$out" -lKithImport "$here/main.swift" -o "$out/readerbench"

ls -l "$file" | awk '{printf "input: %s, %d bytes\n", $9, $5}'
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "time -v: %e s elapsed, %M KiB max RSS" "$out/readerbench" "$file" "$repeats"
else
    "$out/readerbench" "$file" "$repeats"
fi
