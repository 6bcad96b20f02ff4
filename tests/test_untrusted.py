"""Data that reaches outside the story (issue 19): source texts stay in the data folder, are regular
files and are read with a limit; quote matching is bounded; invisible and bidi-control text is refused."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from conftest import CASES, ROOT, errors_after
from explainer import StoryInvalid, load_story

SMALL = CASES / "render" / "small" / "data"
KEPT = "texts/vision-times-2023-05-05.txt"
ARTICLE = "vision-times-2023-05-05.yml"


def with_text_file(tmp_path, text_file: str) -> str:
    """The default story with its article's `text_file` set to `text_file`: the errors it gives."""
    return errors_after(tmp_path, ROOT / "data", ARTICLE, f"text_file: {KEPT}", f"text_file: {text_file}")


@pytest.mark.parametrize("target", ["../../etc/passwd", "/etc/passwd", "/proc/self/environ"])
def test_a_source_text_outside_the_data_folder_is_refused_without_showing_it(tmp_path, target):
    report = with_text_file(tmp_path, target)
    assert "text_file: must be a file inside the data folder" in report
    assert "root:" not in report and "PATH=" not in report


def test_a_link_out_of_the_data_folder_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("password=hunter2 We know very well")
    (tmp_path / "links").mkdir()
    os.symlink(tmp_path / "secret.txt", tmp_path / "links" / "link.txt")
    report = with_text_file(tmp_path, str(tmp_path / "links" / "link.txt"))
    assert "must be a file inside the data folder" in report and "hunter2" not in report


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_no_text_and_is_not_read(tmp_path, device):
    started = time.monotonic()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    os.symlink(device, tmp_path / "data" / "texts" / "device.txt")
    story = tmp_path / "data" / "vision-times-2023-05-05.yml"
    story.write_text(story.read_text(encoding="utf-8").replace(KEPT, "texts/device.txt"), encoding="utf-8")
    with pytest.raises(StoryInvalid) as raised:
        load_story(tmp_path / "data")
    assert time.monotonic() - started < 10
    # a link inside the data folder to a device resolves outside it; a device there would be no regular file
    assert "must be a file inside the data folder" in raised.value.report()


def test_uppercase_yaml_names_are_read(tmp_path):
    shutil.copytree(SMALL, tmp_path / "data")
    (tmp_path / "data" / "story.yml").rename(tmp_path / "data" / "STORY.YML")
    assert load_story(tmp_path / "data").claims


def test_a_fifo_in_the_data_folder_is_refused_without_blocking(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    os.mkfifo(tmp_path / "data" / "texts" / "pipe.txt")
    story = tmp_path / "data" / "vision-times-2023-05-05.yml"
    story.write_text(story.read_text(encoding="utf-8").replace(KEPT, "texts/pipe.txt"), encoding="utf-8")
    with pytest.raises(StoryInvalid) as raised:
        load_story(tmp_path / "data")
    assert "text_file: not a regular file" in raised.value.report()


def test_a_misquote_against_a_long_text_is_answered_without_a_hang():
    """`closest` once compared a quote with the whole text (quadratic: 190 s for 2,000 characters against
    4.9 MB). It now looks around the quote's words; this guards against a hang, it is no speed goal."""
    import random
    from explainer.story.quotes import find
    words = (ROOT / "data" / KEPT).read_text(encoding="utf-8").split()
    rng = random.Random(1)
    text = " ".join(rng.choice(words) for _ in range(800_000))
    quote = " ".join(rng.choice(words) for _ in range(400))[:2000] + " zzqx"
    started = time.monotonic()
    passage = find(quote, text)
    assert passage and len(passage) <= 203
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("name, message", [
    ("\u200b\u200b", "must not be empty"),                       # zero-width spaces only
    ("Ali \u202eevil", "invisible control character U+202E"),    # shown reversed on screen
])
def test_invisible_or_reversing_names_are_refused(tmp_path, name, message):
    assert message in errors_after(tmp_path, SMALL, "story.yml", "name: Alpha Minister", f'name: "{name}"')


def test_a_quote_of_nothing_but_elision_marks_is_refused(tmp_path):
    report = errors_after(tmp_path, ROOT / "data", ARTICLE, '- "knew"', '- "[...]"')
    assert "a quote must have words besides its elision marks" in report


@pytest.mark.slow  # seconds of its own: the full suite runs it, the fast loop leaves it out
def test_a_data_file_name_is_shown_as_text_never_as_a_link(tmp_path):
    """The "Made from" note names the data file: a name written like a Markdown link stays text."""
    from conftest import make_site, mkdocs_build
    from sitecheck import Site
    project = make_site(tmp_path, ROOT / "data")
    (project / "data" / "actors.yml").rename(project / "data" / "[x](javascript:alert(1)).yml")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("      data_dir: data\n", "      data_dir: data\n      editors: true\n"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = Site(project / "site").page("actors/dmitry-peskov/")
    note = page.select_one(".explainer-origin")
    assert "data/[x](javascript:alert(1)).yml, line 28" in note.get_text()
    assert not [a for a in page.select("a[href]") if a["href"].lower().startswith("javascript")]


@pytest.mark.parametrize("written", ["schema.json", "data/story.json", "actors.md", "actors/dmitry-peskov/index.md"])
def test_a_hand_written_file_a_generated_one_would_replace_stops_the_build(tmp_path, written):
    from conftest import make_site, mkdocs_build
    project = make_site(tmp_path, ROOT / "data")
    (project / "docs" / written).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / written).write_text("mine\n")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert f"docs/{written} would be published at" in result.stderr and "Traceback" not in result.stderr
    assert (project / "docs" / written).read_text() == "mine\n"


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "right/UTC"])
def test_time_zones_that_depend_on_the_machine_are_refused(zone):
    import datetime as dt
    from pydantic import ValidationError
    from explainer.story.model import Event
    with pytest.raises(ValidationError, match="unknown time zone"):
        Event(id="e", title="t", date=dt.date(2023, 5, 3), time="10:00", timezone=zone)


def test_an_error_stays_on_one_line_whatever_the_file_name_or_id(tmp_path, in_dir):
    shutil.copytree(SMALL, tmp_path / "data")
    (tmp_path / "data" / "two\nlines\u202e.yml").write_text("actors:\n  - id: \"bad\\nid\"\n    name: X\n    kind: person\n")
    in_dir(tmp_path)
    with pytest.raises(StoryInvalid) as raised:
        load_story(tmp_path / "data")
    report = raised.value.report()
    line = next(line for line in report.splitlines() if "two" in line)
    assert line.startswith("data/two\\nlines\\u202e.yml:2: ") and "bad\\nid" in line
    assert len(report.splitlines()) == len(raised.value.errors)
