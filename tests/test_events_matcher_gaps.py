"""Matcher changes for words the lexicon rows alone could not reach: combined argument words
("called off the talks"), "out of" phrases, particles the parser tags as adverbs, adjectival
small clauses ("found X guilty"), mediation between parties, irregular forms the model
misreads, and infinitives completing an event noun ("refusal to comment").

Our own sentences; the parse is the real model's, actors are given by hand.
"""

from __future__ import annotations

import pytest

from dyad.nlp.events import lexicon
from eventkit import assert_coded, bare_nlp, events


@pytest.fixture(scope="module")
def nlp():
    return bare_nlp()


CODED = [
    # "out of" is seen like "from": what is left picks the code, its place is the target
    ("Russia pulled out of the treaty.", {"Russia": "RUS"}, "160", "SANCTION", ("RUS",), ()),
    (
        "Chile pulled out of the talks with Peru.",
        {"Chile": "CHL", "Peru": "PER"},
        "164",
        "SANCTION",
        ("CHL",),
        ("PER",),
    ),
    (
        "Russia pulled its troops out of Syria.",
        {"Russia": "RUS", "Syria": "SYR"},
        "0872",
        "RETREAT",
        ("RUS",),
        ("SYR",),
    ),
    # a row needing two words at once: particle "off" and the object
    (
        "Iran called off the talks with France.",
        {"Iran": "IRN", "France": "FRA"},
        "164",
        "SANCTION",
        ("IRN",),
        ("FRA",),
    ),
    # particles the parser tags as adverbs
    (
        "The Peruvian president stepped down on Monday.",
        {"Peruvian": "PERGOV"},
        "0831",
        "CONCEDE",
        ("PERGOV",),
        (),
    ),
    ("Chile backed down over the dispute.", {"Chile": "CHL"}, "080", "CONCEDE", ("CHL",), ()),
    # "found X guilty": the adjective of the small clause is an argument word
    (
        "A Chilean court found the Peruvian minister guilty of corruption.",
        {"Chilean": "CHLJUD", "Peruvian": "PERGOV"},
        "116",
        "ACCUSE",
        ("CHLJUD",),
        ("PERGOV",),
    ),
    (
        "The Peruvian minister was found guilty by a Chilean court.",
        {"Chilean": "CHLJUD", "Peruvian": "PERGOV"},
        "116",
        "ACCUSE",
        ("CHLJUD",),
        ("PERGOV",),
    ),
    # mediation: the mediator is the source, the parties between which it stands the targets
    (
        "Qatar brokered a truce between Israel and Hamas.",
        {"Qatar": "QAT", "Israel": "ISR", "Hamas": "PSEREB"},
        "045",
        "CONSULT",
        ("QAT",),
        ("ISR", "PSEREB"),
    ),
    (
        "Norway hosted talks between Israel and the Palestinians.",
        {"Norway": "NOR", "Israel": "ISR", "Palestinians": "PSE"},
        "045",
        "CONSULT",
        ("NOR",),
        ("ISR", "PSE"),
    ),
    (
        "Egypt launched a mediation effort between Israel and Hamas.",
        {"Egypt": "EGY", "Israel": "ISR", "Hamas": "PSEREB"},
        "045",
        "CONSULT",
        ("EGY",),
        ("ISR", "PSEREB"),
    ),
    (
        "Qatar's mediation between Israel and Hamas succeeded.",
        {"Qatar": "QAT", "Israel": "ISR", "Hamas": "PSEREB"},
        "045",
        "CONSULT",
        ("QAT",),
        ("ISR", "PSEREB"),
    ),
    # lemmas that lost their "e" to a noun ("staged" -> "stag", "waging" -> "wag")
    (
        "Kenyan students staged demonstrations in Nairobi.",
        {"Kenyan students": "KENEDU"},
        "141",
        "PROTEST",
        ("KENEDU",),
        ("KEN",),
    ),
    (
        "Chile lambasted Peru over the fishing dispute.",
        {"Chile": "CHL", "Peru": "PER"},
        "111",
        "ACCUSE",
        ("CHL",),
        ("PER",),
    ),
    # irregular forms the model misreads ("unfroze" as an adjective with lemma "unfroze")
    (
        "The US unfroze Iranian assets.",
        {"US": "USA", "Iranian": "IRN"},
        "085",
        "RETREAT",
        ("USA",),
        ("IRN",),
    ),
    (
        "Chile forgave Peru's debt.",
        {"Chile": "CHL", "Peru": "PER"},
        "071",
        "AID",
        ("CHL",),
        ("PER",),
    ),
]


@pytest.mark.parametrize("text,actors,cameo,label,sources,targets", CODED)
def test_matcher_reaches_these_rows(nlp, text, actors, cameo, label, sources, targets):
    assert_coded(nlp, text, actors, cameo, label, sources, targets)


NOT_CODED = [
    ("Chile's refusal to comment angered Peru.", {"Chile": "CHL", "Peru": "PER"}),
    ("Iran called off the search.", {"Iran": "IRN"}),
    ("The Chilean senator pulled out of the race.", {"Chilean": "CHLLEG"}),
    ("Chile stepped down its pressure on Peru.", {"Chile": "CHL", "Peru": "PER"}),
    (
        "A Chilean court found the Peruvian minister not guilty.",
        {"Chilean": "CHLJUD", "Peruvian": "PERGOV"},
    ),
    ("Chile found the proposal difficult.", {"Chile": "CHL"}),
    (
        "Norway hosted a football match between Israel and Spain.",
        {"Norway": "NOR", "Israel": "ISR", "Spain": "ESP"},
    ),
]


@pytest.mark.parametrize("text,actors", NOT_CODED)
def test_other_readings_stay_uncoded(nlp, text, actors):
    assert [(e.trigger, e.cameo) for e in events(nlp, text, actors)] == []


def test_combined_rows_come_first_and_dobj_stays_one_word():
    rules = lexicon.rules_for("pull", "V")
    assert [r.specificity for r in rules] == sorted((r.specificity for r in rules), reverse=True)
    (exclude,) = [r for r in lexicon.rules_for("step", "V") if r.kind == "exclude"]
    assert exclude.needs == (frozenset({"+dobj"}),) and exclude.specificity == 1


def test_irregular_forms_name_lexicon_verbs():
    for lemma in lexicon.IRREGULAR_FORMS.values():
        assert lexicon.rules_for(lemma, "V"), lemma


@pytest.mark.parametrize(
    "text,future,hypothetical",
    [
        ("The Peruvian president has to step down.", False, True),
        ("The Peruvian president was expected to step down.", True, False),
        ("The Peruvian president had to step down.", False, False),
    ],
)
def test_obligation_and_expectation_flags(nlp, text, future, hypothetical):
    (ev,) = events(nlp, text, {"Peruvian": "PERGOV"})
    assert ev.cameo == "0831"
    assert (ev.future, ev.hypothetical) == (future, hypothetical)
