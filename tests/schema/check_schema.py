#!/usr/bin/env python3
"""Checks questionnaires/schema/question-set.schema.json against real files: every set passed with --valid must
conform, every set passed with --invalid must not. Exits 77 (skipped) when python3-jsonschema is missing."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed; skipping")
    sys.exit(77)

schema_path, mode, files = sys.argv[1], sys.argv[2], sys.argv[3:]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for f in files:
    errors = list(validator.iter_errors(json.load(open(f, encoding="utf-8"))))
    if mode == "--valid" and errors:
        failed += 1
        print(f"{f}: expected to conform, but:")
        for e in errors[:10]:
            print("   /" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200])
    elif mode == "--invalid" and not errors:
        failed += 1
        print(f"{f}: expected the schema to reject it, but it conforms")
    else:
        print(f"{f}: ok ({len(errors)} schema errors)")
sys.exit(1 if failed else 0)
