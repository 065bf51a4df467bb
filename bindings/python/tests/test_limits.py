"""Limits and warnings: a Model holds every document to its doctag.Limits
(text, PDFs read, its own files) and fails with LimitError naming the
limit; a region of pathological text that a pattern must skip is reported
in Document.warnings and as a SkippedRegionWarning, and the rest is
tagged; model files load trusted or not, alike; limits survive pickling."""

import dataclasses
import pickle
import warnings

import pytest

import doctag
from doctag import _native

PARA1 = ("In 2021 the U.S. Department of Homeland Security (DHS) paid $91.9 million under "
         "8 U.S.C. \u00a7 1253(a)(1).\n\n")
PARA2 = "\n\nSee X/1/2/48/31 and the ICCPR, as OHCHR said.\n"

# A user's pattern written the old way: one backtracking frame per
# component, so that 150,000 of them exhaust pcre2's stack (as
# tests/test_limits.c, a_pattern_over_its_limit_skips_only_its_region).
OLD_PATTERN_DICT = ("@type un_symbol\n"
                    "%un_symbol = /X(?:\\/ ?[A-Za-z0-9]+(?:[.\\-][A-Za-z0-9]+)*)*\\/ ?\\d+/\n")


@pytest.fixture(scope="module")
def old_pattern_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("dict") / "old.dict"
    path.write_text(OLD_PATTERN_DICT, encoding="utf-8")
    return doctag.Model(extra_dictionaries=[path])


@pytest.fixture(scope="module")
def pathological_text():
    return PARA1 + "X/A/" * 150000 + PARA2


def surfaces(doc):
    return {e.text for e in doc}


# ---- Limits -------------------------------------------------------------------

def test_limits_default_to_the_librarys():
    limits = doctag.Limits()
    assert (limits.max_input_bytes, limits.max_entities, limits.max_pages,
            limits.pdf_page_ms) == _native.default_limits()
    assert limits.max_input_bytes == 256 * 1024 * 1024 and limits.pdf_page_ms > 0
    assert repr(limits) == "Limits()" and limits.changed() == {}
    assert doctag.Model().limits == limits
    # 0 is the default, as in the C API
    assert doctag.Limits(max_pages=0, pdf_page_ms=0) == limits


def test_limits_are_checked_frozen_and_replaceable():
    limits = doctag.Limits(max_pages=10)
    assert repr(limits) == "Limits(max_pages=10)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        limits.max_pages = 5  # type: ignore[misc]
    assert dataclasses.replace(limits, max_entities=7).changed() == {"max_pages": 10,
                                                                     "max_entities": 7}
    assert pickle.loads(pickle.dumps(limits)) == limits and hash(limits) == hash(
        doctag.Limits(max_pages=10))
    with pytest.raises(ValueError, match="max_pages"):
        doctag.Limits(max_pages=-1)
    with pytest.raises(ValueError, match="pdf_page_ms"):
        doctag.Limits(pdf_page_ms=2**31)
    with pytest.raises(TypeError):
        doctag.Limits(max_entities="10")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        doctag.Limits(max_entities=True)
    with pytest.raises(TypeError, match="doctag.Limits"):
        doctag.Model(limits={"max_pages": 1})  # type: ignore[arg-type]


def test_error_hierarchy():
    assert issubclass(doctag.LimitError, doctag.Error)
    assert issubclass(doctag.PDFLimitError, doctag.LimitError)
    assert issubclass(doctag.PDFLimitError, doctag.PDFError)
    assert issubclass(doctag.SkippedRegionWarning, UserWarning)
    for name in ("Limits", "LimitError", "PDFLimitError", "SkippedRegionWarning"):
        assert name in doctag.__all__


# ---- Text ---------------------------------------------------------------------

def test_max_input_bytes_refuses_a_longer_text(tmp_path):
    model = doctag.Model(limits=doctag.Limits(max_input_bytes=100))
    text = ("ICE paid Palantir $91.9 million under the ICCPR. " * 25)[:1024]
    for source in (text, text.encode("utf-8")):
        with pytest.raises(doctag.LimitError) as info:
            model.tag_text(source)
        err = info.value
        assert type(err) is doctag.LimitError and not isinstance(err, doctag.PDFError)
        assert err.code == _native.ERR_LIMIT_INPUT and err.limit == "max_input_bytes"
        assert "1024 bytes" in str(err) and "100" in str(err)
    # the limit is in UTF-8 bytes: 50 "§" are 100 bytes, 51 are over
    assert len(model.tag_text("\u00a7" * 50)) == 0
    with pytest.raises(doctag.LimitError):
        model.tag_text("\u00a7" * 51)
    # a text file through tag_file and pipe
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(doctag.LimitError):
        model.tag_file(path)
    [failed, ok] = model.pipe([path, b"ICE paid $5."], n_threads=2, errors="return")
    assert isinstance(failed, doctag.LimitError) and len(ok) == 2
    # the error crosses process boundaries whole
    again = pickle.loads(pickle.dumps(failed))
    assert type(again) is doctag.LimitError and again.code == failed.code


