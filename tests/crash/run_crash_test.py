#!/usr/bin/env python3
"""Crash safety: SIGKILLs rekindle_crash_writer at random moments while it saves drafts and results in a
loop, then checks the data folder after every kill (draft not behind) and every 20 kills and at the end (every file
parses, no completed result lost or changed).

usage: run_crash_test.py WRITER [--kills N] [--seed S] [--data DIR]
"""
import argparse, os, random, shutil, subprocess, sys, tempfile, time

from kill_at_random import kill_at_random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("writer")
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--data", default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    data = args.data or tempfile.mkdtemp(prefix="rekindle-crash-")
    os.makedirs(data, exist_ok=True)
    log = os.path.join(data, "..", os.path.basename(data) + ".log") if args.data else os.path.join(data + ".log")
    if os.path.exists(log):
        os.remove(log)
    print(f"crash test: seed {seed}, data {data}, log {log}")

    def check(mode):
        r = subprocess.run([args.writer, mode, data, log], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout + r.stderr)
            print(f"FAILED after {kills} kills (seed {seed}); data kept in {data}")
            sys.exit(1)
        return r.stdout.strip()

    kills = 0
    mid_write = 0  # kills that landed after the writer had saved at least once in that run
    start = time.time()
    while kills < args.kills:
        before = os.path.getsize(log) if os.path.exists(log) else 0
        # Mostly short lives (kill during start-up or the first saves), some longer ones with many saves.
        kill_at_random([args.writer, "write", data, log], rng, [(0.0, 0.02), (0.02, 0.12), (0.1, 0.4)], "writer")
        kills += 1
        after = os.path.getsize(log) if os.path.exists(log) else 0
        mid_write += after > before
        check("check")
        if kills % 20 == 0:
            check("check-full")
    summary = check("check-full")
    drafts = results = 0
    with open(log, "rb") as f:
        for line in f:
            drafts += line.startswith(b"draft ")
            results += line.startswith(b"result ")
    print(f"{kills} kills survived ({mid_write} while saving) in {time.time() - start:.0f} s; "
          f"{drafts} draft saves and {results} results completed; {summary}")
    if not args.data:
        shutil.rmtree(data, ignore_errors=True)
        os.remove(log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
