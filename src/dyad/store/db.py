"""The SQLite system of record: documents, their analyses (quotes and figures included), fused
events.

Each document lands with its whole analysis in one transaction, so an interrupted ingest
never leaves half a document; identity is the content hash, so re-ingesting is a no-op.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from dyad import codec
from dyad.errors import SchemaTooNew, StoreError
from dyad.fusion_blocks import block_key
from dyad.store.events import (
    insert_event,
    mention_blocks,
    mentions_in_blocks,
    replace_block_events,
    unfused_blocks,
)
from dyad.store.figures import add_figures, find_figures
from dyad.store.migrations import MIGRATIONS, migrate
from dyad.store.quotes import ReportedEvent, add_quotes, find_quotes, reported_events
from dyad.store.sql import iso, with_keys
from dyad.store.tx import transaction
from dyad.types import (
    ActorMention,
    Analysis,
    Document,
    Event,
    EventMention,
    Figure,
    PublicationDate,
    Quote,
    Timex,
)


def _open_failure(path: str | Path, exc: sqlite3.Error) -> str:
    """What went wrong opening `path`, in the user's terms."""
    reason = str(exc)
    if "readonly" in reason:
        return f"{path} is read-only ({reason}); a command that writes needs write access"
    if "locked" in reason or "busy" in reason:
        return f"{path} is locked by another process ({reason}); try again when it is done"
    if "disk is full" in reason or "full" in reason:
        return f"{path}: the disk is full ({reason}); nothing more was written"
    return f"{path} is not a dyad database: {reason}"


