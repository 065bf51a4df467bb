"""Tagging text: entity fields, string indices, canonical forms, tables."""

from decimal import Decimal

import pytest

import doctag

PALANTIR = ("In 2022, U.S. Immigration and Customs Enforcement (ICE) awarded Palantir "
            "a $91.9 million contract, according to the UN High Commissioner for Human Rights.")

# Non-ASCII before the entities: 2-byte (Ä, ü, £), 3-byte (…, “, ”, –) and
# 4-byte characters (the 🇺🇳 flag is two code points of 4 bytes each), so byte
# offsets and string indices differ by more at every step.
NON_ASCII = ("Ärzte über die „Grenzen“… 🇺🇳 – "
             "The Department of Homeland Security (DHS) paid £5 million to the contractor; "
             "see UN Doc. A/HRC/48/76 and the ICCPR.")


def find(doc, type_, text):
    hits = [e for e in doc if e.type == type_ and e.text == text]
    assert hits, f"no {type_} {text!r} in {[(e.type, e.text) for e in doc]}"
    return hits[0]


def test_entities_have_fields_and_types(model):
    doc = model.tag_text(PALANTIR)
    assert isinstance(doc, doctag.Document)
    assert doc.text == PALANTIR
    assert len(doc) == len(doc.entities) > 0
    assert list(doc) == doc.entities and doc[0] == doc.entities[0]
    for e in doc:
        assert isinstance(e, doctag.Entity)
        assert e.type in doctag.ENTITY_TYPES
        assert isinstance(e.start, int) and isinstance(e.end, int)
        assert 0 <= e.start < e.end <= len(doc.text)
        assert doc.text[e.start:e.end] == e.text
        assert isinstance(e.canonical, dict) and isinstance(e.canonical_raw, str)
        assert e.page is None and e.boxes is None and e.bbox is None  # text, not PDF
    starts = [e.start for e in doc]
    assert starts == sorted(starts)

    ice = find(doc, "agency", "ICE")
    assert ice.canonical == {"id": "ICE"} and ice.canonical_raw == "id=ICE"
    money = find(doc, "money", "$91.9 million")
    assert money.canonical == {"value": 91900000, "currency": "USD"}
    assert type(money.canonical["value"]) is int
    assert money.start == PALANTIR.index("$91.9")


def test_entity_types_are_the_library_names():
    assert doctag.ENTITY_TYPES == ("money", "un_symbol", "agency", "instrument")


def test_indices_are_string_indices_after_non_ascii(model):
    doc = model.tag_text(NON_ASCII)
    assert doc.entities
    for e in doc:
        assert NON_ASCII[e.start:e.end] == e.text, e
    pound = find(doc, "money", "£5 million")
    assert pound.start == NON_ASCII.index("£5 million")
    assert pound.end == pound.start + len("£5 million")
    # the byte offset is larger: the C API's offsets have been converted
    assert len(NON_ASCII[:pound.start].encode()) > pound.start
    assert pound.canonical == {"value": 5000000, "currency": "GBP"}
    dhs = find(doc, "agency", "DHS")
    assert dhs.start == NON_ASCII.index("(DHS)") + 1
    symbol = find(doc, "un_symbol", "A/HRC/48/76")
    assert symbol.canonical == {"symbol": "A/HRC/48/76"}


def test_corpus_texts_slice_exactly(model, corpus_texts):
    """Every entity of every corpus text (quotes, dashes, §...) is the exact
    slice of the text at its indices."""
    for path in corpus_texts:
        text = path.read_text(encoding="utf-8")
        doc = model.tag_text(text)
        assert len(doc) > 5, path.name
        for e in doc:
            assert text[e.start:e.end] == e.text, (path.name, e)


def test_corpus_text_gold_money(model, corpus_texts):
    text = next(p for p in corpus_texts if p.name.startswith("bhrrc")).read_text("utf-8")
    money = [e for e in model.tag_text(text) if e.type == "money"]
    assert ("$91.9 million", {"value": 91900000, "currency": "USD"}) in \
        [(e.text, e.canonical) for e in money]


def test_canonical_dict_typing():
    parse = doctag.parse_canonical
    assert parse("value=91900000;currency=USD") == {"value": 91900000, "currency": "USD"}
    assert parse("min=65000000000;max=68000000000;currency=USD") == \
        {"min": 65000000000, "max": 68000000000, "currency": "USD"}
    assert parse("value=3.5;currency=EUR") == {"value": Decimal("3.5"), "currency": "EUR"}
    assert parse("value=115000000;currency=USD;qualifier=plus")["qualifier"] == "plus"
    # ids stay strings, even numeric-looking ones
    assert parse("id=HB19-1124") == {"id": "HB19-1124"}
    assert parse("id=1234") == {"id": "1234"}
    assert parse("id=HRC resolution 47/23") == {"id": "HRC resolution 47/23"}
    assert parse("symbol=S/RES/2334(2016)") == {"symbol": "S/RES/2334(2016)"}
    assert parse("") == {}
    # each call gives a fresh dict: mutating one entity's canonical is local
    a = parse("id=ICE")
    a["id"] = "x"
    assert parse("id=ICE") == {"id": "ICE"}


