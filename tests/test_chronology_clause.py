"""Chronology lines: the event's clause as the summary, and events dated after every report of
them shown as planned, on hand-built mentions and a tiny store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dyad.chronology.clause import MAX_WORDS, after_its_reports, event_clause
from dyad.types import DateRange, EventMention, Provenance

D = date.fromisoformat


def _mention(text: str, trigger: str, offset: int = 100) -> EventMention:
    at = text.index(trigger) + offset
    return EventMention(
        doc_id="d", sentence=Provenance("d", offset, offset + len(text), text),
        trigger_start=at, trigger_end=at + len(trigger), trigger=trigger, plover="CONSULT",
        cameo="040", quad_class=1, goldstein=1.0, sources=(), targets=(),
    )  # fmt: skip


def test_clause_is_the_part_holding_the_trigger() -> None:
    text = "Trade fell sharply; the two leaders met in Wuhan on Friday; markets rose."
    assert event_clause(_mention(text, "met")) == "the two leaders met in Wuhan on Friday"
    assert event_clause(_mention(text, "fell")) == "Trade fell sharply"
    short = "Xi arrived in Chennai on Friday afternoon."
    assert event_clause(_mention(short, "arrived")) == short
    # a time like 10:30 is no clause boundary
    clock = "The talks began at 10:30 in Delhi."
    assert event_clause(_mention(clock, "began")) == clock


def test_long_clause_is_cut_around_the_trigger() -> None:
    words = [f"w{i}" for i in range(60)]
    words[25] = "signed"
    text = " ".join(words) + "."
    got = event_clause(_mention(text, "signed"))
    kept = got.removeprefix("… ").removesuffix(" …").split()
    assert len(kept) == MAX_WORDS and "signed" in kept
    assert got.startswith("… ") and got.endswith(" …")
    assert kept.index("signed") == MAX_WORDS // 3  # a third of the words before the trigger


def test_after_its_reports() -> None:
    assert after_its_reports(D("2020-01-01"), [D("2019-10-12"), D("2019-10-13")])
    assert not after_its_reports(D("2019-10-12"), [D("2019-10-12")])  # same day: may be told
    assert not after_its_reports(D("2020-01-01"), [D("2019-10-12"), None])  # one date unknown
    assert not after_its_reports(D("2020-01-01"), [])


def test_chronology_marks_events_dated_after_their_reports_as_planned(tmp_path: Path) -> None:
    from dyad.app.fusion import fuse_store
    from dyad.report.chronology import EventFilter, chronology
    from dyad.store.db import Store
    from dyad.types import Analysis, Document, PublicationDate

    pub = PublicationDate(D("2019-10-12"), "given", 1.0, "test", D("2019-10-12"), D("2019-10-12"))
    text = "Modi will visit China in 2020. Xi met Modi on Saturday."
    s1, s2 = (0, 30), (31, len(text))
    year = DateRange(D("2020-01-01"), D("2020-12-31"), "2020", "year")
    sat = DateRange(D("2019-10-12"), D("2019-10-12"), "2019-10-12", "day")

    def mention(start: int, end: int, trigger: str, when: DateRange, plover: str) -> EventMention:
        at = text.index(trigger)
        return EventMention(
            doc_id="d1", sentence=Provenance("d1", start, end, text[start:end]),
            trigger_start=at, trigger_end=at + len(trigger), trigger=trigger, plover=plover,
            cameo="042", quad_class=1, goldstein=1.9, sources=(), targets=(),
            when=when,
        )  # fmt: skip

    visit = mention(*s1, "visit", year, "CONSULT")  # not flagged as future by the stage
    met = mention(*s2, "met", sat, "CONSULT")
    with Store.open(tmp_path / "t.sqlite") as store:
        store.add(Document("d1", text, "a", published=pub),
                  Analysis("d1", pub, (s1, s2), (), (), (visit, met)), "m")  # fmt: skip
        fuse_store(store)
        lines = chronology(store, EventFilter())
    by_start = {line["start"]: line for line in lines}
    assert by_start["2020-01-01"]["planned"] is True
    assert by_start["2020-01-01"]["planned_reason"] == "dated after every report of it"
    assert by_start["2019-10-12"]["planned"] is False
    assert by_start["2019-10-12"]["sentence"] == "Xi met Modi on Saturday."
