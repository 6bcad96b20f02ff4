#!/usr/bin/env python3
"""Train the part-of-speech tagger the attribution tagger reads (a CRF, python-crfsuite) on the
Universal Dependencies English Web Treebank, and score it on the treebank's dev split.

    .venv/bin/python scripts/train_pos.py PATH/TO/UD_English-EWT   # writes scripts/explainer/models/pos.crfsuite

The treebank's sentences are re-tokenized as the attribution tagger tokenizes news text (so "don't"
and "al-Ani" are one token, tagged with the word that carries the meaning), and trained on the train
split: `en_ewt-ud-train.conllu`, or where a snapshot lacks that file, the per-document files that
`not-to-release/file-lists/files.train` lists. The test split is never read.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import pycrfsuite

from explainer.ingest import pos

CLITICS = ("'", "’", "n't", "n’t")


def read_conllu(text: str) -> list[tuple[list[str], list[str]]]:
    """Each sentence as (our tokens, their tags)."""
    out = []
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        sentence = next((line[len("# text = "):] for line in lines if line.startswith("# text = ")), None)
        rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
        if sentence is not None and rows:
            out.append(_retokenize(sentence, rows))
    return out


def _retokenize(sentence: str, rows: list[list[str]]) -> tuple[list[str], list[str]]:
    """Character offsets of the treebank's words, then our tokens each tagged from the words in it."""
    placed: list[tuple[int, int, str, str]] = []  # start, end, form, tag
    cursor, skip_until = 0, 0
    words = {row[0]: row for row in rows}
    for row in rows:
        index, form, xpos = row[0], row[1], row[4]
        if "." in index:  # empty nodes have no surface
            continue
        if "-" in index:  # a multiword token ("don't"): its surface, tagged by its first word
            first, last = (int(n) for n in index.split("-"))
            skip_until = last
            tag = _carrier([(words[str(n)][1], words[str(n)][4]) for n in range(first, last + 1)])
        elif int(index) <= skip_until:
            continue
        else:
            tag = xpos
        start = sentence.find(form, cursor)
        if start < 0:
            continue
        placed.append((start, start + len(form), form, tag))
        cursor = start + len(form)
    tokens, tags = [], []
    for match in pos.TOKEN.finditer(sentence):
        inside = [(form, tag) for start, end, form, tag in placed if start < match.end() and match.start() < end]
        if inside:
            tokens.append(match.group(0))
            tags.append(_carrier(inside))
    return tokens, tags


def _carrier(words: list[tuple[str, str]]) -> str:
    """The tag of the word that carries a joined token: the last, unless it is a clitic or punctuation."""
    meaningful = [(form, tag) for form, tag in words
                  if form[:1].isalnum() and not form.lower().startswith(CLITICS) and tag != "POS"]
    return (meaningful or words)[-1][1]


def train_files(treebank: Path) -> list[Path]:
    whole = treebank / "en_ewt-ud-train.conllu"
    if whole.is_file() and whole.stat().st_size > 1000:
        return [whole]
    listed = (treebank / "not-to-release" / "file-lists" / "files.train").read_text().split()
    return [treebank / "not-to-release" / "sources" / name for name in listed]


def accuracy(model: Path, sentences: list[tuple[list[str], list[str]]]) -> float:
    right = total = 0
    for words, gold in sentences:
        predicted = pos.tag(words, model)
        right += sum(p == g for p, g in zip(predicted, gold))
        total += len(gold)
    return right / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("treebank", type=Path, help="the UD_English-EWT repository folder")
    parser.add_argument("--out", type=Path, default=pos.MODEL)
    parser.add_argument("--c1", type=float, default=0.5, help="L1 weight: larger makes a smaller model")
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for path in train_files(args.treebank):
        for words, tags in read_conllu(path.read_text(encoding="utf-8")):
            if words:
                trainer.append(pos.features(words), tags)
                count += 1
    trainer.set_params({"c1": args.c1, "c2": 0.01, "max_iterations": args.iterations})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    trainer.train(str(args.out))
    dev = [s for s in read_conllu((args.treebank / "en_ewt-ud-dev.conllu").read_text(encoding="utf-8")) if s[0]]
    print(f"{args.out}: {count} sentences, trained in {time.perf_counter() - start:.0f} s, "
          f"{args.out.stat().st_size / 1e6:.1f} MB; dev accuracy {accuracy(args.out, dev):.3f} "
          f"({sum(len(s[0]) for s in dev)} tokens)")


if __name__ == "__main__":
    main()
