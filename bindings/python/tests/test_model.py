"""Models: the default one, extra dictionaries, saved models."""

import pytest

import doctag


def test_default_model(model):
    assert model.path is None and model.extra_dictionaries == ()
    assert model.entry_count > 100
    assert "default" in repr(model)


def test_extra_dictionary_adds_entries(tmp_path, model):
    extra = tmp_path / "colorado.dict"
    extra.write_text("# a dictionary of our own\n@type agency\n"
                     "OMR = Migration Records Unit | OMR\n", encoding="utf-8")
    # a name the default model cannot know by its shape (no body word)
    text = "The Migration Records Unit (OMR) gave ICE access to its files."
    assert not [e for e in model.tag_text(text) if e.canonical.get("id") == "OMR"]
    mine = doctag.Model(extra_dictionaries=[extra])
    assert mine.entry_count > model.entry_count
    assert [(e.type, e.text, e.canonical) for e in mine.tag_text(text)] == [
        ("agency", "Migration Records Unit", {"id": "OMR"}),
        ("agency", "OMR", {"id": "OMR"}),
        ("agency", "ICE", {"id": "ICE"}),
    ]
    # one path alone is one dictionary, not a list of characters
    assert doctag.Model(extra_dictionaries=str(extra)).entry_count == mine.entry_count


def test_saved_model_round_trip(tmp_path, model):
    path = tmp_path / "default.dtm"
    model.save(path)
    assert path.stat().st_size > 0
    reopened = doctag.Model(path)
    assert reopened.path == str(path)
    assert reopened.entry_count == model.entry_count
    text = "ICE paid Palantir $91.9 million under the ICCPR."
    assert reopened.tag_text(text).entities == model.tag_text(text).entities


def test_save_to_unwritable_place_is_a_file_error(model, tmp_path):
    with pytest.raises(doctag.FileError):
        model.save(tmp_path / "no" / "such" / "dir" / "m.dtm")
