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
python3 "$here/check_draft_after_kill.py" "$data" || exit 1
"$here/run_gui_test.sh" "$exe" "$here/kill_part2.json" --keep-data "$data" --size 1100x760 || exit 1
python3 "$here/check_take_keyboard.py" "$data" || exit 1
rm -rf "$data"
