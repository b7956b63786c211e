"""Whom a protest is aimed at when it names no target of its own.

1. What the protesters demand: a purpose clause names it ("continued their hunger strike
   to demand the resignation of Algerian President X" -> X; "rallied to call on the
   Kenyan government to ..." -> KENGOV).
2. Else their own country's authorities, as CAMEO and PLOVER code domestic protest
   ("Algerian farmers rioted" -> DZA -> DZA), for protesters who are not a state body.

And who protests, when the protesters are only named by what they are (`generic`):
people who protest in one country are that country's people, as the actor stage already
reads "protesters in Kenya" (`local_protesters`: "prisoners rioted at a jail in Dili"
-> TLS -> TLS). Only for PROTEST: "rebels attacked a town in Mali" says nothing of where
the rebels come from.
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.nlp.events import args as A
from dyad.nlp.events.modality import is_purpose_clause
from dyad.nlp.events.sectors import STATE_SECTORS
from dyad.nlp.events.triggers import Trigger, target_heads
from dyad.types import Actor, ActorMention


def protest_targets(
    index: A.ActorIndex, trig: Trigger, sources: Sequence[ActorMention]
) -> list[ActorMention]:
    """The targets of a PROTEST that names none (see the module docstring)."""
    aims = [
        h
        for clause in trig.anchor.children
        if is_purpose_clause(clause)
        for h in target_heads(clause)
    ]
    people = [m for m in sources if not _state_protesting(index, m, trig)]
    return A.actors_of(index, aims) or home_authorities(people)


def _state_protesting(index: A.ActorIndex, mention: ActorMention, trig: Trigger) -> bool:
    """A state named as the owner of the protest noun itself ("Japan's protests", "the
    Japanese protests" are Japan's, aimed at no one at home); not a state whose people
    protest ("Syria's Kurds demonstrated", "Algerian landowners")."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    actor = mention.actor
    return (
        trig.noun
        and actor is not None
        and actor.kind == "country"
        and span is not None
        and span.root.head == trig.token
        and span.root.dep_ in ("poss", "compound")
        and all(t.ent_type_ == "GPE" for t in span)
    )


def home_authorities(sources: Sequence[ActorMention]) -> list[ActorMention]:
    """A protest by people (not by a state body) is directed at their own country's
    authorities. The target keeps the source's span, at country level."""
    for mention in sources:
        actor = mention.actor
        if actor is None or actor.kind == "igo":
            continue
        country = _country(actor)
        if country is None or (actor.sector or actor.code[3:6]) in STATE_SECTORS:
            continue
        home = Actor(country, "country", country=country)
        return [ActorMention(mention.start, mention.end, mention.text, home)]
    return []


def local_protesters(
    sources: Sequence[ActorMention], places: Sequence[ActorMention]
) -> list[ActorMention]:
    """Sources named by what they are (unresolved) take the country of the place where
    they protest, when the places name exactly one country; the words stay theirs."""
    countries = {_country(m.actor) for m in places if m.actor is not None}
    if len(countries) != 1 or None in countries:
        return list(sources)
    country = countries.pop()
    if country is None:
        return list(sources)
    local = Actor(country, "group", country=country)
    return [
        ActorMention(m.start, m.end, m.text, local) if m.actor is None else m for m in sources
    ]


def _country(actor: Actor) -> str | None:
    """The country an actor belongs to; None for organisations of states and groupings."""
    if actor.kind == "igo":
        return None
    return actor.country or (actor.code[:3] if actor.kind == "country" else None)
