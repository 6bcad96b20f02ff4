"""The kinds of entity a story holds: the one registry everything else loops over.

A kind names its YAML section (also its page folder and CSV file), its model, its index title,
the ids its fields may name, how `explainer new` starts a record, its schema.org type and
structured data, and the view its page is drawn from (its templates are `<name>.md` and
`<section>.md`). A new kind is a model, an entry here and its two templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from .model import Actor, ActorKind, Claim, Entity, Event, Record, Source, SourceKind, StoryInfo
from .relations import RELATIONS
from .views import EntityView, actor_view, claim_view, event_view, source_view

if TYPE_CHECKING:
    from .graph import Story

STORY_SECTION = "story"  # the one section that is no kind of entity: the story's headline and summary

# A short schema.org node for another entity, by id (None for no entity): used inside structured data.
Ref = Callable[[str | None], dict[str, Any] | None]


@dataclass(frozen=True)
class Kind:
    """One kind of entity. Subclasses carry what differs between kinds."""

    name: str                    # "actor": how errors and `explainer new` name it
    model: type[Entity]
    section: str                 # "actors": the YAML section, the page folder, the CSV file
    title: str                   # "Actors": the index page's title and its entry in the navigation
    references: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Fields that name other entities, and the kinds each may name (`quotes.source`: a field of each quote)."""

    @property
    def template(self) -> str:
        return f"{self.name}.md"

    @property
    def index_template(self) -> str:
        return f"{self.section}.md"

    def view(self, story: Story, entity: Entity) -> EntityView:
        """What the entity's page shows."""
        return EntityView(entity)

    def index_order(self, entities: list) -> list:
        """The order of the kind's index pages."""
        return entities

    def schema_type(self, entity: Entity) -> str:
        return "Thing"

    def summary(self, entity: Entity) -> str:
        """A sentence on the entity for readers who have not opened its page: search results, shared links."""
        return getattr(entity, "description", None) or entity.heading()

    def share_type(self, entity: Entity) -> str:
        """Its Open Graph type."""
        return "website"

    def structured_data(self, entity: Entity, ref: Ref) -> dict[str, Any]:
        """The entity's own schema.org fields (its type, id and address are added for it)."""
        return {"name": entity.heading()}

    def new_record(self, text: str, subkind: str | None, claimant: str | None, date: str | None) -> dict[str, Any]:
        """The required fields of a record that `explainer new` adds; ValueError says what is missing."""
        return {"name" if "name" in self.model.model_fields else "title": text}


class Actors(Kind):
    def view(self, story: Story, entity: Entity) -> EntityView:
        return actor_view(story, entity)

    def index_order(self, entities: list) -> list:
        order = list(ActorKind)  # grouped by kind on the page, so ordered by kind first
        return sorted(entities, key=lambda a: order.index(a.kind))

    def schema_type(self, entity: Actor) -> str:
        return {ActorKind.person: "Person", ActorKind.government: "GovernmentOrganization",
                ActorKind.agency: "GovernmentOrganization", ActorKind.media: "NewsMediaOrganization"
                }.get(entity.kind, "Organization")

    def summary(self, a: Actor) -> str:
        said = ", ".join(part for part in (a.role, a.region, a.country) if part)
        return f"{a.name}: {said}. {a.description or ''}".strip() if said else super().summary(a)

    def share_type(self, a: Actor) -> str:
        return "profile" if a.kind == ActorKind.person else "website"

    def structured_data(self, a: Actor, ref: Ref) -> dict[str, Any]:
        person = a.kind == ActorKind.person
        return {"name": a.name, "alternateName": a.aliases or None, "jobTitle": a.role if person else None,
                "description": a.description, ("affiliation" if person else "parentOrganization"): ref(a.affiliation),
                "memberOf": ref(a.party)}

    def new_record(self, text, subkind, claimant, date):
        return {"name": text, "kind": subkind or "person"}


class Claims(Kind):
    def view(self, story: Story, entity: Entity) -> EntityView:
        return claim_view(story, entity)

    def index_order(self, entities: list) -> list:
        return sorted(entities, key=lambda c: c.date or dt.date.max)

    def schema_type(self, entity: Claim) -> str:
        return "Claim"

    def summary(self, c: Claim) -> str:
        return c.summary

    def share_type(self, c: Claim) -> str:
        return "article"

    def structured_data(self, c: Claim, ref: Ref) -> dict[str, Any]:
        return {"name": c.heading(), "description": c.summary, "author": ref(c.claimant),
                "datePublished": _iso(c.date), "firstAppearance": ref(c.venue),
                "appearance": [ref(s) for s in c.reported_by] or None,
                "text": " … ".join(q.text for q in c.quotes) or None, "about": [ref(t) for t in c.about] or None}

    def new_record(self, text, subkind, claimant, date):
        if not claimant:
            raise ValueError("a claim needs --claimant ACTOR-ID")
        return {"claimant": claimant, "summary": text}


