"""Calendar arithmetic for TIMEX3 values: intervals of days, ISO weeks, quarters, seasons.

Every function maps a TIMEX3-style granule to the inclusive `DateRange` it denotes, so the
rest of dyad can compare dates of different precision ("2014-W21" overlaps "2014-05-20").
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from dyad.types import DateRange

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(d: date, n: int) -> date:
    """`d` moved by `n` months, the day clipped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, last_day(year, month)))


def day_range(d: date) -> DateRange:
    return DateRange(d, d, d.isoformat(), "day")


def month_range(year: int, month: int) -> DateRange:
    return DateRange(
        date(year, month, 1),
        date(year, month, last_day(year, month)),
        f"{year:04d}-{month:02d}",
        "month",
    )


def year_range(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), f"{year:04d}", "year")


def week_range(d: date, weekend: bool = False) -> DateRange:
    """The ISO week containing `d` (or its Saturday-Sunday weekend)."""
    iso = d.isocalendar()
    monday = d - timedelta(days=iso.weekday - 1)
    value = f"{iso.year:04d}-W{iso.week:02d}"
    if weekend:
        return DateRange(monday + timedelta(days=5), monday + timedelta(days=6), value + "-WE",
                         "week")  # fmt: skip
    return DateRange(monday, monday + timedelta(days=6), value, "week")


def quarter_range(year: int, q: int) -> DateRange:
    return _months_block(year, q, 3, f"{year:04d}-Q{q}", "quarter")


def half_range(year: int, h: int) -> DateRange:
    return _months_block(year, h, 6, f"{year:04d}-H{h}", "half")


def _months_block(
    year: int, index: int, months: int, value: str, precision: Literal["quarter", "half"]
) -> DateRange:
    """The `index`-th block of `months` months of `year` (1-based)."""
    first = months * (index - 1) + 1
    last = first + months - 1
    return DateRange(date(year, first, 1), date(year, last, last_day(year, last)), value, precision)


def season_range(year: int, code: str) -> DateRange:
    """Meteorological seasons; winter YYYY-WI runs from December YYYY to February YYYY+1."""
    a, b = SEASON_MONTHS[code]
    end_year = year + 1 if code == "WI" else year
    return DateRange(
        date(year, a, 1), date(end_year, b, last_day(end_year, b)), f"{year:04d}-{code}", "season"
    )


def season_of(d: date) -> tuple[int, str]:
    """(season year, code) of the season containing `d`."""
    for code, (a, b) in SEASON_MONTHS.items():
        if code != "WI" and a <= d.month <= b:
            return d.year, code
    return (d.year if d.month == 12 else d.year - 1), "WI"


def decade_range(prefix: str) -> DateRange:
    """ "199" -> the 1990s."""
    y = int(prefix) * 10
    return DateRange(date(y, 1, 1), date(y + 9, 12, 31), prefix, "decade")


def century_range(prefix: str) -> DateRange:
    """ "19" -> 1900-1999 (TIMEX3 century values are the first two digits)."""
    y = int(prefix) * 100
    return DateRange(date(max(y, 1), 1, 1), date(y + 99, 12, 31), prefix, "century")


def narrow(r: DateRange, mod: str | None) -> DateRange:
    """Keep the first, middle or last third of `r` for "early", "mid" and "late" readings."""
    if mod not in ("START", "MID", "END") or r.days < 3:
        return r
    third = r.days // 3
    if mod == "START":
        return DateRange(r.start, r.start + timedelta(days=third - 1), r.value, r.precision)
    if mod == "END":
        return DateRange(r.end - timedelta(days=third - 1), r.end, r.value, r.precision)
    return DateRange(r.start + timedelta(days=third), r.end - timedelta(days=third), r.value,
                     r.precision)  # fmt: skip


def span_range(a: DateRange, b: DateRange) -> DateRange | None:
    """The interval from the start of `a` to the end of `b` (None when reversed)."""
    if b.end < a.start:
        return None
    return DateRange(a.start, b.end, f"{a.value}/{b.value}", "range")


def shift_unit(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` calendar units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, n * months)


def unit_range(d: date, unit: str) -> DateRange:
    """The calendar granule of `unit` containing `d`."""
    if unit == "day":
        return day_range(d)
    if unit in ("week", "weekend"):
        return week_range(d, unit == "weekend")
    if unit == "month":
        return month_range(d.year, d.month)
    if unit == "quarter":
        return quarter_range(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return year_range(d.year)
    if unit == "decade":
        return decade_range(str(d.year // 10))
    return century_range(str(d.year // 100))


def value_range(value: str) -> DateRange | None:
    """The range of a plain calendar value ("2014", "2014-05", "2014-05-20"), else None."""
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4 or len(parts) > 3:
        return None
    try:
        if len(parts) == 1:
            return year_range(int(parts[0]))
        if len(parts) == 2:
            return month_range(int(parts[0]), int(parts[1]))
        return day_range(date(int(parts[0]), int(parts[1]), int(parts[2])))
    except ValueError:
        return None
