"""Publication-date evidence from office holders' titles, summit series with a month,
targets, and the precision of deictic dates read against an estimate (own sentences)."""

from __future__ import annotations

from datetime import date

from dyad.nlp.pipeline import cached_pipeline
from dyad.nlp.temporal import infer_publication_date
from dyad.nlp.temporal.calendar import day_range
from dyad.nlp.temporal.evidence import actor_bounds
from dyad.nlp.temporal.precision import claimable_grain, coarsen
from dyad.nlp.temporal.recognise import recognise
from dyad.types import Actor, ActorMention, PublicationDate, Timex


def _mention(text: str, surface: str, name: str, role: str, country: str) -> ActorMention:
    start = text.index(surface)
    actor = Actor(f"{country}GOV", "person", country, "GOV", name, role)
    return ActorMention(start, start + len(surface), surface, actor)


def test_titles_intersect_terms_of_office() -> None:
    text = ("President Barack Obama spoke by phone with Prime Minister Dmitry Medvedev about "
            "the trade talks.")
    actors = [
        _mention(text, "President Barack Obama", "Barack Obama", "president", "USA"),
        _mention(text, "Prime Minister Dmitry Medvedev", "Dmitry Medvedev", "prime minister",
                 "RUS"),
    ]
    bounds, new = actor_bounds(text, actors)
    lows = [b.day for b in bounds if b.lower]
    highs = [b.day for b in bounds if not b.lower]
    assert lows == [date(2012, 5, 8)] and highs == [date(2017, 1, 20)]
    assert not new
    assert "Medvedev" in bounds[0].why


def test_former_and_past_perfect_titles_are_ignored() -> None:
    text = ("The former President Barack Obama wrote a book. Dmitry Medvedev, who had been "
            "Prime Minister Dmitry Medvedev for years, resigned.")
    actors = [
        _mention(text, "President Barack Obama", "Barack Obama", "president", "USA"),
        _mention(text, "Prime Minister Dmitry Medvedev", "Dmitry Medvedev", "prime minister",
                 "RUS"),
    ]
    assert actor_bounds(text, actors) == ([], False)


def test_bare_name_without_title_is_no_evidence() -> None:
    text = "Obama met the press."
    actors = [_mention(text, "Obama", "Barack Obama", "president", "USA")]
    assert actor_bounds(text, actors) == ([], False)


def test_new_leader_is_within_six_months_of_the_term_start() -> None:
    text = "The newly elected Chinese leader Xi Jinping will travel abroad this spring."
    actors = [_mention(text, "Chinese leader Xi Jinping", "Xi Jinping", "leader", "CHN")]
    pub = infer_publication_date(text, actors=actors)
    # China's leader role is the presidency (countries.tsv); Xi took it on 2013-03-14
    assert pub.earliest == date(2013, 3, 14)
    assert date(2013, 9, 1) <= (pub.latest or date.min) <= date(2013, 9, 30)
    assert pub.confidence <= 0.3 and "new" in pub.reason


def test_series_with_month_anchors_inside_title_window() -> None:
    text = ("Prime Minister Dmitry Medvedev said the deal was good. The president had planned "
            "to travel to Asia in May to attend the CICA summit. He is due to go back in "
            "November.")
    actors = [_mention(text, "Prime Minister Dmitry Medvedev", "Dmitry Medvedev",
                       "prime minister", "RUS")]  # fmt: skip
    pub = infer_publication_date(text, actors=actors)
    assert pub.earliest == date(2014, 5, 20)  # CICA Shanghai, the only May row in the window
    assert pub.latest == date(2014, 11, 1)
    assert pub.value == date(2014, 5, 20)
    assert "CICA" in pub.reason and 0.3 <= pub.confidence <= 0.5


def test_series_and_month_without_a_unique_row_do_nothing() -> None:
    pub = infer_publication_date("Leaders will meet in June at the SCO summit.")
    assert pub.source == "unknown"


def test_targets_are_never_lower_bounds() -> None:
    text = ("On March 3, 2011 the ministers pledged to raise trade to $200 billion by 2020. "
            "They said the pipeline would open in 2015 and the 2030 goal stands.")
    pub = infer_publication_date(text)
    assert pub.earliest == date(2011, 3, 3)
    assert "2015" not in pub.reason and "2030" not in pub.reason


def test_deictic_precision_follows_the_window() -> None:
    text = "The envoy arrived on Friday."
    mentions = recognise(text)
    friday = Timex(mentions[0].start, mentions[0].end, mentions[0].text, "DATE", "2013-03-15",
                   day_range(date(2013, 3, 15)), anchored=True)  # fmt: skip
    wide = PublicationDate(date(2013, 3, 16), "inferred", 0.3, "window", date(2013, 3, 15),
                           date(2013, 9, 13))  # fmt: skip
    assert claimable_grain(wide) == "month"
    [t] = coarsen([friday], mentions, wide)
    assert t.range is not None and t.range.value == "2013-03" and t.range.precision == "month"
    point = PublicationDate(date(2013, 3, 16), "inferred", 0.85, "point")
    assert coarsen([friday], mentions, point) == [friday]
    assert claimable_grain(PublicationDate(date(2013, 3, 16), "given", 1.0, "given")) is None


def test_pipeline_uses_titles_from_the_actor_stage() -> None:
    nlp = cached_pipeline()
    doc = nlp("Prime Minister Dmitry Medvedev met U.S. President Barack Obama on Friday to "
              "discuss the treaty.")
    pub = doc._.dyad_published
    assert pub.earliest == date(2012, 5, 8) and pub.latest == date(2017, 1, 20)
    # a term of office is a window of years, not a day: no estimate, so "Friday" is not
    # placed in a year the text does not tell
    assert pub.value is None and "window" in pub.reason
    [friday] = [t for t in doc._.dyad_timexes if t.text == "Friday"]
    assert friday.value == "XXXX-WXX-5" and friday.range is None


def test_a_new_leaders_narrow_window_still_gives_an_estimate() -> None:
    doc = cached_pipeline()("Newly-minted Chinese leader Xi Jinping arrived in Moscow on Friday.")
    pub = doc._.dyad_published
    assert pub.value == pub.earliest == date(2013, 3, 14) and pub.confidence < 0.2
    assert (pub.latest - pub.earliest).days <= 366
