"""What a dirty rebuild (`mkdocs serve --dirty`, `mkdocs build --dirty`) needs that MkDocs does not do: redo
only the story's files whose text changed, take away the files of pages no longer made, and keep a
page-by-page search index listing exactly the pages there are.

MkDocs' dirty build writes only the files it is told changed and cleans nothing, so the plugin remembers
what the last finished build made. Only MkDocs' public API and the files in the site folder are used.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..site.cache import Output, PageCache, text_digest

SEARCH_INDEX = "search/search_index.json"  # where MkDocs' and Material's search plugins write their index


@dataclass
class LastBuild:
    """What the last finished build wrote: each story page with what it asked of the story (`PageCache`), and
    the digests of the data downloads. A dirty rebuild renders only the pages whose answers changed and
    rewrites only the files whose text changed; all of them when the settings, the templates or the plugin's
    code changed. Kept on disk for `mkdocs build --dirty` in a later process."""

    pages: PageCache = field(default_factory=PageCache)
    downloads: dict[str, bytes] = field(default_factory=dict)
    outputs: Outputs = field(default_factory=lambda: Outputs())

    def unchanged(self, signature: bytes, kept: set[str], pages: dict[str, Output], downloads: dict[str, str]) -> set[str]:
        """Of the pages and downloads made again, and the pages `kept` as the last build wrote them: those that
        come out as the last build wrote them."""
        if signature != self.pages.signature:
            return set()
        return kept | {path for path, page in pages.items() if self.pages.output_unchanged(path, page)} | {
            path for path, text in downloads.items() if self.downloads.get(path) == text_digest(text)}

    def dump(self) -> bytes:
        return pickle.dumps((FORMAT, self.pages.dump(), self.downloads, self.outputs), protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: Path) -> LastBuild:
        """What a build in another process left at `path`; nothing if it cannot be read."""
        try:
            version, pages, downloads, outputs = pickle.loads(path.read_bytes())
        except Exception:  # missing, cut short, or written by another version: everything is made again
            return cls()
        return cls(PageCache.load_bytes(pages), downloads, outputs) if version == FORMAT else cls()


FORMAT = 1


def code_signature() -> bytes:
    """Changes when the plugin's own code or templates change (an upgrade, or a developer's edit)."""
    digest = hashlib.blake2b()
    for path in sorted(Path(__file__).resolve().parent.parent.rglob("*")):
        if path.suffix in (".py", ".md", ".css", ".js", ".html") and path.is_file():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
    return digest.digest()


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


@dataclass
class Outputs:
    """Where the plugin's files went in the last finished build. The page of an entity since deleted or
    renamed would otherwise stay in the site folder, served, and indexed by search: a dirty rebuild
    removes it, and the folders it leaves empty. Only files the plugin made are removed, and only when no
    file of this build (a hand-written page included) is written there."""

    site_dir: str = ""
    dest_uris: frozenset[str] = frozenset()

    def record(self, site_dir: str, made: list[File]) -> None:
        self.site_dir, self.dest_uris = site_dir, frozenset(f.dest_uri for f in made)

    def remove_stale(self, site_dir: str, files: Files) -> list[str]:
        """Remove from `site_dir` what the last build made and this one (`files`) does not; say what."""
        if site_dir != self.site_dir:  # another site folder: nothing of it was made by this plugin
            return []
        site = Path(site_dir)
        stale = sorted(self.dest_uris - {f.dest_uri for f in files})
        for dest_uri in stale:
            path = site / dest_uri
            path.unlink(missing_ok=True)
            for folder in path.parents:
                if folder == site or not folder.is_relative_to(site) or not folder.is_dir() or any(folder.iterdir()):
                    break
                folder.rmdir()
        return stale


@dataclass
class SearchEntries:
    """A page-by-page search index (MkDocs' or Material's `search` plugin, in `search/search_index.json`)
    under dirty rebuilds. Those plugins index the pages built in a round, and with `--dirty` MkDocs builds
    only the modified ones: MkDocs' plugin then lists only those, and Material's adds them to its last index
    assuming one page was rebuilt (it drops the first one's old entries and appends the new ones), so that
    the other rebuilt pages are listed twice and a deleted page stays listed. After them, the index is
    written again: each current page with its entries of this round if it was built, else those it had
    after the last finished build."""

    pages: dict[str, list[dict]] | None = None  # page URL: its entries, as the last finished build left them
    site_dir: str = ""

    def repair(self, site_dir: str, built: set[str], pages: Callable[[], list[str]]) -> int:
        """After a dirty build, make the index in `site_dir` list the entries of the current pages (`pages()`,
        asked only when there is such an index: 16,000 pages take a while to list; those in `built` were built
        in this round); how many pages it lists if it was rewritten, else 0. The first build is recorded."""
        path = Path(site_dir, SEARCH_INDEX)
        data = _read_json(path)
        docs = data.get("docs") if isinstance(data, dict) else None
        if not isinstance(docs, list) or not all(isinstance(e, dict) for e in docs) or "index" in data:
            self.pages = None  # no index of this kind (or one prebuilt from the entries: left alone)
            return 0
        current = pages()
        latest = _latest_entries(docs)
        last = self.pages if site_dir == self.site_dir else None
        self.pages = {url: latest.get(url, []) if last is None or url in built else last.get(url, latest.get(url, []))
                      for url in current}
        self.site_dir = site_dir
        listed = [entry for url in current for entry in self.pages[url]]
        if listed == docs:
            return 0
        data["docs"] = listed
        path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
        return len(current)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _latest_entries(docs: list[dict]) -> dict[str, list[dict]]:
    """Each page's latest entries in an index where a page's entries come together, its first one (the page
    itself) first, and a rebuilt page's new entries after its old ones."""
    found: dict[str, list[dict]] = {}
    page, group = None, None
    for entry in docs:
        location = str(entry.get("location", ""))
        url = location.split("#", 1)[0]
        if group is None or url != page or location == url or any(e.get("location") == location for e in group):
            page, group = url, []
            found[url] = group
        group.append(entry)
    return found
