"""Nothing an editor wrote is lost or changed by explainer's writing commands (issue 19, findings 1-5).

The kill -9 loops, disk-full and read-only runs are in scripts/reliability.py (a slow test runs it small).
"""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import BIN, ROOT, make_site
from explainer import files as files_module
from explainer.editing.change import ChangedMeanwhile, ChangeRefused, DataChange, change_data
from explainer.editing.records import LayoutRefused, with_records
from explainer.errors import StoryInvalid
from explainer.story.graph import load_story

ADDED = {"id": "new-one", "name": "New One", "kind": "person"}


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "explainer"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path):
    return make_site(tmp_path, ROOT / "data")


def only_inserted(old: bytes, new: bytes) -> bool:
    """`new` is `old` with lines added and nothing else changed."""
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return all(op in ("equal", "insert") for op, *_ in ops)


LAYOUTS = {
    "comments and odd numbers": b"# people\nactors:\n  - id: a   # kept\n    name: A\n    weight: 1_000e2\n\n"
                                b"# the claims\nclaims:\n  - id: c\n    claimant: a\n    summary: S.\n",
    "CRLF line endings": b"actors:\r\n- id: a\r\n  name: A\r\n",
    "a byte-order mark": b"\xef\xbb\xbfactors:\n  - id: a\n    name: A\n",
    "no final line break": b"actors:\n  - id: a\n    name: 'A'",
    "a block text last": b"actors:\n  - id: a\n    name: A\n    description: |\n      one\n\n      two\n\nsources: []\n",
    "flow items": b"actors:\n  - {id: a, name: A}\n  - {id: b, name: B}  # two\n",
    "an empty section": b"actors: []\nclaims: []\n",
    "a null section": b"actors: ~\n",
    "no such section": b"sources:\n  - id: s\n    title: T\n",
    "an empty file": b"",
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_a_new_record_is_inserted_and_every_other_byte_kept(layout):
    old = LAYOUTS[layout]
    new = with_records(old, "actors", [ADDED])
    import yaml
    assert yaml.safe_load(new)["actors"][-1] == ADDED
    if b"[]" not in old and b"~" not in old:  # an empty [] or ~ gives way to the list; all else stays
        assert only_inserted(old, new), new
    if b"\r\n" in old:
        assert new.count(b"\n") == new.count(b"\r\n")


def test_a_section_written_as_a_flow_list_is_refused_not_rewritten():
    with pytest.raises(LayoutRefused, match="section 'actors' is not written as a list"):
        with_records(b"actors: [{id: a, name: A}]\n", "actors", [ADDED])


def test_new_keeps_a_crlf_file_byte_for_byte(project):
    people = project / "data" / "people.yml"
    old = b"# people\r\nactors:\r\n  - id: someone\r\n    name: Someone\r\n    kind: person\r\n    note_count: 1_000e2\r\n"
    people.write_bytes(old.replace(b"note_count: 1_000e2", b"description: 1_000e2"))
    before = people.read_bytes()
    result = run("new", "actor", "--name", "Someone Else", "--file", "data/people.yml", cwd=project)
    assert result.returncode == 0, result.stderr
    after = people.read_bytes()
    assert only_inserted(before, after) and b"1_000e2" in after
    assert after.count(b"\n") == after.count(b"\r\n")


@pytest.mark.parametrize("target", ["docs/about.md", "mkdocs.yml", "notes.txt", "data/texts/kept.txt", "../outside.yml"])
def test_new_writes_only_yaml_inside_the_data_folder(project, target):
    path = project / target
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("someone's words\n")
    before = path.read_bytes()
    result = run("new", "actor", "--name", "Someone", "--file", target, cwd=project)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert "data folder" in result.stderr
    assert path.read_bytes() == before


def test_new_checks_the_story_before_writing_anything(project):
    actors = project / "data" / "actors.yml"
    before = actors.read_bytes()
    result = run("new", "claim", "--summary", "A claim.", "--claimant", "nobody-at-all", cwd=project)
    assert result.returncode in (1, 2)
    assert actors.read_bytes() == before and not list((project / "data").rglob(".*.tmp"))


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_two_commands_at_once_both_land(project):
    names = [f"Person Number {i}" for i in range(6)]
    with ThreadPoolExecutor(len(names)) as pool:
        results = list(pool.map(lambda n: run("new", "actor", "--name", n, cwd=project), names))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    story = load_story(project / "data")
    assert {a.name for a in story.actors} >= set(names)


def test_a_file_saved_meanwhile_is_not_overwritten(project):
    data = project / "data"
    people = data / "actors.yml"
    with DataChange(data) as change:
        change.stage(people, with_records(change.current(people), "actors", [ADDED]))
        people.write_bytes(people.read_bytes() + b"# an editor's save\n")
        with pytest.raises(ChangedMeanwhile, match="changed while explainer was changing it"):
            change.commit()
    assert people.read_bytes().endswith(b"# an editor's save\n") and b"new-one" not in people.read_bytes()


def test_a_change_is_redone_on_what_the_editor_saved(project):
    data = project / "data"
    people = data / "actors.yml"
    saves = iter([b"# an editor's save\n"])

    def add(change: DataChange) -> None:
        change.stage(people, with_records(change.current(people), "actors", [ADDED]))
        if (save := next(saves, None)) is not None:
            people.write_bytes(people.read_bytes() + save)
        change.commit()

    change_data(data, add)
    text = people.read_bytes()
    assert b"# an editor's save\n" in text and b"new-one" in text


def test_a_change_that_breaks_the_story_writes_nothing(project):
    data = project / "data"
    people = data / "actors.yml"
    before = people.read_bytes()
    with DataChange(data) as change, pytest.raises(StoryInvalid):
        change.stage(people, with_records(change.current(people), "claims", [{"id": "x", "claimant": "nobody"}]))
        change.commit()
    assert people.read_bytes() == before


def test_a_change_outside_the_data_folder_is_refused(project):
    with DataChange(project / "data") as change, pytest.raises(ChangeRefused, match="not inside the data folder"):
        change.stage(project / "mkdocs.yml", b"actors: []\n")


def test_leftovers_of_an_interrupted_write_are_cleaned_by_the_next(project):
    left = project / "data" / ".actors.yml.abc123.tmp"
    left.write_text("half")
    result = run("new", "actor", "--name", "Someone", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "removed 1 temporary file(s)" in result.stderr and not left.exists()


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_an_ingest_cut_between_its_two_files_finishes_when_run_again(project, tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text('Officials said the bridge was closed. "We will reopen it soon," Mayor Anna Berg said.\n')
    kept = project / "data" / "texts" / "wire.txt"
    kept.parent.mkdir(exist_ok=True)
    kept.write_text(article.read_text())  # what a run killed after writing the text left
    for args in ([], ["--merge"]):
        result = run("ingest", str(article), *args, cwd=project)
        assert result.returncode == 0, result.stderr
    story = load_story(project / "data")
    assert [s.id for s in story.sources if s.id.startswith("wire")] == ["wire"]  # no "wire-2"
    assert sum(1 for c in story.claims if "reopen" in " ".join(q.text for q in c.quotes)) == 1


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_an_export_cut_short_is_finished_by_the_next(project, monkeypatch):
    assert run("export", "out", cwd=project).returncode == 0
    (project / "data" / "actors.yml").write_bytes((project / "data" / "actors.yml").read_bytes().replace(
        b"name: Dmitry Peskov", b"name: Dmitri Peskov"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from explainer.editing.export import Export
    from explainer.engine.settings import Settings
    monkeypatch.chdir(project)
    files = Export(Settings.load(project / "mkdocs.yml")).files()
    plan = files_module.plan_export(project / "out", files)
    assert len(plan.write) > 2
    writes = iter(range(2))
    real = files_module.write_atomic

    def full_disk(path, data):
        if path.name != files_module.MANIFEST and next(writes, None) is None:
            raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(files_module, "write_atomic", full_disk)
    with pytest.raises(OSError):
        files_module.apply_export(project / "out", plan, files)
    monkeypatch.setattr(files_module, "write_atomic", real)
    result = run("export", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Dmitri Peskov" in (project / "out" / "actors" / "dmitry-peskov.md").read_text()
    assert json.loads((project / "out" / files_module.MANIFEST).read_text())


@pytest.mark.parametrize("folder", [".", "data", "docs", "data/out", "docs/out", ".."])
def test_export_refuses_the_project_and_what_holds_docs_or_data(project, folder):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = run("export", folder, cwd=project)
    assert result.returncode == 2 and "refusing to export" in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_new_into_a_file_yaml_cannot_read_names_the_line_and_changes_nothing(project):
    broken = project / "data" / "broken.yml"
    broken.write_text("actors:\n  - id: a\n    name: [unclosed\n")
    result = run("new", "actor", "--name", "Someone", "--file", "data/broken.yml", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/broken.yml:" in result.stderr and "YAML syntax error" in result.stderr
    assert broken.read_text() == "actors:\n  - id: a\n    name: [unclosed\n"


def test_new_into_a_data_folder_that_does_not_exist_makes_none(tmp_path):
    result = run("new", "actor", "--name", "Someone", "--data", "no-such-folder", cwd=tmp_path)
    assert result.returncode == 1 and "data folder not found" in result.stderr
    assert not (tmp_path / "no-such-folder").exists()
