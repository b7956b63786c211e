"""Timeline-summarisation metrics on timelines small enough to count by hand, and the T17
chronology benchmark's loader, date selection and summaries on hand-made events."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from dyad.app.chronology import evidence, lead_sentences
from dyad.bench import tlsmetrics as M
from dyad.bench.chronology import (
    GoldTimeline,
    diagnostics,
    gold_for_scoring,
    load_timelines,
    predict,
    topic_dirs,
    write_manifest,
)
from dyad.chronology.timeline import Day, days_of, event_day, rank_days, summarise
from dyad.errors import BenchDataError
from dyad.types import DateRange, Event, EventMention, Provenance

D = date.fromisoformat


# -- metrics -------------------------------------------------------------------------------


def test_tokens_lowercase_letter_digit_runs() -> None:
    text = "The U.S. army's 2nd-day, Port-au-Prince!"
    assert M.tokens(text) == ["the", "u", "s", "army", "s", "2nd", "day", "port", "au", "prince"]
    assert M.Tokenizer(frozenset({"the"}))("The cat") == ["cat"]


def test_stemmed_tokens_drop_stop_words_then_stem() -> None:
    tok = M.stemmed()
    assert tok("The protesters were protesting; protests grew.") == [
        "protest", "protest", "protest", "grew"]  # fmt: skip
    assert tok("Running ponies") == ["run", "poni"]
    # stop words go before bigrams are formed: "fired at the crowd" -> fire-crowd
    assert M.rouge_counts(["Police fired at the crowd"], ["fire crowd"], 2, tok) == M.Counts(
        1, 2, 1)  # fmt: skip


def test_rouge_counts_by_hand() -> None:
    cand, ref = ["The cat sat on the mat ."], ["the cat is on the mat"]
    # unigrams: the x2, cat, on, mat in common (sat / is not) -> 5 of 6 and 6
    assert M.rouge_counts(cand, ref, 1) == M.Counts(5, 6, 6)
    # bigrams: the-cat, on-the, the-mat in common -> 3 of 5 and 5
    assert M.rouge_counts(cand, ref, 2) == M.Counts(3, 5, 5)
    # clipped: "a a a" against "a" hits once
    assert M.rouge_counts(["a a a"], ["a"], 1) == M.Counts(1, 3, 1)


def test_bigrams_stay_within_a_sentence() -> None:
    # "b c" only exists across the boundary of the two candidate sentences
    assert M.rouge_counts(["a b", "c d"], ["b c"], 2) == M.Counts(0, 2, 1)


def test_date_f1_by_hand() -> None:
    prf = M.date_prf([D("2010-01-01"), D("2010-01-02"), D("2010-01-03"), D("2010-01-04")],
                     [D("2010-01-02"), D("2010-01-04"), D("2010-01-06")])  # fmt: skip
    assert (prf.p, prf.r) == (0.5, 2 / 3)
    assert prf.f1 == pytest.approx(4 / 7)  # 2 * 1/2 * 2/3 / (7/6)


def test_concat_by_hand() -> None:
    pred = {D("2010-01-01"): ["a b c"], D("2010-01-02"): ["d e"]}
    gold = {D("2010-01-01"): ["a b"], D("2010-01-03"): ["e f g"]}
    r1 = M.concat_prf(pred, gold, 1)  # a, b, e in common; 5 and 5 unigrams
    assert (r1.p, r1.r) == (3 / 5, 3 / 5)
    r2 = M.concat_prf(pred, gold, 2)  # ab bc de / ab ef fg: ab in common
    assert (r2.p, r2.r) == (1 / 3, 1 / 3)


def test_date_weight() -> None:
    assert M.date_weight(D("2010-01-10"), D("2010-01-10")) == 1
    assert M.date_weight(D("2010-01-10"), D("2010-01-12")) == 1 / 3
    assert M.date_weight(D("2010-01-12"), D("2010-01-10")) == 1 / 3


def test_align_content_beats_a_closer_date() -> None:
    """P2 is 2 days from G1 but repeats G2 (8 days away) word for word: cost to G1 is
    (1 - 1/3) * (1 - 0) = 2/3, to G2 (1 - 1/9) * (1 - 1) = 0, so it aligns to G2 and its
    2 hits count 1/9 each way."""
    g1, g2, p1, p2 = D("2010-01-10"), D("2010-01-20"), D("2010-01-10"), D("2010-01-12")
    gold = {g1: ["a b c d"], g2: ["e f"]}
    pred = {p1: ["a b x"], p2: ["e f"]}
    r1 = M.align_prf(pred, gold, 1)
    # P: (1 * 2 [p1~g1: a, b] + 1/9 * 2 [p2~g2]) / (3 + 2) = 4/9
    assert r1.p == pytest.approx(4 / 9)
    # R: g1 -> p1 (same day), g2 -> p2 (cost 0): (2 + 2/9) / (4 + 2) = 10/27
    assert r1.r == pytest.approx(10 / 27)
    assert r1.f1 == pytest.approx(40 / 99)


def test_align_weights_by_date_distance_both_ways() -> None:
    """One predicted day (Jan 11), two gold days (Jan 10, Jan 20)."""
    gold = {D("2010-01-10"): ["a b c d"], D("2010-01-20"): ["a"]}
    pred = {D("2010-01-11"): ["a b q"]}
    # forward costs: to Jan 10 (1 - 1/2) * (1 - 4/7) = 3/14 [sim: 2 hits, P 2/3, R 1/2];
    # to Jan 20 (1 - 1/10) * (1 - 1/2) = 9/20 [1 hit, P 1/3, R 1] -> Jan 10, weight 1/2
    r1 = M.align_prf(pred, gold, 1)
    assert r1.p == pytest.approx((0.5 * 2) / 3)
    # backward: Jan 10 -> Jan 11 (1/2 * 2 hits), Jan 20 -> Jan 11 (1/10 * 1 hit); 4 + 1 gold
    assert r1.r == pytest.approx((0.5 * 2 + 0.1 * 1) / 5)
    assert r1.f1 == pytest.approx(2 * (1 / 3) * 0.22 / (1 / 3 + 0.22))
    r2 = M.align_prf(pred, gold, 2)  # bigrams ab bq / ab bc cd / none: "ab" at weight 1/2
    assert (r2.p, r2.r) == (pytest.approx(0.5 / 2), pytest.approx(0.5 / 3))
    assert r2.f1 == pytest.approx(0.2)


def test_align_without_shared_content_takes_the_closest_date() -> None:
    gold = {D("2010-01-10"): ["a"], D("2010-01-20"): ["b"]}
    sim: dict[tuple[date, date], float] = {}
    assert M.align([D("2010-01-14"), D("2010-01-16")], list(gold), sim) == {
        D("2010-01-14"): D("2010-01-10"), D("2010-01-16"): D("2010-01-20")}  # fmt: skip
    # equidistant: the earlier gold date
    assert M.align([D("2010-01-15")], list(gold), sim) == {D("2010-01-15"): D("2010-01-10")}


def test_perfect_and_empty_predictions() -> None:
    gold = {D("2010-01-10"): ["a b c"], D("2010-01-20"): ["d e"]}
    scores = M.f1s(M.evaluate(gold, gold))
    assert scores == dict.fromkeys(M.KEYS, 1.0)
    assert M.f1s(M.evaluate({}, gold)) == dict.fromkeys(M.KEYS, 0.0)


def test_mean_takes_f1_of_mean_p_and_r() -> None:
    a = {"x": M.PRF(1.0, 0.0)}
    b = {"x": M.PRF(0.0, 1.0)}
    m = M.mean([a, b])["x"]
    assert (m.p, m.r, m.f1) == (0.5, 0.5, 0.5)  # the mean of the two F1s would be 0


# -- loader ------------------------------------------------------------------------------------


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_timelines(tmp_path: Path) -> None:
    rec = {"id": "t/1", "entries": [{"date": "2011-02-01", "summary": ["A .", "B ."]},
                                    {"date": "2011-02-03", "summary": ["C ."]}]}  # fmt: skip
    (tl,) = load_timelines(_write(tmp_path / "timelines.jsonl", [json.dumps(rec), ""]))
    assert tl.id == "t/1" and (tl.first, tl.last) == (D("2011-02-01"), D("2011-02-03"))
    assert tl.entries[D("2011-02-01")] == ("A .", "B .")
    assert tl.sentences_per_date() == 2  # 1.5 rounds half up


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        '{"id": "x", "entries": [{"date": "2011-13-01", "summary": ["a"]}]}',
        '{"id": "x", "entries": [{"date": "2011-01-01", "summary": "a"}]}',
        '{"id": "x", "entries": []}',
        '{"entries": [{"date": "2011-01-01", "summary": ["a"]}]}',
    ],
)
def test_load_timelines_names_file_and_line(tmp_path: Path, bad: str) -> None:
    good = '{"id": "ok", "entries": [{"date": "2011-01-01", "summary": ["a"]}]}'
    path = _write(tmp_path / "timelines.jsonl", [good, bad])
    with pytest.raises(BenchDataError, match=r"timelines\.jsonl: line 2: malformed"):
        load_timelines(path)


def test_load_timelines_empty_or_missing(tmp_path: Path) -> None:
    with pytest.raises(BenchDataError, match="no records"):
        load_timelines(_write(tmp_path / "timelines.jsonl", [""]))
    with pytest.raises(BenchDataError, match="cannot read"):
        load_timelines(tmp_path / "absent.jsonl")


def _topic(root: Path, name: str, articles: list[dict[str, object]]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    _write(folder / "timelines.jsonl",
           ['{"id": "t", "entries": [{"date": "2011-01-01", "summary": ["a"]}]}'])  # fmt: skip
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(a) + "\n")
    return folder


def test_topic_dirs(tmp_path: Path) -> None:
    art = [{"id": "1", "published": "2011-01-01", "title": None, "text": "x"}]
    a, b = _topic(tmp_path, "A", art), _topic(tmp_path, "B", art)
    assert topic_dirs(tmp_path) == [a, b]
    assert topic_dirs(tmp_path, ["B"]) == [b]
    assert topic_dirs(a) == [a]
    with pytest.raises(BenchDataError, match="no topic C"):
        topic_dirs(tmp_path, ["C"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(BenchDataError, match="no topic folder"):
        topic_dirs(tmp_path / "empty")
    with pytest.raises(BenchDataError, match="no such folder"):
        topic_dirs(tmp_path / "absent")


def test_write_manifest_untokenizes_and_limits(tmp_path: Path) -> None:
    arts = [
        {"id": "1", "published": "2011-01-01", "title": None,
         "text": "Mubarak 's `` plan '' -LRB- 2011 -RRB- failed .\nHe left ."},
        {"id": "2", "published": "2011-01-02", "title": None, "text": "Second ."},
    ]  # fmt: skip
    folder = _topic(tmp_path, "A", arts)
    out = tmp_path / "m.jsonl"
    assert write_manifest(folder / "articles.jsonl.gz", out, limit=1) == 1
    (row,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert row == {"id": "1", "published": "2011-01-01",
                   "text": 'Mubarak\'s "plan" (2011) failed.\nHe left.'}  # fmt: skip


def test_write_manifest_names_bad_line(tmp_path: Path) -> None:
    folder = _topic(tmp_path, "A", [{"id": "1", "published": "2011-01-01", "text": "x"}])
    with gzip.open(folder / "articles.jsonl.gz", "at", encoding="utf-8") as out:
        out.write('{"id": "2", "published": "yesterday", "text": "y"}\n')
    with pytest.raises(BenchDataError, match=r"articles\.jsonl\.gz: line 2"):
        write_manifest(folder / "articles.jsonl.gz", tmp_path / "m.jsonl")


# -- date selection and summaries -------------------------------------------------------------


def _event(eid: str, when: DateRange | None, sentences: list[tuple[str, str]],
           **flags: bool) -> Event:  # fmt: skip
    mentions = tuple(
        EventMention(
            doc_id=doc,
            sentence=Provenance(doc, 0, len(text), text),
            trigger_start=0,
            trigger_end=1,
            trigger="x",
            plover="PROTEST",
            cameo="141",
            quad_class=3,
            goldstein=-6.5,
            when=when,
        )  # fmt: skip
        for doc, text in sentences
    )
    return Event(eid, "PROTEST", "141", 3, -6.5, (), (), when, sentences[0][1], mentions,
                 **flags)  # fmt: skip


def _day(s: str) -> DateRange:
    return DateRange(D(s), D(s), s, "day")


def test_event_day() -> None:
    assert event_day(_event("a", _day("2011-02-01"), [("d", "s")])) == D("2011-02-01")
    explicit = DateRange(D("2011-02-01"), D("2011-02-05"), "2011-02-01/2011-02-05", "range")
    assert event_day(_event("b", explicit, [("d", "s")])) == D("2011-02-01")
    month = DateRange(D("2011-02-01"), D("2011-02-28"), "2011-02", "month")
    assert event_day(_event("c", month, [("d", "s")])) is None
    assert event_day(_event("d", None, [("d", "s")])) is None
    assert event_day(_event("e", _day("2011-02-01"), [("d", "s")], negated=True)) is None
    assert event_day(_event("f", _day("2011-02-01"), [("d", "s")], hypothetical=True)) is None
    # planned events say nothing of what happened on their day
    assert event_day(_event("g", _day("2011-02-01"), [("d", "s")], future=True)) is None


def test_days_of_and_rank_days() -> None:
    events = [
        _event("a", _day("2011-02-01"), [("d1", "Crowds  gathered."), ("d2", "Crowds gathered.")]),
        _event("b", _day("2011-02-01"), [("d1", "Police fired.")]),
        _event("c", _day("2011-02-02"), [("d3", "A."), ("d4", "B."), ("d5", "C.")]),
        _event("d", _day("2011-02-03"), [("d6", "D."), ("d6", "E.")]),
        _event("e", _day("2011-02-04"), [("d7", "F.")]),
        _event("f", _day("2011-03-01"), [("d1", "G."), ("d2", "H."), ("d3", "I."), ("d4", "J.")]),
    ]
    days = days_of(events)
    feb1 = days[D("2011-02-01")]
    assert (feb1.docs, feb1.mentions) == ({"d1", "d2"}, 3)
    assert list(feb1.sentences) == ["Crowds gathered.", "Police fired."]  # whitespace folded
    # by documents: Feb 2 (3) > Feb 1 (2) > Feb 3 (1 doc, 2 mentions) > Feb 4 (1, 1);
    # March 1 has the most documents but lies outside the span
    assert rank_days(days, D("2011-02-01"), D("2011-02-28"), 3) == [
        D("2011-02-01"), D("2011-02-02"), D("2011-02-03")]  # fmt: skip
    assert rank_days(days, D("2011-02-01"), D("2011-02-28"), 10) == [
        D("2011-02-01"), D("2011-02-02"), D("2011-02-03"), D("2011-02-04")]  # fmt: skip


def test_summarise_takes_central_sentences_without_repeats() -> None:
    sentences = [
        "Bananas are yellow.",
        "Protesters filled Tahrir Square in Cairo.",
        "Protesters filled Tahrir Square in Cairo on Tuesday.",
        "Police fired tear gas at protesters in Tahrir Square.",
    ]
    # centroid words: protesters x3, tahrir x3, square x3, cairo x2, filled x2, ...
    assert summarise(sentences, 1) == ["Protesters filled Tahrir Square in Cairo."]
    # the Tuesday sentence repeats the first one's content words: skipped
    assert summarise(sentences, 2) == [
        "Protesters filled Tahrir Square in Cairo.",
        "Police fired tear gas at protesters in Tahrir Square.",
    ]
    assert summarise([], 2) == []


def test_predict_and_diagnostics() -> None:
    gold = GoldTimeline("t", {D("2011-02-01"): ("a .", "b ."), D("2011-02-05"): ("c .",)})
    days = {d.day: d for d in [
        Day(D("2011-02-01"), {"x", "y"}, 2, {"Crowds gathered in the square.": {"x"}}),
        Day(D("2011-02-02"), {"x", "y", "z"}, 3, {"Police fired tear gas.": {"x"}}),
        Day(D("2011-02-04"), {"x"}, 1, {"Talks began.": {"x"}}),
        Day(D("2011-01-30"), {"a", "b", "c", "d"}, 4, {"Before the span.": {"x"}}),
    ]}  # fmt: skip
    pred = predict(days, gold)  # 2 dates, round(1.5) = 2 sentences each (only 1 available)
    assert pred == {D("2011-02-01"): ["Crowds gathered in the square."],
                    D("2011-02-02"): ["Police fired tear gas."]}  # fmt: skip
    assert diagnostics(days, gold, pred) == {
        "gold_dates": 2, "gold_with_event": 1, "candidates_in_span": 3, "chosen": 2,
        "chosen_in_gold": 1, "chosen_near_gold": 2,
    }  # fmt: skip
    assert gold_for_scoring(gold)[D("2011-02-01")] == ["a.", "b."]


def test_predict_pools_lead_sentences_of_the_day_and_the_next() -> None:
    gold = GoldTimeline("t", {D("2011-02-01"): ("a .",)})
    days = {D("2011-02-01"): Day(D("2011-02-01"), {"x"}, 1, {"Talks began in Cairo today.": {"x"}})}
    leads = {
        D("2011-01-31"): ["Protesters marched in Cairo on Monday."],  # the day before: no
        D("2011-02-01"): ["Protesters marched in central Cairo."],
        D("2011-02-02"): ["Protesters marched in central Cairo again."],  # a repeat of the above
        D("2011-02-03"): ["Protesters marched in Cairo and Suez."],  # two days after: no
    }
    # centroid of the pool: cairo x3, protesters x2, marched x2, central x2, talks, began,
    # today ("in" and "again" are stop words); the repeat ties and comes later in the pool
    assert predict(days, gold, leads) == {
        D("2011-02-01"): ["Protesters marched in central Cairo."]}  # fmt: skip


def test_evidence_from_a_store(tmp_path: Path) -> None:
    from dyad.app.fusion import fuse_store
    from dyad.store.db import Store
    from dyad.types import Analysis, Document, PublicationDate, Timex

    pub = PublicationDate(D("2011-02-02"), "given", 1.0, "test", D("2011-02-02"), D("2011-02-02"))
    t1 = "Crowds marched on Tuesday. Police fired on February 1."
    t2 = "On Tuesday the army stayed out. Talks are planned in March."
    doc1, doc2 = Document("d1", t1, "a", published=pub), Document("d2", t2, "b", published=pub)
    s1, s2 = (0, 26), (27, len(t1))
    u1, u2 = (0, 31), (32, len(t2))
    feb1 = _day("2011-02-01")
    march = DateRange(D("2011-03-01"), D("2011-03-31"), "2011-03", "month")

    def timex(text: str, phrase: str, when: DateRange) -> Timex:
        at = text.index(phrase)
        return Timex(at, at + len(phrase), phrase, "DATE", when.value, when, True)

    fired = EventMention(doc_id="d1", sentence=Provenance("d1", *s2, t1[s2[0] : s2[1]]),
                         trigger_start=34, trigger_end=39, trigger="fired", plover="ASSAULT",
                         cameo="180", quad_class=4, goldstein=-9.0, when=feb1)  # fmt: skip
    a1 = Analysis("d1", pub, (s1, s2), (timex(t1, "Tuesday", feb1), timex(t1, "February 1", feb1)),
                  (), (fired,))  # fmt: skip
    a2 = Analysis("d2", pub, (u1, u2), (timex(t2, "Tuesday", feb1), timex(t2, "March", march)),
                  (), ())  # fmt: skip
    with Store.open(tmp_path / "t.sqlite") as store:
        store.add(doc1, a1, "m")
        store.add(doc2, a2, "m")
        fuse_store(store)
        assert lead_sentences(store, 1) == {
            D("2011-02-02"): ["Crowds marched on Tuesday.", "On Tuesday the army stayed out."]
        }
        events = evidence(store, "events")
        both = evidence(store, "events+timexes")
        with pytest.raises(ValueError, match="signals"):
            evidence(store, "quotes")
    assert list(events) == [D("2011-02-01")]
    assert events[D("2011-02-01")].docs == {"d1"}
    assert list(events[D("2011-02-01")].sentences) == ["Police fired on February 1."]
    # the month-precision "March" names no day; "Tuesday" adds both documents' first sentences
    day = both[D("2011-02-01")]
    assert list(both) == [D("2011-02-01")] and day.docs == {"d1", "d2"}
    assert day.mentions == 1 + 3  # one event mention, three day timexes
    assert list(day.sentences) == ["Police fired on February 1.", "Crowds marched on Tuesday.",
                                   "On Tuesday the army stayed out."]  # fmt: skip


def test_run_end_to_end_on_a_tiny_topic(tmp_path: Path) -> None:
    """Ingest three hand-written articles through the real pipeline and score one timeline."""
    from dyad.bench.chronology import run

    arts = [
        {"id": "A_x/1", "published": "2011-01-26", "title": None,
         "text": "Thousands of protesters marched in Cairo on Tuesday .\n"
                 "Protesters marched in Suez too .\nPolice fired tear gas ."},
        {"id": "A_x/2", "published": "2011-01-29", "title": None,
         "text": "President Hosni Mubarak dismissed his government on Friday .\n"
                 "Protesters defied a curfew in Cairo ."},
        {"id": "A_x/3", "published": "2011-01-29", "title": None,
         "text": "Mubarak dismissed the government on Friday , January 28 ."},
    ]  # fmt: skip
    folder = _topic(tmp_path / "data", "A", arts)
    gold = {"id": "A_x/tl.txt", "entries": [
        {"date": "2011-01-25", "summary": ["Protesters marched in Cairo ."]},
        {"date": "2011-01-28", "summary": ["Mubarak dismissed the government ."]},
    ]}  # fmt: skip
    _write(folder / "timelines.jsonl", [json.dumps(gold)])
    out = run(tmp_path / "data", store_dir=tmp_path / "stores", signals="events+timexes")
    assert set(out) >= {"mean", "topics", "diagnostics", "ingest", "seconds"}
    assert list(out["topics"]) == ["A_x/tl.txt"]
    assert set(out["mean"]) == set(M.KEYS) and out["mean"] == out["topics"]["A_x/tl.txt"]
    assert out["ingest"]["A"]["added"] == 3
    # "Tuesday" (Jan 25) and "Friday" (Jan 28) are resolved against the given dates
    assert out["mean"]["date_f1"] == 1.0 and out["mean"]["ar1_f1"] > 0
    again = run(tmp_path / "data", store_dir=tmp_path / "stores", signals="events+timexes")
    assert again["ingest"]["A"]["known"] == 3 and again["mean"] == out["mean"]


def test_printed_command_prints_the_scored_timeline(tmp_path: Path) -> None:
    """The bench's --json names, per timeline, the `dyad chronology` command that prints the
    timeline it scored, from the kept store."""
    import shlex

    from typer.testing import CliRunner

    from dyad.bench.chronology import run
    from dyad.cli.commands import app

    arts = [
        {"id": "B_x/1", "published": "2011-01-26", "title": None,
         "text": "Thousands of protesters marched in Cairo on Tuesday .\n"
                 "Police fired tear gas at protesters in Cairo on Tuesday ."},
        {"id": "B_x/2", "published": "2011-01-29", "title": None,
         "text": "President Hosni Mubarak dismissed his government on Friday .\n"
                 "Protesters defied a curfew in Cairo on Friday ."},
    ]  # fmt: skip
    folder = _topic(tmp_path / "data", "B", arts)
    gold = {"id": "B_x/tl.txt", "entries": [
        {"date": "2011-01-25", "summary": ["Protesters marched in Cairo .", "Police fired ."]},
        {"date": "2011-01-28", "summary": ["Mubarak dismissed the government ."]},
    ]}  # fmt: skip
    _write(folder / "timelines.jsonl", [json.dumps(gold)])
    out = run(tmp_path / "data", store_dir=tmp_path / "stores", signals="events+timexes")
    scored = out["timelines"]["B_x/tl.txt"]
    assert scored["dates"], "the tiny topic gives at least one date"
    argv = shlex.split(scored["command"])
    assert argv[:2] == ["dyad", "chronology"] and "--dates" in argv and "--per-date" in argv
    done = CliRunner().invoke(app, argv[1:])
    assert done.exit_code == 0, done.output
    printed = {row["date"]: row["summary"] for row in json.loads(done.stdout)}
    assert printed == scored["dates"]
    # without --store-dir there is no store left to point a command at
    assert run(tmp_path / "data")["timelines"]["B_x/tl.txt"]["command"] is None
