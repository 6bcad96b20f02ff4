"""The MkDocs plugin: a thin edge that loads the story and hands MkDocs the rendered pages.

Pages exist only in memory (`File.generated`); nothing is written into `docs/`, so
`mkdocs serve` does not rebuild itself forever and hand-written prose is never touched. Only
MkDocs' public plugin API is used, so the plugin also runs on ProperDocs, MkDocs' maintained fork.
The plugin brings its own look: its stylesheet and the pages' structured data, on any theme.
Everything it can find wrong is found in `on_pre_build`, before MkDocs empties the site folder, so a
failed build leaves the last site in place.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_relative_url

from ..errors import StoryInvalid
from ..text import first_line, split_front_matter
from ..site import links, urls
from ..site.downloads import download_makers
from ..site.head import JSONLD, footer, head_tags
from ..files import write_atomic
from ..site.cache import Output, text_digest
from ..site.render import Job, Made, Options, PagePlan, Rendered, for_editors, plan_pages, project_file, template_env
from ..site.style import stylesheet
from ..story.graph import Story, load_story
from ..story.reuse import Reuse
from .background import Background, BackgroundFailed
from .dirty import LastBuild, SearchEntries, code_signature, settings_signature
from .settings import DEFAULT_DATA_DIR, Settings

log = get_plugin_logger("explainer")

# The generated Markdown is written for these: tables, `{ .md-tag }`, `markdown` in HTML, and a
# backslash that escapes any punctuation in text from data.
MARKDOWN_EXTENSIONS = ("tables", "attr_list", "md_in_html", "pymdownx.escapeall")


class ExplainerConfig(Config):
    data_dir = c.Type(str, default=DEFAULT_DATA_DIR)
    """Folder of the story's YAML files, relative to mkdocs.yml."""
    editors = c.Optional(c.Type(bool))
    """Show editors' material: "Made from file, line" notes, the schema reference and pages whose front
    matter says `audience: editors`. Default: on in `mkdocs serve` (preview), off in `mkdocs build`."""
    about = c.Type(str, default="about.md")
    """The page on who makes the site and its methods, sources and corrections policies (a page in docs/);
    every page's footer links it and the Corrections page."""
    background = c.Type(bool, default=True)
    """Render the story's pages in a forked process while MkDocs converts others (off: all in this
    process, for debugging, and wherever forking is unsafe)."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self):
        self.footer: list[File] = []
        self.serving = False
        self.last_good: Story | None = None  # what `mkdocs serve` keeps showing while the data is broken
        self.bytecode: jinja2.BytecodeCache | None = None
        # what the last load made of each data file, when serving: a reload parses only what changed (a build
        # loads once, and keeping what it read, the raw records among them, would only hold memory)
        self.reuse: Reuse | None = None
        self.story: Story | None = None
        self.background: Background | None = None
        self.dirty = False
        self.last: LastBuild | None = None  # read from disk by the first dirty build of a `mkdocs build --dirty`
        self.this: Build | None = None
        self.writing: threading.Thread | None = None  # the downloads written after a preview build
        self.prepared: Prepared | None = None
        self.made: list[File] = []  # every file the plugin adds in this build
        self.built: set[str] = set()  # the URLs of the pages built in this round
        self.files: Files | None = None
        self.search = SearchEntries()
        self.parked: dict[str, bytes] = {}  # story pages' HTML, contents and JSON-LD, from conversion until written

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # defining on_startup also keeps this instance across `mkdocs serve` rebuilds
        self.serving = command == "serve"
        self.dirty = dirty
        self.reuse = Reuse() if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = Settings.of(config, self.config.data_dir)
        self.bytecode = _bytecode(self.settings.root / CACHE / "templates")
        if urls.STYLESHEET not in config.extra_css:
            config.extra_css.append(urls.STYLESHEET)
        config.markdown_extensions += [name for name in MARKDOWN_EXTENSIONS if name not in config.markdown_extensions]
        search = config.plugins.get("explainer-search")
        if search is not None and not search.config.bundles:  # mkdocs.yml's own choice wins
            search.config.bundles = urls.search_bundles()
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # before MkDocs cleans site/: whatever the plugin finds wrong (the story's data, the hand-written
        # pages, files colliding with generated ones) stops the build while the last site is still there
        self.on_shutdown()
        self.prepared, self.built, self.parked = None, set(), {}
        previous, self.story = self.story, self._load()
        if previous is not None and previous is not self.story:
            self.story.answers.inherit(previous.answers)
        self.prepared = self._prepare(get_files(config), config)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        story = self.story
        prepared = self.prepared
        if prepared is None or prepared.prose != _prose(files):  # another plugin changed the pages
            prepared = self.prepared = self._prepare(files, config)
        else:
            _refuse_collisions(files, prepared.made)  # the theme's files too, added since
        editors = self._editors()
        for path in prepared.editor_pages:
            _for_editors(files, files.get_file_from_path(path), editors)
        plan = prepared.plan
        this = self.this = Build(prepared.signature, {path: Output.of(page) for path, page in prepared.early.items()},
                                 prepared.kept)
        last = self._last_build(config)
        if self.dirty:
            log.info("%d of %d story pages unchanged since the last build, not made again", len(this.kept),
                     len(plan.jobs))
        if self.serving and self.dirty and prepared.downloads.keys() <= prepared.written and this.kept:
            this.later = prepared.downloads  # in preview, written just after the page is shown
        # the data files first: a background process makes them while it is small, not at the end, when
        # it and MkDocs have grown (an archive of 30,000 fact-checks: its feed takes 150 MB to write)
        tasks = [(path, make) for path, make in prepared.downloads.items() if path not in this.later]
        tasks += [(job.path, partial(_rendered, plan, job, Rendered())) for job in plan.jobs
                  if job.path not in prepared.early and job.path not in this.kept]
        self.makers = {path: partial(_text, this, path, make) for path, make in self._later(tasks).items()}
        self.makers |= {path: partial(str, page.text) for path, page in prepared.early.items()}
        unchanged = self._unchanged(files, last, prepared.written) if self.dirty else set()
        for file in prepared.made:
            if isinstance(file, StoryFile):
                file.unchanged = file.src_uri in unchanged
            _replace(files, file)
        self.made = prepared.made
        self.footer = [f for f in (files.get_file_from_path(self.config.about), files.get_file_from_path(urls.CORRECTIONS))
                       if f is not None]
        log.info("%d pages generated from %s", len(plan.jobs), story.describe())
        return files

    def _editors(self) -> bool:
        return self.serving if self.config.editors is None else self.config.editors

    def _prepare(self, files: Files, config: MkDocsConfig) -> Prepared:
        """Everything about the story's files that can be decided before MkDocs writes anything: the plan of
        pages, the pages with prose (and one of each template) rendered, and what is wrong with the
        hand-written pages. Called in `on_pre_build` with the docs folder as MkDocs will read it, so that
        an error stops the build before the site folder is cleaned."""
        story, settings = self.story, self.settings
        editors = self._editors()
        everything = _prose(files)
        editor_pages = [path for path, source in everything.items() if for_editors(source)]
        prose = {path: source for path, source in everything.items() if editors or path not in editor_pages}
        options = Options(settings.directory_urls, settings.root, settings.edit_root, editors, config.site_url)
        plan = plan_pages(story, prose, template_env(settings.overrides, self.bytecode), options)
        downloads = download_makers(story, config.site_url, settings.directory_urls)
        made: list[File] = [StoryFile.generated(config, path, content="", inclusion=_inclusion(path))
                            for path in [*(job.path for job in plan.jobs), *downloads]]
        made.append(File.generated(config, urls.STYLESHEET, content=stylesheet()))
        signature, kept, written = self._signature(files, config), set(), set()
        if self.dirty:
            # a page whose output is gone (removed as stale by a build that then failed) is made again
            written = {f.src_uri for f in made if os.path.exists(f.abs_dest_path)}
            kept = self._last_build(config).pages.reusable(plan, signature) & written - prose.keys()
        # pages with prose, and the first page of each template: what is wrong with the prose, or with a
        # template in overrides/explainer/, stops the build before it starts (a page kept as the last build
        # made it, with these templates, needs no trying)
        problems = Rendered()
        early = {job.path: _rendered(plan, job, problems) for job in _early_jobs(plan) if job.path not in kept}
        generated = {job.path for job in plan.jobs}
        unknown = [message for path, source in prose.items() if path not in generated
                   for message in _expand_links(path, source, split_front_matter(source)[1], story)[1]]
        warnings = problems.warnings + plan.warnings + unknown
        _report(warnings, problems.errors)
        _refuse_collisions(files, made)
        if warnings and config.strict:
            # strict mode would fail at the end, after the site folder was emptied: fail now instead
            raise PluginError(f"{len(warnings)} warning(s) about the hand-written pages in docs/ in strict mode; "
                              f"nothing was built")
        return Prepared(everything, editor_pages, plan, early, downloads, made, set(unknown), signature, kept,
                        written)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A story page's Markdown, made when MkDocs first reads it (by the background process, if on)."""
        make = self.makers.pop(page.file.src_uri, None) if isinstance(page.file, StoryFile) else None
        return None if make is None else _made(make)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The data downloads, now that every page is read."""
        for path in [p for p in self.makers if not p.endswith(".md")]:
            text = files.get_file_from_path(path).content_string = _made(self.makers.pop(path))
            if self.this is not None:
                self.this.downloads[path] = text
        self.files = files
        if env.bytecode_cache is None:  # the theme's templates, compiled once, not at every build
            env.bytecode_cache = self.bytecode
        if self.dirty:  # before anything is written, so that nothing (a search indexer) sees them
            if stale := self._last_build(config).outputs.remove_stale(config.site_dir, files):
                log.info("%d file(s) of pages no longer made removed from the site folder", len(stale))
        return env

    def _later(self, tasks: list[tuple[str, Callable[[], str]]]) -> dict[str, Callable[[], str]]:
        """How the texts of `tasks` will be made: by a background process while MkDocs converts pages,
        or, when serving (threads make forking unsafe) or without fork, here when MkDocs asks for them."""
        self._stop_background()
        if self.serving or not self.config.background or not hasattr(os, "fork"):
            return dict(tasks)
        self.background = Background(tasks, _describe)
        return {path: partial(self.background.get, path) for path, _ in tasks}

    def _signature(self, files: Files, config: MkDocsConfig) -> bytes:
        """What every page depends on besides the story: the settings, the templates, the hand-written pages
        there are, the plugin's code, and whether pages are made for editors."""
        return settings_signature(files, config) + code_signature() + (b"editors" if self._editors() else b"")

    def _last_build(self, config: MkDocsConfig) -> LastBuild:
        """What the last finished build left in the site folder: in memory when serving, else as a build
        in another process recorded it (only a dirty build reads it; every finished build writes it)."""
        if self.last is None:
            self.last = LastBuild.load(self._memory(config)) if self.dirty and not self.serving else LastBuild()
        return self.last

    def _memory(self, config: MkDocsConfig) -> Path:
        """Where a finished build records itself for the next `mkdocs build --dirty`: beside mkdocs.yml, in the
        folder Material's plugins keep their caches in, one file per site folder."""
        name = hashlib.blake2b(os.path.abspath(config.site_dir).encode(), digest_size=8).hexdigest()
        return self.settings.root / CACHE / f"build-{name}.pickle"

    def _unchanged(self, files: Files, last: LastBuild, written: set[str]) -> set[str]:
        """For a dirty rebuild: the story's files whose text is what the last build wrote. Pages whose every
        answer is the same are not made at all; the others are made now and compared. Hand-written pages
        are redone when the settings changed (all of them: the navigation, the theme), and those with
        `[[id]]` links whenever the story's pages changed (they may show new names): their last output is
        removed, which is how MkDocs knows a page is out of date."""
        this = self.this
        texts = {path: _made(make) for path, make in self.makers.items()}
        self.makers.update({path: partial(str, text) for path, text in texts.items()})
        settings_changed = this.signature != last.pages.signature
        pages = {job.path for job in self.prepared.plan.jobs}
        this.downloads = {path: text for path, text in texts.items() if path not in pages}
        unchanged = last.unchanged(this.signature, this.kept, this.made, this.downloads) & written | this.later.keys()
        if not pages <= unchanged:
            for file in files.documentation_pages():
                if not file.generated_by and (settings_changed or "[[" in file.content_string):
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        return unchanged

    def _stop_background(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None

    @event_priority(100)  # before the search indexer, which needs much memory, starts
    def _finish_build(self, *, config: MkDocsConfig) -> None:
        self._stop_background()
        self._remember(config)
        if not self.serving:  # the build is over: what the story took is free for the search indexer
            self.story = self.last_good = self.prepared = self.last = None
            self.makers, self.parked = {}, {}
            for file in self.made:  # MkDocs checked the links to anchors before this event
                if isinstance(file, StoryFile) and file.page is not None:
                    file.page.present_anchor_ids = file.page.links_to_anchors = None

    @event_priority(-100)  # after the search plugins have written their index
    def _repair_search(self, *, config: MkDocsConfig) -> None:
        if self.dirty and self.files is not None:
            shown = InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included
            files = self.files
            if count := self.search.repair(config.site_dir, self.built, lambda: [
                    f.page.url for f in files.documentation_pages(inclusion=shown) if f.page is not None]):
                log.info("search index made to list the %d pages there are", count)

    on_post_build = CombinedEvent(_finish_build, _repair_search)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_background()
        self.this = None  # the last finished build stays the one to compare with

    def _remember(self, config: MkDocsConfig) -> None:
        """This build finished: what it wrote is what the next dirty build compares with."""
        this, last = self.this, self._last_build(config)
        if this is None or self.prepared is None:
            return
        pages = last.pages.updated(self.prepared.plan, this.signature, this.made, this.kept)
        downloads = {path: text_digest(text) for path, text in this.downloads.items()}
        downloads |= {path: digest for path, digest in last.downloads.items() if path in this.later}
        self.last = LastBuild(pages, downloads, last.outputs)
        self.last.outputs.record(config.site_dir, self.made)
        self.this = None
        if this.later:
            self._write_later(this.later, {f.src_uri: f.abs_dest_path for f in self.made})
        if not self.serving:
            try:
                path = self._memory(config)
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, self.last.dump())
            except OSError as exc:  # a read-only or full disk: the site is built, the next dirty build makes all
                log.info("what this build made could not be recorded for the next dirty build: %s", exc.strerror)

    def _write_later(self, makers: dict[str, Callable[[], str]], destinations: dict[str, str]) -> None:
        """The data downloads, made and written beside the site MkDocs just wrote (preview only: the page an
        editor changed is on screen a few seconds sooner on a big story); the next build waits for them."""
        digests = self.last.downloads

        def write() -> None:
            for path, make in makers.items():
                try:
                    text = make()
                    if digests.get(path) != text_digest(text):
                        write_atomic(Path(destinations[path]), text)
                        digests[path] = text_digest(text)
                except (OSError, BackgroundFailed) as exc:
                    log.error("%s could not be written: %s", path, exc)

        self.writing = threading.Thread(target=write, name="explainer-downloads", daemon=True)
        self.writing.start()

    def on_shutdown(self) -> None:
        """The downloads being written after a preview build are finished."""
        if self.writing is not None:
            self.writing.join()
            self.writing = None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """`[[id]]` links in hand-written pages that are not entity pages (those were expanded in render)."""
        if page.file.generated_by or self.story is None:
            return markdown
        markdown, unknown = _expand_links(page.file.src_uri, page.file.content_string, markdown, self.story)
        for message in unknown:
            if self.prepared is None or message not in self.prepared.unknown_links:  # else reported before the build
                log.warning(message)
        return markdown

    @event_priority(-100)  # after every other plugin has seen the HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """What only the writing of a story page needs waits compressed until then: MkDocs converts every
        page before it writes the first, and a story's pages held as objects add up (30,000 claims: some
        0.8 GB, of which the HTML, the table of contents and the structured data are most)."""
        if not isinstance(page.file, StoryFile):
            return html
        self.parked[page.file.src_uri] = _park(html, page)
        return ""

    @event_priority(100)  # before every other plugin sees the page
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """The page's parked parts back; "Edit this page" on an entity page opens the YAML that defines it."""
        if (parked := self.parked.pop(page.file.src_uri, None)) is not None:
            _unpark(parked, page)
        self.built.add(page.url)
        target = urls.entity_of_page(page.file.src_uri)
        base = self.settings.edit_root
        if target and base and self.story and (entity := self.story.get(target[1])):
            path = project_file(entity.where.path, self.settings.root)
            page.edit_url = urls.edit_url(base, path, entity.where.line)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """How a shared link to the page previews, and its schema.org data, in its head, whatever the theme."""
        if "</head>" in output:
            tags = head_tags(page.meta, page.title or config.site_name, config.site_name, config.site_description,
                             page.canonical_url)
            head, _, rest = output.partition("</head>")
            links = [(get_relative_url(f.url, page.url), "About this site" if f.src_uri == self.config.about
                      else "Corrections") for f in self.footer]
            output = footer(f"{head}{tags}\n</head>{rest}", links)
        if isinstance(page.file, StoryFile):
            _let_go(page)
        return output

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.settings.data_dir))
        return server

    def _load(self) -> Story:
        try:
            story = load_story(self.settings.data_dir, reuse=self.reuse)
        except StoryInvalid as invalid:
            for error in invalid.errors:
                log.error(str(error))
            if self.serving and self.last_good is not None:
                log.warning("%d error(s) in the story data; still showing the last good version "
                            "until they are fixed", len(invalid.errors))
                return self.last_good
            raise PluginError(f"{len(invalid.errors)} error(s) in the story data in "
                              f"'{self.config.data_dir}'; nothing was built") from None
        self.last_good = story
        return story


