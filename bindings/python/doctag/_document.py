"""Results as plain Python values: Document, Entity, Box, canonical forms."""

from __future__ import annotations

import os
from decimal import Decimal
from functools import lru_cache
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple,
                    Optional, Sequence, Tuple, Union, overload)

if TYPE_CHECKING:
    import pandas

    from ._html import Rendered

__all__ = ["Box", "Entity", "Document", "parse_canonical"]

Number = Union[int, Decimal]

# Canonical keys that hold amounts: typed as numbers, everything else is str.
NUMERIC_KEYS = frozenset({"value", "min", "max"})


class Box(NamedTuple):
    """Where (part of) an entity sits on a PDF page: one box per line it
    spans, in PDF points, origin at the page's top-left corner."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float


def _number(s: str) -> Union[Number, str]:
    """'91900000' -> 91900000, '3.5' -> Decimal('3.5'); anything else stays str."""
    try:
        return int(s)
    except ValueError:
        pass
    try:
        d = Decimal(s)
    except ArithmeticError:
        return s
    return d if d.is_finite() else s


@lru_cache(maxsize=4096)
def _parse_canonical(raw: str) -> Tuple[Tuple[str, Any], ...]:
    items = []
    for part in raw.split(";"):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:
            items.append((key, ""))
        elif key in NUMERIC_KEYS:
            items.append((key, _number(value)))
        else:
            items.append((key, value))
    return tuple(items)


def parse_canonical(raw: str) -> Dict[str, Any]:
    """Turns the library's canonical form into a dict with typed numbers.

    ``"value=91900000;currency=USD"`` -> ``{"value": 91900000, "currency": "USD"}``.
    ``value``, ``min`` and ``max`` become ``int`` when whole and
    ``decimal.Decimal`` otherwise (exact: ``"value=3.5"`` -> ``Decimal("3.5")``);
    every other key (``id``, ``symbol``, ``currency``, ``qualifier``...) stays
    a ``str``, even when it looks like a number.

    Args:
        raw: the library's ``key=value;key=value`` string.

    Returns:
        A new dict, one item per key, in the string's order.
    """
    return dict(_parse_canonical(raw))


class Entity(NamedTuple):
    """One tagged span.

    ``start`` and ``end`` are indices into ``Document.text`` (Python string
    indices, i.e. code points, not the C API's byte offsets), so
    ``doc.text[e.start:e.end] == e.text``. ``canonical`` is the parsed
    canonical form (see :func:`parse_canonical`), ``canonical_raw`` the
    library's string. For a PDF, ``page`` is the 1-based page of the first
    box, ``boxes`` one :class:`Box` per line the span covers and ``bbox`` the
    union of the boxes on that first page; all three are ``None`` for text.

    An immutable record (a named tuple: fields cannot be set), cheap to make
    by the ten thousand.
    """

    type: str
    text: str
    start: int
    end: int
    canonical: Dict[str, Any]
    canonical_raw: str
    page: Optional[int]
    boxes: Optional[Tuple[Box, ...]]

    def __repr__(self) -> str:
        """Compact: ``<agency 'DHS' id=DHS p.3>`` (no page for text)."""
        page = f" p.{self.page}" if self.page else ""
        return f"<{self.type} {self.text!r} {self.canonical_raw}{page}>"

    # canonical is a dict: leave it out of the hash (equality still uses it)
    def __hash__(self) -> int:
        return hash((self.type, self.text, self.start, self.end, self.canonical_raw,
                     self.page, self.boxes))

    @property
    def surface(self) -> str:
        """The text with each run of whitespace (a PDF's line breaks) as one space."""
        return " ".join(self.text.split())

    @property
    def bbox(self) -> Optional[Tuple[float, float, float, float]]:
        """The union (x0, y0, x1, y1) of the boxes on the first page, None for text."""
        if not self.boxes:
            return None
        first = [b for b in self.boxes if b.page == self.boxes[0].page]
        return (min(b.x0 for b in first), min(b.y0 for b in first),
                max(b.x1 for b in first), max(b.y1 for b in first))

    def to_record(self) -> Dict[str, Any]:
        """A flat dict: type, text, start, end, page, canonical (the string)
        and one key per canonical key (value, currency, id, symbol...).

        Returns:
            A new dict; a canonical key that clashes with a field is
            prefixed ``canonical_``.
        """
        rec: Dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "canonical": self.canonical_raw,
        }
        for key, value in self.canonical.items():
            rec[key if key not in rec else "canonical_" + key] = value
        return rec


_tuple_new = tuple.__new__
_box = Box._make


def _entity(row: Sequence[Any]) -> Entity:
    """An Entity from _native's (type, text, start, end, canonical, page, boxes)."""
    type_, text, start, end, raw, page, boxes = row
    return _tuple_new(Entity, (type_, text, start, end, dict(_parse_canonical(raw)), raw,
                               page or None, tuple(map(_box, boxes)) if page else None))


# Columns of to_pandas(), in order, before the canonical keys.
BASE_COLUMNS = ("type", "text", "start", "end", "page", "canonical")


class Document:
    """A tagged document: its text and the entities found in it.

    Iterating, ``len()`` and indexing go over the entities, in document
    order. For a PDF, ``text`` is the extracted text, ``pages`` the range of
    page numbers that were read, ``page_count`` the number of pages the
    library reports, ``pages_without_text`` those with no text layer,
    ``page_starts`` the index in ``text`` where each page read begins and
    ``source`` the file's path (None for bytes). ``warnings`` holds the
    library's message for each region of text skipped because a pattern hit
    a match limit there (pathological text; the rest is tagged), empty
    normally; each was also issued as a :class:`SkippedRegionWarning`. In a
    notebook the document shows itself with its entities highlighted (see
    :meth:`render`).

    Args:
        text: the document's text.
        entities: its entities, in document order.
        pages, page_count, pages_without_text, page_starts, source: as the
            attributes, for a PDF.
        warnings: as the attribute.
    """

    __slots__ = ("_text", "_utf8", "_entities", "_rows", "pages", "page_count",
                 "pages_without_text", "page_starts", "source", "warnings", "_password")

    def __init__(self, text: str, entities: Sequence[Entity] = (), *,
                 pages: Optional[range] = None, page_count: Optional[int] = None,
                 pages_without_text: Tuple[int, ...] = (), page_starts: Tuple[int, ...] = (),
                 source: Optional[str] = None, warnings: Tuple[str, ...] = ()) -> None:
        self._text: Optional[str] = text
        self._utf8: Optional[bytes] = None
        self._entities: Optional[List[Entity]] = list(entities)
        self._rows: Optional[List[Any]] = None
        self._password: Optional[bytes] = None
        self.pages: Optional[range] = pages
        self.page_count: Optional[int] = page_count
        self.pages_without_text: Tuple[int, ...] = pages_without_text
        self.page_starts: Tuple[int, ...] = page_starts
        self.source: Optional[str] = source
        self.warnings: Tuple[str, ...] = tuple(warnings)

    @classmethod
    def _from_rows(cls, text: str, rows: List[Any], **kwargs: Any) -> "Document":
        """A Document over _native's rows; the Entity objects are made the
        first time they are asked for (a pipeline that only counts or
        filters by type pays for none of them)."""
        doc = cls(text, **kwargs)
        doc._entities = None
        doc._rows = rows
        return doc

    @classmethod
    def _from_utf8(cls, data: bytes, rows: List[Any], **kwargs: Any) -> "Document":
        """A Document over UTF-8 bytes: ``text`` is decoded when first asked for."""
        doc = cls._from_rows("", rows, **kwargs)
        doc._text = None
        doc._utf8 = data
        return doc

    @property
    def text(self) -> str:
        """The document's text; entity offsets index this str."""
        if self._text is None:
            self._text = (self._utf8 or b"").decode("utf-8")
            self._utf8 = None
        return self._text

    @property
    def entities(self) -> List[Entity]:
        """The entities, in document order."""
        if self._entities is None:
            self._entities = [_entity(r) for r in self._rows or ()]
            self._rows = None
        return self._entities

    def __getstate__(self) -> Dict[str, Any]:
        return {"text": self.text, "entities": self.entities, "pages": self.pages,
                "page_count": self.page_count, "pages_without_text": self.pages_without_text,
                "page_starts": self.page_starts, "source": self.source,
                "warnings": self.warnings}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        # a state pickled before warnings existed has none: the default ()
        entities = state.pop("entities")
        self.__init__(state.pop("text"), entities, **state)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self._rows) if self._entities is None else len(self._entities)

    @overload
    def __getitem__(self, index: int) -> Entity: ...

    @overload
    def __getitem__(self, index: slice) -> List[Entity]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Entity, List[Entity]]:
        return self.entities[index]

    def __repr__(self) -> str:
        what = f"{self.source!r}, " if self.source else ""
        pages = f", pages {self.pages.start}-{self.pages.stop - 1}" if self.pages else ""
        n = len(self.warnings)
        warned = f", {n} warning{'s' if n != 1 else ''}" if n else ""
        return (f"<doctag.Document {what}{len(self.entities)} entities, {len(self.text)} chars"
                f"{pages}{warned}>")

    def on_page(self, page: int) -> List[Entity]:
        """The entities whose first box is on `page`.

        Args:
            page: a 1-based page number.

        Returns:
            A new list, empty for a text document.
        """
        return [e for e in self.entities if e.page == page]

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per entity (see :meth:`Entity.to_record`).

        Returns:
            A new list of dicts, in document order.
        """
        return [e.to_record() for e in self.entities]

    def to_displacy(self) -> Dict[str, Any]:
        """The document in spaCy displaCy's manual format.

        Returns:
            ``{"text": ..., "ents": [{"start", "end", "label"}], "title": ...}``
            with character offsets into ``text``, the labels upper-case
            (``AGENCY``, ``MONEY``, ``UN_SYMBOL``, ``INSTRUMENT``) and the
            source file as the title (None for text). Render it with
            ``spacy.displacy.render(doc.to_displacy(), style="ent",
            manual=True, options=doctag.DISPLACY_OPTIONS)``.
        """
        return {"text": self.text,
                "ents": [{"start": e.start, "end": e.end, "label": e.type.upper()}
                         for e in self.entities],
                "title": self.source}

    def render(self, types: Optional[Iterable[str]] = None,
               colors: Optional[Mapping[str, str]] = None,
               max_chars: Optional[int] = None) -> "Rendered":
        """The text as HTML with each entity highlighted, as a notebook shows it.

        A legend gives each type's colour and count (and the number of
        regions skipped, if any: see ``warnings``); page breaks of a PDF are
        marked; an entity that wraps over a line break is one highlight.

        Args:
            types: only these entity types (e.g. ``["agency", "money"]``);
                None shows all.
            colors: CSS colours by type, over the defaults (the library's,
                also used by :meth:`save_highlighted`), e.g.
                ``{"money": "#ffd54f"}``.
            max_chars: cut the text after this many characters (default
                200,000); the entities after the cut are not shown.

        Returns:
            The HTML, a ``str`` that notebooks display as HTML.

        Raises:
            ValueError: an unknown type, or a colour that is not CSS.
        """
        from ._html import MAX_CHARS, render

        return render(self, max_chars=MAX_CHARS if max_chars is None else max_chars,
                      types=types, colors=colors)

    def save_highlighted(self, path: Union[str, "os.PathLike[str]"], *,
                         types: Optional[Iterable[str]] = None,
                         colors: Optional[Mapping[str, str]] = None) -> None:
        """Writes a copy of the PDF with each entity highlighted.

        One highlight annotation per entity (and page it spans), in its
        type's colour, with a note holding its type and canonical form
        (``"agency: id=ICE"``), as ``doctag highlight`` writes.

        Args:
            path: the PDF to write; it may be the source itself.
            types: only these entity types; None highlights all.
            colors: ``"#rrggbb"`` colours by type, over the defaults.

        Raises:
            ValueError: the document was not read from a PDF file
                (``Model.tag_pdf(path)``), an unknown type, a bad colour.
            FileError: the source cannot be read or `path` written
                (:class:`FileNotFoundError`, :class:`PermissionError`...).
            PDFError: the source is no longer the PDF that was tagged.
        """
        from ._highlight import save_highlighted

        if self.source is None:
            raise ValueError("save_highlighted() needs a Document from Model.tag_pdf(path), "
                             "with the PDF's file path: this one has none")
        save_highlighted(self.entities, self.source, os.fspath(path), self._password,
                         types, colors)

    def to_pandas(self) -> "pandas.DataFrame":
        """The entities as a pandas DataFrame, one row each.

        Columns: type, text, start, end, page (nullable Int64), canonical (the
        library's string), then one column per canonical key; ``value``,
        ``min`` and ``max`` are float64 (NaN where absent).

        Returns:
            A new DataFrame.

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError(
                "Document.to_pandas() needs pandas, which is not installed "
                "(Debian: apt-get install python3-pandas); Document.to_records() "
                "gives the same rows as dicts") from exc
        records = self.to_records()
        extra: List[str] = []
        for rec in records:
            extra.extend(k for k in rec if k not in BASE_COLUMNS and k not in extra)
        df = pd.DataFrame.from_records(records, columns=list(BASE_COLUMNS) + extra)
        df["page"] = df["page"].astype("Int64")
        for key in NUMERIC_KEYS & set(df.columns):
            df[key] = pd.to_numeric(df[key].map(lambda v: float(v) if v is not None else None),
                                    errors="coerce").astype("float64")
        return df

    def _repr_html_(self) -> str:
        return str(self.render())
