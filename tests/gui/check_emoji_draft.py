#!/usr/bin/env python3
"""After U+1F494 was typed into a reflection note: the draft keeps "Quieter week." and holds neither U+FFFD nor
the emoji (which a 16-bit ImWchar text field cannot store)."""
import glob, json, sys

from checks import expect


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


drafts = glob.glob(sys.argv[1] + "/drafts/*.json")
expect(len(drafts) == 1, f"expected one draft, found {drafts}")
text = open(drafts[0], encoding="utf-8").read()
all_strings = list(strings(json.loads(text)))
expect("Quieter week." in all_strings, f"the note 'Quieter week.' is not in the draft: {[s for s in all_strings if 'Quieter' in s]}")
expect("\ufffd" not in text, "the draft holds U+FFFD: a character was silently replaced")
expect("\U0001F494" not in text, "the draft holds U+1F494, which the text field cannot hold")
print("ok: note kept as 'Quieter week.', no U+FFFD")
