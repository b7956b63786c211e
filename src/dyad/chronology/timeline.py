"""The date timeline: which days a set of articles is about, and what happened on each.

Pure functions over typed records (no store, no I/O); `dyad.app.chronology` loads the records
from a store and calls them, and both `dyad chronology --dates K` and `dyad bench chronology`
print what `timeline` returns.

The task is that of timeline summarisation (news-tls, Gholipour Ghalandari & Ifrim, ACL 2020):
given a span and a number of dates K, choose K days and write N sentences for each.

Candidate days (`Day`): each piece of temporal evidence names one day and brings the documents
and the sentence behind it:
- a fused event (`days_of`): dated, and not planned, negated, hypothetical or habitual (a
  timeline says what happened; a planned event's date still counts as a date reference).
  A day-precision event counts for its day, an explicit range ("May 20-26") for its first day;
  weeks, months and years name no day. Its evidence is the documents and sentences of its mentions;
- a day-precision temporal expression (`days_of_timexes`), with or without an event attached:
  a date reference, counted across documents as DATEWISE counts them.

- publication days (`with_publications`): a candidate day also counts the articles published
  on it or the next day (DATEWISE's publication count).

A day's score is the number of distinct documents giving evidence for it plus its publication
count (ties: more mentions, then the earlier day). With a topic `query`, only evidence
sentences that share a content word with it count. A day's summary (`summarise`) is drawn from
its evidence sentences plus the first lead sentences of the articles published on that day or
the next (news reports an event the same day or the day after; DATEWISE also takes sentences
published on the date): ranked by cosine similarity of content words (lower-cased letter/digit
runs minus spaCy's English stop words) to the centroid of that pool plus TOPIC_WEIGHT times
that to the words of the whole corpus (its lead sentences: what the topic is about), sentences
of MIN_WORDS..MAX_WORDS words only when the pool has any (a timeline line is a clause, not a
paragraph), taken greedily, skipping a sentence whose content words are more than half those of
one already taken, and any sentence already summarising an earlier date.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from dyad.types import Event

DUPLICATE_SHARE = 0.5  # a sentence whose content words are over half a chosen one's is skipped
MIN_WORDS, MAX_WORDS = 5, 30  # summary sentences of this many words (when a day has any)
TOPIC_WEIGHT = 0.5  # weight of similarity to the whole corpus against that to the day's pool

_TOKEN = re.compile(r"[^\W_]+")


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_words(text: str) -> list[str]:
    """Lower-cased letter/digit runs of `text`, spaCy's English stop words left out."""
    stop = _stop_words()
    return [t for t in _TOKEN.findall(text.lower()) if t not in stop]


def fold(text: str) -> str:
    """A sentence with its whitespace runs folded to one space (how evidence is keyed)."""
    return " ".join(text.split())


@dataclass(slots=True)
class Day:
    """The evidence for one day: the documents, the number of mentions, and the distinct
    sentences (in order of arrival) with the documents each came from."""

    day: date
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    sentences: dict[str, set[str]] = field(default_factory=dict)
    published: int = 0  # articles published on the day or the next (`with_publications`)

    @property
    def score(self) -> tuple[int, int]:
        return (len(self.docs) + self.published, self.mentions)

    def add(self, doc_id: str, sentence: str) -> None:
        self.docs.add(doc_id)
        self.mentions += 1
        self.sentences.setdefault(fold(sentence), set()).add(doc_id)


@dataclass(frozen=True, slots=True)
class TimelineDate:
    """One date of a timeline: its summary sentences and the evidence that chose it."""

    day: date
    summary: tuple[str, ...]
    documents: int
    mentions: int


def event_day(e: Event) -> date | None:
    """The day an event counts for: a day-precision event's day, an explicit range's first
    day; None for undated, planned, negated, hypothetical or habitual events and vaguer dates
    (a timeline says what happened)."""
    if e.when is None or e.future or e.negated or e.hypothetical or e.habitual:
        return None
    if e.when.start == e.when.end or e.when.precision == "range":
        return e.when.start
    return None


def days_of(events: Iterable[Event]) -> dict[date, Day]:
    """Per day: the documents and mentions of its events and their distinct sentences."""
    days: dict[date, Day] = {}
    for e in events:
        d = event_day(e)
        if d is None:
            continue
        day = days.setdefault(d, Day(d))
        for m in e.mentions:
            day.add(m.doc_id, m.sentence.text)
    return days


def days_of_timexes(rows: Iterable[tuple[str, date, str]]) -> dict[date, Day]:
    """Per day: from ``(doc_id, day, sentence)`` rows of day-precision temporal expressions,
    the documents naming the day and the sentences naming it."""
    days: dict[date, Day] = {}
    for doc_id, d, sentence in rows:
        days.setdefault(d, Day(d)).add(doc_id, sentence)
    return days


