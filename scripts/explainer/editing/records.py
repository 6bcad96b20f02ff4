"""Adding a record to a data file the way an editor would: comments, order and layout kept.

ruamel.yaml's round-trip mode rewrites only what changed; the file is replaced atomically,
and put back as it was when the story no longer validates with the new record.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from ..files import write_atomic
from ..story.graph import Story
from ..text import slug
from ..story.kinds import Kind



def fresh_id(text: str, taken: set[str], kind: str) -> str:
    """An ASCII id made from `text`, unique among the story's ids."""
    return slug(text, set(taken), f"new-{kind}")


def target_file(story: Story, data_dir: Path, kind: Kind) -> Path:
    """The data file that already holds the most records of this kind, else `data/<section>.yml`."""
    counts = Counter(e.where.path for e in story.of_kind(kind.name))
    return counts.most_common(1)[0][0] if counts else data_dir / f"{kind.section}.yml"


class _Representer(RoundTripRepresenter):
    """ruamel.yaml writes YAML 1.2, where `no` and `on` are words; the story is read as YAML 1.1,
    where they are false and true. Text that YAML 1.1 would read as anything but text is quoted."""


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


def add_record(path: Path, section: str, record: dict[str, Any]) -> tuple[bytes | None, int]:
    """Append `record` to `section` of `path`; return the old bytes (None: new file) and its line."""
    yaml = round_trip_yaml()
    old = path.read_bytes() if path.exists() else None
    document = yaml.load(old) if old else None
    document = document if isinstance(document, CommentedMap) else CommentedMap()
    records = document.setdefault(section, CommentedSeq())
    if records is None:
        records = document[section] = CommentedSeq()
    records.append(CommentedMap(record))
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    write_atomic(path, text)
    return old, _line_of(text, record["id"])


def restore(path: Path, old: bytes | None) -> None:
    if old is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, old)


def _line_of(text: str, record_id: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"^\s*-\s+id:\s*['\"]?{re.escape(record_id)}['\"]?\s*$", line):
            return number
    return 1
