"""What a chronology line says: the event's clause, not its whole sentence, and whether the
event can have happened as its sources tell it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from dyad.types import EventMention

MAX_WORDS = 30  # a chronology line is about this long at most
# Boundaries between clauses a sentence strings together: semicolons, colons, dashes.
_BOUNDARY = re.compile(r"\s*(?:;|:(?!\d)|\s[—–-]{1,2}\s)\s*")


def event_clause(m: EventMention, max_words: int = MAX_WORDS) -> str:
    """The part of the mention's sentence that tells the event: the clause (between
    semicolons, colons or dashes) holding the trigger, cut to `max_words` words around the
    trigger when longer ("…" marks a cut). The whole sentence stays in the line's sources."""
    text = m.sentence.text
    at = max(0, min(m.trigger_start - m.sentence.start, len(text)))
    start, end = 0, len(text)
    for b in _BOUNDARY.finditer(text):
        if b.end() <= at:
            start = b.end()
        elif b.start() >= at:
            end = b.start()
            break
    clause = text[start:end]
    words = clause.split()
    if len(words) <= max_words:
        return " ".join(words)
    before = len(text[start:at].split())  # words before the trigger
    first = max(0, min(before - max_words // 3, len(words) - max_words))
    cut = words[first : first + max_words]
    return (
        ("… " if first else "") + " ".join(cut) + (" …" if first + max_words < len(words) else "")
    )


def after_its_reports(start: date, published: Iterable[date | None]) -> bool:
    """True when an event dated from `start` begins after the publication of every document
    reporting it (`published`, a known date each): it had not happened when it was told, so
    it is planned or expected, never a happened event."""
    days = list(published)
    return bool(days) and all(p is not None and p < start for p in days)
