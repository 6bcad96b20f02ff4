#!/usr/bin/env python3
"""Reliability suite for explainer's writing commands: can an editor lose or break anything?

    .venv/bin/python scripts/reliability.py                  # 20 kills per command, 5 rounds of 4 writers
    .venv/bin/python scripts/reliability.py --kills 3 --rounds 1 --out results/reliability-small.json

- kill -9 at a random moment of `new`, `ingest`, `ingest --merge` and `export`, and at each of their
  writes (just before and just after each file is put in place), then: does the story
  still validate (corruption), is every byte an editor wrote still there (loss), does running the
  command again finish the job (stuck), and is no temporary file left behind after it?
- several `explainer new` at once, and an editor saving the file while `new` runs;
- a full disk and a read-only file system (a small tmpfs; skipped, with the reason, where this
  machine may not mount one): one clear line, exit 1, nothing changed, nothing left behind;
- bounded work: hostile inputs run under a memory limit and a time limit, with their figures.

Prints a table and writes the counts as JSON (--out). Exit status 1 if anything was lost,
corrupted or stuck. The seed makes the kill moments repeatable.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPLAINER = str(Path(sys.executable).parent / "explainer")
ARTICLE = ('Officials said on Tuesday that the bridge would stay closed. "We will reopen it when it is safe," '
           'Mayor Anna Berg told reporters. The transport minister, Olaf Lind, said the repairs would take weeks.\n')
MEMORY_LIMIT = 2 * 1024 ** 3


@dataclass
class Tally:
    trials: int = 0
    killed_midway: int = 0   # the process was still running when it was killed
    wrote_first: int = 0     # ... and had already changed the data folder (or the export) by then
    losses: int = 0          # a byte an editor wrote, or a record a command said it added, is gone
    corruptions: int = 0     # the story no longer validates
    stuck: int = 0           # running the command again did not finish the job
    leftovers: int = 0       # temporary files still there after the rerun
    refused: int = 0         # the command refused to write, safely (a file changed underneath it, every try)
    problems: list[str] = field(default_factory=list)

    def fail(self, what: str, detail: str) -> None:
        setattr(self, what, getattr(self, what) + 1)
        if len(self.problems) < 10:
            self.problems.append(detail)


def explainer(*args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess:
    result = subprocess.run([EXPLAINER, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise RuntimeError(f"explainer {' '.join(args)}: {result.stderr}")
    return result


def project(where: Path) -> Path:
    """A copy of the default story's project, with the article to ingest beside it."""
    site = where / "project"
    for name in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / name, site / name)
    shutil.copy(ROOT / "mkdocs.yml", site)
    (where / "wire.txt").write_text(ARTICLE)
    return site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def only_added(before: bytes, after: bytes) -> bool:
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return all(op in ("equal", "insert") for op, *_ in ops)


def story_ids(data: Path) -> set[str] | None:
    """The story's ids, or None when it does not validate."""
    result = subprocess.run([sys.executable, "-c", "import sys, json; from explainer import load_story; "
                             "print(json.dumps(sorted(load_story(__import__('pathlib').Path(sys.argv[1])).by_id)))",
                             str(data)], capture_output=True, text=True)
    return set(json.loads(result.stdout)) if result.returncode == 0 else None


# runs the explainer command with os.replace (how every file is put in place) killing the process with
# SIGKILL just before or just after its KILL_AT-th call; with KILL_AT=0 it prints how many calls there were
HARNESS = """
import atexit, os, signal, sys
at, when, calls, real = int(os.environ["KILL_AT"]), os.environ["KILL_WHEN"], [0], os.replace
def replace(*args, **kwargs):
    calls[0] += 1
    if calls[0] == at and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(*args, **kwargs)
    if calls[0] == at and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
atexit.register(lambda: at or print("calls", calls[0], file=sys.stderr))
sys.argv = ["explainer", *sys.argv[1:]]
from explainer.cli import main
main()
"""


