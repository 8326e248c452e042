#!/bin/sh
# Rekindle's one entry point on a fresh Debian 12 machine: installs the missing Debian packages (apt, with sudo
# when not root), configures and builds with CMake, then starts the app or runs every test.
#   ./build.sh run              build and start Rekindle
#   ./build.sh test             build and run the whole test suite (GUI tests start their own xvfb-run)
#   ./build.sh test --extended  also run each libFuzzer target for about a minute
#   ./build.sh sanitize         build with ASan + UBSan in build-asan and run the whole suite there (the one
#                               sanitizer entry point; CI's `sanitizers` job runs it)
#   ./build.sh package          build out/rekindle_<version>_<arch>.deb (Release, no test hooks) and lint it
# With CI=true every build treats compiler warnings as errors (REKINDLE_WERROR); locally a warning stays a warning.
set -eu
cd "$(dirname "$0")"
mode=${1:-run}
[ $# -gt 0 ] && shift

PACKAGES="cmake g++ ninja-build pkg-config python3 libimgui-dev libglfw3-dev python3-glad python3-jinja2 \
nlohmann-json3-dev doctest-dev libcli11-dev libstb-dev libfontconfig-dev libfreetype-dev fonts-dejavu-core \
xvfb xauth libgl1-mesa-dri libgl-dev strace xdg-utils xdotool libsodium-dev \
scdoc librsvg2-bin desktop-file-utils appstream lintian dpkg-dev file binutils"
case "$mode" in
  test) case " $* " in *" --extended "*) PACKAGES="$PACKAGES clang-14 libclang-rt-14-dev" ;; esac ;;
esac

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing missing Debian packages:$missing"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends $missing || {
    $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends $missing
  }
fi

jobs=${REKINDLE_JOBS:-2}
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
# Configure quietly, but show everything CMake said when it fails: a missing package names itself there.
configure() {
  dir=$1; shift
  mkdir -p "$dir"
  if ! cmake -S . -B "$dir" -G Ninja -DREKINDLE_WERROR=$werror "$@" >"$dir/configure.log" 2>&1; then
    cat "$dir/configure.log" >&2
    echo "build.sh: configuring $dir failed (output above, also in $dir/configure.log)" >&2
    exit 1
  fi
}
build() {
  dir=$1
  configure "$@"
  cmake --build "$dir" -j "$jobs"
}

case "$mode" in
  run)
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    exec ./build/rekindle "$@"
    ;;
  test)
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cd build
    ctest --output-on-failure -j "$jobs" --timeout 600
    cd ..
    case " $* " in
      *" --extended "*)
        # libFuzzer needs clang; the fuzz targets get their own build folder.
        # (exported in a subshell: assignments in front of a shell function do not reliably reach its commands)
        (export CC=clang-14 CXX=clang++-14; configure build-fuzz -DREKINDLE_FUZZ=ON -DREKINDLE_BUILD_TESTS=ON \
          -DCMAKE_BUILD_TYPE=RelWithDebInfo)
        cmake --build build-fuzz -j "$jobs" --target fuzzers
        sh tests/fuzz/run_fuzzers.sh "${REKINDLE_FUZZ_SECONDS:-60}" "$PWD/build-fuzz"
        ;;
    esac
    ;;
  package)
    # Debian's hardening flags (fortify, stack protector, PIE, relro and bind-now), as in a Debian-built package.
    export DEB_BUILD_MAINT_OPTIONS="hardening=+all"
    # Warnings are not errors here even in CI: g++ 12 at -O3 reports false -Wrestrict/-Wstringop-overflow inside
    # libstdc++'s std::string (GCC bug 105329); the test job's build keeps -Werror for our code.
    CXXFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
    CFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CFLAGS)" \
    LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" \
      build build-package -DCMAKE_BUILD_TYPE=Release -DREKINDLE_TEST_HOOKS=OFF -DREKINDLE_BUILD_TESTS=OFF \
        -DREKINDLE_WERROR=OFF \
        -DCMAKE_INSTALL_PREFIX=/usr $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    (cd build-package && cpack -G DEB >/dev/null)
    mkdir -p out
    rm -f out/rekindle_*.deb
    cp build-package/rekindle_*.deb out/
    deb=$(ls out/rekindle_*.deb)
    lintian --fail-on error "$deb"
    echo "Built $deb"
    ;;
  sanitize)
    # UBSan findings are fatal (-fno-sanitize-recover at compile time) and print a stack. Leak detection stays on:
    # Mesa's shutdown leaks are handled in the app (src/platform/mesa_pin.cpp pins the GL driver modules before
    # glfwTerminate), not with suppressions or detect_leaks=0. The fuzzers' `extended` label has its own mode.
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DREKINDLE_SANITIZE=ON
    cd build-asan
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --output-on-failure -j "$jobs" --timeout 900 -LE extended
    ;;
  *)
    echo "usage: ./build.sh [run|test [--extended]|sanitize|package]" >&2
    exit 2
    ;;
esac
