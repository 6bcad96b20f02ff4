"""Search that stays fast on big stories: Pagefind's chunked index instead of Material's one-file index.

Material's search plugin sends the whole index to the browser before the first result (32 MB for a
10,000-claim story). Pagefind splits it into small pieces fetched per query. This plugin runs Pagefind
over the built site and puts its search box, drawn like Material's, into the theme. It is a plugin of its
own, apart from the story plugin, because it is a site setting: any Material site could use it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

log = get_plugin_logger("explainer-search")

THEME = Path(__file__).parent / "theme"


class SearchConfig(Config):
    root_selector = c.Type(str, default="article.md-content__inner")
    """The part of each page that is indexed: the article, not the navigation around it."""
    exclude_selectors = c.ListOfItems(c.Type(str), default=[".headerlink", "svg", ".explainer-origin",
                                                                   ".explainer-pager", ".explainer-legend",
                                                                   ".explainer-full-list", ".explainer-related"])
    """Parts of the article left out of the index: permalink signs, diagrams, 'Made from' notes, pagers, and
    what lists other pages (a long list's items, a record's related records: each has its page, and the
    list would outrank it)."""
    bundles = c.ListOfItems(c.ListOfItems(c.Type(str)), default=[])
    """Pages indexed apart, each bundle a list of folders (`[actors/, events/]`), in the order their results
    are shown: a query's first results come from a small first bundle while the big ones are still scored.
    Pages in none of the folders go with the first bundle."""
    max_pages = c.Type(int, default=12000)
    """The most pages one Pagefind run indexes: a bundle with more is split, so that the indexer's memory
    (some 50 KB per page) stays bounded however big the site grows."""


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self):
        super().__init__()
        self.serving = False
        self.indexing: threading.Thread | None = None  # the preview's indexer, at work after a build
        self.stopping = threading.Event()  # the preview's indexing is to stop: a newer build needs the site
        self.running: subprocess.Popen | None = None
        self.lock = threading.Lock()  # a run is started, or stopped, not both at once

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "material/search" in config.plugins or "search" in config.plugins:
            raise PluginError("plugins 'search' and 'explainer-search' both draw the search box: keep one")
        if self.config.max_pages < 1:
            raise PluginError("explainer-search: max_pages must be 1 or more")
        # after the site's own overrides (they still win), before Material's templates
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # MkDocs may empty the site folder next: never under an indexer at work. The preview's indexer
        # is stopped, not waited for: it indexes a site about to change (10,000 claims: some 8 s saved
        # on every edit saved while it runs), and the build that follows indexes it again
        self._stop()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.serving:
            # in preview the changed page is shown at once, and its words are searchable a few seconds later
            self.indexing = threading.Thread(target=self._index_reported, args=(Path(config.site_dir),),
                                             name="explainer-search", daemon=True)
            self.indexing.start()
        else:
            self._index_site(Path(config.site_dir))

    def on_shutdown(self) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.indexing is None:
            return
        with self.lock:
            self.stopping.set()
            if self.running is not None:
                self.running.kill()  # Pagefind itself: `python -m pagefind` execs it on POSIX
        self.indexing.join()
        self.indexing = None
        self.stopping.clear()

    def _index_reported(self, site: Path) -> None:
        try:
            self._index_site(site)
        except PluginError as error:
            log.error(str(error))
        except _Stopped:  # what it left in its working folders goes with the next run
            pass

    def _index_site(self, site: Path) -> None:
        """Every bundle indexed into a new folder that then takes the old one's place: searching goes on
        meanwhile, and nothing is kept of the last index (Pagefind never removes a file, so a dirty rebuild
        would keep every fragment of pages long gone, deleted entities' words included)."""
        made, old = site / f"{WORK}next", site / f"{WORK}old"
        for folder in site.glob(f"{WORK}*"):  # what a run cut short left, never to be published
            shutil.rmtree(folder, ignore_errors=True)
        everything = _pages(site)
        bundles = plan_bundles(everything, self.config.bundles, self.config.max_pages)
        _give_back_memory()
        for name, pages in bundles.items():
            self._index(site, made / name, pages, everything)
        made.mkdir(exist_ok=True)
        (made / "bundles.json").write_text(json.dumps(list(bundles)), encoding="utf-8")
        if (site / BUNDLE).exists():
            (site / BUNDLE).rename(old)
        made.rename(site / BUNDLE)
        shutil.rmtree(old, ignore_errors=True)
        log.info("Pagefind index of %d page(s) written to %s in %d bundle(s)",
                 sum(map(len, bundles.values())), site / BUNDLE, len(bundles))

    def _index(self, site: Path, output: Path, pages: list[str], everything: list[str]) -> None:
        """One Pagefind run over `pages` (of `everything` in the site): chosen by a pattern of whole folders
        when they make it up, else seen through a folder of hard links that holds only them (the URLs
        Pagefind gives are paths in the folder it reads; 16,000 links cost some 5 s to make and remove)."""
        pattern = folders_pattern(pages, everything)
        mirror = None if pattern else Path(tempfile.mkdtemp(prefix=WORK, dir=site))
        try:
            for page in pages if mirror else []:
                _link(site / page, mirror / page)
            command = [sys.executable, "-m", "pagefind", "--site", str(mirror or site), "--silent",
                       "--output-path", str(output),
                       "--root-selector", self.config.root_selector,
                       "--exclude-selectors", ", ".join(self.config.exclude_selectors)]
            returncode, output = self._run(command + (["--glob", pattern] if pattern else []))
        finally:
            if mirror:
                shutil.rmtree(mirror, ignore_errors=True)
        if returncode != 0:
            raise PluginError(f"Pagefind could not index the site: {output.strip()[-2000:]}")

    def _run(self, command: list[str]) -> tuple[int, str]:
        """(exit status, what it printed) of one Pagefind run, unless it is stopped (`_Stopped`)."""
        with self.lock:
            if self.stopping.is_set():
                raise _Stopped
            self.running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            output = self.running.communicate()[0]
        finally:
            with self.lock:
                returncode, self.running = self.running.returncode, None
        if self.stopping.is_set():
            raise _Stopped
        return returncode, output


class _Stopped(Exception):
    """The preview's indexing was stopped for a newer build."""


BUNDLE = "pagefind"
WORK = ".pagefind-"  # the indexer's working folders in the site folder (hidden: never indexed themselves)


def plan_bundles(pages: list[str], bundles: list[list[str]], max_pages: int) -> dict[str, list[str]]:
    """{bundle name: its pages}: the pages in each bundle's folders, the others with the first bundle's, each
    split into as few parts of at most `max_pages` as can be, of even size (the indexer's memory follows the
    biggest part), named `claims`, `claims-2`, ... A bundle is named after its first
    folder; the names are folders under `pagefind/`. Each bundle costs the reader Pagefind's code again
    (some 100 KB), so they are few."""
    folders = [(folder.strip("/") + "/", _name(bundle[0])) for bundle in bundles for folder in bundle]
    groups: dict[str, list[str]] = {_name(bundle[0]): [] for bundle in bundles if bundle} or {OTHERS: []}
    others = next(iter(groups))
    for page in pages:
        groups[next((name for folder, name in folders if page.startswith(folder)), others)].append(page)
    planned = {}
    for name, members in groups.items():
        size = math.ceil(len(members) / math.ceil(len(members) / max_pages)) if members else 1
        for part, at in enumerate(range(0, len(members), size), start=1):
            planned[name if part == 1 else f"{name}-{part}"] = members[at:at + size]
    return planned


OTHERS = "pages"
PATTERN_LIMIT = 100_000  # characters: one command-line argument may hold 128 KiB on Linux


def folders_pattern(pages: list[str], everything: list[str]) -> str | None:
    """A Pagefind glob that picks exactly `pages` of the site's pages (`everything`): each top-level folder
    all of whose pages are among them, and files at the top by name; None when a folder is shared with
    other pages (a bundle split in parts) or the pattern would be too long."""
    tops = {page.split("/", 1)[0] for page in pages}
    shared = sum(1 for page in everything if page.split("/", 1)[0] in tops) != len(pages)
    if shared or any(_GLOB_MARKS.search(top) for top in tops):
        return None
    tops = sorted({page.split("/", 1)[0] + ("/**/*.html" if "/" in page else "") for page in pages})
    pattern = "{" + ",".join(tops) + "}"
    return pattern if len(pattern) <= PATTERN_LIMIT and tops else None


_GLOB_MARKS = re.compile(r"[{}\[\]*?,!\\]")


def _name(folder: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", folder.lower()).strip("-") or OTHERS


def _pages(site: Path) -> list[str]:
    """The site's HTML pages, as paths in it, Pagefind's own files and hidden folders left out."""
    found = []
    for path in site.rglob("*.html"):
        relative = path.relative_to(site)
        if relative.parts[0] != BUNDLE and not any(part.startswith(".") for part in relative.parts):
            found.append(relative.as_posix())
    return sorted(found)


def _give_back_memory() -> None:
    """Hand the memory this process freed back to the system before the indexer, which needs much,
    starts beside it: the pages' texts MkDocs let go of stay with the process otherwise (glibc keeps
    freed memory for reuse; 3,000 claims: 265 MB held, 154 MB after this)."""
    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to hand back this way
        pass


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)
