"""`mkdocs serve` as an editor uses it: a change in data/ shows up over HTTP without a restart,
and a broken save keeps the last good site until it is fixed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import BIN, ROOT, make_site, mkdocs_build

pytestmark = pytest.mark.slow  # real `mkdocs serve` processes, waited on

PAGE = "actors/dmitry-peskov/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout: float = 20.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if condition():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def served(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                               stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Kremlin spokesman" in fetch(url + PAGE), timeout=60)
        yield project, url, tmp_path / "serve.log"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_data_change_appears_and_broken_save_keeps_last_good_site(served):
    project, url, log = served
    actors = project / "data" / "actors.yml"
    original = actors.read_text(encoding="utf-8")

    actors.write_text(original.replace("role: Kremlin spokesman", "role: Kremlin press secretary"), encoding="utf-8")
    seconds = wait_for(lambda: "Kremlin press secretary" in fetch(url + PAGE))
    assert seconds < 15

    actors.write_text(original.replace("role: Kremlin spokesman", "role: [unclosed"), encoding="utf-8")
    wait_for(lambda: "still showing the last good version" in log.read_text())
    assert "data/actors.yml:" in log.read_text() and "Traceback" not in log.read_text()
    assert "Kremlin press secretary" in fetch(url + PAGE)

    actors.write_text(original.replace("role: Kremlin spokesman", "role: Spokesman of the Kremlin"), encoding="utf-8")
    wait_for(lambda: "Spokesman of the Kremlin" in fetch(url + PAGE))


def test_prose_change_appears(served):
    project, url, _ = served
    prose = project / "docs" / "actors" / "dmitry-peskov.md"
    prose.parent.mkdir(exist_ok=True)
    prose.write_text("A paragraph an editor just wrote about [[john-kirby]].\n", encoding="utf-8")
    wait_for(lambda: "A paragraph an editor just wrote" in fetch(url + PAGE))
    assert 'href="../john-kirby/"' in fetch(url + PAGE)


REBUILD = """
import json, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

def pages():
    # 404.html is the theme's own page, which MkDocs writes on every build
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html") if p.name != "404.html"}

site = Path(sys.argv[1])
actors = Path("data/actors.yml")
steps = [("first", None), ("same data", None),
         ("one role", ("role: Kremlin spokesman", "role: Kremlin press secretary")),
         ("mkdocs.yml", None)]
