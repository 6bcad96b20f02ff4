"""The dispute diagram: right arrows for the default story, bounded for a big one, inert text."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

import pytest
import yaml

from conftest import ROOT
from explainer import load_story
from explainer.site.diagram import svg
from explainer.story.disputes import NEIGHBOURHOOD_LIMIT, STORY_LIMIT
from explainer.story.model import Actor
from explainer.story.relations import relation


def url(entity) -> str:
    return f"{'actors' if isinstance(entity, Actor) else 'claims'}/{entity.id}/"


def parse(drawn: str):
    """The two drawings (wide and narrow), parsed as one document."""
    return ET.fromstring(f"<div>{drawn}</div>")


def test_default_story_arrows():
    story = load_story(ROOT / "data")
    arrows = {(e.source.id, e.relation, e.target.id) for e in story.disputes.edges}
    assert ("john-kirby", relation("denies"), "dmitry-peskov") in arrows
    assert ("volodymyr-zelenskiy", relation("denies"), "russia") in arrows
    assert ("reuters", relation("disputes"), "kremlin") in arrows
    picture = story.disputes.story_picture()
    assert picture.left_out == 0 and len(picture.actors) == 10


def test_svg_is_well_formed_and_links_every_drawn_actor():
    story = load_story(ROOT / "data")
    picture = story.disputes.story_picture()
    ns = {"s": "http://www.w3.org/2000/svg"}
    drawings = parse(svg(picture, url, "Who answered whom")).findall("s:svg", ns)
    assert [d.get("class").split()[-1] for d in drawings] == ["explainer-diagram--wide", "explainer-diagram--narrow"]
    for drawing in drawings:
        links = [a.get("{http://www.w3.org/1999/xlink}href") for a in drawing.findall("s:a", ns)]
        # every actor's node links its page; every arrow links the claim that makes it
        assert {link for link in links if link.startswith("actors/")} == {url(a) for a in picture.actors}
        assert [link for link in links if link.startswith("claims/")] == [url(e.claims[0]) for e in picture.edges]
    kirby = next(e for e in picture.edges if e.source.id == "john-kirby")
    assert [c.id for c in kirby.claims] == ["kirby-calls-claim-ludicrous"]


def test_text_in_the_svg_is_escaped(tmp_path):
    story = load_story(ROOT / "data")
    picture = story.disputes.story_picture()
    hostile = picture.actors[0].model_copy(update={"name": '</text><script>alert(1)</script>"'})
    picture.actors[0] = hostile
    drawn = svg(picture, url, "<title>")
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn
    parse(drawn)


@pytest.fixture(scope="module")
def big_story(tmp_path_factory):
    """500 actors and 1,500 claims answering each other at random."""
    rng = random.Random(7)
    actors = [{"id": f"actor-{i}", "name": f"Actor {i}", "kind": "person"} for i in range(500)]
    claims = []
    for i in range(1500):
        claim = {"id": f"claim-{i}", "claimant": f"actor-{rng.randrange(500)}", "summary": f"Claim {i}."}
        if i:
            claim[rng.choice(["denies", "disputes", "supports", "responds_to"])] = [f"claim-{rng.randrange(i)}"]
        claims.append(claim)
    folder = tmp_path_factory.mktemp("big")
    (folder / "story.yml").write_text(yaml.safe_dump({"actors": actors, "claims": claims}))
    return load_story(folder)


def test_big_story_picture_is_bounded(big_story):
    picture = big_story.disputes.story_picture()
    assert len(picture.actors) == STORY_LIMIT
    assert picture.left_out > 400
    drawn = {a.id for a in picture.actors}
    assert all(e.source.id in drawn and e.target.id in drawn for e in picture.edges)
    assert len(svg(picture, url, "big")) < 120_000  # two drawings


def test_big_neighbourhood_is_bounded_and_centred(big_story):
    hub = max(big_story.actors, key=lambda a: len(big_story.claims_by(a)))
    picture = big_story.disputes.neighbourhood(hub)
    assert picture.actors[0] == hub and len(picture.actors) == NEIGHBOURHOOD_LIMIT
    assert all(hub in (e.source, e.target) for e in picture.edges)
