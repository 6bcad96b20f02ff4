"""schema.org structured data for each page, as a plain dict (printed into the page's head with
`json.dumps` and `<`, `>`, `&` escaped, so no text from data can close the script tag).

Each kind of entity says its own type and fields (`story/kinds.py`); this module adds what every
node has (`@id`, `url`) and the ClaimReview of a claim with a verdict. The context is `@vocab`
instead of the remote `https://schema.org` document, so the data expands with any JSON-LD
processor offline.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable

from ..story.graph import Story
from ..story.kinds import kind_of
from ..story.model import Claim, Entity
from ..text import short

CONTEXT = {"@vocab": "https://schema.org/"}

Url = Callable[[Entity], str]


def structured_data(story: Story, entity: Entity, url: Url, modified: dt.date | None = None) -> dict[str, Any]:
    """The JSON-LD object for `entity`'s page; `modified`: the date of its latest correction."""
    body = _node(story, entity, url)
    if modified:
        body["dateModified"] = modified.isoformat()
    if isinstance(entity, Claim) and entity.verdict:
        return {"@context": CONTEXT, "@graph": [body, _review(story, entity, body, url)]}
    return {"@context": CONTEXT, **body}


def story_data(story: Story) -> dict[str, Any]:
    info = story.info
    return {"@context": CONTEXT, "@type": "WebSite", "name": info.title if info else "Story",
            **({"description": info.summary} if info else {}),
            **({"dateModified": info.updated.isoformat()} if info and info.updated else {})}


def script(data: dict[str, Any]) -> str:
    """The `<script type="application/ld+json">` element: `<`, `>` and `&` escaped as JSON allows,
    so no text from data can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _node(story: Story, entity: Entity, url: Url) -> dict[str, Any]:
    kind = kind_of(entity)
    fields = kind.structured_data(entity, lambda target: _ref(story, target, url))
    return _clean({"@type": kind.schema_type(entity), "@id": url(entity), "url": url(entity), **fields})


def _ref(story: Story, entity_id: str | None, url: Url) -> dict[str, Any] | None:
    """A short node for another entity: its type, name and page."""
    entity = story.get(entity_id)
    if entity is None:
        return None
    return {"@type": kind_of(entity).schema_type(entity), "@id": url(entity), "name": entity.heading()}


REVIEWED = 75  # characters of `claimReviewed`, as fact-check archives ask


def _review(story: Story, c: Claim, claim_node: dict[str, Any], url: Url) -> dict[str, Any]:
    """One ClaimReview per page: the claim in under 75 characters, the rating, and the claim reviewed with
    who made it, when and where it appeared."""
    verdict = c.verdict
    reviewed = verdict.claim_reviewed or (c.title if c.title and len(c.title) < REVIEWED else short(c.summary, REVIEWED - 2))
    item = {key: claim_node[key] for key in ("@type", "@id", "author", "datePublished", "firstAppearance", "appearance")
            if key in claim_node}
    return _clean({"@type": "ClaimReview", "claimReviewed": reviewed, "itemReviewed": item,
                   "author": _ref(story, verdict.reviewer, url), "datePublished": _iso(verdict.date),
                   "url": verdict.url or claim_node["url"],
                   "reviewRating": _clean({"@type": "Rating", "alternateName": verdict.rating,
                                             "ratingValue": verdict.value, "worstRating": verdict.worst,
                                             "bestRating": verdict.best})})


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v is not None}