def test_max_entities(model):
    text = ("U.S. Immigration and Customs Enforcement (ICE) paid Palantir $91.9 million; "
            "OHCHR cited the ICCPR.")
    assert len(model.tag_text(text)) >= 3
    limited = doctag.Model(limits=doctag.Limits(max_entities=2))
    with pytest.raises(doctag.LimitError) as info:
        limited.tag_text(text)
    assert info.value.code == _native.ERR_LIMIT_ENTITIES
    assert info.value.limit == "max_entities" and "limit of 2" in str(info.value)
    assert [e.text for e in limited.tag_text("ICE paid $5.")] == ["ICE", "$5"]


def test_a_model_file_over_max_input_bytes(tmp_path, model):
    path = tmp_path / "default.dtm"
    model.save(path)
    with pytest.raises(doctag.LimitError) as info:
        doctag.Model(path, limits=doctag.Limits(max_input_bytes=1000))
    assert info.value.code == _native.ERR_LIMIT_INPUT


# ---- PDF ----------------------------------------------------------------------

def test_max_pages_refuses_a_longer_pdf(tiny_pdf):
    model = doctag.Model(limits=doctag.Limits(max_pages=1))
    assert doctag.Model().tag_pdf(tiny_pdf).page_count == 2
    for source in (tiny_pdf, tiny_pdf.read_bytes()):
        with pytest.raises(doctag.PDFLimitError) as info:
            model.tag_pdf(source)
        err = info.value
        assert isinstance(err, doctag.PDFError) and isinstance(err, doctag.LimitError)
        assert err.code == _native.ERR_PDF_LIMIT and err.limit == "max_pages"
        assert "2 pages" in str(err)
    with pytest.raises(doctag.PDFLimitError):
        model.tag_file(tiny_pdf)
    [failed] = model.pipe([tiny_pdf], errors="return")
    assert isinstance(failed, doctag.PDFLimitError)
    # the limit counts the pages read: one of the two is within it
    doc = model.tag_pdf(tiny_pdf, pages=2)
    assert "A/HRC/48/76" in surfaces(doc) and doc.warnings == ()


def test_max_input_bytes_applies_to_a_pdf_file(tiny_pdf):
    model = doctag.Model(limits=doctag.Limits(max_input_bytes=200))
    assert tiny_pdf.stat().st_size > 200
    with pytest.raises(doctag.PDFLimitError) as info:
        model.tag_pdf(tiny_pdf)
    assert info.value.code == _native.ERR_LIMIT_INPUT and info.value.limit == "max_input_bytes"


def test_a_page_time_limit_is_carried_to_the_reader(tiny_pdf):
    # a budget every real page meets: the limit reaches the reader, and
    # tagging is unchanged
    model = doctag.Model(limits=doctag.Limits(pdf_page_ms=2000))
    assert model.tag_pdf(tiny_pdf).entities == doctag.Model().tag_pdf(tiny_pdf).entities


# ---- Warnings -----------------------------------------------------------------

def test_a_pathological_region_is_skipped_with_one_warning(old_pattern_model,
                                                           pathological_text):
    with pytest.warns(doctag.SkippedRegionWarning) as caught:
        doc = old_pattern_model.tag_text(pathological_text)
    kept = surfaces(doc)
    for surface in ("U.S. Department of Homeland Security", "DHS", "$91.9 million",
                    "X/1/2/48/31", "OHCHR"):
        assert surface in kept, surface
    assert len(doc.warnings) == 1, doc.warnings
    assert "region skipped" in doc.warnings[0] and "un_symbol pattern" in doc.warnings[0]
    skipped = [w for w in caught if issubclass(w.category, doctag.SkippedRegionWarning)]
    assert [str(w.message) for w in skipped] == list(doc.warnings)
    assert skipped[0].filename == __file__  # the user's line, not the package's
    assert "1 warning" in repr(doc)
    html = doc.render(max_chars=1000)
    assert "1 region skipped (doc.warnings)" in html and "region skipped" in html
    assert "skipped (doc.warnings)" not in old_pattern_model.tag_text(PARA1).render()
    for e in doc:
        assert doc.text[e.start:e.end] == e.text
    # the same through bytes, and a file: the warning names the file
    with pytest.warns(doctag.SkippedRegionWarning):
        assert old_pattern_model.tag_text(pathological_text.encode()).warnings == doc.warnings


