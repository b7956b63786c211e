"""Sectors an event itself tells: the parties to a military exercise are armed forces.

"China and Russia held a joint naval drill" names two countries, but those who exercise are
their militaries: for military cooperation (CAMEO 062) whose trigger is an exercise noun,
a country coded without a sector becomes that country's military (CHN -> CHNMIL). Nothing
else is inferred: "China and Russia signed a deal" keeps CHN and RUS.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.types import Actor, ActorMention, EventMention

# Sectors of a state's own bodies: they act for their state, so without a country named
# they are nobody's (`generic`), and their protests are aimed abroad, not at home (`protest`).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
_EXERCISE_LEMMAS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame",
                              "war game", "war-game"})  # fmt: skip


def _military(m: ActorMention) -> ActorMention:
    a = m.actor
    if a is None or a.kind != "country" or a.sector is not None or not a.country:
        return m
    mil = Actor(f"{a.country}MIL", "organisation", a.country, "MIL", None, "armed forces")
    return replace(m, actor=mil)


def exercise_sectors(e: EventMention) -> EventMention:
    """`e` with its bare-country parties made military when it is a military exercise."""
    trigger = e.trigger.lower().rstrip("s")
    if not e.cameo.startswith("062") or trigger not in _EXERCISE_LEMMAS:
        return e
    return replace(e, sources=tuple(_military(m) for m in e.sources),
                   targets=tuple(_military(m) for m in e.targets))  # fmt: skip
