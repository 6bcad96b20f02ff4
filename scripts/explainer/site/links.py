"""Entity links in hand-written Markdown: `[[dmitry-peskov]]` or `[[dmitry-peskov|the spokesman]]`.

A link becomes an ordinary Markdown link to the entity's page, relative to the page it is
written on. Code spans and fenced code are left alone, so the syntax can be documented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import text
from . import urls
from ..errors import did_you_mean
from ..story.graph import Story
from ..story.kinds import kind_of

_CODE = re.compile(r"(^(?:```|~~~)[^\n]*\n.*?^(?:```|~~~)[ \t]*$|`[^`\n]+`)", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"(?<!\\)\[\[([^\]|\n]+?)(?:\|([^\]\n]+))?\]\]")


@dataclass
class Expanded:
    markdown: str
    unknown: list[str] = field(default_factory=list)  # messages, one per unknown id


def expand(markdown: str, page: str, story: Story) -> Expanded:
    """`markdown` with every `[[id]]` outside code turned into a link from `page`."""
    result = Expanded("")
    pieces = _CODE.split(markdown)
    # odd pieces are code, kept as written
    result.markdown = "".join(piece if i % 2 else _LINK.sub(lambda m: _link(m, page, story, result), piece)
                              for i, piece in enumerate(pieces))
    return result


def _link(match: re.Match, page: str, story: Story, result: Expanded) -> str:
    entity_id, label = match.group(1).strip(), match.group(2)
    entity = story.get(entity_id)
    if entity is None:
        result.unknown.append(f"links to unknown id '{entity_id}'{did_you_mean(entity_id, story.by_id)}")
        return match.group(0)
    target = urls.relative(page, urls.entity_page(kind_of(entity), entity.id))
    return f"[{label.strip() if label else text.md(entity.heading())}]({target})"
