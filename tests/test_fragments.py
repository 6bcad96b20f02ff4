"""Links to the passage of a source that holds a quote (URL text fragments)."""

from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import unquote

import pytest

from explainer.site.fragments import encode, text_fragment, with_directive


@pytest.mark.parametrize("words, encoded", [
    ("Obviously, it’s a ludicrous claim", "Obviously%2C%20it%E2%80%99s%20a%20ludicrous%20claim"),
    ("cease-fire & talks", "cease%2Dfire%20%26%20talks"),
    ("«Мы знаем», — сказал он", "%C2%ABМы%20знаем%C2%BB%2C%20%E2%80%94%20сказал%20он"),
    ("  spaced\nout  ", "spaced%20out"),
])
def test_terms_escape_what_the_syntax_uses(words, encoded):
    term = encode(words)
    assert unquote(term) == " ".join(words.split())
    assert not set(",&-") & set(term) and " " not in term
    assert term == encoded.replace("Мы", "%D0%9C%D1%8B").replace("знаем", "%D0%B7%D0%BD%D0%B0%D0%B5%D0%BC").replace(
        "сказал", "%D1%81%D0%BA%D0%B0%D0%B7%D0%B0%D0%BB").replace("он", "%D0%BE%D0%BD")


def test_long_quotes_are_linked_by_their_first_and_last_words():
    fragment = text_fragment("We know very well that decisions are made not in Kiev, but in Washington")
    assert fragment == ":~:text=We%20know%20very%20well,Kiev%2C%20but%20in%20Washington"
    assert text_fragment("Yes [...] and no, we won’t") == ":~:text=Yes,and%20no%2C%20we%20won%E2%80%99t"


def test_words_that_stand_twice_get_the_words_before_them():
    kept = "Such terrorist attacks, he said. Later: a significant “terrorist” attack."
    assert text_fragment("terrorist", kept) == ":~:text=a%20significant%20%E2%80%9C-,terrorist"
    assert text_fragment("attacks, he said", kept) == ":~:text=attacks%2C%20he%20said"


def test_an_address_with_a_fragment_keeps_it():
    assert with_directive("https://example.org/a#p3", ":~:text=x") == "https://example.org/a#p3:~:text=x"
    assert with_directive("https://example.org/a", ":~:text=x") == "https://example.org/a#:~:text=x"


@pytest.mark.browser
def test_chromium_scrolls_to_the_passage(tmp_path):
    from playwright.sync_api import sync_playwright
    kept = "Such terrorist attacks, he said.\n" + "Filler.\n" * 300 + "Later: a significant “terrorist” attack against the city."
    filler = "<p>Such terrorist attacks, he said.</p>" + "<p>Filler.</p>" * 300
    (tmp_path / "article.html").write_text(f"<!doctype html><meta charset=utf-8><body>{filler}<p id=target>Later: a "
                                           f"significant “terrorist” attack against the city.</p>{'<p>More.</p>' * 300}",
                                           encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = with_directive(f"http://127.0.0.1:{httpd.server_port}/article.html", text_fragment("terrorist", kept))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 800, "height": 600})
        page.goto("about:blank")  # as a reader arrives: from another page (a first navigation gets no scroll)
        page.goto(url)
        page.wait_for_function("window.scrollY > 0", timeout=5000)
        box = page.locator("#target").bounding_box()
        browser.close()
    httpd.shutdown()
    # the passage, far down the page and after an earlier "terrorist", is the one on screen
    assert box is not None and 0 <= box["y"] < 600
