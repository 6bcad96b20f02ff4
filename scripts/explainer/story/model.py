"""The typed story model: what editors write in `data/`, checked field by field.

Models are frozen pydantic models; each record also remembers where it was written
(`where`), so later checks can point at `file:line`. Field descriptions are the
schema reference shown in the site and in `explainer schema`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, Union
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr,
                      StringConstraints, create_model, model_validator)

from ..errors import Location
from ..text import short
from .quotes import ELISION
from .relations import RELATIONS, Relation

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
        raise ValueError("must be an http:// or https:// address")
    return value


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


# Direction overrides and isolates turn text around on screen (a name shown reversed); data never needs them.
DIRECTION = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _not_blank(value: str) -> str:
    # zero-width and other format characters are invisible: a value of nothing else reads as empty
    if not "".join(c for c in value if unicodedata.category(c) != "Cf").strip():
        raise ValueError("must not be empty")
    bad = CONTROL.search(value) or DIRECTION.search(value)
    if bad:
        # invisible, and python-markdown uses some of them as internal markers
        raise ValueError(f"contains the invisible control character U+{ord(bad.group()):04X}")
    return value


def _not_reserved(value: str) -> str:
    if value == "index":
        raise ValueError("'index' is reserved: it is the address of the index pages")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80), AfterValidator(_not_reserved)]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_http_url)]
Words = Annotated[Text, AfterValidator(_not_blank)]
Ids = Annotated[list[Id], Field(default_factory=list)]


class ActorKind(str, Enum):
    person = "person"
    government = "government"
    agency = "agency"
    organization = "organization"
    media = "media"
    group = "group"

    @property
    def plural(self) -> str:
        """The heading of actors of this kind in lists: "People", "Agencies"."""
        return _ACTOR_PLURALS[self]


class SourceKind(str, Enum):
    article = "article"
    agency_report = "agency-report"
    broadcast = "broadcast"
    press_briefing = "press-briefing"
    statement = "statement"
    interview = "interview"
    social_post = "social-post"
    video = "video"
    document = "document"
    speech = "speech"
    debate = "debate"
    hearing = "hearing"
    rally = "rally"
    advertisement = "advertisement"

    @property
    def preposition(self) -> str:
        """How words said there are placed: "at a press briefing", "on a broadcast", "in an article"."""
        return {"press-briefing": "at", "broadcast": "on", "speech": "in", "debate": "in", "hearing": "at",
                "rally": "at"}.get(self.value, "in")

    @property
    def label(self) -> str:
        """In plain words: "news agency report"."""
        return _SOURCE_LABELS.get(self.value, self.value.replace("-", " "))


_ACTOR_PLURALS = {ActorKind.person: "People", ActorKind.government: "Governments and state bodies",
                  ActorKind.agency: "Agencies", ActorKind.organization: "Organizations",
                  ActorKind.media: "Media", ActorKind.group: "Groups"}
_SOURCE_LABELS = {"agency-report": "news agency report", "social-post": "social media post"}


class Record(BaseModel):
    """Fields and behaviour shared by every record."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)
    _where: Location = PrivateAttr(default=Location(Path("<memory>"), 1))

    @property
    def where(self) -> Location:
        return self._where

    def placed(self, where: Location):
        """This record, marked as written at `where`."""
        self._where = where
        return self


class Entity(Record):
    id: Id = Field(description="Stable identifier: lowercase ASCII letters, digits and hyphens. "
                               "It makes the page address (`actors/<id>/`), so never reuse or rename it.")

    def __hash__(self) -> int:
        # ids are unique in a story; list fields would make the default field hash fail
        return hash((type(self).__name__, self.id))

    def heading(self) -> str:
        """The name its page and the links to it go by."""
        return getattr(self, "name", None) or self.title


@functools.lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    """IANA zone names; not the machine's own (`localtime`) nor the variants that depend on how its
    zone files were built (`posixrules`, `right/…`, `posix/…`), so a story reads the same everywhere."""
    return frozenset(z for z in available_timezones() if not z.startswith(("right/", "posix"))
                     and z not in ("localtime", "Factory"))


