"""From a news article's text to a draft of story data an editor reviews.

The article becomes a source (its text kept next to the data, so every quote is checked against
it); each attribution found in it (`attribution.extract`) becomes a claim: the claimant, the quoted
words verbatim or the reported content as a summary, the outlet the words came through, and, in a
comment above it, how confident the finding is, why, and where it stands in the text. Speakers are
matched against the actors already in the story by name, alias and surname, so nothing is duplicated.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import pos
from .names import UPPER, surname
from . import tagger
from .dates import When, entry_times, live_entry, occasion, when_said
from .rules import (HEAD_WORDS, SAYING_WORD, Attribution, Mention, Span, all_quotations, body_start, double_marked,
                    extract, is_outlet, nickname, sentence_start, speaks)
from ..story.graph import Story
from ..story.model import CONTROL
from ..story.relations import RELATIONS
from ..story.quotes import normalise
from ..editing.change import DataChange
from ..errors import display_path
from ..editing.records import round_trip_yaml, with_sections
from ..text import sentence, slug

DATE = r"(?P<date>[A-Z][a-zA-Z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-zA-Z]{2,8}\.?,?\s+\d{4}|" \
       r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b"  # (a month in capitals too: "16:05, 2 JUL 2026")
# the article's date: the first whole date on a line of its head that is no sentence, however the outlet dresses
# it ("Published: Nov. 27, 2026", "Westminster, Thursday 12 March 2026", "By Ann Lee | The Gazette | Posted
# September 3, 2026", "Sat 21 Mar 2026 07.00 GMT"); a sentence's date ("… signed on 3 March 2026.") is news
HEAD_LINES = 8
DATE_ANYWHERE = re.compile(rf"(?<![\w-]){DATE}")
# or a dateline opening the first paragraph: "FAIRMONT, W.Va. (March 3, 2026) —", "PUNE, 27 Nov 2026 (Wire) -"
# (or as agencies of Mongolia, Kazakhstan and Russia write it: "Ulaanbaatar, March 5, 2026 /MONTSAME/.")
DATELINE = re.compile(rf"^[{UPPER}][{UPPER}.'’ -]+,(?:\s+[{UPPER}][\w.]*)*\s*[(,]?\s*{DATE}\s*\)?\s*(?:\([^)\n]{{1,30}}\)\s*)?"
                      rf"[—–:-]|^[{UPPER}][\w.'’ -]{{1,40}},\s*{DATE.replace('?P<date>', '?P<agency_date>')}\s*"
                      rf"/[{UPPER}][\w .-]{{1,30}}/", re.M)
DATE_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
BYLINE = re.compile(rf"^(?:By\s+)?(?P<name>[{UPPER}][a-z]+(?:\s+[{UPPER}][a-z.]+){{1,2}})\s*$", re.M)


@dataclass
class Draft:
    """The records of a draft, in the order they are written, with a comment for each claim."""

    source_id: str
    text: str  # the article as written, kept beside the data
    marked: str = ""  # the same, quotations in single marks marked with double ones (offsets the same): read
    verbatim: str = ""  # `marked` with the words inside quotations as written (quoted from, never read)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"sources": [], "actors": [],
                                                                               "claims": []})
    comments: dict[str, str] = field(default_factory=dict)  # record id -> comment written above it
    confidence: dict[str, float] = field(default_factory=dict)  # claim id -> how sure the finding is
    attributions: list[Attribution] = field(default_factory=list)
    quotations: int = 0  # how many quotations the article holds
    unattributed: list[Unattributed] = field(default_factory=list)  # those no claim holds, for the editor
    taken: set[str] = field(default_factory=set)  # ids in use, in the story or in this draft
    published: dt.date | None = None  # the article's date, which "on Thursday" is read against
    found: dict[str, Attribution] = field(default_factory=dict)  # claim id -> the attribution it was made from
    days: dict[str, dt.date] = field(default_factory=dict)  # actor id -> the day their last dated claim was said
    stated: dict[str, dt.date] = field(default_factory=dict)  # actor id -> the last day their own words named
    narrative: str = ""  # the article's body in its own words (`_narrative`), which occasions' days are read from
    entries: list[re.Match] = field(default_factory=list)  # a live page's entry times (`dates.entry_times`)

    def add(self, section: str, record: dict[str, Any], first: bool = False) -> None:
        self.records[section].insert(0 if first else len(self.records[section]), record)
        self.taken.add(record["id"])


@dataclass(frozen=True)
class Unattributed:
    """A quotation no claim holds: where it stands, and who the text says spoke, when it names nobody."""

    span: Span
    words: str
    said_by: str | None = None  # "a judge", "organisers"

    def comment(self) -> str:
        who = f", said by {self.said_by!r} (nobody named)" if self.said_by else ""
        return f"- characters {self.span.start}-{self.span.end}{who}: {' '.join(self.words.split())}"


@dataclass(frozen=True)
class ArticleInfo:
    title: str | None = None
    author: str | None = None
    publisher: str | None = None  # an actor id
    date: dt.date | None = None


def draft(text: str, source_id: str, story: Story | None = None, info: ArticleInfo = ArticleInfo(),
          model: Path | None = None) -> Draft:
    """The draft records for one article; `story` is what the data folder already holds; `model` the
    tagger's (by default the one installed: `tagger.default_model`)."""
    marked = double_marked(text)
    out = Draft(source_id, text, marked, _verbatim(text, marked), taken=set(story.by_id) if story else set())
    actors = _Actors(story, out)
    info = _article_info(text, info)
    source: dict[str, Any] = {"id": source_id, "kind": "article", "title": info.title or source_id}
    if info.publisher:
        source["publisher"] = actors.existing_id(info.publisher) or info.publisher
    if info.author:
        source["author"] = actors.id_for(Mention(info.author, "author of the article", "person"))
    if info.date:
        source["date"] = out.published = info.date
    source["text_file"] = f"texts/{source_id}.txt"
    out.add("sources", source, first=True)
    # the headline says again, in few words, what the article reports: no claim of its own
    headline = _line_span(text, info.title)
    out.attributions = [a for a in find_attributions(out.marked, model) if not (headline and _within(a.cue, headline))]
    out.narrative = _narrative(out.marked, out.attributions)
    out.entries = entry_times(out.marked)
    known = {(c.claimant, normalise(q.text)) for c in story.claims for q in c.quotes} if story else set()
    known |= {(c.claimant, normalise(c.summary)) for c in story.claims} if story else set()
    for attribution in out.attributions:
        # nobody to attribute it to, or words of doing, not saying: no claim (its quotations are listed below)
        # a quotation makes a claim whatever the cue; a term in quotation marks ("so-called “ice tax”") does not
        quoted = any(not _term(out.marked, quote) for quote in attribution.quotes)
        if attribution.speaker.name is not None and (quoted or says_something(attribution, out.marked)):
            _claim(out, attribution, actors, known)
    _suggest_relations(out)
    _list_unattributed(out)
    return out


