"""Reading a number as written: digits or number words, a scale word, a currency, a unit.

`read` finds the figures of a short text (a named-entity span) and normalises each one:
"$400 billion" -> 4e11 USD, "38 billion cubic meters" -> 3.8e10 m3, "30-year" -> 30 years.
Vague amounts ("thousands", "dozens") have no value and are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.nlp.figures.lexicon import UNITS_FILE, units

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12,
}  # fmt: skip
# Scale abbreviations that are also unit letters count only after a currency ("$400m").
_CURRENCY_ONLY_SCALES = frozenset({"k", "m"})
CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}
# Words before a number that bound or soften it, with the qualifier each gives.
QUALIFIERS = {
    "up to": "up to", "as much as": "up to", "as many as": "up to", "at most": "up to",
    "no more than": "up to", "a maximum of": "up to", "a maximum": "up to",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "close to": "almost",
    "nearly": "almost", "almost": "almost", "just under": "almost",
    "more than": "more than", "over": "more than", "above": "more than",
    "exceeding": "more than", "in excess of": "more than", "upwards of": "more than",
    "at least": "at least", "no less than": "at least", "no fewer than": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read in a text: offsets (into that text), value in `unit`, unit kind."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str | None


@lru_cache(maxsize=8)
def _pattern(units_file: str) -> re.Pattern[str]:
    words_of_units = (s for s in units(units_file) if s not in CURRENCY_SIGNS)
    unit_words = sorted(words_of_units, key=len, reverse=True)
    unit_alt = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in unit_words)
    signs = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
    words = "|".join(sorted(WORDS, key=len, reverse=True))
    scales = "|".join(sorted(SCALES, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<sign>{signs})\s?)?"
        rf"(?P<num>(?<![\w.])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?"
        rf"|(?<![\w-])(?:{words})\b)"
        rf"(?:[\s-]?(?P<scale>(?:{scales})\b))?"
        rf"(?:[\s-]?(?P<unit>(?:{unit_alt})(?!\w)))?",
        re.IGNORECASE,
    )


def _number(text: str) -> float:
    low = text.lower()
    if low in WORDS:
        return float(WORDS[low])
    return float(low.replace(",", ""))


def read(text: str, units_file: str = UNITS_FILE) -> list[Reading]:
    """Every number of `text` with its scale and unit (units from `units_file`); a unitless
    number has unit None."""
    out: list[Reading] = []
    for m in _pattern(units_file).finditer(text):
        value = _number(m["num"])
        scale = (m["scale"] or "").lower()
        if scale in _CURRENCY_ONLY_SCALES and not m["sign"]:
            scale = ""
        end = m.end("scale") if scale else m.end("num")
        value *= SCALES.get(scale, 1.0)
        unit: str | None = None
        kind: str | None = None
        if m["sign"]:
            unit, kind = CURRENCY_SIGNS[m["sign"].lower()], "money"
        if m["unit"]:
            found = units(units_file)[" ".join(m["unit"].lower().split())]
            if unit is None or found.kind == "money":
                unit, kind = found.unit, found.kind
                value *= found.factor
                end = m.end("unit")
        out.append(Reading(m.start(), end, value, unit, kind))
    return out


def qualifier_before(text: str) -> tuple[str, int] | None:
    """The qualifier that ends `text` ("... up to "), with its length, or None."""
    low = text.lower().rstrip(" (")
    for words in sorted(QUALIFIERS, key=len, reverse=True):
        if low.endswith(words) and (len(low) == len(words) or not low[-len(words) - 1].isalnum()):
            return QUALIFIERS[words], len(text) - (len(low) - len(words))
    return None
