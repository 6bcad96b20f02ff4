"""The reliability suite (scripts/reliability.py) run small: kill -9 at random moments of each writing
command, writers at once, an editor saving meanwhile, a full and a read-only disk, hostile inputs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_nothing_is_lost_corrupted_or_stuck(tmp_path):
    out = tmp_path / "reliability.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "reliability.py"), "--kills", "2", "--rounds", "1",
                             "--writers", "3", "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text())
    tallies = report["tallies"]
    assert sum(t["trials"] for t in tallies.values()) >= 8 * 2
    for name, tally in tallies.items():
        assert tally["losses"] == tally["corruptions"] == tally["stuck"] == tally["leftovers"] == 0, (name, tally)
    assert all(figure["exit"] in (0, 1) for figure in report["bounded"].values())
