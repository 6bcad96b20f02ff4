#!/usr/bin/env python3
"""Train the attribution tagger (a CRF, python-crfsuite) on PolNeAR's train split and write the
model that `explainer ingest` ships with.

    .venv/bin/python scripts/train_tagger.py PATH/TO/PolNeAR   # writes scripts/explainer/models/attribution.crfsuite

Only the train split is read; dev is for scoring (`scripts/eval_ingest.py --method tagger`), test
is never read. Same corpus and options give the same model.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent

import pycrfsuite

from eval_ingest import annotated, gold_roles
from explainer.ingest import rules
from explainer.ingest import pos, tagger


def count_cue_words(articles: list[tuple[str, dict[int, str]]]) -> tuple[Counter, Counter]:
    """How often each word is part of a gold cue, and how often it is seen at all."""
    as_cue: Counter = Counter()
    seen: Counter = Counter()
    for text, gold in articles:
        for match in pos.TOKEN.finditer(text):
            word = match.group(0).lower()
            seen[word] += 1
            as_cue[word] += gold.get(match.start()) == "cue"
    return as_cue, seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the PolNeAR repository folder")
    parser.add_argument("--out", type=Path, default=tagger.MODEL)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=1.0, help="L1 weight: larger makes a smaller model")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    args = parser.parse_args()
    articles = [(text, gold_roles(gold)) for text, gold in annotated(args.corpus, "train")]
    lexicon = frozenset(tagger.learn_lexicon(*count_cue_words(articles)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tagger.lexicon_path(args.out).write_text("\n".join(sorted(lexicon)) + "\n", encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, gold in tqdm(articles, desc="features", unit="article", file=sys.stderr):
        by_rules = tagger.role_of_chars(rules.find(text))  # as the tagger sees them
        quoted = tagger.quoted_chars(text)
        for tokens in tagger.sentences_with_tokens(text):
            trainer.append(tagger.features(tokens, by_rules, quoted, lexicon), tagger.labels(tokens, gold))
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    start = time.perf_counter()
    trainer.train(str(args.out))
    print(f"{args.out}: trained on {len(articles)} articles in {time.perf_counter() - start:.0f} s, "
          f"{args.out.stat().st_size / 1e6:.1f} MB; {len(lexicon)} cue words learned")


if __name__ == "__main__":
    main()
