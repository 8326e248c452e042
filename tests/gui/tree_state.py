#!/usr/bin/env python3
"""Prints a folder tree's exact state: every entry's path, type, mode, size, mtime (ns) and, for files, a SHA-256 of
the content. Two prints are equal only when nothing was created, removed, written, touched or chmod'ed.
usage: tree_state.py DIR"""
import hashlib, os, stat, sys

root = sys.argv[1]
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in [""] + sorted(filenames):
        path = os.path.join(dirpath, name) if name else dirpath
        st = os.lstat(path)
        line = f"{os.path.relpath(path, root)} {stat.filemode(st.st_mode)} {st.st_size} {st.st_mtime_ns}"
        if stat.S_ISREG(st.st_mode):
            line += " " + hashlib.sha256(open(path, "rb").read()).hexdigest()
        print(line)
