#!/bin/sh
# Two windows on one data folder: A answers five questions; B, started meanwhile, says it is read-only and cannot
# replace A's draft; once A has exited, B takes over the folder and its answer is saved.
# usage: two_windows.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
data=$(mktemp -d /tmp/rekindle-two.XXXXXX)
draft="$data/drafts/weekly-check-in.json"
answers() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["answers"]))' "$1" 2>/dev/null || echo 0; }
"$here/run_gui_test.sh" "$exe" "$here/two_windows_a.json" --keep-data "$data" --size 800x600 &
a=$!
i=0
while [ "$(answers "$draft")" -lt 5 ]; do
  i=$((i + 1)); [ $i -gt 600 ] && { echo "window A never wrote five answers"; kill $a; exit 1; }
  sleep 0.1
done
# A's own last writes (the step it moved on to) may follow the fifth answer: take A's copy once the file is still.
j=0
while :; do
  cp "$draft" "$data.a-draft"; sleep 1
  cmp -s "$draft" "$data.a-draft" && break
  j=$((j + 1)); [ $j -gt 20 ] && { echo "window A's draft never settled"; kill $a; exit 1; }
done
"$here/run_gui_test.sh" "$exe" "$here/two_windows_b.json" --keep-data "$data" --size 800x600 &
b=$!
# A stays open about 12 s more; by 6 s B has shown its banner and been refused its write (its script checks that).
sleep 6
kill -0 $a 2>/dev/null || { echo "window A ended too early for the check"; kill $b 2>/dev/null; exit 1; }
cmp -s "$draft" "$data.a-draft" || { echo "window B changed A's draft while A was open"; kill $a $b 2>/dev/null; exit 1; }
wait $a || { echo "window A failed"; kill $b 2>/dev/null; exit 1; }
wait $b || { echo "window B failed"; exit 1; }
cmp -s "$draft" "$data.a-draft" && { echo "window B could not write after A exited"; exit 1; }
[ "$(answers "$draft")" -ge 5 ] || { echo "A's answers were lost"; exit 1; }
echo "ok: B was read-only while A was open, and wrote after A exited"
rm -rf "$data" "$data.a-draft"
