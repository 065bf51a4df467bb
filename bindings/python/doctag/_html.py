"""A Document as HTML for notebooks: the text with each entity highlighted,
a colour per type and a small type label, in the manner of spaCy's displaCy;
a legend with the count of each type, page breaks marked, and an entity
that wraps over a line break shown as one highlight. Every piece of
document text is HTML-escaped."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from . import _native

if TYPE_CHECKING:
    from ._document import Document

__all__ = ["COLOURS", "DEFAULT_COLOUR", "MAX_CHARS", "Rendered", "render", "resolve_types",
           "resolve_colours"]

# The library's highlight colours (doctag_type_color), as CSS: the same in
# a notebook and in a highlighted PDF.
COLOURS: Dict[str, str] = {name: f"#{_native.type_color(i):06x}"
                           for i, name in enumerate(_native.TYPE_NAMES)}
DEFAULT_COLOUR = "#dddddd"

# Past this many characters the text is cut (entities after it are not shown).
MAX_CHARS = 200_000

# A CSS colour, and nothing that could close the style attribute.
_CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|hsl)a?\([0-9., %]+\)")

MARK = ('<mark class="doctag-entity doctag-{type}" title="{title}" style="background:{colour};'
        'padding:0.15em 0.35em;margin:0 0.1em;border-radius:0.35em;line-height:1;">'
        '{text}<span style="font-size:0.65em;font-weight:bold;text-transform:uppercase;'
        'vertical-align:middle;margin-left:0.4em;">{label}</span></mark>')
PAGE_BREAK = ('<span class="doctag-page-break" style="display:block;border-top:1px dashed #999;'
              'color:#888;font-size:0.75em;margin:0.6em 0 0.2em;">page {page}</span>')
LEGEND_ITEM = ('<span class="doctag-legend-{type}" style="background:{colour};padding:0.1em 0.4em;'
               'margin-right:0.5em;border-radius:0.3em;">{label} ({count})</span>')


class Rendered(str):
    """HTML as a ``str`` that notebooks display as HTML (``_repr_html_``)."""

    def _repr_html_(self) -> str:
        return str(self)


def resolve_types(types: Optional[Iterable[str]]) -> Tuple[str, ...]:
    """The entity types to show: all of them for None.

    Raises:
        ValueError: a name that is not an entity type.
    """
    if types is None:
        return tuple(_native.TYPE_NAMES)
    if isinstance(types, str):
        types = [types]
    chosen = tuple(types)
    unknown = [t for t in chosen if t not in _native.TYPE_NAMES]
    if unknown:
        raise ValueError(f"unknown entity type(s) {unknown}: the types are "
                         f"{', '.join(_native.TYPE_NAMES)}")
    return chosen


def resolve_colours(colors: Optional[Mapping[str, str]]) -> Dict[str, str]:
    """The default colours with `colors` (type -> CSS colour) over them.

    Raises:
        ValueError: an unknown type, or a value that is not a CSS colour.
    """
    out = dict(COLOURS)
    for type_, colour in (colors or {}).items():
        resolve_types([type_])
        if not isinstance(colour, str) or not _CSS_COLOUR.fullmatch(colour):
            raise ValueError(f"colors[{type_!r}] = {colour!r} is not a CSS colour "
                             "('#ffb74d', 'orange', 'rgb(255, 183, 77)')")
        out[type_] = colour
    return out


def _text(text: str, start: int, end: int, breaks: Sequence[Tuple[int, int]]) -> str:
    """text[start:end] escaped, with a marker at each page break inside it."""
    out: List[str] = []
    pos = start
    for at, page in breaks:
        if start < at <= end:
            out.append(escape(text[pos:at], quote=False))
            out.append(PAGE_BREAK.format(page=page))
            pos = at
    out.append(escape(text[pos:end], quote=False))
    return "".join(out)


def _legend(doc: "Document", shown: Sequence[str], colours: Mapping[str, str]) -> str:
    counts = {t: 0 for t in shown}
    for e in doc.entities:
        if e.type in counts:
            counts[e.type] += 1
    items = [LEGEND_ITEM.format(type=escape(t), colour=colours.get(t, DEFAULT_COLOUR),
                                label=escape(t.replace("_", " ")), count=counts[t])
             for t in shown]
    if doc.warnings:  # regions a pattern skipped: say so where the reader looks
        n = len(doc.warnings)
        items.append('<span class="doctag-warnings" style="margin-left:0.6em;font-style:italic;"'
                     f' title="{escape(chr(10).join(doc.warnings), quote=True)}">'
                     f'{n} region{"s" if n != 1 else ""} skipped (doc.warnings)</span>')
    return ('<div class="doctag-legend" style="margin-bottom:0.8em;font-size:0.85em;">'
            + "".join(items) + "</div>")


def render(doc: "Document", max_chars: int = MAX_CHARS, types: Optional[Iterable[str]] = None,
           colors: Optional[Mapping[str, str]] = None) -> Rendered:
    """The document as HTML (see :meth:`doctag.Document.render`)."""
    shown = resolve_types(types)
    colours = resolve_colours(colors)
    text = doc.text
    limit = min(len(text), max_chars)
    starts = doc.page_starts
    first_page = doc.pages.start if doc.pages else 1
    # (index, page number) of every page after the first that has text
    breaks = [(at, first_page + i) for i, at in enumerate(starts) if i > 0 and 0 < at < limit]
    out: List[str] = [_legend(doc, shown, colours),
                      '<div class="doctag" style="white-space:pre-wrap;line-height:2.2;'
                      'font-family:inherit;">']
    pos = 0
    for e in doc.entities:
        if e.type not in shown or e.start < pos or e.end > limit:
            continue  # filtered out, overlapping (never, by contract) or cut off
        out.append(_text(text, pos, e.start, breaks))
        out.append(MARK.format(
            type=escape(e.type),
            title=escape(e.canonical_raw, quote=True),
            colour=colours.get(e.type, DEFAULT_COLOUR),
            # one highlight, even where the span wraps over a line break
            text=escape(" ".join(text[e.start:e.end].split()), quote=False),
            label=escape(e.type.replace("_", " ")),
        ))
        # a page break inside the span is marked after it
        out.extend(PAGE_BREAK.format(page=page) for at, page in breaks if e.start < at <= e.end)
        pos = e.end
    out.append(_text(text, pos, limit, breaks))
    if limit < len(text):
        out.append(f'<p style="font-style:italic;">… {len(text) - limit} more characters '
                   'not shown</p>')
    out.append("</div>")
    return Rendered("".join(out))
