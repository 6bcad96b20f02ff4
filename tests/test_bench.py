"""The benchmark's pipeline at a small size, so it cannot rot: correctness, not time."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT
from sitecheck import Site

spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.slow
@pytest.mark.browser
def test_bench_pipeline_at_200_claims(tmp_path):
    figures = bench.bench(200, runs=1, folder=tmp_path, browser=True)
    project = tmp_path / "synthetic-200"
    plugin_site, vanilla_site = Site(project / "site"), Site(project / "vanilla-site")
    assert set(plugin_site.pages) == set(vanilla_site.pages)  # the baseline builds the very same pages
    assert figures["html_pages"] == len(plugin_site.pages) > 300
    assert figures["largest_page_bytes"] < 250_000
    assert figures["plugin_build_s"] > 0 and figures["vanilla_build_s"] > 0 and figures["peak_rss_bytes"] > 10**7
    assert plugin_site.broken_links() == [] and vanilla_site.broken_links() == []
    assert "| plugin / vanilla |" in bench.table([figures])
    # CPU time counts the children (Pagefind, the rendering child): more than the parent alone could use
    assert 0 < figures["vanilla_cpu_s"] and 0 < figures["plugin_cpu_s"] < 4 * figures["plugin_build_s"]
    assert "| CPU time (user + system), plugin / vanilla |" in bench.table([figures])
    # the reader's side: both searches found pages, fetching search files; a saved YAML change showed up
    for query in ("name", "common_word"):
        assert figures[f"search_{query}_results"] > 0 and figures[f"search_{query}_ms"] > 0
        assert 0 < figures[f"search_{query}_search_bytes"] < figures[f"search_{query}_bytes"]
        assert 0 < figures[f"search_{query}_gzip_bytes"] <= figures[f"search_{query}_bytes"]
    assert figures["search_name_first_is_the_person"] is True
    assert 0 < figures["serve_change_visible_s"] < 60


@pytest.mark.slow
def test_the_archive_shape_is_imported_skewed_and_builds(tmp_path):
    figures = bench.bench(300, runs=1, folder=tmp_path, browser=False, shape="archive", busy=True)
    project = tmp_path / "archive-300"
    story = bench.load_story(project / "data")
    made = sorted((len(story.claims_by(a)) for a in story.actors), reverse=True)
    assert len(story.claims) == 300 and made[0] > 30 and made.count(1) > 20  # a few speakers, many with one
    assert figures["shape"] == "archive, one core busy" and figures["html_pages"] == len(Site(project / "site").pages)


@pytest.mark.slow
def test_memory_mode_sees_each_phase_of_a_build(tmp_path):
    figures = bench.memory_phases(300, tmp_path, "synthetic")
    assert (tmp_path / "synthetic-300" / "site" / "pagefind").is_dir()
    # the forked renderer and the search indexer were both seen beside MkDocs, and each phase had memory
    for phase in ("render", "mkdocs_alone", "indexing", "mkdocs_while_indexing"):
        assert figures[f"peak_{phase}_bytes"] > 10**7, phase
    assert figures["peak_indexing_bytes"] > figures["peak_mkdocs_while_indexing_bytes"]
    assert figures["peak_bytes"] == max(figures[f"peak_{p}_bytes"] for p in ("render", "mkdocs_alone", "indexing"))
    assert "| peak while Pagefind indexes (MB) |" in bench.memory_table([figures])
