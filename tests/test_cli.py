"""The `explainer` command, run as an editor runs it."""

from __future__ import annotations

import json
import subprocess

import jsonschema
import pytest
import yaml

from conftest import BIN, CASES, ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "explainer"), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_check_passes_on_the_default_story():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("data: valid; 20 actors, 12 claims, 8 sources, 1 event; "
                             "11 quotes checked against source texts\n")


def test_check_finds_the_data_folder_named_in_mkdocs_yml(tmp_path):
    (tmp_path / "stories" / "one").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "stories" / "one" / "a.yml").write_text("actors:\n  - id: a\n    name: A\n    kind: persn\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n  - explainer:\n"
                                         "      data_dir: stories/one\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("stories/one/a.yml:4: actor 'a': field 'kind': Input should be")
    assert result.stderr.endswith("1 error(s) in stories/one\n")


def test_a_broken_mkdocs_yml_is_a_usage_error_without_traceback(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: nowhere\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "mkdocs.yml" in result.stderr and "nowhere" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "errors").iterdir()))
def test_check_exits_1_on_every_error_case(case):
    from click.testing import CliRunner
    from explainer.cli import main
    folder = CASES / "errors" / case
    result = CliRunner().invoke(main, ["check", "--data", str(folder / "data"), "--config", str(folder / "mkdocs.yml")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert ": " in result.stderr


def test_usage_errors_exit_2():
    assert run("check", "--no-such-option").returncode == 2
    assert run("no-such-command").returncode == 2


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout and "schema" in result.stdout


@pytest.fixture(scope="module")
def schema():
    result = run("schema")
    assert result.returncode == 0
    return json.loads(result.stdout)


def test_schema_accepts_every_default_data_file(schema):
    for path in (ROOT / "data").glob("*.yml"):
        # YAML editors see 2023-05-03 as text, as the schema says; PyYAML makes it a date object
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)


@pytest.mark.parametrize("bad", [
    {"actors": [{"id": "a", "name": "A", "kind": "persn"}]},
    {"actors": [{"id": "a", "name": "A", "kind": "person", "claimnt": "x"}]},
    {"claims": [{"id": "Not An Id", "claimant": "a", "summary": "s"}]},
    {"stories": []},
])
def test_schema_rejects_what_check_rejects(schema, bad):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_schema_to_a_file(tmp_path):
    result = run("schema", "-o", str(tmp_path / "schema.json"))
    assert result.returncode == 0
    assert json.loads((tmp_path / "schema.json").read_text())["title"] == "explainer story data file"


def test_check_finds_broken_entity_links_in_the_docs_with_their_line(tmp_path):
    import shutil
    for name in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs" / "notes.md").write_text("---\ntitle: Notes\n---\n\n# Notes\n\nSee [[dmitry-peskow]], not `[[x]]`.\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "docs/notes.md:7: links to unknown id 'dmitry-peskow' (did you mean 'dmitry-peskov'?)" in result.stderr


def test_a_write_the_file_system_refuses_is_one_line_not_a_traceback(tmp_path):
    import shutil
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "notes").write_text("a file where a folder should be")
    result = run("new", "actor", "--name", "Someone", "--data", "data", "--file", "data/notes/people.yml", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/notes/people.yml: cannot write: Not a directory; no file was left half written" in result.stderr
    (tmp_path / "out").write_text("a file where the export folder should be")
    exported = run("export", "out/site", "--config", str(ROOT / "mkdocs.yml"), cwd=tmp_path)
    assert exported.returncode == 1 and "Traceback" not in exported.stderr and "cannot write" in exported.stderr


def test_check_reports_what_an_interrupted_write_left_behind(tmp_path):
    import shutil
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / ".actors.yml.k3j9.tmp").write_text("actors:\n  - id: half")
    result = run("check", "--data", "data", cwd=tmp_path)
    assert result.returncode == 0
    assert "data/.actors.yml.k3j9.tmp: left by an interrupted write (the file beside it is whole); delete it" in result.stderr
