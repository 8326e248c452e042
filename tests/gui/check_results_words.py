#!/usr/bin/env python3
"""After gui.results_words_*: the note typed on a saved result went into its note file (rekindle.note/1, 0600),
the result file itself still holds the note it was saved with, and the exports carry words, not ids: the Markdown
report names the reflection prompt and the guidance text, the CSV has a header row in words over the machine row."""
import glob, json, os, stat, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import expect

data = sys.argv[1]
results = os.path.join(data, "results")
newest = "20261101T200000Z-check-in-demo-2c3d"

note_file = os.path.join(results, newest + ".note.json")
expect(os.path.isfile(note_file), f"no note file {note_file}")
expect(stat.S_IMODE(os.stat(note_file).st_mode) == 0o600, "the note file is not 0600")
with open(note_file, encoding="utf-8") as f:
    note = json.load(f)
expect(note.get("format") == "rekindle.note/1", f"note format is {note.get('format')}")
expect(note.get("result") == newest, "the note file names another result")
expect("Added later: he called on Sunday." in note.get("note", ""), f"typed words missing from the note: {note!r}")
expect(note["note"].startswith("We walked together twice"), "the note did not keep the words saved with the result")
with open(os.path.join(results, newest + ".json"), encoding="utf-8") as f:
    saved = json.load(f)
expect(saved["notes"]["note"] == 'We walked together twice, "like before", and it felt easier.',
       "the result file itself was rewritten")

exports = sorted(glob.glob(os.path.join(data, "exports", "*")))
md = [p for p in exports if p.endswith(".md")]
csv = [p for p in exports if p.endswith(".csv")]
expect(len(md) == 1 and len(csv) == 1, f"expected one Markdown and one CSV export, found {exports}")
with open(md[0], encoding="utf-8") as f:
    report = f.read()
for words in ("What did you notice about how the two of you talked?", "I interrupted less.",
              "Your safety comes first", "Added later: he called on Sunday.",
              "1 November 2026, 21:00 CET"):  # local time (TZ=Europe/Berlin), not UTC
    expect(words in report, f"the report lacks {words!r}")
for ident in ("(reflection-us)", "(fear)", "(afraid)", "Reflection (", "fits 8"):
    expect(ident not in report, f"the report shows {ident!r}")
with open(csv[0], encoding="utf-8") as f:
    lines = f.read().split("\n")
expect(lines[0].startswith("Result,Completed (UTC),Question set,Set version,Top tip,Closeness (%)"),
       f"the CSV's first header row is not in words: {lines[0][:120]}")
expect(lines[1].startswith("id,completedAt,setId,setVersion,topTip,dimension:closeness"),
       f"the CSV's second header row is not the machine form: {lines[1][:120]}")
print("results words: note file, report and CSV headers as expected")
