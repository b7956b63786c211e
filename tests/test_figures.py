"""The figures stage on sentences written for these tests: values, units, measured things."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.nlp.figures.numbers import qualifier_before, read
from dyad.nlp.pipeline import analyse, cached_pipeline
from dyad.types import Document, Figure


@pytest.fixture(scope="module")
def nlp() -> Language:
    return cached_pipeline()


def figures(nlp: Language, text: str) -> list[Figure]:
    doc = Document(doc_id="t1", text=text, path=None)
    ((_, analysis),) = list(analyse(nlp, [doc]))
    return list(analysis.figures)


def by_key(figs: list[Figure]) -> dict[str, Figure]:
    return {f.key: f for f in figs}


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$400 billion", 4e11, "USD"),
        ("38 billion cubic meters", 3.8e10, "m3"),
        ("2.5 bcm", 2.5e9, "m3"),
        ("500 million yuan", 5e8, "CNY"),
        ("1.5 million barrels", 1.5e6, "bbl"),
        ("30-year", 30, "years"),
        ("370km", 370, "km"),
        ("23%", 23, "%"),
        ("$400m", 4e8, "USD"),
    ],
)
def test_numbers_are_normalised(text: str, value: float, unit: str) -> None:
    (r,) = read(text)
    assert r.value == pytest.approx(value) and r.unit == unit


def test_count_words_and_qualifiers() -> None:
    (r,) = read("twelve")
    assert r.value == 12 and r.unit is None
    assert read("thousands") == []
    assert qualifier_before("could deliver up to ") == ("up to", 6)
    assert qualifier_before("no less than ")[0] == "at least"  # type: ignore[index]
    assert qualifier_before("the pipeline ") is None


def test_contract_value_with_actors(nlp: Language) -> None:
    text = "Gazprom signed a $400 billion contract with CNPC on Tuesday."
    (f,) = figures(nlp, text)
    assert (f.key, f.value, f.unit) == ("contract value", 4e11, "USD")
    assert f.text == "$400 billion" and text[f.start : f.end] == f.text
    assert f.sentence.text == text and f.doc_id == "t1"
    assert {"RUSBUS", "CHNBUS"} <= set(f.actors)


def test_annual_gas_volume_and_contract_duration(nlp: Language) -> None:
    text = ("Under the deal, Russia will supply 38 billion cubic meters of gas to China "
            "annually for 30 years.")  # fmt: skip
    figs = by_key(figures(nlp, text))
    gas, years = figs["annual gas volume"], figs["contract duration"]
    assert (gas.value, gas.unit, gas.period) == (3.8e10, "m3", "P1Y")
    assert (years.value, years.unit, years.period) == (30, "years", None)
    assert {"RUS", "CHN"} <= {a[:3] for a in gas.actors}


def test_troops_ships_and_submarines_are_counts(nlp: Language) -> None:
    figs = figures(nlp, "Moscow moved 10,000 troops, 12 warships and three submarines east.")
    got = {(f.key, f.value, f.unit) for f in figs}
    assert got == {("troops", 10000, "troops"), ("ships", 12, "ships"),
                   ("submarines", 3, "submarines")}  # fmt: skip


def test_trade_target_with_its_year(nlp: Language) -> None:
    (f,) = figures(nlp, "The two countries agreed to raise trade to $100 billion by 2015.")
    assert (f.key, f.value, f.year, f.target) == ("trade target", 1e11, 2015, True)


def test_growth_in_a_year_and_qualifier(nlp: Language) -> None:
    (f,) = figures(nlp, "Bilateral trade grew by more than 11 percent in 2012.")
    assert (f.key, f.value, f.unit, f.qualifier, f.year) == (
        "trade growth", 11, "%", "more than", 2012)  # fmt: skip
    (g,) = figures(nlp, "India will buy up to 5 million tonnes of oil every year.")
    assert (g.key, g.value, g.unit, g.qualifier, g.period) == (
        "annual oil volume", 5e6, "t", "up to", "P1Y")  # fmt: skip
    assert g.text.startswith("up to")


def test_worth_and_share(nlp: Language) -> None:
    figs = by_key(figures(nlp, "The loan is worth 2 billion euros and covers 40% of the costs."))
    assert (figs["loan"].value, figs["loan"].unit) == (2e9, "EUR")
    assert figs["share of costs"].value == 40


def test_dates_ordinals_names_and_page_numbers_are_skipped(nlp: Language) -> None:
    text = ("On May 21, 2014, the two leaders met for the 4th time in 1999 at the G20, "
            "as page 12 of the report says.")  # fmt: skip
    assert figures(nlp, text) == []


def test_model_numbers_are_not_figures(nlp: Language) -> None:
    (f,) = figures(nlp, "Russia sold 24 Su-35 fighters to Egypt.")
    assert (f.key, f.value) == ("aircraft", 24)


def test_unknown_things(nlp: Language) -> None:
    # A unit of its own: kept, with the thing unknown. A bare count: dropped.
    (f,) = figures(nlp, "He said he paid $5 million.")
    assert (f.key, f.value, f.unit, f.thing) == ("unknown", 5e6, "USD", "")
    assert figures(nlp, "The committee saw 40 birds and two countries.") == []


def test_the_lexicons_come_from_the_component_config(tmp_path) -> None:
    """`dyad_figures` reads its unit and thing lexicons from its spaCy config, so a user's own
    file (same format) changes what a figure measures, and nlp.config shows the files."""
    from dyad.datafiles import read_data
    from dyad.nlp.pipeline import build_pipeline

    own = tmp_path / "things.tsv"
    packaged = read_data("figure_things.tsv").splitlines()
    own.write_text(
        "\n".join(line.replace("\tcontract value\t", "\tprice of the deal\t") for line in packaged)
        + "\n",
        encoding="utf-8",
    )
    nlp = build_pipeline()
    assert nlp.config["components"]["dyad_figures"]["things_file"] == "figure_things.tsv"
    nlp.replace_pipe("dyad_figures", "dyad_figures", config={"things_file": str(own)})
    text = "Gazprom signed a $400 billion contract with CNPC on Tuesday."
    assert [f.key for f in figures(nlp, text)] == ["price of the deal"]
    assert [f.key for f in figures(cached_pipeline(), text)] == ["contract value"]
