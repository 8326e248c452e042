#!/usr/bin/env python3
"""The man page (scdoc source) must describe every subcommand and option that `rekindle --help` lists.

    check_man.py REKINDLE MAN.scd                      exit 0 when everything is covered, 1 naming what is not
    check_man.py REKINDLE MAN.scd --expect-missing SUB  proves the check can fail: drops SUB from the page first,
                                                        exits 0 only if the check then reports SUB missing
"""
import re
import subprocess
import sys


def help_text(exe, *args):
    out = subprocess.run([exe, *args, "--help"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        sys.exit(f"FAIL: {exe} {' '.join(args)} --help exited {out.returncode}: {out.stderr}")
    return out.stdout


def sections(text):
    """CLI11 help: 'Options:' and 'Subcommands:' headers, then indented entries whose first token is the name."""
    found, current = {"options": [], "subcommands": []}, None
    for line in text.splitlines():
        header = line.strip().rstrip(":").lower()
        if not line.startswith(" ") and header in ("options", "subcommands"):
            current = header
            continue
        if not line.startswith(" "):
            current = None if line.strip() else current
            continue
        if current and line.startswith("  ") and not line.startswith("   "):
            found[current].append(line.split()[0])
    return found


def long_options(entries):
    names = []
    for entry in entries:
        names += re.findall(r"(?:^|,)(--[A-Za-z0-9][A-Za-z0-9-]*)", entry)
    return names


def missing_from(exe, page):
    top = sections(help_text(exe))
    missing = []
    if not top["subcommands"]:
        missing.append("(no subcommands parsed from --help: has its format changed?)")
    for option in long_options(top["options"]):
        if f"*{option}*" not in page:
            missing.append(f"option {option}")
    for sub in top["subcommands"]:
        if not re.search(rf"^\*{re.escape(sub)}\*", page, re.M):
            missing.append(f"subcommand {sub} (a line starting with *{sub}* in SUBCOMMANDS)")
        inner = sections(help_text(exe, sub))
        for option in long_options(inner["options"]):
            if f"*{option}*" not in page:
                missing.append(f"option {option} of {sub}")
        # One level deeper (passphrase set|change|...): each name in bold, and its own options.
        for nested in inner["subcommands"]:
            if f"*{nested}*" not in page:
                missing.append(f"subcommand {sub} {nested}")
            for option in long_options(sections(help_text(exe, sub, nested))["options"]):
                if f"*{option}*" not in page:
                    missing.append(f"option {option} of {sub} {nested}")
    return missing


def main():
    exe, man = sys.argv[1], sys.argv[2]
    page = open(man, encoding="utf-8").read()
    if len(sys.argv) == 5 and sys.argv[3] == "--expect-missing":
        sub = sys.argv[4]
        page = page.replace(f"*{sub}*", sub)
        missing = missing_from(exe, page)
        if any(m.startswith(f"subcommand {sub} ") for m in missing):
            print(f"ok: with {sub} taken out of the page, the check reports it")
            return 0
        print(f"FAIL: {sub} was taken out of the page but the check did not notice: {missing}")
        return 1
    missing = missing_from(exe, page)
    for m in missing:
        print(f"FAIL: {man} does not describe {m}")
    if not missing:
        print(f"ok: {man} describes every subcommand and option of rekindle --help")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
