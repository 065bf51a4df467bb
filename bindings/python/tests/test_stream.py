"""Model.stream_pdf() / doctag.stream_pdf(): a PDF tagged a piece at a time
gives tag_pdf()'s text and entities (the same Entity objects, offsets into
the whole text), on the bundled sample, on a long PDF written here (several
pieces, more pages than the window) and on the corpus PDFs; leaving early
stops the library's thread and page readers; errors carry the library's
code and message."""

import gc
import os
import pathlib
import threading

import pytest

import doctag
from doctag import _native

from conftest import make_pdf

SAMPLE = pathlib.Path(os.environ.get("DOCTAG_SOURCE_DIR", pathlib.Path(__file__).parents[3])) \
    / "samples" / "sample-report.pdf"

AGENCIES = ["the Department of Homeland Security", "U.S. Immigration and Customs Enforcement",
            "the UN High Commissioner for Human Rights", "the World Health Organization"]


def long_page(p):
    """Page p: four paragraphs of eleven lines naming agencies and sums."""
    lines = []
    for para in range(4):
        for k in range(11):
            who = AGENCIES[(p + para + k) % len(AGENCIES)]
            lines.append(f"In section {p}.{para}.{k} {who} reported ${p + k}.5 million spent")
        lines.append("")   # a blank line: a paragraph break
    return lines


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    """150 pages, about 450 KB of text: two pieces or more, over a window
    of 128 pages."""
    path = tmp_path_factory.mktemp("stream") / "long.pdf"
    path.write_bytes(make_pdf([long_page(p) for p in range(1, 151)]))
    return path


def check_same(pieces, doc):
    assert "".join(p.text for p in pieces) == doc.text
    assert [e for p in pieces for e in p.entities] == doc.entities
    at = 0
    for p in pieces:
        assert p.start == at, "pieces follow each other"
        at = p.end
        for e in p.entities:
            assert p.text[e.start - p.start:e.end - p.start] == e.text, "an entity is in its piece"
            assert doc.text[e.start:e.end] == e.text, "offsets index the whole text"
        assert p.page_count == doc.page_count
    assert pieces[0].pages.start == doc.pages.start
    assert pieces[-1].pages.stop == doc.pages.stop
    for a, b in zip(pieces, pieces[1:]):
        assert b.pages.start in (a.pages.stop - 1, a.pages.stop), "a page cut is in both"
    no_text = sorted({n for p in pieces for n in p.pages_without_text})
    assert tuple(no_text) == doc.pages_without_text


def test_sample_as_tag_pdf(model):
    doc = model.tag_pdf(SAMPLE)
    pieces = list(model.stream_pdf(SAMPLE))
    check_same(pieces, doc)
    assert len(doc.entities) > 10


def test_long_pdf_in_pieces_as_tag_pdf(model, long_pdf):
    doc = model.tag_pdf(long_pdf)
    assert doc.page_count == 150 and len(doc.text) > 400_000
    pieces = list(model.stream_pdf(long_pdf, window_pages=200))
    assert len(pieces) >= 2, "text past 256 KiB comes in more than one piece"
    check_same(pieces, doc)
    # the default window (128 pages, fewer than the PDF's): this PDF has no
    # running header or hyphen for the window to decide differently
    check_same(list(model.stream_pdf(long_pdf.read_bytes())), doc)


def test_module_function_pages_and_readers(model, long_pdf):
    doc = model.tag_pdf(long_pdf, pages=(40, 90))
    stream = doctag.stream_pdf(long_pdf, model=model, pages=(40, 90), readers=2)
    pieces = list(stream)
    check_same(pieces, doc)
    assert stream.page_count == 150 and stream.warnings == ()
    assert pieces[0].pages.start == 40 and all(e.page >= 40 for p in pieces for e in p.entities)


def test_corpus_pdfs_as_tag_pdf(model, corpus_pdfs):
    for path in corpus_pdfs[:6]:
        check_same(list(model.stream_pdf(path)), model.tag_pdf(path))


def tasks():
    return len(os.listdir("/proc/self/task"))


def children():
    """Processes whose parent is this one (the library's page readers)."""
    mine = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == os.getpid():
            mine.append(pid)
    return mine


def settle(baseline):
    """(threads, page readers) now, against (threads, readers) before: the
    same when the stream's thread is joined and its readers reaped (other
    tests' threads and processes may come and go: none new may stay)."""
    gc.collect()
    threads, readers = baseline
    return tasks() <= threads and set(children()) <= readers