@dataclass(frozen=True)
class Command:
    """A writing command, the state it starts from, and how to tell that it (or its rerun) has finished."""

    args: list[str]
    merge_setup: bool = False  # the article is in the story already, its claims taken out by an editor

    def prepare(self, where: Path) -> Path:
        site = project(where)
        if self.merge_setup:
            explainer("ingest", "../wire.txt", cwd=site, check=True)
            draft = site / "data" / "wire.yml"
            draft.write_text(draft.read_text().split("\nclaims:")[0] + "\n")
        return site

    def result(self, site: Path) -> set[str] | bool:
        """What a finished run leaves: the story's ids, or for an export whether its pages are there."""
        if self.args[0] == "export":
            return (site.parent / "out" / "index.md").is_file()
        return story_ids(site / "data") or set()


COMMANDS = {
    "new": Command(["new", "actor", "--name", "Killed Midway"]),
    "ingest": Command(["ingest", "../wire.txt"]),
    "ingest --merge": Command(["ingest", "../wire.txt", "--merge"], merge_setup=True),
    "export": Command(["export", "../out"]),
}
WRITE_POINTS = 8  # an export writes one file per page: the first, the last and some between are tried


def reference(command: Command) -> tuple[set[str] | bool, float]:
    """What an uninterrupted run leaves, and how long it takes."""
    with tempfile.TemporaryDirectory() as tmp:
        site = command.prepare(Path(tmp))
        start = time.perf_counter()
        explainer(*command.args, cwd=site, check=True)
        return command.result(site), time.perf_counter() - start


