"""`explainer ingest`: from an article's text to draft story data. The seed article's draft is
compared with the hand-made default story; sentence patterns are checked one by one."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import BIN, ROOT, make_site, mkdocs_build
from explainer.ingest import names as given_names, pos
from explainer.ingest import rules, tagger
from explainer.ingest.rules import Span, double_marked, extract, quotations
from explainer.ingest.rules import extract as rules_extract
from explainer.story.graph import load_story
from explainer.story.relations import relation
from explainer.ingest.dates import when_said
from explainer.ingest.draft import draft
from explainer.story.quotes import normalise

ARTICLE = ROOT / "data" / "texts" / "vision-times-2023-05-05.txt"


def explainer(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "explainer"), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def hand_made():
    return load_story(ROOT / "data")


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """The seed article ingested into a clean data folder, through the command line."""
    project = tmp_path_factory.mktemp("ingest")
    (project / "data").mkdir()
    done = explainer("ingest", str(ARTICLE), "--into", "data", cwd=project)
    assert done.returncode == 0, done.stderr
    return project, done


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_the_draft_passes_check_and_builds(drafted):
    project, done = drafted
    assert re.search(r"^data/vision-times-2023-05-05.yml: \d\d claims \(11 with quotes", done.stdout)
    check = explainer("check", "--data", "data", cwd=project)
    assert check.returncode == 0 and "11 quotes checked against source texts" in check.stdout
    site = make_site(project / "site", project / "data")
    (site / "docs" / "events" / "kremlin-drone-incident.md").unlink()  # prose of the hand-made story's event
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert (site / "site" / "actors" / "dmitry-peskov" / "index.html").exists()


def test_every_quote_of_the_hand_made_story_is_found_with_its_speaker(drafted, hand_made):
    project, _ = drafted
    story = load_story(project / "data")
    missed = []
    for claim in hand_made.claims:
        speaker = hand_made.by_id[claim.claimant]
        for quote in claim.quotes:
            found = [c for c in story.claims if any(normalise(quote.text) in normalise(q.text) for q in c.quotes)
                     and story.by_id[c.claimant].name in (speaker.name, *speaker.aliases)]
            if not found:
                missed.append((speaker.name, quote.text))
    assert sum(len(c.quotes) for c in hand_made.claims) == 11
    assert missed == []


def test_the_draft_holds_no_credit_line_caption_or_speakerless_guess(drafted):
    """"Reuters contributed to this report" is no claim, nor is "seemed to leave" with nobody in its sentence,
    nor what a picture's caption says it "shows"."""
    project, _ = drafted
    story = load_story(project / "data")
    summaries = [c.summary for c in story.claims]
    assert summaries and not [s for s in summaries if re.search(r"this report|seemed|appeared|flying object", s, re.I)]


def test_a_caption_is_nobody_a_pronoun_could_mean():
    """The seed's "FILE PHOTO: A still image … shows …" is no attribution, so no speaker a later "he" could be."""
    text = ARTICLE.read_text(encoding="utf-8")
    found = tagger.extract(text)
    assert not [a for a in found if "PHOTO" in (a.speaker.name or "")]
    assert not [r for a in found for r in a.reasons if "PHOTO" in r]


def test_claim_ids_read_as_who_said_what():
    """An organisation's whole name, a person's surname, then the summary's first words (the cue with them)."""
    text = ("Headline\n\nThe United States rejected the claim, saying Moscow was lying.\n\n"
            "Tom Ray said the talks had failed.\n")
    ids = [c["id"] for c in draft(text, "article").records["claims"]]
    assert ids == ["united-states-rejected-the-claim", "united-states-moscow-was-lying", "ray-the-talks-had-failed"]


def test_relaying_outlets_are_found(drafted):
    project, _ = drafted
    story = load_story(project / "data")

    def outlet(words: str) -> str:
        claim = next(c for c in story.claims if any(words in q.text for q in c.quotes))
        return story.by_id[story.by_id[claim.venue].publisher].name

    assert outlet("The United States has nothing to do with it") == "CNN"  # "Kirby said on CNN"
    assert outlet("It could be a symbolic strike") == "Reuters"  # the paragraph before is Reuters' report


def test_every_claim_says_how_sure_it_is_and_where_it_stands(drafted):
    project, _ = drafted
    lines = (project / "data" / "vision-times-2023-05-05.yml").read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.strip().startswith("# confidence ")]
    assert len(comments) == sum(1 for line in lines if line.startswith("  - id:") and "claimant" in
                                lines[lines.index(line) + 1])
    assert any("'he' taken to be Dmitry Peskov" in line for line in comments)
    assert all("words at characters " in line for line in comments)


def test_speakers_already_in_the_story_are_reused(hand_made):
    made = draft(ARTICLE.read_text(encoding="utf-8"), "another-copy", hand_made)
    assert made.records["actors"] == []  # all 13 speakers matched by name, alias or surname
    assert {c["claimant"] for c in made.records["claims"]} <= set(hand_made.by_id)


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_existing_files_are_never_overwritten_without_merge(drafted):
    project, _ = drafted
    target = project / "data" / "vision-times-2023-05-05.yml"
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    again = explainer("ingest", str(ARTICLE), "--into", "data", cwd=project)
    assert again.returncode == 2 and "already exists" in again.stderr and "--merge" in again.stderr
    merged = explainer("ingest", str(ARTICLE), "--into", "data", "--merge", cwd=project)
    assert merged.returncode == 0 and ": 0 claims" in merged.stdout  # everything is there already
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("content, message", [(b"", "empty: nothing to draft from"),
                                              (b"\xff\xfe\x00 not text", "not UTF-8 text")])
def test_unusable_articles_are_refused_with_a_clear_message(tmp_path, content, message):
    (tmp_path / "article.txt").write_bytes(content)
    (tmp_path / "data").mkdir()
    done = explainer("ingest", "article.txt", "--into", "data", cwd=tmp_path)
    assert done.returncode == 2 and f"article.txt: {message}" in done.stderr and "Traceback" not in done.stderr
    assert list((tmp_path / "data").iterdir()) == []


def test_in_a_folder_one_unusable_article_does_not_stop_the_others(tmp_path):
    """A text decoded twice carries invisible control characters ("FranÃ\x83Â§ois"): left out, with a
    warning; an article that is not UTF-8 is refused; the others are drafted."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_bytes(b"\xff\xfe\x00 not text")
    (articles / "b.txt").write_text("Talks.\n\n“We will meet again in Paris,” President "
                                    "Fran\u00c3\u0083\u00c2\u00a7ois Hollande said.\n", encoding="utf-8")
    (articles / "c.txt").write_text("Talks failed.\n\n“Nothing was agreed today at all,” Ann Lee told Reuters.\n")
    (tmp_path / "data").mkdir()
    done = explainer("ingest", "articles", "--into", "data", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "articles/a.txt: not UTF-8 text" in done.stderr and "1 of 3 articles not drafted" in done.stderr
    assert "articles/b.txt: left out 1 invisible control character(s) (U+0083 on line 3)" in done.stderr
    story = load_story(tmp_path / "data")
    assert sorted(s.id for s in story.sources if s.text_file) == ["b", "c"]
    assert "\u0083" not in (tmp_path / "data" / "texts" / "b.txt").read_text(encoding="utf-8")
    assert {a.name for a in story.actors} == {"Ann Lee", "Hollande", "Reuters"}


def test_a_folder_of_articles_is_ingested_with_a_progress_bar(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text("Leaders met.\n\n“We will talk again next week,” the mayor, Ann Lee, said.\n")
    (articles / "two.txt").write_text("Talks failed.\n\n“Nothing was agreed today at all,” Lee told Reuters.\n")
    (tmp_path / "data").mkdir()
    done = explainer("ingest", "articles", "--into", "data", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ingesting: 100%" in done.stderr and "2/2" in done.stderr
    story = load_story(tmp_path / "data")
    assert [a.name for a in story.actors if a.kind.value == "person"] == ["Ann Lee"]  # matched across articles
    assert {story.by_id[c.claimant].name for c in story.claims} == {"Ann Lee"}


SENTENCES = [
    # (text, speaker, cue, direct, content starts with)
    ("“We will win this war,” Defense Minister Anna Berg said on Monday.", "Anna Berg", "said", True, "“We will"),
    ("“We will win this war,” said Anna Berg, a minister.", "Anna Berg", "said", True, "“We will"),
    ("Anna Berg told reporters: “We will win this war soon.”", "Anna Berg", "told", True, "“We will"),
    ("The ministry said the talks would resume in May.", "ministry", "said", False, "the talks"),
    ("Talks will resume in May, according to Reuters.", "Reuters", "according to", False, "Talks will"),
    ("According to the Kremlin, the drones were shot down.", "Kremlin", "According to", False, "the drones"),
    ("The deal is off, the minister's office said.", "minister's office", "said", False, "The deal"),
    ("“Nobody here will vote for him in November.” ― Karen Lee", "Karen Lee", "―", True, "“Nobody"),
    ("“We will win this war,” Anna Berg, speaking to reporters, said.", "Anna Berg", "said", True, "“We will"),
    ("“Is that all there is to it?” Tom Ray said.", "Tom Ray", "said", True, "“Is that"),
    ("“He is an amazing leader,” said the 46-year-old.", "46-year-old", "said", True, "“He is"),
    ("“Well, we’ll see,” said Tom Ray.", "Tom Ray", "said", True, "“Well"),
    ("Senator Tom Ray on Tuesday denied that he had met the envoy.", "Tom Ray", "denied", False, "that he"),
    # a quotation inside the writer's words is reported speech, its content the whole clause
    ("Tom Ray said the mayor’s “latest outburst is unhinged, even for him.”", "Tom Ray", "said", False, "the mayor’s"),
    ("The mayor’s “latest outburst is unhinged,” Tom Ray said.", "Tom Ray", "said", False, "The mayor’s"),
    # any verb right before the quotation's colon or comma; a participle after another verb
    ("Tom Ray boasted: “That makes me smart and them fools.”", "Tom Ray", "boasted", True, "“That"),
    ("Tom Ray defended the remark, saying “I stand by every word of it.”", "Tom Ray", "saying", True, "“I stand"),
    ("Tom Ray defended the remark, saying he stood by every word of it.", "Tom Ray", "saying", False, "he stood"),
    # an adverb belongs to the cue; an adverbial before the speaker does not belong to the source
    ("During a speech in Ohio, Tom Ray repeatedly said the vote was rigged.", "Tom Ray", "repeatedly said", False,
     "the vote"),
    ("“We are ready for the vote,” Rep. G.K. Butterfield said.", "G.K. Butterfield", "said", True, "“We are"),
    # curly marks nest: the quotation ends where its own mark closes, and the name after the dash signs it
    ("“I’d rather live in what he calls “hell” than vote for him.” ― Adriana Rodarte", "Adriana Rodarte", "―",
     True, "“I’d rather"),
    # before a "that" clause: a day belongs to the cue; whom they told and where are not content
    ("The Defense Ministry announced Tuesday that it would cut the budget.", "Defense Ministry", "announced Tuesday",
     False, "that it"),
    ("Tom Ray told The Washington Post that the plan would fail.", "Tom Ray", "told", False, "that the plan"),
    ("Tom Ray said in a letter that the plan would fail.", "Tom Ray", "said", False, "that the plan"),
    ("Tom Ray told reporters on Monday that the plan would fail.", "Tom Ray", "told", False, "that the plan"),
    ("Tom Ray told the debate audience that the plan would fail.", "Tom Ray", "told", False, "that the plan"),
    ("Tom Ray said Washington should be aware that the plan would fail.", "Tom Ray", "said", False,
     "Washington should be aware that"),
    # verbs of belief, hope and intention are cues too
    ("The central bank expects that growth will slow to one percent.", "central bank", "expects", False, "that growth"),
    ("The police announced on Friday the arrest of a man in the shooting.", "police", "announced", False, "the arrest"),
    # the writer's lead-in before a quotation, ended by a colon, is no part of a direct quote (after a comma it is:
    # annotators take "With so many systems, “there is no single point of failure,” he said" as one content)
    ("He spoke of the vote: “It will not pass this year,” the union wrote.", "union", "wrote", True, "“It will"),
    # the speaker inverted; a person without a name or title
    ("Said Ann Lee: “I don’t get the sense she cares about tax reform.”", "Ann Lee", "Said", True, "“I don’t"),
    ("When pressed, the 34-year-old mother of three replied, “It is meant for mothers.”",
     "34-year-old mother of three", "replied", True, "“It is"),
    ("As Professor Ann Lee put it: “The country does a better job than most.”", "Ann Lee", "put it", True, "“The"),
    # a crowd's chant is quoted too
    ("Protesters marching through the streets chanted “What curfew?” until 2 a.m.",
     "Protesters marching through the streets", "chanted", False, "“What curfew?”"),  # a group, named by no name
    # when a phrase before the cue is no speaker ("Trump attacked Clinton for …, saying"), later patterns are tried
    ("During a speech on Monday, Tom Ray attacked Ann Lee for her record in Iraq and Libya, saying, "
     "“She is trigger-happy and unstable.”", "Tom Ray", "saying", True, "“She is"),
    # a title word the tagger reads as a verb ("host") before a name is still a title
    ("“He did all the things right,” said MSNBC host Chris Matthews.", "Chris Matthews", "said", True, "“He did"),
]


@pytest.mark.parametrize("text, speaker, cue, direct, starts", SENTENCES)
def test_sentence_patterns(text, speaker, cue, direct, starts):
    [found] = extract(text)
    assert (found.speaker.name or found.speaker.title) == speaker
    assert found.cue.of(text) == cue and found.direct == direct
    assert found.content.of(text).startswith(starts)


@pytest.mark.parametrize("text, source, cue", [
    ("Even China, the regime's only ally, said the test was a mistake.", "China, the regime's only ally", "said"),
    ("In a radio interview Tom Ray said the test was a mistake.", "Tom Ray", "said"),
    ("WASHINGTON -- Tom Ray, dedicating the new museum, said the test was a mistake.", "Tom Ray", "said"),
    ("“It is over,” said Tom Ray, summing up talks that lasted a week.", "Tom Ray", "said"),
    ("“It is over,” said Tom Ray, who argued that the talks had failed.", "Tom Ray", "said"),
    ("“It is over,” my father often said.", "my father", "often said"),
    ("I laughed and said, “I do not believe in the devil at all.”", "I", "laughed and said"),
    ("To which she said, “Thank God at least you still believe in it.”", "she", "said"),
    ("The nominee and his aides haven't said whether the test was a mistake.", "The nominee and his aides",
     "haven't said"),
    # a clause is not who speaks; an adverb after the speaker and a participle apposition are not the speaker
    ("During a speech in Ohio, Tom Ray attacked Ann Lee for her votes, saying “I will win this race.”", "Tom Ray",
     "saying"),
    ("He then defended the remark, saying “I stand by every word of it.”", "He", "saying"),
    ("“We will win,” Council President Donald Tusk, summing up the talks, said on Monday.",
     "Council President Donald Tusk", "said"),
])
def test_source_spans_start_where_the_speaker_does(text, source, cue):
    [found] = extract(text)
    assert (found.source.of(text), found.cue.of(text)) == (source, cue)


@pytest.mark.parametrize("text, source", [
    ("“We will win this war,” Anna Berg, speaking to reporters, said.", "Anna Berg"),
    ("“We will win this war,” said Rep. Tom Ray, a Democrat, in a statement.", "Rep. Tom Ray, a Democrat"),
    ("“We will win this war,” Ann Lee, 52, said.", "Ann Lee, 52"),  # as annotators mark it; the name is "Ann Lee"
    ("“We will win this war,” Ann Lee, a senior fellow at the Hoover Institution and a former envoy to Russia, "
     "said of the talks.", "Ann Lee, a senior fellow at the Hoover Institution and a former envoy to Russia"),
    ("“We will win this war,” Rep. Ann Lee said in a statement.", "Rep. Ann Lee"),
    ("“We will win this war,” said Ann Lee in a Friday tweet.", "Ann Lee"),
    ("“We will win this war,” said Ann Lee, a pastor in Ft. Worth, Texas.", "Ann Lee, a pastor in Ft. Worth, Texas"),
    ("“We will win this war,” said Ann Lee, a fellow in Washington, D.C.", "Ann Lee, a fellow in Washington, D.C."),
])
def test_source_spans_end_where_the_speaker_does(text, source):
    [found] = extract(text)
    assert found.source.of(text) == source
    assert found.speaker.name == source.split(",")[0].removeprefix("Rep. ")


def test_quotations_are_the_words_inside_the_marks():
    """A quotation broken by its attribution is two quotes, never the attribution's words; one going on
    in the next sentence of the paragraph belongs to the same claim; two apostrophes are quotation marks too."""
    text = ("Headline\n\n“Nobody can,” Ann Lee added, “not even the mayor.” “We will vote no.”\n\n"
            "''It is all over now,'' said Tom Ray, a senator.")
    made = draft(text, "article")
    assert [(c["quotes"], c["summary"]) for c in made.records["claims"]] == [
        (["Nobody can", "not even the mayor.", "We will vote no."],
         "Nobody can … not even the mayor. We will vote no."),
        (["It is all over now"], "It is all over now.")]


def test_a_quotation_going_on_in_the_next_paragraph_is_the_same_attribution():
    text = ("“We will vote no on this bill,” Ann Lee said.\n\n“And so will the others, I am sure.”\n\n"
            "“Not me, not ever, not now.”")
    [found, alone] = extract(text)
    assert [q.of(text) for q in found.quotes] == ["“We will vote no on this bill,”",
                                                  "“And so will the others, I am sure.”"]
    assert alone.source is None and alone.speaker.name == "Ann Lee"  # a third paragraph: a new one, same speaker


def test_a_pronoun_with_no_speaker_before_it_is_marked_uncertain():
    [found] = extract("“This plan will never work in practice,” he said.")
    assert found.speaker.name is None and found.confidence < 0.5
    assert any(reason.startswith("uncertain") for reason in found.reasons)


def test_a_pronoun_takes_the_nearest_speaker_that_fits():
    text = ("Mayor Ann Lee said the budget was fair.\n\n“It is the best we could do this year,” she said.\n\n"
            "The city council said it would vote against it.\n\n“We cannot accept these cuts at all,” it said.")
    found = extract(text)
    assert [f.speaker.name for f in found] == ["Ann Lee", "Ann Lee", "city council", "city council"] or \
        [f.speaker.name or f.speaker.title for f in found][:2] == ["Ann Lee", "Ann Lee"]


MINI = ROOT / "tests" / "cases" / "ingest" / "polnear-mini"


def test_the_evaluation_scores_a_hand_annotated_article(tmp_path):
    """Four attributions annotated by hand in PolNeAR's format; the extractor finds three of them."""
    out = tmp_path / "eval.json"
    done = subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "eval_ingest.py"), str(MINI), "--out", str(out),
                           "--own", "none"], capture_output=True, text=True, timeout=120)  # our own: scored below
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert result["articles"] == 1
    for role in ("source", "cue", "content"):
        assert result["scores"][f"all/{role}/exact"] == {"precision": 1.0, "recall": 0.75, "f1": 0.857,
                                                         "gold": 4, "predicted": 3}
    assert result["scores"]["direct/source/exact"]["gold"] == 1 and result["scores"]["direct/source/exact"]["f1"] == 1
    assert result["default_story"]["quotes_found"] == result["default_story"]["right_speaker"] == 11
    assert "| all | all three | exact | 1.000 | 0.750 | 0.857 |" in done.stdout and "newsroom" not in result


def test_the_evaluation_never_reads_the_test_split():
    done = subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "eval_ingest.py"), str(MINI), "--split", "test"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "invalid choice: 'test'" in done.stderr


