"""explainer: turn the structured record of a news story into a cross-linked MkDocs site."""

from __future__ import annotations

from typing import Any

__all__ = ["Story", "StoryError", "StoryInvalid", "load_story"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # imported on first use, so the registries (story/kinds.py, story/relations.py) can still be
    # extended before the model is built from them
    if name in ("Story", "load_story"):
        from .story import graph
        return getattr(graph, name)
    if name in ("StoryError", "StoryInvalid"):
        from . import errors
        return getattr(errors, name)
    raise AttributeError(name)