class Sources(Kind):
    def view(self, story: Story, entity: Entity) -> EntityView:
        return source_view(story, entity)

    def schema_type(self, entity: Source) -> str:
        return {SourceKind.article: "NewsArticle", SourceKind.agency_report: "NewsArticle",
                SourceKind.video: "VideoObject", SourceKind.social_post: "SocialMediaPosting"
                }.get(entity.kind, "CreativeWork")

    def summary(self, s: Source) -> str:
        when = f", {s.date.isoformat()}" if s.date else ""
        return f"{s.title} ({s.kind.label}{when})"

    def share_type(self, s: Source) -> str:
        return "article"

    def structured_data(self, s: Source, ref: Ref) -> dict[str, Any]:
        title = "headline" if self.schema_type(s) == "NewsArticle" else "name"
        return {title: s.title, "publisher": ref(s.publisher), "author": ref(s.author),
                "datePublished": _iso(s.date), "sameAs": s.url}

    def new_record(self, text, subkind, claimant, date):
        return {"kind": subkind or "article", "title": text}


class Events(Kind):
    def view(self, story: Story, entity: Entity) -> EntityView:
        return event_view(story, entity)

    def schema_type(self, entity: Event) -> str:
        return "Event"

    def summary(self, e: Event) -> str:
        when = ", ".join(part for part in (_iso(e.date), e.place) if part)  # an unknown date is left out
        return f"{e.title}{f' ({when})' if when else ''}. {e.description or ''}".strip()

    def structured_data(self, e: Event, ref: Ref) -> dict[str, Any]:
        return {"name": e.title, "startDate": e.start(), "description": e.description,
                "location": {"@type": "Place", "name": e.place} if e.place else None,
                "performer": [ref(a) for a in e.actors] or None}

    def new_record(self, text, subkind, claimant, date):
        if date is None:
            return {"title": text}  # a day nobody knows: left out, as the data would leave it
        try:
            return {"title": text, "date": dt.date.fromisoformat(date)}
        except ValueError:
            raise ValueError(f"--date '{date}' is not a date written YYYY-MM-DD (leave it out if unknown)") from None


# The order is the order of the navigation, the data downloads and story order.
KINDS: list[Kind] = [
    Actors("actor", Actor, "actors", "Actors", {"affiliation": ("actor",), "party": ("actor",)}),
    Claims("claim", Claim, "claims", "Claims", {
        "claimant": ("actor",), "venue": ("source", "event"), "reported_by": ("source",),
        "quotes.source": ("source",), "verdict.reviewer": ("actor",), "about": ("actor", "event"),
        **{rel.field: ("claim",) for rel in RELATIONS}}),
    Sources("source", Source, "sources", "Sources", {"publisher": ("actor",), "author": ("actor",)}),
    Events("event", Event, "events", "Events", {"actors": ("actor",), "sources": ("source",)}),
]


def kind(name: str) -> Kind:
    """The kind called `name` ("actor")."""
    for entry in KINDS:
        if entry.name == name:
            return entry
    raise KeyError(name)


def kind_of(entity: Entity) -> Kind:
    for entry in KINDS:
        if type(entity) is entry.model:
            return entry
    raise KeyError(type(entity).__name__)


def section_models() -> dict[str, tuple[str, type[Record]]]:
    """{YAML section: (what its records are called, their model)}, the story section first."""
    return {STORY_SECTION: (STORY_SECTION, StoryInfo), **{k.section: (k.name, k.model) for k in KINDS}}


def reference_fields() -> set[str]:
    return {name for k in KINDS for name in k.references}


def references(entity: Entity) -> Iterator[tuple[str, tuple[Any, ...], str]]:
    """Every id this entity names: (field, path in the record, target id), in written order.

    A dotted field (`quotes.source`) is a field of the records held in the first one."""
    for name in kind_of(entity).references:
        head, _, tail = name.partition(".")
        for path, value in _values(getattr(entity, head), (head,)):
            target = getattr(value, tail) if tail else value
            if target:
                yield name, path + ((tail,) if tail else ()), target


def _values(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, list):
        yield from ((path + (i,), item) for i, item in enumerate(value))
    elif value is not None:
        yield path, value


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
