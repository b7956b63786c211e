"""The timeline run: load the temporal evidence of a store and build the date timeline that
`dyad chronology --dates K` prints and `dyad bench chronology` scores
(`dyad.chronology.timeline`, pure, does the choosing and summarising)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dyad.chronology.filters import EventFilter
from dyad.chronology.timeline import (
    Day,
    TimelineDate,
    days_of,
    days_of_timexes,
    fold,
    merge_days,
    span_of,
    timeline,
    topic_of,
    with_publications,
)
from dyad.store import chronology as sql
from dyad.store.db import Store

LEAD = 5  # first sentences of an article that join the summary pool of its day and the day before
SIGNALS = ("events", "events+timexes", "events+timexes+published")
DEFAULT_SIGNALS = "events+timexes+published"


@dataclass(frozen=True, slots=True)
class TimelineAsk:
    """What a timeline is asked for: `dates` days (K) with `per_date` sentences (N) each,
    within `since`..`until` (default: the span of the evidence), from `signals`, the events
    kept by `events` (actors, types), relevant to `query` (topic words) when given."""

    dates: int
    per_date: int = 1
    since: date | None = None
    until: date | None = None
    query: str | None = None
    signals: str = DEFAULT_SIGNALS
    events: EventFilter = EventFilter()

    def __post_init__(self) -> None:
        if self.signals not in SIGNALS:
            raise ValueError(f"signals must be one of {', '.join(SIGNALS)}, not {self.signals!r}")


def evidence(
    store: Store, signals: str = DEFAULT_SIGNALS, flt: EventFilter | None = None
) -> dict[date, Day]:
    """The candidate days of a store for `signals` (`dyad.chronology.timeline`): its fused
    events (those `flt` accepts); with ``events+timexes`` also its day-precision timexes; with
    ``events+timexes+published`` also the articles published on each day or the next."""
    if signals not in SIGNALS:
        raise ValueError(f"signals must be one of {', '.join(SIGNALS)}, not {signals!r}")
    events = store.events()
    days = days_of(e for e in events if flt is None or flt.accepts(e))
    if signals == "events":
        return days
    days = merge_days(days, days_of_timexes(sql.day_timexes(store)))
    if signals == "events+timexes":
        return days
    return with_publications(days, dict(sql.publication_counts(store)))


def lead_sentences(store: Store, lead: int = LEAD) -> dict[date, list[str]]:
    """Per publication day: the first `lead` sentences of each article published that day."""
    out: dict[date, list[str]] = {}
    for day, sentence in sql.lead_sentences(store, lead):
        out.setdefault(day, []).append(fold(sentence))
    return out


def build(
    days: Mapping[date, Day], leads: Mapping[date, Sequence[str]], ask: TimelineAsk
) -> list[TimelineDate]:
    """The timeline `ask` asks for from loaded evidence (the bench calls this once per gold
    timeline on one topic's evidence)."""
    span = span_of(days)
    if span is None:
        return []
    first, last = ask.since or span[0], ask.until or span[1]
    topic = topic_of(s for sentences in leads.values() for s in sentences)
    return timeline(days, leads, first, last, ask.dates, ask.per_date, ask.query, topic)


def store_timeline(store: Store, ask: TimelineAsk) -> list[TimelineDate]:
    """The timeline of a store (`dyad chronology --dates K`)."""
    flt = ask.events if (ask.events.actors or ask.events.types) else None
    return build(evidence(store, ask.signals, flt), lead_sentences(store), ask)
