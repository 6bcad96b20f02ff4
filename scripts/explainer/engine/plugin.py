"""The MkDocs plugin: a thin edge that loads the story and hands MkDocs the rendered pages.

Pages exist only in memory (`File.generated`); nothing is written into `docs/`, so
`mkdocs serve` does not rebuild itself forever and hand-written prose is never touched. Only
MkDocs' public plugin API is used, so the plugin also runs on ProperDocs, MkDocs' maintained fork.
The plugin brings its own look: its stylesheet and the pages' structured data, on any theme.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..errors import StoryInvalid
from ..text import first_line
from ..site import links, urls
from ..site.downloads import download_makers
from ..site.head import footer, head_tags
from ..site.render import Job, Options, PagePlan, Rendered, for_editors, plan_pages, project_file, template_env
from ..site.style import stylesheet
from ..story.graph import Story, load_story
from .background import Background, BackgroundFailed
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
        self.story: Story | None = None
        self.background: Background | None = None
        self.dirty = False
        self.changes = Changes()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # defining on_startup also keeps this instance across `mkdocs serve` rebuilds
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = Settings.of(config, self.config.data_dir)
        if urls.STYLESHEET not in config.extra_css:
            config.extra_css.append(urls.STYLESHEET)
        config.markdown_extensions += [name for name in MARKDOWN_EXTENSIONS if name not in config.markdown_extensions]
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # before MkDocs cleans site/: a story with errors stops the build while the last site is still there
        self.story = self._load()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        story, settings = self.story, self.settings
        editors = self.serving if self.config.editors is None else self.config.editors
        prose = {f.src_uri: f.content_string for f in files.documentation_pages()}
        for path in [path for path, source in prose.items() if for_editors(source)]:
            _for_editors(files, files.get_file_from_path(path), editors)
            if not editors:
                del prose[path]
        options = Options(settings.directory_urls, settings.root, settings.edit_root, editors, config.site_url)
        plan = plan_pages(story, prose, template_env(settings.overrides), options)
        # pages with prose first and here: what is wrong with the prose must stop the build before it starts
        problems = Rendered()
        early = {job.path: _rendered(plan, job, problems) for job in plan.jobs if job.path in prose}
        _report(problems.warnings + plan.warnings, problems.errors)
        tasks = [(job.path, partial(_rendered, plan, job, Rendered())) for job in plan.jobs if job.path not in early]
        tasks += download_makers(story, config.site_url, settings.directory_urls).items()
        self.makers = {path: partial(str, markdown) for path, markdown in early.items()} | self._later(tasks)
        unchanged = self._unchanged(files, config) if self.dirty else set()
        made: list[File] = []
        for path in self.makers:
            file = StoryFile.generated(config, path, content="", inclusion=_inclusion(path))
            file.unchanged = path in unchanged
            made.append(file)
        made.append(File.generated(config, urls.STYLESHEET, content=stylesheet()))
        _refuse_collisions(files, made)
        for file in made:
            _replace(files, file)
        self.footer = [f for f in (files.get_file_from_path(self.config.about), files.get_file_from_path(urls.CORRECTIONS))
                       if f is not None]
        log.info("%d pages generated from %s", len(plan.jobs), story.describe())
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A story page's Markdown, made when MkDocs first reads it (by the background process, if on)."""
        make = self.makers.pop(page.file.src_uri, None) if isinstance(page.file, StoryFile) else None
        return None if make is None else _made(make)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The data downloads, now that every page is read (the background process makes them last)."""
        for path in [p for p in self.makers if not p.endswith(".md")]:
            files.get_file_from_path(path).content_string = _made(self.makers.pop(path))
        return env

    def _later(self, tasks: list[tuple[str, Callable[[], str]]]) -> dict[str, Callable[[], str]]:
        """How the texts of `tasks` will be made: by a background process while MkDocs converts pages,
        or, when serving (threads make forking unsafe) or without fork, here when MkDocs asks for them."""
        self._stop_background()
        if self.serving or not self.config.background or not hasattr(os, "fork"):
            return dict(tasks)
        self.background = Background(tasks, _describe)
        return {path: partial(self.background.get, path) for path, _ in tasks}

    def _unchanged(self, files: Files, config: MkDocsConfig) -> set[str]:
        """For a dirty rebuild (`mkdocs serve --dirty`): the files whose text is what the last build wrote.
        Hand-written pages are redone when the settings changed (all of them: the navigation, the theme),
        and those with `[[id]]` links whenever the story's pages changed (they may show new names): their
        last output is removed, which is how MkDocs knows a page is out of date."""
        texts = {path: _made(make) for path, make in self.makers.items()}
        self.makers.update({path: partial(str, text) for path, text in texts.items()})
        signature = settings_signature(files, config)
        settings_changed = signature != self.changes.signature
        unchanged = self.changes.unchanged(texts, signature)
        if len(unchanged) < len(texts):
            for file in files.documentation_pages():
                if not file.generated_by and (settings_changed or "[[" in file.content_string):
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        return unchanged

    def _stop_background(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_background()
        self.changes.commit()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_background()
        self.changes.discard()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """`[[id]]` links in hand-written pages that are not entity pages (those were expanded in render)."""
        if page.file.generated_by or self.story is None:
            return markdown
        start = first_line(page.file.content_string, markdown)
        expanded = links.expand(markdown.lstrip(), page.file.src_uri, self.story, start)
        for line, message in expanded.unknown:
            log.warning("docs/%s:%d: %s", page.file.src_uri, line, message)
        return expanded.markdown

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """"Edit this page" on an entity page opens the YAML that defines it; the page links its prose."""
        target = urls.entity_of_page(page.file.src_uri)
        base = self.settings.edit_root
        if target and base and self.story and (entity := self.story.get(target[1])):
            path = project_file(entity.where.path, self.settings.root)
            page.edit_url = urls.edit_url(base, path, entity.where.line)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """How a shared link to the page previews, and its schema.org data, in its head, whatever the theme."""
        if "</head>" not in output:
            return output
        tags = head_tags(page.meta, page.title or config.site_name, config.site_name, config.site_description,
                         page.canonical_url)
        head, _, rest = output.partition("</head>")
        output = f"{head}{tags}\n</head>{rest}"
        links = [(get_relative_url(f.url, page.url), "About this site" if f.src_uri == self.config.about else "Corrections")
                 for f in self.footer]
        return footer(output, links)

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.settings.data_dir))
        return server

    def _load(self) -> Story:
        try:
            story = load_story(self.settings.data_dir)
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


class StoryFile(File):
    """A page or download made from the story. In a dirty rebuild it counts as modified only when its
    text changed since the last build."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


