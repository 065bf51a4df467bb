"""The notebook view: legend, type filters, custom colours, page breaks,
wrapped entities as one highlight; the compact Entity repr; displaCy's
manual format."""

import re

import pytest

import doctag

from conftest import make_pdf

# An agency that wraps over the line break, and entities on two pages.
WRAPPED_PAGES = [
    ["The US Department of Homeland", "Security paid $5 million to ICE."],
    ["The ICCPR binds the UN High Commissioner for Human Rights."],
]


@pytest.fixture(scope="module")
def two_pages(model, tmp_path_factory):
    path = tmp_path_factory.mktemp("nb") / "two.pdf"
    path.write_bytes(make_pdf(WRAPPED_PAGES))
    return model.tag_pdf(path)


def test_entity_repr_is_compact(model, two_pages):
    dhs = next(e for e in model.tag_text("The DHS said so.") if e.text == "DHS")
    assert repr(dhs) == "<agency 'DHS' id=DHS>"
    ice = next(e for e in two_pages if e.text == "ICE")
    assert repr(ice) == "<agency 'ICE' id=ICE p.1>"
    iccpr = next(e for e in two_pages if e.text == "ICCPR")
    assert repr(iccpr) == "<instrument 'ICCPR' id=ICCPR p.2>"


def test_page_starts(two_pages):
    assert len(two_pages.page_starts) == 2 and two_pages.page_starts[0] == 0
    assert two_pages.text[two_pages.page_starts[1]:].startswith("The ICCPR binds")


def test_render_has_a_legend_with_counts(two_pages):
    html = two_pages.render()
    counts = {t: sum(e.type == t for e in two_pages) for t in doctag.ENTITY_TYPES}
    for t, n in counts.items():
        assert f'class="doctag-legend-{t}"' in html
        assert f"{t.replace('_', ' ')} ({n})</span>" in html


def test_render_filters_types(two_pages):
    html = two_pages.render(types=["money"])
    assert html.count("<mark") == sum(e.type == "money" for e in two_pages) == 1
    assert "doctag-agency" not in html and "doctag-legend-agency" not in html
    assert "Homeland" in html  # the text is all there, only not marked
    with pytest.raises(ValueError):
        two_pages.render(types=["person"])


def test_render_custom_colours(two_pages):
    html = two_pages.render(colors={"money": "#123456", "agency": "rebeccapurple"})
    assert "background:#123456" in html and "background:rebeccapurple" in html
    assert f"background:{doctag.COLORS['instrument']}" in html
    for bad in ['red;" onmouseover="x', "url(x)", 7]:
        with pytest.raises(ValueError):
            two_pages.render(colors={"money": bad})
    with pytest.raises(ValueError):
        two_pages.render(colors={"person": "red"})


def test_render_marks_page_breaks(two_pages):
    html = two_pages.render()
    assert html.count('class="doctag-page-break"') == 1
    assert re.search(r'doctag-page-break"[^>]*>page 2</span>The <mark[^>]*>ICCPR', html)


def test_wrapped_entity_is_one_highlight(two_pages):
    dhs = next(e for e in two_pages if e.canonical_raw == "id=DHS")
    assert "\n" in dhs.text  # it wraps in the text
    html = two_pages.render()
    assert ">US Department of Homeland Security<span" in html


def test_repr_html_is_render(two_pages):
    assert two_pages._repr_html_() == str(two_pages.render())
    assert two_pages.render()._repr_html_() == str(two_pages.render())


def test_to_displacy_manual_format(two_pages):
    data = two_pages.to_displacy()
    assert set(data) == {"text", "ents", "title"}
    assert data["text"] == two_pages.text and data["title"] == two_pages.source
    assert len(data["ents"]) == len(two_pages)
    for ent, e in zip(data["ents"], two_pages):
        assert data["text"][ent["start"]:ent["end"]] == e.text
        assert ent["label"] == e.type.upper()
    assert set(doctag.DISPLACY_OPTIONS["colors"]) == {t.upper() for t in doctag.ENTITY_TYPES}


def test_to_displacy_renders_with_spacy_when_installed(two_pages):
    displacy = pytest.importorskip("spacy.displacy", reason="spaCy not installed")
    html = displacy.render(two_pages.to_displacy(), style="ent", manual=True,
                           options=doctag.DISPLACY_OPTIONS, page=False, jupyter=False)
    assert "AGENCY" in html
