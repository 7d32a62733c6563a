#!/usr/bin/env bash
# Builds the libFuzzer target over the reader, dialect detection and the source path,
# then fuzzes for SECONDS (default 600) from the seed corpus and the kept crash inputs.
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]
# New crashes are written to Fuzz/corpus-regressions/ (add them to Git: the test
# FuzzRegressionTests replays every file there).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"; shift || true
B=Fuzz/.build
mkdir -p "$B" Fuzz/corpus-work Fuzz/corpus-regressions
# Built-in instrument definitions as Swift byte arrays (what SwiftPM's embedInCode generates).
python3 - "$B/resources.swift" <<'PY'
import os, sys
out = ["enum PackageResources {"]
for name in sorted(os.listdir("Instruments")):
    if name.endswith(".json"):
        data = open(os.path.join("Instruments", name), "rb").read()
        out.append("    static let %s: [UInt8] = [%s]" % (name.replace("-", "_").replace(".", "_"), ",".join(str(b) for b in data)))
out.append("}")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
FLAGS=(-O -g -parse-as-library -sanitize=fuzzer -I "$B" -L "$B")
swiftc -O -parse-as-library -module-name KithInstruments -emit-module -emit-module-path "$B/KithInstruments.swiftmodule" \
  -emit-library -static -o "$B/libKithInstruments.a" Instruments/BuiltInDefinitions.swift "$B/resources.swift"
swiftc "${FLAGS[@]}" -module-name KithCore -emit-module -emit-module-path "$B/KithCore.swiftmodule" \
  -emit-library -static -o "$B/libKithCore.a" $(find Sources/KithCore -name '*.swift')
swiftc "${FLAGS[@]}" -module-name KithImport -emit-module -emit-module-path "$B/KithImport.swiftmodule" \
  -emit-library -static -o "$B/libKithImport.a" $(find Sources/KithImport -name '*.swift')
swiftc "${FLAGS[@]}" -module-name FuzzTarget Fuzz/FuzzTarget.swift -lKithImport -lKithCore -lKithInstruments -o "$B/fuzz-import"
echo "built $B/fuzz-import"
[ "$SECONDS_TO_RUN" = "0" ] && exit 0
"$B/fuzz-import" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Fuzz/corpus-regressions/ -print_final_stats=1 "$@" Fuzz/corpus-work Fuzz/corpus-seed Fuzz/corpus-regressions
