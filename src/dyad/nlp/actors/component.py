"""The ``dyad_actors`` spaCy component: writes ``doc._.dyad_actors`` (list[ActorMention]).

Order of work, and why:
1. match KB names (ORTH) and role terms (LOWER) -> atoms; drop the ones context rules out
   (ambiguous company names without company words, "Soviet-era", "pro-Russian", capitals
   after "in"/"at", countries inside a PERSON entity);
2. keep the longest atom per position; place names ("East China Sea") block what they contain;
3. compose role phrases (compose.py) and resolve people by date and document memory
   (resolve.py), reading left to right so later mentions can use earlier ones;
4. drop KB hits buried inside a longer organisation or place entity ("China" in a think
   tank's name), turning an organisation named after a country with a sector noun into that
   sector's actor;
5. add spaCy PERSON/ORG entities the KB does not know, with actor None: unknown stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp import extensions
from dyad.nlp.actors.compose import Composer, Phrase
from dyad.nlp.actors.entities import HONORIFICS, Item, containers, unknowns
from dyad.nlp.actors.kb import KnowledgeBase, load_kb
from dyad.nlp.actors.matching import PRIORITY, SKIP_PREFIX, SKIP_SUFFIX, Atom, Matchers
from dyad.nlp.actors.resolve import Resolver
from dyad.types import Actor, ActorKind, ActorMention

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "within",
        "visiting",
        "via",
    }
)
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                     "southwest", "central", "eastern", "western", "northern", "southern",
                     "northeastern", "southeastern", "northwestern", "southwestern"})
# Nouns after a regional adjective that make it name states: "Asian nations".
STATE_NOUNS = frozenset({"country", "nation", "state", "power", "government", "neighbour",
                         "neighbor", "partner", "ally", "capital"})

# A model designation after a maker's name ("Su-35", "747", "A380", "J-20"), not a year.
_MODEL = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}-?)?\d+[A-Za-z]*$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# A demonym before these names a language or a script, not the people or the state: "the use
# of the Russian language", "Chinese characters" ("Russian-language" is `SKIP_SUFFIX`).
LANGUAGE_NOUNS = frozenset({"language", "languages", "dialect", "dialects", "alphabet",
                            "script", "characters", "translation", "literature"})



def _people_of_another_state(doc: Doc, atom: Atom, kb: KnowledgeBase) -> bool:
    """A plural demonym followed by "of" and a place of another country within three
    words: "the Albanians of southern Serbia", "the Serbs of Bosnia" (a people where it
    lives); not "the Serbs of Belgrade"."""
    if doc[atom.end - 1].tag_ not in ("NNPS", "NNS") or atom.end >= len(doc):
        return False
    if doc[atom.end].lower_ != "of":
        return False
    for ent in doc.ents:
        if atom.end < ent.start <= atom.end + 3 and ent.label_ in ("GPE", "LOC"):
            country = kb.country_of_place(ent.text)
            return country is not None and country != atom.key
    return False


def _part_of_person(doc: Doc, start: int, end: int) -> bool:
    """Tokens start..end are a person's name: inside a PERSON entity that has other words
    too ("Michael Jordan"), or after an honorific. A PERSON entity that is exactly a country
    name ("Benin", "Sri Lanka" opening a sentence) is the small model's error, not a person."""
    toks = doc[start:end]
    if not all(t.ent_type_ == "PERSON" for t in toks):
        return False
    if start > 0 and doc[start - 1].text in HONORIFICS:
        return True
    longer_left = toks[0].ent_iob_ == "I"
    longer_right = end < len(doc) and doc[end].ent_iob_ == "I"
    return longer_left or longer_right


