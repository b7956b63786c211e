"""The spaCy component ``dyad_temporal``: timexes and (when missing) the publication date.

It runs after ``dyad_actors`` and before ``dyad_events``. When the caller gave no date it
infers one first, because every relative expression is normalised against it; deictic
readings against an estimated date are widened to what its window supports
(dyad.nlp.temporal.precision).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.temporal.normalise import normalise
from dyad.nlp.temporal.precision import coarsen
from dyad.nlp.temporal.pubdate import infer_publication_date
from dyad.nlp.temporal.recognise import recognise
from dyad.nlp.temporal.tense import parse_tense
from dyad.types import PublicationDate

extensions.register()


class TemporalComponent:
    """Reads ``doc._.dyad_published``; writes ``doc._.dyad_timexes`` (and the date)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        tense_of = parse_tense(doc)
        mentions = recognise(doc.text)
        published: PublicationDate | None = doc._.dyad_published
        if published is None or published.value is None:
            published = infer_publication_date(
                doc.text, tense_of, mentions=mentions, actors=list(doc._.dyad_actors or [])
            )
            doc._.dyad_published = published
        timexes = coarsen(normalise(mentions, published.value, doc.text, tense_of), mentions,
                          published)  # fmt: skip
        doc._.dyad_timexes = sorted(timexes, key=lambda t: (t.start, t.end))
        return doc


@Language.factory("dyad_temporal")
def make_temporal(nlp: Language, name: str) -> TemporalComponent:
    """Factory registered under ``dyad_temporal`` (see dyad.nlp.pipeline)."""
    return TemporalComponent(nlp, name)
