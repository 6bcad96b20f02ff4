"""The data format as JSON Schema (for editors' YAML tooling) and as a reference table for the site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ConfigDict, Field, create_model

from .kinds import KINDS, STORY_SECTION
from .model import Quote, StoryInfo, Verdict


def data_file_model() -> type:
    """One YAML file under `data/`: the story section and one list per kind, each optional."""
    sections: dict[str, Any] = {k.section: (list[k.model], Field(default_factory=list)) for k in KINDS}
    return create_model("DataFile", __config__=ConfigDict(extra="forbid", title="explainer story data file"),
                        __doc__="One YAML file under `data/`: any of these sections, each optional. "
                                "Ids are shared by all files.",
                        **{STORY_SECTION: (StoryInfo | None, Field(None, description="The story's headline and "
                                                                                     "summary (in one file only).")),
                           **sections})


def json_schema() -> dict[str, Any]:
    schema = data_file_model().model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class RecordDoc:
    section: str
    title: str
    description: str
    fields: list[FieldDoc]


def schema_reference() -> list[RecordDoc]:
    """Each record type with its fields, read off the same JSON Schema editors get."""
    defs = json_schema()["$defs"]
    enums = {name: spec["enum"] for name, spec in defs.items() if "enum" in spec}
    sections = [(STORY_SECTION, StoryInfo), *((k.section, k.model) for k in KINDS),
                ("claims → quotes", Quote), ("claims → verdict", Verdict)]
    return [_record_doc(section, model.__name__, defs[model.__name__], enums) for section, model in sections]


def _record_doc(section: str, name: str, schema: dict[str, Any], enums: dict[str, list[str]]) -> RecordDoc:
    required = set(schema.get("required", ()))
    fields = [FieldDoc(key, _type_name(spec, enums), key in required, spec.get("description", ""))
              for key, spec in schema["properties"].items()]
    return RecordDoc(section, name, schema.get("description", ""), fields)


def _type_name(spec: dict[str, Any], enums: dict[str, list[str]]) -> str:
    if "anyOf" in spec:
        names = [_type_name(s, enums) for s in spec["anyOf"] if s.get("type") != "null"]
        return " or ".join(names)
    if "$ref" in spec:
        ref = spec["$ref"].rsplit("/", 1)[-1]
        return "one of: " + ", ".join(enums[ref]) if ref in enums else f"{ref.lower()} mapping"
    if spec.get("type") == "array":
        return f"list of {_type_name(spec.get('items', {}), enums)}"
    if spec.get("format") == "date":
        return "date"
    if "pattern" in spec and spec["pattern"].startswith("^[a-z0-9]"):
        return "id"
    return {"string": "text"}.get(spec.get("type", ""), spec.get("type", "value"))
