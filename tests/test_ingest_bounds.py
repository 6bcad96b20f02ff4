"""`explainer ingest` on hostile text: time and memory bounded on any input, results unchanged.

The attribution rules once took quadratic time on run-on text (a regular expression in
`rules._reported` tried every length of a sentence's first words, each against the rest of it: 40 KB
without a full stop took 13 s, 100 KB of quotation marks 70 s); the tagger held a whole run-on
"sentence" of features at once (1.2 GB for 100 KB of quotation marks); and resolving speakers read
every earlier speaker and name again for each attribution (2,000 people speaking: 17 s). The
ceilings below are a resource bound, not a speed goal: ten times and more what the work now takes,
so a machine under load passes, while a quadratic blow-up cannot. Each runs in a child process under
an address-space limit.

The helpers that replaced a scan over everything are also checked against the plain scans they
replaced, on random input.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import re
import subprocess
import sys
import textwrap

import pytest

from explainer.ingest import rules, tagger
from explainer.ingest.rules import Mention, Span

SECONDS = 10  # each case below takes well under a second here
MEMORY = 512 * 2**20  # address space of the child; the rules' cases need under 100 MB
# the encoder's runtime reserves address space for its threads: about 600 MB of it (160 MB resident) on an
# article; a gigabyte still stops the 1.2 GB the tagger's features once took on run-on text
MEMORY_TAGGER = 2**30

RUN_ON = "the minister said that the drone was shot down and officials added "


# how the text is read: the rules, the tagger on top of them, or the rules after single quotation marks are
# read as double ones (as `explainer ingest` does)
EXTRACTORS = {"rules": "rules.extract", "tagger": "tagger.extract",
              "single marks": "lambda text: rules.extract(rules.double_marked(text))"}


def bounded(cases: dict[str, str], how: str = "rules") -> dict[str, int]:
    """Each text (Python expressions) given to `rules.extract` or `tagger.extract` in a child process
    limited to `SECONDS` of wall time and `MEMORY` (`MEMORY_TAGGER`) of address space; the number of attributions
    of each."""
    limit = MEMORY_TAGGER if how == "tagger" else MEMORY
    code = textwrap.dedent(f"""
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
        from explainer.ingest import rules, tagger
        extract = {EXTRACTORS[how]}
        cases = {{{", ".join(f"{name!r}: {expression}" for name, expression in cases.items())}}}
        print(json.dumps({{name: len(extract(text)) for name, text in cases.items()}}))
        """)
    try:
        done = subprocess.run([sys.executable, "-"], input=code, capture_output=True, text=True,
                              timeout=SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{how} took more than {SECONDS} s on {', '.join(cases)}")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_rules_are_bounded_on_run_on_text():
    found = bounded({"40 KB without a full stop": f"({RUN_ON!r} * 600)[:40_000]",
                     "40 KB without a full stop, quotations in it":
                         f"({RUN_ON.replace('that ', chr(34)).replace(' and', chr(34) + ' and')!r} * 600)[:40_000]",
                     "a clause after a comma, 1,000 times": "'officials said the drone fell, ' * 1000",
                     "100 KB of commas and spaces": "', ' * 50_000"})
    assert found["40 KB without a full stop"] >= 1


def test_rules_are_bounded_on_quotation_marks():
    bounded({'100 KB of "': "'\"' * 100_000", "100 KB of “": "'“' * 100_000", "100 KB of '": "\"'\" * 100_000",
             "quotations with full stops in them": "'\"A. B.\" ' * 12_000",
             "a credit opened, never closed": "'(Photo: ' * 12_000"})


def test_single_quotation_marks_are_read_in_bounded_time():
    """Each opening single mark looks for its closing one only so far, so a paragraph full of them (or of
    plurals' apostrophes, "players’ union", which a closing mark is not) is read in linear time."""
    bounded({"plurals' apostrophes after openings": "'‘a players’ b ' * 6_000",
             "openings that never close, beside double marks": "'“a” ‘b ' * 6_000",
             "100 KB of ‘": "'‘' * 100_000", "straight ones and contractions": "\"'Tom's \" * 20_000"},
            how="single marks")


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_rules_are_bounded_on_many_speakers():
    """Many attributions, each resolved against the speakers and names before it."""
    names = (f"{a}a{b}o{c}e {c}i{a}u{b}y" for a, b, c in itertools.product("BCDFGHJKLMNPRSTVWZ", repeat=3))
    text = " ".join(f"{name} said the drone fell. {name.split()[1]} said the drone was shot down. He said it was over."
                    for name in itertools.islice(names, 2000))
    found = bounded({"2,000 people, each speaking three times": repr(text),
                     "40 KB of capitalised words, then an acronym": "'Aa ' * 13_000 + '(AB) said it.'"})
    assert found["2,000 people, each speaking three times"] > 5000


@pytest.mark.skipif(not tagger.available(), reason="the tagger's model is not installed")
def test_the_tagger_is_bounded_on_quotation_marks_and_run_on_text():
    """What `explainer ingest` runs: the rules, then the tagger over every sentence."""
    bounded({'100 KB of "': "'\"' * 100_000", "40 KB without a full stop": f"({RUN_ON!r} * 600)[:40_000]"},
            how="tagger")


# --- the pieces of a run-on sentence -------------------------------------------------------------

def test_a_sentence_of_normal_length_is_one_piece():
    text = "Peskov said, in a long statement, that " + "the drone was shot down and " * 100 + "nothing more."
    assert len(text) < rules.LONGEST_SENTENCE
    assert rules.sentences(text, Span(0, len(text)), []) == [Span(0, len(text))]


def test_a_run_on_sentence_is_cut_into_pieces_at_clause_ends():
    text = ("the minister said that the drone was shot down, and officials added " * 400).strip()
    pieces = rules.sentences(text, Span(0, len(text)), [])
    assert len(pieces) > 1
    assert all(p.end - p.start <= rules.LONGEST_SENTENCE for p in pieces)
    assert all(text[p.end - 2:p.end] == ", " for p in pieces[:-1])  # each cut after a comma
    assert "".join(p.of(text) for p in pieces).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_text_without_a_space_is_cut_at_the_limit():
    text = '"' * 10_000
    pieces = rules.sentences(text, Span(0, len(text)), [])
    assert [(p.start, p.end) for p in pieces] == [(0, 4000), (4000, 8000), (8000, 10_000)]


# --- helpers against the plain scans they replaced -----------------------------------------------

def _caption_by_regex(text: str, span: Span) -> bool:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return bool(rules.CAPTION.search(text[start:end if end >= 0 else len(text)].strip()))


def test_captions_are_found_as_the_regular_expression_finds_them():
    pieces = ["(Photo: AP)", "(Photo: a (b c)", "(Photo: a (b) c)", "(Credits: x)  ", " (Image: y) z", "PHOTO: x",
              "FILE PHOTO", "FILE  IMAGE: a", "PHOTOS", "(Pictures:)", "()", ")", "(", "said", " ", "\n", "x"]
    rnd = random.Random(1)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        start = rnd.randint(0, len(text))
        span = Span(start, rnd.randint(start, len(text)))
        assert rules.in_caption(text, span) == _caption_by_regex(text, span), (text, span)


def _sentences_by_scan(text: str, within: Span, quotes: list[Span]) -> list[Span]:
    """`rules.sentences` as it was, reading every quotation at every full stop."""
    inside = [(q.start, q.end) for q in quotes]
    spans, start = [], within.start
    for match in re.finditer(r"[.!?](''|[”\"’)])?(\s+)(?=''|[“\"‘(A-Z0-9])", text[within.start:within.end]):
        cut, dot = within.start + match.start(2), within.start + match.start()
        if any(a < cut < b for a, b in inside) or (rules._abbreviation(text, dot) and
                                                   not rules._ends_before_quotation(text, dot, within.start + match.end())):
            continue
        speaker = match.group(1) and rules.SPEAKER_NEXT.match(text, cut, within.end)
        if speaker and not (text[dot] == "." and (re.match(r"\s*(?:[“\"]|'')", text[speaker.end():within.end]) or
                                                  rules._introduced(text, quotes, dot))):
            continue
        spans.append(Span(start, cut))
        start = within.start + match.end()
    spans.append(Span(start, within.end))
    return [s for s in spans if s.end > s.start]


def test_sentences_are_split_as_before():
    words = ["He said.", "“Yes.”", "“No,” he said.", '"A. B."', "Mr. Lee", "U.S. officials", "said", "She adds,",
             " ", " ", "Peskov", "(Reuters)", "''Why?''", "?", "!", "It fell", "”", "“", '"', "0", "the"]
    rnd = random.Random(2)
    for _ in range(3000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30)))
        for paragraph in rules.paragraphs(text):
            quotes = rules.quotations(text, paragraph)
            assert rules.sentences(text, paragraph, quotes) == _sentences_by_scan(text, paragraph, quotes), text


