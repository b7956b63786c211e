"""Places in an event's clause: the actors of "in"/"at" phrases as targets, the country of a
named place through the knowledge base, and the event's location (docs/events.md,
"Arguments")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from dyad.nlp.actors import kb as actors_kb
from dyad.nlp.events import args as A
from dyad.types import Actor, ActorMention

_PLACE_PREPS = frozenset({"in", "inside", "throughout", "across"})
# Nouns whose own "in" phrase says where the action was aimed: "fired at targets in X",
# "evacuate settlements in X", "strengthened its forces in X".
_PLACE_CARRIERS = ("dobj", "nsubjpass", "pobj")
# Prepositions of the trigger whose object can carry such a place ("at targets in X").
_PLACE_CARRIER_PREPS = frozenset({"at", "from", "to", "into", "on", "against"})


def place_heads(anchors: Iterable[Token]) -> list[Token]:
    """Objects of "in"/"inside"/"throughout" phrases on the trigger and its clause verb, and
    the noun a "where" clause describes ("Rome, where she arrived"); then, further down, the
    same phrases on the trigger's objects and on the objects of its "at"/"from"/"to"...
    phrases ("fired at targets in Jericho", "outlawed an organisation in X"): what is acted
    upon there is the place's. Nearest first."""
    heads: list[Token] = []
    carriers: list[Token] = []
    for anchor in anchors:
        if anchor.dep_ == "relcl" and any(c.lower_ == "where" for c in anchor.children):
            heads.append(anchor.head)
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                heads.extend(o for o in child.children if o.dep_ == "pobj")
            elif child.dep_ in _PLACE_CARRIERS:
                carriers.append(child)
            elif child.dep_ == "prep" and child.lower_ in _PLACE_CARRIER_PREPS:
                carriers.extend(o for o in child.children if o.dep_ == "pobj")
    for carrier in A.of_chain(carriers):
        for prep in carrier.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                heads.extend(o for o in prep.children if o.dep_ == "pobj")
    return heads


def place_country_mentions(index: A.ActorIndex, heads: Iterable[Token]) -> list[ActorMention]:
    """The known actors of place phrases; for a named place with no actor mention (a city,
    a region), its country, when the knowledge base can tell (``country_of_place``)."""
    found: list[ActorMention] = []
    for head in heads:
        tokens = [t for h in A.with_conjuncts(head) for t in A.phrase(h)]
        known = index.known_in(tokens)
        if known:
            found.extend(known)
            continue
        found.extend(_place_countries(tokens))
    return A.dedupe(found)


def _place_countries(tokens: Sequence[Token]) -> list[ActorMention]:
    kb = actors_kb.load_kb()  # the actors stage owns the knowledge base
    lookup = getattr(kb, "country_of_place", None)
    if lookup is None:  # added by the actors stage; absent in older knowledge bases
        return []
    out: list[ActorMention] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in seen or not (tok.pos_ == "PROPN" or tok.ent_type_ in _PLACE_ENTS):
            continue
        # the named entity around it, else its run of proper nouns: the small models often
        # tag a city as a person or an organisation, so the knowledge base decides
        span = _name_span(tok)
        seen.update(range(span.start, span.end))
        code = _country_code(lookup(span.text))
        if code is None and span[0].lower_ == "the":
            code = _country_code(lookup(span[1:].text))
        if code is not None:
            out.append(
                ActorMention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    Actor(code, "country", country=code, name=span.text),
                )
            )
    return out


_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _name_span(tok: Token) -> Span:
    """The named entity `tok` is part of, else its run of adjacent proper nouns."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return ent
    start = end = tok.i
    while start > tok.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < tok.sent.end and doc[end + 1].pos_ == "PROPN":
        end += 1
    return doc[start : end + 1]


def _country_code(found: object) -> str | None:
    """`country_of_place` may answer with a code or with a country record."""
    if found is None:
        return None
    if isinstance(found, str):
        return found or None
    code = getattr(found, "code", None)
    return code if isinstance(code, str) else None


def location_of(anchors: Iterable[Token]) -> str | None:
    """The place named by an "in"/"at" phrase on the trigger or its clause verb."""
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in A.LOCATION_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                    return ent.text if ent is not None else obj.text
    return None
