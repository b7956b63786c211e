"""Store round trips and cross-document fusion, on hand-built mentions."""

from __future__ import annotations

from datetime import date

import pytest

from dyad import codec
from dyad.app.fusion import fuse_store
from dyad.fuse.events import fuse
from dyad.fuse.merge import summarise
from dyad.store.db import Store
from dyad.store.migrations import MIGRATIONS
from dyad.types import (
    Actor,
    ActorMention,
    Analysis,
    DateRange,
    Document,
    EventMention,
    Provenance,
    PublicationDate,
)

RUS = Actor("RUSBUS", "organisation", "RUS", "BUS", "Gazprom")
CHN = Actor("CHNBUS", "organisation", "CHN", "BUS", "CNPC")
JPN = Actor("JPNGOV", "country", "JPN", "GOV")


def day(s: str) -> DateRange:
    d = date.fromisoformat(s)
    return DateRange(d, d, s, "day")


def mention(
    doc: str,
    text: str,
    when: DateRange | None = None,
    plover: str = "AGREE",
    src: Actor = RUS,
    tgt: Actor = CHN,
    start: int = 0,
    cameo: str = "057",
) -> EventMention:
    return EventMention(
        doc_id=doc,
        sentence=Provenance(doc, start, start + len(text), text),
        trigger_start=start + text.index("signed") if "signed" in text else start,
        trigger_end=start + 6,
        trigger="signed",
        plover=plover,
        cameo=cameo,
        quad_class=1,
        goldstein=8.0,
        sources=(ActorMention(0, 7, src.name or src.code, src),),
        targets=(ActorMention(20, 24, tgt.name or tgt.code, tgt),),
        when=when,
        when_text=when.value if when else None,
    )


def pub(s: str) -> PublicationDate:
    d = date.fromisoformat(s)
    return PublicationDate(d, "given", 1.0, "test", d, d)


def test_codec_round_trip_keeps_nested_types() -> None:
    m = mention("d1", "Gazprom signed a gas contract with CNPC.", day("2014-05-21"))
    back = codec.loads(EventMention, codec.dumps(m))
    assert back == m
    assert isinstance(back.when.start, date)
    assert isinstance(back.sources, tuple) and back.sources[0].actor == RUS


def test_same_event_from_three_documents_is_one_event() -> None:
    ms = [
        mention(
            "a", "Gazprom signed a 30-year gas contract with CNPC on May 21.", day("2014-05-21")
        ),
        mention(
            "b",
            "On May 21 Gazprom signed the long-awaited gas contract with CNPC.",
            day("2014-05-21"),
        ),
        mention("c", "Gazprom and CNPC signed a 30-year gas contract.", None),
    ]
    pubs = {"a": pub("2014-05-22"), "b": pub("2014-05-30"), "c": pub("2014-06-02")}
    events = fuse(ms, pubs)
    assert len(events) == 1
    assert set(events[0].doc_ids) == {"a", "b", "c"}
    assert events[0].when == day("2014-05-21")


def test_events_on_other_dates_or_types_or_pairs_stay_apart() -> None:
    ms = [
        mention("a", "Gazprom signed a gas contract with CNPC.", day("2014-05-21")),
        mention("b", "Gazprom signed a gas contract with CNPC.", day("2014-11-09")),
        mention(
            "c", "Gazprom signed a gas contract with CNPC.", day("2014-05-21"), plover="REJECT"
        ),
        mention("d", "Gazprom signed a gas contract with Japan.", day("2014-05-21"), tgt=JPN),
    ]
    events = fuse(ms, {k: pub("2014-12-01") for k in "abcd"})
    assert len(events) == 4


def test_undated_mention_outside_its_documents_window_stays_alone() -> None:
    ms = [
        mention("a", "Gazprom signed a 30-year gas contract with CNPC.", day("2014-05-21")),
        mention("z", "Gazprom signed a 30-year gas contract with CNPC.", None),
    ]
    # z was published a year before the dated event: it cannot be reporting it.
    events = fuse(ms, {"a": pub("2014-05-22"), "z": pub("2013-05-01")})
    assert len(events) == 2
    assert sum(e.when is None for e in events) == 1


