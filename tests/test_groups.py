"""Group actors: "the West" keeps its code WST, shows its members and is found by them."""

from __future__ import annotations

from datetime import date

from dyad.nlp.actors import groups
from dyad.nlp.actors.kb import load_kb
from dyad.report.chronology import EventFilter, actor_labels, event_rows_of
from dyad.types import DateRange, Event, EventMention, Provenance

_TEXT = "Western sanctions on Russia hit its banks."


def _sanction(when: DateRange | None) -> Event:
    mention = EventMention(
        doc_id="d", sentence=Provenance("d", 0, len(_TEXT), _TEXT), trigger_start=8,
        trigger_end=17, trigger="sanctions", plover="SANCTION", cameo="163", quad_class=4,
        goldstein=-8.0,
    )  # fmt: skip
    return Event(event_id="e", plover="SANCTION", cameo="163", quad_class=4, goldstein=-8.0,
                 sources=("WST",), targets=("RUS",), when=when, summary=_TEXT,
                 mentions=(mention,))  # fmt: skip


def test_members_are_known_codes_and_dated() -> None:
    kb = load_kb()
    for group in groups.groups():
        assert kb.region(group) is not None
        for member in groups.members(group):
            assert kb.country(member) is not None or kb.igo(member) is not None, member
    assert {"USA", "IGOEUR"} <= set(groups.members("WST", date(2014, 5, 1)))
    assert "IGOEUR" not in groups.members("WST", date(1950, 1, 1))  # founded 1958
    assert groups.members("WSTGOV") == groups.members("WST")  # a sector keeps the group
    assert groups.members("RUS") == ()


def test_actor_filter_finds_a_group_by_its_members_but_not_others() -> None:
    event = _sanction(DateRange(date(2014, 7, 29), date(2014, 7, 29), "2014-07-29", "day"))
    assert EventFilter(actors=("USA",)).accepts(event)
    assert EventFilter(actors=("USA", "RUS")).accepts(event)
    assert not EventFilter(actors=("CHN",)).accepts(event)


def test_rows_and_labels_show_the_group_with_its_members() -> None:
    (row,) = event_rows_of([_sanction(None)], {}, EventFilter())
    assert row["source"] == ["WST"] and "USA" in row["members"]["WST"]
    label = actor_labels(row["source"], row["source_unresolved"], row["members"])[0]
    assert label.startswith("WST (") and "USA" in label and "IGOEUR" in label
    assert actor_labels(["RUS"], ["Hamas"]) == ["RUS", "Hamas (?)"]
