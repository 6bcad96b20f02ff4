"""The `explainer` command: check a story's data and print its schema.

Exit codes: 0 when all is well, 1 when the story data has errors, 2 for a usage error
(unknown option, missing folder).
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from mkdocs.utils.yaml import yaml_load

from .errors import StoryInvalid, display_path
from .graph import load_story
from .schema import json_schema

EXIT_DATA_ERRORS = 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="explainer")
def main() -> None:
    """Turn the structured record of a news story into a cross-linked MkDocs site.

    Build or preview the site with `mkdocs build` / `mkdocs serve`; these commands help
    keep the data in `data/` right.
    """


@main.command()
@click.option("--data", "data", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the story's YAML files (default: the one named in mkdocs.yml, else ./data).")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The site's MkDocs configuration, read for the data folder.")
def check(data: Path | None, config: Path) -> None:
    """Validate the story data and list every error as FILE:LINE: message.

    Exits 0 when the data is valid and 1 when it has errors.
    """
    folder = data or configured_data_dir(config)
    try:
        story = load_story(folder)
    except StoryInvalid as invalid:
        click.echo(invalid.report(), err=True)
        click.echo(f"{len(invalid.errors)} error(s) in {display_path(folder)}", err=True)
        raise SystemExit(EXIT_DATA_ERRORS) from None
    click.echo(f"{display_path(folder)}: valid; {story.describe()}")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the schema to this file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of a data file, for YAML editors' completion and checks."""
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {display_path(output)}", err=True)


def configured_data_dir(config: Path) -> Path:
    """The `data_dir` of the explainer plugin in mkdocs.yml, relative to that file; ./data without one."""
    if not config.is_file():
        return Path("data")
    with config.open("rb") as handle:
        settings = yaml_load(handle) or {}
    for plugin in settings.get("plugins", []) or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("explainer"), dict):
            return config.parent / plugin["explainer"].get("data_dir", "data")
    return config.parent / "data"
