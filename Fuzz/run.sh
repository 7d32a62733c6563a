#!/usr/bin/env bash
# Builds the libFuzzer target over the reader, dialect detection and the source path,
# then fuzzes for SECONDS (default 600) from the seed corpus and the kept crash inputs.
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]   timed run; SECONDS=0 only builds
#   Fuzz/run.sh --ci [extra libFuzzer flags…]        deterministic check (CI): -seed=1, a fixed
#                                                    number of runs (FUZZ_CI_RUNS, default below)
# Timed runs grow Fuzz/corpus-work/ (not in Git) and write new crashes to
# Fuzz/corpus-regressions/ (add them to Git: the test FuzzRegressionTests replays every file there).
# The CI mode writes nothing into the corpus folders: it grows a temporary corpus, keeps any crash
# input in Fuzz/.build/ci-artifacts/, and exits non-zero on a crash, hang (>30 s) or OOM.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=timed
if [ "${1:-}" = "--ci" ]; then MODE=ci; shift; else SECONDS_TO_RUN="${1:-600}"; shift || true; fi
CI_RUNS="${FUZZ_CI_RUNS:-5000}"
B=Fuzz/.build
mkdir -p "$B"
# Built-in instrument definitions as Swift byte arrays (what SwiftPM's embedInCode generates).
python3 Fuzz/embed_instruments.py Instruments "$B/resources.swift"
# CShims (C target; KithImport imports it): SwiftPM generates its module map, so write one here.
CLANG="$(dirname "$(command -v swiftc)")/clang"; [ -x "$CLANG" ] || CLANG=clang
mkdir -p "$B/CShims"
printf 'module CShims {\n    umbrella header "%s/Sources/CShims/include/CShims.h"\n    export *\n}\n' "$PWD" > "$B/CShims/module.modulemap"
"$CLANG" -O2 -g -fsanitize=fuzzer-no-link -I Sources/CShims/include -c Sources/CShims/sha256_hw.c -o "$B/sha256_hw.o"
# Modules share declarations with `package` access (FuzzBody and what it uses): one -package-name.
PKG=(-package-name kith)
FLAGS=(-O -g -parse-as-library -sanitize=fuzzer "${PKG[@]}" -I "$B" -I "$B/CShims" -I Sources/CZlib -L "$B")
swiftc -O -parse-as-library "${PKG[@]}" -module-name KithInstruments -emit-module -emit-module-path "$B/KithInstruments.swiftmodule" \
  -emit-library -static -o "$B/libKithInstruments.a" Instruments/BuiltInDefinitions.swift "$B/resources.swift"
swiftc "${FLAGS[@]}" -module-name KithCore -emit-module -emit-module-path "$B/KithCore.swiftmodule" \
  -emit-library -static -o "$B/libKithCore.a" $(find Sources/KithCore -name '*.swift')
# KithArchive (the ZIP reader the workbook path uses) over the system zlib, whose module map is
# Sources/CZlib's own.
swiftc "${FLAGS[@]}" -I Sources/CZlib -module-name KithArchive -emit-module -emit-module-path "$B/KithArchive.swiftmodule" \
  -emit-library -static -o "$B/libKithArchive.a" $(find Sources/KithArchive -name '*.swift')
swiftc "${FLAGS[@]}" -module-name KithImport -emit-module -emit-module-path "$B/KithImport.swiftmodule" \
  -emit-library -static -o "$B/libKithImport.a" $(find Sources/KithImport -name '*.swift')
swiftc "${FLAGS[@]}" -module-name FuzzTarget Fuzz/FuzzTarget.swift -lKithImport -lKithArchive -lKithCore -lKithInstruments -lz "$B/sha256_hw.o" -o "$B/fuzz-import"
echo "built $B/fuzz-import"

if [ "$MODE" = ci ]; then
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/kith-fuzz-ci.XXXXXX")"
    trap 'rm -rf "$WORK"' EXIT
    ART="$B/ci-artifacts"; rm -rf "$ART"; mkdir -p "$ART"
    echo "fuzz --ci: -seed=1 -runs=$CI_RUNS over Fuzz/corpus-seed and Fuzz/corpus-regressions (work corpus $WORK)"
    # Same inputs every time: libFuzzer's -seed=1; -reload=0 (no re-reading of the work corpus every
    # second, whose timing shifts the heap, and with it array capacities and so edge counts);
    # Swift's Hasher seeded the same; no address randomisation (compared pointers feed mutations).
    NOASLR=(setarch "$(uname -m)" -R)
    "${NOASLR[@]}" true 2>/dev/null || { NOASLR=(); echo "fuzz --ci: setarch -R unavailable: runs may differ slightly" >&2; }
    status=0
    SWIFT_DETERMINISTIC_HASHING=1 "${NOASLR[@]}" "$B/fuzz-import" -seed=1 -runs="$CI_RUNS" -reload=0 \
      -max_len=4096 -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix="$ART/" -print_final_stats=1 "$@" "$WORK" Fuzz/corpus-seed Fuzz/corpus-regressions || status=$?
    if [ "$status" -ne 0 ]; then
        echo "fuzz --ci: FAILED (exit $status); crash input(s) in $ART/:" >&2
        ls -l "$ART" >&2 || true
        exit "$status"
    fi
    rmdir "$ART" 2>/dev/null || true
    echo "fuzz --ci: ok"
    exit 0
fi

[ "$SECONDS_TO_RUN" = "0" ] && exit 0
mkdir -p Fuzz/corpus-work Fuzz/corpus-regressions
"$B/fuzz-import" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Fuzz/corpus-regressions/ -print_final_stats=1 "$@" Fuzz/corpus-work Fuzz/corpus-seed Fuzz/corpus-regressions
