"""Feeds for readers and aggregators: an Atom feed of the claims, newest first, and the fact-checkers'
ratings as a schema.org DataFeed of ClaimReview, the shape fact-check archives collect."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..story.graph import Story
from ..story.kinds import kind
from ..story.model import Claim
from ..text import json_text, slug
from . import jsonld, urls

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 200  # entries in the Atom feed: the newest claims


def atom(story: Story, site_url: str | None, directory_urls: bool = True) -> str:
    """The claims as an Atom feed. Entry ids are the claims' addresses when the site's is known,
    else tag URIs made from the ids; links are relative to the feed."""
    ET.register_namespace("", ATOM)
    dated = sorted((c for c in story.claims if c.date), key=lambda c: c.date, reverse=True)[:LIMIT]
    feed = ET.Element(f"{{{ATOM}}}feed")
    title = story.info.title if story.info else "Claims"
    _text(feed, "title", f"{title}: claims")
    name = slug(title, set(), "story")  # tag URIs unique to this story's site
    _text(feed, "id", _id(site_url, urls.STORY_JSON, name, directory_urls))
    newest = max([c.date for c in dated] + ([story.info.updated] if story.info and story.info.updated else []),
                 default=dt.date(1970, 1, 1))
    _text(feed, "updated", _instant(newest))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href="../")
    for claim in dated:
        feed.append(_entry(story, claim, site_url, directory_urls, name))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(story: Story, claim: Claim, site_url: str | None, directory_urls: bool, name: str) -> ET.Element:
    page = urls.entity_page(kind("claim"), claim.id)
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "title", claim.heading())
    _text(entry, "id", _id(site_url, page, f"{name}/claim/{claim.id}", directory_urls))
    _text(entry, "updated", _instant(claim.date))
    _text(entry, "published", _instant(claim.date))
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", story.by_id[claim.claimant].heading())
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href="../" + urls.page_url(page, directory_urls))
    _text(entry, "summary", claim.summary)
    if claim.quotes:
        _text(entry, "content", "\n\n".join(f"“{q.text}”" for q in claim.quotes))
    return entry


def claim_reviews(story: Story, url) -> str:
    """Every published rating as a DataFeed of ClaimReview (an empty feed where there is none)."""
    reviews = []
    for claim in story.claims:
        if claim.verdict:
            data = jsonld.structured_data(story, claim, url)
            reviews.append({"@type": "DataFeedItem", "item": data["@graph"][1]})
    feed = {"@context": "https://schema.org", "@type": "DataFeed",
            "name": f"{story.info.title if story.info else 'Story'}: fact-checks", "dataFeedElement": reviews}
    return json_text(feed) + "\n"


def _id(site_url: str | None, page: str, name: str, directory_urls: bool) -> str:
    return urls.absolute(site_url, page, directory_urls) if site_url else f"tag:explainer,2026:{name}"


def _instant(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value
