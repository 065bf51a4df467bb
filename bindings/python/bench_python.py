#!/usr/bin/env python3
"""bench_python.py: tagging throughput of the Python bindings, default model.

    PYTHONPATH=BUILDDIR/bindings/python python3 bench_python.py [--mb N] [FILE...]

Concatenates the files (default: $DOCTAG_SHARED_DIR/corpus/text/*.txt, or
../../../shared/corpus/text/*.txt from here) and repeats them to at least N MB
(default 20) of UTF-8 text, then prints, best of 3, the throughput in MB/s of:

  native     _native.tag_text() on the whole text: the C tagger plus the
             conversion of offsets and strings to Python values, no objects
  Model      Model.tag_text() on the whole text: the above plus Entity objects
             and canonical dicts (what a user gets)
  per-doc    Model.tag_text() on each corpus document in turn (call overhead)
  bytes      Model.tag_text() on the text as UTF-8 bytes (no str to encode;
             what a pipeline reading files can pass)
  per-doc-b  the same, one call per document
  N threads  Model.tag_text() on the per-doc list split over N threads (default:
             one per CPU) sharing one Model (the GIL is released while the C
             code tags, so this scales with the cores)

Compare the first line with bench/bench_tag (same text, same model) to see
what the bindings cost.
"""

import argparse
import concurrent.futures
import os
import pathlib
import sys
import time

# Run as a script, this file's directory (which holds the *source* package
# doctag/, without the built extension) comes first on sys.path: drop it so
# that the build tree on PYTHONPATH, or the installed package, is imported.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import doctag  # noqa: E402
from doctag import _native  # noqa: E402


def default_files():
    shared = os.environ.get("DOCTAG_SHARED_DIR")
    base = pathlib.Path(shared) if shared else pathlib.Path(__file__).resolve().parents[3] / "shared"
    return sorted((base / "corpus" / "text").glob("*.txt"))


def best_of(n, fn):
    best = float("inf")
    result = None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="MB of text to tag (default 20)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measure, best kept")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="threads for the last measure (default: one per CPU)")
    ap.add_argument("files", nargs="*", type=pathlib.Path)
    args = ap.parse_args()

    files = args.files or default_files()
    if not files:
        sys.exit("bench_python: no input files (give FILE... or set DOCTAG_SHARED_DIR)")
    docs = [f.read_text(encoding="utf-8") for f in files]
    unit = "\n".join(docs) + "\n"
    unit_bytes = len(unit.encode("utf-8"))
    copies = max(1, int(-(-args.mb * 1e6 // unit_bytes)))
    text = unit * copies
    per_doc = docs * copies
    mb = len(text.encode("utf-8")) / 1e6

    t0 = time.perf_counter()
    model = doctag.Model()
    load = time.perf_counter() - t0
    print(f"doctag {doctag.version()} (bindings {doctag.__version__}), Python "
          f"{sys.version.split()[0]}, {_native.__file__.rsplit('/', 1)[-1]}")
    print(f"model load: {load * 1000:.1f} ms, {model.entry_count} entries")
    print(f"text: {mb:.1f} MB ({len(files)} files x {copies}), {len(text):,} characters")

    def report(name, seconds, n_entities):
        print(f"{name:<10} {mb / seconds:8.1f} MB/s  {seconds:7.3f} s  "
              f"{n_entities:,} entities")

    s, (rows, _warnings) = best_of(args.repeat, lambda: _native.tag_text(model._handle, text))
    report("native", s, len(rows))
    s, doc = best_of(args.repeat, lambda: model.tag_text(text))
    report("Model", s, len(doc))
    s, n = best_of(args.repeat, lambda: sum(len(model.tag_text(d)) for d in per_doc))
    report("per-doc", s, n)
    data = text.encode("utf-8")
    per_doc_bytes = [d.encode("utf-8") for d in per_doc]
    s, doc = best_of(args.repeat, lambda: model.tag_text(data))
    report("bytes", s, len(doc))
    s, n = best_of(args.repeat, lambda: sum(len(model.tag_text(d)) for d in per_doc_bytes))
    report("per-doc-b", s, n)

    def threaded():
        with concurrent.futures.ThreadPoolExecutor(args.threads) as pool:
            return sum(pool.map(lambda d: len(model.tag_text(d)), per_doc))
    s, n = best_of(args.repeat, threaded)
    report(f"{args.threads} threads", s, n)


if __name__ == "__main__":
    main()
