"""The default story in data/ holds every actor, claim, quote and source of the seed article,
and its quotes stand word for word in the article's text."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from explainer import StoryInvalid, load_story
from explainer.story.quotes import normalise

ARTICLE = ROOT / "data" / "texts" / "vision-times-2023-05-05.txt"
SEED = ROOT.parent / "shared" / "seeds" / "000_0c93eca866b39257.txt"


@pytest.fixture(scope="module")
def story():
    return load_story(ROOT / "data")


def test_the_article_text_is_the_seed_article():
    if not SEED.exists():
        pytest.skip("shared/ is not beside this checkout")  # CI has it; the data copy is checked below anyway
    assert ARTICLE.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("actor", [
    "dmitry-peskov", "john-kirby", "vladimir-putin", "volodymyr-zelenskiy", "mykhailo-podolyak", "dmitry-medvedev",
    "samuel-bendett", "cnas", "kremlin", "white-house", "national-security-council", "ukraine", "united-states",
    "russia", "reuters", "ria", "cnn", "ostorozhno-novosti", "vision-times", "victor-westerkamp"])
def test_actor_is_in_the_story(story, actor):
    assert story.by_id[actor] in story.actors


def test_media_outlets_publish_sources(story):
    publishers = {s.publisher for s in story.sources}
    assert {"reuters", "ria", "cnn", "ostorozhno-novosti", "vision-times", "kremlin"} <= publishers


def test_every_quote_is_verbatim_in_the_article(story):
    text = normalise(ARTICLE.read_text(encoding="utf-8"))
    quotes = [q.text for c in story.claims for q in c.quotes]
    assert len(quotes) == story.quotes_verified == 11
    for quote in quotes:
        assert normalise(quote) in text, quote


def test_every_quotation_in_the_article_is_in_the_data(story):
    """Each passage the article puts in double quotation marks is a quote of some claim."""
    article = ARTICLE.read_text(encoding="utf-8")
    passages = [p.strip().rstrip(",.") for p in re.findall(r"“([^”]+)”", article)]
    assert len(passages) == 11
    quoted = {normalise(q.text) for c in story.claims for q in c.quotes}
    assert [p for p in passages if normalise(p) not in quoted] == []


def test_quotes_have_the_right_speaker(story):
    speakers = {q.text[:30]: c.claimant for c in story.claims for q in c.quotes}
    assert speakers["We know very well that decisio"] == "dmitry-peskov"
    assert speakers["Obviously, it’s a ludicrous cl"] == "john-kirby"
    assert speakers["You know, I can repeat this me"] == "volodymyr-zelenskiy"
    assert speakers["Of course, Ukraine has nothing"] == "mykhailo-podolyak"
    assert speakers["It could be a symbolic strike "] == "samuel-bendett"
    assert speakers["physically eliminate"] == "dmitry-medvedev"


def test_kirby_said_it_on_cnn_reuters_reported_it_the_article_carried_reuters(story):
    claim = story.by_id["kirby-calls-claim-ludicrous"]
    chain = [(s.id, s.publisher) for s in story.provenance(claim)]
    assert [p for _, p in chain] == ["cnn", "reuters", "vision-times"]
    assert claim.denies == ["peskov-us-behind-attack"]


def test_the_accusation_and_its_denials(story):
    accusation = story.by_id["peskov-us-behind-attack"]
    assert accusation.date.isoformat() == "2023-05-04"
    assert story.provenance(accusation)[0].kind.value == "press-briefing"
    deniers = {other.claimant for rel, other in story.responses(accusation) if rel.field == "denies"}
    assert deniers == {"john-kirby", "united-states"}
    ukraine = {other.claimant for _, other in story.responses(story.by_id["russia-blames-ukraine"])}
    assert {"volodymyr-zelenskiy", "mykhailo-podolyak"} <= ukraine


def test_the_drone_event(story):
    event = story.by_id["kremlin-drone-incident"]
    assert event.date.isoformat() == "2023-05-03"
    assert "ostorozhno-novosti-video-2023-05-03" in event.sources


def test_changing_one_character_of_a_quote_fails(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    claims = data / "vision-times-2023-05-05.yml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("We fight on our territory", "We fight in our territory"),
                      encoding="utf-8")
    with pytest.raises(StoryInvalid) as raised:
        load_story(data)
    [error] = raised.value.errors
    assert "claim 'zelenskiy-denies-attack': quote 1 is not in the text of source 'vision-times-2023-05-05'" in str(error)
    assert str(error).startswith(f"{claims}:")
