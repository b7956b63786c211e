"""Stored figures: written with their document, found by measured-thing key or actor code.

`actors` holds the figure's actor codes space-separated with a space at each end, so a code
prefix ("RUS") is found with one LIKE. Figures are grouped across documents at read time
(`dyad.fuse.figures`), so a new document never leaves stale groups behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from dyad import codec
from dyad.store.sql import like_escape
from dyad.types import Figure


def add_figures(db: sqlite3.Connection, doc_id: str, figures: Iterable[Figure]) -> None:
    """Store a document's figures (inside the caller's transaction)."""
    db.executemany(
        "INSERT INTO figures (doc_id, start, end, key, unit, value, actors, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, f.start, f.end, f.key, f.unit, f.value, f" {' '.join(f.actors)} ",
             codec.dumps(f))
            for f in figures
        ],
    )  # fmt: skip


def find_figures(
    db: sqlite3.Connection, key: str | None = None, actor: str | None = None
) -> Iterator[Figure]:
    """Figures ordered by key, unit and document, whose key is `key` and one of whose actor
    codes starts with `actor`."""
    where, args = [], []
    if key:
        where.append("f.key = ?")
        args.append(key)
    if actor:
        where.append("f.actors LIKE ? ESCAPE '\\'")
        args.append(f"% {like_escape(actor.upper())}%")
    sql = "SELECT f.data FROM figures f"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY f.key, f.unit, f.doc_id, f.start"
    for row in db.execute(sql, args):
        yield codec.loads(Figure, row[0])
