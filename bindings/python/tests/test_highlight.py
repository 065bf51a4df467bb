"""Document.save_highlighted(): a copy of the PDF with one highlight
annotation per entity (and page it spans), read back with qpdf."""

import re
import shutil
import subprocess

import pytest

import doctag


def _highlights(path, tmp_path):
    """[(page number, note, colour)] of the highlight annotations in `path`."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf not installed (apt-get install qpdf): cannot read annotations back")
    qdf = tmp_path / "read.qdf.pdf"
    subprocess.run([qpdf, "--qdf", "--object-streams=disable", str(path), str(qdf)], check=True)
    data = qdf.read_bytes().decode("latin-1")
    objects = dict(re.findall(r"\n(\d+) 0 obj\n(.*?)\nendobj", data, re.S))
    pages = [num for num, body in objects.items() if re.search(r"/Type /Page\b", body)]
    pages.sort(key=int)
    found = []
    for page_no, num in enumerate(pages, 1):
        annots = re.search(r"/Annots (\[.*?\]|\d+ 0 R)", objects[num], re.S)
        refs = annots.group(1) if annots else ""
        if refs.endswith(" 0 R"):  # the array as an object of its own
            refs = objects[refs.split()[0]]
        for ref in re.findall(r"(\d+) 0 R", refs):
            body = objects[ref]
            if "/Subtype /Highlight" not in body:
                continue
            note = bytes.fromhex(re.search(r"/Contents <([0-9a-f]+)>", body).group(1))
            colour = [float(x) for x in re.search(r"/C \[(.*?)\]", body, re.S).group(1).split()]
            found.append((page_no, note.decode("utf-16"), tuple(round(c * 255) for c in colour)))
    return found


def _entity_pages(doc):
    return sorted((p, f"{e.type}: {e.canonical_raw}") for e in doc
                  for p in sorted({b.page for b in e.boxes}))


def test_one_highlight_per_entity_with_page_and_type(model, tiny_pdf, tmp_path):
    doc = model.tag_pdf(tiny_pdf)
    out = tmp_path / "tiny.tagged.pdf"
    doc.save_highlighted(out)
    got = _highlights(out, tmp_path)
    assert sorted((p, note) for p, note, _ in got) == _entity_pages(doc)
    assert {t for _, note, _ in got for t in [note.split(":")[0]]} == {e.type for e in doc}
    rgb = {note.split(":")[0]: c for _, note, c in got}
    for type_, colour in rgb.items():
        assert "#%02x%02x%02x" % colour == doctag.COLORS[type_]


def test_sample_report(model, tmp_path):
    import pathlib
    sample = pathlib.Path(__file__).resolve().parents[3] / "samples" / "sample-report.pdf"
    doc = model.tag_pdf(sample)
    out = tmp_path / "sample.tagged.pdf"
    doc.save_highlighted(out)
    assert sorted((p, n) for p, n, _ in _highlights(out, tmp_path)) == _entity_pages(doc)


def test_types_and_colours(model, tiny_pdf, tmp_path):
    doc = model.tag_pdf(tiny_pdf)
    out = tmp_path / "money.pdf"
    doc.save_highlighted(out, types=["money"], colors={"money": "#102030"})
    got = _highlights(out, tmp_path)
    assert [(n, c) for _, n, c in got] == [("money: value=91900000;currency=USD", (16, 32, 48))]
    with pytest.raises(ValueError):
        doc.save_highlighted(out, colors={"money": "green"})
    with pytest.raises(ValueError):
        doc.save_highlighted(out, types=["person"])


def test_in_place_and_encrypted(model, tiny_pdf, encrypted_pdf, tmp_path):
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(tiny_pdf.read_bytes())
    doc = model.tag_pdf(copy)
    doc.save_highlighted(copy)
    assert len(_highlights(copy, tmp_path)) == len(_entity_pages(doc))
    locked = model.tag_pdf(encrypted_pdf, password="u")
    locked.save_highlighted(tmp_path / "unlocked.pdf")  # the password is remembered


def test_errors(model, tiny_pdf, tmp_path):
    with pytest.raises(ValueError):
        model.tag_text("ICE paid $5 million.").save_highlighted(tmp_path / "x.pdf")
    with pytest.raises(ValueError):
        model.tag_pdf(tiny_pdf.read_bytes()).save_highlighted(tmp_path / "x.pdf")
    doc = model.tag_pdf(tiny_pdf)
    with pytest.raises(doctag.FileNotFoundError) as info:
        doc.save_highlighted(tmp_path / "no" / "such" / "dir.pdf")
    assert info.value.filename == str(tmp_path / "no" / "such" / "dir.pdf")
    with pytest.raises(doctag.IsADirectoryError):
        doc.save_highlighted(tmp_path)