# the most specific first: "dismissed … as nonsense" denies before anything answers
RELATION_CUES = [(relation, re.compile(rf"(?:{'|'.join(relation.cues)})\b", re.I)) for relation in reversed(RELATIONS)]


ANSWERED_WITHIN = 40  # claims back: what a claim answers is in the same stretch of the article


def _suggest_relations(out: Draft) -> None:
    """A claim whose cue denies, disputes, backs or answers ("rejected", "called the claim ludicrous",
    "backed", "responded") is linked to the claim it answers: an earlier one, by someone else, whose speaker
    its words name, else the nearest; the comment says it is a suggestion."""
    claims = out.records["claims"]
    for index, claim in enumerate(claims):
        found = out.found[claim["id"]]
        if found.direct:  # a quotation's words are the speaker's, about anything; the cue is "said"
            continue
        words = out.marked[found.cue.start:max(found.cue.end, found.content.end)]
        relation, match = next(((r, m) for r, pattern in RELATION_CUES if (m := pattern.match(words))), (None, None))
        if relation is None:
            continue
        earlier = [c for c in claims[max(0, index - ANSWERED_WITHIN):index] if c["claimant"] != claim["claimant"]]
        if not earlier:
            continue
        named = [c for c in earlier if _names(words, out.found[c["id"]].speaker.name)]
        target = (named or earlier)[-1]
        claim[relation.field] = [target["id"]]
        out.comments[claim["id"]] += (f" Suggested: {relation.label.lower()} {target['id']}, from "
                                      f"'{' '.join(match.group(0).split())}'"
                                      f"{'' if named else ' (the nearest earlier claim)'}; check it.")


