"""Actors an argument refers back to: "he"/"she" to the nearest person, and group anaphora
("the two leaders", "both sides", "they") to the pair that acted together just before."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dyad.nlp.events.args import ActorIndex
from dyad.types import ActorMention

# "the two leaders", "both sides", "they": see `group_anaphor`.
_GROUP_NOUNS = frozenset(
    {
        "leader",
        "country",
        "side",
        "state",
        "nation",
        "government",
        "head",
        "party",
        "president",
        "capital",
        "neighbour",
        "neighbor",
        "power",
        "partner",
        "ministry",
        "military",
        "army",
        "navy",
    }
)
_GROUP_PRONOUNS = frozenset({"they", "both"})


def person_antecedent(index: ActorIndex, pronoun: Token) -> list[ActorMention]:
    """ "he"/"she": the nearest person mentioned before it in its sentence or the one
    before (known, or an unresolved name spaCy tags as a PERSON, which stays unresolved);
    none when there is none."""
    sent = pronoun.sent
    start = sent.start_char
    if sent.start > 0:
        start = pronoun.doc[sent.start - 1].sent.start_char
    people = index.people_between(start, pronoun.idx)
    return people[-1:] if people else []


def is_group_anaphor(head: Token) -> bool:
    """Is `head` a plural reference to a pair mentioned just before ("the two leaders",
    "both countries", "both sides", "they")?"""
    if head.lower_ in _GROUP_PRONOUNS:
        return True
    if head.lemma_.lower() not in _GROUP_NOUNS:
        return False
    return any(c.lower_ in ("two", "both") for c in head.children)


def group_anaphor(
    index: ActorIndex, sent: Span, head: Token, recent_pair: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    """The pair a group anaphor (`head`) in `sent` refers to. First the pair that acted
    together in a recent event ("Peru and Chile agreed ... The two sides promised");
    else, for a noun ("the two leaders", not "they"), the known actors of the sentence
    just before, when they belong to exactly two countries (or organisations); else none.
    Deliberately narrow: a wrong resolution puts an event on the wrong dyad."""
    if recent_pair:
        return list(recent_pair)
    doc = sent.doc
    if sent.start == 0 or head.pos_ == "PRON":
        return []
    previous = doc[sent.start - 1].sent
    mentions = index.known_between(previous.start_char, previous.end_char)
    firsts: dict[str, ActorMention] = {}
    for mention in mentions:
        if mention.actor is not None:
            firsts.setdefault(mention.actor.code[:3], mention)
    return list(firsts.values()) if len(firsts) == 2 else []