def _same_surname_by_scan(speaker: Mention, seen: list[Mention]) -> Mention | None:
    """`rules._full_name` as it was: the latest earlier mention with the speaker's surname and another name."""
    for earlier in reversed(seen):
        if earlier.name and earlier.name != speaker.name and earlier.name.split()[-1] == speaker.name.split()[-1]:
            return earlier
    return None


def test_earlier_speakers_are_found_as_a_scan_finds_them():
    names = [None, "Lee", "Ann Lee", "Bo Lee", "Kirby", "John Kirby", "Peskov", "Dmitry Peskov", "CNN"]
    titles = [None, "the spokesman", "Kremlin spokesman", "White House spokesman", "a senior fellow", "the",
              "sources", "senior official", "official", "the analyst, senior fellow"]
    kinds = ["person", "organization", "any"]
    rnd = random.Random(3)
    for _ in range(300):
        mentions = rules._Mentions()
        seen: list[Mention] = []
        for _ in range(rnd.randint(0, 40)):
            mention = Mention(rnd.choice(names), rnd.choice(titles), rnd.choice(kinds[:2]))
            ask = Mention(rnd.choice(names[1:]), rnd.choice(titles), rnd.choice(kinds))
            assert mentions.same_surname(ask.name, len(seen)) == _same_surname_by_scan(ask, seen)
            cut = rnd.randint(0, len(seen))
            assert mentions.same_surname(ask.name, cut) == _same_surname_by_scan(ask, seen[:cut])
            assert mentions.fitting(ask) == [m for m in reversed(seen) if rules._fits(ask, m)][:3]
            mentions.add(mention)
            seen.append(mention)
        assert mentions.mentions == seen


