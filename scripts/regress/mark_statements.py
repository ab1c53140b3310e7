#!/usr/bin/env python3
"""Copies a psql script, putting an `\\echo` marker line before each statement
(a top-level SQL statement or a meta-command line), so the output of psql and of
psqlui can be cut into per-statement pieces. Lines inside a statement, COPY data
and blank or comment-only lines between statements are copied unchanged.

    mark_statements.py FILE            -> the marked script on stdout
    mark_statements.py --list FILE     -> "N<TAB>first line" per statement
"""
import sys

MARK = "\\echo '@@@ STATEMENT {} @@@'"


class Scanner:
    """Tracks quotes, dollar quotes, comments and parentheses across lines."""

    def __init__(self):
        self.quote = None      # "'", '"', or a dollar tag like '$x$'
        self.comment = 0       # nested /* */ depth
        self.parens = 0
        self.empty = True      # query buffer empty (at a statement boundary)

    def feed(self, line):
        """Scans one line; returns True when a statement ended on it."""
        i, n = 0, len(line)
        ended = False
        while i < n:
            c = line[i]
            if self.comment:
                if line.startswith("*/", i):
                    self.comment -= 1; i += 2; continue
                if line.startswith("/*", i):
                    self.comment += 1; i += 2; continue
                i += 1; continue
            if self.quote:
                if self.quote in ("'", '"'):
                    if c == self.quote:
                        if i + 1 < n and line[i + 1] == c:
                            i += 2; continue
                        self.quote = None
                    i += 1; continue
                if line.startswith(self.quote, i):
                    i += len(self.quote); self.quote = None; continue
                i += 1; continue
            if line.startswith("--", i):
                break
            if line.startswith("/*", i):
                self.comment = 1; i += 2; continue
            if c in ("'", '"'):
                self.quote = c; self.empty = False; i += 1; continue
            if c == "$":
                j = i + 1
                while j < n and (line[j].isalnum() or line[j] == "_"):
                    j += 1
                if j < n and line[j] == "$" and not (i > 0 and (line[i - 1].isalnum() or line[i - 1] == "_")):
                    self.quote = line[i:j + 1]; self.empty = False; i = j + 1; continue
            if c == "(":
                self.parens += 1
            elif c == ")":
                self.parens = max(0, self.parens - 1)
            elif c == ";" and self.parens == 0:
                ended = True; self.empty = True; i += 1; continue
            elif c == "\\":
                # A meta-command ends the line's SQL (psql runs the buffer or keeps it).
                if line.startswith("\\\\", i):
                    i += 2; continue
                return True
            if not c.isspace():
                self.empty = False
                ended = False
            i += 1
        return ended


def statements(lines):
    """Yields (line index, is statement start) for every line."""
    s = Scanner()
    copy_data = False
    for idx, line in enumerate(lines):
        text = line.rstrip("\n")
        if copy_data:
            yield idx, False
            if text == "\\.":
                copy_data = False
            continue
        start = s.empty and s.quote is None and s.comment == 0 and text.strip() != "" \
            and not text.strip().startswith("--")
        was_empty = s.empty
        ended = s.feed(text)
        if ended or (text.lstrip().startswith("\\") and was_empty):
            lowered = text.lower()
            if "from stdin" in lowered and not text.lstrip().startswith("\\"):
                copy_data = True
            s.empty = True; s.parens = 0
        yield idx, start


def main():
    args = sys.argv[1:]
    listing = args and args[0] == "--list"
    if listing:
        args = args[1:]
    with open(args[0], encoding="utf-8", errors="surrogateescape") as f:
        lines = f.readlines()
    out = sys.stdout
    n = 0
    for idx, start in statements(lines):
        if start:
            n += 1
            if listing:
                out.write("%d\t%s\n" % (n, lines[idx].rstrip("\n")))
            else:
                out.write(MARK.format(n) + "\n")
        if not listing:
            out.write(lines[idx])


if __name__ == "__main__":
    main()
