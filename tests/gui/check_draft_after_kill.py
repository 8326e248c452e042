#!/usr/bin/env python3
"""After SIGKILL halfway through a take: exactly one draft, holding the 10 answers given before the kill."""
import glob, json, sys

from checks import expect

drafts = glob.glob(sys.argv[1] + "/drafts/*.json")
expect(len(drafts) == 1, f"expected one draft after the kill, found {drafts}")
answers = json.load(open(drafts[0]))["answers"]
expect(len(answers) == 10, f"draft holds {len(answers)} answers, expected the 10 given before the kill")
print("draft after SIGKILL: 10 answers")
