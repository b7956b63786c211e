"""Shape stored quotes for the surfaces: one row per quote with its document and sentence.

The sentence is the stretch of whole sentences that holds the quote's content and its cue,
so an analyst sees the statement in context and can cite it (document id + offsets). A row
also gives the dates the quote states and the fused events it reports.
"""

from __future__ import annotations

from typing import Any

from dyad.report.chronology import titles_of
from dyad.store.db import Store
from dyad.types import Quote


def _sentence(q: Quote, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The whole sentences covering the quote's content and cue (the quote's own span when
    the document has no sentence boundaries)."""
    lo = min(q.content[0][0], q.cue_start)
    hi = max(q.content[-1][1], q.cue_end)
    start = min((s for s, e in sentences if s <= lo < e), default=lo)
    end = max((e for s, e in sentences if s < hi <= e), default=hi)
    return start, end


def quote_rows(
    store: Store,
    speaker: str | None = None,
    actor: str | None = None,
    search: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes matching the filters (see `Store.quotes`), oldest document first."""
    titles = titles_of(store)
    published = store.publication_dates()
    texts: dict[str, str] = {}
    bounds: dict[str, list[tuple[int, int]]] = {}
    rows = []
    for q in store.quotes(speaker, actor, search):
        if q.doc_id not in texts:
            doc = store.document(q.doc_id)
            texts[q.doc_id] = doc.text if doc else ""
            bounds[q.doc_id] = store.sentences(q.doc_id)
        s, e = _sentence(q, bounds[q.doc_id])
        pub = published.get(q.doc_id)
        rows.append(
            {
                "doc_id": q.doc_id,
                "title": titles.get(q.doc_id),
                "published": pub.value.isoformat() if pub and pub.value else None,
                "speaker": q.speaker or q.source,
                "source": q.source,
                "actor": q.actor_code,
                "cue": q.cue,
                "kind": q.kind,
                "quote": q.text,
                "content": [list(c) for c in q.content],
                "sentence": {"start": s, "end": e, "text": texts[q.doc_id][s:e]},
                "dates": list(q.dates),
                "events": _reported(store, q.events),
            }
        )
    return rows


def _reported(store: Store, mention_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    """The fused events a quote reports: id, type and date, to cross to `dyad events`."""
    return [{"event_id": e.event_id, "type": e.plover, "start": e.start, "end": e.end}
            for e in store.reported_events(mention_ids)]  # fmt: skip
