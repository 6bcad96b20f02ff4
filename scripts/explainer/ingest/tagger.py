"""A sequence tagger for attributions: it labels each token of a sentence as part of a source, a cue
or a content, and its spans are grouped around their cue into the same `Attribution` records as the
rules', speakers resolved the same way.

Two labellers: a CRF (python-crfsuite, `Crf` below) whose features are the words, the rules' own
findings and parts of speech (`pos.py`), so it learns where the rules go wrong; and, where installed,
the fine-tuned encoder (`encoder.py`), which reads the whole sentence. Both read the same sentences
as the rules and were trained on PolNeAR's train split. The CRF's model file and the cue words learned
with it ship in the package (`models/attribution.crfsuite`, `models/attribution.cues`);
`scripts/train_tagger.py` and `scripts/train_encoder.py` make the models again.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from . import encoder
from . import rules
from . import pos
from .rules import Attribution, Span, Spans

MODEL = Path(__file__).parent / "models" / "attribution.crfsuite"


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class ByRules:
    """What the rules found in an article, by character: each one's role, and which are quoted."""
    roles: dict[int, str]
    quoted: set[int]


Labels = list[tuple[list[str], list[float]]]  # per sentence: each token's label, and how sure of it


class Labeller(Protocol):
    def label(self, text: str, sentences: list[list[Token]], by_rules: ByRules) -> Labels: ...


def sentences_with_tokens(text: str) -> Iterator[list[Token]]:
    """The article's sentences, split as the rules split them, as tokens: one sentence at a time, so
    that a long text's tokens are never all held at once."""
    for paragraph in rules.paragraphs(text):
        quotes = rules.quotations(text, paragraph)
        for sentence in rules.sentences(text, paragraph, quotes):
            tokens = [Token(sentence.start + m.start(), sentence.start + m.end(), m.group(0))
                      for m in pos.TOKEN.finditer(text[sentence.start:sentence.end])]
            if tokens:
                yield tokens


def role_of_chars(found: list[Attribution]) -> dict[int, str]:
    """Which role the rules gave each character (cue over source over content)."""
    roles: dict[int, str] = {}
    for a in found:
        for role, span in (("content", a.content), ("source", a.source), ("cue", a.cue)):
            if span is not None:
                roles.update({i: role for i in range(span.start, span.end)})
    return roles


def features(tokens: list[Token], by_rules: dict[int, str], quoted: set[int],
             lexicon: frozenset[str] = frozenset()) -> list[dict]:
    """Per token: the word, its shape, cue lexicon, inside a quotation, the rules' role, its part of
    speech; ±3 neighbours; and where the sentence's cue words (the rules' and the `lexicon` learned
    with the model) stand from it (a source comes before its cue, content after)."""
    words = [t.word.lower() for t in tokens]
    tags = pos.tag([t.word for t in tokens])
    cues = [i for i, w in enumerate(words) if w in CUE_SET or w in lexicon]
    rows = []
    for i, token in enumerate(tokens):
        row = _token_features(token, by_rules, quoted, "")
        row.update(_pos_features(i, tags))
        row["learned_cue"] = float(words[i] in lexicon)
        for offset in (-3, -2, -1, 1, 2, 3):
            j = i + offset
            if 0 <= j < len(tokens):
                row.update(_token_features(tokens[j], by_rules, quoted, f"{offset}:", short=True))
            else:
                row[f"{offset}:edge"] = 1.0
        row[f"bigram={words[i - 1] if i else '^'}|{words[i]}"] = 1.0
        row[f"bigram+={words[i]}|{words[i + 1] if i + 1 < len(words) else '$'}"] = 1.0
        row.update(_cue_features(i, cues, words))
        row["position"] = min(i, 5)
        row["from_end"] = min(len(tokens) - 1 - i, 5)
        rows.append(row)
    return rows


def _pos_features(i: int, tags: list[str]) -> dict:
    """The part of speech of the token and its neighbours: a source is a noun phrase, content a clause."""
    near = {offset: tags[i + offset] if 0 <= i + offset < len(tags) else "^$" for offset in (-2, -1, 0, 1, 2)}
    return {f"pos={near[0]}": 1.0, f"pos-1={near[-1]}": 1.0, f"pos+1={near[1]}": 1.0, f"pos-2={near[-2]}": 1.0,
            f"pos+2={near[2]}": 1.0, f"pos-1|0={near[-1]}|{near[0]}": 1.0, f"pos0|+1={near[0]}|{near[1]}": 1.0}


