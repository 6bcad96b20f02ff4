"""Turn raw records into typed entities and check everything that crosses records.

Every problem found is collected; nothing stops at the first error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Collection

from pydantic import ValidationError

from . import quotes as quote_check
from ..errors import Location, StoryError, did_you_mean
from .loader import RawRecord, Staged, read_source_text
from .reuse import Reuse
from .kinds import KINDS, kind_of, references, section_models
from .model import ID_PATTERN, LANGUAGE_PATTERN, TIME_PATTERN, Claim, Correction, Entity, Quote, Record, Source, StoryInfo, Verdict


@dataclass
class Checked:
    """The valid part of a story: entities by id, the story record, source texts."""

    info: StoryInfo | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    quotes_verified: int = 0


def check_records(records: list[RawRecord], unread_ids: Collection[str] = (),
                  data_dir: Path | None = None, staged: Staged = {},
                  reuse: Reuse | None = None) -> tuple[Checked, list[StoryError]]:
    """Build entities, then check ids, references, source texts and quotes.

    References to `unread_ids` (ids that a file which could not be read seems to define) are let pass.
    With `reuse`, what the last load built and checked is taken again where its inputs are the same."""
    reuse = reuse or _FRESH
    errors: list[StoryError] = []
    checked = Checked()
    raw_by_id: dict[str, RawRecord] = {}
    story_raw: RawRecord | None = None
    # ids of records that failed their own checks, or whose file did: named elsewhere, not "unknown"
    broken: set[str] = set(unread_ids)
    models = dict(section_models().values())
    for raw in records:
        record, problems = reuse.record(raw, lambda: _built(raw, models[raw.kind]))
        errors += problems
        if record is None and isinstance(raw.data, dict) and isinstance(raw.data.get("id"), str):
            broken.add(raw.data["id"])
        if isinstance(record, StoryInfo):
            _add_story_info(checked, record, errors)
            story_raw = raw if checked.info is record else story_raw
        elif isinstance(record, Entity):
            _add_entity(checked, raw_by_id, raw, record, errors)
    for entity_id, entity in checked.entities.items():
        _check_references(entity, raw_by_id[entity_id], checked.entities, broken, errors)
    if checked.info is not None and story_raw is not None:
        _check_story_references(checked.info, story_raw, checked.entities, broken, errors)
    _read_texts(checked, raw_by_id, errors, data_dir, staged, reuse)
    _verify_quotes(checked, raw_by_id, errors, reuse)
    return checked, errors


class _Fresh:
    """No reuse: everything made now."""

    def record(self, raw, build):
        return build()

    def text(self, path, read):
        return read()

    def quote(self, quote, text, check):
        return check()


_FRESH = _Fresh()


def _built(raw: RawRecord, model: type[Record]) -> tuple[Record | None, list[StoryError]]:
    errors: list[StoryError] = []
    return _build(raw, model, errors), errors


def _build(raw: RawRecord, model: type[Record], errors: list[StoryError]) -> Record | None:
    label = _label(raw)
    if not isinstance(raw.data, dict):
        errors.append(StoryError(raw.where, f"{label} must be a mapping of fields"))
        return None
    try:
        return model.model_validate(raw.data).placed(raw.where)
    except ValidationError as exc:
        errors.extend(_explain(raw, label, model, problem) for problem in exc.errors())
        return None


def _label(raw: RawRecord) -> str:
    ident = raw.data.get("id") if isinstance(raw.data, dict) else None
    return f"{raw.kind} '{ident}'" if isinstance(ident, str) and ident else raw.kind


def _explain(raw: RawRecord, label: str, model: type[Record], problem: dict[str, Any]) -> StoryError:
    """A pydantic error, said the way an editor would say it, at the line of the field."""
    loc = _written_path(raw.data, problem["loc"])
    where = Location(raw.where.path, raw.line_of(loc))
    name = ".".join(str(part) for part in loc)
    kind = problem["type"]
    if kind == "extra_forbidden":
        choices = _field_names(model, loc)
        return StoryError(where, f"{label} has unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), choices)}")
    if kind == "missing":
        return StoryError(where, f"{label} is missing required field '{name}'")
    message = _friendly(problem) or problem["msg"].removeprefix("Value error, ")
    got = _got(problem)
    return StoryError(where, f"{label}: field '{name}': {message}{'' if got[7:-1] in message else got}")


# pydantic's wording, replaced where an editor needs to know how to write the value instead
_FRIENDLY = {
    "string_too_short": "must not be empty",
    "string_type": "must be text",
    "list_type": "must be a list, like [a, b]",
    "too_short": "must list at least one",
}
_PATTERNS = {
    ID_PATTERN: "must be an id: lowercase ASCII letters, digits and single hyphens, like 'dmitry-peskov'",
    TIME_PATTERN: "must be a time written HH:MM (24-hour), in quotes",
    LANGUAGE_PATTERN: "must be a language code such as 'ru', 'uk' or 'pt-BR'",
}


def _friendly(problem: dict[str, Any]) -> str | None:
    kind = problem["type"]
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(problem.get("ctx", {}).get("pattern"))
    if kind.startswith("date"):
        return "must be a real date written YYYY-MM-DD"
    return _FRIENDLY.get(kind)


def _written_path(data: Any, loc: tuple) -> tuple:
    """The part of pydantic's error path that the editor wrote: keys and indexes found in the data.

    pydantic also puts validator names (`function-after[...]`, `str`) into paths; they are skipped.
    The last part is kept even when absent, since that is how a missing field is named."""
    path, here = [], data
    for i, part in enumerate(loc):
        if isinstance(here, dict) and part in here:
            path.append(part)
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            path.append(part)
            here = here[part]
        elif i == len(loc) - 1 and isinstance(part, (str, int)) and not _is_validator_name(part):
            path.append(part)
    return tuple(path)


def _is_validator_name(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part and part.endswith("]") and "-" in part or part in ("str",))


def _field_names(model: type[Record], loc: tuple) -> list[str]:
    """The fields allowed where an unknown one was written: the record's, or a quote's or verdict's."""
    target = {"quotes": Quote, "verdict": Verdict, "corrections": Correction}.get(loc[0], model) if len(loc) > 1 else model
    return list(target.model_fields)


