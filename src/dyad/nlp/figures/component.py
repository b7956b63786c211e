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
from dyad.nlp.figures.lexicon import THINGS_FILE, UNITS_FILE, things, units

extensions.register()


class FiguresComponent:
    """Finds the figures of each Doc and what each measures."""

    def __init__(self, nlp: Language, name: str, *, units_file: str, things_file: str) -> None:
        self.name = name
        self.units_file = units_file
        self.things_file = things_file
        units(units_file)  # load and check the lexicons once, when the pipeline is built
        things(things_file)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyad_figures = extract_figures(doc, self.units_file, self.things_file)
        return doc


@Language.factory(
    "dyad_figures",
    # the unit and measured-thing lexicons: a packaged file's name or a path to one's own
    # (the format of dyad/data/figure_units.tsv and figure_things.tsv)
    default_config={"units_file": UNITS_FILE, "things_file": THINGS_FILE},
    assigns=["doc._.dyad_figures"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_figures(nlp: Language, name: str, units_file: str, things_file: str) -> FiguresComponent:
    """Factory registered under ``dyad_figures`` (see dyad.nlp.pipeline)."""
    return FiguresComponent(nlp, name, units_file=units_file, things_file=things_file)
