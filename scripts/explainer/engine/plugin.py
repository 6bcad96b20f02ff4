"""The MkDocs plugin: a thin edge that loads the story and hands MkDocs the rendered pages.

Pages exist only in memory (`File.generated`); nothing is written into `docs/`, so
`mkdocs serve` does not rebuild itself forever and hand-written prose is never touched.
"""

from __future__ import annotations

import hashlib
import logging
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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..site import links
from ..site import urls
from .background import Background, BackgroundFailed
from ..errors import StoryInvalid
from ..site.downloads import data_file_makers
from ..story.graph import Story, load_story
from ..site.render import Job, Plan, Rendered, plan_pages, project_file, template_env

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of the story's YAML files, relative to mkdocs.yml."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self):
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
        self.story_dir = data_dir(config, self.config.data_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        story = self.story = self._load()
        prose = {f.src_uri: f.content_string for f in files.documentation_pages()}
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        plan = plan_pages(story, prose, template_env(overrides), config.use_directory_urls,
                          root=project_root(config), edit_root=edit_root(config))
        # pages with prose first and here: what is wrong with the prose must stop the build before it starts
        problems = Rendered()
        early = {job.path: _rendered(plan, job, problems) for job in plan.jobs if job.path in prose}
        _report(problems.warnings + plan.warnings, problems.errors)
        tasks = [(job.path, partial(_rendered, plan, job, Rendered())) for job in plan.jobs if job.path not in early]
        tasks += data_file_makers(story).items()
        makers = {path: partial(str, markdown) for path, markdown in early.items()} | self._later(tasks)
        unchanged = self._unchanged(makers, files, config) if self.dirty else set()
        for path, make in makers.items():
            _replace(files, StoryFile.of(config, path, make, _inclusion(path), unchanged=path in unchanged))
        log.info("explainer: %d pages generated from %s", len(plan.jobs), story.describe())
        return files

    def _later(self, tasks: list[tuple[str, Callable[[], str]]]) -> dict[str, Callable[[], str]]:
        """How the texts of `tasks` will be made: by a background process while MkDocs converts pages,
        or, when serving (threads make forking unsafe) or without fork, here when MkDocs asks for them."""
        self._stop_background()
        if self.serving or not hasattr(os, "fork"):
            return dict(tasks)
        self.background = Background(tasks, _describe)
        return {path: partial(self.background.get, path) for path, _ in tasks}

    def _unchanged(self, makers: dict[str, Callable[[], str]], files: Files, config: MkDocsConfig) -> set[str]:
        """For a dirty rebuild (`mkdocs serve --dirty`): the files whose text is what the last build wrote.
        Hand-written pages with `[[id]]` links are redone whenever the story's pages changed."""
        texts = {path: make() for path, make in makers.items()}
        makers.update({path: partial(str, text) for path, text in texts.items()})
        unchanged = self.changes.unchanged(texts, settings_signature(files, config))
        if len(unchanged) < len(texts):
            for file in files.documentation_pages():
                if not file.generated_by and "[[" in file.content_string:
                    file.is_modified = _modified  # type: ignore[method-assign]  # its links may show new names
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
        expanded = links.expand(markdown, page.file.src_uri, self.story)
        for message in expanded.unknown:
            log.warning("docs/%s: %s", page.file.src_uri, message)
        return expanded.markdown

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """"Edit this page" on an entity page opens the YAML that defines it; the page links its prose."""
        target = urls.entity_of_page(page.file.src_uri)
        base = edit_root(config)
        if target and base and self.story and (entity := self.story.get(target[1])):
            path = project_file(entity.where.path, project_root(config))
            page.edit_url = urls.edit_url(base, path, entity.where.line)
        return context

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.story_dir))
        return server

    def _load(self) -> Story:
        try:
            story = load_story(self.story_dir)
        except StoryInvalid as invalid:
            for error in invalid.errors:
                log.error(str(error))
            if self.serving and self.last_good is not None:
                log.warning("explainer: %d error(s) in the story data; still showing the last good version "
                            "until they are fixed", len(invalid.errors))
                return self.last_good
            raise PluginError(f"{len(invalid.errors)} error(s) in the story data in "
                              f"'{self.config.data_dir}'; nothing was built") from None
        self.last_good = story
        return story


def data_dir(config: MkDocsConfig, configured: str) -> Path:
    return (project_root(config) / configured).resolve()


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent.resolve()


def edit_root(config: MkDocsConfig) -> str | None:
    """The edit address of the project's top folder, from `repo_url` + `edit_uri` (which point at docs/)."""
    if not (config.repo_url and config.edit_uri):
        return None
    docs = Path(config.docs_dir).resolve().relative_to(project_root(config)).as_posix()
    base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
    return base.removesuffix(docs + "/")


class StoryFile(File):
    """A page or download made from the story. Its text is made only when MkDocs first reads it (by the
    background process, see `ExplainerPlugin._later`); in a dirty rebuild it counts as modified only
    when its text changed."""

    _text: str | bytes | None = None
    _make: Callable[[], str] | None = None
    unchanged = False

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, make: Callable[[], str], inclusion: InclusionLevel,
           unchanged: bool = False) -> File:
        file = cls.generated(config, path, content="", inclusion=inclusion)
        file._make, file.unchanged = make, unchanged
        return file

    @property
    def _content(self) -> str | bytes | None:
        if self._make is not None:
            make, self._make = self._make, None
            try:
                self._text = make()
            except BackgroundFailed as failed:
                raise PluginError(str(failed)) from None
        return self._text

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._text, self._make = value, None

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


def _modified() -> bool:
    return True


def _rendered(plan: Plan, job: Job, problems: Rendered) -> str:
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
        raise PluginError(f"{len(errors)} broken entity link(s) in docs/; nothing was built")


def _inclusion(path: str) -> InclusionLevel:
    return InclusionLevel.UNDEFINED if urls.in_nav(path) else InclusionLevel.NOT_IN_NAV


def _replace(files: Files, new: File) -> None:
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        files.remove(old)
    files.append(new)
