"""Exceptions: one class per kind of failure, each with the library's code
and its detailed message (doctag_last_error(): file:line, byte offset...).
A file that cannot be opened, read or written raises a :class:`FileError`
subclass that is also the built-in ``OSError`` subclass for its errno, with
``errno``, ``strerror`` and ``filename`` set. A document over one of the
model's :class:`Limits` raises a :class:`LimitError`. Regions of text
skipped (not an error) are reported as :class:`SkippedRegionWarning`."""

from __future__ import annotations

import builtins
import errno as _errno
import os
from typing import Any, Dict, Optional, Tuple, Type

from . import _native

__all__ = [
    "Error",
    "ModelError",
    "TextError",
    "PDFError",
    "EncryptedPDFError",
    "NoTextError",
    "PageRangeError",
    "LimitError",
    "PDFLimitError",
    "SkippedRegionWarning",
    "FileError",
    "FileNotFoundError",
    "PermissionError",
    "IsADirectoryError",
    "UnsupportedFileError",
]


class Error(Exception):
    """Base class of every error raised by doctag.

    Attributes:
        code: the library's negative ``doctag_error`` code.
        name: its English name (``doctag_strerror``), e.g. ``"invalid UTF-8"``.
        message: the detailed message of the failure, e.g.
            ``"mine.dict:2: expected 'ID = variant | ...'"``; also ``str(err)``.
    """

    def __init__(self, message: str, code: int = _native.ERR_INTERNAL) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    @property
    def name(self) -> str:
        """The library's English name of :attr:`code`."""
        return _native.strerror(self.code)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:  # keep code and message across processes
        return (type(self), (self.message, self.code))


class ModelError(Error):
    """A dictionary or model file is malformed (syntax, pattern, format)."""


class TextError(Error, ValueError):
    """Text that is not valid Unicode/UTF-8 (e.g. lone surrogates), or a
    PDF passed as text."""


class FileError(Error, OSError):
    """A file could not be opened, read or written.

    Also an ``OSError``: ``errno`` is the system's error number (0 when
    unknown), ``strerror`` its text and ``filename`` the file, as for the
    built-in exceptions. The subclasses :class:`FileNotFoundError`,
    :class:`PermissionError` and :class:`IsADirectoryError` are also the
    built-in classes of the same names, so ``except FileNotFoundError``
    catches a missing report whichever module raised it.
    """

    def __init__(self, message: str, code: int = _native.ERR_IO, errno: int = 0,
                 filename: Optional[str] = None) -> None:
        OSError.__init__(self, message)
        self.message = message
        self.code = code
        self.errno: Optional[int] = errno or None
        self.strerror: Optional[str] = os.strerror(errno) if errno else message
        self.filename: Optional[str] = filename

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.errno or 0, self.filename))


class FileNotFoundError(FileError, builtins.FileNotFoundError):
    """The file does not exist (ENOENT)."""


class PermissionError(FileError, builtins.PermissionError):
    """The file may not be read or written (EACCES, EPERM)."""


class IsADirectoryError(FileError, builtins.IsADirectoryError):
    """A directory was given where a file is needed (EISDIR)."""


class UnsupportedFileError(FileError, ValueError):
    """A file that is neither a PDF nor UTF-8 text (an image, an archive,
    an empty file): what doctag.tag_file() and Model.pipe() will not tag."""

    def __init__(self, message: str, code: int = _native.ERR_NOT_PDF) -> None:
        FileError.__init__(self, message, code)


class PDFError(Error):
    """A PDF that cannot be turned into text: not a PDF, damaged, empty."""


class EncryptedPDFError(PDFError):
    """An encrypted PDF opened without its password, or with a wrong one."""


class NoTextError(PDFError):
    """A PDF with no text layer on any page (scanned images: needs OCR)."""


class PageRangeError(PDFError, ValueError):
    """The requested pages are not in the document."""


class LimitError(Error):
    """A document over one of the model's :class:`Limits`: more bytes than
    ``max_input_bytes`` (``code`` ERR_LIMIT_INPUT), more entities than
    ``max_entities`` (ERR_LIMIT_ENTITIES), or, as :class:`PDFLimitError`, a
    PDF over ``max_pages`` or ``pdf_page_ms`` (ERR_PDF_LIMIT). The message
    names the limit and the amount, e.g. ``"3 entities, more than the limit
    of 2"``; :attr:`limit` is the field's name."""

    @property
    def limit(self) -> Optional[str]:
        """The :class:`Limits` field that was exceeded (``"max_entities"``...),
        None when the message does not tell which."""
        if self.code == _native.ERR_LIMIT_INPUT:
            return "max_input_bytes"
        if self.code == _native.ERR_LIMIT_ENTITIES:
            return "max_entities"
        if self.code == _native.ERR_PDF_LIMIT:
            if "pages to read" in self.message:
                return "max_pages"
            if "took more" in self.message:
                return "pdf_page_ms"
        return None


