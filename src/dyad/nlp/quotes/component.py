"""The ``dyad_quotes`` spaCy component: writes ``doc._.dyad_quotes`` (list[Quote]).

Finding is done by `extract.extract_quotes`; this module only registers the factory and
writes the result onto the Doc. It needs the parse (dependencies, lemmas, sentences) and
reads ``doc._.dyad_actors`` when an actors component ran before it (for actor codes and the
names of people the actor knowledge base knows).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.quotes.extract import extract_quotes
from dyad.nlp.quotes.lexicon import cues

extensions.register()


class QuotesComponent:
    """Finds the attributed quotes of each Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        cues()  # load and check the lexicon once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyad_quotes = extract_quotes(doc)
        return doc


@Language.factory(
    "dyad_quotes",
    assigns=["doc._.dyad_quotes"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """Factory registered under ``dyad_quotes`` (see dyad.nlp.pipeline)."""
    return QuotesComponent(nlp, name)
