"""A site as `explainer export` sees it: the MkDocs settings, the story, and every file of the
built site's sources, rendered exactly as the plugin renders them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..site import links
from ..site.downloads import data_files
from ..story.graph import Story, load_story
from ..engine.plugin import data_dir, edit_root, project_root
from ..site.render import Rendered, render_pages, template_env


@dataclass
class Site:
    config: MkDocsConfig
    docs_dir: Path
    data_dir: Path

    @classmethod
    def load(cls, config_file: Path) -> "Site":
        config = load_config(str(config_file))
        options = config.plugins["explainer"].config if "explainer" in config.plugins else {"data_dir": "data"}
        return cls(config, Path(config.docs_dir).resolve(), data_dir(config, options["data_dir"]))

    def story(self) -> Story:
        return load_story(self.data_dir)

    def export_files(self) -> dict[str, bytes]:
        """{path: bytes} of every page and file the site is built from, generated pages included."""
        story = self.story()
        docs = {p.relative_to(self.docs_dir).as_posix(): p.read_bytes()
                for p in sorted(self.docs_dir.rglob("*")) if p.is_file() and not p.name.startswith(".")}
        rendered = self.render(story, {p: b.decode("utf-8") for p, b in docs.items() if p.endswith(".md")})
        files = {p: self._expanded(p, b, story) for p, b in docs.items()}
        files.update({p: text.encode("utf-8") for p, text in rendered.pages.items()})
        files.update({p: text.encode("utf-8") for p, text in data_files(story).items()})
        return files

    def render(self, story: Story, prose: dict[str, str]) -> Rendered:
        custom = self.config.theme.custom_dir
        return render_pages(story, prose, template_env(Path(custom) if custom else None),
                            self.config.use_directory_urls, root=project_root(self.config),
                            edit_root=edit_root(self.config))

    @staticmethod
    def _expanded(path: str, data: bytes, story: Story) -> bytes:
        if not path.endswith(".md"):
            return data
        return links.expand(data.decode("utf-8"), path, story).markdown.encode("utf-8")
