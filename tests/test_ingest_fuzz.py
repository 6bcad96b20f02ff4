"""Property-based tests of `explainer ingest` on news-like text made of the pieces articles are made of
(names, titles, cue words, quotation marks of every kind, brackets, datelines, stray punctuation): whatever
the text, the draft is made without an exception, its quotes stand in the article word for word, and
written into a data folder it loads as a valid story."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from explainer.ingest.draft import draft, render_yaml, without_controls
from explainer.story.graph import load_story

PIECES = [
    # who
    "Ann Lee", "Mr Reid", "Dr. Hana Lindqvist", "the mayor", "Reeve Colleen Ashby", "Det Insp Rowan Kessler",
    "the Speaker", "Harbour Ferries", "the company", "a spokeswoman for the Ministry of Works", "police", "I",
    "she", "he", "they", "it", "The statement", "Cllr Máire Tuohy (FF)", "the Association of Pilots (AP)", "AP",
    "O'Brien", "al-Amiri", "Jean-Luc", "50 Cent", "X", "", "Un", "de", "the", "The", "St.",
    # saying
    "said", "says", "told reporters", "added", "denied", "rejected", "according to", "averred", "wrote", "read",
    "said on Thursday", "told the BBC on Monday", "asked", "replied", "dismissed it as",
    # words and marks
    "“", "”", '"', "'", "‘", "’", "''", "(", ")", ",", ".", ":", ";", "?", "!", " — ", "-", "\n", "\n\n",
    "We will not sell", "it was a lie", "nothing was agreed", "ludicrous", "yesterday", "on Tuesday",
    "LONDON (Reuters) —", "Nov. 27, 2026", "2:27 a.m.", "By Fiona Macrae", "PHOTO: A drone", "* * *", "…",
    "ÄÖÜ", "日本", "\u200b", "\t", "  ",
]


@st.composite
def articles(draw) -> str:
    words = draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), min_size=0, max_size=60))
    spaced = [w if draw(st.booleans()) else w + " " for w in words]
    return draw(st.sampled_from(["", "Headline\n\n"])) + "".join(spaced)


def words(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_text_drafts_into_valid_data_with_its_quotes_verbatim(text):
    made = draft(without_controls(text)[0], "article")  # as `explainer ingest` does
    for claim in made.records["claims"]:
        for quote in claim.get("quotes", []):
            assert words(quote) in words(made.marked), quote
    # a quotation no claim holds is listed where it stands in the article as written
    assert all(u.span.of(made.text) == u.words for u in made.unattributed)
    assert len(made.unattributed) <= made.quotations
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        (data / "texts").mkdir()
        (data / "texts" / "article.txt").write_text(made.text, encoding="utf-8")
        (data / "article.yml").write_text(render_yaml(made), encoding="utf-8")
        story = load_story(data)
    assert {c.id for c in story.claims} == {c["id"] for c in made.records["claims"]}
