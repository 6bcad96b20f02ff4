"""A CSV or TSV file of fact-checked statements as story records, column by column as a mapping file says.

The mapping (YAML) names, for each field of the story, the column that holds it:

    header: false                  # the file's first row is data; the columns are then named here
    columns: [id, label, statement, subjects, speaker, job, state, party, context]
    slug_names: true               # speakers written like 'barack-obama' are 'Barack Obama'
    names: {democrat: Democratic Party}   # values to write otherwise (here: a party's name)
    missing: [none]                # values that mean "nothing" (default: none, n/a, na, null, -)
    reviewer: PolitiFact           # who gave the verdicts
    scale: [pants-fire, false, barely-true, half-true, mostly-true, true]   # the verdicts, worst first
    claim: {summary: statement, verdict: label, topics: subjects, date: date}
    claimant: {name: speaker, role: job, region: state, party: party}
    venue: {title: context}

Only `claim.summary` and `claimant.name` are required. Topics are split on commas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..story.model import ActorKind, SourceKind
from .batch import Batch, RowRefused

VENUE_KINDS = [("debate", "debate"), ("speech|remarks|address", "speech"), ("hearing|testimony", "hearing"),
               ("rally", "rally"), (r"\bads?\b|advertisement|commercial|mailer", "advertisement"),
               ("interview", "interview"), ("tweet|facebook|post|instagram", "social-post"),
               ("press release|news release|statement", "statement"), ("tv|radio|show|broadcast", "broadcast"),
               ("article|op-ed|column|newspaper", "article")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ClaimColumns(_Strict):
    summary: str
    id: Optional[str] = None
    date: Optional[str] = None
    topics: Optional[str] = None
    verdict: Optional[str] = None


class ClaimantColumns(_Strict):
    name: str
    kind: Optional[str] = None
    role: Optional[str] = None
    region: Optional[str] = None
    country: Optional[str] = None
    party: Optional[str] = None


class VenueColumns(_Strict):
    title: str
    kind: Optional[str] = None


class Mapping(_Strict):
    """How the columns of a table become story fields (see the module's docstring)."""

    delimiter: Optional[str] = Field(None, max_length=1)
    header: bool = True
    columns: list[str] = Field(default_factory=list)
    slug_names: bool = False
    reviewer: Optional[str] = None
    scale: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=lambda: ["none", "n/a", "na", "null", "-"])
    names: dict[str, str] = Field(default_factory=dict)
    claim: ClaimColumns
    claimant: ClaimantColumns
    venue: Optional[VenueColumns] = None

    @classmethod
    def read(cls, path: Path) -> "Mapping":
        """The mapping in `path`; raises ValueError with what is wrong, in words."""
        try:
            # every value as written: a scale step 'false' or 'no' is a word here, not a truth value
            return cls.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {})
        except yaml.YAMLError as exc:
            raise ValueError(f"not YAML: {exc}") from None
        except ValidationError as invalid:
            raise ValueError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in invalid.errors())) from None

    def value(self, cell: str) -> str:
        """A cell as the story gets it: spaces tidied, a 'missing' marker empty, a renamed value renamed."""
        text = " ".join(cell.split())
        if text.casefold() in {m.casefold() for m in self.missing}:
            return ""
        return self.names.get(text, text)

    def named(self) -> set[str]:
        """Every column the mapping reads."""
        parts = [self.claim, self.claimant, self.venue]
        return {value for part in parts if part for value in part.model_dump().values() if value}


def import_rows(batch: Batch, path: Path, text: str, mapping: Mapping) -> None:
    delimiter = mapping.delimiter or ("\t" if path.suffix.lower() in (".tsv", ".tab") else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = mapping.columns
    if mapping.header:
        columns = next(reader, [])
    missing = sorted(mapping.named() - set(columns))
    if missing:
        raise ValueError(f"the mapping names column(s) {', '.join(missing)}, which the file does not have "
                         f"(it has {', '.join(columns) or 'none'})")
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(columns):
            batch.row(path, line, lambda b: _refuse(f"{len(row)} columns, {len(columns)} expected"))
            continue
        values = {name: mapping.value(cell) for name, cell in zip(columns, row)}
        batch.row(path, line, lambda b, values=values: _row(b, values, mapping))


def _refuse(message: str) -> None:
    raise RowRefused(message)


def _row(batch: Batch, values: dict[str, str], mapping: Mapping) -> None:
    claim, who = mapping.claim, mapping.claimant
    summary = values[claim.summary]
    if not summary:
        raise RowRefused(f"no claim in column '{claim.summary}'")
    name = _name(values[who.name], mapping.slug_names)
    if not name:
        raise RowRefused(f"no speaker in column '{who.name}'")
    party = values.get(who.party or "", "")
    claimant = batch.actor(name, _choice(values.get(who.kind or "", ""), ActorKind, "person"),
                           role=values.get(who.role or ""), region=values.get(who.region or ""),
                           country=values.get(who.country or ""),
                           party=batch.actor(party, "organization") if party else None)
    if batch.known(claimant, summary):
        return  # imported before: its venue and verdict are there too
    fields: dict = {"date": _date(values.get(claim.date or "", "")),
                    "topics": [t.strip().replace("-", " ") for t in values.get(claim.topics or "", "").split(",")
                               if t.strip()][:20]}
    if claim.id and values.get(claim.id):
        fields["id"] = values[claim.id]  # made an id the way every id is: 's-101.json' is 's-101-json'
    if claim.verdict and values.get(claim.verdict):
        fields["verdict"] = _verdict(batch, values[claim.verdict], mapping)
    if mapping.venue and (title := values.get(mapping.venue.title)):
        kind = _choice(values.get(mapping.venue.kind or "", ""), SourceKind, None) or _venue_kind(title)
        fields["venue"] = batch.source(("venue", title.casefold(), claimant, fields["date"]), title=title, kind=kind)
    batch.claim(claimant, summary, **fields)


def _verdict(batch: Batch, rating: str, mapping: Mapping) -> dict:
    if mapping.reviewer is None:
        raise RowRefused("a verdict needs the mapping's 'reviewer' (who gave it)")
    verdict: dict = {"rating": rating, "reviewer": batch.actor(mapping.reviewer, "organization")}
    if mapping.scale:
        keys = [step.casefold() for step in mapping.scale]
        if rating.casefold() not in keys:
            raise RowRefused(f"verdict '{rating}' is not on the mapping's scale ({', '.join(mapping.scale)})")
        verdict |= {"value": keys.index(rating.casefold()) + 1, "worst": 1, "best": len(keys)}
    return verdict


def _name(value: str, slugged: bool) -> str:
    if slugged and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
        return " ".join(word.capitalize() for word in value.split("-"))
    return value


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise RowRefused(f"date '{value}' is not YYYY-MM-DD") from None


def _choice(value: str, choices, default):
    if not value:
        return default
    if value.lower() not in {c.value for c in choices}:
        raise RowRefused(f"'{value}' is not one of {', '.join(c.value for c in choices)}")
    return value.lower()


def _venue_kind(title: str) -> str:
    lowered = title.casefold()
    return next((kind for pattern, kind in VENUE_KINDS if re.search(pattern, lowered)), "document")
