#!/usr/bin/env python3
"""After start_again_undo.json: the draft is the first take again (three answers of 2) and the one-answer take
that Undo set aside is in the trash folder, whole: nothing was deleted on the way."""
import glob, json, os, stat, sys

from checks import expect

data = sys.argv[1]
drafts = glob.glob(os.path.join(data, "drafts", "*.json"))
expect(len(drafts) == 1, f"expected one draft, found {drafts}")
d = json.load(open(drafts[0]))
expect(d["answers"] == {"contact-warmth": 2, "they-reached-out": 2, "felt-on-edge": 2},
       f"the draft should be the first take's three answers, got {d['answers']}")
trashed = glob.glob(os.path.join(data, "trash", "draft-weekly-check-in-*.json"))
expect(len(trashed) == 1, f"expected the second take's draft in the trash, found {trashed}")
t = json.load(open(trashed[0]))
expect(t["answers"] == {"contact-warmth": 4}, f"the trashed draft should hold the one answer given, got {t['answers']}")
mode = stat.S_IMODE(os.stat(trashed[0]).st_mode)
expect(mode == 0o600, f"trashed draft mode {oct(mode)}, expected 0o600")
print("start again + undo: first take back in drafts/, the second one whole in trash/")
