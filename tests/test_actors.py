"""The dyad_actors component on the real spaCy pipeline, with sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from dyad.types import ActorMention, PublicationDate
from stagekit import actors_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return actors_nlp()


def run(nlp: Language, text: str, day: date | None = None) -> list[ActorMention]:
    doc = nlp.make_doc(text)
    doc._.dyad_published = PublicationDate(day, "given", 1.0, "test") if day else None
    mentions = nlp(doc)._.dyad_actors
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start, "mentions overlap"
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return mentions


def codes(mentions: list[ActorMention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor.code if m.actor else None) for m in mentions]


def find(mentions: list[ActorMention], text: str) -> ActorMention:
    hits = [m for m in mentions if m.text == text]
    assert hits, f"no mention {text!r} in {codes(mentions)}"
    return hits[0]


def test_countries_and_demonyms(nlp: Language) -> None:
    found = codes(run(nlp, "Vietnam and the United Kingdom criticised the Indian proposal."))
    assert found == [("Vietnam", "VNM"), ("United Kingdom", "GBR"), ("Indian", "IND")]
    plural = find(run(nlp, "Wealthy Russians moved their savings abroad."), "Russians")
    assert plural.actor is not None and plural.actor.code == "RUS"
    assert plural.actor.kind == "group"


def test_capitals_and_seats_as_metonyms(nlp: Language) -> None:
    found = codes(run(nlp, "Tokyo protested, and the Kremlin and Downing Street stayed silent."))
    assert found == [("Tokyo", "JPNGOV"), ("Kremlin", "RUSGOV"), ("Downing Street", "GBRGOV")]
    # A capital after "in" is where something happened, not who acted.
    assert codes(run(nlp, "The envoys had lunch in Ottawa.")) == []


def test_igos(nlp: Language) -> None:
    found = codes(run(nlp, "The UN Security Council, the SCO and NATO issued statements."))
    assert found == [("UN Security Council", "IGOUSC"), ("SCO", "IGOSCO"), ("NATO", "IGONAT")]


def test_unknown_body_named_after_an_igo_is_its_organ(nlp: Language) -> None:
    found = codes(run(nlp, "The European Union Naval Force freed a Somali fishing boat."))
    assert found[0] == ("European Union Naval Force", "IGOEUR")
    name = "UN Development Programme"
    organ = find(run(nlp, f"The {name} will fund schools."), name)
    assert organ.actor is not None and organ.actor.name == name


def test_role_and_name_form_one_mention(nlp: Language) -> None:
    mentions = run(
        nlp, "Indian Prime Minister Narendra Modi greeted the delegation.", date(2016, 3, 1)
    )
    m = find(mentions, "Indian Prime Minister Narendra Modi")
    assert m.actor is not None
    assert (m.actor.code, m.actor.kind, m.actor.name, m.actor.role) == (
        "INDGOV",
        "person",
        "Narendra Modi",
        "prime minister",
    )


def test_role_alone_resolves_by_publication_date(nlp: Language) -> None:
    text = "The Chinese president will travel to Brazil next week."
    in_2010 = find(run(nlp, text, date(2010, 6, 1)), "Chinese president").actor
    in_2016 = find(run(nlp, text, date(2016, 6, 1)), "Chinese president").actor
    undated = find(run(nlp, text), "Chinese president").actor
    assert in_2010 is not None and in_2010.name == "Hu Jintao"
    assert in_2016 is not None and in_2016.name == "Xi Jinping"
    assert undated is not None and (undated.code, undated.name, undated.role) == (
        "CHNGOV",
        None,
        "president",
    )


def test_named_person_gets_the_sector_of_the_role_held_that_day(nlp: Language) -> None:
    text = "Medvedev signed the decree on Tuesday."
    as_president = find(run(nlp, text, date(2010, 2, 2)), "Medvedev").actor
    as_premier = find(run(nlp, text, date(2016, 2, 2)), "Medvedev").actor
    assert as_president is not None and as_president.role == "president"
    assert as_premier is not None and as_premier.role == "prime minister"
    shoigu_2015 = find(run(nlp, "Shoigu inspected the base.", date(2015, 1, 5)), "Shoigu")
    assert shoigu_2015.actor is not None and shoigu_2015.actor.code == "RUSMIL"


def test_name_coreference_within_a_document(nlp: Language) -> None:
    text = (
        "Xi Jinping arrived in Hanoi on Monday. Mr. Xi toured a factory, and later the "
        "Chinese leader met students. The two leaders then had dinner."
    )
    mentions = run(nlp, text)
    for surface in ("Xi Jinping", "Mr. Xi", "Chinese leader"):
        actor = find(mentions, surface).actor
        assert actor is not None and actor.name == "Xi Jinping", surface
    assert not [m for m in mentions if "two leaders" in m.text]


def test_stated_role_carries_to_later_surname(nlp: Language) -> None:
    text = "French Foreign Minister Laurent Fabius landed in Seoul. Fabius spoke briefly."
    later = [m for m in run(nlp, text) if m.text == "Fabius"]
    assert later and later[0].actor is not None and later[0].actor.role == "foreign minister"


def test_companies_and_media(nlp: Language) -> None:
    mentions = run(
        nlp,
        "Russian state-owned oil company Rosneft hired Korean engineers, and "
        "Xinhua reported that Russian bank VTB agreed.",
    )
    rosneft = find(mentions, "Russian state-owned oil company Rosneft").actor
    assert rosneft is not None and (rosneft.code, rosneft.name) == ("RUSBUS", "Rosneft")
    assert find(mentions, "Xinhua").actor.code == "CHNMED"  # type: ignore[union-attr]
    assert find(mentions, "Russian bank VTB").actor.code == "RUSBUS"  # type: ignore[union-attr]


def test_compounds(nlp: Language) -> None:
    found = codes(
        run(
            nlp,
            "The Sino-Indian border talks and the Russia-Japan dispute alarmed U.S.-backed Taiwan.",
        )
    )
    assert found == [
        ("Sino", "CHN"),
        ("Indian", "IND"),
        ("Russia", "RUS"),
        ("Japan", "JPN"),
        ("U.S.", "USA"),
        ("Taiwan", "TWN"),
    ]


def test_demonym_with_sector_nouns(nlp: Language) -> None:
    found = codes(
        run(
            nlp,
            "Japanese officials said Chinese military leaders had sent a "
            "Chinese missile destroyer to the area.",
        )
    )
    assert found == [
        ("Japanese officials", "JPNGOV"),
        ("Chinese military leaders", "CHNMIL"),
        ("Chinese missile destroyer", "CHNMIL"),
    ]


def test_coordinated_demonyms_share_the_role(nlp: Language) -> None:
    found = codes(run(nlp, "Indian and Chinese diplomats met again."))
    assert found == [("Indian", "INDGOV"), ("Chinese diplomats", "CHNGOV")]


def test_the_side_of_a_country_is_the_country(nlp: Language) -> None:
    side = find(run(nlp, "The Japanese side rejected the draft."), "Japanese side").actor
    assert side is not None and (side.code, side.kind) == ("JPN", "country")


def test_possessive_company_is_one_mention(nlp: Language) -> None:
    found = codes(run(nlp, "Russia's state-owned Transneft and China's Sinopec signed."))
    assert found == [("Russia's state-owned Transneft", "RUSBUS"), ("China's Sinopec", "CHNBUS")]


def test_igo_officials(nlp: Language) -> None:
    mentions = run(
        nlp, "NATO Secretary General Jens Stoltenberg thanked UN peacekeepers.", date(2019, 4, 4)
    )
    chief = find(mentions, "NATO Secretary General Jens Stoltenberg").actor
    assert chief is not None and (chief.code, chief.kind) == ("IGONAT", "person")
    troops = find(mentions, "UN peacekeepers").actor
    assert troops is not None and (troops.code, troops.sector) == ("IGOUNO", "MIL")


def test_qualified_roles_do_not_resolve_to_the_office_holder(nlp: Language) -> None:
    mentions = run(
        nlp,
        "The Russian deputy defence minister visited Minsk. Former President "
        "Jacques Chirac wrote a book.",
        date(2012, 3, 3),
    )
    deputy = find(mentions, "Russian deputy defence minister").actor
    assert deputy is not None and deputy.name is None and deputy.code == "RUSMIL"
    former = find(mentions, "Former President Jacques Chirac").actor
    assert former is not None and former.code == "FRAELI"


def test_unknown_person_is_kept_without_an_actor(nlp: Language) -> None:
    mentions = run(nlp, "Yaroslav Tikhomirenko, a fisherman, said the catch was poor.")
    unknown = find(mentions, "Yaroslav Tikhomirenko")
    assert unknown.actor is None


def test_places_and_metaphors_are_not_actors(nlp: Language) -> None:
    text = (
        "Ships crossed the South China Sea near the Korean Peninsula. Critics called the "
        "firewall a digital Great Wall of China. A Moscow-based analyst praised the "
        "Soviet-era design, and pro-Russian militias protested."
    )
    found = codes(run(nlp, text))
    assert ("China", "CHN") not in found[:1]
    assert not [f for f in found if f[1] and f[1].startswith(("RUS", "SUN"))]
    assert not [f for f in found if f[0].startswith("Great Wall")]
    islands = run(nlp, "Patrol boats circled the Senkaku Islands again.")
    assert not [m for m in islands if "Islands" in m.text]
    metaphor = run(nlp, "Together the two governments raised a new Great Wall of trust.")
    assert not [m for m in metaphor if "Great Wall" in m.text]
    automaker = codes(run(nlp, "The Chinese automaker Great Wall opened a plant."))
    assert automaker == [("Chinese automaker Great Wall", "CHNBUS")]


def test_a_language_is_not_its_people(nlp: Language) -> None:
    text = "The court allowed the Russian language in schools and lessons in Chinese characters."
    assert codes(run(nlp, text)) == []
    assert codes(run(nlp, "Russian speakers protested.")) == [("Russian", "RUS")]


def test_country_inside_an_organisation_name(nlp: Language) -> None:
    mentions = run(
        nlp,
        "A researcher at the Brazilian Space Agency disagreed, and so did "
        "the Mongolia Fishing Cooperative.",
    )
    assert not [m for m in mentions if m.text in ("Brazilian", "Mongolia")]
    agency = [m for m in mentions if "Space Agency" in m.text]
    assert agency and agency[0].actor is not None
    assert (agency[0].actor.code, agency[0].actor.name) == ("BRAGOV", "Brazilian Space Agency")


def test_ambiguous_organisation_names_need_their_context(nlp: Language) -> None:
    found = codes(
        run(
            nlp,
            "Delegates gathered for the Party Congress in Hanoi. Republicans in Congress objected.",
        )
    )
    assert found == [("Congress", "USALEG")]


def test_groups_placed_where_they_live(nlp: Language) -> None:
    found = codes(run(nlp, "Students throughout Peru and farmers across Kenya marched."))
    assert ("Students throughout Peru", "PEREDU") in found
    assert ("farmers across Kenya", "KENCVL") in found
    # armed forces "across" a country may be foreign: no country from the place alone
    assert not any(
        c and c.endswith("MIL") for _t, c in codes(run(nlp, "Troops across Iraq waited."))
    )


def test_organisations_added_from_news_coverage(nlp: Language) -> None:
    found = codes(run(nlp, "Libyan NTC fighters entered the town, and the FBI warned donors."))
    assert [f for f in found if f[0].startswith(("NTC", "Libyan NTC")) and f[1] == "LBYREB"]
    assert ("FBI", "USAGOV") in found
    mali = codes(run(nlp, "Mali's National Transitional Council met on Sunday."))
    assert not [f for f in mali if f[1] and f[1].startswith("LBY")]
    taiwan = codes(run(nlp, "Taiwan's Centers for Disease Control criticised the plan."))
    assert not [f for f in taiwan if f[1] and f[1].startswith("USA")]
