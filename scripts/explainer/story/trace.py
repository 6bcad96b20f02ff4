"""What a page asked of the story, and whether another story answers it the same.

A generated page is a function of its job (path, template, fixed front matter, prose) and of what the
story answered while its page was made. Every public read of the story is a *query*: a Story method or
property, or a look-up in `story.by_id` or `story.texts`. While a page is recorded, each query it asks
is kept as a key (the query's name and its arguments, entities named by id) with a digest of its answer.
A later build reuses the page when its job is the same and every key gets an answer with the same digest
from the new story: the check asks the new story the same questions, it does not guess which entities a
page shows. A query asked inside another is not kept; the outer answer covers it.

Answers are digested by value: entities by their whole record and where it was written, the page's
views and pictures field by field. A type the digest does not know is an error, not a guess.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from pydantic import BaseModel

from .model import Entity

if TYPE_CHECKING:
    from .graph import Story

Key = tuple  # (query name, argument, ...): entities as ("@", id), lists of them as tuples

_QUERIES: dict[str, Callable[..., Any]] = {}   # name: how to ask a story, given decoded arguments
_ANSWERS: dict[str, Callable[[Any], Any]] = {}  # name: what of the answer its digest covers
_MEMO: set[str] = set()  # the names of queries whose answers the story keeps
_local = threading.local()  # the recording under way in this thread, and how deep in queries it is


class Recording:
    """The keys one page asked, outermost queries only."""

    def __init__(self, answers: Answers):
        self.answers = answers
        self.asked: set[Key] = set()
        self.depth = 0


@contextlib.contextmanager
def recording(story: Story) -> Iterator[Recording]:
    """`with recording(story) as asked:` keeps in `asked.asked` every query the block asks of `story`."""
    outer = getattr(_local, "recording", None)
    _local.recording = found = Recording(story.answers)
    try:
        yield found
    finally:
        _local.recording = outer


def query(method: Callable | None = None, *, answer: Callable[[Any], Any] | None = None, memo: bool = False):
    """Mark a Story method as a query: asked while a page is recorded, it is kept with its answer's digest.
    `answer` picks what the digest covers (the default: all of it); `memo` keeps the answer for the
    story's lifetime (derived answers every page asks for)."""

    def wrap(method: Callable) -> Callable:
        name = method.__name__
        if name in _QUERIES:
            raise ValueError(f"two queries are called {name!r}: a key must name one")
        _QUERIES[name] = method
        if memo:
            _MEMO.add(name)
        if answer is not None:
            _ANSWERS[name] = answer

        @functools.wraps(method)
        def asked(story: Story, *args: Any) -> Any:
            return _recorded(story, name, method, args, memo)

        asked.query = name
        return asked

    return wrap(method) if method is not None else wrap


def _recorded(story: Story, name: str, method: Callable, args: tuple, memo: bool) -> Any:
    """The query's answer; kept with its digest when a page of `story` is recorded and no query is under way."""
    rec = getattr(_local, "recording", None)
    if rec is None or rec.answers.story is not story or rec.depth:
        return _ask(story, name, method, args, memo)
    key = (name, *map(_encode, args))
    rec.asked.add(key)
    rec.depth += 1
    try:
        result = _ask(story, name, method, args, memo)
    except KeyError:  # "no such key" is an answer too: the key may come
        rec.answers.digests.setdefault(key, GONE)
        raise
    finally:
        rec.depth -= 1
    rec.answers.note(key, result)
    return result


def _ask(story: Story, name: str, method: Callable, args: tuple, memo: bool) -> Any:
    if not memo:
        return method(story, *args)
    key = (name, *map(_encode, args))
    found = story.memo.get(key, _MISSING)
    if found is _MISSING:
        found = story.memo[key] = method(story, *args)
    return found


class Answers:
    """Digests of one story's answers, each key digested once."""

    def __init__(self, story: Story):
        self.story = story
        self.digests: dict[Key, bytes] = {}
        self.digester = Digester()

    def inherit(self, other: Answers) -> None:
        """The records this story shares with `other` (a reload keeps the unchanged ones) keep their digests."""
        mine = self.story.by_id.raw
        self.digester.records.update({key: found for key, found in other.digester.records.items()
                                      if mine.get(getattr(found[0], "id", None)) is found[0]})

    def note(self, key: Key, result: Any) -> None:
        if key not in self.digests:
            self.digests[key] = self.digester.digest(_ANSWERS.get(key[0], _same)(result))

    def digest(self, key: Key) -> bytes:
        """The digest of this story's answer to `key`, asking it if no page has."""
        found = self.digests.get(key)
        if found is None:
            found = self.digests[key] = self._evaluate(key)
        return found

    def _evaluate(self, key: Key) -> bytes:
        name, *args = key
        method = _QUERIES.get(name)
        decoded = [_decode(self.story, a) for a in args]
        if method is None or any(a is _MISSING for a in decoded):
            return GONE  # an entity it named is gone, or a query no longer exists
        try:
            result = _ask(self.story, name, method, tuple(decoded), name in _MEMO)
        except KeyError:
            return GONE  # a look-up of an id the new story lacks
        return self.digester.digest(_ANSWERS.get(name, _same)(result))


GONE = b"gone"


