"""Chronology ranking, type filter and one line per sentence, on hand-built events."""

from __future__ import annotations

from datetime import date

from dyad.report.chronology import EventFilter, chronology_of
from dyad.report.ranking import keep_top, salience
from dyad.types import DateRange, Event, EventMention, Provenance


def _when(s: str, precision: str = "day") -> DateRange:
    d = date.fromisoformat(s)
    return DateRange(d, d, s, precision)  # type: ignore[arg-type]


def _mention(doc: str, text: str) -> EventMention:
    return EventMention(
        doc_id=doc, sentence=Provenance(doc, 0, len(text), text), trigger_start=0,
        trigger_end=1, trigger="x", plover="AGREE", cameo="057", quad_class=1, goldstein=8.0,
        sources=(), targets=(),
    )  # fmt: skip


def _event(eid: str, when: DateRange | None, docs: int, plover: str = "AGREE",
           summary: str = "", sources: tuple[str, ...] = ("RUSBUS",),
           targets: tuple[str, ...] = ("CHNBUS",), goldstein: float = 8.0,
           future: bool = False) -> Event:  # fmt: skip
    text = summary or f"Event {eid} happened."
    return Event(event_id=eid, plover=plover, cameo="057", quad_class=1, goldstein=goldstein,
                 sources=sources, targets=targets, when=when, summary=text,
                 mentions=tuple(_mention(f"d{i}", text) for i in range(docs)),
                 future=future)  # fmt: skip


def test_salience_rewards_sources_precision_and_the_actors_asked_for() -> None:
    four = _event("a", _when("2014-05-21"), docs=4)
    one = _event("b", _when("2014-05-21"), docs=1)
    vague = _event("c", _when("2014-05-01", "month"), docs=1)
    assert salience(four) > salience(one) > salience(vague)
    aside = _event("d", _when("2014-05-21"), docs=1, sources=("USA",), targets=("RUS", "CHN"))
    assert salience(one, ["RUS", "CHN"]) > salience(aside, ["RUS", "CHN"])
    planned = _event("e", _when("2014-05-21"), docs=1, future=True)
    assert salience(planned) < salience(one)
    assert keep_top([one, four, vague], 2) == {"a", "b"}


def test_max_keeps_the_most_salient_in_date_order_and_type_filters() -> None:
    events = [
        _event("old", _when("2013-03-22"), docs=1),
        _event("big", _when("2014-05-21"), docs=3),
        _event("mid", _when("2014-05-20"), docs=2, plover="CONSULT"),
        _event("undated", None, docs=5),
    ]
    got = chronology_of(events, {}, EventFilter(), max_events=2)
    assert [e["event_id"] for e in got] == ["mid", "big"]  # oldest first, undated never
    got = chronology_of(events, {}, EventFilter(types=("consult",)))
    assert [e["event_id"] for e in got] == ["mid"]


def test_one_sentence_coded_twice_is_one_line() -> None:
    text = "The two presidents signed a joint statement and backed the proposal."
    events = [
        _event("s1", _when("2014-05-21"), docs=1, plover="AGREE", summary=text),
        _event("s2", _when("2014-05-21"), docs=2, plover="SUPPORT", summary=text),
    ]
    (line,) = chronology_of(events, {}, EventFilter())
    assert line["type"] == "AGREE / SUPPORT"
    assert [s["doc_id"] for s in line["sources"]] == ["d0", "d1"]
