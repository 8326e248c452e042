#!/usr/bin/env python3
"""After the keyboard-only take: exactly one saved result of the main set whose answers are what the keys chose."""
import glob, json, os, stat, sys

data = sys.argv[1]
files = [f for f in glob.glob(os.path.join(data, "results", "*.json")) if not os.path.basename(f).startswith(".")]
assert len(files) == 1, f"expected one result, found {files}"
r = json.load(open(files[0]))
assert r["format"].startswith("rekindle.result/"), r.get("format")
assert r["set"]["id"] == "pulling-away", r["set"]
answers = r["answers"]
# Key "2" everywhere: the second option / point; "asked-for-space" = no hides "asked-no-contact".
assert answers["who"] == "friend", answers["who"]
assert answers["their-mood"] == 2, answers["their-mood"]
assert answers["asked-for-space"] == "no", answers["asked-for-space"]
assert "asked-no-contact" not in answers, "hidden question must not be answered"
assert answers["afraid"] == "no" and answers["self-harm-thoughts"] == "no"
assert len(answers) == 33, f"expected 33 answers, got {len(answers)}"
mode = stat.S_IMODE(os.stat(files[0]).st_mode)
assert mode == 0o600, oct(mode)
assert stat.S_IMODE(os.stat(os.path.join(data, "results")).st_mode) == 0o700
assert not glob.glob(os.path.join(data, "drafts", "*.json")), "the draft must be gone once the result is saved"
print("ok:", os.path.basename(files[0]), len(answers), "answers")
