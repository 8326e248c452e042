# Sourced by the tests that press keys for real (xdotool through the X server, so GLFW's own key and char events):
# press KEY... holds each key for a moment, as a hand does (ImGui 1.86 reads key state once a frame, so a press and
# release inside one frame would never be seen), and wait_log waits for a line the script driver logs.
press() {
  for k in "$@"; do
    xdotool keydown "$k"; sleep 0.12; xdotool keyup "$k"; sleep 0.15
  done
}
# wait_log LOGFILE TEXT PID: until the app logged TEXT (or died, or 90 s passed).
wait_log() {
  i=0
  until grep -qF "$2" "$1"; do
    i=$((i + 1))
    if [ $i -gt 900 ] || ! kill -0 "$3" 2>/dev/null; then echo "never logged: $2"; return 1; fi
    sleep 0.1
  done
  sleep 0.3
}
# real_keys_work NAME WHAT: skips the test (exit 77, saying WHAT did not run) without xvfb-run or xdotool; else makes
# a private work folder $work with shots/ in it and changes into shots/ (where the driver writes screenshots).
real_keys_work() {
  for tool in xvfb-run xdotool; do
    if ! command -v $tool >/dev/null 2>&1; then echo "SKIPPED: $tool is not installed; $2 did not run."; exit 77; fi
  done
  work=$(mktemp -d "/tmp/rekindle-$1.XXXXXX") || exit 1
  mkdir -p "$work/shots" && cd "$work/shots" || exit 1
}
