"""Shared fixtures: the project root, golden-file comparison, and real MkDocs builds in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
BIN = Path(sys.executable).parent
# UPDATE_GOLDEN=1 rewrites expected files from what the code produces now; review the diff before committing.
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def assert_golden(actual: str, expected_file: Path) -> None:
    if UPDATE or not expected_file.exists():
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected_file} did not exist; written now, review it and run again")
    assert actual == expected_file.read_text(encoding="utf-8")


def make_site(tmp: Path, data: Path, docs: Path | None = None, overrides: Path | None = None) -> Path:
    """A throwaway site folder: the project's mkdocs.yml, the given data, and docs/overrides."""
    site = tmp / "project"
    shutil.copytree(data, site / "data")
    shutil.copytree(docs or ROOT / "docs", site / "docs")
    shutil.copytree(overrides or ROOT / "overrides", site / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    return site


def errors_after(tmp_path: Path, data: Path, file: str, old: str, new: str) -> str:
    """The errors a copy of the story in `data` gives once `old` is replaced by `new` in its `file`."""
    from explainer import StoryInvalid, load_story
    shutil.copytree(data, tmp_path / "data")
    path = tmp_path / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{file} has no {old!r} to replace"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(StoryInvalid) as raised:
        load_story(tmp_path / "data")
    return raised.value.report()


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in `project`, as an editor would run it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", *extra], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def in_dir(monkeypatch):
    """Run the test from inside a folder, so error paths print relative to it as they would for an editor."""
    def enter(path: Path) -> Path:
        monkeypatch.chdir(path)
        return path
    return enter


@pytest.fixture(scope="session")
def default_build(tmp_path_factory):
    """One strict build of the default story, shared by every test that reads the built site."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out, result