def _names(words: str, name: str) -> bool:
    """Whether `words` name the speaker `name`, by name or surname ("rejected Peskov's claim")."""
    return bool(re.search(rf"\b(?:{re.escape(name)}|{re.escape(surname(name))})\b", words))


def _list_unattributed(out: Draft) -> None:
    """Every quotation of the article that no claim holds, so that none is lost without a word."""
    quotations = all_quotations(out.marked)
    out.quotations = len(quotations)
    # (a claim that quotes nothing holds no quotation in its words: "X dismissed claims that … “a certain investor”")
    quoting = [a for a in out.attributions if a.quotes]
    claimed = [a for a in quoting if a.speaker.name]
    held_by_claim, held = _holders(quotations, claimed), _holders(quotations, quoting)
    said = _Said(normalise(_quote_text(q.of(out.verbatim))) for a in claimed for q in a.quotes)
    for quote, claim, holder in zip(quotations, held_by_claim, held):
        if term := _term(out.marked, quote):  # listed, so that none is lost, as what it is
            out.unattributed.append(Unattributed(quote, quote.of(out.text), f"nobody: a term ('{term}')"))
            continue
        # (held only as one of the claim's quotations: "“…,” he said, meaning “…”. “…”" spans three, quotes two)
        if (claim is not None and any(q.start <= quote.start and quote.end <= q.end for q in claim.quotes)) or \
                said.again(normalise(_quote_text(quote.of(out.verbatim)))):
            continue
        said_by = holder.source.of(out.marked) if holder is not None and holder.source else None
        if said_by and holder.speaker.unnamed and holder.speaker.title and holder.speaker.title not in said_by:
            said_by = f"{said_by}: {holder.speaker.title}"  # "she: One of the regulars"
        out.unattributed.append(Unattributed(quote, quote.of(out.text), said_by))


# words in quotation marks that name something, nobody's statement: "the so-called “night rota”", "known to regulars
# as “the Stairmaster”", "what planners call “consent creep”", "dubbed the “ice tax”". (Not what one person calls a
# thing: "what he calls the “moving goalposts”" quotes him; nor what somebody called it once: "what she called “a
# betrayal”" is her word.)
TERM_BEFORE = re.compile(r"\b(?P<term>so-called|dubbed|branded|billed\s+as|nicknamed|termed|"
                         r"(?:known|referred\s+to)(?:\s+(?:to|among|in|by)\s+[^,.;:“”\"\n]{1,40}?)?\s+as|"
                         r"(?:what|which)\s+(?!(?:he|she)\s)(?:[\w’'-]+\s+){0,4}?(?:call|calls|dub|dubs|term|terms)|"
                         r"the\s+(?:term|phrase|word|label|slogan|motto|name))(?:\s+(?:the|an?))?\s*$", re.I)
TERM_CUE_LONGEST = 70  # characters before a quotation that its term cue may take


def _term(text: str, quote: Span) -> str | None:
    """What marks a quotation as a term: "so-called", "dubbed", "the phrase" right before it, or a name around it
    (a nickname: "Jim “The Hammer” Reilly")."""
    if nickname(text, quote):
        return "a nickname"
    before = TERM_BEFORE.search(text, max(0, quote.start - TERM_CUE_LONGEST), quote.start)
    return " ".join(before.group("term").split()).lower() if before else None


