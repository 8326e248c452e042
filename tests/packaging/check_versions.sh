#!/bin/sh
# One version everywhere: project(VERSION) is what --version prints, the newest AppStream release and the newest
# CHANGELOG.md section (Keep a Changelog).   check_versions.sh REKINDLE METAINFO CHANGELOG VERSION
set -u
exe=$1 metainfo=$2 changelog=$3 version=$4
fail() { echo "FAIL: $*"; exit 1; }
[ "$("$exe" --version)" = "rekindle $version" ] || fail "--version prints '$("$exe" --version)', not 'rekindle $version'"
first=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
[ "$first" = "$version" ] || fail "newest AppStream release is '$first', not $version"
newest=$(grep -o '^## \[[0-9][^]]*\]' "$changelog" | head -1 | tr -d '#[] ')
[ "$newest" = "$version" ] || fail "newest released section of CHANGELOG.md is '$newest', not $version"
echo "ok: version $version in --version, metainfo and CHANGELOG.md"
