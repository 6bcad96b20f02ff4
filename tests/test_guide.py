"""The examples in the "Writing a story" guide are real: together they form a valid story."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from explainer import load_story


def test_guide_examples_load_and_validate(tmp_path):
    guide = (ROOT / "docs" / "writing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.DOTALL)
    assert len(blocks) >= 5
    for i, block in enumerate(blocks):
        assert yaml.safe_load(block), f"example {i} is empty"
        (tmp_path / f"example-{i}.yml").write_text(block, encoding="utf-8")
    story = load_story(tmp_path)
    assert story.count() == {"actor": 3, "claim": 2, "source": 2, "event": 1}
    assert story.info is not None


def test_guide_error_example_has_the_real_format():
    guide = (ROOT / "docs" / "writing.md").read_text(encoding="utf-8")
    assert "names unknown actor 'peskow' in 'claimant' (did you mean 'peskov'?)" in guide
