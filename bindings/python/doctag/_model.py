"""Model: compiled dictionaries, and the calls that tag text and PDFs."""

from __future__ import annotations

import operator
import os
import sys
import warnings
from typing import Any, Iterable, Iterator, Optional, Tuple, Union

from . import _native, _pipe
from ._document import Document
from ._errors import PageRangeError, SkippedRegionWarning, TextError
from ._limits import Limits
from ._stream import PdfStream

__all__ = ["Model", "PathLike", "Pages", "PDFSource"]

PathLike = Union[str, "os.PathLike[str]"]
# a PDF: its path, or its bytes
PDFSource = Union[PathLike, bytes, bytearray, memoryview]
# pages=: one page (3), a pair (first, last), both 1-based and inclusive, or
# a range of page numbers with step 1 (range(1, 4) is pages 1 to 3).
Pages = Union[int, Tuple[int, int], range]

_INT_MAX = 2**31 - 1


def _page_span(pages: Optional[Pages]) -> Tuple[int, int]:
    """pages= as the C API's (first_page, last_page), 1-based, inclusive."""
    if pages is None:
        return 0, 0
    if isinstance(pages, range):
        if pages.step != 1 or len(pages) == 0:
            raise PageRangeError(f"pages={pages!r}: a range of pages must be non-empty "
                                 "with step 1", _native.ERR_PAGE_RANGE)
        first, last = pages.start, pages.stop - 1
    elif isinstance(pages, tuple) and len(pages) == 2:
        first, last = (operator.index(p) for p in pages)
    elif isinstance(pages, (str, bytes)) or not hasattr(pages, "__index__"):
        raise TypeError("pages must be an int, a (first, last) tuple or a range, "
                        f"not {type(pages).__name__}")
    else:
        first = last = operator.index(pages)
    if not 1 <= first <= last <= _INT_MAX:
        raise PageRangeError(f"pages={pages!r}: pages are numbered from 1 and the first "
                             "must not come after the last", _native.ERR_PAGE_RANGE)
    return first, last


def _reader_count(readers: Union[int, str]) -> int:
    """readers= as the C API's doctag_pdf_options.readers ("auto": -1)."""
    if readers == "auto":
        return -1
    if isinstance(readers, (str, bytes, bool)) or not hasattr(readers, "__index__"):
        raise TypeError(f"readers must be an int or 'auto', not {type(readers).__name__}")
    n = operator.index(readers)
    if not 1 <= n <= _INT_MAX:
        raise ValueError(f"readers={readers!r}: at least 1 (or 'auto')")
    return n


