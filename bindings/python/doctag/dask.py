"""doctag on a Dask cluster, for when one machine is not enough.

    >>> from distributed import Client
    >>> import doctag.dask
    >>> client = Client("tcp://scheduler:8786")        # or Client() on one machine
    >>> ents = doctag.dask.read_reports("/shared/reports/**/*.pdf")
    >>> ents.groupby("type").size().compute()
    >>> docs = doctag.dask.documents("/shared/reports/2019/")    # a bag of Documents

Paths are expanded on the client (a glob, with ``**`` for any depth, or a
folder walked recursively), so every worker must see the files at the same
paths: put the reports on shared storage (NFS, CephFS, a bucket mounted
with the same name everywhere). The paths are made absolute on the client;
each document's id (the ``doc`` column, ``Document.source``) is the path as
matched. What a file is comes from its content, as in the CLI (PDF or
UTF-8 text; anything else fails as unsupported: for archives, use
:func:`batch`, which runs the CLI that reads them).

The model is opened once per worker process, the first time a task there
needs it, and cached by its path and dictionaries (a Model pickles as
those): tasks carry no model. Failed documents are left out of the entities
(``errors="skip"``, the default) and listed by :func:`manifest` with the
same fields as ``doctag batch``'s manifest.jsonl; ``errors="raise"`` fails
the computation instead. Works with any ``distributed.Client`` (or dask's
local schedulers): nothing here talks to the scheduler.

For output that must survive a crash and resume, :func:`batch` runs
``doctag batch`` on the workers, one task per input, each with its own
output folder and manifest; computing it again redoes only what is not
done. :func:`read_manifests` reads their records back.
"""

from __future__ import annotations

import glob as _glob
import os
import threading
import time
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import dask
import dask.bag as db
import dask.dataframe as dd

from . import ENTITY_TYPES
from ._errors import Error, UnsupportedFileError
from ._limits import Limits
from ._model import Model, Pages
from ._pipe import FRAME_COLUMNS, frame_records, records_frame, tag_file

__all__ = ["read_reports", "documents", "manifest", "batch", "read_manifests",
           "expand_paths", "worker_model", "MANIFEST_COLUMNS"]

Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]
# model=: a Model, a model file, or None (the built-in model)
ModelArg = Union[None, Model, str, "os.PathLike[str]"]
# (path, extra dictionaries, limits, trusted); a pair (path, extra) still works
ModelSpec = Tuple[Optional[str], Tuple[str, ...], Limits, bool]

# The fields of doctag batch's manifest.jsonl that a Dask run knows.
MANIFEST_COLUMNS = ("doc", "status", "kind", "bytes", "mtime", "pages", "pages_without_text",
                    *ENTITY_TYPES, "seconds", "error")

_MODELS: Dict[ModelSpec, Model] = {}
_MODELS_LOCK = threading.Lock()


def worker_model(spec: ModelSpec) -> Model:
    """The model for ``spec`` (path, extra dictionaries, limits, trusted) in
    this process, opened on first use and then shared by the worker's
    threads."""
    with _MODELS_LOCK:
        model = _MODELS.get(spec)
        if model is None:
            limits = spec[2] if len(spec) > 2 else None
            trusted = bool(spec[3]) if len(spec) > 3 else False
            model = _MODELS[spec] = Model(spec[0], spec[1], limits=limits, trusted=trusted)
        return model


def _model_spec(model: Union[None, Model, str, "os.PathLike[str]"]) -> ModelSpec:
    if model is None:
        return (None, (), Limits(), False)
    if isinstance(model, Model):   # absolute: the workers' folder is not the client's
        return (os.path.abspath(model.path) if model.path else None,
                tuple(os.path.abspath(d) for d in model.extra_dictionaries),
                model.limits, model.trusted)
    return (os.path.abspath(os.fspath(model)), (), Limits(), False)


