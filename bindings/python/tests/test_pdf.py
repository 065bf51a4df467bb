"""Tagging the corpus PDFs: text, pages, boxes, page selection, bytes input."""

import pathlib

import pytest

import doctag


def test_corpus_pdfs(model, corpus_pdfs):
    for path in corpus_pdfs:
        doc = model.tag_pdf(path)
        assert doc.source == str(path)
        assert doc.page_count >= 1
        assert doc.pages == range(1, doc.page_count + 1)
        assert len(doc.text) > 1000, path.name
        assert len(doc) > 5, path.name
        for e in doc:
            assert doc.text[e.start:e.end] == e.text, (path.name, e)
            assert e.type in doctag.ENTITY_TYPES
            assert e.page is not None and 1 <= e.page <= doc.page_count
            assert e.boxes and e.boxes[0].page == e.page
            for b in e.boxes:
                assert isinstance(b, doctag.Box)
                assert 1 <= b.page <= doc.page_count
                assert 0 <= b.x0 < b.x1 and 0 <= b.y0 < b.y1
            x0, y0, x1, y1 = e.bbox
            assert x0 <= e.boxes[0].x0 and x1 >= e.boxes[0].x1


def test_palantir_pdf_entities(model, bhrrc_pdf):
    doc = model.tag_pdf(bhrrc_pdf)
    # the exact text of a span may hold the PDF's line breaks
    found = {(e.type, e.surface) for e in doc}
    assert ("agency", "ICE") in found
    assert ("agency", "Homeland Security Investigations") in found
    assert ("agency", "HSI") in found
    money = [e for e in doc if e.text == "$91.9 million"]
    assert money and money[0].canonical == {"value": 91900000, "currency": "USD"}
    assert money[0].page == 1
    records = doc.to_records()
    assert all(r["page"] >= 1 for r in records)


def test_tiny_pdf(model, tiny_pdf):
    doc = model.tag_pdf(tiny_pdf)
    assert (doc.page_count, doc.pages, doc.pages_without_text) == (2, range(1, 3), ())
    assert "Palantir" in doc.text and "A/HRC/48/76" in doc.text
    got = [(e.type, e.surface, e.page) for e in doc]
    for want in [("agency", "U.S. Immigration and Customs Enforcement", 1),
                 ("agency", "ICE", 1), ("money", "$91.9 million", 1),
                 ("un_symbol", "A/HRC/48/76", 2)]:
        assert want in got
    money = next(e for e in doc if e.type == "money")
    assert money.canonical == {"value": 91900000, "currency": "USD"}
    # second line of page 1, in points from the top-left corner of a 612x792 page
    (box,) = money.boxes
    assert box.page == 1 and 72 < box.x0 < box.x1 < 612 and 60 < box.y0 < box.y1 < 120
    assert money.bbox == (box.x0, box.y0, box.x1, box.y1)
    assert doc.to_records()[0]["page"] == 1
    assert "tiny.pdf" in repr(doc) and "pages 1-2" in repr(doc)


def test_pdf_from_bytes_equals_pdf_from_path(model, tiny_pdf):
    from_path = model.tag_pdf(tiny_pdf)
    data = tiny_pdf.read_bytes()
    for source in (data, bytearray(data), memoryview(data)):
        doc = model.tag_pdf(source)
        assert doc.source is None
        assert doc.text == from_path.text
        assert doc.entities == from_path.entities


def test_pathlike_and_str_paths(model, tiny_pdf):
    doc = model.tag_pdf(tiny_pdf)
    assert model.tag_pdf(str(tiny_pdf)).entities == doc.entities
    assert model.tag_pdf(pathlib.Path(tiny_pdf)).entities == doc.entities


def test_page_selection(model, tiny_pdf):
    path = tiny_pdf
    full = model.tag_pdf(path)
    first = model.tag_pdf(path, pages=1)
    assert first.pages == range(1, 2)
    assert first.page_count == full.page_count == 2  # pages in the file, not read
    assert 0 < len(first.text) < len(full.text)
    assert all(e.page == 1 for e in first)
    assert model.tag_pdf(path, pages=(1, 1)).text == first.text
    assert model.tag_pdf(path, pages=range(1, 2)).text == first.text
    second_on = model.tag_pdf(path, pages=(2, full.page_count))
    assert second_on.pages == range(2, full.page_count + 1)
    assert all(e.page >= 2 for e in second_on)
    assert {e.text for e in full.on_page(2)} <= {e.text for e in second_on}


def test_pdf_html(model, tiny_pdf):
    doc = model.tag_pdf(tiny_pdf)
    assert doc._repr_html_().count("<mark") == len(doc)


def test_pages_without_text_only_among_pages_read(model, tmp_path):
    from conftest import make_pdf
    path = tmp_path / "gap.pdf"
    # page 2 has no text layer; pages 1, 3, 4 have text
    path.write_bytes(make_pdf([["The ICCPR."], [], ["OHCHR"], ["UNHCR"]]))
    assert model.tag_pdf(path).pages_without_text == (2,)
    assert model.tag_pdf(path, pages=(3, 4)).pages_without_text == ()
    assert model.tag_pdf(path, pages=(1, 2)).pages_without_text == (2,)


def _summary(doc):
    return (doc.text, doc.pages, doc.page_count, doc.pages_without_text, doc.page_starts,
            [(e.type, e.start, e.end, e.canonical, e.boxes) for e in doc])


def test_several_readers_read_what_one_reads(model, tmp_path):
    from conftest import make_pdf
    words = ["regional", "national", "annual", "internal", "special", "joint", "interim"]
    pages = [[f"Section {p}: the {words[p % 7]} UNICEF office paid ${p}.5 million to",
              f"{words[(p + 3) % 7]} auditors of record {7 * p} while the World Health",
              f"Organization checked {3 * p} {words[(p + 5) % 7]} files."]
             for p in range(1, 31)]
    path = tmp_path / "thirty.pdf"
    path.write_bytes(make_pdf(pages))
    one = _summary(model.tag_pdf(path))
    assert "UNICEF" in one[0] and one[5]
    for readers in (2, 3, "auto"):
        assert _summary(model.tag_pdf(path, readers=readers)) == one, readers
    ranged = model.tag_pdf(path, pages=(4, 29), readers=3)
    assert _summary(ranged) == _summary(model.tag_pdf(path, pages=(4, 29)))


def test_readers_must_be_a_count_or_auto(model, tiny_pdf):
    for bad in (0, -2, "many"):
        with pytest.raises((ValueError, TypeError)):
            model.tag_pdf(tiny_pdf, readers=bad)
    with pytest.raises(TypeError):
        model.tag_pdf(tiny_pdf, readers=2.0)
