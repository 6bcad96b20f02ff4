"""`explainer init`: a new story project that builds and serves at once.

It holds what an editor needs and nothing more: the site's settings, one data file with the story,
an actor and a claim to copy, and an about page. Nothing is written into a folder that has files.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..files import write_atomic
from ..site import urls
from ..story.kinds import KINDS

# Markdown extensions the generated pages are written for (the plugin adds any a site leaves out).
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.escapeall", "pymdownx.superfences"]


def scaffold(folder: Path, title: str) -> list[Path]:
    """Write a new project into `folder` (new or empty); return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} is not an empty folder; nothing was written")
    files = {"mkdocs.yml": _settings(title), "data/story.yml": _story(title), "docs/about.md": ABOUT,
             ".gitignore": "site/\n"}
    written = []
    for name, text in files.items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written


def _settings(title: str) -> str:
    nav = [{"Home": urls.HOME}, *({k.title: urls.index_page(k)} for k in KINDS),
           {"Timeline": urls.TIMELINE}, {"Tags": urls.TAGS}, {"About": "about.md"}]
    lines = [f"site_name: {_quoted(title)}", "docs_dir: docs", "",
             "theme:", "  name: material", "  font: false   # no Google Fonts: the site makes no third-party request",
             "  palette:",
             '    - media: "(prefers-color-scheme: light)"', "      scheme: default",
             "      toggle: {icon: material/weather-night, name: Dark mode}",
             '    - media: "(prefers-color-scheme: dark)"', "      scheme: slate",
             "      toggle: {icon: material/weather-sunny, name: Light mode}", "",
             "plugins:", "  - explainer-search   # search in small pieces, fast on big stories",
             "  - explainer:", "      data_dir: data", "",
             "markdown_extensions:", *(f"  - {name}" for name in EXTENSIONS), "  - toc:", "      permalink: true", "",
             "nav:", *(f"  - {_quoted(label)}: {path}" for entry in nav for label, path in entry.items()), "",
             "validation:", "  omitted_files: warn", "  absolute_links: warn", "  unrecognized_links: warn",
             "  anchors: warn", ""]
    return "\n".join(lines)


def _story(title: str) -> str:
    return f"""# The story's data: any number of YAML files in this folder, sharing ids.
# Every field is described on the site's "Schema reference" page and by `explainer schema`.
story:
  title: {_quoted(title)}
  summary: What happened, who says what about it, and why it is disputed, in one paragraph.

actors:
  - id: jane-doe
    name: Jane Doe
    kind: person            # person, government, agency, organization, media or group
    role: Spokeswoman for the example ministry

claims:
  - id: jane-doe-denies-report
    claimant: jane-doe      # an actor's id
    date: 2026-01-15
    summary: Jane Doe said the report was wrong.
    quotes:
      - "The report is simply wrong"
"""


ABOUT = """# About this site

This site sets out who said what in the story, where and when, and who answered whom. Every
person and organisation, claim, source and event has its own page; [[jane-doe]] is one.

## Who we are

Say who edits this site and who pays for it.

## How we choose and check claims

Say which claims you include and why, and how you check them: each quote is checked against
the kept text of its source (`text_file`) when you keep one.

## Sources policy

Say which sources you use, how you name them, and that each one has a page with its claims.

## Corrections policy

Say how readers report an error and how you correct it: each correction goes into `corrections`
in `data/story.yml`, is listed on the [corrections](corrections.md) page and noted on the page it changed.

## Contact

Say how to reach the editors.
"""


def _quoted(text: str) -> str:
    """Text as a YAML scalar that is always read back as the same text (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)
