#!/bin/bash
# One case of the hostile-file corpus: builds a hostile data folder in a fresh temp dir, runs rekindle against it
# under `timeout`, and passes only when every run ends with the expected exit code (0 or 1, never 124/134/139 or
# another signal) and its output names the file. usage: run_case.sh REKINDLE FIXTURES CASE
set -u
exe=$1; fixtures=$2; case=$3
work=$(mktemp -d /tmp/rekindle-hostile.XXXXXX)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
data=$work/data
mkdir -p "$data/results" "$data/drafts" "$data/config"
chmod 700 "$data" "$data/results" "$data/drafts" "$data/config"
failed=0
R1=20261001T200000Z-check-in-demo-0a1b
R2=20261101T200000Z-check-in-demo-2c3d
cp "$fixtures/results/v1-check-in-1.json" "$data/results/$R1.json"
cp "$fixtures/results/v1-check-in-2.json" "$data/results/$R2.json"
chmod 600 "$data/results/"*.json

fail() { echo "FAIL: $*"; failed=1; }

# expect EXIT "needle|needle..." -- command...: runs it with a time limit and checks the code and the output.
expect() {
  local want=$1 needles=$2; shift 3
  local out rc
  out=$(timeout -k 5 ${HOSTILE_TIMEOUT:-60} "$@" 2>&1); rc=$?
  echo "\$ ${*##*/}"; printf '%s\n' "$out" | head -c 3000; echo "[exit $rc]"
  case $rc in
    124|137) fail "timed out (exit $rc): $*"; return ;;
    134|139|13[0-9]|1[4-9][0-9]) fail "killed by a signal (exit $rc): $*"; return ;;
  esac
  [ "$rc" -eq "$want" ] || fail "exit $rc, expected $want: $*"
  local IFS='|'
  for n in $needles; do
    [ -z "$n" ] && continue
    printf '%s' "$out" | grep -qF -- "$n" || fail "output does not contain \"$n\""
  done
}

mode_of() { stat -c %a "$1"; }

# A result file whose answers note is N bytes long (to exceed a file-size limit) or whose title is long.
make_result() {  # make_result FILE KEY=VALUE (python expression applied to the parsed fixture)
  python3 - "$fixtures/results/v1-check-in-1.json" "$1" "$2" <<'PY'
import json, sys
src, dst, expr = sys.argv[1], sys.argv[2], sys.argv[3]
d = json.load(open(src))
exec(expr)
open(dst, "w").write(json.dumps(d))
PY
  chmod 600 "$1"
}

case $case in
fifo-result)
  mkfifo "$data/results/20261201T000000Z-check-in-demo-fifo.json"
  expect 0 "20261201T000000Z-check-in-demo-fifo.json|is not a regular file" -- "$exe" --data-dir "$data" history
  expect 1 "20261201T000000Z-check-in-demo-fifo.json: is not a regular file" -- \
    "$exe" --data-dir "$data" compare 20261201T000000Z-check-in-demo-fifo $R1
  expect 1 "20261201T000000Z-check-in-demo-fifo.json: is not a regular file" -- \
    "$exe" --data-dir "$data" export --format md --id 20261201T000000Z-check-in-demo-fifo
  expect 0 "skipped unreadable 20261201T000000Z-check-in-demo-fifo.json: is not a regular file" -- \
    "$exe" --data-dir "$data" export --format csv
  ;;
fifo-named-files)
  mkfifo "$work/set.json" "$work/answers.json" "$work/result.json"
  expect 1 "$work/set.json|is not a regular file" -- "$exe" validate "$work/set.json"
  expect 1 "$work/answers.json|is not a regular file" -- \
    "$exe" score "$fixtures/sets/valid/worked.json" "$work/answers.json" --assets "$fixtures/library"
  expect 1 "$work/result.json: is not a regular file" -- "$exe" --data-dir "$data" compare "$work/result.json" $R1
  ;;
fifo-everywhere-doctor)
  mkfifo "$data/drafts/pulling-away.json" "$data/config/settings.json" "$data/config/imgui.ini" \
    "$data/results/20261201T000000Z-check-in-demo-fifo.json"
  expect 1 "$data/drafts/pulling-away.json: is not a regular file|$data/config/settings.json: is not a regular file|$data/config/imgui.ini: is not a regular file|20261201T000000Z-check-in-demo-fifo.json: is not a regular file" -- \
    "$exe" --data-dir "$data" doctor
  ;;
