"""The MkDocs plugin: a thin edge that loads the story and hands MkDocs the rendered pages.

Pages exist only in memory (`File.generated`); nothing is written into `docs/`, so
`mkdocs serve` does not rebuild itself forever and hand-written prose is never touched.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import links, urls
from .errors import StoryInvalid
from .exports import data_files
from .graph import Story, load_story
from .render import project_file, render_pages, template_env

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of the story's YAML files, relative to mkdocs.yml."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self):
        self.serving = False
        self.last_good: Story | None = None  # what `mkdocs serve` keeps showing while the data is broken
        self.story: Story | None = None

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
        try:
            rendered = render_pages(story, prose, template_env(overrides), config.use_directory_urls,
                                    root=project_root(config), edit_root=edit_root(config))
        except jinja2.TemplateError as exc:  # most likely a template in overrides/explainer/
            where = f"{exc.filename or exc.name}:{exc.lineno}: " if getattr(exc, "lineno", None) else ""
            raise PluginError(f"page template error: {where}{exc.message or exc}") from None
        for message in rendered.warnings:
            log.warning(message)
        if rendered.errors:
            for message in rendered.errors:
                log.error(message)
            raise PluginError(f"{len(rendered.errors)} broken entity link(s) in docs/; nothing was built")
        for path, markdown in rendered.pages.items():
            _replace(files, File.generated(config, path, content=markdown, inclusion=_inclusion(path)))
        for path, content in data_files(story).items():
            _replace(files, File.generated(config, path, content=content))
        log.info("explainer: %d pages generated from %s", len(rendered.pages), story.describe())
        return files

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


def _inclusion(path: str) -> InclusionLevel:
    return InclusionLevel.UNDEFINED if urls.in_nav(path) else InclusionLevel.NOT_IN_NAV


def _replace(files: Files, new: File) -> None:
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        files.remove(old)
    files.append(new)
