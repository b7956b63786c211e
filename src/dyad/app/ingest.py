"""Ingest: files -> documents -> per-document NLP -> store -> fusion.

Streams: articles are read lazily, analysed in batches and stored one transaction per
document, so memory stays flat and an interrupted run loses at most the batch in flight.
Identity is the content hash, so re-running stores nothing new.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from dyad.app.fusion import fuse_store
from dyad.errors import DyadError, InputError
from dyad.ingest.identity import to_document
from dyad.ingest.readers import iter_articles
from dyad.nlp.pipeline import analyse
from dyad.store.db import Store
from dyad.types import Analysis, Document

Progress = Callable[[str, str], None]
"""Called once per input item with (status, path): status is added, known or error."""

Analyser = Callable[[Iterator[Document], list[InputError]], Iterator[tuple[Document, Analysis]]]
"""Documents in, (document, analysis) pairs out in the same order; a document whose analysis
fails goes into the error list (with its path) instead. In this process (`local_analyser`) or
on a Dask cluster (`dyad.app.distributed`)."""


def local_analyser(nlp: Language, batch_size: int = 32) -> Analyser:
    """Analysis in this process with `nlp`, a batch at a time."""

    def run(
        documents: Iterator[Document], errors: list[InputError]
    ) -> Iterator[tuple[Document, Analysis]]:
        return analyse_isolated(nlp, documents, batch_size, errors)

    return run


@dataclass
class IngestResult:
    added: int = 0
    known: int = 0
    errors: list[InputError] = field(default_factory=list)
    events: int = 0  # events in the store after the run
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


def ingest(
    paths: Sequence[Path],
    store: Store,
    nlp: Language | None,
    model_name: str,
    *,
    batch_size: int = 32,
    on_item: Progress | None = None,
    analyser: Analyser | None = None,
    allow_outside: bool = False,
) -> IngestResult:
    """Read `paths`, analyse new documents and store them, then re-fuse events.

    The analysis runs in this process with `nlp`, or through `analyser` (e.g. on Dask
    workers); either way documents are stored here, one transaction each, in input order, so
    the store is the same whichever ran the analysis."""
    if analyser is None:
        if nlp is None:
            raise ValueError("ingest needs a spaCy pipeline or an analyser")
        analyser = local_analyser(nlp, batch_size)
    started = time.perf_counter()
    result = IngestResult()
    report = on_item or (lambda status, path: None)
    seen: set[str] = set()

    def new_documents() -> Iterator[Document]:
        for item in iter_articles(paths, allow_outside=allow_outside):
            if isinstance(item, InputError):
                result.errors.append(item)
                report("error", item.path)
                continue
            document = to_document(item)
            if document.doc_id in seen or store.has_document(document.doc_id):
                result.known += 1
                report("known", document.path or "")
                continue
            seen.add(document.doc_id)
            yield document

    for document, analysis in analyser(new_documents(), result.errors):
        if store.add(document, analysis, model_name):
            result.added += 1
            report("added", document.path or "")
        else:
            result.known += 1
            report("known", document.path or "")
    added = [doc_id for doc_id in seen if store.has_document(doc_id)]
    result.events = fuse_store(store, added) if result.added else store.count_events()
    result.seconds = time.perf_counter() - started
    return result


def analyse_isolated(
    nlp: Language, documents: Iterator[Document], batch_size: int, errors: list[InputError]
) -> Iterator[tuple[Document, Analysis]]:
    """Analyse in batches; if a batch fails, redo it one document at a time so that only the
    document that fails is reported (with its path) and the rest of the batch goes on."""
    while True:
        batch = [d for _, d in zip(range(batch_size), documents, strict=False)]
        if not batch:
            return
        try:
            analysed = list(analyse(nlp, batch, batch_size))
        except DyadError:
            raise
        except Exception:  # a bug in a stage on one input: isolate it
            analysed = []
            for document in batch:
                try:
                    analysed.extend(analyse(nlp, [document], 1))
                except Exception as exc:  # noqa: BLE001 - reported with the file, run goes on
                    errors.append(
                        InputError(document.path or document.doc_id, f"analysis failed: {exc!r}")
                    )
        yield from analysed