def test_overlaps_and_nearest_cues_are_found_as_a_scan_finds_them():
    rnd = random.Random(4)
    for _ in range(2000):
        spans = [Span(a, a + rnd.randint(0, 6)) for a in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 8)))]
        ask = Span(s := rnd.randint(0, 45), s + rnd.randint(0, 6))
        # the scan: a span overlaps another when each starts before the other ends
        assert rules.Spans(spans).overlap(ask) == any(ask.start < b.end and b.start < ask.end for b in spans), \
            (spans, ask)
        cues = sorted(rnd.sample(range(30), rnd.randint(1, 6)))
        words = [f"w{i}" for i in range(30)]
        i = rnd.randrange(30)
        nearest = min(cues, key=lambda c: abs(c - i))
        assert tagger._cue_features(i, cues, words)[f"cue_word=w{nearest}"] == 1.0


def test_the_report_before_a_quotation_is_the_last_attribution_ending_before_it():
    """`resolve` finds the report a quotation came through by halving, as the scan found it."""
    text = ("Reuters reported that the drone fell. “It was shot down,” said an analyst. " * 3).strip()
    found = rules.find(text)
    ends = list(itertools.accumulate((a.content.end for a in reversed(found)), min))[::-1]
    for attribution in found:
        before = [a for a in found if a.content.end <= attribution.content.start]
        at = bisect.bisect_right(ends, attribution.content.start)
        assert (found[at - 1] if at else None) is (before[-1] if before else None)
    rules.resolve(text, found)
    assert [a.relay for a in found] == [None, "Reuters"] * 3


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_the_quick_tests_pass_wherever_their_patterns_match():
    """A pattern is skipped when its quick test fails: that must never skip a match."""
    vocabulary = ["said", "told", "added", "has learned", "put it", "is quoted as saying", "pointed out", "also",
                  "on Monday", "according to", "Peskov", "he", "the spokesman", "claimed", "continued", "echoes",
                  ",", ", ", ":", ";", " ", "  ", "\t", "\n", "\u00a0", "a", "ed", "“", "”", '"', "x" * 45, ".",
                  "who", "Ann Lee", "but", "was more"]
    rnd = random.Random(5)
    matched = dict.fromkeys([reason for _, reason, possible in rules.REPORTED if possible] +
                            ["before", "verb before", "did before", "but said"], 0)
    for _ in range(5000):
        words = "".join(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 14)))
        if rnd.random() < 0.5:  # near what the patterns look for: "…, Peskov (also) said, …"
            words = rnd.choice(["The drone", "abc", "Yes"]) + words[:rnd.randint(0, 20)] + ", " + \
                rnd.choice(["Peskov", "he", "the spokesman", "a, b", "Ann Lee,\twho", "Tom Ray, who"]) + \
                rnd.choice([" ", " also ", " on Monday "]) + \
                rnd.choice(["said", "has learned", "claimed", "continued", "claimed it, but said"]) + words[rnd.randint(0, len(words)):]
        for pattern, reason, possible in rules.REPORTED:
            if possible and re.match(pattern, words, re.S):
                matched[reason] += 1
                assert possible(words), (reason, words)
        if rules.SPEAKER_BEFORE.search(words):
            matched["before"] += 1
            assert rules._cue_near_end(words), words
        if rules.SPEAKER_VERB_BEFORE.search(words):
            matched["verb before"] += 1
            assert rules._verb_and_mark_at_end(words), words
        if rules.SPEAKER_DID_BEFORE.search(words):
            matched["did before"] += 1
            assert words.rstrip().endswith(":"), words
        if rules.DID_BUT_SAID.search(words):
            matched["but said"] += 1
            assert rules._cue_near_end(words), words
    assert min(matched.values()) >= 20, matched  # each pattern did match, often
