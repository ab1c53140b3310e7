#!/usr/bin/env python3
"""Cuts two outputs of a marked script (see mark_statements.py) at the markers and
compares them statement by statement. The program-name prefix (`psqlui:` for
`psql:`) is the only difference allowed. Prints "SAME TOTAL"; writes each differing
statement with both outputs to DIFF.

    compare_statements.py SCRIPT PSQL_OUT PSQLUI_OUT DIFF
"""
import re
import subprocess
import sys
import difflib

MARK = re.compile(r"^@@@ STATEMENT (\d+) @@@$")


def pieces(path):
    out, current = {}, 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = MARK.match(line.rstrip("\n"))
            if m:
                current = int(m.group(1)); out.setdefault(current, []); continue
            out.setdefault(current, []).append(line)
    return out


def normalize(lines):
    return [re.sub(r"(^|(?<=\s))psqlui:", r"\1psql:", l) for l in lines]


def main():
    script, theirs_path, ours_path, diff_path = sys.argv[1:5]
    here = sys.path[0]
    listing = subprocess.run([sys.executable, here + "/mark_statements.py", "--list", script],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    first = {int(l.split("\t", 1)[0]): l.split("\t", 1)[1] for l in listing}
    theirs, ours = pieces(theirs_path), pieces(ours_path)
    total = len(first)
    same = 0
    with open(diff_path, "w") as d:
        for n in range(1, total + 1):
            a, b = theirs.get(n, []), normalize(ours.get(n, []))
            if a == b:
                same += 1
                continue
            d.write("=== statement %d: %s\n" % (n, first.get(n, "")))
            d.writelines(difflib.unified_diff(a, b, "psql", "psqlui", n=2))
    print(same, total)


if __name__ == "__main__":
    main()
