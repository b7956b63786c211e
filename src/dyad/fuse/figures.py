"""Figures across documents: group those that measure the same thing, flag disagreement.

Two figures measure the same thing when they have the same key and unit ("annual gas volume"
in m3), their actors' countries overlap (or one names none), the years their clauses give
agree, and (unless they give the same year: "$100 billion by 2015") their documents appeared
within the key's window of each other (a contract's terms
stay the same thing for two years; one summit's count of agreements for a month: see
``dyad/data/figure_things.tsv``). Two different values from the same sentence are never the
same thing ("Russia and China put down $55 billion and $25 billion respectively").

A group keeps every figure with its sentence; values are never averaged or merged. Its status:
- ``agree``: all values within 2% of each other (rounding);
- ``differ``: values further apart, but their qualifiers allow one true value ("up to 68
  billion" and "38 billion");
- ``conflict``: no single value fits them all.

Grouping is computed at read time. It blocks by (key, unit), sorts each block by date and
compares a figure only with the groups still open within the window, so it stays about
linear in the number of figures. Figures whose thing is unknown are never grouped.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from dyad.nlp.figures.lexicon import window_of
from dyad.types import Figure

Status = Literal["agree", "differ", "conflict"]
ROUNDING = 0.02  # values this close are the same value, rounded
ABOUT = 0.10  # how far "about 30" may be from 30
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures from one or more documents that measure the same thing, each kept as given."""

    group_id: str
    key: str
    unit: str
    status: Status
    figures: tuple[Figure, ...]
    actors: tuple[str, ...]
    year: int | None

    @property
    def conflict(self) -> bool:
        return self.status == "conflict"

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.doc_id for f in self.figures))


def bounds(f: Figure) -> tuple[float, float]:
    """The values a figure allows, given its qualifier and rounding."""
    v = f.value
    lo, hi = v / (1 + ROUNDING), v * (1 + ROUNDING)
    match f.qualifier:
        case "about":
            return min(lo, v * (1 - ABOUT)), max(hi, v * (1 + ABOUT))
        case "almost":
            return v * (1 - ABOUT), hi
        case "up to" | "less than":
            return 0.0, hi
        case "more than" | "at least":
            return lo, math.inf
    return lo, hi


def status_of(figures: Iterable[Figure]) -> Status:
    """agree, differ (qualifiers explain the gap) or conflict; see the module docstring."""
    figs = list(figures)
    values = [f.value for f in figs]
    low, high = min(values), max(values)
    if high <= low * (1 + ROUNDING) or high - low == 0:
        return "agree"
    lo = max(bounds(f)[0] for f in figs)
    hi = min(bounds(f)[1] for f in figs)
    return "differ" if lo <= hi else "conflict"


def _countries(f: Figure) -> set[str]:
    return {code[:3] for code in f.actors}


@dataclass(slots=True, eq=False)  # groups are compared by identity
class _Open:
    figures: list[Figure]
    countries: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    first: date | None = None
    last: date | None = None

    def accepts(self, f: Figure, when: date | None, window: int) -> bool:
        countries = _countries(f)
        if countries and self.countries and not countries & self.countries:
            return False
        if f.year is not None and self.years and f.year not in self.years:
            return False
        same_year = f.year is not None and f.year in self.years  # the year says when, not the date
        if not same_year and when is not None and self.first is not None and self.last is not None:
            spread = max(abs((when - self.first).days), abs((when - self.last).days))
            if spread > window:
                return False
        return not any(
            g.doc_id == f.doc_id
            and g.sentence.start == f.sentence.start
            and status_of((g, f)) != "agree"
            for g in self.figures
        )

    def add(self, f: Figure, when: date | None) -> None:
        self.figures.append(f)
        self.countries |= _countries(f)
        if f.year is not None:
            self.years.add(f.year)
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)


def _group(key: str, unit: str, figures: list[Figure]) -> FigureGroup:
    first = figures[0]
    ident = f"{key}|{unit}|{first.doc_id}|{first.start}"
    years = {f.year for f in figures}  # the group's year only when every figure gives it
    return FigureGroup(
        group_id=hashlib.sha256(ident.encode()).hexdigest()[:12],
        key=key,
        unit=unit,
        status=status_of(figures),
        figures=tuple(figures),
        actors=tuple(dict.fromkeys(a for f in figures for a in f.actors)),
        year=years.pop() if len(years) == 1 else None,
    )


def group_figures(
    figures: Iterable[Figure], published: Mapping[str, date | None]
) -> list[FigureGroup]:
    """Group `figures` (see the module docstring); `published` gives each document's date.
    Groups come ordered by key, unit, then date."""
    blocks: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        blocks[(f.key, f.unit)].append(f)
    out: list[FigureGroup] = []
    for (key, unit), block in sorted(blocks.items()):
        if key == UNKNOWN:
            out.extend(_group(key, unit, [f]) for f in block)
            continue
        window = window_of(key)
        block.sort(key=lambda f: (published.get(f.doc_id) or date.min, f.doc_id, f.start))
        groups: list[_Open] = []
        active: list[_Open] = []  # groups still within the window of the current date
        by_year: dict[int, list[_Open]] = defaultdict(list)  # a year joins across any window
        for f in block:
            when = published.get(f.doc_id)
            if when is not None:
                active = [g for g in active if g.last is None or (when - g.last).days <= window]
            near = active + (by_year.get(f.year, []) if f.year is not None else [])
            target = next((g for g in reversed(near) if g.accepts(f, when, window)), None)
            if target is None:
                target = _Open([])
                groups.append(target)
                active.append(target)
            elif target not in active:
                active.append(target)
            if f.year is not None and f.year not in target.years:
                by_year[f.year].append(target)
            target.add(f, when)
        out.extend(_group(key, unit, g.figures) for g in groups)
    return out