@pytest.fixture(scope="module")
def evaluation():
    """scripts/eval_ingest.py as a module (registered first: its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location("eval_ingest", ROOT / "scripts" / "eval_ingest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_ingest"] = module
    spec.loader.exec_module(module)
    return module


def test_brat_spans_in_pieces_are_read_as_one_span(evaluation):
    text = "“Go home,” she said, “and rest.”"
    ann = "T1\tSource 11 14\tshe\nT2\tCue 15 19\tsaid\nT3\tContent 1 8;22 31\tGo home and rest\n" \
          "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    [gold] = evaluation.read_brat(ann, text)
    assert gold.direct and "".join(text[i] for i in sorted(gold.content)) == "Go homeand rest"
    [found] = evaluation.predicted(text)
    assert found.source == gold.source and found.cue == gold.cue and found.content == gold.content
    # PolNeAR's annotators often take the marks and the comma into the pieces: still the same content
    marked = evaluation.read_brat(ann.replace("Content 1 8;22 31", "Content 0 10;21 32"), text)[0]
    assert marked.content == gold.content


def test_the_tagger_is_trained_by_its_script(tmp_path):
    """train_tagger.py on a one-article train split (the mini corpus): a model that tags text."""
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI / "data" / "dev", corpus / "data" / "train")
    model = tmp_path / "model.crfsuite"
    done = subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "train_tagger.py"), str(corpus),
                           "--out", str(model), "--iterations", "20"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "trained on 1 articles" in done.stdout and model.stat().st_size > 0
    text = (corpus / "data" / "train" / "text" / "city-budget.txt").read_text(encoding="utf-8")
    found = tagger.extract(text, model)
    assert "Ann Lee" in {a.speaker.name for a in found}


def test_the_shipped_tagger_adds_what_the_rules_miss():
    text = "Officials met on Monday.\n\nPolls show Clinton ahead in Ohio by five points.\n"
    assert rules_extract(text) == []
    [found] = tagger.extract(text)
    assert (found.source.of(text), found.cue.of(text)) == ("Polls", "show")
    assert found.content.of(text).startswith("Clinton")
    assert not any("named earlier" in reason for reason in found.reasons)  # "Monday. Polls" is no name
    [reason] = [r for r in found.reasons if r.startswith("labelled by the trained tagger, ")]
    sure = int(re.search(r"(\d+)% sure of its cue and source", reason).group(1))
    assert 0 < sure <= 100 and found.confidence <= sure / 100


EWT_MINI = ROOT / "tests" / "cases" / "ingest" / "ewt-mini"


def test_the_shipped_part_of_speech_tagger_reads_news_sentences():
    words = ["“", "We", "will", "win", ",", "”", "Kremlin", "spokesman", "Dmitry", "Peskov", "told", "reporters",
             ",", "saying", "the", "drones", "were", "shot", "down", "."]
    assert pos.tag(words) == ["``", "PRP", "MD", "VB", ",", "''", "NNP", "NN", "NNP", "NNP", "VBD", "NNS",
                              ",", "VBG", "DT", "NNS", "VBD", "VBN", "RP", "."]


def test_the_part_of_speech_tagger_is_trained_by_its_script(tmp_path):
    """train_pos.py on a two-sentence treebank: its words re-tokenized as news text is ("didn't" one token,
    tagged as its verb; "Al-Ani" one name), and a model that tags them."""
    model = tmp_path / "pos.crfsuite"
    done = subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "train_pos.py"), str(EWT_MINI),
                           "--out", str(model), "--iterations", "30"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "2 sentences" in done.stdout and "dev accuracy 1.000 (17 tokens)" in done.stdout
    assert pos.tag(["Al-Ani", "didn't", "deny", "it"], model) == ["NNP", "VBD", "VB", "PRP"]


def test_a_participle_after_a_quotation_leaves_it_direct():
    text = "In a statement, Tom Ray said: “The plant was a success for a decade,” adding that it made money."
    quote, participle = extract(text)
    assert quote.direct and quote.content.of(text) == "“The plant was a success for a decade,”"
    assert (participle.cue.of(text), participle.content.of(text)) == ("adding", "that it made money")
    assert participle.speaker.name == "Tom Ray" and not participle.direct


def test_a_participle_after_the_speaker_is_not_part_of_the_speaker():
    text = "“It is over,” said Tom Ray, adding hopefully that the talks could resume."
    quote, participle = extract(text)
    assert quote.source.of(text) == participle.source.of(text) == "Tom Ray"
    assert participle.cue.of(text) == "adding"


def test_a_participle_between_two_quotations_starts_a_second_attribution():
    text = "“They are not part of the campaign,” she said, adding, “We are grateful for their support.”"
    said, adding = extract(text)
    assert (said.cue.of(text), said.content.of(text)) == ("said", "“They are not part of the campaign,”")
    assert (adding.cue.of(text), adding.content.of(text)) == ("adding", "“We are grateful for their support.”")
    assert adding.direct and adding.source.of(text) == "she"


def test_a_quotation_in_two_apostrophes_after_a_title_in_them_is_its_own_sentence():
    text = "Obama said so on CBS' ''60 Minutes.'' ''I don't think it posed a security problem,'' he said."
    quote = extract(text)[-1]
    assert (quote.source.of(text), quote.content.of(text)) == ("he", "''I don't think it posed a security problem,''")


def test_a_quotation_ending_a_sentence_is_cut_from_the_next_that_opens_its_own():
    text = "She says he is “part of the system he claims to fight.” She adds, “What kind of genius loses that?”"
    reported, quote = extract(text)
    assert (reported.cue.of(text), reported.direct) == ("says", False)
    assert (quote.cue.of(text), quote.content.of(text), quote.direct) == ("adds", "“What kind of genius loses that?”",
                                                                          True)


def test_reported_words_that_are_no_clause_keep_their_cue_in_the_summary():
    text = ("Headline\n\nThe Defense Ministry denounced the possibility that its troops were involved.\n\n"
            "The Defense Ministry said its troops were not involved in the attack.\n\n"
            "The Defense Ministry blamed the rebels for what it called an attack on civilians.\n\n"
            "The Defense Ministry called out the rebels and held them responsible for the attack.\n")
    made = draft(text, "article")
    assert [c["summary"] for c in made.records["claims"]] == [
        "Denounced the possibility that its troops were involved.", "Its troops were not involved in the attack.",
        "Blamed the rebels for what it called an attack on civilians.",
        "Called out the rebels and held them responsible for the attack."]


def test_an_attribution_inside_its_content_is_left_out_of_the_summary():
    text = ("Headline\n\nToo often, Mayor Ann Lee said, the debate over coal is about tribes.\n\n"
            "The claim that Kiev was behind it, according to Tom Ray, may be a sign that an attack is coming.\n")
    claim, according = draft(text, "article").records["claims"]
    assert claim["summary"] == "Too often the debate over coal is about tribes."
    assert according["summary"] == "The claim that Kiev was behind it may be a sign that an attack is coming."
    said, _ = extract(text)
    assert (said.source.of(text), said.cue.of(text)) == ("Mayor Ann Lee", "said")


def test_a_dash_and_and_start_a_second_attribution():
    text = "Tom Ray said the talks would be hard — and he noted that any change would come too late."
    assert [(a.cue.of(text), a.content.of(text)) for a in extract(text)] == [
        ("said", "the talks would be hard"), ("noted", "that any change would come too late")]


def test_whom_they_told_is_the_relay_not_the_content():
    text = "Tom Ray told The Washington Post that the plan would fail."
    [found] = extract(text)
    assert found.relay == "Washington Post" and found.content.of(text) == "that the plan would fail"


def test_a_clause_that_begins_with_its_cue_has_the_sentences_speaker():
    text = "Ann Lee promised to stay in the race and said she would fight the ruling, though she admitted it was late."
    assert [(a.source.of(text), a.cue.of(text), a.content.of(text)) for a in extract(text)] == [
        ("Ann Lee", "promised", "to stay in the race"), ("Ann Lee", "said", "she would fight the ruling"),
        ("she", "admitted", "it was late")]


def test_what_follows_the_speaker_of_a_quotation_is_another_finding():
    text = "“We need change,” Tom Ray said, arguing that he would bring “common sense” to the job."
    quote, participle = extract(text)
    assert quote.direct and [q.of(text) for q in quote.quotes] == ["“We need change,”"]
    assert (participle.cue.of(text), participle.content.of(text)) == (
        "arguing", "that he would bring “common sense” to the job")


def test_words_yaml_would_read_as_true_false_or_numbers_stay_text(tmp_path):
    """A speaker called "No" (a sentence starting "No, …" was read as one) must not come back as false."""
    text = "Talks.\n\n“We will meet again in Paris next week,” Yes said.\n\n“Nothing was agreed at all,” On said.\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    (tmp_path / "data").mkdir()
    done = explainer("ingest", "article.txt", "--into", "data", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "data" / "article.yml").read_text(encoding="utf-8")
    assert 'id: "yes"' in written and 'name: "On"' in written
    assert {a.name for a in load_story(tmp_path / "data").actors} == {"Yes", "On"}


def test_curly_quotation_marks_nest_and_fall_back_when_unbalanced():
    nested = "He said “we call it “hell” and leave” today."
    assert [q.of(nested) for q in quotations(nested, Span(0, len(nested)))] == ["“we call it “hell” and leave”"]
    unbalanced = "He said “we call it “hell” and leave today."
    assert [q.of(unbalanced) for q in quotations(unbalanced, Span(0, len(unbalanced)))] == ["“we call it “hell”"]


SPEAKERS = [
    # (text, the speaker's name or None when the phrase names nobody, title): issue 18's failure patterns,
    # in sentences made up for them, in several outlets' styles
    # a particle is a word of a name, never the start of another word
    ("The alliance said the talks would go on.", None, "alliance"),
    ("The Tory leader said the plan was dead.", None, "Tory leader"),
    ("A decision is expected next week, the court said.", None, "court"),
    ("“The border stays open,” said Charles de Villiers, the prefect.", "Charles de Villiers", "prefect"),
    ("Bashar al-Assad said the army would stay.", "Bashar al-Assad", None),
    # a possessive says whose the speaker is
    ("The EU's trade chief said the deal was close.", None, "EU's trade chief"),
    ("“We are not finished,” Mr Kok’s spokesman said.", "Kok", "Mr"),  # his spokesman speaks for him
    # a leading clause is not the speaker, nor is a name after a preposition
    ("Welcoming the verdict, Ruth Cole, director of Open Courts, said: “Justice was done today.”", "Ruth Cole",
     "director of Open Courts"),
    ("Asked about the fire, Chief Inspector Dan Moss said the cause was not known.", "Dan Moss", "Chief Inspector"),
    ("The chairman of Harbour Watch, Sir Tom Reid, said the port must close.", "Tom Reid", "chairman of Harbour Watch"),
    ("Ann Lee of the Lisbon Forum said the vote was fair.", "Ann Lee", None),
    ("“It was chaos,” said Pia Holm from the Red Cross.", "Pia Holm", None),
    # an adverb opening the sentence is no name
    ("Later Ann Lee added: “We will strike on Monday.”", "Ann Lee", None),
    ("Meanwhile Tom Ray said the vote would wait.", "Tom Ray", None),
    # a title's full stop does not end the sentence after a quotation that ends in a question mark
    ("“Who pays for this?” Mr. Clyburn said.", "Clyburn", "Mr."),
    ("“Why now?” asked Dr. Helen Okafor, a surgeon.", "Helen Okafor", "surgeon"),
    # words that say who someone is are no part of their name
    ("“I will be back next week,” said Caller Tom Brierley.", "Tom Brierley", "Caller"),
    ("“It was a team effort,” Co-star Melanie Drake said.", "Melanie Drake", "Co-star"),
    ("Mum-of-two Lil Evans said the school had failed her sons.", "Lil Evans", "Mum-of-two"),
    ("“It was in a bin bag,” said Hubby Tom Brierley.", "Tom Brierley", "Hubby"),
    ("Postman Dev Okoro said the dog had bitten him twice.", "Dev Okoro", "Postman"),
    ("Prosecutor Ines Varga told the jury: “He lied to you.”", "Ines Varga", "Prosecutor"),
    ("Stunned dad Vik Arora, 38, who was at the back of the hall, said: “Nobody could believe it.”", "Vik Arora",
     "Stunned dad"),
    ("Cross-examining Dr Ines Varga, counsel Tom Ray suggested the logs had been “chaotic” for years.", "Tom Ray",
     "counsel"),
    # the name of a relative that ends the leading clause is theirs, not the speaker's
    ("Harriet Cole bought him cheaply. Owned with her mother, Penny, he is unbeaten. “Today is why,” she said.",
     "Harriet Cole", None),
    # an introduction ending in a colon after what the speaker did, or "…, but said:"
    ("Port chief Ola Dunn defended the new rota in a phone-in on Monday: “Nobody loses a break.”", "Ola Dunn",
     "Port chief"),
    ("Winger Kofi Asare, the club captain, was more measured: “We lost our shape after the break.”", "Kofi Asare",
     "club captain"),
    ("Dr Ines Varga took the stand. She conceded that some files were lost, but said: “No patient was harmed.”",
     "Ines Varga", "Dr"),
    ("Its organiser, third-year student Moira Kell, said: “We started with six plots and a kettle.”", "Moira Kell",
     "organiser"),
    # a title opening the sentence, the name in the apposition after it
    ("Counsel to the inquiry, Ruth Obi KC, asked whether anyone had answered her letters.", "Ruth Obi",
     "Counsel to the inquiry"),
    ("The local MP, Dev Patel-Hume, said he would raise the closure in parliament.", "Dev Patel-Hume", "local MP"),
    # titles other countries' papers give
    ("Premier Jo Kettering said: “The water will get there.”", "Jo Kettering", "Premier"),
    ("Shri Mohan Lal Verma said the plan was the fourth in ten years.", "Mohan Lal Verma", "Shri"),
    ("Sri Lanka said the ship would be allowed to dock at Hambantota.", "Sri Lanka", None),  # a country, no title
    ("Cllr Dee Marsh said the charges were unfair on market towns.", "Dee Marsh", "Cllr"),
    # "in what X called": the words are X's
    ("The mill will close, with 90 jobs lost, in what the Weavers' Guild has called “a betrayal of the valley”.",
     "Weavers' Guild", None),
    ("Former minister Tom Ray said the plan would fail badly.", "Tom Ray", "Former minister"),
    ("Outside court, defence barrister Julian Ash said his client would appeal.", "Julian Ash", "defence barrister"),
    ("Hassan al-Amiri spoke first. “We will ration water,” al-Amiri said.", "Hassan al-Amiri", None),
    ("“We will appeal,” said Julian Ashdown KC.", "Julian Ashdown", None),  # post-nominals are no name
    ("“The river is ours too,” said Water Minister Hassan al-Amiri.", "Hassan al-Amiri", "Water Minister"),
    ("Domaine Skiable d'Arlès called the claims unfounded and hurtful.", "Domaine Skiable d'Arlès", None),
    # a later quotation in the sentence does not undo the speaker before it
    ("“We will fight on,” said Ann Lee, a nurse at the clinic, as the crowd chanted “Nobody is leaving.”", "Ann Lee",
     "nurse at the clinic"),
    ("\"We will fight on,\" said Ann Lee, a nurse, who called the closure \"a disgrace.\"", "Ann Lee", "nurse"),
]


@pytest.mark.parametrize("text, name, title", SPEAKERS)
def test_the_speaker_is_a_name_or_nobody_never_a_fragment(text, name, title):
    found = extract(text)[0]
    assert (found.speaker.name, found.speaker.title) == (name, title)


UNNAMED = ("Harbour inquiry hears of failures\n\n"
           "A judge said: “These families were failed by everyone who should have protected them.”\n\n"
           "“We raised this in 2019 and again in 2021,” organisers said in a statement.\n\n"
           "Tom Reid, the harbour master, said the port had done what it could. “We followed every rule,” he said.\n\n"
           "The inquiry resumes on Monday, when the “whole truth” is promised.\n")


def test_no_quotation_is_dropped_without_a_word(tmp_path):
    """Every quotation ends in a claim or in the list of those without a speaker the draft could name, with
    its offsets and who the text says spoke; the command's summary counts both."""
    (tmp_path / "article.txt").write_text(UNNAMED, encoding="utf-8")
    (tmp_path / "data").mkdir()
    done = explainer("ingest", "article.txt", "--into", "data", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "4 quotations: 1 attributed, 3 without a speaker (listed at the end of the file)" in done.stdout
    draft_file = (tmp_path / "data" / "article.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^# - characters (\d+)-(\d+)(?:, said by '([^']+)' \(nobody named\))?: (.+)$", draft_file, re.M)
    assert [(UNNAMED[int(a):int(b)], who) for a, b, who, _ in listed] == [
        ("“These families were failed by everyone who should have protected them.”", "A judge"),
        ("“We raised this in 2019 and again in 2021,”", "organisers"),
        ("“whole truth”", "")]
    assert [words for *_, words in listed] == [UNNAMED[int(a):int(b)] for a, b, *_ in listed]
    story = load_story(tmp_path / "data")  # the list is a comment: the draft is valid data
    assert [c.quotes[0].text for c in story.claims if c.quotes] == ["We followed every rule"]


def test_a_draft_where_every_quotation_has_a_speaker_lists_none(tmp_path):
    made = draft("Talks.\n\n“We will meet again,” said Ann Lee.\n", "talks")
    assert (made.quotations, made.unattributed) == (1, [])


@pytest.mark.parametrize("text, name", [
    # a pronoun is the person the sentence before is about, not the last speaker (issue 18, pattern 4)
    ("Union leaders said the strike would go ahead. Mr Snow, the new coach, has praised the squad. "
     "“They are the fittest team I have seen,” he said.", "Snow"),
    ("“We will appeal,” said Ann Lee, the defence lawyer. Judge Maria Ortiz then adjourned the case. "
     "“The jury needs a rest,” she said.", "Maria Ortiz"),
    ("“Prices will rise,” said Tom Ray, an economist. Ray expects a slowdown in spring. "
     "“It will be short,” he said.", "Tom Ray"),  # the same man: the last speaker, by his surname
    # a quotation introduced by the sentence before it, ended by a colon: that sentence's speaker
    ("The mayor, Tom Reid, spoke first. He added:\n\n“We will rebuild the harbour.”", "Tom Reid"),
    # a common word before a comma opens a list, not a name ("Gloves, water and lunch")
    ("Leialoha Kane said the pond needed help. Gloves, water and lunch will be provided. “Bring your family,” she "
     "said.", "Leialoha Kane"),
    ("Tom Ray spoke first. Bread, milk and eggs ran out by noon. “We were not ready,” he said.", "Tom Ray"),
    # nor is the name of a place that ends a leading clause ("Speaking from the capital, Bel Hamra,")
    ("Tom Ray spoke first. Speaking from the capital, Bel Hamra, UNHFA Country Director Amina Kouro described the "
     "camps as dire. “Children have not eaten for days,” she said.", "Amina Kouro"),
])
def test_a_pronoun_is_who_the_sentence_before_is_about(text, name):
    assert extract(text)[-1].speaker.name == name


def test_only_verbs_of_speech_come_before_their_speaker():
    """"…, said the minister" names who spoke; "…, has praised the squad" names whom he praised."""
    [found] = extract("The cuts will hurt the poorest, said the minister.")
    assert found.source.of(found.source and "The cuts will hurt the poorest, said the minister.") == "the minister"
    assert all(a.speaker.title != "squad" for a in extract("Mr Snow, the new coach, has praised the squad."))


FRIDAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize("words, date, time", [
    ("said on Thursday", "2026-11-26", None),
    ("said on Friday", "2026-11-27", None),  # the day it was published
    ("said on Saturday", "2026-11-21", None),  # the last Saturday before it
    ("told reporters yesterday", "2026-11-26", None),
    ("said on Thursday morning", "2026-11-26", None),
    ("wrote late last night", "2026-11-26", None),
    ("said at 2:27 a.m. on Wednesday", "2026-11-25", "02:27"),
    ("said at 9.30pm on Tuesday", "2026-11-24", "21:30"),
    ("said at noon today", "2026-11-27", "12:00"),
    ("said on May 3", "2026-05-03", None),
    ("said on 30 December", "2025-12-30", None),  # said before it was published: the year before
    ("said on 3 May 2023", "2023-05-03", None),
    ("At 1.34am, the agent asked for a recount", "2026-11-27", "01:34"),  # a time alone: the article's day, as blogs give it
])
def test_days_are_read_against_the_articles_date(words, date, time):
    said = when_said(words, FRIDAY)
    assert (said.date.isoformat(), said.time) == (date, time)
    assert "in an article of Friday 2026-11-27" in said.reason


@pytest.mark.parametrize("words", ["said", "said at 3", "said on 31 February", "said in December",
                                   "told the Sunday Times"])
def test_words_that_name_no_day_give_no_date(words):
    assert when_said(words, FRIDAY) is None


def test_without_the_articles_date_no_day_is_resolved_and_the_draft_says_so():
    assert when_said("said on Thursday", None) == "'on Thursday' not resolved: the article has no date (give it with --date)"


DATED = ("Council rejects harbour plan\n\nPublished: Nov. 27, 2026\n\n"
         "“We will not pay for a second dock,” Mayor Tom Reid said at 2:27 a.m. on Wednesday.\n\n"
         "Ann Lee, who chairs the transport committee, said yesterday that the vote would be held again on Monday.\n")


def test_a_claim_gets_the_day_its_speaker_spoke_not_the_day_spoken_of():
    made = draft(DATED, "harbour")
    assert made.records["sources"][0]["date"] == FRIDAY  # from the date line
    claims = {c["claimant"]: c for c in made.records["claims"]}
    assert (claims["tom-reid"]["date"], claims["tom-reid"]["time"]) == (dt.date(2026, 11, 25), "02:27")
    assert claims["ann-lee"]["date"] == dt.date(2026, 11, 26)  # said yesterday; not Monday, the vote's day
    assert "said 2026-11-26: 'yesterday' in an article of Friday 2026-11-27" in made.comments[claims["ann-lee"]["id"]]
    assert [c["id"] for c in made.records["claims"] if "rejects" in c["id"]] == []  # the headline is no claim
    leading = draft(DATED.replace("Ann Lee, who", "In a statement issued yesterday, Ann Lee, who").replace(
        "said yesterday that", "said that"), "harbour")
    assert [c.get("date") for c in leading.records["claims"] if c["claimant"] == "ann-lee"] == [dt.date(2026, 11, 26)]
    assert {a["id"]: a.get("role") for a in made.records["actors"]} == {
        "tom-reid": "Mayor", "ann-lee": "chair of the transport committee"}


def test_words_without_a_day_take_the_day_of_the_same_speakers_words_before():
    """One interview, one day: the day given once ("told the programme on Sunday") holds for the speaker's next
    words until a day of their own; another speaker's words take nothing from it; the comment says so."""
    made = draft("Tax row\n\nFriday, November 27, 2026\n\nThe minister, Ann Lee, told the programme on Sunday: "
                 "“Bills will rise for every family.”\n\n“Nobody likes it,” she said.\n\n“It is a disgrace,” said Tom Ray.\n\n"
                 "Ann Lee said on Wednesday that the rise would be smaller.\n\n“It will be fair,” she added.\n", "tax")
    days = [(c["claimant"], c.get("date")) for c in made.records["claims"]]
    sunday, wednesday = dt.date(2026, 11, 22), dt.date(2026, 11, 25)
    assert days == [("ann-lee", sunday), ("ann-lee", sunday), ("tom-ray", None), ("ann-lee", wednesday),
                    ("ann-lee", wednesday)]
    assert "the day of Ann Lee's words before (check)" in made.comments[made.records["claims"][1]["id"]]


@pytest.mark.parametrize("text, said_by", [
    ("Kerry Vance took the cup. A source close to the club said: “The dressing room is split.”", "A source close to the club"),
    ("Kerry Vance took the cup. One shopper, who did not want to be named, said: “Prices are a joke.”",
     "One shopper, who did not want to be named"),
    ("Kerry Vance took the cup. “Nobody saw it coming,” said a steward.", "a steward"),
    ("Kerry Vance took the cup. An aide, speaking on condition of anonymity, said the deal was “dead”.", "An aide"),
    # the one kept anonymous before, not the last named speaker
    ("“We won,” Kerry Vance said. A senior official of the league, requesting anonymity, said the final was "
     "“rushed”. “Nobody checked the clock,” said the official.", "the official: A senior official of the league"),
    ("“We won,” Kerry Vance said. One of the fans, a nurse who asked us not to use her name, stood by the gate. "
     "“I cried all the way home,” she said.", "she: One of the fans"),
    ("“We won,” Kerry Vance said. One trader, who said he had lost money, was less sanguine. “I am not sleeping,” he "
     "said.", "he: One trader"),
])
def test_somebody_the_article_does_not_name_is_nobody_named_before(text, said_by):
    """An indefinite phrase ("a source", "one shopper") or one kept anonymous introduces somebody new: their
    words are listed as said by them, never given to the last person named."""
    made = draft(text, "cup")
    assert [c["claimant"] for c in made.records["claims"] if c["claimant"] != "kerry-vance"] == []
    assert said_by in [u.said_by for u in made.unattributed]


@pytest.mark.parametrize("text, claimant", [
    ("Tidewell Ferries cut the route. A spokeswoman said: “It no longer pays.”", "tidewell-ferries"),
    ("Tidewell Ferries cut the route. A Tidewell spokeswoman said: “It no longer pays.”", "tidewell-ferries"),
    # after a time that opens the sentence with no comma; one who speaks for a person named before by a given name
    ("Tidewell Ferries cut the route. Last night a spokeswoman said: “It no longer pays.”", "tidewell-ferries"),
    ("TV host Danny Kerslake and his wife Shona have split after ten years. A spokesman for Danny said: “They ask "
     "for privacy.”", "danny-kerslake"),
])
def test_an_unnamed_spokesperson_still_speaks_for_the_organisation(text, claimant):
    made = draft(text, "ferries")
    assert [c["claimant"] for c in made.records["claims"]] == [claimant]


@pytest.mark.parametrize("where", ["shortly after 10 p.m.", "at 9.30 a.m.", "in the U.S.", "at the U.N."])
def test_a_quotation_after_an_abbreviation_ending_the_sentence_is_the_same_speakers(where):
    made = draft(f"“I heard you,” Ann Lee told supporters {where} “Now the easy part is over.”", "count")
    assert [(c["claimant"], c["quotes"]) for c in made.records["claims"]] == [
        ("ann-lee", ["I heard you", "Now the easy part is over."])]


def quoted_claimants(made) -> list[str]:
    """Who the draft's claims with quotations are by, in order."""
    return [c["claimant"] for c in made.records["claims"] if c.get("quotes")]


@pytest.mark.parametrize("text, claimant", [
    # "it" is the document named just before: whoever issued it speaks
    ("Mo showed me the letter from his landlord, Harrowgate Properties. It says the rent reflects “the market”.",
     "harrowgate-properties"),
    ("The county published a review by the Fenwick Institute on Monday. It warns that “no bridge is safe”.",
     "fenwick-institute"),
    # a spokesperson for the organisation named in full before, then by its first word
    ("The lease is held by Harrowgate Properties. I emailed Harrowgate to ask why. A spokesperson replied: "
     "“We do not discuss tenancies.”", "harrowgate-properties"),
])
def test_a_document_or_spokesperson_speaks_for_whoever_the_text_named_with_it(text, claimant):
    made = draft(text, "rent")
    assert quoted_claimants(made) == [claimant]


@pytest.mark.parametrize("sentence", [
    "Others said the repairs could not wait.",
    "Anyone with information is asked to call police, officers said.",
    "Arable farmers said months of rain had ruined the crop.",
    "Q: Conservators will say handling damages textiles.",
])
def test_a_common_word_opening_a_sentence_is_no_speakers_name(sentence):
    made = draft(f"Ann Lee runs the depot.\n\n{sentence}\n", "depot")
    assert {a["name"] for a in made.records["actors"]} <= {"Ann Lee"}


def test_a_date_line_is_nobody_a_sentence_is_about():
    made = draft("Gravel pit vote\n\nSaturday, March 14, 2026\n\nTHORNBURY — The reeve of the township says she will "
                 "cast the deciding vote.\n", "gravel")
    assert "Saturday" not in {a["name"] for a in made.records["actors"]}


@pytest.mark.parametrize("text, name", [
    ("Rain fell all week, according to the Coastal Weather and Marine Service, which warned of “more to come”.",
     "Coastal Weather and Marine Service"),
    ("The Northern Bridge and Tunnel Authority (NBTA) wrote to drivers to say the tolls were “unavoidable”.",
     "Northern Bridge and Tunnel Authority"),
    ("In a statement, the Diocese of Carrowmere described the shelter as “a work of mercy”.", "Diocese of Carrowmere"),
    ("Following the debate, the Department of Upland Roads said the report would be “published soon”.",
     "Department of Upland Roads"),
    # two who speak together are two, not one name
    ("Tom Reid and Harbour Ferries said the route was “dead”.", "Harbour Ferries"),
    # an organisation's head and "of" before its name; a short name ends the whole one named before
    ("Ann Lee said design work had begun at Upland Roads.\n\nAfter the debate, the Department of Upland Roads said the "
     "report would be “tabled soon”.", "Department of Upland Roads"),
    ("The Kelbridge Evening Post broke the story. The Evening Post said the sale was “a disgrace”.",
     "Kelbridge Evening Post"),
    # a short name the article defined is the name it stands for
    ("The rules came from the Harbour Standards Board (HSB). The HSB defended them. A spokesperson said: “They are "
     "fair to everyone.”", "Harbour Standards Board"),
])
def test_an_organisation_is_named_whole_with_its_and_or_of(text, name):
    made = draft(text, "names")
    assert [a["name"] for a in made.records["actors"] if a["name"] != "Ann Lee"] == [name]


@pytest.mark.parametrize("text, name", [
    ("Minister of State for the Environment Low Hui Ling said the centre was “showing its age”.", "Low Hui Ling"),
    ("Madam Ng Siew Lan, 71, said she was “relieved but tired”.", "Ng Siew Lan"),
    ("Reeve Colleen Ashdown said the pit was “a done deal”.", "Colleen Ashdown"),  # a title before a given name
])
def test_a_family_name_written_first_is_part_of_the_name(text, name):
    made = draft(text, "names")
    assert [a["name"] for a in made.records["actors"]] == [name]


def test_a_deed_then_a_participle_quoting_is_one_claim():
    """"Ann Lee announced the plans on Tuesday, saying the centre “…”": the quotation is the participle's, once."""
    made = draft("Ann Lee announced the plans on Tuesday, saying the centre “has served us well”.", "plans")
    assert [c["quotes"] for c in made.records["claims"] if c.get("quotes")] == [["has served us well"]]


@pytest.mark.parametrize("text, claimant", [
    # a deed, however long, that ends in the document it quotes; an irregular verb's past
    ("Singer Mara Lind shared photos of the ring on Instagram on Thursday, with a caption that read: “Yes, a thousand "
     "times yes.”", "mara-lind"),
    ("Bank chief Ola Brandt sought to calm savers in a post on Monday: “Deposits are safe. Nothing has changed.”",
     "ola-brandt"),
    ("Ann Lee thanked the volunteers. She had one request for residents: “Keep coming back.”", "ann-lee"),
    # a report its issuer published, named in the sentence before
    ("The Rail Accident Board published its interim report on Wednesday. The report states that the driver “did not "
     "see the signal”.", "rail-accident-board"),
    ("Sheikh Omar Haddad, imam of the town's mosque, opened the shelter. “We cook together,” the imam said.",
     "omar-haddad"),
])
def test_who_did_it_speaks_through_what_they_issued_or_did(text, claimant):
    made = draft(f"News in brief\n\n{text}\n", "issued")
    assert quoted_claimants(made) == [claimant]


def test_an_office_is_nobodys_name_and_the_member_for_a_seat_is_the_name_after_it():
    made = draft("Grid row\n\nProvincial Minister for Energy Karim Baig visited the station on Monday.\n\n“We are fixing it "
                 "feeder by feeder,” the minister said.\n\nThe Member for Eastmere, Mr Gordon Hale, called across the "
                 "chamber: “Where has the money gone, Minister?”\n", "grid")
    assert "Provincial Minister" not in {a["name"] for a in made.records["actors"]}
    assert quoted_claimants(made)[-1] == "gordon-hale"


def test_the_report_is_whoever_published_it():
    made = draft("Crash inquiry\n\nThe Rail Accident Board (RAB) published its interim report on Wednesday.\n\n"
                 "The lead inspector, Ann Lee, said it was early. She added: “We have made two recommendations.”\n\n"
                 "The report says the driver “did not see the signal”.\n", "crash")
    assert quoted_claimants(made) == ["ann-lee", "rail-accident-board"]


@pytest.mark.parametrize("marked", ["the so-called “night rota”", "what the firm has dubbed “Project Dawn”",
                                    "the phrase “managed decline”",
                                    # what people habitually call a thing, or know it as: its name, nobody's words
                                    "what porters call “the long corridor”", "what the industry calls a “bed block”",
                                    "a rota known among junior doctors as “the treadmill”",
                                    "a rota referred to as the “graveyard ladder”", "a scheme dubbed the “winter shuffle”",
                                    "a rota which agency staff now call “the lottery”", "the motto “Safe Hands”"])
def test_a_term_in_quotation_marks_is_listed_as_a_term_not_quoted_in_a_claim(marked):
    made = draft(f"Care row\n\nTom Reid said staff were stretched under {marked} last winter.\n", "care")
    assert all(not c.get("quotes") for c in made.records["claims"])
    [listed] = made.unattributed
    assert listed.said_by.startswith("nobody: a term (")


@pytest.mark.parametrize("marked", ["what he calls the “moving target”", "what she called “a betrayal of the wards”"])
def test_what_one_person_calls_a_thing_is_a_quotation_of_them(marked):
    made = draft(f"Care row\n\nTom Reid said staff were stretched under {marked} last winter.\n", "care")
    assert [c.get("quotes") for c in made.records["claims"]] == [[marked.split("“")[1].rstrip("”")]]
    assert made.unattributed == []


@pytest.mark.parametrize("text, quotes", [
    # a quotation a colon introduced is not the next sentence's speaker's
    ("Harbour Care Ltd said in a statement: “We accept the verdict.” The company rejected claims that logs were "
     "altered, calling them “entirely unfounded”.", {"harbour-care-ltd": 2}),
    # a document says what whoever made it says
    ("A petition organised by the Lower Fenn Residents’ Association described the cracks as “getting worse”.",
     {"lower-fenn-residents-association": 1}),
    ("Harrowgate Properties bought the block in May. Harrowgate’s planning application promises a “lifestyle "
     "destination” for the street.", {"harrowgate-properties": 1}),
    # an office before a name is no clause to strip; a participle of writing quotes its writer
    ("Outgoing mayor Frank Osei, who did not run again, congratulated her online, writing that the city was “in good "
     "hands.”", {"frank-osei": 1}),
])
def test_who_said_it_through_a_statement_a_petition_or_a_post(text, quotes):
    made = draft(f"News in brief\n\n{text}\n", "brief")
    counted = collections.Counter(c["claimant"] for c in made.records["claims"] for _ in c.get("quotes", []))
    assert dict(counted) == quotes


@pytest.mark.parametrize("text, quoted", [
    ("Nurse Olwen Price said: 'On a bad night, \"four hours\" becomes the whole shift.'",
     'On a bad night, "four hours" becomes the whole shift.'),
    ("‘When the Bishop rang me, he said, “Let’s do it.” So here we are,’ the imam, Omar Haddad, said.",
     "When the Bishop rang me, he said, “Let’s do it.” So here we are"),
])
def test_a_quotation_inside_one_in_single_marks_is_held_whole_and_verbatim(text, quoted):
    made = draft(f"Ward row\n\n{text}\n", "ward")
    assert [c["quotes"] for c in made.records["claims"]] == [[quoted]] and made.unattributed == []


def test_the_minister_is_who_an_apposition_named_with_that_office():
    made = draft("Question Time\n\nThe Member for Leith, Mr Ewan Kerr, asked the Minister for Roads and Ferries, Ms Ines "
                 "Vidal, for a date.\n\n“Will the Minister answer?” Mr Kerr asked.\n\nThe Minister replied that the pier "
                 "showed “serious section loss”.\n", "questions")
    assert quoted_claimants(made) == ["ewan-kerr", "ines-vidal"]
    assert {a["id"]: a.get("role") for a in made.records["actors"]}["ines-vidal"] == "Minister for Roads and Ferries"


def test_a_new_study_is_nobody_named_before():
    made = draft("By Ann Lee\n\nShort walks help, according to a new study. “It surprised us,” said Tom Reid.", "walks")
    assert "ann-lee" not in {c["claimant"] for c in made.records["claims"]}


OCCASION = "Ferry row\n\nPublished: Nov. 27, 2026\n\n{}\n"


@pytest.mark.parametrize("paragraphs, date, comment", [
    # the paragraph names the occasion, then quotes: the words were said that day, to be checked
    (["The harbour board voted the plan down on Wednesday night. “It is a sad day,” said Tom Reid."],
     dt.date(2026, 11, 25), "the day the paragraph named before ('on Wednesday night'"),
    (["Fishermen blocked the quay yesterday. Their leader, Ann Lee, said: “We will stay until they listen.”"],
     dt.date(2026, 11, 26), "('yesterday'"),
    # the story's lead names its news, the occasion of what follows: its first paragraph, or its second where the
    # first names no day
    (["The harbour board voted the plan down on Wednesday night.", "“It is a sad day,” said Tom Reid."],
     dt.date(2026, 11, 25), "the day the story's lead named before ('on Wednesday night'"),
    # a day in another paragraph before is only a hint: the story may have moved on
    (["The harbour board met in Leith.", "It voted the plan down on Wednesday night.", "“It is a sad day,” said Tom Reid."],
     dt.date(2026, 11, 25), "the day the story's lead named before ('on Wednesday night'"),
    (["The harbour board met in Leith on Tuesday.", "It voted the plan down on Wednesday night.",
      "“It is a sad day,” said Tom Reid."],
     None, "the story named 'on Wednesday night' (2026-11-25) in a paragraph before; not set (check)"),
    # a day ahead is when something will happen; a time named since is another occasion
    (["Results will be declared on Thursday. “It is a sad day,” said Tom Reid."], None, None),
    # but a day in the clause of saying after words that look ahead is when they were said
    (["The crossing will be finished by 2027, the harbour board said on Wednesday.", "“It is a sad day,” said Tom "
      "Reid."], dt.date(2026, 11, 25), "the day the story's lead named before ('on Wednesday'"),
    (["The bridge closed on Monday. In a 2019 interview, Tom Reid said: “It is a sad day.”"], None, None),
])
def test_words_without_a_day_take_the_day_of_the_occasion_their_paragraph_named(paragraphs, date, comment):
    made = draft(OCCASION.format("\n\n".join(paragraphs)), "ferry")
    [claim] = made.records["claims"]
    assert claim.get("date") == date
    assert (comment or "no day given") in made.comments[claim["id"]] or comment is None


@pytest.mark.parametrize("line, date", [
    ("Published: Nov. 27, 2026", FRIDAY), ("27 November 2026", FRIDAY), ("Friday, November 27, 2026 10:14 GMT", FRIDAY),
    ("Updated on 2026-11-27", FRIDAY), ("Sept. 27, 2026", dt.date(2026, 9, 27)),
    ("Last updated 09:12 IST, 27 Nov 2026", FRIDAY), ("Updated 4.05pm AEDT, November 27, 2026", FRIDAY),
    ("FAIRMONT, W.Va. (Nov. 27, 2026) — The county board met.", FRIDAY),
    ("PUNE, 27 Nov 2026 (Wire) - Water tankers ran dry.", FRIDAY),
    ("NEW DELHI, November 27, 2026: The lake was drained.", FRIDAY),
    ("Ulaanbaatar, November 27, 2026 /MONTSAME/. Herders lost their stock.", FRIDAY),
    # dressed by the outlet: a place, the paper's name, a byline or an issue number before it, a time after it
    ("Brussels, Friday 27 November 2026", FRIDAY), ("The Harbour Gazette, Friday, November 27, 2026", FRIDAY),
    ("By Ann Lee | Coastal Desk | Posted Fri 27 Nov 2026 at 4:05pm", FRIDAY),
    ("From our correspondent\nIssue 12 · Friday, November 27, 2026", FRIDAY),
    ("Published Nov. 27, 2026, 9:40 p.m.", FRIDAY), ("Fri 27 Nov 2026 07.00 GMT", FRIDAY),
    # a date in a sentence of the story is news, not the day it was published
    ("The harbour board signed the lease on 3 March 2026.", None)])
def test_the_articles_date_line_is_read_in_any_common_form(line, date):
    """A line of its own, or the dateline that opens the first paragraph, as outlets in several countries write them."""
    made = draft(f"Council rejects harbour plan\n\n{line}\n\nTom Ray said the plan was dead.\n", "harbour")
    assert made.records["sources"][0].get("date") == date


def test_a_day_named_between_two_quotations_is_the_speakers():
    """The attribution standing between two quotations of one speaker is read for its day, not blanked with them."""
    made = draft("Chip maker cuts forecast\n\nPublished: Nov. 27, 2026\n\n“Customers are cautious,” Ann Lee said on a "
                 "call with analysts on Wednesday. “Orders will return in the spring.”\n", "chips")
    [claim] = made.records["claims"]
    assert claim["date"] == dt.date(2026, 11, 25)


@pytest.mark.parametrize("apposition, role", [
    ("who chairs the transport committee", "chair of the transport committee"),
    ("who is the county treasurer", "county treasurer"),
    ("who heads the port authority", "head of the port authority"),
    ("a senior fellow at the Lisbon Forum", "senior fellow at the Lisbon Forum"),
])
def test_a_role_is_a_noun_phrase(apposition, role):
    [found] = extract(f"Dana Price, {apposition}, said the books were clean.")
    assert found.speaker.title == role


@pytest.mark.parametrize("sentence", [
    "The talks failed, Kora Lumi, the foreign minister, told reporters on Tuesday.",
    "The talks had failed, Kora Lumi told the Daily Courier.",
    "The budget will not balance, Kora Lumi told Parliament yesterday.",
])
def test_who_heard_it_is_not_who_said_it(sentence):
    """After "told", the words name who heard it: the speaker is before the cue, never the listener."""
    [found] = extract(sentence)
    assert (found.speaker.name, found.cue.of(sentence), found.content.of(sentence).rstrip(",")) == (
        "Kora Lumi", "told", sentence.split(",")[0])


@pytest.mark.parametrize("text, name", [
    ("Mining group Vela Azul Resources halted work on Monday. Vela Azul said in a statement that a valve failed.",
     "Vela Azul Resources"),
    ("KerbWise Solutions issued the fines. KerbWise said its cameras were checked every month.", "KerbWise Solutions"),
    ("The Department for Rural Transport rejected that account. A spokeswoman said the timetable was fair.",
     "Department for Rural Transport"),
    ("The University of Dunmere closed the lab. “We had no choice,” the university said.", "University of Dunmere"),
])
def test_an_organisation_named_again_in_short_is_the_one_named_in_full(text, name):
    """A company's name without the word that says what it is, or an organisation's name with "of" or "for"
    in it, is the organisation named before in full, and an organisation."""
    speakers = [(a.speaker.name, a.speaker.kind) for a in extract(text)]
    assert speakers == [(name, "organization")]


@pytest.mark.parametrize("text, name", [
    ("A Tidewell spokesman said the outage was over.", "Tidewell"),
    ("Northgate University's press office described the birds as “feathered commuters”.", "Northgate University"),
    ("KerbWise Solutions issued the fines. A KerbWise spokeswoman said the cameras were checked.", "KerbWise Solutions"),
    # an epithet naming what kind of organisation: the one named before whose name says so, spoken or not
    ("The Parking Appeals Panel heard her case. The panel said the evidence was “plainly unreliable”.",
     "Parking Appeals Panel"),
])
def test_whose_spokesman_speaks_and_the_panel_is_the_panel_named(text, name):
    assert [(a.speaker.name, a.speaker.kind) for a in extract(text)] == [(name, "organization")]


def test_the_company_is_no_union():
    """"The company" is the last organisation named that can be one, spoken or not: not the union after it."""
    text = ("Harbour Ferries Lines cut two sailings. The Seafarers' Union said talks had failed. "
            "On Friday, the company said it was “ready to talk at any hour”.")
    assert [a.speaker.name for a in extract(text)] == ["Seafarers' Union", "Harbour Ferries Lines"]


def test_a_first_name_alone_is_who_the_sentence_is_about():
    """"Ryan took it in his stride. He told …": Ryan is the Ryan named in full before; a club's first word is no
    one's first name ("Kelsey Rovers", then "Kelsey" alone)."""
    text = ("“It was a shambles,” said Ryan Kestrel, who plays the Dame. Ann Lee laughed. Ryan took it in his stride. "
            "He told the Globe: “I have had worse reviews.”")
    assert [a.speaker.name for a in extract(text)] == ["Ryan Kestrel", "Ryan Kestrel"]
    club = ("Kelsey Rovers won 3-2. “We never gave up,” said Rovers manager Bo Kowal. Kelsey had trailed at the break. "
            "He added that the striker had been “unplayable”.")
    assert [(a.speaker.name, a.speaker.kind) for a in extract(club)] == [("Bo Kowal", "person")] * 2


@pytest.mark.parametrize("text, speaker", [
    # a phrase of where or when before the pronoun: the pronoun speaks
    ("Ola Dunn took over in May. At her first board meeting on Jan. 14 she promised to put “the hands back”.",
     ("Ola Dunn", "person")),
    ("When contacted, the Harbour Development Authority, which owns the land, said it would “cooperate fully”.",
     ("Harbour Development Authority", "organization")),
    # somebody unnamed; the name after the preposition says where they work
    ("A senior nurse on a general ICU in Leeds, who asked not to be named, said agency spend had been frozen.",
     (None, "person")),
    # what follows a name says whose it is, not what it is
    ("Ann Lee of the Lisbon Forum said the vote was fair and free.", ("Ann Lee", "person")),
])
def test_who_speaks_after_a_phrase_of_place_or_time(text, speaker):
    assert [(a.speaker.name, a.speaker.kind) for a in extract(double_marked(text))][-1] == speaker


def test_an_acronym_the_article_defines_is_the_organisation():
    text = ("The Guild of Harbour Pilots and Boatmen (GHPB) wrote to the board on Monday. "
            "The GHPB said the new rota would start “within days” of the vote.")
    assert [(a.speaker.name, a.speaker.kind) for a in extract(text)][-1] == (
        "Guild of Harbour Pilots and Boatmen", "organization")


@pytest.mark.parametrize("text, name", [
    # a possessive ends no name: "the Ministry of the Interior's statement" is the ministry's
    ("The Ministry of the Interior's statement said the university was “failing to comply with the law”.",
     "Ministry of the Interior"),
    ("“We acted lawfully,” said a spokesman for the Bank of Lisbon's press office.", "Bank of Lisbon"),
])
def test_an_organisation_named_with_of_and_a_possessive_is_the_organisation(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, name", [
    # a short name the article never defines: the one organisation in it whose last words' initials spell it
    ("Residents will appeal after the Planning Authority approved the hotel. A PA spokesperson said the board had "
     "“weighed every submission”.", "Planning Authority"),
    ("Jess Okafor was disqualified by Eastholme Students' Union on Friday. The SU said the ruling “stands”.",
     "Eastholme Students' Union"),
    # (none where two could be meant, nor a person's initials)
    ("The Planning Authority and the Port Agency met. The PA said the plan was “sound”.", "PA"),
    ("Paul Anders spoke first. The PA said the plan was “sound”.", "PA"),
])
def test_an_acronym_the_article_never_defines_is_the_organisation_it_spells(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == name


def test_a_document_is_nobody_she_could_be():
    text = ("“We will vote for it,” said Ann Lee, the housing minister. The Renters Bill abolishes no-fault evictions. "
            "“It is the biggest change in a generation,” she said.")
    assert [a.speaker.name for a in extract(text)] == ["Ann Lee", "Ann Lee"]


def test_a_source_the_tagger_leaves_empty_names_nobody():
    """The tagger's source can be nothing once leading words are set aside: nobody named, never a crash."""
    text = "Officials said the visit was a success."
    found = rules.attribution_of(text, Span(0, 0), Span(10, 14), Span(15, 39), False, [], ["labelled by the tagger"])
    assert found.speaker.name is None and found.speaker.pronoun


def test_a_name_that_is_an_organisations_is_not_a_short_one():
    """"The Kremlin said" after "the Kremlin Senate": the Kremlin's own name, not a short form of another."""
    text = "A drone hit the dome of the Kremlin Senate. The Kremlin said it was an attack on the president."
    assert [a.speaker.name for a in extract(text)] == ["Kremlin"]


@pytest.mark.parametrize("sentence, name, title", [
    ("The figures were challenged by Priya Varma, the shadow minister, who called them “selective”.", "Priya Varma",
     "shadow minister"),
    ("The plan was opposed by Tom Ray, who has described it as ‘a fantasy’.", "Tom Ray", None),
    ("Residents, who called the plan “a disgrace”, marched to the town hall on Monday.", None, None),
])
def test_a_name_then_who_said_it(sentence, name, title):
    """"X, who called it “…”": the words are X's; a group ("Residents, who …") is nobody named."""
    found = extract(double_marked(sentence))
    assert [(a.speaker.name, a.speaker.title) for a in found] == ([(name, title)] if name else [])


def test_a_clause_after_the_name_that_is_no_office_gives_no_role():
    [found] = extract("“It is over,” said Tom Ray, who argued that the talks had failed.")
    assert found.speaker.title is None


def test_actors_kinds_come_from_evidence():
    """A spokesman for an organisation speaks for it; an outlet words came through, or one by its name, is
    `media`; a person is a person."""
    made = draft("Gates row\n\nA spokesman for the Harbour Board said the gates were safe.\n\n"
                 "The Daily Courier reported that the gates had failed twice.\n\n"
                 "“We saw water pour in,” Judge Maria Ortiz told Reuters.\n", "gates")
    assert {a["name"]: a["kind"] for a in made.records["actors"]} == {
        "Harbour Board": "organization", "Daily Courier": "media", "Maria Ortiz": "person", "Reuters": "media"}


ANSWERED = ("Port row deepens\n\n"
            "Harbour master Tom Reid said the gates had been tested every month.\n\n"
            "Pia Holm, a diver, said she had seen rust on the lower hinges.\n\n"
            "{answer}\n")


@pytest.mark.parametrize("answer, field, target", [
    ("Ann Lee, who chairs the transport committee, rejected Reid's account of the tests.", "denies", "reid"),
    ("Ann Lee called the claim about the hinges ludicrous.", "denies", "holm"),  # the nearest: no name given
    ("Ann Lee dismissed the diver's report as nonsense.", "denies", "holm"),
    ("Ann Lee disputed Reid's figures for the tests.", "disputes", "reid"),
    ("Ann Lee backed the diver's call for an inquiry.", "supports", "holm"),
    ("Ann Lee responded that the committee would look at the logs.", "responds_to", "holm"),
])
def test_a_claim_that_answers_another_is_linked_to_it_as_a_suggestion(answer, field, target):
    made = draft(ANSWERED.format(answer=answer), "port")
    claims = made.records["claims"]
    [lee] = [c for c in claims if c["claimant"] == "ann-lee"]
    [answered] = [c["id"] for c in claims if c["id"].startswith(target)]
    assert {f: lee[f] for f in ("denies", "disputes", "supports", "responds_to") if f in lee} == {field: [answered]}
    assert f"Suggested: {relation(field).label.lower()} {answered}" in made.comments[lee["id"]]


@pytest.mark.parametrize("answer", [
    "“We have never denied that the gates leak,” Ann Lee said.",  # a quotation's own words
    "Ann Lee said the council would meet on Monday.",  # a plain statement answers nothing
])
def test_a_claim_that_answers_nothing_gets_no_link(answer):
    made = draft(ANSWERED.format(answer=answer), "port")
    assert not any(f in c for c in made.records["claims"] for f in ("denies", "disputes", "supports", "responds_to"))


@pytest.mark.parametrize("text, quotes, name", [
    # British papers' single marks; a tabloid's straight ones; apostrophes are no marks
    ("The minister, Sir Alan Pike, defended the cuts. ‘We cannot keep paying for empty wards,’ Sir Alan told MPs.",
     ["We cannot keep paying for empty wards"], "Alan Pike"),
    ("Speaking at his farm, Jim Rowe said: 'I'm not selling to anyone. It's my dad's land.'",
     ["I'm not selling to anyone. It's my dad's land."], "Jim Rowe"),
    ("‘They’ve ignored the players’ union for years,’ said Kay Dunn, its chair.",
     ["They’ve ignored the players’ union for years"], "Kay Dunn"),
])
def test_quotations_in_single_marks_are_quotations(text, quotes, name):
    made = draft(f"Headline of the story here\n\n{text}\n", "story")
    [claim] = [c for c in made.records["claims"] if "quotes" in c]
    assert claim["quotes"] == quotes and made.records["actors"][0]["name"] == name


def test_a_quotation_going_on_in_the_next_paragraph_is_found_in_both():
    text = ("Wetland reopens to walkers\n\n"
            "Dana Price, chair of the Fen Trust, said the reserve had doubled in size.\n\n"
            "“Ten years ago the fen was drained for grazing. Our volunteers have spent a decade on it.\n\n"
            "“Now anyone can walk from the village to the sea,” she said.\n")
    made = draft(text, "fen")
    quoted = [q for c in made.records["claims"] for q in c.get("quotes", [])]
    assert "Ten years ago the fen was drained for grazing. Our volunteers have spent a decade on it." in quoted
    assert {c["claimant"] for c in made.records["claims"]} == {"dana-price"} and made.unattributed == []


def test_a_crosshead_quoting_the_story_is_nobodys_claim():
    text = ("Bridge row\n\nTom Ray said the council had lied.\n\n‘A shameful decision’\n\n"
            "“It is a shameful decision and we will fight it,” said Ann Lee, the bridge campaign's chair.\n")
    made = draft(text, "bridge")
    assert [c["claimant"] for c in made.records["claims"]] == ["tom-ray", "ann-lee"]
    assert made.unattributed == []  # the crosshead's words are Ann Lee's, in full


@pytest.mark.parametrize("text, name", [
    # who the sentence before is about: an organisation for "the operator", a tabloid's epithet, an apposition
    ("Northway Ferries has cancelled all sailings. In a statement, the operator said: “Safety comes first.”",
     "Northway Ferries"),
    ("Gary Tulloch, 52, found the slip on his back seat.\n\nThe dad-of-three said: “I nearly binned it.”",
     "Gary Tulloch"),
    ("Another caller, Priti, a nurse in Leeds, backed the plan. “I have lost two colleagues,” she told the show.",
     "Priti"),
    ("Ann Lee, the coach, praised the team. Osei Mensah scored twice.\n\nOsei was modest. “We all did it,” he said.",
     "Osei Mensah"),
    # "the company" after the company spoke: the nearest organisation that spoke, whatever its title
    ("“We accept the verdict,” Larkfield Care Ltd said. Ann Lee, a nurse, cried. The company later said the "
     "staffing logs were “never altered”.", "Larkfield Care Ltd"),
])
def test_a_pronoun_or_epithet_is_who_the_story_is_about(text, name):
    assert extract(text)[-1].speaker.name == name


@pytest.mark.parametrize("text", ["Police said two men had been arrested.", "“Stay at home,” police said.",
                                  "Organisers said the march would go ahead."])
def test_a_group_named_by_no_name_is_no_actor(text):
    made = draft(f"Storm hits coast\n\n{text}\n", "storm")
    assert made.records["actors"] == [] and made.records["claims"] == []


def test_analysts_at_a_bank_speak_for_it():
    [found] = extract("Analysts at Kellner Bank said in a note that the impact would be small.")
    assert (found.speaker.name, found.speaker.kind) == ("Kellner Bank", "organization")


@pytest.mark.parametrize("sentence", ["Kelby Council has opened three warm rooms in the town hall.",
                                      "The Harbour Trust will also study the cost of a second dock."])
def test_words_of_doing_make_no_claim(sentence):
    """The trained tagger, taught on PolNeAR, marks deeds and plans too; a draft's claims are things said."""
    assert draft(f"Storm hits coast\n\n{sentence}\n", "storm").records["claims"] == []


@pytest.mark.parametrize("sentence", [
    "Striker Tomas Ilves claimed the first title of his career on Sunday.",
    "Referee Anna Brook showed Diaz a second yellow card in the 43rd minute.",
    "Inspector Joan Marsh found the missing ledger behind a filing cabinet.",
    "Presenter Hal Greer read out a message from a listener in Leeds.",
    "Umpire Kofi Mensah ruled the catch clean after three replays.",
    "Coach Dana Whitlow told a very different story.",
    "Petra Lindqvist hit back with a century in the second innings.",
])
def test_a_verb_of_saying_with_only_a_thing_after_it_is_a_deed(sentence):
    """"found", "claimed", "showed", "ruled", "read", "told" and "hit back" report speech with a clause; with a thing
    alone they tell what somebody did."""
    assert draft(f"Match report\n\n{sentence}\n", "match").records["claims"] == []


@pytest.mark.parametrize("sentence", ["The Harbour Board has promoted the so-called “blue jobs” scheme in the county.",
                                      "Mayor Ann Lee also examines the so-called ‘night rota’ in her report."])
def test_a_term_in_quotation_marks_makes_no_deed_a_claim(sentence):
    """A quotation makes a claim whatever its verb; a term in quotation marks is no quotation."""
    assert draft(f"Report\n\n{sentence}\n", "report").records["claims"] == []


@pytest.mark.parametrize("sentence, cue", [
    ("Inspector Joan Marsh found that the ledger had been altered.", "found"),
    ("Tomas Ilves said the final peaked at two million viewers.", "said"),  # "peaked" read as a participle
    ("Mayor Ann Lee said the town cannot afford another delay.", "said"),
    ("Mayor Ann Lee told reporters the bridge would reopen in May.", "told"),
    ("Mayor Ann Lee described the plan as reckless.", "described"),
    ("Mayor Ann Lee rejected the plan.", "rejected"),  # what a stance answers is a thing
    ("Mayor Ann Lee recalled the first night of the flood.", "recalled"),
    ("Mayor Ann Lee defended the so-called “fairness fare” on Tuesday.", "defended"),  # answering: where she stands
    ("Councillor Ruth Ames has been in touch to remind drivers that the bridge closes at noon.",
     "has been in touch to remind"),  # what a clause opened by "that" reports
])
def test_a_verb_of_saying_with_a_clause_or_of_stance_is_a_claim(sentence, cue):
    made = draft(f"Match report\n\n{sentence}\n", "match")
    assert [made.found[c["id"]].cue.of(made.marked) for c in made.records["claims"]] == [cue]


def test_an_organisations_epithet_is_no_person():
    made = draft("Fares row\n\n“We will hold fares,” said Denise Whitfield, head of the Transit Authority.\n\n"
                 "The authority proposed a fairness fare for night workers.\n", "fares")
    # "the authority" is the Transit Authority her role names, never her
    assert [c["claimant"] for c in made.records["claims"]] == ["denise-whitfield", "transit-authority"]
    assert [a["kind"] for a in made.records["actors"]] == ["person", "organization"]


def test_our_own_articles_are_labelled_verbatim_and_scored(evaluation):
    """Every labelled quotation of tests/cases/newsroom stands in its article word for word; the scorer counts
    a quotation found when the draft holds it, with the right speaker only when the claim is theirs."""
    labels = yaml.safe_load((evaluation.NEWSROOM / "labels.yml").read_text(encoding="utf-8"))["articles"]
    assert {a["split"] for a in labels} <= {"dev", "held-out"} and len(labels) == 576
    for article in labels:
        text = (evaluation.NEWSROOM / article["file"]).read_text(encoding="utf-8")
        assert all(q["words"] in text for q in article["quotations"]), article["file"]
    one = {"file": "x.txt", "speakers": ["Ann Lee"],
           "quotations": [{"words": "We will win", "speaker": "Ann Lee"}, {"words": "No", "speaker": None}]}
    made = draft("Vote\n\n“We will win,” said Tom Ray.\n", "x")
    figures = collections.Counter()
    evaluation._score_article(one, made, figures, [])
    assert (figures["quotations"], figures["found"], figures["right"], figures["dropped"]) == (2, 1, 0, 1)


def test_reported_speech_is_labelled_verbatim_and_scored_against_the_drafts_claims(evaluation):
    """Every labelled statement's words stand once in its article; a drafted claim of reported speech is a statement
    of its speaker, a statement of somebody else, or none at all (a deed); a statement nobody is named for fits a
    claimant the labels do not name."""
    stated = evaluation.read_statements(evaluation.NEWSROOM)
    assert len(stated) >= 288 and sum(map(len, stated.values())) > 1000
    for name, statements in stated.items():
        text = (evaluation.NEWSROOM / name).read_text(encoding="utf-8")
        assert all(text.count(text[s.start:s.end]) == 1 and len(text[s.start:s.end].split()) >= 2
                   for s in statements), name
    text = ("Pier row\n\nMayor Ann Lee said the pier would reopen in May. Tom Ray said the repairs were not done. "
            "Officials said the cost had doubled. Lee opened the new library on Friday.\n")
    article = {"file": "x.txt", "speakers": [], "quotations": []}
    statements = [evaluation.Statement(who, text.index(words), text.index(words) + len(words)) for who, words in
                  [("Ann Lee", "the pier would reopen in May"), ("Ann Lee", "the repairs were not done"),
                   (None, "the cost had doubled")]]
    made = draft(text, "x")
    assert [made.found[c["id"]].content.of(text) for c in made.records["claims"]] == [
        "the pier would reopen in May", "the repairs were not done"]  # Ann Lee's, Tom Ray's

    def score(labelled):
        figures = collections.Counter()
        evaluation._score_statements(article, made, labelled, set(), figures, [])  # the article quotes nobody
        return [figures[k] for k in ("claims_stated", "claims_wrong_speaker", "claims_unstated", "statements_drafted")]

    # the second is labelled as Ann Lee's: Tom Ray's claim of it holds somebody else's words
    assert score(statements) == [1, 1, 0, 1]
    assert score([]) == [0, 0, 2, 0]
    assert score([statements[0], dataclasses.replace(statements[1], speaker=None)]) == [2, 0, 0, 2]
    figures = collections.Counter(statement_articles=2, statements=4, statements_drafted=1, claims_unstated=1)
    assert evaluation._statement_figures(figures)["statements"]["claims_unstated_per_article"] == 0.5


def test_a_quotation_left_open_mid_paragraph_goes_on_in_the_next():
    text = ("Faculty to close\n\n"
            "‘Nobody told us,’ said Kofi Mensah, a lecturer. ‘That tells you how the place is run.\n\n"
            "‘We will fight it,’ he said.\n")
    made = draft(text, "faculty")
    quoted = [q for c in made.records["claims"] for q in c.get("quotes", [])]
    assert "That tells you how the place is run." in quoted and made.unattributed == []


@pytest.mark.parametrize("text, name", [
    ("“We will not sell,” said Ms Ann Lee. “We must,” said Mr Tom Reid. “Not while I chair it,” she added.", "Ann Lee"),
    ("“We must sell,” said Tom Reid. “Never,” said Ann Lee, a mother of three. “It is settled,” he said.", "Tom Reid"),
    ("“It is wrong,” said Dame Kay Dunn. “It is right,” said Lord Ray Amis. “I will appeal,” she said.", "Kay Dunn"),
])
def test_she_is_never_a_man_the_text_called_he(text, name):
    """Who is "he" and who "she" comes from titles ("Ms", "Lord", "a mother of three") and pronouns resolved before."""
    assert extract(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name, title", [
    ("“We will hear everyone,” Reeve Colleen Ashby said in an interview.", "Colleen Ashby", "Reeve"),
    ("“The road stays shut,” said Det Insp Rowan Kessler.", "Rowan Kessler", "Det Insp"),
    ("Gogo Maria Dlamini, 80, said: “We carry the water ourselves.”", "Maria Dlamini", "Gogo"),
    ("“Nobody asked us,” Union President Jordan Ekwueme said.", "Jordan Ekwueme", "Union President"),
    ("“We hold the line,” Brig Gen Ama Boateng told reporters.", "Ama Boateng", "Brig Gen"),
    # two given names, or a first name as common as the next: no title to strip
    ("“It was my father’s shop,” said Anna Maria Lopez.", "Anna Maria Lopez", None),
    ("“We open at nine,” said John Paul Okafor.", "John Paul Okafor", None),
])
def test_a_title_no_list_holds_is_told_from_the_given_name_after_it(text, name, title):
    """Titles of any place ("Reeve", "Gogo", "Det Insp"): the name begins at a given name far more common than the
    words before it, even where an organisation's word stands in the title ("Union President")."""
    speaker = extract(text)[-1].speaker
    assert (speaker.name, speaker.title, speaker.kind) == (name, title, "person")


