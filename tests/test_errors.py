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