def _known_zone(value: str) -> str:
    if value not in _zones():
        raise ValueError(f"unknown time zone '{value}' (use an IANA name such as 'Europe/Moscow')")
    return value


LocalTime = Optional[Annotated[str, StringConstraints(pattern=TIME_PATTERN)]]
Zone = Optional[Annotated[Words, AfterValidator(_known_zone)]]


class Timed:
    """What has a `date` and may have a local `time` and its `timezone`: events and claims."""

    if TYPE_CHECKING:  # the fields themselves are declared by each model, in its own order
        date: Optional[dt.date]
        time: Optional[str]
        timezone: Optional[str]

    def utc_offset(self) -> str:
        """`+03:00`: the offset of `timezone` at the date and time (UTC when there is none)."""
        hour, minute = map(int, (self.time or "12:00").split(":"))
        moment = dt.datetime.combine(self.date or dt.date.today(), dt.time(hour, minute),
                                     ZoneInfo(self.timezone or "UTC"))
        minutes = int((moment.utcoffset() or dt.timedelta(0)).total_seconds()) // 60
        return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    def start(self) -> str | None:
        """ISO 8601: the date, or date, time and offset when the time is known."""
        if not self.date:
            return None
        if not self.time:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time}:00{self.utc_offset() if self.timezone else ''}"

    def minute_of_day(self) -> int | None:
        """Minutes after midnight, in UTC when the time zone is known (so times in two zones compare)."""
        if not self.time:
            return None
        hour, minute = map(int, self.time.split(":"))
        if not self.timezone:
            return hour * 60 + minute
        sign, hours, minutes = self.utc_offset()[0], *map(int, self.utc_offset()[1:].split(":"))
        return hour * 60 + minute - (1 if sign == "+" else -1) * (hours * 60 + minutes)


class Role(Record):
    """A post an actor held, when the actor held more than one: a minister who became president."""

    title: Words = Field(description="The post, e.g. 'Prime minister'.")
    since: Optional[dt.date] = Field(None, description="When it began, YYYY-MM-DD, where known.")
    until: Optional[dt.date] = Field(None, description="When it ended, YYYY-MM-DD; leave out while it lasts.")

    @model_validator(mode="after")
    def _in_order(self) -> "Role":
        if self.since and self.until and self.until < self.since:
            raise ValueError(f"'until' ({self.until}) is before 'since' ({self.since})")
        return self


def _role_from_text(value: Any) -> Any:
    return {"title": value} if isinstance(value, str) else value


class Actor(Entity):
    """A person, government, agency, organization, media outlet or group that says or does something."""

    name: Words = Field(description="Name as readers know it.")
    kind: ActorKind = Field(description="What sort of actor this is.")
    role: Optional[Words] = Field(None, description="Role or title, e.g. 'Kremlin spokesman'.")
    roles: list[Annotated[Role, BeforeValidator(_role_from_text, json_schema_input_type=Union[str, Role])]] = Field(
        default_factory=list, description="Other posts the actor held, with their dates where known: strings, "
                                          "or `{title, since, until}` mappings.")
    affiliation: Optional[Id] = Field(None, description="Id of the actor this one belongs to or speaks for.")
    country: Optional[Words] = Field(None, description="Country, in plain words.")
    region: Optional[Words] = Field(None, description="State, province or region, in plain words.")
    party: Optional[Id] = Field(None, description="Id of the political party the actor belongs to.")
    aliases: list[Words] = Field(default_factory=list,
                                 description="Other names and spellings, native-script names included; search finds them.")
    description: Optional[Words] = Field(None, description="A sentence or two on who this is.")


