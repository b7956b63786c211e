"""The actor a quote's source speaks for: the actor mention at the source's head, or, for a
speaker known by role, the body the role belongs to (see `actor_of`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dyad.nlp.actors.kb import load_kb
from dyad.types import Actor, ActorMention

_HEAD_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det"})


def actor_of(doc: Doc, mentions: list[ActorMention], start: int, end: int) -> ActorMention | None:
    """The actor mention at the source's head ("a Chinese foreign ministry spokesperson",
    "Russia's defence minister", "Sergei Shoigu"), or in a coordination of heads ("India and
    China"); not one inside a modifier further out ("Kavita Rao, a researcher in New Delhi"
    is not the Indian government speaking)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    heads = [span.root] + [c for c in span.root.children if c.dep_ == "conj"]
    spots: list[tuple[int, int]] = []
    for h in heads:
        spots.append((h.idx, h.idx + len(h)))
        for c in h.children:
            if c.dep_ in _HEAD_MODIFIERS and c.i < h.i:
                spots.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))
    for m in mentions:
        if m.actor is not None and any(m.start < e and s < m.end for s, e in spots):
            return m
    return _affiliation(span, mentions)


# Prepositions that tie a role to the body the person speaks for ("chair of the Duma's
# committee", "a scholar at the China Institute", "a spokesman for the ministry"); "in" names
# a place, not an affiliation ("a researcher in New Delhi").
_AFFILIATION_PREPS = frozenset({"of", "at", "for", "with"})


# Nouns of a position held in a body, besides the role terms of roles.tsv: only these lead
# to the body ("a critic of the Kremlin", "a victim of the army" do not speak for it).
_POSITION_NOUNS = frozenset(
    "chair chairman chairwoman member fellow head director adviser advisor deputy "
    "representative leader officer commander governor correspondent aide lecturer "
    "economist strategist negotiator delegate".split()
)


def _position(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in _POSITION_NOUNS:
        return True
    role = load_kb().roles.get(lemma)
    return role is not None and role.kind == "person"


def _affiliation(span: Span, mentions: list[ActorMention]) -> ActorMention | None:
    """For a speaker known by role ("a scholar at the China Institute of International
    Studies", "Alexei Pushkov, chair of the State Duma's international affairs committee"):
    the organisation the position noun (the source's head or its apposition) belongs to,
    when the actor component resolved it to a body with a sector; never a bare country, and
    never through a noun that is no position in the body ("a critic of the Kremlin")."""
    root = span.root
    for noun in (root, *[c for c in root.children if c.dep_ == "appos"]):
        if noun.pos_ != "NOUN" or not _position(noun):
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                s, e = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                for m in mentions:
                    a = m.actor
                    if a is None or not (m.start < e and s < m.end):
                        continue
                    if a.kind in ("organisation", "igo") or (a.kind == "country" and a.sector):
                        return m
    return None


def kb_person(actors: Sequence[ActorMention], start: int, end: int) -> Actor | None:
    """The knowledge-base person the actor component found at start-end (its name completes
    "Xi" to "Xi Jinping": surname-first names are not completed by their last word)."""
    for m in actors:
        a = m.actor
        if a is not None and a.kind == "person" and m.start < end and start < m.end:
            return a
    return None
