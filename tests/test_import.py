"""`explainer import`: a small ClaimReview feed and a small TSV with bad rows (made-up data in tests/cases/import)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from conftest import BIN, CASES, ROOT, make_site, mkdocs_build
from explainer.editing.records import in_files
from explainer.story.graph import load_story
from explainer.story.loader import MAX_FILE_BYTES, load_file

IMPORT = CASES / "import"


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "explainer"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path):
    site = make_site(tmp_path, ROOT / "data")
    for path in IMPORT.iterdir():
        shutil.copy(path, site)
    return site


def test_a_claimreview_feed_becomes_claims_with_verdicts_and_known_speakers(project):
    result = run("import", "feed.json", cwd=project)
    assert result.returncode == 1  # two reviews could not be imported; the others were
    assert "feed.json:12: no itemReviewed.author.name: who made the claim is missing; not imported" in result.stderr
    assert "feed.json:18: datePublished 'last Tuesday' is not a date (YYYY-MM-DD); not imported" in result.stderr
    story = load_story(project / "data")
    origin = next(c for c in story.claims if c.summary == "The drones were launched from inside Moscow")
    assert origin.claimant == "dmitry-peskov"  # "D. Peskov" is the story's Dmitry Peskov, not a new actor
    assert (origin.verdict.rating, origin.verdict.value, origin.verdict.worst, origin.verdict.best) == ("Unproven", 2, 1, 5)
    assert story.by_id[origin.verdict.reviewer].name == "Example Fact Desk"
    briefing = story.by_id[origin.reported_by[0]]
    assert briefing.title == "Kremlin briefing, May 4" and briefing.url == "https://news.example/kremlin-briefing"
    mayor = next(c for c in story.claims if c.summary == "Nobody was hurt in the city")
    assert mayor.reported_by == origin.reported_by  # one source for one address
    assert [a.name for a in story.actors].count("Example Fact Desk") == 1


def test_a_table_is_imported_column_by_column_and_bad_rows_are_named_with_their_line(project):
    result = run("import", "statements.tsv", "--mapping", "statements-mapping.yml", cwd=project)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.endswith("not imported")]
    assert problems == [
        "statements.tsv:4: verdict 'sort-of-true' is not on the mapping's scale (pants-fire, false, barely-true, "
        "half-true, mostly-true, true); not imported",
        "statements.tsv:5: 3 columns, 9 expected; not imported",
        "statements.tsv:6: no claim in column 'statement'; not imported",
    ]
    assert "5 claims from 8 row(s)" in result.stdout
    story = load_story(project / "data")
    lindqvist = story.by_id["maria-lindqvist"]
    assert (lindqvist.name, lindqvist.role, lindqvist.region) == ("Maria Lindqvist", "City councillor", "Northshire")
    assert story.by_id[lindqvist.party].name == "Green Party"
    oduya = [a for a in story.actors if a.name == "Peter Oduya"]
    assert len(oduya) == 1  # 'peter-oduya' and 'Peter Oduya' are one speaker
    assert oduya[0].role == "Regional governor" and [r.title for r in oduya[0].roles] == ["Health minister"]
    tunnel = story.by_id["r-101"]
    assert (tunnel.verdict.rating, tunnel.verdict.value, tunnel.verdict.best) == ("false", 2, 6)
    assert tunnel.topics == ["transport", "budget"]
    assert story.by_id[tunnel.venue].kind.value == "debate"
    assert story.by_id[story.by_id["r-107"].venue].kind.value == "advertisement"
    assert not [a for a in story.actors if a.name == "Anna Berg"]  # her only row was refused: nothing of it stays


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_importing_again_adds_nothing_and_needs_merge(project):
    args = ("import", "statements.tsv", "--mapping", "statements-mapping.yml")
    run(*args, cwd=project)
    written = (project / "data" / "statements.yml").read_bytes()
    again = run(*args, cwd=project)
    assert again.returncode == 2 and "add --merge" in again.stderr
    merged = run(*args, "--merge", cwd=project)
    assert "0 actors, 0 sources, 0 claims" in merged.stdout
    assert (project / "data" / "statements.yml").read_bytes() == written


def test_a_mapping_that_names_a_missing_column_is_a_usage_error(project):
    mapping = yaml.safe_load((project / "statements-mapping.yml").read_text())
    mapping["claimant"]["name"] = "speakr"
    (project / "bad-mapping.yml").write_text(yaml.safe_dump(mapping))
    result = run("import", "statements.tsv", "--mapping", "bad-mapping.yml", cwd=project)
    assert result.returncode == 2 and "names column(s) speakr, which the file does not have" in result.stderr
    assert not (project / "data" / "statements.yml").exists()


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_an_imported_story_builds_with_party_pages_and_verdict_scales(project):
    assert run("import", "statements.tsv", "--mapping", "statements-mapping.yml", cwd=project).returncode == 1
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    party = (project / "site" / "actors" / "green-party" / "index.html").read_text()
    assert "Members of Green Party" in party and "Maria Lindqvist" in party
    person = (project / "site" / "actors" / "maria-lindqvist" / "index.html").read_text()
    assert "Northshire" in person and "green-party" in person
    assert "Other roles" in (project / "site" / "actors" / "peter-oduya" / "index.html").read_text()
    claim = (project / "site" / "claims" / "r-101" / "index.html").read_text()
    assert "Verdict: false" in claim and "(2 on a scale from 1 to 6)" in claim


def test_verdicts_parties_and_regions_are_browsable_verdicts_worst_first(project):
    from explainer.story.graph import facets
    run("import", "statements.tsv", "--mapping", "statements-mapping.yml", cwd=project)
    found = facets(load_story(project / "data"))
    verdicts = [f.name for f in found if f.group == "Verdict"]
    assert verdicts[:4] == ["pants-fire", "false", "half-true", "mostly-true"]  # as the scale runs, not a-z
    parties = {f.name: {e.id for e in f.entities} for f in found if f.group == "Party"}
    assert "maria-lindqvist" in parties["Green Party"] and "peter-oduya" in parties["Labour Party"]
    assert {f.name for f in found if f.group == "Region"} >= {"Northshire", "Valley"}


def test_a_feed_that_is_not_json_and_a_file_written_as_a_flow_list_get_one_line_each(project):
    (project / "broken.json").write_text('{"@type": "DataFeed", "dataFeedElement": [\n')
    broken = run("import", "broken.json", cwd=project)
    assert broken.returncode == 2 and "broken.json:" in broken.stderr and "Traceback" not in broken.stderr
    (project / "data" / "feed.yml").write_text("actors: [{id: someone-else, name: Someone Else, kind: person}]\n")
    flow = run("import", "feed.json", "--merge", cwd=project)
    assert flow.returncode == 1 and "Traceback" not in flow.stderr
    assert "data/feed.yml: line 1: section 'actors' is not written as a list" in flow.stderr
    assert (project / "data" / "feed.yml").read_text().startswith("actors: [{id: someone-else")


def test_records_too_many_for_one_file_are_cut_into_files_each_under_the_limit(tmp_path):
    sections = {"actors": [{"id": f"speaker-{i}", "name": f"Speaker {i}", "kind": "person"} for i in range(40)],
                "claims": [{"id": f"claim-{i}", "claimant": f"speaker-{i % 40}", "summary": f"Statement {i} " * 8}
                           for i in range(300)]}
    first = tmp_path / "archive.yml"
    files = in_files(first, sections, lambda path: None, limit=20_000)
    assert list(files)[0] == first and first.with_name("archive-2.yml") in files and len(files) > 2
    assert all(len(content) <= 20_000 for content in files.values())
    loaded = {}
    for path, content in files.items():
        for section, records in yaml.safe_load(content).items():
            loaded.setdefault(section, []).extend(records)
    assert loaded == sections  # every record once, in order, each file with its share of each section


def test_what_fits_one_file_stays_in_one_and_an_existing_file_keeps_its_bytes(tmp_path):
    first = tmp_path / "archive.yml"
    old = b"# kept\nclaims:\n- id: old\n  claimant: a\n  summary: Before\n"
    files = in_files(first, {"claims": [{"id": "new", "claimant": "a", "summary": "After"}]},
                     lambda path: old if path == first else None)
    assert list(files) == [first] and files[first].startswith(old)


def test_a_change_is_held_to_the_size_a_file_may_have_before_it_is_written(tmp_path):
    path = tmp_path / "data" / "big.yml"
    _, errors = load_file(path, "claims: []\n" + "#" * MAX_FILE_BYTES)
    assert [e.message for e in errors] == [f"file would be {MAX_FILE_BYTES + 11:,} bytes; the limit is {MAX_FILE_BYTES:,}"]
