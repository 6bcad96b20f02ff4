"""The registries are the only place a kind or a relation is described: a toy kind (a place, with its
model, entry and two templates) and a toy relation (one entry) give a whole site, checked in a real build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitecheck import Site

# Runs in a fresh interpreter: the relation is added before the model is built from the registry,
# as an entry written into story/relations.py would be.
BUILD = textwrap.dedent('''
    import sys
    from dataclasses import dataclass
    from pathlib import Path
    from typing import Optional

    from pydantic import Field

    from explainer.story import relations
    relations.RELATIONS.append(relations.Relation(
        "echoes", "Echoes", "Echoed by", "echoes", "#6a1b9a", "#ce93d8", "Ids of claims this one repeats in other words."))

    from explainer.story import kinds
    from explainer.story.model import Entity, Ids, Words
    from explainer.story.views import EntityView


    class Place(Entity):
        """A place the story happens in."""
        name: Words = Field(description="Name of the place.")
        region: Optional[Words] = Field(None, description="Region or country.")
        neighbours: Ids = Field(description="Ids of places next to this one.")


    @dataclass(frozen=True)
    class PlaceView(EntityView):
        bordered_by: list   # places that name this one as a neighbour


    class Places(kinds.Kind):
        def view(self, story, entity):
            return PlaceView(entity, story.referrers(entity, "neighbours"))

        def schema_type(self, entity):
            return "Place"


    kinds.KINDS.append(Places("place", Place, "places", "Places", {"neighbours": ("place",)}))

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    config = load_config(sys.argv[1])
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except PluginError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
''')

PLACE_TEMPLATE = """# {{ page.entity.name | md }}

{% if page.entity.region %}In {{ page.entity.region | md }}.{% endif %}

{% for p in page.entity.neighbours %}
- Next to {{ link(p) }}
{% endfor %}
{% for p in page.view.bordered_by %}
- Named as a neighbour by {{ link(p) }}
{% endfor %}
"""
PLACES_TEMPLATE = """# {{ page.kind.title }}

{{ page.total }} places.

{% for p in page.pager.items %}
- {{ link(p) }}
{% endfor %}
"""
DATA = """
actors:
  - {id: mayor, name: The Mayor, kind: person}
claims:
  - {id: flood-was-natural, claimant: mayor, date: 2024-03-01, summary: The mayor said the flood was natural.}
  - {id: flood-was-rain, claimant: mayor, date: 2024-03-02, summary: The mayor said it was only rain., echoes: [flood-was-natural]}
places:
  - {id: riverside, name: Riverside, region: The Valley, neighbours: [hilltop]}
  - {id: hilltop, name: Hilltop}
"""
CONFIG = """site_name: Toy
theme: {name: material, font: false, custom_dir: overrides}
plugins:
  - explainer: {background: false, editors: true}
markdown_extensions: [toc]
"""


def make_project(tmp_path: Path, data: str) -> Path:
    (tmp_path / "overrides" / "explainer").mkdir(parents=True)
    (tmp_path / "overrides" / "explainer" / "place.md").write_text(PLACE_TEMPLATE)
    (tmp_path / "overrides" / "explainer" / "places.md").write_text(PLACES_TEMPLATE)
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "story.yml").write_text(data)
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    return tmp_path


def run_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BUILD, str(project / "mkdocs.yml")], cwd=project,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.slow
def test_a_new_kind_and_a_new_relation_are_registry_entries(tmp_path):
    project = make_project(tmp_path, DATA)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = Site(project / "site")
    assert site.broken_links() == []
    riverside = site.page("places/riverside/")
    assert riverside.select_one("h1").get_text().startswith("Riverside")
    assert "places/hilltop/index.html" in site.content_links("places/riverside/")
    assert "Named as a neighbour by Riverside" in site.page("places/hilltop/").get_text()
    assert "2 places." in site.page("places/").get_text()
    assert "Places" in [a.get_text(strip=True) for a in site.page("").select("nav.md-nav a")]
    data = json.loads(riverside.find("script", type="application/ld+json").string)
    assert data["@type"] == "Place" and data["name"] == "Riverside"
    # the relation: both ways on the claims' pages, in the downloads and in the stylesheet
    assert "Echoes The Mayor" in site.page("claims/flood-was-rain/").get_text(" ", strip=True)
    assert "Echoed by The Mayor" in site.page("claims/flood-was-natural/").get_text(" ", strip=True)
    assert "echoes" in (project / "site" / "data" / "claims.csv").read_text().splitlines()[0]
    assert "riverside" in (project / "site" / "data" / "places.csv").read_text()
    css = (project / "site" / "assets" / "explainer" / "explainer.css").read_text()
    assert ".explainer-key--echoes::before { background: var(--explainer-echoes); }" in css
    assert "--explainer-echoes: #6a1b9a;" in css and "--explainer-echoes: #ce93d8;" in css
    assert "`places`" in (project / "site" / "schema" / "index.html").read_text() or \
        "places" in site.page("schema/").get_text()


@pytest.mark.slow
def test_the_new_kind_and_relation_are_checked_like_the_others(tmp_path):
    broken = DATA.replace("neighbours: [hilltop]", "neighbours: [hiltop]").replace(
        "echoes: [flood-was-natural]", "echoes: [mayor]")
    result = run_build(make_project(tmp_path, broken))
    assert result.returncode == 1
    assert "place 'riverside' names unknown place 'hiltop' in 'neighbours' (did you mean 'hilltop'?)" in result.stderr
    assert "claim 'flood-was-rain' names 'mayor' in 'echoes', which is an actor, not a claim" in result.stderr
    assert "Traceback" not in result.stderr