symlink-results-folder)
  mkdir -m 755 "$work/outside"
  mv "$data/results" "$work/outside/results"
  ln -s "$work/outside/results" "$data/results"
  chmod 755 "$work/outside/results"
  expect 1 "$data/results is a symbolic link" -- "$exe" --data-dir "$data" history
  expect 1 "$data/results is a symbolic link" -- "$exe" --data-dir "$data" doctor --fix
  [ "$(mode_of "$work/outside/results")" = 755 ] || fail "the link's target was chmod'ed"
  [ -e "$work/outside/results/.index.json" ] && fail "an index was written through the link"
  ;;
symlink-result-file)
  mv "$data/results/$R2.json" "$work/elsewhere.json"
  ln -s "$work/elsewhere.json" "$data/results/$R2.json"
  expect 0 "$R2.json|symbolic link" -- "$exe" --data-dir "$data" history
  expect 1 "$R2.json: is not a regular file (a symbolic link" -- "$exe" --data-dir "$data" compare $R1 $R2
  ;;
loose-data-folder)
  chmod 777 "$data"
  expect 1 "$data can be changed by other users (mode 0777)|chmod 700" -- "$exe" --data-dir "$data" history
  expect 1 "$data|chmod 700" -- "$exe" --data-dir "$data" doctor
  [ "$(mode_of "$data")" = 777 ] || fail "doctor without --fix changed a mode"
  expect 0 "FIXED   $data: folder mode 0777 -> 0700" -- "$exe" --data-dir "$data" doctor --fix
  [ "$(mode_of "$data")" = 700 ] || fail "doctor --fix did not make the folder 0700"
  ;;
loose-results-folder)
  chmod 775 "$data/results"
  expect 1 "$data/results can be changed by other users (mode 0775)" -- "$exe" --data-dir "$data" history
  ;;
foreign-owner)
  if [ "$(id -u)" = 0 ]; then
    chown 65534:65534 "$data"
    expect 1 "$data belongs to uid 65534|not to you" -- "$exe" --data-dir "$data" history
    expect 1 "$data belongs to uid 65534" -- "$exe" --data-dir "$data" doctor --fix
    [ "$(stat -c %u "$data")" = 65534 ] || fail "ownership was changed"
  else
    # Without root no folder can be given away; a root-owned one belongs to someone else just the same.
    expect 1 "/usr/share/doc belongs to uid 0|not to you" -- "$exe" --data-dir /usr/share/doc history
  fi
  ;;
loose-file-modes)
  chmod 644 "$data/results/$R1.json"
  echo '{}' > "$data/config/settings.json"; chmod 666 "$data/config/settings.json"
  expect 1 "$data/results/$R1.json: file mode 0644, should be 0600|$data/config/settings.json: file mode 0666" -- \
    "$exe" --data-dir "$data" doctor
  expect 0 "FIXED   $data/results/$R1.json: file mode 0644 -> 0600" -- "$exe" --data-dir "$data" doctor --fix
  [ "$(mode_of "$data/results/$R1.json")" = 600 ] || fail "mode not repaired"
  ;;
temp-leftovers)
  echo '{"partial":' > "$data/results/$R1.json.tmp-99999999-1"
  echo '{"partial":' > "$data/drafts/pulling-away.json.tmp-99999999-2"
  expect 1 "$R1.json.tmp-99999999-1: temp file left by a writer that was killed" -- "$exe" --data-dir "$data" doctor
  expect 0 "removed a temp file" -- "$exe" --data-dir "$data" doctor --fix
  ls "$data/results" "$data/drafts" | grep -q tmp- && fail "temp files left after --fix"
  ;;
index-17mib)
  "$exe" --data-dir "$data" history >/dev/null
  python3 - "$data/results/.index.json" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
assert "\tListen before you explain\t" in t
t = t.replace("\tListen before you explain\t", "\tA tip only the index holds\t", 1)
t += ("p" * 1000 + "\n") * (17 * 1024)
open(p, "w", encoding="utf-8").write(t)
PY
  [ "$(stat -c %s "$data/results/.index.json")" -gt $((16 * 1024 * 1024)) ] || fail "index not over 16 MiB"
  expect 0 "top tip: A tip only the index holds" -- "$exe" --data-dir "$data" history
  ;;
