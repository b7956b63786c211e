"""Publication-date inference from an article's own content (own sentences)."""

from __future__ import annotations

from datetime import date

from dyad.nlp.temporal import infer_publication_date


def test_window_from_past_and_future_dates() -> None:
    text = ("Navies held a drill from May 20 through May 26. The two armies will hold "
            "another exercise from August 24 through 29, 2014.")
    pub = infer_publication_date(text)
    assert pub.source == "inferred"
    assert (pub.earliest, pub.latest) == (date(2014, 5, 26), date(2014, 8, 24))
    assert pub.value == date(2014, 5, 26)  # the day of the latest past event
    assert "2014-05-26" in pub.reason and "2014-08-24" in pub.reason
    assert 0.3 <= pub.confidence <= 0.6


def test_known_summit_and_days_ago_give_point_estimate() -> None:
    text = ("Our president met his counterpart on the eve of the Beijing APEC summit, ten "
            "days ago. Leaders later clashed at the G20 summit in Brisbane. A minister's visit "
            "this week, which concluded on Wednesday, drew attention.")
    pub = infer_publication_date(text)
    assert pub.value == date(2014, 11, 19)  # APEC Beijing opened 2014-11-10; eve + 10 days
    assert pub.earliest == date(2014, 11, 15)  # G20 Brisbane, told as past
    assert pub.confidence >= 0.8
    assert "ten days ago" in pub.reason and "APEC" in pub.reason


def test_completed_year_with_last_year_is_low_confidence() -> None:
    text = ("Trade rose by 11 percent in 2012. The company agreed last year to build a "
            "pipeline.")
    pub = infer_publication_date(text)
    assert pub.earliest == date(2013, 1, 1) and pub.latest == date(2013, 12, 31)
    assert pub.confidence <= 0.25


def test_deadlines_are_not_lower_bounds() -> None:
    text = "On May 3, 2011 the leaders pledged to double trade by 2020."
    pub = infer_publication_date(text)
    assert pub.earliest == date(2011, 5, 3)


def test_ambiguous_summit_without_host_is_ignored() -> None:
    pub = infer_publication_date("The APEC summit drew many leaders.")
    assert pub.value is None and pub.source == "unknown" and pub.confidence == 0.0


def test_future_year_only_upper_bound() -> None:
    pub = infer_publication_date("The plant will open in 2016.")
    assert pub.latest == date(2016, 12, 31) and pub.earliest is None
    assert pub.confidence < 0.3


def test_inference_is_a_component_setting() -> None:
    """`infer_publication_date` in the component's config: off, an undated text keeps no
    date and its "yesterday" stays unresolved; on (the default), it is dated."""
    from dyad.nlp.temporal.component import TemporalComponent
    from stagekit import bare_nlp

    nlp = bare_nlp()
    text = "The summit in Beijing ended on May 21, 2014. Officials met again yesterday."
    on = TemporalComponent(nlp, "t")(nlp(text))
    assert on._.dyad_published.value is not None
    off = TemporalComponent(nlp, "t", infer_publication_date=False)(nlp(text))
    assert off._.dyad_published.value is None and off._.dyad_published.source == "unknown"
    yesterday = next(t for t in off._.dyad_timexes if t.text == "yesterday")
    assert yesterday.range is None
    assert nlp.create_pipe("dyad_temporal").infer is True
