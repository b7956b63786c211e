"""Normalise recognised mentions to TIMEX3 values and calendar ranges, anchored on a date.

Anchoring rules (why each choice):
- Partial dates ("On May 21") take the anchor's year; when the clause is past tense and the
  date would lie after the anchor, the previous occurrence is meant (and symmetrically a
  future-tense clause about a date already gone means next year's).
- Weekdays: past tense -> the most recent such day on or before the anchor; future tense ->
  the next one on or after it; "last"/"next" force the direction (strictly before/after).
- Anaphora ("the next day", "the same period last year", a clock time followed by its
  date) resolve against other dates of the text: see `anaphora.py`.
- Without an anchor (dct None) relative expressions are still returned, with an unresolved
  value in TIMEX3 style ("XXXX-05-21", "XXXX-WXX-5") and no range.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dyad.nlp.temporal import anaphora
from dyad.nlp.temporal import calendar as cal
from dyad.nlp.temporal.lexicon import (
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    duration_value,
    month_number,
    parse_number,
    unit_key,
)
from dyad.nlp.temporal.recognise import Mention, parse_atom
from dyad.types import DateRange, Timex

TenseOf = Callable[[int], str | None]
_FIN = re.compile(
    r"\s+(?:\w+\s+)?(?:profits?|loss(?:es)?|revenues?|sales|income|earnings|budget|output|"
    r"turnover|growth|rate|production|results?|consumption|exports?|imports?|trade)\b",
    re.IGNORECASE,
)
_YEARLY = frozenset({"day", "week", "month", "quarter", "half", "season", "year"})
_OF_YEAR = re.compile(r"\s+of\s+(this|last|next|the following|the previous)\s+year\b", re.I)
_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
         "for the time being": "PRESENT_REF", "current": "PRESENT_REF"}  # fmt: skip
_SETS = {"annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "monthly": "P1M",
         "weekly": "P1W", "daily": "P1D", "nightly": "P1D", "hourly": "PT1H",
         "quarterly": "P3M", "biannually": "P6M"}  # fmt: skip
_UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
               "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
               "century": "XX"}  # fmt: skip


def mod_of(text: str | None) -> str | None:
    """TIMEX3 mod of an "early/mid/late/end of" prefix."""
    if not text:
        return None
    t = text.lower()
    if any(w in t for w in ("early", "beginning", "start")):
        return "START"
    if any(w in t for w in ("late", "end", "close")):
        return "END"
    return "MID" if "mid" in t else None


@dataclass(slots=True)
class _Ctx:
    dct: date | None
    tense_of: TenseOf | None
    text: str = ""
    last_day: date | None = None
    last_year: int | None = None
    last_range: DateRange | None = None

    def tense(self, offset: int) -> str | None:
        return self.tense_of(offset) if self.tense_of is not None else None


def pick_year(month: int, day: int | None, anchor: date, tense: str | None) -> int:
    """Year of a year-less date: the anchor's, moved by the clause tense (see module doc)."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if tense == "past" and there > here:
        return anchor.year - 1
    if tense == "future" and there < here:
        return anchor.year + 1
    return anchor.year


def _weekday(anchor: date, wd: int, rel: str | None, tense: str | None) -> date:
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + timedelta(days=fwd or 7)
    if rel == "this":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=wd)
    if tense == "future":
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)


def _result(m: Mention, typ: str, value: str, rng: DateRange | None = None,
            anchored: bool = False, mod: str | None = None) -> Timex:  # fmt: skip
    return Timex(m.start, m.end, m.text, typ, value, rng, anchored, mod)  # type: ignore[arg-type]


