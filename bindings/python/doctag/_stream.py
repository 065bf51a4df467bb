"""A PDF tagged a piece at a time: Model.stream_pdf() and doctag.stream_pdf()."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional, Tuple

from . import _native
from ._document import Entity, _entity
from ._errors import SkippedRegionWarning

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["Piece", "PdfStream"]


class Piece(NamedTuple):
    """A stretch of a PDF's text as the library tags it, with its entities.

    The pieces of a document, one after the other, make the text that
    :meth:`Model.tag_pdf` gives, and their entities its entities: the same
    :class:`Entity` objects, whose ``start`` and ``end`` are indices into
    the *whole* document's text (so ``piece.text[e.start - piece.start:
    e.end - piece.start] == e.text``). A piece is about 256 KiB of text
    ending at a paragraph break (the last one ends the document); a page
    cut by its end is in this piece's ``pages`` and in the next one's.

    Attributes:
        text: the piece's text.
        start: where ``text`` begins in the document's text.
        pages: the pages whose text is (partly) in the piece.
        entities: its entities, in text order.
        page_count: pages in the PDF, whatever range is read.
        pages_without_text: the pages among ``pages`` with no text layer.
    """

    text: str
    start: int
    pages: range
    entities: List[Entity]
    page_count: int
    pages_without_text: Tuple[int, ...]

    @property
    def end(self) -> int:
        """Where the piece's text ends in the document's text (the next
        piece's ``start``)."""
        return self.start + len(self.text)

    def __repr__(self) -> str:
        pages = f"pages {self.pages.start}-{self.pages.stop - 1}" if self.pages else "no pages"
        return (f"<doctag.Piece {pages}, chars {self.start}-{self.end}, "
                f"{len(self.entities)} entities>")

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per entity (see :meth:`Entity.to_record`)."""
        return [e.to_record() for e in self.entities]


def _piece(value: Tuple[Any, ...]) -> Piece:
    text, start, first, last, page_count, no_text, rows = value
    return Piece(text, start, range(first, last + 1) if first else range(0),
                 [_entity(r) for r in rows], page_count, no_text)


class PdfStream(Iterator[Piece]):
    """The pieces of a PDF as they are tagged (:meth:`Model.stream_pdf`).

    An iterator of :class:`Piece`; the PDF is read and tagged on a thread
    of the library's own, at most two pieces ahead of you, with the GIL
    released, so the memory in use is that of a window of pages (128) and a
    few pieces whatever the document's length. Leaving the loop early
    (``break``, an exception), :meth:`close`, a ``with`` block or dropping
    the stream stops the reading there and waits for the thread: nothing is
    left running. An error (a damaged page, a limit) is raised where it
    happens, after the pieces before it. At the end ``warnings`` holds the
    regions a pattern skipped, each also issued as a
    :class:`SkippedRegionWarning`.

    Attributes:
        source: the file's path, or None for bytes.
        page_count: pages in the PDF, once the first piece is read (else None).
        warnings: the regions skipped, once the stream has ended (else ()).
    """

    def __init__(self, handle: _native.StreamHandle, source: Optional[str]) -> None:
        self._handle: Optional[_native.StreamHandle] = handle
        self.source = source
        self.page_count: Optional[int] = None
        self.warnings: Tuple[str, ...] = ()

    def __iter__(self) -> "PdfStream":
        return self

    def __next__(self) -> Piece:
        handle = self._handle
        if handle is None:
            raise StopIteration
        try:
            value = handle.next()
        except BaseException:
            self.close()
            raise
        if value is None:
            self.warnings = handle.warnings()
            self._handle = None
            self._report()
            raise StopIteration
        piece = _piece(value)
        self.page_count = piece.page_count
        return piece

    def _report(self) -> None:
        from ._model import _outside_level

        where = f"{self.source}: " if self.source else ""
        level = _outside_level()
        for message in self.warnings:
            warnings.warn(where + message, SkippedRegionWarning, stacklevel=level)

    def entities(self) -> Iterator[Entity]:
        """Every entity of the document, in text order, piece after piece;
        leaving it early closes the stream."""
        try:
            for piece in self:
                yield from piece.entities
        finally:
            self.close()

    def close(self) -> None:
        """Stops the reading and waits for the library's thread (idempotent)."""
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()

    def __enter__(self) -> "PdfStream":
        return self

    def __exit__(self, exc_type: Optional[type], exc: Optional[BaseException],
                 tb: Optional["TracebackType"]) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "open" if self._handle is not None else "ended"
        what = f"{self.source!r}, " if self.source else ""
        return f"<doctag.PdfStream {what}{state}>"
