#!/usr/bin/env python3
"""Counts the public symbols of Kith's library modules in a symbol graph folder and fails when
they exceed the budget or any has an unsafe pointer type in its declaration.

    swift package dump-symbol-graph --minimum-access-level public
    python3 .ci/public-symbols.py .build/x86_64-unknown-linux-gnu/symbolgraph [--list-unsafe]

The budget is the product's public API: raise it on purpose, with the feature that needs it.
"""
BUDGET = 1200
import json, glob, sys, os
d = sys.argv[1]
mods = ["KithCore","KithImport","KithStore","KithStatistics","KithReports","KithPipeline","KithInstruments","KithArchive","Kith"]
total = 0; unsafe = 0; names=[]
for m in mods:
    for f in glob.glob(os.path.join(d, m + ".symbols.json")) + glob.glob(os.path.join(d, m + "@*.symbols.json")):
        j = json.load(open(f))
        syms = [s for s in j["symbols"] if s["accessLevel"] in ("public","open")]
        n = len(syms); total += n
        u = [s for s in syms if "Unsafe" in json.dumps(s.get("declarationFragments", []))]
        unsafe += len(u)
        print(f"{os.path.basename(f)}: {n} public, {len(u)} unsafe")
        if len(sys.argv) > 2:
            for s in u: print("   U", ".".join(s["pathComponents"]))
print("total", total, "unsafe", unsafe, "budget", BUDGET)
if total > BUDGET or unsafe > 0:
    sys.exit("public API over budget or with unsafe pointer types")