def test_warnings_name_the_file_and_can_be_filtered(old_pattern_model, pathological_text,
                                                    tmp_path):
    path = tmp_path / "runs.txt"
    path.write_text(pathological_text, encoding="utf-8")
    with pytest.warns(doctag.SkippedRegionWarning, match=r"runs\.txt: .*region skipped"):
        doc = old_pattern_model.tag_file(path)
    assert doc.source == str(path) and len(doc.warnings) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error", doctag.SkippedRegionWarning)
        with pytest.raises(doctag.SkippedRegionWarning):
            old_pattern_model.tag_text(pathological_text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("ignore", doctag.SkippedRegionWarning)
        assert len(old_pattern_model.tag_text(pathological_text).warnings) == 1
    assert caught == []


def test_warnings_survive_pickling(old_pattern_model, pathological_text):
    with pytest.warns(doctag.SkippedRegionWarning):
        doc = old_pattern_model.tag_text(pathological_text)
    again = pickle.loads(pickle.dumps(doc))
    assert again.warnings == doc.warnings and again.entities == doc.entities
    # a state pickled before warnings existed has none
    state = doc.__getstate__()
    del state["warnings"]
    old = doctag.Document.__new__(doctag.Document)
    old.__setstate__(state)
    assert old.warnings == () and old.entities == doc.entities


def test_ordinary_text_has_no_warnings(model, tiny_pdf):
    with warnings.catch_warnings():
        warnings.simplefilter("error", doctag.SkippedRegionWarning)
        assert model.tag_text(PARA1 + "X/A/" * 1000 + PARA2).warnings == ()
        assert model.tag_pdf(tiny_pdf).warnings == ()
        assert model.tag_text("").warnings == ()


# ---- Model files, trust, pickling ----------------------------------------------

def test_trusted_and_untrusted_model_files_tag_alike(tmp_path, old_pattern_model,
                                                     pathological_text):
    path = tmp_path / "with-old.dtm"
    old_pattern_model.save(path)
    untrusted = doctag.Model(path)
    trusted = doctag.Model(path, trusted=True)
    assert not untrusted.trusted and trusted.trusted and "trusted" in repr(trusted)
    assert trusted.entry_count == untrusted.entry_count == old_pattern_model.entry_count
    text = PARA1 + "ICE paid Palantir; X/12/3 and A/HRC/48/76." + PARA2
    want = old_pattern_model.tag_text(text).entities
    assert "X/12/3" in {e.text for e in want}
    assert untrusted.tag_text(text).entities == want
    assert trusted.tag_text(text).entities == want
    # both recompiled and as-is patterns skip the same region
    with pytest.warns(doctag.SkippedRegionWarning):
        assert len(trusted.tag_text(pathological_text).warnings) == 1
    with pytest.warns(doctag.SkippedRegionWarning):
        assert len(untrusted.tag_text(pathological_text).warnings) == 1


def test_a_hostile_model_file_is_refused_untrusted(tmp_path, model):
    path = tmp_path / "damaged.dtm"
    model.save(path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(doctag.ModelError):
        doctag.Model(path)


def test_model_with_limits_pickles_round_trip(tmp_path, model, tiny_pdf):
    path = tmp_path / "default.dtm"
    model.save(path)
    limits = doctag.Limits(max_entities=2, max_pages=1)
    mine = doctag.Model(path, limits=limits, trusted=True)
    assert repr(mine).endswith(f"limits={limits!r}, trusted, {mine.entry_count} entries>")
    again = pickle.loads(pickle.dumps(mine))
    assert (again.path, again.limits, again.trusted) == (str(path), limits, True)
    assert repr(again) == repr(mine)
    with pytest.raises(doctag.LimitError):
        again.tag_text("ICE paid Palantir $91.9 million under the ICCPR.")
    with pytest.raises(doctag.PDFLimitError):
        again.tag_pdf(tiny_pdf)
    # a model with the defaults pickles as before limits existed
    assert model.__reduce__() == (doctag.Model, (None, ()))
    plain = pickle.loads(pickle.dumps(doctag.Model(path)))
    assert plain.limits == doctag.Limits() and not plain.trusted
