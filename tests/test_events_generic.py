"""Actors named by what they are (nlp/events/generic.py), in the real pipeline, on our own
sentences."""

from __future__ import annotations

import pytest

from eventkit import pipeline_events


@pytest.fixture(scope="module")
def run():
    return pipeline_events


@pytest.mark.parametrize(
    "text, plover, source, target",
    [
        ("Rebels killed five Nigerian soldiers on Sunday.", "ASSAULT", "Rebels", "NGA"),
        ("Muslim hackers have defaced nearly 3,000 Danish web sites.", "COERCE",
         "Muslim hackers", "DNK"),
        ("A human rights group accused the Croatian authorities of neglect.", "ACCUSE",
         "human rights group", "HRV"),
        ("Tribal elders demanded the release of the Kenyan minister.", "REQUEST",
         "Tribal elders", "KEN"),
    ],
)
def test_people_named_by_what_they_are_are_unresolved_sources(run, text, plover, source, target):
    found = [e for e in run(text) if e.plover == plover]
    assert len(found) == 1
    ev = found[0]
    assert ev.source_codes == ()
    assert [m.text for m in ev.sources] == [source]
    assert all(m.actor is None for m in ev.sources)
    assert {c[:3] for c in ev.target_codes} == {target}


@pytest.mark.parametrize(
    "text",
    [
        "The rebels killed five Nigerian soldiers.",  # definite: someone named before
        "Officials signed an agreement with Japan.",  # a state body with no state
        "Analysts criticised the Russian plan.",  # commentators
        "People protested against the Kenyan government.",  # people at large
        "Rebels attacked a convoy near the border.",  # no coded party at all
        "An organisation that helps Kenyan farmers opened an office.",  # a description
    ],
)
def test_no_generic_source(run, text):
    assert all(m.actor is not None for e in run(text) for m in e.sources)


def test_they_in_a_report_by_people_named_by_what_they_are(run):
    found = run(
        "Militants loyal to a local warlord said they attempted to assassinate the Afghan "
        "governor of Kandahar."
    )
    assert [(e.plover, [m.text for m in e.sources]) for e in found] == [
        ("ASSAULT", ["Militants"])
    ]
    assert found[0].reported_by is not None and found[0].reported_by.text == "Militants"


def test_a_protest_is_aimed_at_what_it_demands(run):
    found = run(
        "Islamic fundamentalists continued their hunger strike to demand the resignation "
        "of Kenyan President Moi."
    )
    protest = [e for e in found if e.plover == "PROTEST"]
    assert len(protest) == 1
    assert [m.text for m in protest[0].sources] == ["Islamic fundamentalists"]
    assert {c[:3] for c in protest[0].target_codes} == {"KEN"}
    # with no demand, at home (the CAMEO convention for domestic protest)
    home = run("Algerian farmers rioted in the capital.")
    assert [(e.plover, e.target_codes) for e in home] == [("PROTEST", ("DZA",))]


def test_a_bare_participle_is_no_act_of_its_noun(run):
    found = run(
        "Political activists and union members arrested in Zimbabwe last week and accused of "
        "plotting an uprising were beaten by police, their lawyers said."
    )
    assert all(m.actor is not None for e in found for m in e.sources)


def test_officials_of_an_unknown_body_named_before_them(run):
    # the parser makes a name in front of a bracketed acronym an "nmod" of the head noun
    text = "Zarvan Traders Association (ZTA) officials demanded support from the Kenyan parliament."
    found = [e for e in run(text) if e.plover == "REQUEST"]
    assert len(found) == 1
    assert [m.text for m in found[0].sources] == ["Zarvan Traders Association"]
    assert found[0].sources[0].actor is None
    assert found[0].target_codes == ("KENLEG",)


@pytest.mark.parametrize(
    "text, source, source_codes, target",
    [
        pytest.param("Ethnic Koreans demonstrated against the Japanese government.",
                     "Ethnic Koreans", (), "JPNGOV", id="an ethnic group, uncoded"),
        pytest.param("Prisoners rioted at a jail in Nairobi on Monday.",
                     "Prisoners", ("KEN",), "KEN", id="protesters are people of the place"),
    ],
)
def test_protesters_named_by_what_they_are(run, text, source, source_codes, target):
    found = [e for e in run(text) if e.plover == "PROTEST"]
    assert len(found) == 1
    assert [m.text for m in found[0].sources] == [source]
    assert found[0].source_codes == source_codes
    assert target in found[0].target_codes


def test_only_protesters_take_the_country_of_the_place(run):
    found = [e for e in run("Rebels attacked a police post in Mali on Sunday.")
             if e.plover == "ASSAULT"]
    assert found and all(e.source_codes == () for e in found)


def test_people_a_country_s_police_act_upon_are_its_people(run):
    found = [e for e in run("Kenyan police arrested dozens of demonstrators on Monday.")
             if e.plover == "COERCE"]
    assert len(found) == 1
    assert found[0].target_codes == ("KEN",)


def test_people_troops_act_upon_get_no_country(run):
    found = [e for e in run("Kenyan troops arrested dozens of demonstrators on Monday.")
             if e.plover == "COERCE"]
    assert all(e.target_codes == () for e in found)


def test_ethnic_things_are_no_people(run):
    found = run("Ethnic clashes killed five Nigerian soldiers on Sunday.")
    assert all(m.text != "Ethnic clashes" for e in found for m in e.sources)
