#!/bin/sh
# Runs one scripted GUI test under xvfb-run with a fresh data folder.
# usage: run_gui_test.sh REKINDLE SCRIPT.json [--check CHECK.py] [--keep-data DIR] [rekindle options...]
# Screenshots named in the script are written relative to $REKINDLE_SHOTS (default: the temp folder's shots/).
# Exits 77 (ctest: skipped) with a message when xvfb-run is missing; never passes silently.
set -u
exe=$1; script=$2; shift 2
check=""
data=""
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=$2; shift 2 ;;
    --keep-data) data=$2; shift 2 ;;
    *) break ;;
  esac
done
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIPPED: xvfb-run is not installed (apt-get install xvfb xauth); this GUI test did not run."
  exit 77
fi
if [ -z "$data" ]; then data=$(mktemp -d /tmp/rekindle-gui.XXXXXX); fi
mkdir -p "$data"
shots=${REKINDLE_SHOTS:-$data/shots}
mkdir -p "$shots"
cd "$shots" || exit 1
screen=${REKINDLE_XVFB_SCREEN:-2600x1800x24}
echo "data: $data  shots: $shots"
xvfb-run -a -s "-screen 0 $screen" "$exe" --data-dir "$data" --script "$script" "$@"
rc=$?
if [ $rc -ne 0 ]; then echo "GUI script failed with exit code $rc"; exit $rc; fi
if [ -n "$check" ]; then
  python3 "$check" "$data" || { echo "check $check failed"; exit 1; }
fi
exit 0
