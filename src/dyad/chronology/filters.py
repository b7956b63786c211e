"""Which events a chronology or an event list keeps: actors (with the members of groups on the
event's date), dates, PLOVER types, and (for the chronology) only events that happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dyad.nlp.actors import groups
from dyad.types import Event


@dataclass(frozen=True, slots=True)
class EventFilter:
    """`actors`: codes or code prefixes (``RUS`` matches ``RUSGOV``); when two or more are
    given, each must take part. `since`/`until` keep events whose dates overlap them;
    `types` keeps events of those PLOVER types.
    `dated_only` (the chronology) also leaves out negated, hypothetical and habitual
    events."""

    actors: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    dated_only: bool = False
    types: tuple[str, ...] = ()  # PLOVER types ("CONSULT", "AGREE"); any of them

    def accepts(self, event: Event) -> bool:
        if self.dated_only and (
            event.when is None or event.negated or event.hypothetical or event.habitual
        ):
            return False
        if self.since and (event.when is None or event.when.end < self.since):
            return False
        if self.until and (event.when is None or event.when.start > self.until):
            return False
        if self.types and event.plover not in {t.upper() for t in self.types}:
            return False
        codes = event.actors + tuple(m for ms in members_of(event).values() for m in ms)
        return all(any(c.startswith(a.upper()) for c in codes) for a in self.actors)


def members_of(event: Event) -> dict[str, tuple[str, ...]]:
    """The members of the event's group actors ("WST" -> USA, IGOEUR...) on its date (today's
    members when undated), by group code as coded (``WSTGOV``)."""
    on = event.when.start if event.when else None
    found = {code: groups.members(code, on) for code in event.actors}
    return {code: ms for code, ms in found.items() if ms}
