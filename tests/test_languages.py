"""Quotes in their own language: checked as said, shown with their language (and direction), the
translation beside them marked as such; a story written for this test with Russian, Ukrainian and
Arabic sources."""

from __future__ import annotations

import pytest

from conftest import CASES, errors_after, make_site, mkdocs_build
from sitecheck import Site

DATA = CASES / "languages" / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_site(tmp_path_factory.mktemp("languages"), DATA)
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


def test_the_original_is_shown_with_its_language_and_the_translation_marked(site):
    figure = site.page("claims/bridge-closed/").select_one("figure.explainer-quote")
    original = figure.select_one("blockquote")
    assert original["lang"] == "ru" and original["dir"] == "ltr"
    assert original.get_text(strip=True) == "Мост будет закрыт до конца месяца, и это решение окончательное"
    translation = figure.select_one("p.explainer-translation").get_text(" ", strip=True)
    assert translation.startswith("Translation by the editors: “The bridge will be closed")


def test_right_to_left_text_says_so(site):
    original = site.page("claims/quarrel-political/").select_one("figure.explainer-quote blockquote")
    assert original["lang"] == "ar" and original["dir"] == "rtl"


def test_quotes_link_their_passage_in_the_original_and_the_archive(site):
    links = [a["href"] for a in site.page("claims/bridge-closed/").select("figure.explainer-quote figcaption a")]
    assert links[-2].startswith("https://news.example.ru/most#:~:text=%D0%9C%D0%BE%D1%81%D1%82")
    assert links[-1].startswith("https://archive.example.org/20240401/https://news.example.ru/most#:~:text=")


def test_the_original_is_checked_against_its_source_text(tmp_path):
    report = errors_after(tmp_path, DATA, "story.yml", "это решение окончательное", "это решение принято")
    assert "quote 1 is not in the text of source 'ru-report'" in report


def test_a_translation_needs_the_language_of_the_words(tmp_path):
    report = errors_after(tmp_path, DATA, "story.yml", "        language: uk\n", "")
    assert "a quote with a translation needs the 'language' of its text" in report


def test_a_source_that_may_be_republished_shows_its_text_with_quotes_marked(site):
    page = site.page("sources/ru-report/")
    marked = page.select(".explainer-text mark a")
    assert [a.get_text() for a in marked] == ["Мост будет закрыт до конца месяца, и это решение окончательное"]
    assert marked[0]["href"] == "../../claims/bridge-closed/"
    assert "«Мост будет закрыт" in page.select_one(".explainer-text").get_text()
    assert not site.page("sources/uk-report/").select(".explainer-text")  # publish_text is off by default


@pytest.mark.browser
@pytest.mark.parametrize("query", ["окончательное", "decision is final"])
def test_search_finds_the_words_in_either_language(site, query):
    import functools
    import http.server
    import threading
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{httpd.server_port}/")
        page.click("label.md-search__icon, .md-search__input")
        page.fill(".md-search__input", query)
        page.wait_for_selector("li.md-search-result__item > a", timeout=10000)
        found = page.eval_on_selector_all("li.md-search-result__item > a", "els => els.map(e => e.href)")
        browser.close()
    httpd.shutdown()
    assert "/claims/bridge-closed/" in [urlsplit(h).path for h in found]
