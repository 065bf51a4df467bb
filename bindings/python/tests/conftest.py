"""Shared fixtures. The corpus (shared/corpus) is found through
DOCTAG_SHARED_DIR, or else beside the repository (DOCTAG_SOURCE_DIR/../shared);
tests that need it skip, saying why, when it is absent. tiny_pdf, written
here, serves the PDF tests that need no real report."""

import os
import pathlib
import shutil
import subprocess

import pytest

import doctag


def _shared_dir():
    env = os.environ.get("DOCTAG_SHARED_DIR")
    if env:
        return pathlib.Path(env)
    # the repository's sibling shared/: from meson test, or from this file
    source = os.environ.get("DOCTAG_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[3]
    return pathlib.Path(source) / ".." / "shared"


SHARED_DIR = _shared_dir()
CORPUS = SHARED_DIR / "corpus"


@pytest.fixture(scope="session")
def model():
    return doctag.Model()


@pytest.fixture(scope="session")
def corpus_pdfs():
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"))
    if not pdfs:
        pytest.skip(f"corpus PDFs not found in {CORPUS / 'pdf'} (set DOCTAG_SHARED_DIR)")
    return pdfs


@pytest.fixture(scope="session")
def corpus_texts():
    texts = sorted((CORPUS / "text").glob("*.txt"))
    if not texts:
        pytest.skip(f"corpus texts not found in {CORPUS / 'text'} (set DOCTAG_SHARED_DIR)")
    return texts


@pytest.fixture(scope="session")
def bhrrc_pdf():
    path = CORPUS / "pdf" / "bhrrc-palantir-ice-raids.pdf"
    if not path.exists():
        pytest.skip(f"{path} not found (set DOCTAG_SHARED_DIR)")
    return path


@pytest.fixture(scope="session")
def encrypted_pdf(tmp_path_factory, tiny_pdf):
    """tiny_pdf encrypted with AES-256, user password 'u', owner 'o'."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf not installed (apt-get install qpdf): cannot make an encrypted PDF")
    out = tmp_path_factory.mktemp("enc") / "encrypted.pdf"
    subprocess.run([qpdf, "--encrypt", "u", "o", "256", "--", str(tiny_pdf), str(out)],
                   check=True)
    return out


# A small PDF written here, so that the PDF tests that need no real report
# (page ranges, errors, encryption) run without the corpus.
TINY_PAGES = [
    ["U.S. Immigration and Customs Enforcement (ICE) paid Palantir",
     "a contract worth $91.9 million in 2022."],
    ["The UN High Commissioner for Human Rights cited A/HRC/48/76",
     "and the ICCPR."],
]


def make_pdf(pages):
    """A PDF with one Helvetica text line per string, one page per list."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for i, lines in enumerate(pages):
        page_id, content_id = 4 + 2 * i, 5 + 2 * i
        ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects[content_id] = (b"<< /Length %d >>\nstream\n" % len(stream) + stream
                               + b"\nendstream")
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                            % content_id)
        kids.append(b"%d 0 R" % page_id)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


@pytest.fixture(scope="session")
def tiny_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "tiny.pdf"
    path.write_bytes(make_pdf(TINY_PAGES))
    return path
