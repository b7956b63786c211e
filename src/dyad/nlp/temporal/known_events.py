"""A small gazetteer of dated international summits used as publication-date evidence.

"the G20 summit in Brisbane" or "the APEC summit" next to "Beijing" pins an article to a
known date. A mention is only used when the host city (or the year) next to it picks
exactly one row: "the APEC summit" alone is too ambiguous to anchor anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from dyad.errors import DyadError

_SERIES = {
    "APEC": r"APEC|Asia[- ]Pacific Economic Cooperation",
    "G20": r"G-?20|Group of (?:20|Twenty)",
    "BRICS": r"BRICS?",
    "SCO": r"SCO|Shanghai Cooperation Organi[sz]ation",
    "CICA": r"CICA|Conference on Interaction and Confidence[- ]Building(?: Measures)? in Asia",
    "NATO": r"NATO",
    "G7": r"G-?[78]|Group of (?:Seven|Eight)",
}
_MENTION = re.compile(
    r"\b(?P<series>" + "|".join(f"(?P<{k}>{v})" for k, v in _SERIES.items()) + r")\b"
    r"(?:\W+\w+){0,3}?\W+(?P<what>summit|meeting|leaders)\b"
)
_EVE = re.compile(r"(?i:\beve of (?:the )?(?:\w+\s+){0,2})$")


@dataclass(frozen=True, slots=True)
class KnownEvent:
    series: str
    hosts: tuple[str, ...]
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class EventHit:
    """A gazetteer event mentioned at text[start:end]; `eve` when "on the eve of" it."""

    event: KnownEvent
    start: int
    end: int
    text: str
    eve: bool


@lru_cache(maxsize=1)
def known_events() -> tuple[KnownEvent, ...]:
    """Rows of data/known_events.tsv (loaded once)."""
    try:
        raw = resources.files("dyad.data").joinpath("known_events.tsv").read_text("utf-8")
    except OSError as exc:  # pragma: no cover - packaging error
        raise DyadError(f"known_events.tsv is missing from dyad.data: {exc}") from exc
    rows: list[KnownEvent] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("series\t"):
            continue
        series, hosts, start, end = line.split("\t")
        rows.append(KnownEvent(series, tuple(hosts.split("|")), date.fromisoformat(start),
                               date.fromisoformat(end)))  # fmt: skip
    return tuple(rows)


def find_events(text: str, sentence: tuple[int, int] | None = None) -> list[EventHit]:
    """Known summits mentioned in `text`, resolved by a host city or year nearby."""
    hits: list[EventHit] = []
    for m in _MENTION.finditer(text):
        series = next(k for k in _SERIES if m.group(k))
        lo, hi = max(0, m.start() - 200), min(len(text), m.end() + 200)
        if sentence is not None:
            lo, hi = sentence
        window = text[lo:hi]
        rows = [
            e for e in known_events()
            if e.series == series and (
                any(re.search(rf"\b{re.escape(h)}\b", window) for h in e.hosts)
                or re.search(rf"\b{e.start.year}\b", text[max(0, m.start() - 12) : m.end() + 12])
            )
        ]  # fmt: skip
        if len(rows) != 1:
            continue
        eve = bool(_EVE.search(text[max(0, m.start() - 40) : m.start()]))
        hits.append(EventHit(rows[0], m.start(), m.end(), m.group(0), eve))
    return hits
