#!/usr/bin/env python3
"""After text_keys.json: the saved result holds the reflection typed in two goes (left once by Escape, once by Tab)
and the note typed after Tab and left by Escape, every character kept."""
import glob, json, sys

from checks import expect

results = [p for p in glob.glob(sys.argv[1] + "/results/*.json") if not p.endswith(".note.json") and "index" not in p]
expect(len(results) == 1, f"expected one saved result, found {results}")
r = json.load(open(results[0]))
notes = r.get("notes", {})
expect(notes.get("this-week") == "She answered my text on Sunday. And Monday.",
       f"the reflection holds {notes.get('this-week')!r}: Escape or Tab lost text")
expect("Call Sam." in json.dumps(r), f"the note typed after Tab and left by Escape is not in the result: {notes}")
print("Escape and Tab left the text boxes with every character kept")
