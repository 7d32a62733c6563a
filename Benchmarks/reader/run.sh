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

# The reader's modules, release mode, as separate modules (so calls into the reader cross a
# module boundary, as they do from the dialect layer): KithInstruments (the definitions embedded
# as SwiftPM's embedInCode would), KithCore, KithImport, and the C shims it imports. The reader
# is `package` API, so every module and the driver share one -package-name.
python3 "$root/Fuzz/embed_instruments.py" "$root/Instruments" "$out/resources.swift"
CLANG="$(dirname "$(command -v swiftc)")/clang"; [ -x "$CLANG" ] || CLANG=clang
mkdir -p "$out/CShims"
printf 'module CShims {\n    umbrella header "%s/Sources/CShims/include/CShims.h"\n    export *\n}\n' "$root" > "$out/CShims/module.modulemap"
"$CLANG" -O2 -I "$root/Sources/CShims/include" -c "$root/Sources/CShims/sha256_hw.c" -o "$out/sha256_hw.o"
FLAGS=(-O -wmo -parse-as-library -package-name kith -I "$out" -I "$out/CShims" -I "$root/Sources/CZlib" -L "$out")
swiftc "${FLAGS[@]}" -module-name KithInstruments -emit-module -emit-module-path "$out/KithInstruments.swiftmodule" \
    -emit-library -static -o "$out/libKithInstruments.a" "$root/Instruments/BuiltInDefinitions.swift" "$out/resources.swift"
swiftc "${FLAGS[@]}" -module-name KithCore -emit-module -emit-module-path "$out/KithCore.swiftmodule" \
    -emit-library -static -o "$out/libKithCore.a" $(find "$root/Sources/KithCore" -name '*.swift')
swiftc "${FLAGS[@]}" -module-name KithArchive -emit-module -emit-module-path "$out/KithArchive.swiftmodule" \
    -emit-library -static -o "$out/libKithArchive.a" $(find "$root/Sources/KithArchive" -name '*.swift')
swiftc "${FLAGS[@]}" -module-name KithImport -emit-module -emit-module-path "$out/KithImport.swiftmodule" \
    -emit-library -static -o "$out/libKithImport.a" $(find "$root/Sources/KithImport" -name '*.swift')
swiftc -O -package-name kith -I "$out" -I "$out/CShims" -I "$root/Sources/CZlib" -L "$out" "$here/main.swift" \
    -lKithImport -lKithArchive -lKithCore -lKithInstruments -lz "$out/sha256_hw.o" -o "$out/readerbench"

ls -l "$file" | awk '{printf "input: %s, %d bytes\n", $9, $5}'
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "time -v: %e s elapsed, %M KiB max RSS" "$out/readerbench" "$file" "$repeats"
else
    "$out/readerbench" "$file" "$repeats"
fi
