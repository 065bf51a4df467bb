"""doctag: tag legal instruments, UN document symbols, agencies and money
in reports (UTF-8 text and PDF).

    >>> import doctag
    >>> model = doctag.Model()
    >>> doc = model.tag_text("ICE paid Palantir $91.9 million.")
    >>> [(e.type, e.text, e.canonical) for e in doc]
    [('agency', 'ICE', {'id': 'ICE'}), ('money', '$91.9 million', {'value': 91900000, 'currency': 'USD'})]
    >>> doc = model.tag_pdf("report.pdf", pages=(1, 3))
    >>> doc.to_pandas()

Entity offsets are Python string indices into ``Document.text``; canonical
forms are dicts with typed numbers (int, or decimal.Decimal when not whole).
Errors are subclasses of :class:`doctag.Error` carrying the library's code
and message. A model holds every document to its :class:`doctag.Limits`
(``Model(limits=doctag.Limits(max_pages=500))``; over one:
:class:`doctag.LimitError`); regions of pathological text a pattern had to
skip are in ``Document.warnings`` and issued as
:class:`doctag.SkippedRegionWarning`. The native part is one abi3 extension
over libdoctag.so.1.
"""

import threading
from typing import Any, Dict, Optional, Tuple, Union

try:
    from . import _native
except ImportError as _exc:  # the source tree, or a build without the extension
    raise ImportError(
        f"doctag's extension doctag._native is not importable from {__path__[0]} ({_exc}). "
        "Build it with meson (see bindings/python/README.md) and put "
        "<builddir>/bindings/python on PYTHONPATH, or install it with meson install"
    ) from _exc
from ._document import Box, Document, Entity, parse_canonical
from ._errors import (EncryptedPDFError, Error, FileError, FileNotFoundError,
                      IsADirectoryError, LimitError, ModelError, NoTextError, PageRangeError,
                      PDFError, PDFLimitError, PermissionError, SkippedRegionWarning, TextError,
                      UnsupportedFileError)
from ._html import COLOURS as _COLOURS
from ._limits import Limits
from ._model import Model, Pages, PathLike, PDFSource
from ._pipe import to_pandas
from ._stream import PdfStream, Piece
from ._version import __version__

__all__ = [
    "Model", "Limits", "Document", "Entity", "Box", "parse_canonical", "version", "ENTITY_TYPES",
    "COLORS", "DISPLACY_OPTIONS",
    "Error", "ModelError", "TextError", "FileError", "FileNotFoundError", "PermissionError",
    "IsADirectoryError", "PDFError", "EncryptedPDFError", "NoTextError", "PageRangeError",
    "UnsupportedFileError", "LimitError", "PDFLimitError", "SkippedRegionWarning", "tag_file", "to_pandas", "default_model", "__version__",
    "stream_pdf", "PdfStream", "Piece",
]

# The entity types, in the library's order: money, un_symbol, agency, instrument.
ENTITY_TYPES: Tuple[str, ...] = tuple(_native.TYPE_NAMES)

# The highlight colour of each type (CSS "#rrggbb"), in notebooks and PDFs.
COLORS: Dict[str, str] = dict(_COLOURS)

# spaCy displaCy options with doctag's colours, for Document.to_displacy():
#   displacy.render(doc.to_displacy(), style="ent", manual=True, options=DISPLACY_OPTIONS)
DISPLACY_OPTIONS: Dict[str, Any] = {"colors": {t.upper(): c for t, c in COLORS.items()}}


def version() -> str:
    """The version of the libdoctag library actually loaded.

    Returns:
        e.g. ``"0.1.0"``; ``__version__`` is the version these bindings
        were built as.
    """
    return _native.version()


_default_model = None
_default_lock = threading.Lock()


def default_model() -> Model:
    """The built-in model, opened once per process (thread-safe)."""
    global _default_model
    with _default_lock:
        if _default_model is None:
            _default_model = Model()
        return _default_model


def tag_file(path: PathLike, *, model: Optional[Model] = None, pages: Optional[Pages] = None,
             password: Optional[str] = None) -> Document:
    """Tags a file, PDF or UTF-8 text by content as the CLI decides, with
    ``model`` (default: the built-in model, opened once). See
    :meth:`Model.tag_file`."""
    return (model or default_model()).tag_file(path, pages=pages, password=password)


def stream_pdf(source: PDFSource, *, model: Optional[Model] = None,
               pages: Optional[Pages] = None, password: Optional[str] = None,
               readers: Union[int, str] = 1, window_pages: Optional[int] = None) -> PdfStream:
    """Tags a PDF a piece at a time, in memory bounded by a window of pages,
    with ``model`` (default: the built-in model, opened once)::

        for piece in doctag.stream_pdf("report.pdf"):
            print(piece.pages, len(piece.entities))

    See :meth:`Model.stream_pdf`."""
    return (model or default_model()).stream_pdf(source, pages=pages, password=password,
                                                 readers=readers, window_pages=window_pages)
