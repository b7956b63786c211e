"""The ``dyad_quotes`` spaCy component: writes ``doc._.dyad_quotes`` (list[Quote]).

Finding is done by `extract.extract_quotes`; this module only registers the factory and
writes the result onto the Doc. It needs the parse (dependencies, lemmas, sentences) and
reads ``doc._.dyad_actors`` when an actors component ran before it (for actor codes and the
names of people the actor knowledge base knows), and the timexes and events of the stages
before it, to give each quote the dates its content states and the events it reports.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.quotes.extract import extract_quotes
from dyad.nlp.quotes.lexicon import cues
from dyad.types import EventMention, Quote, Timex

extensions.register()


class QuotesComponent:
    """Finds the attributed quotes of each Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        cues()  # load and check the lexicon once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        timexes = list(doc._.dyad_timexes or [])
        events = list(doc._.dyad_events or [])
        doc._.dyad_quotes = [_with_context(q, timexes, events) for q in extract_quotes(doc)]
        return doc


def _with_context(q: Quote, timexes: list[Timex], events: list[EventMention]) -> Quote:
    """The dates a quote's content states and the events it reports (triggers inside it):
    "Lavrov said the deal was signed on May 21" links the quote to that signing."""

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in q.content)

    dates = tuple(dict.fromkeys(t.value for t in timexes if inside(t.start, t.end)))
    reported = tuple(e.mention_id for e in events if inside(e.trigger_start, e.trigger_end))
    return replace(q, dates=dates, events=reported) if dates or reported else q


@Language.factory(
    "dyad_quotes",
    assigns=["doc._.dyad_quotes"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """Factory registered under ``dyad_quotes`` (see dyad.nlp.pipeline)."""
    return QuotesComponent(nlp, name)
