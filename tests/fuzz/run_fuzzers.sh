#!/bin/sh
# Extended test mode: runs each libFuzzer target for SECONDS on a seed corpus built from tests/fixtures.
# usage: tests/fuzz/run_fuzzers.sh SECONDS [BUILD_DIR] [TARGET...]
#   BUILD_DIR defaults to build-fuzz (configured with CC=clang-14 CXX=clang++-14 -DREKINDLE_FUZZ=ON).
# A crash leaves its input in BUILD_DIR/tests/fuzz/artifacts/TARGET/; copy it to tests/fuzz/regressions/ so the
# normal suite (tests/unit/storage/test_bad_input.cpp) replays it through every loader from then on.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
build=${2:-$root/build-fuzz}
[ $# -ge 1 ] && shift
[ $# -ge 1 ] && shift
targets=${*:-fuzz_question_set fuzz_answers fuzz_result fuzz_settings fuzz_sealed}
bin=$build/tests/fuzz
[ -d "$bin" ] || bin=$build
work=$bin/work
status=0
for t in $targets; do
  exe=$bin/$t
  if [ ! -x "$exe" ]; then
    echo "$t: not built ($exe); configure with CC=clang-14 CXX=clang++-14 -DREKINDLE_FUZZ=ON and build target fuzzers"
    status=1
    continue
  fi
  corpus=$work/corpus/$t
  artifacts=$work/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  # Seeds: the fixtures each loader reads, the bad-input corpus (small files only) and every past crash.
  case $t in
    fuzz_question_set) seeds="$root/tests/fixtures/sets $root/questionnaires $root/tests/fixtures/content" ;;
    fuzz_answers) seeds="$root/tests/fixtures/answers" ;;
    fuzz_result) seeds="$root/tests/fixtures/results $root/tests/fuzz/seeds/drafts" ;;
    fuzz_settings) seeds="$root/tests/fuzz/seeds/settings" ;;
    fuzz_sealed) seeds="$root/tests/fuzz/seeds/sealed" ;;
    *) seeds="" ;;
  esac
  for d in $seeds "$root/tests/fixtures/bad" "$root/tests/fuzz/regressions"; do
    [ -d "$d" ] && find "$d" -type f -size -64k -readable -exec cp -f {} "$corpus/" \; 2>/dev/null
  done
  log=$work/$t.log
  echo "== $t: ${seconds}s on $(ls "$corpus" | wc -l) seeds"
  "$exe" "$corpus" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict="$here/json.dict" -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  echo "$t: exit $rc, ${runs:-?} inputs tried, $cov, corpus $(ls "$corpus" | wc -l) files"
  if [ $rc -ne 0 ]; then
    status=1
    echo "$t: CRASH, see $log; inputs in $artifacts:"
    ls "$artifacts"
    grep -m5 -E 'ERROR|SUMMARY|fuzz property' "$log"
  fi
done
exit $status
