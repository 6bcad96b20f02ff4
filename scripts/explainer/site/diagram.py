"""A picture of the dispute: who answered, backed or denied whom, drawn as SVG at build time.

Actors are nodes on a circle; an arrow from A to B means a claim by A relates to a claim by B
(`story/disputes.py` counts them). No script and no outside service draws it, so it shows
offline and in any browser. Links are `xlink:href`: MkDocs leaves raw HTML as written, and
Zensical rebases a plain `href` in raw HTML (which would break it) but not `xlink:href`.
"""

from __future__ import annotations

import math
from html import escape
from typing import Callable

from ..story.disputes import Edge, Picture
from ..story.model import Actor
from ..story.relations import RELATIONS


def svg(picture: Picture, url: Callable[[Actor], str], title: str) -> str:
    """The picture as one line of inline SVG; every text from data is escaped, every link is a page."""
    size, radius = 640, 230
    centre = size / 2
    places = {a.id: _place(i, len(picture.actors), centre, radius) for i, a in enumerate(picture.actors)}
    # wide margins left and right: names are written beside the nodes
    parts = [f'<svg class="explainer-diagram" viewBox="-150 0 {size + 300} {size}" role="figure" '
             f'aria-labelledby="dispute-title" xmlns="http://www.w3.org/2000/svg" '
             f'xmlns:xlink="http://www.w3.org/1999/xlink">',
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
        f'<marker id="arrow-{rel.field}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{rel.colour}"/></marker>'
        for rel in RELATIONS) + "</defs>"


def _arrow(edge: Edge, places: dict[str, tuple[float, float]]) -> str:
    (x1, y1), (x2, y2) = places[edge.source.id], places[edge.target.id]
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    # stop short of the node circles; bend each relation by its own amount so arrows do not overlap
    x1, y1, x2, y2 = x1 + ux * 26, y1 + uy * 26, x2 - ux * 28, y2 - uy * 28
    bend = 18 + 14 * RELATIONS.index(edge.relation)
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    label = f"{edge.source.name} {edge.relation.verb} {edge.target.name} ({edge.count})"
    return (f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" fill="none" '
            f'stroke="{edge.relation.colour}" stroke-width="{min(1.5 + edge.count, 5)}" '
            f'marker-end="url(#arrow-{edge.relation.field})"><title>{escape(label)}</title></path>')


def _node(actor: Actor, place: tuple[float, float], centre: float, href: str) -> str:
    x, y = place
    anchor = "middle" if abs(x - centre) < 40 else ("start" if x > centre else "end")
    dx = 0 if anchor == "middle" else (30 if anchor == "start" else -30)
    dy = -30 if y < centre and anchor == "middle" else (40 if anchor == "middle" else 5)
    return (f'<a xlink:href="{escape(href)}"><circle cx="{x}" cy="{y}" r="22" class="explainer-node explainer-node--'
            f'{actor.kind.value}"/><text x="{x + dx}" y="{y + dy}" text-anchor="{anchor}">'
            f'{escape(_short_name(actor.name))}</text><title>{escape(actor.name)}</title></a>')


def _short_name(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
