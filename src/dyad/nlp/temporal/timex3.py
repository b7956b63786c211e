"""The TIMEX3 view of dyad's timexes, for scoring against TimeML corpora and for export.

dyad keeps a range ("May 20-26", "from 2009 to 2011") as one timex with an interval value
("2014-05-20/2014-05-26") and a `DateRange`, because the chronology needs both ends together.
TIMEX3 has no interval value: TimeML marks each end of a range as a TIMEX3 of its own ("from
<TIMEX3>2009</TIMEX3> to <TIMEX3>2011</TIMEX3>"). `as_timex3` gives that view and leaves
every other timex as it is.
"""

from __future__ import annotations

import re

from dyad.nlp.temporal.calendar import value_range
from dyad.types import Timex

_LEAD = re.compile(r"(?i:from|between)\s+")
_SEP = re.compile(r"\s*(?:-|–|—|\b(?i:to|through|thru|until|till|and)\b)\s*")


def as_timex3(t: Timex) -> list[Timex]:
    """`t` as TIMEX3 annotations: a range becomes its two ends, each with its own span."""
    if t.type != "DATE" or t.value.count("/") != 1:
        return [t]
    lead = _LEAD.match(t.text)
    off = lead.end() if lead else 0
    sep = _SEP.search(t.text, off)
    if sep is None or sep.start() == off or sep.end() == len(t.text):
        return [t]
    va, vb = t.value.split("/")
    a = Timex(t.start + off, t.start + sep.start(), t.text[off : sep.start()], "DATE", va,
              value_range(va), t.anchored, t.mod)  # fmt: skip
    b = Timex(t.start + sep.end(), t.end, t.text[sep.end() :], "DATE", vb, value_range(vb),
              t.anchored, t.mod)  # fmt: skip
    return [a, b]
