"""Search that stays fast on big stories: Pagefind's chunked index instead of Material's one-file index.

Material's search plugin sends the whole index to the browser before the first result (32 MB for a
10,000-claim story). Pagefind splits it into small pieces fetched per query. This plugin runs Pagefind
over the built site and puts its search box, drawn like Material's, into the theme. It is a plugin of its
own, apart from the story plugin, because it is a site setting: any Material site could use it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

log = get_plugin_logger("explainer-search")

THEME = Path(__file__).parent / "theme"


class SearchConfig(Config):
    root_selector = c.Type(str, default="article.md-content__inner")
    """The part of each page that is indexed: the article, not the navigation around it."""
    exclude_selectors = c.ListOfItems(c.Type(str), default=[".headerlink", "svg", ".explainer-origin",
                                                                   ".explainer-pager", ".explainer-legend",
                                                                   ".explainer-full-list"])
    """Parts of the article left out of the index: permalink signs, diagrams, 'Made from' notes, pagers, and
    the items of a long list's own pages (each item has its page; the list would outrank it)."""


class SearchPlugin(BasePlugin[SearchConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "material/search" in config.plugins or "search" in config.plugins:
            raise PluginError("plugins 'search' and 'explainer-search' both draw the search box: keep one")
        # after the site's own overrides (they still win), before Material's templates
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Pagefind adds its files and never removes any: without this, a dirty rebuild (`mkdocs serve
        # --dirty`) keeps every fragment of pages long gone, deleted entities' words included
        bundle = Path(config.site_dir, "pagefind")
        if bundle.is_dir():
            shutil.rmtree(bundle)
        command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent",
                   "--root-selector", self.config.root_selector,
                   "--exclude-selectors", ", ".join(self.config.exclude_selectors)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise PluginError(f"Pagefind could not index the site: {(done.stderr or done.stdout).strip()[-2000:]}")
        log.info("Pagefind index written to %s", Path(config.site_dir, "pagefind"))
