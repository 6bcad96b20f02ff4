"""What each entity's page shows, as named fields: the page's view of the story graph.

Templates read these fields and never query the graph themselves, so a misspelt field is an
error at build time (templates run with StrictUndefined) instead of an empty section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .disputes import Picture
from .model import Actor, Claim, Entity, Event, Source
from .relations import Relation

if TYPE_CHECKING:
    from .graph import Story


@dataclass(frozen=True)
class ClaimList:
    """A list of claims on an entity's page; one longer than the page shows gets pages of its own."""

    name: str    # its address under the entity: `actors/<id>/<name>/1/`
    label: str   # "Claims by", followed by the entity's name
    claims: list[Claim]


@dataclass(frozen=True)
class Related:
    """Another claim and how it relates: `relation` said from the claim that makes it."""

    relation: Relation
    claim: Claim


@dataclass(frozen=True)
class Answer:
    """`answer` relates in the way `relation` to `claim`, a claim of the actor whose page this is."""

    claim: Claim
    relation: Relation
    answer: Claim


@dataclass(frozen=True)
class EntityView:
    """The least any entity page has: the entity itself. Kinds with more extend it."""

    entity: Entity

    def claim_lists(self) -> list[ClaimList]:
        """The claim lists of the page, which may be paged when long."""
        return []


@dataclass(frozen=True)
class ActorView(EntityView):
    claims: list[Claim]          # made by the actor
    about: list[Claim]           # about the actor
    answers: list[Answer]        # answers to the actor's claims
    dispute: Picture             # the actor among those it answered and was answered by
    quoted_in: list[Source]      # sources that carry the actor's words
    events: list[Event]          # events the actor was involved in
    members: list[Actor]         # actors affiliated with this one
    published: list[Source]      # sources it published or wrote

    def claim_lists(self) -> list[ClaimList]:
        return [ClaimList("claims", "Claims by", self.claims), ClaimList("about", "Claims about", self.about)]


@dataclass(frozen=True)
class ClaimView(EntityView):
    provenance: list[Entity]     # where it was said, then who relayed it
    relations: list[Related]     # claims this one answers
    responses: list[Related]     # claims that answer this one


@dataclass(frozen=True)
class SourceView(EntityView):
    carried: list[Claim]         # claims said at or relayed by the source
    quoted: list[Actor]          # who made those claims
    events: list[Event]          # events it reports
    text_kept: bool              # its full text is kept, and quotes are checked against it

    def claim_lists(self) -> list[ClaimList]:
        return [ClaimList("claims", "Claims carried by", self.carried)]


@dataclass(frozen=True)
class EventView(EntityView):
    claims: list[Claim]          # about the event
    said_here: list[Claim]       # claims whose venue is the event

    def claim_lists(self) -> list[ClaimList]:
        return [ClaimList("claims", "Claims about", self.claims)]


def actor_view(story: Story, actor: Actor) -> ActorView:
    claims = story.claims_by(actor)
    return ActorView(actor, claims, story.referrers(actor, "about"), story.answers_to(actor),
                     story.disputes.neighbourhood(actor), story.sources_quoting(actor),
                     story.referrers(actor, "actors"), story.referrers(actor, "affiliation"),
                     story.referrers(actor, "publisher", "author"))


def claim_view(story: Story, claim: Claim) -> ClaimView:
    related = [Related(rel, story.by_id[target]) for rel, target in claim.relations()]
    return ClaimView(claim, story.provenance(claim), related,
                     [Related(rel, other) for rel, other in story.responses(claim)])


def source_view(story: Story, source: Source) -> SourceView:
    carried = story.carried_by(source)
    return SourceView(source, carried, story.claimants(carried), story.referrers(source, "sources"),
                      source.id in story.texts)


def event_view(story: Story, event: Event) -> EventView:
    return EventView(event, story.referrers(event, "about"), story.referrers(event, "venue"))