export-file-size-limit)
  make_result "$data/results/20261201T000000Z-check-in-demo-big0.json" \
    'd["id"]="20261201T000000Z-check-in-demo-big0"; d["notes"]={"note": "x" * 200000}'
  expect 1 "$work/report.md: File too large" -- \
    prlimit --fsize=65536 "$exe" --data-dir "$data" export --format md --out "$work/report.md"
  ls "$work" | grep -q 'tmp-' && fail "a temp file was left next to the target: $(ls "$work")"
  [ -e "$work/report.md" ] && fail "a cut-off report was left"
  expect 1 "could not write the whole export" -- \
    prlimit --fsize=65536 sh -c "\"$exe\" --data-dir \"$data\" export --format md > \"$work/out.md\""
  ;;
export-is-data)
  make_result "$data/results/20261201T000000Z-check-in-demo-html.json" \
    'd["id"]="20261201T000000Z-check-in-demo-html"; d["set"]["title"]="<img src=x onerror=alert(1)>"; d["notes"]={"note": "<script>alert(1)</script>\n[x](javascript:alert(1))"}'
  expect 0 "" -- "$exe" --data-dir "$data" export --format md --out "$work/report.md"
  grep -qE '<script>|<img|(^|[^\\])\]\(javascript' "$work/report.md" && fail "markup came through: $(grep -n 'script\|img\|javascript' "$work/report.md")"
  grep -qF '&lt;script&gt;' "$work/report.md" || fail "the note's text is missing from the report"
  make_result "$data/results/20261201T000000Z-check-in-demo-tabs.json" \
    'd["id"]="20261201T000000Z-check-in-demo-tabs"; d["notes"]={"note": "\t=HYPERLINK(\"http://x\")"}'
  expect 0 "" -- "$exe" --data-dir "$data" export --format csv --out "$work/out.csv"
  grep -qF "'	=HYPERLINK" "$work/out.csv" || fail "a cell starting with TAB was not made text"
  ;;
long-title-result)
  make_result "$data/results/20261201T000000Z-check-in-demo-long.json" \
    'd["id"]="20261201T000000Z-check-in-demo-long"; d["completedAt"]="2026-12-01T00:00:00Z"; d["set"]["title"]="T" * 20000; d["notes"]={"note": "n" * 100000}'
  expect 0 "20261201T000000Z-check-in-demo-long" -- "$exe" --data-dir "$data" history
  expect 0 "" -- "$exe" --data-dir "$data" compare $R1 20261201T000000Z-check-in-demo-long
  ;;
many-options)
  python3 - "$work/many.json" <<'PY'
import json, sys
opts = [{"id": "o%d" % i, "label": "Option %d" % i, "tips": {"tip-a": 1}} for i in range(100000)]
doc = {"format": "rekindle.question-set/1", "id": "many-options", "version": "1.0.0", "title": "Many options",
       "description": "One question with 100,000 options.",
       "sections": [{"id": "only", "title": "Only", "questions": [
           {"id": "q", "type": "single", "text": "Pick one.", "options": opts}]}],
       "tips": [{"id": "tip-a", "title": "A", "summary": "First.", "why": "Because.", "tryThisWeek": ["Do A."]}]}
json.dump(doc, open(sys.argv[1], "w"))
PY
  out=$(timeout -k 5 120 "$exe" validate --assets "$fixtures/library" "$work/many.json" 2>&1); rc=$?
  echo "$out" | tail -5; echo "[exit $rc]"
  case $rc in 0|1) ;; *) fail "validate of 100,000 options ended with exit $rc" ;; esac
  printf '%s' "$out" | grep -qF "$work/many.json" || fail "output does not name the file"
  ;;
deep-nesting|gui-deep-nesting)
  # A 100,000-deep unknown field in a result, a draft, settings.json and a question set: once a SIGSEGV (stack
  # overflow in a recursive parser). Each is refused with the file named; the rest of the data stays usable.
  python3 - "$fixtures/results/v1-check-in-1.json" "$data" "$work/deep-set.json" <<'PY'
