"""Who answered whom: claims' relations counted between the actors who made them.

Computed once per story (the story holds it), so nothing outlives the story it was made from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Actor, Claim
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
    claims: tuple[Claim, ...]  # the claims by `source` that make the relation, in story order

    @property
    def count(self) -> int:
        return len(self.claims)


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
        found: dict[tuple[str, str, int], list[Claim]] = {}
        for claim in story.claims:
            for relation, target in claim.relations():
                answered = story.by_id[target].claimant
                if answered != claim.claimant:
                    found.setdefault((claim.claimant, answered, RELATIONS.index(relation)), []).append(claim)
        self.edges = [Edge(story.by_id[a], story.by_id[b], RELATIONS[rel], tuple(dict.fromkeys(claims)))
                      for (a, b, rel), claims in sorted(found.items())]
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
        picture = self._picture([actor.id] + [a for a, _ in _ranked(weight)], edges, limit)
        # the actor whose page it is comes first (drawn at the top), the others by side after it
        return Picture([a for a in picture.actors if a == actor] + [a for a in picture.actors if a != actor],
                       picture.edges, picture.left_out)

    def _picture(self, ranked: list[str], edges: list[Edge], limit: int) -> Picture:
        if len(ranked) < 2:
            return Picture([], [], 0)
        chosen = set(ranked[:limit])
        shown = [e for e in edges if e.source.id in chosen and e.target.id in chosen]
        actors = self._by_side([self.story.by_id[a] for a in ranked[:limit]])
        return Picture(actors, shown, max(0, len(ranked) - limit))

    def _by_side(self, actors: list[Actor]) -> list[Actor]:
        """Actors of one country and one top affiliation next to each other, so fewer arrows cross;
        within a side, the most connected first."""
        rank = {a.id: i for i, a in enumerate(actors)}
        side = {a.id: (a.country or "~", self._top(a).id) for a in actors}
        first = {}
        for a in actors:
            first.setdefault(side[a.id][0], rank[a.id])
        return sorted(actors, key=lambda a: (first[side[a.id][0]], side[a.id], rank[a.id]))

    def _top(self, actor: Actor) -> Actor:
        """The actor at the top of `actor`'s affiliations (itself when it has none)."""
        seen = {actor.id}
        while actor.affiliation and actor.affiliation not in seen:
            seen.add(actor.affiliation)
            actor = self.story.by_id[actor.affiliation]
        return actor


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))
