"""Events no source dates (issue 20: an archive's venues, a debate or a TV advertisement, have no known day).
They load, are listed after the dated ones and under "Date unknown" on the timeline, say so on their page,
publish structured data, feeds and downloads that parse and invent no date, and a wrong date is still an error.
The pages themselves are snapshots in cases/render/undated/expected/ (test_render.py)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from pyld import jsonld

from conftest import BIN, CASES, errors_after, make_site, mkdocs_build
from explainer import load_story
from explainer.site.downloads import downloads
from explainer.site.render import render_pages
from explainer.site.urls import ATOM_FEED, REVIEW_FEED, SCHEMA_JSON, STORY_JSON, csv_file
from explainer.story.kinds import kind
from sitecheck import Site

UNDATED = CASES / "render" / "undated" / "data"
SCHEMA = "https://schema.org/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def story():
    return load_story(UNDATED)


@pytest.fixture(scope="module")
def pages(story):
    return render_pages(story).pages


def front_matter(page: str) -> dict:
    return json.loads(page.split("---\n")[1])


def expanded(page: str, url: str) -> list[dict]:
    return jsonld.expand(front_matter(page)["jsonld"], {"base": f"http://example.org/{url}"})


def test_an_event_may_leave_its_date_out_and_comes_after_the_dated_ones(story):
    assert story.by_id["debate"].date is None and story.by_id["launch"].date is None  # left out, or `date:` empty
    assert [e.id for e in story.events] == ["council-vote", "launch", "debate"]  # undated last, then by title


def test_the_event_page_and_the_index_say_the_date_is_unknown(pages):
    # the time and its zone as written; no UTC offset, which depends on the day
    assert '<dd markdown="span">Date unknown, 20:00 (Europe/Berlin)</dd>' in pages["events/debate.md"]
    assert '<dd markdown="span">Date unknown</dd>' in pages["events/launch.md"]
    assert front_matter(pages["events/launch.md"])["description"] == "A campaign launch (Riverside)."
    index = pages["events/index.md"]
    assert index.index("- 1 March 2024: [The council votes") < index.index("- Date unknown: [A campaign launch]") \
        < index.index("- Date unknown, 20:00: [The televised debate]")


def test_the_timeline_lists_undated_events_with_the_undated_claims_last(pages):
    timeline = pages["timeline.md"]
    assert re.findall(r"^## (.+)$", timeline, re.MULTILINE) == ["1 March 2024", "2 March 2024", "Date unknown"]
    unknown = timeline.split("## Date unknown")[1]
    # events first (by title), then the claims in the order they were made: an answer after what it answers
    entries = re.findall(r"^\*?\*?\[[^]]+\]\(((?:events|claims)/[a-z-]+)\.md\)", unknown, re.MULTILINE)
    assert entries == ["events/launch", "events/debate", "claims/brand-cuts", "claims/holt-answers"]
    assert "date unknown" not in pages["index.md"].lower()  # the home page's glance shows dated days only


def test_structured_data_of_an_undated_event_has_no_start_date(pages):
    [debate] = expanded(pages["events/debate.md"], "events/debate/")
    assert debate["@type"] == [SCHEMA + "Event"] and SCHEMA + "startDate" not in debate
    assert debate[SCHEMA + "name"][0]["@value"] == "The televised debate"
    [dated] = expanded(pages["events/council-vote.md"], "events/council-vote/")
    assert dated[SCHEMA + "startDate"][0]["@value"] == "2024-03-01"
    said_there = expanded(pages["claims/brand-cuts.md"], "claims/brand-cuts/")
    review = next(n for n in said_there if n["@type"] == [SCHEMA + "ClaimReview"])
    claim = next(n for n in said_there if n["@type"] == [SCHEMA + "Claim"])
    assert SCHEMA + "datePublished" not in claim and SCHEMA + "datePublished" not in review
    assert claim[SCHEMA + "firstAppearance"][0]["@id"] == "http://example.org/events/debate/"


def test_feeds_and_downloads_parse_and_invent_no_date(story):
    files = downloads(story, "https://example.org/")
    atom = ET.fromstring(files[ATOM_FEED])
    entries = atom.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}published") for e in entries] == ["2024-03-02T00:00:00Z"]  # the one dated claim
    reviews = json.loads(files[REVIEW_FEED])["dataFeedElement"]
    assert [r["item"]["reviewRating"]["alternateName"] for r in reviews] == ["Mostly false"]
    assert "datePublished" not in reviews[0]["item"]["itemReviewed"]
    events = {e["id"]: e for e in json.loads(files[STORY_JSON])["events"]}
    assert "date" not in events["debate"] and events["council-vote"]["date"] == "2024-03-01"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files[csv_file(kind("event"))]))}
    assert rows["debate"]["date"] == "" and rows["debate"]["time"] == "20:00"
    assert "date" not in json.loads(files[SCHEMA_JSON])["$defs"]["Event"]["required"]


@pytest.mark.parametrize("written, message", [
    ("2024-02-30", "event 'council-vote': field 'date': must be a real date written YYYY-MM-DD (got '2024-02-30')"),
    ("unknown", "event 'council-vote': field 'date': must be a real date written YYYY-MM-DD (got 'unknown')"),
])
def test_a_wrong_event_date_is_still_an_error(tmp_path, in_dir, written, message):
    in_dir(tmp_path)
    report = errors_after(tmp_path, UNDATED, "story.yml", "date: 2024-03-01", f"date: {written}")
    assert report.splitlines() == [f"data/story.yml:35: {message}"]


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "explainer"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_new_adds_an_event_without_a_date_and_refuses_a_wrong_one(tmp_path):
    shutil.copytree(UNDATED, tmp_path / "data")
    added = run("new", "event", "--title", "A rally downtown", "--data", "data", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert load_story(tmp_path / "data").by_id["a-rally-downtown"].date is None
    wrong = run("new", "event", "--title", "Another rally", "--date", "May 4", "--data", "data", cwd=tmp_path)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--date 'May 4' is not a date written YYYY-MM-DD (leave it out if unknown)" in wrong.stderr


@pytest.mark.slow  # a whole build of its own, after an import
def test_a_story_with_undated_events_imports_and_builds_strict(tmp_path):
    project = make_site(tmp_path, UNDATED)
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    for name in ("statements.tsv", "statements-mapping.yml"):
        shutil.copy(CASES / "import" / name, project)
    imported = run("import", "statements.tsv", "--mapping", "statements-mapping.yml", cwd=project)
    assert "claims from 8 row(s)" in imported.stdout, imported.stderr  # its three bad rows are named, the rest added
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = Site(project / "site")
    assert site.broken_links() == []
    when = site.page("events/debate/").select_one("dl.explainer-facts dd").get_text()
    assert when == "Date unknown, 20:00 (Europe/Berlin)"
    assert "Date unknown" in [h.get_text().rstrip("¶") for h in site.page("timeline/").select("article h2")]
    script = site.page("events/debate/").find("script", type="application/ld+json")
    [event] = jsonld.expand(json.loads(script.string), {"base": "http://example.org/events/debate/"})
    assert event["@type"] == [SCHEMA + "Event"] and SCHEMA + "startDate" not in event
    ET.parse(project / "site" / "data" / "claims.atom")
    json.loads((project / "site" / "data" / "claim-reviews.json").read_text())