def _holders(quotations: list[Span], attributions: list[Attribution]) -> list[Attribution | None]:
    """For each quotation (in reading order), an attribution whose content holds it, if any: of those whose
    content starts at or before it, the one reaching furthest (one sweep, not a scan per quotation)."""
    ordered = sorted(attributions, key=lambda a: a.content.start)
    holders, furthest, i = [], None, 0
    for quote in quotations:
        while i < len(ordered) and ordered[i].content.start <= quote.start:
            if furthest is None or ordered[i].content.end > furthest.content.end:
                furthest = ordered[i]
            i += 1
        holders.append(furthest if furthest is not None and furthest.content.end >= quote.end else None)
    return holders


class _Said:
    """The words of the draft's quotes, to tell a quotation said again (a headline's, a pull quote) that a
    claim holds in full: looked up by first word, so each quotation reads only the quotes that could hold it."""

    def __init__(self, quotes):
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for quote in quotes:
            for word in set(quote.casefold().split()):
                self.by_word[word].append(quote.casefold())

    def again(self, words: str) -> bool:
        first = next(iter(words.casefold().split()), "")
        return any(words.casefold() in quote for quote in self.by_word.get(first, [])[:200])


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _line_span(text: str, line: str | None) -> Span | None:
    """Where the line `line` (the article's title) stands in the text, if it is one of its lines."""
    match = re.search(rf"^[ \t]*{re.escape(line)}[ \t]*$", text, re.M) if line else None
    return Span(match.start(), match.end()) if match else None


def without_controls(text: str) -> tuple[str, list[str]]:
    """The text without invisible control characters, which story data may not hold (a text decoded
    twice carries them: "FranÃ\x83Â§ois"), and where each one was ("U+0083 on line 9")."""
    found = [f"U+{ord(m.group()):04X} on line {text.count(chr(10), 0, m.start()) + 1}" for m in CONTROL.finditer(text)]
    return CONTROL.sub(lambda m: " " if m.group() in "\u2028\u2029" else "", text), found


def find_attributions(text: str, model: Path | None = None) -> list[Attribution]:
    """The trained tagger's attributions when its model is installed, else the rules' alone."""
    model = model or tagger.default_model()
    return tagger.extract(text, model) if model.is_file() else extract(text)


def _claim(out: Draft, found: Attribution, actors: "_Actors", known: set) -> None:
    text = out.marked
    claimant = actors.id_for(found.speaker)
    quotes = [q for q in (_quote_text(span.of(out.verbatim)) for span in found.quotes if not _term(text, span)) if q]
    # the quotations' words, or reported words as they stand after the cue, without its "that"
    words = _quoted_words(out.verbatim, found.quotes) if found.direct else \
        re.sub(r"^that\s+", "", _reported_words(text, found))
    # a summary is required; the draft's is the words themselves, for the editor to put plainly
    summary = _sentence(words if found.direct else _with_cue(found.cue.of(text), words))
    if (claimant, normalise(words)) in known or (claimant, normalise(summary)) in known:
        return  # the story has this claim already (an article ingested again, with --merge)
    # a person by surname, an organisation by its whole name: "united-states-rejected-this-claim"
    who = surname(found.speaker.name) if found.speaker.kind == "person" else found.speaker.name
    claim_id = slug(f"{who} {' '.join(summary.split()[:6])}", out.taken, "claim")
    claim: dict[str, Any] = {"id": claim_id, "claimant": claimant}
    said = _when(out, found, claimant)
    if isinstance(said, When):
        out.days[claimant] = said.date
        claim["date"] = said.date
        if said.time:
            claim["time"] = said.time
    if quotes:
        claim["quotes"] = quotes
    claim["summary"] = summary
    if found.relay:
        claim["venue"] = actors.venue(found.speaker, found.relay, found.relayed_in)
    claim["reported_by"] = [out.source_id]
    out.add("claims", claim)
    out.found[claim_id] = found
    out.confidence[claim_id] = found.confidence
    cue = found.cue.of(text) or "(no cue word)"
    out.comments[claim_id] = (f"confidence {found.confidence:.2f}: {'; '.join(found.reasons)}. Cue '{cue}'; "
                              f"words at characters {found.content.start}-{found.content.end} of the article." +
                              (f" {said.reason if isinstance(said, When) else said}." if said else ""))


