"""The linked story: every entity by id, sorted lists, and who refers to whom.

Built once from checked data; pages and exports read it and never change it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoryInvalid
from ..text import slug
from .chronology import chronology
from .disputes import Disputes
from .kinds import KINDS, kind_of, reference_fields, references
from .loader import Staged, load_records
from .reuse import Reuse
from .model import Actor, Claim, Correction, Entity, Event, Source, StoryInfo
from .relations import RELATIONS, Relation
from .validate import Checked, check_records
from .trace import Answers, Lookup, lookups, query
from .views import Answer, EntityView

_LAST_DAY = dt.date.max


@dataclass(frozen=True)
class Backlink:
    """`entity` names the target in its field `field`."""

    entity: Entity
    field: str


class Story:
    """The whole story, linked: lookups by id and every reference in both directions.

    Every public read is a query (`trace.py`), so a page can be checked against a later story by asking
    it the same questions; the story's own queries read its private fields."""

    def __init__(self, checked: Checked):
        self.answers = Answers(self)
        self.memo: dict = {}  # the answers of derived queries, made once
        self._info: StoryInfo | None = checked.info
        self._quotes_verified = checked.quotes_verified
        self.by_id = Lookup(self, "by_id", checked.entities)
        self.texts = Lookup(self, "texts", checked.texts)
        entities = checked.entities
        made = {c.id: i for i, c in enumerate(chronology([e for e in entities.values() if isinstance(e, Claim)]))}
        ordered = sorted(entities.values(), key=lambda e: _order(e, made))
        self._by_kind: dict[str, list[Entity]] = {k.name: [] for k in KINDS}
        self._back: dict[str, list[Backlink]] = defaultdict(list)
        self._position = {entity.id: i for i, entity in enumerate(ordered)}
        for entity in ordered:
            self._by_kind[kind_of(entity).name].append(entity)
            for name, _, target in references(entity):
                self._back[target].append(Backlink(entity, name))
        # who names each entity, by field, each once in story order: pages ask this hundreds of thousands of times
        self._named_by: dict[str, dict[str, list[Entity]]] = {}
        for target, links in self._back.items():
            fields: dict[str, dict[int, Entity]] = {}
            for link in links:
                fields.setdefault(link.field, {})[id(link.entity)] = link.entity
            self._named_by[target] = {name: list(found.values()) for name, found in fields.items()}
        self._fields = reference_fields()

    @property
    @query
    def info(self) -> StoryInfo | None:
        """The story's headline, summary, dates and corrections."""
        return self._info

    @property
    @query
    def quotes_verified(self) -> int:
        return self._quotes_verified

    @query
    def of_kind(self, kind: str) -> list:
        """The entities of the kind called `kind`, in story order."""
        return self._by_kind[kind]

    # the kinds the story's own logic is about, by name
    actors: list[Actor] = property(lambda self: self.of_kind("actor"))  # type: ignore[assignment]
    claims: list[Claim] = property(lambda self: self.of_kind("claim"))  # type: ignore[assignment]
    sources: list[Source] = property(lambda self: self.of_kind("source"))  # type: ignore[assignment]
    events: list[Event] = property(lambda self: self.of_kind("event"))  # type: ignore[assignment]

    @property
    @query(answer=lambda disputes: disputes.edges, memo=True)
    def disputes(self) -> Disputes:
        """Who answered whom, counted between actors; made once, and gone with the story."""
        return Disputes(self)

    @query(memo=True)
    def view(self, entity: Entity) -> EntityView:
        """What `entity`'s page shows."""
        return kind_of(entity).view(self, entity)

    @query(memo=True)
    def facets(self) -> list[Facet]:
        """Every facet with its entities in story order; slugs are ASCII and unique."""
        return facets(self)

    @query
    def facet(self, slug: str) -> Facet | None:
        """The facet whose page is at `slug`."""
        found = self.memo.get(("facet-slugs",))
        if found is None:
            found = self.memo[("facet-slugs",)] = {f.slug: f for f in self.facets()}
        return found.get(slug)

    @query(memo=True)
    def tags_of(self, entity: Entity) -> list[Tag]:
        """The tags `entity` is listed under."""
        return self._tags().get(entity.id, [])

    @query(memo=True)
    def index_order(self, kind: str) -> list:
        """The kind's entities in the order of its index pages."""
        return next(k for k in KINDS if k.name == kind).index_order(self._by_kind[kind])

    @query(memo=True)
    def timeline(self) -> list:
        """Events and claims day by day, undated last."""
        return sorted(self._by_kind["event"] + self._by_kind["claim"], key=lambda e: (e.date is None, e.date or dt.date.min))

    @query
    def corrections_of(self, entity: Entity) -> list[Correction]:
        """The corrections that changed `entity`, earliest first."""
        found = [c for c in self._info.corrections if entity.id in c.records] if self._info else []
        return sorted(found, key=lambda c: c.date)

    @query
    def get(self, entity_id: str | None) -> Entity | None:
        return self.by_id.raw.get(entity_id) if entity_id else None

    @query
    def referrers(self, target: Entity, *fields: str) -> list[Entity]:
        """Entities that name `target` (in any of `fields`, or anywhere), each once, in story order."""
        if not self._fields.issuperset(fields):  # a misspelt field would otherwise find nothing, silently
            raise KeyError(f"no entity has a reference field {sorted(set(fields) - self._fields)}")
        named = self._named_by.get(target.id)
        if not named:
            return []
        if len(fields) == 1:
            return list(named.get(fields[0], ()))
        found = {id(e): e for name in (fields or named) for e in named.get(name, ())}
        return sorted(found.values(), key=lambda e: self._position[e.id])

    @query
    def backlinks(self, target: Entity) -> list[Backlink]:
        """Every (entity, field) that names `target`, each entity and field once."""
        return list(dict.fromkeys(self._back.get(target.id, ())))

    @query
    def responses(self, claim: Claim) -> list[tuple[Relation, Claim]]:
        """Claims that answer `claim`, with how they answer it."""
        return [(rel, other) for rel in RELATIONS for other in self.referrers(claim, rel.field)]

    @query
    def answers_to(self, actor: Actor) -> list[Answer]:
        """(their claim, how it was answered, the answer) for every answer to a claim by `actor`."""
        return [Answer(claim, rel, other) for claim in self.claims_by(actor) for rel, other in self.responses(claim)]

    @query
    def claims_by(self, actor: Actor) -> list[Claim]:
        return self.referrers(actor, "claimant")

    @query
    def claimants(self, claims: list[Claim]) -> list[Actor]:
        """The actors who made `claims`, each once, in story order."""
        wanted = {c.claimant for c in claims}  # looked up, not scanned for: a source page per source
        return [self.by_id.raw[i] for i in sorted(wanted, key=self._position.__getitem__)]

    @query
    def carried_by(self, source: Source) -> list[Claim]:
        """Claims said at or relayed by `source`, or whose quotes it carries."""
        return [e for e in self.referrers(source, "venue", "reported_by", "quotes.source") if isinstance(e, Claim)]

    @query
    def provenance(self, claim: Claim) -> list[Entity]:
        """Where the claim was said, then who relayed it, in order."""
        chain = [self.by_id.raw[claim.venue]] if claim.venue else []
        return chain + [self.by_id.raw[s] for s in claim.reported_by if s != claim.venue]

    @query
    def sources_quoting(self, actor: Actor) -> list[Source]:
        """Sources that carry claims made by `actor`."""
        found = [s for c in self.claims_by(actor) for s in self.provenance(c) if isinstance(s, Source)]
        return sorted(set(found), key=lambda s: _order(s, {}))

    @query
    def count(self) -> dict[str, int]:
        return {k.name: len(self._by_kind[k.name]) for k in KINDS}

    def describe(self) -> str:
        """`20 actors, 12 claims, 8 sources, 1 event; 11 quotes checked against source texts`."""
        counts = ", ".join(f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in self.count().items())
        return f"{counts}; {self.quotes_verified} quotes checked against source texts"

    def _tags(self) -> dict[str, list[Tag]]:
        found = self.memo.get(("tags-by-id",))
        if found is None:
            found = self.memo[("tags-by-id",)] = {}
            for facet in self.facets():
                for entity in facet.entities:
                    found.setdefault(entity.id, []).append(Tag(facet.group, facet.name, facet.slug))
        return found


