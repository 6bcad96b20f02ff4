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
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import pycrfsuite  # noqa: E402

from eval_ingest import read_brat  # noqa: E402
from explainer import attribution as rules  # noqa: E402
from explainer import tagger  # noqa: E402


def gold_roles(ann: str, text: str) -> dict[int, str]:
    roles: dict[int, str] = {}
    for gold in read_brat(ann, text):
        for role in ("content", "source", "cue"):  # cue over source over content
            roles.update({i: role for i in getattr(gold, role)})
    return roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the PolNeAR repository folder")
    parser.add_argument("--out", type=Path, default=tagger.MODEL)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=1.0, help="L1 weight: larger makes a smaller model")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    args = parser.parse_args()
    split = args.corpus / "data" / "train"
    trainer = pycrfsuite.Trainer(verbose=False)
    texts = sorted((split / "text").glob("*.txt"))
    for path in tqdm(texts, desc="features", unit="article", file=sys.stderr):
        annotations = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        gold = gold_roles(annotations[0].read_text(encoding="utf-8"), text)
        by_rules = tagger.role_of_chars(rules.find(text))  # as the tagger sees them
        quoted = tagger.quoted_chars(text)
        for tokens in tagger.sentences_with_tokens(text):
            trainer.append(tagger.features(tokens, by_rules, quoted), tagger.labels(tokens, gold))
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    trainer.train(str(args.out))
    print(f"{args.out}: trained on {len(texts)} articles in {time.perf_counter() - start:.0f} s, "
          f"{args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
