"""A picture of the dispute: who answered, backed or denied whom, drawn as SVG at build time.

Two drawings of the same picture, and the stylesheet shows one: on wide screens actors stand on a
circle, grouped by side, with curved arrows between them; on phones they stand in a column with
arcs beside it, so names keep a readable size. Nodes are coloured by kind of actor, arrows by
relation (colours from the registries, set for light and dark schemes in the stylesheet), and every
arrow links the claim that makes it. No script and no outside service draws it.

Links are `xlink:href`: MkDocs leaves raw HTML as written, and Zensical rebases a plain `href` in
raw HTML (which would break it) but not `xlink:href`.
"""

from __future__ import annotations

import math
from html import escape
from typing import Callable

from ..story.disputes import Edge, Picture
from ..story.model import Actor, Entity
from ..story.relations import RELATIONS

Url = Callable[[Entity], str]

WIDE_TEXT = 18    # user units; the wide drawing is shown at about 0.75 of its size on a desktop
NARROW_TEXT = 15  # the narrow one at about its own size on a 390 px phone
NARROW_WIDTH = 340
DOTS = 186  # where the narrow drawing's actors stand: names to the left, arcs to the right
ROW = 38


def svg(picture: Picture, url: Url, title: str) -> str:
    """Both drawings, as inline SVG; every text from data is escaped, every link is a page."""
    return _wide(picture, url, title) + _narrow(picture, url, title)


def _open(variant: str, view_box: str, title: str) -> list[str]:
    return [f'<svg class="explainer-diagram explainer-diagram--{variant}" viewBox="{view_box}" role="figure" '
            f'aria-labelledby="dispute-{variant}" xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink">',
            f'<title id="dispute-{variant}">{escape(title)}</title>', _markers(variant)]


def _wide(picture: Picture, url: Url, title: str) -> str:
    size, radius = 640, 220
    centre = size / 2
    places = {a.id: _on_circle(i, len(picture.actors), centre, radius) for i, a in enumerate(picture.actors)}
    # margins left and right: names are written beside the nodes
    parts = _open("wide", f"-170 0 {size + 340} {size}", title)
    parts += [_link(edge, url, _curve(edge, places), "wide") for edge in picture.edges]
    for actor in picture.actors:
        x, y = places[actor.id]
        anchor = "middle" if abs(x - centre) < 40 else ("start" if x > centre else "end")
        dx = 0 if anchor == "middle" else (28 if anchor == "start" else -28)
        dy = -30 if y < centre and anchor == "middle" else (44 if anchor == "middle" else 6)
        parts.append(_node(actor, url(actor), x, y, 20, x + dx, y + dy, anchor, WIDE_TEXT, 24))
    parts.append("</svg>")
    return "".join(parts)


def _narrow(picture: Picture, url: Url, title: str) -> str:
    """Actors in a column, names on the left of their dots; arcs on the right, from each answering
    actor's dot to the answered one's."""
    rows = {a.id: 24 + i * ROW for i, a in enumerate(picture.actors)}
    parts = _open("narrow", f"0 0 {NARROW_WIDTH} {24 + len(picture.actors) * ROW}", title)
    parts += [_link(edge, url, _arc(edge, rows), "narrow") for edge in picture.edges]
    for actor in picture.actors:
        parts.append(_node(actor, url(actor), DOTS, rows[actor.id], 8, DOTS - 14, rows[actor.id] + 5, "end", NARROW_TEXT, 19))
    parts.append("</svg>")
    return "".join(parts)


def _on_circle(i: int, n: int, centre: float, radius: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)


def _markers(variant: str) -> str:
    return "<defs>" + "".join(
        f'<marker id="arrow-{variant}-{rel.field}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" '
        f'markerWidth="{12 if variant == "wide" else 10}" markerHeight="{12 if variant == "wide" else 10}" '
        f'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
        f'class="explainer-head--{rel.field}"/></marker>' for rel in RELATIONS) + "</defs>"


def _curve(edge: Edge, places: dict[str, tuple[float, float]]) -> str:
    (x1, y1), (x2, y2) = places[edge.source.id], places[edge.target.id]
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    # stop short of the node circles; bend each relation by its own amount so arrows do not overlap
    x1, y1, x2, y2 = x1 + ux * 24, y1 + uy * 24, x2 - ux * 26, y2 - uy * 26
    bend = 18 + 14 * RELATIONS.index(edge.relation)
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def _arc(edge: Edge, rows: dict[str, float]) -> str:
    y1, y2 = rows[edge.source.id], rows[edge.target.id]
    x = DOTS + 10 + 4 * RELATIONS.index(edge.relation)
    reach = min(NARROW_WIDTH - 6 - x, 30 + abs(y2 - y1) * 0.45)
    return f"M{x},{y1} C{x + reach:.1f},{y1} {x + reach:.1f},{y2} {x},{y2}"


def _link(edge: Edge, url: Url, path: str, variant: str) -> str:
    """An arrow that names and links the claim that makes it (the first one, where there are several)."""
    claims = "; ".join(c.heading() for c in edge.claims)
    label = f"{edge.source.name} {edge.relation.verb} {edge.target.name}: {claims}"
    return (f'<a xlink:href="{escape(url(edge.claims[0]))}"><path d="{path}" fill="none" '
            f'class="explainer-rel--{edge.relation.field}" stroke-width="{min(2 + edge.count, 5)}" '
            f'marker-end="url(#arrow-{variant}-{edge.relation.field})"/><title>{escape(label)}</title></a>')


def _node(actor: Actor, href: str, x: float, y: float, r: float, tx: float, ty: float, anchor: str,
          size: int, limit: int) -> str:
    return (f'<a xlink:href="{escape(href)}"><circle cx="{x}" cy="{y}" r="{r}" class="explainer-node '
            f'explainer-node--{actor.kind.value}"/><text x="{tx}" y="{ty}" text-anchor="{anchor}" '
            f'font-size="{size}">{escape(_short_name(actor.name, limit))}</text>'
            f'<title>{escape(actor.name)}</title></a>')


def _short_name(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