class PDFLimitError(LimitError, PDFError):
    """A PDF over a limit: more pages to read than ``max_pages``, a page whose
    text took more CPU time than ``pdf_page_ms`` (a PDF built to exhaust
    readers), or a PDF file larger than ``max_input_bytes``. Both a
    :class:`LimitError` and a :class:`PDFError`."""


class SkippedRegionWarning(UserWarning):
    """A region of a document that a pattern could not search within pcre2's
    match or stack limits (pathological text, e.g. 200 KB of ``"A/A/A/..."``):
    that pattern skipped the region, and everything else was tagged. Each
    is issued through :mod:`warnings` when a document is tagged, and kept
    in ``Document.warnings``. Silence them with
    ``warnings.simplefilter("ignore", doctag.SkippedRegionWarning)``, or make
    them errors with ``"error"``."""


_BY_CODE: Dict[int, Type[Error]] = {
    _native.ERR_UTF8: TextError,
    _native.ERR_IO: FileError,
    _native.ERR_DICT_SYNTAX: ModelError,
    _native.ERR_PATTERN: ModelError,
    _native.ERR_MODEL_FORMAT: ModelError,
    _native.ERR_NOT_PDF: PDFError,
    _native.ERR_PDF_CORRUPT: PDFError,
    _native.ERR_PDF_ENCRYPTED: EncryptedPDFError,
    _native.ERR_PDF_NO_PAGES: PDFError,
    _native.ERR_PDF_NO_TEXT: NoTextError,
    _native.ERR_PAGE_RANGE: PageRangeError,
    _native.ERR_PDF_LIMIT: PDFLimitError,  # too many pages, a page over its time (a PDF bomb)
    _native.ERR_LIMIT_INPUT: LimitError,
    _native.ERR_LIMIT_ENTITIES: LimitError,
}

_BY_ERRNO: Dict[int, Type[FileError]] = {
    _errno.ENOENT: FileNotFoundError,
    _errno.EACCES: PermissionError,
    _errno.EPERM: PermissionError,
    _errno.EISDIR: IsADirectoryError,
}

# Codes whose class depends on what was being done: an empty input is a
# PDFError when reading a PDF, and a PDF too large a PDFLimitError.
_BY_CONTEXT: Dict[str, Type[Error]] = {"pdf": PDFError, "model": ModelError}
_LIMIT_BY_CONTEXT: Dict[str, Type[Error]] = {"pdf": PDFLimitError}

# The verbs of the library's file messages: "cannot open PATH: REASON".
_FILE_VERBS = ("cannot open ", "cannot read ", "cannot create ", "cannot write ")


def _filename_of(message: str, errno: int) -> Optional[str]:
    """PATH out of "cannot open PATH: <strerror(errno)>", else None."""
    suffix = ": " + os.strerror(errno)
    if not message.endswith(suffix):
        return None
    head = message[:-len(suffix)]
    for verb in _FILE_VERBS:
        if head.startswith(verb):
            return head[len(verb):]
    return None


def error_for(code: int, message: str, context: Optional[str] = None,
              errno: int = 0) -> Error:
    """The exception for a failed native call (installed in _native.init).

    Args:
        code: the library's ``doctag_error`` code.
        message: ``doctag_last_error()``.
        context: what was being done: ``"model"``, ``"text"`` or ``"pdf"``.
        errno: ``doctag_last_errno()``, for a file error.

    Returns:
        An instance of the matching :class:`Error` subclass.
    """
    if code == _native.ERR_IO:
        cls_io = _BY_ERRNO.get(errno, FileError)
        return cls_io(message, code, errno, _filename_of(message, errno) if errno else None)
    cls = _BY_CODE.get(code)
    if code == _native.ERR_LIMIT_INPUT:
        cls = _LIMIT_BY_CONTEXT.get(context or "", LimitError)
    if cls is None:
        cls = _BY_CONTEXT.get(context or "", Error) if code == _native.ERR_EMPTY else Error
    return cls(message, code)


_native.init(error_for)
