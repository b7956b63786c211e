"""Build the spaCy pipeline with dyad's components and run it over documents.

The per-document stage is a pure function of one `Document`: it parallelises and can run
on workers that each load the pipeline once.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyad.errors import ModelNotFound
from dyad.nlp import extensions
from dyad.nlp.blocks import blocks
from dyad.settings import MODEL
from dyad.types import Analysis, Document, PublicationDate

# Our components, in order, with why each runs where it does:
COMPONENTS: tuple[tuple[str, str], ...] = (
    # 1. actors first: the temporal stage uses leaders' terms as date evidence.
    ("dyad_actors", "dyad.nlp.actors"),
    # 2. temporal expressions, and the publication date when none was given.
    ("dyad_temporal", "dyad.nlp.temporal"),
    # 3. figures take the actors of step 1 and skip the dates of step 2.
    ("dyad_figures", "dyad.nlp.figures"),
    # 4. events need actors and dates, and keep the figures of their clause.
    ("dyad_events", "dyad.nlp.events"),
    # 5. quotes resolve speakers to the actors found in step 1 and link the events of 4.
    ("dyad_quotes", "dyad.nlp.quotes"),
)


def load_spacy(model: str | None = None) -> Language:
    """The bare spaCy pipeline `model` (default: the MODEL setting), or ModelNotFound."""
    name = model or MODEL.value()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(name) from exc


def build_pipeline(model: str | None = None) -> Language:
    """Load the spaCy pipeline `model` (default: the MODEL setting) and add dyad's components."""
    nlp = load_spacy(model)
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
    """Run the pipeline over `documents` lazily, in batches; yields each with its analysis.

    spaCy's own components parse each block (paragraph, heading) of a document separately
    (see `dyad.nlp.blocks`); the blocks are joined into one `Doc` with the original text, and
    dyad's components then run on the whole document.
    """
    extensions.register()
    ours = [name for name, _ in COMPONENTS if name in nlp.pipe_names]
    spacy_own = [name for name in nlp.pipe_names if name not in ours]
    it = iter(documents)
    while batch := list(islice(it, batch_size)):
        pieces = ((piece, k) for k, d in enumerate(batch) for piece in blocks(d.text))
        parsed: list[list[Doc]] = [[] for _ in batch]
        with nlp.select_pipes(enable=spacy_own):
            for piece_doc, k in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size * 8):
                parsed[k].append(piece_doc)
        for document, piece_docs in zip(batch, parsed, strict=True):
            doc = Doc.from_docs(piece_docs, ensure_whitespace=False)
            doc._.dyad_doc_id = document.doc_id
            given = document.published
            doc._.dyad_published = given if given.value is not None else None
            for name in ours:
                doc = nlp.get_pipe(name)(doc)
            yield document, to_analysis(doc, document.published)


def to_analysis(doc: Doc, as_read: PublicationDate) -> Analysis:
    """Read what the components wrote on a processed `Doc` into an `Analysis`.

    The publication date is decided here, once: the date the temporal stage settled on (the
    given or metadata date it was handed, else the one it inferred, with its reason), or, in a
    pipeline without that stage, the date as the reader found it (`as_read`). The store keeps
    this decision and nothing else."""
    ext = doc._
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents if not s.text.isspace())
    return Analysis(
        doc_id=ext.dyad_doc_id,
        published=ext.dyad_published or as_read,
        sentences=sentences,
        timexes=tuple(ext.dyad_timexes or ()),
        actors=tuple(ext.dyad_actors or ()),
        events=tuple(ext.dyad_events or ()),
        quotes=tuple(ext.dyad_quotes or ()),
        figures=tuple(ext.dyad_figures or ()),
    )