def _stands_alone(doc: Doc, atom: Atom) -> bool:
    """A bare name atom is a mention, except a continent's adjective that qualifies a thing
    ("Asian security", "European markets"): only "Asian nations", "African states" and the
    like name the group of states. ("Western", the West's adjective, is kept: "Western
    sanctions" are the West's, as "Russian sanctions" are Russia's.)"""
    if atom.kind != "region" or atom.key == "WST":
        return True
    last = doc[atom.end - 1]
    if last.tag_ in ("NNS", "NNPS") or not last.text.endswith(("an", "ern")):
        return True  # "Asia", "Europeans"
    nxt = doc[atom.end] if atom.end < len(doc) else None
    return nxt is not None and nxt.lemma_.lower() in STATE_NOUNS


def _apposed(doc: Doc, after_comma: int, start: int) -> bool:
    """Only a determiner stands between the comma and the second mention."""
    return all(t.lower_ in ("the", "a", "an") for t in doc[after_comma:start])


def _closes(doc: Doc, end: int) -> bool:
    """The apposition ends: a comma, a closing punctuation mark or the sentence end."""
    return end >= len(doc) or doc[end].is_punct or doc[end].is_sent_start is True


def _is_name(doc: Doc, item: Item, other: Item | None = None) -> bool:
    """A person's name: a resolved person, an unknown PERSON entity, or (NER often calls
    African and Asian names ORG) proper nouns the parse sets in apposition with `other`."""
    actor = item[4]
    if actor is not None:
        return actor.kind == "person" and actor.name is not None
    toks = doc[item[0]:item[1]]
    if all(t.ent_type_ == "PERSON" for t in toks):
        return True
    if other is None or not all(t.pos_ == "PROPN" for t in toks):
        return False
    inside = range(item[0], item[1])
    return any(t.dep_ == "appos" and t.head.i in inside for t in doc[other[0]:other[1]]) \
        or any(t.dep_ == "appos" and other[0] <= t.head.i < other[1] for t in toks)


def _is_role(item: Item) -> bool:
    actor = item[4]
    return actor is not None and actor.kind == "person" and actor.role is not None \
        and actor.country is not None


def _merge_apposition(doc: Doc, first: Item, second: Item) -> Item | None:
    """One person from a name and a role phrase in either order, else None."""
    if _is_name(doc, first, second) and _is_role(second) and not _is_name(doc, second):
        name, role = first, second
    elif _is_role(first) and _is_name(doc, second, first) and not _is_name(doc, first):
        name, role = second, first
    elif _is_name(doc, first) and _is_role(second) and first[4] is not None \
            and second[4] is not None and first[4].name == second[4].name:
        name, role = first, second  # the role phrase resolved to the same person
    else:
        return None
    stated = role[4]
    assert stated is not None
    known = name[4]
    if known is None:
        actor = replace(stated, name=doc[name[0]:name[1]].text)
    elif known.country not in (None, stated.country):
        return None  # "Lavrov, the Chinese minister": not an apposition we can trust
    else:
        actor = known if known.role is not None else replace(known, role=stated.role)
    start, end = min(first[0], second[0]), max(first[1], second[1])
    return (start, end, first[2], second[3], actor)


