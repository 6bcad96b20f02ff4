"""Read the YAML files of a story into raw records that remember their file and line.

PyYAML's `safe_load` keeps the last of two duplicate keys and forgets line numbers, so
we compose the node tree ourselves and build plain values from it. Raw dicts never
leave this module's callers in `validate`; everything later sees typed models.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from ..errors import Location, StoryError, did_you_mean
from .kinds import STORY_SECTION, section_models
from .reuse import Reuse

MAX_FILE_BYTES = 5_000_000
MAX_DEPTH = 50
ALIAS_REFUSED = "YAML aliases (*name) are not allowed in story data"
REUSED = "this anchored value is used again through a YAML alias (*name); aliases are not allowed in story data"

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class RawRecord:
    """One record as written: its kind, its values, and the line of each value."""

    kind: str
    data: Any
    where: Location
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest written part of `path` (a missing field points at its record)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.where.line


class _LoadProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _ComposeOnly(yaml.SafeLoader):
    """Composes nodes and refuses aliases, which can expand exponentially ("billion laughs")."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise _LoadProblem(mark.line + 1, ALIAS_REFUSED)
        return super().compose_node(parent, index)


Staged = Mapping[Path, str]
"""Files as a change would leave them, by resolved path: read instead of the disk, to validate before writing."""


def yaml_files(data_dir: Path, staged: Staged = {}) -> list[Path]:
    """All YAML files under `data_dir` (and those a change would add), in a stable order."""
    # a link to nothing is listed too, to be reported rather than silently skipped
    found = {p for p in data_dir.rglob("*") if is_yaml(p) and not p.is_dir()}
    root = data_dir.resolve()
    found |= {data_dir / p.relative_to(root) for p in staged if is_yaml(p) and p.is_relative_to(root)}
    return sorted(found)


def is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yml", ".yaml")


@dataclass
class Loaded:
    """What the data folder held: records, problems, and files that could not be read at all."""

    records: list[RawRecord] = field(default_factory=list)
    errors: list[StoryError] = field(default_factory=list)
    unread_ids: set[str] = field(default_factory=set)  # ids that a file which could not be read seems to define


def load_records(data_dir: Path, staged: Staged = {}, reuse: Reuse | None = None) -> Loaded:
    """Read every data file; return the records found and every problem met on the way. With `reuse`, a
    file whose text is what the last load read gives the records it gave then."""
    loaded = Loaded()
    if not data_dir.is_dir():
        loaded.errors.append(StoryError(Location(data_dir, 1), "data folder not found"))
        return loaded
    for path in yaml_files(data_dir, staged):
        text = staged.get(path.resolve())
        found, problems = _load_reusing(path, reuse) if reuse is not None and text is None else load_file(path, text)
        if problems and not found:
            loaded.unread_ids |= _ids_written_in(path, text)
        loaded.records += found
        loaded.errors += problems
    return loaded


def _load_reusing(path: Path, reuse: Reuse) -> tuple[list[RawRecord], list[StoryError]]:
    try:
        text = read_text(path)
    except (_LoadProblem, OSError):
        return load_file(path)  # which says what is wrong with it
    return reuse.file(path, text, lambda: load_file(path, text))


_ID_LINE = re.compile(r"""\bid\s*:\s*['"]?([^\s'"#,{}\[\]]+)""")


def _ids_written_in(path: Path, text: str | None) -> set[str]:
    """What look like ids in a file that could not be read as YAML: uses of them are not called unknown,
    while a misspelt id that appears nowhere still is."""
    if text is None:
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                return set()
            with path.open("rb") as handle:  # a file too big or not UTF-8 is searched all the same
                text = handle.read(MAX_FILE_BYTES).decode("utf-8", "replace")
        except OSError:
            return set()
    return set(_ID_LINE.findall(text))


def load_file(path: Path, text: str | None = None) -> tuple[list[RawRecord], list[StoryError]]:
    """The records of one file (or of `text`, what it would hold), or the errors that kept it from being read."""
    try:
        text = read_text(path) if text is None else _within_limit(text)
        root = _compose(text)
    except _LoadProblem as problem:
        return [], [StoryError(Location(path, problem.line), problem.message)]
    except OSError as exc:
        reason = "a link to a file that does not exist" if path.is_symlink() and not path.exists() else exc.strerror
        return [], [StoryError(Location(path, 1), f"cannot read: {reason}")]
    if root is None:
        return [], []
    errors: list[StoryError] = []
    values = _Values(path, errors)
    try:
        top = values.build(root, ())
    except _LoadProblem as problem:
        return [], [StoryError(Location(path, problem.line), problem.message)]
    if not isinstance(top, dict):
        return [], [StoryError(Location(path, root.start_mark.line + 1),
                               "a data file must be a mapping with sections " + _section_list())]
    return _records(path, top, values, errors), errors


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A regular file's text as UTF-8 (a byte-order mark is dropped), refusing oversized files. At most
    `limit` + 1 bytes are read: a device or a growing file says nothing true about its size."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        raise _LoadProblem(1, "not a regular file")
    if status.st_size > limit:
        raise _LoadProblem(1, f"file is {status.st_size:,} bytes; the limit is {limit:,}")
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:  # it grew while we read it
        raise _LoadProblem(1, f"file is over {limit:,} bytes, the limit")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _LoadProblem(raw.count(b"\n", 0, exc.start) + 1, "file is not valid UTF-8 text") from None