def test_money_range_in_text(model):
    doc = model.tag_text("The market is worth $65-68 billion a year.")
    m = find(doc, "money", "$65-68 billion")
    assert m.canonical == {"min": 65000000000, "max": 68000000000, "currency": "USD"}


def test_entities_are_frozen_and_hashable(model):
    e = model.tag_text(PALANTIR)[0]
    with pytest.raises(AttributeError):
        e.start = 3
    assert hash(e) == hash(model.tag_text(PALANTIR)[0])
    assert e == model.tag_text(PALANTIR)[0]
    assert len({e, model.tag_text(PALANTIR)[0]}) == 1


def test_to_records(model):
    doc = model.tag_text(PALANTIR)
    records = doc.to_records()
    assert len(records) == len(doc)
    money = next(r for r in records if r["type"] == "money")
    assert money == {
        "type": "money", "text": "$91.9 million",
        "start": PALANTIR.index("$91.9"), "end": PALANTIR.index("$91.9") + 13,
        "page": None, "canonical": "value=91900000;currency=USD",
        "value": 91900000, "currency": "USD",
    }
    ice = next(r for r in records if r["text"] == "ICE")
    assert ice["id"] == "ICE" and "value" not in ice


def test_to_pandas(model):
    pd = pytest.importorskip("pandas", reason="pandas not installed (apt-get install python3-pandas)")
    doc = model.tag_text(PALANTIR + " It later got $3.50 more.")
    df = doc.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == len(doc)
    assert list(df.columns[:6]) == ["type", "text", "start", "end", "page", "canonical"]
    assert {"value", "currency", "id"} <= set(df.columns)
    assert str(df["value"].dtype) == "float64"
    assert df.loc[df.text == "$91.9 million", "value"].item() == 91900000.0
    assert df["page"].isna().all()
    assert (df.loc[df.type == "agency", "id"].notna()).all()


def test_to_pandas_without_pandas_says_so(model, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="python3-pandas"):
        model.tag_text(PALANTIR).to_pandas()


def test_empty_text_is_an_empty_document(model):
    doc = model.tag_text("")
    assert len(doc) == 0 and doc.text == "" and doc.to_records() == []


def test_text_without_entities(model):
    doc = model.tag_text("Nothing to see here, only a notice about ice cream.")
    assert [e.text for e in doc] == []


def test_utf8_bytes_tag_like_the_str(model):
    text = "\u00c4rzte \u2026 paid \u00a35 million to ICE. " + PALANTIR
    from_str, from_bytes = model.tag_text(text), model.tag_text(text.encode("utf-8"))
    assert len(from_bytes) == len(from_str) > 0
    assert list(from_bytes) == list(from_str)          # same str indices, same values
    assert from_bytes.text == text
    for e in from_bytes:
        assert from_bytes.text[e.start:e.end] == e.text


def test_invalid_utf8_bytes_are_a_text_error(model):
    with pytest.raises(doctag.TextError, match="byte 2"):
        model.tag_text(b"ab\xffc ICE")


def test_other_types_are_refused(model):
    with pytest.raises(TypeError, match="str or UTF-8 bytes"):
        model.tag_text(12)


def test_lone_surrogate_is_a_text_error(model):
    with pytest.raises(doctag.TextError) as info:
        model.tag_text("ICE paid \udcff $5 million")
    assert isinstance(info.value, ValueError)
    assert info.value.code == doctag._native.ERR_UTF8
    assert "surrogate" in str(info.value)


def test_version():
    assert doctag.version() == doctag._native.HEADER_VERSION
    assert doctag.__version__ == doctag.version()
    assert doctag._native.version_number() == doctag._native.HEADER_VERSION_NUMBER


def test_surface_collapses_whitespace(model):
    doc = model.tag_text("The U.S. Immigration and\nCustoms   Enforcement raided homes.")
    ice = [e for e in doc if e.canonical.get("id") == "ICE"]
    assert ice, [(e.type, e.text) for e in doc]
    assert "\n" in ice[0].text and ice[0].surface == "U.S. Immigration and Customs Enforcement"