def _date(m: Mention, c: _Ctx) -> Timex | None:
    g = m.g
    mod = mod_of(g.get("mod"))
    if g.get("y") and not g.get("mon"):
        y = int(g["y"])  # type: ignore[arg-type]
        if g.get("fy"):
            return _result(m, "DATE", f"FY{y}", cal.year_range(y))
        return _result(m, "DATE", f"{y:04d}", cal.narrow(cal.year_range(y), mod), mod=mod)
    month = month_number(g["mon"])  # type: ignore[arg-type]
    d_text, y_text = g.get("d"), g.get("y")
    day = int(re.sub(r"\D", "", d_text)) if d_text else None
    year: int | None = int(y_text) if y_text else None
    anchored = year is None
    follow = _OF_YEAR.match(c.text, m.end)
    if follow and not g.get("yrel"):
        g = {**g, "yrel": follow.group(1)}
    rel = (g.get("rel") or g.get("yrel") or "").lower()
    if year is None and c.dct is not None:
        if g.get("yrel"):
            year = c.dct.year + {"last": -1, "next": 1, "the following": 1,
                                 "the previous": -1}.get(rel, 0)  # fmt: skip
        elif rel in ("last", "past"):
            year = c.dct.year - (1 if month >= c.dct.month else 0)
        elif rel in ("next", "coming"):
            year = c.dct.year + (1 if month <= c.dct.month else 0)
        elif rel == "this":
            year = c.dct.year
        else:
            year = pick_year(month, day, c.dct, c.tense(m.start))
    if day is not None:
        if year is None:
            return _result(m, "DATE", f"XXXX-{month:02d}-{day:02d}", None, True, mod)
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        c.last_day = d
        return _result(m, "DATE", d.isoformat(), cal.day_range(d), anchored, mod)
    if year is None:
        return _result(m, "DATE", f"XXXX-{month:02d}", None, True, mod)
    rng = cal.narrow(cal.month_range(year, month), mod)
    return _result(m, "DATE", f"{year:04d}-{month:02d}", rng, anchored, mod)


def _side(y: int | None, mo: int | None, d: int | None) -> DateRange | None:
    if y is None:
        return None
    if mo is None:
        return cal.year_range(y)
    if d is None:
        return cal.month_range(y, mo)
    return cal.day_range(date(y, mo, d))


def _range(m: Mention, c: _Ctx) -> Timex | None:
    (ya, ma, da), (yb, mb, db) = parse_atom(m.g["a"] or ""), parse_atom(m.g["b"] or "")
    if mb is None and db is not None:
        mb = ma
    if ma is None and da is not None:
        ma = mb
    anchored = ya is None and yb is None
    if ya is None and yb is not None:
        ya = yb if (ma or 0, da or 0) <= (mb or 0, db or 0) else yb - 1
    if ya is None and c.dct is not None and ma is not None:
        ya = pick_year(ma, da, c.dct, c.tense(m.start))
    if yb is None and ya is not None:
        yb = ya if (mb or 0, db or 0) >= (ma or 0, da or 0) else ya + 1
    try:
        a, b = _side(ya, ma, da), _side(yb, mb, db)
    except ValueError:
        return None
    if a is None or b is None:

        def fmt(y: int | None, mo: int | None, d: int | None) -> str:
            return "-".join([f"{y:04d}" if y else "XXXX"] + [f"{v:02d}" for v in (mo, d) if v])

        return _result(m, "DATE", f"{fmt(ya, ma, da)}/{fmt(yb, mb, db)}", None, True)
    rng = cal.span_range(a, b)
    if rng is None:
        return None
    if b.precision == "day":
        c.last_day = b.end
    return _result(m, "DATE", rng.value, rng, anchored)