def _when(out: Draft, found: Attribution, claimant: str) -> When | str | None:
    """When the words were said: the day their attribution names; else the live page's day, under an entry's time;
    else the day their paragraph, or the story's first, named before them (`dates.occasion`), unless it is the
    paragraph before's or the lead's and the speaker's words before named their own day; else the day of the same
    speaker's words before (most often the same occasion); else a hint, or nothing."""
    own = when_said(_own_words(out.marked, found), out.published)
    if own is not None:
        if isinstance(own, When):
            out.stated[claimant] = own.date
        return own
    if entry := live_entry(out.entries, _start(found), out.published):
        return entry
    named = occasion(out.narrative, _start(found), out.published, found.speaker.name, SAYING_WORD)
    # (a day of the paragraph before may be one the speaker's words there spoke of: "Pham, reached Wednesday, said
    # the heater failed Monday night"; the day those words gave as theirs is the day; so it is over the lead's:
    # "The association said in a statement on Tuesday …" after a lead of Monday's vote)
    if isinstance(named, When) and (named.before or named.lead) and claimant in out.stated:
        return When(out.stated[claimant], None, f"said {out.stated[claimant].isoformat()}: no day given, the day "
                                                f"{found.speaker.name}'s words before said they spoke (check)")
    if isinstance(named, When):
        return named
    if claimant in out.days:
        return When(out.days[claimant], None, f"said {out.days[claimant].isoformat()}: no day given, the day of "
                                              f"{found.speaker.name}'s words before (check)")
    return named


def _narrative(text: str, attributions: list[Attribution]) -> str:
    """The article in its own words, offsets kept: the head (headline, byline, date line), every quotation and
    every named speaker's introduction to one blanked out, so the days it names are those of what it reports, not
    of when one speaker spoke ("Ann Lee told the programme on Sunday: …" dates her words, not the next one's)."""
    body = body_start(text)
    # (an introduction before a quotation: "The minister, Ann Lee, told the programme on Sunday: “…”")
    spans = [*all_quotations(text), *(Span(_start(a), a.quotes[0].start) for a in attributions
                                      if a.speaker.name and a.quotes and _start(a) < a.quotes[0].start)]
    blanked = {i for span in spans for i in range(span.start, span.end)}
    return "".join(" " if i < body or i in blanked else char for i, char in enumerate(text))


def _start(found: Attribution) -> int:
    return min(span.start for span in (found.source, found.cue, found.content, *found.quotes) if span)


def _own_words(text: str, found: Attribution) -> str:
    """The attribution's words without what it reports: its sentence ("In a statement issued today, the
    operator said: …"), the content (and any quotation) blanked out, so a day the speaker spoke of is not
    taken for the day they spoke."""
    start = min(found.cue.start, found.source.start) if found.source else found.cue.start
    start = sentence_start(text, start)
    end = max(found.cue.end, found.source.end if found.source else 0)
    stop = re.search(rf"[.!?][”\"’)]*\s+(?=[“\"{UPPER}])|\n", text[end:end + 160])
    end += stop.start() if stop else min(160, len(text) - end)
    # a quotation's own marks bound what it reports; its content runs over the cue when the cue stands between two
    # ("“…,” Ann Lee said on Wednesday. “…”")
    spans = found.quotes or [found.content]
    blanked = {i for span in spans for i in range(span.start, span.end)}
    return "".join(" " if i in blanked else text[i] for i in range(start, end))


def _reported_words(text: str, found: Attribution) -> str:
    """The content without the attribution standing inside it ("Too often, Mr. Clarke said, the …";
    "The claim, according to Podolyak, may be …")."""
    content, source, cue = found.content, found.source, found.cue
    if source is None:
        return content.of(text)
    start, end = min(source.start, cue.start), max(source.end, cue.end)
    if not content.start < start < end < content.end:
        return content.of(text)
    return f"{text[content.start:start].rstrip(' ,')} {text[end:content.end].lstrip(' ,')}"


