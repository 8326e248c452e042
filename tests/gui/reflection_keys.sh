#!/bin/sh
# Real key presses through a reflection step (xdotool via the X server): "4 Enter 4 1 Enter 2 Enter 2 Enter", the
# keys a person answering by digit and Enter presses, must pass the reflection (no focus by itself, Enter moves
# on) and answer the two questions after it, with nothing typed into the reflection. Then Tab into the reflection,
# a line, Shift+Enter, a second line and Enter: two lines kept, and Enter went on.
# usage: reflection_keys.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/real_keys.sh"
real_keys_work reflection "the real-key test"
size=${REFLECTION_SIZE:-1100x760}
xvfb-run -a -s "-screen 0 1280x900x24" sh -c '
  . "$5/real_keys.sh"
  "$1" --data-dir "$2" --script "$3" --size "$6" >"$4" 2>&1 &
  app=$!
  wait_log "$4" "phase 1" $app || { wait $app; exit 1; }
  wid=$(xdotool search --name "^Rekindle$" | head -n 1)
  xdotool mousemove --window "$wid" 5 300
  press 4 Return 4 1 Return 2 Return 2 Return
  wait_log "$4" "phase 2" $app || { wait $app; exit 1; }
  press Tab a
  xdotool keydown Shift_L; sleep 0.1; press Return; xdotool keyup Shift_L; sleep 0.1
  press b Return
  wait $app' sh "$exe" "$work/data" "$here/reflection_keys.json" "$work/app.log" "$here" "$size"
rc=$?
cat "$work/app.log"
if [ $rc -ne 0 ]; then echo "the scripted take failed with exit code $rc (kept: $work)"; exit 1; fi
python3 "$here/check_reflection_keys.py" "$work/data" || { echo "(kept: $work)"; exit 1; }
rm -rf "$work"
