#!/bin/sh
# A take killed with SIGKILL halfway, restarted, resumed and finished: nothing answered before the kill is lost.
# usage: kill_resume.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
data=$(mktemp -d /tmp/rekindle-kill.XXXXXX)
"$here/run_gui_test.sh" "$exe" "$here/kill_part1.json" --keep-data "$data" --size 1100x760
rc=$?
if [ $rc -ne 137 ] && [ $rc -ne 9 ]; then echo "part 1 should have died by SIGKILL, exit code $rc"; exit 1; fi
python3 - "$data" <<'PY' || exit 1
import glob, json, sys
drafts = glob.glob(sys.argv[1] + "/drafts/*.json")
assert len(drafts) == 1, drafts
d = json.load(open(drafts[0]))
assert len(d["answers"]) == 10, f"draft holds {len(d['answers'])} answers, expected the 10 given before the kill"
print("draft after SIGKILL: 10 answers")
PY
"$here/run_gui_test.sh" "$exe" "$here/kill_part2.json" --keep-data "$data" --size 1100x760 || exit 1
python3 "$here/check_take_keyboard.py" "$data"
