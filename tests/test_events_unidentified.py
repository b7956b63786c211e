"""Violence told by its weapon or its victims (nlp/events/unidentified.py), in the real
pipeline, on our own sentences."""

from __future__ import annotations

import pytest

from eventkit import pipeline_events


@pytest.fixture(scope="module")
def run():
    def _run(text: str):
        events = pipeline_events(text)
        return [(e.plover, e.source_codes, {c[:3] for c in e.target_codes}) for e in events]

    return _run


@pytest.mark.parametrize(
    "text, target",
    [
        ("A car bomb near the town of Kirkuk killed two British soldiers on Monday.", "GBR"),
        ("Four Afghan policemen were killed in a suicide bombing in Kandahar.", "AFG"),
        ("Gunmen shot dead a Pakistani judge in Peshawar on Friday.", "PAK"),
        ("An explosion at a market wounded dozens of Syrian civilians.", "SYR"),
    ],
)
def test_unnamed_perpetrator_keeps_the_event_without_a_source(run, text, target):
    assert run(text) == [("ASSAULT", (), {target})]


@pytest.mark.parametrize(
    "text, source",
    [
        ("A NATO missile attack on a house killed three Libyan officers.", "IGONAT"),
        ("A Libyan general was wounded in a NATO strike on Saturday.", "IGONAT"),
        ("An Israeli air strike killed two Palestinian militants in Gaza.", "ISR"),
        ("Twenty Indian soldiers were killed in a clash with Chinese troops.", "CHNMIL"),
    ],
)
def test_the_actor_named_on_the_attack_is_its_source(run, text, source):
    found = run(text)
    assert [e[0] for e in found] == ["ASSAULT"]
    assert found[0][1][0].startswith(source)


@pytest.mark.parametrize(
    "text",
    [
        "The contract was signed in Shanghai.",  # no party: no agreement
        "Relations with Japan were damaged by the dispute.",
        # a noun carried by a passive verb: the subject fights, nobody unnamed
        "Pro- and anti-government forces have been engaged in bitter fighting since May.",
    ],
)
def test_no_sourceless_event_outside_violence(run, text):
    assert all(e[1] for e in run(text))
