"""Markdown snapshots: a small valid story (with hand-written prose) renders to exactly the pages
under cases/render/<case>/expected/. Rewrite them with UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

from pathlib import Path

import yaml

import pytest

from conftest import CASES, ROOT, UPDATE, assert_golden
from explainer import load_story
from explainer.site.render import orphan_prose, render_pages, template_env

RENDER_CASES = sorted(p.name for p in (CASES / "render").iterdir() if p.is_dir())


def _prose(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text() for p in docs.rglob("*.md")} if docs.is_dir() else {}


@pytest.mark.parametrize("case", RENDER_CASES)
def test_pages_match_snapshots(case):
    folder = CASES / "render" / case
    pages = render_pages(load_story(folder / "data"), _prose(folder / "docs"), root=folder).pages
    expected = folder / "expected"
    for path, markdown in pages.items():
        assert_golden(markdown, expected / path)
    written = {p.relative_to(expected).as_posix() for p in expected.rglob("*.md")}
    if UPDATE:
        for stale in written - set(pages):
            (expected / stale).unlink()
    else:
        assert written == set(pages)


def test_render_is_deterministic():
    story = load_story(CASES / "render" / "small" / "data")
    assert render_pages(story).pages == render_pages(load_story(CASES / "render" / "small" / "data")).pages


def test_prose_front_matter_overrides_generated_title_and_prose_is_placed():
    folder = CASES / "render" / "small"
    page = render_pages(load_story(folder / "data"), _prose(folder / "docs")).pages["actors/alpha.md"]
    assert page.startswith('---\n{\n "title": "Alpha, the minister",\n')
    assert page.index("<dt>Country</dt>") < page.index("Hand-written prose about **Alpha**.") < page.index("## Claims by")


def test_editors_material_only_when_asked():
    story = load_story(CASES / "render" / "small" / "data")
    prose = {"guide.md": "---\ntitle: House style\naudience: editors\n---\n# Style\n"}
    published, preview = render_pages(story, prose).pages, render_pages(story, prose, editors=True).pages
    assert "schema.md" not in published and "schema.md" in preview
    assert "explainer-origin" not in published["actors/alpha.md"] and "Made from" in preview["actors/alpha.md"]
    assert "For editors" not in published["index.md"]
    assert "[House style](guide.md) · [Schema reference](schema.md)" in preview["index.md"]


def test_template_in_overrides_replaces_the_packaged_one(tmp_path):
    (tmp_path / "explainer").mkdir()
    (tmp_path / "explainer" / "actor.md").write_text(
        "# {{ page.entity.name | md }} (custom)\n{% if page.entity.affiliation %}{{ link(page.entity.affiliation) }}\n{% endif %}")
    story = load_story(CASES / "render" / "small" / "data")
    pages = render_pages(story, env=template_env(tmp_path)).pages
    assert "# Alpha Minister (custom)\n[Government of Alphaland](alpha-gov.md)\n" in pages["actors/alpha.md"]
    assert "(custom)" not in pages["claims/beta-denies.md"]


@pytest.mark.parametrize("expression", ["page.entity.no_such_field", "page.view.claimz", "page.story.claims_bye(page.entity)"])
def test_template_errors_on_unknown_names(tmp_path, expression):
    """A misspelt field of the page's context fails the render instead of drawing an empty section."""
    (tmp_path / "explainer").mkdir()
    (tmp_path / "explainer" / "actor.md").write_text("{{ %s }}" % expression)
    story = load_story(CASES / "render" / "small" / "data")
    with pytest.raises(Exception, match=expression.split(".")[2].split("(")[0]):
        render_pages(story, env=template_env(tmp_path))


def test_graph_queries_refuse_fields_no_kind_has():
    story = load_story(CASES / "render" / "small" / "data")
    with pytest.raises(KeyError, match="claimnt"):
        story.referrers(story.actors[0], "claimnt")


def test_prose_that_matches_no_entity_is_reported_with_a_suggestion():
    story = load_story(CASES / "render" / "small" / "data")
    found = orphan_prose(story, ["actors/alfa.md", "actors/alpha.md", "writing.md", "claims/index.md"])
    assert found == [("actors/alfa.md", " (did you mean 'alpha'?)")]


def _render_with(prose: dict[str, str]):
    return render_pages(load_story(CASES / "render" / "small" / "data"), prose)


def test_placeholder_moves_a_section_into_the_prose():
    page = _render_with({"claims/alpha-accuses-beta.md": "Intro.\n\n<!-- explainer:relations -->\n\nOutro.\n"}).pages[
        "claims/alpha-accuses-beta.md"]
    assert page.index("Intro.") < page.index("## Answers and relations") < page.index("Outro.")
    assert page.index("Outro.") < page.index("## How we know")  # sections not asked for follow the prose
    assert "explainer:relations" not in page


def test_unknown_placeholder_is_a_warning_with_a_suggestion():
    rendered = _render_with({"claims/alpha-accuses-beta.md": "<!-- explainer:relation -->\n"})
    [warning] = rendered.warnings
    assert warning.startswith("docs/claims/alpha-accuses-beta.md: unknown placeholder '<!-- explainer:relation -->'")
    assert "(did you mean 'relations'?)" in warning


