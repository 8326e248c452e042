#!/usr/bin/env python3
"""The saved result of a take with "yes" to the fear screen leads with safety and offers no suppressed tip."""
import glob, json, os, sys

from checks import expect

files = [f for f in glob.glob(os.path.join(sys.argv[1], "results", "*.json"))]
expect(len(files) == 1, f"expected one saved result, found {files}")
r = json.load(open(files[0]))
expect(r["safety"], "a safety rule must hold")
suppressed = {t for s in r["safety"] for t in s.get("suppress", [])}
expect(suppressed, "the fear rule suppresses tips")
ranked = [t for t in r["tips"] if t.get("rank", 0) > 0]
expect(ranked, "some safe tips are still offered")
for t in ranked:
    expect(t["id"] not in suppressed, f"suppressed tip {t['id']} was ranked")
print("ok: safety rules", [s["rule"] if "rule" in s else s.get("ruleId") for s in r["safety"]], "suppressed", len(suppressed))
