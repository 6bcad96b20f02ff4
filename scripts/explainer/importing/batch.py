"""Records imported from existing fact-check data, gathered before anything is written.

Speakers, reviewers and venues are matched against the story's actors and sources (by name and alias,
case, accents and punctuation aside) and against what the batch already holds, so nobody is imported
twice. A row that cannot become valid records is set aside with its line and the reason; the others go on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import display_path
from ..story.graph import Story
from ..story.model import Actor, Claim, Source
from ..text import short, slug


@dataclass(frozen=True)
class Problem:
    """A row (or feed item) that was not imported, and why."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.message}; not imported"


class RowRefused(ValueError):
    """What is wrong with one row, in words."""


def name_key(name: str) -> str:
    """A name as compared: no accents, case, punctuation or extra spaces ("Peskov, D." ~ "peskov d")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return " ".join(re.findall(r"\w+", plain.casefold()))


@dataclass
class Batch:
    """Actors, sources and claims to add to a story, with the rows that could not be imported."""

    story: Story | None
    records: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"actors": [], "sources": [],
                                                                                "claims": []})
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    _taken: set[str] = field(default_factory=set)
    _actors: dict[str, str] = field(default_factory=dict)   # name key -> actor id
    _sources: dict[tuple, str] = field(default_factory=dict)  # identity -> source id
    _claims: dict[tuple, str] = field(default_factory=dict)  # (claimant, summary's key) -> claim id
    _new_ids: list[str] = field(default_factory=list)  # ids the row being imported made
    _surnames: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # surname -> {(first name, id)}
    _names: dict[str, str] = field(default_factory=dict)  # actor id -> name
    _new_actors: dict[str, dict[str, Any]] = field(default_factory=dict)  # actor id -> record, for the batch's own
    _new_roles: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # roles the current row added

    def __post_init__(self) -> None:
        if self.story is not None:
            self._taken |= set(self.story.by_id)
            for actor in self.story.actors:
                for name in (actor.name, *actor.aliases):
                    self._know(name, actor.id)
            for source in self.story.sources:
                if source.url:
                    self._sources.setdefault(("url", source.url), source.id)
            for claim in self.story.claims:
                self._claims.setdefault((claim.claimant, name_key(claim.summary)), claim.id)

    def actor(self, name: str, kind: str = "person", **fields: Any) -> str:
        """The id of the actor called `name`, added when the story and the batch have nobody by that name."""
        key = name_key(name)
        if not key:
            raise RowRefused(f"'{name}' is not a name")
        if (known := self._actors.get(key) or self._by_initial(key)) is not None:
            self._another_role(known, fields.get("role"))
            return known
        record = {"id": self._fresh(name, "actor"), "name": name, "kind": kind,
                  **{k: v for k, v in fields.items() if v not in (None, "")}}
        self._add("actors", Actor, record)
        self._new_actors[record["id"]] = record
        self._know(name, record["id"])
        return record["id"]

    def _another_role(self, actor_id: str, role: str | None) -> None:
        """A speaker the batch added, met again with another job: a post held at another time."""
        record = self._new_actors.get(actor_id)
        if role and record is not None and role != record.get("role") and role not in record.get("roles", []):
            record.setdefault("roles", []).append(role)
            self._new_roles.append((record, role))

    def _know(self, name: str, actor_id: str) -> None:
        self._names.setdefault(actor_id, name)
        key = name_key(name)
        self._actors.setdefault(key, actor_id)
        words = key.split()
        if len(words) > 1:
            self._surnames.setdefault(words[-1], set()).add((words[0], actor_id))

    def _by_initial(self, key: str) -> str | None:
        """'D. Peskov' is Dmitry Peskov when he is the only Peskov whose first name starts with D."""
        words = key.split()
        if len(words) != 2 or len(words[0]) != 1:
            return None
        found = {actor for first, actor in self._surnames.get(words[1], ()) if first.startswith(words[0])}
        return found.pop() if len(found) == 1 else None

    def source(self, identity: tuple, **fields: Any) -> str:
        """The id of the source known by `identity` (its address, or its title and who spoke there)."""
        if identity in self._sources:
            return self._sources[identity]
        record = {"id": self._fresh(fields["title"], "source"),
                  **{k: v for k, v in fields.items() if v not in (None, "")}}
        self._add("sources", Source, record)
        self._sources[identity] = record["id"]
        return record["id"]

    def known(self, claimant: str, summary: str) -> bool:
        """Whether `claimant`'s claim in these words is in the story or the batch already."""
        return (claimant, name_key(summary)) in self._claims

    def claim(self, claimant: str, summary: str, **fields: Any) -> str:
        """The id of the claim `claimant` made in these words: the story's or the batch's, else a new one."""
        if (known := self._claims.get((claimant, name_key(summary)))) is not None:
            return known  # imported before (a file imported again, with --merge)
        # a person by surname and the claim's first words, unless the data gives the claim an id
        who = self._names.get(claimant, claimant).split()[-1]
        claim_id = self._fresh(fields.pop("id", None) or f"{who} {' '.join(summary.split()[:6])}", "claim")
        record = {"id": claim_id, "claimant": claimant, "summary": summary,
                  **{k: v for k, v in fields.items() if v not in (None, "", [])}}
        self._add("claims", Claim, record)
        self._claims[(claimant, name_key(summary))] = claim_id
        return claim_id

    def row(self, path: Path, line: int, make) -> None:
        """Import one row with `make(batch)`; if it fails, nothing of it stays and the reason is kept."""
        self.rows += 1
        lengths = {section: len(records) for section, records in self.records.items()}
        self._new_ids, self._new_roles = [], []
        try:
            make(self)
        except RowRefused as refused:
            self._forget(lengths)
            self.problems.append(Problem(path, line, str(refused)))

    def _forget(self, lengths: dict[str, int]) -> None:
        """Take back what a failed row added (rare, so the scans here cost nothing in a clean import)."""
        new = set(self._new_ids)
        for section, length in lengths.items():
            del self.records[section][length:]
        self._taken -= new
        for known in (self._actors, self._sources, self._claims):
            for key in [k for k, v in known.items() if v in new]:
                del known[key]
        for actor_id in new & self._names.keys():
            del self._names[actor_id]
        for actor_id in new & self._new_actors.keys():
            del self._new_actors[actor_id]
        for record, role in self._new_roles:
            record["roles"].remove(role)
            if not record["roles"]:
                del record["roles"]
        for people in self._surnames.values():
            people -= {person for person in people if person[1] in new}

    def _fresh(self, text: str, fallback: str) -> str:
        made = slug(text, self._taken, fallback)
        self._new_ids.append(made)
        return made

    def _add(self, section: str, model, record: dict[str, Any]) -> None:
        try:
            model.model_validate(record)
        except ValidationError as invalid:
            error = invalid.errors()[0]
            where = ".".join(str(part) for part in error["loc"])
            raise RowRefused(f"{model.__name__.lower()} {where}: {error['msg']} "
                             f"(got {short(str(error.get('input')), 40)!r})") from None
        self.records[section].append(record)

    def imported(self) -> int:
        return sum(len(records) for records in self.records.values())