def _open_read_only(path: str | Path) -> sqlite3.Connection | None:
    """A read-only connection to an up-to-date store; None when migrations are pending (the
    caller upgrades it through a writable connection)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {path}: {exc}") from exc
    db.row_factory = sqlite3.Row
    try:
        done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(_open_failure(path, exc)) from exc
    known = {name for name, _ in MIGRATIONS}
    if unknown := done - known:
        db.close()
        raise SchemaTooNew(
            f"{path} has migrations this dyad does not know ({', '.join(sorted(unknown))}); "
            "upgrade dyad to open it"
        )
    if known - done:
        db.close()
        return None
    db.execute("PRAGMA foreign_keys = ON")
    return db


class Store:
    """A dyad database. Open with `Store.open(path)`; use as a context manager to close."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and, for writing, create or upgrade) the store at `path`.

        `read_only` opens with SQLite's `mode=ro` and changes nothing, not even the journal
        mode, so a store on a read-only disk or of another user can be read; a store written
        by an older dyad is upgraded first, through a writable connection. Every failure is a
        StoreError naming the file: not a database, not dyad's, read-only, locked."""
        if read_only:
            db = _open_read_only(path)
            if db is not None:
                return cls(db, str(path))
        try:
            db = sqlite3.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            migrate(db)
        except SchemaTooNew:
            db.close()
            raise
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(_open_failure(path, exc)) from exc
        if read_only:  # upgraded: from here on, read-only
            db.close()
            ro = _open_read_only(path)
            if ro is None:
                raise StoreError(f"{path}: its upgrade did not complete")
            db = ro
        return cls(db, str(path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------

    def document_ids(self, page: int = 1000) -> Iterator[str]:
        """Every document id in order, a page at a time (rows written meanwhile do not move
        the position: the next page starts after the last id seen), so memory stays flat."""
        last = ""
        while True:
            rows = self.db.execute(
                "SELECT doc_id FROM documents WHERE doc_id > ? ORDER BY doc_id LIMIT ?",
                (last, page),
            ).fetchall()
            if not rows:
                return
            yield from (row[0] for row in rows)
            last = rows[-1][0]

    def has_document(self, doc_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def add(self, document: Document, analysis: Analysis, model: str) -> bool:
        """Store a document with its analysis; False (and nothing written) if already stored."""
        pub = analysis.published  # decided once, by the analysis (nlp.pipeline.to_analysis)
        with transaction(self.db) as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO documents (doc_id, path, external_id, title, outlet, url, "
                "published, published_source, published_confidence, published_reason, "
                "published_earliest, published_latest, text, model, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.doc_id,
                    document.path,
                    document.external_id,
                    document.title,
                    document.outlet,
                    document.url,
                    iso(pub.value),
                    pub.source,
                    pub.confidence,
                    pub.reason,
                    iso(pub.earliest),
                    iso(pub.latest),
                    document.text,
                    model,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            if cur.rowcount == 0:
                return False
            self.write_analysis(db, document, analysis)
        return True

    @staticmethod
    def write_analysis(db: sqlite3.Connection, document: Document, analysis: Analysis) -> None:
        """Insert what the per-document stage found (in the caller's transaction)."""
        doc_id, text = document.doc_id, document.text
        db.executemany(
            "INSERT INTO sentences (doc_id, idx, start, end) VALUES (?, ?, ?, ?)",
            [(doc_id, i, s, e) for i, (s, e) in enumerate(analysis.sentences)],
        )
        rows = db.execute("SELECT rowid, start, end FROM sentences WHERE doc_id = ?", (doc_id,))
        db.executemany(  # index rows keyed by the sentence's rowid (migration 0005)
            "INSERT INTO sentences_fts (rowid, text, doc_id, start, end) VALUES (?, ?, ?, ?, ?)",
            [(rowid, text[s:e], doc_id, s, e) for rowid, s, e in rows.fetchall()],
        )
        db.executemany(
            "INSERT INTO timexes (doc_id, start, end, type, value, range_start, range_end, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    t.start,
                    t.end,
                    t.type,
                    t.value,
                    iso(t.range.start) if t.range else None,
                    iso(t.range.end) if t.range else None,
                    codec.dumps(t),
                )
                for t in analysis.timexes
            ],
        )
        db.executemany(
            "INSERT INTO actor_mentions (doc_id, start, end, code, data) VALUES (?, ?, ?, ?, ?)",
            [
                (doc_id, a.start, a.end, a.actor.code if a.actor else None, codec.dumps(a))
                for a in analysis.actors
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO event_mentions "
            "(mention_id, doc_id, plover, cameo, when_start, when_end, event_id, data, block) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
            [
                (
                    m.mention_id,
                    doc_id,
                    m.plover,
                    m.cameo,
                    iso(m.when.start) if m.when else None,
                    iso(m.when.end) if m.when else None,
                    codec.dumps(m),
                    block_key(m),
                )
                for m in analysis.events
            ],
        )
        add_quotes(db, doc_id, analysis.quotes)
        add_figures(db, doc_id, analysis.figures)

    def documents(self) -> Iterator[Document]:
        for row in self.db.execute("SELECT * FROM documents ORDER BY published, path, doc_id"):
            yield _document(row)

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def publication_dates(self, doc_ids: Iterable[str] | None = None) -> dict[str, PublicationDate]:
        """The publication dates of every document (or of `doc_ids`), without the texts."""
        sql = ("SELECT doc_id, published, published_source, published_confidence, "
               "published_reason, published_earliest, published_latest FROM documents")  # fmt: skip
        if doc_ids is None:
            rows = self.db.execute(sql)
        else:
            with_keys(self.db, "_docs", doc_ids)
            rows = self.db.execute(sql + " WHERE doc_id IN (SELECT key FROM _docs)")
        return {row["doc_id"]: _publication(row) for row in rows}

    def count_documents(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def count_events(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM events").fetchone()[0])

    def sentences(self, doc_id: str) -> list[tuple[int, int]]:
        rows = self.db.execute(
            "SELECT start, end FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,)
        )
        return [(r[0], r[1]) for r in rows]

    def timexes(self, doc_id: str) -> list[Timex]:
        rows = self.db.execute(
            "SELECT data FROM timexes WHERE doc_id = ? ORDER BY start", (doc_id,)
        )
        return [codec.loads(Timex, r[0]) for r in rows]

    def actor_mentions(self, doc_id: str) -> list[ActorMention]:
        rows = self.db.execute(
            "SELECT data FROM actor_mentions WHERE doc_id = ? ORDER BY start", (doc_id,)
        )
        return [codec.loads(ActorMention, r[0]) for r in rows]

    def quotes(self, speaker: str | None = None, actor: str | None = None,
               search: str | None = None) -> Iterator[Quote]:  # fmt: skip
        """Stored quotes, filtered (see `store.quotes.find_quotes`)."""
        return find_quotes(self.db, speaker, actor, search)

    def reported_events(self, mention_ids: Iterable[str]) -> list[ReportedEvent]:
        """The fused events a quote's event mentions belong to (`store.quotes`)."""
        return reported_events(self.db, mention_ids)

    def count_quotes(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM quotes").fetchone()[0])

    def figures(self, key: str | None = None, actor: str | None = None) -> Iterator[Figure]:
        """Stored figures, filtered (see `store.figures.find_figures`)."""
        return find_figures(self.db, key, actor)

    def count_figures(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM figures").fetchone()[0])

    # -- events ----------------------------------------------------------------------------

    def event_mentions(self, blocks: Iterable[str] | None = None) -> Iterator[EventMention]:
        """Every stored event mention, or those of the given fusion blocks."""
        if blocks is not None:
            yield from mentions_in_blocks(self.db, blocks)
            return
        for row in self.db.execute("SELECT data FROM event_mentions ORDER BY doc_id, mention_id"):
            yield codec.loads(EventMention, row[0])

    def mention_blocks(self, doc_ids: Iterable[str]) -> set[str]:
        """The fusion blocks of these documents' event mentions, and of any mention that
        belongs to no event yet."""
        return mention_blocks(self.db, doc_ids) | unfused_blocks(self.db)

    def replace_events(self, events: Iterable[Event]) -> int:
        """Replace all fused events (a full fusion of the stored mentions)."""
        n = 0
        with transaction(self.db) as db:
            db.execute("DELETE FROM events")
            db.execute("UPDATE event_mentions SET event_id = NULL")
            for event in events:
                insert_event(db, event)
                n += 1
        return n

    def replace_block_events(self, blocks: Iterable[str], events: Iterable[Event]) -> None:
        """Replace the events of these fusion blocks only (incremental fusion)."""
        with transaction(self.db) as db:
            replace_block_events(db, list(blocks), events)

    def events(self) -> Iterator[Event]:
        rows = self.db.execute("SELECT data FROM events ORDER BY start IS NULL, start, event_id")
        for row in rows:
            yield codec.loads(Event, row[0])


def _document(row: sqlite3.Row) -> Document:
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        path=row["path"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        external_id=row["external_id"],
        published=_publication(row),
    )


def _publication(row: sqlite3.Row) -> PublicationDate:
    def d(v: str | None) -> date | None:
        return date.fromisoformat(v) if v else None

    return PublicationDate(
        value=d(row["published"]),
        source=row["published_source"],
        confidence=row["published_confidence"],
        reason=row["published_reason"],
        earliest=d(row["published_earliest"]),
        latest=d(row["published_latest"]),
    )
