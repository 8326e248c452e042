#!/bin/sh
# run_tool.sh TOOL DEBIAN-PACKAGE ARGS...: runs a packaging checker; exits 77 (ctest: skipped) with a visible
# message when the tool is missing, so a missing checker never reads as a pass.
tool=$1 package=$2
shift 2
command -v "$tool" >/dev/null || { echo "SKIPPED: $tool not installed (apt-get install $package)"; exit 77; }
exec "$tool" "$@"