@dataclass(frozen=True)
class Prepared:
    """What `on_pre_build` decided, for `on_files` to use when the hand-written pages are the same."""

    prose: dict[str, str]                # every hand-written page's source, by path
    editor_pages: list[str]              # those for editors (`audience: editors`)
    plan: PagePlan
    early: dict[str, Made]               # the pages already rendered, by path
    downloads: dict[str, Callable[[], str]]
    made: list[File]                     # every file the plugin adds
    unknown_links: set[str]              # `[[id]]` links to unknown ids in hand-written pages, already reported
    signature: bytes                     # what every page depends on besides the story
    kept: set[str]                       # pages left as the last build wrote them (a dirty build)
    written: set[str]                    # files the last build left in the site folder (a dirty build)


class StoryFile(File):
    """A page or download made from the story. In a dirty rebuild it counts as modified only when its
    text changed since the last build."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


CACHE = Path(".cache") / "explainer"  # beside mkdocs.yml, where Material's plugins keep their caches too


class _Bytecode(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept on disk; one that cannot be written is compiled again next time."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode(folder: Path) -> jinja2.BytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only project: templates are compiled at every build
        return None
    return _Bytecode(str(folder))


def _park(html: str, page: Page) -> bytes:
    """The page's HTML, table of contents and structured data, compressed; the page keeps the rest."""
    parked = zlib.compress(pickle.dumps((html, page.toc, page.meta.pop(JSONLD, None)), pickle.HIGHEST_PROTOCOL), 1)
    page.markdown, page.toc = "", TableOfContents([])  # not None: a page without Markdown has no title
    return parked


