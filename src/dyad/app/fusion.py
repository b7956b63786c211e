"""The fusion run: the store's event mentions become events, all blocks or only those new
documents touch. Fusion itself (`dyad.fuse.events.fuse`) is a pure function; this module reads
its input from the store and writes its output back."""

from __future__ import annotations

from collections.abc import Iterable

from dyad.fuse.events import fuse
from dyad.store.db import Store


def fuse_store(store: Store, doc_ids: Iterable[str] | None = None) -> int:
    """Fuse the store's mentions into events; returns the number of events stored.

    Without `doc_ids`, every block is fused anew. With the ids of newly added documents,
    only the blocks their mentions fall in are (incremental fusion): blocks are
    independent, so the events equal those of a full run, at the cost of those blocks."""
    if doc_ids is None:
        return store.replace_events(fuse(store.event_mentions(), store.publication_dates()))
    blocks = store.mention_blocks(doc_ids)
    if blocks:
        mentions = list(store.event_mentions(blocks))
        published = store.publication_dates({m.doc_id for m in mentions})
        store.replace_block_events(blocks, fuse(mentions, published))
    return store.count_events()