def _cue_features(i: int, cues: list[int], words: list[str]) -> dict:
    if not cues:
        return {"no_cue": 1.0}
    # the nearest cue, the earlier of two as near (found by halving: a sentence of cue words has as many)
    after = bisect.bisect_left(cues, i)
    nearest = cues[after] if after == 0 or after < len(cues) and cues[after] - i < i - cues[after - 1] \
        else cues[after - 1]
    distance = nearest - i
    bucket = distance if abs(distance) <= 3 else (">" if distance > 0 else "<") + ("7" if abs(distance) > 6 else "4")
    return {f"cue_at={bucket}": 1.0, f"cue_word={words[nearest]}": 1.0,
            "cue_left": float(cues[0] < i), "cue_right": float(cues[-1] > i)}


def _token_features(token: Token, by_rules: dict[int, str], quoted: set[int], prefix: str,
                    short: bool = False) -> dict:
    word = token.word
    lower = word.lower()
    row = {f"{prefix}w={lower}": 1.0, f"{prefix}rule={by_rules.get(token.start, 'O')}": 1.0,
           f"{prefix}quoted": float(token.start in quoted), f"{prefix}title": float(word[:1].isupper()),
           f"{prefix}cue": float(lower in CUE_SET), f"{prefix}quote_mark": float(word in "“”\"‘’")}
    if not short:
        row.update({f"suffix3={lower[-3:]}": 1.0, f"suffix2={lower[-2:]}": 1.0, "upper": float(word.isupper()),
                    "digit": float(word.isdigit()), "punct": float(not word[:1].isalnum()),
                    "pronoun": float(lower in rules.PRONOUNS), "title_word": float(lower in rules.TITLE_WORDS)})
    return row


CREDIT = re.compile(r"(?:reporting\s+)?(?:to\s+)?this\s+(?:report|story|article)\W*$", re.I)
CUE_SET = set(rules.CUE_WORDS) | {"according", "reported", "noted"}


def learn_lexicon(gold_cues: dict[str, int], seen: dict[str, int]) -> list[str]:
    """The words that were part of a cue at least 3 times and 3 times in 10 they were seen: "endorsed",
    "expected", "statement", "criticism" (the cues of belief, stance and nouns that the rules lack)."""
    return sorted(w for w, n in gold_cues.items() if n >= 3 and n / seen[w] >= 0.3)


def lexicon_path(model: Path) -> Path:
    return model.with_suffix(".cues")


@functools.lru_cache(maxsize=2)
def lexicon_of(model: Path) -> frozenset[str]:
    """The cue words learned with a model, kept beside it (`attribution.cues`)."""
    path = lexicon_path(model)
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def quoted_chars(text: str) -> set[int]:
    chars: set[int] = set()
    for paragraph in rules.paragraphs(text):
        for quote in rules.quotations(text, paragraph):
            chars.update(range(quote.start, quote.end))
    return chars


def labels(tokens: list[Token], gold: dict[int, str]) -> list[str]:
    """BIO labels of a sentence's tokens from the gold role of each character."""
    out, previous = [], "O"
    for token in tokens:
        role = gold.get(token.start) or gold.get(token.end - 1) or "O"
        out.append("O" if role == "O" else ("I-" if previous == role else "B-") + role)
        previous = role
    return out


def available(model: Path | None = None) -> bool:
    return (model or default_model()).is_file()


def default_model() -> Path:
    """The fine-tuned encoder where it and its runtime are installed, else the CRF."""
    return encoder.MODEL if encoder.available() else MODEL


def extract(text: str, model: Path | None = None) -> list[Attribution]:
    """The rules' attributions, and the reported speech the tagger finds where the rules found none;
    all resolved together in reading order. (The rules are the more precise, and quotations are
    theirs alone: a quote's speaker is where a wrong guess costs most. The tagger finds more.)"""
    model = model or default_model()
    by_rules_found = rules.find(text)
    by_rules = ByRules(role_of_chars(by_rules_found), quoted_chars(text))
    labeller: Labeller = encoder.load(model) if model.suffix == ".onnx" else Crf(model)
    found = list(by_rules_found)
    certainty: dict[int, float] = {}
    cues, contents = Spans(a.cue for a in by_rules_found), Spans(a.content for a in by_rules_found)
    # no word in a sentence ("* * *", a run of quotation marks): nobody to name, nothing said
    with_words = (tokens for tokens in sentences_with_tokens(text) if any(WORD.match(t.word) for t in tokens))
    for sentences in _chunks(with_words, CHUNK):
        for tokens, (tags, sure) in zip(sentences, labeller.label(text, sentences, by_rules)):
            for extra, how_sure in _group(text, tokens, tags, sure):
                if not extra.direct and not rules.in_caption(text, extra.content) and \
                        not rules.in_heading(text, extra.content) and \
                        not cues.overlap(extra.cue) and not contents.overlap(extra.content):
                    found.append(extra)
                    certainty[id(extra)] = how_sure
    found.sort(key=lambda a: a.content.start)
    rules.resolve(text, found)
    for attribution in found:  # the editor sees how sure the tagger was, where that is lower
        if id(attribution) in certainty:
            attribution.confidence = round(min(attribution.confidence, certainty[id(attribution)]), 2)
    return found


