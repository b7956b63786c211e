"""How fusion scales: the time to fuse the mentions of N and of 2N documents, in one run.

Real mentions, synthetic scale: the mentions of a store's documents (for example the
sample corpus, or a corpus an analyst ingested) are replicated until there are N
documents. Replica r of a document gets a new id and has every date in it (its mentions'
dates and its publication date and window) moved `r * SHIFT_DAYS` days later, so the
corpus grows as news does, along time: the density of reports per week stays that of the
real corpus while the number of weeks grows. The same replicas make the N and 2N sets (the
2N set holds the N set), and `fuse` runs on each; `ratio` is the 2N time over the N time
(about 2 means linear growth; the issue's bound is 2.2).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from dyad.errors import BenchDataError
from dyad.types import DateRange, EventMention, PublicationDate

SHIFT_DAYS = 29  # not a multiple of 7: replicas do not land on the same weekdays


def _shift_range(r: DateRange | None, days: int) -> DateRange | None:
    if r is None:
        return None
    d = timedelta(days=days)
    return replace(r, start=r.start + d, end=r.end + d)


def _shift_pub(p: PublicationDate, days: int) -> PublicationDate:
    d = timedelta(days=days)
    return replace(p, value=p.value + d if p.value else None,
                   earliest=p.earliest + d if p.earliest else None,
                   latest=p.latest + d if p.latest else None)  # fmt: skip


def replicate(
    by_doc: dict[str, list[EventMention]], published: dict[str, PublicationDate], n_docs: int
) -> tuple[list[EventMention], dict[str, PublicationDate]]:
    """Mentions and publication dates of `n_docs` documents made from the real ones."""
    docs = sorted(d for d, ms in by_doc.items() if ms)
    if not docs:
        raise BenchDataError("store", "no event mentions to replicate: ingest articles first")
    out: list[EventMention] = []
    pubs: dict[str, PublicationDate] = {}
    for i in range(n_docs):
        r, k = divmod(i, len(docs))
        doc = docs[k]
        days = r * SHIFT_DAYS
        new_id = f"{doc}~{r}"
        if doc in published:
            pubs[new_id] = _shift_pub(published[doc], days)
        for m in by_doc[doc]:
            out.append(replace(m, doc_id=new_id, sentence=replace(m.sentence, doc_id=new_id),
                               when=_shift_range(m.when, days)))  # fmt: skip
    return out, pubs


def run(db: Path, n_docs: int = 5000) -> dict[str, object]:
    """Fuse the mentions of `n_docs` and `2 * n_docs` replicated documents; time both."""
    from dyad.fuse.events import fuse
    from dyad.store.db import Store

    if not Path(db).is_file():
        raise BenchDataError(str(db), "no such database")
    with Store.open(db) as store:
        by_doc: dict[str, list[EventMention]] = defaultdict(list)
        for m in store.event_mentions():
            by_doc[m.doc_id].append(m)
        published = store.publication_dates()
    out: dict[str, object] = {"real_docs": len(by_doc)}
    seconds_by: dict[str, float] = {}
    for label, n in (("small", n_docs), ("large", 2 * n_docs)):
        mentions, pubs = replicate(by_doc, published, n)
        t0 = time.perf_counter()
        events = fuse(mentions, pubs)
        seconds = time.perf_counter() - t0
        seconds_by[label] = seconds
        out.update({f"docs_{label}": n, f"mentions_{label}": len(mentions),
                    f"events_{label}": len(events),
                    f"seconds_{label}": round(seconds, 3)})  # fmt: skip
    out["ratio"] = round(seconds_by["large"] / max(seconds_by["small"], 1e-9), 3)
    return out
