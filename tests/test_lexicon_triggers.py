"""Trigger rules added for the CAMEO codes news commonly expresses (issue 4): one sentence
per family of rules that should be coded, and readings of the same words that should not.

Our own sentences; the parse is the real model's, actors are given by hand.
"""

from __future__ import annotations

import pytest

from dyad.nlp.events import lexicon
from eventkit import assert_coded, bare_nlp, coded_label, events


@pytest.fixture(scope="module")
def nlp():
    return bare_nlp()


# (sentence, actors, CAMEO code, PLOVER label, sources, targets)
CODED = [
    # CONSULT, SUPPORT, AGREE
    (
        "Chile spoke by telephone with Peru.",
        {"Chile": "CHL", "Peru": "PER"},
        "041",
        "CONSULT",
        ("CHL",),
        ("PER",),
    ),
    (
        "Chile held a phone call with Peru.",
        {"Chile": "CHL", "Peru": "PER"},
        "041",
        "CONSULT",
        ("CHL",),
        ("PER",),
    ),
    (
        "Chile struck a deal with Peru.",
        {"Chile": "CHL", "Peru": "PER"},
        "057",
        "SUPPORT",
        ("CHL",),
        ("PER",),
    ),
    (
        "Ghana offered an apology to Togo.",
        {"Ghana": "GHA", "Togo": "TGO"},
        "055",
        "SUPPORT",
        ("GHA",),
        ("TGO",),
    ),
    (
        "Ghana rallied its neighbours behind the plan.",
        {"Ghana": "GHA"},
        "053",
        "SUPPORT",
        ("GHA",),
        (),
    ),
    (
        "Mali vowed to retaliate against Niger.",
        {"Mali": "MLI", "Niger": "NER"},
        "138",
        "THREATEN",
        ("MLI",),
        ("NER",),
    ),
    # COOPERATE, AID
    (
        "Spain sold patrol boats to Morocco.",
        {"Spain": "ESP", "Morocco": "MAR"},
        "061",
        "COOPERATE",
        ("ESP",),
        ("MAR",),
    ),
    (
        "Spain trained Moroccan officers.",
        {"Spain": "ESP", "Moroccan": "MAR"},
        "062",
        "COOPERATE",
        ("ESP",),
        ("MAR",),
    ),
    ("Spain trained its pilots in the desert.", {"Spain": "ESP"}, "150", "MOBILIZE", ("ESP",), ()),
    (
        "Spanish and Moroccan ships conducted a joint patrol.",
        {"Spanish": "ESP", "Moroccan": "MAR"},
        "062",
        "COOPERATE",
        ("ESP", "MAR"),
        (),
    ),
    (
        "Japan agreed to forgive Laos's debt.",
        {"Japan": "JPN", "Laos": "LAO"},
        "071",
        "AGREE",
        ("JPN",),
        ("LAO",),
    ),
    (
        "Italy supplied weapons to Tunisia.",
        {"Italy": "ITA", "Tunisia": "TUN"},
        "072",
        "AID",
        ("ITA",),
        ("TUN",),
    ),
    # CONCEDE, RETREAT
    ("Peru lifted the curfew in Cusco.", {"Peru": "PER"}, "0813", "CONCEDE", ("PER",), ()),
    ("Peru lifted the state of emergency.", {"Peru": "PER"}, "0814", "CONCEDE", ("PER",), ()),
    (
        "Armenia and Azerbaijan exchanged prisoners.",
        {"Armenia": "ARM", "Azerbaijan": "AZE"},
        "0841",
        "RETREAT",
        ("ARM", "AZE"),
        (),
    ),
    ("Iran released the seized tanker.", {"Iran": "IRN"}, "0842", "RETREAT", ("IRN",), ()),
    ("Sudan suspended its offensive in Darfur.", {"Sudan": "SDN"}, "087", "RETREAT", ("SDN",), ()),
    # SANCTION
    (
        "Canada withdrew from the treaty with Chile.",
        {"Canada": "CAN", "Chile": "CHL"},
        "160",
        "SANCTION",
        ("CAN",),
        ("CHL",),
    ),
    ("Canada quit the alliance.", {"Canada": "CAN"}, "160", "SANCTION", ("CAN",), ()),
    (
        "Canada closed its embassy in Iran.",
        {"Canada": "CAN", "Iran": "IRN"},
        "161",
        "SANCTION",
        ("CAN",),
        ("IRN",),
    ),
    (
        "Canada halted imports from Chile.",
        {"Canada": "CAN", "Chile": "CHL"},
        "160",
        "SANCTION",
        ("CAN",),
        ("CHL",),
    ),
    # ACCUSE
    (
        "Poland summoned the Belarusian ambassador.",
        {"Poland": "POL", "Belarusian": "BLR"},
        "114",
        "ACCUSE",
        ("POL",),
        ("BLR",),
    ),
    (
        "Poland lodged a protest with Belarus.",
        {"Poland": "POL", "Belarus": "BLR"},
        "114",
        "ACCUSE",
        ("POL",),
        ("BLR",),
    ),
    (
        "Poland accused Belarus of espionage.",
        {"Poland": "POL", "Belarus": "BLR"},
        "1125",
        "ACCUSE",
        ("POL",),
        ("BLR",),
    ),
    (
        "Poland voiced concern over Belarusian actions.",
        {"Poland": "POL"},
        "111",
        "ACCUSE",
        ("POL",),
        (),
    ),
    (
        "Poland's criticism of Belarus grew.",
        {"Poland": "POL", "Belarus": "BLR"},
        "111",
        "ACCUSE",
        ("POL",),
        ("BLR",),
    ),
    # REQUEST
    (
        "Norway urged Iran to release the sailors.",
        {"Norway": "NOR", "Iran": "IRN"},
        "1053",
        "REQUEST",
        ("NOR",),
        ("IRN",),
    ),
    (
        "Norway called for talks with Iran.",
        {"Norway": "NOR", "Iran": "IRN"},
        "106",
        "REQUEST",
        ("NOR",),
        (),
    ),
    # REJECT
    (
        "Cuba declined the invitation from Mexico.",
        {"Cuba": "CUB", "Mexico": "MEX"},
        "120",
        "REJECT",
        ("CUB",),
        ("MEX",),
    ),
    (
        "Cuba's refusal to negotiate angered Mexico.",
        {"Cuba": "CUB", "Mexico": "MEX"},
        "120",
        "REJECT",
        ("CUB",),
        (),
    ),
    # THREATEN
    (
        "Turkey threatened to expel the Swedish ambassador.",
        {"Turkey": "TUR", "Swedish": "SWE"},
        "136",
        "THREATEN",
        ("TUR",),
        ("SWE",),
    ),
    # PROTEST
    (
        "Nigerian nurses went on a hunger strike.",
        {"Nigerian": "NGA"},
        "142",
        "PROTEST",
        ("NGA",),
        ("NGA",),
    ),
    (
        "Nigerian teachers went on strike.",
        {"Nigerian": "NGA"},
        "143",
        "PROTEST",
        ("NGA",),
        ("NGA",),
    ),
    (
        "Nigerian students protested in the streets of Abuja.",
        {"Nigerian": "NGA"},
        "141",
        "PROTEST",
        ("NGA",),
        ("NGA",),
    ),
    # MOBILIZE
    ("Egypt put its forces on high alert.", {"Egypt": "EGY"}, "152", "MOBILIZE", ("EGY",), ()),
    (
        "Egypt sent troops to Libya.",
        {"Egypt": "EGY", "Libya": "LBY"},
        "154",
        "MOBILIZE",
        ("EGY",),
        ("LBY",),
    ),
    (
        "Egypt stationed missiles in Libya.",
        {"Egypt": "EGY", "Libya": "LBY"},
        "154",
        "MOBILIZE",
        ("EGY",),
        ("LBY",),
    ),
    ("Pakistan tested a cruise missile.", {"Pakistan": "PAK"}, "150", "MOBILIZE", ("PAK",), ()),
    # COERCE
    (
        "Hungary closed its border with Croatia.",
        {"Hungary": "HUN", "Croatia": "HRV"},
        "191",
        "COERCE",
        ("HUN",),
        ("HRV",),
    ),
    (
        "Turkey annexed the northern strip of Syria.",
        {"Turkey": "TUR", "Syria": "SYR"},
        "192",
        "COERCE",
        ("TUR",),
        ("SYR",),
    ),
    (
        "The US revoked the visas of Iranian officials.",
        {"US": "USA", "Iranian": "IRNGOV"},
        "172",
        "COERCE",
        ("USA",),
        ("IRNGOV",),
    ),
    # ASSAULT
    (
        "Iran took two Danish sailors hostage.",
        {"Iran": "IRN", "Danish": "DNK"},
        "181",
        "ASSAULT",
        ("IRN",),
        ("DNK",),
    ),
    (
        "Iran executed two Danish nationals.",
        {"Iran": "IRN", "Danish": "DNK"},
        "180",
        "ASSAULT",
        ("IRN",),
        ("DNK",),
    ),
    (
        "Syrian forces used chemical weapons against rebels.",
        {"Syrian": "SYR"},
        "2041",
        "ASSAULT",
        ("SYR",),
        (),
    ),
    ("Sudan violated the ceasefire.", {"Sudan": "SDN"}, "196", "ASSAULT", ("SDN",), ()),
    (
        "Israeli police dispersed Palestinian protesters.",
        {"Israeli": "ISRCOP", "Palestinian": "PSE"},
        "175",
        "ASSAULT",
        ("ISRCOP",),
        ("PSE",),
    ),
]


