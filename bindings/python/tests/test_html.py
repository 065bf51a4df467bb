"""Notebook display: the text with entities highlighted, everything escaped."""

import doctag


def test_html_escapes_text_and_marks_entities(model):
    text = ('<script>alert("x")</script> & the U.S. Department of Homeland Security '
            'paid <b>$5 million</b> to "ICE" contractors.')
    doc = model.tag_text(text)
    html = doc._repr_html_()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; the " in html
    assert html.count("<mark") == len(doc) >= 2
    for e in doc:
        assert f'class="doctag-entity doctag-{e.type}"' in html
    money = next(e for e in doc if e.type == "money")
    assert ">$5 million<span" in html
    assert f'title="{money.canonical_raw}"' in html
    assert ">money</span></mark>" in html and ">agency</span></mark>" in html


def test_html_colours_differ_by_type(model):
    doc = model.tag_text("ICE paid $5 million under the ICCPR; see A/HRC/48/76.")
    html = doc._repr_html_()
    colours = {t: doctag._html.COLOURS[t] for t in {e.type for e in doc}}
    assert len(set(colours.values())) == len(colours)
    for colour in colours.values():
        assert colour in html


def test_html_of_plain_text_is_just_escaped_text(model):
    html = model.tag_text("a < b > c")._repr_html_()
    assert "a &lt; b &gt; c" in html and "<mark" not in html


def test_html_cut_for_huge_documents():
    doc = doctag.Document("x" * 10 + "ICE", [])
    html = doctag._html.render(doc, max_chars=5)
    assert "xxxxx" in html and "xxxxxx" not in html and "8 more characters" in html
