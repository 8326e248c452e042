#!/usr/bin/env python3
"""Checks that every JSON example in docs/*.md validates, or fails with the error its text says.

usage: check_doc_examples.py REPO_ROOT REKINDLE
Each ```json block must follow a marker comment naming what it is (an unmarked block fails the check, so a new
example cannot slip in unchecked):
  <!-- doc-example: set fails: PHRASE -->    a whole question set; `rekindle validate` refuses it and says PHRASE
  <!-- doc-example: set valid -->            a whole question set that validates
  <!-- doc-example: fragment-of FILE -->     part of the set FILE: its top-level keys, or one question object,
                                             laid over the items with the same ids in FILE; that must validate
  <!-- doc-example: answers-for FILE -->     an answers file; `rekindle score FILE answers` must accept it
  <!-- doc-example: json-fragment -->        an editor setting or a format illustration: it must parse as JSON
                                             (wrapped in braces when it is a bare "key": value)
It also checks docs/authoring.md's table of safety guidance ids against assets/safety-guidance.json: every id
shipped is listed, with its title, and the text it "opens with" is how that entry's text begins.
Exits 1 on any disagreement, naming the file and line.
"""
import glob, json, os, re, subprocess, sys, tempfile

MARK = re.compile(r'<!--\s*doc-example:\s*(\S+)\s*(.*?)\s*-->')


def blocks(path):
    """(line of the fence, marker kind, marker argument, text) for every ```json block."""
    lines = open(path, encoding="utf-8").read().splitlines()
    out = []
    for i, line in enumerate(lines):
        if line.strip() != "```json":
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        m = MARK.search(lines[j]) if j >= 0 else None
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        out.append((i + 1, m.group(1) if m else None, m.group(2) if m else "", "\n".join(lines[i + 1:end])))
    return out


def loads_fragment(text):
    """A block as JSON: as written, or wrapped in braces when it is one or more bare "key": value members."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads("{" + text.strip().rstrip(",") + "}")


def deep_merge(base, new):
    """new laid over base: objects merge key by key, lists of objects with ids merge item by id (new items are
    appended; a string item, such as a library tip's id, is added when missing), anything else is replaced. So a fragment showing part of a section changes only what it shows."""
    if isinstance(base, dict) and isinstance(new, dict):
        out = dict(base)
        for key, value in new.items():
            out[key] = deep_merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(new, list) and \
            all(isinstance(x, str) or isinstance(x, dict) and "id" in x for x in new):
        out = list(base)
        for item in new:  # an object by its id; a string (a library tip's id) is added unless already there
            key = item["id"] if isinstance(item, dict) else item
            at = next((i for i, x in enumerate(out) if (x.get("id") if isinstance(x, dict) else x) == key), None)
            if at is None:
                out.append(item)
            elif isinstance(item, dict):
                out[at] = deep_merge(out[at], item)
        return out
    return new


def merged(base, fragment):
    if "type" in fragment and "id" in fragment:  # one question: laid over the question with its id
        doc = json.loads(json.dumps(base))
        for section in doc["sections"]:
            section["questions"] = [deep_merge(q, fragment) if q["id"] == fragment["id"] else q
                                    for q in section["questions"]]
        return doc
    return deep_merge(base, fragment)


def validate(exe, doc):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f, indent=2)
        name = f.name
    try:
        r = subprocess.run([exe, "validate", name], capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr
    finally:
        os.unlink(name)


def guidance_table_problems(root):
    doc = os.path.join(root, "docs", "authoring.md")
    entries = {e["id"]: e for e in json.load(open(os.path.join(root, "assets", "safety-guidance.json"),
                                                   encoding="utf-8"))["entries"]}
    listed, problems = set(), []
    lines = open(doc, encoding="utf-8").read().splitlines()
    start = next((i for i, l in enumerate(lines) if re.fullmatch(r"\|\s*id\s*\|\s*title\s*\|\s*opens with\s*\|", l)), None)
    if start is None:
        return ["docs/authoring.md: the table of safety guidance ids (| id | title | opens with |) is missing"]
    n = start + 2
    while n < len(lines) and lines[n].startswith("|"):
        cells = [c.strip() for c in lines[n].strip().strip("|").split("|")]
        gid, title, opens = cells[0].strip("`"), cells[1], cells[2]
        where = f"docs/authoring.md:{n + 1}"
        n += 1
        if gid not in entries:
            problems.append(f"{where}: guidance id {gid!r} is not in assets/safety-guidance.json")
            continue
        listed.add(gid)
        if title != entries[gid]["title"]:
            problems.append(f"{where}: {gid} is titled {entries[gid]['title']!r}, the doc says {title!r}")
        if not entries[gid]["text"].startswith(opens):
            problems.append(f"{where}: {gid}'s text does not open with {opens!r}")
    for gid in sorted(set(entries) - listed):
        problems.append(f"docs/authoring.md: the guidance table does not list {gid!r}")
    return problems


def main():
    root, exe = sys.argv[1:3]
    errors, checked = [], 0
    for path in sorted(glob.glob(os.path.join(root, "docs", "*.md"))):
        rel = os.path.relpath(path, root)
        for line, kind, arg, text in blocks(path):
            where = f"{rel}:{line}"
            checked += 1
            try:
                value = loads_fragment(text)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: the example is not JSON ({e})")
                continue
            if kind is None:
                errors.append(f"{where}: a JSON example with no <!-- doc-example: ... --> marker; say what it is")
            elif kind == "set":
                rc, out = validate(exe, value)
                phrase = re.fullmatch(r'fails:\s*(.*)', arg)
                if arg == "valid" and rc != 0:
                    errors.append(f"{where}: the text says this set is valid; rekindle validate says:\n{out}")
                elif phrase and (rc == 0 or phrase.group(1) not in out):
                    errors.append(f"{where}: expected a refusal saying {phrase.group(1)!r}; got exit {rc}:\n{out}")
                elif arg != "valid" and not phrase:
                    errors.append(f"{where}: unknown set marker argument {arg!r}")
            elif kind == "fragment-of":
                base = json.load(open(os.path.join(root, arg), encoding="utf-8"))
                rc, out = validate(exe, merged(base, value))
                if rc != 0:
                    errors.append(f"{where}: this fragment, put into {arg}, does not validate:\n{out}")
            elif kind == "answers-for":
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                    json.dump(value, f)
                r = subprocess.run([exe, "score", os.path.join(root, arg), f.name], capture_output=True, text=True)
                os.unlink(f.name)
                if r.returncode != 0:
                    errors.append(f"{where}: rekindle score {arg} refuses these answers:\n{r.stdout}{r.stderr}")
            elif kind != "json-fragment":
                errors.append(f"{where}: unknown marker kind {kind!r}")
    errors += guidance_table_problems(root)
    if checked == 0:
        errors.append("no JSON examples found under docs/: wrong folder?")
    for e in errors:
        print(e)
    print(f"{checked} examples checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
