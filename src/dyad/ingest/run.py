"""Ingest: files -> documents -> per-document NLP -> store -> fusion.

Streams: articles are read lazily, analysed in batches and stored one transaction per
document, so memory stays flat and an interrupted run loses at most the batch in flight.
Identity is the content hash, so re-running stores nothing new.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from dyad.errors import DyadError, InputError
from dyad.fuse.events import fuse_store
from dyad.ingest.readers import RawArticle, iter_articles
from dyad.nlp.pipeline import analyse
from dyad.store.db import Store
from dyad.types import Analysis, Document, PublicationDate

Progress = Callable[[str, str], None]
"""Called once per input item with (status, path): status is added, known or error."""


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


def content_id(text: str) -> str:
    """The document id: a hash of the NFC-normalised text with whitespace runs folded."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


# No-break and other fixed-width spaces become plain spaces (one code point for one, so no
# offset moves): spaCy keeps them as tokens of their own, which breaks multi-word names.
_ODD_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f"})


def to_document(raw: RawArticle) -> Document:
    if raw.published is not None:
        given = raw.published_source == "given"
        published = PublicationDate(
            value=raw.published,
            source="given" if given else "metadata",
            confidence=1.0 if given else 0.9,
            reason="given in the manifest" if given else "read from the page's metadata",
            earliest=raw.published,
            latest=raw.published,
        )
    else:
        published = PublicationDate(None, "unknown", 0.0, "no date given")
    text = raw.text.translate(_ODD_SPACES)
    return Document(
        doc_id=content_id(text),
        text=text,
        path=raw.path,
        title=raw.title,
        outlet=raw.outlet,
        url=raw.url,
        published=published,
        external_id=raw.external_id,
    )


def ingest(
    paths: Sequence[Path],
    store: Store,
    nlp: Language,
    model_name: str,
    *,
    batch_size: int = 32,
    on_item: Progress | None = None,
) -> IngestResult:
    """Read `paths`, analyse new documents and store them, then re-fuse events."""
    started = time.perf_counter()
    result = IngestResult()
    report = on_item or (lambda status, path: None)
    seen: set[str] = set()

    def new_documents() -> Iterator[Document]:
        for item in iter_articles(paths):
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

    for document, analysis in analyse_isolated(nlp, new_documents(), batch_size, result.errors):
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
