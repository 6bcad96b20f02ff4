"""The story as data for readers to reuse: `story.json` and one CSV file per kind of entity.

Values are the ones editors wrote (ids link records); lists are joined with "; " in CSV.
"""

from __future__ import annotations

import csv
import io
import json
from functools import partial
from typing import Any, Callable

from ..story.graph import Story
from ..story.kinds import KINDS, Kind, kind_of
from ..story.model import Entity
from ..story.schema import json_schema
from ..text import json_text
from . import feeds
from .urls import ATOM_FEED, REVIEW_FEED, SCHEMA_JSON, STORY_JSON, absolute, csv_file, entity_page, page_url


def downloads(story: Story, site_url: str | None = None, directory_urls: bool = True) -> dict[str, str]:
    """{site path: text} of every download, and the JSON Schema they follow."""
    return {path: make() for path, make in download_makers(story, site_url, directory_urls).items()}


def download_makers(story: Story, site_url: str | None = None,
                    directory_urls: bool = True) -> dict[str, Callable[[], str]]:
    """{site path: function making its text}, so the texts can be made later or elsewhere."""
    makers = {STORY_JSON: partial(story_json, story),
              SCHEMA_JSON: lambda: json_text(json_schema()),
              ATOM_FEED: partial(feeds.atom, story, site_url, directory_urls),
              REVIEW_FEED: partial(feeds.claim_reviews, story, partial(_address, site_url, directory_urls))}
    makers.update({csv_file(kind): partial(story_csv, story, kind) for kind in KINDS})
    return makers


def _address(site_url: str | None, directory_urls: bool, entity: Entity) -> str:
    """An entity page's address as seen from a file in `data/`."""
    page = entity_page(kind_of(entity), entity.id)
    return absolute(site_url, page, directory_urls) if site_url else "../" + page_url(page, directory_urls)


def story_json(story: Story) -> str:
    data: dict[str, Any] = {"story": story.info.model_dump(mode="json") if story.info else None}
    for kind in KINDS:
        data[kind.section] = [_record(e) for e in story.of_kind(kind.name)]
    return json_text(data) + "\n"


def story_csv(story: Story, kind: Kind) -> str:
    records = [_record(e) for e in story.of_kind(kind.name)]
    columns = list(kind.model.model_fields)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _cell(record.get(k)) for k in columns})
    return out.getvalue()


def _record(entity: Entity) -> dict[str, Any]:
    return entity.model_dump(mode="json", exclude_none=True, exclude_defaults=True) | {"id": entity.id}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return _inert("; ".join(_cell(v) for v in value))
    if isinstance(value, dict):
        return _inert(value.get("text") or json.dumps(value, ensure_ascii=False))
    return _inert(str(value))


def _inert(cell: str) -> str:
    """A spreadsheet would run a cell starting with = + - @ as a formula; a leading ' keeps it text."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
