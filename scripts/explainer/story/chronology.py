"""The order claims were made in: by date (undated last); within a day by time where the sources
give one, an answer after what it answers, and otherwise in the order the data files list them."""

from __future__ import annotations

import heapq
from itertools import groupby

from .model import Claim


def chronology(claims: list[Claim]) -> list[Claim]:
    written = sorted(claims, key=lambda c: (c.where.path.as_posix(), c.where.line, c.id))
    position = {c.id: i for i, c in enumerate(written)}
    by_date = sorted(written, key=lambda c: (c.date is None, c.date or 0))
    ordered: list[Claim] = []
    for _, day in groupby(by_date, key=lambda c: c.date):
        ordered += _within_day(list(day), position)
    return ordered


def _within_day(claims: list[Claim], position: dict[str, int]) -> list[Claim]:
    """A topological order of the day's claims: each answer after the claim it answers, timed claims
    in time order; where nothing decides, the written order. A cycle (an answer given at an earlier
    hour than what it answers) is broken at the claim written first."""
    ids = {c.id: c for c in claims}
    after: dict[str, set[str]] = {c.id: set() for c in claims}  # claim -> claims that must come after it
    for claim in claims:
        for _, target in claim.relations():
            if target in ids and target != claim.id:
                after[target].add(claim.id)
    timed = sorted((c for c in claims if c.minute_of_day() is not None), key=lambda c: (c.minute_of_day(), position[c.id]))
    for earlier, later in zip(timed, timed[1:]):
        if earlier.minute_of_day() != later.minute_of_day():
            after[earlier.id].add(later.id)
    waiting = {i: 0 for i in ids}
    for followers in after.values():
        for follower in followers:
            waiting[follower] += 1
    ready = [(position[i], i) for i, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    done: list[Claim] = []
    while len(done) < len(claims):
        if not ready:  # a cycle: go on with the first-written claim still waiting
            first = min((i for i, n in waiting.items() if n > 0), key=position.__getitem__)
            waiting[first] = 0
            ready = [(position[first], first)]
        _, current = heapq.heappop(ready)
        if waiting.get(current) is None:
            continue
        del waiting[current]
        done.append(ids[current])
        for follower in after[current]:
            if follower in waiting and waiting[follower] > 0:
                waiting[follower] -= 1
                if waiting[follower] == 0:
                    heapq.heappush(ready, (position[follower], follower))
    return done