def _pdf_source(source: PDFSource) -> Tuple[bytes, bool, Optional[str]]:
    """A PDF's path or bytes as the C API's (data, is_path, name)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), False, None
    name = os.fspath(source)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    return os.fsencode(name), True, name


def _outside_level() -> int:
    """The warnings.warn() stacklevel, as called from the caller of this
    function, of the first frame outside the doctag package: the user's
    line that asked for the document."""
    level, frame = 1, sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "doctag":
        frame = frame.f_back
        level += 1
    return level


def _report(doc: Document) -> Document:
    """Issues each of the document's warnings as a SkippedRegionWarning
    ("SOURCE: MESSAGE" for a file, as the CLI writes them)."""
    if doc.warnings:
        where = f"{doc.source}: " if doc.source else ""
        level = _outside_level()
        for message in doc.warnings:
            warnings.warn(where + message, SkippedRegionWarning, stacklevel=level)
    return doc


def _open_model(path: Optional[str], extra: Tuple[str, ...], limits: Optional[Limits],
                trusted: bool) -> "Model":
    """Model(path, extra, limits=limits, trusted=trusted): what a pickled Model calls."""
    return Model(path, extra, limits=limits, trusted=trusted)


class Model:
    """Compiled dictionaries that tag text and PDFs.

    A Model never changes once open: share one between threads (tagging
    releases the GIL) and send it to worker processes (it pickles as its
    path, dictionaries, limits and trust, and is opened again there).

    Args:
        path: a model file written by ``doctag compile`` or :meth:`save`;
            None (the default) is the model built into the library.
        extra_dictionaries: dictionary source files (``man doctag``,
            DICTIONARIES) compiled and added at load time.
        limits: the :class:`Limits` every document tagged with this model
            is held to: text tagged, PDFs read (by :meth:`tag_pdf`,
            :meth:`tag_file`, :meth:`pipe`) and the model's own files. None
            (the default) is ``Limits()``, the library's defaults.
        trusted: the model file comes from a trusted source (you made it
            with :meth:`save` or ``doctag compile``): its compiled patterns
            are loaded as they are. By default (False) a model file is data
            from outside: it is checked throughout and its patterns are
            compiled again from the sources it holds (tens of milliseconds
            for the default model), as the CLI does without
            ``--trusted-model``. The built-in model is always trusted.

    Raises:
        FileError: a file cannot be read (:class:`FileNotFoundError`,
            :class:`PermissionError`, :class:`IsADirectoryError`).
        ModelError: a malformed dictionary line (with file and line), a
            pattern that does not compile, or not a model file (or a
            damaged or hostile one).
        LimitError: a model or dictionary file larger than
            ``limits.max_input_bytes``.
        TypeError: ``limits`` is not a :class:`Limits`.
    """

    __slots__ = ("_handle", "_path", "_extra", "_limits", "_trusted", "__weakref__")

    def __init__(self, path: Optional[PathLike] = None,
                 extra_dictionaries: Iterable[PathLike] = (), *,
                 limits: Optional[Limits] = None, trusted: bool = False) -> None:
        if isinstance(extra_dictionaries, (str, bytes, os.PathLike)):
            extra_dictionaries = [extra_dictionaries]  # one file, not its characters
        if limits is None:
            limits = Limits()
        elif not isinstance(limits, Limits):
            raise TypeError(f"limits must be a doctag.Limits, not {type(limits).__name__}")
        self._path = os.fspath(path) if path is not None else None
        self._extra = tuple(os.fspath(d) for d in extra_dictionaries)
        self._limits = limits
        self._trusted = bool(trusted)
        self._handle = _native.model_open(
            os.fsencode(self._path) if self._path is not None else None,
            tuple(os.fsencode(d) for d in self._extra), limits._as_tuple(), self._trusted)

    @property
    def path(self) -> Optional[str]:
        """The model file, or None for the built-in default model."""
        return self._path  # type: ignore[return-value]

    @property
    def extra_dictionaries(self) -> Tuple[str, ...]:
        """The dictionary source files added at load time."""
        return self._extra  # type: ignore[return-value]

    @property
    def limits(self) -> Limits:
        """The :class:`Limits` this model holds every document to."""
        return self._limits  # type: ignore[return-value]

    @property
    def trusted(self) -> bool:
        """Whether the model file's compiled patterns were loaded as they are."""
        return self._trusted  # type: ignore[return-value]

    @property
    def entry_count(self) -> int:
        """Number of dictionary entries (names and patterns) in the model."""
        return _native.model_entry_count(self._handle)

    def __reduce__(self) -> Tuple[Any, ...]:
        if self._limits == Limits() and not self._trusted:
            return (Model, (self._path, self._extra))  # as before limits existed
        return (_open_model, (self._path, self._extra, self._limits, self._trusted))

    def __repr__(self) -> str:
        what = repr(self._path) if self._path is not None else "default"
        extra = f", extra_dictionaries={list(self._extra)!r}" if self._extra else ""
        limits = f", limits={self._limits!r}" if self._limits.changed() else ""
        trusted = ", trusted" if self._trusted else ""
        return f"<doctag.Model {what}{extra}{limits}{trusted}, {self.entry_count} entries>"

    def save(self, path: PathLike) -> None:
        """Writes the model in the compiled format ``Model(path)`` reads.

        Args:
            path: the file to write (replaced if it exists).

        Raises:
            FileError: it cannot be written (e.g. :class:`IsADirectoryError`).
        """
        _native.model_save(self._handle, os.fsencode(os.fspath(path)))

    def tag_text(self, text: Union[str, bytes, bytearray, memoryview]) -> Document:
        """Tags a str, or UTF-8 bytes.

        Bytes are tagged as they are, with no str to encode, and the
        document's text is only decoded if asked for: the fast way for a
        pipeline that reads files (``model.tag_text(path.read_bytes())``).
        An empty text gives an empty Document (no entities) rather than an
        error, as the C library and the CLI do, so that tagging a column of
        a table never stops on a blank cell.

        Args:
            text: the text, a str or UTF-8 bytes.

        Returns:
            A :class:`Document`; entity offsets are indices into its
            ``text`` (for bytes, the decoded str). Regions skipped by a
            pattern (pathological text) are in its ``warnings``, each also
            issued as a :class:`SkippedRegionWarning`.

        Raises:
            TextError: invalid UTF-8 (with the byte offset), a str with lone
                surrogates, or a PDF's bytes ("this is a PDF: use tag_pdf").
            LimitError: a text over the model's ``limits.max_input_bytes``
                (in UTF-8 bytes), or with more entities than
                ``limits.max_entities``.
            TypeError: neither str nor bytes.
        """
        return self._tag_text(text, None)

    def _tag_text(self, text: Union[str, bytes, bytearray, memoryview],
                  source: Optional[str]) -> Document:
        """tag_text(), the Document's ``source`` set (and named in its warnings)."""
        if isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
            if data[:1024].lstrip().startswith(b"%PDF-"):
                raise TextError("this is a PDF: use tag_pdf() (tag_text() takes text)",
                                _native.ERR_ARG)
            rows, warned = _native.tag_utf8(self._handle, data)
            return _report(Document._from_utf8(data, rows, source=source, warnings=warned))
        if not isinstance(text, str):
            raise TypeError(f"tag_text() needs a str or UTF-8 bytes, not {type(text).__name__} "
                            "(use tag_pdf for a PDF)")
        if not text:
            return Document(text, [], source=source)
        if text[:1024].lstrip().startswith("%PDF-"):
            raise TextError("this is a PDF: use tag_pdf() (tag_text() takes text)",
                            _native.ERR_ARG)
        rows, warned = _native.tag_text(self._handle, text)
        return _report(Document._from_rows(text, rows, source=source, warnings=warned))

    def tag_pdf(self, source: PDFSource, *,
                pages: Optional[Pages] = None, password: Optional[str] = None,
                readers: Union[int, str] = 1) -> Document:
        """Extracts the text of a PDF and tags it.

        Args:
            source: a file path, or the PDF's bytes.
            pages: the pages to read, 1-based and inclusive: ``3``, ``(2, 5)``
                or ``range(2, 6)``; None reads them all.
            password: opens an encrypted PDF.
            readers: how many processes read the pages at once: ``1`` (the
                default), ``N``, or ``"auto"`` (one per CPU this process may
                use, at most 8); never more than one per 8 pages. The
                document is the same whatever the number; a long PDF is
                read faster on free cores. Where the pages are read in
                process (a thread pool without the helper program), one.

        Returns:
            A :class:`Document` with ``pages``, ``page_count``,
            ``pages_without_text``, ``page_starts`` and ``source`` (the path,
            None for bytes) set; each entity has its page and boxes.
            Regions skipped by a pattern are in its ``warnings`` (and
            issued as :class:`SkippedRegionWarning`).

        Raises:
            FileError: the file cannot be read (:class:`FileNotFoundError`,
                :class:`PermissionError`, :class:`IsADirectoryError`).
            PDFError: not a PDF, or a damaged or empty one; its subclasses
                :class:`EncryptedPDFError` (password missing or wrong),
                :class:`NoTextError` (scanned pages: OCR needed) and
                :class:`PageRangeError` (pages not in the document).
            PDFLimitError: a PDF over the model's ``limits``: more pages to
                read than ``max_pages``, a page over ``pdf_page_ms`` of CPU
                time, a file over ``max_input_bytes`` (a :class:`PDFError`
                and a :class:`LimitError`); :class:`LimitError` for more
                entities than ``max_entities``.
            TypeError: `pages` or `readers` of the wrong type.
            ValueError: `readers` below 1 (or a string other than "auto").
        """
        first, last = _page_span(pages)
        n_readers = _reader_count(readers)
        pw = password.encode("utf-8") if password is not None else None
        data, is_path, name = _pdf_source(source)
        text, page_count, no_text, rows, starts, warned = _native.tag_pdf(
            self._handle, data, is_path, pw, first, last, n_readers)
        span = range(first or 1, (last or page_count) + 1)
        doc = Document._from_rows(text, rows, pages=span, page_count=page_count,
                                  pages_without_text=no_text, page_starts=starts, source=name,
                                  warnings=warned)
        doc._password = pw  # for save_highlighted()
        return _report(doc)

    def stream_pdf(self, source: PDFSource, *,
                   pages: Optional[Pages] = None, password: Optional[str] = None,
                   readers: Union[int, str] = 1,
                   window_pages: Optional[int] = None) -> PdfStream:
        """Extracts and tags a PDF a piece at a time, in bounded memory.

        For a long PDF in a notebook or a pipeline: the memory in use is
        that of a window of pages and a few pieces, not of the document (a
        600-page report takes no more than a 300-page one), and the first
        entities come before the last page is read::

            for piece in model.stream_pdf("report.pdf"):
                for e in piece.entities:      # start/end index the whole text
                    print(e.page, e.type, e.text)

        The pieces' texts one after the other are :meth:`tag_pdf`'s text,
        and their entities its entities (the same :class:`Entity`, offsets
        into the whole text), for a PDF of at most ``window_pages`` pages;
        a longer one has its running headers and footers found among the
        pages around each page, and its line-break hyphens resolved from the
        words read so far, instead of the whole document's.

        Args:
            source, pages, password, readers: as :meth:`tag_pdf`.
            window_pages: the pages the library keeps at most (None: 128;
                at least 2).

        Returns:
            A :class:`PdfStream`: an iterator of :class:`Piece` (and a
            context manager). The reading runs on a thread of the library's,
            with the GIL released; leaving the loop early (``break``), or
            ``close()``, stops it and waits for it.

        Raises:
            The errors of :meth:`tag_pdf`, from the iteration: where they
            happen, after the pieces before them (a missing file or a
            damaged PDF at the first ``next()``).
            TypeError, ValueError: `pages`, `readers` or `window_pages` of
            the wrong type or value, at the call.
        """
        first, last = _page_span(pages)
        n_readers = _reader_count(readers)
        window = 0 if window_pages is None else operator.index(window_pages)
        if window_pages is not None and not 2 <= window <= _INT_MAX:
            raise ValueError(f"window_pages={window_pages!r}: at least 2 (or None)")
        pw = password.encode("utf-8") if password is not None else None
        data, is_path, name = _pdf_source(source)
        handle = _native.stream_pdf(self._handle, data, is_path, pw, first, last, n_readers,
                                    window)
        return PdfStream(handle, name)

    def tag_file(self, path: PathLike, *, pages: Optional[Pages] = None,
                 password: Optional[str] = None) -> Document:
        """Tags a file as the CLI does: a PDF if its content is one (whatever
        its name), else UTF-8 text. An archive, an image or an empty file
        raises :class:`UnsupportedFileError`. ``pages`` and ``password``
        apply to a PDF; the model's limits to both."""
        return _pipe.tag_file(self, path, pages=pages, password=password)

    def pipe(self, items: Iterable[Any], n_threads: Optional[int] = None, *,
             pages: Optional[Pages] = None, password: Optional[str] = None,
             as_tuples: bool = False, errors: str = "raise") -> Iterator[Any]:
        """Tags many file paths or documents' bytes (PDF or text, by
        content) on ``n_threads`` threads (default: the cores), yielding the
        Documents in input order; memory stays bounded for a generator of
        any length (2 x n_threads in flight).

        ``as_tuples=True``: items are ``(source, context)`` pairs, and so are
        the results. The model's :class:`Limits` apply to every document
        (a :class:`LimitError` is one document's failure). ``errors="return"`` yields the :class:`Error` in place
        of a document that fails instead of raising it::

            for doc in model.pipe(paths, n_threads=4, errors="return"):
                if isinstance(doc, doctag.Error): log(doc)
        """
        return _pipe.pipe(self, items, n_threads, pages=pages, password=password,
                          as_tuples=as_tuples, errors=errors)
