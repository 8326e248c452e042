#!/usr/bin/env python3
# Writes an unfinished take (rekindle.draft/1) holding every answer of an answers file into DATA/drafts, so a GUI test
# can continue it to the end and show the result a counsellor's persona gets (tests/content/personas/).
# usage: make_draft.py DATA SET.json ANSWERS.json
import json, os, sys

data, set_path, answers_path = sys.argv[1:4]
with open(set_path, encoding="utf-8") as f:
    qset = json.load(f)
with open(answers_path, encoding="utf-8") as f:
    answers = json.load(f)["answers"]
drafts = os.path.join(data, "drafts")
os.makedirs(drafts, mode=0o700, exist_ok=True)
os.chmod(data, 0o700)
draft = {
    "format": "rekindle.draft/1",
    "set": {"id": qset["id"], "version": qset["version"]},
    "startedAt": "2026-12-01T19:00:00Z",
    "updatedAt": "2026-12-01T19:10:00Z",
    "answers": answers,
    "notes": {},
}
path = os.path.join(drafts, qset["id"] + ".json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(draft, f, indent=2, ensure_ascii=False)
os.chmod(path, 0o600)
