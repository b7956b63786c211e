"""Event extraction on our own sentences, with hand-set actor and date annotations.

The parse comes from the real spaCy model; actors and timexes are given by hand here so that
these tests check the events stage alone (tests/test_events_pipeline.py runs the full
pipeline with the neighbouring components).
"""

from __future__ import annotations

from datetime import date

import pytest

from dyad.nlp.events import extract_events, plover_label
from dyad.types import Actor, ActorMention, DateRange, EventMention
from eventkit import bare_nlp, events


@pytest.fixture(scope="module")
def nlp():
    return bare_nlp()


def only(found: list[EventMention]) -> EventMention:
    assert len(found) == 1, [(e.trigger, e.plover) for e in found]
    return found[0]


def test_signed_agreement_with_provenance(nlp):
    text = "Argentina and Chile signed a fishing agreement in Santiago on 4 June."
    ev = only(
        events(
            nlp,
            text,
            {"Argentina": "ARGGOV", "Chile": "CHLGOV"},
            {"4 June": (date(2019, 6, 4), date(2019, 6, 4))},
        )
    )
    assert (ev.plover, ev.cameo, ev.quad_class, ev.goldstein) == ("SUPPORT", "057", 1, 8.0)
    assert ev.source_codes == ("ARGGOV", "CHLGOV")
    assert ev.trigger == "signed" and text[ev.trigger_start : ev.trigger_end] == "signed"
    assert ev.sentence.doc_id == "doc1" and ev.sentence.text == text
    assert ev.when == DateRange(date(2019, 6, 4), date(2019, 6, 4), "2019-06-04", "day")
    assert ev.when_text == "4 June" and ev.location == "Santiago"
    assert not (ev.negated or ev.future or ev.hypothetical)


def test_passive_contract_with_by_agents(nlp):
    text = "A ten-year oil contract was signed by Petrobras and Sinopec."
    ev = only(events(nlp, text, {"Petrobras": "BRABUS", "Sinopec": "CHNBUS"}))
    # a commercial contract is economic cooperation; a formal agreement would be 057
    assert (ev.plover, ev.cameo) == ("COOPERATE", "061")
    assert ev.source_codes == ("BRABUS", "CHNBUS")


def test_visit_and_host(nlp):
    ev = only(
        events(
            nlp,
            "The Indian prime minister visited Japan last week.",
            {"Indian": "INDGOV", "Japan": "JPN"},
        )
    )
    assert (ev.plover, ev.mode, ev.source_codes, ev.target_codes) == (
        "CONSULT",
        "visit",
        ("INDGOV",),
        ("JPN",),
    )


def test_talks_carried_by_light_verb(nlp):
    text = "Brazilian diplomats held talks with Argentina in Buenos Aires."
    ev = only(events(nlp, text, {"Brazilian": "BRAGOV", "Argentina": "ARG"}))
    assert ev.plover == "CONSULT" and ev.trigger == "talks"
    assert ev.target_codes == ("ARG",) and ev.location == "Buenos Aires"


def test_joint_exercise_with_date_range(nlp):
    text = "The navies of Egypt and Greece began a joint exercise from 3 March to 9 March."
    ev = only(
        events(
            nlp,
            text,
            {"Egypt": "EGYMIL", "Greece": "GRCMIL"},
            {"from 3 March to 9 March": (date(2021, 3, 3), date(2021, 3, 9))},
        )
    )
    assert (ev.plover, ev.cameo, ev.context) == ("COOPERATE", "062", "military")
    assert set(ev.source_codes) == {"EGYMIL", "GRCMIL"}
    assert ev.when is not None and ev.when.days == 7


def test_single_country_exercise_is_mobilize(nlp):
    ev = only(
        events(nlp, "Poland held a large military exercise near its border.", {"Poland": "POLMIL"})
    )
    assert ev.plover == "MOBILIZE"


def test_sanctions_are_sanction_not_coerce(nlp):
    ev = only(
        events(
            nlp,
            "The European Union imposed new sanctions on Belarus.",
            {"The European Union": "IGOEU", "Belarus": "BLR"},
        )
    )
    assert (ev.plover, ev.cameo, ev.mode) == ("SANCTION", "163", "discontinue")
    assert ev.target_codes == ("BLR",)


def test_veto(nlp):
    ev = only(events(nlp, "Russia vetoed the draft resolution on Tuesday.", {"Russia": "RUS"}))
    assert (ev.plover, ev.cameo) == ("REJECT", "129")


def test_accusation_content_is_not_an_event(nlp):
    found = events(
        nlp,
        "Armenia accused Azerbaijan of shelling border villages.",
        {"Armenia": "ARM", "Azerbaijan": "AZE"},
    )
    ev = only(found)
    assert (ev.plover, ev.cameo, ev.target_codes) == ("ACCUSE", "112", ("AZE",))


