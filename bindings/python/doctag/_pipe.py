"""Pipelines: tagging files whatever they are (PDF or text, by content, as
the CLI decides), many documents on a thread pool in order, and many
documents as one table."""

from __future__ import annotations

import collections
import concurrent.futures
import os
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence,
                    Tuple, Union)

from . import _native
from ._document import BASE_COLUMNS, NUMERIC_KEYS, Document
from ._errors import Error, FileError, UnsupportedFileError

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ._model import Model, Pages, PathLike

__all__ = ["sniff", "tag_file", "tag_source", "pipe", "to_pandas", "FRAME_COLUMNS",
           "CANONICAL_KEYS"]

# As the CLI (cli/sniff.c): the leading bytes that decide what a file is.
SNIFF_WINDOW = 1024
_ARCHIVE_SIGNATURES = (
    (0, b"PK\x03\x04"), (0, b"PK\x05\x06"), (257, b"ustar"), (0, b"7z\xbc\xaf\x27\x1c"),
    (0, b"Rar!\x1a\x07"), (0, b"070707"), (0, b"070701"), (0, b"!<arch>\n"),
    (0, b"\x1f\x8b"), (0, b"BZh"), (0, b"\xfd7zXZ\x00"), (0, b"\x28\xb5\x2f\xfd"),
    (0, b"LZIP"),
)


def sniff(head: bytes, complete: bool = False) -> str:
    """What a file is from its first bytes (up to SNIFF_WINDOW): "pdf",
    "text", "archive" (archives and compressed files), "empty" or "binary".
    ``complete``: ``head`` is the whole file (a UTF-8 sequence cut at its
    end is then an error, not the window's edge). As ``doctag batch``: a
    PDF starts with ``%PDF-``, or has it in its first 1024 bytes when no
    archive signature is there (a tar of PDFs has it at byte 512)."""
    if not head:
        return "empty"
    if head.startswith(b"%PDF-"):
        return "pdf"
    for offset, sig in _ARCHIVE_SIGNATURES:
        if head[offset:offset + len(sig)] == sig:
            return "archive"
    window = head[:SNIFF_WINDOW]
    if b"%PDF-" in window:
        return "pdf"
    if b"\0" in window:
        return "binary"
    try:
        window.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a sequence cut by the window's end is not an error
        if complete or len(head) < SNIFF_WINDOW or exc.start < len(window) - 3:
            return "binary"
    return "text"


def _unsupported(name: str, kind: str) -> UnsupportedFileError:
    why = {"archive": "an archive or compressed file (use `doctag batch`, which reads them)",
           "empty": "an empty file"}.get(kind, "not a PDF or UTF-8 text")
    return UnsupportedFileError(f"{name}: unsupported: {why}", _native.ERR_NOT_PDF)


def tag_source(model: "Model", source: Union["PathLike", bytes, bytearray, memoryview], *,
               pages: Optional["Pages"] = None, password: Optional[str] = None) -> Document:
    """Tags a file path or a document's bytes, PDF or UTF-8 text by content."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        kind = sniff(data[:SNIFF_WINDOW], complete=len(data) <= SNIFF_WINDOW)
        if kind == "pdf":
            return model.tag_pdf(data, pages=pages, password=password)
        if kind == "text":
            return model.tag_text(data)
        raise _unsupported("<bytes>", kind)
    return tag_file(model, source, pages=pages, password=password)


def tag_file(model: "Model", path: "PathLike", *, pages: Optional["Pages"] = None,
             password: Optional[str] = None) -> Document:
    """Tags one file: a PDF if it is one (by content, whatever its name),
    else UTF-8 text; anything else raises UnsupportedFileError. The
    Document's ``source`` is the path."""
    name = os.fsdecode(os.fspath(path))
    try:
        with open(name, "rb") as f:
            head = f.read(SNIFF_WINDOW)
            kind = sniff(head, complete=len(head) < SNIFF_WINDOW)
            if kind == "text":
                data = head + f.read()
    except OSError as exc:
        raise FileError(f"{name}: {exc.strerror or exc}", _native.ERR_IO) from exc
    if kind == "pdf":
        return model.tag_pdf(name, pages=pages, password=password)
    if kind != "text":
        raise _unsupported(name, kind)
    return model._tag_text(data, name)


