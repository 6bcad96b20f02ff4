"""Golden cases of broken data: each folder under cases/errors/ holds a `data/` and the exact
error lines expected from it (`expected.txt`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import BIN, CASES, assert_golden
from explainer import StoryInvalid, load_story

ERROR_CASES = sorted(p.name for p in (CASES / "errors").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", ERROR_CASES)
def test_error_lines(case, in_dir):
    folder = in_dir(CASES / "errors" / case)
    with pytest.raises(StoryInvalid) as raised:
        load_story(Path("data"))
    assert_golden(raised.value.report() + "\n", folder / "expected.txt")


@pytest.mark.parametrize("case", ERROR_CASES)
def test_every_error_names_a_file_and_line(case, in_dir):
    in_dir(CASES / "errors" / case)
    with pytest.raises(StoryInvalid) as raised:
        load_story(Path("data"))
    for error in raised.value.errors:
        assert str(error).startswith("data/") and error.where.line >= 1


def test_check_command_prints_the_same_errors_and_exits_1(in_dir):
    folder = in_dir(CASES / "errors" / "unknown-reference")
    result = subprocess.run([str(BIN / "explainer"), "check", "--data", "data"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith((folder / "expected.txt").read_text())
    assert "Traceback" not in result.stderr


def test_missing_data_folder_is_an_error(in_dir, tmp_path):
    in_dir(tmp_path)
    with pytest.raises(StoryInvalid) as raised:
        load_story(Path("nowhere"))
    assert [str(e) for e in raised.value.errors] == ["nowhere:1: data folder not found"]


ONE_ROUND = {  # file: [(old, new, the error it must give)], in different records of different files
    "vision-times-2023-05-05.yml": [
        ("claimant: kremlin\n    date: 2023-05-03", "claimant: kremlin\n    date: 2023-02-30", ":56: claim 'kremlin-calls"),
        ("claimant: russia\n", "claimant: rusia\n", "unknown actor 'rusia'"),
        ("We don’t attack Putin or Moscow. We fight", "We do not attack Putin or Moscow. We fight",
         "quote 1 is not in the text"),
    ],
    "events.yml": [("date: 2023-05-03", "date: 3rd of May", "(got '3rd of May')")],
    "actors.yml": [("  - id: vladimir-putin\n", "  - id: vladimir-putin\n    nmae: typo\n", "nmae")],
}


def test_independent_errors_are_all_reported_in_one_round(tmp_path, in_dir):
    import shutil
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", tmp_path / "data")
    for file, edits in ONE_ROUND.items():
        path = tmp_path / "data" / file
        text = path.read_text(encoding="utf-8")
        for old, new, _ in edits:
            assert old in text, f"{file} has no {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "data" / "gone.yml").symlink_to("nowhere.yml")
    (tmp_path / "data" / "broken.yml").write_text("actors: [\n")
    in_dir(tmp_path)
    with pytest.raises(StoryInvalid) as raised:
        load_story(Path("data"))
    report = raised.value.report()
    wanted = [message for edits in ONE_ROUND.values() for *_, message in edits]
    wanted += ["data/gone.yml:1: cannot read: a link to a file that does not exist", "data/broken.yml:2: YAML syntax"]
    assert [m for m in wanted if m not in report] == [], report