def _granule(m: Mention, c: _Ctx) -> Timex | None:
    """Decades, centuries, quarters, halves, seasons."""
    g, kind = m.g, m.kind
    mod = mod_of(g.get("mod"))
    if kind == "decade":
        if g.get("c"):
            prefix = g["c"] + g["d"]  # type: ignore[operator]
        else:
            digit = g.get("d2") or g.get("d3") or "0"
            prefix = ("20" if digit in "01" else "19") + digit
        return _result(m, "DATE", prefix, cal.narrow(cal.decade_range(prefix), mod), mod=mod)
    if kind == "century":
        word = (g["n"] or "").lower()
        ords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                "twentieth", "twenty-first"]  # fmt: skip
        n = ords.index(word) + 1 if word in ords else int(re.sub(r"\D", "", word))
        prefix = f"{n - 1:02d}"
        return _result(m, "DATE", prefix, cal.narrow(cal.century_range(prefix), mod), mod=mod)
    y_text = g.get("y")
    year: int | None = int(y_text) if y_text else None
    yrel = (g.get("yrel") or "").lower()
    dct = c.dct
    if kind == "quarter":
        word = (g["q"] or "").lower()
        if word == "last" and year is None and not yrel:
            if dct is None:
                return _result(m, "DATE", "XXXX-QX", None, True)
            r = cal.unit_range(cal.shift_unit(dct, "quarter", -1), "quarter")
            return _result(m, "DATE", r.value, r, True)
        q = ORDINALS.get(word) or int(word)
        if year is None and dct is not None:
            year = dct.year + {"last": -1, "next": 1}.get(yrel, 0)
            if not yrel and c.tense(m.start) == "past" and q > (dct.month - 1) // 3 + 1:
                year -= 1
        if year is None:
            return _result(m, "DATE", f"XXXX-Q{q}", None, True)
        return _result(m, "DATE", f"{year:04d}-Q{q}", cal.quarter_range(year, q), not g.get("y"))
    if kind == "half":
        h = 1 if (g["h"] or "").lower() == "first" else 2
        if year is None and dct is not None:
            year = dct.year + {"last": -1, "next": 1}.get(yrel, 0)
        if year is None:
            return _result(m, "DATE", f"XXXX-H{h}", None, True)
        return _result(m, "DATE", f"{year:04d}-H{h}", cal.half_range(year, h), not g.get("y"))
    code = SEASONS[(g["s"] or "").lower()]
    rel = (g.get("rel") or "").lower()
    if year is None and dct is not None:
        cur_year, cur = cal.season_of(dct)
        order = ["WI", "SP", "SU", "FA"]
        ahead = order.index(code) > order.index(cur)
        if rel in ("last", "past"):
            year = cur_year - (1 if order.index(code) >= order.index(cur) else 0)
        elif rel in ("next", "coming"):
            year = cur_year + (0 if ahead else 1)
        else:
            year = cur_year - (1 if ahead and c.tense(m.start) == "past" else 0)
    if year is None:
        return _result(m, "DATE", f"XXXX-{code}", None, True, mod)
    rng = cal.narrow(cal.season_range(year, code), mod)
    return _result(m, "DATE", f"{year:04d}-{code}", rng, not g.get("y"), mod)


def _relative(m: Mention, c: _Ctx) -> Timex | None:
    g, dct = m.g, c.dct
    kind = m.kind
    if kind == "day":
        w = (g["w"] or "").lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        part = PARTS_OF_DAY.get((g.get("part") or ("tonight" if w == "tonight" else "")).lower())
        if dct is None:
            return _result(m, "TIME" if part else "DATE", "XXXX-XX-XX", None, True)
        d = dct + timedelta(days=shift)
        c.last_day = d
        if part:
            return _result(m, "TIME", f"{d.isoformat()}T{part}", cal.day_range(d), True)
        return _result(m, "DATE", d.isoformat(), cal.day_range(d), True)
    unit = (g.get("unit") or "").lower()
    rel = (g.get("rel") or "").lower()
    mod = mod_of(g.get("mod")) or mod_of(g.get("adv") if g.get("adv") in ("early", "late")
                                         else None)  # fmt: skip
    if rel == "past":
        value = "P10Y" if unit == "decade" else duration_value(1, unit_key(unit.replace(
            "weekend", "week")))  # fmt: skip
        return _result(m, "DURATION", value)
    n = {"last": -1, "previous": -1, "before": -1, "earlier": -1, "next": 1, "coming": 1,
         "following": 1}.get(rel, 0)  # fmt: skip
    if dct is None:
        return _result(m, "DATE", _UNRESOLVED[unit], None, True, mod)
    base = dct
    if unit == "year" and rel in ("previous", "before", "earlier", "following") and c.last_year:
        base = date(c.last_year, 6, 1)  # "the previous year": before the year last spoken of
    r = cal.unit_range(cal.shift_unit(base, unit, n), unit)
    value = r.value
    return _result(m, "DATE", value, cal.narrow(r, mod), True, mod)


