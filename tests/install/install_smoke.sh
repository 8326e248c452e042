#!/bin/sh
# `cmake --install` into a DESTDIR, then use the installed copy as a person would, from /, with no source tree in
# reach: the version, the shipped sets validate, a set is found by id (content found relative to the executable),
# REKINDLE_SHARE_DIR overrides it, and no source or build path is compiled into the installed binary.
#   install_smoke.sh BUILD_DIR SOURCE_DIR VERSION DESTDIR
set -u
build=$1 src=$2 version=$3 dest=$4
fail() { echo "FAIL: $*"; exit 1; }

rm -rf "$dest"
DESTDIR="$dest" cmake --install "$build" --prefix /usr --strip >"$dest.log" 2>&1 || { cat "$dest.log"; fail "cmake --install"; }
exe="$dest/usr/bin/rekindle"
share="$dest/usr/share/rekindle"
for f in "$exe" "$share/questionnaires/pulling-away.json" "$share/assets/tips.json" \
         "$dest/usr/share/doc/rekindle/question-sets.md" "$dest/usr/share/doc/rekindle/authoring.md" \
         "$dest/usr/share/doc/rekindle/results-format.md"; do
  [ -e "$f" ] || fail "not installed: ${f#$dest}"
done
[ -L "$share/questionnaires" ] && fail "share/rekindle/questionnaires is a link, not the files"

cd / || exit 1
data=$(mktemp -d) || exit 1
trap 'rm -rf "$data"' EXIT
export REKINDLE_DATA_DIR="$data"
unset REKINDLE_SHARE_DIR

out=$("$exe" --version) || fail "--version exited $?"
[ "$out" = "rekindle $version" ] || fail "--version printed '$out', expected 'rekindle $version'"
echo "ok: $out"

"$exe" validate "$share"/questionnaires/*.json || fail "the installed sets do not validate"
echo "ok: installed sets validate"

# By id, not by path: only the exe-relative share folder can supply it.
"$exe" simulate pulling-away --random 50 >/dev/null || fail "simulate by id did not find the installed set"
echo "ok: sets and tips found from the installed binary"

REKINDLE_SHARE_DIR="$data/empty-share" "$exe" simulate pulling-away --random 5 >/dev/null 2>&1 &&
  fail "REKINDLE_SHARE_DIR pointing at an empty folder still found a set"
REKINDLE_SHARE_DIR="$share" "$exe" simulate pulling-away --random 5 >/dev/null || fail "REKINDLE_SHARE_DIR not honoured"
echo "ok: REKINDLE_SHARE_DIR overrides the shipped content folder"

command -v strings >/dev/null || { echo "SKIPPED: strings (binutils) not installed"; exit 77; }
for path in "$src" "$build" "$(cd "$src" && pwd -P)"; do
  hit=$(strings -a "$exe" | grep -F -- "$path" | head -3)
  [ -z "$hit" ] || fail "the installed binary contains the path $path: $hit"
done
echo "ok: no source or build path in the installed binary"
