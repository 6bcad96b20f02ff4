"""Render the linked story as Markdown pages: `{page path: Markdown}`, touching no disk.

Each page comes from a Jinja template (package `templates/`, or the same name in the
site's `overrides/explainer/`), given the page's typed context (`pages.py`) and a `link`
helper that knows the page being written. Hand-written prose for a page is placed inside it.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Mapping

import jinja2

from .. import text
from ..errors import did_you_mean
from ..story.graph import FACET_GROUPS, Facet, Story, facets
from ..story.kinds import KINDS, Kind, kind_of
from ..story.model import Actor, Entity
from ..story.relations import RELATIONS
from ..story.schema import schema_reference
from ..story.views import QuoteView
from . import diagram, fragments, jsonld, links, urls
from .pages import (LIST_LIMIT, CorrectionsPage, EntityPage, IndexPage, ListPage, SchemaPage, TagPage, TagsPage, TimelinePage, actor_groups,
                    by_day, home_page, paginate, timeline_sides)


def template_env(overrides: Path | None = None) -> jinja2.Environment:
    """Templates from `overrides/explainer/` first, then the package's own."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides / "explainer")))
    loaders.append(jinja2.PackageLoader("explainer.site", "templates"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=text.md, run=text.md_run, paragraphs=text.md_paragraphs, day=text.day, sentence=text.sentence,
                       by_day=by_day, actor_groups=actor_groups)
    env.globals.update(relations=RELATIONS, draw=lambda picture, link, title: diagram.svg(picture, link.url, title))
    return env


@dataclass(frozen=True)
class Linker:
    """Builds links from one page, so templates never write a path by hand."""

    story: Story
    page: str
    directory_urls: bool = True
    site_url: str | None = None

    def __call__(self, target: Entity | str, label: str | None = None) -> str:
        entity = self.story.by_id[target] if isinstance(target, str) else target
        return f"[{text.md(label or entity.heading())}]({self.to_entity(entity)})"

    def to_entity(self, entity: Entity) -> str:
        return urls.relative(self.page, urls.entity_page(kind_of(entity), entity.id))

    def to_index(self, kind: Kind) -> str:
        return urls.relative(self.page, urls.index_page(kind))

    def to_tag(self, facet: Facet) -> str:
        return urls.relative(self.page, urls.facet_page(facet.slug))

    def to_page(self, path: str) -> str:
        return urls.relative(self.page, path)

    @staticmethod
    def passages(q: QuoteView) -> list[tuple[str, str]]:
        """(label, address) of the quote's passage in the original and in its archived copy."""
        if q.original is None:
            return []
        directive = fragments.text_fragment(q.quote.text, q.kept)
        found = [("in the original", urls.external(fragments.with_directive(q.original.url, directive)))]
        if q.original.archived_url:
            found.append(("in the archived copy",
                          urls.external(fragments.with_directive(q.original.archived_url, directive))))
        return found

    @staticmethod
    def external(url: str) -> str:
        """An outside address, made safe inside a Markdown link."""
        return urls.external(url)

    def permalink(self, entity: Entity) -> str | None:
        """The page's full, lasting address, when the site's address (`site_url`) is known."""
        return self.address(entity) if self.site_url else None

    def address(self, entity: Entity) -> str:
        """The address of `entity`'s page for structured data: absolute when the site's address is known."""
        if not self.site_url:
            return self.url(entity)
        return urls.absolute(self.site_url, urls.entity_page(kind_of(entity), entity.id), self.directory_urls)

    def url(self, entity: Entity) -> str:
        """The address of `entity`'s page for raw HTML, which MkDocs leaves as written."""
        return urls.relative_url(self.page, urls.entity_page(kind_of(entity), entity.id), self.directory_urls)


@dataclass
class Rendered:
    """The generated pages, and what is wrong with the hand-written prose placed in them."""

    pages: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Job:
    """One page to write: where it goes, its template, its front matter and the page it is given."""

    path: str
    template: str
    meta: "Meta"
    page: Any  # one of the page classes of `pages.py`


@dataclass(frozen=True)
class PagePlan:
    """Every generated page, decided before any is written, so pages can be written in any order,
    or in another process, and each gives the same Markdown."""

    story: Story
    env: jinja2.Environment
    prose: Mapping[str, str]
    directory_urls: bool
    site_url: str | None
    origin: "Origin | None"  # None: no "Made from" notes
    jobs: list[Job]
    warnings: list[str]

    def render(self, job: Job, out: Rendered) -> str:
        """The page's Markdown; what is wrong with its prose goes to `out`."""
        link = Linker(self.story, job.path, self.directory_urls, self.site_url)
        page = _page(self.env, self.story, link, job, self.prose.get(job.path), out)
        if not isinstance(job.page, EntityPage) or self.origin is None:
            return page
        return page + self.origin.note(job.page.entity, job.path if job.path in self.prose else None)


@dataclass(frozen=True)
class Options:
    """How the pages are written: addressed how, for whom, linked to which editor."""

    directory_urls: bool = True
    root: Path | None = None          # the project folder: "Made from" notes name files from it
    edit_root: str | None = None      # the edit address of that folder: the notes link to the editor
    editors: bool = False             # "Made from" notes and the schema reference: for preview, not readers
    site_url: str | None = None       # where the site is published: absolute addresses for sharing


def render_pages(story: Story, prose: Mapping[str, str] | None = None, env: jinja2.Environment | None = None,
                 **options: Any) -> Rendered:
    """Every generated page of the site, as Markdown, keyed by its path under `docs/`."""
    plan = plan_pages(story, prose, env, Options(**options))
    out = Rendered()
    for job in plan.jobs:
        out.pages[job.path] = plan.render(job, out)
    out.warnings += plan.warnings
    return out


def plan_pages(story: Story, prose: Mapping[str, str] | None = None, env: jinja2.Environment | None = None,
               options: Options = Options()) -> PagePlan:
    """The pages to write, in the order MkDocs will read them."""
    prose = prose or {}
    jobs: list[Job] = []

    def add(path: str, template: str, meta: Meta, page: Any) -> None:
        jobs.append(Job(path, template, meta, page))

    home = story.info.title if story.info else "Story"
    home_meta = _fixed(home, story.info.summary if story.info else None)
    add(urls.HOME, "home.md", lambda link: {**home_meta(link), "jsonld": jsonld.story_data(story)},
        home_page(story, editor_pages(prose) if options.editors else []))
    all_facets = facets(story)
    tags: dict[str, list[Facet]] = {}
    for facet in all_facets:
        for entity in facet.entities:
            tags.setdefault(entity.id, []).append(facet)
    for kind in KINDS:
        for pager in paginate(kind.index_order(story.of_kind(kind.name)), partial(urls.index_page, kind)):
            about = f"{kind.title} of the story: {home}"
            add(pager.path, kind.index_template, _fixed(pager.title(kind.title), about), IndexPage(kind, pager, story))
        for entity in story.of_kind(kind.name):
            jobs.extend(_entity_jobs(story, kind, entity, tags.get(entity.id, [])))
    sides = timeline_sides(story)
    for pager in paginate(by_day_order(story.events + story.claims), urls.timeline_page):
        add(pager.path, "timeline.md", _fixed(pager.title("Timeline"), f"What happened and what was said, day by day: "
                                                                      f"{home}"), TimelinePage(pager, story, sides))
    groups = [(group, [f for f in all_facets if f.group == group]) for group in FACET_GROUPS]
    add(urls.TAGS, "tags.md", _fixed("Tags"), TagsPage([(g, members) for g, members in groups if members]))
    for facet in all_facets:
        for pager in paginate(list(facet.entities), partial(urls.facet_page, facet.slug)):
            add(pager.path, "tag.md", _fixed(pager.title(f"{facet.group}: {facet.name}")),
                TagPage(facet, pager))
    corrections = sorted(story.info.corrections, key=lambda c: c.date, reverse=True) if story.info else []
    add(urls.CORRECTIONS, "corrections.md", _fixed("Corrections", f"Corrections to {home}, newest first"),
        CorrectionsPage(corrections, story))
    if options.editors:
        add(urls.SCHEMA_PAGE, "schema.md", _fixed("Schema reference"), SchemaPage(schema_reference()))
    warnings = [f"docs/{path} matches no entity, so it is not shown on any page{hint}"
                for path, hint in orphan_prose(story, list(prose))]
    origin = Origin(options.root or Path.cwd(), options.edit_root) if options.editors else None
    return PagePlan(story, env or template_env(), prose, options.directory_urls, options.site_url, origin, jobs,
                    warnings)


def _entity_jobs(story: Story, kind: Kind, entity: Entity, tags: list[Facet]) -> list[Job]:
    """The entity's page, and pages for the claim lists too long for it."""
    view = kind.view(story, entity)
    long = [lst for lst in view.lists() if len(lst.items) > LIST_LIMIT]
    full = {lst.name: urls.list_page(kind, entity.id, lst.name) for lst in long}
    jobs = [Job(urls.entity_page(kind, entity.id), kind.template, partial(_meta, story, entity),
                EntityPage(kind, view, tags, full, story, story.corrections_of(entity)))]
    for lst in long:
        for pager in paginate(lst.items, partial(urls.list_page, kind, entity.id, lst.name)):
            title = pager.title(f"{lst.label} {entity.heading()}")
            jobs.append(Job(pager.path, "list.md", _fixed(title), ListPage(entity, lst.label, pager, lst.of_claims)))
    return jobs


def by_day_order(entities: list) -> list:
    return [entity for day in by_day(entities) for entity in day.entries]


EDITORS = "editors"  # `audience: editors` in a page's front matter: shown in preview, left out of the published site


def for_editors(source: str) -> bool:
    """Whether a hand-written page is for the site's editors rather than its readers."""
    return text.split_front_matter(source)[0].get("audience") == EDITORS


def editor_pages(prose: Mapping[str, str]) -> list[tuple[str, str]]:
    """(path, title) of the pages for editors: the hand-written ones, then the schema reference."""
    found = [(path, str(text.split_front_matter(source)[0].get("title", path))) for path, source in sorted(prose.items())
             if for_editors(source)]
    return found + [(urls.SCHEMA_PAGE, "Schema reference")]


@dataclass(frozen=True)
class Origin:
    """Where a page comes from, said at its foot: the data file and line, and the prose file."""

    root: Path
    edit_root: str | None

    def note(self, entity: Entity, prose_path: str | None) -> str:
        parts = [self._file(project_file(entity.where.path, self.root), entity.where.line)]
        if prose_path:
            parts.append(self._file(f"docs/{prose_path}", None))
        return f"\n<small class=\"explainer-origin\">Made from {' and '.join(parts)}.</small>\n"

    def _file(self, path: str, line: int | None) -> str:
        # a file's name is shown as itself: every mark Markdown or HTML could read is a character reference
        label = "".join(c if c.isalnum() or c in " /.-" else f"&#{ord(c)};" for c in path)
        label += f", line {line}" if line else ""
        if self.edit_root is None:
            return f"<code>{label}</code>"
        return f'<a href="{html.escape(urls.edit_url(self.edit_root, path, line))}"><code>{label}</code></a>'


@functools.lru_cache(maxsize=1024)
def project_file(path: Path, root: Path) -> str:
    """`path` from the project folder (a data file's name otherwise); many entities share a file."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


Meta = Callable[["Linker"], dict[str, Any]]


def _fixed(title: str, description: str | None = None) -> Meta:
    """Front matter of a page that is not an entity's: its title and, when given, what it is about."""
    meta = {"title": page_title(title), "share": _share(title, description, "website")}
    if description:
        meta["description"] = page_title(text.short(description, DESCRIPTION))
    return lambda _: meta


DESCRIPTION = 200  # characters of a page's description: search engines and link previews show about that many


def _share(title: str, description: str | None, kind: str) -> dict[str, Any]:
    """What a link preview shows (Open Graph), as plain text; the plugin escapes it into the page's head."""
    return {"title": title, "type": kind, **({"description": text.short(description, DESCRIPTION)} if description else {})}


def page_title(title: str) -> str:
    """A title or tag from data for front matter. MkDocs themes print `page.meta.title` and tag
    names as HTML (in `<title>`, the header, the nav, tag lists), so they are escaped here, once."""
    return html.escape(title)


def _meta(story: Story, entity: Entity, link: Linker) -> dict[str, Any]:
    kind, title = kind_of(entity), entity.heading()
    summary = kind.summary(entity)
    meta: dict[str, Any] = {"title": page_title(title), "description": page_title(text.short(summary, DESCRIPTION)),
                            "share": _share(title, summary, kind.share_type(entity))}
    if isinstance(entity, Actor):
        # readers search for actors by name and alias (in the page's first section); put them first
        meta["search"] = {"boost": 3}
    corrections = story.corrections_of(entity)
    meta["jsonld"] = jsonld.structured_data(story, entity, link.address, corrections[-1].date if corrections else None)
    return meta


PROSE = "<!-- explainer:prose -->"
RELATED = "explainer-related"
_SECTION = re.compile(r"^<!-- explainer:section ([a-z-]+) -->\n", re.MULTILINE)
_MARKER = re.compile(r"^[ \t]*<!-- explainer:([a-z-]+) -->[ \t]*$", re.MULTILINE)


def _page(env: jinja2.Environment, story: Story, link: Linker, job: Job, prose_source: str | None,
          out: Rendered) -> str:
    if prose_source and text.front_matter_aliases(prose_source):
        out.errors.append(f"docs/{link.page}:1: front matter uses YAML aliases (*name), which are not allowed")
        prose_source = None
    prose_meta, prose = text.split_front_matter(prose_source) if prose_source else ({}, "")
    expanded = links.expand(prose.strip(), link.page, story, text.first_line(prose_source or "", prose))
    out.errors += [f"docs/{link.page}:{line}: {message}" for line, message in expanded.unknown]
    body = _corrected(env.get_template(job.template).render(page=job.page, link=link), job.page)
    return text.front_matter({**job.meta(link), **prose_meta}, _compose(body, expanded.markdown, link.page, out))


_HEADING = re.compile(r"^# .*$", re.MULTILINE)


def _corrected(body: str, page: Any) -> str:
    """An entity page that was corrected says so under its heading: when, and what changed."""
    if not isinstance(page, EntityPage) or not page.corrections:
        return body
    notes = "".join(f'\n<p class="explainer-corrected" markdown="span">**Corrected on {text.day(c.date)}:** '
                    f'{text.md(c.change)}</p>\n' for c in page.corrections)
    heading = _HEADING.search(body)
    at = heading.end() if heading else 0
    return body[:at] + "\n" + notes + body[at:]


def _compose(body: str, prose: str, page: str, out: Rendered) -> str:
    """Place the prose in the generated page, and each generated section where the prose asks for it
    with `<!-- explainer:NAME -->`; sections not asked for follow the prose in their usual order."""
    head, *rest = _SECTION.split(body)
    sections = {name: _related(text) for name, text in zip(rest[0::2], rest[1::2])}

    def place(match: re.Match) -> str:
        name = match.group(1)
        if name not in sections:
            out.warnings.append(f"docs/{page}: unknown placeholder '<!-- explainer:{name} -->'"
                                f"{did_you_mean(name, sections)}; this page has {', '.join(sections) or 'none'}")
            return match.group(0)
        return sections.pop(name).strip("\n")

    placed = _MARKER.sub(place, prose)
    tail = "".join(sections.values())
    filler = f"\n{placed}\n" if placed else ""
    if PROSE in head:
        return head.replace(PROSE + "\n", filler) + tail
    return head + filler + tail


def _related(section: str) -> str:
    """A generated section (other records listed, with their words; the citation) in a block that search
    leaves out: a page is found by its own words, and each record listed has its page."""
    if not section.strip():
        return section
    return f'\n<div class="{RELATED}" markdown>\n\n{section.strip(chr(10))}\n\n</div>\n'


def orphan_prose(story: Story, prose_paths: list[str]) -> list[tuple[str, str]]:
    """(path, did-you-mean hint) for each prose file in an entity folder that matches no entity."""
    found = []
    for path in prose_paths:
        target = urls.entity_of_page(path)
        if target is None:
            continue
        kind, entity_id = target
        entity = story.get(entity_id)
        if entity is None or kind_of(entity) is not kind:
            found.append((path, did_you_mean(entity_id, [e.id for e in story.of_kind(kind.name)])))
    return found