def _ago(m: Mention, c: _Ctx) -> Timex | None:
    g = m.g
    n = parse_number(g["n"] or "")
    unit = unit_key(g["unit"] or "")
    sign = -1 if (g["dir"] or "").lower() == "ago" else 1
    if n is None:
        return _result(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, True)
    if c.dct is None:
        gran = "day" if unit in ("day", "week", "hour", "minute", "second") else unit
        return _result(m, "DATE", _UNRESOLVED.get(gran, "XXXX-XX-XX"), None, True)
    if unit in ("hour", "minute", "second"):
        d = c.dct
        return _result(m, "DATE", d.isoformat(), cal.day_range(d), True)
    if unit in ("day", "week", "fortnight"):
        days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        d = c.dct + timedelta(days=sign * round(days))
        c.last_day = d
        return _result(m, "DATE", d.isoformat(), cal.day_range(d), True)
    months = n * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    try:
        d = cal.add_months(c.dct, sign * round(months))
    except (ValueError, OverflowError):  # "7000 years ago": before the calendar's year 1
        return _result(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, True)
    gran = unit if float(n).is_integer() else "month"
    r = cal.unit_range(d, gran)
    return _result(m, "DATE", r.value, r, True)


def _weekday_t(m: Mention, c: _Ctx) -> Timex | None:
    g = m.g
    wd = WEEKDAYS[(g["wd"] or "").lower()]
    if g.get("pl"):
        return _result(m, "SET", f"XXXX-WXX-{wd + 1}")
    part = PARTS_OF_DAY.get((g.get("part") or "").lower())
    typ = "TIME" if part else "DATE"
    if c.dct is None:
        return _result(m, typ, f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), None, True)
    d = _weekday(c.dct, wd, (g.get("rel") or "").lower() or None, c.tense(m.start))
    c.last_day = d
    return _result(m, typ, d.isoformat() + (f"T{part}" if part else ""), cal.day_range(d), True)


def _week_of_month(m: Mention, c: _Ctx) -> Timex | None:
    """ "the last week of March" -> the ISO week holding that week's Thursday (ISO rule)."""
    g = m.g
    month = month_number(g["mon"] or "")
    y_text = g.get("y")
    year = int(y_text) if y_text else None
    if year is None:
        if c.dct is None:
            return _result(m, "DATE", "XXXX-WXX", None, True)
        year = pick_year(month, None, c.dct, c.tense(m.start))
    o = (g["o"] or "").lower()
    if o in ("last", "final"):
        d = date(year, month, cal.last_day(year, month)) - timedelta(days=3)
    else:
        d = date(year, month, 4) + timedelta(weeks=ORDINALS[o] - 1)
    r = cal.week_range(d)
    return _result(m, "DATE", r.value, r, not g.get("y"))


def _duration(m: Mention, c: _Ctx, text: str) -> Timex | None:
    g = m.g
    approx = (g.get("approx") or "").lower()
    mod = {"over": "MORE_THAN", "more than": "MORE_THAN", "almost": "LESS_THAN",
           "nearly": "LESS_THAN", "up to": "EQUAL_OR_LESS", "about": "APPROX",
           "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
           "some": "APPROX"}.get(approx)  # fmt: skip
    if g.get("vague"):
        unit = unit_key(g["vague"] or "")
        return _result(m, "DURATION", duration_value(None, unit))
    unit = unit_key(g["unit"] or "")
    n: float | None = 1.0 if g.get("n") is None else parse_number(g["n"] or "")
    if unit == "decade" and n == 1 and "decade-long" not in m.text.lower():
        return _result(m, "DURATION", "P10Y", mod=mod)
    return _result(m, "DURATION", duration_value(n, unit), mod=mod)


