"""Render the linked story as Markdown pages: `{page path: Markdown}`, touching no disk.

Each page comes from a Jinja template (package `templates/`, or the same name in the
site's `overrides/explainer/`), given the entity, the story and a `link` helper that
knows the page being written. Hand-written prose for a page is placed inside it.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from functools import partial
from typing import Any, Callable, Mapping

import jinja2

from . import diagram
from . import jsonld
from . import links
from .. import text
from . import urls
from ..errors import did_you_mean
from ..story.graph import FACET_GROUPS, Facet, Story, facets
from ..story.model import ENTITY_KINDS, Actor, ActorKind, Claim, Entity, Relation, SourceKind, kind_of
from ..story.schema import schema_reference

ACTOR_KIND_LABELS = {ActorKind.person: "People", ActorKind.government: "Governments and state bodies",
                     ActorKind.agency: "Agencies", ActorKind.organization: "Organizations",
                     ActorKind.media: "Media", ActorKind.group: "Groups"}
SOURCE_KIND_LABELS = {SourceKind.article: "article", SourceKind.agency_report: "news agency report",
                      SourceKind.broadcast: "broadcast", SourceKind.press_briefing: "press briefing",
                      SourceKind.statement: "statement", SourceKind.interview: "interview",
                      SourceKind.social_post: "social media post", SourceKind.video: "video",
                      SourceKind.document: "document"}
# (outgoing, incoming) wording of each relation between claims
RELATION_LABELS = {Relation.responds_to: ("Responds to", "Answered by"),
                   Relation.supports: ("Supports", "Supported by"),
                   Relation.disputes: ("Disputes", "Disputed by"),
                   Relation.denies: ("Denies", "Denied by")}
INDEX_TITLES = {"actor": "Actors", "claim": "Claims", "source": "Sources", "event": "Events"}


def template_env(overrides: Path | None = None) -> jinja2.Environment:
    """Templates from `overrides/explainer/` first, then the package's own."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides / "explainer")))
    loaders.append(jinja2.PackageLoader("explainer.site", "templates"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined,
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=text.md, paragraphs=text.md_paragraphs, day=text.day, sentence=text.sentence)
    env.globals.update(title_of=title_of, kind_of=kind_of, source_kind=SOURCE_KIND_LABELS.__getitem__,
                       relation_labels=RELATION_LABELS, external=urls.external, facet_path=urls.facet_page,
                       by_day=by_day, actors_by_kind=actors_by_kind, main_actors=main_actors,
                       key_claims=key_claims, GLANCE_DAYS=GLANCE_DAYS, LIST_LIMIT=LIST_LIMIT, story_picture=diagram.story_picture,
                       neighbourhood=diagram.neighbourhood, verbs=diagram.VERBS,
                       draw=lambda picture, link, title: diagram.svg(picture, link.url, title))
    return env


def by_day(entities: list) -> list[tuple[dt.date | None, list]]:
    """Entities grouped by date, earliest first, undated last; story order within a day."""
    days: dict[dt.date | None, list] = {}
    for entity in _by_date(entities):
        days.setdefault(entity.date, []).append(entity)
    return list(days.items())


def actors_by_kind(actors: list[Actor]) -> list[tuple[str, list[Actor]]]:
    return [(label, group) for kind, label in ACTOR_KIND_LABELS.items()
            if (group := [a for a in actors if a.kind == kind])]


def main_actors(story: Story, limit: int = 8) -> list[Actor]:
    """The actors most linked to, most first."""
    return sorted(story.actors, key=lambda a: -len(story.backlinks(a)))[:limit]


def key_claims(story: Story, limit: int = 6) -> list[Claim]:
    """The claims most tied to others (answered, or answering), in time order."""
    ranked = sorted(story.claims, key=lambda c: -(len(c.relations()) + len(story.responses(c))))[:limit]
    return [c for c in story.claims if c in ranked]


def title_of(entity: Entity) -> str:
    return entity.heading()


@dataclass(frozen=True)
class Linker:
    """Builds links from one page, so templates never write a path by hand."""

    story: Story
    page: str
    directory_urls: bool = True

    def __call__(self, target: Entity | str, label: str | None = None) -> str:
        entity = self.story.by_id[target] if isinstance(target, str) else target
        return f"[{text.md(label or title_of(entity))}]({self.to_entity(entity)})"

    def to_entity(self, entity: Entity) -> str:
        return urls.relative(self.page, urls.entity_page(kind_of(entity), entity.id))

    def to_index(self, kind: str) -> str:
        return urls.relative(self.page, urls.index_page(kind))

    def to_page(self, path: str) -> str:
        return urls.relative(self.page, path)

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
    """One page to write: where it goes, its template, its front matter and what the template is given."""

    path: str
    template: str
    meta: "Meta"
    context: dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """Every generated page, decided before any is written, so pages can be written in any order,
    or in another process, and each gives the same Markdown."""

    story: Story
    env: jinja2.Environment
    prose: Mapping[str, str]
    directory_urls: bool
    origin: "Origin"
    jobs: list[Job]
    warnings: list[str]

    def render(self, job: Job, out: Rendered) -> str:
        """The page's Markdown; what is wrong with its prose goes to `out`."""
        link = Linker(self.story, job.path, self.directory_urls)
        page = _page(self.env, self.story, link, job.template, job.meta(link), self.prose.get(job.path),
                     job.context, out)
        entity = job.context.get("e")
        return page + (self.origin.note(entity, job.path if job.path in self.prose else None) if entity else "")


def render_pages(story: Story, prose: Mapping[str, str] | None = None, env: jinja2.Environment | None = None,
                 directory_urls: bool = True, root: Path | None = None, edit_root: str | None = None) -> Rendered:
    """Every generated page of the site, as Markdown, keyed by its path under `docs/`."""
    plan = plan_pages(story, prose, env, directory_urls, root, edit_root)
    out = Rendered()
    for job in plan.jobs:
        out.pages[job.path] = plan.render(job, out)
    out.warnings += plan.warnings
    return out


def plan_pages(story: Story, prose: Mapping[str, str] | None = None, env: jinja2.Environment | None = None,
               directory_urls: bool = True, root: Path | None = None, edit_root: str | None = None) -> Plan:
    """The pages to write, in the order MkDocs will read them.

    `root` is the project folder (file names in "made from" notes are relative to it); with
    `edit_root`, the edit address of that folder, those names link to their editor."""
    prose = prose or {}
    jobs: list[Job] = []

    def add(path: str, template: str, meta: Meta, **context: Any) -> None:
        jobs.append(Job(path, template, meta, context))

    home = story.info.title if story.info else "Story"
    add(urls.HOME, "home.md", lambda _: {"title": page_title(home), "jsonld": jsonld.story_data(story)})
    all_facets = facets(story)
    chips: dict[str, list[Facet]] = {}
    for facet in all_facets:
        for entity in facet.entities:
            chips.setdefault(entity.id, []).append(facet)
    for kind in ENTITY_KINDS:
        for page in paginate(_index_order(story, kind), partial(urls.index_page, kind)):
            add(page.path, f"{kind}s.md", _fixed(page.title(INDEX_TITLES[kind])), kind=kind, page=page)
        for entity in story.of_kind(kind):
            lists = long_lists(story, entity)
            add(urls.entity_page(kind, entity.id), f"{kind}.md", partial(_meta, story, entity), e=entity,
                chips=chips.get(entity.id, []), full_lists={name: _list_path(entity, name) for name in lists})
            for name, (label, items) in lists.items():
                for page in paginate(items, partial(urls.list_page, kind, entity.id, name)):
                    add(page.path, "list.md", _fixed(page_title(page.title(f"{label} {entity.heading()}"))),
                        e=entity, label=label, page=page)
    for page in paginate(_by_date(story.events + story.claims), urls.timeline_page):
        add(page.path, "timeline.md", _fixed(page.title("Timeline")), page=page)
    add(urls.TAGS, "tags.md", _fixed("Tags"), facets=all_facets, groups=FACET_GROUPS)
    for facet in all_facets:
        for page in paginate(list(facet.entities), partial(urls.facet_page, facet.slug)):
            add(page.path, "tag.md", _fixed(page_title(page.title(f"{facet.group}: {facet.name}"))),
                facet=facet, page=page)
    add(urls.SCHEMA_PAGE, "schema.md", _fixed("Schema reference"), reference=schema_reference())
    warnings = [f"docs/{path} matches no entity, so it is not shown on any page{hint}"
                for path, hint in orphan_prose(story, list(prose))]
    return Plan(story, env or template_env(), prose, directory_urls, Origin(root or Path.cwd(), edit_root), jobs,
                warnings)


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
        label = html.escape(path) + (f", line {line}" if line else "")
        if self.edit_root is None:
            return f"<code>{label}</code>"
        return f'<a href="{html.escape(urls.edit_url(self.edit_root, path, line))}"><code>{label}</code></a>'


PAGE_SIZE = 200  # entries per index page: no page grows with the story
GLANCE_DAYS = 12  # days shown at a glance on the home page
LIST_LIMIT = 50  # claims listed on an entity's page; longer lists go on pages of their own


@dataclass(frozen=True)
class Pager:
    """One page of a long list: its entries, its number and the paths of all pages of the list."""

    items: list
    number: int
    paths: list[tuple[int, str]]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def path(self) -> str:
        return self.paths[self.number - 1][1]

    def title(self, base: str) -> str:
        return base if self.number == 1 else f"{base}, page {self.number}"


def paginate(items: list, path: Callable[[int], str], size: int = PAGE_SIZE) -> list[Pager]:
    count = max(1, -(-len(items) // size))
    paths = [(n, path(n)) for n in range(1, count + 1)]
    return [Pager(items[(n - 1) * size:n * size], n, paths) for n in range(1, count + 1)]


def long_lists(story: Story, entity: Entity) -> dict[str, tuple[str, list[Claim]]]:
    """The claim lists of an entity's page that are longer than LIST_LIMIT: {name: (label, claims)}."""
    kind = kind_of(entity)
    lists = {"actor": {"claims": ("Claims by", lambda: story.referrers(entity, "claimant")),
                       "about": ("Claims about", lambda: story.referrers(entity, "about"))},
             "source": {"claims": ("Claims carried by", lambda: story.carried_by(entity))},
             "event": {"claims": ("Claims about", lambda: story.referrers(entity, "about"))}}.get(kind, {})
    found = {name: (label, items()) for name, (label, items) in lists.items()}
    return {name: value for name, value in found.items() if len(value[1]) > LIST_LIMIT}


def _list_path(entity: Entity, name: str) -> str:
    return urls.list_page(kind_of(entity), entity.id, name)


def _index_order(story: Story, kind: str) -> list:
    if kind == "actor":  # grouped by kind on the page, so ordered by kind first
        order = list(ACTOR_KIND_LABELS)
        return sorted(story.actors, key=lambda a: order.index(a.kind))
    if kind == "claim":
        return _by_date(story.claims)
    return story.of_kind(kind)


def _by_date(entities: list) -> list:
    return sorted(entities, key=lambda e: e.date or dt.date.max)


@functools.lru_cache(maxsize=1024)
def project_file(path: Path, root: Path) -> str:
    """`path` from the project folder (a data file's name otherwise); many entities share a file."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


Meta = Callable[["Linker"], dict[str, Any]]


def _fixed(title: str) -> Meta:
    return lambda _: {"title": title}


def page_title(title: str) -> str:
    """A title or tag from data for front matter. MkDocs themes print `page.meta.title` and tag
    names as HTML (in `<title>`, the header, the nav, tag lists), so they are escaped here, once."""
    return html.escape(title)


def _meta(story: Story, entity: Entity, link: Linker) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": page_title(title_of(entity))}
    if isinstance(entity, Actor):
        # readers search for actors by name and alias (in the page's first section); put them first
        meta["search"] = {"boost": 3}
    meta["jsonld"] = jsonld.structured_data(story, entity, link.url)
    return meta


PROSE = "<!-- explainer:prose -->"
_SECTION = re.compile(r"^<!-- explainer:section ([a-z-]+) -->\n", re.MULTILINE)
_MARKER = re.compile(r"^[ \t]*<!-- explainer:([a-z-]+) -->[ \t]*$", re.MULTILINE)


def _page(env: jinja2.Environment, story: Story, link: Linker, template: str, meta: dict[str, Any],
          prose_source: str | None, context: dict[str, Any], out: Rendered) -> str:
    prose_meta, prose = text.split_front_matter(prose_source) if prose_source else ({}, "")
    expanded = links.expand(prose.strip(), link.page, story)
    out.errors += [f"docs/{link.page}: {message}" for message in expanded.unknown]
    body = env.get_template(template).render(story=story, link=link, **context)
    return text.front_matter({**meta, **prose_meta}, _compose(body, expanded.markdown, link.page, out))


def _compose(body: str, prose: str, page: str, out: Rendered) -> str:
    """Place the prose in the generated page, and each generated section where the prose asks for it
    with `<!-- explainer:NAME -->`; sections not asked for follow the prose in their usual order."""
    head, *rest = _SECTION.split(body)
    sections = dict(zip(rest[0::2], rest[1::2]))

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


def orphan_prose(story: Story, prose_paths: list[str]) -> list[tuple[str, str]]:
    """(path, did-you-mean hint) for each prose file in an entity folder that matches no entity."""
    found = []
    for path in prose_paths:
        target = urls.entity_of_page(path)
        if target is None:
            continue
        kind, entity_id = target
        entity = story.get(entity_id)
        if entity is None or kind_of(entity) != kind:
            found.append((path, did_you_mean(entity_id, [e.id for e in story.of_kind(kind)])))
    return found
