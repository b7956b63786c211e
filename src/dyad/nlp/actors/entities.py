"""Named entities around the actor hits (steps 4-5 of the actors component): hits inside a
longer ORG or place entity, unknown organisations named after a country or an IGO, and
NER names the knowledge base does not know (kept unresolved, with their text).

Items are the component's ``(token start, token end, char start, char end, actor)``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from dyad.nlp.actors.kb import KnowledgeBase
from dyad.nlp.actors.matching import Matchers
from dyad.nlp.actors.resolve import Resolver
from dyad.types import Actor

Item = tuple[int, int, int, int, Actor | None]  # token start, end, char start, end, actor

HONORIFICS = frozenset({"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Madam"})
CONTAINERS = frozenset({"ORG", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
_FILLER = frozenset({"the", "The", "'s", "’s", "-", "\u2013", "(", ")", ","})
# Head nouns that make an ORG-labelled entity a place (spaCy's small model confuses them).
PLACE_NOUNS = frozenset(
    "island islands zone sea region peninsula road strait river province ocean bay gulf "
    "square".split()
)


def containers(
    kb: KnowledgeBase, matchers: Matchers, doc: Doc, items: list[Item], blocked: set[int]
) -> list[Item]:
    """Drop hits inside a longer ORG/place entity that they do not cover; an ORG entity
    replaces them with `org_entity`."""
    out = list(items)
    for ent in doc.ents:
        if ent.label_ not in CONTAINERS or len(ent) < 2:
            continue
        inner = [it for it in out if ent.start <= it[0] and it[1] <= ent.end]
        covered = {i for it in inner for i in range(it[0], it[1])}
        rest = [t for t in ent if t.i not in covered and t.text not in _FILLER and not t.is_space]
        if not inner or not rest:
            continue
        if any(it[0] == ent.start and it[1] == ent.end for it in inner):
            continue
        out = [it for it in out if it not in inner]
        if ent.label_ == "ORG" and not any(t.i in blocked for t in ent):
            out.append(org_entity(kb, matchers, doc, ent.start, ent.end, inner))
    return out


def org_entity(
    kb: KnowledgeBase, matchers: Matchers, doc: Doc, start: int, end: int, inner: list[Item]
) -> Item:
    """An unknown organisation named after a country: "<country> ... <sector noun>" gets
    that country and sector ("Nigerian Union of Teachers" -> NGALAB, also when its first
    words were composed into an actor phrase of their own); without a sector noun it stays
    unresolved. One that begins with an international organisation's name is an organ of
    it: "United Nations Emergency Relief Coordinator", "European Union Naval Force"."""
    span = doc[start:end]
    if span[0].lower_ == "the":
        span = doc[start + 1 : end]
    country = next(
        (it[4].country for it in inner if it[4] is not None and it[4].kind == "country"), None
    )
    if country is None:  # "Nigerian Union of Teachers": "Nigerian Union" was composed
        country = next(
            (
                it[4].country
                for it in inner
                if it[0] == span.start and it[4] is not None and it[4].kind != "person"
            ),
            None,
        )
    sector = None
    for m in matchers.role_matches(span.as_doc()):
        role = kb.role(m.term)
        if role is not None and role.sector and role.kind == "organisation":
            sector = role.sector
    actor = None
    if country is not None and sector is not None:
        actor = Actor(country + sector, "organisation", country, sector, span.text)
    first = min(inner, key=lambda it: it[0])
    igo = first[4]
    if (
        actor is None
        and country is None
        and first[0] == span.start
        and igo is not None
        and igo.kind == "igo"
    ):
        actor = replace(igo, name=span.text)  # "United Nations Emergency Relief Coordinator"
    return (span.start, span.end, span.start_char, span.end_char, actor)


def unknowns(doc: Doc, items: list[Item], resolver: Resolver, blocked: set[int]) -> list[Item]:
    """NER PERSON/ORG entities not covered: remembered short names resolve, and so does an
    acronym given in brackets right after a known organisation (and its later uses in the
    document); others None."""
    taken = {i for it in items for i in range(it[0], it[1])}
    out = list(items)
    text = doc.text
    acronyms: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        if "\n" in ent.text or not any(t.pos_ == "PROPN" for t in ent):
            continue  # a heading run into the text, or a capitalised common noun
        if ent.label_ == "ORG" and (ent[-1].lower_ in PLACE_NOUNS or _in_heading(ent, text)):
            continue  # "the Diaoyu Islands", a section title: not an organisation
        first, last = ent.start, ent.end
        while first < last and (
            doc[first].lower_ == "the"
            or doc[first].is_punct
            or doc[first].is_space
            or doc[first].is_lower
        ):
            first += 1
        while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space):
            last -= 1
        span = doc[first:last]
        if not len(span) or any(t.i in taken or t.i in blocked for t in span):
            continue
        start = span.start
        if start > 0 and doc[start - 1].text in HONORIFICS:
            start -= 1
        actor = None
        person = resolver.memory.short.get(span.text)
        if person is not None:
            actor = resolver.person_actor(person)
        elif ent.label_ == "ORG":  # "the Nigerian Union of Teachers (NUT) ... NUT"
            actor = acronyms.get(span.text) or _bracketed_acronym(doc, span, out)
            if actor is not None:
                acronyms[span.text] = actor
        s = doc[start : span.end]
        out.append((start, span.end, s.start_char, s.end_char, actor))
        taken.update(range(start, span.end))
    for tok in doc:  # short names NER missed or mislabelled: "Wang" after "Wang Yi"
        person = resolver.memory.short.get(tok.text)
        if person is None or tok.pos_ != "PROPN" or tok.i in taken or tok.i in blocked:
            continue
        start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].text in HONORIFICS else tok.i
        s = doc[start : tok.i + 1]
        out.append((start, tok.i + 1, s.start_char, s.end_char, resolver.person_actor(person)))
    return out


def _bracketed_acronym(doc: Doc, span: Span, items: list[Item]) -> Actor | None:
    """The actor of the known organisation right before `span` when `span` is a one-word
    acronym in brackets: "the Nigerian Union of Teachers (NUT)"."""
    start, end = span.start, span.end
    if end - start != 1 or not span.text.isupper() or start < 2 or end >= len(doc):
        return None
    if doc[start - 1].text != "(" or doc[end].text != ")":
        return None
    for item in items:
        if item[1] == start - 1 and item[4] is not None and item[4].kind != "person":
            return item[4]
    return None


def _in_heading(ent: Span, text: str) -> bool:
    """The entity sits on a short title-case line without end punctuation: a heading."""
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end != -1 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or len(words) > 12 or line[-1:] in '.!?"”:;,':
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)
