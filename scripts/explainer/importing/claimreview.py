"""A ClaimReview feed (schema.org, as fact-checkers publish it and aggregators collect it) as story records.

Accepted shapes: a DataFeed (`dataFeedElement[].item[]`), a list of ClaimReview objects, or one.
Each review gives a claim (`claimReviewed`, said by `itemReviewed.author`, on `itemReviewed.datePublished`),
its verdict (`reviewRating`: the words, and the number on the reviewer's scale when given), the reviewer
(`author`), and the places the claim appeared (`itemReviewed.appearance`) as sources that carried it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from .batch import Batch, RowRefused

ORGANIZATIONS = {"Organization", "NewsMediaOrganization", "GovernmentOrganization", "PoliticalParty"}


def reviews(text: str) -> Iterator[tuple[int, Any]]:
    """Each ClaimReview in the feed, with the line it starts on (found by its address or its words)."""
    feed = json.loads(text)
    items: list[Any]
    if isinstance(feed, dict) and "dataFeedElement" in feed:
        items = [item for element in feed["dataFeedElement"] if isinstance(element, dict)
                 for item in _as_list(element.get("item"))]
    else:
        items = _as_list(feed)
    searched = 0
    for item in items:
        line, searched = _line_of(text, item, searched)
        yield line, item


def import_reviews(batch: Batch, path: Path, text: str) -> None:
    for line, review in reviews(text):
        batch.row(path, line, lambda b, review=review: _review(b, review))


def _review(batch: Batch, review: Any) -> None:
    if not isinstance(review, dict) or review.get("@type") not in ("ClaimReview", ["ClaimReview"]):
        raise RowRefused("not a ClaimReview")
    summary = _text(review.get("claimReviewed"))
    if not summary:
        raise RowRefused("no claimReviewed: the claim's words are missing")
    item = review.get("itemReviewed") if isinstance(review.get("itemReviewed"), dict) else {}
    speaker = _first(item.get("author"))
    name = _text(speaker.get("name"))
    if not name:
        raise RowRefused("no itemReviewed.author.name: who made the claim is missing")
    claimant = batch.actor(name, _kind(speaker), role=_text(speaker.get("jobTitle")))
    reviewer = _first(review.get("author"))
    if not _text(reviewer.get("name")):
        raise RowRefused("no author.name: who reviewed the claim is missing")
    rating = review.get("reviewRating") if isinstance(review.get("reviewRating"), dict) else {}
    words = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if not words:
        raise RowRefused("no reviewRating.alternateName: the verdict is missing")
    verdict = {"rating": words, "reviewer": batch.actor(_text(reviewer["name"]), "organization"),
               "date": _date(review.get("datePublished"), "datePublished"), "url": _text(review.get("url")),
               "value": _number(rating.get("ratingValue")), "worst": _number(rating.get("worstRating")),
               "best": _number(rating.get("bestRating"))}
    appeared = [_appearance(batch, a) for a in _as_list(item.get("appearance") or item.get("firstAppearance"))]
    batch.claim(claimant, summary, date=_date(item.get("datePublished"), "itemReviewed.datePublished"),
                reported_by=[a for a in appeared if a],
                verdict={k: v for k, v in verdict.items() if v is not None})


def _appearance(batch: Batch, appearance: Any) -> str | None:
    url = _text(appearance.get("url")) if isinstance(appearance, dict) else _text(appearance)
    if not url:
        return None
    host = urlsplit(url).hostname or url
    title = _text(appearance.get("headline") or appearance.get("name")) if isinstance(appearance, dict) else None
    return batch.source(("url", url), title=title or f"Appearance on {host}", kind="document", url=url)


def _kind(author: dict) -> str:
    types = set(_as_list(author.get("@type")))
    return "organization" if types & ORGANIZATIONS else "person"


def _first(value: Any) -> dict:
    items = [v for v in _as_list(value) if isinstance(v, dict)]
    return items[0] if items else {}


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _text(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    try:
        number = float(value) if value not in (None, "") and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        raise RowRefused(f"rating {value!r} is not a number") from None
    return int(number) if number is not None and number.is_integer() else number


def _date(value: Any, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise RowRefused(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def _line_of(text: str, item: Any, start: int) -> tuple[int, int]:
    """The line where `item` seems to start: where its address or its words first stand after `start`."""
    for key in ("url", "claimReviewed"):
        value = item.get(key) if isinstance(item, dict) else None
        if isinstance(value, str) and value:
            at = text.find(json.dumps(value, ensure_ascii=False)[1:-1], start)
            at = at if at != -1 else text.find(json.dumps(value)[1:-1], start)
            if at != -1:
                return text.count("\n", 0, at) + 1, at
    return text.count("\n", 0, start) + 1, start
