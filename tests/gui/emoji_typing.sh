#!/bin/sh
# Real GLFW char events of U+1F494 (a key pressed through the X server, not injected by the driver) into a
# reflection note: the character is left out with a notice next to the field, never stored as U+FFFD, and the rest
# of the note is kept. usage: emoji_typing.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/real_keys.sh"
real_keys_work emoji "the emoji typing test"
# The key for U+1F494 is bound before the app connects (x11_key.py; -noreset keeps the binding while no client is
# connected), the driver logs when the note has focus, and then the key is pressed through XTest into the window
# under the pointer (no window manager: keyboard focus follows the pointer). A UTF-8 locale, as on any desktop.
xvfb-run -a -s "-screen 0 1280x900x24 -noreset" sh -c '
  python3 "$5/x11_key.py" bind 0x101F494 || exit 1
  LC_ALL=C.UTF-8 "$1" --data-dir "$2" --script "$3" --size 1100x760 >"$4" 2>&1 &
  app=$!
  . "$5/real_keys.sh"
  wait_log "$4" "script: type the character now" $app || { wait $app; exit 1; }
  wid=$(xdotool search --name "^Rekindle$" | head -n 1)
  xdotool mousemove --window "$wid" 1000 40
  python3 "$5/x11_key.py" press 0x101F494
  wait $app' sh "$exe" "$work/data" "$here/emoji_typing.json" "$work/app.log" "$here"
rc=$?
cat "$work/app.log"
if [ $rc -ne 0 ]; then echo "the scripted take failed with exit code $rc (kept: $work)"; exit 1; fi
python3 "$here/check_emoji_draft.py" "$work/data" || { echo "(kept: $work)"; exit 1; }
rm -rf "$work"
