#!/usr/bin/env python3
"""Answers given with arrows + Space (no number keys, no mouse) are in the draft."""
import glob, json, sys
d = json.load(open(glob.glob(sys.argv[1] + "/drafts/*.json")[0]))
a = d["answers"]
assert a.get("contact-warmth") == 2, a
assert a.get("they-reached-out") == 1, a
print("ok:", a)
