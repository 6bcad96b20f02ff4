"""The `explainer` command: check, export, extend and describe a story, and print its schema.

Exit codes: 0 when all is well, 1 when the story data has errors, 2 for a usage error
(unknown option, missing folder).

A command imports what only it uses inside its function (the site renderer, the article tagger, the
importers): start-up is a good part of a command's time, and `explainer ingest` need not load the renderer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

import click
from mkdocs.exceptions import Abort, ConfigurationError
from tqdm import tqdm

from .editing.change import ChangeRefused, DataChange, change_data
from .editing.records import LayoutRefused, fresh_id, in_files, line_of, target_file, with_records
from .engine.settings import DEFAULT_DATA_DIR, Settings
from .errors import StoryInvalid, display_path
from .files import apply_export, leftovers, plan_export
from .story.graph import Story, load_story, loose_ends
from .story.kinds import KINDS, kind as kind_named
from .story.loader import is_yaml, yaml_files
from .story.schema import json_schema

if TYPE_CHECKING:
    from .ingest.draft import ArticleInfo, Draft

EXIT_DATA_ERRORS = 1
STATS_SHOWN = 10  # ids of each loose end printed; an archive may have thousands
T = TypeVar("T")

data_option = click.option("--data", "data", type=click.Path(file_okay=False, path_type=Path),
                           help="Folder of the story's YAML files (default: the one named in mkdocs.yml, "
                                "else ./data).")
config_option = click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
                             default=Path("mkdocs.yml"), show_default=True,
                             help="The site's MkDocs configuration, read for the data folder.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="explainer")
def main() -> None:
    """Turn the structured record of a news story into a cross-linked MkDocs site.

    Build or preview the site with `mkdocs build` / `mkdocs serve`; these commands help
    keep the data in `data/` right.
    """


@main.command()
@data_option
@config_option
def check(data: Path | None, config: Path) -> None:
    """Validate the story data and list every error as FILE:LINE: message.

    Exits 0 when the data is valid and 1 when it has errors.
    """
    from .site.links import check_docs

    folder = data or configured_data_dir(config)
    story = _load_or_exit(folder)
    for path in leftovers(folder):
        click.echo(f"{display_path(path)}: left by an interrupted write (the file beside it is whole); "
                   "delete it", err=True)
    docs = _settings(config).docs_dir if config.is_file() else None
    broken = check_docs(docs, story) if docs and docs.is_dir() else []
    if broken:
        click.echo("\n".join(broken), err=True)
        click.echo(f"{len(broken)} broken entity link(s) in {display_path(docs)}", err=True)
        raise SystemExit(EXIT_DATA_ERRORS)
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
    """The data folder `config` names (./data without a configuration file)."""
    return _settings(config).data_dir if config.is_file() else Path(DEFAULT_DATA_DIR)


def _settings(config: Path) -> Settings:
    try:
        return Settings.load(config)
    except (Abort, ConfigurationError) as exc:
        raise click.UsageError(f"{display_path(config)}: {exc}") from None


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", "config", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help="The site's MkDocs configuration.")
def export(folder: Path, config: Path) -> None:
    """Write the site's Markdown (generated pages, hand-written docs, data downloads) into FOLDER.

    The pages can then be read, diffed, reviewed, or built by MkDocs without the plugin.
    FOLDER may not be the project's folder, hold docs/ or the data, or be inside them. A file in FOLDER that this command did
    not write, or that someone changed since, is never overwritten: the export stops and
    lists them (exit 1). Each file is replaced atomically.
    """
    from .editing.export import Export

    site = Export(_settings(config))
    settings = site.settings
    _refuse_export_folder(folder, settings)
    try:
        files = site.files()
    except StoryInvalid as invalid:
        _exit_invalid(invalid, settings.data_dir)
    with _writing(folder):
        plan = plan_export(folder, files)
    if plan.conflicts:
        click.echo("\n".join(f"{display_path(folder / p)}: exists and was not written by explainer export "
                              "(or was changed since); not overwritten" for p in plan.conflicts), err=True)
        click.echo(f"nothing written: {len(plan.conflicts)} file(s) would be overwritten", err=True)
        raise SystemExit(EXIT_DATA_ERRORS)
    with _writing(folder):
        apply_export(folder, plan, files)
    for path in plan.kept:
        click.echo(f"{display_path(folder / path)}: no longer generated, but changed by someone; kept", err=True)
    click.echo(f"{display_path(folder)}: {len(files)} files ({len(plan.write)} written, "
               f"{len(plan.remove)} removed, {len(files) - len(plan.write)} unchanged)")


def _refuse_export_folder(folder: Path, settings: Settings) -> None:
    """An export may not write into what an editor keeps: the project, its docs or its data."""
    target = folder.resolve()
    if target == settings.root.resolve():
        raise click.UsageError(f"refusing to export into {display_path(folder)}: it is the project's own folder")
    for kept, what in ((settings.docs_dir, "the docs folder"), (settings.data_dir, "the data folder")):
        kept = kept.resolve()
        if target == kept or kept in target.parents or target in kept.parents:
            raise click.UsageError(f"refusing to export into {display_path(folder)}: it holds or is inside {what} "
                                   f"{display_path(kept)}; choose a new folder elsewhere")


@main.command()
@data_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(data: Path | None, config: Path, as_json: bool) -> None:
    """Counts, and the loose ends an editor may want to tie up.

    Loose ends: actors who made no claim, claims with no venue and no source, sources no claim
    or event cites, claims nobody answered.
    """
    story = _load_or_exit(data or configured_data_dir(config))
    figures = {"counts": story.count(), "quotes_checked": story.quotes_verified, "loose_ends": loose_ends(story)}
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(story.describe())
    for name, ids in figures["loose_ends"].items():
        shown = ", ".join(ids[:STATS_SHOWN]) or "-"
        more = f", … and {len(ids) - STATS_SHOWN} more (--json lists all)" if len(ids) > STATS_SHOWN else ""
        click.echo(f"{name.replace('_', ' ')} ({len(ids)}): {shown}{more}")


@main.command()
@click.argument("kind", type=click.Choice([k.name for k in KINDS]))
@click.option("--name", "--title", "--summary", "text", required=True,
              help="The actor's name, the source's or event's title, or the claim's summary.")
@click.option("--id", "entity_id", help="The new id (default: made from the text).")
@click.option("--kind", "subkind", help="Actor kind (default person) or source kind (default article).")
@click.option("--claimant", help="Claims: id of the actor who made it (required for claims).")
@click.option("--date", help="Events: the day it happened, YYYY-MM-DD (leave out if unknown).")
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path),
              help="Data file to add to (default: the one with the most records of this kind).")
@data_option
@config_option
def new(kind: str, text: str, entity_id: str | None, subkind: str | None, claimant: str | None, date: str | None,
        file: Path | None, data: Path | None, config: Path) -> None:
    """Add a well-formed KIND record with a fresh id to a data file and print where it is.

    The record is added as new lines: every byte already in the file is kept. Nothing is
    written unless the story validates with the new record (else the errors are listed, exit 1);
    only YAML files inside the data folder are written; one explainer command changes the data at a
    time, and a file saved by someone else meanwhile is never overwritten.
    """
    folder = data or configured_data_dir(config)
    entry = kind_named(kind)
    try:
        fields = entry.new_record(text, subkind, claimant, date)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if file is not None and not is_yaml(file):
        raise click.UsageError(f"--file must name a .yml or .yaml file in the data folder {display_path(folder)}")
    if not folder.is_dir():  # a mistyped --data must not become a new, empty story
        _load_or_exit(folder)

    def add(change: DataChange) -> tuple[Path, int, str]:
        story = _load_or_exit(folder)
        record = {"id": entity_id or fresh_id(text, set(story.by_id), kind), **fields}
        path = file or target_file(story, folder, entry)
        content = with_records(change.current(path), entry.section, [record])
        change.stage(path, content)
        _commit(change, "not added")
        return path, line_of(content, record["id"]), record["id"]

    try:
        path, line, new_id = _changing(folder, add)
    except LayoutRefused as refused:
        click.echo(f"{display_path(file or folder)}: {refused}; choose another --file", err=True)
        raise SystemExit(EXIT_DATA_ERRORS) from None
    click.echo(f"{display_path(path)}:{line}: added {kind} '{new_id}'")


def _changing(folder: Path, make: Callable[[DataChange], T]) -> T:
    """`make` as one safe change of the data folder (see editing/change.py), its refusals in one line."""
    def made(change: DataChange) -> T:
        if change.cleaned:
            click.echo(f"removed {len(change.cleaned)} temporary file(s) an interrupted write left in "
                       f"{display_path(folder)}", err=True)
        return make(change)
    try:
        with _writing(folder):
            return change_data(folder, made)
    except ChangeRefused as refused:
        click.echo(str(refused), err=True)
        raise SystemExit(EXIT_DATA_ERRORS) from None


def _commit(change: DataChange, refusal: str) -> None:
    """Write the change if the story validates with it; else list the errors and exit, nothing written."""
    try:
        change.commit()
    except StoryInvalid as invalid:
        click.echo(invalid.report(), err=True)
        click.echo(f"{refusal}: the story would have {len(invalid.errors)} error(s); nothing was written", err=True)
        raise SystemExit(EXIT_DATA_ERRORS) from None


@contextlib.contextmanager
def _writing(target: Path):
    """A file system that refuses a write (disk full, read-only, a folder where a file should be) is said
    in one line, naming the file, instead of a traceback. Files are replaced atomically, so none is half written."""
    try:
        yield
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else target
        click.echo(f"{display_path(where)}: cannot write: {exc.strerror or exc}; no file was left half written", err=True)
        raise SystemExit(EXIT_DATA_ERRORS) from None


def _load_or_exit(folder: Path) -> Story:
    try:
        return load_story(folder)
    except StoryInvalid as invalid:
        _exit_invalid(invalid, folder)


def _exit_invalid(invalid: StoryInvalid, folder: Path) -> None:
    click.echo(invalid.report(), err=True)
    click.echo(f"{len(invalid.errors)} error(s) in {display_path(folder)}", err=True)
    raise SystemExit(EXIT_DATA_ERRORS) from None


@main.command()
@click.argument("article", type=click.Path(exists=True, path_type=Path))
@click.option("--source-id", help="Id of the article as a source (default: made from the file name).")
@click.option("--into", "data", type=click.Path(file_okay=False, path_type=Path),
              help="Data folder to write the draft into (default: the one named in mkdocs.yml, else ./data).")
@click.option("--merge", is_flag=True, help="Add to the article's data file if it exists already, keeping what "
                                            "is there (records whose ids exist are left out).")
@click.option("--title", help="The article's title (default: found in its first lines).")
@click.option("--author", help="The author's name (default: a byline found under the title).")
@click.option("--publisher", help="Id or name of the outlet that published it.")
@click.option("--date", "published", help="Publication date, YYYY-MM-DD (default: a date line in the article).")
@config_option
def ingest(article: Path, source_id: str | None, data: Path | None, merge: bool, title: str | None,
           author: str | None, publisher: str | None, published: str | None, config: Path) -> None:
    """Draft story data from ARTICLE (a UTF-8 text file, or a folder of .txt files).

    Writes DATA/<source-id>.yml with the article as a source, the actors it quotes and each
    attribution as a claim, and keeps the text in DATA/texts/ so every quote is checked. Each claim
    has a comment saying how confident the finding is and why. Existing files are never changed
    without --merge; if the story would not validate, nothing is written and the errors are listed.
    """
    from .ingest.draft import ArticleInfo

    folder = data or configured_data_dir(config)
    articles = sorted(article.glob("*.txt")) if article.is_dir() else [article]
    if not articles:
        raise click.UsageError(f"no .txt files in {display_path(article)}")
    try:
        info = ArticleInfo(title, author, publisher, dt.date.fromisoformat(published) if published else None)
    except ValueError:
        raise click.UsageError("--date must be YYYY-MM-DD") from None
    if source_id and len(articles) > 1:
        raise click.UsageError("--source-id names one article; a folder's articles get ids from their file names")
    refused: list[ArticleRefused] = []
    if len(articles) > 1:
        info = ArticleInfo(publisher=publisher)  # a title, author or date names one article
    for path in tqdm(articles, desc="ingesting", unit="article", disable=len(articles) == 1, file=sys.stderr):
        try:
            _ingest_one(path, folder, source_id, merge, info)
        except ArticleRefused as refusal:  # one article's trouble does not stop the others
            click.echo(f"{display_path(path)}: {refusal}", err=True)
            refused.append(refusal)
    if refused:
        if len(articles) > 1:
            click.echo(f"{len(refused)} of {len(articles)} articles not drafted", err=True)
        raise SystemExit(max(r.code for r in refused))


class ArticleRefused(Exception):
    """An article that gets no draft, with the exit status that says why."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def _ingest_one(path: Path, folder: Path, source_id: str | None, merge: bool, info: ArticleInfo) -> None:
    from .ingest.draft import DraftRefused, draft, stage_draft, without_controls

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ArticleRefused("not UTF-8 text") from None
    if not text.strip():
        raise ArticleRefused("empty: nothing to draft from")
    text, controls = without_controls(text)
    if controls:
        click.echo(f"{display_path(path)}: left out {len(controls)} invisible control character(s) "
                   f"({', '.join(controls[:3])}{', …' if len(controls) > 3 else ''}), which story data may not "
                   "hold; the copy kept in texts/ is without them", err=True)
    new_id = source_id or fresh_id(path.stem, set(), "source")  # the same article keeps the same id

    def add(change: DataChange) -> Draft:
        story = _load_or_exit(folder) if any(yaml_files(folder)) else None
        made = draft(text, new_id, story, info)
        try:
            stage_draft(made, change, story, merge)
        except (DraftRefused, LayoutRefused) as refused:
            raise ArticleRefused(str(refused)) from None
        try:
            change.commit()
        except StoryInvalid as invalid:
            raise ArticleRefused(f"not written: the story would have {len(invalid.errors)} error(s)\n"
                                 f"{invalid.report()}", EXIT_DATA_ERRORS) from None
        return made

    made = _changing(folder, add)
    claims = made.records["claims"]
    unsure = sum(1 for confidence in made.confidence.values() if confidence < 0.7)
    quotations = made.quotations
    click.echo(f"{display_path(folder / (new_id + '.yml'))}: {len(claims)} claims "
               f"({sum(1 for c in claims if c.get('quotes'))} with quotes, {unsure} to check first), "
               f"{len(made.records['actors'])} new actors, from {display_path(path)}; {quotations} quotation"
               f"{'' if quotations == 1 else 's'}: {quotations - len(made.unattributed)} attributed, "
               f"{len(made.unattributed)} without a speaker{' (listed at the end of the file)' if made.unattributed else ''}")


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="For a CSV or TSV file: the YAML file that says which column holds which field.")
@click.option("--into", "data", type=click.Path(file_okay=False, path_type=Path),
              help="Data folder to import into (default: the one named in mkdocs.yml, else ./data).")