def test_entity_links_resolve_relative_to_the_page_and_unknown_ids_are_errors():
    rendered = _render_with({"events/incident.md": "---\ntitle: Incident\n---\n\nSee [[alpha]], [[alpha|the minister]]\n"
                                                   "and [[alpah]].\n```\n[[alpha]] in code\n```\n"})
    page = rendered.pages["events/incident.md"]
    assert "See [Alpha Minister](../actors/alpha.md), [the minister](../actors/alpha.md)\nand [[alpah]]." in page
    assert "```\n[[alpha]] in code\n```" in page
    # with the line it stands on in the file, front matter counted
    assert rendered.errors == ["docs/events/incident.md:6: links to unknown id 'alpah' (did you mean 'alpha'?)"]


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_long_indexes_are_paged_and_no_page_grows_with_the_story(tmp_path):
    from explainer.site.pages import PAGE_SIZE
    from explainer.editing.synth import synthesize, write
    write(tmp_path, synthesize(1000, seed=2))
    pages = render_pages(load_story(tmp_path)).pages
    claim_pages = sorted(p for p in pages if p.startswith("claims/pages/"))
    assert claim_pages == [f"claims/pages/{n}.md" for n in (2, 3, 4, 5)]
    assert "Page 1 of 5: **1** [2](pages/2.md) [3](pages/3.md)" in pages["claims/index.md"]
    assert "Page 3 of 5: [1](../index.md) [2](2.md) **3**" in pages["claims/pages/3.md"]
    timeline = [p for p in pages if p.startswith("timeline")]
    assert len(timeline) == -(-1050 // PAGE_SIZE)
    assert max(len(text) for text in pages.values()) < 120_000
    listed = [line for p in pages if p.startswith("claims/") and "/claims/" not in p for line in pages[p].splitlines()
              if line.startswith("- **[")]
    assert len(listed) == 1000


def test_facets_have_unique_ascii_slugs_and_pages():
    from explainer.story.graph import facets
    story = load_story(ROOT / "data")
    found = facets(story)
    slugs = [f.slug for f in found]
    assert len(slugs) == len(set(slugs)) and all(s.isascii() for s in slugs)
    denial = next(f for f in found if f.group == "Topic" and f.name == "denial")
    assert {e.id for e in denial.entities} == {"zelenskiy-denies-attack", "podolyak-denies-involvement",
                                               "united-states-rejects-accusation", "kirby-calls-claim-ludicrous"}
    pages = render_pages(story).pages
    assert f"tags/{denial.slug}.md" in pages
    assert f"(../tags/{denial.slug}.md){{ .md-tag }}" in pages["claims/kirby-calls-claim-ludicrous.md"]


def test_a_hub_actor_page_stays_bounded_and_links_every_claim(tmp_path):
    from explainer.site.pages import LIST_LIMIT, PAGE_SIZE as PAGE
    actors = [{"id": "hub", "name": "Hub", "kind": "person"}, {"id": "other", "name": "Other", "kind": "person"}]
    claims = [{"id": f"c-{i}", "claimant": "hub", "summary": f"Claim number {i}.", "about": ["other"]}
              for i in range(2 * PAGE + 30)]
    (tmp_path / "story.yml").write_text(yaml.safe_dump({"actors": actors, "claims": claims}))
    pages = render_pages(load_story(tmp_path)).pages
    hub = pages["actors/hub.md"]
    assert hub.count("- **[Claim number") == LIST_LIMIT
    assert f"{2 * PAGE + 30 - LIST_LIMIT} more: [all {2 * PAGE + 30}, page by page](hub/claims/1.md)" in hub
    full = [p for p in pages if p.startswith("actors/hub/claims/")]
    assert full == ["actors/hub/claims/1.md", "actors/hub/claims/2.md", "actors/hub/claims/3.md"]
    listed = sum(pages[p].count("- **[Claim number") for p in full)
    assert listed == 2 * PAGE + 30
    assert "actors/other/about/1.md" in pages  # "claims about" is paged the same way



@pytest.mark.parametrize("field, section", [("party", "party"), ("affiliation", "members")])
def test_a_party_or_body_with_thousands_of_members_keeps_a_bounded_page(tmp_path, field, section):
    from explainer.site.pages import LIST_LIMIT, PAGE_SIZE as PAGE
    count = 2 * PAGE + 7
    actors = [{"id": "big", "name": "Big Party", "kind": "organization"}]
    actors += [{"id": f"m-{i}", "name": f"Member {i}", "kind": "person", field: "big"} for i in range(count)]
    (tmp_path / "story.yml").write_text(yaml.safe_dump({"actors": actors}))
    pages = render_pages(load_story(tmp_path)).pages
    page = pages["actors/big.md"]
    assert page.count("- [Member ") == LIST_LIMIT and len(page) < 30_000
    assert f"{count - LIST_LIMIT} more: [all {count}, page by page](big/{section}/1.md)" in page
    full = [p for p in pages if p.startswith(f"actors/big/{section}/")]
    assert len(full) == 3 and sum(pages[p].count("- [Member ") for p in full) == count


def test_home_page_features_what_the_editors_chose_and_otherwise_who_took_part(tmp_path):
    from explainer.site.pages import key_claims, main_actors
    story = load_story(CASES / "render" / "small" / "data")
    assert main_actors(story) and all(story.claims_by(a) or story.disputes.by_actor.get(a.id) for a in main_actors(story))
    assert all(c.date for c in key_claims(story))  # no "date unknown" among the highlights
    default = load_story(ROOT / "data")
    assert [a.id for a in main_actors(default)][:4] == default.info.featured[:4]  # in the editors' order
    assert {"kirby-calls-claim-ludicrous", "peskov-us-behind-attack"} <= {c.id for c in key_claims(default)}
    home = render_pages(default).pages["index.md"]
    assert "date unknown" not in home.lower()


def test_main_actors_are_who_made_claims_and_were_answered_not_who_rated_published_or_has_members(tmp_path):
    """Issue 20: on a fact-check archive "Main actors" must be speakers, not the fact-checker that rated every
    claim and published the sources, nor a party through its members; a party's own claims still count."""
    import yaml as pyyaml
    from explainer.site.pages import main_actors
    members = [{"id": f"member-{i:02d}", "name": f"Member {i:02d}", "kind": "person", "party": "league"}
               for i in range(12)]
    actors = [{"id": "desk", "name": "A Fact Desk", "kind": "organization"},
              {"id": "league", "name": "Civic League", "kind": "organization"},
              {"id": "hub", "name": "Hub Speaker", "kind": "person"},
              {"id": "critic", "name": "The Critic", "kind": "person"}, *members]
    sources = [{"id": f"review-{i}", "kind": "article", "title": f"Review {i}", "publisher": "desk", "author": "desk"}
               for i in range(3)]
    said = [("hub", f"hub-{i}") for i in range(3)] + [(m["id"], f"said-{m['id']}") for m in members] + \
           [("league", "league-platform")]
    claims = [{"id": claim_id, "claimant": who, "summary": f"{who} said something.", "about": ["desk"],
               "reported_by": [f"review-{n % 3}"], "verdict": {"rating": "False", "reviewer": "desk"}}
              for n, (who, claim_id) in enumerate(said)]
    claims += [{"id": f"critic-{i}", "claimant": "critic", "summary": "The critic disagreed.",
                "disputes": [f"hub-{i}"]} for i in range(2)]
    story_file = tmp_path / "story.yml"
    story_file.write_text(pyyaml.safe_dump({"story": {"title": "An archive", "summary": "Ratings."}, "actors": actors,
                                            "sources": sources, "claims": claims}))
    story = load_story(tmp_path)
    ranked = [a.id for a in main_actors(story, limit=100)]
    # hub: 3 claims + 2 answers; critic: 2 claims + 2 answers; the league its one claim, ranked with
    # the members who made one each (by name), not above them with theirs
    assert ranked[:3] == ["hub", "critic", "league"] and ranked[3:] == [m["id"] for m in members]
    assert "desk" not in ranked  # rated all 16 claims, published and wrote every source, is what they are about
    assert [a.id for a in main_actors(story)] == ranked[:8]
    story_file.write_text(story_file.read_text().replace("summary: Ratings.", "summary: Ratings.\n  featured: [member-11, desk]"))
    assert [a.id for a in main_actors(load_story(tmp_path))][:4] == ["member-11", "desk", "hub", "critic"]


def test_a_claim_answered_thousands_of_times_keeps_a_bounded_page(tmp_path):
    import yaml as pyyaml
    from explainer.site.pages import LIST_LIMIT
    claims = [{"id": "said", "claimant": "a", "summary": "It was said."}]
    claims += [{"id": f"no-{i}", "claimant": "a", "summary": f"Denial {i}.", "denies": ["said"]} for i in range(600)]
    (tmp_path / "story.yml").write_text(pyyaml.safe_dump({"actors": [{"id": "a", "name": "A", "kind": "person"}],
                                                          "claims": claims}))
    pages = render_pages(load_story(tmp_path)).pages
    page = pages["claims/said.md"]
    assert page.count("**Denied by**") == LIST_LIMIT and len(page) < 60_000
    assert f"{600 - LIST_LIMIT} more: [all 600, page by page](said/answers/1.md)" in page
    assert "claims/said/answers/3.md" in pages


def test_aliases_in_a_prose_page_front_matter_are_refused_not_expanded():
    """A 'billion laughs' in front matter: copied into the generated page it would be expanded (143 s for 9^7)."""
    levels = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 8))
    bomb = "---\nl0: &l0 lol\n" + levels + "---\n\nProse.\n"
    rendered = _render_with({"actors/alpha.md": bomb})
    assert rendered.errors == ["docs/actors/alpha.md:1: front matter uses YAML aliases (*name), which are not allowed"]
    assert len(rendered.pages["actors/alpha.md"]) < 50_000
