"""A fact-checker's archive, made up in the shape real ones have (tests/cases/archive/make.py: one hub
speaker with ~180 statements, many with one, statements naming other speakers), imported with
`explainer import`, built, and searched in Chromium: a speaker's name finds their page first."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections import Counter

import pytest
import yaml
from playwright.sync_api import sync_playwright

from conftest import BIN, CASES, ROOT, make_site
from test_browser import CHROMIUM, _Quiet, search

pytestmark = pytest.mark.browser
ARCHIVE = CASES / "archive"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    project = make_site(tmp_path_factory.mktemp("archive"), ARCHIVE / "empty-data", docs=ARCHIVE / "docs")
    table = subprocess.run([sys.executable, str(ARCHIVE / "make.py"), "1200", "3"], capture_output=True, text=True,
                           check=True).stdout
    (project / "archive.tsv").write_text(table)
    subprocess.run([str(BIN / "explainer"), "import", "archive.tsv", "--mapping", str(ARCHIVE / "mapping.yml")],
                   cwd=project, check=True, capture_output=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q"], cwd=project, env=env, check=True)
    claims = yaml.safe_load((project / "data" / "archive.yml").read_text())["claims"]
    return project, Counter(c["claimant"] for c in claims)


@pytest.fixture(scope="module")
def served(archive):
    handler = functools.partial(_Quiet, directory=str(archive[0] / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-background-networking"])
        yield browser.new_page(), f"http://127.0.0.1:{httpd.server_port}/"
        browser.close()
    httpd.shutdown()


def test_the_archive_is_skewed_like_a_real_one(archive):
    counts = archive[1].most_common()
    assert counts[0][0] == "helena-marsh" and counts[0][1] > 150
    assert sum(1 for _, n in counts if n == 1) > 30


@pytest.mark.parametrize("query", ["Helena Marsh", "Marsh", "helena marsh"])
def test_the_hub_speakers_name_finds_her_page_first(served, query):
    page, base = served
    assert search(page, base, query)[0] == "/actors/helena-marsh/"


def test_a_speaker_with_a_few_claims_is_found_first_too(served, archive):
    page, base = served
    speaker = next(who for who, n in archive[1].most_common() if 3 <= n <= 8)
    name = " ".join(word.capitalize() for word in speaker.split("-"))
    assert search(page, base, name)[0] == f"/actors/{speaker}/"
