"""Keyword windows: run each recogniser pattern only where its keyword occurs.

Every match of a recogniser pattern contains a keyword of its kind (a month name for
dates, a unit word for durations, "ago" for "two years ago"...). Scanning the text for
these cheap keywords first and running the costly pattern only inside windows of
`MARGIN` characters around them gives the same matches as a full scan, provided no match
is longer than `MARGIN` (windows around nearby keywords are merged, so a match is never cut;
lookbehinds and word boundaries still see the text before a window, as `re` searches the
whole string from `pos`). `tests/test_temporal.py` checks the equivalence on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MARGIN = 100
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_UNIT = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur"
_DEICTIC = r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night"

# Keywords, lower case: they are searched in the lower-cased text (literal alternations
# are several times faster than case-insensitive ones). A key may over-approximate (a
# window too many costs a little time); it must never miss a match's keyword.
_KEY_RX = {
    "iso": r"\d-\d",
    "numeric": r"\d/\d",
    "range": rf"\d+|{_MONTHS}",
    "date": _MONTHS,
    "year": r"\d\d\d\d",
    "decade": r"0s",
    "century": r"centur",
    "quarter": r"quarter|q[1-4]",
    "half": r"half",
    "season": r"spring|summer|autumn|fall|winter",
    "day": _DEICTIC,
    "part": _DEICTIC,
    "rel": r"week|month|year|quarter|decade|centur",
    "same": r"same",
    "ago": r"ago|from now|hence",
    "weekday": r"monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "anaphor": r"day|morning|afternoon|evening|night",
    "weekofmonth": r"week",
    "ref": r"now|present|these days|time being|recent|lately|current|soon|shortly|future"
    r"|term|coming|past",
    "set": rf"{_UNIT}|every|annual|yearly|monthly|weekly|daily|hourly|quarterly|nightly",
    "duration": _UNIT,
    "time": r"\d:\d|\d\s*[ap]\.?m|utc|gmt|est|edt|cst|cdt|pst|pdt|cet|cest|bst|jst|msk",
    "noon": r"noon|midnight",
}
KEYS = {name: re.compile(rx) for name, rx in _KEY_RX.items()}
_KEYS_CI = {name: re.compile(rx, re.IGNORECASE) for name, rx in _KEY_RX.items()}


def key_of(kind: str, pattern: str) -> str:
    """The keyword set a pattern of `kind` needs (a bare year pattern needs four digits)."""
    if kind == "date" and "(?P<mon>" not in pattern:
        return "year"
    if kind == "time" and "noon" in pattern:
        return "noon"
    return kind


def keyed(text: str) -> tuple[str, dict[str, re.Pattern[str]]]:
    """The text to search for keywords and the key patterns to use on it: the lower-cased
    text when lower-casing keeps every offset, else the text itself with case-insensitive
    keys (a few characters, such as "İ", lower-case to two)."""
    low = text.lower()
    return (low, KEYS) if len(low) == len(text) else (text, _KEYS_CI)


def windows(low: str, key: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged (start, end) windows of `MARGIN` characters around each keyword in `low`."""
    out: list[tuple[int, int]] = []
    n = len(low)
    for m in key.finditer(low):
        s, e = max(0, m.start() - MARGIN), min(n, m.end() + MARGIN)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def finditer(
    rx: re.Pattern[str], text: str, spans: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Matches of `rx` inside `spans`, each once (merged windows do not overlap)."""
    for s, e in spans:
        yield from rx.finditer(text, s, e)