def test_condemn_and_praise(nlp):
    assert (
        only(
            events(nlp, "Canada condemned the coup in Mali.", {"Canada": "CAN", "Mali": "MLI"})
        ).plover
        == "ACCUSE"
    )
    assert (
        only(
            events(
                nlp,
                "Ghana praised Senegal for its handling of the election.",
                {"Ghana": "GHA", "Senegal": "SEN"},
            )
        ).cameo
        == "051"
    )


def test_negated(nlp):
    ev = only(events(nlp, "Chile did not sign the treaty.", {"Chile": "CHL"}))
    assert ev.negated and plover_label(ev.plover, future=ev.future, negated=True) == "REJECT"


def test_future_and_planned(nlp):
    ev = only(
        events(
            nlp,
            "Kenya will host a summit with Uganda next month.",
            {"Kenya": "KEN", "Uganda": "UGA"},
        )
    )
    assert ev.future and ev.plover == "CONSULT"
    assert plover_label(ev.plover, future=True, negated=False) == "AGREE"
    ev = only(events(nlp, "Peru is scheduled to visit Bolivia.", {"Peru": "PER", "Bolivia": "BOL"}))
    assert ev.future and ev.source_codes == ("PER",) and ev.target_codes == ("BOL",)


def test_agreed_to_carry_out_codes_the_carried_out_event(nlp):
    text = "India and Nepal agreed to carry out Shield-7, a joint military drill, in May."
    ev = only(events(nlp, text, {"India": "IND", "Nepal": "NPL"}))
    assert (ev.plover, ev.trigger, ev.future) == ("COOPERATE", "drill", True)


def test_reported_speech(nlp):
    ev = only(
        events(
            nlp,
            "Norway said Sweden had expelled two diplomats.",
            {"Norway": "NOR", "Sweden": "SWE"},
        )
    )
    assert ev.source_codes == ("SWE",)
    assert ev.reported_by is not None and ev.reported_by.text == "Norway"


def test_reported_pronoun_is_the_speaker(nlp):
    ev = only(events(nlp, "Norway said it would expel two diplomats.", {"Norway": "NOR"}))
    assert ev.source_codes == ("NOR",) and ev.future and not ev.hypothetical


def test_hypothetical(nlp):
    ev = only(
        events(
            nlp,
            "Italy could send aid to Libya if the fighting stops.",
            {"Italy": "ITA", "Libya": "LBY"},
        )
    )
    assert ev.hypothetical and ev.plover == "AID"


def test_obligation_under_speech_verb_is_a_demand(nlp):
    ev = only(
        events(
            nlp,
            "Britain declared that Iran must release the sailors.",
            {"Britain": "GBR", "Iran": "IRN"},
        )
    )
    assert (ev.plover, ev.source_codes, ev.target_codes) == ("REQUEST", ("GBR",), ("IRN",))


def test_two_leaders_resolve_to_previous_sentence(nlp):
    text = "Lula met Macron in Paris. The two leaders signed a space agreement."
    found = events(nlp, text, {"Lula": "BRAGOV", "Macron": "FRAGOV"})
    signed = [e for e in found if e.cameo == "057"]
    assert len(signed) == 1 and set(signed[0].source_codes) == {"BRAGOV", "FRAGOV"}


@pytest.mark.parametrize(
    "text,actors",
    [
        ("The weather in Oslo was mild on Tuesday.", {"Oslo": "NOR"}),
        ("Mexico's economy grew quickly last year.", {"Mexico": "MEX"}),
        (
            "Analysts think relations between Spain and Morocco are warm.",
            {"Spain": "ESP", "Morocco": "MAR"},
        ),
        ("A meeting was held on Friday.", {}),
        ("Gunmen attacked a convoy near the border.", {}),
        # an unknown name that is not the subject phrase's head is not the actor
        ("A cousin of Smith attacked a convoy near the border.", {"Smith": None}),
        ("France met the requirements of the fund.", {"France": "FRA"}),
        ("Japan said the talks were useful.", {"Japan": "JPN"}),
    ],
)
def test_no_event(nlp, text, actors):
    assert events(nlp, text, actors) == []


def test_unknown_subject_name_is_kept_unresolved(nlp):
    ev = only(events(nlp, "Hamas threatened Israel on Monday.", {"Hamas": None, "Israel": "ISR"}))
    assert (ev.plover, ev.source_codes, ev.target_codes) == ("THREATEN", (), ("ISR",))
    assert ev.unresolved_sources == ("Hamas",) and ev.unresolved_targets == ()


