"""schema.org structured data for each page, as a plain dict (the theme prints it with `tojson`,
which escapes `<`, `>` and `&`, so no text from data can close the script tag).

The context is `@vocab` instead of the remote `https://schema.org` document, so the data
expands with any JSON-LD processor offline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from ..story.graph import Story
from ..story.model import Actor, ActorKind, Claim, Entity, Event, Source, SourceKind

CONTEXT = {"@vocab": "https://schema.org/"}
ACTOR_TYPES = {ActorKind.person: "Person", ActorKind.government: "GovernmentOrganization",
               ActorKind.agency: "GovernmentOrganization", ActorKind.organization: "Organization",
               ActorKind.media: "NewsMediaOrganization", ActorKind.group: "Organization"}
SOURCE_TYPES = {SourceKind.article: "NewsArticle", SourceKind.agency_report: "NewsArticle",
                SourceKind.video: "VideoObject", SourceKind.social_post: "SocialMediaPosting"}

Url = Callable[[Entity], str]


def structured_data(story: Story, entity: Entity, url: Url) -> dict[str, Any]:
    """The JSON-LD object for `entity`'s page."""
    body = _describe(story, entity, url)
    if isinstance(entity, Claim) and entity.verdict:
        return {"@context": CONTEXT, "@graph": [body, _review(story, entity, body, url)]}
    return {"@context": CONTEXT, **body}


def story_data(story: Story) -> dict[str, Any]:
    info = story.info
    return {"@context": CONTEXT, "@type": "WebSite", "name": info.title if info else "Story",
            **({"description": info.summary} if info else {})}


def _describe(story: Story, entity: Entity, url: Url) -> dict[str, Any]:
    node = {"Actor": _actor, "Source": _source, "Claim": _claim, "Event": _event}[type(entity).__name__]
    return _clean({"@id": url(entity), "url": url(entity), **node(story, entity, url)})


def _ref(story: Story, entity_id: str | None, url: Url) -> dict[str, Any] | None:
    """A short node for another entity: its type, name and page."""
    entity = story.get(entity_id)
    if entity is None:
        return None
    kind = {"Actor": lambda: ACTOR_TYPES[entity.kind], "Source": lambda: SOURCE_TYPES.get(entity.kind, "CreativeWork"),
            "Claim": lambda: "Claim", "Event": lambda: "Event"}[type(entity).__name__]()
    return {"@type": kind, "@id": url(entity), "name": entity.heading()}


def _actor(story: Story, a: Actor, url: Url) -> dict[str, Any]:
    link = "affiliation" if a.kind == ActorKind.person else "parentOrganization"
    return {"@type": ACTOR_TYPES[a.kind], "name": a.name, "alternateName": a.aliases or None,
            "jobTitle": a.role if a.kind == ActorKind.person else None, "description": a.description,
            link: _ref(story, a.affiliation, url)}


def _source(story: Story, s: Source, url: Url) -> dict[str, Any]:
    kind = SOURCE_TYPES.get(s.kind, "CreativeWork")
    return {"@type": kind, ("headline" if kind == "NewsArticle" else "name"): s.title,
            "publisher": _ref(story, s.publisher, url), "author": _ref(story, s.author, url),
            "datePublished": _iso(s.date), "sameAs": s.url}


def _claim(story: Story, c: Claim, url: Url) -> dict[str, Any]:
    appearances = [_ref(story, s, url) for s in c.reported_by]
    return {"@type": "Claim", "name": c.heading(), "description": c.summary,
            "author": _ref(story, c.claimant, url), "datePublished": _iso(c.date),
            "firstAppearance": _ref(story, c.venue, url), "appearance": appearances or None,
            "text": " … ".join(q.text for q in c.quotes) or None,
            "about": [_ref(story, t, url) for t in c.about] or None}


def _event(story: Story, e: Event, url: Url) -> dict[str, Any]:
    return {"@type": "Event", "name": e.title, "startDate": e.start(), "description": e.description,
            "location": {"@type": "Place", "name": e.place} if e.place else None,
            "performer": [_ref(story, a, url) for a in e.actors] or None}


def _review(story: Story, c: Claim, claim_node: dict[str, Any], url: Url) -> dict[str, Any]:
    verdict = c.verdict
    return _clean({"@type": "ClaimReview", "claimReviewed": c.summary, "itemReviewed": {"@id": claim_node["@id"]},
                   "author": _ref(story, verdict.reviewer, url), "datePublished": _iso(verdict.date),
                   "url": verdict.url, "reviewRating": {"@type": "Rating", "alternateName": verdict.rating}})


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v is not None}
