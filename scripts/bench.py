#!/usr/bin/env python3
"""Benchmark: build synthetic stories with the explainer plugin and, side by side, the same pages
exported as plain Markdown and built by MkDocs without the plugin (the vanilla baseline).

    .venv/bin/python scripts/bench.py                      # N = 1,000 and 10,000 claims, 3 runs each
    .venv/bin/python scripts/bench.py --sizes 200 --runs 1 --no-browser
    .venv/bin/python scripts/bench.py --sizes 1000 --runs 3 --engines --no-browser --out results/engines.json
    .venv/bin/python scripts/bench.py --sizes 30000 --memory --out results/memory-30k.json

With --engines it also times, in the same alternation, the plugin build with ProperDocs and the
exported pages built with Zensical (which runs no third-party plugin, so it has no Pagefind step).

Prints a table and writes the figures as JSON (--out, default bench.json). Timings are the
median of --runs runs, plugin and vanilla builds alternating so machine noise hits both.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

from explainer.site.downloads import downloads
from explainer.story.graph import load_story
from explainer.site.render import render_pages
from explainer.site.urls import not_in_nav
from explainer.editing.synth import ARCHIVE_MAPPING, archive_table, synthesize, write

NOT_IN_NAV = not_in_nav()


def _environment() -> dict[str, str]:
    """The builds' environment: MkDocs' notice about its next version would fill their error output."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_measured(command: list[str], cwd: Path) -> tuple[float, int, float]:
    """(seconds, peak memory in bytes, CPU seconds) of one command: the peak of the memory summed over
    the command and its child processes (the plugin renders in a forked child), sampled every 50 ms, or
    the kernel's peak RSS of the command alone if that is higher; the CPU time (user + system) of the
    command and every child it waited for, which a busy machine does not inflate as it does wall time."""
    env = _environment()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    sampler = threading.Thread(target=_sample_rss, args=(process, peak), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    sampler.join()
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-3000:]}")
    return seconds, max(peak[0], usage.ru_maxrss * 1024), usage.ru_utime + usage.ru_stime


def _sample_rss(process: subprocess.Popen, peak: list[int]) -> None:
    while process.returncode is None and Path(f"/proc/{process.pid}").exists():
        peak[0] = max(peak[0], sum(_rss(pid) for pid in _tree(process.pid)))
        time.sleep(0.05)


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [pid, *[p for child in children for p in _tree(int(child))]]


def _rss(pid: int) -> int:
    """The process's proportional set size: memory it shares with its forked child counts half
    to each, so the sum over the processes is the memory really used."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    line = next((line for line in rollup.splitlines() if line.startswith("Pss:")), "Pss: 0 kB")
    return int(line.split()[1]) * 1024


def memory_phases(claims: int, folder: Path, shape: str) -> dict:
    """Where one plugin build's memory goes, phase by phase: the peak summed over its processes while the
    forked renderer runs, while MkDocs works alone, and while the search indexer runs (with MkDocs' own
    share then), sampled every 100 ms (`--memory`)."""
    project = make_project(folder, claims, shape)
    env = _environment()
    process = subprocess.Popen([str(BIN / "mkdocs"), "build", "-q", "-d", "site"], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks = {"render": 0, "mkdocs_alone": 0, "indexing": 0, "mkdocs_while_indexing": 0}
    start = time.perf_counter()
    while process.poll() is None:
        pids = _tree(process.pid)
        parent, others = _rss(process.pid), [(pid, _rss(pid)) for pid in pids[1:]]
        total = parent + sum(size for _, size in others)
        indexer = any(b"pagefind" in _command(pid) for pid, _ in others)
        phase = "indexing" if indexer else "render" if others else "mkdocs_alone"
        peaks[phase] = max(peaks[phase], total)
        if indexer:
            peaks["mkdocs_while_indexing"] = max(peaks["mkdocs_while_indexing"], parent)
        time.sleep(0.1)
    if process.returncode != 0:
        raise SystemExit(f"the build of {project} failed")
    return {"claims": claims, "shape": shape, "seconds": time.perf_counter() - start,
            **{f"peak_{phase}_bytes": size for phase, size in peaks.items()}, "peak_bytes": max(peaks.values())}


def _command(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def make_project(folder: Path, claims: int, shape: str = "synthetic") -> Path:
    """A project with the default story's pages and settings and a story of `claims` claims: the synthetic
    story, or a fact-check archive in LIAR's shape imported with `explainer import` (`archive`)."""
    project = folder / f"{shape}-{claims}"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "events" / "kremlin-drone-incident.md").unlink()  # prose of the default story
    if shape == "synthetic":
        write(project / "data", synthesize(claims, seed=1))
        return project
    write(project / "data", {"story.yml": "story:\n  title: A fact-check archive\n  summary: Rated statements.\n"})
    (project / "archive.tsv").write_text(archive_table(claims, seed=1), encoding="utf-8")
    (project / "mapping.yml").write_text(ARCHIVE_MAPPING, encoding="utf-8")
    subprocess.run([str(BIN / "explainer"), "import", "archive.tsv", "--mapping", "mapping.yml"], cwd=project,
                   check=True, capture_output=True)
    return project


