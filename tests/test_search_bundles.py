"""How the search index is cut into bundles (by folder, in the configured order, each part bounded), and
when it is made."""

import threading
from types import SimpleNamespace

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


def test_in_preview_the_index_is_made_after_the_build_and_the_next_build_waits_for_it(tmp_path, monkeypatch):
    plugin = SearchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=False)
    release, indexed = threading.Event(), []
    monkeypatch.setattr(plugin, "_index_site", lambda site: (release.wait(10), indexed.append(site)))
    config = SimpleNamespace(site_dir=str(tmp_path))
    plugin.on_post_build(config=config)  # returns with the indexer still at work: the page shows at once
    assert indexed == []
    waiting = threading.Thread(target=plugin.on_pre_build, kwargs={"config": config})
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive()  # the next build does not empty the site folder under the indexer
    release.set()
    waiting.join(10)
    assert indexed == [tmp_path] and not waiting.is_alive()


def test_a_build_writes_the_index_before_it_ends(tmp_path, monkeypatch):
    plugin = SearchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    indexed = []
    monkeypatch.setattr(plugin, "_index_site", indexed.append)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert indexed == [tmp_path]
