"""Pipelines: tag_file (PDF or text by content), Model.pipe (threads, in
order, bounded), and many documents as one table."""

import io
import itertools
import tarfile
import zipfile

import pytest

import doctag
from conftest import TINY_PAGES, make_pdf

TEXT = ("U.S. Immigration and Customs Enforcement (ICE) paid Palantir $91.9 million "
        "under A/HRC/48/76 and the ICCPR.\n")


def summary(doc):
    return [(e.type, e.text, e.start, e.end, e.canonical_raw, e.page, e.boxes) for e in doc]


@pytest.fixture()
def files(tmp_path, tiny_pdf):
    """A PDF named .txt, text named .pdf, and files that are not documents."""
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(tiny_pdf.read_bytes())
    text = tmp_path / "notes.pdf"
    text.write_text(TEXT, encoding="utf-8")
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    tar = tmp_path / "two.tar"
    with tarfile.open(tar, "w") as t:
        t.add(tiny_pdf, arcname="a.pdf")
        t.add(tiny_pdf, arcname="b.pdf")
    zipped = tmp_path / "reports.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.txt", TEXT)
    return {"pdf": pdf, "text": text, "png": png, "empty": empty, "tar": tar, "zip": zipped}


def test_tag_file_by_content_not_name(model, files, tiny_pdf):
    doc = doctag.tag_file(files["pdf"])
    assert doc.page_count == len(TINY_PAGES)
    assert doc.source == str(files["pdf"])
    assert summary(doc) == summary(model.tag_pdf(tiny_pdf))
    doc = model.tag_file(files["text"])
    assert doc.page_count is None and doc.source == str(files["text"])
    assert summary(doc) == summary(model.tag_text(TEXT))
    assert ("money", "$91.9 million") in {(e.type, e.text) for e in doc}


@pytest.mark.parametrize("name, why", [("png", "not a PDF or UTF-8 text"),
                                       ("empty", "empty file"),
                                       ("tar", "archive"), ("zip", "archive")])
def test_tag_file_refuses_what_is_not_a_document(model, files, name, why):
    # a tar of PDFs has "%PDF-" at byte 512: it is not read as one PDF
    with pytest.raises(doctag.UnsupportedFileError, match=why) as info:
        model.tag_file(files[name])
    assert str(files[name]) in str(info.value)
    assert isinstance(info.value, doctag.Error)


def test_tag_file_missing(model, tmp_path):
    with pytest.raises(doctag.FileError, match="missing.pdf"):
        model.tag_file(tmp_path / "missing.pdf")


def test_pipe_in_order_as_serial(model, files, tiny_pdf):
    items = [files["pdf"], TEXT.encode(), files["text"], tiny_pdf.read_bytes()] * 10
    serial = [summary(doctag.tag_file(i) if not isinstance(i, bytes) else
                      (model.tag_pdf(i) if i.startswith(b"%PDF") else model.tag_text(i)))
              for i in items]
    for n in (1, 4):
        assert [summary(d) for d in model.pipe(items, n_threads=n)] == serial


def test_pipe_streams_a_generator_with_bounded_lookahead(model):
    pulled = itertools.count()
    texts = (TEXT.encode() for _ in iter(lambda: next(pulled), 1000))
    first = next(iter(model.pipe(texts, n_threads=2)))
    assert len(first) > 0
    assert next(pulled) <= 2 * 2 + 2   # a few documents ahead, not all 1000


def test_pipe_errors(model, files):
    items = [files["text"], files["png"], files["pdf"]]
    out = list(model.pipe(items, n_threads=2, errors="return"))
    assert isinstance(out[0], doctag.Document) and isinstance(out[2], doctag.Document)
    assert isinstance(out[1], doctag.UnsupportedFileError)
    with pytest.raises(doctag.UnsupportedFileError):
        list(model.pipe(items, n_threads=2))
    with pytest.raises(ValueError):
        list(model.pipe(items, errors="ignore"))


def test_pipe_as_tuples(model, files):
    items = [(files["text"], {"id": 1}), (TEXT.encode(), {"id": 2})]
    out = list(model.pipe(items, as_tuples=True))
    assert [ctx["id"] for _, ctx in out] == [1, 2]
    assert summary(out[0][0]) == summary(out[1][0])


def test_to_pandas_many_documents(model, files):
    pd = pytest.importorskip("pandas")
    docs = [model.tag_file(files["pdf"]), model.tag_file(files["text"])]
    df = doctag.to_pandas(docs)
    assert list(df.columns[:6]) == ["doc", "type", "text", "start", "end", "page"]
    assert len(df) == sum(len(d) for d in docs)
    assert list(df["doc"].unique()) == [str(files["pdf"]), str(files["text"])]
    pdf_rows = df[df["doc"] == str(files["pdf"])]
    assert pdf_rows["page"].notna().all() and (pdf_rows["x1"] > pdf_rows["x0"]).all()
    text_rows = df[df["doc"] == str(files["text"])]
    assert text_rows["page"].isna().all() and text_rows["x0"].isna().all()
    money = df[df["type"] == "money"]
    assert 91900000.0 in set(money["value"]) and set(money["currency"]) == {"USD"}
    assert df["value"].dtype == "float64" and df["page"].dtype == pd.Int64Dtype()
    # ids given, or (id, doc) pairs
    assert set(doctag.to_pandas(docs, ids=["a", "b"])["doc"]) == {"a", "b"}
    assert set(doctag.to_pandas([("x", docs[1])])["doc"]) == {"x"}
    # no documents, or none with entities: the same columns
    assert list(doctag.to_pandas([]).columns) == list(df.columns[:len(doctag.to_pandas([]).columns)])
