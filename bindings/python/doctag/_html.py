"""A Document as HTML for notebooks: the text with each entity highlighted,
a colour per type and a small type label, in the manner of spaCy's displaCy.
Every piece of document text is HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ._document import Document

COLOURS = {
    "money": "#b6e3a8",
    "un_symbol": "#a9d4f5",
    "agency": "#fbd38d",
    "instrument": "#dcc2f2",
}
DEFAULT_COLOUR = "#dddddd"

# Past this many characters the text is cut (entities after it are not shown).
MAX_CHARS = 200_000

MARK = ('<mark class="doctag-entity doctag-{type}" title="{title}" style="background:{colour};'
        'padding:0.15em 0.35em;margin:0 0.1em;border-radius:0.35em;line-height:1;">'
        '{text}<span style="font-size:0.65em;font-weight:bold;text-transform:uppercase;'
        'vertical-align:middle;margin-left:0.4em;">{label}</span></mark>')


def render(doc: "Document", max_chars: int = MAX_CHARS) -> str:
    text = doc.text
    out: List[str] = ['<div class="doctag" style="white-space:pre-wrap;line-height:2.2;'
                      'font-family:inherit;">']
    pos = 0
    limit = min(len(text), max_chars)
    for e in doc.entities:
        if e.start < pos or e.end > limit:  # overlapping (never, by contract) or cut off
            continue
        out.append(escape(text[pos:e.start], quote=False))
        out.append(MARK.format(
            type=escape(e.type),
            title=escape(e.canonical_raw, quote=True),
            colour=COLOURS.get(e.type, DEFAULT_COLOUR),
            text=escape(text[e.start:e.end], quote=False),
            label=escape(e.type.replace("_", " ")),
        ))
        pos = e.end
    out.append(escape(text[pos:limit], quote=False))
    if limit < len(text):
        out.append(f'<p style="font-style:italic;">… {len(text) - limit} more characters '
                   'not shown</p>')
    out.append("</div>")
    return "".join(out)
