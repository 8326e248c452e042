#!/bin/sh
# "Don't keep anything from this take": a private take through to a safety result, with a reflection typed, Save
# tried, History and Home visited and Ctrl+Q confirmed, leaves the data folder exactly as it was: every file and
# folder with the same content, mode and mtime (tree_state.py before and after). The folder is not empty: a first
# run accepted the disclaimer and left an unfinished take (and checks that Ctrl+Q quits then without asking).
# usage: private_take.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
data=$(mktemp -d /tmp/rekindle-private.XXXXXX)
shots=${REKINDLE_SHOTS:-$(mktemp -d /tmp/rekindle-private-shots.XXXXXX)}
REKINDLE_SHOTS=$shots "$here/run_gui_test.sh" "$exe" "$here/private_setup.json" --keep-data "$data" --size 1100x760 || exit 1
ls "$data/drafts/weekly-check-in.json" >/dev/null || { echo "the first run should have left a draft"; exit 1; }
sleep 1  # mtimes are compared to the nanosecond; a write in the second run must not hide in the same tick
python3 "$here/tree_state.py" "$data" >"$shots/before.txt"
REKINDLE_SHOTS=$shots "$here/run_gui_test.sh" "$exe" "$here/private_take.json" --keep-data "$data" ${PRIVATE_ARGS:---size 1100x1000} || exit 1
python3 "$here/tree_state.py" "$data" >"$shots/after.txt"
if ! diff -u "$shots/before.txt" "$shots/after.txt"; then
  echo "the private take changed the data folder (kept: $data)"; exit 1
fi
grep -rl "must not reach the disk" "$data" && { echo "the private reflection reached the disk"; exit 1; }
echo "private take: data folder unchanged ($(wc -l <"$shots/after.txt") entries compared)"
rm -rf "$data"
