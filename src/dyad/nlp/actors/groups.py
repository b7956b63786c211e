"""Group actors and their members: "the West" (WST) stands for some states and the EU.

A group keeps its own code in every event; its members (``data/group_members.tsv``, dated)
are shown beside it and let an actor filter find the group's events. The table is small and
read once.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from importlib import resources

from dyad.errors import KnowledgeBaseError

Membership = tuple[str, date | None, date | None]


@cache
def _table() -> dict[str, tuple[Membership, ...]]:
    text = resources.files("dyad").joinpath("data", "group_members.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, list[Membership]] = {}
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        try:
            start = date.fromisoformat(row["start"]) if row["start"] else None
            end = date.fromisoformat(row["end"]) if row["end"] else None
        except (TypeError, ValueError) as exc:
            raise KnowledgeBaseError(f"group_members.tsv: data row {number}: {exc}") from exc
        table.setdefault(row["group"], []).append((row["member"], start, end))
    return {group: tuple(rows) for group, rows in table.items()}


def groups() -> tuple[str, ...]:
    """The group codes that have members."""
    return tuple(_table())


def members(code: str, on: date | None = None) -> tuple[str, ...]:
    """The members of group `code` (its country part: ``WSTGOV`` -> WST) on day `on`; with no
    day, its present members. Empty for a code that is not a group."""
    rows = _table().get(code[:3], ())
    if on is None:
        return tuple(m for m, _start, end in rows if end is None)
    return tuple(
        m for m, start, end in rows if (start is None or start <= on) and (end is None or on <= end)
    )