def pipe(model: "Model", items: Iterable[Any], n_threads: Optional[int] = None, *,
         pages: Optional["Pages"] = None, password: Optional[str] = None,
         as_tuples: bool = False, errors: str = "raise") -> Iterator[Any]:
    """Tags file paths or documents' bytes on ``n_threads`` threads (default:
    the cores), yielding the Documents in the order of ``items``.

    The library releases the GIL while it extracts and tags, so threads run
    in parallel. ``items`` may be a generator of any length: at most
    2 x n_threads documents are in flight. With ``as_tuples``, items are
    ``(source, context)`` pairs and ``(Document, context)`` pairs come out.
    ``errors="raise"`` (default) raises the first failure, in order;
    ``errors="return"`` yields the :class:`doctag.Error` in the Document's
    place, so one bad file does not stop a batch.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    n = n_threads or os.cpu_count() or 1
    if n < 1:
        raise ValueError(f"n_threads must be at least 1, not {n_threads}")

    def one(source):
        try:
            return tag_source(model, source, pages=pages, password=password)
        except Error as exc:
            if errors == "raise":
                raise
            return exc

    with concurrent.futures.ThreadPoolExecutor(n, thread_name_prefix="doctag") as pool:
        pending: "collections.deque[Tuple[concurrent.futures.Future, Any]]" = collections.deque()
        for item in items:
            source, context = item if as_tuples else (item, None)
            pending.append((pool.submit(one, source), context))
            if len(pending) >= 2 * n:
                future, context = pending.popleft()
                yield (future.result(), context) if as_tuples else future.result()
        while pending:
            future, context = pending.popleft()
            yield (future.result(), context) if as_tuples else future.result()


# The columns of a table of many documents: the doc, the entity, its box on
# its first page (PDF points, NaN for text), then the canonical form and
# its keys (fixed, so that every partition of a Dask frame has them all).
CANONICAL_KEYS = ("id", "symbol", "value", "min", "max", "currency", "qualifier")
FRAME_COLUMNS = (("doc",) + tuple(c for c in BASE_COLUMNS if c != "canonical")
                 + ("x0", "y0", "x1", "y1", "canonical") + CANONICAL_KEYS)


def frame_records(doc_id: str, doc: Document) -> List[Dict[str, Any]]:
    """One flat dict per entity with the FRAME_COLUMNS (and any other
    canonical key a custom dictionary makes)."""
    rows = []
    for e in doc:
        rec = e.to_record()
        box = e.bbox or (None, None, None, None)
        rec.update(doc=doc_id, x0=box[0], y0=box[1], x1=box[2], y1=box[3])
        rows.append(rec)
    return rows


def records_frame(records: Sequence[Dict[str, Any]], extra_columns: bool = True):
    """A pandas DataFrame of FRAME_COLUMNS from frame_records() rows."""
    import pandas as pd

    columns = list(FRAME_COLUMNS)
    if extra_columns:
        for rec in records:
            columns.extend(k for k in rec if k not in columns)
    df = pd.DataFrame.from_records(list(records), columns=columns)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["page"] = df["page"].astype("Int64")
    for key in ("x0", "y0", "x1", "y1"):
        df[key] = pd.to_numeric(df[key], errors="coerce").astype("float64")
    for key in NUMERIC_KEYS:
        df[key] = pd.to_numeric(df[key].map(lambda v: float(v) if v is not None else None),
                                errors="coerce").astype("float64")
    for key in ("doc", "type", "text", "canonical") + tuple(
            k for k in CANONICAL_KEYS if k not in NUMERIC_KEYS):
        df[key] = df[key].astype("object")
    return df


def to_pandas(docs: Iterable[Any], ids: Optional[Iterable[str]] = None) -> "pandas.DataFrame":
    """Many Documents as one pandas DataFrame, one row per entity, with a
    ``doc`` column first: ``ids[i]`` if given, else the Document's
    ``source`` (its path), else its position. ``docs`` may also hold
    ``(id, Document)`` pairs. Columns: doc, type, text, start, end, page,
    x0, y0, x1, y1 (the entity's box on its first page), canonical, then
    id, symbol, value, min, max, currency, qualifier (float64 for the
    amounts, None or NaN where absent) and any other canonical key."""
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ImportError("doctag.to_pandas() needs pandas (Debian: apt-get install "
                          "python3-pandas)") from exc
    id_iter = iter(ids) if ids is not None else None
    records: List[Dict[str, Any]] = []
    for i, item in enumerate(docs):
        if isinstance(item, tuple):
            doc_id, doc = item
        else:
            doc = item
            doc_id = next(id_iter) if id_iter is not None else (doc.source or str(i))
        records.extend(frame_records(str(doc_id), doc))
    return records_frame(records)