SUBORDINATORS = {"that", "which", "who", "whom", "whose", "what", "how", "why", "whether"}
# verbs that report speech only with a clause after them: with a thing alone they tell of a deed ("found a loose
# puck", "claimed the title", "showed me the letter", "ruled it clean", "read out a message", "hit back with a 132
# break", "said the match"); verbs of answering and of stance take a thing as what they answer ("rejected the plan")
CLAUSE_CUES = re.compile(r"\b(?:said|says|say|saying|told|tells|tell|telling|added|adds|wrote|writes|found|finds|"
                         r"showed|shows|ruled|claimed|claims|claiming|read|reads|thought|thinks|think|"
                         r"described|describes|hit back|fired back|shot back)\b", re.I)
CLAUSE_START = {*SUBORDINATORS, "if", "when", "where", "to", "being"}
NO_CONTENT = {"the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "or", "but", "that", "this"}


def says_something(found: Attribution, text: str) -> bool:
    """Reported speech worth a claim: a cue of saying ("said", "rejected", "according to"), with words it says,
    not only the thing it did something to ("found the crumpled slip" is a deed; "found that …" a finding)."""
    cue, words = found.cue.of(text), pos.TOKEN.findall(found.content.of(text))
    lowered = [w.lower() for w in words]
    # a clause opened by "that" is what its verb reports, whatever the verb ("the inquest heard that …"); a cue of
    # answering ("defended", "welcomed") says where its speaker stands
    if not (speaks(cue) or lowered[:1] == ["that"] or _answers(cue)) or set(lowered) <= NO_CONTENT:
        return False
    # "described the plan as reckless" says what it is
    return not CLAUSE_CUES.search(cue) or lowered[0] in CLAUSE_START or "as" in lowered or _clause(words)


def _answers(cue: str) -> bool:
    """Whether a cue answers or takes a side at any of its words ("has defended", "also welcomed")."""
    return any(pattern.match(cue, word.start()) for word in re.finditer(r"\b\w", cue) for _, pattern in RELATION_CUES)


def _clause(words: list[str]) -> bool:
    """Whether words hold a verb of their own: one with a tense, or a participle or a bare verb after its subject
    ("the final peaked …", "the country cannot afford …", as the tagger may read them), not a participle describing
    a thing ("the crumpled slip")."""
    tags = pos.tag(words)
    return any(tag in {"VBD", "VBZ", "VBP", "MD"} or tag in {"VBN", "VB"} and i and tags[i - 1] not in {"DT", "PRP$"}
               for i, tag in enumerate(tags))


def _with_cue(cue: str, words: str) -> str:
    """Reported words that are no clause of their own are what the cue did to something: "rejected
    this claim" says more than "this claim", "denounced the possibility that …" than "the possibility
    that …" (a verb after "that", "who" or "what" is not the words' own: "blamed the US for what it called …",
    nor one after "and": "called out Ukraine and held it responsible")."""
    if not cue or cue.lower() == "according to":
        return words
    head = list(itertools.takewhile(lambda w: w.lower() not in SUBORDINATORS, pos.TOKEN.findall(words)))
    # a verb after "and" goes on from the cue ("called out Ukraine and held it responsible")
    own = [i for i in pos.finite_verbs(head) if i == 0 or head[i - 1].lower() not in ("and", "or", "but")]
    return words if own else f"{cue} {words}"


def _quoted_words(text: str, quotes: list[Span]) -> str:
    """The words of a quotation in parts: "…" where its sentence was broken by the attribution
    (“Nobody can,” she said, “not even …”), a new sentence where the next part begins one."""
    words = ""
    for previous, quote in zip([None, *quotes], quotes):
        part = _quote_text(quote.of(text))
        if previous is None:
            words = part
        elif re.search(r"[.!?]", text[previous.end:quote.start]) or words.endswith((".", "!", "?")):
            words = f"{_sentence(words)} {part}"
        else:
            words = f"{words} … {part}"
    return words


class _Actors:
    """Speakers as actor ids: those already in the story, else new draft records (made once)."""

    def __init__(self, story: Story | None, out: Draft):
        self.story, self.out = story, out
        self.known: dict[str, str] = {}
        # the actors known by a name of two words or more, by its last word (a lookup, not a scan of
        # every name for each speaker: an article naming thousands of people drafts in linear time)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.venues: dict[str, str] = {}  # the draft's sources by title, the first of each
        self.venues_read = 0  # how many of the draft's sources `venues` holds (they are only added to)
        for actor in story.actors if story else []:
            for name in (actor.name, *actor.aliases):
                self._know(_key(name), actor.id)

    def _know(self, key: str, actor_id: str) -> None:
        if key not in self.known:
            self.known[key] = actor_id
            if " " in key:
                self.by_surname[key.split()[-1]].add(actor_id)

    def existing_id(self, name: str) -> str | None:
        key = _key(name)
        if key in self.known:
            return self.known[key]
        surname = self.by_surname.get(key.split()[-1], set()) if " " not in key and key else set()
        return next(iter(surname)) if len(surname) == 1 else None

    def id_for(self, mention: Mention) -> str:
        found = self.existing_id(mention.name)
        if found:
            return found
        new_id = slug(mention.name, self.out.taken, "actor")
        record: dict[str, Any] = {"id": new_id, "name": mention.name,
                                  "kind": _actor_kind(mention)}
        if role := _role(mention.title):
            record["role"] = role
        self.out.add("actors", record)
        self._know(_key(mention.name), new_id)
        return new_id

    def venue(self, speaker: Mention, outlet: str, relayed_in: str) -> str:
        """A source for the outlet the words came through: '<speaker> on <outlet>', or '<outlet> report'."""
        publisher = self.id_for(Mention(outlet, None, "media"))
        kind, title = ("agency-report", f"{outlet} report") if relayed_in == "report" else \
            ("interview", f"{speaker.name} on {outlet}")
        sources = self.out.records["sources"]
        for source in sources[self.venues_read:]:
            self.venues.setdefault(source["title"], source["id"])
        self.venues_read = len(sources)
        if title in self.venues:
            return self.venues[title]
        source_id = slug(title, self.out.taken, "source")
        self.out.add("sources", {"id": source_id, "kind": kind, "title": title, "publisher": publisher})
        return source_id


COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "mx"}