seen = {}
for name, change in steps:
    if change:
        actors.write_text(actors.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    if name == "mkdocs.yml":
        Path("mkdocs.yml").write_text(Path("mkdocs.yml").read_text() + "\\n# touched\\n")
    config = load_config("mkdocs.yml", site_dir=str(site))  # as `mkdocs serve` does before each rebuild
    if name == "first":
        config.plugins.on_startup(command="serve", dirty=True)
    before = pages()
    time.sleep(0.01)
    build(config, dirty=True)
    seen[name] = sorted(p for p, t in pages().items() if before.get(p) != t)
print(json.dumps(seen))
"""


def _run(script: str, project: Path, *args) -> object:
    """What `script` prints (JSON), run in `project` with `args`, as `mkdocs serve` would run its builds."""
    done = subprocess.run([str(BIN / "python"), "-c", script, *map(str, args)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_dirty_rebuild_rewrites_only_the_pages_whose_text_changed(tmp_path):
    """`mkdocs serve --dirty`: one changed role rewrites the pages showing it, not the whole site."""
    project = make_site(tmp_path, ROOT / "data")
    seen = _run(REBUILD, project, tmp_path / "site")
    assert len(seen["first"]) > 60
    assert seen["same data"] == []
    # the actor's page, the pages listing actors with their roles, and his claim's page (its attribution
    # line gives the role); nothing else
    assert "actors/dmitry-peskov/index.html" in seen["one role"]
    assert 1 <= len(seen["one role"]) <= 8, seen["one role"]
    assert "claims/kirby-calls-claim-ludicrous/index.html" not in seen["one role"]
    assert len(seen["mkdocs.yml"]) == len(seen["first"])  # settings changed: every page again


LATER = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site = Path(sys.argv[1])
actors = Path("data/actors.yml")
seen = []
for step, change in [("first", None), ("one role", ("role: Kremlin spokesman", "role: Kremlin press secretary"))]:
    if change:
        actors.write_text(actors.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    config = load_config("mkdocs.yml", site_dir=str(site))
    if step == "first":
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    config.plugins.on_shutdown()  # as serve does when it stops: the downloads, written meanwhile, are there
    seen.append([a["role"] for a in json.loads((site / "data/story.json").read_text())["actors"] if a["id"] == "dmitry-peskov"])
print(json.dumps(seen))
"""


def test_in_preview_the_downloads_follow_an_edit_just_after_the_page(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    assert _run(LATER, project, tmp_path / "site") == [["Kremlin spokesman"], ["Kremlin press secretary"]]


GONE = """
import gzip, json, re, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, search = Path(sys.argv[1]), sys.argv[2]
if search == "material":
    Path("mkdocs.yml").write_text(Path("mkdocs.yml").read_text().replace("  - explainer-search", "  - search"))
actors = Path("data/actors.yml")
original = actors.read_text(encoding="utf-8")
loners = "".join(f"\\n  - id: {id}\\n    name: {id.title()}\\n    kind: person\\n" for id in ("loner-a", "loner-b"))

def indexed():
    # where the search index leads: headings' addresses (Material), pages' addresses (Pagefind)
    if search == "material":
        return [d["location"] for d in json.loads((site / "search/search_index.json").read_text())["docs"]]
    urls = []
    for name in json.loads((site / "pagefind" / "bundles.json").read_text()):
        bundle = site / "pagefind" / name  # the fragments (one a page) its index names, not those left from before
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        meta = gzip.decompress((bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta").read_bytes())
        fragments = [bundle / "fragment" / f"{n.decode()}.pf_fragment" for n in set(re.findall(rb"en_[0-9a-f]{7}", meta))]
        urls += [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])["url"].lstrip("/")
                 for f in fragments if f.exists()]
    return [url for url in urls if url != "404.html"]  # the theme's page, not one of the site's

def state():
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    return {"pages": pages, "folders": sorted(p.relative_to(site).as_posix() for p in (site / "actors").iterdir()),
            "indexed": indexed()}

later = loners.replace("loner-b", "loner-c").replace("  - id: loner-a\\n    name: Loner-A\\n    kind: person\\n", "")
seen = {}
for step, text in [("first", original.replace("actors:\\n", "actors:" + loners, 1)),
                   ("gone", original.replace("actors:\\n", "actors:" + later, 1))]:
    actors.write_text(text, encoding="utf-8")
    if step == "gone":  # a hand-written page now published where a generated one was: it stays
        Path("docs/actors/loner-a").mkdir(parents=True)
        Path("docs/actors/loner-a/index.md").write_text("# Written by hand\\n")
    config = load_config("mkdocs.yml", site_dir=str(site))
    if step == "first":
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    indexer = config.plugins.get("explainer-search")
    if indexer is not None and indexer.indexing is not None:  # the index the preview makes after each build
        indexer.indexing.join()
    seen[step] = state()
print(json.dumps(seen))
"""


@pytest.mark.parametrize("search", ["pagefind", "material"])
def test_a_dirty_rebuild_takes_away_the_pages_of_deleted_and_renamed_entities(tmp_path, search):
    """`mkdocs serve --dirty` cleans nothing: the page of an actor deleted (loner-a) or renamed (loner-b to
    loner-c) is removed with its folder, and the search index lists exactly the pages there are."""
    project = make_site(tmp_path, ROOT / "data")
    first, gone = _run(GONE, project, tmp_path / "site", search).values()
    assert {"actors/loner-a/index.html", "actors/loner-b/index.html"} <= set(first["pages"])
    assert "actors/loner-b/index.html" not in gone["pages"] and "loner-b" not in gone["folders"]
    assert "actors/loner-c/index.html" in gone["pages"]
    assert "actors/loner-a/index.html" in gone["pages"]  # now the hand-written page
    assert set(gone["pages"]) == set(first["pages"]) - {"actors/loner-b/index.html"} | {"actors/loner-c/index.html"}
    for built in (first, gone):
        assert len(built["indexed"]) == len(set(built["indexed"]))  # nothing listed twice
        assert {url.split("#")[0] for url in built["indexed"]} == {page.removesuffix("index.html")
                                                                   for page in built["pages"]}
    assert "actors/loner-b/" not in gone["indexed"] and "actors/loner-c/" in gone["indexed"]


@pytest.mark.slow
def test_a_dirty_rebuild_leaves_no_search_fragment_of_a_page_gone(tmp_path):
    project = make_site(tmp_path, ROOT / "data")
    assert mkdocs_build(project).returncode == 0
    stale = project / "site" / "pagefind" / "claims" / "fragment" / "en_gone.pf_fragment"
    stale.write_bytes(b"the words of a page deleted since")
    result = mkdocs_build(project, "--dirty", "--no-strict")  # MkDocs warns about any dirty build
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and (project / "site" / "pagefind" / "claims" / "pagefind-entry.json").is_file()
