"""What each entity's page shows, as named fields: the page's view of the story graph.

Templates read these fields and never query the graph themselves, so a misspelt field is an
error at build time (templates run with StrictUndefined) instead of an empty section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .disputes import Picture
from .model import Actor, Claim, Entity, Event, Quote, Source
from .quotes import locate, sentence_around
from .relations import Relation

SHORT_QUOTE = 4  # a quote of fewer words is no clause of its own ("knew"): it is shown inside its sentence


@dataclass(frozen=True)
class Words:
    """What a claim says in a line: its first quote that is a clause, else its summary."""

    text: str
    quoted: bool


def gist(claim: Claim) -> Words:
    for quote in claim.quotes:
        if len(quote.text.split()) >= SHORT_QUOTE:
            return Words(quote.text, True)
    return Words(claim.summary, False)


@dataclass(frozen=True)
class Context:
    """The sentence of a source's kept text that holds a short quote, in three parts."""

    before: str
    words: str
    after: str
    source: Source


@dataclass(frozen=True)
class QuoteView:
    quote: Quote
    context: Context | None  # for a quote shorter than a clause, found in a kept source text
    original: Source | None  # the source with an address to check the words in
    kept: str | None         # that source's kept text, if any
    printed_in: Source | None  # the source the page names for the words: where the context is from, or the quote's own



def quote_views(story: Story, claim: Claim) -> list[QuoteView]:
    views = []
    for q in claim.quotes:
        context = _context(story, claim, q) if len(q.text.split()) < SHORT_QUOTE else None
        printed_in = context.source if context else story.get(q.source)
        views.append(QuoteView(q, context, *_original(story, claim, q), printed_in))
    return views


def _original(story: Story, claim: Claim, quote: Quote) -> tuple[Source | None, str | None]:
    """The source to check a quote in: the one it names, else the first of its claim's chain that has an
    address (said first, then relayed), preferring one with a kept text (a valid story's kept texts all
    hold the words: loading checked each)."""
    chain = [story.by_id[quote.source]] if quote.source else story.provenance(claim)
    online = [s for s in chain if isinstance(s, Source) and s.url]
    kept = [s for s in online if s.id in story.texts]
    source = (kept or online or [None])[0]
    return source, story.texts.get(source.id) if source else None


def _context(story: Story, claim: Claim, quote: Quote) -> Context | None:
    for source_id in dict.fromkeys([quote.source] if quote.source else [claim.venue, *claim.reported_by]):
        text = story.texts.get(source_id or "")
        span = locate(quote.text, text) if text else None
        if span:
            return Context(*sentence_around(text, *span), story.by_id[source_id])
    return None

if TYPE_CHECKING:
    from .graph import Story


@dataclass(frozen=True)
class EntityList:
    """A list of claims, or of other entities, on an entity's page; one longer than the page shows gets
    pages of its own."""

    name: str    # its address under the entity: `actors/<id>/<name>/1/`
    label: str   # "Claims by", followed by the entity's name
    items: list[Entity]

    @property
    def of_claims(self) -> bool:
        return all(isinstance(item, Claim) for item in self.items)


@dataclass(frozen=True)
class Related:
    """Another claim and how it relates: `relation` said from the claim that makes it."""

    relation: Relation
    claim: Claim

    @property
    def words(self) -> Words:
        return gist(self.claim)


@dataclass(frozen=True)
class Answer:
    """`answer` relates in the way `relation` to `claim`, a claim of the actor whose page this is."""

    claim: Claim
    relation: Relation
    answer: Claim

    @property
    def words(self) -> Words:
        return gist(self.answer)


@dataclass(frozen=True)
class EntityView:
    """The least any entity page has: the entity itself. Kinds with more extend it."""

    entity: Entity

    def lists(self) -> list[EntityList]:
        """The lists of the page, which are paged when long."""
        return []


@dataclass(frozen=True)
class ActorView(EntityView):
    story: Story
    claims: list[Claim]          # made by the actor
    about: list[Claim]           # about the actor
    answers: list[Answer]        # answers to the actor's claims
    dispute: Picture             # the actor among those it answered and was answered by
    quoted_in: list[Source]      # sources that carry the actor's words
    events: list[Event]          # events the actor was involved in
    members: list[Actor]         # actors affiliated with this one
    party_members: list[Actor]   # actors of this party
    published: list[Source]      # sources it published or wrote

    def lists(self) -> list[EntityList]:
        return [EntityList("claims", "Claims by", self.claims), EntityList("about", "Claims about", self.about),
                EntityList("sources", "Sources that carry the words of", self.quoted_in),
                EntityList("events", "Events involving", self.events), EntityList("members", "Part of", self.members),
                EntityList("party", "Members of", self.party_members), EntityList("published", "Published by",
                                                                                  self.published)]

    def quotes(self, claim: Claim) -> list[QuoteView]:
        """The words of one of the actor's claims, short ones in their sentence."""
        return quote_views(self.story, claim)


