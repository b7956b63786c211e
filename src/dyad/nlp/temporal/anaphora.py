"""Expressions whose date comes from another date in the text, not from the anchor.

- Day anaphora: "the same day", "that day", "the day", "the next day", "the day before"
  resolve against the most recent preceding day-precision date (else the anchor date).
- Same period a year back: "the same period last year", "the same month a year ago",
  "the same quarter a year earlier" denote the period last spoken of, one year earlier
  (financial news compares a period with its counterpart: "sales rose 43% in February
  compared to the same period last year" -> February of the previous year).
- A clock time followed by its date ("at 16:15 UTC, June 1st", "at 9 a.m. on May 20")
  takes that date, not the anchor's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dyad.nlp.temporal import calendar as cal
from dyad.nlp.temporal.lexicon import PARTS_OF_DAY
from dyad.nlp.temporal.recognise import Mention
from dyad.types import DateRange, Timex, TimexType

_SHIFT = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}
_TIME_DATE_GAP = re.compile(r"\s*,?\s*(?:on\s+(?:the\s+)?)?")
_NAMED_DAY = re.compile(r"(?i)day\b")


def day_anaphor(m: Mention, ref: date | None) -> Timex:
    """ "the next day" & co. against `ref`, the last day-precision date before them."""
    g = m.g
    shift = _SHIFT.get((g.get("which") or "").lower(), 0)
    part = PARTS_OF_DAY.get((g.get("part") or "").lower())
    typ: TimexType = "TIME" if part else "DATE"
    if ref is None:
        return Timex(m.start, m.end, m.text, typ, "XXXX-XX-XX", None, True)
    d = ref + timedelta(days=shift)
    return Timex(m.start, m.end, m.text, typ, d.isoformat() + (f"T{part}" if part else ""),
                 cal.day_range(d), True)  # fmt: skip


def _year_back(value: str) -> str:
    """ "2009-02" -> "2008-02", "2014-05-20/2014-05-26" -> both ends a year back."""
    return "/".join(f"{int(v[:4]) - 1:04d}{v[4:]}" if v[:4].isdigit() else v
                    for v in value.split("/"))  # fmt: skip


def same_period(m: Mention, last: DateRange | None, dct: date | None) -> Timex:
    """The period last spoken of (`last`), one year earlier; without one, the named unit
    around the anchor date a year back ("the same month last year" -> that month)."""
    unit = (m.g.get("unit") or "").lower()
    if last is None or (unit not in ("period", "time") and last.precision not in (unit, "range")):
        if dct is None or unit not in ("day", "week", "month", "quarter"):
            return Timex(m.start, m.end, m.text, "DATE", "PAST_REF", None, True)
        last = cal.unit_range(dct, unit)
    start, end = cal.add_months(last.start, -12), cal.add_months(last.end, -12)
    if last.precision == "month":
        end = date(end.year, end.month, cal.last_day(end.year, end.month))
    if last.precision == "week":
        r = cal.week_range(last.start - timedelta(weeks=52))
        return Timex(m.start, m.end, m.text, "DATE", r.value, r, True)
    rng = DateRange(start, end, _year_back(last.value), last.precision)
    return Timex(m.start, m.end, m.text, "DATE", rng.value, rng, True)


def times_on_their_dates(timexes: list[Timex], text: str) -> list[Timex]:
    """Re-date clock times that are followed by their own day ("16:15 UTC, June 1st")."""
    out = list(timexes)
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        if t.type != "TIME" or "T" not in t.value or _NAMED_DAY.search(t.text):
            continue
        if nxt.type != "DATE" or nxt.range is None or nxt.range.precision != "day":
            continue
        gap = _TIME_DATE_GAP.match(text, t.end)
        if gap is not None and gap.end() == nxt.start:
            out[i] = replace(t, value=nxt.value + t.value[t.value.index("T") :])
    return out
