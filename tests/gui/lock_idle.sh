#!/bin/sh
# A protected data folder in the window: the neutral unlock screen (a wrong passphrase first), a take saved, the
# window locking itself after a few idle seconds, unlocked again, and the saved result still there, sealed on disk.
# usage: lock_idle.sh REKINDLE
set -u
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
data=$(mktemp -d /tmp/rekindle-lock.XXXXXX)
# Test builds only: minimal Argon2id limits for the keyring, and an idle lock of seconds instead of minutes.
export REKINDLE_TEST_WEAK_KDF=1 REKINDLE_TEST_IDLE_LOCK_SECONDS=4
printf 'quiet harbour morning\n' > "$data.pass"
"$exe" --data-dir "$data" --passphrase-fd 3 passphrase set 3<"$data.pass" || { echo "passphrase set failed"; exit 1; }
rm -f "$data.pass"
"$here/run_gui_test.sh" "$exe" "$here/lock_idle.json" --keep-data "$data" --check "$here/check_lock_idle.py" --size 800x600 "$@" || exit 1
rm -rf "$data"
