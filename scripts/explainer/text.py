"""Putting text from data safely into Markdown, and saying dates and labels in words."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
from typing import Any

import yaml
from mkdocs.utils.meta import get_data

# Every ASCII punctuation mark that Markdown or one of the enabled extensions could read as syntax.
# `pymdownx.escapeall` lets a backslash escape any of them; `'`, `,`, `;`, `?` and `/` are inert.
_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:<>&$@%\"])")
_SPACE = re.compile(r"\s+")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def md(text: Any) -> str:
    """Text shown as itself in Markdown, on one line: nothing in it is read as markup."""
    return _SYNTAX.sub(r"\\\1", _SPACE.sub(" ", str(text)).strip())


def md_run(text: Any) -> str:
    """Like `md`, keeping a space at either end: for a stretch of text that continues another."""
    return _SYNTAX.sub(r"\\\1", _SPACE.sub(" ", str(text)))


def md_paragraphs(text: str) -> str:
    """Like `md`, keeping blank-line paragraph breaks."""
    return "\n\n".join(md(p) for p in re.split(r"\n\s*\n", text) if p.strip())


def day(date: dt.date | None) -> str:
    """`3 May 2023`, the same in every locale; `date unknown` when there is none."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}" if date else "date unknown"


def slug(text: str, taken: set[str], fallback: str) -> str:
    """An ASCII id made from `text` (accents dropped), unique among `taken`, which it joins."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:8])[:60].strip("-") or fallback
    candidate = base if base not in taken else f"{base}-{_free_suffix(base, taken)}"
    taken.add(candidate)
    return candidate


def _free_suffix(base: str, taken: set[str], probe: int = 50) -> int:
    """The first n >= 2 with `base-n` free; past `probe` tries, suffixes are taken to run without gaps
    (as this function hands them out), so the end of the run is found by doubling then halving: a
    draft with thousands of identical summaries stays linear."""
    for n in range(2, probe):
        if f"{base}-{n}" not in taken:
            return n
    low, high = probe - 1, probe  # low is taken; find a free high
    while f"{base}-{high}" in taken:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if f"{base}-{middle}" in taken else (low, middle)
    return high


def sentence(words: str) -> str:
    """`words` with a capital first letter (and nothing else changed)."""
    return words[:1].upper() + words[1:]


def short(text: str, limit: int = 90) -> str:
    """The start of `text`, cut at a word boundary."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def front_matter(meta: dict[str, Any], body: str) -> str:
    """A Markdown page with front matter, written as JSON (which YAML reads as flow mappings):
    values are dumped, never pasted, so they cannot break out, and it is much faster to write."""
    if not meta:
        return body
    return f"---\n{json.dumps(meta, ensure_ascii=False, indent=1)}\n---\n\n{body}"


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    """(meta, body) of a hand-written Markdown page, read as MkDocs reads it."""
    body, meta = get_data(source)
    return meta, body


def first_line(source: str, body: str) -> int:
    """The line of `source` (a page with front matter) on which its `body` begins."""
    start = source.find(body.lstrip()[:200]) if body.strip() else -1
    return 1 + source.count("\n", 0, start) if start >= 0 else 1


_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*$", re.DOTALL | re.MULTILINE)


def front_matter_aliases(source: str) -> bool:
    """Whether a page's front matter uses YAML aliases (`*name`): copied into a generated page's front
    matter they would be expanded, and nested aliases grow exponentially ("billion laughs")."""
    found = _FRONT.match(source)
    if not found:
        return False
    try:
        return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(found.group(1)))
    except yaml.YAMLError:
        return False  # MkDocs reports front matter it cannot read


def json_text(data: Any) -> str:
    """`data` as indented JSON, written piece by piece: `json.dumps` with an indent joins a list of every
    piece, which for a story's data file (30,000 claims: 30 MB) holds several times its size at once."""
    out = io.StringIO()
    json.dump(data, out, indent=2, ensure_ascii=False)
    return out.getvalue()
