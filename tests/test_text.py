"""Text from data lands in Markdown as itself: whatever an editor (or a quoted person) wrote, the
page shows those characters and no markup made from them."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import given, settings, strategies as st
from mkdocs.config import load_config

from conftest import ROOT
from explainer.text import day, md, md_paragraphs, short

# Control characters are left out: python-markdown uses some of them internally, and no text field needs them.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80)


@pytest.fixture(scope="module")
def render():
    config = load_config(str(ROOT / "mkdocs.yml"))
    parser = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def to_html(source: str) -> str:
        parser.reset()
        return parser.convert(source)
    return to_html


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_escaped_text_renders_as_exactly_itself(render, text):
    shown = re.sub(r"\s+", " ", text).strip()
    out = render(md(text))
    if not shown:
        assert out == ""
        return
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner, out
    assert html.unescape(inner) == shown


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))",
    "**bold** _it_ `code`", "# heading", "1. item", "- item", "> quote", "--8<-- \"/etc/passwd\"",
    "{{ 7*7 }} {% if %}", "| a | b |", "{: .class }", ":smile:", "&amp; &lt;", "\\*", "<!-- c -->",
])
def test_known_payloads_are_text(render, payload):
    out = render(md(payload))
    assert html.unescape(out[3:-4]) == payload
    assert "<" not in out[3:-4]


def test_paragraphs_are_kept(render):
    assert render(md_paragraphs("One *a*.\n\nTwo\nlines.")) == "<p>One *a*.</p>\n<p>Two lines.</p>"


def test_day_is_locale_free_and_says_when_unknown():
    import datetime as dt
    assert day(dt.date(2023, 5, 3)) == "3 May 2023"
    assert day(None) == "date unknown"


def test_short_cuts_at_a_word():
    assert short("one two three four", 9) == "one two…"
    assert short("short", 9) == "short"


def test_ids_made_from_the_same_text_stay_unique_and_numbered_in_order():
    from explainer.text import slug
    taken: set[str] = set()
    ids = [slug("Dmitry Peskov said", taken, "claim") for _ in range(3000)]
    assert len(set(ids)) == 3000
    assert ids[:3] == ["dmitry-peskov-said", "dmitry-peskov-said-2", "dmitry-peskov-said-3"]
    assert ids[-1] == "dmitry-peskov-said-3000"
    assert slug("a", {"a", "a-2", "a-4"}, "x") == "a-3"  # the first free number
