"""The ``dyad_figures`` spaCy component: writes ``doc._.dyad_figures`` (list[Figure]).

Finding is done by `extract.extract_figures`; this module only registers the factory and
writes the result onto the Doc. It needs the parse and the named entities, and reads
``doc._.dyad_timexes`` (dates to skip, years of a clause) and ``doc._.dyad_actors``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.figures.extract import extract_figures
from dyad.nlp.figures.lexicon import things, units

extensions.register()


class FiguresComponent:
    """Finds the figures of each Doc and what each measures."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        units()  # load and check the lexicons once, when the pipeline is built
        things()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyad_figures = extract_figures(doc)
        return doc


@Language.factory(
    "dyad_figures",
    assigns=["doc._.dyad_figures"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    """Factory registered under ``dyad_figures`` (see dyad.nlp.pipeline)."""
    return FiguresComponent(nlp, name)
