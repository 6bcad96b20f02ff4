"""Adding records to a data file the way an editor would: as new lines, every byte already there kept.

The new records are written by ruamel.yaml in the guide's style and inserted as text; the file is
read again to make sure it holds exactly what it held plus the new records. Writing is `change`'s job.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.representer import RoundTripRepresenter

from ..story.graph import Story
from ..story.kinds import Kind
from ..story.loader import MAX_FILE_BYTES
from ..text import slug


def fresh_id(text: str, taken: set[str], kind: str) -> str:
    """An ASCII id made from `text`, unique among the story's ids."""
    return slug(text, set(taken), f"new-{kind}")


def target_file(story: Story, data_dir: Path, kind: Kind) -> Path:
    """The data file that already holds the most records of this kind, else `data/<section>.yml`."""
    counts = Counter(e.where.path for e in story.of_kind(kind.name))
    return counts.most_common(1)[0][0] if counts else data_dir / f"{kind.section}.yml"


class _Representer(RoundTripRepresenter):
    """ruamel.yaml writes YAML 1.2, where `no` and `on` are words; the story is read as YAML 1.1,
    where they are false and true. Text that YAML 1.1 would read as anything but text is quoted.
    A value written twice (one date for two claims) is written out twice: story data allows no aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


_LOADER_RESOLVER = pyyaml.resolver.Resolver()


def _represent_text(representer: RoundTripRepresenter, value: str):
    as_read = _LOADER_RESOLVER.resolve(pyyaml.ScalarNode, value, (True, False))
    style = '"' if as_read != "tag:yaml.org,2002:str" else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Representer.add_representer(str, _represent_text)


def round_trip_yaml() -> YAML:
    """ruamel.yaml set to write data files the way the guide shows them."""
    yaml = YAML()
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap a long quote
    return yaml


# libyaml where PyYAML has it: a large file is read back in a fraction of the pure-Python time
_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)
_DUMPER = getattr(pyyaml, "CSafeDumper", pyyaml.SafeDumper)


class LayoutRefused(ValueError):
    """A data file laid out so that a record cannot be added without rewriting what an editor wrote."""


def with_records(old: bytes | None, section: str, records: list[dict[str, Any]]) -> bytes:
    """The file's bytes with `records` appended to its `section`. Every byte already there is kept
    (comments, quoting, number spellings, line endings, a byte-order mark): the records are inserted as
    text after the section's last item, or as a new section at the end."""
    text = old.decode("utf-8") if old else ""
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    root = pyyaml.compose(text, Loader=_LOADER) if text.strip() else None
    key, value = _section(root, section)
    column = 2
    if key is None:
        text, _ = _ended(text, newline, len(text))
        text += f"{section}:{newline}"
        at = len(text)
    elif _is_empty(value):
        # `section:` with nothing after it, or with ~, null or [], which goes
        text = text[:value.start_mark.index].rstrip(" ") + text[value.end_mark.index:]
        at = _line_end(text, key.end_mark.index)
    elif isinstance(value, pyyaml.SequenceNode) and not value.flow_style and value.value:
        at, column = _line_end(text, max(_ends(value.value[-1]))), value.start_mark.column
    else:
        raise LayoutRefused(f"line {value.start_mark.line + 1}: section '{section}' is not written as a list of "
                            "'- ' items, so a record cannot be added to it without rewriting it")
    text, at = _ended(text, newline, at)
    added = _items(section, records, column).replace("\n", newline)
    new = (text[:at] + added + text[at:]).encode("utf-8")
    _check_appended(old, new, section, records)
    return new


def with_sections(old: bytes | None, sections: dict[str, list[dict[str, Any]]]) -> bytes | None:
    """`with_records` for each section that has records, in order (None: nothing to add to no file)."""
    content = old
    for section, records in sections.items():
        if records:
            content = with_records(content, section, records)
    return content


