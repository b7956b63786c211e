"""Read-only queries behind the web app (`dyad serve`): filters, bounded pagination, counts
and full-text search. The database is opened read-only (SQLite URI ``mode=ro``), so no
request can write; a malformed FTS5 query becomes a typed `BadSearch`, never a crash."""

from __future__ import annotations

import calendar
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dyad import codec
from dyad.errors import BadSearch, StoreError
from dyad.store.sql import like_escape
from dyad.types import Document, Event, Figure, Quote

T = TypeVar("T")

MAX_LIMIT = 200
MAX_OFFSET = 10_000


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing dyad database (never created, never migrated)."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"cannot open database {p}: no such file")
    try:
        db = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        db.execute("SELECT 1 FROM events LIMIT 1")
    except sqlite3.Error as exc:
        raise StoreError(f"{p} is not a dyad database: {exc}") from exc
    db.row_factory = sqlite3.Row
    return db


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of the event list; every field optional. `actors`: code prefixes that must
    all take part; `status`: "planned" or "negated"; `text`: words of the summary."""

    actors: tuple[str, ...] = ()
    plover: str | None = None
    quad_class: int | None = None
    context: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    status: str | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        for a in self.actors:
            clauses.append("(' ' || e.actors) LIKE ? ESCAPE '\\'")
            args.append(f"% {like_escape(a.upper())}%")
        if self.plover:
            clauses.append("e.plover = ?")
            args.append(self.plover.upper())
        if self.quad_class is not None:
            clauses.append("json_extract(e.data, '$.quad_class') = ?")
            args.append(self.quad_class)
        if self.context:
            clauses.append(
                "EXISTS (SELECT 1 FROM json_each(e.data, '$.mentions') j "
                "WHERE json_extract(j.value, '$.context') = ?)"
            )
            args.append(self.context)
        if self.since:
            clauses.append("e.end >= ?")
            args.append(self.since)
        if self.until:
            clauses.append("e.start <= ?")
            args.append(self.until)
        if self.outlet:
            clauses.append(
                "EXISTS (SELECT 1 FROM event_mentions m JOIN documents d "
                "USING (doc_id) WHERE m.event_id = e.event_id AND d.outlet = ?)"
            )
            args.append(self.outlet)
        if self.status == "planned":
            clauses.append("json_extract(e.data, '$.future') = 1")
        elif self.status == "negated":
            clauses.append("json_extract(e.data, '$.negated') = 1")
        if self.text:
            clauses.append("json_extract(e.data, '$.summary') LIKE ? ESCAPE '\\'")
            args.append(f"%{like_escape(self.text)}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _bounded(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_LIMIT)), max(0, min(offset, MAX_OFFSET))


def count_events(db: sqlite3.Connection, q: EventQuery) -> int:
    where, args = q.where()
    return int(db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])


def list_events(
    db: sqlite3.Connection, q: EventQuery, limit: int = 50, offset: int = 0
) -> list[Event]:
    """Events, newest first, one bounded page."""
    where, args = q.where()
    limit, offset = _bounded(limit, offset)
    rows = db.execute(
        f"SELECT e.data FROM events e{where} ORDER BY e.start IS NULL, e.start DESC, "
        "e.event_id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return [codec.loads(Event, r[0]) for r in rows]


def chronology_events(db: sqlite3.Connection, q: EventQuery, limit: int = 500) -> list[Event]:
    """Dated events oldest first (at most `limit`), for the timeline."""
    where, args = q.where()
    where = (where + " AND" if where else " WHERE") + " e.start IS NOT NULL"
    rows = db.execute(
        f"SELECT e.data FROM events e{where} ORDER BY e.start, e.end, e.event_id LIMIT ?",
        [*args, max(1, min(limit, 5000))],
    )
    return [codec.loads(Event, r[0]) for r in rows]


def event(db: sqlite3.Connection, event_id: str) -> Event | None:
    row = db.execute("SELECT data FROM events WHERE event_id = ?", (event_id,)).fetchone()
    return codec.loads(Event, row[0]) if row else None


def document(db: sqlite3.Connection, doc_id: str) -> Document | None:
    row = db.execute(
        "SELECT doc_id, text, path, title, outlet, url, external_id "
        "FROM documents WHERE doc_id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    return Document(
        doc_id=row[0],
        text=row[1],
        path=row[2],
        title=row[3],
        outlet=row[4],
        url=row[5],
        external_id=row[6],
    )


def titles(db: sqlite3.Connection, doc_ids: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for d in dict.fromkeys(doc_ids):
        row = db.execute("SELECT title, path FROM documents WHERE doc_id = ?", (d,)).fetchone()
        if row:
            out[d] = row[0] or row[1]
    return out


def sentences(db: sqlite3.Connection, doc_id: str) -> list[tuple[int, int]]:
    rows = db.execute("SELECT start, end FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))
    return [(r[0], r[1]) for r in rows]


def document_spans(db: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """Every extracted span of a document: actors, dates, event triggers (linked to their
    event), quotes and figures, ordered by start."""
    spans: list[dict[str, Any]] = []
    for r in db.execute("SELECT start, end, code FROM actor_mentions WHERE doc_id = ?", (doc_id,)):
        spans.append(
            {"start": r[0], "end": r[1], "kind": "actor", "label": r[2] or "?", "event_id": None}
        )
    for r in db.execute("SELECT start, end, value FROM timexes WHERE doc_id = ?", (doc_id,)):
        spans.append({"start": r[0], "end": r[1], "kind": "date", "label": r[2], "event_id": None})
    for r in db.execute(
        "SELECT json_extract(data, '$.trigger_start'), json_extract(data, '$.trigger_end'), "
        "plover, event_id FROM event_mentions WHERE doc_id = ?",
        (doc_id,),
    ):
        spans.append({"start": r[0], "end": r[1], "kind": "event", "label": r[2], "event_id": r[3]})
    for r in db.execute("SELECT start, end, speaker FROM quotes WHERE doc_id = ?", (doc_id,)):
        spans.append(
            {
                "start": r[0],
                "end": r[1],
                "kind": "quote",
                "label": r[2] or "quote",
                "event_id": None,
            }
        )
    for r in db.execute("SELECT start, end, key FROM figures WHERE doc_id = ?", (doc_id,)):
        spans.append(
            {"start": r[0], "end": r[1], "kind": "figure", "label": r[2], "event_id": None}
        )
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return spans


def quotes_of_documents(db: sqlite3.Connection, doc_ids: list[str], limit: int = 50) -> list[Quote]:
    return _items_of_documents(db, "quotes", Quote, doc_ids, limit)


def figures_of_documents(
    db: sqlite3.Connection, doc_ids: list[str], limit: int = 50
) -> list[Figure]:
    return _items_of_documents(db, "figures", Figure, doc_ids, limit)


def _items_of_documents(
    db: sqlite3.Connection, table: str, cls: type[T], doc_ids: list[str], limit: int
) -> list[T]:
    """Up to `limit` items of `table` (quotes or figures) in these documents, in text order."""
    out: list[T] = []
    for d in dict.fromkeys(doc_ids):
        rows = db.execute(
            f"SELECT data FROM {table} WHERE doc_id = ? ORDER BY start LIMIT ?", (d, limit)
        )
        out += [codec.loads(cls, r[0]) for r in rows]
    return out[:limit]


def list_quotes(
    db: sqlite3.Connection,
    speaker: str | None = None,
    actor: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[Quote]]:
    where: list[str] = []
    args: list[Any] = []
    if speaker:
        where.append("speaker LIKE ? ESCAPE '\\'")
        args.append(f"%{like_escape(speaker)}%")
    if actor:
        where.append("actor_code LIKE ? ESCAPE '\\'")
        args.append(f"{like_escape(actor.upper())}%")
    sql = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(db.execute(f"SELECT count(*) FROM quotes{sql}", args).fetchone()[0])
    limit, offset = _bounded(limit, offset)
    rows = db.execute(
        f"SELECT data FROM quotes{sql} ORDER BY quote_id LIMIT ? OFFSET ?", [*args, limit, offset]
    )
    return total, [codec.loads(Quote, r[0]) for r in rows]


def figure_keys(
    db: sqlite3.Connection, limit: int = 50, offset: int = 0
) -> list[tuple[str, str, int]]:
    """(key, unit, count) of the measured things, most figures first (bounded page)."""
    limit, offset = _bounded(limit, offset)
    rows = db.execute(
        "SELECT key, unit, count(*) AS n FROM figures GROUP BY key, unit "
        "ORDER BY n DESC, key, unit LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def figures_of(db: sqlite3.Connection, key: str, unit: str, limit: int = 200) -> list[Figure]:
    rows = db.execute(
        "SELECT data FROM figures WHERE key = ? AND unit = ? ORDER BY doc_id, start LIMIT ?",
        (key, unit, limit),
    )
    return [codec.loads(Figure, r[0]) for r in rows]


def conflicting_figures(
    db: sqlite3.Connection, limit: int = 20
) -> list[tuple[str, str, float, float, int]]:
    """(key, unit, min, max, n) of measured things whose stated values differ."""
    rows = db.execute(
        "SELECT key, unit, min(value), max(value), count(DISTINCT doc_id) FROM figures "
        "GROUP BY key, unit HAVING min(value) < max(value) AND count(DISTINCT doc_id) > 1 "
        "ORDER BY count(*) DESC, key LIMIT ?",
        (limit,),
    )
    return [(r[0], r[1], float(r[2]), float(r[3]), int(r[4])) for r in rows]


def overview(db: sqlite3.Connection) -> dict[str, Any]:
    """Counts, date range and the most frequent actor sets."""

    def one(sql: str) -> Any:
        return db.execute(sql).fetchone()[0]

    pairs = db.execute(
        "SELECT actors, count(*) AS n FROM events WHERE actors != '' "
        "GROUP BY actors ORDER BY n DESC, actors LIMIT 20"
    ).fetchall()
    return {
        "documents": int(one("SELECT count(*) FROM documents")),
        "events": int(one("SELECT count(*) FROM events")),
        "quotes": int(one("SELECT count(*) FROM quotes")),
        "figures": int(one("SELECT count(*) FROM figures")),
        "first": one("SELECT min(start) FROM events"),
        "last": one("SELECT max(end) FROM events"),
        "pairs": [(r[0], int(r[1])) for r in pairs],
    }


def outlets(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 200"
    )
    return [r[0] for r in rows]


def trends(db: sqlite3.Connection, q: EventQuery) -> list[dict[str, Any]]:
    """Per month: event counts by quad class and the mean Goldstein score."""
    where, args = q.where()
    where = (where + " AND" if where else " WHERE") + " e.start IS NOT NULL"
    rows = db.execute(
        "SELECT substr(e.start, 1, 7) AS month, json_extract(e.data, '$.quad_class') AS quad, "
        f"count(*), avg(json_extract(e.data, '$.goldstein')) FROM events e{where} "
        "GROUP BY month, quad ORDER BY month, quad",
        args,
    )
    months: dict[str, dict[str, Any]] = {}
    for month, quad, n, gold in rows:
        m = months.setdefault(month, {"month": month, "total": 0, "quad": {}, "_g": 0.0})
        m["quad"][int(quad)] = int(n)
        m["total"] += int(n)
        m["_g"] += float(gold) * int(n)
    out = []
    for m in months.values():
        m["goldstein"] = round(m.pop("_g") / m["total"], 2) if m["total"] else None
        y, mo = int(m["month"][:4]), int(m["month"][5:7])
        m["since"] = f"{m['month']}-01"
        m["until"] = f"{m['month']}-{calendar.monthrange(y, mo)[1]:02d}"
        out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "sentence", "quote" or "event"
    doc_id: str | None
    start: int | None
    text: str
    event_id: str | None = None


def search(db: sqlite3.Connection, query: str, limit: int = 50) -> list[Hit]:
    """FTS5 search of sentences and quotes (the user's FTS5 syntax is honoured) and the
    events those sentences support; a malformed query raises `BadSearch`."""
    limit = max(1, min(limit, MAX_LIMIT))
    hits: list[Hit] = []
    try:
        for r in db.execute(
            "SELECT doc_id, start, text FROM sentences_fts "
            "WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ):
            hits.append(Hit("sentence", r[0], int(r[1]), r[2]))
        for r in db.execute(
            "SELECT q.doc_id, q.start, f.text FROM quotes_fts f JOIN quotes q "
            "ON q.quote_id = f.rowid WHERE quotes_fts MATCH ? "
            "ORDER BY f.rank LIMIT ?",
            (query, limit),
        ):
            hits.append(Hit("quote", r[0], int(r[1]), r[2]))
    except sqlite3.OperationalError as exc:
        raise BadSearch(f"cannot search for {query!r}: {exc}") from exc
    for h in [h for h in hits if h.kind == "sentence"]:
        for r in db.execute(
            "SELECT event_id, json_extract(data, '$.trigger') FROM event_mentions WHERE "
            "doc_id = ? AND json_extract(data, '$.sentence.start') = ? AND event_id IS NOT NULL",
            (h.doc_id, h.start),
        ):
            hits.append(Hit("event", h.doc_id, h.start, f"{r[1]}: {h.text}", r[0]))
    return hits
