"""The editor's commands: export, new, stats, and the data downloads of a build."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest

from conftest import BIN, ROOT, make_site, mkdocs_build
from explainer import load_story
from explainer.site.urls import not_in_nav
from sitecheck import Site


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "explainer"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path):
    return make_site(tmp_path, ROOT / "data")


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_export_writes_the_same_pages_the_site_is_built_from(project):
    result = run("export", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    out = project / "out"
    assert (out / "actors" / "dmitry-peskov.md").read_text().startswith('---\n{\n "title": "Dmitry Peskov",\n')
    assert (out / "assets" / "explainer" / "explainer.css").exists()
    assert not (out / "writing.md").exists()  # a page for editors: not part of the published site
    assert json.loads((out / "data" / "story.json").read_text())["claims"]
    assert "Nobody has said publicly" in (out / "events" / "kremlin-drone-incident.md").read_text()
    again = run("export", "out", cwd=project)
    assert again.returncode == 0 and "0 written" in again.stdout


def test_export_never_overwrites_what_it_did_not_write(project):
    out = project / "out"
    (out / "actors").mkdir(parents=True)
    (out / "actors" / "dmitry-peskov.md").write_text("a person's notes\n")
    result = run("export", "out", cwd=project)
    assert result.returncode == 1
    assert "out/actors/dmitry-peskov.md: exists and was not written by explainer export" in result.stderr
    assert (out / "actors" / "dmitry-peskov.md").read_text() == "a person's notes\n"
    assert not (out / "index.md").exists()  # nothing at all is written when one file is in the way


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_export_keeps_a_changed_file_and_removes_its_own_stale_ones(project):
    assert run("export", "out", cwd=project).returncode == 0
    out = project / "out"
    edited = out / "claims" / "index.md"
    edited.write_text(edited.read_text() + "an edit\n")
    assert run("export", "out", cwd=project).returncode == 1
    assert edited.read_text().endswith("an edit\n")
    edited.write_text(edited.read_text().removesuffix("an edit\n"))  # undone: ours again
    data = project / "data" / "vision-times-2023-05-05.yml"
    data.write_text(data.read_text().replace("  - id: bendett-symbolic-strike\n", "  - id: bendett-symbolic\n"))
    result = run("export", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (out / "claims" / "bendett-symbolic-strike.md").exists() and (out / "claims" / "bendett-symbolic.md").exists()


@pytest.mark.parametrize("inside", ["docs/generated", "data/out", "docs"])
def test_export_refuses_docs_and_data(project, inside):
    result = run("export", inside, cwd=project)
    assert result.returncode == 2 and "refusing to export" in result.stderr
    assert not (project / inside / "index.md").exists()


@pytest.mark.slow  # a whole build of its own; the fast loop has others
def test_exported_markdown_builds_without_the_plugin(project):
    assert run("export", "out", cwd=project).returncode == 0
    config = (project / "mkdocs.yml").read_text().replace("docs_dir: docs", "docs_dir: out")
    config = config.replace("  - explainer:\n      data_dir: data\n", "")
    # what the plugin does for its pages: entity pages stay out of the sidebar
    config += not_in_nav()
    (project / "plain.yml").write_text(config)
    result = mkdocs_build(project, "-f", "plain.yml", "--site-dir", "plain-site")
    assert result.returncode == 0, result.stderr
    assert Site(project / "plain-site").broken_links() == []


def test_new_adds_a_record_keeping_comments_and_order(project):
    actors = project / "data" / "actors.yml"
    before = actors.read_text()
    result = run("new", "actor", "--name", "Sergei Shoigu", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"data/actors.yml:{len(before.splitlines()) + 1}: added actor 'sergei-shoigu'\n"
    after = actors.read_text()
    assert after.startswith(before) and after[len(before):] == "  - id: sergei-shoigu\n    name: Sergei Shoigu\n    kind: person\n"
    claim = run("new", "claim", "--summary", "Shoigu said so.", "--claimant", "sergei-shoigu", cwd=project)
    assert claim.returncode == 0, claim.stderr
    assert load_story(project / "data").by_id["shoigu-said-so"].claimant == "sergei-shoigu"


def test_new_refuses_a_record_that_breaks_the_story_and_restores_the_file(project):
    data = project / "data" / "vision-times-2023-05-05.yml"
    before = data.read_bytes()
    result = run("new", "claim", "--summary", "Nobody said this.", "--claimant", "nobody", cwd=project)
    assert result.returncode == 1
    assert "names unknown actor 'nobody' in 'claimant'" in result.stderr
    assert data.read_bytes() == before


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_new_makes_unique_ascii_ids(project):
    first = run("new", "event", "--title", "Drones again", "--date", "2023-05-30", cwd=project)
    second = run("new", "event", "--title", "Drones again", "--date", "2023-05-31", cwd=project)
    cyrillic = run("new", "source", "--title", "Новости", cwd=project)
    assert "added event 'drones-again'" in first.stdout and "added event 'drones-again-2'" in second.stdout
    assert "added source 'new-source'" in cyrillic.stdout


def test_stats_lists_loose_ends(project):
    result = run("stats", "--json", cwd=project)
    assert result.returncode == 0
    figures = json.loads(result.stdout)
    assert figures["counts"] == {"actor": 20, "claim": 12, "source": 8, "event": 1}
    ends = figures["loose_ends"]
    assert "vladimir-putin" in ends["actors_with_no_claims"] and "dmitry-peskov" not in ends["actors_with_no_claims"]
    assert "kirby-calls-claim-ludicrous" in ends["claims_nobody_answered"]
    assert "peskov-us-behind-attack" not in ends["claims_nobody_answered"]
    assert ends["sources_never_cited"] == [] and ends["claims_with_no_source"] == []
    text = run("stats", cwd=project).stdout
    assert "claims nobody answered (8):" in text


def test_build_serves_the_data_as_json_and_csv(default_build):
    site, _ = default_build
    story = json.loads((site / "data" / "story.json").read_text())
    assert len(story["actors"]) == 20 and story["story"]["title"].startswith("Drones")
    rows = list(csv.DictReader(io.StringIO((site / "data" / "claims.csv").read_text())))
    kirby = next(r for r in rows if r["id"] == "kirby-calls-claim-ludicrous")
    assert kirby["claimant"] == "john-kirby" and kirby["denies"] == "peskov-us-behind-attack"
    assert kirby["quotes"].startswith("Obviously, it’s a ludicrous claim; ")
    home = Site(site).page("")
    assert "data/story.json" in {a.get("href") for a in home.select("article a")}


def test_csv_cells_never_run_as_formulas(tmp_path):
    from explainer.site.downloads import story_csv
    from explainer.story.kinds import kind
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "cases" / "render" / "small" / "data", data)
    story_file = data / "story.yml"
    story_file.write_text(story_file.read_text().replace("name: Alpha Minister", "name: '=HYPERLINK(\"x\")'"))
    rows = list(csv.DictReader(io.StringIO(story_csv(load_story(data), kind("actor")))))
    assert next(r for r in rows if r["id"] == "alpha")["name"] == "'=HYPERLINK(\"x\")"


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_edit_links_point_at_the_yaml_line_and_the_prose(project):
    config = project / "mkdocs.yml"
    settings = config.read_text().replace("      data_dir: data\n", "      data_dir: data\n      editors: true\n")
    config.write_text("repo_url: https://example.org/newsroom/story\nedit_uri: edit/main/docs/\n" + settings)
    assert mkdocs_build(project).returncode == 0
    page = Site(project / "site").page("events/kremlin-drone-incident/")
    edit = page.select_one("a.md-content__button")["href"]
    assert edit == "https://example.org/newsroom/story/edit/main/data/events.yml#L2"
    # with `editors: true` (the default in `mkdocs serve`) the editors' material is there
    assert (project / "site" / "writing" / "index.html").exists() and (project / "site" / "schema" / "index.html").exists()
    assert "For editors" in Site(project / "site").page("").get_text()
    origin = [a["href"] for a in page.select(".explainer-origin a")]
    assert origin == ["https://example.org/newsroom/story/edit/main/data/events.yml#L2",
                      "https://example.org/newsroom/story/edit/main/docs/events/kremlin-drone-incident.md"]


def test_stats_keeps_each_loose_end_to_one_short_line(tmp_path):
    actors = [{"id": f"quiet-{i}", "name": f"Quiet {i}", "kind": "person"} for i in range(500)]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "story.yml").write_text(__import__("yaml").safe_dump({"actors": actors}))
    text = run("stats", "--data", "data", cwd=tmp_path).stdout
    line = next(l for l in text.splitlines() if l.startswith("actors with no claims (500): "))
    assert line.endswith(", … and 490 more (--json lists all)") and len(line) < 300
