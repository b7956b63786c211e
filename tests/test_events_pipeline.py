"""The events component inside the real pipeline (actors and dates from the neighbouring
components), on our own sentences naming well-known states."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.nlp.pipeline import cached_pipeline
from eventkit import pipeline_events


@pytest.fixture(scope="module")
def run():
    return pipeline_events


def _countries(codes):
    return {c[:3] for c in codes}


def test_component_is_in_the_pipeline():
    names = cached_pipeline().pipe_names
    assert names.index("dyad_actors") < names.index("dyad_temporal") < names.index("dyad_events")


def test_agreement_with_date(run):
    found = run("Russia and China signed a trade agreement in Beijing on May 21, 2014.")
    assert len(found) == 1
    ev = found[0]
    assert ev.plover == "SUPPORT" and ev.cameo == "057"
    assert _countries(ev.source_codes) == {"RUS", "CHN"}
    assert ev.when is not None and ev.when.start == date(2014, 5, 21)
    assert ev.sentence.doc_id == "t1" and ev.trigger == "signed"


def test_sanctions_and_veto(run):
    (ev,) = run("The United States imposed sanctions on Iran.")
    assert ev.plover == "SANCTION" and _countries(ev.target_codes) == {"IRN"}
    (ev,) = run("France vetoed the resolution on Syria.")
    assert ev.plover == "REJECT" and _countries(ev.source_codes) == {"FRA"}


def test_flags(run):
    (ev,) = run("Japan did not sign the treaty.")
    assert ev.negated
    (ev,) = run("Brazil will hold talks with Argentina.")
    assert ev.future and ev.plover == "CONSULT"


def test_no_event(run):
    assert run("The weather in Canada was mild.") == []
    assert run("Germany's economy grew by two percent.") == []


def test_parties_to_a_military_exercise_are_armed_forces(run):
    (drill,) = run("China and Russia held a joint naval drill near Shanghai on May 20, 2014.")
    assert drill.cameo.startswith("062")
    assert sorted(drill.source_codes + drill.target_codes) == ["CHNMIL", "RUSMIL"]
    (deal,) = run("China and Russia signed a trade agreement in Beijing on May 21, 2014.")
    assert sorted(deal.source_codes + deal.target_codes) == ["CHN", "RUS"]


def test_event_keeps_the_figures_of_its_clause(run):
    text = (
        "Russia signed a $400 billion gas contract with China after talks that lasted "
        "ten years, and Japan sent 2,000 troops to the border."
    )
    found = {e.plover: e for e in run(text)}
    signed = found["COOPERATE"] if "COOPERATE" in found else found["SUPPORT"]
    assert [f.text for f in signed.figures] == ["$400 billion"]
    assert all(text[f.start : f.end] == f.text for f in signed.figures)
    assert "2,000 troops" not in [f.text for f in signed.figures]
    valued = run("Gazprom sealed a gas deal with CNPC valued at $400 billion on May 21.")
    assert [f.text for e in valued for f in e.figures] == ["$400 billion"]


def test_stance_participle_subject_is_the_actor(run):
    found = run("Vietnam is committed to opening its market to Japan.")
    assert [(e.plover, e.source_codes) for e in found] == [("AGREE", ("VNM",))]
    # with an agent it is an ordinary passive
    assert run("The plan was prepared by Kenya.") == []


def test_members_of_an_unknown_body_act_for_it(run):
    found = run("Members of the Zarvan Liberation Council attacked Kenyan troops.")
    assert [(e.plover, [m.text for m in e.sources]) for e in found] == [
        ("ASSAULT", ["Zarvan Liberation Council"])
    ]
    assert found[0].source_codes == ()


def test_going_somewhere_for_talks_is_the_talks(run):
    found = run("U.S. and Russian negotiators return to Geneva this week for talks on missiles.")
    assert [(e.plover, e.trigger, _countries(e.source_codes)) for e in found] == [
        ("CONSULT", "talks", {"USA", "RUS"})
    ]


def test_unmarked_name_is_the_actor_its_apposition_names(run):
    found = run(
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that "
        "Iraq allow aid workers in."
    )
    assert [(e.plover, _countries(e.source_codes)) for e in found] == [("REQUEST", {"IGO"})]
