"""The stylesheet the plugin adds to every site: the package's own rules, and a colour for each
relation of the registry, so a new relation needs no CSS."""

from __future__ import annotations

from importlib.resources import files

from ..story.relations import RELATIONS


def stylesheet() -> str:
    static = files(__package__).joinpath("assets", "explainer.css").read_text(encoding="utf-8")
    light = "".join(f" --explainer-{r.field}: {r.colour};" for r in RELATIONS)
    dark = "".join(f" --explainer-{r.field}: {r.dark};" for r in RELATIONS)
    rules = "".join(f".explainer-rel--{r.field} {{ stroke: var(--explainer-{r.field}); }}\n"
                    f".explainer-head--{r.field} {{ fill: var(--explainer-{r.field}); }}\n"
                    f".explainer-key--{r.field}::before {{ background: var(--explainer-{r.field}); }}\n"
                    for r in RELATIONS)
    return f"{static}:root {{{light} }}\n[data-md-color-scheme=\"slate\"] {{{dark} }}\n{rules}"
