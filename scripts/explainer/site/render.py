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
from ..story import trace
from ..story.graph import FACET_GROUPS, Facet, Story, Tag
from ..story.kinds import KINDS, Kind, kind_of
from ..story.kinds import kind as kind_named
from ..story.model import Actor, Entity
from ..story.relations import RELATIONS
from ..story.schema import schema_reference
from ..story.views import EntityList, EntityView, QuoteView
from . import diagram, fragments, jsonld, links, urls
from .head import JSONLD
from .pages import (LIST_LIMIT, CorrectionsPage, EntityPage, IndexPage, ListPage, Pager, SchemaPage, TagPage, TagsPage,
                    TimelinePage, actor_groups, by_day, home_page, paginate, timeline_sides)


def template_env(overrides: Path | None = None, bytecode: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """Templates from `overrides/explainer/` first, then the package's own; compiled ones kept in `bytecode`."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides / "explainer")))
    loaders.append(jinja2.PackageLoader("explainer.site", "templates"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=bytecode)
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

    def to_tag(self, facet: Facet | Tag) -> str:
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
    """One page to write: where it goes, its template, and how its page and front matter are made. The
    plan decides which pages there are; what each shows is made from the story while the page is
    recorded (`story/trace.py`), so that every answer the page depends on is known."""

    path: str
    template: str
    make: Callable[[], "Contents"]
    entity: str | None = None  # the id of the entity whose own page it is


@dataclass(frozen=True)
class Contents:
    """What a page's template is given (one of the page classes of `pages.py`) and its front matter."""

    page: Any
    meta: "Meta"


@dataclass(frozen=True)
class Made:
    """A page's Markdown, and the questions it asked the story (`trace.Key`s) with their answers' digests."""

    text: str
    asked: dict
    place: str = ""  # file:line of the entity's record, which the page's "edit" link opens


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
        return self.make(job, out).text

    def make(self, job: Job, out: Rendered) -> Made:
        """The page's Markdown and what it asked of the story."""
        with trace.recording(self.story) as asked:
            link = Linker(self.story, job.path, self.directory_urls, self.site_url)
            contents = job.make()
            page = _page(self.env, self.story, link, job, contents, self.prose.get(job.path), out)
            entity = self.story.by_id[job.entity] if job.entity is not None else None
            if entity is not None and self.origin is not None:
                page += self.origin.note(entity, job.path if job.path in self.prose else None)
        digests = self.story.answers.digests
        return Made(page, {key: digests[key] for key in asked.asked}, str(entity.where) if entity else "")


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
    """The pages to write, in the order MkDocs will read them. Only which pages there are is decided
    here; each job makes its page from the story when it is rendered."""
    prose = prose or {}
    editors = editor_pages(prose) if options.editors else []
    jobs = [Job(urls.HOME, "home.md", partial(_home, story, editors))]
    for kind in KINDS:
        for pager in paginate(story.index_order(kind.name), partial(urls.index_page, kind)):
            jobs.append(Job(pager.path, kind.index_template, partial(_index, story, kind, pager.number)))
        for entity in story.of_kind(kind.name):
            jobs.extend(_entity_jobs(story, kind, entity))
    for pager in paginate(story.timeline(), urls.timeline_page):
        jobs.append(Job(pager.path, "timeline.md", partial(_timeline, story, pager.number)))
    jobs.append(Job(urls.TAGS, "tags.md", partial(_tags, story)))
    for facet in story.facets():
        for pager in paginate(list(facet.entities), partial(urls.facet_page, facet.slug)):
            jobs.append(Job(pager.path, "tag.md", partial(_tag, story, facet.slug, pager.number)))
    jobs.append(Job(urls.CORRECTIONS, "corrections.md", partial(_corrections, story)))
    if options.editors:
        jobs.append(Job(urls.SCHEMA_PAGE, "schema.md", lambda: Contents(SchemaPage(schema_reference()),
                                                                          _fixed("Schema reference"))))
    warnings = [f"docs/{path} matches no entity, so it is not shown on any page{hint}"
                for path, hint in orphan_prose(story, list(prose))]
    origin = Origin(options.root or Path.cwd(), options.edit_root) if options.editors else None
    return PagePlan(story, env or template_env(), prose, options.directory_urls, options.site_url, origin, jobs,
                    warnings)


def _entity_jobs(story: Story, kind: Kind, entity: Entity) -> list[Job]:
    """The entity's page, and pages for the claim lists too long for it."""
    jobs = [Job(urls.entity_page(kind, entity.id), kind.template, partial(_entity, story, kind, entity.id),
                entity.id)]
    for lst in _long_lists(story.view(entity)):
        for pager in paginate(lst.items, partial(urls.list_page, kind, entity.id, lst.name)):
            jobs.append(Job(pager.path, "list.md", partial(_list, story, kind, entity.id, lst.name, pager.number)))
    return jobs


def _long_lists(view: EntityView) -> list[EntityList]:
    return [lst for lst in view.lists() if len(lst.items) > LIST_LIMIT]


def _title(story: Story) -> str:
    return story.info.title if story.info else "Story"


def _home(story: Story, editors: list[tuple[str, str]]) -> Contents:
    home_meta = _fixed(_title(story), story.info.summary if story.info else None)
    return Contents(home_page(story, editors), lambda link: {**home_meta(link), JSONLD: jsonld.story_data(story)})


def _index(story: Story, kind: Kind, number: int) -> Contents:
    pager = index_pager(story, kind.name, number)
    return Contents(IndexPage(kind, pager, story),
                    _fixed(pager.title(kind.title), f"{kind.title} of the story: {_title(story)}"))


def _entity(story: Story, kind: Kind, entity_id: str) -> Contents:
    entity = story.by_id[entity_id]
    view = story.view(entity)
    full = {lst.name: urls.list_page(kind, entity.id, lst.name) for lst in _long_lists(view)}
    return Contents(EntityPage(kind, view, story.tags_of(entity), full, story, story.corrections_of(entity)),
                    partial(_meta, story, entity))


def _list(story: Story, kind: Kind, entity_id: str, name: str, number: int) -> Contents:
    entity = story.by_id[entity_id]
    label, pager, of_claims = list_pager(story, kind.name, entity_id, name, number)
    return Contents(ListPage(entity, label, pager, of_claims), _fixed(pager.title(f"{label} {entity.heading()}")))


def _timeline(story: Story, number: int) -> Contents:
    pager = timeline_pager(story, number)
    return Contents(TimelinePage(pager, story, timeline_sides(story)),
                    _fixed(pager.title("Timeline"), f"What happened and what was said, day by day: {_title(story)}"))


def _tags(story: Story) -> Contents:
    groups = [(group, [f for f in story.facets() if f.group == group]) for group in FACET_GROUPS]
    return Contents(TagsPage([(g, members) for g, members in groups if members]), _fixed("Tags"))


def _tag(story: Story, slug: str, number: int) -> Contents:
    page = tag_page(story, slug, number)
    return Contents(page, _fixed(page.pager.title(f"{page.facet.group}: {page.facet.name}")))


# One page of a long list is a query of its own, so that an edit remakes the page holding the entry that
# changed, not every page of the list: its answer is the page's entries and the list's page count.

@trace.query(memo=True)
def index_pager(story: Story, kind_name: str, number: int) -> Pager:
    return _pager(story.index_order(kind_name), partial(urls.index_page, kind_named(kind_name)), number)


@trace.query(memo=True)
def timeline_pager(story: Story, number: int) -> Pager:
    return _pager(story.timeline(), urls.timeline_page, number)


@trace.query(memo=True)
def tag_page(story: Story, slug: str, number: int) -> TagPage:
    facet = story.facet(slug)
    pager = _pager(list(facet.entities), partial(urls.facet_page, slug), number)
    return TagPage(Tag(facet.group, facet.name, facet.slug), pager, len(facet.entities))


@trace.query(memo=True)
def list_pager(story: Story, kind_name: str, entity_id: str, name: str, number: int) -> tuple[str, Pager, bool]:
    """The label, one page and whether it lists claims, of an entity's list too long for its page."""
    lst = next(lst for lst in story.view(story.by_id[entity_id]).lists() if lst.name == name)
    return lst.label, _pager(lst.items, partial(urls.list_page, kind_named(kind_name), entity_id, name), number), lst.of_claims


def _pager(items: list, path: Callable[[int], str], number: int) -> Pager:
    return paginate(items, path)[number - 1]


def _corrections(story: Story) -> Contents:
    corrections = sorted(story.info.corrections, key=lambda c: c.date, reverse=True) if story.info else []
    return Contents(CorrectionsPage(corrections, story),
                    _fixed("Corrections", f"Corrections to {_title(story)}, newest first"))


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
    meta[JSONLD] = jsonld.structured_data(story, entity, link.address, corrections[-1].date if corrections else None)
    return meta


PROSE = "<!-- explainer:prose -->"
RELATED = "explainer-related"
_SECTION = re.compile(r"^<!-- explainer:section ([a-z-]+) -->\n", re.MULTILINE)
_MARKER = re.compile(r"^[ \t]*<!-- explainer:([a-z-]+) -->[ \t]*$", re.MULTILINE)


def _page(env: jinja2.Environment, story: Story, link: Linker, job: Job, contents: Contents,
          prose_source: str | None, out: Rendered) -> str:
    if prose_source and text.front_matter_aliases(prose_source):
        out.errors.append(f"docs/{link.page}:1: front matter uses YAML aliases (*name), which are not allowed")
        prose_source = None
    prose_meta, prose = text.split_front_matter(prose_source) if prose_source else ({}, "")
    expanded = links.expand(prose.strip(), link.page, story, text.first_line(prose_source or "", prose))
    out.errors += [f"docs/{link.page}:{line}: {message}" for line, message in expanded.unknown]
    body = _corrected(env.get_template(job.template).render(page=contents.page, link=link), contents.page)
    return text.front_matter({**contents.meta(link), **prose_meta},
                             _compose(body, expanded.markdown, link.page, out))


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
