"""Given names, how often each is borne and by whom: what tells a title from a name ("Reeve Colleen
Ashdown", "Det Insp Rowan Achterberg": the name begins at the word far more often borne as a given
name) and who "she" can be. The table ships in the package (`models/given-names.tsv`), made by
`scripts/make_given_names.py` from the PyPI package nomquamgender's data (MIT): names from many
countries, written without accents.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

TABLE = Path(__file__).parent / "models" / "given-names.tsv"
SURE = 0.95  # the share of a name's bearers who are women (or men) for "she" (or "he") to be read from it
COMMON = 1000  # bearers a name needs before its share is trusted
SYLLABLE = 10000  # fewer bearers than a Western given name has ("Rowan"), as a syllable of an East Asian one ("Hui")


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


LIKE_A_NAME = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?")  # (not "Dr", "Mr")
TRADE_ENDING = re.compile(r"(?:ist|er|or|eer|ier|eur|ant|ent|ian|man|woman|ect)$")  # "Geologist", "Restaurateur"


def name_starts(words: list[str]) -> int:
    """Where a person's name begins in a run of capitalised words that may open with a title: at the first word
    after the first that is a given name borne twenty times as often as every word before it, with a surname
    after it ("Group Manager Sinéad Oyelaran": 2); else 0."""
    strongest_before = 0
    for i, word in enumerate(words[:-1]):
        count = borne(word)
        # (one word alone before a given name and a surname, shaped as a name and not as a trade, is a given name of
        # its own, "Abdulhakim Faraj Shneba", "Dilcia Maribel Reyes"; not "CEO", "Sweden’s", "Geologist")
        if i and (i > 1 or not LIKE_A_NAME.fullmatch(words[0]) or TRADE_ENDING.search(words[0])) and \
                word[:1].isupper() and count >= 100 and count > 20 * strongest_before:  # never a particle ("wa")
            if _family_name_first(words[i - 1:]):
                return i - 1
            while i and _key(words[i - 1]) in NAME_PREFIXES:  # "Minister Chaudhry Tariq Mehmood": Chaudhry is his
                i -= 1
            return i
        strongest_before = max(strongest_before, count)
    return 0


# words of South Asian names that open them, before the given name, and are no title: "Chaudhry Tariq Mehmood",
# "Syed Irfan Haider Shah", "Malik Nadeem Akhtar"
NAME_PREFIXES = frozenset(("chaudhry", "chaudhary", "choudhury", "chowdhury", "malik", "mian", "rana", "raja", "syed",
                           "sayed", "mirza", "khawaja", "khwaja", "sardar", "nawab", "makhdoom"))


def _family_name_first(words: list[str]) -> bool:
    """A short family name before two given-name syllables, as Chinese, Korean and Vietnamese names are written
    ("Low Hui Ling", "Ng Siew Lan", "Lim Wei Jie"), not a title before a Western given name ("Reeve Colleen
    Ashdown")."""
    return len(words) == 3 and len(words[0]) <= 5 and borne(words[0]) < FAMILY_NAME and gender(words[1]) is None and \
        borne(words[1]) < SYLLABLE and borne(words[2]) >= 100


def _ranges(codes: list[int]) -> str:
    """Code points as a regular expression's character ranges ("À-ÖØ-Þ")."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


# the capital letters a name can open with, for a regular expression's class ("[{UPPER}]"): besides A-Z, those of
# the Latin, Greek and Cyrillic scripts ("Émilie", "Łukasz", "Ó Dúill", "Ödegaard"), which [A-Z] misses
UPPER = "A-Z" + _ranges([code for code in (*range(0xC0, 0x530), *range(0x1E00, 0x1F00)) if chr(code).isupper()])

FAMILY_NAME = 2000  # at most this many bearers as a given name: "Lim" (121), "Ho" (1,161), "Chan" (1,815)
HYPHENATED_GIVEN = re.compile(rf"[{UPPER}][a-z]+-[a-z]+")  # "Mei-ling", "Tak-wing", "Min-jun"; not "Ezenwa-Okoro"


SUFFIX = re.compile(r"(?:Jr|Sr)\.?|I{2,3}|IV")  # a son's or a king's numeral, the last word of a name: no surname


def surname(name: str) -> str:
    """The family name of a person's name, as a story names them again: its last word, but the word before a
    hyphenated given name written after it ("Maggie Ho Mei-ling", "Lau Tak-wing": Ho, Lau), and the first of a
    family name written before two given-name syllables ("Lim Wei Jie": Lim)."""
    words = name.split()
    if len(words) > 2 and SUFFIX.fullmatch(words[-1]):  # "Ramon Villaraza Jr.": Villaraza
        words = words[:-1]
    if len(words) > 1 and HYPHENATED_GIVEN.fullmatch(words[-1]):
        return words[-2]
    if len(words) > 2 and _family_name_first(words[-3:]):
        return words[-3]
    return spaced_initials(words[-1]).split()[-1] if words else name  # ("B.Kholmatov": Kholmatov)


def spaced_initials(name: str) -> str:
    """The name with initials written close to the surname, as Mongolian and Uzbek papers write them, set apart
    from it ("B.Kholmatov": "B. Kholmatov")."""
    return re.sub(rf"(?<![\w.])((?:[{UPPER}]\.)+)(?=[{UPPER}][a-z])", r"\1 ", name)


def surnames(name: str) -> list[str]:
    """Each family name a story may name the person by alone: `surname`, and where the name ends in two family
    names after a given name, the first of them, as Spanish and Portuguese papers name people again ("Ignacio
    Berrocal Mena": Mena, and Berrocal)."""
    words = name.split()
    last = surname(name)
    if len(words) > 2 and last == words[-1] and gender(words[0]) is not None and \
            re.fullmatch(rf"[{UPPER}][\w’'-]+", words[-2]) and borne(words[-2]) < FAMILY_NAME:
        return [last, words[-2]]
    return [last]
