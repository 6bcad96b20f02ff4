"""The MkDocs plugin: a thin edge that loads the story and hands MkDocs the rendered pages.

Pages exist only in memory (`File.generated`); nothing is written into `docs/`, so
`mkdocs serve` does not rebuild itself forever and hand-written prose is never touched.
"""

from __future__ import annotations

import logging
import os
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

from . import links, urls
from .background import Background, BackgroundFailed
from .errors import StoryInvalid
from .exports import data_file_makers
from .graph import Story, load_story
from .render import Job, Plan, Rendered, plan_pages, project_file, template_env

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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # defining on_startup also keeps this instance across `mkdocs serve` rebuilds
        self.serving = command == "serve"

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
        later = self._later(tasks)
        for path, markdown in early.items():
            _replace(files, File.generated(config, path, content=markdown, inclusion=_inclusion(path)))
        for path, _ in tasks:
            _replace(files, Promised.of(config, path, later, _inclusion(path)))
        log.info("explainer: %d pages generated from %s", len(plan.jobs), story.describe())
        return files

    def _later(self, tasks: list[tuple[str, Callable[[], str]]]) -> Callable[[str], str]:
        """Where the texts of `tasks` come from: a background process while MkDocs converts pages,
        or, when serving (threads make forking unsafe) or without fork, made here when asked for."""
        self._stop_background()
        if self.serving or not hasattr(os, "fork"):
            makers = dict(tasks)
            return lambda path: makers[path]()
        self.background = Background(tasks, _describe)
        return self.background.get

    def _stop_background(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_background()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_background()

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


class Promised(File):
    """A generated file whose text is made only when MkDocs first reads it (see `ExplainerPlugin._later`)."""

    _text: str | bytes | None = None
    _make: Callable[[], str] | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, later: Callable[[str], str], inclusion: InclusionLevel) -> File:
        file = cls.generated(config, path, content="", inclusion=inclusion)
        file._make = partial(later, path)
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
