"""The `dyad_events` spaCy component: writes ``doc._.dyad_events``.

Finding is done by `extract.extract_events`; this module only registers the factory and
writes the result onto the Doc, so the extraction can be called and tested on its own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.events.extract import extract_events
from dyad.nlp.events.lexicon import trigger_rules
from dyad.nlp.events.sectors import exercise_sectors

extensions.register()


class EventsComponent:
    """Codes the event mentions of each Doc from its parse, actors and timexes."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        trigger_rules()  # load and check the lexicon once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyad_events = [exercise_sectors(e) for e in extract_events(doc)]
        return doc


@Language.factory(
    "dyad_events",
    assigns=["doc._.dyad_events"],
    requires=["doc._.dyad_actors", "token.dep", "token.lemma"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
