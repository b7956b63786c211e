"""Compose atoms and role terms into actor phrases: "Russian President Vladimir Putin",
"China's state-owned CNPC", "Russian and Chinese negotiators", "the Chinese leader".

Why syntax-light rules over the dependency parse rather than a trained model: the phrases
are short and regular (country part, modifiers, role nouns, optional name), and every
decision stays explainable; the parse is only used to check that the words in between
belong to the same noun phrase and that the role noun is the phrase's head.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dyad.nlp.actors.kb import KnowledgeBase, Role
from dyad.nlp.actors.matching import Atom, RoleMatch

COUNTRY_PARTS = frozenset({"country", "adjective", "seat", "igo", "prefix", "region"})
QUALIFIERS = frozenset({"deputy", "vice", "former", "acting", "first", "ex", "then"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "PRODUCT", "NORP"})
MAX_GAP = 4
# Sectors of people who belong where they are: "rebels in X" are X's rebels; police and
# security forces serve at home ("security forces in Guinea" are Guinea's).
_LOCAL_SECTORS = frozenset({"REB", "RAD", "OPP", "CVL", "LAB", "EDU", "REL", "PTY", "COP"})
# Prepositions that place a group where it lives: "rebels in Mali", "students across Peru".
_LOCAL_PREPS = ("in", "throughout", "across")


@dataclass
class Phrase:
    """One composed mention before resolution (token indices, end exclusive)."""

    start: int
    end: int
    country: Atom | None
    roles: list[Role]
    plural: bool
    qualifiers: list[str]
    name_atom: Atom | None = None
    name_text: str | None = None

    @property
    def sector(self) -> str | None:
        """The leftmost role with a sector: "military leaders" -> MIL, "defence ministry
        spokesman" -> MIL; a generic head takes its modifier's sector."""
        return next((r.sector for r in self.roles if r.sector), None)

    @property
    def head(self) -> Role | None:
        return self.roles[-1] if self.roles else None


