"""The spaCy component ``dyad_temporal``: timexes and (when missing) the publication date.

It runs after ``dyad_actors`` and before ``dyad_events``. When the caller gave no date it
infers one first, because every relative expression is normalised against it; deictic
readings against an estimated date are widened to what its window supports
(dyad.nlp.temporal.precision).

Its one setting is the factory's ``default_config``: ``infer_publication_date`` (true); when
false, a document given no date keeps none ("unknown") and its relative expressions stay
unresolved, for users who want only stated dates.
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

    def __init__(self, nlp: Language, name: str, *, infer_publication_date: bool = True) -> None:
        self.name = name
        self.infer = infer_publication_date

    def __call__(self, doc: Doc) -> Doc:
        tense_of = parse_tense(doc)
        mentions = recognise(doc.text)
        published: PublicationDate | None = doc._.dyad_published
        if (published is None or published.value is None) and self.infer:
            published = infer_publication_date(
                doc.text, tense_of, mentions=mentions, actors=list(doc._.dyad_actors or [])
            )
        elif published is None:
            published = PublicationDate(None, "unknown", 0.0, "no date given, none inferred")
        doc._.dyad_published = published
        timexes = coarsen(normalise(mentions, published.value, doc.text, tense_of), mentions,
                          published)  # fmt: skip
        doc._.dyad_timexes = sorted(timexes, key=lambda t: (t.start, t.end))
        return doc


@Language.factory(
    "dyad_temporal",
    default_config={"infer_publication_date": True},
    assigns=["doc._.dyad_timexes", "doc._.dyad_published"],
    requires=["doc._.dyad_actors", "token.dep", "token.tag"],
)
def make_temporal(nlp: Language, name: str, infer_publication_date: bool) -> TemporalComponent:
    """Factory registered under ``dyad_temporal`` (see dyad.nlp.pipeline)."""
    return TemporalComponent(nlp, name, infer_publication_date=infer_publication_date)
