#!/bin/sh
# Starts a GUI test with a question set already in the fresh data folder's question-sets/, so the script can edit
# it on disk (as ../question-sets/NAME, relative to the shots folder the driver runs in) and watch the app react.
# The folder is removed after a pass and kept after a failure.
# usage: with_user_set.sh RUN_GUI_TEST.sh REKINDLE SCRIPT.json SET.json [rekindle options...]
set -u
runner=$1; exe=$2; script=$3; set=$4; shift 4
data=$(mktemp -d /tmp/rekindle-gui.XXXXXX) || exit 1
mkdir -m 700 "$data/question-sets" || exit 1
cp "$set" "$data/question-sets/" || exit 1
chmod 600 "$data/question-sets/"*
# The script reaches the set as ../question-sets/NAME, so the shots folder must sit inside the data folder.
REKINDLE_SHOTS=$data/shots; export REKINDLE_SHOTS
"$runner" "$exe" "$script" --keep-data "$data" "$@" || exit $?
rm -rf "$data"
