"""Re-analyse stored documents with the current pipeline, then fuse anew.

Ingest identifies a document by its text, so ingesting the same articles after dyad (or
the spaCy model) changed adds nothing. `reanalyse` runs the per-document stage again over
every stored document and replaces its analysis (one transaction per document: an
interrupted run leaves each document with either its old or its new analysis, and running
it again finishes the job). Publication dates given in a manifest or read from metadata are
kept; inferred ones are inferred again. Ids are read a page at a time (keyset order) and
texts one batch at a time, so memory stays flat.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language

from dyad.app.fusion import fuse_store
from dyad.app.ingest import analyse_isolated
from dyad.errors import InputError
from dyad.store.db import Store
from dyad.store.reanalysis import replace_analysis
from dyad.types import Document, PublicationDate

_KEPT_SOURCES = ("given", "metadata")


@dataclass
class ReanalysisResult:
    done: int = 0
    errors: list[InputError] = field(default_factory=list)
    events: int = 0  # events in the store after the run
    seconds: float = 0.0


def reanalyse(
    store: Store,
    nlp: Language,
    model_name: str,
    *,
    batch_size: int = 32,
    on_item: Callable[[str], None] | None = None,
    on_fuse: Callable[[], None] | None = None,
) -> ReanalysisResult:
    """Analyse every stored document again and re-fuse all events."""
    started = time.perf_counter()
    result = ReanalysisResult()

    def documents() -> Iterator[Document]:
        for doc_id in store.document_ids():
            document = store.document(doc_id)
            if document is None:
                continue
            if document.published.source not in _KEPT_SOURCES:
                unknown = PublicationDate(None, "unknown", 0.0, "no date given")
                document = replace(document, published=unknown)
            yield document

    for document, analysis in analyse_isolated(nlp, documents(), batch_size, result.errors):
        replace_analysis(store, document, analysis, model_name)
        result.done += 1
        if on_item is not None:
            on_item(document.path or document.doc_id)
    if on_fuse is not None:
        on_fuse()
    result.events = fuse_store(store)
    result.seconds = time.perf_counter() - started
    return result