class Composer:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def phrases(self, doc: Doc, atoms: dict[int, Atom], roles: list[RoleMatch]) -> list[Phrase]:
        """Phrases around each chain of adjacent role terms, plus coordinated countries."""
        chains: list[list[RoleMatch]] = []
        for m in roles:
            if chains and chains[-1][-1].end == m.start:
                chains[-1].append(m)
            else:
                chains.append([m])
        out: list[Phrase] = []
        for chain in chains:
            phrase = self._phrase(doc, atoms, chain)
            if phrase is not None:
                out.append(phrase)
                out.extend(self._coordinated(doc, atoms, phrase))
        role_tokens = {i for m in roles for i in range(m.start, m.end)}
        for atom in {id(a): a for a in atoms.values()}.values():
            if atom.kind == "org" and atom.start - 1 not in role_tokens:
                org_phrase = self._owned_org(doc, atoms, atom)
                if org_phrase is not None:
                    out.append(org_phrase)
        return out

    def _owned_org(self, doc: Doc, atoms: dict[int, Atom], org: Atom) -> Phrase | None:
        """ "Russia's state-owned Gazprom", "Russia's Novatek": one mention of the company
        (the company's own country and sector win), not a country plus a company."""
        i = org.start - 1
        gap = 0
        while (
            i >= 0
            and gap <= MAX_GAP
            and atoms.get(i) is None
            and doc[i].tag_ != "POS"
            and self._gap_word(doc, i)
            and doc[i].pos_ != "PROPN"
        ):
            i -= 1
            gap += 1
        if i < 0:
            return None
        if doc[i].tag_ == "POS":
            i -= 1
        country = atoms.get(i)
        if country is None or country.kind not in ("country", "adjective") or country.end != i + 1:
            return None
        if not self._inside(doc, country.end, org.end, org.start) or not self._attached(
            doc, country, org.end
        ):
            return None
        return Phrase(country.start, org.end, country, [], False, [], org)

    def _phrase(self, doc: Doc, atoms: dict[int, Atom], chain: list[RoleMatch]) -> Phrase | None:
        start, end = chain[0].start, chain[-1].end
        if end < len(doc) and doc[end].text in ("-", "\u2013"):
            return None  # "military-technical": a modifier, not a role noun
        roles = [r for r in (self.kb.role(m.term) for m in chain) if r is not None]
        plural = chain[-1].plural
        # Left: qualifiers and modifiers, then the country part ("Russia's", "Chinese").
        qualifiers: list[str] = []
        country: Atom | None = None
        i = start - 1
        gap = 0
        while i >= 0 and gap <= MAX_GAP:
            tok = doc[i]
            atom = atoms.get(i)
            if atom is not None and atom.end == i + 1 and atom.kind in COUNTRY_PARTS:
                country = atom
                i = atom.start - 1
                break
            if tok.tag_ == "POS" and i > 0:
                prev = atoms.get(i - 1)
                owner = COUNTRY_PARTS - {"adjective"}
                if prev is not None and prev.end == i and prev.kind in owner:
                    country = prev
                    i = prev.start - 1
                    break
            if atom is not None or not self._gap_word(doc, tok.i):
                break
            if tok.lower_ in QUALIFIERS:
                qualifiers.insert(0, tok.lower_)
            i -= 1
            gap += 1
        if country is None:  # only qualifiers right before the role count: "former President"
            qualifiers = []
            k = start - 1
            while k >= 0 and doc[k].lower_ in QUALIFIERS:
                qualifiers.insert(0, doc[k].lower_)
                k -= 1
            left = k + 1
        else:
            left = country.start
            if i >= 0 and doc[i].lower_ in ("former", "ex"):
                qualifiers.insert(0, doc[i].lower_)
                left = i
        # Right: an optional name ("President Vladimir Putin", "company Gazprom").
        name_atom = atoms.get(end)
        name_text = None
        right = end
        if name_atom is not None and name_atom.start == end and name_atom.kind in ("person", "org"):
            right = name_atom.end
        else:
            name_atom = None
            span = self._name_span(doc, atoms, end)
            if span is not None and not plural:
                name_text, right = span.text, span.end
        named = name_atom is not None or name_text is not None
        if country is None and not named and roles:
            after = self._country_after(doc, atoms, start, end, roles)
            if after is not None and self._is_head(doc, start, end, left):
                # "the government of Haiti", "rebels in Ivory Coast": the parse checked it
                return Phrase(left, after.end, after, roles, plural, qualifiers)
            fled = self._fled(doc, atoms, start, end, roles)
            if fled is not None and self._is_head(doc, start, end, left):
                # "refugees fleeing Syria", "refugees fleeing the civil war in Liberia"
                return Phrase(left, fled.end, fled, roles, plural, qualifiers)
            place = self._place_before(doc, atoms, start, roles)
            if place is not None and self._is_head(doc, start, end, place.start):
                return Phrase(place.start, end, place, roles, plural, qualifiers)
        person_name = name_text is not None or (
            name_atom is not None and name_atom.kind == "person"
        )
        if country is None and not (person_name and roles and roles[0].title):
            return None  # a bare role ("the two leaders") is left to the events stage
        if not named and not self._is_head(doc, start, end, left):
            return None  # "Russian military success": the role word modifies something else
        if country is not None and not self._inside(doc, country.end, right, start):
            return None
        if country is not None and not self._attached(doc, country, right):
            return None
        if not roles:
            return None
        return Phrase(left, right, country, roles, plural, qualifiers, name_atom, name_text)

    @staticmethod
    def _country_after(doc: Doc, atoms: dict[int, Atom], start: int, end: int,
                       roles: list[Role]) -> Atom | None:
        """The country of a role given after it: "the government of Haiti", "refugees from
        Syria" (of/from: whose), and for groups that live there, "rebels in Ivory Coast",
        "protesters in Egypt", "students throughout Peru", "farmers across Kenya". "in" is
        not enough for armed forces or officials ("troops in Iraq" are often foreign), so it
        counts only for non-state sectors and the police ("security forces in Guinea")."""
        if end + 1 >= len(doc):
            return None
        prep = doc[end].lower_
        if prep not in ("of", "from", *_LOCAL_PREPS):
            return None
        if prep in _LOCAL_PREPS and roles[-1].sector not in _LOCAL_SECTORS:
            return None
        at = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        atom = atoms.get(at)
        if atom is None or atom.start != at or atom.kind not in ("country", "region"):
            return None
        if atom.end < len(doc) and doc[atom.end].tag_ == "POS":
            return None  # "the people of Russia's far east": the country owns something else
        if not start <= doc[end].head.i < end \
                or not any(t.head.i == end for t in doc[atom.start:atom.end]):
            return None  # the preposition attaches elsewhere ("met officials in Beijing")
        return atom

    @staticmethod
    def _fled(doc: Doc, atoms: dict[int, Atom], start: int, end: int,
              roles: list[Role]) -> Atom | None:
        """The country refugees flee, named in the clause right after them: "refugees
        fleeing Syria", "refugees fleeing the civil war in Liberia" (its object, or the
        object's or the verb's "in" phrase); they are that country's refugees, as
        "refugees from Syria" are."""
        if roles[-1].sector != "REF" or end >= len(doc):
            return None
        verb = doc[end]
        if verb.lemma_.lower() != "flee" or verb.dep_ != "acl" or not start <= verb.head.i < end:
            return None
        heads = [c for c in verb.children if c.dep_ == "dobj"]
        heads += [o for h in (verb, *heads) for p in h.children
                  if p.dep_ == "prep" and p.lower_ in ("in", "from")
                  for o in p.children if o.dep_ == "pobj"]
        for head in heads:
            atom = atoms.get(head.i)
            if atom is not None and atom.kind == "country" and atom.end == head.i + 1:
                return atom
        return None

    def _place_before(
        self, doc: Doc, atoms: dict[int, Atom], start: int, roles: list[Role]
    ) -> Atom | None:
        """A place named right before a group that lives there, read like "rebels in
        Darfur": "Darfur rebels", "Benghazi protesters" (a proper-noun compound on the role
        noun that the knowledge base places in one country: a region or a city; the whole
        GPE/LOC entity is looked up, never a part of it). The country comes as an atom over
        the place's words."""
        if roles[-1].sector not in _LOCAL_SECTORS:
            return None
        ent = next((e for e in doc.ents if e.end == start), None)
        if ent is None or ent.label_ not in ("GPE", "LOC") or ent[-1].dep_ != "compound":
            return None  # a place by NER too: not "5 March opposition", "Georgetown University"
        if any(atoms.get(t.i) is not None for t in ent) or ent[-1].head.i < start:
            return None
        code = self.kb.country_of_place(ent.text)  # the whole name: "New York", not "York"
        if code is None:
            return None
        return Atom(ent.start, start, "country", code)

    @staticmethod
    def _attached(doc: Doc, country: Atom, right: int) -> bool:
        """The country part modifies this phrase ("US President", "Russia's minister",
        "Russian and Chinese negotiators"), not another word ("a visit to Russia General X")."""
        last = doc[country.end - 1]
        nxt = doc[country.end] if country.end < len(doc) else None
        if nxt is not None and nxt.tag_ == "POS":
            return True
        return last.dep_ == "conj" or country.start <= last.head.i < right

    @staticmethod
    def _gap_word(doc: Doc, i: int) -> bool:
        """A modifier that may sit between country and role: adjectives and nouns, and verb or
        adverb parts of hyphenated modifiers ("state-owned", "newly-minted")."""
        tok = doc[i]
        if tok.text in ("-", "\u2013"):
            return True
        if tok.pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
            return True
        hyphen = (i > 0 and doc[i - 1].text == "-") or (i + 1 < len(doc) and doc[i + 1].text == "-")
        return tok.pos_ in ("VERB", "ADV") and hyphen

    @staticmethod
    def _name_span(doc: Doc, atoms: dict[int, Atom], at: int) -> Span | None:
        """A proper name starting at token `at`: an NER entity, or a short PROPN run."""
        if at >= len(doc) or atoms.get(at) is not None:
            return None
        if doc[at].ent_iob_ == "B" and doc[at].ent_type_ in _NAME_LABELS:
            end = at + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if any(atoms.get(k) is not None for k in range(at, end)):
                return None
            return doc[at:end]
        run = at
        while (
            run < len(doc)
            and run - at < 3
            and doc[run].pos_ == "PROPN"
            and doc[run].is_title
            and atoms.get(run) is None
        ):
            run += 1
        return doc[at:run] if run > at else None

    @staticmethod
    def _is_head(doc: Doc, start: int, end: int, left: int) -> bool:
        last = doc[end - 1]
        if last.pos_ not in ("NOUN", "PROPN"):
            return False
        modifies_other = last.dep_ in ("compound", "amod", "nmod") and not left <= last.head.i < end
        return not modifies_other

    @staticmethod
    def _inside(doc: Doc, left: int, right: int, chain_start: int) -> bool:
        """The words after the country part up to the name form one noun phrase: only one
        attaches outside it, and that one is the role or the name (the phrase head). The
        country part itself may attach elsewhere ("Russian and Chinese negotiators")."""
        outside = [
            t
            for t in doc[left:right]
            if t.tag_ != "POS" and (t.head.i == t.i or not left <= t.head.i < right)
        ]
        return len(outside) == 1 and outside[0].i >= chain_start

    def _coordinated(self, doc: Doc, atoms: dict[int, Atom], phrase: Phrase) -> list[Phrase]:
        """ "Russian and Chinese negotiators": each conjoined country gets the role too."""
        out: list[Phrase] = []
        if phrase.country is None or phrase.country.kind not in ("adjective", "country"):
            return out
        i = phrase.country.start - 1
        while i >= 1 and doc[i].lower_ in ("and", "or", ","):
            j = i - 1
            if doc[j].lower_ in (",",) and j >= 1:
                j -= 1
            atom = atoms.get(j)
            if atom is None or atom.kind not in ("adjective", "country") or atom.end != j + 1:
                break
            out.append(Phrase(atom.start, atom.end, atom, phrase.roles, True, phrase.qualifiers))
            i = atom.start - 1
        return out