@click.option("--merge", is_flag=True, help="Add to DATA/<name>.yml if it exists, leaving out what the story has.")
@config_option
def import_(file: Path, mapping: Path | None, data: Path | None, merge: bool, config: Path) -> None:
    """Import fact-checked claims from FILE: a ClaimReview feed (.json) or a CSV/TSV table with --mapping.

    Writes DATA/<name>.yml: the speakers (matched against the story's actors by name and alias), the
    reviewers, the places claims appeared, and each claim with its verdict. A row that cannot be
    imported is named with its line and left out (exit 1); the others are written, unless the story
    would not validate with them, in which case nothing is.
    """
    from .importing.batch import Batch
    from .importing.claimreview import import_reviews
    from .importing.table import Mapping, import_rows

    folder = data or configured_data_dir(config)
    table = file.suffix.lower() in (".csv", ".tsv", ".tab")
    if table and mapping is None:
        raise click.UsageError("a CSV or TSV file needs --mapping (see `explainer import --help`)")
    try:
        read_mapping = Mapping.read(mapping) if table else None
    except ValueError as exc:
        raise click.UsageError(f"{display_path(mapping)}: {exc}") from None
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise click.UsageError(f"{display_path(file)}: not UTF-8 text") from None
    target = folder / f"{fresh_id(file.stem, set(), 'import')}.yml"

    def add(change: DataChange) -> Batch:
        written.clear()  # a change redone (an editor saved a file meanwhile) starts afresh
        batch = Batch(_load_or_exit(folder) if any(yaml_files(folder)) else None)
        try:
            if read_mapping:
                import_rows(batch, file, text, read_mapping)
            else:
                import_reviews(batch, file, text)
        except ValueError as exc:  # a feed that is not JSON, a mapping naming columns the file lacks
            raise click.UsageError(f"{display_path(file)}: {exc}") from None
        if change.current(target) is not None and not merge:
            raise click.UsageError(f"{display_path(target)} already exists: add --merge, or rename FILE")
        try:
            files = in_files(target, batch.records, change.current)
        except LayoutRefused as refused:
            click.echo(f"{display_path(target)}: {refused}; nothing was imported", err=True)
            raise SystemExit(EXIT_DATA_ERRORS) from None
        if batch.imported():
            for path, content in files.items():
                change.stage(path, content)
            _commit(change, "not imported")
        written.extend(files)
        return batch

    written: list[Path] = []
    batch = _changing(folder, add)
    for problem in batch.problems:
        click.echo(str(problem), err=True)
    counts = ", ".join(f"{len(records)} {section}" for section, records in batch.records.items())
    names = ", ".join(map(display_path, dict.fromkeys(written))) or display_path(target)
    click.echo(f"{names}: {counts} from {batch.rows} row(s) of {display_path(file)}"
               f"{f'; {len(batch.problems)} not imported' if batch.problems else ''}")
    if batch.problems:
        raise SystemExit(EXIT_DATA_ERRORS)


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--claims", type=click.IntRange(1, 1_000_000), default=1000, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
def synth(folder: Path, claims: int, seed: int) -> None:
    """Write a synthetic story of CLAIMS claims into FOLDER (which must be empty or new).

    For benchmarks and tests: claims/5 actors, claims/3 sources, claims/20 events, a year of
    dates, quotes checked against article texts; the same seed gives the same story.
    """
    from .editing.synth import synthesize, write as write_story

    if folder.exists() and any(folder.iterdir()):
        raise click.UsageError(f"{display_path(folder)} is not empty")
    files = synthesize(claims, seed)
    write_story(folder, files)
    click.echo(f"{display_path(folder)}: {len(files)} files, {claims} claims")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="A new story", show_default=True, help="The story's headline.")
def init(folder: Path, title: str) -> None:
    """Start a new story project in FOLDER (new or empty): mkdocs.yml, data/story.yml with one actor
    and one claim to copy, and docs/ with an about page. It builds and serves at once."""
    from .editing.scaffold import scaffold

    try:
        written = scaffold(folder, title)
    except FileExistsError as exc:
        raise click.UsageError(str(exc)) from None
    for path in written:
        click.echo(f"wrote {display_path(path)}", err=True)
    click.echo(f"{display_path(folder)}: a new story. Next: cd {display_path(folder)} && mkdocs serve")
