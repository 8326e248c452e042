#!/usr/bin/env python3
"""The JSON Schema and `rekindle validate` must agree on a corpus of good and bad question sets.

usage: agreement.py REKINDLE SCHEMA QUESTION_SETS_MD [--assets DIR] FILE... [--assets DIR FILE...]

For each file: the schema's verdict (Python's json loader, as editors and CI tools read files: a byte-order mark,
NaN or a lone surrogate is refused) and the validator's (`rekindle validate --json`). They may differ only one way:
the validator refuses a file the schema accepts, and then every error it reports must be one of the cross-checks
only the validator can do, listed in docs/question-sets.md between the validator-only markers. Anything else is a
disagreement and fails the test. Exits 77 (skipped) without python3-jsonschema.
"""
import json
import re
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed; skipping")
    sys.exit(77)


def validator_only_phrases(doc_path):
    text = open(doc_path, encoding="utf-8").read()
    start = text.index("<!-- validator-only:start -->")
    end = text.index("<!-- validator-only:end -->")
    phrases = re.findall(r"^\|[^|]*\|\s*`([^`]+)`\s*\|", text[start:end], re.M)
    if not phrases:
        raise SystemExit("no validator-only phrases found in " + doc_path)
    return phrases


def refuse_constant(name):
    raise ValueError("not JSON: " + name)


def schema_verdict(validator, path):
    """(accepted, first few messages)."""
    try:
        with open(path, encoding="utf-8") as f:
            value = json.load(f, parse_constant=refuse_constant)
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot be UTF-8
    except (ValueError, RecursionError, UnicodeError) as e:
        return False, ["not loadable: " + str(e)[:120]]
    errors = list(validator.iter_errors(value))
    return not errors, ["/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:160] for e in errors[:5]]


def validator_verdict(exe, assets, path):
    cmd = [exe, "validate", "--json"] + (["--assets", assets] if assets else []) + [path]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{path}: rekindle validate exited {run.returncode}: {run.stderr}")
    report = json.loads(run.stdout)["files"][0]
    errors = [p["message"] for p in report["problems"] if p["severity"] == "error"]
    return report["valid"], errors


def main():
    exe, schema_path, doc = sys.argv[1:4]
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    phrases = validator_only_phrases(doc)
    assets, files = None, []
    args = sys.argv[4:]
    i = 0
    while i < len(args):
        if args[i] == "--assets":
            assets = args[i + 1]
            i += 2
            continue
        files.append((assets, args[i]))
        i += 1
    failures = 0
    for assets, path in files:
        s_ok, s_why = schema_verdict(validator, path)
        v_ok, v_errors = validator_verdict(exe, assets, path)
        if s_ok == v_ok:
            print(f"{path}: agree ({'valid' if v_ok else 'invalid'})")
            continue
        if s_ok and not v_ok:
            unexplained = [m for m in v_errors if not any(p in m for p in phrases)]
            if not unexplained:
                print(f"{path}: validator-only refusal ({len(v_errors)} errors, all documented cross-checks)")
                continue
            failures += 1
            print(f"{path}: DISAGREE: the schema accepts it, the validator refuses it with errors that are not "
                  "documented validator-only cross-checks:")
            for m in unexplained:
                print("    " + m)
        else:
            failures += 1
            print(f"{path}: DISAGREE: the validator accepts it, the schema refuses it:")
            for m in s_why:
                print("    " + m)
    print(f"{len(files)} files, {failures} disagreement(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