@pytest.mark.parametrize("text, name", [
    ("Tom Reid met Ann Lee at the depot on Monday. “It went well,” she said.", "Ann Lee"),
    ("Grace Okafor chaired the meeting, and Peter Lund took notes. “We agreed nothing,” he said.", "Peter Lund"),
    ("“We will not sell,” said Colleen Ashby. Martin Vale, her deputy, disagreed. “We must,” he said.", "Martin Vale"),
])
def test_he_or_she_is_the_person_named_since_whose_given_name_says_so(text, name):
    assert extract(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name, kind", [
    # an office papers name in the masculine whoever holds it: her given name says "she"
    ("“We lost,” said Tom Reid. Parish council chairman Cllr Maureen Ashby opened the meeting. “We will fight this,” "
     "she said.", "Maureen Ashby", "person"),
    ("“We lost,” said Ann Lee. Union spokesman Deirdre Walsh said the vote was rigged. “Nobody was consulted,” she "
     "said.",
     "Deirdre Walsh", "person"),
    # a title naming a town or a club is no organisation's name: the person after it speaks
    ("“We lost,” said Ann Lee. Town clerk Gareth Linwood reminded residents that the consultation closes on Friday. “Put it "
     "in writing,” he said.", "Gareth Linwood", "person"),
    ("“We lost,” said Ann Lee. Harbour Ferries thanked Tom Reid for his work. “We will miss him,” it said.",
     "Harbour Ferries", "organization"),
])
def test_who_a_sentence_names_after_an_office_is_who_he_or_she_is(text, name, kind):
    made = draft(text, "meeting")
    actors = {a["id"]: a for a in made.records["actors"]}
    last = actors[made.records["claims"][-1]["claimant"]]
    assert (last["name"], last["kind"]) == (name, kind)