def _got(problem: dict[str, Any]) -> str:
    value = problem.get("input")
    if isinstance(value, (dict, list)) or value is None:
        return ""
    text = repr(value) if not isinstance(value, str) else f"'{_visible(value)}'"
    return f" (got {text[:60]}{'...' if len(text) > 60 else ''})"


def _visible(text: str) -> str:
    """Control characters written as \\xNN, so an error message shows what is there."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _add_story_info(checked: Checked, info: StoryInfo, errors: list[StoryError]) -> None:
    if checked.info is not None:
        errors.append(StoryError(info.where, f"a second 'story' section (the first is at {checked.info.where})"))
    else:
        checked.info = info


def _add_entity(checked: Checked, raw_by_id: dict[str, RawRecord], raw: RawRecord, entity: Entity,
                errors: list[StoryError]) -> None:
    first = checked.entities.get(entity.id)
    if first is not None:
        errors.append(StoryError(raw.where, f"duplicate id '{entity.id}': {kind_of(first).name} '{entity.id}' "
                                            f"is already defined at {first.where}"))
        return
    checked.entities[entity.id] = entity
    raw_by_id[entity.id] = raw


def _check_references(entity: Entity, raw: RawRecord, entities: dict[str, Entity], broken: set[str],
                      errors: list[StoryError]) -> None:
    seen: set[tuple[str, str]] = set()
    kind = kind_of(entity)
    label = f"{kind.name} '{entity.id}'"
    for name, path, target in references(entity):
        where = Location(raw.where.path, raw.line_of(path))
        if target == entity.id:
            errors.append(StoryError(where, f"{label} names itself in '{name}'"))
        elif (name, target) in seen and name != "quotes.source":
            errors.append(StoryError(where, f"{label} lists '{target}' twice in '{name}'"))
        else:
            _check_target(label, name, target, kind.references[name], where, entities, broken, errors)
        seen.add((name, target))


def _check_target(label: str, name: str, target: str, allowed: tuple[str, ...], where: Location,
                  entities: dict[str, Entity], broken: set[str], errors: list[StoryError],
                  wanted: str = "") -> None:
    """`target`, named by `label` in its field `name`, must be an entity of one of the `allowed` kinds
    (`wanted` says them in words, by default 'actor or event')."""
    found = entities.get(target)
    wanted = wanted or " or ".join(allowed)
    if found is None and target in broken:
        return  # its own errors (or its file's) are reported where it is written
    if found is None:
        choices = [i for i, e in entities.items() if kind_of(e).name in allowed]
        errors.append(StoryError(where, f"{label} names unknown {wanted} '{target}' in '{name}'"
                                        f"{did_you_mean(target, choices)}"))
    elif kind_of(found).name not in allowed:
        errors.append(StoryError(where, f"{label} names '{target}' in '{name}', which is "
                                        f"{_a(kind_of(found).name)}, not {_a(wanted)}"))


FEATURED = ("actor", "claim")  # what the home page can feature


def _check_story_references(info: StoryInfo, raw: RawRecord, entities: dict[str, Entity], broken: set[str],
                            errors: list[StoryError]) -> None:
    """The ids the story section names: featured actors and claims, and corrected records of any kind."""
    every = tuple(k.name for k in KINDS)
    named = [("featured", ("featured", i), target, FEATURED, "") for i, target in enumerate(info.featured)]
    named += [("corrections.records", ("corrections", i, "records", j), target, every, "record")
              for i, correction in enumerate(info.corrections) for j, target in enumerate(correction.records)]
    for name, path, target, allowed, wanted in named:
        where = Location(raw.where.path, raw.line_of(path))
        _check_target("story", name, target, allowed, where, entities, broken, errors, wanted)


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _read_texts(checked: Checked, raw_by_id: dict[str, RawRecord], errors: list[StoryError],
                data_dir: Path | None, staged: Staged, reuse: Reuse | _Fresh) -> None:
    for entity in checked.entities.values():
        if isinstance(entity, Source) and entity.text_file:
            raw = raw_by_id[entity.id]
            path = raw.where.path.parent / entity.text_file
            text = reuse.text(path, lambda: _source_text(path, data_dir or raw.where.path.parent, staged))
            if isinstance(text, ValueError):
                where = Location(raw.where.path, raw.line_of(("text_file",)))
                errors.append(StoryError(where, f"source '{entity.id}': text_file: {text}"))
            else:
                checked.texts[entity.id] = text


def _source_text(path: Path, data_dir: Path, staged: Staged) -> str | ValueError:
    try:
        return read_source_text(path, data_dir, staged)
    except ValueError as exc:
        return exc


def _verify_quotes(checked: Checked, raw_by_id: dict[str, RawRecord], errors: list[StoryError],
                   reuse: Reuse | _Fresh) -> None:
    """Every quote must stand verbatim in each source text it is checked against."""
    for entity in checked.entities.values():
        if not isinstance(entity, Claim):
            continue
        for i, quote in enumerate(entity.quotes):
            for source_id in _texts_for(entity, quote.source, checked):
                text = checked.texts[source_id]
                mismatch = reuse.quote(quote.text, text, lambda: quote_check.find(quote.text, text))
                if mismatch is None:
                    checked.quotes_verified += 1
                    continue
                raw = raw_by_id[entity.id]
                where = Location(raw.where.path, raw.line_of(("quotes", i)))
                errors.append(StoryError(where, f"claim '{entity.id}': quote {i + 1} is not in the text of "
                                                f"source '{source_id}'; closest passage: \"{mismatch}\""))


def _texts_for(claim: Claim, named: str | None, checked: Checked) -> list[str]:
    candidates = [named] if named else [claim.venue, *claim.reported_by]
    return [s for s in dict.fromkeys(candidates) if s in checked.texts]