@dataclass(frozen=True)
class ClaimView(EntityView):
    claimant: Actor
    venue: Entity | None         # where it was said first
    quotes: list[QuoteView]
    provenance: list[Entity]     # where it was said, then who relayed it
    relations: list[Related]     # claims this one answers
    responses: list[Related]     # claims that answer this one

    def lists(self) -> list[EntityList]:
        return [EntityList("answers", "Answers to", [r.claim for r in self.responses])]

    @property
    def preposition(self) -> str:
        """Said "at" a briefing or an event, "on" a broadcast, "in" an article or interview."""
        return getattr(getattr(self.venue, "kind", None), "preposition", "at")


@dataclass(frozen=True)
class Piece:
    """A stretch of a kept text: the words of a quote of `claim`, or text between quotes (no claim)."""

    text: str
    claim: Claim | None = None


@dataclass(frozen=True)
class SourceView(EntityView):
    carried: list[Claim]         # claims said at or relayed by the source
    quoted: list[Actor]          # who made those claims
    events: list[Event]          # events it reports
    text_kept: bool              # its full text is kept, and quotes are checked against it
    paragraphs: list[list[Piece]]  # the kept text, when the source may be republished, quotes marked

    def lists(self) -> list[EntityList]:
        return [EntityList("claims", "Claims carried by", self.carried), EntityList("quoted", "Who is quoted in",
                                                                                   self.quoted),
                EntityList("events", "Events reported in", self.events)]


@dataclass(frozen=True)
class EventView(EntityView):
    claims: list[Claim]          # about the event
    said_here: list[Claim]       # claims whose venue is the event

    def lists(self) -> list[EntityList]:
        return [EntityList("claims", "Claims about", self.claims), EntityList("said-here", "Said at", self.said_here)]


def actor_view(story: Story, actor: Actor) -> ActorView:
    claims = story.claims_by(actor)
    return ActorView(actor, story, claims, story.referrers(actor, "about"), story.answers_to(actor),
                     story.disputes.neighbourhood(actor), story.sources_quoting(actor),
                     story.referrers(actor, "actors"), story.referrers(actor, "affiliation"),
                     story.referrers(actor, "party"), story.referrers(actor, "publisher", "author"))


def claim_view(story: Story, claim: Claim) -> ClaimView:
    related = [Related(rel, story.by_id[target]) for rel, target in claim.relations()]
    return ClaimView(claim, story.by_id[claim.claimant], story.get(claim.venue), quote_views(story, claim),
                     story.provenance(claim), related,
                     [Related(rel, other) for rel, other in story.responses(claim)])


def source_view(story: Story, source: Source) -> SourceView:
    carried = story.carried_by(source)
    text = story.texts.get(source.id)
    paragraphs = _marked(text, carried) if text and source.publish_text else []
    return SourceView(source, carried, story.claimants(carried), story.referrers(source, "sources"),
                      text is not None, paragraphs)


def _marked(text: str, claims: list[Claim]) -> list[list[Piece]]:
    """`text` in paragraphs, each quote of `claims` found in it marked with its claim (the first found wins
    where two overlap)."""
    spans = sorted((span, claim) for claim in claims for quote in claim.quotes
                   if (span := locate(quote.text, text)) is not None)
    paragraphs, start = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        end = start + len(block)
        if block.strip():
            paragraphs.append(_pieces(text, start, end, [(s, c) for s, c in spans if start <= s[0] and s[1] <= end]))
        start = end
    return paragraphs


def _pieces(text: str, start: int, end: int, spans: list) -> list[Piece]:
    pieces, at = [], start
    for (first, last), claim in spans:
        if first < at:
            continue  # overlaps a quote already marked
        pieces += [Piece(text[at:first]), Piece(text[first:last], claim)]
        at = last
    return [p for p in pieces + [Piece(text[at:end])] if p.text]


def event_view(story: Story, event: Event) -> EventView:
    return EventView(event, story.referrers(event, "about"), story.referrers(event, "venue"))