import json, sys
src, data, set_path = sys.argv[1:4]
deep = "[" * 100000 + "]" * 100000
result = json.load(open(src))
result["id"] = "20261201T000000Z-check-in-demo-deep"
text = json.dumps(result)
open(data + "/results/20261201T000000Z-check-in-demo-deep.json", "w").write(text[:-1] + ', "extra": ' + deep + "}")
open(data + "/drafts/pulling-away.json", "w").write('{"format": "rekindle.draft/1", "extra": ' + deep + "}")
open(data + "/config/settings.json", "w").write('{"format": "rekindle.settings/1", "extra": ' + deep + "}")
open(set_path, "w").write('{"format": "rekindle.question-set/1", "extra": ' + deep + "}")
PY
  chmod 600 "$data/results/"*.json "$data/drafts/"*.json "$data/config/settings.json"
  if [ "$case" = gui-deep-nesting ]; then
    command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
    expect 0 "script passed" -- xvfb-run -a "$exe" --data-dir "$data" --script "$(dirname "$0")/gui_deep.json"
  else
    expect 0 "20261201T000000Z-check-in-demo-deep.json|nests deeper than 64 levels" -- "$exe" --data-dir "$data" history
    expect 1 "20261201T000000Z-check-in-demo-deep.json|nests deeper than 64 levels" -- \
      "$exe" --data-dir "$data" compare $R1 20261201T000000Z-check-in-demo-deep
    expect 0 "" -- "$exe" --data-dir "$data" compare $R1 $R2
    expect 1 "deep-set.json:1:|nests deeper than 64 levels" -- "$exe" validate "$work/deep-set.json"
    expect 1 "pulling-away.json|settings.json|20261201T000000Z-check-in-demo-deep.json" -- "$exe" --data-dir "$data" doctor
  fi
  ;;
gui-fifo-and-link-config)
  # GUI start with a FIFO as settings.json, a draft and a result, and imgui.ini a link to someone else's file.
  command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
  mkfifo "$data/config/settings.json" "$data/drafts/pulling-away.json" \
    "$data/results/20261201T000000Z-check-in-demo-fifo.json"
  echo precious > "$work/victim"; chmod 644 "$work/victim"
  ln -s "$work/victim" "$data/config/imgui.ini"
  expect 0 "script passed" -- xvfb-run -a "$exe" --data-dir "$data" --script "$(dirname "$0")/gui_start.json"
  [ "$(cat "$work/victim")" = precious ] || fail "the link's target was written"
  [ "$(mode_of "$work/victim")" = 644 ] || fail "the link's target was chmod'ed"
  [ -L "$data/config/imgui.ini" ] && fail "imgui.ini is still the planted link"
  [ "$(mode_of "$data/config/imgui.ini")" = 600 ] || fail "imgui.ini is not 0600"
  ;;
gui-long-text)
  # Text far longer than a screen (a 21,600-character title with words, a 20,000-letter title without, a 100 KB
  # note, a 1,990-character set description) is shown clipped with "…", never crashes on ImGui's 16-bit vertex
  # index, and nothing on screen is cut, at 800x600 and at 220 % text.
  command -v xvfb-run >/dev/null 2>&1 || { echo "SKIPPED: xvfb-run is not installed"; exit 77; }
  make_result "$data/results/20261201T000000Z-check-in-demo-long.json" \
    'd["id"]="20261201T000000Z-check-in-demo-long"; d["completedAt"]="2026-12-01T00:00:00Z"; d["set"]["title"]="A very long title " * 1200; d["notes"]={"note": "word " * 20000}; d["tips"][0]["title"]="Tip " * 2000'
  mkdir -p "$data/question-sets"; chmod 700 "$data/question-sets"
  python3 - "$(dirname "$0")/../../docs/examples/friendship-drift.json" "$data/question-sets/friendship-drift.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["description"] = ("Many words of description. " * 80)[:1980] + " THE END."
json.dump(d, open(sys.argv[2], "w"))
d["id"] = "hostile-title"
d["title"] = "Hostile " * 625  # 5,000 characters: refused by the validator, listed with its problem
json.dump(d, open(sys.argv[2].replace("friendship-drift", "hostile-title"), "w"))
PY
  chmod 600 "$data/question-sets/friendship-drift.json" "$data/question-sets/hostile-title.json"
  for size in "--size 800x600" "--size 1100x760 --scale 2.2"; do
    # shellcheck disable=SC2086
    expect 0 "script passed" -- xvfb-run -a -s "-screen 0 2600x1800x24" "$exe" --data-dir "$data" $size --script "$(dirname "$0")/gui_long_text.json"
  done
  # One "word" of 20,000 letters cannot wrap between words; it must still be clipped and never abort the window.
  make_result "$data/results/20261202T000000Z-check-in-demo-tttt.json" \
    'd["id"]="20261202T000000Z-check-in-demo-tttt"; d["completedAt"]="2026-12-02T00:00:00Z"; d["set"]["title"]="T" * 20000; d["notes"]={"note": "n" * 100000}'
  expect 0 "script passed" -- xvfb-run -a -s "-screen 0 2600x1800x24" "$exe" --data-dir "$data" --size 1100x760 --scale 2.2 --script "$(dirname "$0")/gui_long_word.json"
  ;;
*)
  echo "unknown case $case"; exit 2 ;;
esac
[ $failed -eq 0 ] && echo "PASS $case"
exit $failed
