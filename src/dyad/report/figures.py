"""Shape figure groups for the surfaces: one row per group, each value with its source.

A group lists what is measured, the actors, and every value as its document gives it
(normalised value, unit, qualifier, period, the figure as written) with the document's title
and date and the sentence, so an analyst sees differing values side by side and can cite
each one. Nothing is averaged.
"""

from __future__ import annotations

from typing import Any

from dyad.fuse.figures import FigureGroup, group_figures
from dyad.report.chronology import titles_of
from dyad.store.db import Store
from dyad.types import Figure

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_PERIODS = {"P1Y": "per year", "P1M": "per month", "P1W": "per week", "P1D": "per day"}


def display(f: Figure) -> str:
    """A figure's normalised value in words: "up to 68 billion m3 per year", "23%"."""
    number = f"{f.value:,.10g}"
    for size, word in _SCALES:
        if abs(f.value) >= size:
            number = f"{f.value / size:,.6g} {word}"
            break
    shown = f"{number}%" if f.unit == "%" else f"{number} {f.unit}"
    if f.qualifier:
        shown = f"{f.qualifier} {shown}"
    if f.period in _PERIODS:
        shown += f" {_PERIODS[f.period]}"
    return shown


def _matches(group: FigureGroup, words: list[str]) -> bool:
    hay = " ".join([group.key] + [f.thing + " " + f.sentence.text for f in group.figures])
    hay = hay.lower()
    return all(w in hay for w in words)


def figure_rows(
    store: Store,
    actor: str | None = None,
    search: str | None = None,
    conflicts: bool = False,
) -> list[dict[str, Any]]:
    """Figure groups: with an actor code (prefix) among their actors, with all the words of
    `search` in what they measure or their sentences, and (`conflicts`) only those whose
    values differ or conflict. Conflicts first, then by what is measured."""
    published = {k: v.value for k, v in store.publication_dates().items()}
    groups = group_figures(store.figures(), published)
    titles = titles_of(store)
    words = (search or "").lower().split()
    rows: list[dict[str, Any]] = []
    for g in groups:
        if actor and not any(a.startswith(actor.upper()) for a in g.actors):
            continue
        if words and not _matches(g, words):
            continue
        if conflicts and g.status == "agree":
            continue
        values = []
        for f in g.figures:
            when = published.get(f.doc_id)
            values.append(
                {
                    "value": f.value,
                    "unit": f.unit,
                    "display": display(f),
                    "qualifier": f.qualifier,
                    "period": f.period,
                    "year": f.year,
                    "target": f.target,
                    "text": f.text,
                    "thing": f.thing,
                    "actors": list(f.actors),
                    "doc_id": f.doc_id,
                    "title": titles.get(f.doc_id),
                    "published": when.isoformat() if when else None,
                    "start": f.start,
                    "end": f.end,
                    "sentence": {
                        "start": f.sentence.start,
                        "end": f.sentence.end,
                        "text": f.sentence.text,
                    },
                }
            )
        rows.append(
            {
                "group_id": g.group_id,
                "measured": g.key,
                "unit": g.unit,
                "status": g.status,
                "conflict": g.conflict,
                "actors": list(g.actors),
                "year": g.year,
                "documents": len(g.doc_ids),
                "values": values,
            }
        )
    order = {"conflict": 0, "differ": 1, "agree": 2}
    rows.sort(key=lambda r: (r["measured"] == "unknown", order[r["status"]], r["measured"]))
    return rows
