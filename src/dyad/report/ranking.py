"""Rank events for a chronology: which lines a journal's editor would keep.

An event's salience adds up, with the reason for each part:
- corroboration: independent documents reporting it (log-scaled: the fourth outlet adds
  less than the second), and, less, its mentions;
- date precision: a chronology is read by its dates, so a dated day or range beats "in May"
  and "in 2014";
- intensity: the magnitude of its Goldstein score (a military clash or a treaty matters more
  than a comment), whichever its sign;
- the actors asked for: when `--actor` names them, events where they are a principal source
  or target (the first coded) rank above events where they only take part;
- planned events rank a little below ones that happened.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from dyad.types import Event

_PRECISION = {"day": 1.0, "range": 1.0, "week": 0.7, "month": 0.6, "quarter": 0.4,
              "season": 0.4, "half": 0.3, "year": 0.2, "decade": 0.1, "century": 0.0}  # fmt: skip


def salience(e: Event, actors: Sequence[str] = ()) -> float:
    """The event's rank score (higher first); see the module doc for its parts."""
    docs = len(e.doc_ids)
    score = 2.0 * math.log1p(docs) + 0.5 * math.log1p(len(e.mentions))
    score += _PRECISION.get(e.when.precision, 0.2) if e.when else 0.0
    score += 0.3 * abs(e.goldstein) / 10
    principal = {c for c in (e.sources[:1] + e.targets[:1])}
    if actors and all(any(c.startswith(a.upper()) for c in principal) for a in actors):
        score += 0.5
    if e.future:
        score -= 0.3
    return round(score, 3)


def keep_top(events: Sequence[Event], n: int, actors: Sequence[str] = ()) -> set[str]:
    """Ids of the `n` most salient events (ties: the earlier event first)."""
    ranked = sorted(
        events,
        key=lambda e: (-salience(e, actors), e.when.start if e.when else None, e.event_id),
    )
    return {e.event_id for e in ranked[: max(0, n)]}
