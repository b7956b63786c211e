"""Time stamps on a page as publication-date evidence, and year-less dates read only against
limits that can fix their year (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.nlp.temporal import infer_publication_date
from dyad.nlp.temporal.evidence import stamp_bounds
from dyad.nlp.temporal.normalise import normalise
from dyad.nlp.temporal.recognise import recognise


def _stamps(text: str) -> list[date]:
    timexes = normalise(recognise(text), None, text)
    return [b.day for b in stamp_bounds(text, timexes)[0]]


@pytest.mark.parametrize(
    "text",
    [
        "Ferry fares rise\nUpdated 9:12 pm GMT, Tue Mar 3, 2015 The fares rose again.",
        "Ferry fares rise Page last updated at 09:12 GMT, Tuesday, 3 March 2015 The fares rose.",
        "Fares are too high.\nMarch 3, 2015 at 9:12 pm | Report abuse | I agree.",
        "Nice piece.\nAt 9:12 pm on 3 Mar 2015, harbourwatcher wrote: fares are too high.",
        "Fares are too high March 3, 2015 9:12 am at 9:12 am | Reply",
    ],
)
def test_stamps_are_found(text: str) -> None:
    assert _stamps(text) == [date(2015, 3, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry sank at 9:12 pm on 3 March 2015, the coastguard said.",
        "At 9:12 pm on 3 March 2015 the ferry sank off the cape.",
        "On 3 March 2015 at 9:12 pm the ferry sank off the cape.",
        "The ferry sank on 3 March 2015.",
    ],
)
def test_events_with_a_time_are_no_stamps(text: str) -> None:
    assert _stamps(text) == []


def test_earliest_stamp_is_the_estimate_and_stamps_are_no_events() -> None:
    text = (
        "Harbour board resigns\nUpdated 8:05 am GMT, Wed Mar 4, 2015 The board resigned on "
        "Tuesday after the ferry sank on 1 March 2015.\n"
        "Good riddance.\nMarch 9, 2015 at 6:40 pm | Reply"
    )
    pub = infer_publication_date(text)
    assert pub.value == date(2015, 3, 4)
    assert pub.earliest == date(2015, 3, 1) and pub.latest == date(2015, 3, 4)
    assert pub.confidence >= 0.75
    assert "time stamp" in pub.reason


def test_yearless_date_is_not_read_against_a_bare_year() -> None:
    # "1979" only says the article is not older; "on January 25" may be any later year
    text = "The revolution of 1979 changed the country. Protests will start on January 25."
    pub = infer_publication_date(text)
    assert pub.latest is None or pub.latest.year != 1979


def test_future_yearless_date_is_not_read_against_a_stamp_alone() -> None:
    # a stamp is an upper bound; "June 30" ahead of it may be this June or the next
    text = "The mill will close on June 30.\nPosted 7:00 am, Mon Feb 2, 2015 | Share"
    pub = infer_publication_date(text)
    assert pub.value == date(2015, 2, 2)
    assert pub.latest == date(2015, 2, 2)
