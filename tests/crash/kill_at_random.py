"""Shared by the crash tests: start a helper, let it work for a random short while, then SIGKILL it."""
import signal, subprocess, sys, time


def kill_at_random(argv, rng, spans, who):
    """Runs argv, sleeps a time drawn from one of the (low, high) spans, then SIGKILLs it. A helper that ends by itself
    before the kill is a failure of the test: its stderr is printed and the test exits 1."""
    p = subprocess.Popen(argv, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(*rng.choice(spans)))
    if p.poll() is not None:
        print(f"{who} exited by itself with {p.returncode}: {p.stderr.read().decode(errors='replace')}")
        sys.exit(1)
    p.send_signal(signal.SIGKILL)
    p.wait()
    p.stderr.close()
