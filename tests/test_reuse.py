"""A reload in the same process (`mkdocs serve`) parses and checks only the files that changed, and
gives the story, or the errors, a fresh load gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer import StoryInvalid, load_story
from explainer.editing.synth import synthesize, write
from explainer.story.reuse import Reuse


def _same(one, other) -> None:
    assert list(one.by_id.raw) == list(other.by_id.raw)
    assert all(one.by_id.raw[k] == other.by_id.raw[k] and one.by_id.raw[k].where == other.by_id.raw[k].where
               for k in other.by_id.raw)
    assert one.texts.raw == other.texts.raw and one.quotes_verified == other.quotes_verified
    assert one.info == other.info


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_reload_after_an_edit_reuses_the_unchanged_files_and_equals_a_fresh_load(tmp_path):
    write(tmp_path, synthesize(60, seed=3))
    reuse = Reuse()
    first = load_story(tmp_path, reuse=reuse)
    edited = sorted(tmp_path.glob("claims-*.yml"))[0]
    _replace(edited, "  summary: ", "  summary: Edited ")
    again = load_story(tmp_path, reuse=reuse)
    _same(again, load_story(tmp_path))
    kept = {k for k, e in again.by_id.raw.items() if first.by_id.raw.get(k) is e}
    assert kept and all(again.by_id.raw[k].where.path != edited for k in kept)
    assert all(e.where.path == edited for k, e in again.by_id.raw.items() if k not in kept)


def test_a_source_text_edited_so_a_quote_no_longer_stands_is_reported_as_a_fresh_load_reports_it(tmp_path):
    write(tmp_path, synthesize(60, seed=3))
    reuse = Reuse()
    load_story(tmp_path, reuse=reuse)
    text = sorted((tmp_path / "texts").glob("*.txt"))[0]
    text.write_text("Nothing anyone said.\n", encoding="utf-8")
    with pytest.raises(StoryInvalid) as reused:
        load_story(tmp_path, reuse=reuse)
    with pytest.raises(StoryInvalid) as fresh:
        load_story(tmp_path)
    assert reused.value.report() == fresh.value.report()
    text.unlink()  # and a file gone is an error too, not a memory of it
    with pytest.raises(StoryInvalid) as gone:
        load_story(tmp_path, reuse=reuse)
    assert "cannot read" in gone.value.report() or "No such file" in gone.value.report()


def test_a_broken_file_fixed_again_loads_as_before(tmp_path):
    write(tmp_path, synthesize(30, seed=4))
    reuse = Reuse()
    before = load_story(tmp_path, reuse=reuse)
    actors = tmp_path / "actors.yml"
    good = actors.read_text(encoding="utf-8")
    actors.write_text(good.replace("actors:", "actors: [", 1), encoding="utf-8")
    with pytest.raises(StoryInvalid):
        load_story(tmp_path, reuse=reuse)
    actors.write_text(good, encoding="utf-8")
    _same(load_story(tmp_path, reuse=reuse), before)
