"""Replace a stored document's analysis with a new one (after dyad or its model changed).

Everything the per-document stage wrote for the document (sentences and their index, timexes,
actor mentions, event mentions, quotes and their index, figures) is deleted and written anew
in one transaction, so a failure leaves the old analysis in place. The events the document's
old mentions belonged to are deleted and their other mentions left unfused; the caller
re-fuses afterwards, and so does any later ingest (`fuse_store` picks up unfused mentions).
"""

from __future__ import annotations

from dyad.store.db import Store
from dyad.store.sql import iso, with_keys
from dyad.store.tx import transaction
from dyad.types import Analysis, Document

# Tables keyed by doc_id that hold the per-document analysis.
_PER_DOCUMENT = ("sentences", "timexes", "actor_mentions", "figures")


def replace_analysis(store: Store, document: Document, analysis: Analysis, model: str) -> None:
    """Swap `document`'s stored analysis for `analysis` (one transaction)."""
    doc_id = document.doc_id
    pub = analysis.published  # decided once, by the analysis (nlp.pipeline.to_analysis)
    with transaction(store.db) as db:
        # the events this document took part in go; the other documents' mentions of them
        # are left unfused, so any later fusion (reanalyse's own, or an ingest's) fuses them
        # again even if this run is interrupted
        rows = db.execute("SELECT DISTINCT event_id FROM event_mentions "
                          "WHERE doc_id = ? AND event_id IS NOT NULL", (doc_id,))  # fmt: skip
        stale = [r[0] for r in rows]
        with_keys(db, "_stale_events", stale)
        db.execute("UPDATE event_mentions SET event_id = NULL "
                   "WHERE event_id IN (SELECT key FROM _stale_events)")  # fmt: skip
        db.execute("DELETE FROM events WHERE event_id IN (SELECT key FROM _stale_events)")
        db.execute("DELETE FROM event_mentions WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM quotes_fts WHERE rowid IN "
                   "(SELECT quote_id FROM quotes WHERE doc_id = ?)", (doc_id,))  # fmt: skip
        db.execute("DELETE FROM quotes WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM sentences_fts WHERE rowid IN "
                   "(SELECT rowid FROM sentences WHERE doc_id = ?)", (doc_id,))  # fmt: skip
        for table in _PER_DOCUMENT:
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))  # noqa: S608
        db.execute(
            "UPDATE documents SET published = ?, published_source = ?, published_confidence = ?,"
            " published_reason = ?, published_earliest = ?, published_latest = ?, model = ? "
            "WHERE doc_id = ?",
            (iso(pub.value), pub.source, pub.confidence, pub.reason, iso(pub.earliest),
             iso(pub.latest), model, doc_id),
        )  # fmt: skip
        Store.write_analysis(db, document, analysis)
