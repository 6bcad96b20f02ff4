"""The engines a site may be built with: MkDocs 1.6, ProperDocs (its maintained fork, which runs the
plugins) and Zensical (which ignores third-party plugins, so it builds `explainer export` output);
and `explainer init`, whose new project must build at once."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, ROOT, make_site, mkdocs_build
from explainer.site.urls import not_in_nav
from sitecheck import Site

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def build(engine: str, project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / engine), "build", *args], cwd=project, env=ENV, capture_output=True,
                          text=True, timeout=300)


def html_pages(site: Path) -> dict[str, str]:
    """Every page's HTML, the generator line (which names the engine) left out."""
    return {p.relative_to(site).as_posix(): GENERATOR.sub("", p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}


def jsonld_of(page: Path) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"))
    assert found, page
    return json.loads(found.group(1))


@pytest.mark.slow
def test_properdocs_builds_the_default_story_page_for_page_as_mkdocs_does(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    assert mkdocs_build(project, "--site-dir", "by-mkdocs").returncode == 0
    result = build("properdocs", project, "--strict", "-f", "mkdocs.yml", "--site-dir", "by-properdocs")
    assert result.returncode == 0, result.stderr
    assert "65 pages generated" in result.stderr
    mkdocs, properdocs = html_pages(project / "by-mkdocs"), html_pages(project / "by-properdocs")
    assert len(mkdocs) > 60 and mkdocs.keys() == properdocs.keys()
    assert [p for p in mkdocs if mkdocs[p] != properdocs[p]] == []


def test_init_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = subprocess.run([str(BIN / "explainer"), "init", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 2 and "not an empty folder; nothing was written" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_new_project_builds_styled_with_structured_data(tmp_path, engine):
    title = 'Floods & "blame" <in> Ruritania'
    result = subprocess.run([str(BIN / "explainer"), "init", "story", "--title", title], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "story"
    built = build(engine, project, "--strict", "-f", "mkdocs.yml")
    assert built.returncode == 0, built.stderr
    site = Site(project / "site")
    assert site.broken_links() == []
    home = site.page("")
    assert home.select_one("h1").get_text().rstrip("¶") == title
    actor = project / "site" / "actors" / "jane-doe" / "index.html"
    assert jsonld_of(actor)["@type"] == "Person" and jsonld_of(actor)["name"] == "Jane Doe"
    sheets = [link["href"] for link in site.page("actors/jane-doe/").select("link[rel=stylesheet]")]
    assert any(href.endswith("assets/explainer/explainer.css") for href in sheets)
    assert ".explainer-key--denies::before" in (project / "site/assets/explainer/explainer.css").read_text()
    about = site.content_links("about/")
    assert "actors/jane-doe/index.html" in about
    claim = site.page("claims/jane-doe-denies-report/").get_text()
    assert "The report is simply wrong" in claim


def plain_config(project: Path, docs: str) -> Path:
    """The project's settings without the plugins, for Markdown that `explainer export` wrote."""
    config = (project / "mkdocs.yml").read_text().replace("docs_dir: docs", f"docs_dir: {docs}")
    config = config.replace("  - explainer:\n      data_dir: data\n", "")
    config = config.replace("  - explainer-search   # Pagefind: the index comes in small pieces, so search stays "
                            "fast on big stories\n", "")
    config = config.replace("plugins:\n", "plugins: []\n", 1) if "plugins:\n\n" in config else config
    # what the plugin does for its pages: its stylesheet, and entity pages kept out of the sidebar
    config += "extra_css:\n  - assets/explainer/explainer.css\n"
    config += not_in_nav()
    path = project / "plain.yml"
    path.write_text(config)
    return path


@pytest.mark.slow
def test_exported_markdown_builds_with_zensical(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    exported = subprocess.run([str(BIN / "explainer"), "export", "out"], cwd=project, capture_output=True, text=True)
    assert exported.returncode == 0, exported.stderr
    config = plain_config(project, "out")
    result = build("zensical", project, "--strict", "-f", config.name)
    assert result.returncode == 0, result.stdout + result.stderr
    site = Site(project / "site")
    peskov = site.page("actors/dmitry-peskov/")
    assert "We know very well that decisions" in peskov.get_text()
    # the diagram's links are xlink:href, which Zensical leaves as written: checked with every other link
    assert peskov.select("svg a[xlink\\:href]")
    assert site.broken_links() == []
