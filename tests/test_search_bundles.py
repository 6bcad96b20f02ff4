"""How the search index is cut into bundles: by folder, in the configured order, each part bounded."""

from explainer.engine.search import plan_bundles

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


def test_without_bundles_everything_is_one():
    assert plan_bundles(PAGES, [], 100) == {"pages": PAGES}
    assert plan_bundles(PAGES, [["blog/"]], 100) == {"blog": PAGES}


def test_an_empty_site_has_no_bundle():
    assert plan_bundles([], [["actors/"]], 10) == {}
