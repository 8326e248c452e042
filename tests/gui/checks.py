"""What the GUI tests' Python checks share: a check that still runs under `python3 -O` (which drops `assert`) and
fails with a message naming what was wrong."""
import sys


def expect(condition, why):
    """Exits 1 with `why` unless condition holds."""
    if not condition:
        print(f"check failed: {why}", file=sys.stderr)
        sys.exit(1)
