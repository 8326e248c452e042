#!/bin/sh
# The sanitizer job: configures build-asan with ASan + UBSan (REKINDLE_SANITIZE=ON), builds, runs the whole ctest suite.
# usage: tests/sanitize.sh [BUILD_DIR] [extra ctest args...]     (CI: tests/sanitize.sh build-asan --output-on-failure)
# Leak detection stays on. Mesa's shutdown leaks are handled in the app itself (src/platform/mesa_pin.cpp pins the
# GL driver modules before glfwTerminate), not with suppressions or detect_leaks=0.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-asan}
[ $# -ge 1 ] && shift
jobs=${REKINDLE_JOBS:-2}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREKINDLE_SANITIZE=ON
ninja -C "$build" -j"$jobs"
# halt_on_error + abort_on_error make any finding fail the test that caused it; UBSan findings are fatal
# (-fno-sanitize-recover at compile time) and print a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd "$build"
ctest --output-on-failure -j"$jobs" -LE extended "$@"
