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
