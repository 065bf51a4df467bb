#!/usr/bin/env python3
"""The dictionary sources of the default model are clean: what doctag-modelc
accepts without a word but cannot be what the author meant.

doctag-modelc rejects a malformed line (file:line, tested in test_dict.c and
test_cli.sh); this checks, file:line, what it compiles silently:
- a literal name that an earlier entry already claims with another type or
  id (the earlier one always wins, see models/README.md: the later entry is
  dead, or two files disagree on a body's id);
- a "{name}" that is not a known @prefix of the file followed by a space
  ("{us}-China ..." is matched as written, braces and all);
- a blank at either end of a name, two blanks inside it, an empty name;
- a name given twice in one entry.

Usage: check_dict_sources.py MODELS_DIR LIBTAG_MESON_BUILD
The files are read in the order of model_sources in libtag/meson.build (the
order in which ties are decided). Exit status 0 when clean, 1 otherwise.
"""
import os
import re
import sys


def source_order(meson_build):
    """The .dict file names of model_sources, in order."""
    text = open(meson_build, encoding="utf-8").read()
    block = re.search(r"model_sources = files\((.*?)\)", text, re.S).group(1)
    return re.findall(r"models/([\w.-]+\.dict)", block)


def entries(path):
    """(line number, type, id, [variants], {prefix names}) per entry."""
    typ, prefixes = None, set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            if s.startswith("@type "):
                typ = s.split()[1]
            elif s.startswith("@prefix "):
                prefixes.add(s[len("@prefix "):].split(" = ")[0].strip())
            elif not s.startswith("@") and " = " in s:
                ident, variants = s.split(" = ", 1)
                if not ident.startswith("%"):
                    yield n, typ, ident, variants.split(" | "), prefixes


def problems(models, order):
    claimed = {}  # literal name -> (where, type, id)
    for fn in order:
        for n, typ, ident, variants, prefixes in entries(os.path.join(models, fn)):
            where = f"{fn}:{n}"
            if len(set(variants)) != len(variants):
                yield f"{where}: a name given twice in {ident!r}"
            for v in variants:
                if v.startswith("/"):
                    continue
                m = re.match(r"\{(\w+)\} (.*)", v)
                if m:
                    if m.group(1) not in prefixes:
                        yield f"{where}: unknown prefix {{{m.group(1)}}} in {v!r}"
                    v = m.group(2)
                if "{" in v or "}" in v:
                    yield f"{where}: a brace in the literal name {v!r}"
                if not v or v != v.strip() or "  " in v:
                    yield f"{where}: blanks in the name {v!r}"
                first = claimed.setdefault(v, (where, typ, ident))
                if first[1:] != (typ, ident):
                    yield (f"{where}: {v!r} ({typ} {ident!r}) is already {first[1]} "
                           f"{first[2]!r} at {first[0]}, which wins")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    found = list(problems(argv[1], source_order(argv[2])))
    for p in found:
        print(p)
    print(f"{len(found)} problem(s) in the dictionary sources")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
