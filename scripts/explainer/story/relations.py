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
    # how a news article says a claim makes the relation: patterns matched (case aside) from a reported
    # claim's cue on, over the writer's words ("rejected that account", "called the claim ludicrous");
    # `explainer ingest` suggests the link to the claim it answers
    cues: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.field


# The order is the order pages list relations in, and the order of the diagram's legend.
RELATIONS: list[Relation] = [
    Relation("responds_to", "Responds to", "Answered by", "answers", "#1565c0", "#64b5f6",
             "Ids of claims this one answers without taking a side.",
             cues=(r"respond(?:ed|s)", r"repl(?:ied|ies)", r"answer(?:ed|s)", r"react(?:ed|s)", r"retort(?:ed|s)")),
    Relation("supports", "Supports", "Supported by", "supports", "#2e7d32", "#81c784", "Ids of claims this one backs.",
             cues=(r"back(?:ed|s)", r"support(?:ed|s)", r"endors(?:ed|es)", r"agree(?:d|s)", r"welcom(?:ed|es)",
                   r"echo(?:ed|es)", r"confirm(?:ed|s)", r"defend(?:ed|s)")),
    Relation("disputes", "Disputes", "Disputed by", "disputes", "#d84315", "#ffb74d",
             "Ids of claims this one calls into doubt.",
             cues=(r"disput(?:ed|es)", r"question(?:ed|s)", r"challeng(?:ed|es)", r"contest(?:ed|s)", r"doubt(?:ed|s)",
                   r"cast(?:s)? doubt")),
    Relation("denies", "Denies", "Denied by", "denies", "#c62828", "#ef5350", "Ids of claims this one says are false.",
             cues=(r"den(?:ied|ies)", r"reject(?:ed|s)", r"dismiss(?:ed|es)", r"refut(?:ed|es)", r"rebuff(?:ed|s)",
                   r"(?:call(?:ed|s)|brand(?:ed|s)|describ(?:ed|es)|dismiss(?:ed|es))\s+(?:[\w’'-]+\s+){0,6}?(?:as\s+)?"
                   r"(?:ludicrous|absurd|false|untrue|a lie|lies|nonsense|baseless|fabricated|fake|propaganda|"
                   r"ridiculous|a fabrication)")),
]


def relation(field: str) -> Relation:
    """The relation whose claim field is `field`."""
    return next(r for r in RELATIONS if r.field == field)
