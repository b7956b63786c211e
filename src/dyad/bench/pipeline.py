"""Speed of the whole per-document stage as a ratio to bare spaCy, in one run.

Both passes run over the same texts in the same process, so the ratio does not depend on
the machine: `seconds` is dyad's `analyse()` (block split, spaCy, dyad's components),
`spacy_seconds` the loaded spaCy pipeline alone (`nlp.pipe` with dyad's components
disabled). `peak_rss_mb` is the process's peak resident memory after the run. The texts
are held in memory for the two passes (a benchmark, not the ingest path, which streams).
"""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from dyad.errors import BenchDataError, InputError
from dyad.ingest.identity import to_document
from dyad.ingest.readers import iter_articles
from dyad.nlp.pipeline import COMPONENTS, analyse, build_pipeline
from dyad.types import Document


def load_documents(paths: Sequence[Path], limit: int | None) -> list[Document]:
    articles = (a for a in iter_articles(paths) if not isinstance(a, InputError))
    documents = [to_document(a) for a in islice(articles, limit)]
    if not documents:
        raise BenchDataError(", ".join(map(str, paths)), "no readable articles")
    return documents


def run(
    paths: Sequence[Path], model: str | None = None, limit: int | None = None, batch: int = 32
) -> dict[str, Any]:
    documents = load_documents(paths, limit)
    nlp = build_pipeline(model)
    texts = [d.text for d in documents]
    ours = [name for name, _ in COMPONENTS]
    for _ in analyse(nlp, documents[:8], batch):  # warm up both passes' code paths first
        pass
    with nlp.select_pipes(disable=ours):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
        spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    counts = {"events": 0, "timexes": 0, "actors": 0}
    for _, analysis in analyse(nlp, documents, batch):
        counts["events"] += len(analysis.events)
        counts["timexes"] += len(analysis.timexes)
        counts["actors"] += len(analysis.actors)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "docs": len(documents),
        "chars": sum(len(t) for t in texts),
        **counts,
        "seconds": round(seconds, 3),
        "spacy_seconds": round(spacy_seconds, 3),
        "ratio": round(seconds / spacy_seconds, 3) if spacy_seconds else None,
        "docs_per_second": round(len(documents) / seconds, 2) if seconds else None,
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }
