"""Infer when an undated article was published, with a window, a confidence and a reason.

Evidence, in the order it is used:
1. Bounds. A dated event the article states in the past tense happened before publication
   (lower bound: its last day); one stated in the future happens after (upper bound: its
   first day). Known summits (data/known_events.tsv) count like dates. A completed year
   ("in 2012" together with "last year") puts publication in the following year.
   Time stamps on the page ("Updated 10:19 pm, Tue Apr 21, 2009", a reader's comment
   "January 28, 2011 at 10:43 am |") are upper bounds: a page is stamped when published or
   later (dyad.nlp.temporal.evidence); they are no events the article tells.
2. Year-less dates ("On May 20") take the year that puts them in or before the window: a
   past one against its end, a future one against its start, never against a bare year.
3. Deictic offsets tied to a dated anchor in the same sentence ("ten days ago on the eve of
   the APEC summit") give a point estimate; "this week ... on Wednesday" (past) says the
   publication day is that weekday or later in the same week.
4. Titles of office holders and summit series named with a month
   (dyad.nlp.temporal.evidence); targets and plans ("by 2020", "will ... in 2015") are
   never lower bounds.
The estimate is the point estimate when there is one, else the earliest time stamp (mostly
the publication stamp itself), else the earliest plausible date: the day of the lower
bound (news mostly reports the latest event it tells as past the same day: on Timeline17,
the day after was one day late 13 times as often as it was right), else the window's middle.
A year told as past and nothing else gives no estimate, only the window's start. Confidence
is honest: high for a consistent point estimate or a stamp, 0.5 or less for a window (0.3 at
most when it rests on a "new" title), low when only a year is known. Relative dates are then
read against the estimate, with the precision the window supports
(dyad.nlp.temporal.precision).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dyad.nlp.temporal.evidence import Bound as _Bound
from dyad.nlp.temporal.evidence import actor_bounds, stamp_bounds, summit_month_bounds
from dyad.nlp.temporal.known_events import EventHit, find_events
from dyad.nlp.temporal.lexicon import WEEKDAYS, parse_number, unit_key
from dyad.nlp.temporal.normalise import TenseOf, normalise
from dyad.nlp.temporal.recognise import Mention, recognise
from dyad.nlp.temporal.tense import text_tense
from dyad.types import ActorMention, PublicationDate, Timex

_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_MAX_WINDOW = 3 * 366
_COARSE = ("year", "decade", "century")
_STAMP_CONFIDENCE = 0.8  # the earliest stamp is the publication day or the next in 9 of 10
_DEADLINE = re.compile(
    r"(?i:\b(?:by|until|till|before|through|to|up\s+to|no\s+later\s+than|ahead\s+of)\s+"
    r"(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?(?:the\s+year\s+)?)$"
)
# a target or plan governs the date: "will ... in 2015", "plans to ... in 2015", "the 2020 goal"
_PLAN_BEFORE = re.compile(
    r"(?i:(?:\b(?:will|would|shall|expects?|targets?|goals?|projected|forecasts?|envisages?)|'ll|"
    r"\b(?:plans?|planning|aims?|aiming|intends?|expected|set|going|hopes?|due|scheduled)\s+"
    r"(?:to|for)\b)[^.;:!?]{0,60})$"
)
_TARGET_AFTER = re.compile(r"(?i:^\s*(?:targets?|goals?|deadline|plans?|agenda|vision)\b)")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENT.finditer(text)]


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return offset, offset


def _fmt(d: date) -> str:
    return d.isoformat()


def infer_publication_date(
    text: str,
    tense_of: TenseOf | None = None,
    mentions: list[Mention] | None = None,
    actors: list[ActorMention] | None = None,
) -> PublicationDate:
    """Best estimate of `text`'s publication date from its own content (see module doc).

    `actors` are the actor stage's mentions (``doc._.dyad_actors``); titled office holders
    among them bound the window (dyad.nlp.temporal.evidence).
    """
    tense_of = tense_of or text_tense(text)
    mentions = mentions if mentions is not None else recognise(text)
    sents = _sentences(text)
    timexes = normalise(mentions, None, text, tense_of)
    by_span = {(m.start, m.end): m for m in mentions}
    # time stamps mark when the page was published or later, not events it tells
    bounds, stamped = stamp_bounds(text, timexes)
    yearless: list[tuple[Mention, str | None]] = []
    past_years: list[int] = []
    has_last_year = False
    for t in timexes:
        m = by_span.get((t.start, t.end))
        if m is None or t.start in stamped:
            continue
        if m.kind == "rel" and re.fullmatch(r"(?i)last year", t.text):
            has_last_year = True
        tense = tense_of(t.start)
        if _is_target(text, t.start, t.end, sents):
            # "by 2020", "will ... in 2015": never a lower bound; ahead of the text only when
            # the clause itself looks ahead (a deadline told in the past may have passed)
            if tense == "past":
                continue
            tense = "future"
        if t.range is not None and not t.anchored and t.type == "DATE":
            coarse = t.range.precision in _COARSE
            if tense == "past":
                first = t.range.end if t.range.precision in ("day", "range") else t.range.start
                bounds.append(_Bound(first, True, f"'{t.text}' (past tense)", coarse=coarse))
                if t.range.precision == "year":
                    past_years.append(t.range.start.year)
            elif tense == "future":
                last = t.range.start if t.range.precision in ("day", "range") else t.range.end
                bounds.append(_Bound(last, False, f"'{t.text}' (future tense)", coarse=coarse))
        elif m.kind in ("date", "range") and t.value.startswith("XXXX-") and t.type == "DATE":
            yearless.append((m, tense))
    for hit in find_events(text):
        tense = tense_of(hit.start)
        what = f"{hit.event.series} summit in {hit.event.hosts[0]} {_fmt(hit.event.start)}"
        if tense == "future":
            bounds.append(_Bound(hit.event.start, False, f"{what} (future reference)"))
        else:
            bounds.append(_Bound(hit.event.start, True, f"{what} (past reference)"))
    if has_last_year and past_years:
        y = max(past_years) + 1
        why = f"'{max(past_years)}' told as a completed year alongside 'last year'"
        bounds.append(_Bound(date(y, 1, 1), True, why, "year", coarse=True))
    # titles first: their window (years wide) picks the summit row of a bare month ...
    title_bounds, new_title = actor_bounds(text, actors or [])
    earliest, latest, _ = _window(bounds + title_bounds)
    summit, used = summit_month_bounds(text, mentions, sents, tense_of, earliest, latest)
    bounds += summit
    # ... but is too wide to choose the year of a year-less date: those use the text's own
    # window (a reading years away from the text's other dates would be a guess)
    low, high = _limits(bounds)
    for m, tense in yearless:
        if m.start in used:
            continue
        bound = _yearless_bound(text, m, tense, low, high, tense_of)
        if bound is not None:
            bounds.append(bound)
    earliest, latest, reasons = _window(bounds + title_bounds)
    point, point_why = _point_estimate(text, mentions, sents, timexes, find_events(text))
    weekday_min = _this_week_weekday(text, mentions, sents, tense_of)
    low, high = _limits(bounds + title_bounds)
    low_kind = low.kind if low is not None else None
    open_end = high is None or high.kind == "title"  # a term's end says little about the year
    pub = _decide(earliest, latest, reasons, point, point_why, weekday_min, low_kind, open_end,
                  high_kind=high.kind if high is not None else None)  # fmt: skip
    if new_title and pub.value is not None and point is None:
        pub = PublicationDate(pub.value, pub.source, round(min(pub.confidence, 0.3), 2),
                              pub.reason + "; a 'new' title bounds the window loosely "
                              "(about six months), so confidence is low",
                              pub.earliest, pub.latest)  # fmt: skip
    return pub


def _is_target(text: str, start: int, end: int, sents: list[tuple[int, int]]) -> bool:
    """A deadline, target or plan governs the date ("by 2020", "plans to ... in 2015")."""
    if _DEADLINE.search(text[max(0, start - 30) : start]):
        return True
    s, _e = _sentence_of(sents, start)
    if _PLAN_BEFORE.search(text[max(s, start - 80) : start]):
        return True
    return bool(_TARGET_AFTER.search(text[end : end + 20]))


def _yearless_bound(text, m, tense, low, high, tense_of) -> _Bound | None:  # type: ignore[no-untyped-def]
    """A year-less date ("On May 20") as a bound, when the window leaves one reading.

    Past: the latest occurrence on or before the window's end; future: the first occurrence
    on or after the window's start (news looks ahead months, not years). A past date says
    nothing against the window's start alone, nor a future one against its end alone ("June
    30" ahead of a page stamped in February may be this June or next). Not against a limit
    read from a bare year either: "in 1979" or "by 2015" says nothing about the year
    "January 25" falls in (the article may be decades later, or years earlier).
    """
    ref_bound = high if tense == "past" else low if tense == "future" else None
    if ref_bound is None or ref_bound.coarse:
        return None
    ref = ref_bound.day
    t = normalise([m], None, text, tense_of)[0]
    parts = t.value.split("/")[-1 if tense == "past" else 0].split("-")
    try:
        month, day = int(parts[1]), int(parts[2]) if len(parts) > 2 else 1
    except (ValueError, IndexError):
        return None
    year = ref.year
    try:
        while date(year, month, day) > ref:
            year -= 1
        if tense == "future":
            while date(year, month, day) < ref:
                year += 1
        said: str | None = tense
        resolved = normalise([m], date(year, month, min(day, 28)), text, lambda _o: said)[0]
    except ValueError:
        return None
    if resolved.range is None:
        return None
    if tense == "past":
        fine = resolved.range.precision in ("day", "range")
        day_low = resolved.range.end if fine else resolved.range.start
        return _Bound(day_low, True, f"'{m.text}' read as {resolved.value} (past tense)")
    if tense == "future":
        why = f"'{m.text}' read as {resolved.value} (future tense)"
        return _Bound(resolved.range.start, False, why)
    return None


def _window(bounds: list[_Bound]) -> tuple[date | None, date | None, list[str]]:
    low, high = _limits(bounds)
    reasons = []
    if low:
        lead = "latest date the article states as past:"
        lead = "no earlier than" if low.kind == "title" else lead
        reasons.append(f"{lead} {_fmt(low.day)} ({low.why})")
    if high:
        lead = "no later than" if high.kind in ("title", "stamp") else "future references from"
        reasons.append(f"{lead} {_fmt(high.day)} ({high.why})")
    return (low.day if low else None), (high.day if high else None), reasons


def _limits(bounds: list[_Bound]) -> tuple[_Bound | None, _Bound | None]:
    """The binding lower and upper bounds (year-only lower bounds yield on conflict)."""
    lows = [b for b in bounds if b.lower]
    highs = [b for b in bounds if not b.lower]
    if lows and highs and max(b.day for b in lows) > min(b.day for b in highs):
        coarse = [b for b in lows if b.day.month == 1 and b.day.day == 1]
        lows = [b for b in lows if b not in coarse] or lows  # conflicting: drop year-only bounds
    low = max(lows, key=lambda b: b.day) if lows else None
    usable = [b for b in highs if low is None or b.day >= low.day]
    high = min(usable, key=lambda b: b.day) if usable else None
    return low, high


def _point_estimate(
    text: str,
    mentions: list[Mention],
    sents: list[tuple[int, int]],
    timexes: list[Timex],
    events: list[EventHit],
) -> tuple[date | None, str]:
    """'N days ago' tied to a dated anchor (explicit date or known summit) in its sentence."""
    for m in mentions:
        if m.kind != "ago" or (m.g.get("dir") or "").lower() != "ago":
            continue
        n = parse_number(m.g.get("n") or "")
        unit = unit_key(m.g.get("unit") or "")
        if n is None or unit not in ("day", "week"):
            continue
        s, e = _sentence_of(sents, m.start)
        anchor: date | None = None
        what = ""
        for hit in events:
            if s <= hit.start < e:
                anchor = hit.event.start - timedelta(days=1 if hit.eve else 0)
                what = ("the eve of " if hit.eve else "") + hit.text
        for t in timexes:
            day = t.range is not None and t.range.precision == "day"
            if s <= t.start < e and day and not t.anchored and t.range is not None:
                anchor, what = t.range.start, t.text
        if anchor is not None:
            days = round(n * (7 if unit == "week" else 1))
            return anchor + timedelta(days=days), f"'{m.text}' counted from {what} ({anchor})"
    return None, ""


def _this_week_weekday(text, mentions, sents, tense_of) -> int | None:  # type: ignore[no-untyped-def]
    """Weekday index W when a past 'this week ... on W' says publication is W or later."""
    found = None
    for m in mentions:
        if (
            m.kind == "rel"
            and (m.g.get("rel") or "").lower() == "this"
            and (m.g.get("unit") or "").lower() == "week"
        ):
            s, e = _sentence_of(sents, m.start)
            for w in mentions:
                if w.kind == "weekday" and s <= w.start < e and tense_of(w.start) == "past":
                    found = max(found or 0, WEEKDAYS[(w.g["wd"] or "").lower()])
    return found


# A title window at most this long (a "new" leader's first months) still gives an estimate.
_TITLE_ESTIMATE_DAYS = 366


def _decide(earliest, latest, reasons, point, point_why, weekday_min,  # type: ignore[no-untyped-def]
            low_kind=None, open_end=True, high_kind=None) -> PublicationDate:  # fmt: skip
    if earliest is None and latest is None and point is None:
        return PublicationDate(None, "unknown", 0.0, "no date evidence found in the text")
    why = list(reasons)
    ok_point = (
        point is not None
        and (earliest is None or point >= earliest)
        and (latest is None or point <= latest)
    )
    if ok_point:
        why.append(f"point estimate {point}: {point_why}")
        conf = 0.8
        if weekday_min is not None:
            if point.weekday() >= weekday_min:
                why.append("consistent with 'this week' and the past weekday it names")
                conf = 0.85
            else:
                conf = 0.6
        lo = earliest or point - timedelta(days=3)
        hi = latest or point + timedelta(days=3)
        return PublicationDate(point, "inferred", conf, "; ".join(why), min(lo, point),
                               max(hi, point))  # fmt: skip
    if high_kind == "stamp":
        # the earliest stamp is mostly the publication stamp itself; later ones are updates
        # and comments, which only come after
        why.append("estimate: the earliest time stamp (a page is stamped on publication)")
        return PublicationDate(latest, "inferred", _STAMP_CONFIDENCE, "; ".join(why),
                               earliest, latest)  # fmt: skip
    if earliest is not None:
        best = earliest  # news mostly reports the latest event it tells as past the same day
        if weekday_min is not None:
            while best.weekday() < weekday_min:
                best += timedelta(days=1)
            why.append("publication day moved to the weekday the article names as past "
                       "in 'this week'")  # fmt: skip
        if latest is not None and best > latest:
            best = latest
        span = (latest - earliest).days if latest else None
        if low_kind == "title":
            if latest is None or (latest - earliest).days > _TITLE_ESTIMATE_DAYS:
                # a term of office is a window of years, not a date: its start is no day
                # the article reports, so there is no estimate to give, only the window
                # (open at the end while the holder is still in office)
                why.append("only a term of office is known: a window, no estimate")
                return PublicationDate(None, "unknown", 0.0, "; ".join(why), earliest, latest)
            # a narrow window ("the newly-minted leader": the first months of a term): its
            # start, with a low confidence, so relative dates get the grain it supports
            why.append("estimate: the earliest plausible date (no dated event to follow)")
            return PublicationDate(earliest, "inferred", 0.15, "; ".join(why), earliest, latest)
        year_only = earliest.month == 1 and earliest.day == 1
        if year_only:
            if open_end and low_kind != "year":
                # a year told as past only says "not before that year": the article may be
                # decades later (history is told in news), so there is no estimate to give
                why.append("only a past year is known: no later than that cannot be said")
                return PublicationDate(None, "unknown", 0.0, "; ".join(why), earliest, None)
            hi = latest or date(earliest.year, 12, 31)
            best = earliest + (hi - earliest) / 2
            conf = 0.2
            why.append("only the year is known; estimate is the middle of the window")
            return PublicationDate(best, "inferred", conf, "; ".join(why), earliest, hi)
        conf = 0.5 if span is not None and span <= 120 else 0.35
        why.append("estimate: the earliest plausible date, the day of the latest past event "
                   "(news mostly reports what it tells as past the same day)")
        hi = latest or earliest + timedelta(days=_MAX_WINDOW)
        return PublicationDate(best, "inferred", conf, "; ".join(why), earliest, hi)
    why.append("only an upper bound is known; estimate is that bound")
    return PublicationDate(latest, "inferred", 0.15, "; ".join(why), None, latest)
