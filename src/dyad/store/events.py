"""Stored events and their mentions by fusion block (incremental fusion).

Each event mention row carries its block key (`dyad.fusion_blocks`). New documents touch a
few blocks; their events are deleted and replaced by the fusion of those blocks only.
Blocks are looked up through a temporary table, so any number of them fits one query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from dyad import codec
from dyad.store.sql import iso, with_keys
from dyad.types import Event, EventMention


def insert_event(db: sqlite3.Connection, event: Event) -> None:
    """Store one fused event and point its mentions at it (in the caller's transaction)."""
    db.execute(
        "INSERT INTO events (event_id, plover, cameo, start, end, actors, n_docs, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (event.event_id, event.plover, event.cameo,
         iso(event.when.start) if event.when else None,
         iso(event.when.end) if event.when else None,
         " ".join(event.actors), len(event.doc_ids), codec.dumps(event)),
    )  # fmt: skip
    db.executemany(
        "UPDATE event_mentions SET event_id = ? WHERE mention_id = ?",
        [(event.event_id, m.mention_id) for m in event.mentions],
    )


def mention_blocks(db: sqlite3.Connection, doc_ids: Iterable[str]) -> set[str]:
    """The blocks the event mentions of these documents fall in."""
    with_keys(db, "_docs", doc_ids)
    rows = db.execute("SELECT DISTINCT block FROM event_mentions WHERE doc_id IN "
                      "(SELECT key FROM _docs)")  # fmt: skip
    return {r[0] for r in rows}


def unfused_blocks(db: sqlite3.Connection) -> set[str]:
    """The blocks holding mentions that belong to no event (left by an interrupted
    re-analysis; none after a completed fusion)."""
    rows = db.execute("SELECT DISTINCT block FROM event_mentions WHERE event_id IS NULL")
    return {r[0] for r in rows}


def mentions_in_blocks(db: sqlite3.Connection, blocks: Iterable[str]) -> Iterator[EventMention]:
    with_keys(db, "_blocks", blocks)
    rows = db.execute("SELECT data FROM event_mentions WHERE block IN (SELECT key FROM _blocks) "
                      "ORDER BY doc_id, mention_id").fetchall()  # fmt: skip
    for row in rows:
        yield codec.loads(EventMention, row[0])


def replace_block_events(db: sqlite3.Connection, blocks: Iterable[str],
                         events: Iterable[Event]) -> None:  # fmt: skip
    """Delete the events of these blocks and store their new fusion (caller's transaction)."""
    with_keys(db, "_blocks", blocks)
    db.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM event_mentions "
               "WHERE block IN (SELECT key FROM _blocks) AND event_id IS NOT NULL)")  # fmt: skip
    db.execute("UPDATE event_mentions SET event_id = NULL "
               "WHERE block IN (SELECT key FROM _blocks)")  # fmt: skip
    for event in events:
        insert_event(db, event)
