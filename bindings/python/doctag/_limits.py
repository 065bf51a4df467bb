"""Limits: the work one document may take, so that hostile or broken input
ends with a :class:`LimitError` naming the limit instead of exhausting the
machine's memory or time."""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, Dict, Tuple

from . import _native

__all__ = ["Limits"]

# The library's defaults (doctag_limits_init), asked of it so they never drift.
_DEFAULTS: Tuple[int, int, int, int] = _native.default_limits()
_FIELDS = ("max_input_bytes", "max_entities", "max_pages", "pdf_page_ms")
# the C fields: two size_t (read through Py_ssize_t) and two int
_MAXIMA = (2**63 - 1, 2**63 - 1, 2**31 - 1, 2**31 - 1)


@dataclasses.dataclass(frozen=True)
class Limits:
    """Limits on the work of one document, held to by a :class:`Model`
    (``Model(limits=...)``) in everything it tags and every PDF it reads.

    Every field defaults to the library's default (``Limits()`` are the
    defaults, as ``doctag_limits_init()`` gives them); ``0`` also means the
    default, as in the C API. Change one with
    ``dataclasses.replace(limits, max_pages=10)``.

    Attributes:
        max_input_bytes: bytes of text tagged, or of a file read by path
            (PDF, model, dictionary); beyond it :class:`LimitError`
            (:class:`PDFLimitError` for a PDF). Default 256 MiB.
        max_entities: entities in one document; beyond it
            :class:`LimitError`. Default 1,000,000.
        max_pages: pages read from one PDF (after ``pages=``); beyond it
            :class:`PDFLimitError`. Default 100,000.
        pdf_page_ms: CPU milliseconds the PDF reader may spend on one page
            (a page built to exhaust readers); beyond it
            :class:`PDFLimitError`. Default 4,000 (real pages take < 100).
    """

    max_input_bytes: int = _DEFAULTS[0]
    max_entities: int = _DEFAULTS[1]
    max_pages: int = _DEFAULTS[2]
    pdf_page_ms: int = _DEFAULTS[3]

    def __post_init__(self) -> None:
        for name, default, top in zip(_FIELDS, _DEFAULTS, _MAXIMA):
            value = getattr(self, name)
            if isinstance(value, bool) or not hasattr(value, "__index__"):
                raise TypeError(f"Limits.{name} must be an int, not {type(value).__name__}")
            value = operator.index(value)
            if not 0 <= value <= top:
                raise ValueError(f"Limits.{name}={value}: must be between 0 (the default) "
                                 f"and {top}")
            object.__setattr__(self, name, value or default)

    def changed(self) -> Dict[str, int]:
        """The fields that differ from the library's defaults, by name."""
        return {name: getattr(self, name) for name, default in zip(_FIELDS, _DEFAULTS)
                if getattr(self, name) != default}

    def __repr__(self) -> str:
        """Only the fields that differ from the defaults: ``Limits(max_pages=10)``."""
        return "Limits(" + ", ".join(f"{k}={v!r}" for k, v in self.changed().items()) + ")"

    def _as_tuple(self) -> Tuple[int, int, int, int]:
        return (self.max_input_bytes, self.max_entities, self.max_pages, self.pdf_page_ms)

    def __reduce__(self) -> Tuple[Any, ...]:
        # by value, field by field: unpickled where the defaults may differ,
        # the fields keep the values they had
        return (Limits, self._as_tuple())
