"""What a reader sees, in a real browser: Debian's Chromium driven by Playwright, against the
built default story served from a local port."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, sync_playwright

from conftest import ROOT
from explainer import load_story

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
PAGE_TYPES = {
    "home": "",
    "actor": "actors/dmitry-peskov/",
    "claim": "claims/kirby-calls-claim-ludicrous/",
    "source": "sources/vision-times-2023-05-05/",
    "event": "events/kremlin-drone-incident/",
    "actors-index": "actors/",
    "claims-index": "claims/",
    "timeline": "timeline/",
    "tags": "tags/",
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

if not Path(CHROMIUM).exists():  # pragma: no cover - .ci/run installs it
    pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)", pytrace=False)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(default_build):
    handler = functools.partial(_Quiet, directory=str(default_build[0]))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        # no background networking: the machine has no internet and Chromium would keep trying
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport=SIZES["desktop"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
    yield page
    context.close()
    assert errors == []


def search(page: Page, base: str, query: str) -> list[str]:
    """The result links, in order, after typing `query` into the site's search box."""
    page.goto(base)
    page.click("label.md-search__icon, .md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Type')")
    # the whole query at once, so no result list for a partial query can be read by mistake
    page.fill(".md-search__input", query)
    # every bundle has answered (the claims' results come after the others')
    page.wait_for_function("q => document.querySelector('[data-explainer-search]').dataset.answered === q",
                           arg=query.strip(), timeout=10000)
    page.wait_for_selector("li.md-search-result__item > a", timeout=10000)
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a", "els => els.map(e => e.href)")
    return [urlsplit(h).path for h in hrefs]


def _aliases(actor_id: str) -> list[str]:
    actor = load_story(ROOT / "data").by_id[actor_id]
    return [actor.name, *actor.aliases]


@pytest.mark.parametrize("query", _aliases("volodymyr-zelenskiy") + ["Zelenskyy", "Зеленський"])
def test_any_spelling_of_zelenskiy_finds_his_page_first(page, server, query):
    assert search(page, server, query)[0] == "/actors/volodymyr-zelenskiy/"


@pytest.mark.parametrize("query", _aliases("dmitry-peskov") + ["Песков"])
def test_any_spelling_of_peskov_finds_his_page_first(page, server, query):
    assert search(page, server, query)[0] == "/actors/dmitry-peskov/"


def test_claims_are_found_by_words_of_their_quotes(page, server):
    assert "/claims/kirby-calls-claim-ludicrous/" in search(page, server, "ludicrous")[:2]
    assert "/claims/bendett-symbolic-strike/" in search(page, server, "symbolic")[:2]


def test_a_page_is_found_by_its_own_words_not_by_the_words_of_records_it_lists(page, server):
    answered = "claims/peskov-us-behind-attack/"
    page.goto(server + answered)
    assert "ludicrous" in page.inner_text("article")  # it lists Kirby's answer, in his words
    results = search(page, server, "ludicrous")
    assert "/claims/kirby-calls-claim-ludicrous/" in results
    assert "/" + answered not in results and "/actors/dmitry-peskov/" not in results