def kill_loop(name: str, kills: int, rng: random.Random, tally: Tally) -> None:
    command = COMMANDS[name]
    expected, duration = reference(command)
    for _ in range(kills):
        with tempfile.TemporaryDirectory() as tmp:
            site = command.prepare(Path(tmp))
            before = snapshot(site / "data"), story_ids(site / "data")
            process = subprocess.Popen([EXPLAINER, *command.args], cwd=site, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            # most of a run is starting Python; the kills are spread over its second half, where it writes
            time.sleep(rng.uniform(duration * 0.4, duration * 1.05))
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
            process.wait()
            _count(tally, killed, site, before[0])
            _judge(name, site, *before, expected, tally)


def write_points(name: str, rng: random.Random, tally: Tally) -> None:
    """Kill the command at its writes, just before and just after a file is put in place."""
    command = COMMANDS[name]
    expected, _ = reference(command)
    with tempfile.TemporaryDirectory() as tmp:
        counted = _harness(command.args, command.prepare(Path(tmp)), 0, "before")
        calls = int(counted.stderr.rsplit("calls ", 1)[1].split()[0])
    points = sorted({1, 2, calls - 1, calls} | set(rng.sample(range(1, calls + 1), min(calls, WRITE_POINTS))))
    for at in [p for p in points if 1 <= p <= calls]:
        for when in ("before", "after"):
            with tempfile.TemporaryDirectory() as tmp:
                site = command.prepare(Path(tmp))
                before = snapshot(site / "data"), story_ids(site / "data")
                result = _harness(command.args, site, at, when)
                _count(tally, result.returncode == -signal.SIGKILL, site, before[0])
                _judge(name, site, *before, expected, tally)


def _count(tally: Tally, killed: bool, site: Path, data_before: dict[str, bytes]) -> None:
    tally.trials += 1
    if killed:
        tally.killed_midway += 1
        tally.wrote_first += snapshot(site / "data") != data_before or (site.parent / "out").exists()


def _harness(args: list[str], cwd: Path, at: int, when: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", HARNESS, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "KILL_AT": str(at), "KILL_WHEN": when}, timeout=300)


def _judge(name: str, site: Path, data_before: dict[str, bytes], ids_before: set[str] | None,
           expected: set[str] | bool, tally: Tally) -> None:
    command = COMMANDS[name]
    after = snapshot(site / "data")
    for path, old in data_before.items():
        if path not in after or not only_added(old, after[path]):
            tally.fail("losses", f"{name}: data/{path} lost bytes")
    ids = story_ids(site / "data")
    if ids is None:
        tally.fail("corruptions", f"{name}: the story no longer validates after a kill")
        return
    if not (ids_before or set()) <= ids:
        tally.fail("losses", f"{name}: records gone: {sorted((ids_before or set()) - ids)}")
    if command.result(site) != expected:
        # a first ingest may have written its YAML before it died: finishing it is a merge
        rerun = command.args + (["--merge"] if name == "ingest" else [])
        result = explainer(*rerun, cwd=site)
        if result.returncode != 0 or command.result(site) != expected:
            tally.fail("stuck", f"{name}: the rerun did not finish ({result.returncode}): {result.stderr[-300:]}")
    if list((site / "data").rglob(".*.tmp")):
        tally.fail("leftovers", f"{name}: temporary files left after the rerun")


def writers(rounds: int, count: int, tally: Tally) -> None:
    """`count` `explainer new` at once, `rounds` times: every record each one said it added must be there."""
    with tempfile.TemporaryDirectory() as tmp:
        site = project(Path(tmp))
        for round_ in range(rounds):
            names = [f"Writer {round_} {i}" for i in range(count)]
            with ThreadPoolExecutor(count) as pool:
                results = list(pool.map(lambda n: explainer("new", "actor", "--name", n, cwd=site), names))
            tally.trials += count
            added = {r.stdout.split("'")[1] for r in results if r.returncode == 0}
            ids = story_ids(site / "data")
            if ids is None:
                tally.fail("corruptions", "writers: the story no longer validates")
                return
            if len(added) < count:
                tally.fail("stuck", f"writers: {count - len(added)} of {count} refused: "
                                    f"{[r.stderr for r in results if r.returncode][:1]}")
            for missing in added - ids:
                tally.fail("losses", f"writers: '{missing}' was reported added and is gone")


def editor_saves(count: int, tally: Tally) -> None:
    """An editor saving actors.yml again and again while `new` runs: no save may be overwritten by explainer."""
    with tempfile.TemporaryDirectory() as tmp:
        site = project(Path(tmp))
        actors = site / "data" / "actors.yml"
        stop = threading.Event()
        saved: list[str] = []

        def editor() -> None:
            n = 0
            while not stop.is_set():
                marker = f"# editor's save {n}\n"
                actors.write_bytes(actors.read_bytes() + marker.encode())  # saved in place, as many editors do
                saved.append(marker)
                n += 1
                time.sleep(0.3)

        thread = threading.Thread(target=editor)
        thread.start()
        results = [explainer("new", "actor", "--name", f"Busy {i}", cwd=site) for i in range(count)]
        stop.set()
        thread.join()
        tally.trials += count
        text = actors.read_text()
        lost = [m for m in saved if m not in text]
        if lost:
            tally.fail("losses", f"editor saves: {len(lost)} of {len(saved)} saves overwritten")
        refused = [r for r in results if r.returncode != 0]
        tally.refused += len(refused)
        if refused:
            tally.problems.append(f"editor saves: refused (safe): {refused[0].stderr.strip()[:200]}")


def full_and_read_only(tally: Tally) -> dict[str, str]:
    """Each writing command on a full disk and on a read-only one: exit 1, one line, nothing changed."""
    outcomes: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        mount = Path(tmp) / "fs"
        mount.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                          capture_output=True).returncode != 0:
            return {"skipped": "this machine does not let us mount a tmpfs (needs root and mount rights)"}
        try:
            site = project(mount)
            for state in ("full", "read-only"):
                if state == "full":
                    _fill(mount)
                else:
                    (mount / "filler").unlink()
                    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
                before = snapshot(site)
                for name, command in COMMANDS.items():
                    result = explainer(*command.args, cwd=site)
                    tally.trials += 1
                    lines = result.stderr.strip().splitlines()
                    clear = result.returncode == 1 and "Traceback" not in result.stderr and len(lines) <= 2
                    if not clear:
                        tally.fail("stuck", f"{state} {name}: rc {result.returncode}: {result.stderr[-300:]}")
                    if snapshot(site) != before:
                        tally.fail("losses", f"{state} {name}: files changed")
                    outcomes[f"{state}: {name}"] = lines[-1] if lines else ""
        finally:
            subprocess.run(["umount", str(mount)], capture_output=True)
    return outcomes


def _fill(mount: Path) -> None:
    """Fill the file system to its last byte."""
    descriptor = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 1):
            try:
                while os.write(descriptor, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(descriptor)


def bounded(tally: Tally) -> dict[str, dict[str, float]]:
    """Hostile inputs under a memory limit: time and peak memory of each."""
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = project(Path(tmp))
        texts = site / "data" / "texts"
        big = texts / "vision-times-2023-05-05.txt"
        big.write_text((big.read_text() + "\n") * 500)  # about 5 MB, under the 5,000,000-byte limit
        if big.stat().st_size > 5_000_000:
            big.write_text(big.read_text()[:4_900_000])
        article = site / "data" / "vision-times-2023-05-05.yml"
        article.write_text(article.read_text().replace("We don’t attack Putin or Moscow", "We dont atack Putin or Moskow"))
        os.mkfifo(texts / "pipe.txt")
        (site / "data" / "zero.yml").write_text("sources:\n  - id: zero\n    kind: article\n    title: Z\n"
                                               "    text_file: texts/pipe.txt\n")
        cases = {
            "check: misquote in 4.9 MB text, a FIFO as text": ["check"],
            'ingest: 100 KB of "': ["ingest", "../quotes.txt", "--into", "../fresh"],
            "ingest: 330 KB run-on text": ["ingest", "../runon.txt", "--into", "../fresh2"],
        }
        (Path(tmp) / "quotes.txt").write_text('"' * 100_000)
        (Path(tmp) / "runon.txt").write_text(("the minister said that the drone was shot down and officials added "
                                             "that \"it was not us\" while others claimed ") * 3000)
        for name, args in cases.items():
            seconds, peak, code = _limited(args, site)
            figures[name] = {"seconds": round(seconds, 2), "peak_mb": round(peak, 1), "exit": code}
            tally.trials += 1
            if code not in (0, 1, 2) or seconds > 60:
                tally.fail("stuck", f"bounded: {name}: exit {code} after {seconds:.1f} s")
    return figures


def _limited(args: list[str], cwd: Path) -> tuple[float, float, int]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    start = time.perf_counter()
    process = subprocess.Popen([EXPLAINER, *args], cwd=cwd, preexec_fn=limit,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timer = threading.Timer(120, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=20, help="kill -9 trials per command")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of concurrent writers")
    parser.add_argument("--writers", type=int, default=4, help="writers per round")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("reliability.json"))
    options = parser.parse_args()
    rng = random.Random(options.seed)
    report: dict[str, object] = {}
    tallies: dict[str, Tally] = {}
    for name in COMMANDS:
        tallies[f"kill -9: {name}"] = tally = Tally()
        kill_loop(name, options.kills, rng, tally)
    for name in COMMANDS:
        tallies[f"kill at each write: {name}"] = tally = Tally()
        write_points(name, rng, tally)
    tallies["writers at once"] = tally = Tally()
    writers(options.rounds, options.writers, tally)
    tallies["editor saving meanwhile"] = tally = Tally()
    editor_saves(max(3, options.rounds), tally)
    tallies["disk full, read-only"] = tally = Tally()
    report["disk"] = full_and_read_only(tally)
    tallies["bounded work"] = tally = Tally()
    report["bounded"] = bounded(tally)
    report["tallies"] = {name: asdict(t) for name, t in tallies.items()}
    print(f"{'case':34} {'trials':>6} {'killed':>6} {'wrote':>5} {'lost':>5} {'corrupt':>7} {'stuck':>5} {'left':>5} {'refused':>7}")
    for name, t in tallies.items():
        print(f"{name:34} {t.trials:6} {t.killed_midway:6} {t.wrote_first:5} {t.losses:5} {t.corruptions:7} {t.stuck:5} {t.leftovers:5} "
              f"{t.refused:7}")
        for problem in t.problems:
            print(f"    {problem}")
    for name, outcome in report["disk"].items():
        print(f"  {name}: {outcome}")
    for name, figure in report["bounded"].items():
        print(f"  {name}: {figure['seconds']} s, {figure['peak_mb']} MB, exit {figure['exit']}")
    options.out.write_text(json.dumps(report, indent=1) + "\n")
    bad = sum(t.losses + t.corruptions + t.stuck + t.leftovers for t in tallies.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
