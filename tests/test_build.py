"""One real `mkdocs build --strict` of the default story, read back with an HTML parser; and builds
of broken or annotated copies, as an editor would run them."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import CASES, ROOT, make_site, mkdocs_build
from explainer import load_story
from explainer.story.kinds import kind_of, references
from sitecheck import Site


@pytest.fixture(scope="module")
def built(default_build):
    out, result = default_build
    return Site(out), result


@pytest.fixture(scope="module")
def story():
    return load_story(ROOT / "data")


def url(entity) -> str:
    return f"{kind_of(entity).section}/{entity.id}/"


def test_build_is_strict_clean_and_reports_counts(built):
    _, result = built
    assert "WARNING" not in result.stderr
    assert "65 pages generated from 20 actors, 12 claims, 8 sources, 1 event; 11 quotes checked" in result.stderr


def test_every_entity_has_a_page_titled_by_its_name(built, story):
    site, _ = built
    for entity in story.by_id.values():
        heading = site.page(url(entity)).select_one("article h1").get_text(strip=True)
        assert heading.rstrip("¶") in {getattr(entity, "name", None), getattr(entity, "title", None)} or \
            kind_of(entity).name == "claim", (entity.id, heading)


def test_claim_pages_link_to_their_claimant(built, story):
    site, _ = built
    for claim in story.claims:
        assert f"actors/{claim.claimant}/index.html" in site.content_links(url(claim)), claim.id


def test_every_page_links_back_to_what_links_to_it(built, story):
    site, _ = built
    checked = 0
    for entity in story.by_id.values():
        for _, _, target in references(entity):
            back = site.content_links(url(story.by_id[target]))
            assert f"{url(entity)}index.html" in back, f"{target} does not link back to {entity.id}"
            checked += 1
    assert checked > 80


def test_no_broken_internal_link_or_anchor(built):
    site, _ = built
    assert len(site.pages) >= 65
    assert site.broken_links() == []


def test_each_entity_page_has_its_sections_in_its_table_of_contents(built, story):
    """The contents beside the article come from the page's headings (a story page's table of contents waits
    compressed while MkDocs converts the other pages, and must be back when the page is written)."""
    site, _ = built
    for entity in story.by_id.values():
        page = site.page(url(entity))
        headings = [f"#{h['id']}" for h in page.select("article h2[id]")]
        listed = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
        assert headings and listed[:len(headings)] == headings, entity.id


def test_index_pages_are_in_the_nav_and_entity_pages_are_not(built):
    site, _ = built
    nav = {a.get_text(strip=True) for a in site.page("").select("nav.md-nav--primary a")}
    assert {"Actors", "Claims", "Sources", "Events", "Timeline", "Tags"} <= nav
    assert "Dmitry Peskov" not in nav and "Writing a story" not in nav


def test_the_published_site_has_no_editors_material(built):
    """The writing guide, the schema reference and the "Made from file, line" notes are for preview."""
    site, _ = built
    assert not (site.root / "writing").exists() and not (site.root / "schema").exists()
    assert not any(page.select(".explainer-origin") for page in site.pages.values())
    assert not any("Made from" in page.get_text() for page in site.pages.values())
    assert "For editors" not in site.page("").get_text()


def test_quotes_are_shown_verbatim_with_attribution(built, story):
    site, _ = built
    claim = story.by_id["kirby-calls-claim-ludicrous"]
    page = site.page(url(claim))
    figures = page.select("article figure.explainer-quote")
    assert [f.blockquote.get_text(strip=True) for f in figures] == [q.text for q in claim.quotes]
    # one attribution line says who said them, with the role at the time, when and where
    line = figures[0].find_previous("p").get_text(" ", strip=True)
    assert line == "John Kirby , White House national security spokesman, said on 4 May 2023 in John Kirby interviewed on CNN :"


def test_a_quote_shorter_than_a_clause_is_shown_in_its_sentence(built):
    """Podolyak's one-word quote is the 'terrorist' attack he said Moscow may launch, not a name he called anyone."""
    figure = built[0].page("claims/podolyak-warns-of-russian-attack/").select_one("figure.explainer-quote")
    assert figure.blockquote.mark.get_text() == "terrorist"
    sentence = figure.blockquote.get_text(" ", strip=True)
    assert "Moscow is getting ready to launch a significant “ terrorist ” attack against Ukraine" in sentence
    assert "Russia Accuses the US" in figure.figcaption.get_text()


