"""Each page's schema.org data is valid JSON-LD (expanded by a real processor, offline) and says
what the page is about."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld

from conftest import CASES, make_site, mkdocs_build
from sitecheck import Site

SCHEMA = "https://schema.org/"


def expanded(site: Site, url: str) -> list[dict]:
    script = site.page(url).find("script", type="application/ld+json")
    assert script is not None, url
    base = f"http://example.org/{url}"
    return jsonld.expand(json.loads(script.string), {"base": base})


def types(nodes: list[dict]) -> set[str]:
    return {t.removeprefix(SCHEMA) for node in nodes for t in node.get("@type", [])}


@pytest.fixture(scope="module")
def site(default_build):
    return Site(default_build[0])


@pytest.mark.parametrize("url, expected", [
    ("actors/dmitry-peskov/", {"Person"}),
    ("actors/kremlin/", {"GovernmentOrganization"}),
    ("actors/reuters/", {"NewsMediaOrganization"}),
    ("sources/vision-times-2023-05-05/", {"NewsArticle"}),
    ("sources/cnn-kirby-interview-2023-05-04/", {"CreativeWork"}),
    ("claims/kirby-calls-claim-ludicrous/", {"Claim"}),
    ("events/kremlin-drone-incident/", {"Event"}),
    ("", {"WebSite"}),
])
def test_page_type(site, url, expected):
    assert types(expanded(site, url)) == expected


def test_claim_names_its_author_date_and_appearances(site):
    [claim] = expanded(site, "claims/kirby-calls-claim-ludicrous/")
    author = claim[SCHEMA + "author"][0]
    assert author["@id"] == "http://example.org/actors/john-kirby/"
    assert author[SCHEMA + "name"][0]["@value"] == "John Kirby"
    assert claim[SCHEMA + "datePublished"][0]["@value"] == "2023-05-04"
    appearances = [a["@id"] for a in claim[SCHEMA + "appearance"]]
    assert appearances == ["http://example.org/sources/reuters-kremlin-drone-reporting/",
                           "http://example.org/sources/vision-times-2023-05-05/"]
    assert claim[SCHEMA + "firstAppearance"][0]["@id"].endswith("/sources/cnn-kirby-interview-2023-05-04/")


def test_actor_lists_aliases(site):
    [actor] = expanded(site, "actors/volodymyr-zelenskiy/")
    assert "Зеленський" in {a["@value"] for a in actor[SCHEMA + "alternateName"]}


def test_no_claim_review_without_a_verdict(site):
    for url in site.pages:
        if url.startswith("claims/") and url != "claims/index.html":
            assert "ClaimReview" not in types(expanded(site, url.removesuffix("index.html")))


def test_claim_review_where_a_verdict_exists(tmp_path):
    project = make_site(tmp_path, CASES / "render" / "small" / "data")
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    assert mkdocs_build(project).returncode == 0
    nodes = expanded(Site(project / "site"), "claims/alpha-accuses-beta/")
    assert types(nodes) == {"Claim", "ClaimReview"}
    [review] = [n for n in nodes if SCHEMA + "ClaimReview" in n["@type"]]
    assert review[SCHEMA + "reviewRating"][0][SCHEMA + "alternateName"][0]["@value"] == "Unproven"
    assert review[SCHEMA + "author"][0][SCHEMA + "name"][0]["@value"] == "Check & Verify"
    assert review[SCHEMA + "itemReviewed"][0]["@id"] == "http://example.org/claims/alpha-accuses-beta/"


def test_claim_review_has_what_fact_check_archives_require(tmp_path):
    """One ClaimReview a page: claimReviewed under 75 characters, a rating with alternateName, the page
    or review url, and itemReviewed a Claim with its author, date and where it appeared."""
    project = make_site(tmp_path, CASES / "render" / "small" / "data")
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    assert mkdocs_build(project).returncode == 0
    site = Site(project / "site")
    data = json.loads(site.page("claims/alpha-accuses-beta/").find("script", type="application/ld+json").string)
    [review] = [n for n in data["@graph"] if n["@type"] == "ClaimReview"]
    assert 0 < len(review["claimReviewed"]) < 75
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}
    assert review["url"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] and item["datePublished"]
    assert "firstAppearance" in item or "appearance" in item
    # the same reviews, gathered in the site's DataFeed file, and the claims in its Atom feed
    feed = json.loads((project / "site" / "data" / "claim-reviews.json").read_text())
    assert feed["@type"] == "DataFeed" and [e["item"]["claimReviewed"] for e in feed["dataFeedElement"]] == [
        review["claimReviewed"]]
    import xml.etree.ElementTree as ET
    atom = ET.parse(project / "site" / "data" / "claims.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed" and titles and len(set(
        e.findtext("a:id", namespaces=ns) for e in atom.findall("a:entry", ns))) == len(titles)
    for entry in atom.findall("a:entry", ns):
        href = entry.find("a:link", ns).get("href")
        assert (project / "site" / "data" / href / "index.html").resolve().is_file(), href
