#!/usr/bin/env python3
"""After the locked GUI run: one saved result, sealed on disk like every personal file; nothing readable in them."""
import glob, os, sys

from checks import expect

data = sys.argv[1]
results = [f for f in glob.glob(os.path.join(data, "results", "*.json"))]
expect(len(results) == 1, f"expected one saved result, found {results}")
for folder in ("results", "drafts", "trash"):
    for f in glob.glob(os.path.join(data, folder, "*")) + glob.glob(os.path.join(data, folder, ".*")):
        if os.path.isdir(f):
            continue
        head = open(f, "rb").read()
        expect(head.startswith(b'{"format":"rekindle.sealed/1"'), f"{f} is not sealed")
        expect(b"Weekly" not in head and b"check-in" not in head.split(b"\n", 1)[1], f"{f} shows plain text")
print("ok:", len(results), "result sealed")
