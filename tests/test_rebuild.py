"""`mkdocs build --dirty` after an edit: only the pages that show what changed are made again, and the
site is byte for byte the site a clean build makes. The second build runs in a new process, as an
editor would run it, so what the first one recorded is read from disk."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from conftest import ROOT, make_site, mkdocs_build

CLAIM = "summary: Zelenskiy rejected the idea that Ukraine was behind the attack on the Kremlin."


def _written(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def _differences(one: Path, other: Path) -> list[str]:
    found = []
    for folder, _, files in filecmp.os.walk(one):
        for name in files:
            path = Path(folder, name)
            twin = other / path.relative_to(one)
            if not twin.exists() or path.read_bytes() != twin.read_bytes():
                found.append(path.relative_to(one).as_posix())
    found += [p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file() and not (one / p.relative_to(other)).exists()]
    return sorted(found)


def _edit(project: Path, old: str, new: str) -> None:
    path = next(p for p in (project / "data").rglob("*.yml") if old in p.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.slow
def test_a_dirty_build_after_an_edit_remakes_few_pages_and_equals_a_clean_build(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    site = project / "site"
    assert mkdocs_build(project).returncode == 0
    _edit(project, CLAIM, CLAIM + " again")
    before = _written(site)
    result = mkdocs_build(project, "--dirty", "--no-strict")  # MkDocs warns about every dirty build
    assert result.returncode == 0, result.stderr
    pages = [p for p, t in _written(site).items() if p.endswith(".html") and before.get(p) != t and p != "404.html"]
    everything = [p for p in before if p.endswith(".html")]
    assert 1 <= len(pages) <= 0.25 * len(everything), pages
    kept = re.search(r"(\d+) of (\d+) story pages unchanged since the last build, not made again", result.stderr)
    assert kept and int(kept[1]) >= 0.75 * int(kept[2]), result.stderr
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "clean")).returncode == 0
    assert _differences(site, tmp_path / "clean") == []


@pytest.mark.slow
def test_records_moved_down_their_file_get_edit_links_to_their_new_lines(tmp_path):
    """A record's page opens its YAML at its line ("edit this page"): lines moved by an edit above them
    change those links even where the page's text is the same."""
    project = make_site(tmp_path, ROOT / "data")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "repo_url: https://example.org/story\nedit_uri: edit/main/docs/\n")
    assert mkdocs_build(project).returncode == 0
    _edit(project, "actors:\n", "actors:\n  # two lines\n  # more\n")
    assert mkdocs_build(project, "--dirty", "--no-strict").returncode == 0
    assert mkdocs_build(project, "--site-dir", str(tmp_path / "clean")).returncode == 0
    assert _differences(project / "site", tmp_path / "clean") == []