def test_answers_show_who_when_and_their_words(built):
    answers = built[0].page("claims/peskov-us-behind-attack/").get_text(" ", strip=True)
    assert "Denied by John Kirby , 4 May 2023: “Obviously, it’s a ludicrous claim” ( Kirby:" in answers


def test_no_request_leaves_the_site(built):
    site, _ = built
    for name, page in site.pages.items():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in page.find_all(tag, attrs={attr: True}):
                assert not element[attr].startswith(("http:", "https:", "//")), (name, element)


def test_prose_overlay_is_shown_and_left_untouched(built):
    site, _ = built
    prose = ROOT / "docs" / "events" / "kremlin-drone-incident.md"
    before = hashlib.sha256(prose.read_bytes()).hexdigest()
    text = site.page("events/kremlin-drone-incident/").select_one("article").get_text()
    assert "Nobody has said publicly who launched the drones." in text
    assert "Who was involved" in text
    assert hashlib.sha256(prose.read_bytes()).hexdigest() == before


def test_broken_data_fails_the_build_with_file_and_line(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    claims = project / "data" / "vision-times-2023-05-05.yml"
    claims.write_text(claims.read_text().replace("claimant: dmitry-peskov", "claimant: dmitry-peskow", 1)
                      .replace("    summary: Medvedev", "    summry: Medvedev"))
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "names unknown actor 'dmitry-peskow' in 'claimant' (did you mean 'dmitry-peskov'?)" in result.stderr
    assert "data/vision-times-2023-05-05.yml:" in result.stderr
    assert "has unknown field 'summry' (did you mean 'summary'?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_duplicate_key_fails_the_build(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text().replace("    name: Dmitry Peskov\n",
                                                 "    name: Dmitry Peskov\n    name: Peskov\n", 1))
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "data/actors.yml:" in result.stderr and "duplicate key 'name'" in result.stderr


