"""The core types every stage speaks.

All are frozen dataclasses: stages build new values instead of mutating shared ones, and
every extracted item carries its provenance (document id and character offsets into the
document's stored text, end exclusive).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PublishedSource = Literal["given", "metadata", "inferred", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
ActorKind = Literal["country", "person", "organisation", "igo", "group", "unknown"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a claim comes from: a span of one document's text (usually its sentence)."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateRange:
    """A calendar interval, both ends inclusive; a one-day date has start == end.

    `value` is the TIMEX3-style value it was read from (``2014-05-20``, ``2014-05``,
    ``2014-W21``, ``2014-SU``...), `precision` the granularity of that value.
    """

    start: date
    end: date
    value: str
    precision: Literal[
        "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "range"
    ]

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"DateRange end {self.end} is before start {self.start}")

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateRange) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a document, normalised against its anchor date.

    `value` is the TIMEX3 value (``2014-05-20``, ``P30Y``, ``XXXX-10`` for "every October",
    ``PAST_REF``...). `range` is the calendar interval the expression denotes when it
    denotes one (DATE type, including ranges such as "May 20-26"), else None.
    `anchored` is True when the value depended on the document date (relative or partial
    expressions such as "ten days ago" or "on May 21").
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    range: DateRange | None = None
    anchored: bool = False
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """A document's publication date with where it came from and how sure we are.

    For inferred dates, `earliest`/`latest` bound the window the evidence allows and
    `reason` says which evidence was used, in words an analyst can check.
    """

    value: date | None
    source: PublishedSource
    confidence: float
    reason: str
    earliest: date | None = None
    latest: date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor. `code` is CAMEO-style: country (ISO 3166 alpha-3) + sector
    (``RUSGOV``, ``CHNBUS``), or an organisation code (``IGOUNO``)."""

    code: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text naming an actor. `actor` is None when it could not be resolved:
    unknown actors are kept with their text, never guessed."""

    start: int
    end: int
    text: str
    actor: Actor | None

    @property
    def key(self) -> str:
        """The actor code, or for an unresolved actor "?" and its words in lower case, so
        that "Hamas" and "hamas" are one unresolved actor and never a code."""
        if self.actor is not None:
            return self.actor.code
        return "?" + " ".join(self.text.lower().split())


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report, in one sentence of one document, of who did what to whom and when."""

    doc_id: str
    sentence: Provenance
    trigger_start: int
    trigger_end: int
    trigger: str
    plover: str
    cameo: str
    quad_class: int
    goldstein: float
    mode: str | None = None
    context: str | None = None
    sources: tuple[ActorMention, ...] = ()
    targets: tuple[ActorMention, ...] = ()
    when: DateRange | None = None
    when_text: str | None = None
    location: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    habitual: bool = False
    reported_by: ActorMention | None = None
    figures: tuple[Provenance, ...] = ()  # the figures stated in the trigger's clause

    @property
    def mention_id(self) -> str:
        """A stable id: its document, trigger offsets and codes."""
        key = f"{self.doc_id}:{self.trigger_start}:{self.trigger_end}:{self.plover}:{self.cameo}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    @property
    def source_codes(self) -> tuple[str, ...]:
        return tuple(m.actor.code for m in self.sources if m.actor is not None)

    @property
    def target_codes(self) -> tuple[str, ...]:
        return tuple(m.actor.code for m in self.targets if m.actor is not None)

    @property
    def unresolved_sources(self) -> tuple[str, ...]:
        """Sources the knowledge base could not resolve, as written."""
        return tuple(m.text for m in self.sources if m.actor is None)

    @property
    def unresolved_targets(self) -> tuple[str, ...]:
        return tuple(m.text for m in self.targets if m.actor is None)


@dataclass(frozen=True, slots=True)
class Document:
    """An ingested article. `text` is the stored body text (boilerplate removed); every
    offset elsewhere points into it. `doc_id` is the content hash of `text`."""

    doc_id: str
    text: str
    path: str | None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PublicationDate = field(
        default_factory=lambda: PublicationDate(None, "unknown", 0.0, "no date given")
    )
    external_id: str | None = None


QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: who (source) said, wrote or thought what (content), signalled
    by which words (cue). Offsets are characters of the document's text, end exclusive.

    `content` may be several fragments ("A," says X. "B."); `text` joins them with " … ".
    `kind`: direct (within quotation marks), indirect (reported speech), mixed (reported
    speech holding a quoted phrase). `source` is the raw span naming the speaker ("he", "the
    minister", "Sergei Lavrov, Russia's foreign minister"), None when the text names none;
    `speaker` is the name it resolves to in the document, when it does; `actor_code` the
    actor code of an actor mention the source overlaps, when one is known. `dates` are the
    TIMEX3 values of the dates the content states (resolved against the publication date);
    `events` the ids of the event mentions the content reports (their triggers lie in it).
    """

    doc_id: str
    kind: QuoteKind
    content: tuple[tuple[int, int], ...]
    text: str
    cue_start: int
    cue_end: int
    cue: str
    source_start: int | None = None
    source_end: int | None = None
    source: str | None = None
    speaker: str | None = None
    actor_code: str | None = None
    dates: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the per-document NLP stage produces: a pure function of one document."""

    doc_id: str
    published: PublicationDate
    sentences: tuple[tuple[int, int], ...]
    timexes: tuple[Timex, ...]
    actors: tuple[ActorMention, ...]
    events: tuple[EventMention, ...]
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event: the fusion of its mentions across documents."""

    event_id: str
    plover: str
    cameo: str
    quad_class: int
    goldstein: float
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    when: DateRange | None
    summary: str
    mentions: tuple[EventMention, ...]
    future: bool = False
    negated: bool = False
    hypothetical: bool = False
    habitual: bool = False
    # actors the knowledge base could not resolve, as written (most reported first)
    unresolved_sources: tuple[str, ...] = ()
    unresolved_targets: tuple[str, ...] = ()

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.sources + self.targets))

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc_id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and the thing it measures, in one sentence of one document.

    `start`/`end`/`text` are the figure as written ("up to 68 billion cubic meters"). `value`
    is normalised to `unit` with its scale applied ("$400 billion" -> 4e11 USD, "38 billion
    cubic meters" -> 3.8e10 m3, "30-year" -> 30 years). `key` is the measured thing as a short
    normalised key ("contract value", "annual gas volume", "trade target", "troops"; "unknown"
    for a figure with a unit whose thing the text does not tell) and `thing` the words it was
    read from. `period` is the rate's TIMEX3 period ("annually" -> ``P1Y``); `qualifier` one of
    "up to", "about", "almost", "more than", "at least", "less than". `actors` are the actor
    codes of the figure's clause (of its sentence when the clause names none). `year` is the
    year the clause ties the figure to ("in 2012", "by 2020"), and `target` is True when the
    figure is a goal to reach ("raise trade to $100 billion by 2015").
    """

    doc_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    key: str
    thing: str
    sentence: Provenance
    period: str | None = None
    qualifier: str | None = None
    actors: tuple[str, ...] = ()
    year: int | None = None
    target: bool = False
