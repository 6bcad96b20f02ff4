"""A picture of the dispute: who answered, backed or denied whom, drawn as SVG at build time.

Actors are nodes on a circle; an arrow from A to B means a claim by A relates to a claim by B.
No script and no outside service draws it, so it shows offline and in any browser. It is
bounded: only the most connected actors are drawn, and the page says how many were left out.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Callable

from ..story.graph import Story
from ..story.model import Actor, Relation

STORY_LIMIT = 16        # actors drawn in the story's picture
NEIGHBOURHOOD_LIMIT = 10  # actors drawn around one actor, that actor included
COLOURS = {Relation.denies: "#c62828", Relation.disputes: "#ef6c00", Relation.supports: "#2e7d32",
           Relation.responds_to: "#1565c0"}
VERBS = {Relation.denies: "denies", Relation.disputes: "disputes", Relation.supports: "supports",
         Relation.responds_to: "answers"}


@dataclass(frozen=True)
class Edge:
    """Claims by `source` relate `count` times, in the way `relation`, to claims by `target`."""

    source: Actor
    target: Actor
    relation: Relation
    count: int


@dataclass(frozen=True)
class Picture:
    actors: list[Actor]
    edges: list[Edge]
    left_out: int


@functools.lru_cache(maxsize=4)
def dispute_edges(story: Story) -> list[Edge]:
    """Every (claimant, relation, answered claimant), counted, between different actors."""
    counts: Counter[tuple[str, str, Relation]] = Counter()
    for claim in story.claims:
        for relation, target in claim.relations():
            answered = story.by_id[target].claimant
            if answered != claim.claimant:
                counts[(claim.claimant, answered, relation)] += 1
    return [Edge(story.by_id[a], story.by_id[b], rel, n) for (a, b, rel), n in sorted(counts.items(), key=_edge_key)]


@functools.lru_cache(maxsize=4)
def _edges_by_actor(story: Story) -> dict[str, list[Edge]]:
    found: dict[str, list[Edge]] = {}
    for edge in dispute_edges(story):
        found.setdefault(edge.source.id, []).append(edge)
        if edge.target != edge.source:
            found.setdefault(edge.target.id, []).append(edge)
    return found


def _edge_key(item) -> tuple:
    (a, b, rel), _ = item
    return (a, b, list(Relation).index(rel))


def story_picture(story: Story, limit: int = STORY_LIMIT) -> Picture:
    """The most connected actors of the story and the arrows between them."""
    edges = dispute_edges(story)
    degree: Counter[str] = Counter()
    for edge in edges:
        degree[edge.source.id] += edge.count
        degree[edge.target.id] += edge.count
    return _picture(story, [a for a, _ in _ranked(degree)], edges, limit)


def neighbourhood(story: Story, actor: Actor, limit: int = NEIGHBOURHOOD_LIMIT) -> Picture:
    """`actor` and the actors it exchanged claims with, most exchanges first."""
    edges = _edges_by_actor(story).get(actor.id, [])
    weight: Counter[str] = Counter()
    for edge in edges:
        weight[(edge.target if edge.source == actor else edge.source).id] += edge.count
    return _picture(story, [actor.id] + [a for a, _ in _ranked(weight)], edges, limit)


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _picture(story: Story, ranked: list[str], edges: list[Edge], limit: int) -> Picture:
    if len(ranked) < 2:
        return Picture([], [], 0)
    chosen = set(ranked[:limit])
    shown = [e for e in edges if e.source.id in chosen and e.target.id in chosen]
    return Picture([story.by_id[a] for a in ranked[:limit]], shown, max(0, len(ranked) - limit))


def svg(picture: Picture, url: Callable[[Actor], str], title: str) -> str:
    """The picture as one line of inline SVG; every text from data is escaped, every link is a page."""
    size, radius = 640, 230
    centre = size / 2
    places = {a.id: _place(i, len(picture.actors), centre, radius) for i, a in enumerate(picture.actors)}
    # wide margins left and right: names are written beside the nodes
    parts = [f'<svg class="explainer-diagram" viewBox="-150 0 {size + 300} {size}" role="figure" '
             f'aria-labelledby="dispute-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="dispute-title">{escape(title)}</title>', _markers()]
    parts += [_arrow(edge, places) for edge in picture.edges]
    parts += [_node(actor, places[actor.id], centre, url(actor)) for actor in picture.actors]
    parts.append("</svg>")
    return "".join(parts)


def _place(i: int, n: int, centre: float, radius: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)


def _markers() -> str:
    return "<defs>" + "".join(
        f'<marker id="arrow-{rel.value}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{colour}"/></marker>'
        for rel, colour in COLOURS.items()) + "</defs>"


def _arrow(edge: Edge, places: dict[str, tuple[float, float]]) -> str:
    (x1, y1), (x2, y2) = places[edge.source.id], places[edge.target.id]
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    # stop short of the node circles; bend each relation by its own amount so arrows do not overlap
    x1, y1, x2, y2 = x1 + ux * 26, y1 + uy * 26, x2 - ux * 28, y2 - uy * 28
    bend = 18 + 14 * list(Relation).index(edge.relation)
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    label = f"{edge.source.name} {VERBS[edge.relation]} {edge.target.name} ({edge.count})"
    return (f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" fill="none" '
            f'stroke="{COLOURS[edge.relation]}" stroke-width="{min(1.5 + edge.count, 5)}" '
            f'marker-end="url(#arrow-{edge.relation.value})"><title>{escape(label)}</title></path>')


def _node(actor: Actor, place: tuple[float, float], centre: float, href: str) -> str:
    x, y = place
    anchor = "middle" if abs(x - centre) < 40 else ("start" if x > centre else "end")
    dx = 0 if anchor == "middle" else (30 if anchor == "start" else -30)
    dy = -30 if y < centre and anchor == "middle" else (40 if anchor == "middle" else 5)
    return (f'<a href="{escape(href)}"><circle cx="{x}" cy="{y}" r="22" class="explainer-node explainer-node--'
            f'{actor.kind.value}"/><text x="{x + dx}" y="{y + dy}" text-anchor="{anchor}">'
            f'{escape(_short_name(actor.name))}</text><title>{escape(actor.name)}</title></a>')


def _short_name(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