def _role(title: str | None) -> str | None:
    """What a title says someone is, without the courtesy titles that say nothing of it ("Mr." is no role)."""
    words = [word for word in (title or "").split() if word.lower().strip(".") not in COURTESY_TITLES]
    return " ".join(words) or None


def _actor_kind(mention: Mention) -> str:
    """A person, a news outlet (an outlet words came through, or one by its name), or another organisation."""
    if mention.kind == "person":
        return "person"
    return "media" if mention.kind == "media" or is_outlet(mention.name) else "organization"


def _article_info(text: str, given: ArticleInfo) -> ArticleInfo:
    """Title, author and date from the article's first lines, unless given."""
    head = text[:1500]
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    # a headline: a line of a few words that ends no sentence (not "… said.", not "… vote no.”")
    title = given.title or next((line for line in lines if 4 <= len(line.split()) <= 25 and
                                 not re.search(r"[.!?][”\"’']*$", line)), None)
    author = given.author
    if author is None and title in lines:
        after = lines[lines.index(title) + 1:lines.index(title) + 3]
        author = next((m.group("name") for line in after if (m := BYLINE.match(line))), None)
    return ArticleInfo(title, author, given.publisher, given.date or _published(lines))


def _published(lines: list[str]) -> dt.date | None:
    """The article's date, from its head's lines or the dateline that opens its text."""
    heads = [line for line in lines[:HEAD_LINES] if len(line.split()) <= HEAD_WORDS and
             not re.search(r"(?:(?<![ap]\.m)\.|[!?])[”\"’']*$", line)]  # "1:05 a.m." ends no sentence
    found = [m.group("date") for line in heads for m in DATE_ANYWHERE.finditer(line)]
    found += [m.group("date") or m.group("agency_date") for m in DATELINE.finditer("\n".join(lines[:HEAD_LINES]))]
    return next((date for written in found if (date := _date(written))), None)


