"""What a page adds to its `<head>`: how a shared link previews (Open Graph and Twitter cards) and
its schema.org data. Works on any theme: the plugin puts it before `</head>`."""

from __future__ import annotations

from html import escape
from typing import Any

from . import jsonld


JSONLD = "jsonld"  # the front matter key of a page's schema.org data, written into its head


def head_tags(meta: dict[str, Any], title: str, site_name: str, site_description: str | None,
              url: str | None) -> str:
    """Tags for a page with front matter `meta`; `title` and `site_description` stand in for a
    hand-written page that has no `share` of its own. Every value is escaped here."""
    share = meta.get("share") if isinstance(meta.get("share"), dict) else {}
    values = {"og:title": share.get("title") or title, "og:description": share.get("description") or site_description,
              "og:type": share.get("type") or "website", "og:site_name": site_name, "og:url": url}
    tags = [f'<meta property="{name}" content="{escape(str(value))}">' for name, value in values.items() if value]
    tags += ['<meta name="twitter:card" content="summary">',
             f'<meta name="twitter:title" content="{escape(str(values["og:title"]))}">']
    if values["og:description"]:
        tags.append(f'<meta name="twitter:description" content="{escape(str(values["og:description"]))}">')
    if isinstance(meta.get(JSONLD), dict):
        tags.append(jsonld.script(meta[JSONLD]))
    return "\n".join(tags)


def footer(output: str, links: list[tuple[str, str]]) -> str:
    """The page with links to the about and corrections pages at the start of its footer (any theme)."""
    if not links or "</footer>" not in output:
        return output
    nav = " · ".join(f'<a href="{escape(href)}">{escape(label)}</a>' for href, label in links)
    block = f'<nav class="explainer-footer md-grid" aria-label="About this site">{nav}</nav>'
    head, _, rest = output.rpartition("</footer>")
    return f"{head}{block}</footer>{rest}"