class Source(Entity):
    """Where words were said or carried: an article, agency report, broadcast, briefing, post or video."""

    kind: SourceKind = Field(description="What sort of source this is.")
    title: Words = Field(description="Title, or a short description when it has none.")
    publisher: Optional[Id] = Field(None, description="Id of the actor that published or broadcast it.")
    author: Optional[Id] = Field(None, description="Id of the actor who wrote it.")
    date: Optional[dt.date] = Field(None, description="Publication date, YYYY-MM-DD.")
    url: Optional[Url] = Field(None, description="Address of the original (http or https only); each quote "
                                                  "links to its passage there.")
    archived_url: Optional[Url] = Field(None, description="Address of a snapshot in a web archive, for when the "
                                                          "original changes or goes away.")
    accessed: Optional[dt.date] = Field(None, description="When the original was read, YYYY-MM-DD.")
    text_file: Optional[Words] = Field(None, description="Path, relative to this YAML file, of a UTF-8 file with "
                                                         "the source's full text; quotes are checked against it.")
    publish_text: bool = Field(False, description="Show the kept text on the source's page, every quote marked and "
                                                  "linked to its claim. Off by default: only where you may republish it.")


def _quote_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"  # a BCP 47 tag: 'ru', 'uk', 'pt-BR'
RIGHT_TO_LEFT = {"ar", "he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug"}


class Quote(Record):
    """Words said, verbatim. A plain string is short for `{text: ...}`."""

    text: Words = Field(description="The words exactly as the source prints them, without outer quote marks.")
    source: Optional[Id] = Field(None, description="Id of the source whose text carries these words; by default "
                                                   "every source of the claim that has a text must carry them.")
    language: Optional[Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]] = Field(
        None, description="Language of `text` when it is not the site's, as a code such as 'ru' or 'uk'; the words "
                          "are shown and checked as said, in that language.")
    translation: Optional[Words] = Field(None, description="The words in the site's language; shown beside the "
                                                           "original and marked as a translation.")
    translated_by: Optional[Words] = Field(None, description="Who translated them, e.g. 'the editors' or 'Reuters'.")

    @model_validator(mode="after")
    def _words_and_translation(self) -> "Quote":
        if not re.search(r"\w", ELISION.sub("", self.text)):
            raise ValueError("a quote must have words besides its elision marks ([...] or …)")
        if self.translation and not self.language:
            raise ValueError("a quote with a translation needs the 'language' of its text")
        if self.translated_by and not self.translation:
            raise ValueError("'translated_by' needs a 'translation'")
        return self

    @property
    def direction(self) -> str:
        """`rtl` for text in a right-to-left script, else `ltr`."""
        return "rtl" if (self.language or "").split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"



class Verdict(Record):
    """A fact-checker's published rating of a claim."""

    rating: Words = Field(description="The rating as the reviewer words it, e.g. 'False' or 'Unproven'.")
    claim_reviewed: Optional[Annotated[Words, StringConstraints(max_length=75)]] = Field(
        None, description="The claim in under 75 characters, as fact-check archives want it; by default the "
                          "claim's title or the start of its summary.")
    reviewer: Id = Field(description="Id of the actor (a fact-checking organization) that gave the rating.")
    date: Optional[dt.date] = Field(None, description="When the rating was published, YYYY-MM-DD.")
    url: Optional[Url] = Field(None, description="Address of the published review (http or https only).")
    value: Optional[float] = Field(None, description="The rating as a number on the reviewer's scale, e.g. 1.")
    worst: Optional[float] = Field(None, description="The lowest number on the reviewer's scale, e.g. 1.")
    best: Optional[float] = Field(None, description="The highest number on the reviewer's scale, e.g. 6.")

    @model_validator(mode="after")
    def _on_the_scale(self) -> "Verdict":
        if self.value is not None and self.worst is not None and self.best is not None and \
                not min(self.worst, self.best) <= self.value <= max(self.worst, self.best):
            raise ValueError(f"value {self.value:g} is not on the scale from {self.worst:g} to {self.best:g}")
        return self


Topics = Annotated[list[Annotated[Words, StringConstraints(max_length=60)]], Field(default_factory=list)]


