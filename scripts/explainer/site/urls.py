"""The one place that decides where pages live and how one page links to another.

Pages are addressed by id, never by name, so an address stays valid when a name changes.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

from ..story.kinds import KINDS, Kind, kind as kind_named

HOME = "index.md"
SCHEMA_PAGE = "schema.md"
TIMELINE = "timeline.md"
TAGS = "tags/index.md"
CORRECTIONS = "corrections.md"
SCHEMA_JSON = "schema.json"
STORY_JSON = "data/story.json"
ATOM_FEED = "data/claims.atom"
REVIEW_FEED = "data/claim-reviews.json"
STYLESHEET = "assets/explainer/explainer.css"


def csv_file(kind: Kind) -> str:
    """`data/actors.csv`: the download of one kind's records."""
    return f"data/{kind.section}.csv"


def search_bundles() -> list[list[str]]:
    """The story's page folders in the order search shows their results, each bundle indexed apart: the
    actors, events and sources (what names are searched for; the other pages join them), then the claims
    (the most numerous: their scoring no longer holds up the first results)."""
    order = [("actor", "event", "source"), ("claim",)]
    return [[f"{kind_named(name).section}/" for name in names] for names in order]


def entity_page(kind: Kind, entity_id: str) -> str:
    """`actors/dmitry-peskov.md`: the Markdown path; MkDocs serves it at `actors/dmitry-peskov/`."""
    return f"{kind.section}/{entity_id}.md"


def index_page(kind: Kind, number: int = 1) -> str:
    """The index of a kind; its later pages (`claims/pages/2.md`) sit in a folder no id can take."""
    return f"{kind.section}/index.md" if number == 1 else f"{kind.section}/pages/{number}.md"


def list_page(kind: Kind, entity_id: str, name: str, number: int = 1) -> str:
    """A full list that is too long for its entity's page: `actors/x/claims/1.md`."""
    return f"{kind.section}/{entity_id}/{name}/{number}.md"


def facet_page(slug: str, number: int = 1) -> str:
    return f"tags/{slug}.md" if number == 1 else f"tags/{slug}/pages/{number}.md"


def timeline_page(number: int = 1) -> str:
    return TIMELINE if number == 1 else f"timeline/pages/{number}.md"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one Markdown page to another, as MkDocs expects (relative, to the .md file)."""
    return _between(from_page.split("/")[:-1], to_page) + (f"#{anchor}" if anchor else "")


def _between(base: list[str], target: str) -> str:
    """`target` (a site path) seen from the folder `base`; plain string work, as this runs for every link."""
    parts = target.split("/")
    common = 0
    while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
        common += 1
    return "../" * (len(base) - common) + "/".join(parts[common:])


def page_url(path: str, directory_urls: bool = True) -> str:
    """Where MkDocs serves a Markdown page, relative to the site root (`actors/kirby/`, `` for home)."""
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@functools.lru_cache(maxsize=65536)
def relative_url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A link usable in raw HTML (which MkDocs does not rewrite) from one page's address to another's."""
    here, there = page_url(from_page, directory_urls), page_url(to_page, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    path = posixpath.relpath(there or ".", base or ".")
    return path + "/" if there.endswith("/") or not there else path


def absolute(site_url: str, path: str, directory_urls: bool = True) -> str:
    """The full address of a page of a site published at `site_url`."""
    return site_url.rstrip("/") + "/" + page_url(path, directory_urls)


def entity_of_page(path: str) -> tuple[Kind, str] | None:
    """(kind, id) for a path that would hold an entity page, else None."""
    folder, _, name = path.partition("/")
    for entry in KINDS:
        if folder == entry.section and name.endswith(".md") and "/" not in name and name != "index.md":
            return entry, name[: -len(".md")]
    return None


def external(url: str) -> str:
    """An outside address made safe inside a Markdown link: characters that could end it are encoded."""
    return quote(url, safe=":/?#[]@!$&*+,;=%-._~")


def edit_url(edit_root: str, path: str, line: int | None = None) -> str:
    """The address that opens a project file (`data/actors.yml`) for editing, at a line when given."""
    return f"{edit_root}{quote(path)}" + (f"#L{line}" if line else "")


def in_nav(path: str) -> bool:
    """Whether a generated page belongs in the sidebar: home, the first page of each index, the
    timeline and tags. Entity pages and later index pages stay out (a sidebar listing every page
    makes each build quadratic in the number of pages); so does the schema reference, which is
    for editors: a site that wants it names it in its `nav`."""
    return path in {HOME, TIMELINE, TAGS, *(index_page(k) for k in KINDS)}


def not_in_nav() -> str:
    """`not_in_nav` for a site built from exported pages without the plugin: the generated pages the plugin
    keeps out of the sidebar (entity pages, later index pages, tags, timeline pages, corrections)."""
    folders = [k.section for k in KINDS] + ["tags", "timeline"]
    return "not_in_nav: |\n" + "".join(f"  /{d}/\n" for d in folders) + f"  /{CORRECTIONS}\n"