CHUNK = 64  # sentences labelled at once: the encoder's batches, without holding a run-on text's all


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Crf:
    """The CRF's labels, from the features above, and its probability of each."""

    def __init__(self, model: Path = MODEL) -> None:
        self.tagger = pos.crf(str(model))
        self.lexicon = lexicon_of(model)

    def label(self, text: str, sentences: list[list[Token]], by_rules: ByRules) -> Labels:
        out = []
        for tokens in sentences:
            tags = self.tagger.tag(features(tokens, by_rules.roles, by_rules.quoted, self.lexicon))
            out.append((tags, [self.tagger.marginal(tag, i) for i, tag in enumerate(tags)]))
        return out


WORD = re.compile(r"\w")


def _labelled_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """BIO tags as (role, first token, last token)."""
    spans: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        role = tag[2:]
        if tag.startswith("I-") and spans and spans[-1][0] == role and spans[-1][2] == i - 1:
            spans[-1] = (role, spans[-1][1], i)
        else:
            spans.append((role, i, i))
    return spans


# the rest of a name whose first words the tagger labelled as the source
NAME_GOES_ON = re.compile(rf"(?<=\w)(?:[ \t]+[{rules.UPPER}][\w’'-]*)+")


def _group(text: str, tokens: list[Token], tags: list[str], sure: list[float]) -> list[tuple[Attribution, float]]:
    """Spans of one sentence, each source and content given to the nearest cue; with how sure the
    tagger was of its cue and source (the lowest probability of their tokens' labels)."""
    spans = _labelled_spans(tags)
    cues = [s for s in spans if s[0] == "cue"]
    if not cues:
        return []
    parts: dict[int, dict[str, tuple[int, int]]] = {id(c): {} for c in cues}
    for role, first, last in spans:
        if role == "cue":
            continue
        cue = min(cues, key=lambda c: min(abs(first - c[2]), abs(last - c[1])))
        held = parts[id(cue)].get(role)
        parts[id(cue)][role] = (min(first, held[0]), max(last, held[1])) if held else (first, last)
    out = []
    for cue in cues:
        got = parts[id(cue)]
        # without a source in its sentence the tagger's finding is a guess twice over (whether anyone
        # is quoted, and who): left out, the draft's weakest claims go and all-three F1 rises
        if "content" not in got or "source" not in got:
            continue
        content = Span(tokens[got["content"][0]].start, tokens[got["content"][1]].end)
        source = Span(tokens[got["source"][0]].start, tokens[got["source"][1]].end)
        cue_span = Span(tokens[cue[1]].start, tokens[cue[2]].end)
        if (rest := NAME_GOES_ON.match(text, source.end)) and rest.end() <= cue_span.start:
            source = Span(source.start, rest.end())  # the whole name, where the labels stop inside it ("Priya")
        if source.of(text).lower() in rules.DETERMINERS | {"this", "that", "these", "those"} or \
                CREDIT.match(content.of(text)) or rules.NOBODY.match(source.of(text).lower()) or \
                source.overlaps(cue_span):
            # "the claim that …": the source is not "the"; "X contributed to this report": a credit; "Nobody on my
            # team asked": nobody speaks; "I've asked for the complaint, which I": a source through its cue is none
            continue
        # the quotation marks may stand just outside the labelled content (“…,” he said)
        window = Span(max(0, content.start - 2), min(len(text), content.end + 3))
        quotes = [q for q in rules.quotations(text, window) if q.overlaps(content)]
        direct = bool(quotes) and sum(q.end - q.start for q in quotes) >= 0.6 * (content.end - content.start)
        how_sure = min(sure[i] for i in [*range(cue[1], cue[2] + 1), *range(got["source"][0], got["source"][1] + 1)])
        out.append((rules.attribution_of(text, source, cue_span, content, direct, quotes,
                                         [f"labelled by the trained tagger, {how_sure:.0%} sure of its cue and source"]),
                    how_sure))
    return out
