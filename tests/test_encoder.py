"""The contextual tagger's glue: how a sentence becomes word pieces and how the pieces' labels come back
to our tokens. The same `encode` feeds training and inference, so these hold for both. Where the
fine-tuned model is installed, it also runs inside `explainer ingest`'s extractor."""

from __future__ import annotations

import numpy as np
import pytest

tokenizers = pytest.importorskip("tokenizers")

from explainer.ingest import encoder, tagger
from explainer.ingest.encoder import Encoded, LABELS, encode


@pytest.fixture(scope="module")
def tokenizer():
    """A word-piece tokenizer like BERT's, with a vocabulary small enough to split words into pieces."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "minister", "said", "drone",
                                          "was", "shot", "down", ".", "u", "s", "ko", "##ra", "lu", "##mi", ",",
                                          "\"", "“", "”", "it", "an", "attack"])}
    made = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    made.normalizer = normalizers.BertNormalizer(lowercase=True)
    made.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    made.post_processor = processors.TemplateProcessing(single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2),
                                                                                                 ("[SEP]", 3)])
    return made


def sentences(text: str) -> list[list[tagger.Token]]:
    return list(tagger.sentences_with_tokens(text))


def test_each_token_takes_its_first_word_piece(tokenizer):
    text = "Kora Lumi said the U.S. drone was shot down."
    [tokens] = sentences(text)
    [encoded] = encode(tokenizer, text, [tokens])
    assert encoded.ids[0] == 2 and encoded.ids[-1] == 3  # [CLS] … [SEP]
    pieces = tokenizer.encode(text).tokens
    firsts = {t.word: pieces[i] for t, i in zip(tokens, encoded.firsts)}
    assert firsts["Kora"] == "ko" and firsts["Lumi"] == "lu" and firsts["said"] == "said"
    assert len(set(encoded.firsts)) == len(tokens)  # no two tokens share a piece


def test_sentences_are_read_where_they_stand_in_the_text(tokenizer):
    """Offsets are the article's: the second sentence's first token is its own first piece, not the first's."""
    text = "The minister said it. “It was an attack,” the minister said."
    found = sentences(text)
    assert len(found) == 2
    second = encode(tokenizer, text, found)[1]
    assert tokenizer.encode(text[found[1][0].start:found[1][-1].end]).tokens[second.firsts[0]] == "“"


def test_a_long_sentence_is_cut_and_its_rest_is_nobodys(tokenizer):
    text = "The minister said " + "the drone was shot down , " * 60 + "it was an attack."
    [tokens] = sentences(text)
    [encoded] = encode(tokenizer, text, [tokens])
    assert len(encoded.ids) == encoder.MAX_PIECES and encoded.ids[-1] == 3
    assert encoded.firsts[0] == 1 and encoded.firsts[-1] is None
    assert all(i is None or i < encoder.MAX_PIECES - 1 for i in encoded.firsts)


def test_labels_and_how_sure_come_from_each_tokens_first_piece():
    probabilities = np.full((4, len(LABELS)), 0.01)
    probabilities[1, LABELS.index("B-source")] = 0.9
    probabilities[2, LABELS.index("B-cue")] = 0.6
    tags, sure = encoder._labels(Encoded([2, 10, 11, 3], [1, 2, None]), probabilities)
    assert tags == ["B-source", "B-cue", "O"] and sure == [0.9, 0.6, 1.0]


@pytest.mark.skipif(not encoder.available(), reason="the fine-tuned encoder is not installed")
def test_the_encoder_finds_a_speaker_in_reported_speech():
    text = "The talks failed, Kora Lumi, the foreign minister, told reporters on Tuesday."
    found = tagger.extract(text, encoder.MODEL)
    assert [a.speaker.name for a in found if a.speaker] == ["Kora Lumi"]
