#!/bin/sh
# Privacy: runs a whole scripted take (start, answer, save, quick-hide) under strace and fails on any socket other
# than the local X display connection. Then checks the modes of everything written: files 0600, folders 0700.
# usage: run_strace_take.sh REKINDLE SCRIPT.json
# Exits 77 (skipped, with a message) when strace or xvfb-run is missing; never passes silently.
set -u
exe=$1; script=$2
for tool in strace xvfb-run; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed (apt-get install strace xvfb xauth); the no-network test did not run."
    exit 77
  fi
done
work=$(mktemp -d /tmp/rekindle-privacy.XXXXXX)
data=$work/data
trace=$work/trace.log
cd "$work" || exit 1
# Only the app is traced (xvfb-run's own Xvfb and xauth are not part of Rekindle).
# LeakSanitizer cannot run under ptrace, so leak checking is off for this one run (the other GUI tests keep it).
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" xvfb-run -a -s "-screen 0 1600x1000x24" strace -f -qq -e trace=socket,connect -o "$trace" \
  "$exe" --data-dir "$data" --script "$script"
rc=$?
if [ $rc -ne 0 ]; then echo "scripted take failed with exit code $rc (work folder: $work)"; exit 1; fi
python3 - "$trace" "$data" <<'PYEOF'
import os, re, stat, sys
trace, data = sys.argv[1], sys.argv[2]
bad, sockets, connects = [], 0, 0
for line in open(trace, errors="replace"):
    if " socket(" in line or line.split(" ", 1)[-1].startswith("socket("):
        sockets += 1
        if "AF_UNIX" not in line and "AF_LOCAL" not in line:
            bad.append(line.strip())
    elif "connect(" in line:
        connects += 1
        # Allowed peers: the X server's socket, path or abstract (@/tmp/.X11-unix/X<n>), and nscd (below).
        # glibc's user-name lookup may also ask the local nscd daemon (a Unix socket, nothing leaves the machine).
        if not re.search(r'sun_path=@?"@?/tmp/\.X11-unix/X\d+"', line) and 'sun_path="/var/run/nscd/socket"' not in line \
                and 'sun_path="/run/nscd/socket"' not in line:
            bad.append(line.strip())
print(f"strace: {sockets} socket() and {connects} connect() calls")
if bad:
    print("network or unexpected socket use:\n  " + "\n  ".join(bad))
    sys.exit(1)
if sockets == 0 or connects == 0:
    print("no X connection seen at all: the trace did not cover the app")
    sys.exit(1)
wrong, n = [], 0
for root, dirs, files in os.walk(data):
    for d in dirs:
        m = stat.S_IMODE(os.stat(os.path.join(root, d)).st_mode); n += 1
        if m != 0o700: wrong.append(f"{os.path.join(root, d)}: folder mode {m:o}, expected 700")
    for f in files:
        p = os.path.join(root, f)
        if "/shots" in p: continue
        m = stat.S_IMODE(os.stat(p).st_mode); n += 1
        if m != 0o600: wrong.append(f"{p}: file mode {m:o}, expected 600")
results = [f for f in os.listdir(os.path.join(data, "results")) if f.endswith(".json") and not f.startswith(".")]
print(f"modes: {n} paths checked; {len(results)} result saved")
if wrong or len(results) != 1:
    print("\n".join(wrong) or "expected exactly one saved result")
    sys.exit(1)
PYEOF
rc=$?
[ $rc -eq 0 ] && rm -rf "$work"
exit $rc