def test_range_containing_a_day_gives_the_range() -> None:
    rng = DateRange(date(2014, 5, 20), date(2014, 5, 26), "2014-05-20/2014-05-26", "range")
    ms = [
        mention("a", "The navies signed up for the exercise from May 20 through May 26.", rng),
        mention(
            "b", "The navies signed up for the exercise launched on May 20.", day("2014-05-20")
        ),
    ]
    events = fuse(ms, {"a": pub("2014-06-01"), "b": pub("2014-05-21")})
    assert len(events) == 1 and events[0].when == rng


def test_summary_is_trimmed_around_the_trigger() -> None:
    long = "Words " * 80 + "Gazprom signed the contract. " + "More " * 80
    m = mention("a", long, None, start=10)
    s = summarise(m, limit=120)
    assert "signed" in s and len(s) <= 122


def _analysis(doc: Document, events: tuple[EventMention, ...]) -> Analysis:
    return Analysis(doc.doc_id, doc.published, ((0, len(doc.text)),), (), (), events)


def test_store_is_idempotent_and_refuses_unknown_migrations(tmp_path) -> None:
    path = tmp_path / "t.db"
    text = "Gazprom signed a gas contract with CNPC on May 21."
    doc = Document("d1", text, "a.txt", published=pub("2014-05-22"))
    with Store.open(path) as store:
        assert store.add(doc, _analysis(doc, (mention("d1", text, day("2014-05-21")),)), "m")
        assert not store.add(doc, _analysis(doc, ()), "m")
        assert store.count_documents() == 1
        assert fuse_store(store) == 1
        assert store.document("d1") == doc
        rows = store.db.execute(
            "SELECT doc_id FROM sentences_fts WHERE sentences_fts MATCH 'contract'"
        ).fetchall()
        assert [r[0] for r in rows] == ["d1"]
    with Store.open(path) as store:  # reopening applies nothing twice
        names = [r[0] for r in store.db.execute("SELECT name FROM _migrations")]
        assert names == [name for name, _ in MIGRATIONS]
        store.db.execute("INSERT INTO _migrations VALUES ('9999_future', 'x')")
    from dyad.errors import SchemaTooNew

    with pytest.raises(SchemaTooNew):
        Store.open(path)


def test_odd_spaces_become_plain_spaces_without_moving_offsets() -> None:
    from dyad.ingest.identity import to_document
    from dyad.ingest.readers import RawArticle

    doc = to_document(RawArticle(text="Shanghai\u00a0Cooperation\u202fOrganisation met.", path="x"))
    assert doc.text == "Shanghai Cooperation Organisation met."


def test_a_precise_day_beats_a_vaguer_month() -> None:
    month = DateRange(date(2014, 5, 1), date(2014, 5, 31), "2014-05", "month")
    ms = [
        mention("a", "Gazprom signed the gas contract with CNPC in May.", month),
        mention("b", "Gazprom signed the gas contract with CNPC on May 21.", day("2014-05-21")),
    ]
    (event,) = fuse(ms, {"a": pub("2014-06-01"), "b": pub("2014-05-22")})
    assert event.when == day("2014-05-21")


def test_undated_mentions_of_one_thing_group_together_and_other_actions_stay_apart() -> None:
    ms = [
        mention("a", "Gazprom signed the gas contract with CNPC, a deal worth billions."),
        mention("b", "Gazprom signed a gas contract with CNPC after a decade of talks."),
        mention("c", "Gazprom signed up CNPC for a naval drill.", cameo="062"),
    ]
    events = fuse(ms, {k: pub("2014-06-01") for k in "abc"})
    assert sorted(len(e.doc_ids) for e in events) == [1, 2]


