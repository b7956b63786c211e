"""The product's date timeline (dyad.chronology.timeline, dyad.app.chronology) and the
`dyad chronology --dates K` command, on hand-built evidence and a tiny hand-written store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.app.chronology import TimelineAsk, build
from dyad.chronology.timeline import (
    Day,
    days_of_timexes,
    merge_days,
    relevant,
    span_of,
    summarise,
    timeline,
    topic_of,
    with_publications,
)
from dyad.report.chronology import when_label

D = date.fromisoformat


def _days() -> dict[date, Day]:
    rows = [
        ("a", D("2011-02-01"), "Protesters  filled Tahrir Square in Cairo."),
        ("b", D("2011-02-01"), "Protesters filled Tahrir Square in Cairo."),
        ("c", D("2011-02-01"), "The football match in Cairo was cancelled."),
        ("a", D("2011-02-02"), "Police fired tear gas at protesters."),
        ("d", D("2011-02-03"), "The football league resumed."),
        ("e", D("2011-02-03"), "The football league resumed its season."),
        ("f", D("2011-02-03"), "Football fans cheered."),
    ]
    return days_of_timexes(rows)


def test_timexes_count_documents_per_day() -> None:
    days = _days()
    feb1 = days[D("2011-02-01")]
    assert feb1.docs == {"a", "b", "c"} and feb1.mentions == 3
    # whitespace folded: one sentence from two documents
    assert feb1.sentences["Protesters filled Tahrir Square in Cairo."] == {"a", "b"}
    assert span_of(days) == (D("2011-02-01"), D("2011-02-03"))
    assert span_of({}) is None


def test_merge_adds_evidence() -> None:
    more = days_of_timexes([("z", D("2011-02-02"), "Police fired tear gas at protesters.")])
    merged = merge_days(_days(), more)
    feb2 = merged[D("2011-02-02")]
    assert feb2.docs == {"a", "z"} and feb2.mentions == 2
    assert feb2.sentences == {"Police fired tear gas at protesters.": {"a", "z"}}


def test_query_keeps_only_relevant_evidence() -> None:
    days = relevant(_days(), "protesters Tahrir")
    assert sorted(days) == [D("2011-02-01"), D("2011-02-02")]  # football day dropped
    assert days[D("2011-02-01")].docs == {"a", "b"}  # the match sentence no longer counts
    assert relevant(_days(), "the of") == _days()  # only stop words: no restriction


def test_timeline_picks_k_days_in_span_with_summaries() -> None:
    leads = {D("2011-02-02"): ["Crowds stayed in Tahrir Square overnight."]}
    got = timeline(_days(), leads, D("2011-02-01"), D("2011-02-03"), 2, per_date=1)
    assert [t.day for t in got] == [D("2011-02-01"), D("2011-02-03")]  # 3 documents each
    assert got[0].documents == 3 and len(got[0].summary) == 1
    with_query = timeline(_days(), leads, D("2011-02-01"), D("2011-02-03"), 2, 1, "protesters")
    assert [t.day for t in with_query] == [D("2011-02-01"), D("2011-02-02")]
    assert with_query[1].summary == ("Police fired tear gas at protesters.",)
    # the span bounds the days
    assert [t.day for t in timeline(_days(), {}, D("2011-02-02"), D("2011-02-28"), 5)] == [
        D("2011-02-02"), D("2011-02-03")]  # fmt: skip


def test_build_defaults_to_the_span_of_the_evidence() -> None:
    got = build(_days(), {}, TimelineAsk(1, per_date=2))
    assert [t.day for t in got] == [D("2011-02-01")]
    # two sentences, the repeat of the first one (same content words) skipped
    assert got[0].summary == (
        "Protesters filled Tahrir Square in Cairo.",
        "The football match in Cairo was cancelled.",
    )
    assert build({}, {}, TimelineAsk(3)) == []
    with pytest.raises(ValueError, match="signals"):
        TimelineAsk(3, signals="quotes")


def test_dates_print_at_their_granularity() -> None:
    day = {"start": "2014-05-20", "end": "2014-05-20", "date_value": "2014-05-20",
           "precision": "day"}  # fmt: skip
    assert when_label(day) == "2014-05-20"
    rng = {"start": "2014-05-20", "end": "2014-05-26", "date_value": "x", "precision": "range"}
    assert when_label(rng) == "2014-05-20 – 2014-05-26"
    year = {"start": "2018-01-01", "end": "2018-12-31", "date_value": "2018", "precision": "year"}
    assert when_label(year) == "2018 (year)"
    month = {"start": "2014-05-01", "end": "2014-05-31", "date_value": "2014-05",
             "precision": "month"}  # fmt: skip
    assert when_label(month) == "2014-05 (month)"


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dyad.app.fusion import fuse_store
    from dyad.store.db import Store
    from dyad.types import Analysis, DateRange, Document, PublicationDate, Timex

    db = tmp_path_factory.mktemp("tl") / "t.sqlite"
    pub = PublicationDate(D("2011-02-02"), "given", 1.0, "test", D("2011-02-02"), D("2011-02-02"))
    feb1 = DateRange(D("2011-02-01"), D("2011-02-01"), "2011-02-01", "day")
    feb2 = DateRange(D("2011-02-02"), D("2011-02-02"), "2011-02-02", "day")
    texts = {
        "d1": "Protesters filled Tahrir Square on Tuesday. The army stayed out on Wednesday.",
        "d2": "On Tuesday protesters filled Tahrir Square in Cairo.",
    }
    with Store.open(db) as store:
        for doc_id, text in texts.items():
            cut = text.index(". ") + 1 if ". " in text else len(text)
            sentences = ((0, cut), (cut + 1, len(text))) if cut < len(text) else ((0, cut),)
            timexes = []
            for phrase, when in (("Tuesday", feb1), ("Wednesday", feb2)):
                if phrase in text:
                    at = text.index(phrase)
                    timexes.append(Timex(at, at + len(phrase), phrase, "DATE", when.value, when,
                                         True))  # fmt: skip
            store.add(Document(doc_id, text, doc_id, published=pub),
                      Analysis(doc_id, pub, sentences, tuple(timexes), (), ()), "m")  # fmt: skip
        fuse_store(store)
    return db


def test_dates_command_prints_the_timeline(tiny_db: Path) -> None:
    from dyad.cli.commands import app

    runner = CliRunner()
    args = ["chronology", "--db", str(tiny_db), "--dates", "1", "--signals", "events+timexes"]
    done = runner.invoke(app, [*args, "--format", "json"])
    assert done.exit_code == 0, done.output
    (row,) = json.loads(done.stdout)
    assert row["date"] == "2011-02-01" and row["documents"] == 2
    assert row["summary"] and "Tahrir" in row["summary"][0]
    done = runner.invoke(app, [*args, "--since", "2011-02-02", "--format", "md"])
    assert done.exit_code == 0 and done.stdout.startswith("- **2011-02-02** (1 documents)")
    # --per-date, --query and --signals belong to --dates; --max does not go with it
    done = runner.invoke(app, ["chronology", "--db", str(tiny_db), "--per-date", "2"])
    assert done.exit_code == 2 and "--dates" in done.output
    done = runner.invoke(app, ["chronology", "--db", str(tiny_db), "--dates", "2", "--max", "3"])
    assert done.exit_code == 2


def test_summaries_prefer_clause_length_sentences_and_the_topic() -> None:
    long = "Protesters " + " ".join(["marched"] * 40) + " in Cairo."
    short = "Protesters marched in Cairo on Friday."
    assert summarise([long, short], 1) == [short]  # over MAX_WORDS words: only if nothing else
    assert summarise([long], 1) == [long]
    # between two equally central sentences, the one nearer the corpus' words wins
    pool = ["Football fans cheered the home team.", "Protesters cheered the army in Cairo."]
    assert summarise(pool, 1) == [pool[0]]
    assert summarise(pool, 1, topic_of(["Protesters in Cairo.", "The army in Cairo."])) == [pool[1]]


def test_publication_counts_join_the_day_vote() -> None:
    days = with_publications(_days(), {D("2011-02-03"): 3, D("2011-02-02"): 5})
    # Feb 1 counts Feb 1 and Feb 2 publications, Feb 2 counts Feb 2 and Feb 3
    assert [days[d].published for d in sorted(days)] == [5, 8, 3]
    got = timeline(days, {}, D("2011-02-01"), D("2011-02-03"), 1)
    assert [t.day for t in got] == [D("2011-02-02")] and got[
        0
    ].documents == 9  # 1 document + 8 published
    # a query keeps the publication count of the days it keeps
    assert relevant(days, "police")[D("2011-02-02")].published == 8


def test_a_sentence_summarises_one_date_only() -> None:
    same = "Protesters filled Tahrir Square in central Cairo."
    days = days_of_timexes([
        ("a", D("2011-02-01"), same), ("b", D("2011-02-02"), same),
        ("c", D("2011-02-02"), "Police fired tear gas in central Cairo."),
    ])  # fmt: skip
    got = timeline(days, {}, D("2011-02-01"), D("2011-02-02"), 2)
    assert [t.summary for t in got] == [(same,), ("Police fired tear gas in central Cairo.",)]