def test_search_fetches_small_index_pieces_only_when_asked(page, server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page.goto(server, wait_until="networkidle")
    assert not [r for r in requests if "pagefind" in r]  # a reader who does not search pays nothing
    assert search(page, server, "ludicrous")
    fetched = [r for r in requests if r.startswith("/pagefind/")]
    bundles = ["actors", "claims"]  # actors, events, sources and the other pages; then the claims
    assert fetched[0] == "/pagefind/bundles.json"
    assert all(f"/pagefind/{name}/pagefind.js" in fetched for name in bundles)
    assert any(r.startswith("/pagefind/claims/index/") for r in fetched)
    assert not [r for r in requests if r.endswith("search_index.json")]


def test_search_missing_its_index_at_first_tries_again(page, server):
    """In preview the index is made after the page is shown: a search opened before it is there finds
    nothing to load, quietly, and the next search loads it."""
    asked = []

    def first_missing(route):
        asked.append(route.request.url)
        route.fulfill(status=404, body="") if len(asked) == 1 else route.continue_()

    page.route("**/pagefind/bundles.json", first_missing)
    page.goto(server)
    with page.expect_response("**/pagefind/bundles.json") as missing:
        page.click(".md-search__input")
    assert missing.value.status == 404 and len(asked) == 1
    page.fill(".md-search__input", "ludicrous")
    page.wait_for_selector("li.md-search-result__item > a", timeout=10000)
    assert len(asked) == 2


def test_search_by_keyboard_alone(page, server):
    page.goto(server)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("Peskov")
    # on a busy machine the keys can come more than the search's pause (100 ms) apart, and "Pesk" is
    # searched and drawn first: wait for the whole word's search to have answered
    page.wait_for_function("document.querySelector('[data-explainer-search]').dataset.answered === 'Peskov'",
                           timeout=10000)
    page.wait_for_selector("li.md-search-result__item > a")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert urlsplit(first).path == "/actors/dmitry-peskov/"
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("s")
    page.keyboard.press("Enter")  # the query is still there; Enter opens the first result
    page.wait_for_url(first)
    assert page.locator("article h1").inner_text().startswith("Dmitry Peskov")


def test_search_lists_more_results_as_the_list_is_scrolled(page, server):
    results = search(page, server, "the")
    count = int(page.inner_text(".md-search-result__meta").split()[0])
    assert len(results) < count  # the first ten pages and their sections, not all at once
    page.hover(".md-search__scrollwrap")
    for _ in range(30):
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(100)
    more = page.eval_on_selector_all("li.md-search-result__item > a", "els => els.length")
    assert more > len([r for r in results if "#" not in r])


def test_reach_kirbys_answer_to_peskov_from_home_by_clicking(page, server):
    page.goto(server)
    page.click("article a:has-text('Peskov: Washington was behind the attack')")
    assert urlsplit(page.url).path == "/claims/peskov-us-behind-attack/"
    assert page.locator("article").get_by_text("Denied by").count() >= 1
    page.click("article li:has-text('Denied by') a:has-text('Kirby: \"a ludicrous claim\"')")
    assert urlsplit(page.url).path == "/claims/kirby-calls-claim-ludicrous/"
    assert "Obviously, it’s a ludicrous claim" in page.locator("article blockquote").first.inner_text()


def test_keyboard_alone_reaches_an_actor_page(page, server):
    """Tab from the top of the actors index to the first actor link, then Enter opens it."""
    page.goto(server + "actors/")
    target = None
    for _ in range(80):
        page.keyboard.press("Tab")
        target = page.evaluate("""() => { const a = document.activeElement;
            return a.tagName === 'A' && a.closest('article') && !a.getAttribute('href').startsWith('#') ? a.href : null }""")
        if target:
            break
    assert target and "/actors/" in target, "no actor link in the article took keyboard focus"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("article h1").count() == 1


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_request_stays_on_the_local_server(page, server, name):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + PAGE_TYPES[name], wait_until="networkidle")
    assert requests and all(r.startswith(server) for r in requests), [r for r in requests if not r.startswith(server)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_serious_accessibility_violation(browser, server, name, scheme):
    context = browser.new_context(viewport=SIZES["desktop"], color_scheme=scheme)
    page = context.new_page()
    page.goto(server + PAGE_TYPES[name], wait_until="networkidle")
    violations = Axe().run(page).response["violations"]
    context.close()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["", "actors/dmitry-peskov/"])
def test_diagram_names_are_readable_at_any_width(browser, server, path, size):
    """The drawing shown (the circle on wide screens, the column on phones) writes names at least 12 px tall."""
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.goto(server + path, wait_until="networkidle")
    heights = page.evaluate("""() => [...document.querySelectorAll('.explainer-dispute svg text')]
        .map(t => t.getBoundingClientRect().height).filter(h => h > 0)""")
    shown = page.evaluate("""() => [...document.querySelectorAll('.explainer-dispute svg')]
        .filter(s => s.getBoundingClientRect().height > 0).map(s => s.getAttribute('class'))""")
    context.close()
    assert shown == [f"explainer-diagram explainer-diagram--{'narrow' if size == 'phone' else 'wide'}"]
    assert heights and min(heights) >= 12, heights


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_screenshot_each_page_type(browser, server, name, size, scheme):
    """Saved under tests/artifacts/ for a person to look at; the page must not scroll sideways."""
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    page = context.new_page()
    page.goto(server + PAGE_TYPES[name], wait_until="networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size}-{scheme}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def test_the_timeline_reads_in_the_order_things_were_said(page, server):
    page.goto(server + "timeline/")
    titles = page.eval_on_selector_all(".explainer-tl--claim > p:not(.explainer-tl__when) > a:first-child",
                                       "links => links.map(a => a.textContent)")
    assert len(titles) == 12

    def at(start: str) -> int:
        return next(i for i, t in enumerate(titles) if t.startswith(start))

    assert at("Peskov: Washington") < at("Kirby:") and at("Peskov: Washington") < at("The United States rejects")
    for answer in ("Zelenskiy:", "Podolyak: Ukraine", "Podolyak: the accusation"):
        assert at("Russia blames Ukraine") < at(answer)


def test_readers_get_no_editors_material(page, server):
    assert page.goto(server + "writing/").status == 404 and page.goto(server + "schema/").status == 404
    page.goto(server + "actors/dmitry-peskov/")
    assert page.locator(".explainer-origin").count() == 0 and "Made from" not in page.inner_text("article")
    assert page.locator("meta[property='og:title']").get_attribute("content") == "Dmitry Peskov"
