"""A synthetic story of any size, for benchmarks and tests: realistic proportions, reproducible
from a seed, valid by `explainer check`.

For N claims: N/5 actors, N/3 sources, N/20 events, a year of dates, quotes of 12 to 60
words carried verbatim in the text of the articles that report them, aliases (some in
Cyrillic), and about 45% of claims answering an earlier one.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from ..story.model import ActorKind, SourceKind
from ..story.relations import RELATIONS

_SYLLABLES = ["ka", "lo", "mir", "va", "sen", "dra", "tor", "li", "na", "vek", "sa", "ro", "ben", "tis", "go", "ral"]
_CYRILLIC = str.maketrans({"a": "а", "e": "е", "o": "о", "k": "к", "m": "м", "t": "т", "r": "р", "s": "с", "v": "в",
                           "l": "л", "n": "н", "i": "и", "d": "д", "b": "б", "g": "г"})
_WORDS = ("the government said that its forces had not been involved in any attack on the border region and that "
          "reports from the capital were false we know who is responsible and we will answer at a time of our "
          "choosing the ministry rejected the claim as propaganda there is no evidence for what they say officials "
          "confirmed the strike but denied that civilians were harmed talks will continue next week").split()
_TOPICS = ["attribution", "denial", "escalation", "analysis", "retaliation", "casualties", "diplomacy", "sanctions"]
START = dt.date(2024, 1, 1)


def synthesize(claims: int, seed: int = 1) -> dict[str, str]:
    """{relative path: file text} of a valid story with `claims` claims."""
    rng = random.Random(seed)
    actors = [_actor(rng, i) for i in range(max(2, claims // 5))]
    sources = [_source(rng, i, actors) for i in range(max(1, claims // 3))]
    events = [_event(rng, i, actors) for i in range(max(1, claims // 20))]
    story_claims = [_claim(rng, i, actors, sources, events) for i in range(claims)]
    texts = _texts(sources, story_claims)
    for source in sources:
        if source["id"] in texts:
            source["text_file"] = f"texts/{source['id']}.txt"
    files = {"story.yml": _dump({"story": {"title": f"A synthetic story of {claims} claims",
                                           "summary": "Generated for benchmarks and tests; every name is invented."}}),
             "actors.yml": _dump({"actors": actors}), "sources.yml": _dump({"sources": sources}),
             "events.yml": _dump({"events": events})}
    for month in range(12):
        chunk = [c for c in story_claims if c["date"].month == month + 1]
        if chunk:
            files[f"claims-{month + 1:02d}.yml"] = _dump({"claims": chunk})
    files.update({f"texts/{sid}.txt": text for sid, text in texts.items()})
    return files


# An archive in LIAR's proportions (12,836 rated statements, 3,328 speakers, 4,785 contexts): one table row a
# statement, a speaker's share of the rows falling as 1/rank (a few with hundreds, most with one).
ARCHIVE_MAPPING = """header: false
columns: [id, label, statement, subjects, speaker, job, state, party, context]
slug_names: true
reviewer: Harbour City Fact Desk
scale: [pants-fire, false, barely-true, half-true, mostly-true, true]
claim: {summary: statement, verdict: label, topics: subjects, id: id}
claimant: {name: speaker, role: job, region: state, party: party}
venue: {title: context}
"""
_VENUES = ["a debate in {}", "a rally in {}", "a TV ad", "a press release", "a radio interview in {}",
           "a campaign mailer", "a speech in {}", "a committee hearing", "a post on social media", "an op-ed"]
_JOBS = ["State senator", "Governor", "Congressman", "Mayor", "Columnist", "Candidate", "Talk show host", ""]
_PARTIES = ["republican", "democrat", "none", "independent", "libertarian"]
_LABELS = ["pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"]


def archive_table(rows: int, seed: int = 1) -> str:
    """A tab-separated archive of `rows` rated statements in LIAR's shape, for `ARCHIVE_MAPPING`."""
    rng = random.Random(seed)
    speakers = sorted({_name(rng, 2) for _ in range(max(2, rows * 10 // 39))})
    rng.shuffle(speakers)
    weights = [1 / rank for rank in range(1, len(speakers) + 1)]
    regions = [_name(rng, 1) for _ in range(50)]
    about = {speaker: (rng.choice(_JOBS), rng.choice(regions), rng.choice(_PARTIES)) for speaker in speakers}
    venues = [rng.choice(_VENUES).format(rng.choice(regions)) + f" ({i})" for i in range(max(1, rows * 10 // 27))]
    lines = []
    for i, speaker in enumerate(rng.choices(speakers, weights, k=rows)):
        named = rng.choice(speakers[:20])
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 24)))
        statement = f"Says {named} {words}."
        job, region, party = about[speaker]
        lines.append("\t".join([f"s-{i}", rng.choice(_LABELS), statement, ",".join(rng.sample(_TOPICS, 2)), speaker,
                                job, region, party, rng.choice(venues)]))
    return "\n".join(lines) + "\n"


def write(folder: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(parts))


# how often each kind comes up, named so that a kind added to the model changes no existing story
_ACTOR_SHARES = {"person": 60, "government": 12, "agency": 6, "organization": 10, "media": 10, "group": 2}
_SOURCE_SHARES = {"article": 40, "agency-report": 20, "broadcast": 8, "press-briefing": 8, "statement": 8,
                  "interview": 6, "social-post": 5, "video": 3, "document": 2}


def _actor(rng: random.Random, i: int) -> dict:
    kind = ActorKind(rng.choices(list(_ACTOR_SHARES), weights=list(_ACTOR_SHARES.values()))[0])
    name = f"{_name(rng, 2 if kind == ActorKind.person else 1)} {i}"
    aliases = [name.split()[-2] + f" {i}", name.lower().translate(_CYRILLIC)][: rng.randint(1, 2)]
    actor = {"id": f"actor-{i}", "name": name, "kind": kind.value, "aliases": aliases,
             "country": rng.choice(["Arland", "Borovia", "Costa Lima", "Dravia"])}
    if i and rng.random() < 0.3:
        actor["affiliation"] = f"actor-{rng.randrange(i)}"
    if kind == ActorKind.person:
        actor["role"] = rng.choice(["Spokesperson", "Minister", "Analyst", "Adviser", "Correspondent"])
    return actor


def _source(rng: random.Random, i: int, actors: list[dict]) -> dict:
    kind = SourceKind(rng.choices(list(_SOURCE_SHARES), weights=list(_SOURCE_SHARES.values()))[0])
    return {"id": f"source-{i}", "kind": kind.value, "title": f"{_name(rng, 1)} report {i}",
            "publisher": rng.choice(actors)["id"], "date": START + dt.timedelta(days=rng.randrange(366)),
            "url": f"https://news.example.org/{i}"}


def _event(rng: random.Random, i: int, actors: list[dict]) -> dict:
    return {"id": f"event-{i}", "title": f"Incident at {_name(rng, 1)}", "date": START + dt.timedelta(days=rng.randrange(366)),
            "place": _name(rng, 1), "actors": sorted({rng.choice(actors)["id"] for _ in range(3)}),
            "topics": [rng.choice(_TOPICS)]}


def _claim(rng: random.Random, i: int, actors: list[dict], sources: list[dict], events: list[dict]) -> dict:
    words = rng.randint(12, 60)
    quote = " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize()
    claim = {"id": f"claim-{i}", "claimant": rng.choice(actors)["id"],
             "date": START + dt.timedelta(days=rng.randrange(300)),
             "summary": f"{quote[:80].rsplit(' ', 1)[0]}.", "quotes": [quote],
             "reported_by": sorted({rng.choice(sources)["id"] for _ in range(rng.randint(1, 2))}),
             "about": [rng.choice(events)["id"], rng.choice(actors)["id"]], "topics": [rng.choice(_TOPICS)]}
    if i and rng.random() < 0.45:
        claim[rng.choice(RELATIONS).field] = [f"claim-{rng.randrange(i)}"]
    return claim


def _texts(sources: list[dict], claims: list[dict]) -> dict[str, str]:
    """Article texts that carry, word for word, every quote of the claims they report."""
    carried: dict[str, list[str]] = {}
    kinds = {s["id"]: s["kind"] for s in sources}
    for claim in claims:
        for source in claim["reported_by"]:
            if kinds[source] == SourceKind.article.value:
                carried.setdefault(source, []).append(f"“{claim['quotes'][0]},” an official said.")
    return {source: "\n\n".join(paragraphs) + "\n" for source, paragraphs in carried.items()}


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
