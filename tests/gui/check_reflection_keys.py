#!/usr/bin/env python3
"""After real keys through the check-in's reflection: the two safety questions after it were answered by the keys
("2" = no), the seven before it kept their "2", and the reflection holds exactly the two lines typed after Tab."""
import glob, json, sys

from checks import expect

drafts = glob.glob(sys.argv[1] + "/drafts/*.json")
expect(len(drafts) == 1, f"expected one draft, found {drafts}")
d = json.load(open(drafts[0]))
answers, notes = d["answers"], d.get("notes", {})
expect(answers.get("afraid-or-hurt") == "no", f"afraid-or-hurt = {answers.get('afraid-or-hurt')}, expected no (key 2 after the reflection)")
expect(answers.get("self-harm-thoughts") == "no", f"self-harm-thoughts = {answers.get('self-harm-thoughts')}, expected no")
expect(len(answers) == 9, f"expected 9 answers, got {len(answers)}: {answers}")
expect(notes.get("this-week") == "a\nb", f"the reflection holds {notes.get('this-week')!r}, expected 'a\\nb' (no digits, one line break)")
print("reflection: digits and Enter passed it; Tab, a, Shift+Enter, b, Enter kept two lines")
