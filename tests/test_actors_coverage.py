"""Actor coverage, round 2: country names NER calls people, the West and regions, group nouns
with "of/in/from <country>", appositions, product names, and kb.country_of_place.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.nlp.actors.kb import load_kb
from dyad.types import ActorMention
from stagekit import actors_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_nlp()


def run(nlp: Language, text: str) -> list[ActorMention]:
    doc = nlp.make_doc(text)
    doc._.dyad_published = None
    mentions = nlp(doc)._.dyad_actors
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start, "mentions overlap"
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return mentions


def code_of(mentions: list[ActorMention], text: str) -> str | None:
    hits = [m for m in mentions if m.text == text]
    got = [(m.text, m.actor.code if m.actor else None) for m in mentions]
    assert hits, f"no mention {text!r} in {got}"
    actor = hits[0].actor
    return actor.code if actor else None


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Benin closed its border with Togo on Friday.", "Benin", "BEN"),
    ("Sri Lanka recalled its ambassador from Oslo.", "Sri Lanka", "LKA"),
    ("Ghanaian officials rejected the plan.", "Ghanaian officials", "GHAGOV"),
    ("Fijian soldiers guarded the parliament.", "Fijian soldiers", "FJIMIL"),
    ("The Gambian president will travel to Dakar.", "Gambian president", "GMBGOV"),
])
def test_country_names_and_demonyms(nlp: Language, text: str, name: str, code: str) -> None:
    assert code_of(run(nlp, text), name) == code


def test_person_named_like_a_country_is_still_a_person(nlp: Language) -> None:
    mentions = run(nlp, "Michael Jordan visited the stadium.")
    assert all(m.actor is None or m.actor.code != "JOR" for m in mentions)


def test_the_west_is_a_group_without_country(nlp: Language) -> None:
    mentions = run(nlp, "Moscow accused the West of hypocrisy as Western governments "
                        "prepared new sanctions.")
    west = next(m for m in mentions if m.text == "the West")
    assert west.actor is not None and west.actor.code == "WST"
    assert west.actor.kind == "group" and west.actor.country is None
    assert code_of(mentions, "Western governments") == "WSTGOV"


def test_region_inside_place_names_is_not_an_actor(nlp: Language) -> None:
    mentions = run(nlp, "Troops entered Western Cambodia while settlers left the West Bank.")
    assert all(m.actor is None or m.actor.code[:3] != "WST" for m in mentions)
    assert code_of(mentions, "West Bank") == "PSE"


def test_continent_adjective_needs_a_state_noun(nlp: Language) -> None:
    mentions = run(nlp, "Asian nations discussed Asian security with Europe.")
    assert code_of(mentions, "Asian") == "ASA"
    assert [m.text for m in mentions].count("Asian") == 1
    assert code_of(mentions, "Europe") == "EUR"


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The government of Peru expelled two diplomats.", "government of Peru", "PERGOV"),
    ("Rebels in Mali seized the town.", "Rebels in Mali", "MLIREB"),
    ("Refugees from Syria crossed the border.", "Refugees from Syria", "SYRREF"),
    ("Refugees fleeing Chile crossed the border.", "Refugees fleeing Chile", "CHLREF"),
    ("Aid reached refugees fleeing the war in Mali.", "refugees fleeing the war in Mali",
     "MLIREF"),
    ("Protesters in Kenya marched on Sunday.", "Protesters in Kenya", "KENCVL"),
    ("Extremists in Chile set fire to a bus.", "Extremists in Chile", "CHLRAD"),
    ("Afghan guerillas blew up a bridge.", "Afghan guerillas", "AFGREB"),
    ("The Zambian Senate passed the bill.", "Zambian Senate", "ZMBLEG"),
    ("Kenya's National Assembly met on Monday.", "Kenya's National Assembly", "KENLEG"),
    ("Darfur rebels attacked a convoy.", "Darfur rebels", "SDNREB"),
    ("Benghazi protesters marched on Friday.", "Benghazi protesters", "LBYCVL"),
    ("New York protesters marched on Friday.", "New York protesters", "USACVL"),
    ("Kenyan assembly workers went on strike.", "Kenyan assembly workers", "KENLAB"),
])
def test_group_noun_with_country_after(nlp: Language, text: str, name: str, code: str) -> None:
    assert code_of(run(nlp, text), name) == code


def test_troops_in_a_country_are_not_that_country(nlp: Language) -> None:
    mentions = run(nlp, "Troops in Iraq were put on alert.")
    assert all(m.actor is None or m.actor.code != "IRQMIL" for m in mentions)


def test_apposition_is_one_person(nlp: Language) -> None:
    mentions = run(nlp, "Sergei Lavrov, Russia's foreign minister, spoke to reporters.")
    (lavrov,) = [m for m in mentions if m.text.startswith("Sergei Lavrov")]
    assert lavrov.actor is not None and lavrov.actor.code == "RUSGOV"
    assert lavrov.actor.role == "foreign minister"
    mentions = run(nlp, "The talks were hosted by Amadou Toure, the Malian president.")
    (toure,) = [m for m in mentions if m.text.startswith("Amadou")]
    assert toure.actor is not None and toure.actor.code == "MLIGOV"
    assert toure.actor.name == "Amadou Toure" and toure.actor.role == "president"


def test_role_with_demonym_and_unknown_name(nlp: Language) -> None:
    mentions = run(nlp, "Zambian President Chanda Mulenga opened the session.")
    (m,) = [m for m in mentions if "Mulenga" in m.text]
    assert m.actor is not None and m.actor.code == "ZMBGOV" and m.actor.name == "Chanda Mulenga"


def test_product_name_is_not_the_company(nlp: Language) -> None:
    mentions = run(nlp, "India ordered twelve Sukhoi Su-30 jets.")
    assert all(m.text != "Sukhoi" for m in mentions)


def test_country_of_place() -> None:
    kb = load_kb()
    assert kb.country_of_place("Moscow") == "RUS"
    assert kb.country_of_place("the Kremlin") == "RUS"
    assert kb.country_of_place("Shanghai") == "CHN"
    assert kb.country_of_place("Vladivostok") == "RUS"
    assert kb.country_of_place("Hong\u2009Kong") == "HKG"  # odd whitespace does not matter
    assert kb.country_of_place("Zarvangrad") is None
    assert "Shanghai" not in kb.places  # cities do not block actors
    assert kb.region("WST") is not None and kb.igo("WST") is None


def test_world_cities_come_after_the_curated_names() -> None:
    kb = load_kb()
    assert kb.country_of_place("Samarra") == "IRQ"  # world_places.tsv (GeoNames)
    assert kb.country_of_place("Kandahar") == "AFG"
    assert kb.country_of_place("Tripoli") == "LBY"  # outweighs Lebanon's Tripoli
    assert kb.country_of_place("Moscow") == "RUS"  # the capital, not Moscow, Idaho
    assert kb.country_of_place("Obama") is None  # a town in Japan, but a known surname
    assert "Samarra" not in kb.places


def test_an_attack_on_a_world_city_targets_its_country(nlp: Language) -> None:
    from dyad.nlp.pipeline import cached_pipeline

    full = cached_pipeline()
    doc = full.make_doc("Syrian troops shelled rebel positions in Samarra on Monday.")
    doc._.dyad_doc_id = "t1"
    doc._.dyad_published = None
    (event,) = full(doc)._.dyad_events
    assert event.plover == "ASSAULT" and event.target_codes == ("IRQ",)


def test_names_split_by_odd_spaces_still_match(nlp: Language) -> None:
    text = "Narendra\u2009Modi flew to New\u202fZealand."
    mentions = run(nlp, text)
    assert code_of(mentions, "Narendra\u2009Modi") == "INDGOV"
    assert code_of(mentions, "New\u202fZealand") == "NZL"


def test_regions_give_their_country() -> None:
    kb = load_kb()
    assert kb.country_of_place("Darfur") == "SDN"
    assert kb.country_of_place("Northern Ireland") == "GBR"
    assert kb.country_of_place("Xinjiang") == "CHN"
    assert kb.country_of_place("Crimea") is None  # disputed places are left out
    assert kb.country_of_place("Borno State") == kb.country_of_place("Borno state") == "NGA"


def test_a_region_name_with_a_country_word_is_still_no_actor(nlp: Language) -> None:
    mentions = run(nlp, "Police in Northern Ireland arrested two men.")
    assert all(m.actor is None or not m.actor.code.startswith("IRL") for m in mentions)


def test_an_ethnic_group_is_not_the_state_of_its_name(nlp: Language) -> None:
    mentions = run(nlp, "Ethnic Koreans in Japan marched in Osaka.")
    assert all(m.actor is None or not m.actor.code.startswith("KOR") for m in mentions)
    mentions = run(nlp, "Ethnic Chilean separatists in Peru attacked a police post.")
    assert code_of(mentions, "separatists in Peru") == "PERREB"


def test_an_organisation_named_after_a_country_and_its_bracketed_acronym(nlp: Language) -> None:
    text = ("The Chilean Union of Miners (CUM) called a strike on Monday. "
            "The CUM said talks had failed.")
    mentions = run(nlp, text)
    assert code_of(mentions, "Chilean Union of Miners") == "CHLLAB"
    assert [m.actor.code for m in mentions if m.text == "CUM" and m.actor] == ["CHLLAB"] * 2


def test_a_bracketed_acronym_after_a_person_or_unknown_body_stays_unknown(nlp: Language) -> None:
    mentions = run(nlp, "The Zarvan Liberation Council (ZLC) met on Monday.")
    assert all(m.actor is None for m in mentions if m.text == "ZLC")


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The Organization of African Unity condemned the coup.",
     "Organization of African Unity", "IGOOAU"),
    ("ECOWAS leaders met in Abuja.", "ECOWAS leaders", "IGOWAS"),
    ("The UNHCR sent tents to the camp.", "UNHCR", "IGOUHC"),
    ("The Warsaw Pact held manoeuvres.", "Warsaw Pact", "IGOWSP"),
])
def test_more_international_organisations(nlp: Language, text: str, name: str, code: str) -> None:
    assert code_of(run(nlp, text), name) == code


def test_a_people_of_another_state_is_not_the_state_of_its_name(nlp: Language) -> None:
    mentions = run(nlp, "The Peruvians of northern Chile demanded autonomy.")
    assert all(m.actor is None or not m.actor.code.startswith("PER") for m in mentions)
    assert code_of(run(nlp, "The Peruvians of Lima demanded autonomy."), "Peruvians") == "PER"
    assert code_of(run(nlp, "The Peruvians have demanded talks."), "Peruvians") == "PER"


def test_a_place_before_officials_or_troops_gives_no_country(nlp: Language) -> None:
    mentions = run(nlp, "Benghazi officials met the Darfur troops.")
    named = ("Benghazi officials", "Darfur troops")
    assert all(m.actor is None for m in mentions if m.text in named)
