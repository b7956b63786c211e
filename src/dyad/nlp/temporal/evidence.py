"""Publication-date evidence beyond the article's reported events: stamps, office holders and
summit series.

Three kinds of evidence, each turned into `Bound`s (lower or upper limits on the publication
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
3. Time stamps. A full date written together with a clock time, standing on its own rather
   than inside a reported clause ("Updated 10:19 pm, Tue Apr 21, 2009", "18:00 UK time,
   Saturday, 25 April 2009", "January 28, 2011 at 10:43 am |", "At 5:36 pm on 19 Jun 2009,
   Ann wrote:") stamps the page: its publication, a later update, a reader's comment. A
   page is stamped when it is published or after, so every stamp is an upper bound, and the
   earliest one is usually the publication day itself. A date and time inside a clause
   ("the quake struck at 4:53 pm on 12 January 2010") is an event, not a stamp.
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
from dyad.types import ActorMention, Timex

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
# a clock time: "10:43 am", "14:03", "6:53 P.M.", "1:38 a.m."
_CLOCK = re.compile(r"(?i:\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?\s?m\b\.?)?)")
# words that may join a stamp's date and clock ("18:00 UK time, Saturday, 25 April 2009")
_STAMP_WORDS = frozenset("at on time local am pm a.m. p.m.".split())
# words that may lead into a stamp ("Page last updated at"); capitalised words (datelines,
# bylines, weekdays) may too, but a bare "At"/"On" also opens clauses that report events
_STAMP_VERBS = frozenset("updated posted published modified edited created last page".split())
# a stamp verb right before the stamp makes it one whatever precedes ("...says sister Page
# last updated at 08:58 GMT"): headlines run into datelines once line breaks are lost
_STAMP_VERB_END = re.compile(
    r"\b(?i:updated|posted|published|modified|edited)(?:\s+(?i:at|on))?[\s:,]*"
    r"(?:[A-Z][a-z]{1,8}\.?,?\s*)?$"  # a weekday: "updated: Mon Feb 21 2011 20:38"
)
_STAMP_GAP = 30  # characters between a stamp's date and its clock
_STAMP_TAIL = re.compile(
    r"(?i:^\s*(?:(?:at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[ap]\.?\s?m\b\.?)?\s*)*"
    r"(?:\||,\s*[^\n,.]{1,40}?\s+(?:wrote|writes)\s*:))"
)


@dataclass(slots=True)
class Bound:
    """A limit on the publication day: `lower` (on or after `day`) or upper; `why` is shown.

    `kind` says what the limit rests on: "event" (a dated event the text tells), "title"
    (a term of office), "year" (a year the text tells as completed) or "stamp" (a time
    stamp on the page). `coarse` marks a limit read from a bare year ("in 2009"): it says
    nothing about which year a year-less date ("on May 20") falls in.
    """

    day: date
    lower: bool
    why: str
    kind: str = "event"
    coarse: bool = False


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


def _only_stamp_words(gap: str) -> bool:
    """True when every lower-case word of `gap` is a stamp word (capitalised ones are
    weekdays and time zones) and it stays on one line."""
    for word in re.findall(r"[A-Za-z][\w.]*", gap):
        low = word.lower().rstrip(",")
        if word[0].islower() and low not in _STAMP_WORDS and low not in _STAMP_VERBS:
            return False
    return "\n" not in gap


def _stamp_lead(lead: str) -> bool:
    """`lead` can open a stamp: stamp verbs and capitalised words only, and a bare "At" or
    "On" only after a stamp verb ("Page last updated at", not "At 4:53 pm on ... it hit")."""
    if _STAMP_VERB_END.search(lead):
        return True
    needs_verb = has_verb = False
    for word in re.findall(r"[A-Za-z][\w.]*", lead):
        low = word.lower()
        if low in ("at", "on"):
            needs_verb = True
        elif low in _STAMP_VERBS:
            has_verb = True
        elif word[0].islower():
            return False
    return has_verb or not needs_verb


def _stamp_day(t: Timex) -> date | None:
    """The day of a full, explicit date ("April 21, 2009", "2009-04-21T22:19"), else None."""
    if t.anchored:
        return None
    if t.type == "DATE" and t.range is not None and t.range.precision == "day":
        return t.range.start
    if t.type == "TIME" and re.match(r"\d{4}-\d\d-\d\dT", t.value):
        return date.fromisoformat(t.value[:10])
    return None


def _clock_span(text: str, t: Timex) -> tuple[int, int] | None:
    """The date's span extended over a clock time written with it, if there is one."""
    if _CLOCK.search(t.text):
        return t.start, t.end
    before = text[max(0, t.start - _STAMP_GAP - 12) : t.start]
    clocks = list(_CLOCK.finditer(before))
    if clocks and _only_stamp_words(before[clocks[-1].end() :]):
        return t.start - len(before) + clocks[-1].start(), t.end
    after = _CLOCK.search(text, t.end, min(len(text), t.end + _STAMP_GAP + 12))
    if after and _only_stamp_words(text[t.end : after.start()]):
        return t.start, after.end()
    return None


def _lead(text: str, start: int) -> str:
    """What precedes `start` in its line, after the last '|' or sentence end (80 chars at
    most: a longer lead is a clause, not a dateline)."""
    head = text[max(0, start - 80) : start]
    cut = max(head.rfind("\n"), head.rfind("|"),
              max((m.end() - 1 for m in re.finditer(r"[.!?]\s", head)), default=-1))  # fmt: skip
    return head[cut + 1 :] if cut >= 0 or start <= 80 else head


def is_stamp(text: str, t: Timex) -> bool:
    """A full date with a clock time that stands alone or stamps a comment (module doc, 3)."""
    if _stamp_day(t) is None:
        return False
    span = _clock_span(text, t)
    if span is None:
        return False
    start, end = span
    return _stamp_lead(_lead(text, start)) or bool(_STAMP_TAIL.match(text[end : end + 60]))


def stamp_bounds(text: str, timexes: Iterable[Timex]) -> tuple[list[Bound], set[int]]:
    """Upper bounds from the page's time stamps (module doc, 3) and the stamps' offsets."""
    bounds: list[Bound] = []
    used: set[int] = set()
    for t in timexes:
        day = _stamp_day(t)
        if day is not None and is_stamp(text, t):
            used.add(t.start)
            why = f"time stamp '{t.text}' (a page is stamped when published or later)"
            bounds.append(Bound(day, False, why, "stamp"))
    return bounds, used