def test_she_is_never_given_to_a_man_by_his_given_name():
    """No one named since fits "she", and the one the sentence is about is a man: nobody is guessed."""
    text = "“The vote was fair,” said Colleen Ashby. Peter Lund read the count. “We will appeal,” she said."
    assert extract(text)[-1].speaker.name == "Colleen Ashby"


@pytest.mark.parametrize("text, name", [
    ("Cllr Máire Tuohy (FF), who chairs the committee, said it was “news to all of us”.", "Máire Tuohy"),
    ("Rep. Dana Price (D-Ore.) said the bill was “dead on arrival”.", "Dana Price"),
])
def test_a_party_in_brackets_after_a_name_is_not_the_speaker(text, name):
    assert extract(double_marked(text))[-1].speaker.name == name


@pytest.mark.parametrize("short, full, expected", [
    ("ACCN", "The Association of Critical Care Nurses", "Association of Critical Care Nurses"),
    ("UNHCR", "United Nations High Commissioner for Refugees", "United Nations High Commissioner for Refugees"),
    ("FF", "Cllr Máire Tuohy", None),
    ("GAA", "the Gaelic Athletic Association", "Gaelic Athletic Association"),
])
def test_a_short_name_is_spelled_out_by_the_name_before_it(short, full, expected):
    assert rules._spelled_out(short, full) == expected


def test_an_acronym_is_read_within_one_line():
    """A headline's words are no part of a name defined on the next line."""
    text = "Station hours cut\n\nThe Kilbrannagh Residents Group (KRG) met on Monday. The KRG said it was “not consulted”."
    assert extract(text)[-1].speaker.name == "Kilbrannagh Residents Group"


def test_given_names_say_who_bears_them():
    from explainer.ingest import names
    assert names.gender("Sinéad") == "f" and names.gender("Kwame") == "m" and names.gender("Jordan") is None
    assert names.borne("Colleen") > 20 * names.borne("Reeve") and names.borne("Xqzt") == 0
    assert names.name_starts("Det Insp Rowan Kessler".split()) == 2 and names.name_starts(["Tom", "Reid"]) == 0


@pytest.mark.parametrize("text, name", [
    ("Ruling on the motion, the Speaker, Rt. Hon. Emmanuel Odukwe, directed the clerk to write. "
     "“This House will not fold its arms,” the Speaker ruled.", "Emmanuel Odukwe"),
    ("The dean, Prof. Hana Lindqvist, wrote to staff on Friday. Students protested. “We will look again,” the Dean said.",
     "Hana Lindqvist"),
])
def test_an_office_with_a_capital_is_who_was_named_with_it(text, name):
    """"The Speaker", "the Dean": a title, not a name; the person named with it before."""
    assert extract(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    # a name its sentence calls "its" is an organisation, and "the company" can mean it
    ("Brackenridge Aggregates wants to extend its licence north of the quarry. In a written statement, the company "
     "said the plan would “secure 35 jobs”.", "Brackenridge Aggregates"),
    # a document speaks for whoever issued it
    ("In a statement on Thursday, the Siyalinda Local Municipality blamed repeated damage to the pump. “Cables are "
     "stolen within days,” the statement read.", "Siyalinda Local Municipality"),
    ("“We will not sell,” said Colleen Ashby. Harbour Ferries declined to comment. “We will wait,” the statement "
     "added.", "Harbour Ferries"),
    # a spokesperson with no "for X" speaks for the organisation just named; "I" is nobody's name
    ("I emailed Pellworth Estates on Monday. A spokesperson replied on Wednesday: “We do not comment.”",
     "Pellworth Estates"),
])
def test_who_issued_a_statement_or_employs_a_spokesperson_speaks(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == name


@pytest.mark.parametrize("text, name", [
    ("Okerlund repeated the figure at a rally on Monday, telling supporters the numbers were “not up for debate”.",
     "Okerlund"),
    ("Across the corridor, Comets coach Deborah Kincaid-Mensah was brighter, describing the last quarter as “the best "
     "ten minutes we’ve played”.", "Deborah Kincaid-Mensah"),
    ("Ann Lee left the hearing early, calling the process “a sham from start to finish”.", "Ann Lee"),
])
def test_a_participle_after_a_deed_quotes_the_one_who_did_it(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, name, kind", [
    ("Carys Penhallow, 34, died in the fire. The Penhallow family said in a statement: “Carys was the heart of our "
     "family.”", "Penhallow family", "organization"),
    ("The National Assembly said the bill was “dead on arrival”.", "National Assembly", "organization"),
    ("Tom Reid quickly said it was “over”.", "Tom Reid", "person"),
])
def test_a_noun_in_ly_is_no_adverb_and_a_family_speaks_as_one(text, name, kind):
    """"family said" is no "quickly said": the family speaks, not the one of them named before."""
    speaker = extract(text)[-1].speaker
    assert (speaker.name, speaker.kind) == (name, kind)


@pytest.mark.parametrize("text, name", [
    ("But in a statement on Monday night, the Ministry of Works averred that the road had “merely been re-scoped”.",
     "Ministry of Works"),
    ("And at the hearing, Ann Lee said the plan was “over”.", "Ann Lee"),
])
def test_a_conjunction_before_a_leading_adverbial_is_set_aside(text, name):
    assert [a.speaker.name for a in extract(text)] == [name]


def test_a_crosshead_in_capitals_is_no_organisation():
    text = ("I emailed Pellworth Estates on Monday.\n\nBACK IN TOWN\n\nA spokesperson replied on Wednesday: "
            "“We do not comment.”")
    assert [a.speaker.name for a in extract(text)] == ["Pellworth Estates"]


@pytest.mark.parametrize("text, name, title", [
    ("The Medical Director of Ogbaku General Hospital, Dr. Adaeze Nnaji, noted that the ward had lost “four patients”.",
     "Adaeze Nnaji", "Medical Director of Ogbaku General Hospital"),
    ("The Chief Executive of Harbour Rail, Tom King, said fares would “rise again”.", "Tom King",
     "Chief Executive of Harbour Rail"),
])
def test_an_office_of_several_capitalised_words_then_the_name(text, name, title):
    speaker = extract(text)[-1].speaker
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize("text, name", [
    # a name opening with initials, after the cue, then a participle of saying
    ("“Nobody listens until we come to the road,” said K. Rajalakshmi, secretary of the association, on Wednesday, "
     "adding that four people had died.", "K. Rajalakshmi"),
    ("“We will appeal,” said J. R. Okafor, the union’s lawyer, noting that the ruling was “plainly wrong”.",
     "J. R. Okafor"),
    # "termed", and a clause that names its speaker after "when" or "after"
    ("The issue had figured in the Assembly on Tuesday, when Kovalur MLA P. Arumugam termed the delay “a shame for "
     "the entire district” and urged the Minister to intervene.", "P. Arumugam"),
    ("The row began in May, after councillor Ann Lee described the plan as “reckless”.", "Ann Lee"),
    # a company after "of" is where the speaker works, whatever its first word
    ("R. Mohan Kumar of Sree Venkata Infra said the firm had “not been paid for eight months”.", "R. Mohan Kumar"),
])
def test_initials_termed_and_when_clauses(text, name):
    assert {a.speaker.name for a in extract(text) if a.quotes} == {name}


@pytest.mark.parametrize("text, name", [
    ("District Collector Deepa Nandakumar held talks with the protesters.\n\nR. Mohan Kumar said the firm had not "
     "been paid.\n\nThe Collector said: “I have asked the contractor to submit a schedule.”", "Deepa Nandakumar"),
    ("County Surveyor Ruth Ames closed the bridge at noon. Lorries queued on the bypass.\n\n“No vehicle will "
     "cross tonight,” the Surveyor said.", "Ruth Ames"),
])
def test_an_office_no_list_holds_is_who_it_was_written_before(text, name):
    """"The Collector" after "District Collector Deepa Nandakumar": the office, not a person called Collector."""
    assert extract(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    # a headline in title case and a byline are nobody the story is about
    ("Traders Count Losses As Fire Razes Idumoja Central Market\n\nBy Chinedu Okafor, Idumoja\n\nThe Chairman of the "
     "Idumoja Market Traders Association, Alhaji Musibau Adeyemo, put the losses at over N800m.\n\nHe said, “We were "
     "called by the night guards around midnight.”", "Musibau Adeyemo"),
    ("Sekgwaneng’s taps run dry\n\nLerato Dube\n\nThe township has had no water for three weeks.\n\n“We are asking "
     "for water so our children can bath,” she said.", None),
    # an apposition says what a name is: "the board" can mean it
    ("Bophelo Bulk Water, the regional water board, cut the supply in December. Bophelo Bulk Water rejects that "
     "version. In a statement on Wednesday, the board said: “The reduction is a technical measure.”",
     "Bophelo Bulk Water"),
    # but a council is no company the story named otherwise
    ("Harbour Ferries cut two sailings. “We had no choice,” said Harbour Ferries. The council said it expected "
     "“a full timetable” by May.", None),
    # somebody unnamed after "But" or a long phrase of where and when
    ("Ann Lee chairs the board. But one senior Bophelo official, who asked not to be named, was less diplomatic. "
     "“Mosele has not paid a full invoice in two years,” the official said.", None),
    ("Naledi Sithole said both were true. At a tanker on Kgosi Street on Wednesday morning, a woman carrying two "
     "drums shook her head. “They come at 11, sometimes at three,” she said.", None),
])
def test_who_a_pronoun_or_office_means_after_a_head_an_apposition_or_somebody_unnamed(text, name):
    assert extract(text)[-1].speaker.name == name


def test_a_day_named_the_paragraph_before_about_the_speaker_dates_their_words():
    made = draft(OCCASION.format("The harbour board met in Leith.\n\nIts chairman, Tom Reid, who spoke to reporters "
                                 "on Wednesday, put the losses at £2m.\n\nHe said: “It is a sad day for us all.”"),
                 "ferry")
    [claim] = [c for c in made.records["claims"] if c.get("quotes")]
    assert claim.get("date") == dt.date(2026, 11, 25)
    assert "the paragraph before, of Tom Reid," in made.comments[claim["id"]]


@pytest.mark.parametrize("text, name", [
    # a quote sheet: the name, what they spoke of, a colon
    ("POSTGAME QUOTES\n\nHead coach Tina Marquez, on Okonjo: “She’s 18 years old and she played like a senior.”",
     "Tina Marquez"),
    ("Amara Okonjo, on the third-quarter run: “Coach told us at the timeout to get one stop at a time.”",
     "Amara Okonjo"),
    ("Dr Ian Faulds: “We saw nothing like it in thirty years of sampling the ice.”", "Ian Faulds"),
    # a phrase with no name before the colon is nobody's name
    ("The verdict: “Guilty on all counts, and no appeal will be heard.”", None),
])
def test_a_quote_sheets_name_and_colon_is_the_speaker(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes][:1] == ([name] if name else [])


@pytest.mark.parametrize("text, name, kind", [
    # a place after "of" and a few words describing it is where the people are, not who speaks
    ("Residents of the small western NSW town of Wattle Creek say they are “devastated”.", None, "person"),
    # "Local" inside an organisation's name is no title before a person's
    ("In a statement, the Western Plains Local Health District said it was “actively exploring” a virtual clinic.",
     "Western Plains Local Health District", "organization"),
    # an office that is no organisation's word, then a person ("District Collector"); initials and a surname
    ("District Collector Deepa Nandakumar held talks. “Work will resume on Monday,” she told reporters.",
     "Deepa Nandakumar", "person"),
    # a fund is an organisation "the fund" can mean
    ("The suit was led by the Pinecrest Teachers' Retirement Fund. The fund had alleged that the leadership “knew or "
     "recklessly disregarded” the reports.", "Pinecrest Teachers' Retirement Fund", "organization"),
    ("The protesters gathered early. Association president M. Selvaraj spoke first. “We will intensify the "
     "agitation,” he said.", "M. Selvaraj", "person"),
])
def test_who_speaks_among_places_offices_and_initials(text, name, kind):
    speaker = [a.speaker for a in extract(text) if a.quotes][-1]
    assert (speaker.name, speaker.kind) == (name, kind)


def test_a_time_in_a_sentence_of_background_is_no_other_occasion():
    """"Its stock fell in April 2025" says nothing of when the judge wrote; "In a 2019 interview" would."""
    story = ("Judge Marisol Ortega on Wednesday dismissed the suit against Skyreach, whose stock fell 38% in April 2025. "
             "“No reasonable investor would have read these statements so,” the judge wrote.")
    made = draft(OCCASION.format(story), "suit")
    [claim] = [c for c in made.records["claims"] if c.get("quotes")]
    assert claim.get("date") == dt.date(2026, 11, 25)
    claimed = draft(OCCASION.format("Judge Marisol Ortega on Wednesday dismissed the suit led by the Pinecrest Fund, "
                                    "which claimed the company hid battery failures before its stock fell in April "
                                    "2025. “The amended complaint does not plead facts,” the judge wrote."), "suit")
    assert [c.get("date") for c in claimed.records["claims"] if c.get("quotes")] == [dt.date(2026, 11, 25)]
    other = draft(OCCASION.format("The bridge closed on Monday.\n\nIn an interview in April 2019, Tom Reid said: “It "
                                  "is a sad day.”"), "bridge")
    assert [c.get("date") for c in other.records["claims"] if c.get("quotes")] == [None]


@pytest.mark.parametrize("text, name", [
    # a relative clause that reports speech is the words of the name before it, the passive's subject says nothing
    ("Plans for a wind farm near Kilcorrig have been refused by Mayo County Council, which found the development "
     "would have an “unacceptable visual impact” on the route.", "Mayo County Council"),
    ("The scheme was backed by Ann Lee, who said it was “long overdue” for the town.", "Ann Lee"),
    ("The merger was cleared by the Harbour Competition Authority, which concluded that prices would “barely move”.",
     "Harbour Competition Authority"),
    # an aside before the sentence's own cue, or a request, is no speech of its own
    ("Tom Reid, who has argued for years that the pier is unsafe, said it was “a matter of time”.", "Tom Reid"),
])
def test_a_relative_clause_of_saying_speaks_for_the_name_before_it(text, name):
    assert {a.speaker.name for a in extract(text) if a.quotes} == {name}


@pytest.mark.parametrize("text, name", [
    ("Aldermoor University will end round-the-clock opening at the library, Provost Dr. Miriam Achebe-Lowell announced "
     "in an email to students on Monday.\n\n“I know how much the library means to many of you,” the email read.",
     "Miriam Achebe-Lowell"),
    ("The ferry will not run in January, Harbour Ferries said in a statement. The council had asked for a winter "
     "timetable. “Crews need the rest,” the statement added.", "Harbour Ferries"),
])
def test_a_document_speaks_for_whoever_sent_it_in_the_sentence_before(text, name):
    """"the email read" after "X announced in an email": X, not the organisation the sentence opened with."""
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, name, title", [
    # an official who would not be named speaks off the record, not for the department
    ("A senior official of the Highways Department, who did not wish to be identified, said: “The soil was bad.”",
     None, "A senior official of the Highways Department"),
    # both names of an office after "for" are where it is ("for Water and Irrigation"), not who speaks
    ("Contacted for comment, the County Executive Committee Member for Water and Irrigation, Ms Rose Mueni Katuku, "
     "blamed the delay on “a losing bidder”.", "Rose Mueni Katuku",
     "County Executive Committee Member for Water and Irrigation"),
])
def test_offices_and_off_the_record_officials(text, name, title):
    speaker = [a.speaker for a in extract(text) if a.quotes][-1]
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize("text, name", [
    # a dateline's place in capitals is nobody; "Mining company X" is the company X
    ("Copper miner suspends site\n\nVALDORA, Sept 29, 2026 (Continental Press) — Mining company Cerro Azul Resources "
     "suspended operations at its copper site on Tuesday after the river turned green, the company said.",
     "Cerro Azul Resources"),
    ("LAGOS, March 3 (Wire) - Shipping firm Harbour Line cancelled two sailings, the firm said.", "Harbour Line"),
])
def test_a_datelines_place_is_nobody_and_a_kind_of_company_then_its_name_is_the_company(text, name):
    assert [a.speaker.name for a in extract(text)] == [name]


