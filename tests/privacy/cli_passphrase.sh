#!/bin/sh
# Passphrase protection from the command line: set, history/compare/export with --passphrase-fd (wrong one refused,
# no terminal refused), no known text left in any file, plain export with its warning, change, status, remove.
# usage: cli_passphrase.sh REKINDLE RESULTS_FIXTURES
set -u
exe=$1
fix=$2
dir=$(mktemp -d /tmp/rekindle-cli-pass-XXXXXX)
trap 'rm -rf "$dir"' EXIT
data=$dir/data
export REKINDLE_TEST_WEAK_KDF=1  # minimal Argon2id limits (test builds only); the keyring records them
fail() { echo "FAIL: $*"; exit 1; }
run() { setsid -w "$exe" --data-dir "$data" "$@"; }  # no controlling terminal: nothing can prompt

mkdir -p "$data/results"
cp "$fix/v1-check-in-1.json" "$data/results/20261001T200000Z-check-in-demo-0a1b.json"
cp "$fix/v1-check-in-2.json" "$data/results/20261101T200000Z-check-in-demo-2c3d.json"
run history >"$dir/plain-history.txt" || fail "history before protection"
run export --format csv --out "$dir/before.csv" 2>/dev/null || fail "export before protection"
grep -q "Listen before you explain" "$data/results/20261001T200000Z-check-in-demo-0a1b.json" || fail "fixture text missing"

printf 'correct horse battery\n' | run --passphrase-fd 0 passphrase set 2>"$dir/set.err" || { cat "$dir/set.err"; fail "set"; }
grep -q "cannot be recovered" "$dir/set.err" || fail "set does not say a forgotten passphrase cannot be recovered"
test -f "$data/keyring.json" || fail "no keyring"
for t in "Listen before you explain" "check-in-demo" "Closeness" "rekindle.result"; do
  if grep -rlF "$t" "$data"; then fail "'$t' readable in a file after protection"; fi
done
run passphrase status | grep -q "Protected with a passphrase: 3 files encrypted, 0 plain" || { run passphrase status; fail "status"; }

run history </dev/null >"$dir/out.txt" 2>"$dir/err.txt" && fail "history without a passphrase succeeded"
# The window unlocks on its own screen (tests/gui/lock_idle.sh), never with a prompt on the terminal: without a
# display it says only that (exit 3) and asks for nothing.
DISPLAY= WAYLAND_DISPLAY= run --frames 1 </dev/null >/dev/null 2>"$dir/gui.err"
test $? -eq 3 || { cat "$dir/gui.err"; fail "the window without a display should exit 3"; }
grep -qi "passphrase" "$dir/gui.err" && { cat "$dir/gui.err"; fail "the window asked for the passphrase on the terminal"; }
grep -q -- "--passphrase-fd" "$dir/err.txt" || { cat "$dir/err.txt"; fail "no hint about --passphrase-fd"; }
printf 'wrong horse\n' | run --passphrase-fd 0 history >"$dir/out.txt" 2>"$dir/err.txt" && fail "wrong passphrase accepted"
grep -q "does not open" "$dir/err.txt" || { cat "$dir/err.txt"; fail "wrong passphrase message"; }
test ! -s "$dir/out.txt" || fail "wrong passphrase printed data"

printf 'correct horse battery\n' | run --passphrase-fd 0 history >"$dir/out.txt" || fail "history with the passphrase"
cmp -s "$dir/out.txt" "$dir/plain-history.txt" || { diff "$dir/out.txt" "$dir/plain-history.txt"; fail "history differs"; }
exec 3<<EOF3
correct horse battery
EOF3
run --passphrase-fd 3 compare 20261001T200000Z-check-in-demo-0a1b 20261101T200000Z-check-in-demo-2c3d | grep -q "Closeness" \
  || fail "compare on fd 3"
exec 3<&-
printf 'correct horse battery\n' | run --passphrase-fd 0 export --format csv --out "$dir/after.csv" 2>"$dir/err.txt" || fail "export"
grep -q "not protected by your passphrase" "$dir/err.txt" || fail "no plain-export warning"
test "$(grep -c . "$dir/err.txt")" -le 2 || { cat "$dir/err.txt"; fail "export chatter"; }
cmp -s "$dir/before.csv" "$dir/after.csv" || fail "export from sealed files differs"

printf 'correct horse battery\nsecond phrase\n' | run --passphrase-fd 0 passphrase change 2>/dev/null || fail "change"
printf 'correct horse battery\n' | run --passphrase-fd 0 history >/dev/null 2>&1 && fail "old passphrase still opens"
printf 'second phrase\n' | run --passphrase-fd 0 history >/dev/null || fail "new passphrase does not open"
printf 'wrong\nthird\n' | run --passphrase-fd 0 passphrase change 2>/dev/null && fail "change with a wrong current passphrase"

printf 'second phrase\n' | run --passphrase-fd 0 passphrase remove 2>/dev/null || fail "remove"
test ! -e "$data/keyring.json" || fail "keyring left after remove"
run history >"$dir/out.txt" || fail "history after remove"
cmp -s "$dir/out.txt" "$dir/plain-history.txt" || fail "history after remove differs"
run passphrase status | grep -q "Not protected" || fail "status after remove"
echo "OK"
