#!/bin/sh
# Builds the .deb from this build tree with CPack, checks its control fields and contents, and runs lintian on it
# (errors and warnings fail; the overrides shipped in the package are explained in docs/packaging.md).
#   deb_lint.sh BUILD_DIR OUT_DIR VERSION
set -u
build=$1 out=$2 version=$3
fail() { echo "FAIL: $*"; exit 1; }
for tool in cpack:cmake dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev lintian:lintian; do
  command -v "${tool%%:*}" >/dev/null || { echo "SKIPPED: ${tool%%:*} not installed (apt-get install ${tool#*:})"; exit 77; }
done
rm -rf "$out" && mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; fail "cpack"; }
arch=$(dpkg --print-architecture)
deb="$out/rekindle_${version}_${arch}.deb"
[ -f "$deb" ] || fail "expected $deb; got: $(ls "$out")"

info=$(dpkg-deb -f "$deb") || fail "dpkg-deb -f"
echo "$info" | grep -q "^Version: $version$" || fail "Version is not $version"
echo "$info" | grep -q '^Section: utils$' || fail "no Section"
echo "$info" | grep -q '^Priority: optional$' || fail "no Priority"
echo "$info" | grep -q '^Maintainer: .* <.*@.*>$' || fail "no Maintainer with an address"
# shlibdeps found the linked libraries; the run-time-only ones are added by hand.
for dep in libglfw3 libfontconfig1 libfreetype6 libstdc++6 libc6 fonts-dejavu-core libgl1; do
  echo "$info" | grep '^Depends:' | grep -q "$dep" || fail "Depends lacks $dep: $(echo "$info" | grep '^Depends:')"
done
echo "ok: $(echo "$info" | grep '^Depends:')"

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/rekindle ./usr/share/applications/rekindle.desktop \
         ./usr/share/metainfo/io.github.rekindle.Rekindle.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/rekindle.svg ./usr/share/icons/hicolor/48x48/apps/rekindle.png \
         ./usr/share/icons/hicolor/128x128/apps/rekindle.png ./usr/share/icons/hicolor/256x256/apps/rekindle.png \
         ./usr/share/man/man1/rekindle.1.gz ./usr/share/doc/rekindle/copyright ./usr/share/doc/rekindle/changelog.gz \
         ./usr/share/rekindle/questionnaires/pulling-away.json ./usr/share/rekindle/assets/tips.json; do
  echo "$files" | grep -qx "$f" || fail "the package lacks $f"
done
echo "ok: the package holds the program, its content, desktop entry, icons, metainfo, man page and docs"

# lintian refuses to run as root without this on some versions; it only affects its own temp files.
lintian --fail-on error,warning --display-info "$deb"; rc=$?
[ $rc -eq 0 ] || fail "lintian reported errors or warnings (exit $rc)"
echo "ok: lintian passes on $(basename "$deb")"