@pytest.mark.parametrize("phrase, name, title", [
    ("Mzee Kioko wa Ndunda, 78, who donated the land", "Kioko wa Ndunda", "Mzee"),
    ("Sheikh Ahmed ibn Rashid", "Ahmed ibn Rashid", "Sheikh"),
    ("Alhaji Musibau Adeyemo", "Musibau Adeyemo", "Alhaji"),
])
def test_particles_and_honorifics_of_names_from_many_countries(phrase, name, title):
    """"wa", "ibn" join a name (never the start of a given name); "Alhaji", "Mzee" are honorifics before it."""
    mention = rules._mention(phrase)
    assert (mention.name, mention.title) == (name, title)


@pytest.mark.parametrize("text, name", [
    # a question's "you" is whom it asks: who answers it next in a transcript, or the name it calls out
    ("A (Mayor Teresa Valdane): We expect five more days.\n\nQ (Dev Raman, KPCW News 9): Last week you described the "
     "water as “perfectly safe.” Do you stand by that?\n\nA (Valdane): I stand by what the data said.", "Teresa Valdane"),
    ("Q (Whitcombe): Mr. Oyelaran, in April you told the council the network was “a patchwork held together by "
     "luck.” Has that luck run out?\n\nA (Oyelaran): I said it because it was true.", "Oyelaran"),
    ("INTERVIEWER: Ms Achterberg, you once called the bypass “a road to nowhere”. Do you still think so?\n\n"
     "ACHTERBERG: More than ever.", "Achterberg"),
])
def test_you_in_a_question_is_whom_it_asks(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, name", [
    ("Last week, Ann Lee described the water as “perfectly safe”.", "Ann Lee"),
    ("Yesterday, Harbour Ferries said the route was “closed for good”.", "Harbour Ferries"),
])
def test_a_leading_day_before_the_speaker_is_set_aside(text, name):
    assert [a.speaker.name for a in extract(text)] == [name]


def test_a_description_then_a_titled_name_is_who_speaks_and_whom_the_next_title_means():
    text = ("A community leader and the Onowu of Ogbaku, Chief Josiah Ezenwa-Okoro, dismissed the explanation as "
            "“the same old story.” Speaking with our correspondent yesterday, the elder said: “They told us the same "
            "thing in 2023.”")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Josiah Ezenwa-Okoro"] * 2


@pytest.mark.parametrize("text, name", [
    ("Westmarch Fire and Rescue Service sent four engines. A spokesman for the fire service added that the alarm "
     "worked “on the ground floor only”.", "Westmarch Fire and Rescue Service"),
    ("North Dale Ambulance Service was called at 2am. The service said crews arrived “within eleven minutes”.",
     "North Dale Ambulance Service"),
])
def test_a_service_is_an_organisation_the_service_can_mean(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, name", [
    ("Analysts were unconvinced.\n\n“What we are seeing is a classic confidence run. The reserves may be there.\n\n"
     "“Until Halden publishes attestations, every exchange will treat NPG like a hot potato,” said Marta Kowalczyk, "
     "head of research at Bastion Analytics.", "Marta Kowalczyk"),
    ("The mayor was in no mood to wait.\n\n\"We have asked three times for the figures.\n\n\"We will not ask a fourth "
     "time,\" Ann Lee told the meeting.", "Ann Lee"),
])
def test_a_quotation_left_open_is_whose_its_next_paragraph_says(text, name):
    """A quotation running over paragraphs has no closing mark until its last: its speaker, named there, said all."""
    found = [a for a in extract(text) if a.quotes]
    assert [(a.speaker.name, len(a.quotes)) for a in found] == [(name, 2)]


def test_a_relative_of_the_same_surname_is_another_person():
    """"Her nephew, Desmond Tolliver" after "Marguerite Tolliver": another Tolliver, and "he" is him."""
    text = ("Marguerite Tolliver founded the seed library in 1998. “A seed doesn’t care about your career,” she says.\n\n"
            "“She never stops,” says Rafael Quintanilla, who volunteers on Saturdays.\n\n"
            "Her nephew, Desmond Tolliver, who keeps the library’s books, says the question comes up at every meeting. "
            "“She’ll say she’s handling it,” he says, laughing.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Marguerite Tolliver", "Rafael Quintanilla",
                                                                  "Desmond Tolliver"]


@pytest.mark.parametrize("text, name", [
    # a party and a ward in brackets after the name, with a comma inside them
    ("Ward councillor Imran Vance (Lab, Holloway) said he had written “more times than I can count”.", "Imran Vance"),
    ("“We were never asked,” said Cllr Rhian Pugh (Plaid Cymru, Llanfair), who sits on the board.", "Rhian Pugh"),
    ("Senator Mark Ellery (R, Okla.) said the plan was “dead on arrival”.", "Mark Ellery"),
])
def test_words_in_brackets_after_a_name_are_not_the_speaker(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text", [
    # a capitalised word that only says what kind the speaker is, before a common noun: nobody named
    "A senior Republican aide, who spoke on condition of anonymity, said leaders feared “a revolt” among members.",
    "That prompted the bill's lead Democratic sponsor to accuse them of “moving the goalposts”.",
    "A California federal judge on Wednesday called the claims “too vague”.",
    "British officials said the talks had been “constructive”.",
    "Dock workers at Port Bellingham have rejected the offer, calling it “insulting”.",
])
def test_a_word_of_kind_before_a_common_noun_names_nobody(text):
    assert all(a.speaker.name is None for a in extract(text))


