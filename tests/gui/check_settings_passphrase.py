#!/usr/bin/env python3
"""After protecting from Settings: a keyring, and settings.json records the lock options in plain JSON."""
import json, os, sys

from checks import expect

data = sys.argv[1]
keyring = json.load(open(os.path.join(data, "keyring.json")))
expect(keyring["format"] == "rekindle.keyring/1", "keyring.json written")
expect("conversion" not in keyring, "the conversion finished")
print("ok: protected from Settings")