def _walk(folder: str) -> List[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
        found.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return found


def expand_paths(paths: Paths) -> List[str]:
    """A glob (``**`` matches any depth), a folder (walked, hidden names left
    out), a file, or a list of these -> the files, in a stable order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: List[str] = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            out.extend(_walk(p))
        elif _glob.has_magic(p):
            out.extend(f for f in sorted(_glob.glob(p, recursive=True)) if os.path.isfile(f))
        else:
            out.append(p)
    return out


def _record(doc_id: str, path: str, doc, exc: Optional[Error], seconds: float) -> Dict[str, Any]:
    try:
        st = os.stat(path)
        size, mtime = st.st_size, int(st.st_mtime)
    except OSError:
        size, mtime = -1, 0
    rec: Dict[str, Any] = {"doc": doc_id, "status": "ok", "kind": "text", "bytes": size,
                           "mtime": mtime, "pages": 0, "pages_without_text": 0,
                           "seconds": round(seconds, 3), "error": None}
    rec.update({t: 0 for t in ENTITY_TYPES})
    if exc is not None:
        # as the CLI: the machine's failures ("error") are worth a retry
        machine = isinstance(exc, OSError) and not isinstance(exc, UnsupportedFileError)
        rec.update(status="error" if machine else "failed", kind="", error=exc.message)
        return rec
    if doc.page_count is not None:
        rec.update(kind="pdf", pages=doc.page_count,
                   pages_without_text=len(doc.pages_without_text or ()))
    for e in doc:
        rec[e.type] += 1
    return rec


def _tag_partition(items: Sequence[Tuple[str, str]], spec: ModelSpec, pages, password,
                   errors: str) -> List[Tuple[str, Any, Dict[str, Any]]]:
    """(id, Document or None, manifest record) for each (id, path)."""
    model = worker_model(spec)
    out = []
    for doc_id, path in items:
        start = time.perf_counter()
        doc, exc = None, None
        try:
            doc = tag_file(model, path, pages=pages, password=password)
            doc.source = doc_id
        except Error as e:
            if errors == "raise":
                raise
            exc = e
        out.append((doc_id, doc, _record(doc_id, path, doc, exc, time.perf_counter() - start)))
    return out


def _partitions(paths: Paths, model, pages, password, errors: str, partition_size: int):
    if errors not in ("skip", "raise"):
        raise ValueError(f"errors must be 'skip' or 'raise', not {errors!r}")
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    items = [(p, os.path.abspath(p)) for p in expand_paths(paths)]
    spec = _model_spec(model)
    chunks = [items[i:i + partition_size] for i in range(0, len(items), partition_size)]
    tag = dask.delayed(_tag_partition, pure=True)
    return [tag(chunk, spec, pages, password, errors,
                dask_key_name=f"doctag-tag-{dask.base.tokenize(chunk, spec, pages, errors)}")
            for chunk in chunks]


def _entities_frame(part):
    records: List[Dict[str, Any]] = []
    for doc_id, doc, _ in part:
        if doc is not None:
            records.extend(frame_records(doc_id, doc))
    return records_frame(records, extra_columns=False)


def _manifest_frame(part):
    import pandas as pd

    return pd.DataFrame.from_records([rec for _, _, rec in part], columns=list(MANIFEST_COLUMNS))


def _empty(fn):
    return fn([])


def read_reports(paths: Paths, *, model: ModelArg = None, pages: Optional[Pages] = None,
                 password: Optional[str] = None, errors: str = "skip", partition_size: int = 4,
                 with_manifest: bool = False
                 ) -> Union[dd.DataFrame, Tuple[dd.DataFrame, dd.DataFrame]]:
    """The entities of every report as a Dask DataFrame, one row per entity:
    doc, type, text, start, end, page, x0, y0, x1, y1 (box on the first
    page; NaN for text), canonical, id, symbol, value, min, max, currency,
    qualifier (as :func:`doctag.to_pandas`). One partition per
    ``partition_size`` documents.

    ``model``: a :class:`doctag.Model`, a model file, or None (built in).
    ``with_manifest=True`` returns ``(entities, manifest)``, two frames over
    the same tasks: computed together (``dask.compute(a, b)``) each document
    is tagged once.
    """
    parts = _partitions(paths, model, pages, password, errors, partition_size)
    ents = dd.from_delayed([dask.delayed(_entities_frame)(p) for p in parts],
                           meta=_empty(_entities_frame), verify_meta=False) if parts else \
        dd.from_pandas(_empty(_entities_frame), npartitions=1)
    if not with_manifest:
        return ents
    return ents, _manifest_from(parts)


def _manifest_from(parts):
    if not parts:
        return dd.from_pandas(_empty(_manifest_frame), npartitions=1)
    return dd.from_delayed([dask.delayed(_manifest_frame)(p) for p in parts],
                           meta=_empty(_manifest_frame), verify_meta=False)


def manifest(paths: Paths, *, model: ModelArg = None, pages: Optional[Pages] = None,
             password: Optional[str] = None, partition_size: int = 4) -> dd.DataFrame:
    """One record per document as a Dask DataFrame, with the fields of
    ``doctag batch``'s manifest.jsonl (MANIFEST_COLUMNS): status "ok",
    "failed" (the document: damaged, encrypted, image-only, unsupported)
    or "error" (the machine: I/O), the error message, pages and the entity
    counts. Documents with no entities and failed ones show here."""
    return _manifest_from(_partitions(paths, model, pages, password, "skip", partition_size))


def documents(paths: Paths, *, model: ModelArg = None, pages: Optional[Pages] = None,
              password: Optional[str] = None, errors: str = "skip",
              partition_size: int = 4) -> db.Bag:
    """A Dask Bag of :class:`doctag.Document`, one per report that tags
    (``Document.source`` is its id); failures are left out (see
    :func:`manifest`) or, with ``errors="raise"``, fail the computation."""
    parts = _partitions(paths, model, pages, password, errors, partition_size)
    if not parts:
        return db.from_sequence([], npartitions=1)
    return db.from_delayed([dask.delayed(_documents_of)(p) for p in parts])


def _documents_of(part):
    return [doc for _, doc, _ in part if doc is not None]


# ---- durable batches: doctag batch on the workers --------------------------


def _find_cli(cli: Optional[str]) -> str:
    import shutil

    found = cli or os.environ.get("DOCTAG_CLI") or shutil.which("doctag")
    if not found:
        raise FileNotFoundError("no doctag CLI on this worker: install it (meson install) "
                                "or pass cli=/path/to/doctag")
    return found


def _input_name(path: str) -> str:
    return os.path.basename(os.path.normpath(path)) or "root"


def _run_batch(path: str, out_dir: str, jobs: int, cli: Optional[str],
               args: Tuple[str, ...]) -> Dict[str, Any]:
    import subprocess

    out = os.path.join(out_dir, _input_name(path))
    proc = subprocess.run([_find_cli(cli), "batch", "-j", str(jobs), "-d", out, *args, path],
                          capture_output=True, text=True)
    lines = proc.stderr.strip().splitlines()
    summary = lines[-1] if lines and lines[-1].startswith("doctag batch:") else ""
    return {"input": path, "out_dir": out, "returncode": proc.returncode, "summary": summary,
            "errors": [l for l in lines if l != summary]}


def batch(inputs: Paths, out_dir: str, *, jobs: int = 1, cli: Optional[str] = None,
          args: Sequence[str] = ()) -> db.Bag:
    """``doctag batch`` on the workers, one task per input (a folder, an
    archive or a file), each writing OUT_DIR/<input's name>/ with its own
    manifest.jsonl: the CLI's resume applies as it is. Computing the bag
    again (after a worker died, or with new reports) passes by what is done
    and redoes only the rest. Returns a Bag of one dict per input:
    input, out_dir, returncode (0 all tagged, 1 some failed), summary (the
    CLI's last line) and errors (its other stderr lines).

    ``jobs``: threads per task (-j); ``args``: more CLI options, e.g.
    ``["--glob", "*.pdf", "--max-pages", "500"]``. Inputs and OUT_DIR must
    be on storage every worker sees at the same path; inputs must have
    distinct names. The CLI must be installed on the workers (``cli=``, or
    ``doctag`` on their PATH, or $DOCTAG_CLI).
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    paths = [os.path.abspath(os.fspath(p)) for p in inputs]
    names = [_input_name(p) for p in paths]
    if len(set(names)) != len(names):
        raise ValueError(f"inputs must have distinct names (their output folders): {names}")
    out = os.path.abspath(os.fspath(out_dir))
    bag = db.from_sequence(paths, npartitions=max(1, len(paths)))
    return bag.map(_run_batch, out, jobs, cli, tuple(args))


def read_manifests(out_dir: str) -> dd.DataFrame:
    """The manifest records of every ``batch()`` output under ``out_dir``
    (OUT_DIR/*/manifest.jsonl) as a Dask DataFrame with MANIFEST_COLUMNS
    (the entity counts as columns) plus ``output`` and ``config``."""
    import json

    files = sorted(_glob.glob(os.path.join(os.fspath(out_dir), "*", "manifest.jsonl")))

    def load(path):
        import pandas as pd

        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                rec.update(rec.pop("entities", {}))
                rows.append(rec)
        return pd.DataFrame.from_records(rows, columns=list(MANIFEST_COLUMNS)
                                         + ["output", "output_bytes", "config"])

    meta = load(os.devnull)
    if not files:
        return dd.from_pandas(meta, npartitions=1)
    return dd.from_delayed([dask.delayed(load)(f) for f in files], meta=meta,
                           verify_meta=False)