def test_unknown_name_on_the_head_noun_is_the_actor(nlp):
    ev = only(
        events(
            nlp,
            "Hezbollah guerrillas attacked an Israeli patrol.",
            {"Hezbollah": None, "Israeli": "ISR"},
        )
    )
    assert ev.plover == "ASSAULT" and ev.unresolved_sources == ("Hezbollah",)
    assert ev.target_codes == ("ISR",)


def test_known_actor_in_the_phrase_wins_over_an_unknown_name(nlp):
    ev = only(
        events(
            nlp,
            "Rwandan President Kagame met Ugandan officials in Kigali.",
            {"Rwandan President Kagame": "RWAGOV", "Kagame": None, "Ugandan officials": "UGAGOV"},
        )
    )
    assert ev.source_codes == ("RWAGOV",) and ev.unresolved_sources == ()


def test_they_refers_to_the_pair_that_acted_together(nlp):
    text = (
        "Peru and Chile agreed on a fisheries plan. Officials met reporters later. "
        "They signed a port agreement."
    )
    found = events(nlp, text, {"Peru": "PER", "Chile": "CHL"})
    signed = [e for e in found if e.cameo == "057"]
    assert len(signed) == 1 and set(signed[0].source_codes) == {"PER", "CHL"}


def test_they_without_a_pair_is_unresolved(nlp):
    text = "Oslo is cold in winter. They signed a port agreement."
    assert events(nlp, text, {"Oslo": "NOR"}) == []


def test_definite_event_noun_points_back(nlp):
    text = (
        "Greece and Egypt began a joint naval drill on Monday. "
        "The drill took place from 3 March to 9 March."
    )
    found = events(
        nlp,
        text,
        {"Greece": "GRC", "Egypt": "EGY"},
        {"from 3 March to 9 March": (date(2021, 3, 3), date(2021, 3, 9))},
    )
    dated = [e for e in found if e.when is not None]
    assert len(dated) == 1 and set(dated[0].source_codes) == {"GRC", "EGY"}
    assert dated[0].when.days == 7


def test_he_resolves_to_the_person_named_before(nlp):
    text = "The Kenyan president Ruto went to Rome, where he arrived on Friday."
    doc = nlp(text)
    doc._.dyad_doc_id = "d"
    doc._.dyad_timexes = []
    doc._.dyad_actors = [
        ActorMention(0, 25, "The Kenyan president Ruto", Actor("KENGOV", "person", "KEN")),
        ActorMention(
            text.find("Rome"), text.find("Rome") + 4, "Rome", Actor("ITAGOV", "country", "ITA")
        ),
    ]
    found = extract_events(doc)
    assert any(
        e.trigger == "arrived" and e.source_codes == ("KENGOV",) and e.target_codes == ("ITAGOV",)
        for e in found
    )


def test_governing_clause_tense_carries_over(nlp):
    ev = only(
        events(nlp, "Chile will allow Peru to invest in the port.", {"Chile": "CHL", "Peru": "PER"})
    )
    assert ev.trigger == "invest" and ev.future


def _analysed(text: str, published: str) -> list:
    """Event mentions of `text` through the whole per-document stage (blocks included)."""
    from datetime import date

    from dyad.nlp.pipeline import analyse, cached_pipeline
    from dyad.types import Document, PublicationDate

    pub = PublicationDate(date.fromisoformat(published), "given", 1.0, "test")
    ((_, analysis),) = analyse(cached_pipeline(), [Document("x", text, None, published=pub)])
    return list(analysis.events)


def test_subject_stranded_after_a_leading_phrase_is_recovered() -> None:
    text = (
        "With the direct involvement of senior leaders, Gazprom and the China National "
        "Petroleum Corporation signed a long gas contract."
    )
    (event,) = _analysed(text, "2014-05-25")
    assert event.trigger == "signed"
    assert set(event.source_codes) == {"RUSBUS", "CHNBUS"}


def test_habitual_practice_is_flagged_not_a_one_off_event() -> None:
    text = (
        "Indian and Chinese officials usually meet every October to discuss border trade. "
        "Indian and Chinese officials met in Delhi on Monday."
    )
    flags = [(e.trigger, e.habitual) for e in _analysed(text, "2019-05-25")]
    assert ("meet", True) in flags and ("met", False) in flags


def test_he_resolves_to_an_unresolved_person_named_before(nlp):
    text = "Peter Mwangi arrived in Nairobi on Monday. He criticised the Kenyan government."
    found = events(nlp, text, {"Peter Mwangi": None, "Kenyan government": "KENGOV"})
    accuse = [e for e in found if e.plover == "ACCUSE"]
    assert len(accuse) == 1 and accuse[0].unresolved_sources == ("Peter Mwangi",)
    assert accuse[0].target_codes == ("KENGOV",)
