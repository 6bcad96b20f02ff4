"""Reading a built site: pages parsed with an HTML parser, and a checker for internal links and anchors."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# links in HTML, and in inline SVG, whose links are `xlink:href` (Zensical would rebase a plain `href`)
LINKS = "a[href], a[xlink\\:href]"


def href(a) -> str:
    return a["href"] if a.has_attr("href") else a["xlink:href"]


@dataclass
class Site:
    root: Path

    @cached_property
    def pages(self) -> dict[str, BeautifulSoup]:
        """Every HTML page by its path under the site root (`actors/dmitry-peskov/index.html`)."""
        return {p.relative_to(self.root).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
                for p in sorted(self.root.rglob("*.html"))}

    def page(self, url_path: str) -> BeautifulSoup:
        return self.pages[page_file(url_path)]

    def links(self, page: str) -> list[tuple[str, str]]:
        """(target file, anchor) of each internal link on `page`, resolved against the page's place."""
        found = []
        for a in self.pages[page].select(LINKS):
            target = resolve(page, href(a))
            if target is not None:
                found.append(target)
        return found

    def content_links(self, url_path: str) -> set[str]:
        """Files linked from the article body of a page (not the header, nav or footer)."""
        page = page_file(url_path)
        article = self.pages[page].select_one("article")
        return {t[0] for a in article.select(LINKS) if (t := resolve(page, href(a)))}

    def broken_links(self) -> list[str]:
        """`page -> href` for each internal link whose file or anchor does not exist."""
        broken = []
        # 404.html is served at any address, so MkDocs gives it root-absolute links; nothing to resolve here
        for page in (p for p in self.pages if p != "404.html"):
            for target, anchor in self.links(page):
                path = self.root / target
                if not path.is_file():
                    broken.append(f"{page} -> {target}")
                elif anchor and target.endswith(".html") and not self._has_id(target, anchor):
                    broken.append(f"{page} -> {target}#{anchor}")
        return broken

    def _has_id(self, target: str, anchor: str) -> bool:
        return self.pages[target].find(id=anchor) is not None


def page_file(url_path: str) -> str:
    """`actors/kirby/` -> `actors/kirby/index.html`; the empty path is the home page."""
    return url_path.rstrip("/") + "/index.html" if url_path.strip("/") else "index.html"


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The site file and anchor an href on `page` points to, or None for outside addresses."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if href.split("#")[0].endswith("/") or path == ".":
        path = posixpath.join(path, "index.html") if path != "." else "index.html"
    return path, unquote(parts.fragment)
