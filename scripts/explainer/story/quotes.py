"""Checking that quoted words stand verbatim in a source's text.

Typographic quote marks, dashes and runs of whitespace are made uniform on both sides
first; an elision marked `[...]` or `…` in a quote may stand for any stretch of text.
"""

from __future__ import annotations

import difflib
import functools
import re

_UNIFORM = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                          "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
                          "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " "})
_ELISION = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|…|\.\.\.)\s*")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=256)
def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_UNIFORM)).strip()


def find(quote: str, text: str) -> str | None:
    """None when `quote` stands in `text`; otherwise the passage of `text` closest to it."""
    haystack = normalise(text)
    start = 0
    for piece in (normalise(p) for p in _ELISION.split(quote)):
        if not piece:
            continue
        at = haystack.find(piece, start)
        if at < 0:
            return closest(piece, haystack)
        start = at + len(piece)
    return None


def closest(piece: str, haystack: str) -> str:
    """The stretch of `haystack` that shares the longest run with `piece`, as long as `piece`."""
    match = difflib.SequenceMatcher(None, haystack, piece, autojunk=False).find_longest_match(
        0, len(haystack), 0, len(piece))
    begin = max(0, match.a - match.b)
    passage = haystack[begin:begin + len(piece)]
    return passage if len(passage) <= 200 else passage[:200] + "..."
