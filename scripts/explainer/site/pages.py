"""The typed context of each generated page: what its template is given, as named fields.

Each page template gets one `page` (one of the classes below) and a `link` helper; it reads
fields and calls named methods, so a misspelt name is an error at build time, naming the
template's file and line, instead of an empty section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from ..story.disputes import Picture
from ..story.graph import Facet, Story, Tag
from ..story.kinds import KINDS, Kind, kind
from ..story.model import Actor, ActorKind, Claim, Entity, StoryInfo
from ..story.schema import RecordDoc
from ..story.trace import query
from ..story.views import EntityView, Words, gist
from . import urls

PAGE_SIZE = 200    # entries per index page: no page grows with the story
GLANCE_DAYS = 12   # days shown at a glance on the home page
LIST_LIMIT = 50    # claims listed on an entity's page; longer lists go on pages of their own


@dataclass(frozen=True)
class Pager:
    """One page of a long list: its entries, its number and the paths of all pages of the list."""

    items: list
    number: int
    paths: list[tuple[int, str]]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def path(self) -> str:
        return self.paths[self.number - 1][1]

    def title(self, base: str) -> str:
        return base if self.number == 1 else f"{base}, page {self.number}"


def paginate(items: list, path: Callable[[int], str], size: int = PAGE_SIZE) -> list[Pager]:
    count = max(1, -(-len(items) // size))
    paths = [(n, path(n)) for n in range(1, count + 1)]
    return [Pager(items[(n - 1) * size:n * size], n, paths) for n in range(1, count + 1)]


@dataclass(frozen=True)
class Day:
    """Entities of one day (None: undated), in story order."""

    date: dt.date | None
    entries: list


def by_day(entities: list) -> list[Day]:
    """Entities grouped by date, earliest first, undated last (events and claims alike); within a day in
    the order given."""
    days: dict[dt.date | None, list] = {}
    for entity in sorted(entities, key=lambda e: (e.date is None, e.date or dt.date.min)):
        days.setdefault(entity.date, []).append(entity)
    return [Day(date, entries) for date, entries in days.items()]


@dataclass(frozen=True)
class Group:
    label: str
    actors: list[Actor]


def actor_groups(actors: list[Actor]) -> list[Group]:
    """Actors by kind ("People", "Agencies" …), in the order of the kinds."""
    return [Group(kind.plural, members) for kind in ActorKind if (members := [a for a in actors if a.kind == kind])]


@dataclass(frozen=True)
class EntityPage:
    """An entity's own page."""

    kind: Kind
    view: EntityView
    tags: list[Tag]
    full_lists: dict[str, str]  # list name -> the first page of the list in full, for long ones
    story: Story
    corrections: list = field(default_factory=list)  # the corrections that changed the entity, earliest first
    list_limit: int = LIST_LIMIT

    @property
    def entity(self) -> Entity:
        return self.view.entity

    @property
    def story_title(self) -> str:
        return self.story.info.title if self.story.info else "Story"

    @property
    def updated(self):
        """When the page last changed: its latest correction, else when the story was updated."""
        dates = [c.date for c in self.corrections] + ([self.story.info.updated] if self.story.info and
                                                      self.story.info.updated else [])
        return max(dates) if dates else None


@dataclass(frozen=True)
class ListPage:
    """One page of a list too long for its entity's page."""

    entity: Entity
    label: str
    pager: Pager
    of_claims: bool  # claims are listed with their claimant and date; other entities by name


@dataclass(frozen=True)
class IndexPage:
    """One page of a kind's index."""

    kind: Kind
    pager: Pager
    story: Story

    @property
    def total(self) -> int:
        return self.story.count()[self.kind.name]


@dataclass(frozen=True)
class Download:
    label: str
    path: str