def merge_days(*sources: Mapping[date, Day]) -> dict[date, Day]:
    """The union of several sources' evidence per day (sentences in source order)."""
    out: dict[date, Day] = {}
    for source in sources:
        for d, day in source.items():
            into = out.setdefault(d, Day(d))
            into.docs |= day.docs
            into.mentions += day.mentions
            for s, docs in day.sentences.items():
                into.sentences.setdefault(s, set()).update(docs)
    return out


def with_publications(days: Mapping[date, Day], published: Mapping[date, int]) -> dict[date, Day]:
    """Each candidate day with the number of articles published on it or the next day (news
    reports an event the same day or the day after): DATEWISE's publication count."""
    out = {}
    for d, day in days.items():
        n = published.get(d, 0) + published.get(d + timedelta(days=1), 0)
        out[d] = Day(d, day.docs, day.mentions, day.sentences, n)
    return out


def topic_of(sentences: Iterable[str]) -> Counter[str]:
    """The content words of a whole corpus (its lead sentences): what the topic is about."""
    bag: Counter[str] = Counter()
    for s in sentences:
        bag.update(content_words(s))
    return bag


def relevant(days: Mapping[date, Day], query: str) -> dict[date, Day]:
    """Each day's evidence restricted to sentences sharing a content word with `query` (days
    left with none are dropped); an empty query keeps everything."""
    words = set(content_words(query))
    if not words:
        return dict(days)
    out: dict[date, Day] = {}
    for d, day in days.items():
        kept = {s: docs for s, docs in day.sentences.items() if words & set(content_words(s))}
        if kept:
            docs = set().union(*kept.values())
            out[d] = Day(d, docs, sum(map(len, kept.values())), kept, day.published)
    return out


def rank_days(days: Mapping[date, Day], first: date, last: date, k: int) -> list[date]:
    """The k best-supported days in first..last (see `Day.score`; ties to the earlier day)."""
    inside = [d for d in days.values() if first <= d.day <= last]
    inside.sort(key=lambda d: (-d.score[0], -d.score[1], d.day))
    return sorted(d.day for d in inside[: max(0, k)])


def _bag(sentence: str) -> Counter[str]:
    return Counter(content_words(sentence))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def summarise(sentences: Sequence[str], n: int, topic: Counter[str] | None = None) -> list[str]:
    """Up to n sentences closest to the centroid of all of them, and (with `topic`) to the
    topic's words; sentences of MIN_WORDS..MAX_WORDS words first (see the module docstring)."""
    fit = [s for s in sentences if MIN_WORDS <= len(s.split()) <= MAX_WORDS]
    sentences = fit or list(sentences)
    bags = [_bag(s) for s in sentences]
    centroid: Counter[str] = Counter()
    for b in bags:
        centroid.update(b)

    def closeness(i: int) -> float:
        near = _cosine(bags[i], centroid)
        return near + TOPIC_WEIGHT * _cosine(bags[i], topic) if topic else near

    order = sorted(range(len(sentences)), key=lambda i: (-closeness(i), i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= n:
            break
        words = set(bags[i])
        if not words:
            continue
        if any(len(words & set(bags[j])) > DUPLICATE_SHARE * len(words) for j in chosen):
            continue
        chosen.append(i)
    return [sentences[i] for i in chosen]


def span_of(days: Iterable[date]) -> tuple[date, date] | None:
    """The first and last of some days (None when there are none)."""
    ordered = sorted(days)
    return (ordered[0], ordered[-1]) if ordered else None


def timeline(
    days: Mapping[date, Day],
    leads: Mapping[date, Sequence[str]],
    first: date,
    last: date,
    k: int,
    per_date: int = 1,
    query: str | None = None,
    topic: Counter[str] | None = None,
) -> list[TimelineDate]:
    """K dates in first..last with `per_date` summary sentences each, oldest first (see the
    module docstring); `leads` are the lead sentences of the articles by publication day,
    `topic` the words of the whole corpus (`topic_of`)."""
    if query:
        days = relevant(days, query)
    out = []
    taken: set[str] = set()  # a sentence summarises one date only
    for d in rank_days(days, first, last, k):
        pool = dict.fromkeys([*days[d].sentences, *leads.get(d, ()),
                              *leads.get(d + timedelta(days=1), ())])  # fmt: skip
        day = days[d]
        summary = tuple(summarise([s for s in pool if s not in taken], per_date, topic))
        taken.update(summary)
        out.append(TimelineDate(d, summary, len(day.docs) + day.published, day.mentions))
    return out
