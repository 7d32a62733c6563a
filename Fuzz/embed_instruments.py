"""Writes the built-in instrument definitions as Swift byte arrays, as SwiftPM's embedInCode does,
for the builds that compile modules with swiftc directly (Fuzz/run.sh, Benchmarks/reader/run.sh).

    python3 Fuzz/embed_instruments.py INSTRUMENTS_DIR OUT.swift
"""
import os, sys

folder, target = sys.argv[1], sys.argv[2]
out = ["enum PackageResources {"]
for name in sorted(os.listdir(folder)):
    if name.endswith(".json"):
        data = open(os.path.join(folder, name), "rb").read()
        out.append("    static let %s: [UInt8] = [%s]" % (name.replace("-", "_").replace(".", "_"), ",".join(str(b) for b in data)))
out.append("}")
open(target, "w").write("\n".join(out) + "\n")
