"""The README's Python examples, for pyright --strict (tests/test_typing.py):
the package's annotations and its stub (_native.pyi) must type them fully."""

from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple

import doctag

model = doctag.Model()                    # the default model, built in
doc = model.tag_pdf("samples/sample-report.pdf", pages=(1, 1))
records: List[Dict[str, Any]] = doc.to_records()

text_doc = model.tag_text("Ärzte … paid £5 million to ICE.")
for e in text_doc:
    assert text_doc.text[e.start:e.end] == e.text
    kind: str = e.type
    canonical: Dict[str, Any] = e.canonical
    page: Optional[int] = e.page
    print(kind, e.text, canonical, page, e.surface, e.bbox)

first: doctag.Entity = doc[0]
some: List[doctag.Entity] = doc[1:3]
boxes: Optional[Tuple[doctag.Box, ...]] = first.boxes
amount = doctag.parse_canonical("value=3.5;currency=USD")["value"]
assert amount == Decimal("3.5")

html: str = doc.render(types=["agency", "money"], colors={"money": "#ffd54f"})
displacy_data: Dict[str, Any] = doc.to_displacy()
doc.save_highlighted("/tmp/sample.tagged.pdf", types=["agency"])
starts: Tuple[int, ...] = doc.page_starts

try:
    model.tag_pdf("missing.pdf")
except doctag.FileNotFoundError as err:
    number: Optional[int] = err.errno
    name: Optional[str] = err.filename
    print(err.code, err.name, err.message, number, name)
except doctag.PDFError as err:
    print(err.code, err.message)

bytes_doc = model.tag_text(b"ICE paid $5 million.")
mine = doctag.Model(extra_dictionaries=["mine.dict"])
mine.save("mine.model")
version: str = doctag.version()
types: Tuple[str, ...] = doctag.ENTITY_TYPES
colours: Dict[str, str] = doctag.COLORS
print(len(bytes_doc), mine.entry_count, version, types, colours, doctag.__version__)

limits = doctag.Limits(max_input_bytes=50_000_000, max_pages=2_000, pdf_page_ms=1_000)
bounded = doctag.Model("mine.model", limits=limits, trusted=True)
try:
    bounded_doc = bounded.tag_file("report.pdf")
    skipped: Tuple[str, ...] = bounded_doc.warnings
    print(skipped)
except doctag.LimitError as err:
    field: Optional[str] = err.limit
    print(field, err)
defaults: doctag.Limits = bounded.limits
pages_limit: int = defaults.max_pages
trusted: bool = bounded.trusted
warning_type: type = doctag.SkippedRegionWarning
print(pages_limit, trusted, warning_type)

# a long PDF a piece at a time, in bounded memory
with model.stream_pdf("samples/sample-report.pdf", window_pages=128) as stream:
    for piece in stream:
        piece_text: str = piece.text
        piece_pages: range = piece.pages
        for e in piece.entities:
            assert piece_text[e.start - piece.start:e.end - piece.start] == e.text
        print(piece.start, piece.end, piece_pages, piece.page_count, piece.pages_without_text)
    skipped_regions: Tuple[str, ...] = stream.warnings
streamed: List[doctag.Entity] = list(doctag.stream_pdf(b"%PDF-1.4 ...", model=model).entities())
print(skipped_regions, len(streamed))
