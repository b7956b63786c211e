"""The SQL the timeline needs (`dyad.app.chronology`): day-precision temporal expressions with
their sentences, the lead sentences of articles by publication day, the number of articles per
publication day, and document titles. Every
function streams its rows (a cursor, never a whole table in RAM)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dyad.store.db import Store

_DAY_TIMEXES = """
SELECT t.doc_id, t.range_start, substr(d.text, s.start + 1, s.end - s.start)
FROM timexes t
JOIN sentences s ON s.doc_id = t.doc_id AND s.start <= t.start AND t.start < s.end
JOIN documents d ON d.doc_id = t.doc_id
WHERE t.range_start IS NOT NULL AND t.range_start = t.range_end
"""


def day_timexes(store: Store) -> Iterator[tuple[str, date, str]]:
    """``(doc_id, day, sentence)`` for every resolved day-precision temporal expression."""
    for doc_id, value, sentence in store.db.execute(_DAY_TIMEXES):
        yield doc_id, date.fromisoformat(value), sentence


_LEAD_SENTENCES = """
SELECT d.published, substr(d.text, s.start + 1, s.end - s.start)
FROM sentences s JOIN documents d ON d.doc_id = s.doc_id
WHERE s.idx < ? AND d.published IS NOT NULL
ORDER BY d.published, d.doc_id, s.idx
"""


def lead_sentences(store: Store, lead: int) -> Iterator[tuple[date, str]]:
    """``(publication day, sentence)`` for the first `lead` sentences of each dated article,
    by day, then document, then position."""
    for published, sentence in store.db.execute(_LEAD_SENTENCES, (lead,)):
        yield date.fromisoformat(published), sentence


def publication_counts(store: Store) -> Iterator[tuple[date, int]]:
    """``(publication day, number of articles)`` for every day articles were published on."""
    rows = store.db.execute(
        "SELECT published, count(*) FROM documents WHERE published IS NOT NULL GROUP BY published"
    )
    for published, n in rows:
        yield date.fromisoformat(published), n


def titles(store: Store) -> Iterator[tuple[str, str | None]]:
    """``(doc_id, title)``: each document's title, or its file name when it has none."""
    for doc_id, title, path in store.db.execute("SELECT doc_id, title, path FROM documents"):
        yield doc_id, title or (Path(path).name if path else None)
