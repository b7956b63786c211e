"""Publication-date evidence beyond the article's own dates: office holders and summit series.

Two kinds of evidence, each turned into `Bound`s (lower or upper limits on the publication
day) with a stated reason:

1. Titles. A named person given a current title ("President Barack Obama", "Chinese leader
   Xi Jinping") held that office when the article was written, so the publication day lies
   in the union of their terms in that role (data/people.tsv through the actor KB). A
   generic "leader" means the role countries.tsv names as the country's leader. Titles after
   "former", "then-", "late", "ex-" or in a past-perfect clause ("who had been president")
   describe the past and are ignored. "new", "newly-minted", "newly elected", "incoming"...
   before the title say the term had just begun: within about six months of its start (a
   weaker claim, so the caller lowers its confidence).
2. Summit series + month. "planned to visit China in May to attend the CICA summit" anchors
   the article when exactly one gazetteer row of that series (data/known_events.tsv) falls in
   that month inside the current window; the direction (past/future) follows the tense, and
   a plan told in the past tense ("planned to", "was due to") is read as past: journalists
   write "plans to"/"is scheduled to" while a plan is still ahead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dyad.nlp.actors.kb import KnowledgeBase, Term, load_kb
from dyad.nlp.temporal.known_events import _SERIES, KnownEvent, known_events
from dyad.nlp.temporal.lexicon import month_number
from dyad.nlp.temporal.recognise import Mention
from dyad.types import ActorMention

NEW_TERM_DAYS = 183  # "newly-minted leader": within about six months of the term's start
_FAR = date(9999, 12, 31)
_PAST_TITLE = re.compile(
    r"(?i:\b(?:former|then|late|ex|erstwhile|one-?time|outgoing|retired|previous|past)\b"
    r"[-\s]*(?:[A-Z][\w.]*\s+){0,3}$)"
)
_PAST_PERFECT = re.compile(r"(?i:\bhad\s+(?:been|served|become)\b)")
_NEW_TITLE = re.compile(
    r"(?i:\b(?:new|newly[-\s]?(?:minted|elected|appointed|installed|inaugurated|named)|"
    r"incoming|freshly[-\s]?minted)[-\s]+(?:[A-Z][\w.]*\s+){0,2}$)"
)
_PAST_PLAN = re.compile(
    r"(?i:\b(?:planned|intended|hoped|(?:was|were)\s+(?:due|scheduled|expected|set|supposed|"
    r"slated)|had\s+(?:planned|intended|hoped))\s+to\b)"
)
_SERIES_RX = {k: re.compile(rf"\b(?:{v})\b") for k, v in _SERIES.items()}


@dataclass(slots=True)
class Bound:
    """A limit on the publication day: `lower` (on or after `day`) or upper; `why` is shown.

    `kind` says what the limit rests on: "event" (a dated event the text tells), "title"
    (a term of office) or "year" (a year the text tells as completed).
    """

    day: date
    lower: bool
    why: str
    kind: str = "event"


Interval = tuple[date, date]


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    out = [(max(s1, s2), min(e1, e2)) for s1, e1 in a for s2, e2 in b]
    return [(s, e) for s, e in out if s <= e]


def _role_terms(kb: KnowledgeBase, mention: ActorMention) -> list[Term]:
    actor = mention.actor
    if actor is None or actor.name is None or actor.role is None:
        return []
    people = kb.people_named(actor.name)
    if len(people) != 1:
        return []
    terms = kb.terms(people[0])
    role = actor.role
    if role == "leader":
        out = []
        for t in terms:
            row = kb.country(t.country)
            if row is not None and row.leader == t.role:
                out.append(t)
        return out
    return [t for t in terms if t.role == role]


def _titled(text: str, mention: ActorMention) -> bool:
    """The mention's own text carries the title ("President Putin", not just "Putin")."""
    actor = mention.actor
    if actor is None or actor.role is None:
        return False
    return actor.role.lower() in mention.text.lower()


def actor_bounds(text: str, actors: Iterable[ActorMention]) -> tuple[list[Bound], bool]:
    """Bounds from titled office holders (see module doc); True when a "new" title was used."""
    kb = load_kb()
    allowed: list[Interval] | None = None
    names: list[str] = []
    used_new = False
    seen: set[tuple[str, str, bool]] = set()
    for m in actors:
        if m.actor is None or not _titled(text, m):
            continue
        before = text[max(0, m.start - 40) : m.start]
        around = text[max(0, m.start - 40) : min(len(text), m.end + 40)]
        if _PAST_TITLE.search(before) or _PAST_PERFECT.search(around):
            continue
        terms = _role_terms(kb, m)
        if not terms:
            continue
        new = bool(_NEW_TITLE.search(before))
        key = (m.actor.name or "", m.actor.role or "", new)
        if key in seen:
            continue
        seen.add(key)
        if new:
            spans = [(t.start, t.start + timedelta(days=NEW_TERM_DAYS)) for t in terms]
            label = f"'{m.text}' called new: within ~6 months of the term's start"
            used_new = True
        else:
            spans = [(t.start, t.end or _FAR) for t in terms]
            label = f"'{m.text}' in office"
        nxt = spans if allowed is None else _intersect(allowed, spans)
        if not nxt:
            continue  # inconsistent with the titles seen so far: leave this one out
        allowed = nxt
        names.append(label)
    if allowed is None:
        return [], False
    low = min(s for s, _ in allowed)
    high = max(e for _, e in allowed)
    why = "titles: " + ", ".join(names)
    bounds = [Bound(low, True, why, "title")]
    if high != _FAR:
        bounds.append(Bound(high, False, why, "title"))
    return bounds, used_new


def _series_in(sentence: str) -> list[str]:
    return [k for k, rx in _SERIES_RX.items() if rx.search(sentence)]


def _rows_in_month(series: str, month: int, lo: date | None, hi: date | None) -> list[KnownEvent]:
    return [
        e for e in known_events()
        if e.series == series and month in (e.start.month, e.end.month)
        and (lo is None or e.end >= lo) and (hi is None or e.start <= hi)
    ]  # fmt: skip


def summit_month_bounds(
    text: str,
    mentions: list[Mention],
    sentences: list[tuple[int, int]],
    tense_of: Callable[[int], str | None],
    earliest: date | None,
    latest: date | None,
) -> tuple[list[Bound], set[int]]:
    """A summit series named with a bare month in one sentence (see module doc).

    Returns the bounds and the start offsets of the month mentions it used.
    """
    bounds: list[Bound] = []
    used: set[int] = set()
    for m in mentions:
        g = m.g
        if m.kind != "date" or g.get("y") or g.get("d") or g.get("rel") or not g.get("mon"):
            continue
        month = month_number(g["mon"] or "")
        s, e = next(((s, e) for s, e in sentences if s <= m.start < e), (m.start, m.end))
        for series in _series_in(text[s:e]):
            rows = _rows_in_month(series, month, earliest, latest)
            if len(rows) != 1:
                continue
            row = rows[0]
            plan_past = bool(_PAST_PLAN.search(text[s : m.start]))
            tense = "past" if plan_past else tense_of(m.start)
            what = f"{series} summit in {row.hosts[0]} {row.start} ('{m.text}' in that sentence)"
            if tense == "past":
                bounds.append(Bound(row.start, True, f"{what}, told as past"))
                used.add(m.start)
            elif tense == "future":
                bounds.append(Bound(row.start, False, f"{what}, told as future"))
                used.add(m.start)
    return bounds, used
