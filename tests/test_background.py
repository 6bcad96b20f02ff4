"""Pages rendered in a forked process while MkDocs converts others: the same texts as rendering
them here, failures reported as messages, no process left behind."""

from __future__ import annotations

import os
import random
from functools import partial

import pytest

from conftest import CASES, ROOT, make_site, mkdocs_build
from explainer.engine.background import Background, BackgroundFailed
from explainer.story.graph import load_story
from explainer.site.render import Rendered, plan_pages


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_pages_from_the_background_are_the_pages_rendered_here():
    plan = plan_pages(load_story(CASES / "render" / "small" / "data"))
    here = {job.path: plan.render(job, Rendered()) for job in plan.jobs}
    background = Background([(job.path, partial(plan.render, job, Rendered())) for job in plan.jobs])
    asked = list(here)
    random.Random(7).shuffle(asked)  # MkDocs may read in another order than they were made
    pid = background.pid
    assert {path: background.get(path) for path in asked} == here
    background.close()
    assert _gone(pid)


def test_a_failing_task_stops_with_its_message_and_reaps_the_child():
    def broken() -> str:
        raise ValueError("no such actor")
    background = Background([("a", lambda: "A"), ("b", broken), ("c", lambda: "C")], describe=lambda e: f"b: {e}")
    pid = background.pid
    assert background.get("a") == "A"
    with pytest.raises(BackgroundFailed, match="^b: no such actor$"):
        background.get("c")
    assert _gone(pid)


def test_closing_early_stops_the_child():
    background = Background([(str(n), lambda: "x" * 100_000) for n in range(200)])  # more than a pipe holds
    pid = background.pid
    assert background.get("0") == "x" * 100_000
    background.close()
    assert _gone(pid)


def test_a_broken_page_template_stops_the_build_with_its_file_and_line(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "explainer").mkdir(parents=True)
    (overrides / "main.html").write_text((ROOT / "overrides" / "main.html").read_text())
    (overrides / "explainer" / "source.md").write_text("# {{ page.entity.title }}\n\n{{ page.view.no_such_field }}\n")
    project = make_site(tmp_path / "p", ROOT / "data", overrides=overrides)
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "page template error: overrides/explainer/source.md:3: " in result.stderr
    assert "has no attribute 'no_such_field'" in result.stderr
    assert "Traceback" not in result.stderr
