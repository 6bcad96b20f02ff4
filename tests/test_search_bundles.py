"""How the search index is cut into bundles (by folder, in the configured order, each part bounded), and
when it is made."""

import subprocess
import sys
import time
from types import SimpleNamespace

from explainer.engine import search
from explainer.engine.search import SearchPlugin, folders_pattern, plan_bundles

PAGES = ["index.html", "actors/a/index.html", "actors/b/index.html", "events/e/index.html",
         "claims/x/index.html", "claims/y/index.html", "claims/z/index.html", "claimsx/index.html"]


def test_pages_go_to_the_first_bundle_naming_their_folder_and_the_rest_with_the_first():
    planned = plan_bundles(PAGES, [["actors/", "events"], ["claims/"]], 100)
    assert list(planned) == ["actors", "claims"]
    assert planned["actors"] == ["index.html", "actors/a/index.html", "actors/b/index.html", "events/e/index.html",
                                 "claimsx/index.html"]  # a folder is matched whole
    assert planned["claims"] == ["claims/x/index.html", "claims/y/index.html", "claims/z/index.html"]


def test_a_bundle_over_the_limit_is_split_in_order_and_every_page_kept_once():
    planned = plan_bundles(PAGES, [["actors/"], ["claims/"]], 2)
    assert planned["claims"] == ["claims/x/index.html", "claims/y/index.html"]
    assert planned["claims-2"] == ["claims/z/index.html"]
    assert sorted(p for pages in planned.values() for p in pages) == sorted(PAGES)
    assert all(len(pages) <= 2 for pages in planned.values())


def test_a_split_bundle_has_parts_of_even_size():
    pages = [f"claims/{n}/index.html" for n in range(25)]
    planned = plan_bundles(pages, [["claims/"]], 12)
    assert [len(part) for part in planned.values()] == [9, 9, 7]  # three parts, as with 12, 12, 1, but even
    assert [p for part in planned.values() for p in part] == pages


def test_a_bundle_of_whole_folders_is_chosen_by_a_pattern_and_a_part_of_one_is_not():
    planned = plan_bundles(PAGES, [["actors/", "events"], ["claims/"]], 100)
    assert folders_pattern(planned["actors"], PAGES) == "{actors/**/*.html,claimsx/**/*.html,events/**/*.html,index.html}"
    assert folders_pattern(planned["claims"], PAGES) == "{claims/**/*.html}"
    split = plan_bundles(PAGES, [["actors/"], ["claims/"]], 2)
    assert folders_pattern(split["claims"], PAGES) is None and folders_pattern(split["claims-2"], PAGES) is None
    assert folders_pattern(["a,b/index.html"], ["a,b/index.html"]) is None  # a name a pattern would misread


def test_without_bundles_everything_is_one():
    assert plan_bundles(PAGES, [], 100) == {"pages": PAGES}
    assert plan_bundles(PAGES, [["blog/"]], 100) == {"blog": PAGES}


def test_an_empty_site_has_no_bundle():
    assert plan_bundles([], [["actors/"]], 10) == {}


def test_in_preview_the_index_is_made_after_the_build_and_the_next_build_stops_it(tmp_path, monkeypatch):
    """The page an editor changed shows at once; a save while the indexer works stops it (it indexes a site
    about to change) instead of waiting for it, and the stopped run leaves no index in the site."""
    (tmp_path / "index.html").write_text("<article class='md-content__inner'>Words</article>")
    started, real_popen = [], subprocess.Popen

    def slow_indexer(command, **options):  # stands for Pagefind on a big site (other commands run as they are)
        if "pagefind" not in command:
            return real_popen(command, **options)
        started.append(real_popen([sys.executable, "-c", "import time; time.sleep(60)"], **options))
        return started[-1]

    monkeypatch.setattr(search.subprocess, "Popen", slow_indexer)
    plugin = SearchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    config = SimpleNamespace(site_dir=str(tmp_path))
    plugin.on_post_build(config=config)  # returns with the indexer at work
    deadline = time.monotonic() + 10
    while not started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert started and started[0].poll() is None
    began = time.monotonic()
    plugin.on_pre_build(config=config)
    assert time.monotonic() - began < 10  # not the indexer's 60 s
    assert started[0].poll() is not None  # nothing indexes under the next build
    assert plugin.indexing is None and not (tmp_path / "pagefind").exists()


def test_a_build_writes_the_index_before_it_ends(tmp_path, monkeypatch):
    plugin = SearchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    indexed = []
    monkeypatch.setattr(plugin, "_index_site", indexed.append)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert indexed == [tmp_path]