@pytest.mark.parametrize("text,actors,cameo,label,sources,targets", CODED)
def test_new_trigger_families_are_coded(nlp, text, actors, cameo, label, sources, targets):
    assert_coded(nlp, text, actors, cameo, label, sources, targets)


# Same words, no event: idioms, non-political objects, relative clauses on an agreement.
NOT_CODED = [
    ("Chile declined to comment on the report.", {"Chile": "CHL"}),
    ("Chile refused to comment on the incident.", {"Chile": "CHL"}),
    ("The deal Chile struck with Peru is worth billions.", {"Chile": "CHL", "Peru": "PER"}),
    ("Chile released a statement on Peru.", {"Chile": "CHL", "Peru": "PER"}),
    ("Chile executed the plan.", {"Chile": "CHL"}),
    ("Chile returned to the island of Chiloe.", {"Chile": "CHL"}),
    ("Chilean troops patrol the area regularly.", {"Chilean": "CHL"}),
    ("Chilean students receive military training every summer.", {"Chilean": "CHL"}),
    ("Countries burdened by Chilean loans complained.", {"Chilean": "CHL"}),
    ("Chile's state company halted operations at the mine.", {"Chile": "CHL"}),
]


@pytest.mark.parametrize("text,actors", NOT_CODED)
def test_other_readings_are_not_coded(nlp, text, actors):
    assert [(e.trigger, e.cameo) for e in events(nlp, text, actors)] == []