class ClaimFields(Timed, Entity):
    """Something an actor said, with the words, the place and the chain of sources that carried it."""

    claimant: Id = Field(description="Id of the actor who made the claim.")
    title: Optional[Annotated[Words, StringConstraints(max_length=120)]] = Field(
        None, description="Short headline for the claim's page; by default the start of the summary.")
    date: Optional[dt.date] = Field(None, description="When the claim was made, YYYY-MM-DD; leave out if unknown.")
    time: LocalTime = Field(None, description="Local time it was said, HH:MM (24-hour), when a source gives it; "
                                              "claims of one day are listed in time order.")
    timezone: Zone = Field(None, description="IANA time zone of `time`, e.g. 'Europe/Moscow'.")
    summary: Words = Field(description="What was claimed, in plain words.")
    quotes: list[Annotated[Quote, BeforeValidator(_quote_from_text, json_schema_input_type=Union[str, Quote])]] = Field(
        default_factory=list, description="Verbatim words, as strings or `{text, source}` mappings.")
    venue: Optional[Id] = Field(None, description="Id of the source or event where it was said first "
                                                  "(a press briefing, an interview, a broadcast).")
    reported_by: Ids = Field(description="Ids of the sources that relayed it, nearest to the claimant first.")
    about: Ids = Field(description="Ids of the actors and events the claim is about.")
    verdict: Optional[Verdict] = Field(None, description="A fact-checker's rating, where one was published.")
    topics: Topics = Field(description="Topics to browse the claim by, e.g. 'attribution'.")

    def heading(self) -> str:
        return self.title or short(self.summary, 80)

    @functools.cached_property
    def _relations(self) -> list[tuple[Relation, str]]:
        return [(rel, target) for rel in RELATIONS for target in getattr(self, rel.field)]

    def relations(self) -> list[tuple[Relation, str]]:
        """Every typed link to another claim, in display order."""
        return self._relations


# One list field per relation of the registry (`denies: [claim-id]`), so a new relation needs no change here.
Claim = create_model("Claim", __base__=ClaimFields, __module__=__name__, __doc__=ClaimFields.__doc__,
                     **{r.field: (Ids, Field(default_factory=list, description=r.description)) for r in RELATIONS})


class Event(Timed, Entity):
    """Something that happened, at a time and place."""

    title: Words = Field(description="What happened, in a few words.")
    date: Optional[dt.date] = Field(None, description="Day it happened, YYYY-MM-DD (local to the place); leave "
                                                      "out if unknown (a debate or an advertisement no source dates).")
    time: LocalTime = Field(None, description="Local time, HH:MM (24-hour), when known.")
    timezone: Zone = Field(None, description="IANA time zone of `time`, e.g. 'Europe/Moscow'.")
    place: Optional[Words] = Field(None, description="Where it happened.")
    description: Optional[Words] = Field(None, description="What happened, in plain words.")
    actors: Ids = Field(description="Ids of the actors involved.")
    sources: Ids = Field(description="Ids of the sources that report or show what happened.")
    topics: Topics = Field(description="Topics to browse the event by.")


class Correction(Record):
    """A correction to the published story: when, what changed, and which records."""

    date: dt.date = Field(description="When the correction was published, YYYY-MM-DD.")
    change: Words = Field(description="What was wrong and what it says now, in plain words.")
    records: Annotated[list[Id], Field(min_length=1)] = Field(description="Ids of the records that were corrected.")


class StoryInfo(Record):
    """The story as a whole: shown on the home page."""

    title: Words = Field(description="Headline of the story.")
    summary: Words = Field(description="One paragraph: what happened and why it is disputed.")
    featured: Ids = Field(description="Ids of actors and claims the home page shows first (by default it "
                                      "picks those with the biggest part in the dispute).")
    updated: Optional[dt.date] = Field(None, description="When the story was last updated, YYYY-MM-DD.")
    corrections: list[Correction] = Field(default_factory=list, description="Corrections, each with its date, "
                                          "what changed and the ids of the records it changed; listed on the "
                                          "Corrections page and noted on each corrected page.")
