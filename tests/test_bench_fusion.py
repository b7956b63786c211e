"""The fusion scaling benchmark's synthetic replication, and its errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyad.bench.fusion import SHIFT_DAYS, replicate, run
from dyad.errors import BenchDataError
from dyad.fuse.events import fuse
from dyad.types import Actor, ActorMention, DateRange, EventMention, Provenance, PublicationDate

RUS = Actor("RUSBUS", "organisation", "RUS", "BUS", "Gazprom")
CHN = Actor("CHNBUS", "organisation", "CHN", "BUS", "CNPC")


def day(s: str) -> DateRange:
    d = date.fromisoformat(s)
    return DateRange(d, d, s, "day")


def mention(doc: str, text: str, when: DateRange | None) -> EventMention:
    return EventMention(
        doc_id=doc, sentence=Provenance(doc, 0, len(text), text), trigger_start=0,
        trigger_end=6, trigger="signed", plover="AGREE", cameo="057", quad_class=1,
        goldstein=8.0, sources=(ActorMention(0, 7, "Gazprom", RUS),),
        targets=(ActorMention(20, 24, "CNPC", CHN),), when=when,
    )  # fmt: skip


def test_replicas_move_every_date_and_keep_the_structure() -> None:
    a = mention("a", "Gazprom signed a deal with CNPC.", day("2014-05-21"))
    b = mention("b", "Gazprom and CNPC signed the gas contract.", None)
    pub = {"a": PublicationDate(date(2014, 5, 22), "given", 1.0, "x"),
           "b": PublicationDate(date(2014, 5, 23), "given", 1.0, "x", date(2014, 5, 20),
                                date(2014, 5, 23))}  # fmt: skip
    mentions, pubs = replicate({"a": [a], "b": [b]}, pub, 5)
    assert [m.doc_id for m in mentions] == ["a~0", "b~0", "a~1", "b~1", "a~2"]
    assert all(m.sentence.doc_id == m.doc_id for m in mentions)
    assert mentions[2].when is not None
    assert mentions[2].when.start == date.fromordinal(date(2014, 5, 21).toordinal() + SHIFT_DAYS)
    assert pubs["b~1"].earliest == date.fromordinal(date(2014, 5, 20).toordinal() + SHIFT_DAYS)
    # each replica's dated report is an event of its own, on its own shifted day, and the
    # undated reports join one of them (they are published within its window)
    events = fuse(mentions[:4], pubs)
    assert sorted(e.when.start for e in events if e.when) == [
        date(2014, 5, 21),
        date.fromordinal(date(2014, 5, 21).toordinal() + SHIFT_DAYS),
    ]
    assert sum(len(e.mentions) for e in events) == 4


def test_missing_or_empty_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BenchDataError, match="no such database"):
        run(tmp_path / "none.db")
    with pytest.raises(BenchDataError, match="no event mentions"):
        replicate({}, {}, 10)
