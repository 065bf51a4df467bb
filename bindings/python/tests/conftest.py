"""Shared fixtures. The corpus (shared/corpus) is found through
DOCTAG_SHARED_DIR (set by the meson test); tests that need it skip, saying
why, when it is absent."""

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
    # running pytest by hand from the source tree: main/../shared
    return pathlib.Path(__file__).resolve().parents[3] / ".." / "shared"


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
def encrypted_pdf(tmp_path_factory, bhrrc_pdf):
    """The bhrrc PDF encrypted with AES-256, user password 'u', owner 'o'."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf not installed (apt-get install qpdf): cannot make an encrypted PDF")
    out = tmp_path_factory.mktemp("enc") / "encrypted.pdf"
    subprocess.run([qpdf, "--encrypt", "u", "o", "256", "--", str(bhrrc_pdf), str(out)],
                   check=True)
    return out