def in_files(first: Path, sections: dict[str, list[dict[str, Any]]], current: Callable[[Path], bytes | None],
             limit: int = MAX_FILE_BYTES) -> dict[Path, bytes]:
    """{file: its new bytes}: the records added to `first` and, when one file would pass the size a data
    file may have (the loader refuses bigger ones), to `first-2.yml`, `first-3.yml`, ..., each part holding
    a slice of every section. `current(path)` is a file's present bytes (None: no such file)."""
    total = sum(map(len, sections.values()))
    parts = _parts_needed(sections, limit)
    while True:
        files = {}
        for number, part in enumerate(_slices(sections, parts), start=1):
            path = first if number == 1 else first.with_name(f"{first.stem}-{number}{first.suffix}")
            files[path] = with_sections(current(path), part)
        biggest = max(len(content or b"") for content in files.values())
        if biggest <= limit or parts >= total:  # else the loader names the file that is still too big
            return {path: content for path, content in files.items() if content is not None}
        parts = max(parts + 1, math.ceil(parts * biggest / (limit * 0.9)))


def _parts_needed(sections: dict[str, list[dict[str, Any]]], limit: int, sample: int = 200) -> int:
    """A first guess at how many files the records need, from the size of a few written out (writing
    all of them, only to find them too many for one file, takes a minute at 30,000 records)."""
    few = {name: records[:sample] for name, records in sections.items()}
    written = len(with_sections(None, few) or b"")
    share = sum(map(len, few.values())) / max(1, sum(map(len, sections.values())))
    return max(1, math.ceil(written / share / (limit * 0.8))) if share else 1


def _slices(sections: dict[str, list[dict[str, Any]]], parts: int) -> list[dict[str, list[dict[str, Any]]]]:
    """`sections` cut into `parts` in order, each with its share of every section."""
    return [{name: records[len(records) * i // parts:len(records) * (i + 1) // parts]
             for name, records in sections.items()} for i in range(parts)]


def line_of(data: bytes, record_id: str) -> int:
    """The line where the record with this id starts (1 when it is not found)."""
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if re.match(rf"^\s*-\s+id:\s*['\"]?{re.escape(record_id)}['\"]?\s*$", line):
            return number
    return 1


def _section(root, section: str):
    """The key and value nodes of `section` (None, None: the file has no such section)."""
    if root is not None and not isinstance(root, pyyaml.MappingNode):
        raise LayoutRefused("the file is not a mapping of sections")
    return next(((key, value) for key, value in root.value if key.value == section), (None, None)) if root else (None, None)


def _is_empty(node) -> bool:
    return (isinstance(node, pyyaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null") or \
        (isinstance(node, pyyaml.SequenceNode) and not node.value)


def _ends(node):
    """Where the text of `node` and everything inside it ends, as indexes. A block collection's own end
    lies at the next token, past the comments that follow it, so only its parts count."""
    if isinstance(node, pyyaml.ScalarNode) or node.flow_style:
        yield node.end_mark.index
    children = node.value if isinstance(node, pyyaml.SequenceNode) else \
        [part for pair in node.value for part in pair] if isinstance(node, pyyaml.MappingNode) else []
    for child in children:
        yield from _ends(child)


def _line_end(text: str, index: int) -> int:
    """The start of the line after the one `index` is on (or `index`, when it starts a line)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    found = text.find("\n", index)
    return len(text) if found == -1 else found + 1


def _ended(text: str, newline: str, at: int) -> tuple[str, int]:
    """A file whose last line has no line break gets one, so an insertion at its end starts a line."""
    if at == len(text) and text and not text.endswith("\n"):
        return text + newline, len(text) + len(newline)
    return text, at


def _items(section: str, records: list[dict[str, Any]], column: int) -> str:
    """The records as list items whose dash stands at `column`, in the style of the guide."""
    out = io.StringIO()
    round_trip_yaml().dump({section: [CommentedMap(r) for r in records]}, out)
    lines = out.getvalue().splitlines(keepends=True)[1:]  # without the "section:" line; items start at 2
    return "".join(" " * column + line[2:] if line.strip() else line for line in lines)


def _check_appended(old: bytes | None, new: bytes, section: str, records: list[dict[str, Any]]) -> None:
    """The new file must read as the old one plus the records, else it is not written."""
    before = pyyaml.load(old, Loader=_LOADER) if old else None
    after = pyyaml.load(new, Loader=_LOADER)
    expected = dict(before or {})
    expected[section] = list(expected.get(section) or []) + pyyaml.load(pyyaml.dump(records, Dumper=_DUMPER), Loader=_LOADER)
    if after != expected:
        raise LayoutRefused(f"adding to section '{section}' would change other records; nothing was written")
