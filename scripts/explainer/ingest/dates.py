"""When a claim was made, from the words around its cue, resolved against the article's date.

News writes days relative to the day it is published: "said on Thursday" in an article of Friday
27 November is 26 November, "told reporters yesterday" the day before publication, "at 2:27 a.m." a
time of that day (a time with no day named is taken to be of the article's day, as live blogs give
times). Only the attribution's own words are read (who spoke, the cue, and what follows
them up to the end of the sentence), never the words reported: in "Ann Lee said on Monday that the
talks would resume on Friday", Monday is when she spoke, Friday what she spoke of. Nothing is resolved
without the article's date; every date found says why.

Words that name no day of their own were most often said on the occasion the story reports, which news
names before it quotes ("The council voted on Monday night. “…,” the mayor said."): the last day the
article's own narrative named before them in their paragraph or in its first paragraph, which gives the
story's news (a weekday or "yesterday", not a date in a month, which is background; not a day ahead,
"results will be declared on Thursday"; not when another time is named since, "In a 1994 interview, she
said"), marked for checking. A day named in another paragraph before is only a hint in the comment: a story
moves on between paragraphs (the neighbour's words are not the police update's "last night"), and a wrong
date is worse than none.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from . import pos
from .names import UPPER

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# a weekday alone before a capitalised word names something ("told the Sunday Times"); after "on" it is a day
DAY = re.compile(
    rf"\bon\s+(?P<weekday>{'|'.join(WEEKDAYS)}){PART_OF_DAY}\b|"
    rf"\b(?P<weekday_alone>{'|'.join(WEEKDAYS)})(?![ \t]+(?-i:[{UPPER}])){PART_OF_DAY}\b|"
    rf"\b(?P<relative>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b|"
    rf"\b(?:on\s+)?(?:(?P<month1>{MONTH})\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH}))\b(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.I)
CLOCK = re.compile(r"\bat\s+(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?(?![\w:])"
                   r"|\bat\s+(?P<noon>noon|midnight)\b", re.I)


@dataclass(frozen=True)
class When:
    date: dt.date
    time: str | None  # "HH:MM", 24-hour
    reason: str
    before: bool = False  # taken from a paragraph before the words' own, in a sentence naming their speaker
    lead: bool = False  # taken from the story's lead, in another paragraph than the words' own


def when_said(words: str, published: dt.date | None) -> When | str | None:
    """The date (and time) that `words` (the attribution's own) give, resolved against `published`; a
    sentence saying why not when they name a day the article's missing date leaves open; else None."""
    # (not a day ahead, of what will happen: "… will end from October 5, the Provost announced on Monday")
    day = next((d for d in DAY.finditer(words) if not AHEAD.search(words, words.rfind(",", 0, d.start()) + 1,
                                                                   d.start())), None)
    clock = CLOCK.search(words)
    time = _clock(clock) if clock else None
    if day is None and time is None:
        return None
    said = " ".join((day or clock).group(0).split())
    if published is None:
        return f"'{said}' not resolved: the article has no date (give it with --date)"
    date = _resolve(day, published) if day else published  # a time alone: the day the article is of
    if date is None:
        return None
    shown = f"'{said}'" + (f" at '{' '.join(clock.group(0).split()[1:])}'" if day and time else "") + \
        ("" if day else ", no day named")
    return When(date, time, f"said {date.isoformat()}{' ' + time if time else ''}: {shown} in an article of "
                            f"{published.strftime('%A')} {published.isoformat()}")


# a live page's entry opens with the time it was posted, on a line of its own ("15:30", "2.45pm", "09:12 GMT")
ENTRY_TIME = re.compile(r"^[ \t]*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4})?[ \t]*$",
                        re.M | re.I)


def entry_times(text: str) -> list[re.Match]:
    """The times a live page's entries open with, in order (read once an article: `live_entry` is asked per claim)."""
    return list(ENTRY_TIME.finditer(text))


def live_entry(stamps: list[re.Match], before: int, published: dt.date | None) -> When | None:
    """The day of words in a live page's entry: the article's, as the time the entry opens with says (a page of
    two entries or more, `stamps` its entry times; a page that names another day has day headings, which are not
    read here)."""
    at = bisect.bisect_left([stamp.start() for stamp in stamps], before)
    if published is None or len(stamps) < 2 or not at:
        return None
    entry = stamps[at - 1]
    return When(published, None, f"said {published.isoformat()}: in the live page's entry of {entry.group(0).strip()}, "
                                 f"in an article of {published.strftime('%A')} {published.isoformat()} (check)")


def _resolve(day: re.Match, published: dt.date) -> dt.date | None:
    if weekday := day.group("weekday") or day.group("weekday_alone"):  # the last such day on or before publication
        back = (published.weekday() - WEEKDAYS.index(weekday.lower())) % 7
        return published - dt.timedelta(days=back)
    if relative := day.group("relative"):
        relative = " ".join(relative.lower().split())
        return published - dt.timedelta(days=1 if relative in ("yesterday", "last night") else 0)
    month_name, number = (day.group("month1"), day.group("day1")) if day.group("month1") else \
        (day.group("month2"), day.group("day2"))
    month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(month_name.lower().rstrip(".")[:3]))
    years = [int(day.group("year"))] if day.group("year") else [published.year, published.year - 1]
    for year in years:  # said before it was published
        try:
            date = dt.date(year, month, int(number))
        except ValueError:
            return None
        if date <= published:
            return date
    return None