def _unpark(parked: bytes, page: Page) -> None:
    page.content, page.toc, jsonld = pickle.loads(zlib.decompress(parked))
    if jsonld is not None:
        page.meta[JSONLD] = jsonld


def _let_go(page: Page) -> None:
    """MkDocs keeps every page's Markdown, HTML, contents and front matter to the end of the build (30,000
    claims: some 1 GB, still held while the search index is made); once a story page is written, only
    what the navigation and the anchor checks read (its title, its anchors) is kept."""
    page.markdown, page.content = "", None  # a page whose Markdown is None has no title in the navigation
    page.toc = TableOfContents([])
    page.meta = {"title": page.meta["title"]} if "title" in page.meta else {}


@dataclass
class Build:
    """The build under way: what it depends on besides the story, the pages it kept as the last build wrote
    them, and what it made (pages with what they asked; the downloads' texts, in a dirty build)."""

    signature: bytes
    made: dict[str, Output]
    kept: set[str] = field(default_factory=set)
    downloads: dict[str, str] = field(default_factory=dict)
    later: dict[str, Callable[[], str]] = field(default_factory=dict)  # downloads made after the build


def _text(build: Build, path: str, make: Callable[[], Made | str]) -> str:
    """The text of a file made by `make`; a page's answers are kept for the next build."""
    made = make()
    if isinstance(made, Made):
        build.made[path] = Output.of(made)
        return made.text
    return made


