"""The MkDocs plugin: a thin edge that loads the story and hands MkDocs the rendered pages.

Pages exist only in memory (`File.generated`); nothing is written into `docs/`, so
`mkdocs serve` does not rebuild itself forever and hand-written prose is never touched.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import urls
from .errors import StoryInvalid
from .graph import Story, load_story
from .render import orphan_prose, render_pages, template_env
from .schema import json_schema

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of the story's YAML files, relative to mkdocs.yml."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.story_dir = data_dir(config, self.config.data_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        story = self._load()
        prose = {f.src_uri: f.content_string for f in files.documentation_pages()}
        for path, hint in orphan_prose(story, list(prose)):
            log.warning("docs/%s matches no entity, so it is not shown on any entity page%s", path, hint)
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        pages = render_pages(story, prose, template_env(overrides))
        for path, markdown in pages.items():
            _replace(files, File.generated(config, path, content=markdown, inclusion=_inclusion(path)))
        _replace(files, File.generated(config, urls.SCHEMA_JSON, content=json.dumps(json_schema(), indent=2)))
        log.info("explainer: %d pages generated from %s", len(pages), story.describe())
        return files

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(self.story_dir))
        return server

    def _load(self) -> Story:
        try:
            return load_story(self.story_dir)
        except StoryInvalid as invalid:
            for error in invalid.errors:
                log.error(str(error))
            raise PluginError(f"{len(invalid.errors)} error(s) in the story data in "
                              f"'{self.config.data_dir}'; nothing was built") from None


def data_dir(config: MkDocsConfig, configured: str) -> Path:
    return (Path(config.config_file_path).parent / configured).resolve()


def _inclusion(path: str) -> InclusionLevel:
    # entity pages stay out of the sidebar: a nav of every page makes each build quadratic
    return InclusionLevel.NOT_IN_NAV if urls.entity_of_page(path) else InclusionLevel.UNDEFINED


def _replace(files: Files, new: File) -> None:
    old = files.get_file_from_path(new.src_uri)
    if old is not None:
        files.remove(old)
    files.append(new)
