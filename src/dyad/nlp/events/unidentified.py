"""Violence told by its weapon or its victims: "a roadside bomb killed two soldiers",
"three civilians were killed in a car bombing", "gunmen shot dead a judge", "a NATO
missile attack killed ...".

When the subject of an ASSAULT is an attack or a weapon, the actors named on it are the
perpetrators ("a NATO missile attack", "an Israeli air strike"); so are those on an attack
named in a "by"/"in" phrase of a passive ("wounded in a NATO strike"), and the other side
of a clash ("killed in a clash with Chinese troops"). When none is named,
PLOVER codes the perpetrator as an unidentified actor (sector UNK: "the actor for 'two
civilians were killed by a bomb'"; UAF: "unknown gunmen"). dyad then keeps the event with
an empty source instead of dropping it, and never guesses one: the victims are named in
the text, the perpetrator is not. Only ASSAULT qualifies: "the deal was signed" names no
signer, and an agreement without a party is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.events import args as A
from dyad.nlp.events import lexicon
from dyad.nlp.events import words as W
from dyad.nlp.events.roles import noun_sources, subject_heads
from dyad.nlp.events.triggers import Trigger
from dyad.nlp.events.words import lemma
from dyad.types import ActorMention

# What kills without being an actor: weapons and attacks as subjects or "by" agents.
ATTACK_NOUNS = frozenset(
    "bomb bombing explosion blast mine landmine shell shelling rocket missile mortar "
    "grenade explosive device attack airstrike strike raid ambush gunfire shooting "
    "crossfire bullet".split()
)
# Fights between two sides: in "killed in a clash with Chinese troops" the other side of
# the clash is the perpetrator.
CLASH_NOUNS = frozenset(
    "clash fighting fight battle skirmish firefight gunfight confrontation".split()
)
# People named only by what they did: PLOVER's "unknown gunmen" (UAF).
UNNAMED_ATTACKERS = frozenset(
    "gunman attacker assailant bomber sniper kidnapper abductor hijacker".split()
)
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _assault(trig: Trigger) -> bool:
    return not trig.standalone and lexicon.code_info(trig.rule.cameo).plover == "ASSAULT"


def _is(head: Token, words: frozenset[str]) -> bool:
    return head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in _NAMED and lemma(head) in words


def _agent(trig: Trigger) -> tuple[list[Token], bool]:
    """(subject heads, agentless passive?) of an ASSAULT trigger's clause. An agentless
    passive is the trigger verb itself in the passive with no "by" agent ("were killed",
    "was shelled"); not a noun carried by a passive verb ("forces have been engaged in
    fighting": the subject is the fighter)."""
    heads, passive = subject_heads(trig.anchor)
    return heads, passive and not heads and not trig.noun


def attack_sources(index: A.ActorIndex, trig: Trigger) -> list[ActorMention]:
    """The actors named on the attack that is an ASSAULT's subject ("a NATO missile attack
    killed"), or, in an agentless passive, on an attack in its "in"/"by" phrase."""
    if not _assault(trig):
        return []
    heads, agentless = _agent(trig)
    attacks = [h for h in heads if _is(h, ATTACK_NOUNS)]
    if agentless:
        attacks = [
            o
            for o in W.prep_objects(trig.anchor, ("in", "by"))
            if _is(o, ATTACK_NOUNS | CLASH_NOUNS)
        ]
    found = [m for attack in attacks for m in noun_sources(index, attack)]
    for clash in (a for a in attacks if _is(a, CLASH_NOUNS)):
        found += A.actors_of(index, W.prep_objects(clash, ("with", "against")))
    return A.dedupe(found)


def unidentified_perpetrator(trig: Trigger) -> bool:
    """`trig` is an ASSAULT whose agent is a weapon, an attack or an unnamed attacker, or a
    passive of the trigger verb with no agent ("were killed in a bombing")."""
    if not _assault(trig):
        return False
    heads, agentless = _agent(trig)
    if not heads:
        return agentless
    return all(_is(h, ATTACK_NOUNS | UNNAMED_ATTACKERS) for h in heads)