def vanilla_config(project: Path) -> None:
    config = (project / "mkdocs.yml").read_text().replace("docs_dir: docs", "docs_dir: exported")
    config = config.replace("  - explainer:\n      data_dir: data\n", "")
    (project / "vanilla.yml").write_text(config + NOT_IN_NAV)
    # Zensical takes its output folder from the configuration only
    (project / "zensical.yml").write_text(config + NOT_IN_NAV + "site_dir: zensical-site\n")


def plugin_share(project: Path) -> float:
    """Seconds of the plugin's own work: load, validate, link, render, data files."""
    start = time.perf_counter()
    story = load_story(project / "data")
    render_pages(story)
    downloads(story)
    return time.perf_counter() - start


def site_figures(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {"html_pages": len(pages), "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            "largest_page": largest.relative_to(site).as_posix(), "largest_page_bytes": largest.stat().st_size,
            "search_index_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser_search(site: Path, queries: dict[str, str]) -> dict:
    """For each query: bytes fetched from page load until the first search result (all of them, and
    those of the search alone), and ms from the last keystroke to the first result."""
    from playwright.sync_api import sync_playwright
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    figures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--disable-background-networking"])
        for name, query in queries.items():
            context = browser.new_context()  # a fresh cache: everything is fetched again
            page = context.new_page()
            sizes: list[tuple[str, int]] = []
            page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])))
            page.goto(f"http://127.0.0.1:{httpd.server_port}/")
            page.click(".md-search__input")
            page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Type')",
                                   timeout=600_000)
            page.keyboard.type(query[:-1])
            start = time.perf_counter()
            page.keyboard.type(query[-1])
            # the first result, as it appears (the list is drawn again as later bundles answer)
            page.wait_for_function("document.querySelector('li.md-search-result__item > a')?.pathname",
                                   timeout=600_000)
            figures[f"search_{name}_ms"] = round((time.perf_counter() - start) * 1000)
            fetched = list(sizes)
            figures[f"search_{name}_bytes"] = sum(size for _, size in fetched)
            figures[f"search_{name}_gzip_bytes"] = sum(_gzipped(site, url) for url, _ in fetched)
            figures[f"search_{name}_search_bytes"] = sum(size for url, size in fetched if "/pagefind/" in url)
            page.wait_for_function(f"document.querySelector('[data-explainer-search]').dataset.answered === "
                                   f"{json.dumps(query)}", timeout=600_000)  # every bundle: the count is final
            # the first result once every bundle has answered: what a reader is shown at rest (read as it first
            # appears, it was the first bundle's best, whichever bundle a loaded machine let answer first)
            figures[f"search_{name}_first_url"] = page.evaluate(
                "document.querySelector('li.md-search-result__item > a')?.pathname")
            figures[f"search_{name}_results"] = int(page.inner_text(".md-search-result__meta").split()[0]
                                                    .replace(",", "") or 0)
            context.close()
        browser.close()
    httpd.shutdown()
    return figures


def _gzipped(site: Path, url: str) -> int:
    """The bytes a server that compresses (gzip, level 6, as nginx and most hosts) sends for `url`."""
    path = urllib.parse.urlsplit(url).path.lstrip("/")
    file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


