"""The site's settings, read once from `mkdocs.yml` through MkDocs' own loader: used by the plugin,
`explainer export` and every command that needs the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

PLUGIN = "explainer"
DEFAULT_DATA_DIR = "data"


@dataclass(frozen=True)
class Settings:
    """Where a story project keeps its parts, and how its pages are addressed."""

    root: Path                  # the folder of mkdocs.yml
    docs_dir: Path
    data_dir: Path
    overrides: Path | None      # theme.custom_dir: its `explainer/` folder replaces page templates
    directory_urls: bool
    edit_root: str | None       # the edit address of `root`, from repo_url + edit_uri

    @classmethod
    def of(cls, config: MkDocsConfig, data_dir: str = DEFAULT_DATA_DIR) -> Settings:
        """The settings of a loaded configuration; `data_dir` is the plugin's option."""
        root = Path(config.config_file_path).parent.resolve() if config.config_file_path else Path.cwd()
        custom = config.theme.custom_dir
        return cls(root, Path(config.docs_dir).resolve(), (root / data_dir).resolve(),
                   Path(custom) if custom else None, config.use_directory_urls, _edit_root(config, root))

    @classmethod
    def load(cls, config_file: Path) -> Settings:
        """The settings of `config_file`, through MkDocs' loader (the plugin's options included)."""
        config = load_config(str(config_file))
        plugin = config.plugins.get(PLUGIN)
        return cls.of(config, plugin.config.data_dir if plugin else DEFAULT_DATA_DIR)


def _edit_root(config: MkDocsConfig, root: Path) -> str | None:
    """The edit address of the project's top folder, from `repo_url` + `edit_uri` (which point at docs/)."""
    if not (config.repo_url and config.edit_uri):
        return None
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
    return base.removesuffix(docs + "/")
