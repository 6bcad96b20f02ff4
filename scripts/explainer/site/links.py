"""Entity links in hand-written Markdown: `[[dmitry-peskov]]` or `[[dmitry-peskov|the spokesman]]`.

A link becomes an ordinary Markdown link to the entity's page, relative to the page it is
written on. Code spans and fenced code are left alone, so the syntax can be documented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (line, message), one per unknown id


def expand(markdown: str, page: str, story: Story, first_line: int = 1) -> Expanded:
    """`markdown` with every `[[id]]` outside code turned into a link from `page`. Unknown ids are
    reported with their line, counted from `first_line` (where `markdown` starts in its file)."""
    result = Expanded("")
    out, offset = [], 0
    for i, piece in enumerate(_CODE.split(markdown)):
        if i % 2:  # code, kept as written
            out.append(piece)
        else:
            line = first_line + markdown.count("\n", 0, offset)
            out.append(_LINK.sub(lambda m: _link(m, page, story, result, line + piece.count("\n", 0, m.start())),
                                 piece))
        offset += len(piece)
    result.markdown = "".join(out)
    return result


def _link(match: re.Match, page: str, story: Story, result: Expanded, line: int) -> str:
    entity_id, label = match.group(1).strip(), match.group(2)
    entity = story.get(entity_id)
    if entity is None:
        result.unknown.append((line, f"links to unknown id '{entity_id}'{did_you_mean(entity_id, story.by_id)}"))
        return match.group(0)
    target = urls.relative(page, urls.entity_page(kind_of(entity), entity.id))
    return f"[{label.strip() if label else text.md(entity.heading())}]({target})"


def check_docs(docs_dir: Path, story: Story) -> list[str]:
    """`docs/page.md:line: message` for every `[[id]]` in the hand-written pages that names no entity."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        body = text.split_front_matter(source)[1]
        page = path.relative_to(docs_dir).as_posix()
        expanded = expand(body.lstrip(), page, story, text.first_line(source, body))
        problems += [f"{docs_dir.name}/{page}:{line}: {message}" for line, message in expanded.unknown]
    return problems