def test_reluctance_negates_the_governed_event(nlp):
    text = "Chile has been reluctant to sell its fighter jets to Peru."
    (ev,) = events(nlp, text, {"Chile": "CHL", "Peru": "PER"})
    assert ev.cameo == "061" and ev.negated and coded_label(ev) == "REJECT"


def test_lifting_a_curfew_is_concede_as_the_manual_says():
    assert lexicon.code_info("0813").plover == "CONCEDE"
    assert lexicon.code_info("0814").plover == "CONCEDE"
    assert lexicon.code_info("0841").plover == "RETREAT"  # the release itself is material


def test_argument_rows_pick_the_finer_code():
    assert lexicon.match("accuse", "V", {"of", "espionage"}).cameo == "1125"
    assert lexicon.match("accuse", "V", {"of", "letter"}).cameo == "112"
    assert lexicon.match("withdraw", "V", {"troops"}).cameo == "0872"
    assert lexicon.match("withdraw", "V", {"from", "treaty"}).cameo == "160"
    assert lexicon.match("call", "V", {"off", "talks"}).cameo == "164"  # "called off", not "for"
    assert lexicon.match("call", "V", {"off", "protest"}).cameo == "082"
    assert lexicon.match("call", "V", {"off", "search"}) is None  # both words needed
    assert lexicon.match("call", "V", {"for", "talks"}).cameo == "106"
    assert lexicon.match("decline", "V", {"to", "comment"}) is None
    assert lexicon.kind_of("unwilling") == "negator"
