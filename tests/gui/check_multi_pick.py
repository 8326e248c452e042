"""The saved result holds exactly the pick left after picking and unpicking by mouse."""
import glob
import json
import os
import sys

data = sys.argv[1]
files = glob.glob(os.path.join(data, "results", "*.json"))
if len(files) != 1:
    sys.exit(f"expected one saved result, found {len(files)}")
with open(files[0], encoding="utf-8") as f:
    record = json.load(f)
answers = record.get("answers", {})
seen = answers.get("seen")
if seen != ["alpha"]:
    sys.exit(f"answer to 'seen' should be exactly ['alpha'], got {seen!r}")
print("ok: seen =", seen)
