#!/bin/sh
# Starts a GUI test with two saved results already in the fresh data folder (tests/gui/make_results.py), so the
# script can read them on the result, History, Compare and Trends screens. Removed after a pass, kept after a failure.
# usage: with_results.sh RUN_GUI_TEST.sh REKINDLE SCRIPT.json [run_gui_test options] [rekindle options...]
set -u
runner=$1; exe=$2; script=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d /tmp/rekindle-gui.XXXXXX) || exit 1
python3 "$here/make_results.py" "$data" || exit 1
"$runner" "$exe" "$script" --keep-data "$data" "$@" || exit $?
rm -rf "$data"
