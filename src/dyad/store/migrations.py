"""Named, ordered schema migrations, recorded in the database itself.

Each migration runs in one transaction with its record in `_migrations`; a database is
brought up to date on open. Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from dyad.errors import SchemaTooNew
from dyad.store.tx import transaction

Migration = tuple[str, Callable[[sqlite3.Connection], None]]


def _m0001_initial(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            path TEXT,
            external_id TEXT,
            title TEXT,
            outlet TEXT,
            url TEXT,
            published TEXT,
            published_source TEXT NOT NULL,
            published_confidence REAL NOT NULL,
            published_reason TEXT NOT NULL,
            published_earliest TEXT,
            published_latest TEXT,
            text TEXT NOT NULL,
            model TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE sentences (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, doc_id UNINDEXED, start UNINDEXED, end UNINDEXED,
            tokenize = 'porter unicode61'
        );
        CREATE TABLE timexes (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            range_start TEXT,
            range_end TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX timexes_doc ON timexes(doc_id);
        CREATE TABLE actor_mentions (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            code TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX actor_mentions_doc ON actor_mentions(doc_id);
        CREATE INDEX actor_mentions_code ON actor_mentions(code);
        CREATE TABLE event_mentions (
            mention_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            plover TEXT NOT NULL,
            cameo TEXT NOT NULL,
            when_start TEXT,
            when_end TEXT,
            event_id TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
        CREATE INDEX event_mentions_event ON event_mentions(event_id);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            plover TEXT NOT NULL,
            cameo TEXT NOT NULL,
            start TEXT,
            end TEXT,
            actors TEXT NOT NULL,
            n_docs INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX events_start ON events(start);
        """,
    )


def _m0002_quotes(db: sqlite3.Connection) -> None:
    """Attributed quotes, searchable by speaker, actor code and words of their content."""
    _run(
        db,
        """
        CREATE TABLE quotes (
            quote_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            speaker TEXT,
            actor_code TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX quotes_doc ON quotes(doc_id);
        CREATE INDEX quotes_actor ON quotes(actor_code);
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, tokenize = 'porter unicode61')
        """,
    )


def _m0003_figures(db: sqlite3.Connection) -> None:
    """Figures with what they measure, queried by key (fusion blocks by it) and actor."""
    _run(
        db,
        """
        CREATE TABLE figures (
            figure_id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            key TEXT NOT NULL,
            unit TEXT NOT NULL,
            value REAL NOT NULL,
            actors TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX figures_key ON figures(key, unit);
        CREATE INDEX figures_doc ON figures(doc_id)
        """,
    )


def _m0004_mention_blocks(db: sqlite3.Connection) -> None:
    """Each event mention's fusion block, so that new documents re-fuse only the blocks
    they touch; filled in for the mentions already stored."""
    from dyad import codec
    from dyad.fusion_blocks import block_key
    from dyad.types import EventMention

    db.execute("ALTER TABLE event_mentions ADD COLUMN block TEXT")
    rows = db.execute("SELECT mention_id, data FROM event_mentions").fetchall()
    db.executemany(
        "UPDATE event_mentions SET block = ? WHERE mention_id = ?",
        [(block_key(codec.loads(EventMention, data)), mid) for mid, data in rows],
    )
    db.execute("CREATE INDEX event_mentions_block ON event_mentions(block)")


def _m0005_sentence_index_rowids(db: sqlite3.Connection) -> None:
    """The full-text index of sentences keyed by each sentence's rowid, so that one
    document's rows can be found (and replaced by `dyad reanalyse`) without a scan of the
    whole index; rebuilt from the stored texts."""
    db.execute("DELETE FROM sentences_fts")
    db.execute(
        "INSERT INTO sentences_fts (rowid, text, doc_id, start, end) "
        "SELECT s.rowid, substr(d.text, s.start + 1, s.end - s.start), s.doc_id, s.start, s.end "
        "FROM sentences s JOIN documents d ON d.doc_id = s.doc_id"
    )


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (executescript would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (
    ("0001_initial", _m0001_initial),
    ("0002_quotes", _m0002_quotes),
    ("0003_figures", _m0003_figures),
    ("0004_mention_blocks", _m0004_mention_blocks),
    ("0005_sentence_index_rowids", _m0005_sentence_index_rowids),
)


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    known = {name for name, _ in MIGRATIONS}
    if unknown := done - known:
        raise SchemaTooNew(
            f"the database has migrations this dyad does not know ({', '.join(sorted(unknown))}); "
            "upgrade dyad to open it"
        )
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with transaction(db):  # the schema change and its record land together
            step(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        applied.append(name)
    return applied