def _made(make: Callable[[], str]) -> str:
    try:
        return make()
    except BackgroundFailed as failed:
        raise PluginError(str(failed)) from None


def _rendered(plan: PagePlan, job: Job, problems: Rendered) -> Made:
    try:
        return plan.make(job, problems)
    except jinja2.TemplateError as exc:  # most likely a template in overrides/explainer/
        raise PluginError(_describe(exc)) from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, jinja2.TemplateError):
        return f"page template error: {_template_line(exc)}{exc.message or exc}"
    if isinstance(exc, PluginError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _template_line(exc: jinja2.TemplateError) -> str:
    """`file:line: ` of the template that failed: syntax errors carry it; errors while rendering are
    found in the traceback, whose frames Jinja names after the template file and line."""
    if getattr(exc, "lineno", None):
        return f"{_shown(exc.filename or exc.name)}:{exc.lineno}: "
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".md"):
            where = f"{_shown(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where


def _shown(filename: str | None) -> str:
    if not filename:
        return "<template>"
    path = Path(filename)
    return path.relative_to(Path.cwd()).as_posix() if path.is_relative_to(Path.cwd()) else filename


def _prose(files: Files) -> dict[str, str]:
    return {f.src_uri: f.content_string for f in files.documentation_pages()}


def _early_jobs(plan: PagePlan) -> list[Job]:
    """The pages with prose, and the first page made from each template."""
    seen: set[str] = set()
    jobs = []
    for job in plan.jobs:
        if job.path in plan.prose or job.template not in seen:
            jobs.append(job)
        seen.add(job.template)
    return jobs


