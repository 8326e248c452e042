#!/bin/sh
# Starts a GUI test with an unfinished take already in the fresh data folder (tests/gui/make_draft.py), holding every
# answer of ANSWERS.json, so the script can continue it and look at the result. Removed after a pass.
# usage: with_draft.sh RUN_GUI_TEST.sh REKINDLE SCRIPT.json SET.json ANSWERS.json [options...]
set -u
runner=$1; exe=$2; script=$3; set=$4; answers=$5; shift 5
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d /tmp/rekindle-gui.XXXXXX) || exit 1
python3 "$here/make_draft.py" "$data" "$set" "$answers" || exit 1
"$runner" "$exe" "$script" --keep-data "$data" "$@" || exit $?
rm -rf "$data"