def _within_limit(text: str, limit: int = MAX_FILE_BYTES) -> str:
    """What a file would hold, refused as the file itself would be: a change is checked as it will load."""
    size = len(text.encode("utf-8"))
    if size > limit:
        raise _LoadProblem(1, f"file would be {size:,} bytes; the limit is {limit:,}")
    return text


def read_source_text(path: Path, data_dir: Path, staged: Staged = {}) -> str:
    """A source's full text, for quote checking; raises ValueError with a readable reason. The file must
    be inside the data folder (links resolved): a story's data never reads, or shows, files elsewhere."""
    resolved = path.resolve()
    if not resolved.is_relative_to(data_dir.resolve()):
        raise ValueError("must be a file inside the data folder")
    if resolved in staged:
        try:
            return _within_limit(staged[resolved])
        except _LoadProblem as problem:
            raise ValueError(problem.message) from None
    try:
        return read_text(resolved)
    except _LoadProblem as problem:
        raise ValueError(problem.message) from None
    except OSError as exc:
        raise ValueError(f"cannot read text file '{path.name}': {exc.strerror}") from None


# libyaml, when PyYAML has it, scans about ten times faster than the pure-Python scanner
_FAST = getattr(yaml, "CSafeLoader", None)


def _compose(text: str):
    try:
        # libyaml composes an alias as a second reference to its anchor's node; _Values.build refuses
        # any node met twice, before expanding anything
        return yaml.compose(text, Loader=_FAST or _ComposeOnly)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return _raise(mark.line + 1 if mark else 1, f"YAML syntax error: {exc.problem or exc.context}")
    except yaml.YAMLError as exc:
        return _raise(1, f"YAML error: {exc}")
    except RecursionError:
        return _raise(1, "nesting is too deep")


def _raise(line: int, message: str):
    raise _LoadProblem(line, message)


def _section_list() -> str:
    return ", ".join(f"'{name}'" for name in section_models())


class _Values:
    """Builds plain Python values from YAML nodes, recording the line of every path."""

    def __init__(self, path: Path, errors: list[StoryError]):
        self.path = path
        self.errors = errors
        self.lines: dict[Path_, int] = {}
        self.failed: set[Path_] = set()  # values already reported as unreadable
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def build(self, node, path: Path_):
        if id(node) in self.seen:
            raise _LoadProblem(node.start_mark.line + 1, REUSED)
        self.seen.add(id(node))
        self.lines[path] = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:
            return self._error(node, path, "nesting is too deep")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                return self._error(node, path, f"unsupported YAML tag '{node.tag}'")
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if not node.tag.startswith("tag:yaml.org,2002:") or node.tag.startswith("tag:yaml.org,2002:python"):
            return self._error(node, path, f"unsupported YAML tag '{node.tag}'")
        if not node.style and ":" in node.value and node.tag.endswith((":int", ":float")):
            return node.value  # YAML 1.1 reads 02:27 as a base-60 number; editors mean a time
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError, TypeError):
            # e.g. 2023-02-30 looks like a date but is none: keep the text, the field check explains it
            return node.value

    def _mapping(self, node, path: Path_) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            return self._error(node, path, f"unsupported YAML tag '{node.tag}'")
        out: dict = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, path + ("<key>",)) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self._error(key_node, path + ("<key>",), "keys must be plain text")
                continue
            if key in out:
                first = self.lines[path + (key,)]
                self._error(key_node, path + ("<key>",), f"duplicate key '{key}' (first given on line {first})")
                continue
            out[key] = self.build(value_node, path + (key,))
            self.lines[path + (key,)] = key_node.start_mark.line + 1
        return out

    def _error(self, node, path: Path_, message: str) -> None:
        self.failed.add(path)
        self.errors.append(StoryError(Location(self.path, node.start_mark.line + 1), message))
        return None


def _records(path: Path, top: dict, values: _Values, errors: list[StoryError]) -> list[RawRecord]:
    lines = values.lines
    own = _lines_by_record(lines)
    records = []
    sections = section_models()
    for section, value in top.items():
        where = Location(path, lines[(section,)])
        if section not in sections:
            errors.append(StoryError(where, f"unknown section '{section}'{did_you_mean(section, sections)};"
                                            f" sections are {_section_list()}"))
            continue
        kind = sections[section][0]
        if section == STORY_SECTION:
            records.append(RawRecord(kind, value, where, own.get((section,), {})))
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            errors.append(StoryError(where, f"section '{section}' must be a list of {kind}s"))
            continue
        for i, item in enumerate(value):
            if (section, i) in values.failed:
                continue
            where = Location(path, lines[(section, i)])
            records.append(RawRecord(kind, item, where, own.get((section, i), {})))
    return records


def _lines_by_record(lines: dict[Path_, int]) -> dict[Path_, dict[Path_, int]]:
    """Split the file's line map into one map per record, paths relative to the record, in one pass."""
    own: dict[Path_, dict[Path_, int]] = {}
    for path, line in lines.items():
        cut = 1 if path[:1] == (STORY_SECTION,) else 2
        if len(path) >= cut:
            own.setdefault(path[:cut], {})[path[cut:]] = line
    return own