def _date(written: str) -> dt.date | None:
    """A date as a dateline writes it: "Nov. 27, 2026", "27 November 2026", "2026-11-27" ("Sept." too), or in
    numbers where only one order of day and month can be meant ("20/05/2026"; not "05/06/2026")."""
    if numeric := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", written):
        first, second, year = map(int, numeric.groups())
        day, month = (first, second) if first > 12 else (second, first) if second > 12 else (0, 0)
        try:
            return dt.date(year, month, day) if day else None
        except ValueError:
            return None
    written = " ".join(written.replace(".", "").replace(",", " ").replace("Sept ", "Sep ").split())
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(written, form).date()
        except ValueError:
            continue
    return None


def _verbatim(text: str, marked: str) -> str:
    """`marked` with the marks of a quotation inside one as the article wrote them: double_marked turns
    '… "four hours" …' into “… 'four hours' …” to read it, and a claim quotes it as written."""
    return "".join(written if read in "‘’'" and written in "“”\"" else read for read, written in zip(marked, text))


def _quote_text(quoted: str) -> str:
    """The words inside the quotation marks, without the comma or full stop the sentence adds."""
    inner = re.sub(r"^(?:''|[“”\"])+|(?:''|[“”\"])+$", "", quoted.strip()).strip()  # '' is a mark too
    return inner.rstrip(",").strip()


def _sentence(words: str) -> str:
    return sentence(" ".join(words.split())).rstrip(".") + "."


def _key(name: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", name.lower()).split())


class DraftRefused(Exception):
    """The draft cannot be added to the data folder as asked (its files exist already)."""


def stage_draft(out: Draft, change: DataChange, story: Story | None, merge: bool) -> None:
    """Stage the draft as `<data>/<source>.yml` and the article as `<data>/texts/<source>.txt`.
    Without `merge` the YAML file must be new; with it, the draft's records that the story does not
    have yet are added to it. A kept text must be the same article: an interrupted run left it."""
    yaml_path, text_path = _paths(out, change.data_dir)
    kept = change.current(text_path)
    if kept is not None and kept.decode("utf-8", "replace") != out.text:
        raise DraftRefused(f"{display_path(text_path)} exists, with another text: choose another --source-id")
    if kept is None:
        change.stage(text_path, out.text.encode("utf-8"))
    existing = change.current(yaml_path)
    if existing is not None and not merge:
        raise DraftRefused(f"{display_path(yaml_path)} already exists: choose another --source-id, or add --merge")
    if existing is None:
        change.stage(yaml_path, render_yaml(out).encode("utf-8"))
        return
    known = set(story.by_id) if story else set()
    fresh = {section: [r for r in records if r["id"] not in known] for section, records in out.records.items()}
    change.stage(yaml_path, with_sections(existing, fresh))


def _paths(out: Draft, data_dir: Path) -> tuple[Path, Path]:
    return data_dir / f"{out.source_id}.yml", data_dir / "texts" / f"{out.source_id}.txt"


def render_yaml(out: Draft) -> str:
    """The draft as YAML, with the confidence comment above each claim."""
    yaml = round_trip_yaml()
    document = CommentedMap()
    for section, records in out.records.items():
        if not records:
            continue
        seq = CommentedSeq([CommentedMap(r) for r in records])
        for index, record in enumerate(records):
            if record["id"] in out.comments:
                seq.yaml_set_comment_before_after_key(index, before=out.comments[record["id"]], indent=2)
        document[section] = seq
    stream = io.StringIO()
    stream.write(f"# Draft made by `explainer ingest` from texts/{out.source_id}.txt. Review it before publishing:\n"
                 "# each claim's comment says how sure the finding is and why; check the lowest first.\n")
    yaml.dump(document, stream)
    if out.unattributed:
        stream.write(f"\n# {len(out.unattributed)} of the article's {out.quotations} quotations have no speaker the "
                     "draft could name (the characters are\n# offsets into the text): add each to a claim, or "
                     "leave it out.\n")
        stream.writelines(f"# {quote.comment()}\n" for quote in out.unattributed)
    return stream.getvalue()
