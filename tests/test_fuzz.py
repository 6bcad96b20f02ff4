"""Property-based tests of bad input: thousands of data folders, valid ones and ones mutated the
way people and scripts break YAML. Each must end in a story that renders, or in a list of
`file:line: message` errors: never a traceback, never a hang."""

from __future__ import annotations

import copy
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from explainer import StoryInvalid, load_story
from explainer.site.render import render_pages

BASE = {
    "story": {"title": "T", "summary": "S"},
    "actors": [{"id": "a", "name": "Alpha", "kind": "person", "aliases": ["Al"], "affiliation": "g"},
               {"id": "g", "name": "Gov", "kind": "government"}],
    "sources": [{"id": "s", "kind": "article", "title": "Article", "publisher": "g", "date": "2024-01-02",
                 "url": "https://example.org/a"}],
    "events": [{"id": "e", "title": "Event", "date": "2024-01-01", "time": "10:00", "timezone": "Europe/Kyiv",
                "actors": ["a"], "sources": ["s"]}],
    "claims": [{"id": "c1", "claimant": "a", "date": "2024-01-02", "summary": "Said it.", "quotes": ["Words"],
                "venue": "s", "about": ["e"]},
               {"id": "c2", "claimant": "g", "summary": "Denied it.", "reported_by": ["s"], "denies": ["c1"],
                "verdict": {"rating": "False", "reviewer": "a"}}],
}
SECTIONS = ["actors", "sources", "events", "claims"]
JUNK_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                        st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                                                   max_size=2))
RAW_SNIPPETS = ["&a x\n", "*a\n", "!!python/object/apply:os.system ['true']\n", "!!binary aGk=\n", "!custom x\n",
                "\t- tab\n", "key: [unclosed\n", "? complex\n: key\n", "<<: *a\n", "a: 1\na: 2\n", "---\n---\n",
                "%YAML 1.1\n---\n", "'\n", "\"\\u\"\n", "- " * 200 + "x\n", "[" * 300 + "]" * 300 + "\n"]


def mutate(data: dict, draw) -> dict:
    data = copy.deepcopy(data)
    section = draw(st.sampled_from(SECTIONS))
    records = data[section]
    record = records[draw(st.integers(0, len(records) - 1))]
    field = draw(st.sampled_from(sorted(record)))
    action = draw(st.sampled_from(["junk", "delete", "unknown", "bad-ref", "duplicate", "huge", "deep", "unicode"]))
    if action == "junk":
        record[field] = draw(JUNK_VALUES)
    elif action == "delete":
        del record[field]
    elif action == "unknown":
        record[draw(st.text(min_size=1, max_size=10))] = draw(JUNK_VALUES)
    elif action == "bad-ref":
        record[field] = draw(st.sampled_from(["zz", "a", "c1", "s", "e", "g", "", "Bad Id", "index"]))
    elif action == "duplicate":
        records.append(copy.deepcopy(record))
    elif action == "huge":
        record[field] = "x" * draw(st.sampled_from([19_999, 20_001, 200_000]))
    elif action == "deep":
        value: object = "x"
        for _ in range(draw(st.integers(10, 80))):
            value = [value]
        record[field] = value
    else:
        record[field] = draw(st.text(min_size=1, max_size=40))
    return data


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (folder / name).write_bytes(content)


def outcome(folder: Path) -> str:
    """'ok' or 'errors'; anything else (an exception) fails the test."""
    try:
        story = load_story(folder)
    except StoryInvalid as invalid:
        assert invalid.errors
        for error in invalid.errors:
            assert re.match(r"^\S.*\.(yml|yaml):\d+: \S", str(error)), str(error)
        return "errors"
    assert render_pages(story).pages
    return "ok"


@st.composite
def data_folders(draw) -> dict[str, bytes]:
    data = BASE
    for _ in range(draw(st.integers(0, 3))):
        data = mutate(data, draw)
    split = draw(st.booleans())
    if split:  # the same story spread over files, in any order
        files = {f"{k}.yml": yaml.safe_dump({k: v}, allow_unicode=True).encode() for k, v in data.items()}
    else:
        files = {"story.yml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()}
    name = draw(st.sampled_from(sorted(files)))
    raw = draw(st.sampled_from(["none", "bom", "bad-utf8", "snippet", "empty", "garbage", "crlf"]))
    text = files[name]
    if raw == "bom":
        text = b"\xef\xbb\xbf" + text
    elif raw == "bad-utf8":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + b"\xff\xfe" + text[at:]
    elif raw == "snippet":
        lines = text.split(b"\n")
        at = draw(st.integers(0, len(lines)))
        text = b"\n".join(lines[:at] + [draw(st.sampled_from(RAW_SNIPPETS)).encode()] + lines[at:])
    elif raw == "empty":
        text = b""
    elif raw == "garbage":
        text = draw(st.binary(max_size=200))
    elif raw == "crlf":
        text = text.replace(b"\n", b"\r\n")
    files[name] = text
    return files


HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


def check(files: dict[str, bytes]) -> str:
    """Write `files` into a fresh folder and load it: 'ok' or 'errors', never anything else."""
    with tempfile.TemporaryDirectory() as tmp:
        write_files(Path(tmp), files)
        return outcome(Path(tmp))


@pytest.mark.slow
@settings(max_examples=1500, deadline=3000, suppress_health_check=HEALTH)
@given(data_folders())
def test_any_data_folder_builds_or_reports_file_and_line(files):
    check(files)


@pytest.mark.slow  # it guards the slow test above, and runs with it
def test_fuzzing_reaches_both_outcomes():
    """The generator is not so destructive that nothing valid is left, nor so mild that nothing breaks
    (which would make the test above pass on nothing); it also runs the checks on 200 folders."""
    counts: Counter[str] = Counter()

    @settings(max_examples=200, deadline=3000, suppress_health_check=HEALTH, database=None, derandomize=True)
    @given(data_folders())
    def collect(files):
        counts[check(files)] += 1

    collect()
    assert counts["ok"] > 10 and counts["errors"] > 60, counts
