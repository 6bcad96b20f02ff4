"""What one load of a story made of each file, kept for the next load in the same process.

`mkdocs serve` reloads the story after every save, and a save changes one file of many: a data file
whose text is the same gives the same records, a record gives the same entity, a source text file
unchanged on disk the same text, and a quote checked against the same text the same result. Only
what changed is parsed and checked again (at 10,000 claims, 12 claim files: one of them). Only the
last load's results are kept, so the memory held is one story's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable


@dataclass
class Reuse:
    files: dict[Path, tuple[str, Any]] = field(default_factory=dict)     # path: (text, what loading it gave)
    records: dict[int, tuple[Any, Any]] = field(default_factory=dict)   # id(raw record): (raw, what it built)
    texts: dict[Path, tuple[tuple, Any]] = field(default_factory=dict)  # path: ((mtime, size), text or error)
    quotes: dict[tuple[str, str], Any] = field(default_factory=dict)    # (quote, text): the check's result
    _next: Reuse | None = None

    def start(self) -> Reuse:
        """A load begins: what it uses is kept for the next, the rest let go."""
        self._next = Reuse()
        return self

    def finish(self) -> None:
        if self._next is not None:
            nxt, self._next = self._next, None
            self.files, self.records, self.texts, self.quotes = nxt.files, nxt.records, nxt.texts, nxt.quotes

    def file(self, path: Path, text: str, load: Callable[[], Any]) -> Any:
        found = self.files.get(path)
        result = found[1] if found is not None and found[0] == text else load()
        self._next.files[path] = (text, result)
        return result

    def record(self, raw: Any, build: Callable[[], Any]) -> Any:
        found = self.records.get(id(raw))
        result = found[1] if found is not None and found[0] is raw else build()
        self._next.records[id(raw)] = (raw, result)  # the raw record kept too: its id is not reused
        return result

    def text(self, path: Path, read: Callable[[], Any]) -> Any:
        try:
            status = path.stat()
            stamp: tuple = (status.st_mtime_ns, status.st_size, status.st_ino)
        except OSError:
            return read()  # the reader says what is wrong with it
        found = self.texts.get(path)
        result = found[1] if found is not None and found[0] == stamp else read()
        self._next.texts[path] = (stamp, result)
        return result

    def quote(self, quote: str, text: str, check: Callable[[], Any]) -> Any:
        key = (quote, text)
        found = self.quotes.get(key, _NONE)
        result = check() if found is _NONE else found
        self._next.quotes[key] = result
        return result


_NONE = object()
