"""The one way explainer changes an editor's data files (`explainer new`, `ingest`, anything later).

A change is staged in memory, checked against the story as it would be, and only then written:
- only regular files inside the data folder (links resolved) may be written;
- one command at a time: an advisory lock on the data folder, which the system releases if the
  command dies, so a killed run never leaves the folder locked;
- a file that changed on disk since the change read it (an editor saved it meanwhile) is not
  overwritten: the change is refused and can be redone on the new contents;
- the story must validate with the new contents before anything is replaced;
- each file is replaced atomically, texts before the YAML that names them, so an interrupted run
  leaves whole files and a rerun finishes the job;
- temporary files an interrupted run left behind are removed (under the lock, none is in use).
"""

from __future__ import annotations

import errno
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from ..errors import display_path
from ..files import leftovers, write_atomic
from ..story.graph import Story, load_story
from ..story.loader import is_yaml

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; changes still validate first and replace atomically
    fcntl = None

LOCK_WAIT_SECONDS = 30.0
T = TypeVar("T")


class ChangeRefused(Exception):
    """A change that was not made, with the reason in one line; nothing was written."""


class ChangedMeanwhile(ChangeRefused):
    """A file changed on disk after the change read it: redo the change on what is there now."""


@dataclass
class DataChange:
    """New contents for files of one data folder, written together once the story validates with them."""

    data_dir: Path
    staged: dict[Path, bytes] = field(default_factory=dict)
    read: dict[Path, bytes | None] = field(default_factory=dict)  # what each file held when we read it
    cleaned: list[Path] = field(default_factory=list)
    _lock: int | None = None

    def __enter__(self) -> DataChange:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock_folder(self.data_dir)
        self.cleaned = leftovers(self.data_dir)
        for path in self.cleaned:
            path.unlink(missing_ok=True)
        return self

    def __exit__(self, *exc) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None

    def current(self, path: Path) -> bytes | None:
        """What `path` holds (None: it does not exist), remembered so a later change to it is noticed."""
        path = self._inside(path)
        if path not in self.read:
            self.read[path] = _bytes(path)
        return self.staged.get(path, self.read[path])

    def stage(self, path: Path, content: bytes) -> None:
        path = self._inside(path)
        self.current(path)
        self.staged[path] = content

    def commit(self) -> Story:
        """Validate the story with the staged files, then write them; return the story as written.
        Raises StoryInvalid (nothing written) or ChangedMeanwhile (nothing written)."""
        story = load_story(self.data_dir, {path: data.decode("utf-8-sig") for path, data in self.staged.items()})
        for path, before in self.read.items():
            if _bytes(path) != before:
                raise ChangedMeanwhile(f"{display_path(path)} changed while explainer was changing it "
                                       "(saved in an editor?); nothing was written")
        # texts first: a YAML file must never name a text that is not there yet
        for path in sorted(self.staged, key=is_yaml):
            write_atomic(path, self.staged[path])
        return story

    def _inside(self, path: Path) -> Path:
        resolved = path.resolve()
        root = self.data_dir.resolve()
        if not resolved.is_relative_to(root) or resolved == root:
            raise ChangeRefused(f"{display_path(path)} is not inside the data folder {display_path(self.data_dir)}; "
                                "explainer writes only story data there")
        if resolved.exists() and not resolved.is_file():
            raise ChangeRefused(f"{display_path(path)} is not a regular file")
        return resolved


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _lock_folder(folder: Path) -> int | None:
    """Hold the data folder's advisory lock, waiting for another explainer command to finish."""
    if fcntl is None:
        return None
    descriptor = os.open(folder, os.O_RDONLY)
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return descriptor
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN) or time.monotonic() > deadline:
                os.close(descriptor)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise ChangeRefused(f"another explainer command has been changing {display_path(folder)} "
                                        f"for {LOCK_WAIT_SECONDS:.0f} s; try again when it is done") from None
                raise
            time.sleep(0.05)


def change_data(data_dir: Path, make: Callable[[DataChange], T], tries: int = 3) -> T:
    """`make(change)` in a fresh change of `data_dir`, redone while a file changed underneath it
    (at most `tries` times; then ChangedMeanwhile is raised and nothing was written)."""
    for _ in range(tries - 1):
        with DataChange(data_dir) as change:
            try:
                return make(change)
            except ChangedMeanwhile:
                continue
    with DataChange(data_dir) as change:
        return make(change)
