"""Document.save_highlighted(): a copy of the PDF with its entities
highlighted, through the library's doctag_pdf_highlight() (poppler-glib
annotations), as `doctag highlight` writes it."""

from __future__ import annotations

import os
import re
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple

from . import _native
from ._document import Entity
from ._html import resolve_types

__all__ = ["save_highlighted"]

_HEX = re.compile(r"#([0-9a-fA-F]{6})")

_Mark = Tuple[int, bytes, int, Tuple[Tuple[int, float, float, float, float], ...]]


def _rgb(type_: str, colour: str) -> int:
    """'#ffb74d' -> 0xffb74d (0 would mean the default: black is 0x000001)."""
    match = _HEX.fullmatch(colour) if isinstance(colour, str) else None
    if match is None:
        raise ValueError(f"colors[{type_!r}] = {colour!r}: a highlighted PDF takes "
                         "'#rrggbb' colours")
    return int(match.group(1), 16) or 1


def save_highlighted(entities: Sequence[Entity], source: str, out: str,
                     password: Optional[bytes], types: Optional[Iterable[str]],
                     colors: Optional[Mapping[str, str]]) -> None:
    """Highlights `entities` of the PDF file `source` into `out` (see
    :meth:`doctag.Document.save_highlighted`)."""
    shown = set(resolve_types(types))
    resolve_types(list(colors or {}))
    rgb = {t: _rgb(t, c) for t, c in (colors or {}).items()}
    index = {name: i for i, name in enumerate(_native.TYPE_NAMES)}
    marks: List[_Mark] = []
    for e in entities:
        if e.type not in shown or not e.boxes:
            continue
        note = f"{e.type}: {e.canonical_raw}".encode("utf-8")
        marks.append((index[e.type], note, rgb.get(e.type, 0), tuple(tuple(b) for b in e.boxes)))
    _native.pdf_highlight(os.fsencode(source), password, marks, os.fsencode(out))
