"""Fusion: event mentions from many documents become events that list every mention.

Design (cost about linear in the number of mentions):
1. Blocking (`blocks.py`). Mentions are grouped by PLOVER type, the set of countries
   taking part and their negated, hypothetical and habitual flags. Only mentions in one
   block are ever compared, and new documents re-fuse only the blocks they touch.
2. Dated mentions, oldest first, join the first event in their block whose date range
   overlaps theirs and whose wording and actors are similar enough (same-day reports of the
   same type and countries need less wording in common). Mentions that both name the
   people taking part (or the unresolved actors acting) and share none are never one event.
3. Undated mentions join the most similar dated event of their block doing the same CAMEO
   action that falls inside their document's publication window (a report cannot describe
   an event after it was published); failing that, the most similar undated event of the
   block ("Western sanctions" told by three articles is one undated event with three
   sources). Undated events stay in the event table but not in a chronology.
The event's date is the most precise one its mentions give (see `_event_date`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from dyad.fuse.merge import merged_event
from dyad.fusion_blocks import Block, block_of
from dyad.types import DateRange, Event, EventMention, PublicationDate

# How far before its publication an undated "recent" report may point.
UNDATED_LOOKBACK = timedelta(days=120)
SAME_DAY_SIMILARITY = 0.05
DATED_SIMILARITY = 0.15
UNDATED_SIMILARITY = 0.20

_STOPWORDS = """
a an the and or of to in on at for with by from as is was were be been are that this these
those it its their his her they he she we our you your not no but also which who whom will
would could should may might has have had do did said says than then there two both other
into over after before during while about more most such same day
"""
_STOP = frozenset(_STOPWORDS.split())
_WORD = re.compile(r"[a-z][a-z\-]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


@dataclass
class _Cluster:
    block: Block
    mentions: list[EventMention] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    cameos: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # named persons taking part
    unresolved: set[str] = field(default_factory=set)  # names the KB does not know
    when: DateRange | None = None  # the event date so far (recomputed when a mention joins)
    first_pub: date | None = None  # earliest publication date of its documents

    def add(self, m: EventMention, pub: PublicationDate | None, t: _Traits) -> None:
        self.mentions.append(m)
        self.words |= t.words
        self.codes |= t.keys
        self.cameos.add(m.cameo[:3])
        self.people |= t.people
        self.unresolved |= t.unresolved
        if m.when is not None:
            self.when = _event_date([x.when for x in self.mentions if x.when is not None])
        day = _pub_day(pub)
        if day != date.min:
            self.first_pub = min(self.first_pub or day, day)

    def similarity(self, t: _Traits) -> float:
        """Shared wording and shared actor codes, half and half; 0 when both name the
        people taking part and none is shared ("Putin's visit" is not "Shoigu's visit",
        though both are Russian visits to China)."""
        if t.people and self.people and not t.people & self.people:
            return 0.0
        if t.unresolved and self.unresolved and not t.unresolved & self.unresolved:
            return 0.0  # "Hamas attacked" is not "Hezbollah attacked" on the same day
        w = len(t.words & self.words) / max(1, len(t.words | self.words))
        c = len(t.keys & self.codes) / max(1, len(t.keys | self.codes))
        return 0.5 * w + 0.5 * c


@dataclass(frozen=True, slots=True)
class _Traits:
    """What fusion compares of a mention, computed once per mention."""

    words: frozenset[str]
    keys: frozenset[str]  # actor codes, and the words of unresolved actors
    people: frozenset[str]  # named persons taking part
    unresolved: frozenset[str]  # unresolved sources


def _traits(m: EventMention) -> _Traits:
    return _Traits(
        _words(m.sentence.text),
        frozenset(a.key for a in (*m.sources, *m.targets)),
        frozenset(_people(m)),
        frozenset(a.key for a in m.sources if a.actor is None),
    )


def _people(m: EventMention) -> set[str]:
    """The named persons among the mention's sources and targets."""
    return {
        a.actor.name
        for a in (*m.sources, *m.targets)
        if a.actor is not None and a.actor.kind == "person" and a.actor.name
    }


def _event_date(ranges: list[DateRange]) -> DateRange | None:
    """The most precise date the mentions give: explicit days and ranges outrank vaguer
    dates ("May 20" beats "in May"); among explicit ones, a range that contains all the
    others wins ("May 20 through May 26" over "May 20", the day it began); else the most
    reported, shortest."""
    if not ranges:
        return None
    explicit = [r for r in ranges if r.precision in ("day", "range")]
    pool = explicit or ranges
    covering = [r for r in pool if all(r.contains(o) for o in pool)]
    if covering:
        return min(covering, key=lambda r: r.days)
    counts = Counter((r.start, r.end) for r in pool)
    return max(pool, key=lambda r: (counts[(r.start, r.end)], -r.days))


def fuse(mentions: Iterable[EventMention], published: Mapping[str, PublicationDate]) -> list[Event]:
    """Group mentions into events (see the module docstring for the rules)."""
    blocks: dict[Block, list[EventMention]] = defaultdict(list)
    for m in mentions:
        blocks[block_of(m)].append(m)
    clusters: list[_Cluster] = []
    for block, members in blocks.items():
        clusters.extend(_fuse_block(block, members, published))
    return sorted((merged_event(c.mentions, c.when, c.block) for c in clusters), key=_event_order)