def test_summary_cuts_at_word_boundaries() -> None:
    long = "Several words " * 30 + "Gazprom signed the contract. " + "Trailing words " * 30
    m = mention("a", long, None)
    s = summarise(m, limit=100)
    assert s.startswith("…") and s.endswith("…")
    assert all(w in long.split() for w in s.strip("…").split())


def test_reports_naming_different_people_are_different_events() -> None:
    from datetime import date as _date

    from dyad.fuse.events import fuse
    from dyad.types import Actor, ActorMention, DateRange, EventMention, Provenance

    def visit(doc: str, who: str, code: str) -> EventMention:
        text = f"{who} visited Beijing for talks with Chinese leaders in November."
        person = ActorMention(0, len(who), who, Actor(code, "person", "RUS", code[3:], who))
        china = ActorMention(0, 0, "Beijing", Actor("CHNGOV", "country", "CHN", "GOV"))
        return EventMention(
            doc_id=doc, sentence=Provenance(doc, 0, len(text), text), trigger_start=0,
            trigger_end=1, trigger="visited", plover="CONSULT", cameo="042", quad_class=1,
            goldstein=1.9, sources=(person,), targets=(china,),
            when=DateRange(_date(2014, 11, 1), _date(2014, 11, 30), "2014-11", "month"),
        )  # fmt: skip

    events = fuse([visit("a", "Putin", "RUSGOV"), visit("b", "Shoigu", "RUSMIL"),
                   visit("c", "Putin", "RUSGOV")], {})  # fmt: skip
    assert sorted(len(e.mentions) for e in events) == [1, 2]


def test_same_day_reports_by_different_unknown_actors_stay_apart() -> None:
    from datetime import date as _date

    from dyad.fuse.events import fuse
    from dyad.nlp.events.args import dedupe
    from dyad.types import Actor, ActorMention, DateRange, EventMention, Provenance

    def attack(doc: str, who: str) -> EventMention:
        text = f"{who} fighters attacked an Israeli army post near the border on Monday."
        day = DateRange(_date(2014, 3, 3), _date(2014, 3, 3), "2014-03-03", "day")
        return EventMention(
            doc_id=doc, sentence=Provenance(doc, 0, len(text), text), trigger_start=0,
            trigger_end=1, trigger="attacked", plover="ASSAULT", cameo="190", quad_class=4,
            goldstein=-10.0, sources=(ActorMention(0, len(who), who, None),),
            targets=(ActorMention(0, 0, "Israeli", Actor("ISRMIL", "country", "ISR", "MIL")),),
            when=day,
        )  # fmt: skip

    events = fuse([attack("a", "Hamas"), attack("b", "Hezbollah"), attack("c", "Hamas")], {})
    assert sorted(len(e.mentions) for e in events) == [1, 2]
    putin = ActorMention(0, 5, "Putin", Actor("RUSGOV", "person", "RUS", "GOV", "Vladimir Putin"))
    lavrov = ActorMention(
        10, 16, "Lavrov", Actor("RUSGOV", "person", "RUS", "GOV", "Sergei Lavrov")
    )
    again = ActorMention(20, 25, "Putin", Actor("RUSGOV", "person", "RUS", "GOV", "Vladimir Putin"))
    assert dedupe([putin, lavrov, again]) == [putin, lavrov]  # two people with one code


def test_the_publication_date_is_decided_once_by_the_analysis(tmp_path) -> None:
    """The store keeps the analysis' date; a pipeline without the temporal stage falls back
    to the date as the reader found it, decided in nlp.pipeline, not in the store."""
    from datetime import date

    import spacy

    from dyad.ingest.identity import to_document
    from dyad.ingest.readers import RawArticle
    from dyad.nlp.pipeline import analyse

    raw = RawArticle(text="The ministers met in Moscow.", path="a.txt", published=date(2014, 5, 20),
                     published_source="given")  # fmt: skip
    document = to_document(raw)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    [(_, analysis)] = list(analyse(nlp, [document]))
    assert analysis.published == document.published
    with Store.open(tmp_path / "d.db") as store:
        assert store.add(document, analysis, "blank")
        assert store.document(document.doc_id).published == analysis.published