def test_break_early_stops_the_thread(model, long_pdf):
    baseline = (tasks(), set(children()))
    for piece in model.stream_pdf(long_pdf, window_pages=2):
        assert piece.entities
        assert tasks() == baseline[0] + 1, "one thread reads the PDF"
        if os.environ.get("DOCTAG_PDF_READER"):   # else pages are read in process
            assert set(children()) - baseline[1], "a page reader runs"
        break
    assert settle(baseline), "the thread is joined and the page readers are reaped"

    stream = model.stream_pdf(long_pdf)
    with stream:
        next(stream)
    assert settle(baseline)
    with pytest.raises(StopIteration):
        next(stream)

    stream = model.stream_pdf(long_pdf)   # never read
    stream.close()
    stream.close()
    assert list(stream) == [] and settle(baseline)
    del stream
    model.stream_pdf(long_pdf)            # dropped at once
    assert settle(baseline)


def test_streams_in_threads(model, long_pdf):
    doc = model.tag_pdf(long_pdf)
    results = [None] * 3

    def run(i):
        results[i] = list(model.stream_pdf(long_pdf, window_pages=200))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for pieces in results:
        check_same(pieces, doc)


def test_missing_file(model, tmp_path):
    stream = model.stream_pdf(tmp_path / "absent.pdf")
    with pytest.raises(doctag.FileNotFoundError) as info:
        next(stream)
    err = info.value
    assert isinstance(err, FileNotFoundError)
    assert err.code == _native.ERR_IO and "absent.pdf" in err.message
    with pytest.raises(StopIteration):
        next(stream)


def test_damaged_and_not_pdf(model, tmp_path):
    with pytest.raises(doctag.PDFError) as info:
        list(model.stream_pdf(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"))
    assert info.value.code in (_native.ERR_PDF_CORRUPT, _native.ERR_PDF_NO_PAGES)
    assert info.value.message
    with pytest.raises(doctag.PDFError) as info:
        list(model.stream_pdf(b"plain text, not a PDF"))
    assert info.value.code == _native.ERR_NOT_PDF
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(SAMPLE.read_bytes()[:5000])
    with pytest.raises(doctag.PDFError):
        list(model.stream_pdf(truncated))


def test_error_after_the_pieces_before_it(model, long_pdf):
    first = next(iter(model.stream_pdf(long_pdf, window_pages=200)))
    limit = len(first.entities) + 5
    small = doctag.Model(limits=doctag.Limits(max_entities=limit))
    got = []
    with pytest.raises(doctag.LimitError) as info:
        for piece in small.stream_pdf(long_pdf, window_pages=200):
            got.append(piece)
    assert info.value.code == _native.ERR_LIMIT_ENTITIES and str(limit) in info.value.message
    assert got == [first], "the piece tagged before the limit came first"
    with pytest.raises(doctag.PDFLimitError):
        list(doctag.Model(limits=doctag.Limits(max_pages=10)).stream_pdf(long_pdf))


def test_bad_arguments(model, long_pdf):
    with pytest.raises(ValueError):
        model.stream_pdf(long_pdf, window_pages=1)
    with pytest.raises(TypeError):
        model.stream_pdf(long_pdf, window_pages="many")
    with pytest.raises(doctag.PageRangeError):
        model.stream_pdf(long_pdf, pages=(5, 2))
    with pytest.raises(doctag.PageRangeError):
        list(model.stream_pdf(long_pdf, pages=(200, 300)))


def test_entities_and_fork(model, long_pdf):
    doc = model.tag_pdf(long_pdf)
    assert list(doctag.stream_pdf(long_pdf, model=model).entities()) == doc.entities
    stream = model.stream_pdf(long_pdf)
    for _ in stream.entities():
        break
    assert repr(stream).endswith("ended>"), "leaving entities() closes the stream"

    stream = model.stream_pdf(long_pdf)
    next(stream)
    pid = os.fork()
    if pid == 0:   # the child: the stream's thread is the parent's
        try:
            next(stream)
            os._exit(1)
        except doctag.Error as err:
            os._exit(0 if "fork" in err.message else 2)
        except BaseException:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0, "the child is told its stream is not there"
    assert len(list(stream)) >= 1, "the parent's stream goes on"
