"""The copies of Material's partials that draw Pagefind's search box must follow Material: each names
the digest of the Material file it was made from, and an upgrade that changes that file fails here."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from explainer.engine import search

COPIES = sorted((search.THEME / "partials").glob("*.html"))


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.name)
def test_copied_partials_match_the_installed_material(copy: Path):
    upstream = Path(material.__file__).parent / "templates" / "partials" / copy.name
    recorded = re.search(r"upstream sha256: ([0-9a-f]{64})", copy.read_text(encoding="utf-8"))
    assert recorded, f"{copy.name} does not say which Material file it was copied from"
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == recorded.group(1), (
        f"Material's partials/{copy.name} changed: copy it again into {copy} with explainer's changes")


def test_there_are_copies_to_check():
    assert {p.name for p in COPIES} == {"header.html", "search.html"}
