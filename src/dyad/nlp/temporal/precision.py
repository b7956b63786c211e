"""How precise a deictic date may claim to be when the publication date is only estimated.

"Friday", "yesterday", "last week", "ten days ago" are read against the publication date.
When that date was inferred from a window of weeks or months (no point evidence), the
reading against the estimate is still the best guess and is kept (so events stay in the
right part of the chronology), but its `DateRange` is widened to what the evidence
supports. The choice, by the inferred date's window and confidence:

- given or metadata dates, confidence >= 0.6 (point evidence), or a window of at most
  seven days: the reading is kept as it is (day precision is earned);
- a window of up to a year: the month of the reading (``2013-03``), because the estimate
  is the earliest plausible date and articles report soon after what they tell as past;
- a wider or open window: the year of the reading.

Dates that carry their own month and day ("On May 20") depend only on the year and are
left alone; so are anaphors ("the same day"), which follow the text's own dates.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.nlp.temporal import calendar as cal
from dyad.nlp.temporal.recognise import Mention
from dyad.types import DateRange, PublicationDate, Timex

DEICTIC_KINDS = frozenset({"day", "rel", "ago", "weekday", "weekofmonth"})
_RANK = {"day": 0, "week": 1, "range": 1, "month": 2, "season": 3, "quarter": 3, "half": 4,
         "year": 5, "decade": 6, "century": 7}  # fmt: skip
_WEEK_DAYS = 7
_YEAR_DAYS = 366


def claimable_grain(published: PublicationDate) -> str | None:
    """The finest grain a deictic reading may claim against `published`; None = any."""
    if published.source != "inferred" or published.value is None:
        return None
    if published.confidence >= 0.6:
        return None
    lo, hi = published.earliest, published.latest
    if lo is None or hi is None:
        return "year"
    width = (hi - lo).days
    if width <= _WEEK_DAYS:
        return None
    return "month" if width <= _YEAR_DAYS else "year"


def _widen(r: DateRange, grain: str) -> DateRange:
    if grain == "month":
        a, b = cal.month_range(r.start.year, r.start.month), cal.month_range(
            r.end.year, r.end.month
        )
    else:
        a, b = cal.year_range(r.start.year), cal.year_range(r.end.year)
    return a if a == b else (cal.span_range(a, b) or a)


def coarsen(
    timexes: list[Timex], mentions: list[Mention], published: PublicationDate
) -> list[Timex]:
    """`timexes` with deictic readings widened to the grain `published` supports."""
    grain = claimable_grain(published)
    if grain is None:
        return timexes
    kinds = {(m.start, m.end): m.kind for m in mentions}
    out = []
    for t in timexes:
        r = t.range
        deictic = kinds.get((t.start, t.end)) in DEICTIC_KINDS
        if r is None or not deictic or _RANK.get(r.precision, 0) >= _RANK[grain]:
            out.append(t)
            continue
        wide = _widen(r, grain)
        out.append(replace(t, value=wide.value, range=wide))
    return out
