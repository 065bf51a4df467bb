#!/usr/bin/env python3
"""Peak memory of the Python bindings on long PDFs: Model.tag_pdf() (the
whole document) against Model.stream_pdf() (a piece at a time), on 300- and
600-page PDFs made from the corpus PDFs (long_pdfs.sh, qpdf), in one run.

    /usr/bin/python3 bench/bench_python_memory.py [--pages 300,600]

The package and the page-reader helper are the build tree's
($DOCTAG_BUILD_DIR, default build/) unless PYTHONPATH and
DOCTAG_PDF_READER say otherwise.

Each figure is one fresh interpreter (this script with --measure) that
imports doctag, tags the PDF and reports its peak resident set
(getrusage: the Python process itself) and that of the largest page-reader
process it started, in MiB. tag_pdf keeps the Document, as a user does;
stream_pdf keeps nothing but counts. Flat memory: 600/300 close to 1.
"""
import argparse
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
BUILD = pathlib.Path(os.environ.get("DOCTAG_BUILD_DIR", HERE.parent / "build"))


def measure(mode, pdf):
    import doctag

    model = doctag.Model()
    t0 = time.perf_counter()
    if mode == "tag_pdf":
        doc = model.tag_pdf(pdf)
        entities, chars = len(doc.entities), len(doc.text)
    else:
        entities = chars = 0
        for piece in model.stream_pdf(pdf):
            entities += len(piece.entities)
            chars += len(piece.text)
    seconds = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    readers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{own:.1f} {readers:.1f} {entities} {chars} {seconds:.2f}")


def run(mode, pdf):
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(BUILD / "bindings" / "python"))
    env.setdefault("DOCTAG_PDF_READER", str(BUILD / "libtag" / "doctag-pdf-reader"))
    out = subprocess.run([sys.executable, __file__, "--measure", mode, str(pdf)],
                         check=True, capture_output=True, text=True, env=env).stdout.split()
    own, readers, entities, chars, seconds = out
    return float(own), float(readers), int(entities), int(chars), float(seconds)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default="300,600", help="page counts (default 300,600)")
    ap.add_argument("--measure", nargs=2, metavar=("MODE", "PDF"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        measure(*args.measure)
        return
    pages = [int(n) for n in args.pages.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-py-mem-") as tmp:
        subprocess.run([str(HERE / "long_pdfs.sh"), tmp] + [str(n) for n in pages], check=True)
        rows = {}
        for mode in ("tag_pdf", "stream_pdf"):
            for n in pages:
                rows[mode, n] = run(mode, pathlib.Path(tmp) / f"p{n}.pdf")
    first, last = pages[0], pages[-1]
    print(f"peak resident memory (MiB) of the Python process, corpus PDFs concatenated to "
          f"{', '.join(map(str, pages))} pages")
    print(f"{'call':<12}" + "".join(f" {f'{n} pages':>10}" for n in pages)
          + f" {f'{last}/{first}':>8} {'readers':>8} {'entities':>9} {'seconds':>8}")
    for mode in ("tag_pdf", "stream_pdf"):
        own = [rows[mode, n][0] for n in pages]
        _, readers, entities, _, seconds = rows[mode, last]
        print(f"{mode:<12}" + "".join(f" {v:10.1f}" for v in own)
              + f" {own[-1] / own[0]:8.2f} {readers:8.1f} {entities:9d} {seconds:8.2f}")
    same = all(rows["tag_pdf", n][2:4] == rows["stream_pdf", n][2:4] for n in pages)
    print(f"(readers: the largest page-reader process, {last} pages; entities and characters "
          f"{'the same' if same else 'NOT the same'} both ways)")


if __name__ == "__main__":
    main()
