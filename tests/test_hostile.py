"""Hostile and unusual content: what quoted people and careless scripts put in text fields is
shown as text, never run; names from every script display as written; builds are
deterministic; writes are atomic; a large synthetic story has no broken link."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
import time
import unicodedata

import pytest
import yaml

from conftest import CASES, ROOT, make_site, mkdocs_build
from explainer import StoryInvalid, load_story
from explainer.files import write_atomic
from explainer.site.render import render_pages
from explainer.editing.synth import synthesize, write as write_story
from sitecheck import Site

PAYLOADS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</script><script>alert(1)</script>",
    "[click](javascript:alert(1))", '<a href="javascript:alert(1)">x</a>', "{{ 7*7 }} {% if true %}jinja{% endif %}",
    '--8<-- "/etc/passwd"', "' onmouseover='alert(1)' x='", "<!-- hidden -->", '<iframe src="data:text/html,x">',
    "![x](data:image/svg+xml,<svg onload=alert(1)>)", "&lt;script&gt;alert(1)&lt;/script&gt;", "`code` **bold** <b>b</b>",
    ":smile: ++ctrl++ ==mark== ~~del~~", "${alert(1)} | a | b |", "<svg/onload=alert(1)>", "\\<script\\>alert(1)",
]
URLS = ['https://example.org/"><script>alert(1)</script>', "https://example.org/?q=<svg/onload=alert(1)>&a='b'"]
TEXT_FIELDS = {"name", "role", "country", "description", "title", "summary", "place", "rating", "text"}


def poison(value, counter=iter(range(10**6))):
    """Every text field of the small story replaced by a payload (ids and references left valid)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in TEXT_FIELDS and isinstance(item, str):
                out[key] = f"{PAYLOADS[next(counter) % len(PAYLOADS)]} ({key})"
            elif key == "time":  # PyYAML read 23:30 as a base-60 number; write it back as the text it was
                out[key] = "23:30"
            elif key == "url":
                out[key] = URLS[next(counter) % len(URLS)]
            elif key in ("aliases", "topics"):
                out[key] = [PAYLOADS[next(counter) % len(PAYLOADS)] for _ in range(3)]
            elif key == "quotes":
                out[key] = [PAYLOADS[next(counter) % len(PAYLOADS)] for _ in item]
            else:
                out[key] = poison(item)
        return out
    if isinstance(value, list):
        return [poison(v) for v in value]
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    data = tmp / "data"
    data.mkdir()
    for path in (CASES / "render" / "small" / "data").glob("*.yml"):
        poisoned = poison(yaml.safe_load(path.read_text()))
        (data / path.name).write_text(yaml.safe_dump(poisoned, allow_unicode=True))
    project = make_site(tmp, data)
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_payloads_are_inert_in_the_html(hostile_site):
    site = Site(hostile_site)
    assert len(site.pages) > 20
    for name, page in site.pages.items():
        for element in page.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (name, element)
            for attr in ("href", "src", "action", "formaction"):
                value = str(element.get(attr, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (name, element)
        assert not page.find_all(["iframe", "object", "embed"]), name
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)
            else:
                assert "alert(" not in script.get_text(), name
                assert not script.get("src") or "/assets/javascripts/" in script["src"] or script["src"].startswith(
                    ("assets/", "../assets/", "../../assets/")), (name, script)
    assert any("{{ 7*7 }} {% if true %}jinja{% endif %}" in p.get_text() for p in site.pages.values())
    assert not any("root:x:0:0" in p.get_text() for p in site.pages.values())


def test_payloads_are_shown_as_written(hostile_site):
    site = Site(hostile_site)
    shown = " ".join(p.select_one("article").get_text() for p in site.pages.values() if p.select_one("article"))
    for payload in PAYLOADS:
        assert payload in shown, payload


@pytest.mark.browser
def test_hostile_pages_in_a_real_browser(hostile_site):
    from playwright.sync_api import sync_playwright
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/"
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--disable-background-networking"])
        page = browser.new_page()
        page.on("dialog", lambda d: (problems.append(f"dialog {d.message}"), d.dismiss()))
        page.on("request", lambda r: r.url.startswith(base) or problems.append(f"request {r.url}"))
        page.on("request", lambda r: r.resource_type != "script" or "/assets/javascripts/" in r.url
                or r.url.startswith(base + "pagefind/") or problems.append(f"script {r.url}"))
        for url in ["", "actors/alpha/", "claims/alpha-accuses-beta/", "sources/gamma-report/", "events/incident/",
                    "actors/", "claims/", "timeline/", "tags/"]:
            page.goto(base + url, wait_until="networkidle")
            # links in text (the diagram's are xlink:href, and an arrow's middle is no place to hover)
            for link in page.locator("article a[href]").all()[:10]:
                link.hover()
        # search results are drawn by script from the index: payloads must come out as text there too
        page.fill(".md-search__input", "alert onerror script")
        page.wait_for_selector("li.md-search-result__item", timeout=10000)
        results = page.locator(".md-search-result__list")
        shown = results.inner_text()
        for link in results.locator("a").all()[:10]:
            link.hover()
        elements = results.evaluate("list => [...list.querySelectorAll('*')].map(e => e.tagName.toLowerCase())")
        browser.close()
    httpd.shutdown()
    assert problems == []
    assert "alert(1)" in shown
    assert set(elements) <= {"li", "a", "article", "div", "h1", "h2", "p", "mark"}


NAMES = {"mbs": "محمد بن سلمان", "xi": "习近平", "zel": "Володимир Зеленський", "acc": "Zelens\u0301kyj Ørsted",
         "emoji": "🇺🇦 Team Ukraine 🚀", "heb": "בנימין נתניהו"}


def test_names_from_every_script_display_as_written(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    actors = [{"id": key, "name": name, "kind": "person", "aliases": [name[::-1]]} for key, name in NAMES.items()]
    claims = [{"id": f"{key}-says", "claimant": key, "summary": f"{name} said something.",
               "quotes": [f"«{name}» — 😀"], "denies": ["zel-says"] if key != "zel" else []} for key, name in NAMES.items()]
    (data / "story.yml").write_text(yaml.safe_dump({"actors": actors, "claims": claims}, allow_unicode=True))
    project = make_site(tmp_path, data)
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    assert mkdocs_build(project).returncode == 0
    site = Site(project / "site")
    for key, name in NAMES.items():
        heading = site.page(f"actors/{key}/").select_one("article h1").get_text().rstrip("¶")
        assert heading == name and unicodedata.is_normalized("NFD", heading) == unicodedata.is_normalized("NFD", name)
    assert site.broken_links() == []


@pytest.mark.slow  # a whole build of its own; the fast loop has others
def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        assert mkdocs_build(ROOT, "--site-dir", str(out)).returncode == 0
    stamped = {"sitemap.xml", "sitemap.xml.gz"}  # MkDocs stamps the build date there
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    different = [f for f in files if f not in stamped and (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []


def test_pages_do_not_depend_on_file_order_or_split(tmp_path):
    story = load_story(ROOT / "data")
    one = tmp_path / "one"
    one.mkdir()
    merged: dict = {}
    for path in sorted((ROOT / "data").glob("*.yml"), reverse=True):
        for section, records in yaml.safe_load(path.read_text()).items():
            merged.setdefault(section, [])
            merged[section] = records + merged[section] if isinstance(records, list) else records
    shutil.copytree(ROOT / "data" / "texts", one / "texts")
    (one / "all.yml").write_text(yaml.safe_dump(merged, allow_unicode=True))

    def strip(pages):  # the "Made from file, line" note names the file, as it should
        return {p: "\n".join(l for l in t.splitlines() if "explainer-origin" not in l) for p, t in pages.items()}
    assert strip(render_pages(load_story(one)).pages) == strip(render_pages(story).pages)


def test_a_crash_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "actors.yml"
    target.write_text("old\n")

    def crash(*args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["actors.yml"]


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.yml", "new\n")
        kept = tmp_path / "kept.yml"
        kept.write_text("old\n")
        kept.chmod(0o640)
        write_atomic(kept, "new\n")
    finally:
        os.umask(old)
    assert (tmp_path / "new.yml").stat().st_mode & 0o777 == 0o644
    assert kept.stat().st_mode & 0o777 == 0o640


def test_alias_bombs_and_oversized_files_fail_fast(tmp_path):
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f'{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]' for p, c in zip("abcdefgh", "bcdefghi")]
    (tmp_path / "bomb.yml").write_text("\n".join(bomb) + "\n")
    (tmp_path / "big.yml").write_text("actors:\n" + "# padding\n" * 600_000)
    start = time.monotonic()
    with pytest.raises(StoryInvalid) as raised:
        load_story(tmp_path)
    assert time.monotonic() - start < 10  # a hang guard, not a speed target
    messages = [str(e) for e in raised.value.errors]
    assert any(m.startswith(f"{tmp_path}/bomb.yml:1: this anchored value is used again through a YAML alias")
               for m in messages), messages
    size = (tmp_path / "big.yml").stat().st_size
    assert any(f"big.yml:1: file is {size:,} bytes; the limit is 5,000,000" in m for m in messages), messages


@pytest.mark.slow
def test_no_broken_link_in_a_1000_claim_story(tmp_path):
    data = tmp_path / "data"
    write_story(data, synthesize(1000, seed=5))
    project = make_site(tmp_path, data)
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    site = Site(project / "site")
    assert len(site.pages) > 1500
    assert site.broken_links() == []
