"""The ``dyad_quotes`` spaCy component: writes ``doc._.dyad_quotes`` (list[Quote]).

Finding is done by `extract.extract_quotes`; this module only registers the factory and
writes the result onto the Doc. It needs the parse (dependencies, lemmas, sentences) and
reads ``doc._.dyad_actors`` when an actors component ran before it (for actor codes and the
names of people the actor knowledge base knows), and the timexes and events of the stages
before it, to give each quote the dates its content states and the events it reports.

Its settings are the factory's ``default_config`` (``nlp.config["components"]["dyad_quotes"]``
shows them; a spaCy config file can change them): the cue lexicon and the cue model's weight
table (packaged file names, or paths of the user's own files), whether verbs outside the
lexicon may be cues at all (``learned_cues``), and the model's decision threshold
(``cue_threshold``; null keeps the one the table was trained with).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.quotes.extract import extract_quotes
from dyad.nlp.quotes.learned import FILE as MODEL_FILE
from dyad.nlp.quotes.learned import model
from dyad.nlp.quotes.lexicon import FILE as LEXICON_FILE
from dyad.nlp.quotes.lexicon import cues
from dyad.types import EventMention, Quote, Timex

extensions.register()


class QuotesComponent:
    """Finds the attributed quotes of each Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        cue_lexicon: str = LEXICON_FILE,
        cue_model: str = MODEL_FILE,
        learned_cues: bool = True,
        cue_threshold: float | None = None,
    ) -> None:
        self.name = name
        # Both tables are read and checked once, when the pipeline is built.
        self.lexicon = cues(cue_lexicon)
        judge = model(cue_model)
        self.model = judge if cue_threshold is None else replace(judge, threshold=cue_threshold)
        self.learned = learned_cues

    def __call__(self, doc: Doc) -> Doc:
        timexes = list(doc._.dyad_timexes or [])
        events = list(doc._.dyad_events or [])
        found = extract_quotes(doc, self.model, lexicon=self.lexicon, learned=self.learned)
        doc._.dyad_quotes = [_with_context(q, timexes, events) for q in found]
        return doc


def _with_context(q: Quote, timexes: list[Timex], events: list[EventMention]) -> Quote:
    """The dates a quote's content states and the events it reports (triggers inside it):
    "Lavrov said the deal was signed on May 21" links the quote to that signing."""

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in q.content)

    dates = tuple(dict.fromkeys(t.value for t in timexes if inside(t.start, t.end)))
    reported = tuple(e.mention_id for e in events if inside(e.trigger_start, e.trigger_end))
    return replace(q, dates=dates, events=reported) if dates or reported else q


DEFAULT_CONFIG: dict[str, Any] = {
    "cue_lexicon": LEXICON_FILE,
    "cue_model": MODEL_FILE,
    "learned_cues": True,
    "cue_threshold": None,
}


@Language.factory(
    "dyad_quotes",
    default_config=DEFAULT_CONFIG,
    assigns=["doc._.dyad_quotes"],
    requires=["doc._.dyad_actors", "doc._.dyad_timexes", "doc._.dyad_events", "token.dep",
              "token.lemma", "token.pos"],  # fmt: skip
)
def make_quotes(
    nlp: Language,
    name: str,
    cue_lexicon: str,
    cue_model: str,
    learned_cues: bool,
    cue_threshold: float | None,
) -> QuotesComponent:
    """Factory registered under ``dyad_quotes`` (see dyad.nlp.pipeline)."""
    return QuotesComponent(nlp, name, cue_lexicon=cue_lexicon, cue_model=cue_model,
                           learned_cues=learned_cues, cue_threshold=cue_threshold)  # fmt: skip