@dataclass(frozen=True)
class HomePage:
    info: StoryInfo | None
    picture: Picture
    main_actors: list[Actor]
    key_claims: list[Claim]
    days: list[Day]
    more_days: bool
    counts: dict[str, int]
    editor_pages: list[tuple[str, str]]  # (path, title) of pages for editors, shown in preview only
    actor_index: Kind = field(default_factory=lambda: kind("actor"))
    claim_index: Kind = field(default_factory=lambda: kind("claim"))
    story_json: str = urls.STORY_JSON
    schema_json: str = urls.SCHEMA_JSON
    atom_feed: str = urls.ATOM_FEED
    review_feed: str = urls.REVIEW_FEED

    @staticmethod
    def words(claim: Claim) -> Words:
        return gist(claim)

    @property
    def other_indexes(self) -> list[Kind]:
        return [k for k in KINDS if k not in (self.actor_index, self.claim_index)]

    @property
    def downloads(self) -> list[Download]:
        """One CSV file per kind."""
        return [Download(k.section, urls.csv_file(k)) for k in KINDS]


SIDES = 6  # colours the timeline tells sides apart by (the stylesheet has as many)


@dataclass(frozen=True)
class TimelinePage:
    pager: Pager
    story: Story
    sides: list[str]  # the claimants' countries, most claims first: a claim's side is its claimant's country

    def side(self, claim: Claim) -> int:
        """The colour of the claimant's side (0: no side, or more sides than colours)."""
        country = self.story.by_id[claim.claimant].country
        return self.sides.index(country) + 1 if country in self.sides else 0


@query(memo=True)
def timeline_sides(story: Story) -> list[str]:
    counts: dict[str, int] = {}
    for claim in story.claims:
        country = story.by_id.raw[claim.claimant].country
        if country:
            counts[country] = counts.get(country, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))[:SIDES]


@dataclass(frozen=True)
class TagsPage:
    groups: list[tuple[str, list[Facet]]]


@dataclass(frozen=True)
class TagPage:
    facet: Tag
    pager: Pager
    total: int  # the entities with the tag


@dataclass(frozen=True)
class CorrectionsPage:
    corrections: list  # newest first
    story: Story


@dataclass(frozen=True)
class SchemaPage:
    reference: list[RecordDoc]


def home_page(story: Story, editor_pages: list[tuple[str, str]]) -> HomePage:
    days = [day for day in by_day(story.events + story.claims) if day.date]  # undated: on the timeline
    return HomePage(story.info, story.disputes.story_picture(), main_actors(story), key_claims(story),
                    days[:GLANCE_DAYS], len(days) > GLANCE_DAYS, story.count(), editor_pages)


def main_actors(story: Story, limit: int = 8) -> list[Actor]:
    """The actors with the biggest part in the dispute (claims made, answers given and received),
    those the editors feature first; an actor with no part is no main actor. Rating claims (a verdict's
    reviewer), publishing or writing sources, being talked about or having members (a party) is no part:
    on a fact-check archive the fact-checker and the parties would otherwise outrank every speaker."""
    part = {a.id: len(story.claims_by(a)) for a in story.actors}
    for edge in story.disputes.edges:
        part[edge.source.id] += edge.count
        part[edge.target.id] += edge.count
    featured = [a for a in map(story.get, story.info.featured if story.info else []) if isinstance(a, Actor)]
    ranked = sorted((a for a in story.actors if part[a.id] and a not in featured), key=lambda a: -part[a.id])
    return (featured + ranked)[:limit]


def key_claims(story: Story, limit: int = 6) -> list[Claim]:
    """The dispute in its own words: the dated claims most tied to others (answered or answering), those
    the editors feature first, shown in the order they were made."""
    featured = [c for c in map(story.get, story.info.featured if story.info else []) if isinstance(c, Claim)]
    tied = sorted((c for c in story.claims if c.date and c not in featured and (c.relations() or story.responses(c))),
                  key=lambda c: -(len(c.relations()) + len(story.responses(c))))
    chosen = set((featured + tied)[:limit])
    return [c for c in story.claims if c in chosen]
