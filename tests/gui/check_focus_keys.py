#!/usr/bin/env python3
"""After focus_keys.json: the draft holds what the keys did (1 of 9: "2" picked 2, then Space on the tile focused by Right, Right from the first = 3)
and the step Back went to, so Enter on Back went back and Ctrl+Q quit with the draft whole."""
import glob, json, sys

from checks import expect

drafts = glob.glob(sys.argv[1] + "/drafts/*.json")
expect(len(drafts) == 1, f"expected one draft, found {drafts}")
d = json.load(open(drafts[0]))
expect(d["answers"].get("contact-warmth") == 3, f"contact-warmth = {d['answers'].get('contact-warmth')}, expected 3")
expect(d.get("currentStep") == "question:contact-warmth", f"draft step {d.get('currentStep')!r}: Enter on Back should have gone back")
print("focus keys: Space picked the focused tile, Enter on Back went back, Ctrl+Q kept the draft")
