"""Part-of-speech tags for the attribution tagger: a small CRF (python-crfsuite) trained on the
Universal Dependencies English Web Treebank (Penn Treebank tags), tagging the tokens the attribution
tagger sees. Knowing a verb from a noun tells it where a source's noun phrase stops and where a
reported clause starts, which words alone do not.

The model ships in the package (`models/pos.crfsuite`); `scripts/train_pos.py` makes it again.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

MODEL = Path(__file__).parent / "models" / "pos.crfsuite"
TOKEN = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")  # "don't", "al-Ani" and "U.S" are one token each
QUOTE_MARKS = {"“": '"', "”": '"', "‘": "'"}  # as the treebank writes them; "’" is replaced in every word below


def features(words: list[str]) -> list[dict]:
    """Per word: itself, its affixes and shape, and its two neighbours on each side."""
    normal = [QUOTE_MARKS.get(w, w).replace("’", "'") for w in words]
    lower = [w.lower() for w in normal]
    rows = []
    for i, word in enumerate(normal):
        row = {f"w={lower[i]}": 1.0, f"p1={lower[i][:1]}": 1.0, f"p3={lower[i][:3]}": 1.0,
               f"s1={lower[i][-1:]}": 1.0, f"s2={lower[i][-2:]}": 1.0, f"s3={lower[i][-3:]}": 1.0,
               f"shape={_shape(word)}": 1.0, "first": float(i == 0)}
        for offset in (-2, -1, 1, 2):
            j = i + offset
            row[f"{offset}w={lower[j] if 0 <= j < len(words) else '<edge>'}"] = 1.0
        if i:
            row[f"-1s3={lower[i - 1][-3:]}"] = 1.0
        rows.append(row)
    return rows


def _shape(word: str) -> str:
    """Xx, x, X, d, -, . ... with runs collapsed: 'McCain' → 'XxXx', 'U.S.' → 'X.X.'."""
    shape = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word)))
    return re.sub(r"(.)\1+", r"\1", shape)[:6]


@functools.lru_cache(maxsize=4)
def crf(model: str):
    """A trained CRF (this module's or the attribution tagger's), opened once."""
    import pycrfsuite
    tagger = pycrfsuite.Tagger()
    tagger.open(model)
    return tagger


def tag(words: list[str], model: Path = MODEL) -> list[str]:
    """Penn Treebank tags of a sentence's words."""
    return crf(str(model)).tag(features(words)) if words else []


def has_finite_verb(phrase: str) -> bool:
    """Whether words hold a verb with a tense ("Trump attacked Clinton"), as a clause does and a name,
    however long its title, does not ("MSNBC host Chris Matthews", whatever tag "host" gets)."""
    return bool(finite_verbs(TOKEN.findall(phrase)))


def finite_verbs(words: list[str]) -> list[int]:
    """Where the words' verbs with a tense stand, leaving out a title word before a name."""
    name = len(words)  # where the name at the end begins: a word before it, after a capital, is a title
    while name > 0 and words[name - 1][:1].isupper():
        name -= 1
    titled = len(words) - name >= 2 and name >= 2 and words[name - 2][:1].isupper()
    return [i for i, t in enumerate(tag(words)) if t in {"VBD", "VBZ", "VBP", "MD"} and not (titled and i == name - 1)]