lookups("by_id", "texts")


@dataclass(frozen=True)
class Tag:
    """A facet as an entity's page names it: its chip links the facet's page."""

    group: str
    name: str
    slug: str


@dataclass(frozen=True)
class Facet:
    """A way to browse: actors of one kind or country, claims and events on one topic."""

    group: str   # one of FACET_GROUPS: "Actor kind", "Country", "Topic", "Verdict" …
    name: str
    slug: str
    entities: tuple


FACET_GROUPS = ("Actor kind", "Country", "Region", "Party", "Topic", "Verdict")


def facets(story: Story) -> list[Facet]:
    """Every facet with its entities in story order; slugs are ASCII and unique."""
    found: dict[tuple[str, str], list] = {}
    scale: dict[str, float] = {}  # a verdict's place on its reviewer's scale, to list verdicts worst first
    for actor in story.actors:
        found.setdefault(("Actor kind", actor.kind.value), []).append(actor)
        for group, value in (("Country", actor.country), ("Region", actor.region)):
            if value:
                found.setdefault((group, value), []).append(actor)
        if actor.party:
            found.setdefault(("Party", story.by_id.raw[actor.party].name), []).append(actor)
    for entity in story.claims + story.events:
        for topic in entity.topics:
            found.setdefault(("Topic", topic), []).append(entity)
    for claim in story.claims:
        if claim.verdict:
            found.setdefault(("Verdict", claim.verdict.rating), []).append(claim)
            if claim.verdict.value is not None:
                scale.setdefault(claim.verdict.rating, claim.verdict.value)
    taken: set[str] = set()
    result = []
    order = lambda kv: (FACET_GROUPS.index(kv[0][0]), scale.get(kv[0][1], math.inf) if kv[0][0] == "Verdict" else 0,
                        kv[0][1].casefold(), kv[0][1])
    for (group, name), entities in sorted(found.items(), key=order):
        result.append(Facet(group, name, slug(f"{group.split()[-1]}-{name}", taken, "tag"),
                            tuple(dict.fromkeys(entities))))
    return result


