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
ELISION = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|…|\.\.\.)\s*")  # left-out words: [...], […], …
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=256)
def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_UNIFORM)).strip()


def find(quote: str, text: str) -> str | None:
    """None when `quote` stands in `text`; otherwise the passage of `text` closest to it."""
    haystack = normalise(text)
    start = 0
    for piece in (normalise(p) for p in ELISION.split(quote)):
        if not piece:
            continue
        at = haystack.find(piece, start)
        if at < 0:
            return closest(piece, haystack)
        start = at + len(piece)
    return None


SHOWN = 200          # characters of the closest passage an error shows
COMPARED = 300       # characters of a long quote compared: enough to find where it went wrong
WINDOWS = 24         # places in a long text looked at, around the quote's rarest words


def closest(piece: str, haystack: str) -> str:
    """The stretch of `haystack` that shares the longest run with `piece`, as long as `piece`. Bounded on
    any input: a long text is only compared around the places where the quote's longer words stand."""
    piece = piece[:COMPARED]
    best = (0, 0)  # (length of the shared run, where the passage would begin)
    for start, end in _windows(piece, haystack):
        window = haystack[start:end]
        match = difflib.SequenceMatcher(None, window, piece, autojunk=False).find_longest_match(
            0, len(window), 0, len(piece))
        if match.size > best[0]:
            best = (match.size, max(0, start + match.a - match.b))
    passage = haystack[best[1]:best[1] + len(piece)]
    return passage if len(passage) <= SHOWN else passage[:SHOWN] + "..."


def _windows(piece: str, haystack: str) -> list[tuple[int, int]]:
    """Stretches of `haystack` to compare with `piece`: all of it when small, else around its words."""
    if len(haystack) <= 20 * max(len(piece), 50):
        return [(0, len(haystack))]
    words = sorted({w for w in re.findall(r"\w{4,}", piece)}, key=len, reverse=True)[:8]
    places = []
    for word in words:
        at = haystack.find(word)
        while at >= 0 and len(places) < WINDOWS:
            places.append(at)
            at = haystack.find(word, at + 1)
    reach = 2 * len(piece)
    return [(max(0, at - reach), at + reach) for at in sorted(set(places))[:WINDOWS]] or [(0, 4 * len(piece))]


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text` (start and end in `text` itself), as `find` matches it; None if
    absent. Where the words stand more than once, a place inside quotation marks is preferred: a
    one-word quote ("terrorist") is the word someone was quoted saying, not the same word elsewhere."""
    haystack, origin = _normalised_with_origin(text)
    pieces = [piece for piece in (normalise(p) for p in ELISION.split(quote)) if piece]
    if not pieces:
        return None
    found = []
    at = haystack.find(pieces[0])
    while at >= 0:
        end = _rest(haystack, pieces, at)
        if end is not None:
            span = origin[at], origin[end - 1] + 1
            if _quoted(text, *span):
                return span
            found.append(span)
        at = haystack.find(pieces[0], at + 1)
    return found[0] if found else None


def _rest(haystack: str, pieces: list[str], at: int) -> int | None:
    """Where the quote ends when its first piece stands at `at`; None if the other pieces do not follow."""
    end = at + len(pieces[0])
    for piece in pieces[1:]:
        next_at = haystack.find(piece, end)
        if next_at < 0:
            return None
        end = next_at + len(piece)
    return end


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "\"“‘'«" and text[end:end + 1] in ("\"", "”", "’", "'", "»", ",", ".")


@functools.lru_cache(maxsize=64)
def _normalised_with_origin(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for each of its characters, the index of the character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text.translate(_UNIFORM)):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(i)
            continue
        chars.append(char)
        origin.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*(?=\s)|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quoted, after): the sentence of `text` that holds `text[start:end]`, in three parts."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after else len(text)
    return text[begin:start].lstrip(), text[start:end], text[end:stop].rstrip()
