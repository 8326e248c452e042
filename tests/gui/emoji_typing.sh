#!/bin/sh
# Real GLFW char events of U+1F494 (a key pressed through the X server, not injected by the driver) into a
# reflection note: the character is left out with a notice next to the field, never stored as U+FFFD, and the rest
# of the note is kept. usage: emoji_typing.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
for tool in xvfb-run xdotool; do
  if ! command -v $tool >/dev/null 2>&1; then echo "SKIPPED: $tool is not installed; the emoji typing test did not run."; exit 77; fi
done
work=$(mktemp -d /tmp/rekindle-emoji.XXXXXX) || exit 1
mkdir -p "$work/shots" && cd "$work/shots" || exit 1
# The key for U+1F494 is bound before the app connects (x11_key.py; -noreset keeps the binding while no client is
# connected), the driver logs when the note has focus, and then the key is pressed through XTest into the window
# under the pointer (no window manager: keyboard focus follows the pointer). A UTF-8 locale, as on any desktop.
xvfb-run -a -s "-screen 0 1280x900x24 -noreset" sh -c '
  python3 "$5/x11_key.py" bind 0x101F494 || exit 1
  LC_ALL=C.UTF-8 "$1" --data-dir "$2" --script "$3" --size 1100x760 >"$4" 2>&1 &
  app=$!
  i=0
  until grep -q "script: type the character now" "$4"; do
    i=$((i + 1))
    if [ $i -gt 900 ] || ! kill -0 $app 2>/dev/null; then break; fi
    sleep 0.1
  done
  wid=$(xdotool search --name "^Rekindle$" | head -n 1)
  xdotool mousemove --window "$wid" 1000 40
  python3 "$5/x11_key.py" press 0x101F494
  wait $app' sh "$exe" "$work/data" "$here/emoji_typing.json" "$work/app.log" "$here"
rc=$?
cat "$work/app.log"
if [ $rc -ne 0 ]; then echo "the scripted take failed with exit code $rc (kept: $work)"; exit 1; fi
python3 "$here/check_emoji_draft.py" "$work/data" || { echo "(kept: $work)"; exit 1; }
rm -rf "$work"
