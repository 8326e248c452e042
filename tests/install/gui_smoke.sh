#!/bin/sh
# The installed copy (from install_smoke.sh's DESTDIR) opens its window from / under xvfb-run, draws three frames
# and exits 0. Exit 77 (skipped, said out loud) without xvfb-run.
#   gui_smoke.sh DESTDIR
set -u
exe=$1/usr/bin/rekindle
command -v xvfb-run >/dev/null || { echo "SKIPPED: xvfb-run not installed (apt-get install xvfb xauth)"; exit 77; }
[ -x "$exe" ] || { echo "FAIL: $exe missing (install.destdir runs first)"; exit 1; }
cd / || exit 1
data=$(mktemp -d) || exit 1
trap 'rm -rf "$data"' EXIT
REKINDLE_DATA_DIR="$data" xvfb-run -a -s "-screen 0 1280x800x24" "$exe" --frames 3 || { echo "FAIL: exit $?"; exit 1; }
echo "ok: the installed app drew 3 frames"