@pytest.mark.parametrize("text, name", [
    ("Ann Lee yesterday said the plan was “fine”.", "Ann Lee"),
    ("The Hallam Institute report said: “Loneliness follows the bus timetable.”", "Hallam Institute"),
])
def test_a_name_before_a_day_or_a_document_still_speaks(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("name, family", [
    ("Maggie Ho Mei-ling", "Ho"), ("Lau Tak-wing", "Lau"), ("Kim Min-jun", "Kim"),  # a hyphenated given name after
    ("Lim Wei Jie", "Lim"), ("Low Hui Ling", "Low"),  # a family name before two syllables
    ("Josiah Ezenwa-Okoro", "Ezenwa-Okoro"), ("Colleen Ashdown", "Ashdown"), ("Mary Ann Lee", "Lee"),
])
def test_the_family_name_a_story_names_somebody_again_by(name, family):
    assert given_names.surname(name) == family


def test_east_asian_names_are_found_again_by_their_family_name():
    text = ("District councillor Maggie Ho Mei-ling questioned the figures. Ho also called it “a hotel with potted "
            "plants”.\n\nUndersecretary for Development Ada Leung Wing-sze said the views “must be given weight”.\n\n"
            "“These goals are not in conflict,” Leung said.\n\nAssemblyman Lim Wei Jie questioned why. “This is the "
            "third burst,” Lim said.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == \
        ["Maggie Ho Mei-ling", "Ada Leung Wing-sze", "Ada Leung Wing-sze", "Lim Wei Jie"]


@pytest.mark.parametrize("text, name", [
    # a place the story moves to opens the sentence, then who speaks
    ("Down at the pier, fisherman Lau Tak-wing, 54, said he would stay. “This is home,” he said.", "Lau Tak-wing"),
    ("Back in Kampala, the minister, Ruth Oketch, said the market was “unsafe”.", "Ruth Oketch"),
    ("Elsewhere, Tom Reid said: “No.”", "Tom Reid"),
])
def test_a_place_opening_the_sentence_is_not_the_speaker(text, name):
    assert {a.speaker.name for a in extract(text) if a.quotes} == {name}


def test_he_after_somebody_who_would_not_be_named_is_that_somebody():
    """An operator who declined to be named is a person, not the operating company, and "he" then is him."""
    text = ("Retiree Rosnah Ismail, 58, said she had queued “twice a day”.\n\nA food stall operator nearby, who "
            "declined to be named, said he had closed for four days.\n\n“No water, no business,” he said.")
    found = [a for a in extract(text) if a.quotes]
    assert [a.speaker.name for a in found] == ["Rosnah Ismail", None]
    assert found[1].speaker.unnamed and found[1].speaker.kind == "person"


@pytest.mark.parametrize("text, name", [
    # what another said of the words after them ("a claim X denied") is not who said them
    ("Lim claimed the programme had been “quietly shelved”, a claim Haris denied.", "Lim"),
    ("The union called the offer “an insult”, an accusation the company rejected on Friday.", "union"),
])
def test_a_claim_another_denied_after_the_words_is_not_their_speaker(text, name):
    found = [a for a in extract(text) if a.quotes]
    assert len(found) == 1 and name in (found[0].speaker.name or found[0].speaker.title or "")


@pytest.mark.parametrize("text", [
    "Mr Mugisha dismissed claims that the council will hand the land to “a certain investor”, saying it is false.",
    "The minister denied reports of “a secret deal” with the contractor.",
    "Ann Lee rejected allegations that she had “lied to the board”.",
])
def test_words_quoted_in_claims_a_speaker_denies_are_not_theirs_and_are_listed(text):
    made = draft(text, "denied")
    assert not any(c.get("quotes") for c in made.records["claims"])
    assert len(made.unattributed) == 1


@pytest.mark.parametrize("text, name", [
    # an organisation's name with "of" before the word that says it is one, and companies' suffixes of many countries
    ("Heart of England Ambulance Service said crews found the man with “serious head injuries”.",
     "Heart of England Ambulance Service"),
    ("Isle of Wight Council said the ferry was “not a luxury”.", "Isle of Wight Council"),
    ("In a statement, water operator Syarikat Air Seraya Bhd said the burst was caused by “ground movement”.",
     "Syarikat Air Seraya Bhd"),
    # an office of one is still an office, its holder named after it
    ("The Director of the Odaran State Fire Service, Mr Taiwo Bankole, said the gates were “locked”.",
     "Taiwo Bankole"),
])
def test_organisations_named_with_of_or_a_company_suffix(text, name):
    found = [a for a in extract(text) if a.quotes]
    assert [(a.speaker.name, a.speaker.kind) for a in found] == \
        [(name, "person" if name == "Taiwo Bankole" else "organization")]


def test_a_long_description_then_a_given_name_is_who_she_is():
    text = ("When the rains came early, Amina Dahir knew what would follow.\n\nA 29-year-old community health volunteer "
            "who fled to the camp with her three children two years ago, Amina now spends her days going from shelter "
            "to shelter.\n\n“We bury someone almost every day,” she says.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Amina Dahir"]


@pytest.mark.parametrize("text, name", [
    # "the organisation" or "the group": any organisation named before, whatever its name's words
    ("International Water Relief launched an appeal last week. “Trucking will stop by November,” the organisation "
     "said in its appeal.", "International Water Relief"),
    ("Amnesty International published the letters on Monday. The group said the ban was “unlawful”.",
     "Amnesty International"),
])
def test_the_organisation_is_the_one_named_before(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


def test_for_whom_a_sentence_is_written_is_who_she_is_next():
    text = ("Ms Harriet Nabirye chairs the vendors' association.\n\nMP Grace Atim wrote: “The traders deserve dialogue.”"
            "\n\nBut for Ms Nabirye, who has sold clothes here since 1998, the fight is personal. Her late mother ran "
            "a stall in the same row.\n\n“We shall go to court if we have to,” she said.")
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] in {"Nabirye", "Harriet Nabirye"}


@pytest.mark.parametrize("text, claims", [
    # what a speaker would not comment on is their words where quoted, and no claim where not
    ("A Kessel Cell spokesman declined to comment on “ongoing commercial discussions.”", {"kessel-cell": 1}),
    ("The ministry declined to comment on the investigation into the crash.", {}),
])
def test_what_a_speaker_declined_to_comment_on(text, claims):
    made = draft(f"News in brief\n\n{text}\n", "brief")
    assert dict(collections.Counter(c["claimant"] for c in made.records["claims"])) == claims


@pytest.mark.parametrize("text, name", [
    ("The Lakeport Bridge and Tunnel Authority voted to raise tolls. Drivers on the Calder River Bridge and the Mill "
     "Road Tunnel were angry. A spokeswoman for the authority said the rise was needed. “Every dollar stays on the "
     "bridge,” the spokeswoman said.", "Lakeport Bridge and Tunnel Authority"),
    ("Harbour Ferries cut two routes. A spokesman for Harbour Ferries said fuel had doubled. Ann Lee and Tom Reid, "
     "who sail daily, were stranded. “We had no choice,” the spokesman said.", "Harbour Ferries"),
])
def test_the_spokeswoman_again_speaks_for_whom_she_spoke_before(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, names", [
    # "he" right after a company's spokesman, nobody named between: the spokesman, for the company
    ("Chief Financial Officer Kasimir Brandt said cash flow would be “clearly positive”. A Veltrana spokesman said "
     "the dividend would stay. “The balance sheet is strong,” he said.", ["Kasimir Brandt", "Veltrana"]),
    # somebody named between: he is that somebody
    ("A Veltrana spokesman said the dividend would stay. Chief Financial Officer Kasimir Brandt agreed. “The balance "
     "sheet is strong,” he said.", ["Kasimir Brandt"]),
])
def test_he_after_a_spokesman_is_the_spokesman_unless_somebody_was_named_since(text, names):
    assert [a.speaker.name for a in extract(text) if a.quotes] == names


@pytest.mark.parametrize("lead, said", [
    # the news is the day its sentence names first; a day in a clause of what came before it is background
    ("More than 400 workers walked out this morning, after talks broke down on Friday.", "2026-11-09"),
    # the only day, after a clause: the day of the match the coach spoke after
    ("Coach Marcus Tolland did not hide his frustration after his side lost on Sunday.", "2026-11-08"),
])
def test_the_day_of_the_news_not_of_what_came_before_it_dates_the_words(lead, said):
    made = draft(f"Strike begins\n\nBy Ann Lee\nMonday 9 November 2026\n\n{lead}\n\n“We had no choice,” said "
                 "Darren Holt.\n", "day")
    assert [str(c.get("date")) for c in made.records["claims"]] == [said]


def test_a_date_with_its_month_in_capitals_dates_the_article():
    made = draft("Cyclist hurt\n\nBy Tom Hadley\n16:05, 2 JUL 2026\n\nDet Insp Karen Whitlock said today: “Someone "
                 "knows who did this.”\n", "capitals")
    assert made.published == dt.date(2026, 7, 2)
    assert [str(c.get("date")) for c in made.records["claims"]] == ["2026-07-02"]


def test_and_that_after_a_reported_clause_says_more_of_the_same_speakers_words():
    text = ("Ward representative Daniel Kavuu spoke on Monday. He said the borehole had been drilled to 180 metres but "
            "never fitted with a pump, and that the site had been fenced off by “people nobody in this ward has ever "
            "seen”.")
    found = [a for a in extract(text) if a.quotes]
    assert [a.speaker.name for a in found] == ["Daniel Kavuu"]
    assert found[0].content.of(text).startswith("the borehole") and found[0].content.of(text).endswith("seen”")


def test_a_participle_after_the_speaker_at_the_end_quotes_them_on_the_day_they_spoke():
    text = ("Library to close at night\n\nBy Kofi Brennan\nThursday, September 24, 2026\n\nAldermoor University will "
            "end round-the-clock opening from October 5, Provost Dr. Miriam Achebe-Lowell announced in an email to "
            "students on Monday, citing “unsustainable” security costs.\n")
    made = draft(text, "participle")
    quoting = [c for c in made.records["claims"] if c.get("quotes")]
    assert [(c["claimant"], str(c.get("date"))) for c in quoting] == [("miriam-achebe-lowell", "2026-09-21")]


@pytest.mark.parametrize("text, name", [
    # an organisation's kind in lower case after its name: "the municipality" means it, named whole
    ("The Mosele local municipality blames the water board. Residents are angry. The municipality said it expected "
     "“partial restoration” by the end of the month.", "Mosele local municipality"),
    ("Critics of the Port Alder city council gathered outside. Later the council said the plan was “final”.",
     "Port Alder city council"),
    # or in more than one lower-case word, as the speaker or as whom "the authority" means later
    ("In a statement, the Fort Kessel public affairs office said the base “extends its sympathies”.",
     "Fort Kessel public affairs office"),
    ("On Tuesday the Tarnby district administration said it had “formed a probe committee”.",
     "Tarnby district administration"),
    ("The Nordvik county road authority closed the tunnel on Sunday.\n\nThe road will stay shut, the authority said, "
     "adding that a reopening “cannot be expected before Easter”.", "Nordvik county road authority"),
])
def test_a_kind_of_organisation_after_its_name_is_what_the_kind_means(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("phrase, name", [
    # words that open South Asian names are the name's, not a title before it
    ("Provincial Minister for Energy Chaudhry Tariq Mehmood", "Chaudhry Tariq Mehmood"),
    ("its president Malik Nadeem Akhtar", "Malik Nadeem Akhtar"),
    ("Chief Executive Officer Syed Irfan Haider Shah", "Syed Irfan Haider Shah"),
    ("Reeve Colleen Ashdown", "Colleen Ashdown"),  # a title still is one
])
def test_words_opening_south_asian_names_are_kept(phrase, name):
    assert rules._mention(phrase).name == name


@pytest.mark.parametrize("text, name", [
    # a document whose apposition says who signed or sent it speaks for them
    ("Ann Lee resigned. The statement, signed by chief executive Dan Moyo, said the firm would “co-operate fully”.",
     "Dan Moyo"),
    ("The letter, sent by the Harbour Board on Friday, said the gates were “unsafe”.", "Harbour Board"),
])
def test_a_document_signed_or_sent_by_somebody_speaks_for_them(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


def test_a_clause_with_has_been_before_the_cue_names_no_speaker():
    text = "A GRAN of 81 has been banned from her local bingo hall after staff accused her of using a “lucky marker”."
    assert all(a.speaker.name != "GRAN" for a in extract(text))
    assert not [c for c in draft(text, "gran").records["claims"] if c.get("quotes")]


@pytest.mark.parametrize("phrase, name", [
    # a title word that is also a given name, after a title and before the surname, is the given name
    ("Sgt Dean Fry of Kent Police", "Dean Fry"), ("Det Sgt Dean Fry", "Dean Fry"),
    # alone before a surname, or before a given name, it is a title
    ("Bishop Smith", "Smith"), ("Dean Jane Smith", "Jane Smith"),
])
def test_a_title_word_borne_as_a_given_name_after_a_title(phrase, name):
    assert rules._mention(phrase).name == name


def test_an_organisation_described_before_its_name_or_by_which_is_one():
    text = ("The island's only ferry operator, CalMarine, has scrapped its timetable. According to CalMarine, two "
            "ships are in dry dock. The company said repairs would take “at least six weeks”.\n\nTransport Scotland, "
            "which funds the service, said it was “urgently seeking” a ship.")
    found = [a for a in extract(text) if a.quotes]
    assert [(a.speaker.name, a.speaker.kind) for a in found] == [("CalMarine", "organization"),
                                                                 ("Transport Scotland", "organization")]


def test_he_after_a_spokesman_is_whom_the_sentence_between_is_about():
    """"Mr Pell" between the agency's spokesman and "he asks" is John Pell, named in full before."""
    text = ("That is how farmer John Pell describes the week his fields flooded.\n\nThe Environment Agency insists "
            "its defences “worked as designed”. A spokesman said: “No system can hold back water on this scale.”\n\n"
            "Mr Pell is not convinced. “Designed for what?” he asks.")
    found = [a for a in extract(text) if a.quotes]
    assert [(a.speaker.name, a.speaker.kind) for a in found] == [("Environment Agency", "organization")] * 2 + \
        [("John Pell", "person")]


@pytest.mark.parametrize("text, name", [
    # a quotation standing alone, then a sentence saying whose it is
    ("“It's a disaster from start to finish.” That is how farmer John Pell describes the week his fields flooded.",
     "John Pell"),
    ("“We will be back.” Those were the words of coach Ann Lee, moments after the final whistle.", "Ann Lee"),
    # or the rest of its own sentence
    ("“We've lost the lot,” is the verdict of his neighbour, Sue Barr.", "Sue Barr"),
    ("“It is a scandal,” is how councillor Tom Reid puts it.", "Tom Reid"),
])
def test_the_sentence_after_a_quotation_may_say_whose_it_is(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("phrase, name", [
    # initials after an office's words open the person's name; after a name they are its middle
    ("Minister for Industries T.R.B. Rajaa", "T.R.B. Rajaa"),
    ("Opposition leader Edappadi K. Palaniswami", "Edappadi K. Palaniswami"),
])
def test_initials_after_an_office_open_the_name(phrase, name):
    assert rules._mention(phrase).name == name


def test_he_is_never_the_subject_of_the_words_he_said():
    text = ("Minister Ann Rao told reporters the government was “sympathetic” to the traders. The CM will take a "
            "decision soon, she said.")
    assert [a.speaker.name for a in extract(text)] == ["Ann Rao", "Ann Rao"]


def test_a_plural_epithet_is_not_the_one_person_the_story_was_about():
    text = ("Dr Maria Keller said the sample was “relatively small”. The study's authors say they plan to return to "
            "Svalbard next spring.")
    assert [a.speaker.name for a in extract(text)][-1] is None


def test_a_headline_quoting_the_body_with_a_capital_is_scored_as_found(evaluation):
    text = ("'Sickening' attack on hall condemned\n\nBy Ann Lee\n\nMLA Declan McAleese described the attack as "
            "“sickening and cowardly”.\n")
    label = {"file": "x.txt", "speakers": ["Declan McAleese"],
             "quotations": [{"words": "Sickening", "speaker": "Declan McAleese"},
                            {"words": "sickening and cowardly", "speaker": "Declan McAleese"}]}
    figures = collections.Counter()
    evaluation._score_article(label, draft(text, "x"), figures, [])
    assert figures["found"] == figures["right"] == 2 and not figures["dropped"]


@pytest.mark.parametrize("text, name", [
    # a name that opens with a capital outside A-Z keeps it, in any Latin, Greek or Cyrillic script
    ("Émilie Tremblay, the union's president, said the offer was “an insult”.", "Émilie Tremblay"),
    ("“We were robbed,” said Ömer Yıldız, the club's captain.", "Ömer Yıldız"),
    ("The coach, Ángel Ruiz, called the result “a start”.", "Ángel Ruiz"),
    ("Łukasz Nowak told reporters the line would reopen “within days”.", "Łukasz Nowak"),
    ("The Taoiseach, Micheál Ó Dúill, said the talks were “going well”.", "Micheál Ó Dúill"),
    ("Þórdís Gunnarsdóttir, who chairs the fisheries board, said quotas were “not negotiable”.",
     "Þórdís Gunnarsdóttir"),
])
def test_a_name_opening_with_an_accented_capital_is_kept_whole(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


def test_a_surname_opening_with_an_accented_capital_is_not_another_persons():
    text = ("Ángel Ruiz, the coach, was furious. The striker Ödegaard said the penalty was “a dream”.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Ödegaard"]


@pytest.mark.parametrize("text, name, kind", [
    # the Irish article "An" before a consonant opens a state body's name; an English "An" does not
    ("In a statement, An Garda Síochána said the change was part of a “regional rostering review”.",
     "An Garda Síochána", "organization"),
    ("An Bord Pleanála said the appeal was “without merit”.", "An Bord Pleanála", "organization"),
    ("An Uber driver, Tom Walsh, said the fares were “too low”.", "Tom Walsh", "person"),
])
def test_the_irish_article_is_part_of_the_name(text, name, kind):
    assert [(a.speaker.name, a.speaker.kind) for a in extract(text) if a.quotes] == [(name, kind)]


@pytest.mark.parametrize("lede, after, name", [
    # a lede that describes its speaker and names them at the start of the next paragraph
    ("A former nurse at Brackwater Hospital has told an inquiry that staff were moved to night shifts, describing "
     "a “culture of silence” on the wards.",
     "Grace Abernethy, who worked on the cardiac ward for eleven years, said a manager had warned her.",
     "Grace Abernethy"),
    ("BRISTOL, March 2 (Wire) - The longest-serving member of the city's planning committee told colleagues "
     "on Monday the scheme was “a monument to greed”.",
     "Cllr Tom Adeyemi, who has sat on the committee since 2004, is expected to stand down in May.",
     "Tom Adeyemi"),
])
def test_a_lede_speaker_named_only_at_the_start_of_the_next_paragraph(lede, after, name):
    text = f"Headline of the story\n\nPublished 3 March 2026\n\n{lede}\n\n{after}\n"
    assert [a.speaker.name for a in extract(text) if a.quotes][:1] == [name]


@pytest.mark.parametrize("text", [
    # not after the lede; not a person named before; not an organisation
    "Headline\n\nPublished 3 March 2026\n\nThe council met on Monday.\n\nA neighbour told the meeting it was "
    "“a disgrace”.\n\nJohn Smith, a councillor, said the plan would go ahead.\n",
    "Headline\n\nPublished 3 March 2026\n\nJohn Smith chaired the meeting. A former councillor told it the plan was "
    "“a disgrace”.\n\nJohn Smith, who has chaired it since 2019, said the plan would go ahead.\n",
    "Headline\n\nPublished 3 March 2026\n\nA former councillor told the meeting the plan was “a disgrace”.\n\n"
    "Harbour Properties Ltd, which made the application, declined to comment.\n",
])
def test_a_description_is_not_named_forward_outside_a_lede_or_by_someone_named_before(text):
    assert [a.speaker.name for a in extract(text) if a.quotes] != ["John Smith"]
    assert all(a.speaker.name != "Harbour Properties Ltd" for a in extract(text))


@pytest.mark.parametrize("sentence, name", [
    # what a dateline leaves before the speaker after its comma is no part of the speaker
    ("BRISTOL, March 2 (Wire) - Port director Ann Lee said the strike was “unlawful”.", "Ann Lee"),
    ("VALDORA, Sept 29, 2026 (Continental Press) — Mining company Cerro Azul said the spill was “contained”.",
     "Cerro Azul"),
    ("LAGOS (Reuters) - Transport minister Bola Ade told reporters the bridge would reopen “in weeks”.", "Bola Ade"),
])
def test_a_dateline_before_the_speaker_is_left_out(sentence, name):
    assert [a.speaker.name for a in extract(f"Headline\n\n{sentence}\n") if a.quotes] == [name]


def test_a_subject_opening_with_a_word_in_ing_is_no_participle_clause():
    text = "Shipping firm Harbour Line cancelled two sailings, the firm said."
    assert [a.speaker.name for a in extract(text)] == ["Harbour Line"]


@pytest.mark.parametrize("phrase, name", [
    # a US legislator's party and place after the name is neither name nor title
    ("the bill’s sponsor, Sen. Ruth Callister, R-Harlan Springs", "Ruth Callister"),
    ("Sen. Walt Heber, R-Dunmore", "Walt Heber"),
    ("Rep. Ana Ortiz, D-Texas, who sits on the panel", "Ana Ortiz"),
    # a person named after an office "of the …" is the speaker, not the office
    ("Clerk of the course Alison Rudd", "Alison Rudd"),
    ("Head of the school Ann Lee", "Ann Lee"),
])
def test_the_name_after_a_party_or_an_office_of_something(phrase, name):
    assert rules._mention(phrase).name == name


def test_the_wife_of_a_named_man_is_not_him():
    assert rules._mention("the wife of John Smith").name is None


@pytest.mark.parametrize("text, names", [
    # a speaker named again by the first words of the full name, or with "afterwards" after the name
    ("Village headman Ratu Josaia Vakalolo said the wall was “patched up”.\n\n“Every night the mothers stay "
     "awake,” Ratu Josaia said.", ["Ratu Josaia Vakalolo", "Ratu Josaia Vakalolo"]),
    ("Mags Fallon, the trainer, was delighted.\n\n“He loves this place,” said Fallon afterwards.", ["Mags Fallon"]),
    # "the sheriff's office" is the Sheriff's Office named before, not the fire the story was last about
    ("The Cougar Flat Fire prompted the Tamarack County Sheriff's Office to expand orders. The Cougar Flat Fire "
     "grew. In a post, the sheriff's office urged residents: “Leave now.”", ["Tamarack County Sheriff's Office"]),
])
def test_a_speaker_named_again_in_short(text, names):
    assert [a.speaker.name for a in extract(text) if a.quotes] == names


@pytest.mark.parametrize("second, said", [
    # a lede that names no day: the second paragraph's is the day of the news
    ("The planning committee voted seven to four at a meeting on Tuesday evening.", "2026-03-10"),
    # no day there either: none
    ("The planning committee voted seven to four.", "None"),
])
def test_the_second_paragraph_dates_the_news_where_the_lede_names_no_day(second, said):
    made = draft("Homes approved\n\nPublished: Wednesday, 11 March 2026\n\nPlans for 240 homes on farmland have been "
                 f"approved despite 400 objections.\n\n{second}\n\nResidents were angry.\n\n“This is a disgrace,” said "
                 "Graham Pilling.\n", "homes")
    assert [str(c.get("date")) for c in made.records["claims"]] == [said]


@pytest.mark.parametrize("text, name", [
    # a courtesy title inside the name's own run says who "he" or "she" is, where the given name does not
    ("For commercial motorcyclist Mr. Lanre Eke, who plies the route daily, the matter is simple. “Na only God dey "
     "carry us,” he said.", "Lanre Eke"),
    ("Among those waiting was Mrs Oyinkansola Bello, 61. “We sleep here now,” she said.", "Oyinkansola Bello"),
    ("The flats were sold to Sir Teodor Vasquez-Hale in 2019. “I had no idea,” he said.", "Teodor Vasquez-Hale"),
])
def test_a_courtesy_title_before_a_name_mid_sentence_gives_its_gender(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


def test_a_courtesy_title_is_no_role():
    made = draft("Ferry row\n\nMr Tom Reid said the ferry was “late again”.\n\nDr. Ann Lee said it was “fine”.\n\n"
                 "Harbour master Mrs Jo Kerr said: “We will look at it.”\n", "ferry")
    assert {a["id"]: a.get("role") for a in made.records["actors"]} == {
        "tom-reid": None, "ann-lee": "Dr.", "jo-kerr": "Harbour master"}


@pytest.mark.parametrize("text, speakers", [
    # an adverbial clause opening a sentence is no part of its subject: the one it then describes speaks, not
    # the speaker before ("As the result was announced, one member of the gallery shouted")
    ("Cllr Sheila Barraclough said: “I am disappointed.”\n\nAs the result was announced, one member of the public "
     "gallery shouted “Shame on you” before leaving.", ["Sheila Barraclough", "one member of the public gallery"]),
    ("Sheriff Dale Harmon said the fire was “moving fast”.\n\nAt the grange, where volunteers take in livestock, a man "
     "loading hay, who declined to give his name, said he had seen three fires. “This one feels different,” he said.",
     ["Dale Harmon", "a man loading hay"]),
    ("Tom Reid spoke first.\n\nBecause the vote was lost, Ann Lee said: “We will appeal.”", ["Ann Lee"]),
    # "As" opening an attribution is none: "As Ann Lee put it", "As he put it"
    ("Tom Reid spoke first.\n\nAs Ann Lee put it, “the vote is lost”.", ["Ann Lee"]),
    ("Tom Reid spoke first.\n\nAs he put it, “the vote is lost”.", ["Tom Reid"]),
])
def test_an_adverbial_clause_opening_the_sentence_hides_no_subject(text, speakers):
    assert [a.speaker.name or a.speaker.title for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a possessive's claim or "what … called" says whose words a quotation is, inside another's sentence
    ("Ann Lee chairs the board.\n\nThe judge found that Harbour Line's claim to run “the safest ferries in Europe” was "
     "puffery.", ["Harbour Line"]),
    ("The union rejected the offer, in what Ann Lee called “a slap in the face”.", ["Ann Lee"]),
    ("Health minister Tom Ray spoke on Monday.\n\nCritics pointed to the minister's promise of “a school in every "
     "village”, made in 2019.", ["Tom Ray"]),
    # a pronoun's "what she called" is the sentence's own speaker's; a term a company "calls" is nobody's statement
    ("Ann Lee said the plan had failed, in what she called “a lost decade”.", ["Ann Lee"]),
    ("The dispute centres on what the company calls ‘annualised hours’. Tom Ray said they were “a con”.", ["Tom Ray"]),
    # what one person calls a thing, now or with an aside before the words, is theirs
    ("Her son, Eli Marsh, handles what he calls, with a slight grimace, “the online side”.", ["Eli Marsh"]),
    ("Ann Lee has kept every reel, an archive which she describes, with a shrug, as “my junk drawer”.", ["Ann Lee"]),
    ("Tom Ray runs the yard, which he calls “the last honest business in town”.", ["Tom Ray"]),
])
def test_a_possessive_or_what_someone_called_says_whose_words(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, name, role", [
    # an office with its field before the name: the field is the office's, not the person's given name
    ("Minister of Agriculture Hemraj Sukhdeo said: “We will help.”", "Hemraj Sukhdeo", "Minister of Agriculture"),
    ("The Secretary of Foreign Affairs Ann Lee said: “No.”", "Ann Lee", "Secretary of Foreign Affairs"),
    ("“Yes,” said the Minister of Health Tom Reid.", "Tom Reid", "Minister of Health"),
    # (a word borne as a given name after the field is the name's: "Energy [Chaudhry Tariq Mehmood]")
    ("Provincial Minister for Energy Chaudhry Tariq Mehmood said power would return “within ten days”.",
     "Chaudhry Tariq Mehmood", "Provincial Minister for Energy"),
    # an office of a whole organisation is none of this: "a spokeswoman for Vellmouth City Council"
    ("A spokeswoman for Vellmouth City Council said there were “no plans”.", "Vellmouth City Council", None),
    # courtesy titles and rulers' titles of other countries, and a student's year, are no part of the name
    ("Speaking at the kgotla, Kgosi Tshepiso Radipitse said: “Water is a right.”", "Tshepiso Radipitse", "Kgosi"),
    ("One resident, Mma Onalenna Sebego, said: “The children go to school dirty.”", "Onalenna Sebego", "resident"),
    ("Junior Marcus Bell won at 145 pounds. “I thought about it every day,” Bell said.", "Marcus Bell", "Junior"),
    ("Regional Chairman Vickram Baksh said he had called the ministry.\n\n“Help is on the way,” the chairman said.",
     "Vickram Baksh", "Regional Chairman"),
])
def test_the_name_after_an_office_of_a_field_or_a_title_from_elsewhere(text, name, role):
    made = draft(f"Floods\n\n{text}\n", "floods")
    assert {a["name"]: a.get("role") for a in made.records["actors"] if a["id"] != "floods"} == {name: role}


def test_a_day_the_speakers_words_spoke_of_does_not_date_their_next_quotation():
    """The paragraph before names the speaker and two days: the day they were reached, and the day their reported
    words speak of. Their next quotation was said on the first, the day their own words named."""
    made = draft("Noodle shop closed\n\nJuly 16, 2026\n\nInspectors closed the shop on Tuesday.\n\nOwner Kevin Pham, "
                 "reached by phone Wednesday, said the water heater failed Monday night.\n\n“We were not hiding "
                 "anything,” Pham said.\n", "noodles")
    assert [str(c.get("date")) for c in made.records["claims"] if c["claimant"] == "kevin-pham"] == [
        "2026-07-15", "2026-07-15"]


@pytest.mark.parametrize("text, speakers", [
    # a passive's subject says nothing ("was cited for", "were told"); "is quoted as saying" is the subject's words
    ("Golden Thread Noodle House was cited for 14 violations, six of them serious.", []),
    ("Tom Reid is quoted as saying the plan was dead.", ["Tom Reid"]),
    # "added" with a score or a thing after it is no saying; with "that" or a clause it is
    ("Guard Luke Harmon added 10 off the bench.", []),
    ("Striker Ann Lee added a second goal after the break.", []),
    ("Ann Lee added that the council would pay.", ["Ann Lee"]),
])
def test_a_passive_or_a_score_added_is_no_saying(text, speakers):
    assert [a.speaker.name for a in extract(text)] == speakers


@pytest.mark.parametrize("text, name, role", [
    # an office whose field has several parts, then a title and the name
    ("Deputy Minister of Lands, Agriculture, Water and Rural Development Cde Tafadzwa Mhlanga said the scheme was "
     "“98 percent complete”.", "Tafadzwa Mhlanga", "Deputy Minister of Lands"),
    ("Minister of Transport and Maritime Affairs Carla Deveaux-Rahming said the ministry was “fully aware”.",
     "Carla Deveaux-Rahming", "Minister of Transport and Maritime Affairs"),
    # an office whose words look like an organisation's, then a courtesy title and the person
    ("Zaka District Development Coordinator Mrs Loveness Chidavaenzi said: “Each household will get land.”",
     "Loveness Chidavaenzi", "Zaka District Development Coordinator"),
    ("The Hamlet of Nuvuksaq asked residents to “use water only for drinking”.", "Hamlet of Nuvuksaq", None),
])
def test_an_office_of_many_parts_or_like_an_organisations_then_the_name(text, name, role):
    made = draft(f"Water\n\n{text}\n", "water")
    assert {a["name"]: a.get("role") for a in made.records["actors"] if a["id"] != "water"} == {name: role}


def test_she_after_a_surname_alone_is_the_person_named_in_full_before():
    text = ("Sarita Bohara, 14, crosses the river daily.\n\nAn official said a decision would come “within this fiscal "
            "year”.\n\nThat offers little comfort to Bohara, who will sit her exams in two years.\n\n“I want to finish "
            "school before the bridge is finished,” she said, laughing.")
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == "Sarita Bohara"


@pytest.mark.parametrize("last, name", [
    # "the association" is the association its president was named with, not the president
    ("The association said it was “angry”.", "Family Island Mailboat Operators Association"),
    # and "it" after a sentence about "the association" is the association
    ("The association has disputed that. In a statement, it said claims were “on time”.",
     "Family Island Mailboat Operators Association"),
])
def test_the_organisation_a_person_was_named_with_speaks_as_itself(last, name):
    text = ("Captain Dwayne Symonette, president of the Family Island Mailboat Operators Association, told Island Wire "
            "that members had not been paid.\n\nA senior official said delays stemmed from “documentation issues”.\n\n"
            + last)
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == name


@pytest.mark.parametrize("background, said", [
    # a year in a sentence of believing is background: the lede's day still dates the opinion quoted
    ("The case arose from a 2023 investigation in which deputies photographed what they believed were plants.",
     "2026-06-18"),
    # a year in a sentence of saying or finding is another occasion: no day
    ("In a 2023 report, the county's auditor found the flights were lawful.", "None"),
])
def test_a_year_in_a_sentence_of_believing_is_no_other_occasion(background, said):
    made = draft("Drone ruling\n\nPublished June 19, 2026\n\nPolice must get a warrant before using drones, the state "
                 f"Supreme Court ruled Thursday.\n\n{background}\n\nWriting for the majority, Justice Miriam Castellano "
                 "said the flights were “a sustained program of aerial observation”.\n", "drones")
    assert [str(c.get("date")) for c in made.records["claims"] if c["claimant"] == "miriam-castellano"] == [said]


def test_a_day_of_what_will_happen_still_dates_nothing():
    made = draft("Switch\n\nPublished: May 12, 2026\n\nThe line will close on Friday.\n\n“We must start somewhere,” "
                 "said Director Ann Lee.\n", "switch")
    assert [str(c.get("date")) for c in made.records["claims"]] == ["None"]


def test_words_under_a_live_pages_entry_time_are_of_the_pages_day():
    page = ("Airport live: departures suspended\n\nSaturday 12 December 2026\n\n15:30\nPassengers stranded\n\n"
            "Priya Nandakumar has been queuing since 07:00. “Nobody is telling us anything,” she says.\n\n14:48\n"
            "Airline cancels flights\n\n“We are sorry for the disruption,” SkyLark Air said in a statement.\n")
    made = draft(page, "airport")
    assert [str(c.get("date")) for c in made.records["claims"]] == ["2026-12-12", "2026-12-12"]
    assert "live page's entry of 15:30" in made.comments[made.records["claims"][0]["id"]]
    # a single time on a line of its own makes no live page
    single = draft(page.replace("14:48\n", ""), "airport")
    assert [str(c.get("date")) for c in single.records["claims"]] == ["None", "None"]


@pytest.mark.parametrize("who", ["A representative of the contractor", "A spokesman for the ministry"])
def test_one_who_speaks_for_an_organisation_but_would_not_be_named_is_he(who):
    text = (f"Cllr Nyasha Gwatidzo said the scheme was late.\n\n{who}, who asked not to be named, said the work "
            "involved installing meters.\n\n“It is a matter of days, not weeks,” he said.")
    last = [a for a in extract(text) if a.quotes][-1]
    assert (last.speaker.name, last.speaker.unnamed) == (None, True)


@pytest.mark.parametrize("text, speakers", [
    # "which/that X described as", and a letter from X that told someone: X's words, inside another's sentence
    ("Fourteen people attended the meeting, which the Chairman, Cllr Margaret Fenwick, described as “the best turnout "
     "since the inquiry”.", ["Margaret Fenwick"]),
    ("Each bud snaps onto a dock that Lumora describes as “about the size of a stick of gum.”", ["Lumora"]),
    ("Riverside Arches Housing Group, the housing association that runs the estate, apologised.\n\nKezia Marsh said a "
     "letter from the housing association last winter told her the mould was caused by “lifestyle factors”.",
     ["Riverside Arches Housing Group"]),
    # a thing is nobody: "that the plan described as"
    ("She said that the plan described as “bold” had failed.", []),
])
def test_which_someone_described_as_or_a_letter_from_someone_says_whose_words(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes and a.speaker.name] == speakers


@pytest.mark.parametrize("text, name", [
    # a title and the middle one of three names: the father's name, as South Sudanese papers name people again
    ("The union chairperson, Mr. Lual Garang Deng, said teachers had waited.\n\n“We have written letters,” Mr. Garang "
     "said.", "Lual Garang Deng"),
    ("The County Commissioner, Hon. Mary Nyandeng Akol, acknowledged the delay.\n\n“The county does not print money,” "
     "Hon. Nyandeng told this paper.", "Mary Nyandeng Akol"),
])
def test_a_title_and_a_middle_name_is_the_person_named_in_full_before(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


def test_the_housing_association_is_the_organisation_with_housing_in_its_name_not_the_nearer_association():
    text = ("The estate is managed by Riverside Arches Housing Group.\n\nGrace Adeyemi chairs the Fennick Estate "
            "Tenants’ and Residents’ Association.\n\nKezia Marsh said a letter from the housing association told her "
            "the mould was caused by “lifestyle factors”.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Riverside Arches Housing Group"]


@pytest.mark.parametrize("line", [
    "The casualty's wife said: “Thank you all so much.”",
    "We received a lovely message from the casualty's wife on Sunday evening: “Thank you all so much.”",
])
def test_somebodys_relation_is_not_the_person_the_story_was_about(line):
    text = f"Rob Hetherington led the team. “It was a long night,” he said.\n\n{line}"
    last = [a for a in extract(text) if a.quotes][-1]
    assert (last.speaker.name, last.speaker.title) == (None, "casualty's wife")


@pytest.mark.parametrize("text, name", [
    # a clause that is nothing but a quotation, after a reported one, says more of the same speaker's words
    ("Hannah Lindqvist is an analyst.\n\nCases, she notes, are how most people carry earbuds safely, and “a product with "
     "no storage is going to end up in washing machines.”", "Hannah Lindqvist"),
    ("Ann Lee said the plan was late, and “frankly a mess”.", "Ann Lee"),
])
def test_a_clause_that_is_only_a_quotation_goes_on_with_the_speaker_before(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [name]


@pytest.mark.parametrize("text, speakers", [
    # "Division of …", "Directorate of …" name organisations
    ("The state Division of Trails and Access announced that it would close the trail “until further notice”.",
     ["Division of Trails and Access"]),
    # a results sheet: a name, a country in brackets, a place, a colon
    ("Henrik Solbakk won.\n\nHenrik Solbakk (NOR), 1st: “It is a dream.”\n\nLoic Bernasconi (SUI), 2nd: “The top part "
     "was perfect.”", ["Henrik Solbakk", "Loic Bernasconi"]),
])
def test_divisions_and_results_sheets(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_one_name_after_a_rulers_title_is_a_person():
    made = draft("Bridge\n\nGroup Village Headman Mpondamwala said the community had warned authorities.\n\n“Women "
                 "are crossing the river on the backs of young men,” said Mpondamwala.\n", "bridge")
    assert [(a["name"], a["kind"], a.get("role")) for a in made.records["actors"] if a["id"] != "bridge"] == [
        ("Mpondamwala", "person", "Group Village Headman")]
    assert {c["claimant"] for c in made.records["claims"]} == {"mpondamwala"}


@pytest.mark.parametrize("sentence", [
    # a capitalised word opening the sentence after a dateline is no name; nor is a place after a group
    "NASSAU, BAHAMAS — Mailboat operators serving the southern cays say they may suspend sailings.",
    "Rice farmers at Belle Espoir Village, Mahaicony, say close to 1,800 acres of paddy have been lost.",
])
def test_a_group_is_no_one_named_after_a_dateline_or_by_its_place(sentence):
    made = draft(f"Story\n\n{sentence}\n", "story")
    assert [a["name"] for a in made.records["actors"] if a["id"] != "story"] == []


def test_a_day_left_as_the_name_of_a_source_phrase_is_nobody():
    # (the phrase the tagger marked as a source in a wire lede: only "Thursday" in it is capitalised)
    mention = rules._mention("House bill that would impose a $4 fee on cruise visitors drew sharp criticism Thursday "
                             "from cruise industry representatives")
    assert (mention.name, mention.unnamed) == (None, True)


def test_an_adverb_after_the_name_before_an_apposition_is_no_part_of_it():
    text = ("Tomas Lindqvist stroked the crew.\n\n“We had talked all week about staying patient,” said Lindqvist "
            "afterwards, a 24-year-old Swedish postgraduate who rowed for his country.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Tomas Lindqvist"]


@pytest.mark.parametrize("text, name", [
    # a nickname in quotation marks between a name's words is no quotation and no part of the name
    ("Sen. Ramón “Monchi” Feliciano Torres filed a bill.\n\n“They say the sky will fall,” Feliciano Torres said.",
     "Ramón Feliciano Torres"),
    ("Boxer Jim “The Hammer” Reilly said: “I am ready.”", "Jim Reilly"),
])
def test_a_nickname_in_quotation_marks_inside_a_name(text, name):
    assert [(a.speaker.name, len(a.quotes)) for a in extract(text) if a.quotes] == [(name, 1)]
    listed = draft(f"Story\n\n{text}\n", "story").unattributed
    assert [(u.words.strip("“”"), u.said_by) for u in listed] == [(text.split("“")[1].split("”")[0],
                                                                  "nobody: a term ('a nickname')")]


@pytest.mark.parametrize("text, speakers", [
    # a word set off by commas between the speaker and the verb says how the story goes on, not who speaks
    ("Ines Varga chairs the board.\n\nShe, however, said the merger was “not on the table”.", ["Ines Varga"]),
    ("The Dockers Union met on Friday. The union, for its part, said the offer was “an insult”.", ["Dockers Union"]),
    ("Ruth Oyelaran runs the clinic. She, for her part, called the cuts “reckless”.", ["Ruth Oyelaran"]),
    # after a description and the name, an age and a relative clause are no part of the name
    ("His landlord, retired plasterer Owen Price, 68, who has MS, said the flat was “perfectly fine”.", ["Owen Price"]),
    # an adverb between a modal and the verb of saying
    ("Asked about the vote, Mayor Tilde Aune would only say: “Wait and see.”", ["Tilde Aune"]),
    ("Kofi Mensah would just say: “No comment.”", ["Kofi Mensah"]),
    # "informed" is a verb of saying
    ("The head teacher, Mrs Grace Pyle, informed parents that “the school will close at noon”.", ["Grace Pyle"]),
    # a nation for a person named before, as sports pages write it
    ("Mateusz Nowak lost in four sets.\n\n“I was too slow,” the 24-year-old Pole said.", ["Mateusz Nowak"]),
    ("Fraser Doig scored twice. “It was a good day,” the Scot told reporters.", ["Fraser Doig"]),
    # where or when, then a deed after a quotation, is no speaker and no verb of saying
    ("Lena Brandt admitted she had “no plan at all” in the second set after the Austrian number three saved two break "
     "points.", ["Lena Brandt"]),
])
def test_asides_ages_modals_nations_and_deeds_around_the_speaker(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, name, kind", [
    # where an organisation is listed or based, and what it is, written before its name: no part of it
    ("Oslo-listed Nordhav Shipping said the route was “no longer viable”.", "Nordhav Shipping", "organization"),
    ("Publisher Greywater Games said it had cut “a small number of roles”.", "Greywater Games", "organization"),
    ("Environmental NGO Terra Viva called the permit “a disgrace”.", "Terra Viva", "organization"),
    # a son's or a king's numeral is part of the name; an honour is not
    ("Agriculture Secretary Ramon Dizon Jr. said prices were “under control”.", "Ramon Dizon Jr.", "person"),
    ("Martin Okafor III told the crowd: “We march at noon.”", "Martin Okafor III", "person"),
    # a police rank and a Māori elder's title before the name
    ("DS Aled Rourke said officers were “keeping an open mind”.", "Aled Rourke", "person"),
    ("Kaumātua Rangi Tawhiri said the spring was “a taonga”.", "Rangi Tawhiri", "person"),
    ("Naalakkersuisoq for Infrastructure Aviaaja Berthelsen said the route was “safe”.", "Aviaaja Berthelsen",
     "person"),
    # an office with its field in common words, then who holds it
    ("Opposition spokesman for health Karl Vella said the plan was “a gamble”.", "Karl Vella", "person"),
])
def test_what_stands_before_or_after_a_name_and_is_no_part_of_it(text, name, kind):
    made = draft(f"Story\n\n{text}\n", "story")
    assert [(a["name"], a["kind"]) for a in made.records["actors"] if a["id"] != "story"] == [(name, kind)]


def test_a_suffix_is_no_surname():
    text = ("Ramon Dizon Jr. spoke first.\n\n“Prices are under control,” Dizon said.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Ramon Dizon Jr."]


@pytest.mark.parametrize("text, speakers", [
    # a participle that names what it speaks of before the words: the speaker's whose sentence it ends
    ("Tolls on the bridge will double in March, the Roads Agency said on Monday, calling the rise “regrettable but "
     "necessary”.", ["Roads Agency", "Roads Agency"]),
    ("Galway West TD Siobhán Rourke raised the closures in the Dáil, describing them as “a betrayal”.",
     ["Siobhán Rourke"]),
    # a relative clause's speaker, where or in what it said coming before the verb
    ("The vote follows pressure from activist fund Halyard Capital, which in a letter to shareholders described the board as "
     "“asleep”.", ["Halyard Capital"]),
    # "the carrier", "the district": the company or body named before
    ("Brightwater Ferries Ltd runs the route.\n\nIn a notice on Friday, the carrier said: “Sailings are suspended.”",
     ["Brightwater Ferries Ltd"]),
    ("The Tamsin Valley Health District is investigating.\n\nThe district said samples showed “high levels” of "
     "bacteria.", ["Tamsin Valley Health District"]),
])
def test_naming_participles_relative_clauses_and_trades(text, speakers):
    assert [a.speaker.name for a in extract(text)] == speakers


def test_a_person_after_an_office_that_holds_a_place_and_a_body_is_a_person():
    made = draft("Story\n\nRatnapura District MP Lakdasa Wijeratne said the ward was “a disgrace”.\n", "story")
    assert [(a["name"], a["kind"]) for a in made.records["actors"] if a["id"] != "story"] == \
        [("Lakdasa Wijeratne", "person")]


@pytest.mark.parametrize("text, speakers", [
    # a participle alone opening a debate's turn is no name
    ("Responding, Priya Nair (Eastfield) said the figures were “a fantasy”.", ["Priya Nair"]),
    # "he" is not the wife the sentence before was about, and "Mr Okello" is a he
    ("Samson Okello was rescued after two days.\n\nMr Okello is a driller. His wife, Ruth, kept vigil at the gate.\n\n"
     "“I thought I would die down there,” he said.", ["Samson Okello"]),
    # "A neighbour's dog" is the dog: "she" is still the woman named before
    ("Lorna Baptiste-Cole lost her house.\n\nBaptiste-Cole looked at the gap where the road was. A neighbour’s dog "
     "barked at the edge.\n\n“Nobody came back,” she said.", ["Lorna Baptiste-Cole"]),
])
def test_openings_wives_titles_and_dogs(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a quotation going on after its speaker and a long apposition
    ("“The embankment will not hold,” said Mohammad Rafiqul Islam, chairman of Char Kukri Union Parishad, “and "
     "nobody has come to see it.”", [("Mohammad Rafiqul Islam", 2)]),
    # the speaker of a clause after "in which"
    ("Director Ana Sousa posted a long thread of her own, in which she called the delay “the hardest call of my "
     "career”.", [("Ana Sousa", 1)]),
    # whose verdict the possessive says
    ("Dr Ilse Marten, a glaciologist, has studied the ice for years. Her verdict is blunt: “We are running out of "
     "time to measure it.”", [("Ilse Marten", 1)]),
])
def test_long_appositions_in_which_and_whose_verdict(text, speakers):
    assert [(a.speaker.name, len(a.quotes)) for a in extract(text) if a.quotes] == speakers


def test_a_company_is_said_again_without_the_word_that_ends_its_name():
    text = ("Halvard Therapeutics said its drug had failed.\n\nA Halvard spokesperson said the company was “in close "
            "contact” with regulators.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Halvard Therapeutics"]


def test_a_word_describing_a_person_is_no_organisation_they_speak_for():
    # "utility" says what the analyst covers: no utility named before speaks through them
    text = ("Ruth Okafor, director of the Harlow Consumers Alliance, welcomed it.\n\nOne utility equity analyst, who "
            "asked not to be named because the firm covers Harlow’s parent company, said the lower return could matter "
            "more to investors than the write-off.")
    made = draft(f"Story\n\n{text}\n", "story")
    assert [a["name"] for a in made.records["actors"] if a["id"] != "story"] == []


@pytest.mark.parametrize("text, name", [
    # an organisation's name with "and" in it, said in full once and later by its last word
    ("Farmers complained to the Berbice Drainage and Irrigation Board about the pumps.\n\nIn a statement, the Board "
     "said the pumps had been “partially operational” since January.", "Berbice Drainage and Irrigation Board"),
    ("A spokesperson for Carrick and Lochside Council said: “We apologise to residents.”", "Carrick and Lochside Council"),
    # a headline's last words are no part of a name that opens the paragraph after it
    ("The Drainage and Irrigation Board said the pumps were “partially operational”.", "Drainage and Irrigation Board"),
])
def test_an_organisation_named_with_and_is_named_whole(text, name):
    made = draft(f"Pumps Fail Again\n\n{text}\n", "story")
    assert {a["name"] for a in made.records["actors"] if a["id"] != "story"} == {name}


def test_a_source_the_tagger_stops_inside_a_name_is_the_whole_name():
    text = "Priya Nandakumar says she has been queuing at the check-in hall since seven."
    [tokens] = list(tagger.sentences_with_tokens(text))
    tags = ["B-source"] + ["O"] + ["B-cue"] + ["B-content"] + ["I-content"] * (len(tokens) - 4)
    [(found, _)] = tagger._group(text, tokens, tags, [0.9] * len(tokens))
    assert found.source.of(text) == "Priya Nandakumar"


@pytest.mark.parametrize("text, speakers", [
    # a surname that looks like a verb ("Haskins", "Jennings") after its full name
    ("Two people were hurt, county emergency director Ron Haskins said.\n\n“We were very, very lucky,” Haskins said.",
     ["Ron Haskins", "Ron Haskins"]),
    # a deed, then "but said" with what was said
    ("Chief Foday Kamara appealed for calm but said his people had been “pushed to the wall”.", ["Foday Kamara"]),
    # a person named like a news outlet ("Fox"), then an epithet for him
    ("Warren Fox, who runs a café by the pier, said trade had halved.\n\n“I will have to let staff go,” the "
     "52-year-old said.", ["Warren Fox", "Warren Fox"]),
    # an epithet with an adverb after it
    ("Aoife Brennan scored the winner in stoppage time.\n\n“I just hit it,” said the 19-year-old afterwards.",
     ["Aoife Brennan"]),
    # the first of two family names alone, as Spanish papers name someone again
    ("Lucía Ferrer Quintana chairs the board.\n\n“We cannot wait,” Ferrer said.", ["Lucía Ferrer Quintana"]),
    # "the forum", and "the agency" for a public body whatever its name calls it
    ("The Riverside Patients' Forum met on Monday. “We need honesty,” the forum said.", ["Riverside Patients' Forum"]),
    ("A tornado hit, the National Weather Service confirmed. In its report, the agency said the storm “developed "
     "rapidly”.", ["National Weather Service", "National Weather Service"]),
])
def test_surnames_deeds_outlets_epithets_and_bodies(text, speakers):
    assert [a.speaker.name for a in extract(text)] == speakers


def test_an_indefinite_office_is_somebody_unnamed():
    assert [a.speaker.name for a in extract("Cuts would “leave the West End stranded”, an Opposition MP has "
                                            "warned.")] == [None]


@pytest.mark.parametrize("text, name", [
    ("The Cooperativa Virgen del Carmen called the plan “a mistake”.", "Cooperativa Virgen del Carmen"),
    ("The Consejo Regulador said the rules were “final”.", "Consejo Regulador"),
])
def test_a_bodys_name_in_another_language_is_an_organisations(text, name):
    made = draft(f"Story\n\n{text}\n", "story")
    assert [(a["name"], a["kind"]) for a in made.records["actors"] if a["id"] != "story"] == [(name, "organization")]


@pytest.mark.parametrize("text, speakers", [
    # "however" without commas after the pronoun
    ("Finance ministry spokesperson Lineo Ntsane said she could not comment. She however said payments were “on the "
     "way”.", ["Lineo Ntsane"]),
    # an engineer's title, shortened, before the given name Ethiopian papers name people again by
    ("Eng. Selam Tadesse leads the works.\n\n“The weir has seeped,” Eng. Selam told reporters.", ["Selam Tadesse"]),
    # a body's spokesperson named after it speaks, not the body
    ("Ministry of Finance spokesperson Lineo Ntsane said payments were “on the way”.", ["Lineo Ntsane"]),
    # "furthered", as West African papers write "added"
    ("Chief Sama Kallon spoke first. He furthered that the road was “a death trap”.", ["Sama Kallon"]),
])
def test_however_engineers_spokespeople_and_furthered(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_a_bodys_possessive_is_no_part_of_its_name():
    text = ("Tarrow Borough Council’s licensing panel will review it. A council spokesman said the review was "
            "“routine”.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Tarrow Borough Council"]


def test_a_live_pages_entry_heading_is_nobodys_words():
    page = ("Airport live\n\nSaturday 12 December 2026\n\n15:50\nLocal MP demands answers\n\nThe MP for Harwick, Ann "
            "Lee, said the airport must explain itself.\n")
    made = draft(page, "airport")
    assert [c["claimant"] for c in made.records["claims"]] == ["ann-lee"]
    assert rules.in_heading(page, Span(page.index("Local"), page.index("Local") + 5))
    assert not rules.in_heading(page, Span(page.index("The MP"), page.index("The MP") + 6))


@pytest.mark.parametrize("text, speakers", [
    # a clause after "where" whose speaker has a description first
    ("The Greens were on the high street, where their candidate, Mina Okoye, told shoppers that the vote was “a "
     "referendum on buses”.", ["Mina Okoye"]),
    # what the speaker was about, then a colon
    ("Their coach, Rob Tennant, was blunt about the first session, in which they lost four wickets: “We were poor "
     "for an hour.”", ["Rob Tennant"]),
])
def test_a_described_speaker_after_where_and_a_mood_about_something(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_an_exchange_of_questions_and_answers_takes_turns():
    text = ("“When did you first see the ballots?” Dunphy asked.\n\n“Saturday morning,” Benedetti replied.\n\n"
            "“And you told nobody until Tuesday?”\n\n“We told the secretary of state.”\n\n“Why not the public?”")
    assert [a.speaker.name for a in extract(text)] == ["Dunphy", "Benedetti", "Dunphy", "Benedetti", "Dunphy"]


def test_a_quotation_alone_after_a_statement_goes_on_with_its_speaker():
    # (no exchange: the answer before was no answer to a question)
    text = "“We will appeal,” Ann Lee said.\n\n“It is not over.”"
    assert [(a.speaker.name, len(a.quotes)) for a in extract(text)] == [("Ann Lee", 2)]


@pytest.mark.parametrize("text, name, role", [
    # an office whose field is a body's name, then the person
    ("State Secretary of the Health Ministry Ilze Ozola told the committee the network was “for a different Latvia”.",
     "Ilze Ozola", "State Secretary of the Health Ministry"),
    # "State" is part of a body's name that ends in a body's word
    ("The State Emergency Care Centre said “no final decisions have been made”.", "State Emergency Care Centre", None),
])
def test_an_office_of_a_body_and_a_bodys_state(text, name, role):
    made = draft(f"Story\n\n{text}\n", "story")
    assert [(a["name"], a.get("role")) for a in made.records["actors"] if a["id"] != "story"] == [(name, role)]


@pytest.mark.parametrize("text, speakers", [
    # a father's title in a daughter's description says nothing of her
    ("Coroner Helen Marsh found the death preventable.\n\nOutside court, Mr Turner’s daughter, Kylie Dunn, said the "
     "family had waited two years.\n\n“Dad was a proud man,” she said.", ["Kylie Dunn"]),
    # an epithet no title holds: the person quoted last, where the phrase is "the" and an age or a word for who
    # someone is
    ("Speaking on Monday, 13 July, the Alkalo of the village, Pa Lamin Sowe, said farmers had nothing.\n\n“We were "
     "told the fertiliser would come,” the 67-year-old village head said.", ["Pa Lamin Sowe"]),
    ("Mathis Girard, who led from the start, admitted he had gone “too hard” on the climb.\n\n“I made it hard for "
     "myself,” said the 31-year-old, who held on for second.", ["Mathis Girard", "Mathis Girard"]),
])
def test_a_fathers_title_an_epithet_and_a_date_after_a_day(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # an office of a council before the name is a person's, and "she" is hers
    ("The chairwoman of Kalnupe municipality council, Dace Ozola, whose parish would lose two stations, said "
     "residents had signed.\n\n“People here have seen the school close,” she said.", ["Dace Ozola"]),
    # a Malay name runs on after "bin" whatever title the father has
    ("Haji Rosli bin Haji Ahmad opened the drill. “We hope people learn,” he said.", ["Rosli bin Haji Ahmad"]),
])
def test_a_councils_chairwoman_and_a_fathers_name(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # an office with its field in common words, then a name no table of given names knows
    ("Head of the inspectorate Baurzhan Temirkhanov told reporters on Friday: “The checks will continue.”",
     ["Baurzhan Temirkhanov"]),
    ("Alderwoman for housing Petra Wolski told the meeting the list had doubled. “We cannot build fast enough,” she "
     "said.", ["Petra Wolski"]),
    # a courtesy title opens the apposition: the phrase before it only describes her
    ("Speaking after the vote, Principal Planner at the County Office, Mrs. Odile Marchetti-Vance, said the plan was "
     "sound. “We listened to everyone,” she said.", ["Odile Marchetti-Vance"]),
    # a nation, with a point of the compass, or opening the sentence
    ("Ciaran Duffy, 29, lost in straight sets.\n\n“I was flat all night,” said the Northern Irishman.",
     ["Ciaran Duffy"]),
    ("Lars Holm won in three games.\n\nThe Dane said the crowd had helped. “They carried me,” he said.", ["Lars Holm"]),
    # a title before the given name, by which the person is named again
    ("Eng. Ubah Warsame Jama, head of the water agency, said supply had improved.\n\n“The wells are full,” Eng. Ubah "
     "said.", ["Ubah Warsame Jama"]),
])
def test_offices_courtesy_titles_nations_and_given_names_after_titles(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # what a body issued says it, by a participle with no comma before it
    ("The Harlow Clock Museum issued a statement on Monday welcoming the ruling and confirming that the gallery “will "
     "reopen in spring”.", ["Harlow Clock Museum"]),
    # a ruling's participle after "has" and a deed
    ("The Licensing Appeals Board has quashed the fine, ruling that the inspector “misread the regulations”.",
     ["Licensing Appeals Board"]),
    # "with" somebody saying it
    ("The race drew 4,000 runners, with race director Imke Vos calling the conditions “close to perfect”.",
     ["Imke Vos"]),
    # a quote sheet: a given name that is also a title, a surname alone, and who and whence before the colon
    ("Dean Harrow, club secretary: “We are delighted for the players.”", ["Dean Harrow"]),
    ("Councillor Jo Pirie chaired the meeting.\n\nPirie: “We move to the vote.”", ["Jo Pirie"]),
    ("Tom Ellery, bus driver, Northgate: “The new timetable is chaos.”", ["Tom Ellery"]),
])
def test_issued_ruling_with_and_quote_sheets(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_a_word_before_a_colon_that_names_nobody_gives_no_speaker():
    text = "Warning: “Do not travel unless you must.”"
    assert [a.speaker.name for a in extract(text) if a.quotes] == [None]


@pytest.mark.parametrize("text, speakers", [
    # the office's field is no part of the name that the surname says again
    ("State Secretary of the Transport Ministry Ruta Berzina told MPs the plan was “for another decade”.\n\n“We will "
     "not cut pensions,” Berzina said.", ["Ruta Berzina", "Ruta Berzina"]),
    # (a guard: a word after a title that nobody bears as a given name is one more title)
    ("Respected Elder Aunty Joan Marley said the hill “remembers everything”.", ["Joan Marley"]),
    # "the company" is the company just named, not the outlet that was told before it
    ("Farmer Ana Soto told the Valley Daily Courier the wells were dry.\n\nThe 60-room Casa Lumbre Hotel & Spa denied "
     "it. In a statement, the company said its well “holds every permit”.", ["Casa Lumbre Hotel & Spa"]),
])
def test_office_fields_elders_and_the_company_after_an_outlet(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a body's short name from its own language, and one that ends like a plural title ("DSS" is no "DSs")
    ("Members of the Ainaro Rice Farmers Union (KPAR) met on Monday. KPAR said it would “fight on”.",
     ["Ainaro Rice Farmers Union"]),
    ("Ann Kwok runs a home. The Social Welfare Bureau (DSS) replied. In a statement, the DSS said it would act “within "
     "weeks”.", ["Social Welfare Bureau"]),
    # a speaker after a quotation is the longest phrase before a verb of saying, not "the" who "retired"
    ("Meg Ober chairs the residents' group.\n\n“We are tired of this,” the retired schoolteacher said.", ["Meg Ober"]),
    # "HE" (His Excellency), the office, its field, a courtesy title, then a name with particles
    ("Exports rose, HE the Minister of Trade and Industry Dr Salim bin Khalid al-Mansoori has said.\n\n“We are only "
     "beginning,” the minister said.", ["Salim bin Khalid al-Mansoori"]),
])
def test_short_names_schoolteachers_and_excellencies(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text", [
    # an official who speaks on background, or on condition of not being named, is nobody the article names
    "Delays are likely, the Harbour Authority said.\n\nA Harbour Authority official, speaking on background, said the "
    "rule was overdue. “We could not wait any longer,” the official said.",
    "Mayor Jo Lanre spoke first.\n\nAn engineer with the contractor, who spoke on condition he not be named, said the "
    "wall would hold. “It buys us time,” he said.",
])
def test_an_official_on_background_stays_unnamed(text):
    assert [a.speaker.name for a in extract(text) if a.quotes] == [None]


def test_a_headline_in_title_case_with_a_comma_names_nobody():
    text = "CWA Proposes New Limits For Desalination Plants, Eyes 2028 Deadline\n\nBy Dan Osei\n\nA CWA official, " \
           "speaking on background, said more rules would follow. “Intakes are next,” the official said."
    assert "CWA Proposes New Limits For Desalination Plants" not in {m.name for _, m in rules._names(text)}
    assert [a.speaker.name for a in extract(text) if a.quotes] == [None]


@pytest.mark.parametrize("text, speakers", [
    # an office's field that names a body with "for" in it, then its holder, whom "the chairman" names again
    ("Opening the forum, Chairman of the State Agency for Water Supply Elnur Gasimzade noted that the pipe was done.\n\n"
     "“It is a bridge between two seas,” the chairman said.", ["Elnur Gasimzade"]),
    # a kind of body with a capital inside a quotation is no name that "the group" can mean
    ("The Tenants Forward Network said in a statement that the rules were “rushed”.\n\n“The Committee held one "
     "hearing. Nobody asked us,” the statement reads.\n\nThe group called on the mayor to “think again”.",
     ["Tenants Forward Network", "Tenants Forward Network", "Tenants Forward Network"]),
    # a transcript's stage direction and an answer's first word open the turn; "came in and said" is a deed, then
    # what the subject said
    ("Coach Ines Moreau spoke to the team.\n\nLund: It was quiet. [laughs] No, but Ines came in and said “stop "
     "looking at the score,” and we did.", ["Ines Moreau"]),
])
def test_fields_with_for_kinds_of_body_and_turns_that_open_with_no(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("head, date", [
    ("20/05/2026 - 19:14", dt.date(2026, 5, 20)),  # day first, as only it can be
    ("Posted 05/20/2026", dt.date(2026, 5, 20)),  # month first
    ("31.12.2026", dt.date(2026, 12, 31)),
    ("05/06/2026", None),  # either order: no date rather than a guess
])
def test_a_date_in_numbers_is_read_where_only_one_order_fits(head, date):
    made = draft(f"Council adopts the new budget today\n\n{head}\n\nThe council adopted the budget.\n", "budget")
    assert made.records["sources"][0].get("date") == date


@pytest.mark.parametrize("text, speakers", [
    # a kind of body before a name makes it a body's, which "the association" then names again
    ("The cyclists’ association Velo Ensemble said on Monday that it “regretted” the vote. “Roads are for everyone,” "
     "the association said.", ["Velo Ensemble", "Velo Ensemble"]),
    # the name after it is whole, a word of it no descriptor of a person
    ("Campaign group Patient Voice Kelso said the case was “not an isolated one”.", ["Patient Voice Kelso"]),
    # a place and a kind of body in common words
    ("The Gyumri municipality said in a statement that it “fully supports” the plan.", ["Gyumri municipality"]),
    # (a guard: whose office is no body's name)
    ("The Premier’s office said the bore was “on track”.", [None]),
])
def test_kinds_of_body_before_and_after_a_name(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_the_speakers_own_day_dates_their_next_words_over_the_leads():
    """The lead names the day of the vote; a body then says on another day that it regrets it, and its next
    quotation, with no day of its own, was said on the day its words before gave."""
    made = draft("Heavy cars to pay more\n\nFebruary 10, 2026\n\nThe council voted on Monday evening to raise the "
                 "fees.\n\nThe drivers’ club Auto Ensemble said in a statement on Tuesday that it “regretted” the vote. "
                 "“Drivers already pay enough,” the club said.\n", "fees")
    assert [str(c.get("date")) for c in made.records["claims"] if c["claimant"] == "auto-ensemble"] == [
        "2026-02-10", "2026-02-10"]


def test_an_office_in_the_masculine_does_not_keep_she_from_its_holder():
    text = "Deputy Chairman of the Agency Aytan Rzayeva, speaking on the sidelines, said more deals were expected.\n\n" \
           "“Five documents will be signed,” she said."
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Aytan Rzayeva"]


@pytest.mark.parametrize("text, speakers", [
    # a news site's labels: "Quote from X:", and "Quote:" that goes on with whoever spoke last
    ("Drones hit a heating plant\n\nDrones struck a heating plant overnight.\n\nSource: Deputy Mayor Oleh Marchenko on "
     "Telegram\n\nQuote from Marchenko: “Eleven drones were launched.”\n\n"
     "Details: Marchenko said crews began work at six.\n\nQuote: “We will restore heating within 48 hours.”",
     ["Oleh Marchenko", "Oleh Marchenko"]),
    # an apposition holding a name in quotation marks, and a document that reads
    ("“We will not pick for 250 dinars,” said Goran Ilić, head of the growers' association “Crvena jagoda”.",
     ["Goran Ilić"]),
    ("The Danube Health Foundation mentioned in a press release that it would grant allowances.\n\n“The Foundation "
     "will stand by the hospital,” the press release reads.", ["Danube Health Foundation"]),
    # a new subject that says, after "but"
    ("The region announced a ban on imports in June, but growers say lorries still cross the border “every night”.",
     []),
    # titles joined by a hyphen, before the name
    ("Coastal Workforce Office Director-General Lin Mei-hua said the office would grow. “We need our own people,” "
     "Lin said.", ["Lin Mei-hua"]),
    # "For his part," opens the sentence; a body that "the enterprise" and "the chamber" name again
    ("For his part, the director of the Fuel Commission, Tomás Peña Ruiz, described the strike as “unjustified”.",
     ["Tomás Peña Ruiz"]),
    ("The money comes from the Red Lake Gaming Enterprise. In a statement, the enterprise said the transfer “will not "
     "affect payments”.", ["Red Lake Gaming Enterprise"]),
    # what leads the sentence is no subject of its second cue
    ("In a leaflet passed around on Sunday, the Frente del Cerro denied recruiting children and claimed the group was "
     "“protecting the valley”.", ["Frente del Cerro"]),
    # "shot back", "encouraged", and a saying after "but in a release"
    ("Senator Ruth Ives shot back that it was “not hindsight, that's the rulebook”.", ["Ruth Ives"]),
    ("The Platte Growers Association wrote to members. In the email, the association encouraged growers “to follow "
     "the data”.", ["Platte Growers Association"]),
    ("The Eastern Fishers Society welcomed the relief, but in a release urged the ministry to “pay the fishers”.",
     ["Eastern Fishers Society"]),
    # a reported clause's verb whose subject is the one before
    ("Mr Dunmore returned late.\n\nHe said he had met Mr Ash once, at a conference, and had “no personal "
     "relationship” with him.", ["Dunmore"]),
])
def test_labels_documents_new_subjects_and_clauses_that_go_on(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # one of a kind of body is somebody new, not the body named before
    ("The Harbour Board said the works were late.\n\nAfter the strike, one international agency put out a statement "
     "saying it was “deeply concerned”.", [None]),
    # a person named after a description of her office is no organisation ("Counsel for the regulator")
    ("Counsel for the regulator, Harriet Sollis, said the shortfall was only part of it.\n\n“He did not merely take "
     "money,” she told the tribunal.", ["Harriet Sollis"]),
])
def test_new_bodies_and_counsel(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_words_in_title_case_above_the_body_are_no_name():
    text = "‘We Treat Patients Under the Trees Now’: A Doctor on Life After the Strike\n\nBy Staff\n\nDr. Thiri Aung " \
           "ran the clinic until May. Source: Deputy Mayor Oleh Marchenko on Telegram."
    assert [m.name for _, m in rules._names(text)] == ["Thiri Aung", "Oleh Marchenko"]


@pytest.mark.parametrize("text, speakers", [
    # one word shaped as a name before a given name and a surname is a given name of its own
    ("Abdulhakim Faraj Benghazi, the company's head, said the cuts would last. “I will not lie to you,” Benghazi said.",
     ["Abdulhakim Faraj Benghazi"]),
    ("“I held my son for eleven hours,” said Dilcia Maribel Ortez, 29.", ["Dilcia Maribel Ortez"]),
    # a particle "el-" inside an Arabic name
    ("“The ministry is following it hour by hour,” said Hashim el-Tayeb Osman, the state director.",
     ["Hashim el-Tayeb Osman"]),
    # (guards: a trade or a courtesy title before the name is still no part of it)
    ("Geologist Eirik Solvang said the slope was moving. “Millimetres a day,” Solvang said.",
     ["Eirik Solvang"]),
    ("Madam Abena Konadu Ofori, a trader, said: “We were told one year.”", ["Abena Konadu Ofori"]),
])
def test_three_part_names_particles_and_titles_before_them(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a dateline of a place written as a name, then a date, is nobody the story is about
    ("Seed programme launched\n\nLimpio, March 24, 2026 (State Agency).- The ministry launched a seed programme on "
     "Tuesday.\n\n“This is a commitment to the small farmer,” said the minister.", [None]),
    # an adverb that opens the sentence, and where the speaker spoke after the title
    ("Researcher Lidia Acuña Roa spoke next.\n\nLikewise, she noted: “The seed is the first link.”", ["Lidia Acuña Roa"]),
    ("The ceremony was attended by the Minister of Agriculture, Osvaldo Ferreira Roa, and farmers.\n\n“It is a "
     "commitment,” said the Minister during his speech.", ["Osvaldo Ferreira Roa"]),
    # "the Secretary of State" is an office, not a body
    ("In this regard, the Secretary of State explained: “We will deliver the seed.”", [None]),
    # a body's name, then its officer's, after the office
    ("Lake Ohrid is at risk, director of the Lake Prespa Protection Agency Biljana Stojanova says. “The lake cannot "
     "wait,” says Stojanova.", ["Biljana Stojanova"]),
])
def test_datelines_adverbs_occasions_offices_and_officers(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # the speaker's words again in another language are the speaker's
    ("Chairman Juma Mwanga said prices were up.\n\n“Hatuna shida na mnada,” he said, meaning “we have no problem with "
     "the auction”.", ["Juma Mwanga"]),
    ("The Odikro of Asante, Nana Kofi Boateng II, told reporters in Twi, “Yɛn asuo no awu,” which means “our river "
     "has died.” He said the council had banned mining.", ["Nana Kofi Boateng II"]),
    # a sentence in brackets (a translation) is about nobody that "she" can mean
    ("Pub saved\n\nElin Rhys, chair of the group, said the response was good.\n\nSpeaking in Welsh in the vestry on "
     "Saturday, she told supporters: “Mae’r Llew yn ôl.” (The Lion is back.)\n\n“When we started, people told us we "
     "were dreaming,” she added.", ["Elin Rhys", "Elin Rhys"]),
    # "I" in a transcript's turn is its label's speaker, a title in capitals set aside
    ("Inspector Rachel Odari joined the programme.\n\nINSPECTOR RACHEL ODARI: Three people were hurt. As we always "
     "say, “If you don't need to travel, don't.”", ["Rachel Odari"]),
    # a label in capitals names the person as names are written ("NADIA OKONJO:" is Nadia Okonjo)
    ("TOM FEAVER: Here is what they sent us.\n\nNADIA OKONJO: \"Valuable insights.\" What does that mean?",
     ["Nadia Okonjo"]),
    # an acronym after a company's abbreviated ending, and titles of South Asian and West African papers
    ("Executives of Bayan Ilaw Power Corp. (BIPC) were questioned.\n\nBIPC said it “welcomes any review”.",
     ["Bayan Ilaw Power Corp"]),
    ("Senior Vice Chairperson Rubina Qazi said: “This hike will finish off whatever is left.”", ["Rubina Qazi"]),
    ("Executive Engineer K.R. Sudhakaran said: “The delay was on account of a revision.”", ["K.R. Sudhakaran"]),
])
def test_translations_asides_turns_and_corporations(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


def test_a_quotation_inside_a_claims_words_but_not_among_its_quotes_is_listed():
    made = draft("Auction row\n\n“Hatuna shida,” he said, meaning “we have no problem”, and “Pay us on time.”\n",
                 "auction")
    held = [q for c in made.records["claims"] for q in c.get("quotes", [])]
    listed = [u.words for u in made.unattributed]
    assert all(any(words in quote for quote in held + listed)
               for words in ("Hatuna shida", "we have no problem", "Pay us on time"))


@pytest.mark.parametrize("text, speakers", [
    # those who govern a body speak for it
    ("Story\n\nMillbank Youth Trust runs three centres.\n\nIn a statement issued on Monday, its board of trustees said: "
     "“This is not a decision any of us wanted.”", ["Millbank Youth Trust"]),
    ("Story\n\nThe Harlan Curling Association has pledged money.\n\nIn a letter, the association’s board said it was "
     "“proud to step up”.", ["Harlan Curling Association"]),
    # what a document says, with who issued it
    ("Story\n\nAccording to the notification, issued by the Energy Division last week, the new tariff will be "
     "“applicable from March 1”.", ["Energy Division"]),
    # what a body called something, where nothing else in the sentence says
    ("Story\n\nThe Lagos Markets Agency served a notice on traders.\n\nThe notice told traders to make way for what the "
     "agency called a “modern shopping complex”.", ["Lagos Markets Agency"]),
    # (a guard: "what it called" is the sentence's subject's)
    ("Story\n\nThe Skarra Dockers' Union said its members would stay out until the operator, Blåvik Lines, withdrew what "
     "it called a “rota imposed by spreadsheet”.", ["Skarra Dockers' Union"]),
])
def test_governing_bodies_documents_and_what_it_called(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a husband of the same surname is another person
    ("Story\n\nSinger Sharon Devane is back.\n\nHer husband and manager, Gerry Devane, said the response had been "
     "“unbelievable”.", ["Gerry Devane"]),
    # a quote sheet's "on", with no comma before it
    ("Story\n\nMike Kowal and Benny Ortiz hosted the show.\n\nKowal on the timeout decision: “You have got two "
     "timeouts in your pocket.”", ["Mike Kowal"]),
    # the speaker after the cue, then a clause of when
    ("Story\n\nAjit Pawar leads the society.\n\n“Diwali of which year?” said Pawar when informed of the response.",
     ["Ajit Pawar"]),
])
def test_husbands_quote_sheets_and_when_clauses(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # an office in capitals is the office in full, named before
    ("Story\n\nHarbour Water Agency Chief Executive Officer, Dr. Ruth Okoro, explained that meters are read remotely.\n\nShe added that six "
     "people were trained.\n\n“It is about people,” the CEO said.", ["Ruth Okoro"]),
    # an age in words before a name is no part of it
    ("Story\n\nSixty-one-year-old Vilisi Tuilagi, who runs a stall, says she is worried.\n\n“Nobody will walk that far,” she "
     "said.", ["Vilisi Tuilagi"]),
    # an office no list holds, then where, then the name in an apposition
    ("Story\n\nToshao of Karanambo, Wilfred Abrams, thanked the ministry, calling the well “a blessing”.",
     ["Wilfred Abrams"]),
    # a name only modifying what the speaker is: an epithet of whom the story was last about
    ("Story\n\nStriker Dion Greaves scored twice.\n\nGreaves, who was let go by Rangers, admitted it felt good.\n\n“I "
     "wanted to show them,” the former Rangers youth player said.", ["Dion Greaves"]),
    # a body's or an office's noun after words that say which, after the quotation
    ("Story\n\nKelbridge City Council met on Monday.\n\n“The plant will open in May,” the city council said.",
     ["Kelbridge City Council"]),
    ("Story\n\nAccording to the press service of the Ministry of Water, 400 wells were dug.\n\n“Every village will have "
     "water,” the press service said.", ["Ministry of Water"]),
    ("Story\n\nThe Fisheries Development Unit, which registers cooperatives, says it is aware of the complaint. In a "
     "short statement this afternoon, the unit said it “will meet both sides”.", ["Fisheries Development Unit"]),
    # the cue after a dash, a name with its initial written close, the same person as the full name before
    ("Story\n\nThe ceremony was attended by the governor, Bakhtiyor Rashidov.\n\n“Today is a historic day,” – said "
     "B.Rashidov.", ["Bakhtiyor Rashidov"]),
    # somebody who gave only a first name
    ("Story\n\n“They gave us ten days,” said a woman who has sold fruit at the market for years and asked to be "
     "identified only as Dilnoza.", ["Dilnoza"]),
    # (a guard: the name in an apposition of its own)
    ("Story\n\nA driver, who gave his name only as Tesfaye, said: “The road is closed every night.”", ["Tesfaye"]),
    # (a guard: a name after an organisation's noun and a comma opens a clause, no apposition naming the body)
    ("Story\n\nChief executive Tomás Rivas Ortega spoke on the call.\n\nAsked about a sale of the company’s feed unit, "
     "Rivas said: “There is nothing to announce.”", ["Tomás Rivas Ortega"]),
])
def test_abbreviated_offices_ages_in_words_close_initials_and_first_names_only(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a dateline with the agency in slashes is nobody the story is about
    ("Story\n\nSamarkand, 3 May /UzNA/. A bridge was opened.\n\nThe ceremony was attended by the khokim of the region "
     "Alisher Nazarov.\n\n“Today is a historic day,” – said A.Nazarov.\n\nThe khokim noted that it was built in a "
     "year.\n\n“This is the result of joint work,” he emphasized.", ["Alisher Nazarov", "Alisher Nazarov"]),
    # an office "for" something is one person, not a group, before the apposed name
    ("Story\n\nThe council’s cabinet member for communities, Cllr Priya Gill, said the decision was “taken without "
     "us”.\n\n“I met the committee straight away,” she said.", ["Priya Gill", "Priya Gill"]),
    # a glottal stop opening a place's name after "of"
    ("Story\n\nTaro farmer Sione Lātū of 'Ohonua told reporters he had lost “half of the crop this year”.\n\n“The boat cannot "
     "take everything,” he said.", ["Sione Lātū", "Sione Lātū"]),
    # a quotation in guillemets
    ("Story\n\nPrincipal Josée Fillion runs the school.\n\n« Tout est plus facile en français », she says.",
     ["Josée Fillion"]),
    # a lede's description, named after the quotation that opens the next paragraph
    ("Story\n\nSenators pressed the utility on Tuesday, with the committee chairman saying residents had been left "
     "“high and dry.”\n\n“Three weeks without water is not acceptable,” Sen. Ngiraked Tellei said at the hearing.",
     ["Ngiraked Tellei", "Ngiraked Tellei"]),
    # (a guard: a new subject after "even as", with a group's verb of saying: not the sentence's first speaker's words
    ("Story\n\nThe reeve of Tamarack Township says she will cast the deciding vote, even as neighbours warn the "
     "project will put “a hundred trucks a day” on the road.\n\n“Somebody has to decide,” Reeve Colleen Ashdown "
     "said.", [None, "Colleen Ashdown"]),
])
def test_datelines_offices_for_glottal_stops_guillemets_and_ledes(text, speakers):
    assert [a.speaker.name for a in extract(double_marked(text)) if a.quotes] == speakers


@pytest.mark.parametrize("text", [
    # (a guard: no name after "A" before a noun)
    "Story\n\nA DIWALI procession expected to draw 10,000 people will go ahead, organisers said.",
    "Story\n\nLANDOWNERS of Vaitele have threatened to stop work on the site.\n\nThe landowners said they were "
    "never consulted.",
])
def test_a_paragraph_opening_in_capitals_names_nobody(text):
    # (as some papers print a story's first words; the text writes them elsewhere in small letters)
    assert all(a.speaker.name in (None, "organisers") for a in extract(text))


def test_a_company_named_without_its_ending_is_named_in_full():
    text = ("Story\n\nThe ferry is operated by Windward Passage Shipping Ltd.\n\nIn a statement, Windward Passage "
            "Shipping said a routine inspection had revealed “significant wear”.")
    assert [a.speaker.name for a in extract(text) if a.quotes] == ["Windward Passage Shipping Ltd"]


@pytest.mark.parametrize("text, speakers", [
    # a hyphenated name opening a sentence is a name, not a word capitalised because it opens the sentence
    ("Story\n\nHalden-Vestor, the rider’s team, said in a statement that it had suspended him “with immediate effect "
     "and in line with our rules”.", ["Halden-Vestor"]),
    # a company whose name ends in "Co" is what "the company" means
    ("Story\n\nA jury found Marlow Chemical Co. liable.\n\nMarlow said in a statement that it would appeal.\n\n“We "
     "respect the jury's service, but the verdict is wrong,” the company said.", ["Marlow Chemical Co"]),
    # what a letter says, after letters from whoever sent them
    ("Story\n\nTenants received letters from Ashby Property Holdings Ltd on 1 September.\n\nThe letter says the works "
     "will “bring the flats in line with market expectations”.", ["Ashby Property Holdings Ltd"]),
    # a report is nobody "she" can mean; a charity's chief executive is a person, not the charity
    ("Story\n\nOne in four care leavers becomes homeless, a damning report warns today.\n\nFiona Latimer, the "
     "charity's chief executive, said the findings should “shame every one of us”.\n\n“These are children the state "
     "took on,” she said.", ["Fiona Latimer", "Fiona Latimer"]),
    # a participle after "before", the speaker's too
    ("Story\n\n“Order. Order,” Speaker Gordon Acheson said, before warning that he would “move on to the next "
     "question” if the heckling continued.", ["Gordon Acheson", "Gordon Acheson"]),
    # "the firm" is no office of government named since
    ("Story\n\nNorthgate Advisory Group won the contract.\n\nThe Prime Minister's Office said it had “played no role "
     "in the tender at all”.\n\nA spokesperson for the firm said it had “complied with every rule and disclosure "
     "requirement”.", ["Prime Minister's Office", "Northgate Advisory Group"]),
    # what a spokesperson called another's claim is the spokesperson's
    ("Story\n\nA spokesperson for the governor, Ines Marchetti, called Dunmore's claim “recycled nonsense”.",
     ["Ines Marchetti"]),
    # "the force": the police named before
    ("Story\n\nBrackenshire Police said a woman was hurt.\n\nThe force added that it had “no evidence at this stage” "
     "that anyone else was involved.", ["Brackenshire Police"]),
    # (a guard: a clause with a verb before a title in capitals is no speaker)
    ("Story\n\n“The tents are torn,” says Gérard Nduwimana, the association’s spokesperson.\n\nHon. Déo Ndikumana, "
     "an MP for the area, says he raised the matter in the National Assembly. “These people are not numbers,” he "
     "says.", ["Gérard Nduwimana", "Déo Ndikumana"]),
])
def test_hyphenated_names_companies_letters_reports_participles_and_forces(text, speakers):
    assert [a.speaker.name for a in extract(text) if a.quotes] == speakers


@pytest.mark.parametrize("text, who", [
    # a first person's contraction is the pronoun: in a transcript's turn, whose turn it is
    ("Story\n\nINTERVIEWER: Were you warned?\n\nDOCKERY: We'd told the board twice, and I'd said it again in "
     "March.", {"Dockery"}),
    ("Story\n\nQ: What now?\n\nA: Yes. I have lodged a protest and I've asked for the full report, which I still "
     "haven't read.", set()),
    # a source the tagger labels through its own cue is none
    ("Story\n\nQ: Will you appeal?\n\nA: Yes. I have lodged an appeal with the panel and I've asked for the evidence, "
     "which I still haven't seen.", set()),
    # nobody is no speaker, nor anyone a sentence is about
    ("Story\n\nQ: Did anyone on your crew help?\n\nA: No. Nobody on my crew asked for it. The letter said I was "
     "\"answerable for every volunteer\", and I accept that.", set()),
    ("Story\n\nThe mayor was asked about the deal.\n\n\"No. Nobody on the council asked for it,\" she said.\n\nNobody "
     "at the depot said they had been told.", set()),
])
def test_contractions_and_nobody_name_no_speaker(text, who):
    assert {a.speaker.name for a in tagger.extract(text) if a.speaker.name} == who


@pytest.mark.parametrize("text, who", [
    # "Q." opens a press conference's question: a label, no initial of a name, and "I" in the answer is whose turn
    ("Story\n\nQ. How is the knee holding up?\n\nTOMAS EKDAHL: I told the physio it felt fine, and I said it again "
     "this morning.", {"Tomas Ekdahl"}),
    ("Story\n\nQ. After the second set you called the trainer. Why?\n\nRENATA OYELARAN: I said I felt dizzy, "
     "nothing more.", {"Renata Oyelaran"}),
])
def test_a_press_conference_question_label_is_no_name(text, who):
    assert {a.speaker.name for a in tagger.extract(text) if a.speaker.name} == who


@pytest.mark.parametrize("text, speakers", [
    # a company described as "a Hamburg-based company" is what "the company" means
    ("Story\n\nThe depot belongs to Ostwind Lagerhaus, a Bremen-based company that stores grain.\n\nOstwind did not "
     "answer questions. In a statement, the company said it was \"reviewing the complaints\".", ["Ostwind Lagerhaus"]),
    # any verb after a quotation, before a name or a description, is the cue, as stories translated from Italian or
    # Spanish write it
    ("Story\n\n“This is a tax on families,” attacks the Hon. Marta Ferraris, an opposition deputy. “It will not "
     "last.”", ["Marta Ferraris"]),
    ("Story\n\n“Nobody reads the small print,” observes Professor Aldo Ricci, who teaches law in Turin.",
     ["Aldo Ricci"]),
    ("Story\n\nCouncillor Ines Varga backed the plan. “At last,” comments the owner of a bakery on the square, who "
     "asked not to be named.", [None]),
    # a body's kind before its name is no participle clause
    ("Story\n\nHousing association Stichting Groenhof, which owns the flats, said it was 'surprised' by the "
     "ruling.", ["Stichting Groenhof"]),
    # "the source" is nobody the text names, whoever spoke before
    ("Story\n\n“We will appeal,” said Pavel Sorokin, the mayor.\n\n“They cared about the elections, not the plant,” "
     "the source said.", ["Pavel Sorokin", None]),
    # one who would not be named speaks on, in the next sentence's quotation
    ("Story\n\n“We will keep the hall open,” said Mayor Lotte Brink.\n\n'Half the town will be angry,' one "
     "councillor, who did not want to be named, told the local paper. 'We got this wrong a year ago.'",
     ["Lotte Brink", None]),
    # a dateline, then when, then who the sentence is about
    ("Story\n\nCUSCO, May 4 (Andes Wire) -- Early on Sunday, Rosa Quispe loaded her potatoes onto a truck.\n\n"
     "\"We used to walk for a day,\" said the 47-year-old farmer.", ["Rosa Quispe"]),
])
def test_inverted_cues_sources_datelines_and_kinds_of_body(text, speakers):
    assert [a.speaker.name for a in tagger.extract(double_marked(text)) if a.quotes] == speakers


def test_according_to_him_is_who_spoke_before():
    text = ("Story\n\n\"Our costs are in dollars, and we could not pass that on,\" said Tunde Okoro, the finance "
            "director.\n\nAccording to him, the firm has now repaid half of its foreign debt and will \"never borrow in "
            "dollars again\" in the near term.")
    assert [a.speaker.name for a in tagger.extract(double_marked(text))] == ["Tunde Okoro", "Tunde Okoro"]


@pytest.mark.parametrize("text, speakers", [
    # shortened ranks and counsel's title are no part of the name; nor senior counsel's letters after it
    ("Story\n\nCapt Rhona Ferrier, who leads the pilots' union, was blunt. “Nobody lands fast on purpose,” she said.",
     ["Rhona Ferrier"]),
    ("Story\n\nThe accused's counsel, Advocate Pieter du Plessis SC, said the case was “built on sand”.",
     ["Pieter du Plessis"]),
    # a surname with its particle capitalised, opening a sentence or a transcript's turn, is the full name's
    ("Story\n\nHis counsel, Advocate Pieter du Plessis, questioned the witness.\n\nDu Plessis: Did you write it down?"
     "\n\nDu Plessis said the company had “no reason to doubt” its engineers.", ["Pieter du Plessis"]),
    # a model's number after a company's name is no part of it
    ("Story\n\nA Kestrel Air KA-90 turboprop left the runway on Sunday.\n\nKestrel Air said it was “cooperating "
     "fully” with investigators.", ["Kestrel Air"]),
    # (a guard: an exchange is a body); what a person "used to say"; one named with those who work with them
    ("Story\n\nThe Meridia Stock Exchange suspended the shares.\n\nThe exchange said on Monday it had acted "
     "\"pending clarification\" of the accounts.", ["Meridia Stock Exchange"]),
    ("Story\n\nQ: Will rates fall?\n\nA: My old boss, Henrik Dahl, used to say, \"Inflation leaves by the stairs.\" "
     "I agree.", ["Henrik Dahl"]),
    ("Story\n\nDr Sunniva Berg led the work. Berg and her colleagues write that the results \"change the picture "
     "entirely\".", ["Sunniva Berg"]),
])
def test_ranks_counsel_particles_models_and_those_with_others(text, speakers):
    assert [a.speaker.name for a in tagger.extract(double_marked(text)) if a.quotes] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a participle after a deed in any past, a term in quotation marks in the deed
    ("Story\n\nRafe Dunmore reviewed the place.\n\nIn his column, Dunmore took aim at the much-praised “farm-to-fork” "
     "menu, describing the duck as “a war crime in aspic”.", ["Rafe Dunmore", "Rafe Dunmore"]),
    # a trade in "-eur" before the name, as a sentence's first word
    ("Story\n\nRestaurateur Elena Markou, who runs two bistros, weighed in, posting: “Critics want to be chefs now.”",
     ["Elena Markou"]),
    # a lede's indefinite description, named at the start of the next paragraph (and in the headline above it)
    ("Coach Gareth Pryce hits out at union\n\nA Welsh rugby coach who won two titles has accused the union of "
     "'treating players like cattle' after he was sacked.\n\nGareth Pryce, 44, was told on Friday.\n\n'They never "
     "once asked me,' he said.", ["Gareth Pryce", "Gareth Pryce"]),
    # "replies" is a cue
    ("Story\n\nAsked how trade is, Nadia Ferro, the owner of Tallow & Wick, replies “Up nine per cent,” without a "
     "pause.", ["Nadia Ferro"]),
    # "The Dane" is whom the sentence before names, no name of its own
    ("Story\n\nMagnus Holt had his own worries. The Dane had started from pole.\n\nWith ten laps left, he told his "
     "engineer: \"The tyres are finished.\"", ["Magnus Holt"]),
])
def test_deeds_trades_ledes_replies_and_demonyms(text, speakers):
    assert [a.speaker.name for a in tagger.extract(double_marked(text)) if a.quotes] == speakers