def _expand_links(src_uri: str, source: str, markdown: str, story: Story) -> tuple[str, list[str]]:
    """A hand-written page's Markdown (`markdown`, from its `source`) with its `[[id]]` links made, and
    `docs/page.md:line: message` for each that names no entity."""
    expanded = links.expand(markdown.lstrip(), src_uri, story, first_line(source, markdown))
    return expanded.markdown, [f"docs/{src_uri}:{line}: {message}" for line, message in expanded.unknown]


def _report(warnings: list[str], errors: list[str]) -> None:
    for message in warnings:
        log.warning(message)
    if errors:
        for message in errors:
            log.error(message)
        raise PluginError(f"{len(errors)} error(s) in the hand-written pages in docs/; nothing was built")


def _refuse_collisions(files: Files, made: list[File]) -> None:
    """A hand-written file that a generated one would silently replace stops the build. Prose for a
    generated page (`docs/actors/<id>.md`) is welcome: it is placed in the page, not replaced by it."""
    by_dest = {f.dest_uri: f.src_uri for f in made}
    problems = []
    for file in (f for f in files if not f.generated_by):
        generated = by_dest.get(file.dest_uri)
        if generated is None or (generated == file.src_uri and file.is_documentation_page()):
            continue
        problems.append(f"docs/{file.src_uri} would be published at '{file.dest_uri}', where the generated "
                        f"'{generated}' goes; rename or remove it")
    if problems:
        for message in problems:
            log.error(message)
        raise PluginError(f"{len(problems)} hand-written file(s) in docs/ collide with generated ones; nothing was built")


def _for_editors(files: Files, file: File, shown: bool) -> None:
    """A page for editors: in preview, out of the navigation (the home page links it); else left out."""
    if shown:
        file.inclusion = InclusionLevel.NOT_IN_NAV
    else:
        files.remove(file)


def _inclusion(path: str) -> InclusionLevel:
    return InclusionLevel.UNDEFINED if urls.in_nav(path) else InclusionLevel.NOT_IN_NAV


def _replace(files: Files, new: File) -> None:
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        files.remove(old)
    files.append(new)
