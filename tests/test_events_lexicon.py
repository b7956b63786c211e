"""The CAMEO/PLOVER tables and our decisions on their quirks (docs/events.md)."""

from __future__ import annotations

import pytest

from dyad.nlp.events import lexicon


def test_every_lexicon_code_is_in_the_tables():
    table = lexicon.code_table()
    rules = [r for rs in lexicon.trigger_rules().values() for r in rs if r.kind == "event"]
    assert len(rules) > 200
    assert all(r.cameo in table for r in rules)


@pytest.mark.parametrize(
    "code,plover,quad,score",
    [
        ("057", "SUPPORT", 1, 8.0),
        ("042", "CONSULT", 1, 1.9),
        ("062", "COOPERATE", 2, 7.4),
        ("112", "ACCUSE", 3, -2.0),
        ("129", "REJECT", 3, -5.0),
        ("163", "SANCTION", 4, -8.0),  # the manual over the PLOVER table's COERCE
        ("190", "ASSAULT", 4, -10.0),
        ("0312", "AGREE", 1, 5.2),
        ("1214", "REJECT", 3, -4.0),  # not in the Goldstein table: its parent's score
    ],
)
def test_code_info(code, plover, quad, score):
    info = lexicon.code_info(code)
    assert (info.plover, info.quad_class, info.goldstein) == (plover, quad, score)


def test_modes_follow_the_current_manual():
    assert lexicon.code_info("186").mode == "targeted"
    assert lexicon.code_info("1722").mode == "restrict"
    assert lexicon.code_info("085").mode is None
    assert lexicon.code_info("0811").context == "pro_democracy"
    assert lexicon.code_info("091").context == "crime"


def test_unknown_code_raises():
    with pytest.raises(KeyError):
        lexicon.code_info("999")


def test_argument_words_pick_the_code():
    assert lexicon.match("sign", "V", {"agreement"}).cameo == "057"
    assert lexicon.match("sign", "V", {"contract"}).cameo == "061"  # commercial exchange
    assert lexicon.match("sign", "V", {"letter"}) is None
    assert lexicon.match("impose", "V", {"curfew"}).cameo == "1723"
    assert lexicon.match("impose", "V", {"sanction"}).cameo == "163"
    assert lexicon.match("meet", "V", {"demand"}) is None  # excluded reading
    assert lexicon.match("meet", "V", {"with"}).cameo == "040"
    assert lexicon.kind_of("say") == "report" and lexicon.kind_of("agree") == "intent"


@pytest.mark.parametrize(
    "plover,future,negated,hypothetical,label",
    [
        ("COOPERATE", True, False, False, "AGREE"),
        ("CONSULT", True, False, False, "AGREE"),
        ("RETREAT", True, False, False, "AGREE"),
        ("SANCTION", True, False, False, "THREATEN"),
        ("ASSAULT", False, False, True, "THREATEN"),
        ("SUPPORT", False, True, False, "REJECT"),
        ("ASSAULT", False, True, False, "ASSAULT"),
        ("ACCUSE", True, False, False, "ACCUSE"),
        ("CONSULT", False, False, False, "CONSULT"),
    ],
)
def test_plover_label(plover, future, negated, hypothetical, label):
    assert (
        lexicon.plover_label(plover, future=future, negated=negated, hypothetical=hypothetical)
        == label
    )