def test_letters_before_a_trade_are_no_name():  # (a guard)
    text = "Story\n\nHer partner, a 38-year-old HR manager, is less patient. ‘We've waited two years,’ he says."
    assert "HR" not in {a.speaker.name for a in tagger.extract(double_marked(text))}


@pytest.mark.parametrize("text, name", [
    # wire style: the name its own sentence calls "its" is an organisation, so "the company" can mean it
    ("Riders say the biggest app, ZoomRide, keeps a fifth of each fare. ZoomRide said in a statement that its fees "
     "paid for insurance. The company said it was “always open” to talks.", "ZoomRide"),
    ("Quillfeather told regulators its servers were never breached. Ann Lee, a customer, was not convinced. The firm "
     "says it is “cooperating fully”.", "Quillfeather"),
    # an organisation's press or communications office speaks for it
    ("In a written reply, the Water Secretariat's communications office said that “all tankers have been "
     "dispatched”.", "Water Secretariat"),
    ("Tarnby Council's media team said the road would reopen “within days”.", "Tarnby Council"),
    ("Harlow Rail's press office said: “Services are running normally.”", "Harlow Rail"),
])
def test_an_organisation_is_who_its_office_or_its_own_words_say(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == name


@pytest.mark.parametrize("text, name", [
    # a relative's title in a clause ("with her husband") is not the speaker's, and "her" says who she is
    ("Sam Okoro, who runs a stall with her husband, said the levy was unfair.\n\n“We give our bread away,” she "
     "said.", "Sam Okoro"),
    ("Alex Morgan, who lives with his mother in Leith, said the flat was damp.\n\n“The walls are black,” he said.",
     "Alex Morgan"),
])
def test_a_relative_in_a_description_gives_no_gender(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == name


@pytest.mark.parametrize("text, name", [
    # a description of whoever spoke just before, nobody named between
    ("Hydrologist Ermek Asanov said the low water was part of a longer trend.\n\n“Dry years will become normal,” the "
     "expert said.", "Ermek Asanov"),
    ("“We have hope again,” said Ramón Giménez.\n\nThe cooperative leader added that “more than 300 families” depend "
     "on the crop.", "Ramón Giménez"),
    # somebody named since is who the story turned to: not the speaker before
    ("Ann Lee said the plan was late. Tom Reid, a builder, disagreed.\n\n“It is on time,” the engineer said.", None),
])
def test_a_description_after_a_speaker_is_that_speaker(text, name):
    speaker = [a.speaker.name for a in extract(text) if a.quotes][-1]
    assert speaker == name if name else speaker != "Ann Lee"


@pytest.mark.parametrize("text, name", [
    ("Seismologist of the Andean Hazards Institute Marta Quispe said the tremors were weakening.", "Marta Quispe"),
    ("Paediatrician Oluwaseun Adebayo-Clarke told the inquiry the ward was “running on goodwill”.",
     "Oluwaseun Adebayo-Clarke"),
])
def test_a_profession_before_a_name_is_no_part_of_it(text, name):
    assert [a.speaker.name for a in extract(text)] == [name]


@pytest.mark.parametrize("text, name", [
    # a relative clause no word marks, inside somebody else's sentence
    ("Whitcomb left the tower, a move the lead prosecutor, Capt. Renee Castellano, called “a complete abandonment” "
     "on Tuesday.", "Renee Castellano"),
    ("Priya Anand alleged that Corvane Group altered logs, claims the company described as “wholly without "
     "foundation”.", "Corvane Group"),
    ("Delphine Achterberg has made 9,000 hours of recordings, an archive she describes, with a shrug, as “the "
     "library of things nobody asked for”.", "Delphine Achterberg"),
    ("ADEYEMI: I voted against a plan the Severnside Audit Office called “financially unviable”.",
     "Severnside Audit Office"),
])
def test_what_somebody_calls_a_thing_is_their_word(text, name):
    assert [a.speaker.name for a in extract(text) if a.quotes][-1] == name


def test_a_name_after_a_preposition_is_not_who_called_it():
    text = "The Opposition raised what the Member for Carrowbrook called “the foreseeable forever”."
    assert "Carrowbrook" not in [a.speaker.name for a in extract(text)]