def _set(m: Mention, text: str) -> Timex | None:
    g = m.g
    adv = (g.get("adv") or "").lower()
    if adv:
        if adv == "annual" and _FIN.match(text, m.end):
            return _result(m, "DURATION", "P1Y")
        return _result(m, "SET", _SETS[adv])
    mon = g.get("mon")
    if mon:
        if mon.lower() in WEEKDAYS:
            return _result(m, "SET", f"XXXX-WXX-{WEEKDAYS[mon.lower()] + 1}")
        return _result(m, "SET", f"XXXX-{month_number(mon):02d}")
    n_text = g.get("n")
    n = parse_number(n_text) if n_text else 1.0
    return _result(m, "SET", duration_value(n, unit_key(g["unit"] or "")))


def _time(m: Mention, c: _Ctx) -> Timex | None:
    g = m.g
    base = c.last_day or c.dct
    anchor = (g.get("anchor") or "").lower()
    if anchor and c.dct is not None:
        if anchor in WEEKDAYS:
            base = _weekday(c.dct, WEEKDAYS[anchor], None, c.tense(m.start))
        else:
            base = c.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(anchor, 0))
    day = base.isoformat() if base else "XXXX-XX-XX"
    if m.kind == "part":
        return _result(m, "TIME", f"{day}T{PARTS_OF_DAY[(g['part'] or '').lower()]}", None,
                       True)  # fmt: skip
    if g.get("noon"):
        hh, mm = (12, 0) if (g["noon"] or "").lower() == "noon" else (24, 0)
    else:
        hh, mm = int(g["h"] or 0), int(g.get("min") or 0)
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
    zone = "Z" if (g.get("zone") or "") in ("UTC", "GMT") and not g.get("off") else ""
    return _result(m, "TIME", f"{day}T{hh:02d}:{mm:02d}{zone}", None, True)


def _one(m: Mention, ctx: _Ctx, text: str) -> Timex | None:
    """The timex of one mention (None when it denotes no valid date)."""
    k = m.kind
    if k in ("date", "iso", "numeric"):
        if k != "date":
            y = int(m.g["y"] or 0)
            y = y + (2000 if y < 50 else 1900) if y < 100 else y
            d = date(y, int(m.g["m"] or 0), int(m.g["d"] or 0))  # ValueError: no such day
            ctx.last_day = d
            t: Timex | None = _result(m, "DATE", d.isoformat(), cal.day_range(d))
        else:
            t = _date(m, ctx)
    elif k == "range":
        t = _range(m, ctx)
    elif k in ("decade", "century", "quarter", "half", "season"):
        t = _granule(m, ctx)
    elif k in ("day", "rel"):
        t = _relative(m, ctx)
    elif k == "ago":
        t = _ago(m, ctx)
    elif k == "weekday":
        t = _weekday_t(m, ctx)
    elif k == "weekofmonth":
        t = _week_of_month(m, ctx)
    elif k == "anaphor":
        t = anaphora.day_anaphor(m, ctx.last_day or ctx.dct)
        if t.range is not None:
            ctx.last_day = t.range.start
    elif k == "same":
        t = anaphora.same_period(m, ctx.last_range, ctx.dct)
    elif k == "ref":
        v = (m.g["v"] or "").lower()
        val = _REFS.get(v) or ("PAST_REF" if "past" in v or "recent" in v or v == "lately"
                               else "FUTURE_REF")  # fmt: skip
        t = _result(m, "DATE", val)
    elif k == "duration":
        t = _duration(m, ctx, text)
    elif k == "set":
        t = _set(m, text)
    else:
        t = _time(m, ctx)
    return t


def normalise(mentions: list[Mention], dct: date | None, text: str,
              tense_of: TenseOf | None = None) -> list[Timex]:  # fmt: skip
    """Timexes for `mentions` (in text order) anchored on `dct`; see the module doc."""
    ctx = _Ctx(dct, tense_of, text)
    out: list[Timex] = []
    for m in mentions:
        try:
            t = _one(m, ctx, text)
        except (ValueError, OverflowError):
            t = None  # a date outside the calendar ("7000 years ago" from year 2011)
        if t is not None:
            out.append(t)
            if t.range is not None and t.type == "DATE" and t.range.precision in _YEARLY:
                ctx.last_year = t.range.start.year
            if t.range is not None and t.type == "DATE":
                ctx.last_range = t.range
    return anaphora.times_on_their_dates(out, text)
