#!/usr/bin/env python3
"""Answers given with arrows + Space (no number keys, no mouse) are in the draft."""
import glob, json, sys

from checks import expect
drafts = glob.glob(sys.argv[1] + "/drafts/*.json")
expect(len(drafts) == 1, f"expected one draft, found {drafts}")
a = json.load(open(drafts[0]))["answers"]
expect(a.get("contact-warmth") == 2, f"contact-warmth should be 2 (second point, by arrows + Space); answers: {a}")
expect(a.get("they-reached-out") == 1, f"they-reached-out should be 1; answers: {a}")
print("ok:", a)
