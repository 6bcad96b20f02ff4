"""The order claims were made in: time where known, an answer after what it answers, else as written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import ROOT
from explainer import load_story
from explainer.errors import Location
from explainer.story.chronology import chronology
from explainer.story.model import Claim

DAY = dt.date(2024, 3, 1)


def claim(cid: str, line: int, file: str = "a.yml", **fields) -> Claim:
    return Claim(id=cid, claimant="x", summary="s", **fields).placed(Location(Path(file), line))


def order(*claims: Claim) -> list[str]:
    return [c.id for c in chronology(list(claims))]


def test_written_order_when_nothing_else_decides():
    assert order(claim("b", 9, date=DAY), claim("a", 3, date=DAY)) == ["a", "b"]
    assert order(claim("late", 1, "b.yml", date=DAY), claim("early", 50, "a.yml", date=DAY)) == ["early", "late"]


def test_dates_first_undated_last():
    assert order(claim("none", 1), claim("second", 2, date=DAY + dt.timedelta(1)), claim("first", 3, date=DAY)) == [
        "first", "second", "none"]


def test_an_answer_comes_after_what_it_answers_even_when_written_first():
    assert order(claim("denial", 1, date=DAY, denies=["accusation"]), claim("accusation", 2, date=DAY)) == [
        "accusation", "denial"]


def test_times_where_known_and_in_utc_across_zones():
    kyiv = claim("kyiv", 1, date=DAY, time="10:00", timezone="Europe/Kyiv")        # 08:00 UTC
    london = claim("london", 2, date=DAY, time="09:00", timezone="Europe/London")   # 09:00 UTC
    morning = claim("morning", 3, date=DAY, time="07:00")
    assert order(london, kyiv, morning) == ["morning", "kyiv", "london"]


def test_a_contradiction_does_not_lose_claims():
    # the answer is timed before what it answers: both constraints cannot hold; nothing is dropped
    answer = claim("answer", 2, date=DAY, time="08:00", denies=["said"])
    said = claim("said", 1, date=DAY, time="09:00")
    assert sorted(order(answer, said)) == ["answer", "said"]


def test_default_story_accusations_come_before_their_denials():
    claims = [c.id for c in load_story(ROOT / "data").claims]
    assert claims.index("peskov-us-behind-attack") < claims.index("kirby-calls-claim-ludicrous")
    assert claims.index("peskov-us-behind-attack") < claims.index("united-states-rejects-accusation")
    for answer in ("podolyak-denies-involvement", "zelenskiy-denies-attack", "podolyak-warns-of-russian-attack"):
        assert claims.index("russia-blames-ukraine") < claims.index(answer)
