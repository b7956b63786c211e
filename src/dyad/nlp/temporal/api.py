"""The pure entry point of the temporal stage: text (+ anchor date) -> timexes."""

from __future__ import annotations

from datetime import date

from dyad.nlp.temporal.normalise import TenseOf, normalise
from dyad.nlp.temporal.recognise import recognise
from dyad.nlp.temporal.tense import text_tense
from dyad.types import Timex


def find_timexes(text: str, dct: date | None, tense_of: TenseOf | None = None) -> list[Timex]:
    """Temporal expressions in `text`, normalised against `dct`, sorted by start.

    `tense_of(offset)` says whether the clause at a character offset is "past", "present"
    or "future"; without it a surface-cue reader over the sentence is used.
    """
    if tense_of is None:
        tense_of = text_tense(text)
    return normalise(recognise(text), dct, text, tense_of)