def serve_latency(project: Path, runs: int) -> dict:
    """Seconds from saving a one-line change in a YAML file to seeing it in the browser, under
    `mkdocs serve --dirty` (what `scripts/dev.py serve` runs); the median of `runs` changes."""
    from playwright.sync_api import sync_playwright
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = _environment()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    actors = project / "data" / "actors.yml"
    original = actors.read_text(encoding="utf-8")
    seconds = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--disable-background-networking"])
            page = browser.new_page()
            _wait_until_served(page, f"http://127.0.0.1:{port}/actors/actor-0/")
            for run in range(runs):
                role = f"Adviser, revision {run}"
                actors.write_text(re.sub(r"(?m)^  role: .*$", f"  role: {role}", original, count=1), encoding="utf-8")
                start = time.perf_counter()
                page.wait_for_function(f"document.body?.innerText.includes({json.dumps(role)})", timeout=300_000)
                seconds.append(time.perf_counter() - start)
                time.sleep(1)  # let the server settle before the next save
            browser.close()
    finally:
        actors.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)
    return {"serve_change_visible_s": statistics.median(seconds)}


SUMMARY = re.compile(r"(?m)^ +summary: (?=[A-Za-z])")  # a claim's summary written plain, on its line


def rebuild_after_edit(project: Path, runs: int) -> dict:
    """`mkdocs build --dirty` after one claim's summary is edited, `runs` times (another claim each time), as
    an editor would run it after a full build: the pages whose answers changed are made again, the others
    are left as the last build wrote them; Pagefind indexes the site again."""
    samples = Samples()
    files = sorted(p for p in (project / "data").glob("*.yml") if p.name != "story.yml")
    for run in range(runs):
        edited = next(f for f in files if SUMMARY.search(f.read_text(encoding="utf-8")))
        text = edited.read_text(encoding="utf-8")
        spots = [m.end() for m in SUMMARY.finditer(text)]
        at = spots[(run + 1) * len(spots) // (runs + 1)]
        edited.write_text(text[:at] + f"Edited {run} " + text[at:], encoding="utf-8")
        seconds, rss, used = run_measured([str(BIN / "mkdocs"), "build", "-q", "--dirty", "-d", "site"], project)
        samples.add("rebuild_s", seconds)
        samples.add("rebuild_cpu_s", used)
    return samples.medians()


def _wait_until_served(page, url: str) -> None:
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if page.goto(url).ok:
                return
        except Exception:  # the server is not listening yet
            pass
        time.sleep(1)
    raise SystemExit(f"mkdocs serve did not serve {url}")


class Samples:
    """What each run measured, by figure name; the medians go in the results."""

    def __init__(self):
        self.times: dict[str, list[float]] = collections.defaultdict(list)
        self.peak = 0

    def add(self, name: str, value: float) -> None:
        self.times[name].append(value)

    def medians(self) -> dict[str, float]:
        return {name: statistics.median(values) for name, values in self.times.items()}


def _alternate(project: Path, runs: int, engines: bool) -> Samples:
    """`runs` builds with the plugin and as many without, alternating, so machine noise hits both."""
    samples = Samples()
    for _ in range(runs):
        seconds, rss, used = run_measured([str(BIN / "mkdocs"), "build", "-q", "-d", "site"], project)
        samples.add("plugin_build_s", seconds)
        samples.add("plugin_cpu_s", used)
        samples.peak = max(samples.peak, rss)
        seconds, _, used = run_measured([str(BIN / "mkdocs"), "build", "-q", "-f", "vanilla.yml", "-d", "vanilla-site"],
                                        project)
        samples.add("vanilla_build_s", seconds)
        samples.add("vanilla_cpu_s", used)
        samples.add("plugin_share_s", plugin_share(project))
        if engines:
            samples.add("properdocs_build_s", run_measured(
                [str(BIN / "properdocs"), "build", "-q", "-f", "mkdocs.yml", "-d", "properdocs-site"], project)[0])
            samples.add("zensical_export_build_s", run_measured(
                [str(BIN / "zensical"), "build", "-c", "-f", "zensical.yml"], project)[0])
    return samples


def _busy_core() -> subprocess.Popen:
    """A process that keeps one core busy (the last), as another job on the machine would."""
    core = max(os.sched_getaffinity(0))
    return subprocess.Popen([sys.executable, "-c", "while True: pass"],
                            preexec_fn=lambda: os.sched_setaffinity(0, {core}))


def bench(claims: int, runs: int, folder: Path, browser: bool, engines: bool = False, shape: str = "synthetic",
          busy: bool = False) -> dict:
    project = make_project(folder, claims, shape)
    subprocess.run([str(BIN / "explainer"), "export", "exported"], cwd=project, check=True, capture_output=True)
    vanilla_config(project)
    load = os.getloadavg()[0]
    hog = _busy_core() if busy else None
    try:
        samples = _alternate(project, runs, engines)
    finally:
        if hog is not None:
            hog.kill()
            hog.wait()
    figures = {"claims": claims, "shape": shape + (", one core busy" if busy else ""), "runs": runs,
               **samples.medians(), "peak_rss_bytes": samples.peak, **site_figures(project / "site")}
    figures.update(rebuild_after_edit(project, runs))
    figures["ratio_rebuild_to_build"] = figures["rebuild_s"] / figures["plugin_build_s"]
    figures["ratio_plugin_to_vanilla"] = figures["plugin_build_s"] / figures["vanilla_build_s"]
    figures["ratio_cpu_plugin_to_vanilla"] = figures["plugin_cpu_s"] / figures["vanilla_cpu_s"]
    figures["load_average"] = round((load + os.getloadavg()[0]) / 2, 2)  # 1-minute, before and after
    figures["s_per_page"] = figures["plugin_build_s"] / figures["html_pages"]
    if browser:
        # a name, as readers search, and a word on more than half of the pages (the slowest kind of query):
        # the archive's busiest speaker and the "Says" that opens its statements, as in LIAR
        story = load_story(project / "data")
        if shape == "synthetic":
            person = next(a for a in story.actors if a.kind.value == "person")
            common = "Minister"
        else:
            person = max(story.actors, key=lambda a: len(story.claims_by(a)))
            common = "Says"
        name = " ".join(person.name.split()[:2])  # "Kora Lumi", as a reader types it, without the number
        figures.update(browser_search(project / "site", {"name": name, "common_word": common}))
        figures["search_name_first_is_the_person"] = figures["search_name_first_url"] == f"/actors/{person.id}/"
        if claims <= 10000 and shape == "synthetic":  # the editor's loop, on the stories it is measured on
            figures.update(serve_latency(project, runs))
    return figures


def table(results: list[dict]) -> str:
    rows = [("claims", "claims", "{:,}"), ("HTML pages", "html_pages", "{:,}"),
            ("build with plugin (s, median)", "plugin_build_s", "{:.1f}"),
            ("vanilla MkDocs build (s, median)", "vanilla_build_s", "{:.1f}"),
            ("plugin / vanilla", "ratio_plugin_to_vanilla", "{:.2f}"),
            ("CPU time (user + system), plugin / vanilla", "ratio_cpu_plugin_to_vanilla", "{:.2f}"),
            ("load average during the runs", "load_average", "{:.2f}"),
            ("ProperDocs build with plugin (s, median)", "properdocs_build_s", "{:.1f}"),
            ("Zensical build of the export, no Pagefind (s, median)", "zensical_export_build_s", "{:.1f}"),
            ("plugin's own work (s)", "plugin_share_s", "{:.2f}"),
            ("plugin's own work, times the size before", "plugin_share_growth", "{:.2f}"), ("seconds per page", "s_per_page", "{:.4f}"),
            ("peak memory, all processes (MB)", "peak_rss_bytes", "{:,.0f}", 1e6),
            ("site on disk (MB)", "site_bytes", "{:,.1f}", 1e6),
            ("largest page (KB)", "largest_page_bytes", "{:,.0f}", 1e3),
            ("search index on disk, all pieces (KB)", "search_index_bytes", "{:,.0f}", 1e3),
            *[row for name, words in (("name", "a name"), ("common_word", "a word on most pages"))
              for row in ((f"search {words}: matching pages", f"search_{name}_results", "{:,}"),
                          (f"search {words}: KB fetched before 1st result, page included", f"search_{name}_bytes",
                           "{:,.0f}", 1e3),
                          (f"search {words}: KB of search files among them", f"search_{name}_search_bytes",
                           "{:,.0f}", 1e3),
                          (f"search {words}: KB as a gzip server sends them, page included",
                           f"search_{name}_gzip_bytes", "{:,.0f}", 1e3),
                          (f"search {words}: ms from last key to 1st result", f"search_{name}_ms", "{:,}"))],
            ("search a name: the person's page first", "search_name_first_is_the_person", "{}"),
            ("serve --dirty: YAML change on screen (s)", "serve_change_visible_s", "{:.1f}"),
            ("build --dirty after a one-claim edit (s, median)", "rebuild_s", "{:.1f}"),
            ("build --dirty after a one-claim edit / full build", "ratio_rebuild_to_build", "{:.2f}")]
    lines = ["| figure | " + " | ".join(f"{r['shape']} {r['claims']:,}" for r in results) + " |",
             "|---|" + "---|" * len(results)]
    for label, key, fmt, *scale in rows:
        cells = [fmt.format(r[key] / scale[0] if scale else r[key]) if key in r else "-" for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def memory_table(results: list[dict]) -> str:
    rows = [("build (s)", "seconds", 1), ("peak, all processes (MB)", "peak_bytes", 1e6),
            ("peak while the renderer runs beside MkDocs (MB)", "peak_render_bytes", 1e6),
            ("peak of MkDocs alone (MB)", "peak_mkdocs_alone_bytes", 1e6),
            ("peak while Pagefind indexes (MB)", "peak_indexing_bytes", 1e6),
            ("MkDocs' share then (MB)", "peak_mkdocs_while_indexing_bytes", 1e6)]
    lines = ["| memory | " + " | ".join(f"{r['shape']} {r['claims']:,}" for r in results) + " |",
             "|---" * (len(results) + 1) + "|"]
    lines += [f"| {label} | " + " | ".join(f"{r[key] / scale:,.0f}" for r in results) + " |" for label, key, scale in rows]
    return "\n".join(lines)


def _grown(results: list[dict]) -> None:
    """The last story's growth over the first and the one before of its shape (`--sizes` in increasing order)."""
    mine = [r for r in results if r["shape"] == results[-1]["shape"]]
    if len(mine) > 1:
        mine[-1]["s_per_page_vs_smallest"] = mine[-1]["s_per_page"] / mine[0]["s_per_page"]
        mine[-1]["plugin_share_growth"] = mine[-1]["plugin_share_s"] / mine[-2]["plugin_share_s"]


def _write(out: Path, results: list[dict]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "commit": _commit(),
                               "results": results}, indent=2) + "\n")


def _commit() -> str | None:
    """The commit of the code measured (None outside a git checkout)."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    except OSError:  # no git
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", nargs="+", choices=["synthetic", "archive"], default=["synthetic", "archive"],
                        help="the synthetic story, and an archive in LIAR's shape imported with explainer import")
    parser.add_argument("--out", type=Path, default=Path("bench.json"))
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--engines", action="store_true", help="also time ProperDocs and Zensical")
    parser.add_argument("--busy", action="store_true", help="keep one core busy with another process meanwhile")
    parser.add_argument("--memory", action="store_true",
                        help="only one plugin build per story, its memory by phase (render, MkDocs, search index)")
    args = parser.parse_args()
    if args.memory:
        with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
            results = [memory_phases(n, Path(tmp), shape) for shape in args.shapes for n in args.sizes]
        _write(args.out, results)
        print(memory_table(results))
        return
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        for shape in args.shapes:
            for n in args.sizes:
                results.append(bench(n, args.runs, Path(tmp), not args.no_browser, args.engines, shape, args.busy))
                _grown(results)
                _write(args.out, results)  # each story's figures as soon as they are known: a long run may be cut
    print(table(results))
    print(f"\nfigures written to {args.out}")


if __name__ == "__main__":
    main()
