"""Word tables and regex building blocks shared by the temporal recogniser and normaliser.

Kept apart from the patterns so that the normaliser can map matched words to numbers with
the very same tables the recogniser matched them with.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5,
    "a half": 0.5, "half": 0.5,
}  # fmt: skip

VAGUE_NUMBERS = frozenset({"several", "a few", "few", "many", "some", "a number of"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

# unit word -> (TIMEX3 duration letter, is a time-of-day unit needing "PT")
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "centurie": ("CE", False),
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA",
                           "winter": "WI"}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV",
                                "night": "NI", "tonight": "NI"}  # fmt: skip

# --- regex fragments (no capturing groups, so callers can name their own) ---
MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![A-Za-z])"
)
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?![A-Za-z])"
)
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w])"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\w])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM_WORDS = sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:" + _TENS + r")[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
    r" and a half|a couple of|a hundred|half an?|" + "|".join(_NUM_WORDS) + r")"
)
VAGUE = r"(?:several|a few|few|many|a number of)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"  # noqa: E501
UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word[:3].lower()]


def parse_number(word: str) -> float | None:
    """A number written in digits or words; None for vague quantities ("several")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w.endswith(" and a half"):
        base = parse_number(w[: -len(" and a half")])
        return None if base is None else base + 0.5
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def unit_key(word: str) -> str:
    """Singular lower-case unit ("Centuries" -> "centurie" is mapped to century)."""
    w = word.lower().rstrip("s")
    return "century" if w.startswith("centur") else w


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3D, PT30M, P2.5Y, PXY (vague), P2W for a fortnight."""
    letter, is_time = UNITS[unit]
    if unit == "fortnight" and n is not None:
        n = n * 2
    if n is None:
        amount = "X"
    elif float(n).is_integer():
        amount = str(int(n))
    else:
        amount = f"{n:g}"
    return ("PT" if is_time else "P") + amount + letter
