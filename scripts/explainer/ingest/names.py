"""Given names, how often each is borne and by whom: what tells a title from a name ("Reeve Colleen
Ashdown", "Det Insp Rowan Achterberg": the name begins at the word far more often borne as a given
name) and who "she" can be. The table ships in the package (`models/given-names.tsv`), made by
`scripts/make_given_names.py` from the PyPI package nomquamgender's data (MIT): names from many
countries, written without accents.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

TABLE = Path(__file__).parent / "models" / "given-names.tsv"
SURE = 0.95  # the share of a name's bearers who are women (or men) for "she" (or "he") to be read from it
COMMON = 1000  # bearers a name needs before its share is trusted


@functools.cache
def _table() -> dict[str, tuple[int, float]]:
    rows = (line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {name: (int(count), float(share)) for name, count, share in rows}


def _key(word: str) -> str:
    """"Sinéad" is "sinead": the table's names are lower-case and without accents."""
    bare = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return bare.lower().strip(".’'")


def borne(word: str) -> int:
    """How many bearers of the given name the table counts (0: no given name it knows)."""
    return _table().get(_key(word), (0, 0.0))[0]


def gender(word: str) -> str | None:
    """"f" or "m" where nearly all of a common given name's bearers are women or men, else None."""
    count, share = _table().get(_key(word), (0, 0.5))
    if count < COMMON:
        return None
    return "f" if share >= SURE else "m" if share <= 1 - SURE else None


def name_starts(words: list[str]) -> int:
    """Where a person's name begins in a run of capitalised words that may open with a title: at the first word
    after the first that is a given name borne twenty times as often as every word before it, with a surname
    after it ("Group Manager Sinéad Oyelaran": 2); else 0."""
    strongest_before = 0
    for i, word in enumerate(words[:-1]):
        count = borne(word)
        if i and count >= 100 and count > 20 * strongest_before:
            return i
        strongest_before = max(strongest_before, count)
    return 0
