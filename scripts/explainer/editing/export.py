"""A site as `explainer export` sees it: the settings, the story, and every file of the built
site's sources, rendered exactly as the plugin renders them."""

from __future__ import annotations

from dataclasses import dataclass
from ..engine.settings import Settings
from ..site import links, urls
from ..site.downloads import downloads
from ..site.render import Rendered, for_editors, render_pages, template_env
from ..site.style import stylesheet
from ..story.graph import Story, load_story


@dataclass(frozen=True)
class Export:
    settings: Settings

    def story(self) -> Story:
        return load_story(self.settings.data_dir)

    def files(self) -> dict[str, bytes]:
        """{path: bytes} of every page and file the site is built from, generated pages included."""
        story, docs_dir = self.story(), self.settings.docs_dir
        docs = {p.relative_to(docs_dir).as_posix(): p.read_bytes()
                for p in sorted(docs_dir.rglob("*")) if p.is_file() and not p.name.startswith(".")}
        # the published site's sources: pages for editors stay out, as in `mkdocs build`
        docs = {p: b for p, b in docs.items() if not (p.endswith(".md") and for_editors(b.decode("utf-8")))}
        rendered = self.render(story, {p: b.decode("utf-8") for p, b in docs.items() if p.endswith(".md")})
        files = {p: self._expanded(p, b, story) for p, b in docs.items()}
        files.update({p: text.encode("utf-8") for p, text in rendered.pages.items()})
        files.update({p: text.encode("utf-8") for p, text in downloads(story, None, self.settings.directory_urls).items()})
        files[urls.STYLESHEET] = stylesheet().encode("utf-8")
        return files

    def render(self, story: Story, prose: dict[str, str]) -> Rendered:
        s = self.settings
        return render_pages(story, prose, template_env(s.overrides), directory_urls=s.directory_urls, root=s.root,
                            edit_root=s.edit_root)

    @staticmethod
    def _expanded(path: str, data: bytes, story: Story) -> bytes:
        if not path.endswith(".md"):
            return data
        return links.expand(data.decode("utf-8"), path, story).markdown.encode("utf-8")