def _same(result: Any) -> Any:
    return result


def _encode(arg: Any) -> Any:
    if isinstance(arg, Entity):
        return ("@", arg.id)
    if isinstance(arg, (list, tuple)):
        return tuple(_encode(a) for a in arg)
    if isinstance(arg, (str, int, type(None))):
        return arg
    raise TypeError(f"a query's argument must be an entity, an id or a list of them, not {type(arg).__name__}")


def _decode(story: Story, arg: Any) -> Any:
    if isinstance(arg, tuple) and len(arg) == 2 and arg[0] == "@":
        return story.by_id.raw.get(arg[1], _MISSING)
    if isinstance(arg, tuple):
        items = [_decode(story, a) for a in arg]
        return _MISSING if any(a is _MISSING for a in items) else items
    return arg


_MISSING = object()


class Lookup(Mapping):
    """A read-only mapping whose every read is a query: `name` (one value by key) or `name-keys`
    (which keys there are, in order)."""

    def __init__(self, story: Story, name: str, data: dict):
        self.story, self.name, self.data = story, name, data

    @property
    def raw(self) -> dict:
        """The mapping itself, for the story's own queries (whose answers are kept instead)."""
        return self.data

    def __getitem__(self, key: str) -> Any:
        return _read(self.story, self.name, key)

    def __iter__(self) -> Iterator[str]:
        return iter(_read(self.story, f"{self.name}-keys"))

    def __len__(self) -> int:
        return len(_read(self.story, f"{self.name}-keys"))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _read(self.story, f"{self.name}-has", key)


def lookups(*names: str) -> None:
    """Register the queries of the story's mappings (`story.<name>`, a Lookup over a dict)."""
    for name in names:
        _QUERIES[name] = functools.partial(_get, name)
        _QUERIES[f"{name}-keys"] = functools.partial(_keys, name)
        _QUERIES[f"{name}-has"] = functools.partial(_has, name)


def _get(name: str, story: Story, key: str) -> Any:
    return getattr(story, name).raw[key]


def _keys(name: str, story: Story) -> tuple:
    return tuple(getattr(story, name).raw)


def _has(name: str, story: Story, key: str) -> bool:
    return key in getattr(story, name).raw


def _read(story: Story, name: str, *args: Any) -> Any:
    return _recorded(story, name, _QUERIES[name], args, False)


class Digester:
    """Digests of values by content, records (entities) once each: they live as long as the story."""

    def __init__(self):
        self.records: dict[int, tuple[Any, bytes]] = {}

    def digest(self, value: Any) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        self._feed(h, value)
        return h.digest()

    def _feed(self, h, value: Any) -> None:
        # the commonest first: records, lists of them, text
        if isinstance(value, BaseModel):
            h.update(self._record(value))
        elif isinstance(value, (list, tuple)):
            h.update(b"[%d:" % len(value))
            record = self._record
            for item in value:  # lists of records are most answers: no call more than needed
                if isinstance(item, BaseModel):
                    h.update(record(item))
                else:
                    self._feed(h, item)
            h.update(b"]")
        elif isinstance(value, str):  # a str Enum is an Enum first
            h.update(f"e:{type(value).__name__}.{value.name};".encode() if isinstance(value, enum.Enum) else
                     b"s%d:" % len(value) + value.encode("utf-8", "surrogatepass"))
        elif value is None or isinstance(value, (bool, int, float)):
            h.update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, enum.Enum):
            h.update(f"e:{type(value).__name__}.{value.name};".encode())
        elif isinstance(value, (dt.date, dt.time)):  # datetime is a date
            h.update(f"d:{value.isoformat()};".encode())
        elif isinstance(value, dict):
            h.update(b"{%d:" % len(value))
            for k, v in value.items():  # insertion order is part of the answer
                self._feed(h, k)
                self._feed(h, v)
            h.update(b"}")
        elif isinstance(value, (set, frozenset)):
            h.update(b"(%d:" % len(value) + b"".join(sorted(self.digest(v) for v in value)) + b")")
        elif _is_story(value):
            h.update(b"story;")  # what a page reads through it is recorded as queries of its own
        elif (names := _field_names(type(value))) is not None:  # a dataclass
            h.update(f"<{type(value).__qualname__}:".encode())
            for name in names:
                self._feed(h, getattr(value, name))
            h.update(b">")
        elif isinstance(value, Path):
            h.update(f"p:{value};".encode())
        elif isinstance(value, type) or callable(value):
            h.update(f"c:{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)};".encode())
        else:
            raise TypeError(f"no digest for a {type(value).__qualname__} in a story's answer")

    def _record(self, record: BaseModel) -> bytes:
        found = self.records.get(id(record))
        if found is None or found[0] is not record:
            h = hashlib.blake2b(digest_size=16)
            h.update(type(record).__qualname__.encode() + b":" + record.model_dump_json().encode())
            where = getattr(record, "where", None)
            if where is not None:
                h.update(f"@{where.path}:{where.line}".encode())
            found = self.records[id(record)] = (record, h.digest())  # the record kept: its id is not reused
        return found[1]


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass, None for any other class."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def _is_story(value: Any) -> bool:
    return type(value).__name__ == "Story" and hasattr(value, "answers")