def loose_ends(story: Story) -> dict[str, list[str]]:
    """Ids an editor may want to look at: who said nothing, what has no source, what nobody cites or answers."""
    return {
        "actors_with_no_claims": [a.id for a in story.actors if not story.claims_by(a)],
        "claims_with_no_source": [c.id for c in story.claims if not c.venue and not c.reported_by],
        "sources_never_cited": [s.id for s in story.sources
                                if not story.referrers(s, "venue", "reported_by", "quotes.source", "sources")],
        "claims_nobody_answered": [c.id for c in story.claims if not story.responses(c)],
    }


def _order(entity: Entity, made: dict[str, int]) -> tuple:
    """Stable story order: kind; claims in the order they were made (`made`); others by date
    (undated last), then name, then id."""
    if entity.id in made:
        return (KINDS.index(kind_of(entity)), made[entity.id])
    date = getattr(entity, "date", None) or _LAST_DAY
    time = getattr(entity, "time", None) or ""
    label = getattr(entity, "name", None) or getattr(entity, "title", None) or ""
    if isinstance(entity, Actor):
        date = _LAST_DAY  # an actor's order is its name
    return (KINDS.index(kind_of(entity)), date, time, label.casefold(), entity.id)


def load_story(data_dir: Path, staged: Staged = {}, reuse: Reuse | None = None) -> Story:
    """Load, validate and link the story in `data_dir` (as `staged` would leave it); raise StoryInvalid
    with every error found. `reuse` keeps what this load made of each file for the next one."""
    reuse = reuse.start() if reuse is not None and not staged else None
    with _collection_paused():
        try:
            loaded = load_records(data_dir, staged, reuse)
            # ids defined in an unreadable file would look unknown: report the file, not every use of them
            checked, problems = check_records(loaded.records, loaded.unread_ids, data_dir=data_dir,
                                              staged=staged, reuse=reuse)
        finally:
            if reuse is not None:
                reuse.finish()
        if loaded.errors or problems:
            raise StoryInvalid(loaded.errors + problems)
        return Story(checked)


@contextlib.contextmanager
def _collection_paused():
    """Loading makes millions of small objects and frees almost none, and Python's cyclic collector,
    started by allocation counts, scans all of them again each time: two thirds of the load time at
    10,000 claims (4.1 s to 1.4 s without it), more the bigger the story. What little cyclic garbage
    loading leaves is collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
