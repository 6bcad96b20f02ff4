#!/usr/bin/env python3
"""One command for a fresh machine with Python 3: set up `.venv` from pyproject.toml when it
is missing or out of date, then serve the site, build it, or run the tests.

    python3 scripts/dev.py serve   # build the default story and serve it on http://127.0.0.1:8000
    python3 scripts/dev.py build   # build it into site/ (strict)
    python3 scripts/dev.py test    # the whole test suite on every core (installs Debian's chromium if missing, as root)
    python3 scripts/dev.py test --fast   # the fast loop: no browser, no slow tests, on every core

Extra arguments are passed on to mkdocs or pytest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = "/usr/bin/chromium"
COMMANDS = {
    "serve": ["mkdocs", "serve", "--dirty"],  # rebuilds only the pages whose text changed
    "build": ["mkdocs", "build", "--strict"],
    "test": ["python", "-m", "pytest"],
}


def ensure_environment() -> None:
    """Install the project and its test tools into .venv unless pyproject.toml is unchanged since."""
    stamp = VENV / ".explainer-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"creating {VENV}", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    stamp.write_text(wanted)


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium (never a downloaded one); install it where we can."""
    if Path(CHROMIUM).exists() or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    print("installing Debian's chromium for the browser tests", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    ensure_environment()
    if argv[0] == "test" and "--fast" not in argv:
        ensure_chromium()
    program, *args = COMMANDS[argv[0]]
    extra = argv[1:]
    if argv[0] == "test" and "--fast" in extra:
        extra = [a for a in extra if a != "--fast"] + ["-m", "not browser and not slow", "-n", "auto", "-q"]
    elif argv[0] == "test" and not {"-n", "-p"} & set(extra):
        # on every core too, a test file to a worker, so that a module's browser and built site are made once
        extra = ["-n", "auto", "--dist", "loadfile", *extra]
    os.chdir(ROOT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2.0 on every build
    command = [str(BIN / program), *args, *extra]
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
