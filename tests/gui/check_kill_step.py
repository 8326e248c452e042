#!/usr/bin/env python3
"""The draft after each part of kill_resume_step.sh: the step on screen and the words typed are in it; after part 1
a field unknown to this version is added, and every later rewrite must keep it unchanged.
usage: check_kill_step.py DRAFT PART"""
import json, sys

from checks import expect

path, part = sys.argv[1], int(sys.argv[2])
d = json.load(open(path))
future = {"from": "a newer Rekindle", "list": [1, 2, {"deep": True}]}
if part == 1:
    expect(d.get("currentStep") == "reflection:this-week",
           f"killed while typing the reflection, the draft says step {d.get('currentStep')!r}")
    expect(d.get("notes", {}).get("this-week") == "Half a thou", f"reflection in the draft: {d.get('notes')}")
    expect(len(d["answers"]) == 7, f"expected the 7 answers before the reflection, got {len(d['answers'])}")
    d["fromTheFuture"] = future
    json.dump(d, open(path, "w"), indent=2)
elif part == 2:
    expect(d.get("currentStep") == "intro:safety", f"killed on the safety intro, the draft says {d.get('currentStep')!r}")
    expect(d.get("notes", {}).get("this-week") == "Half a thought!",
           f"the reflection should be the edited text plus '!': {d.get('notes')}")
    expect(d.get("fromTheFuture") == future, f"the unknown field was not kept: {d.get('fromTheFuture')!r}")
else:
    expect(d.get("currentStep") == "question:afraid-or-hurt", f"after Enter on the intro: {d.get('currentStep')!r}")
    expect(d.get("fromTheFuture") == future, f"the unknown field was not kept: {d.get('fromTheFuture')!r}")
print(f"part {part}: draft step {d.get('currentStep')}, unknown field kept")
