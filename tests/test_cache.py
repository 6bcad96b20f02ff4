"""The rebuild cache: a page left as the last build wrote it is byte for byte what a clean build writes.

A chain of random edits of the kinds editors make (a word, a date, a name, an affiliation, a relation
added, a claim added or deleted, a source text, the headline) is applied to a synthetic story; after
each, the pages the cache reuses plus the pages it renders again must equal a clean render of the
edited story, page for page.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
import yaml

from explainer import load_story
from explainer.editing.synth import synthesize, write
from explainer.site.cache import Output, PageCache
from explainer.site.render import Made, Rendered, plan_pages
from explainer.story import trace
from explainer.story.graph import Story
from explainer.story.relations import RELATIONS

SIGNATURE = b"settings"


def _render(story: Story, only: set[str] | None = None) -> tuple[dict[str, Made], list[str]]:
    plan = plan_pages(story)
    made = {job.path: plan.make(job, Rendered()) for job in plan.jobs if only is None or job.path not in only}
    return made, [job.path for job in plan.jobs]


def _outputs(made: dict[str, Made]) -> dict[str, Output]:
    return {path: Output.of(page) for path, page in made.items()}


def _files(folder: Path) -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))}


def _save(folder: Path, files: dict[str, dict]) -> None:
    for name, data in files.items():
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                                   encoding="utf-8")


def _claims(files: dict[str, dict]) -> list[dict]:
    return [c for name, data in files.items() if name.startswith("claims") for c in data["claims"]]


def _edit(rng: random.Random, files: dict[str, dict], step: int) -> str:
    """One edit an editor could make, applied to `files`; says what it was."""
    claims, actors = _claims(files), files["actors.yml"]["actors"]
    sources, events = files["sources.yml"]["sources"], files["events.yml"]["events"]
    claim, actor = rng.choice(claims), rng.choice(actors)
    what = rng.choice(["summary", "date", "name", "affiliation", "country", "relation", "new claim", "delete claim",
                       "source title", "headline", "topic", "event date", "kind"])
    if what == "summary":
        claim["summary"] = f"Edited summary {step}."
    elif what == "date":
        claim["date"] = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(300))
    elif what == "name":
        actor["name"] = f"Renamed {step}"
    elif what == "affiliation":
        others = [a["id"] for a in actors if a["id"] != actor["id"] and a.get("affiliation") != actor["id"]]
        actor["affiliation"] = rng.choice(others)
    elif what == "country":
        actor["country"] = rng.choice(["Arland", "Borovia", "Elbonia"])
    elif what == "relation":
        earlier = [c["id"] for c in claims if c["id"] != claim["id"]]
        claim.setdefault(rng.choice(RELATIONS).field, []).append(rng.choice(earlier))
    elif what == "new claim":
        data = files[rng.choice([n for n in files if n.startswith("claims")])]
        data["claims"].append({"id": f"new-claim-{step}", "claimant": actor["id"], "summary": f"New claim {step}.",
                               "date": dt.date(2024, 6, 1), "denies": [claim["id"]], "topics": ["denial"]})
    elif what == "delete claim":
        for data in (d for n, d in files.items() if n.startswith("claims")):
            data["claims"] = [c for c in data["claims"] if c is not claim]
        for other in _claims(files):
            for rel in RELATIONS:
                if claim["id"] in other.get(rel.field, []):
                    other[rel.field] = [i for i in other[rel.field] if i != claim["id"]] or None
                    if other[rel.field] is None:
                        del other[rel.field]
    elif what == "source title":
        rng.choice(sources)["title"] = f"Retitled report {step}"
    elif what == "headline":
        files["story.yml"]["story"]["title"] = f"Headline {step}"
    elif what == "topic":
        claim["topics"] = [*claim.get("topics", []), rng.choice(["diplomacy", f"topic {step}"])]
    elif what == "event date":
        rng.choice(events)["date"] = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
    elif what == "kind":
        actor["kind"] = rng.choice(["person", "government", "media", "group"])
    return what


def _chain(tmp_path: Path, seed: int, steps: int) -> list[tuple[str, int, int]]:
    """Run `steps` random edits; after each, check the cache's pages against a clean render. Returns
    (edit, pages reused, pages) for each step."""
    rng = random.Random(seed)
    write(tmp_path, synthesize(40, seed=seed))
    story = load_story(tmp_path)
    made, _ = _render(story)
    cache = PageCache().updated(plan_pages(story), SIGNATURE, _outputs(made), set())
    texts = {path: page.text for path, page in made.items()}
    seen = []
    for step in range(steps):
        files = _files(tmp_path)
        what = _edit(rng, files, step)
        _save(tmp_path, files)
        story = load_story(tmp_path)
        plan = plan_pages(story)
        kept = cache.reusable(plan, SIGNATURE)
        made, paths = _render(story, only=kept)
        clean, _ = _render(load_story(tmp_path))
        for path in kept:
            assert texts[path] == clean[path].text, f"step {step} ({what}): {path} was reused but changed"
        texts = {path: made[path].text if path in made else texts[path] for path in paths}
        cache = cache.updated(plan, SIGNATURE, _outputs(made), kept)
        seen.append((what, len(kept), len(paths)))
    return seen


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_pages_the_cache_keeps_are_those_a_clean_render_writes(tmp_path):
    seen = _chain(tmp_path, 1, 8)
    # and it keeps most pages: a one-record edit touches a few pages, not the site
    assert sum(kept for _, kept, _ in seen) > 0.5 * sum(total for _, _, total in seen)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(2, 8))
def test_a_long_chain_of_random_edits_keeps_only_unchanged_pages(tmp_path, seed):
    _chain(tmp_path, seed, 25)


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_a_one_word_edit_of_a_claim_renders_the_pages_showing_it_and_no_others(tmp_path):
    write(tmp_path, synthesize(200, seed=5))
    story = load_story(tmp_path)
    made, paths = _render(story)
    cache = PageCache().updated(plan_pages(story), SIGNATURE, _outputs(made), set())
    files = _files(tmp_path)
    claim = _claims(files)[7]
    claim["summary"] = "A new summary."
    _save(tmp_path, files)
    edited = load_story(tmp_path)
    kept = cache.reusable(plan_pages(edited), SIGNATURE)
    again = set(paths) - kept
    clean, _ = _render(edited)
    changed = {p for p in paths if clean[p].text != made[p].text}
    assert changed <= again
    assert f"claims/{claim['id']}.md" in again
    assert len(again) < 0.05 * len(paths), sorted(again)


def test_another_signature_reuses_nothing(tmp_path):
    write(tmp_path, synthesize(10))
    story = load_story(tmp_path)
    made, _ = _render(story)
    cache = PageCache().updated(plan_pages(story), SIGNATURE, _outputs(made), set())
    assert cache.reusable(plan_pages(story), SIGNATURE)
    assert not cache.reusable(plan_pages(story), b"other templates")


def test_the_cache_survives_being_dumped_and_loaded(tmp_path):
    write(tmp_path / "data", synthesize(10))
    story = load_story(tmp_path / "data")
    made, paths = _render(story)
    again = PageCache.load_bytes(PageCache().updated(plan_pages(story), SIGNATURE, _outputs(made), set()).dump())
    assert again.reusable(plan_pages(load_story(tmp_path / "data")), SIGNATURE) == set(paths)
    assert PageCache.load_bytes(b"not a cache").entries == {}


def test_every_public_read_of_the_story_is_a_query():
    """A read the recording misses would let a page be reused after what it shows changed."""
    plain = {name for name in dir(Story) if not name.startswith("_")} - {"answers", "memo", "describe"}
    for name in plain:
        member = getattr(Story, name)
        if isinstance(member, property):
            inner = member.fget
            reads = getattr(inner, "query", None) or inner.__code__.co_names
            assert getattr(inner, "query", None) or "of_kind" in reads, name
        else:
            assert getattr(member, "query", None), f"Story.{name} is read by pages but is no query"
    story = load_story(Path(__file__).parent / "cases" / "render" / "small" / "data")
    assert isinstance(story.by_id, trace.Lookup) and isinstance(story.texts, trace.Lookup)