@Language.factory(
    "dyad_actors",
    default_config={"unknown_entities": True},
    assigns=["doc._.dyad_actors"],
    requires=["doc.ents", "token.dep", "token.pos"],
)
def make_actors(nlp: Language, name: str, unknown_entities: bool) -> ActorsComponent:
    """Build the component; `unknown_entities` keeps NER PERSON/ORG the KB cannot resolve."""
    return ActorsComponent(nlp, name, unknown_entities=unknown_entities)


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, *, unknown_entities: bool = True) -> None:
        extensions.register()
        self.name = name
        self.kb: KnowledgeBase = load_kb()
        self.matchers = Matchers(nlp, self.kb)
        self.composer = Composer(self.kb)
        self.unknown_entities = unknown_entities

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.dyad_published
        day: date | None = getattr(published, "value", None)
        doc._.dyad_actors = self.find(doc, day)
        return doc

    # -- 1-2: atoms ------------------------------------------------------------------------

    def _keep(self, doc: Doc, atom: Atom) -> bool:
        if atom.char is not None:
            return True
        toks = doc[atom.start : atom.end]
        nxt = doc[atom.end] if atom.end < len(doc) else None
        after = doc[atom.end + 1] if atom.end + 1 < len(doc) else None
        if atom.kind == "org":
            if nxt is not None and _MODEL.match(nxt.text) and not _YEAR.match(nxt.text):
                return False  # "Sukhoi Su-35", "Boeing 747": a product, not the company
            org = self.kb.organisation_named(atom.key)
            if org is not None and org.cues:
                window = {t.lower_ for t in doc[max(0, atom.start - 3) : atom.end + 3]}
                cues = {c.lower() for c in org.cues}
                is_org = all(t.ent_type_ == "ORG" for t in toks)
                return bool(window & cues) or ("org" in cues and is_org)
            return True
        if atom.kind not in ("country", "adjective", "seat", "prefix", "region"):
            return True
        hyphen_next = nxt is not None and nxt.text in ("-", "\u2013")
        if atom.kind == "prefix" and not hyphen_next:
            return False
        if hyphen_next and after is not None and after.lower_ in SKIP_SUFFIX:
            return False
        if (
            atom.start >= 2
            and doc[atom.start - 1].text == "-"
            and doc[atom.start - 2].lower_ in SKIP_PREFIX
        ):
            return False
        if atom.kind == "adjective" and atom.start > 0 and doc[atom.start - 1].lower_ == "ethnic":
            return False  # "ethnic Albanians", "ethnic Russian separatists": a people, not a state
        if atom.kind == "adjective" and nxt is not None and nxt.lower_ in LANGUAGE_NOUNS:
            return False  # "the Russian language": a language, not Russia
        if atom.kind == "adjective" and _people_of_another_state(doc, atom, self.kb):
            return False  # "the Albanians of southern Serbia" live in Serbia
        if atom.kind != "adjective" and _part_of_person(doc, atom.start, atom.end):
            return False  # "Michael Jordan", "George Washington", "Mr. Chad"
        if atom.kind == "region" and nxt is not None and nxt.is_title and nxt.tag_ != "POS" \
                and nxt.pos_ in ("PROPN", "ADJ"):
            return False  # "Western Cambodia", "the West Bank": part of a place name
        if atom.kind == "region" and atom.start > 0 and doc[atom.start - 1].lower_ in COMPASS:
            return False  # "Northeast Asia", "western Europe": a sub-region we do not code
        if atom.kind in ("seat", "region"):
            prev = atom.start - 1
            if prev >= 0 and doc[prev].lower_ == "the":
                prev -= 1
            if prev >= 0 and doc[prev].lower_ in LOCATIVE:
                return False  # "in Beijing", "in Europe": where, not who
        return bool(toks)

    def _atoms(self, doc: Doc) -> tuple[dict[int, Atom], list[Atom], set[int]]:
        """Token -> whole-token atom, hyphen-piece atoms, and tokens blocked: by places, or
        by names that context rules out (so NER cannot bring them back as unknowns)."""
        whole: list[Atom] = []
        pieces: list[Atom] = []
        ruled_out: set[int] = set()
        for atom in self.matchers.atoms(doc):
            if self._keep(doc, atom):
                (pieces if atom.char is not None else whole).append(atom)
            elif atom.char is None and doc[atom.start].ent_type_ != "PERSON" \
                    and atom.kind != "region":  # "African National Congress" may be an ORG
                ruled_out.update(range(atom.start, atom.end))
        whole.sort(key=lambda a: (-(a.end - a.start), PRIORITY.index(a.kind), a.start))
        by_token: dict[int, Atom] = {}
        blocked: set[int] = set()
        for atom in whole:
            span = range(atom.start, atom.end)
            if any(i in by_token or i in blocked for i in span):
                continue
            if atom.kind == "place":
                blocked.update(span)
            else:
                by_token.update((i, atom) for i in span)
        pieces = [a for a in pieces if a.start not in by_token and a.start not in blocked]
        return by_token, pieces, blocked | (ruled_out - set(by_token))

    # -- 3: composition and resolution ---------------------------------------------------

    def find(self, doc: Doc, day: date | None) -> list[ActorMention]:
        atoms, pieces, blocked = self._atoms(doc)
        roles = [
            m
            for m in self.matchers.role_matches(doc)
            if not any(i in atoms or i in blocked for i in range(m.start, m.end))
        ]
        phrases = self.composer.phrases(doc, atoms, roles)
        resolver = Resolver(self.kb, day)
        items: list[tuple[int, int, object]] = []
        used: set[int] = set()
        for phrase in sorted(phrases, key=lambda p: (p.start, -(p.end - p.start))):
            span = set(range(phrase.start, phrase.end))
            if span & used:
                continue
            used |= span
            items.append((phrase.start, phrase.end, phrase))
        for atom in {id(a): a for a in atoms.values()}.values():
            if not set(range(atom.start, atom.end)) & used and _stands_alone(doc, atom):
                items.append((atom.start, atom.end, atom))
        items.extend((a.start, a.end, a) for a in pieces if a.start not in used)
        items.sort(key=lambda t: (t[0], t[1]))
        resolved: list[Item] = []
        for start, end, item in items:
            if isinstance(item, Phrase):
                actor = self._phrase_actor(doc, item, resolver)
            else:
                assert isinstance(item, Atom)
                start, actor = self._atom_actor(doc, item, resolver)
            s = doc[start:end]
            cs, ce = (
                item.char if isinstance(item, Atom) and item.char else (s.start_char, s.end_char)
            )
            if (
                actor is not None
                and actor.kind == "organisation"
                and actor.name is None
                and self._whole_org(doc, start, end)
            ):
                actor = replace(actor, name=s.text)  # "Brazilian Space Agency" names itself
            resolved.append((start, end, cs, ce, actor))
        resolved = containers(self.kb, self.matchers, doc, resolved, blocked)
        if self.unknown_entities:
            resolved = unknowns(doc, resolved, resolver, blocked)
        resolved.sort(key=lambda r: (r[2], r[3]))
        resolved = self._appositions(doc, resolved)
        text = doc.text  # a property that joins every token: read it once
        out: list[ActorMention] = []
        last_end = -1
        for _s, _e, cs, ce, actor in resolved:
            if cs >= last_end:
                out.append(ActorMention(cs, ce, text[cs:ce], actor))
                last_end = ce
        return out

    @staticmethod
    def _whole_org(doc: Doc, start: int, end: int) -> bool:
        """Tokens start..end are exactly one ORG entity (give or take a leading "the")."""
        if any(t.ent_type_ != "ORG" for t in doc[start:end]):
            return False
        if end < len(doc) and doc[end].ent_iob_ == "I":
            return False
        first = doc[start]
        return first.ent_iob_ == "B" or (
            start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].ent_iob_ == "B"
        )

    def _country_actor(
        self,
        atom: Atom,
        sector: str | None = None,
        kind: ActorKind = "country",
        role: str | None = None,
        name: str | None = None,
    ) -> Actor:
        if atom.kind == "region":  # "the West", "Western governments": a group of states
            region = self.kb.region(atom.key)
            if name is None and role is None:
                name = region.name if region else None
            return Actor(atom.key + (sector or ""), "group", None, sector, name, role)
        country = self.kb.country(atom.key)
        if atom.kind == "igo":
            igo = self.kb.igo(atom.key)
            if name is None and kind == "country":
                name = igo.name if igo else None
            return Actor(atom.key, "igo" if kind == "country" else kind, None, sector, name, role)
        if atom.kind == "seat" and sector is None:
            sector = "GOV"
        if name is None and kind in ("country", "group") and role is None:
            name = country.name if country else None  # the state itself, not an office holder
        return Actor(atom.key + (sector or ""), kind, atom.key, sector, name, role)

    def _atom_actor(self, doc: Doc, atom: Atom, resolver: Resolver) -> tuple[int, Actor | None]:
        """A bare KB name; returns the (possibly widened) start token and its actor."""
        start = atom.start
        if atom.kind == "person":
            if start > 0 and doc[start - 1].text in HONORIFICS:
                start -= 1
            person = resolver.by_alias(atom.key)
            return start, resolver.person_actor(person) if person is not None else None
        if atom.kind == "org":
            org = self.kb.organisation_named(atom.key)
            if org is None:
                return start, None
            return start, Actor(
                org.country + org.sector, "organisation", org.country, org.sector, org.name
            )
        kind: ActorKind = "country"
        if atom.kind == "adjective" and doc[atom.start : atom.end][-1].tag_ in ("NNPS", "NNS"):
            kind = "group"  # "Russians", "rich Russians"
        return start, self._country_actor(atom, kind=kind)

    def _phrase_actor(self, doc: Doc, phrase: Phrase, resolver: Resolver) -> Actor | None:
        head = phrase.head
        role = head.role if head is not None and head.kind != "country" else None
        if phrase.name_atom is not None and phrase.name_atom.kind == "org":
            org = self.kb.organisation_named(phrase.name_atom.key)
            if org is not None:
                return Actor(
                    org.country + org.sector,
                    "organisation",
                    org.country,
                    org.sector,
                    org.name,
                    role,
                )
        if head is None:
            return None
        sector = phrase.sector
        qualifier = " ".join(phrase.qualifiers)
        person_role = head.kind == "person" and not phrase.plural
        if "former" in phrase.qualifiers or "ex" in phrase.qualifiers:
            sector = "ELI"
        country_code = phrase.country.key if phrase.country is not None else None
        if phrase.name_atom is not None and phrase.name_atom.kind == "person":
            person = resolver.by_alias(phrase.name_atom.key, role, country_code)
            if person is not None:
                return resolver.person_actor(person, role if person_role else None, qualifier)
            phrase.name_text = doc[phrase.name_atom.start : phrase.name_atom.end].text
        full_role = f"{qualifier} {role}".strip() if role else None
        if phrase.name_text is not None:
            remembered = resolver.memory.short.get(phrase.name_text)
            if remembered is not None and head.kind == "person":
                return resolver.person_actor(remembered, role, qualifier)
            if phrase.country is None:
                return None  # a title and an unknown name, no country: unknown
            kind: ActorKind = "person" if head.kind == "person" else "organisation"
            return self._country_actor(phrase.country, sector, kind, full_role, phrase.name_text)
        assert phrase.country is not None
        if head.kind == "country":
            return self._country_actor(phrase.country)
        if person_role and not qualifier and phrase.country.kind not in ("igo", "region"):
            person = resolver.by_role(phrase.country.key, head.role)
            if person is not None:
                return resolver.person_actor(person, None if role == "leader" else role)
        kind = "group" if phrase.plural or head.kind == "group" else _actor_kind(head.kind)
        return self._country_actor(phrase.country, sector, kind, full_role)

    # -- 6: appositions -----------------------------------------------------------------

    @staticmethod
    def _appositions(doc: Doc, items: list[Item]) -> list[Item]:
        """"Sergei Lavrov, Russia's foreign minister," and "Russia's foreign minister, Sergei
        Lavrov": a name and a role phrase set off by a comma are one person. The name keeps
        its KB identity and gains the stated role; an unknown name takes the phrase's country
        and sector with its own text as name. `items` are sorted by position."""
        out: list[Item] = []
        n = 0
        while n < len(items):
            cur = items[n]
            nxt = items[n + 1] if n + 1 < len(items) else None
            merged = None
            if nxt is not None and cur[1] < len(doc) and doc[cur[1]].text == "," \
                    and _apposed(doc, cur[1] + 1, nxt[0]) and _closes(doc, nxt[1]):
                merged = _merge_apposition(doc, cur, nxt)
            if merged is not None:
                out.append(merged)
                n += 2
            else:
                out.append(cur)
                n += 1
        return out


def _actor_kind(kind: str) -> ActorKind:
    """A role's kind as an actor kind (a role names a person, an organisation or a group)."""
    if kind in ("country", "person", "organisation", "igo", "group"):
        return cast(ActorKind, kind)
    return "unknown"