def _clock(match: re.Match) -> str | None:
    if match.group("noon"):
        return "12:00" if match.group("noon").lower() == "noon" else "00:00"
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    half = (match.group("half") or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match.group("minute") is None:
        return None  # "at 3" is no time of day
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


# a sentence looking ahead: its day is when something will happen, not when anybody spoke
AHEAD = re.compile(r"(?:\b(?:will|would|shall|next|until|expects?|expecting|"
                   r"(?:is|are|was|were)\s+(?:due|expected|scheduled|set|to)|(?:plans?|planned|hopes?|intends?)\s+to)|"
                   r"['’]ll)\b", re.I)


# a day in a clause of what came before the news: "… walked out this morning, after talks broke down on Friday"
BACKGROUND = re.compile(r"\b(?:after|since|following)\s(?P<clause>[^,;]*)$", re.I)


def _background(narrative: str, start: int, day: int) -> bool:
    """Whether the day at `day` is in a clause of what happened before the news its sentence names a day of first
    ("walked out this morning, after talks broke down on Friday"); not after a noun ("said after the meeting on
    Monday"), nor the only day ("did not hide his frustration after his side lost on Sunday": the day he spoke)."""
    clause = BACKGROUND.search(narrative, start, day)
    return clause is not None and pos.has_finite_verb(clause.group("clause")) and \
        DAY.search(narrative, start, clause.start()) is not None


# another time named after that day: the words are of another occasion ("In a 1994 interview, she said …")
ANOTHER_TIME = re.compile(rf"\b(?:1[89]\d\d|20\d\d|(?-i:{MONTH})|last\s+(?:week|month|year)|ago|earlier|previously|then|"
                          r"once|in\s+the\s+past)\b", re.I)


def occasion(narrative: str, before: int, published: dt.date | None, speaker: str | None = None,
             speech: re.Pattern | None = None) -> When | str | None:
    """The day of the occasion the article last named before character `before` of `narrative` (its own words,
    the quotations blanked out): its last weekday or relative day outside a sentence that looks ahead, unless
    another time is named after it. Named in the same paragraph or the story's first, or in the paragraph just
    before in a sentence naming the `speaker` ("Adeyemo, who spoke with our correspondent on Monday, put the
    losses at …" then "He said, “…”"), it is the date; named in another before, only a hint for the editor, since
    a story moves on between paragraphs. Another time named after the day, in the words' own paragraph or in a
    sentence of saying (`speech`: "In a 2019 interview, she said …"), is another occasion: no day; one in a
    sentence of background ("its stock fell 38% in April 2025") is none."""
    if published is None:
        return None
    paragraph = narrative.rfind("\n\n", 0, before)
    for day in reversed(list(DAY.finditer(narrative, 0, before))):
        if any(time.start() > paragraph or speech is None or _of_speaking(narrative, time.start(), speech)
               for time in ANOTHER_TIME.finditer(narrative, day.end(), before)):
            return None
        if not _a_day(day):
            continue
        start, end = _sentence(narrative, day.start())
        # (in its clause: "The line will be completed by 2027, the minister said at today's session" is of today)
        clause = max(start, narrative.rfind(",", start, day.start()) + 1)
        if AHEAD.search(narrative, clause, day.start()) or _background(narrative, start, day.start()):
            continue
        date, named = _resolve(day, published), " ".join(day.group(0).split())
        before = day.start() <= paragraph and _about(narrative, (start, end), paragraph, speaker)
        where = "the paragraph" if day.start() > paragraph else f"the paragraph before, of {speaker}," if before \
            else "the story's lead" if _in_lead(narrative, day.start()) else None
        if where is None:
            return f"no day given: the story named '{named}' ({date.isoformat()}) in a paragraph before; not set (check)"
        return When(date, None, f"said {date.isoformat()}: no day given, the day {where} named before ('{named}', "
                                f"in an article of {published.strftime('%A')} {published.isoformat()}) (check)",
                    before=before, lead=where == "the story's lead")
    return None


def _of_speaking(narrative: str, at: int, speech: re.Pattern) -> bool:
    """Whether the time at `at` is when somebody spoke: its sentence has a cue of saying, after the time or at most a
    few words before it ("In a 2019 interview, she said", "she told the BBC in 2019 that"), not one whose reported
    words name it ("…, which claimed the company hid failures before its stock fell in April 2025")."""
    cue = speech.search(narrative, *_sentence(narrative, at))
    return cue is not None and at < cue.end() + SPOKE_WITHIN


SPOKE_WITHIN = 40  # characters after a cue within which a time is when the speaker spoke ("told the BBC in 2019")


def _about(narrative: str, sentence: tuple[int, int], paragraph: int, speaker: str | None) -> bool:
    """Whether the sentence (its start and end) names the speaker (by surname) and lies in the paragraph just
    before the one that starts at `paragraph`."""
    start, end = sentence
    if not speaker or narrative.rfind("\n\n", 0, paragraph) > start:
        return False
    return re.search(rf"\b{re.escape(speaker.split()[-1])}\b", narrative[start:end]) is not None


SENTENCE_STOPS = (". ", "\n", "? ", "! ")


def _sentence(narrative: str, at: int) -> tuple[int, int]:
    """Where the sentence holding character `at` of the narrative starts and ends."""
    start = max(narrative.rfind(stop, 0, at) for stop in SENTENCE_STOPS) + 1
    ends = [i for i in (narrative.find(stop, at) for stop in SENTENCE_STOPS) if i >= 0]
    return start, min(ends, default=len(narrative))


def _in_lead(narrative: str, at: int) -> bool:
    """Whether `at` is in the story's first paragraph, whose day (its news) is the occasion of what follows; or in
    the second where the first names no day ("Plans for 240 homes have been approved …" then "The committee voted
    … at a meeting on Tuesday evening")."""
    body = len(narrative) - len(narrative.lstrip())
    end = narrative.find("\n\n", body)
    if end >= 0 and not any(_a_day(day) for day in DAY.finditer(narrative, body, end)):
        end = narrative.find("\n\n", end + 2)
    return end < 0 or at < end


def _a_day(day: re.Match) -> bool:
    return any(day.group(kind) is not None for kind in ("weekday", "weekday_alone", "relative"))
