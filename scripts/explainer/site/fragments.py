"""Links to the very passage of a source that holds a quote: URL text fragments
(`#:~:text=[prefix-,]start[,end][,-suffix]`, WICG Text Fragments), which browsers scroll to and
highlight. A kept copy of the source's text, where there is one, tells whether the words are
unique there; where they are not, the words before them are added as a prefix."""

from __future__ import annotations

from urllib.parse import quote

from ..story.quotes import ELISION, locate

WORDS = 4      # a quote longer than twice this is linked by its first and last words


def encode(term: str) -> str:
    """A fragment term: percent-encoded, with `-`, `&` and `,` escaped too (they are its syntax)."""
    return quote(" ".join(term.split()), safe="").replace("-", "%2D")


def text_fragment(words: str, kept: str | None = None) -> str:
    """`:~:text=…` for `words` (a quote, elisions allowed), unique in `kept` when it is given."""
    pieces = [p for p in ELISION.split(words) if p.strip()] or [words]
    first, last = pieces[0].split(), pieces[-1].split()
    if len(pieces) == 1 and len(first) <= 2 * WORDS:
        terms = [encode(" ".join(first))]
    else:
        terms = [encode(" ".join(first[:WORDS])), encode(" ".join(last[-WORDS:]))]
    prefix = _prefix(words, " ".join(first[:WORDS]), kept) if kept else None
    return ":~:text=" + ",".join(([encode(prefix) + "-"] if prefix else []) + terms)


def _prefix(words: str, start: str, kept: str) -> str | None:
    """The text just before the quote in `kept` (an opening quotation mark included, since a prefix
    may be followed by nothing but spaces), when its first words also stand elsewhere there."""
    span = locate(words, kept)
    if span is None or kept.count(start) <= 1 and kept.find(start) == span[0]:
        return None
    return " ".join(kept[:span[0]].split()[-3:]) or None


def with_directive(url: str, directive: str) -> str:
    """`url` with the text directive after its fragment (`page#section:~:text=…`), or as its fragment."""
    return url + directive if "#" in url else f"{url}#{directive}"