def _fuse_block(
    block: Block,
    members: list[EventMention],
    published: Mapping[str, PublicationDate],
) -> list[_Cluster]:
    """Fuse one block. Both passes sweep in time order and keep only the clusters a mention
    could still join, so the cost grows with the mentions, not with their square: dated
    mentions come oldest first, and a cluster whose date ends before the current mention
    starts can never overlap a later one; undated mentions come in publication order, and a
    group of undated reports published more than `UNDATED_LOOKBACK` ago is closed."""
    dated = sorted((m for m in members if m.when), key=lambda m: (m.when.start, m.when.end))  # type: ignore[union-attr]
    clusters: list[_Cluster] = []
    active: list[_Cluster] = []
    for m in dated:
        assert m.when is not None
        t = _traits(m)
        active = [c for c in active if c.when is not None and c.when.end >= m.when.start]
        best: _Cluster | None = None
        best_sim = -1.0
        for c in active:
            when = c.when
            if when is None or not when.overlaps(m.when):
                continue
            same_day = when.start == m.when.start and when.end == m.when.end
            needed = SAME_DAY_SIMILARITY if same_day else DATED_SIMILARITY
            sim = c.similarity(t)
            if sim >= needed and sim > best_sim:
                best, best_sim = c, sim
        if best is None:
            best = _Cluster(block)
            clusters.append(best)
            active.append(best)
        best.add(m, published.get(m.doc_id), t)
    by_start = sorted(clusters, key=lambda c: c.when.start if c.when else date.min)
    starts = [c.when.start if c.when else date.min for c in by_start]
    undated = sorted((m for m in members if m.when is None),
                     key=lambda m: _pub_day(published.get(m.doc_id)))  # fmt: skip
    loners: list[_Cluster] = []
    open_loners: list[_Cluster] = []
    for m in undated:
        window = published.get(m.doc_id)
        candidates = _clusters_in_window(by_start, starts, window)
        pub = _pub_day(window)
        open_loners = [c for c in open_loners if _still_open(c, pub)]
        near = [c for c in open_loners if _published_near(c, window, published)]
        t = _traits(m)
        best = _most_similar(m, t, candidates) or _most_similar(m, t, near)
        if best is None:
            best = _Cluster(block)
            loners.append(best)
            open_loners.append(best)
        best.add(m, window, t)
    return clusters + loners


def _still_open(c: _Cluster, pub: date) -> bool:
    """Undated reports published within `UNDATED_LOOKBACK` of the group's first may join."""
    return c.first_pub is not None and pub - c.first_pub <= UNDATED_LOOKBACK


def _span(pub: PublicationDate | None) -> tuple[date, date] | None:
    """When a document appeared: its publication day, else the window the text allows
    (a term of office, a year: no day, but both ends), else None."""
    if pub is None:
        return None
    if pub.value is not None:
        return pub.value, pub.value
    if pub.earliest is not None and pub.latest is not None:
        return pub.earliest, pub.latest
    return None


def _pub_day(pub: PublicationDate | None) -> date:
    span = _span(pub)
    return span[0] if span else date.min


def _clusters_in_window(
    by_start: list[_Cluster], starts: list[date], pub: PublicationDate | None
) -> list[_Cluster]:
    """Dated clusters whose date starts inside a document's publication window (bisected
    on the clusters sorted by start)."""
    span = _span(pub)
    if pub is None or span is None:
        return []
    latest = pub.latest or span[1]
    earliest = (pub.earliest or span[0]) - UNDATED_LOOKBACK
    lo, hi = bisect_left(starts, earliest), bisect_right(starts, latest)
    return by_start[lo:hi]


def _published_near(
    c: _Cluster, pub: PublicationDate | None, published: Mapping[str, PublicationDate]
) -> bool:
    """Undated reports can only be of one event if their articles appeared close in time:
    their publication days (or, for an article with no day, its window) lie within
    `UNDATED_LOOKBACK` of each other."""
    span = _span(pub)
    if span is None:
        return False
    for m in c.mentions:
        other = _span(published.get(m.doc_id))
        if other is None:
            return False
        if other[0] - span[1] > UNDATED_LOOKBACK or span[0] - other[1] > UNDATED_LOOKBACK:
            return False
    return True


def _most_similar(m: EventMention, t: _Traits, clusters: list[_Cluster]) -> _Cluster | None:
    """The most similar cluster doing the same CAMEO action (one PLOVER type covers
    different actions: 061 economic vs 062 military cooperation), if similar enough; on a
    tie the latest (clusters come in time order): news reports what happened last."""
    scored = [(c.similarity(t), i, c) for i, c in enumerate(clusters) if m.cameo[:3] in c.cameos]
    scored = [s for s in scored if s[0] >= UNDATED_SIMILARITY]
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def _event_order(e: Event) -> tuple[bool, str, str]:
    return (e.when is None, e.when.start.isoformat() if e.when else "", e.event_id)

