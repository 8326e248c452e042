#!/usr/bin/env python3
"""Passphrase crash safety: SIGKILLs rekindle_passphrase_crash at random moments while it changes the passphrase
(mode change) or turns protection off and on (mode toggle), and checks the folder after every kill: one of the two
passphrases opens everything / no result is lost or changed.

usage: run_passphrase_crash.py HELPER change|toggle [--kills N] [--seed S]
"""
import argparse, random, shutil, subprocess, sys, tempfile, time

from kill_at_random import kill_at_random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("helper")
    ap.add_argument("mode", choices=["change", "toggle"])
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    data = tempfile.mkdtemp(prefix="rekindle-pass-crash-")
    print(f"passphrase crash test ({args.mode}): seed {seed}, data {data}")

    def run(mode):
        r = subprocess.run([args.helper, mode, data], capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr

    rc, out = run("setup")
    if rc != 0:
        print(out)
        sys.exit(1)
    for kill in range(1, args.kills + 1):
        kill_at_random([args.helper, args.mode, data], rng, [(0.0, 0.01), (0.01, 0.08), (0.05, 0.3)], "helper")
        rc, out = run("check-" + args.mode)
        if rc != 0:
            print(out)
            print(f"FAILED after {kill} kills (seed {seed}); data kept in {data}")
            sys.exit(1)
    print(f"OK: {args.kills} kills, every check passed")
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
