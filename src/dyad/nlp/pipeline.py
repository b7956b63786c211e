"""Build the spaCy pipeline with dyad's components and run it over documents.

The per-document stage is a pure function of one `Document`: it parallelises and can run
on workers that each load the pipeline once.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from dyad.errors import ModelNotFound
from dyad.nlp import extensions
from dyad.settings import MODEL
from dyad.types import Analysis, Document

# Our components, in order, with why each runs where it does:
COMPONENTS: tuple[tuple[str, str], ...] = (
    # 1. actors first: the temporal stage uses leaders' terms as date evidence.
    ("dyad_actors", "dyad.nlp.actors"),
    # 2. temporal expressions, and the publication date when none was given.
    ("dyad_temporal", "dyad.nlp.temporal"),
    # 3. events need both actors and dates.
    ("dyad_events", "dyad.nlp.events"),
)


def build_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline `model` (default: the MODEL setting) and add dyad's components."""
    name = model or MODEL.value()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(name) from exc
    extensions.register()
    for factory, module in COMPONENTS:
        importlib.import_module(module)  # registers the factory
        nlp.add_pipe(factory, last=True)
    return nlp


@lru_cache(maxsize=2)
def cached_pipeline(model: str | None = None) -> Language:
    """One pipeline per process and model name (loading takes about a second)."""
    return build_pipeline(model)


def analyse(
    nlp: Language, documents: Iterable[Document], batch_size: int = 32
) -> Iterator[tuple[Document, Analysis]]:
    """Run the pipeline over `documents` lazily, in batches; yields each with its analysis."""
    extensions.register()

    def prepared() -> Iterator[tuple[object, Document]]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.dyad_doc_id = document.doc_id
            given = document.published
            doc._.dyad_published = given if given.value is not None else None
            yield doc, document

    for doc, document in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        yield document, to_analysis(doc)


def to_analysis(doc: object) -> Analysis:
    """Read what the components wrote on a processed `Doc` into an `Analysis`."""
    ext = doc._  # type: ignore[attr-defined]
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)  # type: ignore[attr-defined]
    return Analysis(
        doc_id=ext.dyad_doc_id,
        published=ext.dyad_published,
        sentences=sentences,
        timexes=tuple(ext.dyad_timexes or ()),
        actors=tuple(ext.dyad_actors or ()),
        events=tuple(ext.dyad_events or ()),
    )
