#!/usr/bin/env python3
"""After the keyboard-only take: exactly one saved result of the main set whose answers are what the keys chose."""
import glob, json, os, stat, sys

from checks import expect

data = sys.argv[1]
files = [f for f in glob.glob(os.path.join(data, "results", "*.json")) if not os.path.basename(f).startswith(".")]
expect(len(files) == 1, f"expected one result, found {files}")
r = json.load(open(files[0]))
expect(r["format"].startswith("rekindle.result/"), f"format is {r.get('format')}, expected rekindle.result/N")
expect(r["set"]["id"] == "pulling-away", f"the result is of set {r['set']}, expected pulling-away")
answers = r["answers"]
# Key "2" everywhere: the second option / point. "who" = friend hides the sexual-pressure screen, and with no
# concern the escalation and children questions stay hidden too: 37 of the 40 questions are asked.
expect(answers["who"] == "friend", f"who = {answers['who']}, expected friend")
expect(answers["their-mood"] == 2, f"their-mood = {answers['their-mood']}, expected 2")
expect(answers["asked-for-space"] == "hinted", f"asked-for-space = {answers['asked-for-space']}, expected hinted")
expect(answers["their-loss"] == "breakup", f"their-loss = {answers['their-loss']}, expected breakup")
for hidden in ("sexual-pressure", "escalation", "children"):
    expect(hidden not in answers, f"hidden question {hidden} must not be answered")
expect(answers["afraid"] == "no" and answers["self-harm-thoughts"] == "no",
       f"safety screens answered {answers['afraid']} / {answers['self-harm-thoughts']}, expected no / no")
expect(len(answers) == 37, f"expected 37 answers, got {len(answers)}")
mode = stat.S_IMODE(os.stat(files[0]).st_mode)
expect(mode == 0o600, f"result file mode {oct(mode)}, expected 0o600")
folder_mode = stat.S_IMODE(os.stat(os.path.join(data, "results")).st_mode)
expect(folder_mode == 0o700, f"results folder mode {oct(folder_mode)}, expected 0o700")
expect(not glob.glob(os.path.join(data, "drafts", "*.json")), "the draft must be gone once the result is saved")
print("ok:", os.path.basename(files[0]), len(answers), "answers")
