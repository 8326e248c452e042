#!/usr/bin/env python3
"""Checks that the worked example in docs/authoring.md states what `rekindle score --json` computes.

usage: check_worked_example.py DOC.md REKINDLE SET.json ANSWERS.json
The doc marks its tables with HTML comments, each followed by a Markdown table:
  <!-- worked-example: contributions dimension|tip ID -->  | question | answer | weight | points | max |
  <!-- worked-example: dimensions -->                        | dimension | points | max | percent | band |
  <!-- worked-example: tips -->                              | rank | tip | points | max | relevance |
Numbers are compared to two decimals; ids may be written in `backticks`. Exits 1 on any disagreement.
"""
import json, re, subprocess, sys


def tables(doc):
    """(marker words, rows) for every marked table; rows are lists of cell strings, header and rule dropped."""
    out = []
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"\s*<!--\s*worked-example:\s*(.*?)\s*-->", line)
        if not m:
            continue
        rows, j = [], i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        while j < len(lines) and lines[j].strip().startswith("|"):
            cells = [c.strip() for c in lines[j].strip().strip("|").split("|")]
            rows.append(cells)
            j += 1
        out.append((m.group(1).split(), rows[2:]))
    return out


def num(cell):
    cell = cell.replace("`", "").replace("%", "").replace("+", "").replace("−", "-").strip()
    return float(cell)


def ident(cell):
    return cell.replace("`", "").strip()


def main():
    doc_path, exe, set_path, answers_path = sys.argv[1:5]
    doc = open(doc_path, encoding="utf-8").read()
    res = json.loads(subprocess.run([exe, "score", set_path, answers_path, "--json"], check=True,
                                    capture_output=True, text=True).stdout)
    items = {("dimension", d["id"]): d for d in res["dimensions"]}
    items.update({("tip", t["id"]): t for t in res["tips"]})
    errors, checked = [], 0

    def same(what, stated, actual):
        nonlocal checked
        checked += 1
        if isinstance(actual, (int, float)) and not isinstance(actual, bool):
            if abs(round(float(stated), 2) - round(float(actual), 2)) > 0.005:
                errors.append(f"{what}: the doc says {stated}, rekindle score says {actual}")
        elif stated != actual:
            errors.append(f"{what}: the doc says {stated!r}, rekindle score says {actual!r}")

    found = {"contributions": 0, "dimensions": 0, "tips": 0}
    for words, rows in tables(doc):
        kind = words[0]
        found[kind] = found.get(kind, 0) + 1
        if not rows:
            errors.append(f"table '{' '.join(words)}' has no rows")
        if kind == "contributions":
            item = items.get((words[1], words[2]))
            if item is None:
                errors.append(f"no {words[1]} {words[2]} in the score output")
                continue
            same(f"{words[2]}: number of contributions", len(rows), len(item["contributions"]))
            for row, c in zip(rows, item["contributions"]):
                q = ident(row[0])
                same(f"{words[2]}: contribution question", q, c["question"])
                same(f"{words[2]} / {q}: answer", row[1].strip('"“”'), c["answer"])
                same(f"{words[2]} / {q}: weight", num(row[2]), c["weight"])
                same(f"{words[2]} / {q}: points", num(row[3]), c["points"])
                same(f"{words[2]} / {q}: max", num(row[4]), c["maxPoints"])
        elif kind == "dimensions":
            same("number of dimensions", len(rows), len(res["dimensions"]))
            for row in rows:
                d = items.get(("dimension", ident(row[0])))
                if d is None:
                    errors.append(f"dimension {row[0]} is not in the score output")
                    continue
                same(f"{d['id']}: points", num(row[1]), d["raw"])
                same(f"{d['id']}: max", num(row[2]), d["max"])
                same(f"{d['id']}: percent", num(row[3]), d["percent"])
                same(f"{d['id']}: band", row[4], d["bandLabel"])
        elif kind == "tips":
            same("number of tips", len(rows), len(res["tips"]))
            for row in rows:
                t = items.get(("tip", ident(row[1])))
                if t is None:
                    errors.append(f"tip {row[1]} is not in the score output")
                    continue
                same(f"{t['id']}: rank", int(num(row[0])), t["rank"])
                same(f"{t['id']}: points", num(row[2]), t["raw"])
                same(f"{t['id']}: max", num(row[3]), t["max"])
                same(f"{t['id']}: relevance", num(row[4]), t["percent"])
        else:
            errors.append(f"unknown worked-example table '{kind}'")
    for kind, n in found.items():
        if n == 0:
            errors.append(f"the doc has no '{kind}' worked-example table")
    for e in errors:
        print(f"{doc_path}: {e}")
    print(f"{checked} stated values checked against rekindle score, {len(errors)} disagreement(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
