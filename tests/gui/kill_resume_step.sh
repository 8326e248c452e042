#!/bin/sh
# A kill while typing resumes on the step that was being answered, not past it: killed while typing a reflection,
# the take resumes on that reflection with the words typed; killed on the safety intro, it resumes on that intro.
# Between the runs the draft gains a field this version does not know (as a newer version would write), and the
# draft is edited on disk while Home shows it: the take reads the file again and the unknown field survives rewrites.
# usage: kill_resume_step.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
data=$(mktemp -d /tmp/rekindle-kill-step.XXXXXX)
draft=$data/drafts/weekly-check-in.json
died() { [ "$1" -eq 137 ] || [ "$1" -eq 9 ]; }
"$here/run_gui_test.sh" "$exe" "$here/kill_step_part1.json" --keep-data "$data" --size 1100x760
rc=$?; died $rc || { echo "part 1 should have died by SIGKILL, exit code $rc"; exit 1; }
python3 "$here/check_kill_step.py" "$draft" 1 || exit 1
"$here/run_gui_test.sh" "$exe" "$here/kill_step_part2.json" --keep-data "$data" --size 1100x760
rc=$?; died $rc || { echo "part 2 should have died by SIGKILL, exit code $rc"; exit 1; }
python3 "$here/check_kill_step.py" "$draft" 2 || exit 1
"$here/run_gui_test.sh" "$exe" "$here/kill_step_part3.json" --keep-data "$data" --size 1100x760 || exit 1
python3 "$here/check_kill_step.py" "$draft" 3 || exit 1
rm -rf "$data"
