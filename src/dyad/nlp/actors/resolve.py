"""Resolve people: by the document's date, by the role the text states, and by who the
document already named.

Why a per-document memory: news names a person in full once ("Xi Jinping") and then by
surname, honorific ("Mr. Xi") or description ("the Chinese leader"). The memory keeps, in
reading order, who was resolved and under which short names, so later mentions resolve to
the same person, and ambiguous KB surnames never resolve without that evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dyad.nlp.actors.kb import KnowledgeBase, Person, Term
from dyad.types import Actor

# Roles a bare "leader" can point to, whichever the country's constitution makes top.
TOP_ROLES = frozenset(
    {
        "president",
        "prime minister",
        "supreme leader",
        "general secretary",
        "monarch",
        "chancellor",
        "acting president",
    }
)
# Name order: family name first for these countries' people, so "Xi Jinping" -> "Xi".
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM"})


@dataclass
class DocMemory:
    """People resolved so far in one document, most recent last, and their short names."""

    seen: list[tuple[Person, str]] = field(default_factory=list)  # (person, country)
    short: dict[str, Person] = field(default_factory=dict)
    stated: dict[str, str] = field(default_factory=dict)  # person name -> role the text gave

    def remember(self, person: Person, country: str, role: str | None = None) -> None:
        self.seen.append((person, country))
        if role is not None:
            self.stated.setdefault(person.name, role)
        parts = person.name.replace("-", " ").split()
        if len(parts) > 1:
            key = parts[0] if country in _FAMILY_FIRST else parts[-1]
            self.short.setdefault(key, person)
        for alias in person.aliases:
            self.short.setdefault(alias, person)

    def recent(self, country: str) -> list[Person]:
        return [p for p, c in reversed(self.seen) if c == country]


class Resolver:
    """Turns people and role phrases into `Actor`s for one document's date."""

    def __init__(self, kb: KnowledgeBase, day: date | None) -> None:
        self.kb = kb
        self.day = day
        self.memory = DocMemory()

    def _term(self, person: Person, role: str | None) -> Term | None:
        """The term that gives the person's sector: the stated role's term (nearest to the
        date), else the term held on the date."""
        terms = self.kb.terms(person)
        if role is not None:
            stated = [t for t in terms if t.role == role]
            if stated:
                if self.day is None:
                    return stated[-1]
                day = self.day
                return min(
                    stated, key=lambda t: 0 if t.holds_on(day) else abs((t.start - day).days)
                )
        return self.kb.term_on(person, self.day) if self.day is not None else None

    def person_actor(self, person: Person, role: str | None = None, qualifier: str = "") -> Actor:
        """Actor of a resolved person, with the sector of the role held on the date."""
        terms = self.kb.terms(person)
        stated = role
        if role is None:  # "Shoigu" after "defence minister Sergei Shoigu": same office
            role = self.memory.stated.get(person.name)
        term = None if qualifier else self._term(person, role)
        if term is not None:
            country, sector, role = term.country, term.sector, term.role
        elif (
            self.day is not None
            and terms
            and all(t.end is not None and t.end < self.day for t in terms)
        ):
            country, sector = terms[-1].country, "ELI"
            role = role or f"former {terms[-1].role}"
        else:
            country = terms[-1].country if terms else ""
            sectors = {t.sector for t in terms}
            roles = {t.role for t in terms}
            sector = sectors.pop() if len(sectors) == 1 and self.day is None else None
            role = role or (roles.pop() if len(roles) == 1 and self.day is None else None)
        if qualifier:
            role = f"{qualifier} {role}" if role else None
            sector = "ELI" if qualifier.startswith("former") else sector
        self.memory.remember(person, country, stated if term is not None else None)
        igo = country.startswith("IGO")
        code = country if igo else country + (sector or "")
        return Actor(
            code=code,
            kind="person",
            country=None if igo else country,
            sector=sector,
            name=person.name,
            role=role,
        )

    def by_alias(
        self, alias: str, role: str | None = None, country: str | None = None
    ) -> Person | None:
        """The one person `alias` names here: the document's memory first, then the KB
        narrowed by stated role, country and date; None when still ambiguous."""
        remembered = self.memory.short.get(alias)
        if remembered is not None:
            return remembered
        people = list(self.kb.people_named(alias))
        if country is not None:
            people = [p for p in people if any(t.country == country for t in self.kb.terms(p))]
        if role is not None and len(people) > 1:
            stated = [p for p in people if any(t.role == role for t in self.kb.terms(p))]
            people = stated or people
        if len(people) > 1 and self.day is not None:
            day = self.day
            people = [p for p in people if self.kb.term_on(p, day) is not None]
        return people[0] if len(people) == 1 else None

    def by_role(self, country: str, role: str) -> Person | None:
        """Who "the <country> <role>" is: for "leader", the last top official the document
        named, else the office holder on the date; None when unknown."""
        if role == "leader":
            for person in self.memory.recent(country):
                term = self._term(person, None)
                roles = {term.role} if term else {t.role for t in self.kb.terms(person)}
                if roles & TOP_ROLES:
                    return person
            entry = self.kb.country(country)
            role = entry.leader if entry is not None and entry.leader else role
        if self.day is not None:
            holders = self.kb.holders(country, role, self.day)
            return holders[0] if len(holders) == 1 else None
        for person in self.memory.recent(country):
            if any(t.role == role for t in self.kb.terms(person)):
                return person
        return None
