#!/usr/bin/env python3
# Writes two saved results of one set into DATA/results for the GUI tests of what people read on the result,
# History, Compare and Trends screens: reflections with their prompts, which way is good per area, a tip held back
# by a safety rule in the later take. Built from tests/fixtures/results so the numbers are known.
import json, os, sys

data = sys.argv[1]
fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "results")
results = os.path.join(data, "results")
os.makedirs(results, mode=0o700, exist_ok=True)
os.chmod(data, 0o700)

PROMPT = "What did you notice about how the two of you talked?"

def load(name):
    with open(os.path.join(fixtures, name), encoding="utf-8") as f:
        return json.load(f)

def save(r):
    path = os.path.join(results, r["id"] + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
    os.chmod(path, 0o600)

for r in (load("v1-check-in-1.json"), load("v1-check-in-2.json")):
    for d in r["dimensions"]:
        d["higherIs"] = {"closeness": "better", "strain": "worse", "self-care": "better"}.get(d["id"], "neutral")
    r["notePrompts"] = [{"section": "reflection-us", "prompt": PROMPT}]
    if r["id"].endswith("0a1b"):
        r["notes"]["reflection-us"] = "I kept checking my phone for a reply."
    else:
        # The later take: a safety rule held and set one tip aside.
        # own-support was 3rd the time before, so Compare lists it as leaving the top 3.
        r["safety"] = [{"rule": "afraid", "guidance": "fear", "notice": "You said you felt afraid at times.",
                        "suppress": ["own-support"]}]
        for t in r["tips"]:
            if t["id"] == "own-support":
                t["suppressed"], t["suppressedBy"], t["rank"] = True, "afraid", 0
            elif t["id"] == "repair-talk":
                t["rank"] = 4
    save(r)
