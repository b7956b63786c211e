"""Grouping figures across documents: same thing together, differing values flagged, each
value kept as given (never averaged)."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, timedelta

from dyad.fuse.figures import bounds, group_figures, status_of
from dyad.types import Figure, Provenance


def fig(
    doc: str,
    value: float,
    key: str = "contract value",
    unit: str = "USD",
    actors: tuple[str, ...] = ("RUSBUS", "CHNBUS"),
    start: int = 0,
    **kw: object,
) -> Figure:
    sentence = Provenance(doc, start, start + 40, f"sentence of {doc} at {start}")
    return Figure(doc_id=doc, start=start + 5, end=start + 15, text=f"${value:g}", value=value,
                  unit=unit, key=key, thing="deal", sentence=sentence, actors=actors,
                  **kw)  # type: ignore[arg-type]  # fmt: skip


MAY = {"a": date(2014, 5, 21), "b": date(2014, 5, 22), "c": date(2014, 6, 2)}


def test_same_thing_from_several_sources_is_one_group_that_agrees() -> None:
    (g,) = group_figures([fig("a", 4e11), fig("b", 4e11), fig("c", 4.05e11)], MAY)
    assert g.status == "agree" and g.doc_ids == ("a", "b", "c")
    assert g.key == "contract value" and g.unit == "USD"


def test_different_values_conflict_and_are_all_kept() -> None:
    figs = [fig("a", 4e11), fig("b", 4.56e11, actors=("RUS",)), fig("c", 4e11)]
    (g,) = group_figures(figs, MAY)
    assert g.conflict and g.status == "conflict"
    assert sorted(f.value for f in g.figures) == [4e11, 4e11, 4.56e11]  # nothing averaged
    assert {f.sentence.text for f in g.figures} == {f.sentence.text for f in figs}


def test_a_qualifier_can_explain_a_difference() -> None:
    up_to = fig("a", 6.8e10, key="annual gas volume", unit="m3", qualifier="up to")
    exact = fig("b", 3.8e10, key="annual gas volume", unit="m3")
    (g,) = group_figures([up_to, exact], MAY)
    assert g.status == "differ" and not g.conflict
    assert status_of([fig("a", 30, qualifier="about"), fig("b", 32)]) == "differ"
    assert status_of([fig("a", 30, qualifier="about"), fig("b", 46, qualifier="at least")]) == (
        "conflict"
    )
    assert bounds(fig("a", 100, qualifier="more than"))[1] == float("inf")


def test_other_key_unit_or_actors_make_other_groups() -> None:
    figs = [
        fig("a", 4e11),
        fig("b", 4e11, unit="EUR"),
        fig("b", 30, key="contract duration", unit="years", start=50),
        fig("c", 9e11, actors=("USAGOV", "MEXGOV")),
    ]
    groups = group_figures(figs, MAY)
    assert len(groups) == 4 and not any(g.conflict for g in groups)


def test_actors_unknown_on_one_side_do_not_separate() -> None:
    (g,) = group_figures([fig("a", 4e11), fig("b", 4e11, actors=())], MAY)
    assert len(g.figures) == 2


def test_dates_far_apart_or_other_years_make_other_groups() -> None:
    dates = {"a": date(2014, 5, 21), "b": date(2014, 6, 1), "c": date(2014, 12, 1)}
    troops = [fig(d, v, key="troops", unit="troops") for d, v in (("a", 100), ("b", 5e3),
                                                                  ("c", 9e3))]  # fmt: skip
    groups = group_figures(troops, dates)
    assert [len(g.figures) for g in groups] == [2, 1] and groups[0].conflict
    target = [fig("a", 1e11, key="trade target", year=2015, target=True),
              fig("c", 2e11, key="trade target", year=2020, target=True)]  # fmt: skip
    assert len(group_figures(target, dates)) == 2


def test_the_same_year_joins_reports_years_apart() -> None:
    dates = {"a": date(2013, 3, 14), "b": date(2014, 5, 26)}
    target = [fig(d, 1e11, key="trade target", year=2015, target=True) for d in "ab"]
    (g,) = group_figures(target, dates)
    assert g.year == 2015 and g.status == "agree"


def test_different_values_of_one_sentence_are_not_one_thing() -> None:
    # "Russia and China will put down $55 billion and $25 billion respectively."
    figs = [fig("a", 5.5e10, key="investment"), fig("a", 2.5e10, key="investment")]
    assert len(group_figures(figs, MAY)) == 2


def test_unknown_things_are_never_grouped() -> None:
    figs = [fig("a", 5e6, key="unknown"), fig("b", 5e6, key="unknown")]
    assert len(group_figures(figs, MAY)) == 2


def test_grouping_stays_about_linear() -> None:
    base = date(2010, 1, 1)
    figs, dates = [], {}
    for i in range(6000):
        doc = f"d{i}"
        dates[doc] = base + timedelta(days=i // 3)
        figs.append(replace(fig(doc, 1000 + i % 7, key="troops", unit="troops")))
    t0 = time.perf_counter()
    groups = group_figures(figs, dates)
    assert time.perf_counter() - t0 < 5
    assert sum(len(g.figures) for g in groups) == 6000
