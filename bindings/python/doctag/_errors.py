"""Exceptions: one class per kind of failure, each with the library's code
and its detailed message (doctag_last_error(): file:line, byte offset...)."""

from __future__ import annotations

from typing import Dict, Optional, Type

from . import _native

__all__ = [
    "Error",
    "ModelError",
    "TextError",
    "PDFError",
    "EncryptedPDFError",
    "NoTextError",
    "PageRangeError",
    "FileError",
]


class Error(Exception):
    """Base class of every error raised by doctag.

    ``code`` is the library's negative ``doctag_error`` code, ``name`` its
    English name (``doctag_strerror``) and ``message`` the detailed message
    of the failure, e.g. ``"mine.dict:2: expected 'ID = variant | ...'"``.
    """

    def __init__(self, message: str, code: int = _native.ERR_INTERNAL) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    @property
    def name(self) -> str:
        return _native.strerror(self.code)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # keep code and message across processes
        return (type(self), (self.message, self.code))


class ModelError(Error):
    """A dictionary or model file is malformed (syntax, pattern, format)."""


class TextError(Error, ValueError):
    """Text that is not valid Unicode/UTF-8 (e.g. lone surrogates)."""


class FileError(Error, OSError):
    """A file could not be read or written."""

    def __init__(self, message: str, code: int = _native.ERR_IO) -> None:
        OSError.__init__(self, message)
        self.message = message
        self.code = code


class PDFError(Error):
    """A PDF that cannot be turned into text: not a PDF, damaged, empty."""


class EncryptedPDFError(PDFError):
    """An encrypted PDF opened without its password, or with a wrong one."""


class NoTextError(PDFError):
    """A PDF with no text layer on any page (scanned images: needs OCR)."""


class PageRangeError(PDFError, ValueError):
    """The requested pages are not in the document."""


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
    _native.ERR_PDF_LIMIT: PDFError,  # a page over the time limit (a PDF bomb)
}

# Codes whose class depends on what was being done: an empty input is a
# PDFError when reading a PDF.
_BY_CONTEXT: Dict[str, Type[Error]] = {"pdf": PDFError, "model": ModelError}


def error_for(code: int, message: str, context: Optional[str] = None) -> Error:
    """The exception for a failed native call (installed in _native.init)."""
    cls = _BY_CODE.get(code)
    if cls is None:
        cls = _BY_CONTEXT.get(context or "", Error) if code == _native.ERR_EMPTY else Error
    return cls(message, code)


_native.init(error_for)
