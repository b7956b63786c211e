"""Stored quotes: written with their document, found by speaker, actor code or content words.

The content is indexed in `quotes_fts` (FTS5, Porter stemmer) under the quote's rowid, so a
search for "pipeline" finds "pipelines". A search is taken as a phrase, never as FTS syntax.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dyad import codec
from dyad.store.sql import like_escape
from dyad.types import Quote


def add_quotes(db: sqlite3.Connection, doc_id: str, quotes: Iterable[Quote]) -> None:
    """Store a document's quotes (inside the caller's transaction)."""
    for q in quotes:
        cur = db.execute(
            "INSERT INTO quotes (doc_id, start, end, kind, speaker, actor_code, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, q.content[0][0], q.content[-1][1], q.kind, q.speaker or q.source,
             q.actor_code, codec.dumps(q)),
        )  # fmt: skip
        db.execute("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", (cur.lastrowid, q.text))


def _phrase(text: str) -> str:
    """`text` as one FTS5 phrase (double quotes doubled), so user input is never syntax."""
    return '"' + text.replace('"', '""') + '"'


def find_quotes(
    db: sqlite3.Connection,
    speaker: str | None = None,
    actor: str | None = None,
    search: str | None = None,
) -> Iterator[Quote]:
    """Quotes in document order whose speaker (or source words) contains `speaker`
    (case-insensitive), whose actor code starts with `actor`, and whose content matches the
    words of `search`."""
    where: list[str] = []
    args: list[str | int] = []
    if speaker:
        where.append("q.speaker LIKE ? ESCAPE '\\'")
        args.append(f"%{like_escape(speaker)}%")
    if actor:
        where.append("substr(q.actor_code, 1, ?) = ?")
        args += [len(actor), actor.upper()]
    if search:
        where.append("q.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        args.append(_phrase(search))
    sql = "SELECT q.data FROM quotes q JOIN documents d USING (doc_id)"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.published IS NULL, d.published, d.path, q.start"
    for row in db.execute(sql, args):
        yield codec.loads(Quote, row[0])


@dataclass(frozen=True, slots=True)
class ReportedEvent:
    """A fused event that a quote reports, as far as the surfaces name it."""

    event_id: str
    plover: str
    start: str | None
    end: str | None


def reported_events(db: sqlite3.Connection, mention_ids: Iterable[str]) -> list[ReportedEvent]:
    """The fused events of the event mentions `mention_ids`, each once, in the order of the
    first mention that names it."""
    out: dict[str, ReportedEvent] = {}
    for mid in mention_ids:
        row = db.execute(
            "SELECT e.event_id, e.plover, e.start, e.end FROM event_mentions m "
            "JOIN events e USING (event_id) WHERE m.mention_id = ?",
            (mid,),
        ).fetchone()
        if row is not None and row[0] not in out:
            out[row[0]] = ReportedEvent(row[0], row[1], row[2], row[3])
    return list(out.values())