@dataclass
class Changes:
    """What the last finished build wrote, so a dirty rebuild redoes only the files whose text changed:
    all of them when the settings, the templates or the set of hand-written files changed."""

    digests: dict[str, bytes] = field(default_factory=dict)
    signature: bytes = b""
    pending: tuple[dict[str, bytes], bytes] | None = None

    def unchanged(self, texts: dict[str, str], signature: bytes) -> set[str]:
        digests = {path: hashlib.blake2b(text.encode("utf-8")).digest() for path, text in texts.items()}
        self.pending = (digests, signature)
        if signature != self.signature:
            return set()
        return {path for path, digest in digests.items() if self.digests.get(path) == digest}

    def commit(self) -> None:
        """The build finished: what it wrote is what the next one compares with."""
        if self.pending is not None:
            self.digests, self.signature = self.pending
            self.pending = None

    def discard(self) -> None:
        self.pending = None


def settings_signature(files: Files, config: MkDocsConfig) -> bytes:
    """Changes when anything every page depends on changes: mkdocs.yml, the theme overrides (templates,
    including explainer's), or which hand-written pages exist (the navigation)."""
    digest = hashlib.blake2b(Path(config.config_file_path).read_bytes() if config.config_file_path else b"")
    for file in sorted(files, key=lambda f: f.src_uri):
        if not file.generated_by and file.is_documentation_page():
            digest.update(file.src_uri.encode() + b"\0")
    if config.theme.custom_dir:
        for path in sorted(Path(config.theme.custom_dir).rglob("*")):
            if path.is_file():
                digest.update(f"{path}\0{path.stat().st_mtime_ns}\0".encode())
    return digest.digest()


def _made(make: Callable[[], str]) -> str:
    try:
        return make()
    except BackgroundFailed as failed:
        raise PluginError(str(failed)) from None


def _rendered(plan: PagePlan, job: Job, problems: Rendered) -> str:
    try:
        return plan.render(job, problems)
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