def test_prose_for_no_entity_fails_a_strict_build(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    (project / "docs" / "actors").mkdir(exist_ok=True)
    (project / "docs" / "actors" / "dmitry-peskow.md").write_text("Prose for a misspelled id.\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "docs/actors/dmitry-peskow.md matches no entity" in result.stderr
    assert "(did you mean 'dmitry-peskov'?)" in result.stderr


def test_a_small_story_builds_with_its_prose(tmp_path):
    case = CASES / "render" / "small"
    project = make_site(tmp_path, case / "data", docs=ROOT / "docs")
    (project / "docs" / "actors").mkdir(exist_ok=True)
    (project / "docs" / "actors" / "alpha.md").write_text((case / "docs" / "actors" / "alpha.md").read_text())
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = Site(project / "site")
    assert site.page("actors/alpha/").select_one("title").get_text().startswith("Alpha, the minister")
    assert site.broken_links() == []


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_names_from_data_are_never_markup_in_the_built_pages(tmp_path):
    project = make_site(tmp_path, CASES / "render" / "small" / "data")
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    story_file = project / "data" / "story.yml"
    hostile = "Alpha </title><script>alert(1)</script><img src=x onerror=alert(2)> &amp;"
    story_file.write_text(story_file.read_text().replace("name: Alpha Minister", f"name: '{hostile}'")
                          .replace("title: The incident", "title: '\"><svg onload=alert(3)>'"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = Site(project / "site")
    for name, page in site.pages.items():
        runnable = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        assert not [s for s in runnable if "alert(" in s.get_text()], name
        assert not page.find_all(["img", "svg"], attrs={"onerror": True}) and not page.find_all(attrs={"onload": True})
    actor = site.page("actors/alpha/")
    assert actor.title.get_text().startswith(hostile)
    assert actor.select_one("article h1").get_text().rstrip("¶") == hostile
    data = json.loads(actor.find("script", type="application/ld+json").string)
    assert data["name"] == hostile and "</" not in actor.find("script", type="application/ld+json").string


def test_search_index_covers_every_article_page(built, story):
    site, _ = built
    bundles = json.loads((site.root / "pagefind" / "bundles.json").read_text())
    assert bundles == ["actors", "claims"]  # actors, events, sources and the other pages; then the claims
    entries = [json.loads((site.root / "pagefind" / name / "pagefind-entry.json").read_text()) for name in bundles]
    indexed = sum(language["page_count"] for entry in entries for language in entry["languages"].values())
    articles = [name for name, page in site.pages.items() if page.select_one("article.md-content__inner")]
    assert indexed == len(articles) > len(story.by_id)
    assert not (site.root / "search" / "search_index.json").exists()  # Material's whole-site index is not made
    box = json.loads(site.page("").select_one("[data-explainer-search]")["data-explainer-search"])
    assert box["base"] == "." and box["words"]["placeholder"] == "Type to start searching"


def test_two_search_plugins_are_refused_with_a_clear_error(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "plugins 'search' and 'explainer-search' both draw the search box: keep one" in result.stderr
    assert "Traceback" not in result.stderr


PAGE_TYPES = ["", "actors/dmitry-peskov/", "claims/kirby-calls-claim-ludicrous/", "sources/vision-times-2023-05-05/",
              "events/kremlin-drone-incident/", "actors/", "claims/", "sources/", "events/", "timeline/", "tags/"]


@pytest.mark.parametrize("url_path", PAGE_TYPES)
def test_every_page_type_previews_when_shared(built, url_path):
    page = built[0].page(url_path)
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:title"] and og["og:description"] and og["og:site_name"] == "Drones over the Kremlin"
    assert og["og:type"] in {"website", "article", "profile"}
    assert page.select_one("meta[name='twitter:card']")["content"] == "summary"
    assert page.select_one("meta[name='description']")["content"]


def test_a_claim_is_described_by_its_summary_and_an_actor_by_its_role(built, story):
    site, _ = built
    kirby = site.page("claims/kirby-calls-claim-ludicrous/")
    assert kirby.select_one("meta[name='description']")["content"].startswith("Kirby called the accusation ludicrous")
    assert kirby.select_one("meta[property='og:type']")["content"] == "article"
    peskov = site.page("actors/dmitry-peskov/").select_one("meta[name='description']")["content"]
    assert peskov.startswith("Dmitry Peskov: Kremlin spokesman, Russia.")


@pytest.mark.slow  # a whole build of its own; the fast loop has others
def test_with_a_site_url_addresses_are_absolute(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    config = project / "mkdocs.yml"
    config.write_text("site_url: https://news.example.org/drones/\n" + config.read_text())
    assert mkdocs_build(project).returncode == 0
    page = Site(project / "site").page("claims/kirby-calls-claim-ludicrous/")
    assert page.select_one("meta[property='og:url']")["content"] == \
        "https://news.example.org/drones/claims/kirby-calls-claim-ludicrous/"
    assert page.select_one("link[rel=canonical]")["href"] == page.select_one("meta[property='og:url']")["content"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    node = data["@graph"][0] if "@graph" in data else data
    assert node["@id"] == "https://news.example.org/drones/claims/kirby-calls-claim-ludicrous/"
    assert node["author"]["@id"] == "https://news.example.org/drones/actors/john-kirby/"
    cite = page.select_one("details.explainer-cite").get_text(" ", strip=True)
    assert cite.startswith("Cite this page “Kirby: \"a ludicrous claim\"”, in Drones over the Kremlin, May 2023")
    assert "https://news.example.org/drones/claims/kirby-calls-claim-ludicrous/" in cite


def test_claim_and_actor_pages_offer_a_citation(built):
    for url_path in ("claims/kirby-calls-claim-ludicrous/", "actors/dmitry-peskov/"):
        cite = built[0].page(url_path).select_one("details.explainer-cite")
        assert "Add the date you read it" in cite.get_text() and cite.select_one("a")["href"] == "./"


@pytest.mark.parametrize("url_path", PAGE_TYPES)
def test_every_page_links_the_methods_and_corrections(built, url_path):
    site = built[0]
    page = site.page(url_path)
    footer = {a.get_text(): a["href"] for a in page.select("nav.explainer-footer a")}
    assert set(footer) == {"About this site", "Corrections"}
    about = site.page("about/")
    assert {"Who we are", "How we choose and check claims", "Sources policy", "Corrections policy", "Contact"} <= {
        h.get_text().rstrip("¶") for h in about.select("h2")}
    assert "No corrections so far." in site.page("corrections/").get_text()


def test_the_feeds_are_well_formed_and_linked_from_the_home_page(built):
    import xml.etree.ElementTree as ET
    site = built[0]
    links = {a.get_text(): a["href"] for a in site.page("").select("article a[href]")}
    assert links["Atom feed"] == "data/claims.atom" and links["ClaimReview data feed"] == "data/claim-reviews.json"
    atom = ET.parse(site.root / "data" / "claims.atom").getroot()
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 9  # the dated claims
    assert json.loads((site.root / "data" / "claim-reviews.json").read_text())["dataFeedElement"] == []
