"""How one claim answers another: the one registry of relations.

Each relation is a field of every claim (a list of claim ids), and everything else loops over
`RELATIONS`: the model, validation, the graph, page wording, the diagram's colours and legend,
the stylesheet, the schema and the synthetic stories. A new relation is one entry here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    """One way a claim can relate to earlier claims."""

    field: str        # the claim field that holds the ids: `denies: [claim-id]`
    label: str        # "Denies …", said from the claim that makes the relation
    inverse: str      # "Denied by …", said from the claim it is about
    verb: str         # "Kirby denies Peskov": the diagram's text version and its legend
    colour: str       # arrows and legend keys on the light scheme (at least 3:1 against white)
    dark: str         # the same on the dark scheme (at least 3:1 against Material's slate)
    description: str  # the field's line in the schema reference

    def __str__(self) -> str:
        return self.field


# The order is the order pages list relations in, and the order of the diagram's legend.
RELATIONS: list[Relation] = [
    Relation("responds_to", "Responds to", "Answered by", "answers", "#1565c0", "#64b5f6",
             "Ids of claims this one answers without taking a side."),
    Relation("supports", "Supports", "Supported by", "supports", "#2e7d32", "#81c784", "Ids of claims this one backs."),
    Relation("disputes", "Disputes", "Disputed by", "disputes", "#d84315", "#ffb74d",
             "Ids of claims this one calls into doubt."),
    Relation("denies", "Denies", "Denied by", "denies", "#c62828", "#ef5350", "Ids of claims this one says are false."),
]


def relation(field: str) -> Relation:
    """The relation whose claim field is `field`."""
    return next(r for r in RELATIONS if r.field == field)
