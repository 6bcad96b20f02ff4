"""Who answered whom: claims' relations counted between the actors who made them.

Computed once per story (the story holds it), so nothing outlives the story it was made from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Actor
from .relations import RELATIONS, Relation

if TYPE_CHECKING:
    from .graph import Story

STORY_LIMIT = 16          # actors drawn in the story's picture
NEIGHBOURHOOD_LIMIT = 10  # actors drawn around one actor, that actor included


@dataclass(frozen=True)
class Edge:
    """Claims by `source` relate `count` times, in the way `relation`, to claims by `target`."""

    source: Actor
    target: Actor
    relation: Relation
    count: int


@dataclass(frozen=True)
class Picture:
    """Actors to draw, the arrows between them, and how many connected actors were left out."""

    actors: list[Actor]
    edges: list[Edge]
    left_out: int


class Disputes:
    """Every (claimant, relation, answered claimant) of a story, counted, between different actors."""

    def __init__(self, story: Story):
        self.story = story
        counts: Counter[tuple[str, str, int]] = Counter()
        for claim in story.claims:
            for relation, target in claim.relations():
                answered = story.by_id[target].claimant
                if answered != claim.claimant:
                    counts[(claim.claimant, answered, RELATIONS.index(relation))] += 1
        self.edges = [Edge(story.by_id[a], story.by_id[b], RELATIONS[rel], n) for (a, b, rel), n in sorted(counts.items())]
        self.by_actor: dict[str, list[Edge]] = {}
        for edge in self.edges:
            self.by_actor.setdefault(edge.source.id, []).append(edge)
            self.by_actor.setdefault(edge.target.id, []).append(edge)

    def story_picture(self, limit: int = STORY_LIMIT) -> Picture:
        """The most connected actors of the story and the arrows between them."""
        degree: Counter[str] = Counter()
        for edge in self.edges:
            degree[edge.source.id] += edge.count
            degree[edge.target.id] += edge.count
        return self._picture([a for a, _ in _ranked(degree)], self.edges, limit)

    def neighbourhood(self, actor: Actor, limit: int = NEIGHBOURHOOD_LIMIT) -> Picture:
        """`actor` and the actors it exchanged claims with, most exchanges first."""
        edges = self.by_actor.get(actor.id, [])
        weight: Counter[str] = Counter()
        for edge in edges:
            weight[(edge.target if edge.source == actor else edge.source).id] += edge.count
        return self._picture([actor.id] + [a for a, _ in _ranked(weight)], edges, limit)

    def _picture(self, ranked: list[str], edges: list[Edge], limit: int) -> Picture:
        if len(ranked) < 2:
            return Picture([], [], 0)
        chosen = set(ranked[:limit])
        shown = [e for e in edges if e.source.id in chosen and e.target.id in chosen]
        return Picture([self.story.by_id[a] for a in ranked[:limit]], shown, max(0, len(ranked) - limit))


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
