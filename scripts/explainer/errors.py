"""Errors in story data: each one knows the file and line it comes from."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True, order=True)
class Location:
    """A place in a data file; `line` is 1-based."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


@dataclass(frozen=True, order=True)
class StoryError:
    """One problem with the story data, reported as `file:line: message`."""

    where: Location
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {printable(self.message)}"


class StoryInvalid(Exception):
    """The data has errors; all of them are in `errors`, sorted by place."""

    def __init__(self, errors: Iterable[StoryError]):
        self.errors = sorted(set(errors))
        super().__init__(f"{len(self.errors)} error(s) in story data")

    def report(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is inside it, so messages stay short; a link
    is named as itself, not as what it points to."""
    absolute = Path(os.path.abspath(path))
    try:
        shown = absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return printable(shown)


# line breaks would split one error over several lines; direction overrides would show text reversed
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` on one line, with control and direction characters written as escapes (`\\n`, `\\u202e`)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1] if m.group() in "\n\r\t" else f"\\u{ord(m.group()):04x}",
                            text)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
