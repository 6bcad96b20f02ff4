"""explainer: turn the structured record of a news story into a cross-linked MkDocs site."""

from .errors import StoryError, StoryInvalid
from .story.graph import Story, load_story

__all__ = ["Story", "StoryError", "StoryInvalid", "load_story"]
__version__ = "0.1.0"
