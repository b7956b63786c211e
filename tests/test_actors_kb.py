"""The actor knowledge base: packaged tables and the lookups other stages call."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.errors import KnowledgeBaseError
from dyad.nlp.actors import kb as kbmod
from dyad.nlp.actors.kb import load_kb


def test_load_is_cached_and_covers_every_iso_country() -> None:
    kb = load_kb()
    assert kb is load_kb()
    assert len(kb.countries) >= 249
    russia = kb.country("RUS")
    assert russia is not None and "Russian Federation" in russia.aliases
    assert "Kremlin" in russia.seats and russia.leader == "president"
    assert kb.country("SUN") is not None  # the USSR, for historical mentions


def test_people_terms_and_holders() -> None:
    kb = load_kb()
    (medvedev,) = kb.people_named("Dmitry Medvedev")
    assert kb.people_named("Dmitri Medvedev") == (medvedev,)
    roles = [t.role for t in kb.terms(medvedev)]
    assert roles[:2] == ["president", "prime minister"]
    assert kb.term_on(medvedev, date(2013, 1, 1)).role == "prime minister"  # type: ignore[union-attr]
    assert [p.name for p in kb.holders("GBR", "prime minister", date(2015, 6, 1))] == [
        "David Cameron"]
    (putin,) = kb.people_named("Putin")
    current = kb.terms(putin)[-1]
    assert current.role == "president" and current.end is None
    assert kb.term_on(putin, date(2000, 2, 1)).role == "acting president"  # type: ignore[union-attr]


def test_partial_dates_cover_their_period() -> None:
    assert kbmod._day("2013-11", end=False, where="t") == date(2013, 11, 1)
    assert kbmod._day("2013-02", end=True, where="t") == date(2013, 2, 28)
    assert kbmod._day("2001", end=True, where="t") == date(2001, 12, 31)
    with pytest.raises(KnowledgeBaseError):
        kbmod._day("2001-13-40", end=False, where="t")


def test_organisations_and_roles() -> None:
    kb = load_kb()
    gazprom = kb.organisation_named("Gazprom")
    assert gazprom is not None and (gazprom.country, gazprom.sector) == ("RUS", "BUS")
    assert kb.organisation_named("Great Wall").cues  # type: ignore[union-attr]
    assert kb.role("Defence Minister").sector == "MIL"  # type: ignore[union-attr]
    assert kb.role("secretary of state").role == "foreign minister"  # type: ignore[union-attr]
    assert kb.igo("IGOUNO") is not None


def test_every_person_row_is_consistent() -> None:
    kb = load_kb()
    for person in kb.people.values():
        for term in kb.terms(person):
            assert term.end is None or term.start <= term.end, person.name
            assert term.country in kb.countries or term.country in kb.igos
            assert term.role in {r.role for r in kb.roles.values()} | {
                "deputy chairman of the security council", "secretary of the security council"}
