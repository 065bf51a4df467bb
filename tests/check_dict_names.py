#!/usr/bin/env python3
"""Every literal name of the default model's agency and instrument
dictionaries is tagged whole, with its own type and id, when it stands alone
in a sentence.

This catches a name hidden by a shorter one (a name that is a prefix of
hundreds of others, when the name matcher splits its patterns), a name that
another entry claims first with a different type, and a name a block.dict
phrase swallows.

Usage: check_dict_names.py MODELS_DIR DOCTAG_CLI
Exit status 0 when every name is found whole, 1 otherwise (the misses are
listed).
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def names(path):
    """(type, id, name) for each literal variant of the file, prefixes
    expanded as models/README.md describes."""
    prefixes, typ = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@type "):
                typ = line.split()[1]
                continue
            if line.startswith("@prefix "):
                name, alts = line[len("@prefix "):].split(" = ", 1)
                prefixes[name.strip()] = alts.split(" | ")
                continue
            if line.startswith("@") or " = " not in line:
                continue
            ident, variants = line.split(" = ", 1)
            if ident.startswith("%") or typ not in ("agency", "instrument"):
                continue
            for v in variants.split(" | "):
                if v.startswith("/"):
                    continue
                m = re.match(r"\{(\w+)\} (.*)", v)
                if not m:
                    yield typ, ident, v
                    continue
                yield typ, ident, m.group(2)
                for p in prefixes[m.group(1)]:
                    yield typ, ident, p + " " + m.group(2)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    models, cli = argv[1], argv[2]
    rows = []
    for fn in sorted(os.listdir(models)):
        if fn.endswith(".dict") and fn.startswith(("agency", "instrument")):
            rows.extend(names(os.path.join(models, fn)))
    # first claim wins: a name listed twice is checked for its first id
    seen, unique = set(), []
    for r in rows:
        if r[2] not in seen:
            seen.add(r[2])
            unique.append(r)
    lines = [f"Para {k}. See the {name} here." for k, (_, _, name) in enumerate(unique)]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "names.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        out = subprocess.run([cli, "tag", path], capture_output=True, text=True, check=True)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line.encode("utf-8")) + 1
    found = {}
    for obj in map(json.loads, out.stdout.splitlines()):
        lo, hi = 0, len(starts) - 1
        while lo < hi:                      # last line starting at or before obj
            mid = (lo + hi + 1) // 2
            if starts[mid] <= obj["start"]:
                lo = mid
            else:
                hi = mid - 1
        found.setdefault(lo, []).append((obj["type"], obj["text"]))
    misses = [(t, i, n, found.get(k, [])) for k, (t, i, n) in enumerate(unique)
              if (t, n) not in found.get(k, [])]
    for t, i, n, got in misses:
        print(f"{t} {i!r}: {n!r} not tagged whole; got {got}")
    print(f"{len(unique)} names, {len(misses)} not tagged whole")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
